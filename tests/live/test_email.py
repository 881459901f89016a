"""Notifications by email, end to end: a live server configured with a real SMTP server on
loopback (aiosmtpd), driven over GraphQL and the firmware routes; the messages are read back
from that SMTP server.

Every test's users are new, and each assertion reads only their own mailbox: the server's jobs
also mail whatever else in the test database is due.
"""

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from graphql_api.db import create_sessionmaker
from graphql_api.deliveries import service as deliveries_service
from graphql_api.deliveries.channels import SIGNATURE_HEADER, verify_webhook_signature
from graphql_api.deliveries.models import DeliveryStatus
from graphql_api.events import EventBus
from graphql_api.jobs.registry import job_named
from graphql_api.jobs.runner import run_once
from graphql_api.settings import Environment, Settings
from graphql_api.state import AppState
from tests.conftest import TEST_SECRET_KEY
from tests.factories.accounts import signed_up
from tests.factories.devices import post_heartbeat, register_device
from tests.live.alerting import user_pk
from tests.support.environment import TestEnvironment
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LiveServer, start_server
from tests.support.smtp import WAIT_TIMEOUT_S, MailSink
from tests.support.webhooks import webhook_receiver

ME = "query Me { me { id email } }"
PREFERENCES = """
query Preferences { me { notificationPreferences { kind delivery chosen digestAllowed } } }
"""
USER_PREFERENCES = """
query UserPreferences($id: ID!) {
  node(id: $id) { ... on User { id notificationPreferences { kind delivery } } }
}
"""
SET_PREFERENCES = """
mutation SetPreferences($input: SetNotificationPreferencesInput!) {
  setNotificationPreferences(input: $input) {
    preferences { kind delivery chosen }
    userErrors { field code message }
  }
}
"""
SET_WEBHOOK = """
mutation SetWebhook($input: SetNotificationWebhookInput!) {
  setNotificationWebhook(input: $input) {
    webhook { url } signingSecret userErrors { field code }
  }
}
"""
WEBHOOK = "query Webhook { me { notificationWebhook { url } } }"
USER_WEBHOOK = """
query UserWebhook($id: ID!) { node(id: $id) { ... on User { id notificationWebhook { url } } } }
"""
INBOX = "query Inbox { notifications(first: 10) { edges { node { kind text } } } }"
CREATE_POST = """
mutation CreatePost($input: CreatePostInput!) {
  createPost(input: $input) { post { id } userErrors { field code } }
}
"""
FOLLOW = """
mutation Follow($input: FollowUserInput!) {
  followUser(input: $input) { status userErrors { code } }
}
"""
REACT = """
mutation React($input: ReactToPostInput!) { reactToPost(input: $input) { userErrors { code } } }
"""
COMMENT = """
mutation Comment($input: AddCommentInput!) { addComment(input: $input) { userErrors { code } } }
"""


@pytest.fixture(scope="module")
def mail() -> Iterator[MailSink]:
    sink = MailSink().start()
    yield sink
    sink.stop()


@pytest.fixture(scope="module")
def email_server(
    server_logs: Path, database_url: str, test_environment: TestEnvironment, mail: MailSink
) -> Iterator[LiveServer]:
    """An API process that mails through ``mail``, sending every 0.2 s and retrying quickly
    (0.3 s doubling up to 1 s); its digest job is off: tests run it when they mean to."""
    server = start_server(
        server_logs,
        "email",
        log_level="info",
        env="test",
        database_url=database_url,
        broadcast_url=test_environment.redis_url,
        secret_key=TEST_SECRET_KEY,
        smtp_url=mail.url,
        smtp_from="pawgraph <alerts@pawgraph.test>",
        email_send_interval="PT0.2S",
        email_retry_backoff="PT0.3S",
        email_retry_max_delay="PT1S",
        email_max_attempts="50",
        email_digest_interval="0",
        offline_check_interval="0",
    )
    yield server
    server.stop()


@pytest.fixture
async def owner(email_server: LiveServer) -> GraphQLClient:
    return await signed_up(GraphQLClient(email_server), "mailowner")


