"""Notifications: one inbox per user, written by every domain's services.

Other domains call :func:`notify` inside their own unit of work, so a notification commits (and
is pushed live) together with the change it reports, or not at all.
"""

import datetime as dt
import enum
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events
from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.db import utcnow
from graphql_api.deliveries import service as deliveries_service
from graphql_api.notifications.errors import (
    NotificationDigestNotAllowed,
    NotificationNotFound,
    NotificationPreferencesInvalid,
    NotificationSelectionInvalid,
)
from graphql_api.notifications.models import Notification, NotificationDelivery, NotificationKind
from graphql_api.notifications.repository import NotificationRepository
from graphql_api.pagination import Page, PageArgs

MAX_TEXT = 300

# Social noise: the kinds a user may set to DIGEST (one email per period instead of one each).
DIGESTIBLE_KINDS = frozenset(
    {
        NotificationKind.REACTION,
        NotificationKind.COMMENT,
        NotificationKind.FOLLOW,
        NotificationKind.FOLLOW_REQUEST,
        NotificationKind.FOLLOW_APPROVED,
    }
)
# Until a user chooses: alerts reach them by email too, at once; everything else in the app.
DEFAULT_DELIVERY: dict[NotificationKind, NotificationDelivery] = {
    kind: NotificationDelivery.IN_APP for kind in NotificationKind
} | {
    NotificationKind.DEVICE_ALERT: NotificationDelivery.BOTH,
    NotificationKind.BEHAVIOUR_ANOMALY: NotificationDelivery.BOTH,
}
_IN_APP = frozenset(
    {NotificationDelivery.IN_APP, NotificationDelivery.BOTH, NotificationDelivery.DIGEST}
)
_EMAIL_NOW = frozenset({NotificationDelivery.EMAIL, NotificationDelivery.BOTH})
# The email's subject starts with what kind of thing happened.
_SUBJECT = {
    NotificationKind.DEVICE_ALERT: "Alert",
    NotificationKind.COMMAND_FAILED: "Command failed",
    NotificationKind.BEHAVIOUR_ANOMALY: "Unusual behaviour",
}


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
    """Put a notification in ``recipient_id``'s inbox; None when it is not put there.

    Not sent when the recipient caused it themself, or has muted ``kind``. Where it goes follows
    the recipient's preference for ``kind`` (``DEFAULT_DELIVERY`` until they choose): the inbox,
    an email queued in this same transaction (sent after commit by the ``email-send`` job), or
    the next digest. ``target`` is ``(GraphQL type name, database id)`` of the object it is about.
    """
    if actor_id is not None and actor_id == recipient_id:
        return None
    repository = NotificationRepository(session)
    if await repository.is_muted(recipient_id, kind):
        return None
    delivery = await repository.delivery_choice(recipient_id, kind) or DEFAULT_DELIVERY[kind]
    if delivery is NotificationDelivery.EMAIL and not deliveries_service.email_on(session):
        delivery = NotificationDelivery.IN_APP  # email is off here: the inbox, not nowhere
    notification = None
    if delivery in _IN_APP:
        notification = await _put_in_inbox(
            session, repository, recipient_id, kind, text, actor_id, target
        )
    notification_id = notification.id if notification is not None else None
    if delivery in _EMAIL_NOW:
        await deliveries_service.send_at_once(
            session,
            user_id=recipient_id,
            subject=f"[pawgraph] {_SUBJECT.get(kind, 'Notification')}: {text}",
            body=_email_body(kind, text, delivery),
            notification_id=notification_id,
        )
    elif delivery is NotificationDelivery.DIGEST:
        await deliveries_service.add_to_digest(
            session, user_id=recipient_id, text=text, notification_id=notification_id
        )
    return notification


def _email_body(kind: NotificationKind, text: str, delivery: NotificationDelivery) -> str:
    return (
        f"{text}\n\n"
        "Open pawgraph to see it.\n\n"
        f"You get this email because {kind.value} notifications are set to {delivery.value} in "
        "your notification preferences.\n"
    )


async def _put_in_inbox(
    session: AsyncSession,
    repository: NotificationRepository,
    recipient_id: int,
    kind: NotificationKind,
    text: str,
    actor_id: int | None,
    target: tuple[str, int] | None,
) -> Notification:
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


# ---- the inbox, for its owner ------------------------------------------------------------------

MAX_IDS = 100


class NotificationOrder(enum.StrEnum):
    NEWEST_FIRST = "NEWEST_FIRST"
    UNREAD_FIRST = "UNREAD_FIRST"


@dataclass(frozen=True, slots=True)
class MarkedRead:
    notifications: list[Notification]
    unread_count: int


async def list_for_viewer(
    session: AsyncSession,
    viewer: Viewer | None,
    page: PageArgs,
    order: NotificationOrder = NotificationOrder.NEWEST_FIRST,
    unread_only: bool = False,
) -> tuple[Page[Notification], Callable[[], Awaitable[int]]]:
    viewer = require_viewer(viewer)
    repository = NotificationRepository(session)
    statement = repository.inbox_statement(viewer, unread_only=unread_only)
    if order is NotificationOrder.UNREAD_FIRST:
        result = await repository.page_unread_first(statement, page)
    else:
        result = await repository.page_newest_first(statement, page)
    return result, repository.counter(statement)


async def get(
    session: AsyncSession, viewer: Viewer | None, notification_id: int
) -> Notification | None:
    viewer = require_viewer(viewer)
    [notification] = await NotificationRepository(session).get_readable_by_ids(
        viewer, [notification_id]
    )
    return notification


