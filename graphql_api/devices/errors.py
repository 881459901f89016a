import enum

from graphql_api.errors import Conflict, DomainError, NotFound, PermissionDenied, ValidationFailed


class DeviceErrorCode(enum.StrEnum):
    DEVICE_NOT_FOUND = "DEVICE_NOT_FOUND"
    DEVICE_KEY_INVALID = "DEVICE_KEY_INVALID"
    HARDWARE_ID_TAKEN = "HARDWARE_ID_TAKEN"
    INVALID_HARDWARE_ID = "INVALID_HARDWARE_ID"
    INVALID_DEVICE = "INVALID_DEVICE"
    PARENT_HUB_REQUIRED = "PARENT_HUB_REQUIRED"
    BROKER_UNAVAILABLE = "BROKER_UNAVAILABLE"


class DeviceNotFound(NotFound):
    default_code = DeviceErrorCode.DEVICE_NOT_FOUND
    default_message = "Device not found."


class DeviceKeyInvalid(PermissionDenied):
    """A device request whose key is missing, unknown or belongs to another device."""

    default_code = DeviceErrorCode.DEVICE_KEY_INVALID
    default_message = "Invalid or missing device key."


class HardwareIdTaken(Conflict):
    default_code = DeviceErrorCode.HARDWARE_ID_TAKEN
    default_message = "A device of this kind with this hardware id is already registered."


class InvalidHardwareId(ValidationFailed):
    default_code = DeviceErrorCode.INVALID_HARDWARE_ID


class InvalidDevice(ValidationFailed):
    default_code = DeviceErrorCode.INVALID_DEVICE


class ParentHubRequired(ValidationFailed):
    default_code = DeviceErrorCode.PARENT_HUB_REQUIRED
    default_message = "An outlet must be registered under one of your hubs."


class BrokerUnavailable(DomainError):
    """The MQTT broker did not take a device's credentials; nothing was changed, try again."""

    http_status = 503
    default_code = DeviceErrorCode.BROKER_UNAVAILABLE
    default_message = "The device broker is unavailable; nothing was changed, try again."
