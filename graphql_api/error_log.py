"""Which GraphQL errors are the client's and which are bugs, and how each is logged.

Expected errors (a DomainError such as NOT_AUTHENTICATED or a pagination mistake, a bad
GlobalID, a query that fails to parse or validate or breaks a limit) are the client's business:
one line at info level, no traceback. Anything else is a bug: logged at error level with its
traceback, and masked as "Unexpected error." in the response (``schema.py``).
"""

import logging

from graphql import GraphQLError
from strawberry import Schema
from strawberry.relay.types import GlobalIDValueError
from strawberry.types import ExecutionContext

from graphql_api.db import is_transient
from graphql_api.errors import CommonErrorCode, DomainError

logger = logging.getLogger("pawgraph.graphql")

# Errors the client caused; everything else wrapping a Python exception is a bug.
_CLIENT_ERRORS = (DomainError, GraphQLError, GlobalIDValueError)


def is_unexpected(error: GraphQLError) -> bool:
    """A bug (masked as "Unexpected error."): not a client's mistake, nor a database that is
    out of reach or rolled the transaction back for another's (that is SERVICE_UNAVAILABLE)."""
    original = error.original_error
    return (
        original is not None
        and not isinstance(original, _CLIENT_ERRORS)
        and not is_transient(original)
    )


def error_code(error: GraphQLError) -> str:
    """The code a client sees (or would): a domain code, INVALID_ID, or GRAPHQL_VALIDATION for
    a request refused before it ran (parse, validation, query limits)."""
    original = error.original_error
    if isinstance(original, DomainError):
        return original.code.value
    if isinstance(original, GlobalIDValueError):
        return CommonErrorCode.INVALID_ID.value
    if original is None and error.path is None:
        return "GRAPHQL_VALIDATION"
    return "GRAPHQL_ERROR"


class LoggedSchema(Schema):
    """A Strawberry schema that logs expected errors in one line and bugs with a traceback
    (Strawberry's own logs every error with a traceback)."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        operation = (execution_context.operation_name if execution_context else None) or "-"
        # Not `viewer`: with the database down it raises, and a log line must not.
        viewer = getattr(getattr(execution_context, "context", None), "known_viewer", None)
        user = viewer.user_id if viewer is not None else "-"
        for error in errors:
            path = ".".join(str(part) for part in error.path) if error.path else "-"
            if is_unexpected(error):
                logger.error(
                    "GraphQL operation %s (user %s) failed at %s: %s",
                    operation,
                    user,
                    path,
                    error.message,
                    exc_info=error.original_error,
                )
            else:
                logger.info(
                    "GraphQL %s in operation %s (user %s) at %s: %s",
                    error_code(error),
                    operation,
                    user,
                    path,
                    error.message,
                )
