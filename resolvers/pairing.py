import strawberry

from graphql_api.devices.types import Device
from graphql_api.mutation import MutationBoundary
from graphql_api.pairing import service as pairing_service
from graphql_api.pairing.types import ClaimDeviceInput, ClaimDevicePayload


@strawberry.type
class PairingMutations:
    @strawberry.mutation(
        description=(
            "Claim a PETio feeder in pairing mode with the PIN on its screen, as one of the "
            "viewer's devices. A PIN works once; claims are limited per user, per address and"
            " per unit, and wrong ones use up the unit's PIN."
        ),
        extensions=[MutationBoundary()],
    )
    async def claim_device(
        self, info: strawberry.Info, input: ClaimDeviceInput
    ) -> ClaimDevicePayload:
        context = info.context
        device = await pairing_service.claim(
            context.session,
            context.viewer,
            input.to_claim(),
            settings=context.settings,
            now=context.now(),
            attempt_session=context.separate_unit_of_work,
            attempts=context.attempts,
        )
        return ClaimDevicePayload(device=Device.from_model(device))
