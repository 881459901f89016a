import pytest
from strawberry import relay

from graphql_api.accounts.errors import AccountErrorCode
from graphql_api.auth import Role, verify_access_token
from graphql_api.error_codes import ErrorCode
from tests.factories.accounts import PASSWORD, create_user, unique_email, viewer_of

REGISTER = """
mutation Register($input: RegisterInput!) {
  register(input: $input) {
    user { id email displayName role timeZone }
    userErrors { field code message }
  }
}
"""

LOGIN = """
mutation Login($input: LoginInput!) {
  login(input: $input) {
    accessToken
    expiresAt
    user { id email }
    userErrors { field code message }
  }
}
"""

ME = """
query Me { me { id email role timeZone } }
"""


def graphql_code(code) -> str:
    """How a domain code reads in the schema's ErrorCode enum (KeyError if it is not there)."""
    return ErrorCode[code.value].value


class TestRegister:
    async def test_creates_an_owner(self, schema, make_context):
        # given
        email = unique_email("new")
        variables = {
            "input": {
                "email": email.upper(),
                "password": PASSWORD,
                "displayName": "New",
                "timeZone": "Europe/Berlin",
            }
        }

        # when
        result = await schema.execute(
            REGISTER, variable_values=variables, context_value=make_context()
        )

        # then
        assert result.errors is None
        payload = result.data["register"]
        assert payload["userErrors"] == []
        assert payload["user"]["email"] == email
        assert payload["user"]["role"] == Role.OWNER.value
        assert payload["user"]["timeZone"] == "Europe/Berlin"

    async def test_a_taken_email_is_a_user_error(self, schema, make_context, session):
        # given
        existing = await create_user(session)
        variables = {
            "input": {"email": existing.email, "password": PASSWORD, "displayName": "Copy"}
        }

        # when
        result = await schema.execute(
            REGISTER, variable_values=variables, context_value=make_context()
        )

        # then
        payload = result.data["register"]
        assert payload["user"] is None
        assert len(payload["userErrors"]) == 1
        error = payload["userErrors"][0]
        assert error["code"] == graphql_code(AccountErrorCode.EMAIL_TAKEN)
        assert error["field"] == ["email"]

    @pytest.mark.parametrize(
        ("overrides", "code", "field"),
        [
            ({"password": "short1"}, AccountErrorCode.WEAK_PASSWORD, "password"),
            ({"email": "not-an-email"}, AccountErrorCode.INVALID_EMAIL, "email"),
            ({"timeZone": "Atlantis/Capital"}, AccountErrorCode.INVALID_TIME_ZONE, "timeZone"),
        ],
    )
    async def test_bad_input_is_a_user_error_naming_the_field(
        self, schema, make_context, overrides, code, field
    ):
        # given
        variables = {
            "input": {
                "email": unique_email(),
                "password": PASSWORD,
                "displayName": "X",
                **overrides,
            }
        }

        # when
        result = await schema.execute(
            REGISTER, variable_values=variables, context_value=make_context()
        )

        # then
        payload = result.data["register"]
        assert payload["user"] is None
        assert len(payload["userErrors"]) == 1
        assert payload["userErrors"][0]["code"] == graphql_code(code)
        assert payload["userErrors"][0]["field"] == [field]


class TestLogin:
    async def test_right_credentials_give_a_token(self, schema, make_context, session, settings):
        # given
        user = await create_user(session)
        variables = {"input": {"email": user.email, "password": PASSWORD}}

        # when
        result = await schema.execute(
            LOGIN, variable_values=variables, context_value=make_context()
        )

        # then
        payload = result.data["login"]
        assert payload["userErrors"] == []
        assert payload["user"]["email"] == user.email
        assert verify_access_token(settings, payload["accessToken"]).user_id == user.id

    @pytest.mark.parametrize("which", ["wrong password", "unknown email"])
    async def test_bad_credentials_are_one_indistinct_user_error(
        self, schema, make_context, session, which
    ):
        # given
        user = await create_user(session)
        email = user.email if which == "wrong password" else unique_email("nobody")
        variables = {"input": {"email": email, "password": "wrong-password-1"}}

        # when
        result = await schema.execute(
            LOGIN, variable_values=variables, context_value=make_context()
        )

        # then
        payload = result.data["login"]
        assert payload["accessToken"] is None and payload["user"] is None
        assert len(payload["userErrors"]) == 1
        assert payload["userErrors"][0]["code"] == graphql_code(
            AccountErrorCode.INVALID_CREDENTIALS
        )
        assert payload["userErrors"][0]["message"] == "Wrong email or password."


