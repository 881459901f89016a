"""A full purchase between two users on two API processes, through the gql client: the listing,
the messages each side receives live, every move of the request and the notifications it sends,
ending in a completed sale both sides see in their history."""

import asyncio
import base64
import contextlib
import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import pytest
from gql.transport.exceptions import TransportQueryError
from redis import asyncio as aioredis

from graphql_api import events
from tests.factories.accounts import signed_up
from tests.live.alerting import on, user_pk
from tests.support.graphql_client import GraphQLClient, next_result

CATEGORIES = "query Categories { categories { id slug } }"
CREATE_LISTING = """
mutation CreateListing($input: CreateListingInput!) {
  createListing(input: $input) { listing { id status } userErrors { field code message } }
}
"""
SEND_MESSAGE = """
mutation Send($input: SendMessageInput!) {
  sendMessage(input: $input) { message { id body } thread { id } userErrors { code message } }
}
"""
MESSAGE_RECEIVED = """
subscription MessageReceived($threadId: ID!) {
  messageReceived(threadId: $threadId) { id body isMine threadId }
}
"""
NOTIFICATION_RECEIVED = """
subscription NotificationReceived { notificationReceived { kind text targetId } }
"""
REQUEST_PURCHASE = """
mutation RequestPurchase($input: RequestPurchaseInput!) {
  requestPurchase(input: $input) { purchaseRequest { id state } userErrors { code message } }
}
"""
COUNTER = """
mutation Counter($input: CounterPurchaseOfferInput!) {
  counterPurchaseOffer(input: $input) { purchaseRequest { state } userErrors { code message } }
}
"""
SCHEDULE = """
mutation Schedule($input: SchedulePurchaseMeetupInput!) {
  schedulePurchaseMeetup(input: $input) { purchaseRequest { state } userErrors { code message } }
}
"""
MOVES = {
    name: f"""
mutation Move($input: PurchaseRequestIdInput!) {{
  {field}(input: $input) {{
    purchaseRequest {{ state offer {{ amount currency }} }} userErrors {{ code message }}
  }}
}}
"""
    for name, field in (
        ("accept", "acceptPurchaseRequest"),
        ("pay", "markPurchasePaid"),
        ("complete", "completePurchase"),
    )
}
LISTING_STATE = "query Listing($id: ID!) { node(id: $id) { ... on Listing { status soldAt } } }"
HISTORY = """
query History {
  unreadMessageCount
  myTransactions { edges { node { price { amount currency } viewerRole listing { id } } } }
}
"""
SUBSCRIBED_TIMEOUT_S = 10.0
MEETUP_AT = (dt.datetime.now(dt.UTC) + dt.timedelta(days=3)).isoformat()


def pk_of(global_id: str) -> int:
    return int(base64.b64decode(global_id).decode().partition(":")[2])


async def until_subscribers(redis_url: str, channel: str, count: int) -> None:
    """Wait (bounded) until ``count`` API processes subscribed ``channel`` in Redis (under
    whatever deployment prefix the servers give it)."""

    async def subscribed(redis: aioredis.Redis) -> int:
        prefixed = await redis.pubsub_channels(f"*:{channel}")
        return sum(count for _, count in await redis.pubsub_numsub(*prefixed)) if prefixed else 0

    async def poll() -> None:
        redis = aioredis.Redis.from_url(redis_url)
        try:
            while await subscribed(redis) < count:
                await asyncio.sleep(0.05)
        finally:
            await redis.aclose()

    await asyncio.wait_for(poll(), SUBSCRIBED_TIMEOUT_S)


class Feed:
    """A live subscription read one result at a time, always with a pending read so the
    subscription is started before anything it should hear happens."""

    def __init__(self, stream: AsyncIterator[dict[str, Any]]) -> None:
        self.stream = stream
        self.pending = asyncio.ensure_future(next_result(stream))

    async def next(self) -> dict[str, Any]:
        result = await self.pending
        self.pending = asyncio.ensure_future(next_result(self.stream))
        return result

    def close(self) -> None:
        self.pending.cancel()


@contextlib.asynccontextmanager
async def feed(client: GraphQLClient, document: str, variables: dict | None = None):
    async with client.subscribe(document, variables) as stream:
        live = Feed(stream)
        try:
            yield live
        finally:
            live.close()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await live.pending


async def toys_id(client: GraphQLClient) -> str:
    categories = (await client.execute(CATEGORIES))["categories"]
    return next(category["id"] for category in categories if category["slug"] == "toys")


async def ok(client: GraphQLClient, document: str, **variables) -> dict[str, Any]:
    data = await client.execute(document, variables)
    payloads = [payload for payload in data.values() if payload is not None]
    assert all(payload["userErrors"] == [] for payload in payloads), payloads
    return payloads[0]


async def move(client: GraphQLClient, request_id: str, name: str) -> dict[str, Any]:
    return await ok(client, MOVES[name], input={"id": request_id})


@pytest.fixture
def seller(owner: GraphQLClient) -> GraphQLClient:
    return owner


@pytest.fixture
def buyer(other_owner: GraphQLClient, server_b) -> GraphQLClient:
    """The buyer talks to the other API process: every live event crosses Redis."""
    return on(server_b, other_owner)


