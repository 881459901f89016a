import asyncio

from sqlalchemy import select

from graphql_api import events
from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.models import Notification, NotificationKind, NotificationMute
from graphql_api.unit_of_work import dispatch
from tests.factories.accounts import create_user

EVENT_TIMEOUT_S = 10


class TestNotify:
    async def test_puts_it_in_the_recipients_inbox(self, session):
        # given
        recipient = await create_user(session, prefix="recipient")
        actor = await create_user(session, prefix="actor")

        # when
        notification = await notifications_service.notify(
            session,
            recipient_id=recipient.id,
            kind=NotificationKind.COMMENT,
            text="Ana commented on Rex: " + "x" * 400,
            actor_id=actor.id,
            target=("Pet", 42),
        )

        # then
        assert notification is not None
        stored = await session.scalar(
            select(Notification).where(Notification.id == notification.id)
        )
        assert stored.recipient_id == recipient.id
        assert stored.actor_id == actor.id
        assert (stored.target_type, stored.target_id) == ("Pet", 42)
        assert len(stored.text) == notifications_service.MAX_TEXT
        assert stored.read_at is None

    async def test_is_not_sent_to_the_user_who_caused_it(self, session):
        # given
        user = await create_user(session)

        # when
        notification = await notifications_service.notify(
            session,
            recipient_id=user.id,
            kind=NotificationKind.REACTION,
            text="You liked your own post",
            actor_id=user.id,
        )

        # then
        assert notification is None
        inbox = await session.scalars(
            select(Notification).where(Notification.recipient_id == user.id)
        )
        assert inbox.all() == []

    async def test_is_not_sent_when_the_kind_is_muted(self, session):
        # given
        recipient = await create_user(session)
        session.add(NotificationMute(user_id=recipient.id, kind=NotificationKind.FOLLOW))
        await session.flush()

        # when
        muted = await notifications_service.notify(
            session,
            recipient_id=recipient.id,
            kind=NotificationKind.FOLLOW,
            text="Someone followed you",
        )
        other_kind = await notifications_service.notify(
            session, recipient_id=recipient.id, kind=NotificationKind.MESSAGE, text="New message"
        )

        # then
        assert muted is None
        assert other_kind is not None

    async def test_the_live_event_is_buffered_until_commit(self, session, memory_bus):
        # given
        recipient = await create_user(session)
        channel = events.user_notifications_channel(recipient.id)

        async with memory_bus.subscribe(channel) as messages:
            # when
            notification = await notifications_service.notify(
                session,
                recipient_id=recipient.id,
                kind=NotificationKind.DEVICE_ALERT,
                text="Feeder offline",
            )
            await memory_bus.publish(channel, "marker")
            await session.commit()
            await dispatch(session, memory_bus)
            received = [await asyncio.wait_for(anext(messages), EVENT_TIMEOUT_S) for _ in range(2)]

        # then
        assert received[0] == "marker"
        event = notifications_service.NotificationEvent.model_validate_json(received[1])
        assert event.notification_id == notification.id
        assert event.recipient_id == recipient.id
        assert event.kind is NotificationKind.DEVICE_ALERT

    async def test_the_live_event_is_dropped_on_rollback(self, session, memory_bus):
        # given
        recipient = await create_user(session)
        await session.commit()
        channel = events.user_notifications_channel(recipient.id)

        async with memory_bus.subscribe(channel) as messages:
            # when
            await notifications_service.notify(
                session, recipient_id=recipient.id, kind=NotificationKind.MESSAGE, text="Hi"
            )
            await session.rollback()
            await dispatch(session, memory_bus)
            await memory_bus.publish(channel, "marker")
            received = await asyncio.wait_for(anext(messages), EVENT_TIMEOUT_S)

        # then
        assert received == "marker"
