"""Posts: text, ordered photos and tagged pets (the author's own), with a visibility.

Only the author edits or deletes a post; staff remove one (it then exists for staff only).
Who sees a post is decided by ``audience.post_visible``, so a post a viewer may not see is
absent everywhere: by id, on a profile, in the feed, as a comment's or reaction's post.
"""

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.pagination import Page, PageArgs
from graphql_api.partial import UNSET, given_fields
from graphql_api.social import flows as social_flows
from graphql_api.social.posts.errors import InvalidPost, PostNotFound, TaggedPetNotFound
from graphql_api.social.posts.models import Post, PostVisibility
from graphql_api.social.posts.repository import PostRepository
from graphql_api.social.profiles.errors import ProfileNotFound
from graphql_api.social.profiles.repository import ProfileRepository
from graphql_api.social.staff import require_moderator
from graphql_api.social.validation import bounded_text, http_url

MAX_TEXT = 5000
MAX_PHOTOS = 10
MAX_TAGS = 10
Counter = Callable[[], Awaitable[int]]


@dataclass(frozen=True, slots=True)
class PostData:
    """Fields to set; on update, ``UNSET`` leaves one as it is."""

    text: str | None = UNSET
    photo_urls: Sequence[str] = UNSET
    tagged_pet_ids: Sequence[int] = UNSET
    visibility: PostVisibility = UNSET

    def given(self) -> dict[str, Any]:
        return given_fields(self)


def _photos(urls: Sequence[str] | None) -> list[str]:
    urls = list(urls or [])
    if len(urls) > MAX_PHOTOS:
        raise InvalidPost(f"A post has at most {MAX_PHOTOS} photos.", field="photoUrls")
    return [http_url(url, ["photoUrls", str(index)]) for index, url in enumerate(urls)]


async def _tags(repository: PostRepository, viewer: Viewer, pet_ids: Sequence[int] | None):
    wanted = list(dict.fromkeys(pet_ids or []))
    if len(wanted) > MAX_TAGS:
        raise InvalidPost(f"A post tags at most {MAX_TAGS} pets.", field="taggedPetIds")
    own = await repository.own_pet_ids(viewer, wanted) if wanted else set()
    for index, pet_id in enumerate(wanted):
        if pet_id not in own:
            raise TaggedPetNotFound(field=["taggedPetIds", str(index)])
    return wanted


async def _validate(
    repository: PostRepository, viewer: Viewer, values: dict[str, Any]
) -> dict[str, Any]:
    if "text" in values:
        values["text"] = bounded_text(values["text"], "text", MAX_TEXT, InvalidPost, required=False)
    if "visibility" in values and values["visibility"] is None:
        raise InvalidPost("`visibility` cannot be null.", field="visibility")
    if "photo_urls" in values:
        values["photo_urls"] = _photos(values["photo_urls"])
    if "tagged_pet_ids" in values:
        values["tagged_pet_ids"] = await _tags(repository, viewer, values["tagged_pet_ids"])
    return values


async def create(
    session: AsyncSession, viewer: Viewer | None, data: PostData, now: dt.datetime
) -> Post:
    viewer = require_writer(viewer)
    repository = PostRepository(session)
    values = await _validate(repository, viewer, data.given())
    photos = values.get("photo_urls", [])
    if not values.get("text") and not photos:
        raise InvalidPost("A post needs text or at least one photo.", field="text")
    post = repository.add(
        Post(
            author_id=viewer.user_id,
            text=values.get("text") or "",
            visibility=values.get("visibility", PostVisibility.PUBLIC),
            created_at=now,
            updated_at=now,
        )
    )
    await repository.flush()
    await repository.replace_photos(post.id, photos)
    await repository.replace_tags(post.id, values.get("tagged_pet_ids", []))
    return post


async def update(
    session: AsyncSession, viewer: Viewer | None, post_id: int, data: PostData, now: dt.datetime
) -> Post:
    """Change the viewer's own post; photos and tags, when given, replace the old ones."""
    viewer = require_writer(viewer)
    repository = PostRepository(session)
    post = await repository.get_authored(viewer, post_id)
    if post is None:
        raise PostNotFound(field="id")
    values = await _validate(repository, viewer, data.given())
    text = (values["text"] or "") if "text" in values else post.text
    if not text:
        photos = values.get("photo_urls")
        if photos is None:
            photos = (await repository.photos_by_post_ids([post.id]))[0]
        if not photos:
            raise InvalidPost("A post needs text or at least one photo.", field="text")
    if "photo_urls" in values:
        await repository.replace_photos(post.id, values["photo_urls"])
    if "tagged_pet_ids" in values:
        await repository.replace_tags(post.id, values["tagged_pet_ids"])
    post.text = text
    if "visibility" in values:
        post.visibility = values["visibility"]
    post.updated_at = now
    await repository.flush()
    return post


async def delete(session: AsyncSession, viewer: Viewer | None, post_id: int) -> Post:
    """Delete the viewer's own post with its photos, tags, comments and reactions."""
    viewer = require_writer(viewer)
    repository = PostRepository(session)
    post = await repository.get_authored(viewer, post_id)
    if post is None:
        raise PostNotFound(field="id")
    await repository.delete(post)
    return post


async def get(session: AsyncSession, viewer: Viewer | None, post_id: int) -> Post | None:
    return await PostRepository(session).get_readable(require_viewer(viewer), post_id)


async def require_readable(session: AsyncSession, viewer: Viewer, post_id: int) -> Post:
    post = await PostRepository(session).get_readable(viewer, post_id)
    if post is None:
        raise PostNotFound(field="postId")
    return post


async def list_by_author(
    session: AsyncSession, viewer: Viewer | None, author_id: int, page: PageArgs
) -> tuple[Page[Post], Counter]:
    """The posts of ``author_id`` the viewer may see, newest first."""
    viewer = require_viewer(viewer)
    if not await ProfileRepository(session).content_visible(viewer, author_id):
        raise ProfileNotFound(field="userId")
    repository = PostRepository(session)
    statement = repository.by_author_statement(viewer, author_id)
    return await repository.page_newest_first(statement, page), repository.counter(statement)


async def feed(
    session: AsyncSession, viewer: Viewer | None, page: PageArgs
) -> tuple[Page[Post], Counter]:
    """The viewer's posts and those of the people they follow, newest first."""
    viewer = require_viewer(viewer)
    repository = PostRepository(session)
    statement = repository.feed_statement(viewer)
    return await repository.page_newest_first(statement, page), repository.counter(statement)


# ---- moderation ----------------------------------------------------------------------------------


async def take_down(
    session: AsyncSession, moderator: Viewer, post_id: int, now: dt.datetime
) -> Post | None:
    """Mark a post removed (already removed stays as it was); None if there is no such post."""
    post = await PostRepository(session).get_readable(moderator, post_id)
    if post is not None and post.removed_at is None:
        post.removed_at, post.removed_by_id = now, moderator.user_id
        await PostRepository(session).flush()
    return post


async def remove(
    session: AsyncSession, viewer: Viewer | None, post_id: int, now: dt.datetime
) -> Post:
    """A moderator removes a post outright; its author is told."""
    moderator = require_moderator(viewer)
    post = await PostRepository(session).get_readable(moderator, post_id)
    if post is None:
        raise PostNotFound(field="id")
    if post.removed_at is None:
        await take_down(session, moderator, post_id, now)
        await social_flows.content_removed(session, moderator.user_id, post.author_id, "post")
    return post
