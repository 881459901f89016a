from datetime import date
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ActivityLevel, DeviceKind, Species


class CreatePetInput(BaseModel):
    """A new pet of the viewer's."""

    name: str
    "1 to 60 characters."
    species: Species
    "Kind of animal."
    breed: Optional[str] = None
    "Breed, up to 80 characters."
    birthdate: Optional[date] = None
    "Not in the future."
    weight_kg: Optional[float] = Field(alias="weightKg", default=None)
    "Above 0, at most 500."
    activity_level: ActivityLevel = Field(
        alias="activityLevel", default=ActivityLevel.MODERATE
    )
    "How active the pet usually is."
    neutered: bool = False
    "Neutered or spayed."


class DeletePetInput(BaseModel):
    """The pet to delete."""

    id: str
    "The pet to delete."


class DeviceIdInput(BaseModel):
    """One of the viewer's devices."""

    id: str
    "The device."


class LoginInput(BaseModel):
    """Credentials to exchange for an access token."""

    email: str
    "Login email."
    password: str
    "Password."


class RegisterDeviceInput(BaseModel):
    """A device to register to the viewer."""

    kind: DeviceKind
    "What sort of device."
    name: str
    "1 to 80 characters."
    hardware_id: str = Field(alias="hardwareId")
    "ESP-XXXXXXXX for feeders; 2 hex digits for outlets (unique within their hub)."
    location: Optional[str] = None
    "Up to 120 characters."
    firmware_version: Optional[str] = Field(alias="firmwareVersion", default=None)
    "Firmware version."
    pet_id: Optional[str] = Field(alias="petId", default=None)
    "One of the viewer's pets."
    parent_hub_id: Optional[str] = Field(alias="parentHubId", default=None)
    "Required for outlets: the viewer's hub they belong to."


class RegisterInput(BaseModel):
    """A new account."""

    email: str
    "Login email; must be unused."
    password: str
    "At least 10 characters, not only letters or digits."
    display_name: str = Field(alias="displayName")
    "Name shown to other people, 1 to 80 characters."
    time_zone: str = Field(alias="timeZone", default="UTC")
    "IANA time zone, e.g. Asia/Manila."


class UpdateDeviceInput(BaseModel):
    """Changes to one of the viewer's devices; omitted fields stay as they are."""

    id: str
    "The device to change."
    name: Optional[str] = None
    "1 to 80 characters."
    location: Optional[str] = None
    "Null clears it."
    pet_id: Optional[str] = Field(alias="petId", default=None)
    "Assign to one of the viewer's pets; null unassigns."


class UpdatePetInput(BaseModel):
    """Changes to one of the viewer's pets; omitted fields stay as they are."""

    id: str
    "The pet to change."
    name: Optional[str] = None
    "1 to 60 characters."
    species: Optional[Species] = None
    "Kind of animal."
    breed: Optional[str] = None
    "Breed; null clears it."
    birthdate: Optional[date] = None
    "Null clears it."
    weight_kg: Optional[float] = Field(alias="weightKg", default=None)
    "Null clears it."
    activity_level: Optional[ActivityLevel] = Field(alias="activityLevel", default=None)
    "Activity."
    neutered: Optional[bool] = None
    "Neutered or spayed."