class TestFullPurchase:
    async def test_from_listing_to_completed_sale(self, seller, buyer, anonymous, test_environment):
        redis_url = test_environment.redis_url
        # given: a listing, and both sides listening to their notifications
        listing_input = {
            "title": "Automatic feeder, 6 L",
            "description": "Works, with timer.",
            "categoryId": await toys_id(seller),
            "price": "12.00",
            "currency": "USD",
            "condition": "GOOD",
            "photos": ["https://img.example.com/feeder.jpg"],
        }
        listing_id = (await ok(seller, CREATE_LISTING, input=listing_input))["listing"]["id"]
        seller_pk, buyer_pk = await user_pk(seller), await user_pk(buyer)
        async with (
            feed(seller, NOTIFICATION_RECEIVED) as seller_notes,
            feed(buyer, NOTIFICATION_RECEIVED) as buyer_notes,
        ):
            await until_subscribers(redis_url, events.user_notifications_channel(seller_pk), 1)
            await until_subscribers(redis_url, events.user_notifications_channel(buyer_pk), 1)

            # when: the buyer asks about it, and both sides open the thread live
            opened = await ok(
                buyer, SEND_MESSAGE, input={"listingId": listing_id, "body": "Still available?"}
            )
            thread_id = opened["thread"]["id"]
            first_note = (await seller_notes.next())["notificationReceived"]
            async with (
                feed(seller, MESSAGE_RECEIVED, {"threadId": thread_id}) as seller_chat,
                feed(buyer, MESSAGE_RECEIVED, {"threadId": thread_id}) as buyer_chat,
            ):
                await until_subscribers(
                    redis_url, events.message_thread_channel(pk_of(thread_id)), 2
                )
                await ok(
                    seller, SEND_MESSAGE, input={"threadId": thread_id, "body": "Yes, come by!"}
                )
                heard_by_buyer = (await buyer_chat.next())["messageReceived"]
                heard_by_seller = (await seller_chat.next())["messageReceived"]
                await ok(
                    buyer, SEND_MESSAGE, input={"threadId": thread_id, "body": "Great, thanks"}
                )
                reply_heard_by_seller = (await seller_chat.next())["messageReceived"]

            # ... and they negotiate, meet, pay and complete
            request = await ok(
                buyer, REQUEST_PURCHASE, input={"listingId": listing_id, "price": "10.00"}
            )
            request_id = request["purchaseRequest"]["id"]
            await ok(
                seller,
                COUNTER,
                input={"id": request_id, "price": "11.00", "message": "11 and it's yours"},
            )
            await move(buyer, request_id, "accept")
            await ok(
                seller,
                SCHEDULE,
                input={"id": request_id, "at": MEETUP_AT, "place": "Park gate"},
            )
            await move(buyer, request_id, "pay")
            completed = await move(seller, request_id, "complete")

            seller_heard = [first_note] + [
                (await seller_notes.next())["notificationReceived"] for _ in range(4)
            ]
            buyer_heard = [(await buyer_notes.next())["notificationReceived"] for _ in range(4)]

        # then: messages reached both parties live, each flagged as theirs or not
        assert (heard_by_buyer["body"], heard_by_buyer["isMine"]) == ("Yes, come by!", False)
        assert (heard_by_seller["body"], heard_by_seller["isMine"]) == ("Yes, come by!", True)
        assert (reply_heard_by_seller["body"], reply_heard_by_seller["isMine"]) == (
            "Great, thanks",
            False,
        )
        assert heard_by_buyer["threadId"] == thread_id
        # ... every move told the other party, in order
        assert [note["kind"] for note in seller_heard] == [
            "MESSAGE",
            "MESSAGE",
            "PURCHASE_REQUEST",
            "PURCHASE_REQUEST_UPDATED",
            "PURCHASE_REQUEST_UPDATED",
        ]
        assert (
            seller_heard[0]["targetId"] == thread_id and seller_heard[2]["targetId"] == request_id
        )
        assert "accepted" in seller_heard[3]["text"] and "paid" in seller_heard[4]["text"]
        assert [note["kind"] for note in buyer_heard] == [
            "MESSAGE",
            "PURCHASE_REQUEST_UPDATED",
            "PURCHASE_REQUEST_UPDATED",
            "PURCHASE_REQUEST_UPDATED",
        ]
        assert "counter-offer" in buyer_heard[1]["text"] and "complete" in buyer_heard[3]["text"]
        # ... the sale is done: the listing is sold and both sides have it in their history
        assert completed["purchaseRequest"] == {
            "state": "COMPLETED",
            "offer": {"amount": "11.00", "currency": "USD"},
        }
        assert (await anonymous.execute(LISTING_STATE, {"id": listing_id}))["node"][
            "status"
        ] == "SOLD"
        for client, role in ((seller, "SELLER"), (buyer, "BUYER")):
            history = await client.execute(HISTORY)
            [sale] = [edge["node"] for edge in history["myTransactions"]["edges"]]
            assert sale == {
                "price": {"amount": "11.00", "currency": "USD"},
                "viewerRole": role,
                "listing": {"id": listing_id},
            }
        assert (await seller.execute(HISTORY))["unreadMessageCount"] == 1


class TestThreadPrivacy:
    async def test_a_stranger_cannot_subscribe_to_someone_elses_thread(
        self, seller, buyer, anonymous
    ):
        # given
        listing_input = {
            "title": "Cat tree",
            "description": "Tall",
            "categoryId": await toys_id(seller),
            "price": "30",
            "currency": "EUR",
            "condition": "FAIR",
        }
        listing_id = (await ok(seller, CREATE_LISTING, input=listing_input))["listing"]["id"]
        thread_id = (await ok(buyer, SEND_MESSAGE, input={"listingId": listing_id, "body": "Hi"}))[
            "thread"
        ]["id"]
        stranger = await signed_up(anonymous, "stranger")
        # when / then
        with pytest.raises(TransportQueryError, match="not found"):
            async with stranger.subscribe(MESSAGE_RECEIVED, {"threadId": thread_id}) as stream:
                await next_result(stream)