@pytest.fixture
async def other(email_server: LiveServer) -> GraphQLClient:
    return await signed_up(GraphQLClient(email_server), "mailother")


@pytest.fixture
def digest_state(
    database_url: str, engine: AsyncEngine, memory_bus: EventBus, mail: MailSink
) -> AppState:
    """What a process runs the digest job with: the same database and SMTP server."""
    settings = Settings(
        env=Environment.TEST, database_url=database_url, smtp_url=mail.url, email_digest_interval=0
    )
    return AppState(settings, engine, create_sessionmaker(engine, email_enabled=True), memory_bus)


async def address_of(client: GraphQLClient) -> str:
    return (await client.execute(ME))["me"]["email"]


async def deliveries_of(engine: AsyncEngine, user_id: int):
    async with create_sessionmaker(engine)() as session:
        return await deliveries_service.for_user(session, user_id)


async def set_preferences(client: GraphQLClient, **deliveries: str) -> dict:
    choices = [{"kind": kind, "delivery": delivery} for kind, delivery in deliveries.items()]
    result = await client.execute(SET_PREFERENCES, {"input": {"preferences": choices}})
    return result["setNotificationPreferences"]


async def wait_until(check, timeout: float = WAIT_TIMEOUT_S):
    """Poll ``check()`` (async) until it returns something truthy, bounded."""
    deadline = time.monotonic() + timeout
    while not (found := await check()):
        assert time.monotonic() < deadline, "condition not reached in time"
        await asyncio.sleep(0.1)
    return found


class TestStartup:
    def test_a_server_without_smtp_says_email_is_off(self, server_a, email_server):
        # then
        assert server_a.log().count("Email is off: PAWGRAPH_SMTP_URL") == 1
        assert "Email is off" not in email_server.log()


class TestPreferences:
    async def test_defaults_then_a_change_for_the_viewer_only(self, owner, other):
        # given
        before = (await owner.execute(PREFERENCES))["me"]["notificationPreferences"]

        # when
        changed = await set_preferences(owner, DEVICE_ALERT="EMAIL", FOLLOW="DIGEST")
        mine = (await owner.execute(PREFERENCES))["me"]["notificationPreferences"]
        theirs = (await other.execute(PREFERENCES))["me"]["notificationPreferences"]

        # then
        by_kind = {p["kind"]: p for p in before}
        assert by_kind["DEVICE_ALERT"] == {
            "kind": "DEVICE_ALERT",
            "delivery": "BOTH",
            "chosen": False,
            "digestAllowed": False,
        }
        assert by_kind["FOLLOW"]["delivery"] == "IN_APP" and by_kind["FOLLOW"]["digestAllowed"]
        assert changed["userErrors"] == []
        now = {p["kind"]: p["delivery"] for p in mine}
        assert (now["DEVICE_ALERT"], now["FOLLOW"], now["COMMENT"]) == ("EMAIL", "DIGEST", "IN_APP")
        assert {p["kind"]: p["delivery"] for p in theirs}["DEVICE_ALERT"] == "BOTH"

    async def test_another_user_cannot_read_or_set_mine(self, owner, other):
        # given
        await set_preferences(owner, DEVICE_ALERT="IN_APP")
        owner_id = (await owner.execute(ME))["me"]["id"]

        # when
        read = await other.execute(USER_PREFERENCES, {"id": owner_id})
        theirs = await set_preferences(other, DEVICE_ALERT="EMAIL")
        mine = (await owner.execute(PREFERENCES))["me"]["notificationPreferences"]

        # then: they see no preferences, and what they set is their own
        assert read["node"] == {"id": owner_id, "notificationPreferences": None}
        assert theirs["userErrors"] == []
        assert {p["kind"]: p["delivery"] for p in mine}["DEVICE_ALERT"] == "IN_APP"

    async def test_bad_input_is_a_user_error_and_changes_nothing(self, owner):
        # when
        digest_alert = await set_preferences(owner, FOLLOW="DIGEST", DEVICE_ALERT="DIGEST")
        twice = await owner.execute(
            SET_PREFERENCES,
            {
                "input": {
                    "preferences": [
                        {"kind": "COMMENT", "delivery": "EMAIL"},
                        {"kind": "COMMENT", "delivery": "BOTH"},
                    ]
                }
            },
        )
        empty = await owner.execute(SET_PREFERENCES, {"input": {"preferences": []}})
        mine = (await owner.execute(PREFERENCES))["me"]["notificationPreferences"]

        # then
        [error] = digest_alert["userErrors"]
        assert error["code"] == "NOTIFICATION_DIGEST_NOT_ALLOWED"
        assert error["field"] == ["preferences", "1", "delivery"]
        assert digest_alert["preferences"] is None
        [error] = twice["setNotificationPreferences"]["userErrors"]
        assert (error["code"], error["field"]) == (
            "NOTIFICATION_PREFERENCES_INVALID",
            ["preferences", "1", "kind"],
        )
        [error] = empty["setNotificationPreferences"]["userErrors"]
        assert error["code"] == "NOTIFICATION_PREFERENCES_INVALID"
        assert not any(p["chosen"] for p in mine)


