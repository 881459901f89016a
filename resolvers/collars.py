from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api.collars import service as collars_service
from graphql_api.collars.types import Treat, TreatInput, TreatPayload
from graphql_api.commands.types import Command
from graphql_api.devices.types import Device
from graphql_api.mutation import MutationBoundary
from graphql_api.pets.types import Pet
from graphql_api.relay import (
    After,
    Before,
    Connection,
    First,
    Last,
    build_connection,
    decode_id,
    page_args,
)


@strawberry.type
class CollarQueries:
    @strawberry.field(
        description=(
            "Treats tapped, newest first: for one collar or one pet the viewer may see, or for "
            "all the viewer's collars and pets."
        )
    )
    async def treats(
        self,
        info: strawberry.Info,
        device_id: Annotated[
            relay.GlobalID | None, strawberry.argument(description="Only this collar's.")
        ] = None,
        pet_id: Annotated[
            relay.GlobalID | None, strawberry.argument(description="Only this pet's.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Treat]:
        page, count = await collars_service.list_treats(
            info.context.session,
            info.context.viewer,
            page_args(info, first, after, last, before),
            device_id=decode_id(device_id, Device, "deviceId") if device_id else None,
            pet_id=decode_id(pet_id, Pet, "petId") if pet_id else None,
        )
        return build_connection(page, count, Treat.from_model)


@strawberry.type
class CollarMutations:
    @strawberry.mutation(
        description=(
            "TreatTap: one of the viewer's collars dispenses a treat. Delivered over MQTT (when "
            "the collar is back, if it is offline, unless the command expired first)."
        ),
        extensions=[MutationBoundary()],
    )
    async def treat(self, info: strawberry.Info, input: TreatInput) -> TreatPayload:
        command, treat = await collars_service.treat(
            info.context.session,
            info.context.viewer,
            decode_id(input.device_id, Device, "deviceId"),
            info.context.now(),
        )
        return TreatPayload(command=Command.from_model(command), treat=Treat.from_model(treat))
