import datetime as dt
from decimal import Decimal

import pytest

from graphql_api.accounts import service as accounts_service
from graphql_api.auth import AccountSuspended, Role
from graphql_api.db import utcnow
from graphql_api.errors import CommonErrorCode, NotAuthenticated
from graphql_api.pagination import PageArgs
from graphql_api.pets import service as pets_service
from graphql_api.pets.errors import InvalidPet, PetErrorCode, PetNotFound
from graphql_api.pets.models import ActivityLevel, Species
from graphql_api.pets.service import PetData
from tests.factories.accounts import create_user, viewer_of
from tests.factories.pets_db import TODAY, create_pet

PAGE = PageArgs(limit=50, forward=True, cursor=None)


class TestCreate:
    async def test_creates_a_pet_owned_by_the_viewer(self, session):
        # given
        owner = await create_user(session)
        data = PetData(
            name="  Rex ",
            species=Species.DOG,
            breed=" Beagle ",
            birthdate=dt.date(2020, 5, 17),
            weight_kg=Decimal("12.346"),
            activity_level=ActivityLevel.HIGH,
            neutered=False,
        )

        # when
        pet = await pets_service.create(session, viewer_of(owner), data, TODAY)

        # then
        assert pet.id is not None
        assert pet.owner_id == owner.id
        assert (pet.name, pet.species, pet.breed) == ("Rex", Species.DOG, "Beagle")
        assert pet.weight_kg == Decimal("12.35")
        assert pet.activity_level is ActivityLevel.HIGH

    async def test_name_and_species_are_required(self, session):
        # given
        owner = await create_user(session)

        # when / then
        with pytest.raises(InvalidPet) as raised:
            await pets_service.create(session, viewer_of(owner), PetData(name="Rex"), TODAY)
        assert raised.value.code is PetErrorCode.INVALID_PET

    async def test_an_anonymous_viewer_cannot_create(self, session):
        # given
        data = PetData(name="Rex", species=Species.DOG)

        # when / then
        with pytest.raises(NotAuthenticated):
            await pets_service.create(session, None, data, TODAY)


class TestValidation:
    @pytest.mark.parametrize(
        ("data", "field"),
        [
            (PetData(name=""), "name"),
            (PetData(name="   "), "name"),
            (PetData(name="x" * 61), "name"),
            (PetData(breed="b" * 81), "breed"),
            (PetData(birthdate=TODAY + dt.timedelta(days=1)), "birthdate"),
            (PetData(weight_kg=Decimal("0")), "weightKg"),
            (PetData(weight_kg=Decimal("-1.5")), "weightKg"),
            (PetData(weight_kg=Decimal("500.01")), "weightKg"),
            (PetData(name=None), "name"),
            (PetData(species=None), "species"),
            (PetData(activity_level=None), "activityLevel"),
            (PetData(neutered=None), "neutered"),
            (PetData(food_kcal_per_kg=299), "foodKcalPerKg"),
            (PetData(food_kcal_per_kg=9001), "foodKcalPerKg"),
        ],
    )
    async def test_bad_values_are_refused_naming_the_field(self, session, data, field):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner)

        # when
        with pytest.raises(InvalidPet) as raised:
            await pets_service.update(session, viewer_of(owner), pet.id, data, TODAY)

        # then
        assert raised.value.code is PetErrorCode.INVALID_PET
        assert raised.value.field == [field]

    @pytest.mark.parametrize("weight", [Decimal("0.01"), Decimal("500")])
    async def test_weight_bounds_are_inclusive_above_zero(self, session, weight):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner)

        # when
        updated = await pets_service.update(
            session, viewer_of(owner), pet.id, PetData(weight_kg=weight), TODAY
        )

        # then
        assert updated.weight_kg == weight

    async def test_the_foods_energy_is_set_and_cleared(self, session):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner)

        # when
        set_to = await pets_service.update(
            session, viewer_of(owner), pet.id, PetData(food_kcal_per_kg=3600), TODAY
        )
        energy = set_to.food_kcal_per_kg
        cleared = await pets_service.update(
            session, viewer_of(owner), pet.id, PetData(food_kcal_per_kg=None), TODAY
        )

        # then
        assert (energy, cleared.food_kcal_per_kg) == (3600, None)

    async def test_a_birthdate_of_today_is_fine(self, session):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner)

        # when
        updated = await pets_service.update(
            session, viewer_of(owner), pet.id, PetData(birthdate=TODAY), TODAY
        )

        # then
        assert updated.birthdate == TODAY


