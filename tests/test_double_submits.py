"""A request sent twice at once (a double tap) where the service checks, then inserts a row with a
unique key: the second insert waits for the first transaction and, once it commits, gets what the
check would have told it, never a UniqueViolation ("Unexpected error.").

Each race is two real transactions on PostgreSQL (``tests.support.database.raced``); what they
commit is deleted afterwards with the users who own it."""

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from graphql_api.accounts import service as accounts_service
from graphql_api.accounts.errors import EmailTaken
from graphql_api.accounts.models import User
from graphql_api.auth import Role
from graphql_api.db import create_sessionmaker, utcnow
from graphql_api.devices import service as devices_service
from graphql_api.devices.errors import HardwareIdTaken
from graphql_api.devices.models import DeviceKind
from graphql_api.marketplace.messages import service as messages_service
from graphql_api.marketplace.messages.models import MessageThread
from graphql_api.moderation import service as moderation_service
from graphql_api.moderation.models import ReportReason, ReportTargetType
from tests.factories.accounts import PASSWORD, create_user, unique_email, viewer_of
from tests.factories.devices_db import feeder_hardware_id
from tests.marketplace.factories import create_listing, request_purchase
from tests.support.database import raced


@pytest.fixture
async def committed(engine: AsyncEngine) -> AsyncIterator[list[str]]:
    """Emails of users to delete (with all they own) after the test."""
    emails: list[str] = []
    yield emails
    async with create_sessionmaker(engine).begin() as cleanup:
        await cleanup.execute(delete(User).where(User.email.in_(emails)))


async def committed_users(engine: AsyncEngine, emails: list[str], count: int) -> list[User]:
    async with create_sessionmaker(engine).begin() as session:
        users = [await create_user(session, Role.OWNER, "race") for _ in range(count)]
    emails.extend(user.email for user in users)
    return users


async def test_a_second_sign_up_with_the_email_is_told_it_is_taken(engine, committed):
    # given
    email = unique_email("double-tap")
    committed.append(email)
    registration = accounts_service.Registration(email, PASSWORD, "Double tap")

    # when the same sign-up is sent twice at once
    first, second = await raced(
        engine,
        lambda session: accounts_service.register(session, registration),
        lambda session: accounts_service.register(session, registration),
    )

    # then
    assert first.email == email
    assert isinstance(second, EmailTaken)
    assert second.field == ["email"]
    async with create_sessionmaker(engine)() as check:
        assert len((await check.scalars(select(User).where(User.email == email))).all()) == 1


async def test_a_second_registration_of_the_device_is_told_it_is_taken(engine, committed):
    # given
    (owner,) = await committed_users(engine, committed, 1)
    registration = devices_service.DeviceRegistration(
        DeviceKind.FEEDER, "Kitchen feeder", feeder_hardware_id()
    )

    # when
    first, second = await raced(
        engine,
        lambda session: devices_service.register(session, viewer_of(owner), registration),
        lambda session: devices_service.register(session, viewer_of(owner), registration),
    )

    # then
    assert first.device.hardware_id == registration.hardware_id
    assert isinstance(second, HardwareIdTaken)
    assert second.field == ["hardwareId"]


async def test_a_second_report_of_the_same_thing_is_the_first_report(engine, committed):
    # given
    reporter, reported = await committed_users(engine, committed, 2)

    def report(session):
        return moderation_service.report(
            session, viewer_of(reporter), ReportTargetType.USER, reported.id,
            ReportReason.SPAM, "spam", utcnow(),
        )  # fmt: skip

    # when
    first, second = await raced(engine, report, report)

    # then
    assert second.id == first.id


async def test_a_buyers_two_first_messages_share_one_thread(engine, committed):
    # given
    seller, buyer = await committed_users(engine, committed, 2)
    async with create_sessionmaker(engine).begin() as session:
        listing = await create_listing(session, seller)

    def message(session):
        return messages_service.send(
            session, viewer_of(buyer), "Still available?", utcnow(), listing_id=listing.id
        )

    # when
    first, second = await raced(engine, message, message)

    # then both messages are in the one thread
    assert second.thread_id == first.thread_id
    async with create_sessionmaker(engine)() as check:
        threads = await check.scalars(
            select(MessageThread).where(MessageThread.listing_id == listing.id)
        )
        assert len(threads.all()) == 1


async def test_a_buyers_two_first_purchase_requests_are_one_request(engine, committed):
    # given
    seller, buyer = await committed_users(engine, committed, 2)
    async with create_sessionmaker(engine).begin() as session:
        listing = await create_listing(session, seller)

    def purchase(session):
        return request_purchase(session, buyer, listing)

    # when
    first, second = await raced(engine, purchase, purchase)

    # then
    assert second.id == first.id
