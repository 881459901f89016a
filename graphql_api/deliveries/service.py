"""The delivery outbox's rules: what is written with a notification, and the two jobs that
send it after commit.

Writing: :func:`send_at_once` and :func:`add_to_digest` only add rows to the caller's transaction
(never a network call): a rolled-back write sends nothing, a committed one is sent by a job
however the request ended.

Sending (``email-send`` job, :func:`send_due`): due PENDING rows are claimed with
``FOR UPDATE SKIP LOCKED`` (PostgreSQL), sent one by one, and each is marked SENT, or tried
again after ``email_retry_backoff * 2^(attempts - 1)`` (capped by ``email_retry_max_delay``),
or FAILED after ``email_max_attempts`` with its last error kept. Delivery is at least once: a
process that dies after the SMTP server took a message and before its commit sends it again
(the Message-ID is the same, so a receiving server may drop it).
"""

import datetime as dt
import ipaddress
import itertools
import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_writer
from graphql_api.db import EMAIL_ENABLED, utcnow
from graphql_api.deliveries.channels import (
    Channel,
    DeliveryFailed,
    EmailChannel,
    OutgoingMessage,
    WebhookChannel,
    is_public_address,
)
from graphql_api.deliveries.errors import WebhookUrlInvalid
from graphql_api.deliveries.models import (
    Delivery,
    DeliveryChannel,
    DeliveryKind,
    DeliveryStatus,
    DigestEntry,
    WebhookEndpoint,
)
from graphql_api.deliveries.repository import DeliveryRepository, WebhookRepository
from graphql_api.settings import Environment, Settings

logger = logging.getLogger(__name__)

MAX_SUBJECT = 200
MAX_ERROR = 500
MAX_ENTRY = 300
# Digest entries gathered per run.
DIGEST_BATCH = 2000


def email_on(session: AsyncSession) -> bool:
    """Whether this process sends email (PAWGRAPH_SMTP_* set): nothing is queued otherwise,
    so a deployment without SMTP grows no backlog."""
    return bool(session.info.get(EMAIL_ENABLED))


# ---- written with the notification -------------------------------------------------------------


async def send_at_once(
    session: AsyncSession,
    *,
    user_id: int,
    subject: str,
    body: str,
    notification_id: int | None = None,
) -> list[Delivery]:
    """Queue ``user_id``'s message in the caller's transaction, due at once: an email (when
    this process has SMTP) and a webhook POST (when the user has set a webhook)."""
    channels = []
    if email_on(session):
        channels.append(DeliveryChannel.EMAIL)
    if await WebhookRepository(session).has_endpoint(user_id):
        channels.append(DeliveryChannel.WEBHOOK)
    repository = DeliveryRepository(session)
    now = utcnow()
    queued = [
        repository.add(
            Delivery(
                user_id=user_id,
                channel=channel,
                kind=DeliveryKind.IMMEDIATE,
                notification_id=notification_id,
                subject=subject[:MAX_SUBJECT],
                body=body,
                status=DeliveryStatus.PENDING,
                attempts=0,
                next_attempt_at=now,
                created_at=now,
            )
        )
        for channel in channels
    ]
    if queued:
        await repository.flush()
    return queued


async def add_to_digest(
    session: AsyncSession, *, user_id: int, text: str, notification_id: int | None = None
) -> DigestEntry | None:
    """Keep ``text`` for ``user_id``'s next digest email; None when email is off."""
    if not email_on(session):
        return None
    repository = DeliveryRepository(session)
    entry = repository.add(
        DigestEntry(
            user_id=user_id,
            notification_id=notification_id,
            text=text[:MAX_ENTRY],
            created_at=utcnow(),
        )
    )
    await repository.flush()
    return entry


# ---- the jobs ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SendReport:
    sent: int = 0
    retrying: int = 0
    given_up: int = 0

    def __str__(self) -> str:
        return f"{self.sent} sent, {self.retrying} to retry, {self.given_up} given up"