async def unread_count(session: AsyncSession, viewer: Viewer | None) -> int:
    return await NotificationRepository(session).count_unread(require_viewer(viewer))


async def _require_own(
    repository: NotificationRepository, viewer: Viewer, ids: Sequence[int]
) -> list[Notification]:
    found = await repository.get_readable_by_ids(viewer, ids)
    for index, notification in enumerate(found):
        if notification is None:
            raise NotificationNotFound(field=["ids", str(index)])
    return [notification for notification in found if notification is not None]


async def mark_read(
    session: AsyncSession,
    viewer: Viewer | None,
    now: dt.datetime,
    *,
    ids: Sequence[int] | None = None,
    every: bool = False,
) -> MarkedRead:
    """Mark some of the viewer's notifications read, or all of them.

    An id that is not one of the viewer's is NOTIFICATION_NOT_FOUND and nothing is marked.
    Marking a read notification again is harmless; it keeps its first read time.
    """
    viewer = require_writer(viewer)
    if every == (ids is not None):
        raise NotificationSelectionInvalid(field="ids")
    repository = NotificationRepository(session)
    selected: list[Notification] = []
    if ids is not None:
        if not 1 <= len(ids) <= MAX_IDS:
            raise NotificationSelectionInvalid(f"Pass 1 to {MAX_IDS} ids.", field="ids")
        selected = await _require_own(repository, viewer, list(dict.fromkeys(ids)))
    await repository.mark_read(viewer, None if every else [n.id for n in selected], now)
    return MarkedRead(notifications=selected, unread_count=await repository.count_unread(viewer))


async def muted_kinds(session: AsyncSession, viewer: Viewer | None) -> list[NotificationKind]:
    return await NotificationRepository(session).muted_kinds(require_viewer(viewer).user_id)


async def set_kind_muted(
    session: AsyncSession, viewer: Viewer | None, kind: NotificationKind, muted: bool
) -> list[NotificationKind]:
    """Stop (or resume) receiving ``kind``; idempotent. Returns the kinds now muted."""
    viewer = require_writer(viewer)
    repository = NotificationRepository(session)
    if muted:
        await repository.mute(viewer.user_id, kind)
    else:
        await repository.unmute(viewer.user_id, kind)
    return await repository.muted_kinds(viewer.user_id)


# ---- delivery preferences ---------------------------------------------------------------------

MAX_PREFERENCES = len(NotificationKind)


@dataclass(frozen=True, slots=True)
class DeliveryPreference:
    kind: NotificationKind
    delivery: NotificationDelivery
    # False: the user never chose; ``delivery`` is the default.
    chosen: bool

    @property
    def digest_allowed(self) -> bool:
        return self.kind in DIGESTIBLE_KINDS


def _preferences(chosen: dict[NotificationKind, NotificationDelivery]) -> list[DeliveryPreference]:
    return [
        DeliveryPreference(kind, chosen.get(kind, DEFAULT_DELIVERY[kind]), kind in chosen)
        for kind in NotificationKind
    ]


async def preferences_of(
    session: AsyncSession, viewer: Viewer | None, user_ids: Sequence[int]
) -> list[list[DeliveryPreference] | None]:
    """Every kind's delivery for each user, in order; None for anyone but the viewer (staff
    included: preferences are private)."""
    own = [viewer is not None and user_id == viewer.user_id for user_id in user_ids]
    if not any(own):
        return [None] * len(user_ids)
    assert viewer is not None
    chosen = await NotificationRepository(session).delivery_choices([viewer.user_id])
    mine = _preferences(chosen.get(viewer.user_id, {}))
    return [mine if is_own else None for is_own in own]


async def set_preferences(
    session: AsyncSession,
    viewer: Viewer | None,
    choices: Sequence[tuple[NotificationKind, NotificationDelivery]],
    now: dt.datetime,
) -> list[DeliveryPreference]:
    """Choose how the viewer gets some kinds (others keep theirs); returns every kind's.

    Each kind at most once; DIGEST only for ``DIGESTIBLE_KINDS``. Nothing is changed when any
    choice is refused.
    """
    viewer = require_writer(viewer)
    if not 1 <= len(choices) <= MAX_PREFERENCES:
        raise NotificationPreferencesInvalid(
            f"Pass 1 to {MAX_PREFERENCES} preferences.", field="preferences"
        )
    seen: set[NotificationKind] = set()
    for index, (kind, delivery) in enumerate(choices):
        if kind in seen:
            raise NotificationPreferencesInvalid(
                f"{kind.value} is given twice.", field=["preferences", str(index), "kind"]
            )
        seen.add(kind)
        if delivery is NotificationDelivery.DIGEST and kind not in DIGESTIBLE_KINDS:
            raise NotificationDigestNotAllowed(
                f"{kind.value} is sent at once: only social kinds can be digested.",
                field=["preferences", str(index), "delivery"],
            )
    repository = NotificationRepository(session)
    await repository.choose_delivery(viewer.user_id, choices, now)
    chosen = await repository.delivery_choices([viewer.user_id])
    return _preferences(chosen.get(viewer.user_id, {}))


# ---- live --------------------------------------------------------------------------------------


def live_channel(viewer: Viewer | None) -> str:
    """The channel a viewer's own new notifications arrive on; NotAuthenticated without one."""
    return events.user_notifications_channel(require_viewer(viewer).user_id)


async def received(
    session: AsyncSession, viewer: Viewer | None, message: str
) -> Notification | None:
    """The notification a live message announces, if it is still the viewer's to see."""
    event = NotificationEvent.model_validate_json(message)
    return await get(session, viewer, event.notification_id)
