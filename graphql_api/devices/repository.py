from collections.abc import Sequence

from sqlalchemy import Select, select

from graphql_api.auth import Viewer
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.pagination import Page, PageArgs
from graphql_api.repository import RepositoryBase


class DeviceRepository(RepositoryBase[Device]):
    model = Device

    def readable_statement(self, viewer: Viewer) -> Select[tuple[Device]]:
        statement = select(Device)
        if not viewer.is_staff:
            statement = statement.where(Device.owner_id == viewer.user_id)
        return statement

    def writable_statement(self, viewer: Viewer) -> Select[tuple[Device]]:
        return select(Device).where(Device.owner_id == viewer.user_id)

    async def get_readable(self, viewer: Viewer, device_id: int) -> Device | None:
        return await self.get_one_or_none(
            self.readable_statement(viewer).where(Device.id == device_id)
        )

    async def get_writable(self, viewer: Viewer, device_id: int) -> Device | None:
        return await self.get_one_or_none(
            self.writable_statement(viewer).where(Device.id == device_id)
        )

    async def get_readable_by_ids(self, viewer: Viewer, ids: Sequence[int]) -> list[Device | None]:
        statement = self.readable_statement(viewer).where(Device.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda device: device.id)

    async def list_readable_by_pet_ids(
        self, viewer: Viewer, pet_ids: Sequence[int]
    ) -> list[list[Device]]:
        statement = (
            self.readable_statement(viewer).where(Device.pet_id.in_(pet_ids)).order_by(Device.id)
        )
        return await self.grouped_in_key_order(statement, pet_ids, lambda device: device.pet_id)

    async def list_readable_by_parent_ids(
        self, viewer: Viewer, parent_ids: Sequence[int]
    ) -> list[list[Device]]:
        statement = (
            self.readable_statement(viewer)
            .where(Device.parent_id.in_(parent_ids))
            .order_by(Device.id)
        )
        return await self.grouped_in_key_order(
            statement, parent_ids, lambda device: device.parent_id
        )

    def list_statement(
        self, viewer: Viewer, owner_id: int, kind: DeviceKind | None = None
    ) -> Select[tuple[Device]]:
        statement = self.readable_statement(viewer).where(Device.owner_id == owner_id)
        if kind is not None:
            statement = statement.where(Device.kind == kind)
        return statement

    async def page(self, statement: Select[tuple[Device]], page: PageArgs) -> Page[Device]:
        return await self.paginate(statement, page)

    async def get_by_key_hash(self, api_key_hash: str) -> Device | None:
        return await self.get_one_or_none(select(Device).where(Device.api_key_hash == api_key_hash))

    async def get_unparented(self, kind: DeviceKind, hardware_id: str) -> Device | None:
        statement = select(Device).where(
            Device.kind == kind, Device.hardware_id == hardware_id, Device.parent_id.is_(None)
        )
        return await self.get_one_or_none(statement)

    async def get_owned_hub(self, owner_id: int, hardware_id: str) -> Device | None:
        statement = select(Device).where(
            Device.kind == DeviceKind.HUB,
            Device.owner_id == owner_id,
            Device.hardware_id == hardware_id,
        )
        return await self.get_one_or_none(statement)

    async def get_child(self, parent_id: int, hardware_id: str) -> Device | None:
        statement = select(Device).where(
            Device.parent_id == parent_id, Device.hardware_id == hardware_id
        )
        return await self.get_one_or_none(statement)
