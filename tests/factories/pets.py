"""Pets for live tests, created through the GraphQL front door as an app would."""

from typing import Any

from tests.support.graphql_client import GraphQLClient

PET_FIELDS = "id name species breed birthdate weightKg activityLevel neutered createdAt"

CREATE_PET = f"""
mutation CreatePet($input: CreatePetInput!) {{
  createPet(input: $input) {{ pet {{ {PET_FIELDS} }} userErrors {{ field code message }} }}
}}
"""


async def create_pet(owner: GraphQLClient, name: str = "Mochi", **fields: Any) -> dict[str, Any]:
    """A pet of ``owner``'s (a DOG unless ``species`` says otherwise); returns its fields."""
    pet_input = {"name": name, "species": "DOG", **fields}
    result = await owner.execute(CREATE_PET, {"input": pet_input})
    assert result["createPet"]["userErrors"] == []
    return result["createPet"]["pet"]