class TestUpdate:
    async def test_changes_only_the_given_fields_and_null_clears_optional_ones(self, session):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner, name="Mochi")

        # when
        updated = await pets_service.update(
            session, viewer_of(owner), pet.id, PetData(name="Mochi II", weight_kg=None), TODAY
        )

        # then
        assert updated.name == "Mochi II"
        assert updated.weight_kg is None
        assert updated.species is Species.CAT
        assert updated.neutered is True

    async def test_another_owners_pet_is_not_found(self, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        pet = await create_pet(session, owner)

        # when
        with pytest.raises(PetNotFound) as raised:
            await pets_service.update(
                session, viewer_of(stranger), pet.id, PetData(name="Mine"), TODAY
            )

        # then
        assert raised.value.code is PetErrorCode.PET_NOT_FOUND
        assert pet.name == "Mochi"

    async def test_staff_can_read_but_not_update_someone_elses_pet(self, session):
        # given
        owner = await create_user(session)
        staff = await create_user(session, Role.STAFF, prefix="staff")
        pet = await create_pet(session, owner)

        # when
        read = await pets_service.get(session, viewer_of(staff), pet.id)
        with pytest.raises(PetNotFound):
            await pets_service.update(
                session, viewer_of(staff), pet.id, PetData(name="Staff's"), TODAY
            )

        # then
        assert read is not None and read.id == pet.id
        assert pet.name == "Mochi"

    async def test_a_suspended_owner_can_read_but_not_write(self, session):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner)
        owner.suspended_at = utcnow()
        await session.flush()
        suspended = await accounts_service.get_viewer(session, owner.id)

        # when
        read = await pets_service.get(session, suspended, pet.id)
        with pytest.raises(AccountSuspended) as update_refused:
            await pets_service.update(session, suspended, pet.id, PetData(name="Changed"), TODAY)
        with pytest.raises(AccountSuspended):
            await pets_service.create(
                session, suspended, PetData(name="New", species=Species.DOG), TODAY
            )
        with pytest.raises(AccountSuspended):
            await pets_service.delete(session, suspended, pet.id)

        # then
        assert read is not None
        assert update_refused.value.code is CommonErrorCode.ACCOUNT_SUSPENDED
        assert pet.name == "Mochi"


class TestDelete:
    async def test_deletes_the_owners_pet(self, session):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner)

        # when
        deleted = await pets_service.delete(session, viewer_of(owner), pet.id)

        # then
        assert deleted.id == pet.id
        assert await pets_service.get(session, viewer_of(owner), pet.id) is None

    async def test_another_owners_pet_is_not_found_and_survives(self, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        pet = await create_pet(session, owner)

        # when
        with pytest.raises(PetNotFound):
            await pets_service.delete(session, viewer_of(stranger), pet.id)

        # then
        assert await pets_service.get(session, viewer_of(owner), pet.id) is not None


class TestRead:
    async def test_another_owners_pet_is_absent(self, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        pet = await create_pet(session, owner)

        # when
        seen = await pets_service.get(session, viewer_of(stranger), pet.id)

        # then
        assert seen is None

    async def test_lists_only_the_viewers_pets_with_a_total(self, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        mine = [await create_pet(session, owner, name=f"Mine {index}") for index in range(3)]
        await create_pet(session, stranger, name="Theirs")

        # when
        page, count = await pets_service.list_for_viewer(session, viewer_of(owner), PAGE)

        # then
        assert [pet.id for pet in page.items] == [pet.id for pet in mine]
        assert await count() == 3