class TestAlertEmails:
    async def test_an_alert_is_mailed_at_once_after_commit(self, owner, email_server, mail):
        # given
        address = await address_of(owner)
        feeder = await register_device(owner, name="Kitchen feeder")

        # when: the feeder reports a low hopper (a FOOD_LOW alert)
        await post_heartbeat(email_server, feeder, hopper_pct=12)
        [received] = await mail.wait_for(address)

        # then
        inbox = (await owner.execute(INBOX))["notifications"]["edges"]
        assert received.recipients == [address]
        assert received.subject.startswith("[pawgraph] Alert: ")
        assert "Kitchen feeder" in received.subject
        assert "Kitchen feeder" in received.body
        assert str(received.message["From"]) == "pawgraph <alerts@pawgraph.test>"
        assert [edge["node"]["kind"] for edge in inbox] == ["DEVICE_ALERT"]

    async def test_an_in_app_only_kind_sends_no_email(self, owner, email_server, mail, engine):
        # given
        address = await address_of(owner)
        await set_preferences(owner, DEVICE_ALERT="IN_APP", COMMAND_FAILED="EMAIL")
        quiet = await register_device(owner, name="Quiet feeder")
        await post_heartbeat(email_server, quiet, hopper_pct=12)

        # when: then an email-only kind is switched on and another alert follows; the outbox
        # is sent in order, so once this one arrived an earlier one would have too
        await set_preferences(owner, DEVICE_ALERT="EMAIL")
        loud = await register_device(owner, name="Loud feeder")
        await post_heartbeat(email_server, loud, hopper_pct=12)
        await mail.wait_for(address)

        # then
        [only] = mail.to(address)
        assert "Loud feeder" in only.body and "Quiet feeder" not in only.body
        inbox = (await owner.execute(INBOX))["notifications"]["edges"]
        # EMAIL is email only: the second alert is not in the inbox.
        assert ["Quiet feeder" in edge["node"]["text"] for edge in inbox] == [True]
        assert len(await deliveries_of(engine, await user_pk(owner))) == 1


class TestDigest:
    async def test_social_notifications_set_to_digest_arrive_as_one_email(
        self, owner, other, mail, digest_state
    ):
        # given
        address = await address_of(owner)
        await set_preferences(owner, FOLLOW="DIGEST", REACTION="DIGEST", COMMENT="DIGEST")
        post = await owner.execute(
            CREATE_POST, {"input": {"text": "Mochi in the snow", "visibility": "PUBLIC"}}
        )
        post_id = post["createPost"]["post"]["id"]
        owner_id = (await owner.execute(ME))["me"]["id"]
        followed = await other.execute(FOLLOW, {"input": {"userId": owner_id}})
        reacted = await other.execute(REACT, {"input": {"postId": post_id, "kind": "LOVE"}})
        commented = await other.execute(
            COMMENT, {"input": {"postId": post_id, "text": "So fluffy!"}}
        )

        # when: a digest period ends
        run = await run_once(digest_state, job_named("email-digest"))
        [digest] = await mail.wait_for(address)
        again = await run_once(digest_state, job_named("email-digest"))

        # then
        assert followed["followUser"]["userErrors"] == []
        assert reacted["reactToPost"]["userErrors"] == []
        assert commented["addComment"]["userErrors"] == []
        assert run.ran and run.result >= 1
        assert digest.subject == "[pawgraph] Your digest: 3 new notifications"
        assert "reacted LOVE to your post" in digest.body
        assert "mailother" in digest.body
        assert digest.body.count("\n- ") == 3
        inbox = (await owner.execute(INBOX))["notifications"]["edges"]
        assert sorted(edge["node"]["kind"] for edge in inbox) == ["COMMENT", "FOLLOW", "REACTION"]
        assert again.ran
        assert len(mail.to(address)) == 1


