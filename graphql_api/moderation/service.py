"""Reports and moderation: anyone reports, staff resolve, suspended users read but never write.

Resolving a report settles every open report of the same object with the same outcome, and
each reporter is told. Suspension sets ``users.suspended_at`` and revokes every token issued
before it (open websockets close with 4403); the user may log in again to read, and
``require_writer`` refuses every write from then on.
"""

import datetime as dt
import enum
from collections.abc import Awaitable, Callable, Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts import service as accounts_service
from graphql_api.accounts.models import User
from graphql_api.auth import Role, Viewer, require_viewer, require_writer
from graphql_api.errors import PermissionDenied
from graphql_api.marketplace.money import bounded_text
from graphql_api.moderation import targets
from graphql_api.moderation.errors import (
    CannotSuspend,
    InvalidReport,
    InvalidResolution,
    ReportAlreadyResolved,
    ReportNotFound,
    ReportTargetNotFound,
    UserNotFound,
)
from graphql_api.moderation.models import Report, ReportReason, ReportStatus, ReportTargetType
from graphql_api.moderation.repository import ReportRepository
from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.models import NotificationKind
from graphql_api.pagination import Page, PageArgs

MAX_DETAILS = 1000


class ResolutionAction(enum.StrEnum):
    DISMISS = "DISMISS"
    REMOVE_CONTENT = "REMOVE_CONTENT"
    SUSPEND_USER = "SUSPEND_USER"


_OUTCOME = {
    ResolutionAction.DISMISS: (ReportStatus.DISMISSED, "no action was needed"),
    ResolutionAction.REMOVE_CONTENT: (ReportStatus.CONTENT_REMOVED, "the content was removed"),
    ResolutionAction.SUSPEND_USER: (ReportStatus.USER_SUSPENDED, "the user was suspended"),
}


def require_staff(viewer: Viewer | None, *, write: bool = True) -> Viewer:
    viewer = require_writer(viewer) if write else require_viewer(viewer)
    if not viewer.is_staff:
        raise PermissionDenied("Only staff and admins moderate.")
    return viewer


async def report(
    session: AsyncSession,
    viewer: Viewer | None,
    target_type: ReportTargetType,
    target_id: int,
    reason: ReportReason,
    details: str | None,
    now: dt.datetime,
) -> Report:
    """Report something the viewer can see. Reporting it again returns the first report."""
    viewer = require_writer(viewer)
    handler = targets.handler_for(target_type)
    if not await handler.exists(session, viewer, target_id):
        raise ReportTargetNotFound(field="targetId")
    if handler.author is not None and await handler.author(session, target_id) == viewer.user_id:
        raise InvalidReport("You cannot report yourself or your own content.", field="targetId")
    text = bounded_text(details, "details", MAX_DETAILS, InvalidReport, required=False)
    repository = ReportRepository(session)
    existing = await repository.get_by_reporter(viewer.user_id, target_type, target_id)
    if existing is not None:
        return existing
    created = await repository.add_unique(
        Report(
            reporter_id=viewer.user_id,
            target_type=target_type,
            target_id=target_id,
            reason=reason,
            details=text,
            status=ReportStatus.OPEN,
            created_at=now,
        )
    )
    if created is None:  # the same report, committed by a concurrent request since the check
        return await repository.get_by_reporter(viewer.user_id, target_type, target_id)
    return created


async def get(session: AsyncSession, viewer: Viewer | None, report_id: int) -> Report | None:
    viewer = require_viewer(viewer)
    return await ReportRepository(session).get_readable(viewer, report_id)


async def queue(
    session: AsyncSession,
    viewer: Viewer | None,
    page: PageArgs,
    statuses: Sequence[ReportStatus] | None = None,
    target_type: ReportTargetType | None = None,
) -> tuple[Page[Report], Callable[[], Awaitable[int]]]:
    """The moderation queue for staff: OPEN reports unless told otherwise, oldest first."""
    require_staff(viewer, write=False)
    repository = ReportRepository(session)
    statement = repository.queue_statement(statuses or (ReportStatus.OPEN,), target_type)
    return await repository.paginate(statement, page), repository.counter(statement)


