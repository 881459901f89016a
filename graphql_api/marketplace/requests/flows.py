"""What each party is told about a purchase request, written in the mover's transaction."""

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.marketplace.listings.models import Listing
from graphql_api.marketplace.requests.models import PurchaseRequest, RequestState
from graphql_api.marketplace.requests.state_machine import Move, Transition
from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.models import NotificationKind

TARGET_TYPE = "PurchaseRequest"


def _offer(request: PurchaseRequest) -> str:
    return f"{request.price} {request.currency}"


def describe(transition: Transition, request: PurchaseRequest, listing: Listing) -> str:
    title = f"“{listing.title}”"
    mover = transition.actor.lower()
    texts = {
        Move.COUNTER: f"The {mover} made a counter-offer on {title}: {_offer(request)}.",
        Move.ACCEPT: f"The {mover} accepted the offer of {_offer(request)} for {title}.",
        Move.REJECT: f"The {mover} rejected the offer for {title}.",
        Move.CANCEL: f"The {mover} cancelled the purchase of {title}.",
        Move.PAY: f"The buyer marked {title} as paid ({_offer(request)}).",
        Move.COMPLETE: f"The sale of {title} is complete.",
    }
    if transition.move is Move.SCHEDULE_MEETUP:
        when = request.meetup_at.isoformat() if request.meetup_at else "?"
        return f"The {mover} scheduled the meetup for {title}: {request.meetup_place}, {when}."
    return texts[transition.move]


async def tell_other_party(
    session: AsyncSession,
    transition: Transition,
    request: PurchaseRequest,
    listing: Listing,
    actor_id: int,
) -> None:
    recipient = request.seller_id if actor_id == request.buyer_id else request.buyer_id
    await notifications_service.notify(
        session,
        recipient_id=recipient,
        kind=NotificationKind.PURCHASE_REQUEST_UPDATED,
        text=describe(transition, request, listing),
        actor_id=actor_id,
        target=(TARGET_TYPE, request.id),
    )


async def tell_seller_of_new_request(
    session: AsyncSession, request: PurchaseRequest, listing: Listing
) -> None:
    await notifications_service.notify(
        session,
        recipient_id=request.seller_id,
        kind=NotificationKind.PURCHASE_REQUEST,
        text=f"New purchase request for “{listing.title}”: {_offer(request)}.",
        actor_id=request.buyer_id,
        target=(TARGET_TYPE, request.id),
    )


async def tell_buyer(
    session: AsyncSession, request: PurchaseRequest, text: str, actor_id: int | None = None
) -> None:
    """A note to a buyer about their request that no move of theirs caused."""
    await notifications_service.notify(
        session,
        recipient_id=request.buyer_id,
        kind=NotificationKind.PURCHASE_REQUEST_UPDATED,
        text=text,
        actor_id=actor_id,
        target=(TARGET_TYPE, request.id),
    )


def withdrawal_text(listing: Listing, state: RequestState) -> str:
    return (
        f"Your request for “{listing.title}” was closed ({state}): the listing is {listing.status}."
    )
