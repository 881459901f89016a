"""``me { pets devices notifications unreadNotificationCount }`` and the nested connections
(``Pet.devices``, ``Device.outlets``): pages per parent, cursors, counts, and who sees them."""

from strawberry import relay

from graphql_api.auth import Role
from graphql_api.devices.models import DeviceKind
from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.models import NotificationKind
from tests.factories.accounts import create_user, viewer_of
from tests.factories.devices_db import create_device
from tests.factories.pets_db import create_pet

MY_LISTS = """
query MyLists($first: Int, $unreadOnly: Boolean!) {
  me {
    pets(first: $first) { totalCount edges { node { name } } }
    devices(first: $first) { totalCount edges { node { name } } }
    notifications(first: $first, unreadOnly: $unreadOnly) {
      totalCount edges { node { text } }
    }
    unreadNotificationCount
  }
}
"""
USER_LISTS = """
query UserLists($id: ID!) {
  node(id: $id) {
    ... on User { pets { totalCount } devices { totalCount } notifications { totalCount } }
  }
}
"""
PET_DEVICES = """
query PetDevices($first: Int!, $after: String) {
  pets(first: 10) {
    edges {
      node {
        name
        devices(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage endCursor }
          edges { node { name } }
        }
      }
    }
  }
}
"""
HUB_OUTLETS = """
query HubOutlets($id: ID!, $last: Int!) {
  node(id: $id) {
    ... on Device { outlets(last: $last) { totalCount edges { node { hardwareId } } } }
  }
}
"""


def names(connection: dict) -> list[str]:
    return [edge["node"]["name"] for edge in connection["edges"]]


async def owner_with_things(session):
    owner = await create_user(session, prefix="owner")
    for name in ("Ada", "Bea"):
        pet = await create_pet(session, owner, name=name)
        for kind in (DeviceKind.FEEDER, DeviceKind.COLLAR, DeviceKind.COLLAR):
            await create_device(
                session, owner, kind=kind, name=f"{name} {kind.value}", pet_id=pet.id
            )
    for text in ("one", "two", "three"):
        await notifications_service.notify(
            session, recipient_id=owner.id, kind=NotificationKind.DEVICE_ALERT, text=text
        )
    return owner


