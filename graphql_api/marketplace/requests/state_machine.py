"""The purchase-request lifecycle as one transition table: state × move → (who, next state).

    PENDING ─┬─ COUNTER ─▶ NEGOTIATING ─┬─ COUNTER ─▶ NEGOTIATING
             ├─ ACCEPT ──▶ ACCEPTED ◀───┤ ACCEPT
             ├─ REJECT ──▶ REJECTED ◀───┤ REJECT
             └─ CANCEL ──▶ CANCELLED ◀──┘ CANCEL
    ACCEPTED ── SCHEDULE_MEETUP ─▶ MEETUP_SCHEDULED ── PAY ─▶ PAID ── COMPLETE ─▶ COMPLETED
    (ACCEPTED, MEETUP_SCHEDULED: either party may CANCEL; a meetup may be rescheduled)

While an offer is on the table, the party it was made *to* answers it (``RESPONDER``): the
seller answers the buyer's opening offer, then whoever did not make the latest counter-offer.
``WITHDRAW`` is the system's move: it closes open requests when their listing is sold to
someone else, sold directly or removed.
"""

import enum
from dataclasses import dataclass

from graphql_api.marketplace.requests.errors import IllegalRequestMove, NotYourMove
from graphql_api.marketplace.requests.models import PurchaseRequest, RequestState


class Move(enum.StrEnum):
    COUNTER = "COUNTER"
    ACCEPT = "ACCEPT"
    REJECT = "REJECT"
    CANCEL = "CANCEL"
    SCHEDULE_MEETUP = "SCHEDULE_MEETUP"
    PAY = "PAY"
    COMPLETE = "COMPLETE"
    WITHDRAW = "WITHDRAW"


class Party(enum.StrEnum):
    BUYER = "BUYER"
    SELLER = "SELLER"
    RESPONDER = "RESPONDER"
    EITHER = "EITHER"
    SYSTEM = "SYSTEM"


S = RequestState

TRANSITIONS: dict[tuple[RequestState, Move], tuple[Party, RequestState]] = {
    (S.PENDING, Move.COUNTER): (Party.RESPONDER, S.NEGOTIATING),
    (S.PENDING, Move.ACCEPT): (Party.RESPONDER, S.ACCEPTED),
    (S.PENDING, Move.REJECT): (Party.RESPONDER, S.REJECTED),
    (S.PENDING, Move.CANCEL): (Party.BUYER, S.CANCELLED),
    (S.PENDING, Move.WITHDRAW): (Party.SYSTEM, S.REJECTED),
    (S.NEGOTIATING, Move.COUNTER): (Party.RESPONDER, S.NEGOTIATING),
    (S.NEGOTIATING, Move.ACCEPT): (Party.RESPONDER, S.ACCEPTED),
    (S.NEGOTIATING, Move.REJECT): (Party.RESPONDER, S.REJECTED),
    (S.NEGOTIATING, Move.CANCEL): (Party.BUYER, S.CANCELLED),
    (S.NEGOTIATING, Move.WITHDRAW): (Party.SYSTEM, S.REJECTED),
    (S.ACCEPTED, Move.SCHEDULE_MEETUP): (Party.EITHER, S.MEETUP_SCHEDULED),
    (S.ACCEPTED, Move.CANCEL): (Party.EITHER, S.CANCELLED),
    (S.ACCEPTED, Move.WITHDRAW): (Party.SYSTEM, S.CANCELLED),
    (S.MEETUP_SCHEDULED, Move.SCHEDULE_MEETUP): (Party.EITHER, S.MEETUP_SCHEDULED),
    (S.MEETUP_SCHEDULED, Move.PAY): (Party.BUYER, S.PAID),
    (S.MEETUP_SCHEDULED, Move.CANCEL): (Party.EITHER, S.CANCELLED),
    (S.MEETUP_SCHEDULED, Move.WITHDRAW): (Party.SYSTEM, S.CANCELLED),
    (S.PAID, Move.COMPLETE): (Party.SELLER, S.COMPLETED),
    (S.PAID, Move.WITHDRAW): (Party.SYSTEM, S.CANCELLED),
}

_MOVE_WORDS = {
    Move.COUNTER: "make a counter-offer on",
    Move.ACCEPT: "accept",
    Move.REJECT: "reject",
    Move.CANCEL: "cancel",
    Move.SCHEDULE_MEETUP: "schedule a meetup for",
    Move.PAY: "mark as paid",
    Move.COMPLETE: "complete",
    Move.WITHDRAW: "withdraw",
}


@dataclass(frozen=True, slots=True)
class Transition:
    move: Move
    source: RequestState
    target: RequestState
    actor: Party  # BUYER or SELLER who moved; SYSTEM for withdrawals


def legal_moves(state: RequestState) -> list[Move]:
    return [move for (source, move) in TRANSITIONS if source is state and move is not Move.WITHDRAW]


def moves_for(request: PurchaseRequest, user_id: int) -> list[Move]:
    """The moves ``user_id`` may make on ``request`` now (for the apps' buttons)."""
    allowed = []
    for move in legal_moves(request.state):
        try:
            transition(request, move, user_id)
        except (IllegalRequestMove, NotYourMove):
            continue
        allowed.append(move)
    return allowed


def party_of(request: PurchaseRequest, user_id: int) -> Party | None:
    if user_id == request.buyer_id:
        return Party.BUYER
    if user_id == request.seller_id:
        return Party.SELLER
    return None


def _responder(request: PurchaseRequest) -> Party:
    return Party.SELLER if request.offered_by_id == request.buyer_id else Party.BUYER


def _describe(request: PurchaseRequest, who: Party) -> str:
    if who is Party.RESPONDER:
        return f"the {_responder(request).lower()}, who received the latest offer,"
    if who is Party.EITHER:
        return "the buyer or the seller"
    return f"the {who.lower()}"


def transition(request: PurchaseRequest, move: Move, actor_id: int | None) -> Transition:
    """The transition ``actor_id`` makes with ``move`` (None: the system); raises when illegal.

    IllegalRequestMove when the move does not exist from the current state; NotYourMove when it
    does but belongs to the other party. Both name the current state.
    """
    state = request.state
    rule = TRANSITIONS.get((state, move))
    if rule is None or (move is Move.WITHDRAW) != (actor_id is None):
        allowed = ", ".join(legal_moves(state)) or "none: it is closed"
        raise IllegalRequestMove(
            f"Cannot {_MOVE_WORDS[move]} a request that is {state}; moves from {state}: {allowed}."
        )
    who, target = rule
    if actor_id is None:
        return Transition(move, state, target, Party.SYSTEM)
    actor = party_of(request, actor_id)
    expected = _responder(request) if who is Party.RESPONDER else who
    if actor is None or (expected is not Party.EITHER and actor is not expected):
        raise NotYourMove(
            f"Only {_describe(request, who)} may {_MOVE_WORDS[move]} a request that is {state}."
        )
    return Transition(move, state, target, actor)
