"""Unexpected errors stay masked, in queries and in every subscription result, with the
extension that looks at a result only when it holds errors."""

from collections.abc import AsyncGenerator

import pytest
import strawberry

from graphql_api.error_log import is_unexpected
from graphql_api.schema import PawgraphSchema, ResultsWithErrorsOnly


@strawberry.type
class Query:
    @strawberry.field
    def broken(self) -> str:
        raise RuntimeError("internal detail")

    @strawberry.field
    def fine(self) -> str:
        return "ok"


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def ticks(self) -> AsyncGenerator[int, None]:
        yield 1
        yield 2

    @strawberry.subscription
    async def broken_ticks(self) -> AsyncGenerator[int, None]:
        yield 1
        raise RuntimeError("internal detail")


stock_schema = strawberry.Schema(
    query=Query,
    subscription=Subscription,
    extensions=[lambda: ResultsWithErrorsOnly(should_mask_error=is_unexpected)],
)
# Ours runs an operation's one stream result hook (this one) without Strawberry's wrapping.
schema = PawgraphSchema(
    query=Query,
    subscription=Subscription,
    extensions=[lambda: ResultsWithErrorsOnly(should_mask_error=is_unexpected)],
)


async def test_a_query_error_is_masked():
    result = await schema.execute("{ broken }")

    assert [error.message for error in result.errors] == ["Unexpected error."]


async def test_a_result_without_errors_is_untouched():
    result = await schema.execute("{ fine }")

    assert result.errors is None
    assert result.data == {"fine": "ok"}


@pytest.mark.parametrize("schema", [stock_schema, schema], ids=["strawberry", "pawgraph"])
async def test_every_subscription_result_is_masked(schema):
    results = [result async for result in await schema.subscribe("subscription { brokenTicks }")]

    assert results[0].data == {"brokenTicks": 1}
    assert [error.message for error in results[-1].errors] == ["Unexpected error."]


@pytest.mark.parametrize("schema", [stock_schema, schema], ids=["strawberry", "pawgraph"])
async def test_subscription_results_without_errors_pass_as_they_are(schema):
    results = [result async for result in await schema.subscribe("subscription { ticks }")]

    assert [result.data for result in results] == [{"ticks": 1}, {"ticks": 2}]
    assert all(not result.errors for result in results)