def retry_delay(settings: Settings, attempts: int) -> dt.timedelta:
    """The wait after the ``attempts``-th failed attempt: doubling, capped."""
    doubled = settings.email_retry_backoff * (2 ** min(attempts - 1, 30))
    return min(doubled, settings.email_retry_max_delay)


def webhooks_public_only(settings: Settings) -> bool:
    """Whether webhooks may reach public addresses only (https, never a loopback or private
    address): in production, where the server's own network must stay out of users' reach."""
    return settings.env is Environment.PRODUCTION


def channels_for(settings: Settings) -> dict[DeliveryChannel, Channel]:
    """The channels this process sends: webhooks always, email when SMTP is set."""
    # The URL was checked when set, but a name can resolve anywhere, and change what it
    # resolves to: the channel checks the addresses again at every delivery.
    webhooks = WebhookChannel(
        timeout=settings.webhook_timeout.total_seconds(),
        allowed=is_public_address if webhooks_public_only(settings) else None,
    )
    channels: dict[DeliveryChannel, Channel] = {DeliveryChannel.WEBHOOK: webhooks}
    server = settings.smtp_server
    if server is not None:
        channels[DeliveryChannel.EMAIL] = EmailChannel(server)
    return channels


async def send_due(
    session: AsyncSession,
    settings: Settings,
    now: dt.datetime,
    channels: dict[DeliveryChannel, Channel] | None = None,
) -> SendReport:
    """Job body (``email-send``): send the due deliveries, recording each outcome."""
    channels = channels_for(settings) if channels is None else channels
    if not channels:
        return SendReport()
    repository = DeliveryRepository(session)
    sent = retrying = given_up = 0
    down: set[DeliveryChannel] = set()
    due = await repository.claim_due(now, settings.email_send_batch, list(channels))
    for delivery, address, secret in due:
        if delivery.channel in down:  # it would wait on the same dead server: next run
            continue
        channel = channels[delivery.channel]
        message = OutgoingMessage(
            delivery.id, address or "", delivery.subject, delivery.body, signing_secret=secret
        )
        attempts = delivery.attempts + 1
        try:
            if address is None:
                raise DeliveryFailed("the user has no webhook any more")
            await channel.send(message)
        except DeliveryFailed as error:
            values: dict[str, object] = {"attempts": attempts, "last_error": str(error)[:MAX_ERROR]}
            if attempts >= settings.email_max_attempts:
                values["status"] = DeliveryStatus.FAILED
                given_up += 1
                logger.warning(
                    "delivery %d given up after %d attempts: %s", delivery.id, attempts, error
                )
            else:
                values["next_attempt_at"] = now + retry_delay(settings, attempts)
                retrying += 1
            await repository.settle(delivery.id, **values)
            if error.server_down:
                down.add(delivery.channel)
        else:
            await repository.settle(
                delivery.id, status=DeliveryStatus.SENT, attempts=attempts, sent_at=utcnow()
            )
            sent += 1
    return SendReport(sent=sent, retrying=retrying, given_up=given_up)


def _digest_body(entries: list[DigestEntry]) -> str:
    lines = [f"- {entry.text}" for entry in entries]
    return (
        f"Here is what happened since your last digest ({len(entries)}):\n\n"
        + "\n".join(lines)
        + "\n\nOpen pawgraph to see them. You get this digest because these kinds of "
        "notification are set to DIGEST in your notification preferences.\n"
    )


async def gather_digests(session: AsyncSession, settings: Settings, now: dt.datetime) -> int:
    """Job body (``email-digest``): each user's waiting digest entries become one email, at
    most one per ``email_digest_interval`` per user. Returns how many digests were queued."""
    if not settings.email_enabled:
        return 0
    repository = DeliveryRepository(session)
    entries = await repository.claim_digest_entries(DIGEST_BATCH)
    if not entries:
        return 0
    last = await repository.last_digest_at(sorted({entry.user_id for entry in entries}))
    queued = 0
    for user_id, group in itertools.groupby(entries, key=lambda entry: entry.user_id):
        mine = list(group)
        previous = last.get(user_id)
        if previous is not None and now - previous < settings.email_digest_interval:
            continue  # this period's digest went out already; they wait for the next
        delivery = repository.add(
            Delivery(
                user_id=user_id,
                channel=DeliveryChannel.EMAIL,
                kind=DeliveryKind.DIGEST,
                subject=f"[pawgraph] Your digest: {len(mine)} new notifications",
                body=_digest_body(mine),
                status=DeliveryStatus.PENDING,
                attempts=0,
                next_attempt_at=now,
                created_at=now,
            )
        )
        await repository.flush()
        await repository.attach_entries([entry.id for entry in mine], delivery.id)
        queued += 1
    return queued