class TestMe:
    async def test_is_the_viewer(self, schema, make_context, session):
        # given
        user = await create_user(session, Role.STAFF)

        # when
        result = await schema.execute(ME, context_value=make_context(viewer_of(user)))

        # then
        assert result.errors is None
        assert result.data["me"]["email"] == user.email
        assert result.data["me"]["role"] == Role.STAFF.value

    async def test_is_null_without_a_viewer(self, schema, make_context):
        # when
        result = await schema.execute(ME, context_value=make_context())

        # then
        assert result.errors is None
        assert result.data["me"] is None


USER_NODE = """
query Node($id: ID!) {
  node(id: $id) { id ... on User { displayName email role timeZone createdAt } }
}
"""
PRIVATE_FIELDS = ("email", "role", "timeZone", "createdAt")


def user_gid(user) -> str:
    return str(relay.GlobalID("User", str(user.id)))


class TestUserNode:
    @pytest.mark.parametrize("role", [Role.OWNER, Role.STAFF, Role.ADMIN])
    async def test_the_user_themself_sees_every_field(self, schema, make_context, session, role):
        # given
        user = await create_user(session, role)

        # when
        result = await schema.execute(
            USER_NODE,
            variable_values={"id": user_gid(user)},
            context_value=make_context(viewer_of(user)),
        )

        # then
        assert result.errors is None
        node = result.data["node"]
        assert (node["displayName"], node["email"], node["role"]) == (
            user.display_name,
            user.email,
            role.value,
        )
        assert node["timeZone"] == "UTC" and node["createdAt"] is not None

    async def test_another_owner_sees_only_the_id_and_display_name(
        self, schema, make_context, session
    ):
        # given
        user = await create_user(session, prefix="seller")
        stranger = await create_user(session, prefix="stranger")

        # when
        result = await schema.execute(
            USER_NODE,
            variable_values={"id": user_gid(user)},
            context_value=make_context(viewer_of(stranger)),
        )

        # then
        assert result.errors is None
        node = result.data["node"]
        assert (node["id"], node["displayName"]) == (user_gid(user), "seller")
        assert {field: node[field] for field in PRIVATE_FIELDS} == dict.fromkeys(PRIVATE_FIELDS)

    async def test_an_owner_sees_only_the_name_of_staff(self, schema, make_context, session):
        # given
        staff = await create_user(session, Role.STAFF, prefix="staff")
        owner = await create_user(session, prefix="owner")

        # when
        result = await schema.execute(
            USER_NODE,
            variable_values={"id": user_gid(staff)},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        assert result.errors is None
        assert result.data["node"]["displayName"] == "staff"
        assert result.data["node"]["role"] is None

    @pytest.mark.parametrize("role", [Role.STAFF, Role.ADMIN])
    async def test_staff_and_admins_see_every_field_of_an_owner(
        self, schema, make_context, session, role
    ):
        # given
        user = await create_user(session, prefix="owner")
        moderator = await create_user(session, role, prefix="moderator")

        # when
        result = await schema.execute(
            USER_NODE,
            variable_values={"id": user_gid(user)},
            context_value=make_context(viewer_of(moderator)),
        )

        # then
        assert result.errors is None
        node = result.data["node"]
        assert (node["email"], node["role"], node["timeZone"]) == (user.email, "OWNER", "UTC")
        assert node["createdAt"] is not None

    async def test_an_anonymous_viewer_sees_no_user(self, schema, make_context, session):
        # given
        user = await create_user(session)

        # when
        result = await schema.execute(
            USER_NODE, variable_values={"id": user_gid(user)}, context_value=make_context()
        )

        # then
        assert result.errors is None
        assert result.data["node"] is None

    async def test_an_unknown_user_is_null(self, schema, make_context, session):
        # given
        viewer = await create_user(session)
        missing = relay.GlobalID("User", str(viewer.id + 10_000))

        # when
        result = await schema.execute(
            USER_NODE,
            variable_values={"id": str(missing)},
            context_value=make_context(viewer_of(viewer)),
        )

        # then
        assert result.errors is None
        assert result.data["node"] is None
