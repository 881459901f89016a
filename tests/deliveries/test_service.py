"""The delivery outbox in process: queued with the notification, sent by the job once, retried
with backoff, given up after N attempts; claims skip rows another transaction holds.

Rows are committed here (the jobs run in their own units of work), so every assertion reads
only this test's users' rows and mailbox.
"""

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from graphql_api.accounts.models import User
from graphql_api.auth import Role
from graphql_api.db import EMAIL_ENABLED, create_sessionmaker, utcnow
from graphql_api.deliveries import service as deliveries_service
from graphql_api.deliveries.channels import DeliveryFailed, OutgoingMessage
from graphql_api.deliveries.errors import WebhookUrlInvalid
from graphql_api.deliveries.models import DeliveryChannel, DeliveryStatus
from graphql_api.deliveries.repository import DeliveryRepository
from graphql_api.events import EventBus
from graphql_api.jobs.registry import job_named
from graphql_api.jobs.runner import run_once
from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.models import NotificationDelivery, NotificationKind
from graphql_api.settings import Environment, Settings
from graphql_api.state import AppState
from graphql_api.unit_of_work import unit_of_work
from tests.factories.accounts import create_committed_user, create_user, viewer_of
from tests.support.smtp import MailSink


@pytest.fixture
def mail() -> Iterator[MailSink]:
    sink = MailSink().start()
    yield sink
    sink.stop()


def job_settings(database_url: str, smtp_url: str, **extra) -> Settings:
    return Settings(
        env=Environment.TEST,
        database_url=database_url,
        smtp_url=smtp_url,
        email_retry_backoff=dt.timedelta(seconds=10),
        email_retry_max_delay=dt.timedelta(seconds=60),
        email_max_attempts=3,
        **extra,
    )


@pytest.fixture
def state(database_url, engine: AsyncEngine, memory_bus: EventBus, mail: MailSink) -> AppState:
    settings = job_settings(database_url, mail.url)
    return AppState(settings, engine, create_sessionmaker(engine, email_enabled=True), memory_bus)


async def committed_user_id(engine: AsyncEngine) -> tuple[int, str]:
    email = await create_committed_user(engine, Role.OWNER, prefix="mail")
    async with create_sessionmaker(engine)() as session:
        return await session.scalar(select(User.id).where(User.email == email)), email


async def alert(state: AppState, user_id: int, text: str) -> None:
    async with unit_of_work(state) as session:
        await notifications_service.notify(
            session, recipient_id=user_id, kind=NotificationKind.DEVICE_ALERT, text=text
        )


async def rows_of(engine: AsyncEngine, user_id: int):
    async with create_sessionmaker(engine)() as session:
        return await deliveries_service.for_user(session, user_id)


class FailingChannel:
    def __init__(self) -> None:
        self.tried: list[OutgoingMessage] = []

    async def send(self, message: OutgoingMessage) -> None:
        self.tried.append(message)
        raise DeliveryFailed("550 mailbox unavailable")


class TestQueueing:
    async def test_nothing_is_queued_when_email_is_off(self, session):
        # given: a session of a process without SMTP settings
        user = await create_user(session)

        # when
        await notifications_service.notify(
            session, recipient_id=user.id, kind=NotificationKind.DEVICE_ALERT, text="Overload"
        )

        # then
        assert await DeliveryRepository(session).for_user(user.id) == []

    async def test_email_only_falls_back_to_the_inbox_when_email_is_off(self, session):
        # given
        user = await create_user(session)
        await notifications_service.set_preferences(
            session,
            viewer_of(user),
            [(NotificationKind.DEVICE_ALERT, NotificationDelivery.EMAIL)],
            utcnow(),
        )

        # when
        notification = await notifications_service.notify(
            session, recipient_id=user.id, kind=NotificationKind.DEVICE_ALERT, text="Overload"
        )

        # then
        assert notification is not None and notification.recipient_id == user.id
        assert await DeliveryRepository(session).for_user(user.id) == []

    async def test_follows_the_recipients_preference(self, session):
        # given
        session.info[EMAIL_ENABLED] = True
        user = await create_user(session)
        await notifications_service.set_preferences(
            session,
            viewer_of(user),
            [
                (NotificationKind.DEVICE_ALERT, NotificationDelivery.EMAIL),
                (NotificationKind.FOLLOW, NotificationDelivery.DIGEST),
                (NotificationKind.COMMENT, NotificationDelivery.IN_APP),
            ],
            utcnow(),
        )

        # when
        sent = {}
        for kind in (
            NotificationKind.DEVICE_ALERT,
            NotificationKind.FOLLOW,
            NotificationKind.COMMENT,
        ):
            sent[kind] = await notifications_service.notify(
                session, recipient_id=user.id, kind=kind, text=f"{kind} happened"
            )

        # then: EMAIL has no inbox row; DIGEST has one and waits for the digest
        [email] = await DeliveryRepository(session).for_user(user.id)
        assert email.subject == "[pawgraph] Alert: DEVICE_ALERT happened"
        assert email.notification_id is None and email.status is DeliveryStatus.PENDING
        assert sent[NotificationKind.DEVICE_ALERT] is None
        assert sent[NotificationKind.FOLLOW] is not None
        assert sent[NotificationKind.COMMENT] is not None
        entries = await DeliveryRepository(session).claim_digest_entries(10_000)
        [entry] = [entry for entry in entries if entry.user_id == user.id]
        assert entry.notification_id == sent[NotificationKind.FOLLOW].id


