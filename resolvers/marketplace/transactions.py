"""Transaction root fields: the viewer's completed sales and purchases."""

from typing import Annotated

import strawberry

from graphql_api.marketplace.transactions import service as transactions_service
from graphql_api.marketplace.transactions.types import Transaction, TransactionRole
from graphql_api.relay import Connection, build_connection, page_args
from resolvers.marketplace.arguments import After, Before, First, Last


@strawberry.type
class TransactionQueries:
    @strawberry.field(description="The viewer's completed sales and purchases, latest first.")
    async def my_transactions(
        self,
        info: strawberry.Info,
        role: Annotated[
            TransactionRole | None, strawberry.argument(description="Only sales or only purchases.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Transaction]:
        page, count = await transactions_service.list_for_viewer(
            info.context.session,
            info.context.viewer,
            page_args(info, first, after, last, before),
            transactions_service.TransactionRole(role) if role else None,
        )
        return build_connection(page, count, Transaction.from_model)
