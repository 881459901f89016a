import strawberry
from strawberry import relay

from graphql_api.devices.types import Device
from graphql_api.pairing.service import DeviceClaim
from graphql_api.payloads import Payload
from graphql_api.pets.types import Pet
from graphql_api.relay import decode_id


@strawberry.input(description="A PETio feeder in pairing mode, claimed with the PIN on its screen.")
class ClaimDeviceInput:
    hardware_id: str = strawberry.field(
        description="The unit's id, ESP- and 8 hex digits, as shown in its pairing screen."
    )
    pin: str = strawberry.field(description="The 6-digit PIN on the unit's screen; works once.")
    name: str = strawberry.field(description="Name for the feeder, 1 to 80 characters.")
    pet_id: relay.GlobalID | None = strawberry.field(
        default=None, description="One of the viewer's pets it feeds."
    )

    def to_claim(self) -> DeviceClaim:
        return DeviceClaim(
            hardware_id=self.hardware_id,
            pin=self.pin,
            name=self.name,
            pet_id=decode_id(self.pet_id, Pet, "petId") if self.pet_id else None,
        )


@strawberry.type(description="Result of claimDevice.")
class ClaimDevicePayload(Payload):
    device: Device | None = strawberry.field(
        default=None,
        description="The feeder, now the viewer's. The unit fetches its own key within seconds.",
    )