class TestSending:
    async def test_two_runs_send_each_message_once(self, state, engine, mail):
        # given
        user_id, address = await committed_user_id(engine)
        await alert(state, user_id, "Heater outlet: overload trip")

        # when
        first = await run_once(state, job_named("email-send"))
        second = await run_once(state, job_named("email-send"))

        # then
        assert first.ran and second.ran
        [received] = await mail.wait_for(address)
        assert "Heater outlet: overload trip" in received.body
        [row] = await rows_of(engine, user_id)
        assert (row.status, row.attempts) == (DeliveryStatus.SENT, 1)
        assert len(mail.to(address)) == 1

    async def test_a_claimed_row_is_skipped_by_another_transaction(self, state, engine):
        # given
        user_id, _ = await committed_user_id(engine)
        await alert(state, user_id, "Rex's collar: battery low")
        [row] = await rows_of(engine, user_id)
        sessions = create_sessionmaker(engine)

        # when: one sender holds the row while another claims
        async with sessions() as first, sessions() as second:
            email = [DeliveryChannel.EMAIL]
            held = [
                d.id for d, *_ in await DeliveryRepository(first).claim_due(utcnow(), 99, email)
            ]
            seen = [
                d.id for d, *_ in await DeliveryRepository(second).claim_due(utcnow(), 99, email)
            ]
            await first.rollback()
            await second.rollback()

        # then
        assert row.id in held
        assert row.id not in seen

    async def test_failures_back_off_then_give_up_with_the_last_error(self, state, engine):
        # given
        user_id, _ = await committed_user_id(engine)
        await alert(state, user_id, "Garage hub is offline")
        failing = FailingChannel()
        start = utcnow()

        # when: tried at each due time, three times (email_max_attempts)
        history = []
        for now in (start, start + dt.timedelta(seconds=10), start + dt.timedelta(seconds=30)):
            async with unit_of_work(state) as session:
                await deliveries_service.send_due(
                    session, state.settings, now, channels={DeliveryChannel.EMAIL: failing}
                )
            history.append((await rows_of(engine, user_id))[0])
        async with unit_of_work(state) as session:  # nothing more is tried
            await deliveries_service.send_due(
                session,
                state.settings,
                start + dt.timedelta(days=1),
                channels={DeliveryChannel.EMAIL: failing},
            )

        # then
        assert [row.attempts for row in history] == [1, 2, 3]
        assert history[0].next_attempt_at == start + dt.timedelta(seconds=10)
        assert history[1].next_attempt_at == start + dt.timedelta(seconds=30)
        assert history[2].status is DeliveryStatus.FAILED
        assert history[2].last_error == "550 mailbox unavailable"
        tried = [message for message in failing.tried if message.delivery_id == history[0].id]
        assert len(tried) == 3


class TestRetryDelay:
    def test_doubles_up_to_the_cap(self):
        # given
        settings = Settings(
            env=Environment.TEST,
            email_retry_backoff=dt.timedelta(seconds=30),
            email_retry_max_delay=dt.timedelta(minutes=5),
        )

        # when
        delays = [deliveries_service.retry_delay(settings, n).total_seconds() for n in range(1, 7)]

        # then
        assert delays == [30, 60, 120, 240, 300, 300]


class TestSetWebhook:
    @pytest.mark.parametrize(
        "url",
        [
            "http://hooks.example.com/pawgraph",
            "https://127.0.0.1/hook",
            "https://10.1.2.3/hook",
            "https://[::1]/hook",
            "https://localhost/hook",
            "https://" + "a" * 2000 + ".example.com/",
        ],
    )
    async def test_production_takes_only_https_to_a_public_host(self, session, url):
        # given
        user = await create_user(session)

        # then
        with pytest.raises(WebhookUrlInvalid):
            await deliveries_service.set_webhook(
                session, viewer_of(user), url, utcnow(), public_only=True
            )

    async def test_a_new_secret_each_time_and_removal(self, session):
        # given
        user = await create_user(session)
        url = "https://hooks.example.com/pawgraph"

        # when
        first = await deliveries_service.set_webhook(
            session, viewer_of(user), url, utcnow(), public_only=True
        )
        second = await deliveries_service.set_webhook(
            session, viewer_of(user), url, utcnow(), public_only=True
        )
        removed = await deliveries_service.set_webhook(
            session, viewer_of(user), None, utcnow(), public_only=True
        )

        # then
        assert first.endpoint.url == url and first.secret.startswith("whsec_")
        assert second.secret != first.secret
        assert removed == deliveries_service.WebhookSet(endpoint=None, secret=None)
        assert await deliveries_service.webhooks_of(session, viewer_of(user), [user.id]) == [None]


class TestPrune:
    async def test_forgets_settled_deliveries_past_the_retention_only(self, state, engine):
        # given: one sent long ago, one pending as old, one sent just now
        user_id, _ = await committed_user_id(engine)
        for text in ("old sent", "old pending", "new sent"):
            await alert(state, user_id, text)
        old_sent, old_pending, new_sent = await rows_of(engine, user_id)
        long_ago = utcnow() - dt.timedelta(days=31)
        async with unit_of_work(state) as session:
            repository = DeliveryRepository(session)
            await repository.settle(old_sent.id, status=DeliveryStatus.SENT, created_at=long_ago)
            await repository.settle(old_pending.id, created_at=long_ago)
            await repository.settle(new_sent.id, status=DeliveryStatus.SENT)

        # when
        pruned = await run_once(state, job_named("delivery-prune"))

        # then
        assert pruned.ran and pruned.result >= 1
        assert [row.id for row in await rows_of(engine, user_id)] == [old_pending.id, new_sent.id]
