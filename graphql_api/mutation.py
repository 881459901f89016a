"""The mutation boundary: one unit of work per mutation, and domain errors as ``userErrors``.

Every mutation field carries ``extensions=[MutationBoundary()]`` and returns a payload type
built on ``graphql_api.payloads.Payload``. The boundary commits when the resolver returns, then
sends the events the services buffered; on a :class:`DomainError` it rolls back (nothing
half-written, no events) and returns the field's payload with ``userErrors`` filled in.
Resolvers never build error lists by hand.
"""

from typing import Any

import strawberry
from strawberry.extensions import FieldExtension
from strawberry.types.field import StrawberryField

from graphql_api import ratelimit
from graphql_api.error_codes import error_code_of
from graphql_api.errors import DomainError, retry_after_of
from graphql_api.payloads import UserError
from graphql_api.unit_of_work import as_service_unavailable


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
            await _count_mutation(context)
            result = await next_(source, info, **kwargs)
            await context.commit_operation()
        except DomainError as error:
            await context.rollback_operation()
            return self._refused(error)
        except BaseException as error:
            await context.rollback_operation()
            unavailable = as_service_unavailable(error)
            if isinstance(unavailable, DomainError):
                return self._refused(unavailable)
            raise
        return result

    def _refused(self, error: DomainError) -> Any:
        user_error = UserError(
            field=error.field,
            code=error_code_of(error),
            message=error.message,
            retry_after=retry_after_of(error),
        )
        return self.payload_type(user_errors=[user_error])


async def _count_mutation(context: Any) -> None:
    """Mutations per user are limited (ratelimit.MUTATIONS_PER_USER)."""
    viewer = context.viewer
    if viewer is not None:
        limiter = context.app_state.limiter
        await limiter.hit(ratelimit.MUTATIONS_PER_USER, str(viewer.user_id))
