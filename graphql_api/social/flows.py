"""The notifications social actions send, worded in one place.

Each goes through ``notifications_service.notify`` inside the action's unit of work, so it
commits with the action or not at all; nobody is told about their own action (notify skips it).
"""

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.models import NotificationKind
from graphql_api.social.profiles.repository import ProfileRepository


async def _name(session: AsyncSession, user_id: int) -> str:
    user = await ProfileRepository(session).get_user(user_id)
    return user.display_name if user else "Someone"


async def _send(
    session: AsyncSession,
    kind: NotificationKind,
    recipient_id: int,
    actor_id: int,
    text: str,
    target: tuple[str, int],
) -> None:
    await notifications_service.notify(
        session, recipient_id=recipient_id, kind=kind, text=text, actor_id=actor_id, target=target
    )


async def followed(session: AsyncSession, follower_id: int, followee_id: int) -> None:
    name = await _name(session, follower_id)
    await _send(
        session,
        NotificationKind.FOLLOW,
        followee_id,
        follower_id,
        f"{name} started following you.",
        ("Profile", follower_id),
    )


async def follow_requested(session: AsyncSession, follower_id: int, followee_id: int) -> None:
    name = await _name(session, follower_id)
    await _send(
        session,
        NotificationKind.FOLLOW_REQUEST,
        followee_id,
        follower_id,
        f"{name} asked to follow you.",
        ("Profile", follower_id),
    )


async def follow_approved(session: AsyncSession, follower_id: int, followee_id: int) -> None:
    name = await _name(session, followee_id)
    await _send(
        session,
        NotificationKind.FOLLOW_APPROVED,
        follower_id,
        followee_id,
        f"{name} approved your follow request.",
        ("Profile", followee_id),
    )


async def reacted(
    session: AsyncSession, reactor_id: int, author_id: int, post_id: int, kind: str
) -> None:
    name = await _name(session, reactor_id)
    await _send(
        session,
        NotificationKind.REACTION,
        author_id,
        reactor_id,
        f"{name} reacted {kind} to your post.",
        ("Post", post_id),
    )


async def commented(
    session: AsyncSession, commenter_id: int, author_id: int, comment_id: int, text: str
) -> None:
    name = await _name(session, commenter_id)
    preview = text if len(text) <= 80 else text[:79] + "…"
    await _send(
        session,
        NotificationKind.COMMENT,
        author_id,
        commenter_id,
        f"{name} commented on your post: {preview}",
        ("Comment", comment_id),
    )


async def content_removed(
    session: AsyncSession, moderator_id: int, author_id: int, what: str
) -> None:
    await notifications_service.notify(
        session,
        recipient_id=author_id,
        kind=NotificationKind.CONTENT_REMOVED,
        text=f"A moderator removed your {what}.",
        actor_id=moderator_id,
    )
