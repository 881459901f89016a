import enum

from graphql_api.errors import NotFound, ValidationFailed


class PetErrorCode(enum.StrEnum):
    PET_NOT_FOUND = "PET_NOT_FOUND"
    INVALID_PET = "INVALID_PET"


class PetNotFound(NotFound):
    default_code = PetErrorCode.PET_NOT_FOUND
    default_message = "Pet not found."


class InvalidPet(ValidationFailed):
    default_code = PetErrorCode.INVALID_PET
