"""GraphQL over HTTP on a live server: methods, media types, status codes, auth, limits, and the
service's other doors (/healthz, /openapi.json, /docs).

Raw httpx, not gql: these tests assert what gql hides (status codes and media types).
"""

import asyncio
import datetime as dt
import json
import secrets

import httpx
import jwt
from alembic import command

from graphql_api.auth import issue_access_token
from graphql_api.cli import alembic_config
from graphql_api.settings import Settings
from tests.conftest import TEST_SECRET_KEY
from tests.factories.accounts import PASSWORD, REGISTER, unique_email
from tests.support.environment import (
    create_database,
    database_dsn,
    drop_database,
    sqlalchemy_url,
)
from tests.support.graphql_client import GraphQLClient, get_graphql, post_graphql
from tests.support.live_server import start_server

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"

ME = "query Me { me { id email role } }"
ME_BY_EMAIL_CHECK = "query Me { me { email } }"
UNKNOWN_FIELD = "query Broken { me { id } nope }"
UNPARSABLE = "query Broken { me { id "
PETS_NEEDS_LOGIN = "query Pets { pets(first: 1) { totalCount } }"
LOGIN_MUTATION = """
mutation Login($input: LoginInput!) { login(input: $input) { accessToken userErrors { code } } }
"""
# A well-formed global ID of a pet that does not exist.
MISSING_PET_ID = "UGV0OjIxNDc0ODMwMDA="
ECHO_VARIABLES = "query Node($id: ID!) { node(id: $id) { id } }"


def media_type(response: httpx.Response) -> str:
    return response.headers["content-type"].split(";")[0].strip()


