"""Moderation and marketplace administration (clients/operations/moderation.graphql) through the
generated SDK, live, as STAFF and ADMIN users (created in the database: they cannot sign up)."""

import contextlib
import secrets
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

from pawgraph_client import (
    AddCommentInput,
    CreateCategoryInput,
    CreatePostInput,
    DeleteCategoryInput,
    LoginInput,
    PawgraphClient,
    RemoveCommentInput,
    RemovePostInput,
    RenameCategoryInput,
    ReportContentInput,
    ResolveReportInput,
    UserSuspensionInput,
)
from pawgraph_client.enums import (
    AnalyticsPeriod,
    ErrorCode,
    ReportReason,
    ReportStatus,
    ResolutionAction,
)

from graphql_api.auth import Role
from tests.clients.test_sdk import sdk, signed_in
from tests.factories.accounts import PASSWORD, create_committed_user
from tests.support.live_server import LiveServer


@contextlib.asynccontextmanager
async def logged_in(server: LiveServer, email: str) -> AsyncIterator[PawgraphClient]:
    async with sdk(server) as anonymous:
        login = (await anonymous.login(LoginInput(email=email, password=PASSWORD))).login
    async with sdk(server, login.access_token) as client:
        yield client


@contextlib.asynccontextmanager
async def signed_in_as(server: LiveServer, engine, role: Role) -> AsyncIterator[PawgraphClient]:
    """A STAFF or ADMIN user, committed to the database and logged in through the SDK."""
    async with logged_in(server, await create_committed_user(engine, role)) as client:
        yield client


async def post_by(client, text: str = "Post"):
    return (
        await client.create_post(CreatePostInput(text=f"{text} {secrets.token_hex(3)}"))
    ).create_post.post


class TestModeration:
    async def test_resolve_a_report_by_removing_the_post(self, server_a, engine):
        async with (
            signed_in(server_a) as author,
            signed_in(server_a) as reporter,
            signed_in_as(server_a, engine, Role.STAFF) as staff,
        ):
            # given
            post = await post_by(author)
            report = (
                await reporter.report_content(
                    ReportContentInput(target_id=post.id, reason=ReportReason.SPAM)
                )
            ).report_content.report
            # when
            resolved = (
                await staff.resolve_report(
                    ResolveReportInput(
                        report_id=report.id, action=ResolutionAction.REMOVE_CONTENT, note="spam"
                    )
                )
            ).resolve_report
            again = (
                await staff.resolve_report(
                    ResolveReportInput(report_id=report.id, action=ResolutionAction.DISMISS)
                )
            ).resolve_report
            seen = (await reporter.post(id=post.id)).post
            # then
            assert resolved.user_errors == []
            assert resolved.report.status is ReportStatus.CONTENT_REMOVED
            assert [error.code for error in again.user_errors] == [
                ErrorCode.REPORT_ALREADY_RESOLVED
            ]
            assert seen is None

    async def test_remove_a_post_and_a_comment_directly(self, server_a, engine):
        async with (
            signed_in(server_a) as author,
            signed_in_as(server_a, engine, Role.STAFF) as staff,
        ):
            # given
            post = await post_by(author)
            other = await post_by(author, "Other")
            comment = (
                await author.add_comment(AddCommentInput(post_id=other.id, text="Rude"))
            ).add_comment.comment
            # when
            removed_post = (await staff.remove_post(RemovePostInput(id=post.id))).remove_post
            removed_comment = (
                await staff.remove_comment(RemoveCommentInput(id=comment.id))
            ).remove_comment
            comments = (await author.comments(post_id=other.id)).comments
            # then
            assert removed_post.user_errors == [] and removed_post.post.id == post.id
            assert removed_post.post.removed_at is not None
            assert removed_comment.user_errors == [] and removed_comment.comment.id == comment.id
            assert removed_comment.comment.removed_at is not None
            assert (await author.post(id=post.id)).post is None
            assert comments.total_count == 0

    async def test_suspension_revokes_tokens_then_reads_only_until_unsuspended(
        self, server_a, engine
    ):
        async with signed_in_as(server_a, engine, Role.STAFF) as staff:
            # given
            email = await create_committed_user(engine, Role.OWNER, "suspended")
            async with logged_in(server_a, email) as user:
                user_id = (await user.my_profile()).my_profile.user_id
                # when
                suspended = (
                    await staff.suspend_user(UserSuspensionInput(user_id=user_id))
                ).suspend_user
                old_token = (await user.me()).me
            async with logged_in(server_a, email) as user:
                reads = (await user.me()).me
                refused = (
                    await user.create_post(CreatePostInput(text="While suspended"))
                ).create_post
                unsuspended = (
                    await staff.unsuspend_user(UserSuspensionInput(user_id=user_id))
                ).unsuspend_user
            async with logged_in(server_a, email) as user:
                allowed = (await user.create_post(CreatePostInput(text="Back"))).create_post
            # then
            assert suspended.user_errors == [] and suspended.user_id == user_id
            assert suspended.suspended_at is not None
            assert old_token is None
            assert reads is not None and reads.email == email
            assert refused.post is None
            assert [error.code for error in refused.user_errors] == [ErrorCode.ACCOUNT_SUSPENDED]
            assert unsuspended.user_errors == [] and unsuspended.suspended_at is None
            assert allowed.user_errors == [] and allowed.post.text == "Back"

    async def test_an_owner_cannot_suspend_or_remove(self, server_a):
        async with signed_in(server_a) as owner, signed_in(server_a) as other:
            # given
            post = await post_by(other)
            other_id = (await other.my_profile()).my_profile.user_id
            # when
            suspend = (await owner.suspend_user(UserSuspensionInput(user_id=other_id))).suspend_user
            remove = (await owner.remove_post(RemovePostInput(id=post.id))).remove_post
            # then
            assert suspend.user_id is None
            assert [error.code for error in suspend.user_errors] == [ErrorCode.PERMISSION_DENIED]
            assert remove.post is None
            assert [error.code for error in remove.user_errors] == [ErrorCode.PERMISSION_DENIED]
            assert (await other.post(id=post.id)).post is not None


