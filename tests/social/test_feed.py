from graphql_api.pagination import PageArgs
from graphql_api.social.posts import service as posts_service
from graphql_api.social.posts.models import PostVisibility
from tests.factories.accounts import viewer_of
from tests.factories.social import (
    NOW,
    approved_follower,
    block,
    create_post,
    follow,
    make_private,
)


async def feed_texts(session, user, limit: int = 50, after: int | None = None) -> list[str]:
    page, _ = await posts_service.feed(
        session, viewer_of(user), PageArgs(limit=limit, forward=True, cursor=after)
    )
    return [post.text for post in page.items]


class TestFeed:
    async def test_own_and_followed_posts_newest_first(self, session, author, fan, stranger):
        # given
        await follow(session, fan, author)
        await create_post(session, author, "first")
        await create_post(session, fan, "mine")
        await create_post(session, stranger, "not followed")
        await create_post(session, author, "second")

        # when
        texts = await feed_texts(session, fan)

        # then
        assert texts == ["second", "mine", "first"]

    async def test_never_shows_what_the_viewer_may_not_see(self, session, author, fan, staff):
        # given
        await follow(session, fan, author)
        await create_post(session, author, "public")
        await create_post(session, author, "followers", PostVisibility.FOLLOWERS)
        await create_post(session, author, "private", PostVisibility.PRIVATE)
        removed = await create_post(session, author, "removed")
        await posts_service.remove(session, viewer_of(staff), removed.id, NOW)

        # when
        texts = await feed_texts(session, fan)

        # then
        assert texts == ["followers", "public"]

    async def test_a_pending_request_shows_nothing_until_approved(self, session, author, fan):
        # given
        await make_private(session, author)
        await follow(session, fan, author)
        await create_post(session, author, "for followers", PostVisibility.FOLLOWERS)
        before = await feed_texts(session, fan)

        # when
        await approved_follower(session, fan, author)

        # then
        assert before == []
        assert await feed_texts(session, fan) == ["for followers"]

    async def test_blocking_empties_the_feed_both_ways(self, session, author, fan):
        # given
        await follow(session, fan, author)
        await follow(session, author, fan)
        await create_post(session, author, "by author")
        await create_post(session, fan, "by fan")

        # when
        await block(session, author, fan)

        # then
        assert await feed_texts(session, fan) == ["by fan"]
        assert await feed_texts(session, author) == ["by author"]

    async def test_pages_follow_the_cursor(self, session, author):
        # given
        posts = [await create_post(session, author, f"post {index}") for index in range(5)]

        # when
        first_page = await feed_texts(session, author, limit=2)
        next_page = await feed_texts(session, author, limit=2, after=posts[3].id)

        # then
        assert first_page == ["post 4", "post 3"]
        assert next_page == ["post 2", "post 1"]

    async def test_pages_both_ways_say_what_lies_beyond_and_the_whole_feed_is_counted(
        self, session, author, fan
    ):
        # given
        posts = [await create_post(session, author, f"post {index}") for index in range(5)]
        await create_post(session, fan, "not in the author's feed")
        viewer = viewer_of(author)

        # when
        after, count = await posts_service.feed(
            session, viewer, PageArgs(limit=2, forward=True, cursor=posts[3].id)
        )
        before, _ = await posts_service.feed(
            session, viewer, PageArgs(limit=2, forward=False, cursor=posts[1].id)
        )
        last, _ = await posts_service.feed(
            session, viewer, PageArgs(limit=2, forward=True, cursor=posts[1].id)
        )
        # only the cursor's own post lies before this page
        second, _ = await posts_service.feed(
            session, viewer, PageArgs(limit=2, forward=True, cursor=posts[4].id)
        )

        # then
        assert [post.text for post in after.items] == ["post 2", "post 1"]
        assert (after.has_previous_page, after.has_next_page) == (True, True)
        assert [post.text for post in before.items] == ["post 3", "post 2"]
        assert (before.has_previous_page, before.has_next_page) == (True, True)
        assert [post.text for post in last.items] == ["post 0"]
        assert (last.has_previous_page, last.has_next_page) == (True, False)
        assert [post.text for post in second.items] == ["post 3", "post 2"]
        assert (second.has_previous_page, second.has_next_page) == (True, True)
        assert await count() == 5


class TestPostsOfAProfile:
    async def test_each_viewer_sees_the_authors_posts_it_may_and_no_one_elses(
        self, session, author, fan, stranger
    ):
        # given: one statement serves every author and viewer of a role, in a row
        await follow(session, fan, author)
        await create_post(session, author, "public")
        await create_post(session, author, "followers", PostVisibility.FOLLOWERS)
        await create_post(session, fan, "the fan's own")

        # when
        seen = {}
        for name, viewer in (("fan", fan), ("stranger", stranger), ("author", author)):
            page, count = await posts_service.list_by_author(
                session, viewer_of(viewer), author.id, PageArgs(limit=10, forward=True, cursor=None)
            )
            seen[name] = ([post.text for post in page.items], await count())
        fans_page, _ = await posts_service.list_by_author(
            session, viewer_of(stranger), fan.id, PageArgs(limit=10, forward=True, cursor=None)
        )

        # then
        assert seen == {
            "fan": (["followers", "public"], 2),
            "stranger": (["public"], 1),
            "author": (["followers", "public"], 2),
        }
        assert [post.text for post in fans_page.items] == ["the fan's own"]
