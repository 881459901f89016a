import strawberry
from strawberry import relay

from graphql_api.mutation import MutationBoundary
from graphql_api.pets import service as pets_service
from graphql_api.pets.types import (
    CreatePetInput,
    CreatePetPayload,
    DeletePetInput,
    DeletePetPayload,
    Pet,
    UpdatePetInput,
    UpdatePetPayload,
)
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
class PetQueries:
    @strawberry.field(description="The viewer's pets, oldest first.")
    async def pets(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Pet]:
        page, count = await pets_service.list_for_viewer(
            info.context.session, info.context.viewer, page_args(info, first, after, last, before)
        )
        return build_connection(page, count, Pet.from_model)


@strawberry.type
class PetMutations:
    @strawberry.mutation(
        description="Add a pet owned by the viewer.", extensions=[MutationBoundary()]
    )
    async def create_pet(self, info: strawberry.Info, input: CreatePetInput) -> CreatePetPayload:
        pet = await pets_service.create(
            info.context.session, info.context.viewer, input.to_data(), info.context.now().date()
        )
        return CreatePetPayload(pet=Pet.from_model(pet))

    @strawberry.mutation(
        description="Change one of the viewer's pets.", extensions=[MutationBoundary()]
    )
    async def update_pet(self, info: strawberry.Info, input: UpdatePetInput) -> UpdatePetPayload:
        pet_id = decode_id(input.id, Pet, "id")
        pet = await pets_service.update(
            info.context.session,
            info.context.viewer,
            pet_id,
            input.to_data(),
            info.context.now().date(),
        )
        return UpdatePetPayload(pet=Pet.from_model(pet))

    @strawberry.mutation(
        description="Delete one of the viewer's pets; its devices are unassigned.",
        extensions=[MutationBoundary()],
    )
    async def delete_pet(self, info: strawberry.Info, input: DeletePetInput) -> DeletePetPayload:
        pet = await pets_service.delete(
            info.context.session, info.context.viewer, decode_id(input.id, Pet, "id")
        )
        return DeletePetPayload(deleted_pet_id=relay.GlobalID("Pet", str(pet.id)))