class TestMarketplaceAdministration:
    async def test_create_rename_and_delete_a_category(self, server_a, engine):
        async with signed_in_as(server_a, engine, Role.ADMIN) as admin:
            # given
            name = "Leads " + secrets.token_hex(3)
            # when
            created = (await admin.create_category(CreateCategoryInput(name=name))).create_category
            duplicate = (
                await admin.create_category(CreateCategoryInput(name=name))
            ).create_category
            renamed = (
                await admin.rename_category(
                    RenameCategoryInput(id=created.category.id, name=name + " and harnesses")
                )
            ).rename_category
            listed = (await admin.categories()).categories
            deleted = (
                await admin.delete_category(DeleteCategoryInput(id=created.category.id))
            ).delete_category
            after = (await admin.categories()).categories
            # then
            assert created.user_errors == [] and created.category.name == name
            assert duplicate.category is None and [
                error.code for error in duplicate.user_errors
            ] == [ErrorCode.CATEGORY_EXISTS]
            assert renamed.user_errors == []
            assert renamed.category.name == name + " and harnesses"
            assert created.category.id in [category.id for category in listed]
            assert deleted.user_errors == [] and deleted.deleted_category_id == created.category.id
            assert created.category.id not in [category.id for category in after]

    async def test_analytics_count_what_was_listed(self, server_a, engine):
        async with signed_in_as(server_a, engine, Role.ADMIN) as admin:
            # given
            now = datetime.now(UTC)
            # when
            analytics = (
                await admin.marketplace_analytics(
                    from_=now - timedelta(days=7),
                    to=now + timedelta(days=1),
                    period=AnalyticsPeriod.DAY,
                )
            ).marketplace_analytics
            # then
            assert analytics.period is AnalyticsPeriod.DAY
            assert analytics.sales_count >= 0 and analytics.open_reports >= 0

    async def test_staff_cannot_create_a_category(self, server_a, engine):
        async with signed_in_as(server_a, engine, Role.STAFF) as staff:
            # when
            refused = (
                await staff.create_category(CreateCategoryInput(name="Mine"))
            ).create_category
            # then
            assert refused.category is None
            assert [error.code for error in refused.user_errors] == [ErrorCode.PERMISSION_DENIED]
