"""Notifications: one inbox per user, written by every domain's services.

Other domains call :func:`notify` inside their own unit of work, so a notification commits (and
is pushed live) together with the change it reports, or not at all.
"""

import datetime as dt

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events
from graphql_api.db import utcnow
from graphql_api.notifications.models import Notification, NotificationKind
from graphql_api.notifications.repository import NotificationRepository

MAX_TEXT = 300


class NotificationEvent(BaseModel):
    """Published on ``user.{id}.notifications`` after the notification commits."""

    notification_id: int
    recipient_id: int
    kind: NotificationKind
    created_at: dt.datetime


async def notify(
    session: AsyncSession,
    *,
    recipient_id: int,
    kind: NotificationKind,
    text: str,
    actor_id: int | None = None,
    target: tuple[str, int] | None = None,
) -> Notification | None:
    """Put a notification in ``recipient_id``'s inbox; None when it is not sent.

    Not sent when the recipient caused it themself, or has muted ``kind``.
    ``target`` is ``(GraphQL type name, database id)`` of the object it is about.
    """
    if actor_id is not None and actor_id == recipient_id:
        return None
    repository = NotificationRepository(session)
    if await repository.is_muted(recipient_id, kind):
        return None
    notification = repository.add(
        Notification(
            recipient_id=recipient_id,
            kind=kind,
            actor_id=actor_id,
            target_type=target[0] if target else None,
            target_id=target[1] if target else None,
            text=text[:MAX_TEXT],
            created_at=utcnow(),
        )
    )
    await repository.flush()
    events.publish(
        session,
        events.user_notifications_channel(recipient_id),
        NotificationEvent(
            notification_id=notification.id,
            recipient_id=recipient_id,
            kind=kind,
            created_at=notification.created_at,
        ),
    )
    return notification
