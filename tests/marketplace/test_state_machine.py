"""The transition table, move by move: every state, every move, every party."""

import pytest

from graphql_api.marketplace.requests.errors import IllegalRequestMove, NotYourMove
from graphql_api.marketplace.requests.models import PurchaseRequest, RequestState
from graphql_api.marketplace.requests.state_machine import (
    TRANSITIONS,
    Move,
    Party,
    legal_moves,
    moves_for,
    transition,
)

BUYER, SELLER, STRANGER = 1, 2, 3
S = RequestState

# (state, move) → who may make it, as the product describes the lifecycle.
EXPECTED = {
    (S.PENDING, Move.COUNTER): (SELLER, S.NEGOTIATING),
    (S.PENDING, Move.ACCEPT): (SELLER, S.ACCEPTED),
    (S.PENDING, Move.REJECT): (SELLER, S.REJECTED),
    (S.PENDING, Move.CANCEL): (BUYER, S.CANCELLED),
    (S.ACCEPTED, Move.SCHEDULE_MEETUP): ((BUYER, SELLER), S.MEETUP_SCHEDULED),
    (S.ACCEPTED, Move.CANCEL): ((BUYER, SELLER), S.CANCELLED),
    (S.MEETUP_SCHEDULED, Move.SCHEDULE_MEETUP): ((BUYER, SELLER), S.MEETUP_SCHEDULED),
    (S.MEETUP_SCHEDULED, Move.PAY): (BUYER, S.PAID),
    (S.MEETUP_SCHEDULED, Move.CANCEL): ((BUYER, SELLER), S.CANCELLED),
    (S.PAID, Move.COMPLETE): (SELLER, S.COMPLETED),
}
USER_MOVES = [move for move in Move if move is not Move.WITHDRAW]


def request_in(state: RequestState, offered_by: int = BUYER) -> PurchaseRequest:
    return PurchaseRequest(state=state, buyer_id=BUYER, seller_id=SELLER, offered_by_id=offered_by)


def allowed(who) -> set[int]:
    return set(who) if isinstance(who, tuple) else {who}


class TestLegalMoves:
    @pytest.mark.parametrize(("state", "move"), list(EXPECTED))
    def test_the_right_party_makes_the_move(self, state, move):
        # given
        who, target = EXPECTED[(state, move)]
        for actor in allowed(who):
            # when
            step = transition(request_in(state), move, actor)
            # then
            assert step.target is target
            assert step.source is state

    @pytest.mark.parametrize(("state", "move"), list(EXPECTED))
    def test_the_other_party_and_strangers_may_not(self, state, move):
        # given
        who, _ = EXPECTED[(state, move)]
        for actor in {BUYER, SELLER, STRANGER} - allowed(who):
            # when / then
            with pytest.raises(NotYourMove, match=str(state)):
                transition(request_in(state), move, actor)


class TestNegotiation:
    @pytest.mark.parametrize("move", [Move.COUNTER, Move.ACCEPT, Move.REJECT])
    def test_the_party_who_received_the_latest_offer_answers_it(self, move):
        # given: the seller countered, so the buyer answers
        request = request_in(S.NEGOTIATING, offered_by=SELLER)
        # when
        step = transition(request, move, BUYER)
        # then
        assert step.actor is Party.BUYER
        with pytest.raises(NotYourMove, match="NEGOTIATING"):
            transition(request, move, SELLER)

    def test_the_buyer_may_cancel_while_negotiating(self):
        # given
        request = request_in(S.NEGOTIATING, offered_by=SELLER)
        # when
        step = transition(request, Move.CANCEL, BUYER)
        # then
        assert step.target is S.CANCELLED


class TestIllegalMoves:
    @pytest.mark.parametrize("state", list(RequestState))
    def test_every_move_missing_from_the_table_names_the_current_state(self, state):
        # given
        missing = [move for move in USER_MOVES if (state, move) not in TRANSITIONS]
        for move in missing:
            # when / then
            with pytest.raises(IllegalRequestMove, match=f"that is {state}"):
                transition(request_in(state), move, BUYER)

    @pytest.mark.parametrize("state", [S.COMPLETED, S.REJECTED, S.CANCELLED])
    def test_closed_requests_have_no_moves(self, state):
        # given / when / then
        assert legal_moves(state) == []
        with pytest.raises(IllegalRequestMove, match="closed"):
            transition(request_in(state), Move.WITHDRAW, None)

    def test_users_cannot_withdraw_and_the_system_makes_no_user_move(self):
        # given
        request = request_in(S.PENDING)
        # when / then
        with pytest.raises(IllegalRequestMove):
            transition(request, Move.WITHDRAW, SELLER)
        with pytest.raises(IllegalRequestMove):
            transition(request, Move.ACCEPT, None)


class TestMovesFor:
    def test_lists_only_the_viewers_moves(self):
        # given
        request = request_in(S.PENDING)
        # when / then
        assert moves_for(request, SELLER) == [Move.COUNTER, Move.ACCEPT, Move.REJECT]
        assert moves_for(request, BUYER) == [Move.CANCEL]
        assert moves_for(request, STRANGER) == []
