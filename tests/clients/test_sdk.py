"""The generated Python SDK against a live server: the operations the apps ship work end to end."""

import asyncio
import contextlib
import secrets
from collections.abc import AsyncIterator

from pawgraph_client import (
    CreatePetInput,
    DeletePetInput,
    DeviceIdInput,
    LoginInput,
    PawgraphClient,
    RegisterDeviceInput,
    RegisterInput,
    UpdateDeviceInput,
    UpdatePetInput,
)
from pawgraph_client.enums import DeviceKind, ErrorCode, Species

from firmware.petio_feeder import FeederClient, FeederStatus
from tests.factories.accounts import PASSWORD, unique_email
from tests.support.live_server import LiveServer

EVENT_TIMEOUT_S = 10


def sdk(server: LiveServer, token: str | None = None) -> PawgraphClient:
    auth = {"Authorization": f"Bearer {token}"} if token else {}
    return PawgraphClient(
        url=server.graphql_url, headers=auth, ws_url=server.ws_url, ws_connection_init_payload=auth
    )


@contextlib.asynccontextmanager
async def signed_in(server: LiveServer) -> AsyncIterator[PawgraphClient]:
    """A new owner, signed up and logged in through the SDK."""
    email = unique_email("sdk")
    async with sdk(server) as anonymous:
        registered = await anonymous.register(
            RegisterInput(email=email, password=PASSWORD, display_name="Sdk")
        )
        assert registered.registration.user_errors == []
        login = (await anonymous.login(LoginInput(email=email, password=PASSWORD))).login
    async with sdk(server, login.access_token) as client:
        yield client


def feeder_id() -> str:
    return "ESP-" + secrets.token_hex(4).upper()


async def register_feeder(client: PawgraphClient, pet_id: str | None = None):
    result = (
        await client.register_device(
            RegisterDeviceInput(
                kind=DeviceKind.FEEDER, name="Feeder", hardware_id=feeder_id(), pet_id=pet_id
            )
        )
    ).register_device
    assert result.user_errors == []
    return result


def beat(server: LiveServer, hardware_id: str, key: str, rssi: int = -61):
    status = FeederStatus(wifi_rssi=rssi, uptime=120, daily_feeds=1, hopper_mm=90, hopper_pct=70)
    return asyncio.to_thread(FeederClient(server.base_url, hardware_id, key).heartbeat, status)


class TestAccounts:
    async def test_register_login_me(self, server_a):
        async with signed_in(server_a) as client:
            # when
            me = (await client.me()).me
            # then
            assert me is not None and me.display_name == "Sdk" and me.time_zone == "UTC"

    async def test_taken_email_is_a_typed_user_error(self, server_a):
        # given
        email = unique_email("sdk")
        async with sdk(server_a) as anonymous:
            await anonymous.register(
                RegisterInput(email=email, password=PASSWORD, display_name="A")
            )
            # when
            again = await anonymous.register(
                RegisterInput(email=email, password=PASSWORD, display_name="B")
            )
        # then
        [error] = again.registration.user_errors
        assert error.code is ErrorCode.EMAIL_TAKEN


class TestPets:
    async def test_create_page_update_delete(self, server_a):
        async with signed_in(server_a) as client:
            # given
            rex = (
                await client.create_pet(CreatePetInput(name="Rex", species=Species.DOG))
            ).create_pet.pet
            mochi = (
                await client.create_pet(CreatePetInput(name="Mochi", species=Species.CAT))
            ).create_pet.pet
            # when
            first = (await client.pets(first=1)).pets
            second = (await client.pets(first=1, after=first.page_info.end_cursor)).pets
            renamed = (
                await client.update_pet(UpdatePetInput(id=rex.id, name="Rex II"))
            ).update_pet.pet
            deleted = (await client.delete_pet(DeletePetInput(id=mochi.id))).delete_pet
            # then
            assert first.total_count == 2 and first.page_info.has_next_page
            assert [edge.node.id for edge in first.edges + second.edges] == [rex.id, mochi.id]
            assert renamed.name == "Rex II" and renamed.species is Species.DOG
            assert deleted.deleted_pet_id == mochi.id
            assert (await client.pet_by_id(mochi.id)).node is None

    async def test_another_owners_pet_is_not_found(self, server_a):
        async with signed_in(server_a) as owner, signed_in(server_a) as stranger:
            # given
            pet = (
                await owner.create_pet(CreatePetInput(name="Rex", species=Species.DOG))
            ).create_pet.pet
            # when
            seen = (await stranger.pet_by_id(pet.id)).node
            changed = (await stranger.update_pet(UpdatePetInput(id=pet.id, name="Mine"))).update_pet
            # then
            assert seen is None
            assert [error.code for error in changed.user_errors] == [ErrorCode.PET_NOT_FOUND]