async def resolve(
    session: AsyncSession,
    viewer: Viewer | None,
    report_id: int,
    action: ResolutionAction,
    note: str | None,
    now: dt.datetime,
) -> Report:
    """Settle a report (and every other open report of the same object) and tell the reporters."""
    moderator = require_staff(viewer)
    repository = ReportRepository(session)
    resolved = await repository.get_readable(moderator, report_id)
    if resolved is None:
        raise ReportNotFound(field="reportId")
    if resolved.status is not ReportStatus.OPEN:
        raise ReportAlreadyResolved(f"The report is already {resolved.status}.", field="reportId")
    text = bounded_text(note, "note", MAX_DETAILS, InvalidResolution, required=False)
    await _carry_out(session, moderator, resolved, action, now)
    status, outcome = _OUTCOME[action]
    for open_report in await repository.list_open_for_target(
        resolved.target_type, resolved.target_id
    ):
        open_report.status, open_report.resolved_at = status, now
        open_report.resolved_by_id, open_report.resolution_note = moderator.user_id, text
        await notifications_service.notify(
            session,
            recipient_id=open_report.reporter_id,
            kind=NotificationKind.REPORT_RESOLVED,
            text=f"Your report of a {open_report.target_type.lower()} was reviewed: {outcome}.",
            actor_id=moderator.user_id,
            target=("Report", open_report.id),
        )
    await repository.flush()
    return resolved


async def _carry_out(
    session: AsyncSession,
    moderator: Viewer,
    report_: Report,
    action: ResolutionAction,
    now: dt.datetime,
) -> None:
    handler = targets.handler_for(report_.target_type)
    if action is ResolutionAction.DISMISS:
        return
    if action is ResolutionAction.REMOVE_CONTENT:
        if handler.remove is None:
            raise InvalidResolution(
                f"A {report_.target_type} cannot be removed; suspend the user instead.",
                field="action",
            )
        await handler.remove(session, moderator, report_.target_id, now)
        author_id = await handler.author(session, report_.target_id) if handler.author else None
        if author_id is not None:
            await notifications_service.notify(
                session,
                recipient_id=author_id,
                kind=NotificationKind.CONTENT_REMOVED,
                text=f"A moderator removed your {report_.target_type.lower()} after a report.",
                actor_id=moderator.user_id,
            )
        return
    author_id = await handler.author(session, report_.target_id) if handler.author else None
    if author_id is None:
        raise InvalidResolution("Nobody to suspend for this report.", field="action")
    await _suspend(session, moderator, author_id, now)


async def _suspend(
    session: AsyncSession, moderator: Viewer, user_id: int, now: dt.datetime
) -> User:
    user = await ReportRepository(session).get_user_for_update(user_id)
    if user is None:
        raise UserNotFound(field="userId")
    if user.id == moderator.user_id:
        raise CannotSuspend("You cannot suspend yourself.", field="userId")
    if user.role is Role.ADMIN or (user.role is Role.STAFF and moderator.role is not Role.ADMIN):
        raise CannotSuspend(f"A {moderator.role} cannot suspend a {user.role}.", field="userId")
    if user.suspended_at is None:
        user.suspended_at = now
        await ReportRepository(session).flush()
        # Tokens issued before now stop working, and the user's open websockets close (4403).
        await accounts_service.revoke_all_tokens(
            session, user.id, now, accounts_service.SessionEndReason.SUSPENDED
        )
        await notifications_service.notify(
            session,
            recipient_id=user.id,
            kind=NotificationKind.ACCOUNT_SUSPENDED,
            text="Your account was suspended by a moderator: you can read but not post or trade.",
            actor_id=moderator.user_id,
        )
    return user


async def suspend(
    session: AsyncSession, viewer: Viewer | None, user_id: int, now: dt.datetime
) -> User:
    """Staff suspend an OWNER; only admins suspend STAFF; nobody suspends an ADMIN or themself."""
    return await _suspend(session, require_staff(viewer), user_id, now)


async def unsuspend(session: AsyncSession, viewer: Viewer | None, user_id: int) -> User:
    moderator = require_staff(viewer)
    repository = ReportRepository(session)
    user = await repository.get_user_for_update(user_id)
    if user is None:
        raise UserNotFound(field="userId")
    if user.role is not Role.OWNER and moderator.role is not Role.ADMIN:
        raise CannotSuspend(
            f"A {moderator.role} cannot lift a {user.role}'s suspension.", field="userId"
        )
    user.suspended_at = None
    await repository.flush()
    # Tokens issued since the suspension may write again, on every process.
    accounts_service.viewer_changed(session, user.id)
    return user
