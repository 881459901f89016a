from collections.abc import Sequence

from sqlalchemy import Select, or_, select

from graphql_api.auth import Viewer
from graphql_api.marketplace.transactions.models import Transaction
from graphql_api.repository import RepositoryBase


class TransactionRepository(RepositoryBase[Transaction]):
    model = Transaction

    def readable_statement(self, viewer: Viewer) -> Select[tuple[Transaction]]:
        """A sale is seen by its two parties, and by staff."""
        statement = select(Transaction)
        if viewer.is_staff:
            return statement
        return statement.where(
            or_(Transaction.seller_id == viewer.user_id, Transaction.buyer_id == viewer.user_id)
        )

    def own_statement(self, viewer: Viewer, as_seller: bool | None) -> Select[tuple[Transaction]]:
        """The viewer's own sales and purchases (staff included: history is personal)."""
        if as_seller is True:
            return select(Transaction).where(Transaction.seller_id == viewer.user_id)
        if as_seller is False:
            return select(Transaction).where(Transaction.buyer_id == viewer.user_id)
        return select(Transaction).where(
            or_(Transaction.seller_id == viewer.user_id, Transaction.buyer_id == viewer.user_id)
        )

    async def get_readable_by_ids(
        self, viewer: Viewer, ids: Sequence[int]
    ) -> list[Transaction | None]:
        statement = self.readable_statement(viewer).where(Transaction.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda row: row.id)
