import pytest

from graphql_api.moderation import service as moderation_service
from graphql_api.moderation.errors import ReportTargetNotFound
from graphql_api.moderation.models import ReportReason, ReportTargetType
from graphql_api.moderation.service import ResolutionAction
from graphql_api.social.comments import service as comments_service
from graphql_api.social.posts import service as posts_service
from graphql_api.social.posts.models import PostVisibility
from tests.factories.accounts import viewer_of
from tests.factories.social import NOW, comment_on, create_post
from tests.social.inbox import kinds_in_inbox


class TestReportTargets:
    async def test_a_reported_post_removed_by_staff_disappears_for_everyone_but_staff(
        self, session, author, fan, staff
    ):
        # given
        post = await create_post(session, author)
        report = await moderation_service.report(
            session, viewer_of(fan), ReportTargetType.POST, post.id, ReportReason.SPAM, None, NOW
        )

        # when
        await moderation_service.resolve(
            session, viewer_of(staff), report.id, ResolutionAction.REMOVE_CONTENT, None, NOW
        )

        # then
        assert await posts_service.get(session, viewer_of(fan), post.id) is None
        assert await posts_service.get(session, viewer_of(author), post.id) is None
        assert (await posts_service.get(session, viewer_of(staff), post.id)).removed_at == NOW
        assert "CONTENT_REMOVED" in await kinds_in_inbox(session, author)

    async def test_a_reported_comment_is_removed(self, session, author, fan, staff):
        # given
        post = await create_post(session, author)
        comment = await comment_on(session, fan, post)
        report = await moderation_service.report(
            session,
            viewer_of(author),
            ReportTargetType.COMMENT,
            comment.id,
            ReportReason.HARASSMENT,
            "rude",
            NOW,
        )

        # when
        await moderation_service.resolve(
            session, viewer_of(staff), report.id, ResolutionAction.REMOVE_CONTENT, None, NOW
        )

        # then
        assert await comments_service.get(session, viewer_of(author), comment.id) is None

    async def test_a_post_the_reporter_cannot_see_cannot_be_reported(self, session, author, fan):
        # given
        post = await create_post(session, author, visibility=PostVisibility.PRIVATE)

        # when / then
        with pytest.raises(ReportTargetNotFound):
            await moderation_service.report(
                session,
                viewer_of(fan),
                ReportTargetType.POST,
                post.id,
                ReportReason.SPAM,
                None,
                NOW,
            )
