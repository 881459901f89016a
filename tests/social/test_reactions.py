import pytest

from graphql_api.notifications.models import NotificationKind
from graphql_api.pagination import PageArgs
from graphql_api.social.posts.errors import PostNotFound
from graphql_api.social.posts.models import PostVisibility
from graphql_api.social.reactions import service as reactions_service
from graphql_api.social.reactions.models import ReactionKind
from graphql_api.social.reactions.repository import ReactionRepository
from tests.factories.accounts import viewer_of
from tests.factories.social import NOW, create_post, react
from tests.social.inbox import kinds_in_inbox

PAGE = PageArgs(limit=10, forward=True, cursor=None)


class TestReact:
    async def test_one_reaction_per_user_changeable_and_notified_once(self, session, author, fan):
        # given
        post = await create_post(session, author)

        # when
        await react(session, fan, post, ReactionKind.LIKE)
        await react(session, fan, post, ReactionKind.LIKE)
        changed = await react(session, fan, post, ReactionKind.LOVE)

        # then
        assert changed.kind is ReactionKind.LOVE
        counts = await ReactionRepository(session).counts_by_post_ids(viewer_of(author), [post.id])
        assert counts == [{ReactionKind.LOVE: 1}]
        assert await kinds_in_inbox(session, author) == [NotificationKind.REACTION]

    async def test_reacting_to_ones_own_post_notifies_nobody(self, session, author):
        # given
        post = await create_post(session, author)

        # when
        await react(session, author, post, ReactionKind.HAHA)

        # then
        assert await kinds_in_inbox(session, author) == []

    async def test_removing_is_idempotent(self, session, author, fan):
        # given
        post = await create_post(session, author)
        await react(session, fan, post)

        # when
        await reactions_service.unreact(session, viewer_of(fan), post.id)
        await reactions_service.unreact(session, viewer_of(fan), post.id)

        # then
        page, count = await reactions_service.list_for_post(
            session, viewer_of(author), post.id, PAGE
        )
        assert page.items == [] and await count() == 0

    async def test_nobody_reacts_to_a_post_they_cannot_see(self, session, author, fan):
        # given
        post = await create_post(session, author, visibility=PostVisibility.FOLLOWERS)

        # when / then
        with pytest.raises(PostNotFound):
            await reactions_service.react(session, viewer_of(fan), post.id, ReactionKind.WOW, NOW)
