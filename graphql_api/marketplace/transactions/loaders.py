"""Transaction relations, one query per batch, answers in key order."""

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.marketplace.transactions.models import Transaction
from graphql_api.marketplace.transactions.repository import TransactionRepository


async def transactions_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Transaction | None]:
    if viewer is None:
        return [None] * len(ids)
    return await TransactionRepository(session).get_readable_by_ids(viewer, ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "transaction_by_id": transactions_by_id,
}