class TestMe:
    async def test_lists_the_viewers_pets_devices_and_inbox(self, schema, make_context, session):
        # given
        owner = await owner_with_things(session)
        await owner_with_things(session)  # someone else's, never listed

        # when
        result = await schema.execute(
            MY_LISTS,
            variable_values={"first": 2, "unreadOnly": False},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        assert result.errors is None, result.errors
        me = result.data["me"]
        assert (me["pets"]["totalCount"], names(me["pets"])) == (2, ["Ada", "Bea"])
        assert (me["devices"]["totalCount"], names(me["devices"])) == (
            6,
            ["Ada FEEDER", "Ada COLLAR"],
        )
        inbox = me["notifications"]
        assert inbox["totalCount"] == 3
        assert [edge["node"]["text"] for edge in inbox["edges"]] == ["three", "two"]
        assert me["unreadNotificationCount"] == 3

    async def test_another_users_lists_are_null_even_for_staff(self, schema, make_context, session):
        # given
        owner = await owner_with_things(session)
        staff = await create_user(session, Role.STAFF, prefix="staff")
        stranger = await create_user(session, prefix="stranger")
        owner_id = str(relay.GlobalID("User", str(owner.id)))

        for viewer in (staff, stranger):
            # when
            result = await schema.execute(
                USER_LISTS,
                variable_values={"id": owner_id},
                context_value=make_context(viewer_of(viewer)),
            )

            # then
            assert result.errors is None, result.errors
            assert result.data["node"] == {"pets": None, "devices": None, "notifications": None}


class TestNestedConnections:
    async def test_each_pet_pages_its_own_devices_with_one_cursor(
        self, schema, make_context, session
    ):
        # given
        owner = await owner_with_things(session)
        context = make_context(viewer_of(owner))
        first = await schema.execute(
            PET_DEVICES, variable_values={"first": 2}, context_value=context
        )
        ada_cursor = first.data["pets"]["edges"][0]["node"]["devices"]["pageInfo"]["endCursor"]

        # when
        rest = await schema.execute(
            PET_DEVICES,
            variable_values={"first": 2, "after": ada_cursor},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        assert first.errors is None and rest.errors is None, (first.errors, rest.errors)
        ada, bea = (edge["node"]["devices"] for edge in first.data["pets"]["edges"])
        assert names(ada) == ["Ada FEEDER", "Ada COLLAR"]
        assert names(bea) == ["Bea FEEDER", "Bea COLLAR"]
        assert ada["pageInfo"]["hasNextPage"] and not ada["pageInfo"]["hasPreviousPage"]
        assert ada["totalCount"] == bea["totalCount"] == 3
        ada_rest, bea_rest = (edge["node"]["devices"] for edge in rest.data["pets"]["edges"])
        assert ada_rest["totalCount"] == bea_rest["totalCount"] == 3
        assert names(ada_rest) == ["Ada COLLAR"]
        assert ada_rest["pageInfo"]["hasPreviousPage"] and not ada_rest["pageInfo"]["hasNextPage"]
        # Bea's devices all come after Ada's last one: the cursor is a position in the table
        assert names(bea_rest) == ["Bea FEEDER", "Bea COLLAR"]

    async def test_each_total_counts_the_whole_list_whatever_the_page(
        self, schema, make_context, session
    ):
        # given
        owner = await owner_with_things(session)
        await create_pet(session, owner, name="Cid")  # no devices
        await owner_with_things(session)  # someone else's pets and devices, never counted

        for first in (0, 1, 5):
            # when
            result = await schema.execute(
                PET_DEVICES,
                variable_values={"first": first},
                context_value=make_context(viewer_of(owner)),
            )

            # then
            assert result.errors is None, result.errors
            totals = {
                edge["node"]["name"]: edge["node"]["devices"]["totalCount"]
                for edge in result.data["pets"]["edges"]
            }
            assert totals == {"Ada": 3, "Bea": 3, "Cid": 0}

    async def test_a_hubs_outlets_page_backwards(self, schema, make_context, session):
        # given
        owner = await create_user(session, prefix="owner")
        hub = await create_device(session, owner, kind=DeviceKind.HUB, name="Hub")
        for hardware_id in ("FE", "FD", "FC"):
            await create_device(
                session,
                owner,
                kind=DeviceKind.OUTLET,
                hardware_id=hardware_id,
                name=hardware_id,
                parent_id=hub.id,
            )

        # when
        result = await schema.execute(
            HUB_OUTLETS,
            variable_values={"id": str(relay.GlobalID("Device", str(hub.id))), "last": 2},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        assert result.errors is None, result.errors
        outlets = result.data["node"]["outlets"]
        assert outlets["totalCount"] == 3
        assert [edge["node"]["hardwareId"] for edge in outlets["edges"]] == ["FD", "FC"]

    async def test_another_owners_hub_shows_no_outlets(self, schema, make_context, session):
        # given
        owner = await create_user(session, prefix="owner")
        stranger = await create_user(session, prefix="stranger")
        hub = await create_device(session, owner, kind=DeviceKind.HUB, name="Hub")
        await create_device(
            session, owner, kind=DeviceKind.OUTLET, hardware_id="FE", name="FE", parent_id=hub.id
        )

        # when
        result = await schema.execute(
            HUB_OUTLETS,
            variable_values={"id": str(relay.GlobalID("Device", str(hub.id))), "last": 2},
            context_value=make_context(viewer_of(stranger)),
        )

        # then
        assert result.errors is None, result.errors
        assert result.data["node"] is None
