from sqlalchemy import Select, or_, select

from graphql_api.auth import Viewer
from graphql_api.collars.models import Treat
from graphql_api.devices.models import Device
from graphql_api.pagination import Page, PageArgs
from graphql_api.pets.models import Pet
from graphql_api.repository import RepositoryBase


class TreatRepository(RepositoryBase[Treat]):
    model = Treat

    def readable_statement(self, viewer: Viewer) -> Select[tuple[Treat]]:
        """Treats on the viewer's collars or to the viewer's pets (staff: all)."""
        statement = select(Treat)
        if not viewer.is_staff:
            own_devices = select(Device.id).where(Device.owner_id == viewer.user_id)
            own_pets = select(Pet.id).where(Pet.owner_id == viewer.user_id)
            statement = statement.where(
                or_(Treat.device_id.in_(own_devices), Treat.pet_id.in_(own_pets))
            )
        return statement

    def list_statement(
        self, viewer: Viewer, *, device_id: int | None, pet_id: int | None
    ) -> Select[tuple[Treat]]:
        statement = self.readable_statement(viewer)
        if device_id is not None:
            statement = statement.where(Treat.device_id == device_id)
        if pet_id is not None:
            statement = statement.where(Treat.pet_id == pet_id)
        return statement

    async def page(self, statement: Select[tuple[Treat]], page: PageArgs) -> Page[Treat]:
        return await self.paginate(statement, page, newest_first=True)
