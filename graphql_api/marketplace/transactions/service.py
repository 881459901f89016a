"""Transactions: the record of each completed sale; each party sees their own history."""

import datetime as dt
import enum
from collections.abc import Awaitable, Callable
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_viewer
from graphql_api.marketplace.keyset import keyset_page
from graphql_api.marketplace.listings.models import Listing
from graphql_api.marketplace.transactions.models import Transaction
from graphql_api.marketplace.transactions.repository import TransactionRepository
from graphql_api.pagination import Page, PageArgs


class TransactionRole(enum.StrEnum):
    BUYER = "BUYER"
    SELLER = "SELLER"


async def record(
    session: AsyncSession,
    listing: Listing,
    *,
    buyer_id: int | None,
    price: Decimal,
    started_at: dt.datetime,
    completed_at: dt.datetime,
    request_id: int | None = None,
) -> Transaction:
    """Write the sale of ``listing``; callers have already checked the move is allowed."""
    repository = TransactionRepository(session)
    transaction = repository.add(
        Transaction(
            listing_id=listing.id,
            request_id=request_id,
            seller_id=listing.seller_id,
            buyer_id=buyer_id,
            price=price,
            currency=listing.currency,
            started_at=started_at,
            completed_at=completed_at,
        )
    )
    await repository.flush()
    return transaction


async def list_for_viewer(
    session: AsyncSession, viewer: Viewer | None, page: PageArgs, role: TransactionRole | None
) -> tuple[Page[Transaction], Callable[[], Awaitable[int]]]:
    """The viewer's sales and/or purchases, most recently completed first."""
    viewer = require_viewer(viewer)
    repository = TransactionRepository(session)
    as_seller = None if role is None else role is TransactionRole.SELLER
    statement = repository.own_statement(viewer, as_seller)
    result = await keyset_page(
        repository, statement, page, Transaction.completed_at, descending=True
    )
    return result, repository.counter(statement)
