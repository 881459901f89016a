"""Accounts through the live front door: register, log in, ``me``, and the typed userErrors."""

from tests.factories.accounts import LOGIN, PASSWORD, REGISTER, unique_email
from tests.support.graphql_client import GraphQLClient

ME = "query Me { me { id email displayName role timeZone createdAt } }"
NODE_USER = "query Node($id: ID!) { node(id: $id) { id ... on User { email } } }"
USER_CARD = """
query UserCard($id: ID!) {
  node(id: $id) { id ... on User { displayName email role timeZone createdAt } }
}
"""


def registration(email: str, **overrides: str) -> dict[str, dict[str, str]]:
    fields = {"email": email, "password": PASSWORD, "displayName": "Ana", "timeZone": "Asia/Manila"}
    return {"input": {**fields, **overrides}}


class TestRegister:
    async def test_new_account_is_an_owner_in_its_time_zone(self, anonymous: GraphQLClient):
        # given
        email = unique_email()
        # when
        result = await anonymous.execute(REGISTER, registration(email))
        # then
        payload = result["register"]
        assert payload["userErrors"] == []
        assert payload["user"]["email"] == email
        assert payload["user"]["role"] == "OWNER"

    async def test_email_is_stored_lower_cased(self, anonymous: GraphQLClient):
        # given
        email = unique_email()
        # when
        result = await anonymous.execute(REGISTER, registration(email.upper()))
        # then
        assert result["register"]["user"]["email"] == email

    async def test_duplicate_email_in_other_case_is_taken(self, anonymous: GraphQLClient):
        # given
        email = unique_email()
        await anonymous.execute(REGISTER, registration(email))
        # when
        result = await anonymous.execute(REGISTER, registration(email.upper()))
        # then
        payload = result["register"]
        assert payload["user"] is None
        assert len(payload["userErrors"]) == 1
        assert payload["userErrors"][0]["code"] == "EMAIL_TAKEN"
        assert payload["userErrors"][0]["field"] == ["email"]

    async def test_short_password_is_weak(self, anonymous: GraphQLClient):
        # when
        result = await anonymous.execute(REGISTER, registration(unique_email(), password="abc12"))
        # then
        payload = result["register"]
        assert payload["user"] is None
        assert len(payload["userErrors"]) == 1
        assert payload["userErrors"][0]["code"] == "WEAK_PASSWORD"
        assert payload["userErrors"][0]["field"] == ["password"]

    async def test_letters_only_password_is_weak(self, anonymous: GraphQLClient):
        # when
        result = await anonymous.execute(
            REGISTER, registration(unique_email(), password="onlyletterspassword")
        )
        # then
        [error] = result["register"]["userErrors"]
        assert error["code"] == "WEAK_PASSWORD"
        assert error["field"] == ["password"]

    async def test_unknown_time_zone_is_refused(self, anonymous: GraphQLClient):
        # when
        result = await anonymous.execute(
            REGISTER, registration(unique_email(), timeZone="Mars/Olympus_Mons")
        )
        # then
        payload = result["register"]
        assert payload["user"] is None
        [error] = payload["userErrors"]
        assert error["code"] == "INVALID_TIME_ZONE"
        assert error["field"] == ["timeZone"]

    async def test_refused_registration_writes_nothing(self, anonymous: GraphQLClient):
        # given
        email = unique_email()
        await anonymous.execute(REGISTER, registration(email, timeZone="Mars/Olympus_Mons"))
        # when
        result = await anonymous.execute(LOGIN, {"input": {"email": email, "password": PASSWORD}})
        # then
        assert result["login"]["userErrors"][0]["code"] == "INVALID_CREDENTIALS"


