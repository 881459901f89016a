import datetime as dt

from sqlalchemy import Select, String, bindparam, or_, select

from graphql_api.auth import Viewer
from graphql_api.collars.models import Treat
from graphql_api.devices.models import Device
from graphql_api.pagination import Page, PageArgs
from graphql_api.pets.models import Pet
from graphql_api.repository import RepositoryBase
from graphql_api.telemetry.repository import persisted_at_subquery


class ReportingDeviceRepository(RepositoryBase[Device]):
    """A device reporting over MQTT, read with what its reading needs in the same statement."""

    model = Device

    async def get_with_stream_cursor(
        self, device_id: int, stream: str
    ) -> tuple[Device, dt.datetime | None] | None:
        """The device (no viewer: it speaks as itself, vouched for by the broker's ACL) and
        when its telemetry ``stream`` was last stored (None: never)."""
        statement = self.prebuilt(
            "reporting-device-with-cursor",
            lambda: select(
                Device,
                persisted_at_subquery(Device.id, bindparam("cursor_stream", type_=String)),
            ).where(Device.id == bindparam("reporting_id")),
        )
        params = {"reporting_id": device_id, "cursor_stream": stream}
        row = (await self.execute(statement, params)).first()
        return None if row is None else (row[0], row[1])


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
