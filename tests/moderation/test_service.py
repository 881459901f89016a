"""Reports, the moderation queue, resolutions and suspensions through the service."""

import datetime as dt

import pytest
from sqlalchemy import select

from graphql_api.auth import AccountSuspended, Role, Viewer, require_writer
from graphql_api.errors import PermissionDenied
from graphql_api.marketplace.listings.models import ListingStatus
from graphql_api.moderation import service as moderation_service
from graphql_api.moderation.errors import (
    CannotSuspend,
    InvalidReport,
    InvalidResolution,
    ReportAlreadyResolved,
    ReportTargetNotFound,
)
from graphql_api.moderation.models import ReportReason, ReportStatus, ReportTargetType
from graphql_api.moderation.service import ResolutionAction
from graphql_api.moderation.targets import TARGETS, ReportTarget, handler_for
from graphql_api.notifications.models import Notification, NotificationKind
from graphql_api.pagination import PageArgs
from tests.factories.accounts import create_user, viewer_of
from tests.marketplace.factories import NOW, create_listing

LATER = NOW + dt.timedelta(hours=1)
LISTING = ReportTargetType.LISTING
ALL = PageArgs(limit=100, forward=True, cursor=None)


async def kinds_for(session, user) -> list[NotificationKind]:
    statement = (
        select(Notification.kind)
        .where(Notification.recipient_id == user.id)
        .order_by(Notification.id)
    )
    return list((await session.execute(statement)).scalars())


async def report(session, reporter, target_type, target_id, reason=ReportReason.SCAM):
    return await moderation_service.report(
        session, viewer_of(reporter), target_type, target_id, reason, "Looks fake", NOW
    )


@pytest.fixture
async def scene(session):
    seller = await create_user(session, prefix="seller")
    reporter = await create_user(session, prefix="reporter")
    staff = await create_user(session, Role.STAFF, prefix="staff")
    listing = await create_listing(session, seller)
    return seller, reporter, staff, listing


class TestReport:
    async def test_reporting_the_same_thing_twice_is_one_report(self, session, scene):
        # given
        _, reporter, _, listing = scene
        # when
        first = await report(session, reporter, LISTING, listing.id)
        second = await report(session, reporter, LISTING, listing.id, ReportReason.SPAM)
        # then
        assert first.id == second.id and second.reason is ReportReason.SCAM
        assert first.status is ReportStatus.OPEN

    async def test_a_missing_target_is_refused(self, session, scene):
        # given
        _, reporter, _, _ = scene
        # when / then
        with pytest.raises(ReportTargetNotFound):
            await report(session, reporter, LISTING, 999_999_999)
        with pytest.raises(ReportTargetNotFound):
            await report(session, reporter, ReportTargetType.USER, 999_999_999)

    async def test_you_cannot_report_yourself_or_your_listing(self, session, scene):
        # given
        seller, _, _, listing = scene
        # when / then
        with pytest.raises(InvalidReport):
            await report(session, seller, LISTING, listing.id)
        with pytest.raises(InvalidReport):
            await report(session, seller, ReportTargetType.USER, seller.id)

    async def test_details_are_bounded(self, session, scene):
        # given
        _, reporter, _, listing = scene
        # when / then
        with pytest.raises(InvalidReport):
            await moderation_service.report(
                session,
                viewer_of(reporter),
                LISTING,
                listing.id,
                ReportReason.OTHER,
                "x" * 1001,
                NOW,
            )


class TestQueue:
    async def test_staff_see_open_reports_and_owners_are_refused(self, session, scene):
        # given
        _, reporter, staff, listing = scene
        created = await report(session, reporter, LISTING, listing.id)
        # when
        page, _ = await moderation_service.queue(session, viewer_of(staff), ALL)
        # then
        assert created.id in page.keys
        with pytest.raises(PermissionDenied):
            await moderation_service.queue(session, viewer_of(reporter), ALL)