def nested_query(depth: int) -> str:
    """A query at least ``depth`` levels of pet → devices → pet deep (4 levels a round):
    valid, but deeper than allowed."""
    selection = "id"
    for _ in range(max(1, depth // 4 + 1)):
        selection = f"devices {{ edges {{ node {{ pet {{ {selection} }} }} }} }}"
    return f"query Deep {{ pets {{ edges {{ node {{ {selection} }} }} }} }}"


def aliased_query(count: int) -> str:
    return "query Many { " + " ".join(f"me{index}: me {{ id }}" for index in range(count)) + " }"


def long_query(repeats: int) -> str:
    return "query Long { " + " ".join("me { id }" for _ in range(repeats)) + " }"


def token_for(user_id: str, secret: str, expires_at: dt.datetime) -> str:
    claims = {
        "sub": user_id,
        # Issued a minute before it expires, or before now: PyJWT refuses an iat in the future.
        "iat": int(min(expires_at, dt.datetime.now(dt.UTC)).timestamp()) - 60,
        "exp": int(expires_at.timestamp()),
    }
    return jwt.encode(claims, secret, algorithm="HS256")


class TestPost:
    async def test_json_body_with_variables_runs_the_query(self, owner: GraphQLClient):
        # given
        body = {
            "query": ECHO_VARIABLES,
            "variables": {"id": MISSING_PET_ID},
            "operationName": "Node",
        }
        # when
        response = await post_graphql(
            owner.server, body, {"Authorization": f"Bearer {owner.token}"}
        )
        # then
        assert response.status_code == 200
        assert response.json()["data"] == {"node": None}

    async def test_token_in_authorization_header_names_the_viewer(self, owner: GraphQLClient):
        # given
        headers = {"Authorization": f"Bearer {owner.token}"}
        # when
        response = await post_graphql(owner.server, {"query": ME}, headers)
        # then
        assert response.status_code == 200
        assert response.json()["data"]["me"]["role"] == "OWNER"

    async def test_malformed_json_body_is_a_client_error(self, anonymous: GraphQLClient):
        # given
        body = b'{"query": "query Me { me { id } }"'
        # when
        response = await post_graphql(anonymous.server, body)
        # then
        assert 400 <= response.status_code < 500

    async def test_body_without_query_is_a_client_error(self, anonymous: GraphQLClient):
        # given
        body = {"variables": {}}
        # when
        response = await post_graphql(anonymous.server, body)
        # then
        assert 400 <= response.status_code < 500


class TestGet:
    async def test_query_in_the_query_string_runs(self, anonymous: GraphQLClient):
        # given
        params = {"query": ME}
        # when
        response = await get_graphql(anonymous.server, params, {"Accept": "application/json"})
        # then
        assert response.status_code == 200
        assert response.json() == {"data": {"me": None}}

    async def test_variables_in_the_query_string_are_used(self, anonymous: GraphQLClient):
        # given
        params = {"query": ECHO_VARIABLES, "variables": json.dumps({"id": MISSING_PET_ID})}
        # when
        response = await get_graphql(anonymous.server, params, {"Accept": "application/json"})
        # then
        assert response.status_code == 200
        assert response.json() == {"data": {"node": None}}

    async def test_mutation_over_get_is_method_not_allowed(self, anonymous: GraphQLClient):
        # given
        params = {
            "query": LOGIN_MUTATION,
            "variables": '{"input": {"email": "nobody@example.com", "password": "whatever-123"}}',
        }
        # when
        response = await get_graphql(anonymous.server, params, {"Accept": "application/json"})
        # then
        assert response.status_code == 405

    async def test_browser_gets_graphiql(self, anonymous: GraphQLClient):
        # given
        headers = {"Accept": "text/html,application/xhtml+xml"}
        # when
        response = await get_graphql(anonymous.server, headers=headers)
        # then
        assert response.status_code == 200
        assert media_type(response) == "text/html"
        assert "graphiql" in response.text.lower()


class TestGraphQLResponseMediaType:
    headers = {"Accept": GRAPHQL_RESPONSE_JSON}

    async def test_valid_query_is_200_in_the_asked_media_type(self, anonymous: GraphQLClient):
        # when
        response = await post_graphql(anonymous.server, {"query": ME}, self.headers)
        # then
        assert response.status_code == 200
        assert media_type(response) == GRAPHQL_RESPONSE_JSON
        assert response.json() == {"data": {"me": None}}

    async def test_validation_failure_is_400_without_data(self, anonymous: GraphQLClient):
        # when
        response = await post_graphql(anonymous.server, {"query": UNKNOWN_FIELD}, self.headers)
        # then
        assert response.status_code == 400
        assert media_type(response) == GRAPHQL_RESPONSE_JSON
        body = response.json()
        assert "data" not in body
        assert "nope" in body["errors"][0]["message"]

    async def test_parse_failure_is_400_without_data(self, anonymous: GraphQLClient):
        # when
        response = await post_graphql(anonymous.server, {"query": UNPARSABLE}, self.headers)
        # then
        assert response.status_code == 400
        assert media_type(response) == GRAPHQL_RESPONSE_JSON
        body = response.json()
        assert "data" not in body
        assert body["errors"][0]["message"].startswith("Syntax Error")

    async def test_validation_failure_over_get_is_400_without_data(self, anonymous: GraphQLClient):
        # when
        response = await get_graphql(anonymous.server, {"query": UNKNOWN_FIELD}, self.headers)
        # then
        assert response.status_code == 400
        assert media_type(response) == GRAPHQL_RESPONSE_JSON
        assert "data" not in response.json()

    async def test_field_error_during_execution_is_200_with_data(self, anonymous: GraphQLClient):
        # given: execution began, so the spec wants 200 and a data entry
        body = {"query": PETS_NEEDS_LOGIN}
        # when
        response = await post_graphql(anonymous.server, body, self.headers)
        # then
        assert response.status_code == 200
        assert media_type(response) == GRAPHQL_RESPONSE_JSON
        result = response.json()
        assert result["data"] is None
        assert result["errors"][0]["path"] == ["pets"]
        assert result["errors"][0]["extensions"]["code"] == "NOT_AUTHENTICATED"


class TestApplicationJson:
    headers = {"Accept": "application/json"}

    async def test_validation_failure_is_200_for_legacy_clients(self, anonymous: GraphQLClient):
        # when
        response = await post_graphql(anonymous.server, {"query": UNKNOWN_FIELD}, self.headers)
        # then
        assert response.status_code == 200
        assert media_type(response) == "application/json"
        assert "nope" in response.json()["errors"][0]["message"]


async def signed_up_as(anonymous: GraphQLClient, email: str) -> None:
    account = {"email": email, "password": PASSWORD, "displayName": "Stale", "timeZone": "UTC"}
    registered = await anonymous.execute(REGISTER, {"input": account})
    assert registered["register"]["userErrors"] == []


def assert_ran_anonymously_saying_why(response: httpx.Response) -> None:
    """A refused token is not an HTTP 401: the request runs without a viewer, fields that need
    one fail with NOT_AUTHENTICATED naming the token, and the response's extensions say so."""
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    error = body["errors"][0]
    assert error["path"] == ["pets"]
    assert error["extensions"]["code"] == "NOT_AUTHENTICATED"
    assert "Log in again" in error["message"]
    assert body["extensions"]["authentication"]["code"] == "NOT_AUTHENTICATED"


class TestBearerToken:
    async def test_garbage_token_runs_anonymously(self, anonymous: GraphQLClient):
        # given
        headers = {"Authorization": "Bearer not-a-jwt"}
        # when
        response = await post_graphql(anonymous.server, {"query": PETS_NEEDS_LOGIN}, headers)
        # then
        assert_ran_anonymously_saying_why(response)
        assert "invalid or expired" in response.json()["errors"][0]["message"]

    async def test_expired_token_runs_anonymously(
        self, anonymous: GraphQLClient, settings: Settings
    ):
        # given
        an_hour_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        token = token_for("1", settings.signing_secret, an_hour_ago)
        # when
        response = await post_graphql(
            anonymous.server, {"query": PETS_NEEDS_LOGIN}, {"Authorization": f"Bearer {token}"}
        )
        # then
        assert_ran_anonymously_saying_why(response)

    async def test_token_signed_with_another_key_names_no_viewer(self, owner: GraphQLClient):
        # given: the owner's own claims, re-signed by someone who does not hold the secret
        claims = jwt.decode(owner.token, options={"verify_signature": False})
        forged = jwt.encode(claims, "not-the-server-secret-but-32-bytes-long", algorithm="HS256")
        # when
        response = await post_graphql(
            owner.server, {"query": ME_BY_EMAIL_CHECK}, {"Authorization": f"Bearer {forged}"}
        )
        # then
        body = response.json()
        assert response.status_code == 200
        assert body["data"] == {"me": None}
        assert body["extensions"]["authentication"]["code"] == "NOT_AUTHENTICATED"

    async def test_unsigned_token_runs_anonymously(self, owner: GraphQLClient):
        # given
        claims = jwt.decode(owner.token, options={"verify_signature": False})
        unsigned = jwt.encode(claims, None, algorithm="none")
        # when
        response = await post_graphql(
            owner.server, {"query": PETS_NEEDS_LOGIN}, {"Authorization": f"Bearer {unsigned}"}
        )
        # then
        assert_ran_anonymously_saying_why(response)

    async def test_token_of_a_user_that_does_not_exist_runs_anonymously(
        self, anonymous: GraphQLClient, settings: Settings
    ):
        # given
        token = issue_access_token(settings, 2147483000, dt.datetime.now(dt.UTC)).token
        # when
        response = await post_graphql(
            anonymous.server, {"query": PETS_NEEDS_LOGIN}, {"Authorization": f"Bearer {token}"}
        )
        # then
        assert_ran_anonymously_saying_why(response)
        assert "no longer exists" in response.json()["errors"][0]["message"]

    async def test_other_scheme_runs_anonymously(self, owner: GraphQLClient):
        # given
        headers = {"Authorization": f"Basic {owner.token}"}
        # when
        response = await post_graphql(owner.server, {"query": PETS_NEEDS_LOGIN}, headers)
        # then
        assert_ran_anonymously_saying_why(response)

    async def test_login_works_with_a_stale_token_in_the_header(
        self, anonymous: GraphQLClient, settings: Settings
    ):
        # given: a tab still sending a token that expired
        email = unique_email("stale")
        await signed_up_as(anonymous, email)
        an_hour_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        stale = token_for("1", settings.signing_secret, an_hour_ago)
        body = {
            "query": LOGIN_MUTATION,
            "variables": {"input": {"email": email, "password": PASSWORD}},
        }
        # when
        response = await post_graphql(anonymous.server, body, {"Authorization": f"Bearer {stale}"})
        # then
        login = response.json()["data"]["login"]
        assert response.status_code == 200
        assert login["userErrors"] == []
        assert login["accessToken"]


class TestLimits:
    headers = {"Accept": GRAPHQL_RESPONSE_JSON}

    async def test_too_deep_a_query_is_refused(self, owner: GraphQLClient, settings: Settings):
        # given
        body = {"query": nested_query(settings.graphql_max_depth)}
        # when
        response = await post_graphql(
            owner.server, body, {**self.headers, "Authorization": f"Bearer {owner.token}"}
        )
        # then
        assert response.status_code == 400
        [error] = response.json()["errors"]
        assert (
            f"exceeds maximum operation depth of {settings.graphql_max_depth}" in error["message"]
        )

    async def test_query_within_the_depth_limit_runs(self, owner: GraphQLClient):
        # given
        body = {"query": nested_query(2)}
        # when
        response = await post_graphql(
            owner.server, body, {**self.headers, "Authorization": f"Bearer {owner.token}"}
        )
        # then
        assert response.status_code == 200
        assert response.json() == {"data": {"pets": {"edges": []}}}

    async def test_too_many_aliases_are_refused(self, anonymous: GraphQLClient, settings: Settings):
        # given
        aliases = settings.graphql_max_aliases + 1
        # when
        response = await post_graphql(
            anonymous.server, {"query": aliased_query(aliases)}, self.headers
        )
        # then
        assert response.status_code == 400
        [error] = response.json()["errors"]
        assert (
            error["message"] == f"{aliases} aliases found. Allowed: {settings.graphql_max_aliases}"
        )

    async def test_too_many_tokens_are_refused(self, anonymous: GraphQLClient, settings: Settings):
        # given: "me { id }" is four tokens
        body = {"query": long_query(settings.graphql_max_tokens // 4 + 1)}
        # when
        response = await post_graphql(anonymous.server, body, self.headers)
        # then
        assert response.status_code == 400
        [error] = response.json()["errors"]
        assert f"more than {settings.graphql_max_tokens} tokens" in error["message"]


async def _job_after_first_run(http: httpx.AsyncClient, name: str) -> dict:
    for _ in range(40):
        job = (await http.get("/healthz")).json()["jobs"][name]
        if job["last_run_at"] is not None:
            return job
        await asyncio.sleep(0.25)
    raise AssertionError(f"{name} never ran")


class TestServiceDoors:
    async def test_healthz_reports_database_and_pubsub(self, anonymous: GraphQLClient):
        # when
        async with httpx.AsyncClient(base_url=anonymous.server.base_url, timeout=30) as http:
            response = await http.get("/healthz")
        # then
        assert response.status_code == 200
        body = response.json()
        assert (body["status"], body["database"], body["pubsub"]) == ("ok", "ok", "ok")
        assert {"offline-sweep", "command-expiry", "event-outbox"} <= set(body["jobs"])

    async def test_healthz_shows_each_jobs_last_run(self, anonymous: GraphQLClient):
        # given: the server runs the expiry sweep every few seconds
        async with httpx.AsyncClient(base_url=anonymous.server.base_url, timeout=30) as http:
            # when
            expiry = await _job_after_first_run(http, "command-expiry")

        # then
        assert expiry["succeeded"] is True
        assert expiry["runs"] >= 1
        assert expiry["outcome"].endswith("commands settled")
        assert expiry["last_error"] is None

    async def test_openapi_lists_the_heartbeat_route(self, anonymous: GraphQLClient):
        # when
        async with httpx.AsyncClient(base_url=anonymous.server.base_url, timeout=30) as http:
            response = await http.get("/openapi.json")
        # then
        assert response.status_code == 200
        paths = response.json()["paths"]
        assert "post" in paths["/api/device/status/"]
        assert "/graphql" not in paths

    async def test_docs_serve_html(self, anonymous: GraphQLClient):
        # when
        async with httpx.AsyncClient(base_url=anonymous.server.base_url, timeout=30) as http:
            response = await http.get("/docs")
        # then
        assert response.status_code == 200
        assert media_type(response) == "text/html"
        assert "/openapi.json" in response.text


class TestReadiness:
    async def test_a_migrated_server_with_its_bus_is_ready(self, anonymous: GraphQLClient):
        # when
        async with httpx.AsyncClient(base_url=anonymous.server.base_url, timeout=30) as http:
            response = await http.get("/readyz")
        # then
        assert response.status_code == 200
        assert response.json() == {
            "status": "ready",
            "database": "ok",
            "migrations": "at head",
            "pubsub": "ok",
        }

    async def test_a_database_behind_the_migrations_is_not_ready(
        self, server_logs, test_environment
    ):
        # given: a database one migration behind head
        name = f"pawgraph_behind_{secrets.token_hex(4)}"
        create_database(test_environment.postgres_admin_dsn, name)
        url = sqlalchemy_url(database_dsn(test_environment.postgres_admin_dsn, name))
        await asyncio.to_thread(command.upgrade, alembic_config(url), "0009")
        server = start_server(
            server_logs,
            "behind",
            env="test",
            database_url=url,
            broadcast_url=test_environment.redis_url,
            secret_key=TEST_SECRET_KEY,
            offline_check_interval="0",
            command_expiry_interval="0",
            event_outbox_drain_interval="0",
        )
        try:
            # when
            async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
                alive, ready = await http.get("/healthz"), await http.get("/readyz")
        finally:
            server.stop()
            drop_database(test_environment.postgres_admin_dsn, name)
        # then: alive, but the load balancer keeps traffic away
        assert alive.status_code == 200
        assert ready.status_code == 503
        assert ready.json()["migrations"] == "behind"
