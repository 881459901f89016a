from collections.abc import Sequence

from sqlalchemy import Select, select

from graphql_api.auth import Viewer
from graphql_api.pagination import Page, PageArgs
from graphql_api.pets.models import Pet
from graphql_api.repository import RepositoryBase, ScopedStatement


class PetRepository(RepositoryBase[Pet]):
    model = Pet

    def readable_statement(self, viewer: Viewer) -> Select[tuple[Pet]]:
        statement = select(Pet)
        if not viewer.is_staff:
            statement = statement.where(Pet.owner_id == viewer.user_id)
        return statement

    def writable_statement(self, viewer: Viewer) -> Select[tuple[Pet]]:
        # Staff can look at every pet but only an owner changes theirs.
        return select(Pet).where(Pet.owner_id == viewer.user_id)

    async def get_readable(self, viewer: Viewer, pet_id: int) -> Pet | None:
        return await self.get_one_or_none(self.readable_statement(viewer).where(Pet.id == pet_id))

    async def get_writable(self, viewer: Viewer, pet_id: int) -> Pet | None:
        return await self.get_one_or_none(self.writable_statement(viewer).where(Pet.id == pet_id))

    async def get_readable_by_ids(self, viewer: Viewer, ids: Sequence[int]) -> list[Pet | None]:
        statement = self.readable_statement(viewer).where(Pet.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda pet: pet.id)

    def list_statement(self, viewer: Viewer, owner_id: int | None = None) -> Select[tuple[Pet]]:
        statement = self.readable_statement(viewer)
        if owner_id is not None:
            statement = statement.where(Pet.owner_id == owner_id)
        return statement

    async def page(self, statement: Select[tuple[Pet]], page: PageArgs) -> Page[Pet]:
        return await self.paginate(statement, page)

    async def readable_pages_by_owner_ids(
        self, viewer: Viewer, owner_ids: Sequence[int], page: PageArgs
    ) -> list[Page[Pet]]:
        """One page of each owner's pets (those the viewer may read), oldest first."""
        return await self.paginate_groups(self._readable(viewer), Pet.owner_id, owner_ids, page)

    async def readable_counts_by_owner_ids(
        self, viewer: Viewer, owner_ids: Sequence[int]
    ) -> list[int]:
        return await self.count_groups(self._readable(viewer), Pet.owner_id, owner_ids)

    def _readable(self, viewer: Viewer) -> ScopedStatement:
        return ScopedStatement("readable-pets", viewer, self.readable_statement)