class TestResolve:
    async def test_removing_content_settles_every_report_of_it_and_tells_everyone(
        self, session, scene
    ):
        # given
        seller, reporter, staff, listing = scene
        second_reporter = await create_user(session, prefix="second")
        first = await report(session, reporter, LISTING, listing.id)
        second = await report(session, second_reporter, LISTING, listing.id)
        # when
        resolved = await moderation_service.resolve(
            session, viewer_of(staff), first.id, ResolutionAction.REMOVE_CONTENT, "Scam", LATER
        )
        # then
        assert resolved.status is second.status is ReportStatus.CONTENT_REMOVED
        assert resolved.resolved_by_id == staff.id and resolved.resolved_at == LATER
        assert listing.status is ListingStatus.REMOVED and listing.removed_by_id == staff.id
        assert await kinds_for(session, reporter) == [NotificationKind.REPORT_RESOLVED]
        assert await kinds_for(session, second_reporter) == [NotificationKind.REPORT_RESOLVED]
        assert await kinds_for(session, seller) == [NotificationKind.CONTENT_REMOVED]

    async def test_a_resolved_report_cannot_be_resolved_again(self, session, scene):
        # given
        _, reporter, staff, listing = scene
        created = await report(session, reporter, LISTING, listing.id)
        await moderation_service.resolve(
            session, viewer_of(staff), created.id, ResolutionAction.DISMISS, None, LATER
        )
        # when / then
        with pytest.raises(ReportAlreadyResolved, match="DISMISSED"):
            await moderation_service.resolve(
                session, viewer_of(staff), created.id, ResolutionAction.DISMISS, None, LATER
            )
        assert listing.status is ListingStatus.ACTIVE

    async def test_suspending_the_author_stops_their_writes(self, session, scene):
        # given
        seller, reporter, staff, listing = scene
        created = await report(session, reporter, LISTING, listing.id)
        # when
        await moderation_service.resolve(
            session, viewer_of(staff), created.id, ResolutionAction.SUSPEND_USER, None, LATER
        )
        # then
        assert seller.suspended_at == LATER
        assert NotificationKind.ACCOUNT_SUSPENDED in await kinds_for(session, seller)
        with pytest.raises(AccountSuspended):
            require_writer(
                Viewer(
                    user_id=seller.id, role=seller.role, suspended=seller.suspended_at is not None
                )
            )

    async def test_a_user_cannot_be_removed_only_suspended(self, session, scene):
        # given
        seller, reporter, staff, _ = scene
        created = await report(session, reporter, ReportTargetType.USER, seller.id)
        # when / then
        with pytest.raises(InvalidResolution):
            await moderation_service.resolve(
                session, viewer_of(staff), created.id, ResolutionAction.REMOVE_CONTENT, None, LATER
            )

    async def test_owners_cannot_resolve(self, session, scene):
        # given
        _, reporter, _, listing = scene
        created = await report(session, reporter, LISTING, listing.id)
        # when / then
        with pytest.raises(PermissionDenied):
            await moderation_service.resolve(
                session, viewer_of(reporter), created.id, ResolutionAction.DISMISS, None, LATER
            )


class TestSuspension:
    async def test_staff_suspend_and_reinstate_owners(self, session, scene):
        # given
        seller, _, staff, _ = scene
        # when
        suspended = await moderation_service.suspend(session, viewer_of(staff), seller.id, LATER)
        # then
        assert suspended.suspended_at == LATER
        reinstated = await moderation_service.unsuspend(session, viewer_of(staff), seller.id)
        assert reinstated.suspended_at is None

    async def test_staff_cannot_suspend_staff_admins_or_themselves(self, session, scene):
        # given
        _, _, staff, _ = scene
        other_staff = await create_user(session, Role.STAFF, prefix="staff2")
        admin = await create_user(session, Role.ADMIN, prefix="admin")
        # when / then
        for target in (other_staff, admin, staff):
            with pytest.raises(CannotSuspend):
                await moderation_service.suspend(session, viewer_of(staff), target.id, LATER)
        assert (
            await moderation_service.suspend(session, viewer_of(admin), other_staff.id, LATER)
        ).suspended_at

    async def test_owners_cannot_suspend(self, session, scene):
        # given
        seller, reporter, _, _ = scene
        # when / then
        with pytest.raises(PermissionDenied):
            await moderation_service.suspend(session, viewer_of(reporter), seller.id, LATER)


class TestTargets:
    def test_every_target_type_has_a_row(self):
        # when
        kinds = {kind: handler_for(kind).kind for kind in ReportTargetType}
        # then
        assert kinds == {kind: kind for kind in ReportTargetType}
        assert handler_for(ReportTargetType.USER).remove is None

    async def test_a_substituted_row_answers_for_its_kind(self, session, scene, monkeypatch):
        # given: a stand-in for the social domain's posts
        seller, reporter, staff, _ = scene
        removed: list[int] = []

        async def exists(session, viewer, post_id):
            return post_id == 7

        async def remove(session, moderator, post_id, now):
            removed.append(post_id)

        async def author(session, post_id):
            return seller.id

        stand_in = ReportTarget(ReportTargetType.POST, exists, remove, author)
        monkeypatch.setitem(TARGETS, ReportTargetType.POST, stand_in)
        # when
        created = await report(session, reporter, ReportTargetType.POST, 7)
        await moderation_service.resolve(
            session, viewer_of(staff), created.id, ResolutionAction.REMOVE_CONTENT, None, LATER
        )
        # then
        assert removed == [7]
        assert NotificationKind.CONTENT_REMOVED in await kinds_for(session, seller)
        with pytest.raises(ReportTargetNotFound):
            await report(session, reporter, ReportTargetType.POST, 8)
