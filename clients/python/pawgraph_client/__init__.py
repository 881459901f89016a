from .async_base_client import AsyncBaseClient
from .base_model import BaseModel, Upload
from .client import PawgraphClient
from .create_pet import (
    CreatePet,
    CreatePetCreatePet,
    CreatePetCreatePetPet,
    CreatePetCreatePetUserErrors,
)
from .delete_device import (
    DeleteDevice,
    DeleteDeviceDeleteDevice,
    DeleteDeviceDeleteDeviceUserErrors,
)
from .delete_pet import DeletePet, DeletePetDeletePet, DeletePetDeletePetUserErrors
from .device_by_id import (
    DeviceById,
    DeviceByIdNodeDevice,
    DeviceByIdNodeDeviceOutlets,
    DeviceByIdNodeDeviceStatus,
    DeviceByIdNodeNode,
)
from .device_status import DeviceStatus, DeviceStatusDeviceStatus
from .devices import (
    Devices,
    DevicesDevices,
    DevicesDevicesEdges,
    DevicesDevicesEdgesNode,
    DevicesDevicesEdgesNodeStatus,
    DevicesDevicesPageInfo,
)
from .enums import ActivityLevel, DeviceKind, ErrorCode, Role, Species
from .exceptions import (
    GraphQLClientError,
    GraphQLClientGraphQLError,
    GraphQLClientGraphQLMultiError,
    GraphQLClientHttpError,
    GraphQLClientInvalidResponseError,
)
from .fragments import (
    DeviceFields,
    DeviceFieldsParentHub,
    DeviceFieldsPet,
    DeviceStatusFields,
    PageInfoFields,
    PetFields,
    UserErrorFields,
    UserFields,
)
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
from .login import Login, LoginLogin, LoginLoginUser, LoginLoginUserErrors
from .me import Me, MeMe
from .pet_by_id import PetById, PetByIdNodeNode, PetByIdNodePet, PetByIdNodePetDevices
from .pets import (
    Pets,
    PetsPets,
    PetsPetsEdges,
    PetsPetsEdgesNode,
    PetsPetsEdgesNodeDevices,
    PetsPetsPageInfo,
)
from .register import (
    Register,
    RegisterRegistration,
    RegisterRegistrationUser,
    RegisterRegistrationUserErrors,
)
from .register_device import (
    RegisterDevice,
    RegisterDeviceRegisterDevice,
    RegisterDeviceRegisterDeviceDevice,
    RegisterDeviceRegisterDeviceUserErrors,
)
from .rotate_device_key import (
    RotateDeviceKey,
    RotateDeviceKeyRotateDeviceKey,
    RotateDeviceKeyRotateDeviceKeyDevice,
    RotateDeviceKeyRotateDeviceKeyUserErrors,
)
from .update_device import (
    UpdateDevice,
    UpdateDeviceUpdateDevice,
    UpdateDeviceUpdateDeviceDevice,
    UpdateDeviceUpdateDeviceUserErrors,
)
from .update_pet import (
    UpdatePet,
    UpdatePetUpdatePet,
    UpdatePetUpdatePetPet,
    UpdatePetUpdatePetUserErrors,
)

__all__ = [
    "ActivityLevel",
    "AsyncBaseClient",
    "BaseModel",
    "CreatePet",
    "CreatePetCreatePet",
    "CreatePetCreatePetPet",
    "CreatePetCreatePetUserErrors",
    "CreatePetInput",
    "DeleteDevice",
    "DeleteDeviceDeleteDevice",
    "DeleteDeviceDeleteDeviceUserErrors",
    "DeletePet",
    "DeletePetDeletePet",
    "DeletePetDeletePetUserErrors",
    "DeletePetInput",
    "DeviceById",
    "DeviceByIdNodeDevice",
    "DeviceByIdNodeDeviceOutlets",
    "DeviceByIdNodeDeviceStatus",
    "DeviceByIdNodeNode",
    "DeviceFields",
    "DeviceFieldsParentHub",
    "DeviceFieldsPet",
    "DeviceIdInput",
    "DeviceKind",
    "DeviceStatus",
    "DeviceStatusDeviceStatus",
    "DeviceStatusFields",
    "Devices",
    "DevicesDevices",
    "DevicesDevicesEdges",
    "DevicesDevicesEdgesNode",
    "DevicesDevicesEdgesNodeStatus",
    "DevicesDevicesPageInfo",
    "ErrorCode",
    "GraphQLClientError",
    "GraphQLClientGraphQLError",
    "GraphQLClientGraphQLMultiError",
    "GraphQLClientHttpError",
    "GraphQLClientInvalidResponseError",
    "Login",
    "LoginInput",
    "LoginLogin",
    "LoginLoginUser",
    "LoginLoginUserErrors",
    "Me",
    "MeMe",
    "PageInfoFields",
    "PawgraphClient",
    "PetById",
    "PetByIdNodeNode",
    "PetByIdNodePet",
    "PetByIdNodePetDevices",
    "PetFields",
    "Pets",
    "PetsPets",
    "PetsPetsEdges",
    "PetsPetsEdgesNode",
    "PetsPetsEdgesNodeDevices",
    "PetsPetsPageInfo",
    "Register",
    "RegisterDevice",
    "RegisterDeviceInput",
    "RegisterDeviceRegisterDevice",
    "RegisterDeviceRegisterDeviceDevice",
    "RegisterDeviceRegisterDeviceUserErrors",
    "RegisterInput",
    "RegisterRegistration",
    "RegisterRegistrationUser",
    "RegisterRegistrationUserErrors",
    "Role",
    "RotateDeviceKey",
    "RotateDeviceKeyRotateDeviceKey",
    "RotateDeviceKeyRotateDeviceKeyDevice",
    "RotateDeviceKeyRotateDeviceKeyUserErrors",
    "Species",
    "UpdateDevice",
    "UpdateDeviceInput",
    "UpdateDeviceUpdateDevice",
    "UpdateDeviceUpdateDeviceDevice",
    "UpdateDeviceUpdateDeviceUserErrors",
    "UpdatePet",
    "UpdatePetInput",
    "UpdatePetUpdatePet",
    "UpdatePetUpdatePetPet",
    "UpdatePetUpdatePetUserErrors",
    "Upload",
    "UserErrorFields",
    "UserFields",
]