class TestLogin:
    async def test_right_password_gives_a_token_for_me(self, anonymous: GraphQLClient):
        # given
        email = unique_email()
        await anonymous.execute(REGISTER, registration(email))
        # when
        result = await anonymous.execute(LOGIN, {"input": {"email": email, "password": PASSWORD}})
        # then
        payload = result["login"]
        assert payload["userErrors"] == []
        assert payload["user"]["email"] == email
        assert payload["accessToken"]
        assert payload["expiresAt"]

    async def test_email_matches_in_any_case(self, anonymous: GraphQLClient):
        # given
        email = unique_email()
        await anonymous.execute(REGISTER, registration(email))
        # when
        result = await anonymous.execute(
            LOGIN, {"input": {"email": f"  {email.upper()} ", "password": PASSWORD}}
        )
        # then
        assert result["login"]["userErrors"] == []

    async def test_wrong_password_is_invalid_credentials(self, anonymous: GraphQLClient):
        # given
        email = unique_email()
        await anonymous.execute(REGISTER, registration(email))
        # when
        result = await anonymous.execute(
            LOGIN, {"input": {"email": email, "password": "wrong-horse-42"}}
        )
        # then
        payload = result["login"]
        assert payload["accessToken"] is None
        assert payload["user"] is None
        assert [error["code"] for error in payload["userErrors"]] == ["INVALID_CREDENTIALS"]

    async def test_unknown_email_looks_like_a_wrong_password(self, anonymous: GraphQLClient):
        # given
        email = unique_email()
        await anonymous.execute(REGISTER, registration(email))
        wrong_password = await anonymous.execute(
            LOGIN, {"input": {"email": email, "password": "wrong-horse-42"}}
        )
        # when
        unknown_email = await anonymous.execute(
            LOGIN, {"input": {"email": unique_email("nobody"), "password": "wrong-horse-42"}}
        )
        # then
        assert unknown_email["login"]["accessToken"] is None
        assert unknown_email["login"]["userErrors"] == wrong_password["login"]["userErrors"]
        assert unknown_email["login"]["userErrors"][0]["code"] == "INVALID_CREDENTIALS"


class TestMe:
    async def test_me_is_the_logged_in_user(self, anonymous: GraphQLClient):
        # given
        email = unique_email()
        await anonymous.execute(REGISTER, registration(email))
        login = await anonymous.execute(LOGIN, {"input": {"email": email, "password": PASSWORD}})
        user = anonymous.with_token(login["login"]["accessToken"])
        # when
        result = await user.execute(ME)
        # then
        me = result["me"]
        assert me["email"] == email
        assert me["displayName"] == "Ana"
        assert me["role"] == "OWNER"
        assert me["timeZone"] == "Asia/Manila"
        assert me["id"] == login["login"]["user"]["id"]

    async def test_me_is_null_without_a_token(self, anonymous: GraphQLClient):
        # when
        result = await anonymous.execute(ME)
        # then
        assert result == {"me": None}

    async def test_user_id_round_trips_through_node(self, owner: GraphQLClient):
        # given
        me = (await owner.execute(ME))["me"]
        # when
        result = await owner.execute(NODE_USER, {"id": me["id"]})
        # then
        assert result["node"] == {"id": me["id"], "email": me["email"]}

    async def test_another_user_shows_only_their_name(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        me = (await owner.execute(ME))["me"]
        # when
        result = await other_owner.execute(USER_CARD, {"id": me["id"]})
        # then
        assert result["node"] == {
            "id": me["id"],
            "displayName": me["displayName"],
            "email": None,
            "role": None,
            "timeZone": None,
            "createdAt": None,
        }

    async def test_staff_see_every_field_of_another_user(
        self, owner: GraphQLClient, staff: GraphQLClient
    ):
        # given
        me = (await owner.execute(ME))["me"]
        # when
        result = await staff.execute(USER_CARD, {"id": me["id"]})
        # then
        assert result["node"] == me

    async def test_an_anonymous_viewer_sees_no_user(
        self, owner: GraphQLClient, anonymous: GraphQLClient
    ):
        # given
        me = (await owner.execute(ME))["me"]
        # when
        result = await anonymous.execute(USER_CARD, {"id": me["id"]})
        # then
        assert result["node"] is None
