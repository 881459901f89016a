import enum

from graphql_api.errors import Conflict, DomainError, NotFound


class PairingErrorCode(enum.StrEnum):
    INVALID_PAIRING_REQUEST = "INVALID_PAIRING_REQUEST"
    INVALID_PAIRING_PIN = "INVALID_PAIRING_PIN"
    PAIRING_NOT_FOUND = "PAIRING_NOT_FOUND"
    PAIRING_NOT_CLAIMED = "PAIRING_NOT_CLAIMED"
    PAIRING_KEY_DELIVERED = "PAIRING_KEY_DELIVERED"
    DEVICE_ALREADY_PAIRED = "DEVICE_ALREADY_PAIRED"


class InvalidPairingRequest(DomainError):
    """A unit's pairing request with a bad device id or value (the firmware expects 400)."""

    http_status = 400
    default_code = PairingErrorCode.INVALID_PAIRING_REQUEST
    default_message = "Invalid pairing request."


class InvalidPairingPin(DomainError):
    http_status = 400
    default_code = PairingErrorCode.INVALID_PAIRING_PIN
    default_message = "The PIN must be exactly 6 digits."


class PairingNotFound(NotFound):
    """No unit is waiting with this hardware id and PIN (expired, used, or wrong PIN alike)."""

    default_code = PairingErrorCode.PAIRING_NOT_FOUND
    default_message = "No unit is waiting to pair with this hardware id and PIN."


class PairingNotClaimed(NotFound):
    default_code = PairingErrorCode.PAIRING_NOT_CLAIMED
    default_message = "not claimed yet"


class PairingKeyDelivered(DomainError):
    http_status = 410
    default_code = PairingErrorCode.PAIRING_KEY_DELIVERED
    default_message = "The key was already delivered; it is never shown again. Pair the unit again."


class DeviceAlreadyPaired(Conflict):
    default_code = PairingErrorCode.DEVICE_ALREADY_PAIRED
    default_message = "This unit is already paired to an owner."
