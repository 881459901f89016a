import enum

from graphql_api.errors import NotFound, ValidationFailed


class CommandErrorCode(enum.StrEnum):
    COMMAND_NOT_FOUND = "COMMAND_NOT_FOUND"
    COMMAND_NOT_SUPPORTED = "COMMAND_NOT_SUPPORTED"
    INVALID_COMMAND = "INVALID_COMMAND"


class CommandNotFound(NotFound):
    default_code = CommandErrorCode.COMMAND_NOT_FOUND
    default_message = "Command not found."


class CommandNotSupported(ValidationFailed):
    """The device is of a kind that cannot run this command (feed an outlet, relay a feeder)."""

    default_code = CommandErrorCode.COMMAND_NOT_SUPPORTED
    default_message = "This device cannot run this command."


class InvalidCommand(ValidationFailed):
    default_code = CommandErrorCode.INVALID_COMMAND
    default_message = "Invalid command arguments."
