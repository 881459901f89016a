"""The base of every mutation payload: ``userErrors``, the expected failures of a mutation.

Every domain's ``types.py`` builds its payloads on :class:`Payload`. The error-code enum is
referred to lazily (``graphql_api.error_codes`` joins every domain's codes), so importing this
module pulls in no domain.
"""

from typing import TYPE_CHECKING, Annotated

import strawberry

if TYPE_CHECKING:
    from graphql_api.error_codes import ErrorCode


@strawberry.type(description="An expected failure of a mutation, in terms of its input.")
class UserError:
    field: list[str] | None = strawberry.field(
        description="Path to the input field at fault, if one is; null for the whole input."
    )
    code: Annotated["ErrorCode", strawberry.lazy("graphql_api.error_codes")] = strawberry.field(
        description="Machine-readable reason."
    )
    message: str = strawberry.field(description="Human-readable reason, safe to show.")
    retry_after: int | None = strawberry.field(
        default=None,
        description="RATE_LIMITED, SERVICE_UNAVAILABLE: seconds to wait before trying again.",
    )


@strawberry.type
class Payload:
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why the mutation failed; empty on success."
    )
