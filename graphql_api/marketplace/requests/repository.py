from collections.abc import Sequence

from sqlalchemy import Select, or_, select

from graphql_api.auth import Viewer
from graphql_api.marketplace.requests.models import (
    OPEN_REQUEST_STATES,
    PurchaseOffer,
    PurchaseRequest,
    RequestState,
)
from graphql_api.pagination import Page, PageArgs
from graphql_api.repository import RepositoryBase


class PurchaseRequestRepository(RepositoryBase[PurchaseRequest]):
    model = PurchaseRequest

    def readable_statement(self, viewer: Viewer) -> Select[tuple[PurchaseRequest]]:
        """A request is seen by its buyer and its seller, and by staff; nobody else."""
        statement = select(PurchaseRequest)
        if viewer.is_staff:
            return statement
        return statement.where(
            or_(
                PurchaseRequest.buyer_id == viewer.user_id,
                PurchaseRequest.seller_id == viewer.user_id,
            )
        )

    def party_statement(
        self,
        viewer: Viewer,
        as_seller: bool | None,
        states: Sequence[RequestState] | None,
        listing_id: int | None,
    ) -> Select[tuple[PurchaseRequest]]:
        """Requests the viewer is a party to (as buyer, seller or either)."""
        mine = {
            True: PurchaseRequest.seller_id == viewer.user_id,
            False: PurchaseRequest.buyer_id == viewer.user_id,
            None: or_(
                PurchaseRequest.buyer_id == viewer.user_id,
                PurchaseRequest.seller_id == viewer.user_id,
            ),
        }[as_seller]
        statement = select(PurchaseRequest).where(mine)
        if states:
            statement = statement.where(PurchaseRequest.state.in_(states))
        if listing_id is not None:
            statement = statement.where(PurchaseRequest.listing_id == listing_id)
        return statement

    async def get_readable(self, viewer: Viewer, request_id: int) -> PurchaseRequest | None:
        statement = self.readable_statement(viewer).where(PurchaseRequest.id == request_id)
        return await self.get_one_or_none(statement.with_for_update())

    async def get_readable_by_ids(
        self, viewer: Viewer, ids: Sequence[int]
    ) -> list[PurchaseRequest | None]:
        statement = self.readable_statement(viewer).where(PurchaseRequest.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda row: row.id)

    async def get_open(self, listing_id: int, buyer_id: int) -> PurchaseRequest | None:
        statement = select(PurchaseRequest).where(
            PurchaseRequest.listing_id == listing_id,
            PurchaseRequest.buyer_id == buyer_id,
            PurchaseRequest.state.in_(OPEN_REQUEST_STATES),
        )
        return await self.get_one_or_none(statement)

    async def list_open_for_listing(
        self, listing_id: int, states: Sequence[RequestState] = tuple(OPEN_REQUEST_STATES)
    ) -> list[PurchaseRequest]:
        statement = (
            select(PurchaseRequest)
            .where(PurchaseRequest.listing_id == listing_id, PurchaseRequest.state.in_(states))
            .order_by(PurchaseRequest.id)
            .with_for_update()
        )
        return await self.scalars(statement)

    async def offer_pages_by_request_ids(
        self, request_ids: Sequence[int], page: PageArgs
    ) -> list[Page[PurchaseOffer]]:
        """One page of each request's offers, oldest first, in one statement."""
        return await self.paginate_groups(
            select(PurchaseOffer), PurchaseOffer.request_id, request_ids, page, model=PurchaseOffer
        )

    async def offer_counts_by_request_ids(self, request_ids: Sequence[int]) -> list[int]:
        return await self.count_groups(select(PurchaseOffer), PurchaseOffer.request_id, request_ids)
