"""Message threads through the service: one per listing and buyer, private to its two parties."""

import datetime as dt

import pytest

from graphql_api import events
from graphql_api.auth import Role
from graphql_api.marketplace.listings.errors import ListingNotFound, OwnListing
from graphql_api.marketplace.messages import service as messages_service
from graphql_api.marketplace.messages.errors import InvalidMessage, ThreadNotFound
from graphql_api.pagination import PageArgs
from graphql_api.social.blocks import service as blocks_service
from tests.factories.accounts import create_user, viewer_of
from tests.factories.social import block
from tests.marketplace.factories import NOW, blocker_and_blocked, request_purchase

LATER = NOW + dt.timedelta(minutes=1)


class TestSend:
    async def test_the_buyers_first_message_opens_the_thread_and_the_seller_answers_in_it(
        self, session, parties
    ):
        # given
        seller, buyer, listing = parties
        # when
        first = await messages_service.send(
            session, viewer_of(buyer), "Still there?", NOW, listing_id=listing.id
        )
        again = await messages_service.send(
            session, viewer_of(buyer), "Hello?", NOW, listing_id=listing.id
        )
        reply = await messages_service.send(
            session, viewer_of(seller), "Yes!", LATER, thread_id=first.thread_id
        )
        # then
        assert first.thread_id == again.thread_id == reply.thread_id
        page, count = await messages_service.list_messages(
            session,
            viewer_of(buyer),
            first.thread_id,
            PageArgs(limit=10, forward=True, cursor=None),
        )
        assert [m.body for m in page.items] == ["Still there?", "Hello?", "Yes!"]
        assert await count() == 3

    async def test_buffers_a_live_event_for_the_thread(self, session, parties):
        # given
        _, buyer, listing = parties
        # when
        message = await messages_service.send(
            session, viewer_of(buyer), "Hi", NOW, listing_id=listing.id
        )
        # then
        pending = session.info["pawgraph.pending_events"]
        channels = [channel for channel, _ in pending]
        assert events.message_thread_channel(message.thread_id) in channels

    async def test_the_seller_cannot_open_a_thread_on_their_own_listing(self, session, parties):
        # given
        seller, _, listing = parties
        # when / then
        with pytest.raises(OwnListing):
            await messages_service.send(
                session, viewer_of(seller), "Hi", NOW, listing_id=listing.id
            )

    @pytest.mark.parametrize("body", ["", "   ", "x" * 2001])
    async def test_refuses_empty_or_long_bodies(self, session, parties, body):
        # given
        _, buyer, listing = parties
        # when / then
        with pytest.raises(InvalidMessage):
            await messages_service.send(session, viewer_of(buyer), body, NOW, listing_id=listing.id)

    @pytest.mark.parametrize("role", [Role.OWNER, Role.STAFF])
    async def test_nobody_else_reads_or_writes_a_thread(self, session, parties, role):
        # given
        _, buyer, listing = parties
        outsider = viewer_of(await create_user(session, role, prefix="outsider"))
        message = await messages_service.send(
            session, viewer_of(buyer), "Private", NOW, listing_id=listing.id
        )
        # when / then
        with pytest.raises(ThreadNotFound):
            await messages_service.send(
                session, outsider, "Hijack", NOW, thread_id=message.thread_id
            )
        with pytest.raises(ThreadNotFound):
            await messages_service.require_thread(session, outsider, message.thread_id)


class TestUnread:
    async def test_counts_the_other_partys_messages_until_read(self, session, parties):
        # given
        seller, buyer, listing = parties
        first = await messages_service.send(
            session, viewer_of(buyer), "One", NOW, listing_id=listing.id
        )
        await messages_service.send(
            session, viewer_of(buyer), "Two", NOW, thread_id=first.thread_id
        )
        # when
        seller_unread = await messages_service.unread_total(session, viewer_of(seller))
        buyer_unread = await messages_service.unread_total(session, viewer_of(buyer))
        await messages_service.mark_read(session, viewer_of(seller), first.thread_id)
        # then
        assert (seller_unread, buyer_unread) == (2, 0)
        assert await messages_service.unread_total(session, viewer_of(seller)) == 0


class TestBlocking:
    @pytest.mark.parametrize("who_blocks", ["seller", "buyer"])
    async def test_a_block_either_way_stops_the_first_message_as_a_missing_listing(
        self, session, parties, who_blocks
    ):
        # given
        _, buyer, listing = parties
        await block(session, *blocker_and_blocked(parties, who_blocks))
        # when / then
        with pytest.raises(ListingNotFound):
            await messages_service.send(session, viewer_of(buyer), "Hi", NOW, listing_id=listing.id)

    @pytest.mark.parametrize("who_blocks", ["seller", "buyer"])
    @pytest.mark.parametrize("who_writes", ["seller", "buyer"])
    async def test_neither_party_writes_in_their_thread_after_a_block(
        self, session, parties, who_blocks, who_writes
    ):
        # given
        seller, buyer, listing = parties
        first = await messages_service.send(
            session, viewer_of(buyer), "Still there?", NOW, listing_id=listing.id
        )
        await block(session, *blocker_and_blocked(parties, who_blocks))
        writer = seller if who_writes == "seller" else buyer
        # when / then
        with pytest.raises(ThreadNotFound):
            await messages_service.send(
                session, viewer_of(writer), "Hello?", LATER, thread_id=first.thread_id
            )

    async def test_the_thread_so_far_stays_readable_and_unblocking_reopens_it(
        self, session, parties
    ):
        # given
        seller, buyer, listing = parties
        first = await messages_service.send(
            session, viewer_of(buyer), "Still there?", NOW, listing_id=listing.id
        )
        await block(session, seller, buyer)
        # when
        page, _ = await messages_service.list_messages(
            session,
            viewer_of(buyer),
            first.thread_id,
            PageArgs(limit=10, forward=True, cursor=None),
        )
        await blocks_service.unblock(session, viewer_of(seller), buyer.id)
        reply = await messages_service.send(
            session, viewer_of(seller), "Yes!", LATER, thread_id=first.thread_id
        )
        # then
        assert [m.body for m in page.items] == ["Still there?"]
        assert reply.thread_id == first.thread_id

    async def test_a_block_between_others_changes_nothing(self, session, parties):
        # given
        seller, buyer, listing = parties
        stranger = await create_user(session, prefix="stranger")
        await block(session, seller, stranger)
        # when
        message = await messages_service.send(
            session, viewer_of(buyer), "Hi", NOW, listing_id=listing.id
        )
        request = await request_purchase(session, buyer, listing)
        # then
        assert message.sender_id == buyer.id
        assert request.buyer_id == buyer.id
