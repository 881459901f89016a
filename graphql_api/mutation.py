"""The mutation boundary: one unit of work per mutation, and domain errors as ``userErrors``.

Every mutation field carries ``extensions=[MutationBoundary()]`` and returns a payload type
built on :class:`Payload`. The boundary commits when the resolver returns, then sends the
events the services buffered; on a :class:`DomainError` it rolls back (nothing half-written,
no events) and returns the field's payload with ``userErrors`` filled in. Resolvers never build
error lists by hand.
"""

import enum
from typing import Any

import strawberry
from strawberry.extensions import FieldExtension
from strawberry.types.field import StrawberryField

from graphql_api.accounts.errors import AccountErrorCode
from graphql_api.alerts.errors import AlertErrorCode
from graphql_api.commands.errors import CommandErrorCode
from graphql_api.devices.errors import DeviceErrorCode
from graphql_api.errors import CommonErrorCode, DomainError
from graphql_api.feeding.errors import FeedingErrorCode
from graphql_api.marketplace.errors import MarketplaceErrorCode
from graphql_api.moderation.errors import ModerationErrorCode
from graphql_api.notifications.errors import NotificationErrorCode
from graphql_api.outlets.errors import OutletErrorCode
from graphql_api.pairing.errors import PairingErrorCode
from graphql_api.pets.errors import PetErrorCode
from graphql_api.schedules.errors import ScheduleErrorCode
from graphql_api.social.errors import SocialErrorCode
from graphql_api.telemetry.errors import TelemetryErrorCode

# Every domain's codes, one GraphQL enum: clients switch on one type.
_DOMAIN_CODE_ENUMS: tuple[type[enum.StrEnum], ...] = (
    CommonErrorCode,
    AccountErrorCode,
    PetErrorCode,
    DeviceErrorCode,
    AlertErrorCode,
    NotificationErrorCode,
    CommandErrorCode,
    FeedingErrorCode,
    ScheduleErrorCode,
    PairingErrorCode,
    TelemetryErrorCode,
    OutletErrorCode,
    MarketplaceErrorCode,
    ModerationErrorCode,
    SocialErrorCode,
)

ErrorCode = strawberry.enum(
    enum.Enum(
        "ErrorCode",
        {member.value: member.value for codes in _DOMAIN_CODE_ENUMS for member in codes},
    ),
    description="Why a mutation could not be carried out; stable, for clients to switch on.",
)


@strawberry.type(description="An expected failure of a mutation, in terms of its input.")
class UserError:
    field: list[str] | None = strawberry.field(
        description="Path to the input field at fault, if one is; null for the whole input."
    )
    code: ErrorCode = strawberry.field(description="Machine-readable reason.")
    message: str = strawberry.field(description="Human-readable reason, safe to show.")

    @classmethod
    def from_domain_error(cls, error: DomainError) -> "UserError":
        return cls(field=error.field, code=ErrorCode(error.code.value), message=error.message)


@strawberry.type
class Payload:
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why the mutation failed; empty on success."
    )


def _describe_input_argument(field: StrawberryField) -> None:
    """The one ``input`` argument is documented by its input type's description."""
    for argument in field.arguments:
        definition = getattr(argument.type, "__strawberry_definition__", None)
        if argument.python_name == "input" and argument.description is None and definition:
            argument.description = definition.description


class MutationBoundary(FieldExtension):
    def apply(self, field: StrawberryField) -> None:
        self.payload_type = field.type
        _describe_input_argument(field)

    def resolve(self, next_, source, info, **kwargs):  # pragma: no cover - all mutations are async
        raise TypeError("MutationBoundary needs an async resolver")

    async def resolve_async(self, next_, source: Any, info: strawberry.Info, **kwargs: Any) -> Any:
        context = info.context
        try:
            result = await next_(source, info, **kwargs)
        except DomainError as error:
            await context.rollback()
            return self.payload_type(user_errors=[UserError.from_domain_error(error)])
        except BaseException:
            await context.rollback()
            raise
        await context.commit()
        return result
