"""Extensions are asked for results only when they report some: one that does still reports
in every query and subscription result."""

from collections.abc import AsyncGenerator

import strawberry
from strawberry.extensions import SchemaExtension

from graphql_api.schema import PawgraphSchema


class Reporting(SchemaExtension):
    def get_results(self) -> dict:
        return {"reported": True}


class Silent(SchemaExtension):
    pass


@strawberry.type
class Query:
    @strawberry.field
    def fine(self) -> str:
        return "ok"


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def ticks(self) -> AsyncGenerator[int, None]:
        yield 1
        yield 2


def schema(*extensions: type[SchemaExtension]) -> PawgraphSchema:
    return PawgraphSchema(query=Query, subscription=Subscription, extensions=list(extensions))


async def test_a_reporting_extension_reports_in_a_query():
    result = await schema(Silent, Reporting).execute("{ fine }")

    assert result.extensions == {"reported": True}


async def test_a_reporting_extension_reports_in_every_subscription_result():
    subscription = await schema(Reporting, Silent).subscribe("subscription { ticks }")
    results = [result async for result in subscription]

    assert [result.extensions for result in results] == [{"reported": True}] * 2


async def test_silent_extensions_add_nothing():
    result = await schema(Silent).execute("{ fine }")

    assert not result.extensions
