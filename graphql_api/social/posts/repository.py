from collections.abc import Sequence

from sqlalchemy import Select, bindparam, delete, or_, select

from graphql_api.auth import Viewer
from graphql_api.pagination import Page, PageArgs
from graphql_api.pets.models import Pet
from graphql_api.pets.repository import PetRepository
from graphql_api.repository import RepositoryBase, ScopedStatement
from graphql_api.social import audience
from graphql_api.social.posts.models import Post, PostPet, PostPhoto


class PostRepository(RepositoryBase[Post]):
    model = Post

    def readable_statement(self, viewer: Viewer) -> Select[tuple[Post]]:
        return select(Post).where(audience.post_visible(viewer))

    async def get_readable(self, viewer: Viewer, post_id: int) -> Post | None:
        """The post if the viewer may see it (every comment, reaction and list of them checks
        the post first): the loader's statement, built once per role."""
        (post,) = await self.get_readable_by_ids(viewer, [post_id])
        return post

    def _readable_many(self, viewer: Viewer) -> Select[tuple[Post]]:
        return self.readable_statement(viewer).where(
            Post.id.in_(bindparam("post_ids", expanding=True))
        )

    async def get_readable_by_ids(self, viewer: Viewer, ids: Sequence[int]) -> list[Post | None]:
        readable = ScopedStatement(
            "readable-posts", viewer, self._readable_many, values={"post_ids": list(ids)}
        )
        return await self.in_key_order(readable, ids, lambda post: post.id)

    async def get_by_id(self, post_id: int) -> Post | None:
        return await self.get_one_or_none(select(Post).where(Post.id == post_id))

    async def get_authored(self, viewer: Viewer, post_id: int) -> Post | None:
        """The viewer's own post, unless a moderator removed it (then it is not theirs to edit)."""
        statement = select(Post).where(
            Post.id == post_id, Post.author_id == viewer.user_id, Post.removed_at.is_(None)
        )
        return await self.get_one_or_none(statement)

    def by_author_statement(self, viewer: Viewer, author_id: int) -> ScopedStatement:
        """The author's posts the viewer may see: built once per role (see feed_statement)."""
        return ScopedStatement(
            "posts-by-author", viewer, self._by_author, values={"author_id": author_id}
        )

    def _by_author(self, viewer: Viewer) -> Select[tuple[Post]]:
        return self.readable_statement(viewer).where(Post.author_id == bindparam("author_id"))

    def feed_statement(self, viewer: Viewer) -> ScopedStatement:
        """The viewer's own posts and those of the people they follow, as they may see them:
        built once per role, as every feed request asks for its page and its visibility rules
        cost ten times more to build than to run."""
        return ScopedStatement("post-feed", viewer, self._feed)

    def _feed(self, viewer: Viewer) -> Select[tuple[Post]]:
        return self.readable_statement(viewer).where(
            or_(Post.author_id == viewer.user_id, audience.follows(viewer.user_id, Post.author_id))
        )

    async def page_newest_first(
        self, statement: Select[tuple[Post]] | ScopedStatement, page: PageArgs
    ) -> Page[Post]:
        # Ids grow with creation time, so id order is newest-first order with a unique key.
        return await self.paginate(statement, page, newest_first=True)

    # ---- photos and tagged pets -----------------------------------------------------------------

    async def photos_by_post_ids(self, post_ids: Sequence[int]) -> list[list[PostPhoto]]:
        statement = (
            select(PostPhoto)
            .where(PostPhoto.post_id.in_(post_ids))
            .order_by(PostPhoto.post_id, PostPhoto.position)
        )
        return await self.grouped_in_key_order(statement, post_ids, lambda photo: photo.post_id)

    async def replace_photos(self, post_id: int, urls: Sequence[str]) -> None:
        await self.execute(delete(PostPhoto).where(PostPhoto.post_id == post_id))
        for position, url in enumerate(urls):
            self.add(PostPhoto(post_id=post_id, position=position, url=url))
        await self.flush()

    async def tagged_pets_by_post_ids(self, post_ids: Sequence[int]) -> list[list[Pet]]:
        statement = (
            select(PostPet.post_id, Pet)
            .join(Pet, Pet.id == PostPet.pet_id)
            .where(PostPet.post_id.in_(post_ids))
            .order_by(PostPet.id)
        )
        groups: dict[int, list[Pet]] = {post_id: [] for post_id in post_ids}
        for post_id, pet in (await self.execute(statement)).all():
            groups[post_id].append(pet)
        return [groups[post_id] for post_id in post_ids]

    async def replace_tags(self, post_id: int, pet_ids: Sequence[int]) -> None:
        await self.execute(delete(PostPet).where(PostPet.post_id == post_id))
        for pet_id in pet_ids:
            self.add(PostPet(post_id=post_id, pet_id=pet_id))
        await self.flush()

    async def own_pet_ids(self, viewer: Viewer, pet_ids: Sequence[int]) -> set[int]:
        """Those of ``pet_ids`` that are the viewer's own pets (staff included: only their own)."""
        pets = PetRepository(self.session)
        statement = pets.writable_statement(viewer).where(Pet.id.in_(pet_ids))
        return {pet.id for pet in await pets.scalars(statement)}
