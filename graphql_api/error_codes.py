"""``ErrorCode``: the one GraphQL enum of every reason a mutation can fail.

It joins ``CommonErrorCode`` and each domain's ``<Domain>ErrorCode`` (declared in the domain's
``errors.py``; domains are listed in ``graphql_api.domains``), so clients switch on one type.
Only the schema's edge needs it: payload types refer to it lazily (``graphql_api.payloads``), so
no domain's ``types`` module imports every other domain's errors.
"""

import enum

import strawberry

from graphql_api.domains import domain_modules
from graphql_api.errors import CommonErrorCode, DomainError


def _declared_code_enums() -> list[type[enum.StrEnum]]:
    return [
        value
        for module in domain_modules("errors")
        for name, value in vars(module).items()
        if name.endswith("ErrorCode")
        and isinstance(value, type)
        and issubclass(value, enum.StrEnum)
        and value.__module__ == module.__name__
    ]


ERROR_CODE_ENUMS: tuple[type[enum.StrEnum], ...] = (CommonErrorCode, *_declared_code_enums())

ErrorCode = strawberry.enum(
    enum.Enum(
        "ErrorCode",
        {member.value: member.value for codes in ERROR_CODE_ENUMS for member in codes},
    ),
    description="Why a mutation could not be carried out; stable, for clients to switch on.",
)


def error_code_of(error: DomainError) -> ErrorCode:
    return ErrorCode(error.code.value)