class TestSmtpOutage:
    async def test_retried_with_backoff_and_delivered_once_smtp_is_back(
        self, owner, email_server, mail, engine
    ):
        # given: the SMTP server is down
        address = await address_of(owner)
        owner_pk = await user_pk(owner)
        feeder = await register_device(owner, name="Garage feeder")
        mail.stop()
        try:
            # when: an alert is raised, and tried while SMTP is away
            await post_heartbeat(email_server, feeder, hopper_pct=12)

            async def failed_twice():
                rows = await deliveries_of(engine, owner_pk)
                return rows if rows and rows[0].attempts >= 2 else None

            [waiting] = await wait_until(failed_twice)
            health_during = httpx.get(f"{email_server.base_url}/healthz").json()
        finally:
            mail.start()
        [received] = await mail.wait_for(address)

        async def settled():
            rows = await deliveries_of(engine, owner_pk)
            return rows if rows[0].status is DeliveryStatus.SENT else None

        [sent] = await wait_until(settled)

        # then
        assert health_during["deliveries"]["pending"] >= 1
        assert waiting.status is DeliveryStatus.PENDING
        assert "unreachable" in waiting.last_error
        assert waiting.next_attempt_at > waiting.created_at
        assert "Garage feeder" in received.body
        assert sent.attempts >= 3 and sent.sent_at is not None
        assert len(mail.to(address)) == 1


class TestWebhook:
    async def test_what_is_mailed_at_once_is_also_posted_signed(
        self, owner, other, email_server, mail
    ):
        with webhook_receiver() as receiver:
            # given
            address = await address_of(owner)
            bad = await owner.execute(SET_WEBHOOK, {"input": {"url": "ftp://example.com/x"}})
            set_ = (await owner.execute(SET_WEBHOOK, {"input": {"url": receiver.url}}))[
                "setNotificationWebhook"
            ]
            owner_id = (await owner.execute(ME))["me"]["id"]
            feeder = await register_device(owner, name="Porch feeder")

            # when
            await post_heartbeat(email_server, feeder, hopper_pct=12)
            [(headers, body)] = await receiver.wait_for(1)
            await mail.wait_for(address)
            mine = (await owner.execute(WEBHOOK))["me"]["notificationWebhook"]
            theirs = await other.execute(USER_WEBHOOK, {"id": owner_id})
            removed = await owner.execute(SET_WEBHOOK, {"input": {"url": None}})

        # then
        [error] = bad["setNotificationWebhook"]["userErrors"]
        assert (error["field"], error["code"]) == (["url"], "WEBHOOK_URL_INVALID")
        assert set_["userErrors"] == [] and set_["webhook"] == {"url": receiver.url}
        assert verify_webhook_signature(set_["signingSecret"], headers[SIGNATURE_HEADER], body)
        posted = json.loads(body)
        assert posted["subject"].startswith("[pawgraph] Alert: Porch feeder")
        assert "Porch feeder" in posted["text"]
        assert mine == {"url": receiver.url}
        assert theirs["node"] == {"id": owner_id, "notificationWebhook": None}
        assert removed["setNotificationWebhook"]["webhook"] is None
        assert (await owner.execute(WEBHOOK))["me"]["notificationWebhook"] is None
