import pytest

from graphql_api.pagination import PageArgs
from graphql_api.social.blocks import service as blocks_service
from graphql_api.social.blocks.errors import CannotBlockSelf
from graphql_api.social.follows import service as follows_service
from graphql_api.social.posts import service as posts_service
from graphql_api.social.posts.errors import PostNotFound
from graphql_api.social.profiles.errors import ProfileNotFound
from graphql_api.social.reactions import service as reactions_service
from graphql_api.social.reactions.models import ReactionKind
from tests.factories.accounts import viewer_of
from tests.factories.social import NOW, block, create_post, follow

PAGE = PageArgs(limit=10, forward=True, cursor=None)


class TestBlock:
    async def test_blocking_ends_follows_both_ways(self, session, author, fan):
        # given
        await follow(session, fan, author)
        await follow(session, author, fan)

        # when
        await block(session, author, fan)

        # then
        followers, _ = await follows_service.followers(session, viewer_of(author), author.id, PAGE)
        following, _ = await follows_service.following(session, viewer_of(author), author.id, PAGE)
        assert followers.items == [] and following.items == []

    async def test_is_blocked_answers_for_either_direction(self, session, author, fan, stranger):
        # given
        await block(session, author, fan)

        # then
        assert await blocks_service.is_blocked(session, author.id, fan.id)
        assert await blocks_service.is_blocked(session, fan.id, author.id)
        assert not await blocks_service.is_blocked(session, author.id, stranger.id)

    async def test_blocking_twice_is_one_block_and_unblocking_is_idempotent(
        self, session, author, fan
    ):
        # given
        await block(session, author, fan)
        await block(session, author, fan)

        # when
        listed, count = await blocks_service.blocked_users(session, viewer_of(author), PAGE)
        await blocks_service.unblock(session, viewer_of(author), fan.id)
        await blocks_service.unblock(session, viewer_of(author), fan.id)

        # then
        assert [view.user_id for view in listed.items] == [fan.id]
        assert await count() == 0
        assert not await blocks_service.is_blocked(session, author.id, fan.id)

    async def test_the_blocked_user_can_neither_see_nor_react(self, session, author, fan):
        # given
        post = await create_post(session, author)
        await block(session, author, fan)

        # when / then
        assert await posts_service.get(session, viewer_of(fan), post.id) is None
        with pytest.raises(PostNotFound):
            await reactions_service.react(session, viewer_of(fan), post.id, ReactionKind.LOVE, NOW)

    async def test_the_blocker_no_longer_sees_the_blocked_users_posts(self, session, author, fan):
        # given
        post = await create_post(session, fan)

        # when
        await block(session, author, fan)

        # then
        assert await posts_service.get(session, viewer_of(author), post.id) is None

    async def test_you_cannot_block_yourself_or_nobody(self, session, author):
        # when / then
        with pytest.raises(CannotBlockSelf):
            await block(session, author, author)
        with pytest.raises(ProfileNotFound):
            await blocks_service.block(session, viewer_of(author), 987654321, NOW)
