import pytest

from graphql_api.auth import AccountSuspended, Viewer
from graphql_api.errors import PermissionDenied
from graphql_api.social.posts import service as posts_service
from graphql_api.social.posts.errors import InvalidPost, PostNotFound, TaggedPetNotFound
from graphql_api.social.posts.models import PostVisibility
from graphql_api.social.posts.repository import PostRepository
from graphql_api.social.posts.service import PostData
from graphql_api.social.validation import InvalidUrl
from tests.factories.accounts import viewer_of
from tests.factories.pets_db import create_pet
from tests.factories.social import NOW, create_post
from tests.social.inbox import kinds_in_inbox


class TestCreate:
    async def test_a_post_keeps_its_photos_in_order_and_its_tagged_pets(self, session, author):
        # given
        mochi = await create_pet(session, author, name="Mochi")
        kuro = await create_pet(session, author, name="Kuro")
        urls = ["https://img.example/b.jpg", "https://img.example/a.jpg"]

        # when
        post = await create_post(
            session, author, "Nap time", PostVisibility.FOLLOWERS, urls, [kuro, mochi]
        )

        # then
        repository = PostRepository(session)
        [photos] = await repository.photos_by_post_ids([post.id])
        [pets] = await repository.tagged_pets_by_post_ids([post.id])
        assert [photo.url for photo in photos] == urls
        assert [pet.name for pet in pets] == ["Kuro", "Mochi"]
        assert (post.text, post.visibility) == ("Nap time", PostVisibility.FOLLOWERS)

    async def test_only_the_authors_own_pets_can_be_tagged(self, session, author, stranger):
        # given
        theirs = await create_pet(session, stranger, name="Not yours")

        # when / then
        with pytest.raises(TaggedPetNotFound) as raised:
            await create_post(session, author, pets=[theirs])
        assert raised.value.field == ["taggedPetIds", "0"]

    @pytest.mark.parametrize(
        ("data", "error", "field"),
        [
            (PostData(text="   "), InvalidPost, ["text"]),
            (PostData(text="x" * 5001), InvalidPost, ["text"]),
            (PostData(text="hi", photo_urls=["notaurl"]), InvalidUrl, ["photoUrls", "0"]),
            (
                PostData(text="hi", photo_urls=[f"https://x.example/{i}" for i in range(11)]),
                InvalidPost,
                ["photoUrls"],
            ),
        ],
    )
    async def test_bad_input_is_refused(self, session, author, data, error, field):
        # when / then
        with pytest.raises(error) as raised:
            await posts_service.create(session, viewer_of(author), data, NOW)
        assert raised.value.field == field

    async def test_a_suspended_user_cannot_post(self, session, author):
        # given
        suspended = Viewer(user_id=author.id, role=author.role, suspended=True)

        # when / then
        with pytest.raises(AccountSuspended):
            await posts_service.create(session, suspended, PostData(text="hi"), NOW)


class TestUpdate:
    async def test_the_author_edits_text_photos_tags_and_visibility(self, session, author):
        # given
        mochi = await create_pet(session, author, name="Mochi")
        post = await create_post(session, author, photo_urls=["https://x.example/1.jpg"])
        data = PostData(
            text="Edited",
            photo_urls=[],
            tagged_pet_ids=[mochi.id],
            visibility=PostVisibility.PRIVATE,
        )

        # when
        updated = await posts_service.update(session, viewer_of(author), post.id, data, NOW)

        # then
        repository = PostRepository(session)
        assert (updated.text, updated.visibility) == ("Edited", PostVisibility.PRIVATE)
        assert (await repository.photos_by_post_ids([post.id])) == [[]]
        assert [pet.id for pet in (await repository.tagged_pets_by_post_ids([post.id]))[0]] == [
            mochi.id
        ]

    async def test_a_post_cannot_be_left_without_text_and_photos(self, session, author):
        # given
        post = await create_post(session, author, "Only text")

        # when / then
        with pytest.raises(InvalidPost):
            await posts_service.update(session, viewer_of(author), post.id, PostData(text=""), NOW)

    async def test_nobody_else_can_edit_or_delete_it(self, session, author, fan, staff):
        # given
        post = await create_post(session, author)

        # when / then
        for other in (fan, staff):
            with pytest.raises(PostNotFound):
                await posts_service.update(
                    session, viewer_of(other), post.id, PostData(text="mine now"), NOW
                )
            with pytest.raises(PostNotFound):
                await posts_service.delete(session, viewer_of(other), post.id)
        assert post.text == "Walkies!"


class TestDelete:
    async def test_the_author_deletes_their_post(self, session, author):
        # given
        post = await create_post(session, author)

        # when
        await posts_service.delete(session, viewer_of(author), post.id)

        # then
        assert await posts_service.get(session, viewer_of(author), post.id) is None


class TestRemove:
    async def test_staff_remove_a_post_which_then_exists_for_staff_only(
        self, session, author, staff
    ):
        # given
        post = await create_post(session, author)

        # when
        removed = await posts_service.remove(session, viewer_of(staff), post.id, NOW)

        # then
        assert removed.removed_at == NOW
        assert await posts_service.get(session, viewer_of(author), post.id) is None
        assert await posts_service.get(session, viewer_of(staff), post.id) is not None
        assert await kinds_in_inbox(session, author) == ["CONTENT_REMOVED"]

    async def test_owners_cannot_remove_posts(self, session, author, fan):
        # given
        post = await create_post(session, author)

        # when / then
        with pytest.raises(PermissionDenied):
            await posts_service.remove(session, viewer_of(fan), post.id, NOW)