class TestDevices:
    async def test_heartbeat_shows_in_the_device_status_subscription(self, server_a):
        async with signed_in(server_a) as client:
            # given
            registered = await register_feeder(client)
            device = registered.device
            stream = client.device_status(device_id=device.id)
            snapshot = (await asyncio.wait_for(anext(stream), EVENT_TIMEOUT_S)).device_status
            # when
            response = await beat(server_a, device.hardware_id, registered.api_key, rssi=-58)
            update = (await asyncio.wait_for(anext(stream), EVENT_TIMEOUT_S)).device_status
            await stream.aclose()
            # then
            assert response.status == 200
            assert snapshot.online is False
            assert (update.device_id, update.online, update.wifi_rssi) == (device.id, True, -58)

    async def test_list_lookup_update_rotate_delete(self, server_a):
        async with signed_in(server_a) as client:
            # given
            pet = (
                await client.create_pet(CreatePetInput(name="Rex", species=Species.DOG))
            ).create_pet.pet
            registered = await register_feeder(client)
            device = registered.device
            # when
            listed = (await client.devices(kind=DeviceKind.FEEDER, first=10)).devices
            moved = (
                await client.update_device(
                    UpdateDeviceInput(id=device.id, name="Kitchen", pet_id=pet.id)
                )
            ).update_device.device
            rotated = (
                await client.rotate_device_key(DeviceIdInput(id=device.id))
            ).rotate_device_key
            old_key_reply = await beat(server_a, device.hardware_id, registered.api_key)
            new_key_reply = await beat(server_a, device.hardware_id, rotated.api_key)
            looked_up = (await client.device_by_id(device.id)).node
            deleted = (await client.delete_device(DeviceIdInput(id=device.id))).delete_device
            # then
            assert [edge.node.id for edge in listed.edges] == [device.id]
            assert moved.name == "Kitchen" and moved.pet.id == pet.id
            assert (old_key_reply.status, new_key_reply.status) == (403, 200)
            assert looked_up.online is True and looked_up.status.hopper_percent == 70
            assert deleted.deleted_device_id == device.id
            assert (await client.device_by_id(device.id)).node is None

    async def test_another_owners_device_is_not_found(self, server_a):
        async with signed_in(server_a) as owner, signed_in(server_a) as stranger:
            # given
            device = (await register_feeder(owner)).device
            # when
            seen = (await stranger.device_by_id(device.id)).node
            rotated = (
                await stranger.rotate_device_key(DeviceIdInput(id=device.id))
            ).rotate_device_key
            # then
            assert seen is None
            assert rotated.api_key is None
            assert [error.code for error in rotated.user_errors] == [ErrorCode.DEVICE_NOT_FOUND]


class TestDashboard:
    async def test_pets_devices_newest_readings_and_recent_telemetry(self, server_a):
        async with signed_in(server_a) as client, signed_in(server_a) as stranger:
            # given: a pet with a feeder that sent one heartbeat (the firmware's own client)
            pet = (
                await client.create_pet(CreatePetInput(name="Rex", species=Species.DOG))
            ).create_pet.pet
            feeder = await register_feeder(client, pet_id=pet.id)
            await beat(server_a, feeder.device.hardware_id, feeder.api_key, rssi=-55)
            # when
            me = (await client.dashboard(pets=10, devices_per_pet=10)).me
            recent = (
                await client.recent_telemetry(feeder.device.id, keys=["wifi_rssi"], last=1)
            ).telemetry
            theirs = (await stranger.dashboard(pets=10)).me
            # then
            assert me is not None and me.pets is not None
            [pet_edge] = me.pets.edges
            [device_edge] = pet_edge.node.devices.edges
            device = device_edge.node
            assert (device.id, device.online) == (feeder.device.id, True)
            readings = {reading.key: reading.value for reading in device.latest_readings}
            assert readings["wifi_rssi"] == -55 and readings["hopper_percent"] == 70
            assert device.open_alerts == []
            assert [edge.node.value for edge in recent.edges] == [-55]
            assert theirs is not None and theirs.pets is not None and theirs.pets.edges == []
