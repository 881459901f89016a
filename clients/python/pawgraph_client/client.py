from collections.abc import AsyncIterator
from typing import Any, Optional, Union

from .async_base_client import AsyncBaseClient
from .base_model import UNSET, UnsetType
from .create_pet import CreatePet
from .delete_device import DeleteDevice
from .delete_pet import DeletePet
from .device_by_id import DeviceById
from .device_status import DeviceStatus
from .devices import Devices
from .enums import DeviceKind
from .input_types import (
    CreatePetInput,
    DeletePetInput,
    DeviceIdInput,
    LoginInput,
    RegisterDeviceInput,
    RegisterInput,
    UpdateDeviceInput,
    UpdatePetInput,
)
from .login import Login
from .me import Me
from .pet_by_id import PetById
from .pets import Pets
from .register import Register
from .register_device import RegisterDevice
from .rotate_device_key import RotateDeviceKey
from .update_device import UpdateDevice
from .update_pet import UpdatePet


def gql(q: str) -> str:
    return q


class PawgraphClient(AsyncBaseClient):
    async def register(self, input: RegisterInput, **kwargs: Any) -> Register:
        query = gql("""
            mutation Register($input: RegisterInput!) {
              registration: register(input: $input) {
                user {
                  ...UserFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }

            fragment UserFields on User {
              id
              email
              displayName
              role
              timeZone
              createdAt
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="Register", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Register.model_validate(data)

    async def login(self, input: LoginInput, **kwargs: Any) -> Login:
        query = gql("""
            mutation Login($input: LoginInput!) {
              login(input: $input) {
                accessToken
                expiresAt
                user {
                  ...UserFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }

            fragment UserFields on User {
              id
              email
              displayName
              role
              timeZone
              createdAt
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="Login", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Login.model_validate(data)

    async def me(self, **kwargs: Any) -> Me:
        query = gql("""
            query Me {
              me {
                ...UserFields
              }
            }

            fragment UserFields on User {
              id
              email
              displayName
              role
              timeZone
              createdAt
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query, operation_name="Me", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Me.model_validate(data)

    async def devices(
        self,
        kind: Union[Optional[DeviceKind], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Devices:
        query = gql("""
            query Devices($kind: DeviceKind, $first: Int, $after: String) {
              devices(kind: $kind, first: $first, after: $after) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  cursor
                  node {
                    ...DeviceFields
                    status {
                      ...DeviceStatusFields
                    }
                  }
                }
              }
            }

            fragment DeviceFields on Device {
              id
              kind
              name
              location
              hardwareId
              firmwareVersion
              lastSeenAt
              createdAt
              online
              pet {
                id
                name
              }
              parentHub {
                id
                hardwareId
              }
            }

            fragment DeviceStatusFields on DeviceStatus {
              deviceId
              online
              lastSeenAt
              deviceTime
              wifiRssi
              uptimeSeconds
              dailyFeeds
              lastFeedAt
              hopperMm
              hopperPercent
              tofOk
              errorMessage
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            """)
        variables: dict[str, object] = {"kind": kind, "first": first, "after": after}
        response = await self.execute(
            query=query, operation_name="Devices", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Devices.model_validate(data)

    async def device_by_id(self, id: str, **kwargs: Any) -> DeviceById:
        query = gql("""
            query DeviceById($id: ID!) {
              node(id: $id) {
                __typename
                ... on Device {
                  ...DeviceFields
                  status {
                    ...DeviceStatusFields
                  }
                  outlets {
                    id
                    hardwareId
                    name
                    online
                  }
                }
              }
            }

            fragment DeviceFields on Device {
              id
              kind
              name
              location
              hardwareId
              firmwareVersion
              lastSeenAt
              createdAt
              online
              pet {
                id
                name
              }
              parentHub {
                id
                hardwareId
              }
            }

            fragment DeviceStatusFields on DeviceStatus {
              deviceId
              online
              lastSeenAt
              deviceTime
              wifiRssi
              uptimeSeconds
              dailyFeeds
              lastFeedAt
              hopperMm
              hopperPercent
              tofOk
              errorMessage
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = await self.execute(
            query=query, operation_name="DeviceById", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return DeviceById.model_validate(data)

    async def register_device(
        self, input: RegisterDeviceInput, **kwargs: Any
    ) -> RegisterDevice:
        query = gql("""
            mutation RegisterDevice($input: RegisterDeviceInput!) {
              registerDevice(input: $input) {
                device {
                  ...DeviceFields
                }
                apiKey
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment DeviceFields on Device {
              id
              kind
              name
              location
              hardwareId
              firmwareVersion
              lastSeenAt
              createdAt
              online
              pet {
                id
                name
              }
              parentHub {
                id
                hardwareId
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="RegisterDevice", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RegisterDevice.model_validate(data)

    async def rotate_device_key(
        self, input: DeviceIdInput, **kwargs: Any
    ) -> RotateDeviceKey:
        query = gql("""
            mutation RotateDeviceKey($input: DeviceIdInput!) {
              rotateDeviceKey(input: $input) {
                device {
                  id
                }
                apiKey
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="RotateDeviceKey", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RotateDeviceKey.model_validate(data)

    async def update_device(
        self, input: UpdateDeviceInput, **kwargs: Any
    ) -> UpdateDevice:
        query = gql("""
            mutation UpdateDevice($input: UpdateDeviceInput!) {
              updateDevice(input: $input) {
                device {
                  ...DeviceFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment DeviceFields on Device {
              id
              kind
              name
              location
              hardwareId
              firmwareVersion
              lastSeenAt
              createdAt
              online
              pet {
                id
                name
              }
              parentHub {
                id
                hardwareId
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="UpdateDevice", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UpdateDevice.model_validate(data)

    async def delete_device(self, input: DeviceIdInput, **kwargs: Any) -> DeleteDevice:
        query = gql("""
            mutation DeleteDevice($input: DeviceIdInput!) {
              deleteDevice(input: $input) {
                deletedDeviceId
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="DeleteDevice", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return DeleteDevice.model_validate(data)

    async def device_status(
        self, device_id: str, **kwargs: Any
    ) -> AsyncIterator[DeviceStatus]:
        query = gql("""
            subscription DeviceStatus($deviceId: ID!) {
              deviceStatus(deviceId: $deviceId) {
                ...DeviceStatusFields
              }
            }

            fragment DeviceStatusFields on DeviceStatus {
              deviceId
              online
              lastSeenAt
              deviceTime
              wifiRssi
              uptimeSeconds
              dailyFeeds
              lastFeedAt
              hopperMm
              hopperPercent
              tofOk
              errorMessage
            }
            """)
        variables: dict[str, object] = {"deviceId": device_id}
        async for data in self.execute_ws(
            query=query, operation_name="DeviceStatus", variables=variables, **kwargs
        ):
            yield DeviceStatus.model_validate(data)

    async def pets(
        self,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Pets:
        query = gql("""
            query Pets($first: Int, $after: String) {
              pets(first: $first, after: $after) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  cursor
                  node {
                    ...PetFields
                    devices {
                      id
                      kind
                      name
                    }
                  }
                }
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }

            fragment PetFields on Pet {
              id
              name
              species
              breed
              birthdate
              weightKg
              activityLevel
              neutered
              createdAt
            }
            """)
        variables: dict[str, object] = {"first": first, "after": after}
        response = await self.execute(
            query=query, operation_name="Pets", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Pets.model_validate(data)

    async def pet_by_id(self, id: str, **kwargs: Any) -> PetById:
        query = gql("""
            query PetById($id: ID!) {
              node(id: $id) {
                __typename
                ... on Pet {
                  ...PetFields
                  devices {
                    ...DeviceFields
                  }
                }
              }
            }

            fragment DeviceFields on Device {
              id
              kind
              name
              location
              hardwareId
              firmwareVersion
              lastSeenAt
              createdAt
              online
              pet {
                id
                name
              }
              parentHub {
                id
                hardwareId
              }
            }

            fragment PetFields on Pet {
              id
              name
              species
              breed
              birthdate
              weightKg
              activityLevel
              neutered
              createdAt
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = await self.execute(
            query=query, operation_name="PetById", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return PetById.model_validate(data)

    async def create_pet(self, input: CreatePetInput, **kwargs: Any) -> CreatePet:
        query = gql("""
            mutation CreatePet($input: CreatePetInput!) {
              createPet(input: $input) {
                pet {
                  ...PetFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment PetFields on Pet {
              id
              name
              species
              breed
              birthdate
              weightKg
              activityLevel
              neutered
              createdAt
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="CreatePet", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CreatePet.model_validate(data)

    async def update_pet(self, input: UpdatePetInput, **kwargs: Any) -> UpdatePet:
        query = gql("""
            mutation UpdatePet($input: UpdatePetInput!) {
              updatePet(input: $input) {
                pet {
                  ...PetFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment PetFields on Pet {
              id
              name
              species
              breed
              birthdate
              weightKg
              activityLevel
              neutered
              createdAt
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="UpdatePet", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UpdatePet.model_validate(data)

    async def delete_pet(self, input: DeletePetInput, **kwargs: Any) -> DeletePet:
        query = gql("""
            mutation DeletePet($input: DeletePetInput!) {
              deletePet(input: $input) {
                deletedPetId
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="DeletePet", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return DeletePet.model_validate(data)
