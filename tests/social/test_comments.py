import pytest

from graphql_api.errors import PermissionDenied
from graphql_api.notifications.models import NotificationKind
from graphql_api.pagination import PageArgs
from graphql_api.social.comments import service as comments_service
from graphql_api.social.comments.errors import CommentNotFound, InvalidComment
from graphql_api.social.comments.repository import CommentRepository
from graphql_api.social.posts.errors import PostNotFound
from graphql_api.social.posts.models import PostVisibility
from tests.factories.accounts import viewer_of
from tests.factories.social import NOW, block, comment_on, create_post
from tests.social.inbox import kinds_in_inbox

PAGE = PageArgs(limit=10, forward=True, cursor=None)


class TestAdd:
    async def test_a_comment_notifies_the_post_author_but_not_oneself(self, session, author, fan):
        # given
        post = await create_post(session, author)

        # when
        await comment_on(session, fan, post, "Lovely!")
        await comment_on(session, author, post, "Thanks!")

        # then
        page, count = await comments_service.list_for_post(session, viewer_of(fan), post.id, PAGE)
        assert [comment.text for comment in page.items] == ["Lovely!", "Thanks!"]
        assert await count() == 2
        assert await kinds_in_inbox(session, author) == [NotificationKind.COMMENT]

    async def test_nobody_comments_on_a_post_they_cannot_see(self, session, author, fan):
        # given
        post = await create_post(session, author, visibility=PostVisibility.PRIVATE)

        # when / then
        with pytest.raises(PostNotFound):
            await comment_on(session, fan, post)

    @pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
    async def test_text_is_bounded(self, session, author, text):
        # given
        post = await create_post(session, author)

        # when / then
        with pytest.raises(InvalidComment):
            await comment_on(session, author, post, text)


class TestEditAndDelete:
    async def test_only_the_comment_author_edits_it(self, session, author, fan):
        # given
        post = await create_post(session, author)
        comment = await comment_on(session, fan, post)

        # when
        edited = await comments_service.update(session, viewer_of(fan), comment.id, "Edit", NOW)

        # then
        assert edited.text == "Edit"
        with pytest.raises(CommentNotFound):
            await comments_service.update(session, viewer_of(author), comment.id, "No", NOW)

    async def test_the_post_author_may_delete_comments_on_their_post(self, session, author, fan):
        # given
        post = await create_post(session, author)
        comment = await comment_on(session, fan, post)

        # when
        await comments_service.delete(session, viewer_of(author), comment.id)

        # then
        assert await comments_service.get(session, viewer_of(fan), comment.id) is None

    async def test_a_third_user_cannot_delete_a_comment(self, session, author, fan, stranger):
        # given
        post = await create_post(session, author)
        comment = await comment_on(session, fan, post)

        # when / then
        with pytest.raises(CommentNotFound):
            await comments_service.delete(session, viewer_of(stranger), comment.id)


class TestVisibility:
    async def test_comments_by_someone_in_a_block_with_the_viewer_are_hidden(
        self, session, author, fan, stranger
    ):
        # given
        post = await create_post(session, author)
        await comment_on(session, fan, post, "from fan")
        await comment_on(session, stranger, post, "from stranger")
        await block(session, stranger, fan)

        # when
        seen_by_fan, _ = await comments_service.list_for_post(
            session, viewer_of(fan), post.id, PAGE
        )
        counts = await CommentRepository(session).counts_by_post_ids(viewer_of(fan), [post.id])

        # then
        assert [comment.text for comment in seen_by_fan.items] == ["from fan"]
        assert counts == [1]


class TestRemove:
    async def test_staff_remove_a_comment_for_everyone_but_staff(self, session, author, fan, staff):
        # given
        post = await create_post(session, author)
        comment = await comment_on(session, fan, post)

        # when
        await comments_service.remove(session, viewer_of(staff), comment.id, NOW)

        # then
        assert await comments_service.get(session, viewer_of(fan), comment.id) is None
        assert await comments_service.get(session, viewer_of(author), comment.id) is None
        assert await comments_service.get(session, viewer_of(staff), comment.id) is not None
        with pytest.raises(PermissionDenied):
            await comments_service.remove(session, viewer_of(author), comment.id, NOW)
