import pytest

from graphql_api.auth import AccountSuspended, Viewer
from graphql_api.errors import NotAuthenticated
from graphql_api.social.errors import SocialErrorCode
from graphql_api.social.follows.models import FollowStatus
from graphql_api.social.profiles import service as profiles_service
from graphql_api.social.profiles.errors import InvalidProfile
from graphql_api.social.profiles.service import ProfileData
from graphql_api.social.validation import InvalidUrl
from tests.factories.accounts import viewer_of
from tests.factories.social import NOW, block, follow, make_private


class TestGet:
    async def test_a_user_without_a_profile_row_has_an_empty_public_profile(
        self, session, author, stranger
    ):
        # when
        view = await profiles_service.get(session, viewer_of(stranger), author.id)

        # then
        assert view is not None
        assert (view.display_name, view.bio, view.avatar_url, view.is_private) == (
            "author",
            None,
            None,
            False,
        )

    async def test_someone_who_blocked_the_viewer_has_no_profile_for_them(
        self, session, author, stranger
    ):
        # given
        await block(session, author, stranger)

        # when
        seen_by_blocked = await profiles_service.get(session, viewer_of(stranger), author.id)
        seen_by_blocker = await profiles_service.get(session, viewer_of(author), stranger.id)

        # then
        assert seen_by_blocked is None
        assert seen_by_blocker is not None

    async def test_anonymous_viewers_must_log_in(self, session, author):
        # when / then
        with pytest.raises(NotAuthenticated):
            await profiles_service.get(session, None, author.id)


class TestUpdate:
    async def test_changes_name_bio_avatar_and_privacy(self, session, author):
        # given
        data = ProfileData(
            display_name="  Mochi's human ",
            bio="Cats, mostly.",
            avatar_url="https://img.example.com/me.png",
            is_private=True,
        )

        # when
        view = await profiles_service.update(session, viewer_of(author), data, NOW)

        # then
        assert view.display_name == "Mochi's human"
        assert view.bio == "Cats, mostly."
        assert view.avatar_url == "https://img.example.com/me.png"
        assert view.is_private is True
        assert author.display_name == "Mochi's human"

    async def test_omitted_fields_stay_and_null_clears(self, session, author):
        # given
        viewer = viewer_of(author)
        await profiles_service.update(
            session, viewer, ProfileData(bio="Hi", avatar_url="http://a.example/x.jpg"), NOW
        )

        # when
        view = await profiles_service.update(session, viewer, ProfileData(avatar_url=None), NOW)

        # then
        assert (view.bio, view.avatar_url) == ("Hi", None)

    @pytest.mark.parametrize(
        ("data", "error", "field"),
        [
            (ProfileData(display_name="  "), InvalidProfile, ["displayName"]),
            (ProfileData(display_name="x" * 81), InvalidProfile, ["displayName"]),
            (ProfileData(bio="b" * 501), InvalidProfile, ["bio"]),
            (ProfileData(avatar_url="javascript:alert(1)"), InvalidUrl, ["avatarUrl"]),
            (ProfileData(avatar_url="ftp://example.com/a.png"), InvalidUrl, ["avatarUrl"]),
            (ProfileData(avatar_url="https://"), InvalidUrl, ["avatarUrl"]),
        ],
    )
    async def test_bad_input_is_refused_and_nothing_changes(
        self, session, author, data, error, field
    ):
        # when
        with pytest.raises(error) as raised:
            await profiles_service.update(session, viewer_of(author), data, NOW)

        # then
        assert raised.value.field == field
        assert author.display_name == "author"

    async def test_a_suspended_user_cannot_change_their_profile(self, session, author):
        # given
        suspended = Viewer(user_id=author.id, role=author.role, suspended=True)

        # when / then
        with pytest.raises(AccountSuspended):
            await profiles_service.update(session, suspended, ProfileData(bio="hi"), NOW)

    async def test_going_public_approves_waiting_requests(self, session, author, fan):
        # given
        await make_private(session, author)
        assert await follow(session, fan, author) is FollowStatus.PENDING

        # when
        await profiles_service.update(
            session, viewer_of(author), ProfileData(is_private=False), NOW
        )

        # then
        assert await follow(session, fan, author) is FollowStatus.APPROVED

    async def test_the_error_codes_are_social_codes(self):
        # then
        assert InvalidProfile().code is SocialErrorCode.INVALID_PROFILE
        assert InvalidUrl().code is SocialErrorCode.INVALID_URL
