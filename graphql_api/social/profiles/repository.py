from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select

from graphql_api.accounts.models import User
from graphql_api.auth import Viewer
from graphql_api.pagination import Page, PageArgs
from graphql_api.pets.models import Pet
from graphql_api.repository import RepositoryBase
from graphql_api.social import audience
from graphql_api.social.profiles.models import ProfileView, SocialProfile


def _view(row: Any) -> ProfileView:
    return ProfileView(
        user_id=row.id,
        display_name=row.display_name,
        bio=row.bio,
        avatar_url=row.avatar_url,
        is_private=bool(row.is_private),
        joined_at=row.created_at,
    )


class ProfileRepository(RepositoryBase[SocialProfile]):
    model = SocialProfile

    @staticmethod
    def _views() -> Select[Any]:
        return select(
            User.id,
            User.display_name,
            User.created_at,
            SocialProfile.bio,
            SocialProfile.avatar_url,
            SocialProfile.is_private,
        ).outerjoin(SocialProfile, SocialProfile.user_id == User.id)

    async def views_by_user_ids(
        self, viewer: Viewer, ids: Sequence[int]
    ) -> list[ProfileView | None]:
        """The profile cards ``viewer`` may see, one per id in order (None for the others)."""
        statement = self._views().where(User.id.in_(ids), audience.card_visible(viewer, User.id))
        by_id = {row.id: _view(row) for row in (await self.execute(statement)).all()}
        return [by_id.get(user_id) for user_id in ids]

    async def views_of(self, ids: Sequence[int]) -> list[ProfileView | None]:
        """Profile cards regardless of blocks, for the viewer's own block list."""
        statement = self._views().where(User.id.in_(ids))
        by_id = {row.id: _view(row) for row in (await self.execute(statement)).all()}
        return [by_id.get(user_id) for user_id in ids]

    async def get_row(self, user_id: int) -> SocialProfile | None:
        return await self.get_one_or_none(
            select(SocialProfile).where(SocialProfile.user_id == user_id)
        )

    async def get_user(self, user_id: int) -> User | None:
        return (await self.execute(select(User).where(User.id == user_id))).scalars().first()

    async def is_private(self, user_id: int) -> bool:
        statement = select(SocialProfile.is_private).where(SocialProfile.user_id == user_id)
        return bool(await self.scalar(statement))

    async def content_visible(self, viewer: Viewer, user_id: int) -> bool:
        """Whether ``viewer`` may see ``user_id``'s posts, pets and follower lists."""
        statement = select(User.id).where(
            User.id == user_id, audience.content_visible(viewer, User.id)
        )
        return await self.scalar(statement) is not None

    @staticmethod
    def _visible_pets(viewer: Viewer) -> Select[tuple[Pet]]:
        """Pets whose owner's content ``viewer`` may see.

        Read here rather than through the pets repository, whose selects are scoped to the
        pets' owner: a profile shows its pets to other people, as the profile's privacy allows.
        """
        return select(Pet).where(audience.content_visible(viewer, Pet.owner_id))

    async def pet_pages_by_owner_ids(
        self, viewer: Viewer, owner_ids: Sequence[int], page: PageArgs
    ) -> list[Page[Pet]]:
        """One page of each owner's visible pets, oldest first, in one statement."""
        return await self.paginate_groups(
            self._visible_pets(viewer), Pet.owner_id, owner_ids, page, model=Pet
        )

    async def pet_counts_by_owner_ids(self, viewer: Viewer, owner_ids: Sequence[int]) -> list[int]:
        return await self.count_groups(self._visible_pets(viewer), Pet.owner_id, owner_ids)