async def prune(session: AsyncSession, settings: Settings, now: dt.datetime) -> int:
    """Job body (``delivery-prune``): forget deliveries settled more than
    ``delivery_retention`` ago. Returns how many were deleted."""
    return await DeliveryRepository(session).delete_settled_before(
        now - settings.delivery_retention
    )


async def for_user(session: AsyncSession, user_id: int) -> list[Delivery]:
    """A user's deliveries, oldest first (operators and tests)."""
    return await DeliveryRepository(session).for_user(user_id)


async def backlog(session: AsyncSession) -> dict[str, int]:
    """How many deliveries wait to be sent, and how many were given up (``/healthz``)."""
    counts = await DeliveryRepository(session).unsent_counts()
    return {
        "pending": counts.get(DeliveryStatus.PENDING, 0),
        "failed": counts.get(DeliveryStatus.FAILED, 0),
    }


# ---- webhooks ----------------------------------------------------------------------------------

MAX_URL = 2000


def _check_url(url: str, *, public_only: bool) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if len(url) > MAX_URL or parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookUrlInvalid(field="url")
    if public_only:
        if parts.scheme != "https":
            raise WebhookUrlInvalid("Give an https:// URL.", field="url")
        try:
            address = ipaddress.ip_address(parts.hostname)
        except ValueError:
            address = None
        local = address is not None and not is_public_address(address)
        if parts.hostname == "localhost" or local:
            raise WebhookUrlInvalid("Give a public address, not a local one.", field="url")
    return url


@dataclass(frozen=True, slots=True)
class WebhookSet:
    endpoint: WebhookEndpoint | None
    # The key deliveries are signed with: shown once, when it is set.
    secret: str | None


async def set_webhook(
    session: AsyncSession,
    viewer: Viewer | None,
    url: str | None,
    now: dt.datetime,
    *,
    public_only: bool,
) -> WebhookSet:
    """Set (or, with None, remove) the viewer's webhook, with a new signing secret each time.
    ``public_only`` (production): https to a host that is not a local address literal."""
    viewer = require_writer(viewer)
    repository = WebhookRepository(session)
    if url is None:
        await repository.remove(viewer.user_id)
        return WebhookSet(endpoint=None, secret=None)
    secret = "whsec_" + secrets.token_urlsafe(32)
    await repository.put(viewer.user_id, _check_url(url, public_only=public_only), secret, now)
    [endpoint] = await repository.for_users([viewer.user_id])
    return WebhookSet(endpoint=endpoint, secret=secret)


async def webhooks_of(
    session: AsyncSession, viewer: Viewer | None, user_ids: Sequence[int]
) -> list[WebhookEndpoint | None]:
    """Each user's webhook, for the viewer's own id only (None for anyone else)."""
    if viewer is None or viewer.user_id not in user_ids:
        return [None] * len(user_ids)
    [mine] = await WebhookRepository(session).for_users([viewer.user_id])
    return [mine if user_id == viewer.user_id else None for user_id in user_ids]


def announce(settings: Settings) -> None:
    """Say once at startup whether notifications are emailed, and through what."""
    server = settings.smtp_server
    if server is None:
        # A warning, so it shows under uvicorn's default logging (no app INFO).
        logger.warning(
            "Email is off: PAWGRAPH_SMTP_URL (or PAWGRAPH_SMTP_HOST) is not set, notifications "
            "stay in the app"
        )
        return
    logger.info(
        "Email is on: SMTP %s:%d (TLS %s), from %s",
        server.host,
        server.port,
        server.tls.value,
        server.sender,
    )
