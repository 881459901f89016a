"""Blocking reaches the marketplace, through the gql client on two API processes: once the
seller blocks the buyer, neither can message or negotiate with the other (the refusal reads as
"not found"), while either may still back out of the deal. Other users are named, never more."""

from typing import Any

import pytest

from tests.live.alerting import on
from tests.live.test_marketplace import (
    COUNTER,
    CREATE_LISTING,
    REQUEST_PURCHASE,
    SEND_MESSAGE,
    ok,
    toys_id,
)
from tests.support.graphql_client import GraphQLClient

ME = "query Me { me { id displayName } }"
BLOCK = """
mutation Block($input: BlockUserInput!) { blockUser(input: $input) { userErrors { code } } }
"""
CANCEL = """
mutation Cancel($input: PurchaseRequestIdInput!) {
  cancelPurchaseRequest(input: $input) { purchaseRequest { state } userErrors { code } }
}
"""
LISTING_SELLER = """
query ListingSeller($id: ID!) {
  node(id: $id) { ... on Listing { seller { id displayName email role timeZone createdAt } } }
}
"""
NOTIFICATION_ACTORS = """
query Actors { notifications(first: 5) { edges { node { kind actor { displayName email } } } } }
"""


def codes(payload: dict[str, Any]) -> list[str]:
    return [error["code"] for error in payload["userErrors"]]


@pytest.fixture
def seller(owner: GraphQLClient) -> GraphQLClient:
    return owner


@pytest.fixture
def buyer(other_owner: GraphQLClient, server_b) -> GraphQLClient:
    """The buyer talks to the other API process: the block must hold across processes."""
    return on(server_b, other_owner)


async def open_deal(seller: GraphQLClient, buyer: GraphQLClient) -> tuple[str, str, str]:
    """A listing, the buyer's first message about it and their purchase request."""
    listing_input = {
        "title": "Dog crate, medium",
        "description": "Folds flat.",
        "categoryId": await toys_id(seller),
        "price": "40.00",
        "currency": "USD",
        "condition": "GOOD",
    }
    listing_id = (await ok(seller, CREATE_LISTING, input=listing_input))["listing"]["id"]
    opened = await ok(buyer, SEND_MESSAGE, input={"listingId": listing_id, "body": "Available?"})
    request = await ok(buyer, REQUEST_PURCHASE, input={"listingId": listing_id, "price": "35"})
    return listing_id, opened["thread"]["id"], request["purchaseRequest"]["id"]


class TestBlockedParties:
    async def test_neither_side_messages_or_negotiates_but_either_backs_out(self, seller, buyer):
        # given
        listing_id, thread_id, request_id = await open_deal(seller, buyer)
        buyer_id = (await buyer.execute(ME))["me"]["id"]
        blocked = await seller.execute(BLOCK, {"input": {"userId": buyer_id}})
        assert codes(blocked["blockUser"]) == []

        # when
        buyer_writes = await buyer.execute(
            SEND_MESSAGE, {"input": {"threadId": thread_id, "body": "Hello?"}}
        )
        seller_writes = await seller.execute(
            SEND_MESSAGE, {"input": {"threadId": thread_id, "body": "Go away"}}
        )
        buyer_asks_again = await buyer.execute(
            SEND_MESSAGE, {"input": {"listingId": listing_id, "body": "Hi again"}}
        )
        buyer_requests = await buyer.execute(
            REQUEST_PURCHASE, {"input": {"listingId": listing_id, "price": "36"}}
        )
        seller_counters = await seller.execute(
            COUNTER, {"input": {"id": request_id, "price": "38"}}
        )
        buyer_cancels = await buyer.execute(CANCEL, {"input": {"id": request_id}})

        # then
        assert codes(buyer_writes["sendMessage"]) == ["THREAD_NOT_FOUND"]
        assert codes(seller_writes["sendMessage"]) == ["THREAD_NOT_FOUND"]
        assert buyer_writes["sendMessage"]["message"] is None
        assert codes(buyer_asks_again["sendMessage"]) == ["LISTING_NOT_FOUND"]
        assert codes(buyer_requests["requestPurchase"]) == ["LISTING_NOT_FOUND"]
        assert codes(seller_counters["counterPurchaseOffer"]) == ["PURCHASE_REQUEST_NOT_FOUND"]
        assert codes(buyer_cancels["cancelPurchaseRequest"]) == []
        assert buyer_cancels["cancelPurchaseRequest"]["purchaseRequest"] == {"state": "CANCELLED"}


class TestOtherUsersAreNamed:
    async def test_the_buyer_sees_the_sellers_name_only_and_the_seller_the_buyers(
        self, seller, buyer
    ):
        # given
        listing_id, _, _ = await open_deal(seller, buyer)
        seller_me = (await seller.execute(ME))["me"]
        buyer_me = (await buyer.execute(ME))["me"]

        # when
        listed = await buyer.execute(LISTING_SELLER, {"id": listing_id})
        told = await seller.execute(NOTIFICATION_ACTORS)

        # then
        assert listed["node"]["seller"] == {
            "id": seller_me["id"],
            "displayName": seller_me["displayName"],
            "email": None,
            "role": None,
            "timeZone": None,
            "createdAt": None,
        }
        actors = [edge["node"]["actor"] for edge in told["notifications"]["edges"]]
        assert actors and all(
            actor == {"displayName": buyer_me["displayName"], "email": None} for actor in actors
        )
