import pytest

from graphql_api.notifications.models import NotificationKind
from graphql_api.pagination import PageArgs
from graphql_api.social.blocks.errors import UserBlocked
from graphql_api.social.follows import service as follows_service
from graphql_api.social.follows.errors import CannotFollowSelf, FollowRequestNotFound
from graphql_api.social.follows.models import FollowStatus
from graphql_api.social.profiles.errors import ProfileNotFound
from tests.factories.accounts import viewer_of
from tests.factories.social import NOW, approved_follower, block, follow, make_private
from tests.social.inbox import kinds_in_inbox

PAGE = PageArgs(limit=10, forward=True, cursor=None)


class TestFollow:
    async def test_following_a_public_profile_is_immediate_and_notifies(self, session, author, fan):
        # when
        status = await follow(session, fan, author)

        # then
        assert status is FollowStatus.APPROVED
        assert await kinds_in_inbox(session, author) == [NotificationKind.FOLLOW]

    async def test_following_a_private_profile_is_a_request(self, session, author, fan):
        # given
        await make_private(session, author)

        # when
        status = await follow(session, fan, author)

        # then
        assert status is FollowStatus.PENDING
        assert await kinds_in_inbox(session, author) == [NotificationKind.FOLLOW_REQUEST]
        page, count = await follows_service.requests(session, viewer_of(author), PAGE)
        assert [request.requester.user_id for request in page.items] == [fan.id]
        assert await count() == 1

    async def test_following_again_changes_nothing_and_sends_nothing(self, session, author, fan):
        # given
        await make_private(session, author)
        await follow(session, fan, author)

        # when
        again = await follow(session, fan, author)

        # then
        assert again is FollowStatus.PENDING
        assert await kinds_in_inbox(session, author) == [NotificationKind.FOLLOW_REQUEST]

    async def test_you_cannot_follow_yourself(self, session, author):
        # when / then
        with pytest.raises(CannotFollowSelf):
            await follow(session, author, author)

    async def test_someone_who_blocked_you_cannot_be_found_to_follow(
        self, session, author, stranger
    ):
        # given
        await block(session, author, stranger)

        # when / then
        with pytest.raises(ProfileNotFound):
            await follow(session, stranger, author)
        with pytest.raises(UserBlocked):
            await follow(session, author, stranger)

    async def test_an_unknown_user_is_not_found(self, session, author):
        # when / then
        with pytest.raises(ProfileNotFound):
            await follows_service.follow(session, viewer_of(author), 987654321, NOW)


class TestApproveAndDecline:
    async def test_approving_makes_a_follower_and_tells_them(self, session, author, fan):
        # given
        await make_private(session, author)
        await follow(session, fan, author)

        # when
        await follows_service.approve(session, viewer_of(author), fan.id, NOW)
        await follows_service.approve(session, viewer_of(author), fan.id, NOW)

        # then
        page, _ = await follows_service.followers(session, viewer_of(author), author.id, PAGE)
        assert [view.user_id for view in page.items] == [fan.id]
        assert await kinds_in_inbox(session, fan) == [NotificationKind.FOLLOW_APPROVED]

    async def test_declining_removes_the_request_silently(self, session, author, fan):
        # given
        await make_private(session, author)
        await follow(session, fan, author)

        # when
        await follows_service.decline(session, viewer_of(author), fan.id)

        # then
        page, _ = await follows_service.requests(session, viewer_of(author), PAGE)
        assert page.items == []
        assert await kinds_in_inbox(session, fan) == []

    async def test_only_the_requested_user_can_approve(self, session, author, fan, stranger):
        # given
        await make_private(session, author)
        await follow(session, fan, author)

        # when / then
        with pytest.raises(FollowRequestNotFound):
            await follows_service.approve(session, viewer_of(stranger), fan.id, NOW)
        with pytest.raises(FollowRequestNotFound):
            await follows_service.decline(session, viewer_of(stranger), fan.id)


class TestUnfollowAndRemove:
    async def test_unfollow_is_idempotent(self, session, author, fan):
        # given
        await follow(session, fan, author)

        # when
        await follows_service.unfollow(session, viewer_of(fan), author.id)
        await follows_service.unfollow(session, viewer_of(fan), author.id)

        # then
        page, _ = await follows_service.following(session, viewer_of(fan), fan.id, PAGE)
        assert page.items == []

    async def test_a_user_removes_a_follower(self, session, author, fan):
        # given
        await follow(session, fan, author)

        # when
        await follows_service.remove_follower(session, viewer_of(author), fan.id)

        # then
        page, _ = await follows_service.followers(session, viewer_of(author), author.id, PAGE)
        assert page.items == []


class TestLists:
    async def test_a_private_profiles_lists_are_for_followers_only(
        self, session, author, fan, stranger
    ):
        # given
        await make_private(session, author)
        await approved_follower(session, fan, author)

        # when
        seen_by_fan, count = await follows_service.followers(
            session, viewer_of(fan), author.id, PAGE
        )

        # then
        assert [view.user_id for view in seen_by_fan.items] == [fan.id]
        assert await count() == 1
        with pytest.raises(ProfileNotFound):
            await follows_service.followers(session, viewer_of(stranger), author.id, PAGE)
        with pytest.raises(ProfileNotFound):
            await follows_service.following(session, viewer_of(stranger), author.id, PAGE)
