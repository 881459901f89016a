"""Every setting pawgraph reads, from the environment (prefix ``PAWGRAPH_``), in one object.

Nothing else in the codebase reads ``os.environ``. Tests build their own ``Settings(...)``.
"""

import datetime as dt
import enum
import math
import os
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Annotated
from urllib.parse import unquote, urlsplit

from pydantic import BeforeValidator, Field, SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url

from graphql_api import dev_secret

# Test runs without a secret sign with one of their own, per process, written nowhere.
_TEST_SECRET = "test-" + secrets.token_urlsafe(32)
_WILDCARD_HOSTS = {"", "0.0.0.0", "::"}
# Generated once per process for development: nginx's secure_link secret for video links
# (production must set PAWGRAPH_MEDIA_SECRET).
_DEV_MEDIA_SECRET = "dev-" + secrets.token_hex(32)
# The secret is written into nginx's configuration, where `$` starts a variable and quotes end
# the string: only characters nginx reads literally.
_MEDIA_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_.~-]{16,}$")


def _seconds_or_iso(value: object) -> object:
    # Operators write PAWGRAPH_FEEDER_OFFLINE_AFTER=90; pydantic alone wants ISO 8601 (PT90S).
    if isinstance(value, str) and value.strip().replace(".", "", 1).isdigit():
        return float(value)
    return value


Duration = Annotated[timedelta, BeforeValidator(_seconds_or_iso)]

# A production signing key must carry at least this much randomness (RFC 7518 3.2: an HS256
# key of at least 256 bits).
MIN_SECRET_BYTES = 32
_MIN_SECRET_ENTROPY_BITS = 128


def estimated_entropy_bits(secret: str) -> float:
    """Shannon entropy of the characters times the length: an upper bound on the randomness a
    string can carry. ``x`` * 64 scores 0, a 64-hex-digit token about 250, a sentence of
    repeated words well under 128."""
    if not secret:
        return 0.0
    counts = {char: secret.count(char) for char in set(secret)}
    per_char = -sum(n / len(secret) * math.log2(n / len(secret)) for n in counts.values())
    return per_char * len(secret)


def _is_strong_secret(secret: str) -> bool:
    """Long enough, varied enough per character, and not a repeated pattern (a random string
    has almost no repeated 4-character runs)."""
    grams = [secret[i : i + 4] for i in range(len(secret) - 3)]
    return (
        len(secret.encode()) >= MIN_SECRET_BYTES
        and estimated_entropy_bits(secret) >= _MIN_SECRET_ENTROPY_BITS
        and estimated_entropy_bits(secret) / len(secret) >= 3.0
        and len(set(grams)) >= 0.9 * len(grams)
    )


class Environment(enum.StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class LogFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"


class SettingsError(Exception):
    """The environment does not make valid settings; the message is one line, for operators."""


class BrokerAdminKind(enum.StrEnum):
    """Who tells the MQTT broker which devices may log in (``device_mqtt.broker_admin``)."""

    # Nothing: the broker accepts whatever it is configured to (the shared development one is
    # anonymous). Refused in production when MQTT is on.
    NONE = "none"
    # Mosquitto >= 2.0 with the dynamic-security plugin, driven over $CONTROL/dynamic-security/v1.
    MOSQUITTO_DYNSEC = "mosquitto-dynsec"


class SmtpTls(enum.StrEnum):
    """How the connection to the SMTP server is protected."""

    NONE = "none"
    # Plain connect, then STARTTLS (submission, port 587).
    STARTTLS = "starttls"
    # TLS from the first byte (smtps, port 465).
    TLS = "tls"


@dataclass(frozen=True, slots=True)
class SmtpServer:
    """Where email goes out, resolved from PAWGRAPH_SMTP_URL or the host/port/... settings."""

    host: str
    port: int
    username: str | None
    password: str | None
    tls: SmtpTls
    sender: str
    timeout: float

    @property
    def is_loopback(self) -> bool:
        return self.host in _LOOPBACK_HOSTS


_LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1"}
_SMTP_DEFAULT_PORTS = {SmtpTls.NONE: 25, SmtpTls.STARTTLS: 587, SmtpTls.TLS: 465}


def _tls_for_port(port: int | None) -> SmtpTls:
    return {465: SmtpTls.TLS, 587: SmtpTls.STARTTLS}.get(port or 0, SmtpTls.NONE)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PAWGRAPH_", extra="ignore")

    env: Environment = Environment.DEVELOPMENT
    database_url: str = "sqlite+aiosqlite:///./pawgraph.db"
    broadcast_url: str = "memory://"
    # Prefix of every pub/sub channel, so deployments (or test runs) sharing one Redis never see
    # each other's events. Unset: derived from the database's name.
    channel_prefix: str | None = None
    # Events one live subscriber may have waiting; a subscriber that falls further behind is
    # dropped (websocket close code 4413), so a client that stops reading cannot grow the process.
    subscriber_queue_size: int = Field(default=1000, ge=1)
    # permessage-deflate on websockets (uvicorn's default is on). Off: an event is a few hundred
    # bytes, and compressing it again for every subscriber cost CPU per delivery, and each
    # connection's zlib contexts most of an idle subscriber's memory (130 -> 90 KB measured,
    # bench/fanout.py).
    ws_per_message_deflate: bool = False
    # How often the outbox (events committed while the bus was unreachable) is sent on; zero
    # turns the drain off.
    event_outbox_drain_interval: Duration = timedelta(seconds=2)
    # Per pool of an API process, which has two on PostgreSQL (units of work, and reads in
    # autocommit: db.create_reading_engine): N processes need up to
    # N * 2 * (pool + overflow) connections.
    database_pool_size: int = Field(default=20, ge=1)
    database_max_overflow: int = Field(default=10, ge=0)
    # Signs access tokens. Unset in development: generated once into the data folder
    # (signing_secret); production refuses to start without it.
    secret_key: SecretStr | None = None
    # Where development state is kept (the generated secret, the demo keys). Unset: the SQLite
    # file's folder, or the working directory with another database.
    data_dir: Path | None = None
    # The address `pawgraph serve` (and `make run`) listens on.
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    # Rotation: tokens signed with the previous key still verify (never signed with it) until
    # they expire; drop it one access_token_ttl after rotating.
    previous_secret_key: SecretStr | None = None
    access_token_ttl: Duration = timedelta(hours=12)
    # How long a process keeps the viewer a token named without reading the database again
    # (graphql_api/viewer_cache.py: revocations reach every process over the bus at once; this
    # is the bound when one is lost as the bus breaks). Zero reads it on every request.
    viewer_cache_ttl: Duration = timedelta(seconds=5)
    token_issuer: str = "pawgraph"
    token_audience: str = "pawgraph-apps"
    # Production refuses the embedded defaults (SQLite, memory:// pub/sub) unless this is set,
    # e.g. for a single-process demo box.
    allow_embedded_in_production: bool = False
    # Unset: on outside production, off in production (each a separate choice).
    graphql_introspection: bool | None = None
    graphiql: bool | None = None
    openapi_docs: bool | None = None
    graphql_field_suggestions: bool | None = None
    # Request bodies, checked from Content-Length before reading and while streaming (413).
    # PETio units have a 1 KB TLS buffer (WIRE.md), hubs send ~100 bytes.
    device_max_body_bytes: int = Field(default=4096, ge=256)
    # Collar batches (Petty's /ingest: up to 100 readings).
    device_batch_max_body_bytes: int = Field(default=64 * 1024, ge=1024)
    # Anonymous GraphQL requests (login, register) get the small cap; a valid bearer token the
    # large one.
    graphql_max_body_bytes: int = Field(default=262_144, ge=1024)
    graphql_anonymous_max_body_bytes: int = Field(default=16_384, ge=1024)
    # Rate limits, shared by every process through Redis (in memory with memory:// pub/sub).
    # Unset: the broadcast URL when it is redis://, else memory://.
    rate_limit_url: str | None = None
    # Overrides of named limits, JSON: {"login_per_ip": "50/15m"} (see graphql_api/ratelimit.py).
    rate_limits: dict[str, str] = Field(default_factory=dict)
    # argon2 hashes at once per process; each takes ~50 ms of one core and 64 MiB. Unset: half
    # the cores (at least 1), so guessing never takes the CPU the event loop needs.
    password_hash_workers: int | None = Field(default=None, ge=1, le=32)
    # PETio firmware ships one fleet-wide X-API-Key constant; accepting it is a hole, so it is
    # off unless an operator sets it, and refused in production.
    legacy_fleet_api_key: SecretStr | None = None
    feeder_offline_after: Duration = timedelta(seconds=90)
    device_offline_after: Duration = timedelta(seconds=120)
    # A relay command the hub fetched fails when no outlet reading shows its state within this.
    relay_confirm_timeout: Duration = timedelta(seconds=30)
    # How often each API process settles commands whose time ran out; zero turns the sweep off.
    command_expiry_interval: Duration = timedelta(seconds=5)
    # Smart-Outlet readings arrive every 2 s; one per outlet (and per hub's breaker) is stored
    # per interval, every one is still broadcast live. The original server used 5 minutes.
    telemetry_persist_interval: Duration = timedelta(minutes=5)
    # Where devices reach this server; a hub's base URL is this + /h/<hub key>. Unset: the
    # served address (host and port; 127.0.0.1 when listening on every interface).
    public_base_url: str | None = None  # never None once validated
    # How often each API process sweeps for devices gone silent; zero turns the sweep off.
    offline_check_interval: Duration = timedelta(seconds=10)
    # A feeder's food is low at or below this hopper level (WIRE.md: 20 %).
    food_low_percent: int = Field(default=20, ge=0, le=100)
    # PETio firmware that runs the check-schedule `schedules` array against UTC (WIRE.md §1):
    # exact versions or prefixes ending in x/*, comma-separated. They get an empty array.
    petio_utc_flaw_firmware: str = "1.x"
    # Told to feeders in the boot config: how often to poll for commands.
    petio_poll_interval_sec: int = Field(default=10, ge=1, le=3600)
    # The X-API-Key constant compiled into every PETio unit. When set, pairing requests (from
    # units that have no key yet) must carry it; it never authenticates a device.
    petio_fleet_api_key: SecretStr | None = None
    # The MQTT broker devices talk to, mqtt://[user:password@]host[:port]; unset: MQTT is off.
    # The user is pawgraph's own account (with broker-admin rights when mqtt_broker_admin is set).
    mqtt_url: SecretStr | None = None
    mqtt_broker_admin: BrokerAdminKind = BrokerAdminKind.NONE
    # Every API process and `pawgraph mqtt-bridge` share device topics in this group
    # ($share/<group>/...), so each device message is handled by one of them.
    mqtt_share_group: str = Field(default="pawgraph", pattern=r"^[A-Za-z0-9_-]{1,40}$")
    # Unset: pawgraph-<host>-<pid>. A fixed id lets a restarted bridge resume its broker session.
    mqtt_client_id: str | None = None
    # How long the broker keeps this process's session (and QoS 1 messages for it) when it drops.
    mqtt_session_expiry: Duration = timedelta(minutes=5)
    # Reconnect backoff doubles from 0.5 s up to this, with jitter.
    mqtt_reconnect_max_delay: Duration = timedelta(seconds=5)
    # Behaviour analysis: one batch of at most this many pets every interval, in each API
    # process (pets are claimed with SKIP LOCKED); zero turns the job off.
    behaviour_analysis_interval: Duration = timedelta(seconds=30)
    behaviour_batch_pets: int = Field(default=20, ge=1, le=1000)
    # Live video (WIRE.md section 4): collars stream RTMP to nginx, which serves HLS under this
    # base URL. Its path is the path nginx sees: signatures cover it.
    media_hls_base_url: str = "http://127.0.0.1:8088/hls"
    # Shared with nginx's secure_link_md5 (deploy/nginx/media-secret.conf).
    media_secret: SecretStr = SecretStr(_DEV_MEDIA_SECRET)
    # How long a signed video link works.
    media_link_ttl: Duration = Field(default=timedelta(minutes=5), gt=timedelta(0))
    graphql_max_depth: int = Field(default=12, ge=1)
    graphql_max_aliases: int = Field(default=30, ge=1)
    graphql_max_tokens: int = Field(default=2000, ge=1)
    # Parsed and validated documents kept per process, by text (graphql_api/document_cache.py);
    # 0 parses and validates every request.
    graphql_document_cache_size: int = Field(default=128, ge=0)
    max_page_size: int = Field(default=100, ge=1)
    # Trusted documents: a manifest {sha256: document} of the operations the apps ship
    # (clients/persisted-operations.json, written by `make clients`); clients send the hash in
    # extensions.persistedQuery. Only-mode runs nothing else (set it in production).
    persisted_documents_path: Path | None = None
    trusted_documents_only: bool = False
    # Automatic persisted queries (Apollo) for other clients: documents registered per process,
    # at most this many (least recently used out first); 0 turns APQ off.
    persisted_query_cache_size: int = Field(default=1000, ge=0)
    # Prometheus multiprocess mode: every API process of the deployment writes its metrics here
    # and /metrics adds them all up (needed with serve --workers N). Unset: per-process metrics.
    metrics_dir: Path | None = None
    log_level: str = "INFO"
    # uvicorn's line per request (`pawgraph serve`). Unset: on in development, off in production,
    # where nginx writes the access log (deploy/nginx) and a line per device reading cost 3 % of
    # the ingest path. Hub keys and PINs are redacted from it either way (logredact).
    access_log: bool | None = None
    # One JSON object per line (for log collectors) or plain text. Unset: JSON in production.
    log_format: LogFormat | None = None  # never None once validated

    # ---- MAX300 battery schedules (graphql_api/batteries) ----
    # The day-ahead schedule provider: GET <url>/tomorrow. A battery site may name its own.
    schedule_provider_url: str | None = None
    # Local time (site zone) at which tomorrow's schedule is fetched, unless the site sets one.
    schedule_fetch_local_time: dt.time = dt.time(14, 0)
    # Local time by which tomorrow's schedule must be in; after it, staff get an alert.
    schedule_missing_deadline: dt.time = dt.time(20, 0)
    schedule_fetch_timeout: Duration = timedelta(seconds=10)
    # Tries per fetch for timeouts, 5xx and refused connections, waiting backoff * 2^n between.
    schedule_fetch_attempts: int = Field(default=3, ge=1, le=10)
    schedule_fetch_backoff: Duration = timedelta(seconds=1)
    # After a daily fetch failed every try, the next run waits this long (doubling per failure).
    schedule_retry_after: Duration = timedelta(minutes=5)
    # How often each API process looks for due fetches; 0 = off. (Schedules go out with the
    # MQTT bridge's outbox sweep, at once when created and every few seconds for re-sends.)
    schedule_job_interval: Duration = timedelta(seconds=30)
    # A schedule not acked within this is sent again (same message_id), FAILED after max sends.
    schedule_ack_timeout: Duration = timedelta(seconds=60)
    schedule_max_sends: int = Field(default=5, ge=1, le=100)
    # Raw provider responses older than this are pruned.
    schedule_archive_retention: Duration = timedelta(days=90)

    # ---- email delivery of notifications (graphql_api/deliveries) ----
    # The SMTP server: smtp://[user:password@]host[:port] (STARTTLS per smtp_tls) or
    # smtps://... (TLS from the start); or the host/port/user/password settings instead (not
    # both). Neither set: email is off (the server says so once at startup).
    smtp_url: SecretStr | None = None
    smtp_host: str | None = None
    smtp_port: int | None = Field(default=None, ge=1, le=65535)
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    # none | starttls | tls. Unset: tls for smtps://, starttls on port 587, none otherwise.
    # Production refuses none unless the server is on loopback without credentials.
    smtp_tls: SmtpTls | None = None
    # The From of every email.
    smtp_from: str = "pawgraph <notifications@pawgraph.local>"
    smtp_timeout: Duration = Field(default=timedelta(seconds=10), gt=timedelta(0))
    # How often each API process sends the due emails of the outbox (at most email_send_batch
    # per run, rows claimed with SKIP LOCKED); zero turns sending off.
    email_send_interval: Duration = timedelta(seconds=5)
    email_send_batch: int = Field(default=50, ge=1, le=1000)
    # A failed send is tried again after email_retry_backoff * 2^(attempts - 1), at most
    # email_retry_max_delay apart; after email_max_attempts it is given up (FAILED, last error
    # kept on the row).
    email_max_attempts: int = Field(default=8, ge=1, le=100)
    email_retry_backoff: Duration = Field(default=timedelta(seconds=30), gt=timedelta(0))
    email_retry_max_delay: Duration = Field(default=timedelta(hours=1), gt=timedelta(0))
    # How often the social notifications a user set to DIGEST are gathered into one email per
    # user; zero turns the digest off (they wait).
    email_digest_interval: Duration = timedelta(days=1)
    # SENT and FAILED deliveries (and the digest entries they carried) older than this are
    # deleted, every delivery_prune_interval (zero turns the pruning off).
    delivery_retention: Duration = Field(default=timedelta(days=30), gt=timedelta(0))
    delivery_prune_interval: Duration = timedelta(hours=1)
    # A user's webhook (what is emailed at once is also POSTed there, signed) must answer in this.
    webhook_timeout: Duration = Field(default=timedelta(seconds=10), gt=timedelta(0))

    @model_validator(mode="after")
    def _enforce_non_default_secrets(self) -> "Settings":
        if self.env is Environment.PRODUCTION and self.secret_key is None:
            raise ValueError(
                "PAWGRAPH_SECRET_KEY must be set when PAWGRAPH_ENV=production (a long random "
                "string, e.g. from `python3 -c 'import secrets; print(secrets.token_urlsafe(48))'`)"
            )
        if self.secret_key is not None and not self.secret_key.get_secret_value().strip():
            raise ValueError("PAWGRAPH_SECRET_KEY must not be empty")
        if self.env is Environment.PRODUCTION:
            self._refuse_weak_secrets()
        if (
            self.env is Environment.PRODUCTION
            and self.mqtt_url is not None
            and self.mqtt_broker_admin is BrokerAdminKind.NONE
        ):
            raise ValueError(
                "PAWGRAPH_MQTT_BROKER_ADMIN must be set when PAWGRAPH_MQTT_URL is set in "
                "production: without it the broker does not enforce per-device credentials"
            )
        self._check_media_secret()
        if self.env is Environment.PRODUCTION and self.legacy_fleet_api_key is not None:
            raise ValueError(
                "PAWGRAPH_LEGACY_FLEET_API_KEY is refused when PAWGRAPH_ENV=production"
            )
        self._refuse_embedded_in_production()
        self._check_smtp()
        self._choose_exposure_defaults()
        if self.trusted_documents_only and self.persisted_documents_path is None:
            raise ValueError(
                "PAWGRAPH_TRUSTED_DOCUMENTS_ONLY needs PAWGRAPH_PERSISTED_DOCUMENTS_PATH (the "
                "manifest clients/persisted-operations.json)"
            )
        return self

    @model_validator(mode="after")
    def _derive_defaults(self) -> "Settings":
        if self.public_base_url is None:
            host = "127.0.0.1" if self.host in _WILDCARD_HOSTS else self.host
            host = f"[{host}]" if ":" in host else host
            self.public_base_url = f"http://{host}:{self.port}"
        if self.log_format is None:
            production = self.env is Environment.PRODUCTION
            self.log_format = LogFormat.JSON if production else LogFormat.TEXT
        if self.access_log is None:
            self.access_log = self.env is not Environment.PRODUCTION
        return self

    @property
    def signing_secret(self) -> str:
        """The key access tokens are signed with: ``secret_key``, else (development) the one
        generated once into the data folder, else (test runs) a per-process one."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        if self.env is Environment.TEST:
            return _TEST_SECRET
        return dev_secret.load_or_create(self.data_file(".secret"))

    @property
    def data_folder(self) -> Path:
        if self.data_dir is not None:
            return self.data_dir
        if self.is_sqlite:
            database = make_url(self.database_url).database
            if database and database != ":memory:" and not database.startswith("file:"):
                return Path(database).absolute().parent
        return Path.cwd()

    def data_file(self, suffix: str) -> Path:
        """A file of this database's in the data folder: ``pawgraph.db`` -> ``pawgraph<suffix>``
        beside it (one database, one secret and one set of demo keys)."""
        stem = "pawgraph"
        if self.is_sqlite:
            stem = Path(make_url(self.database_url).database or "").stem or stem
        return self.data_folder / f"{stem}{suffix}"

    def _refuse_weak_secrets(self) -> None:
        for name, key in (("", self.secret_key), ("PREVIOUS_", self.previous_secret_key)):
            if key is not None and not _is_strong_secret(key.get_secret_value()):
                raise ValueError(
                    f"PAWGRAPH_{name}SECRET_KEY must be at least {MIN_SECRET_BYTES} random bytes "
                    "in production (e.g. `python -c 'import secrets; "
                    "print(secrets.token_urlsafe(48))'`)"
                )

    def _refuse_embedded_in_production(self) -> None:
        if self.env is not Environment.PRODUCTION or self.allow_embedded_in_production:
            return
        if self.is_sqlite:
            raise ValueError(
                "PAWGRAPH_DATABASE_URL is SQLite: production needs PostgreSQL "
                "(or PAWGRAPH_ALLOW_EMBEDDED_IN_PRODUCTION=true)"
            )
        if self.broadcast_url.startswith("memory"):
            raise ValueError(
                "PAWGRAPH_BROADCAST_URL is memory://: production needs redis:// "
                "(or PAWGRAPH_ALLOW_EMBEDDED_IN_PRODUCTION=true)"
            )

    def _choose_exposure_defaults(self) -> None:
        """Schema and API documentation help attackers as much as developers: unless set, they
        are served everywhere but production."""
        exposed = self.env is not Environment.PRODUCTION
        for name in ("graphql_introspection", "graphiql", "openapi_docs"):
            if getattr(self, name) is None:
                setattr(self, name, exposed)
        if self.graphql_field_suggestions is None:
            self.graphql_field_suggestions = exposed

    @property
    def verification_keys(self) -> list[str]:
        """Keys a token's signature may verify with: the current one first."""
        keys = [self.signing_secret]
        if self.previous_secret_key is not None:
            keys.append(self.previous_secret_key.get_secret_value())
        return keys

    @property
    def effective_password_hash_workers(self) -> int:
        return self.password_hash_workers or max(1, (os.cpu_count() or 2) // 2)

    @property
    def effective_rate_limit_url(self) -> str:
        if self.rate_limit_url:
            return self.rate_limit_url
        return self.broadcast_url if self.broadcast_url.startswith("redis") else "memory://"

    def _check_media_secret(self) -> None:
        secret = self.media_secret.get_secret_value()
        if secret == _DEV_MEDIA_SECRET and self.env is Environment.PRODUCTION:
            raise ValueError("PAWGRAPH_MEDIA_SECRET must be set when PAWGRAPH_ENV=production")
        if not _MEDIA_SECRET_PATTERN.match(secret):
            raise ValueError(
                "PAWGRAPH_MEDIA_SECRET must be at least 16 letters, digits or . _ ~ - "
                "(it is written into nginx's configuration)"
            )

    @property
    def smtp_server(self) -> SmtpServer | None:
        """Where email goes out; None when email is off (no SMTP server set)."""
        if self.smtp_url is not None:
            url = urlsplit(self.smtp_url.get_secret_value())
            scheme_tls = SmtpTls.TLS if url.scheme == "smtps" else None
            tls = self.smtp_tls or scheme_tls or _tls_for_port(url.port)
            return SmtpServer(
                host=url.hostname or "",
                port=url.port or _SMTP_DEFAULT_PORTS[tls],
                username=unquote(url.username) if url.username else self.smtp_user,
                password=unquote(url.password) if url.password else self._smtp_password,
                tls=tls,
                sender=self.smtp_from,
                timeout=self.smtp_timeout.total_seconds(),
            )
        if self.smtp_host is not None:
            tls = self.smtp_tls or _tls_for_port(self.smtp_port)
            return SmtpServer(
                host=self.smtp_host,
                port=self.smtp_port or _SMTP_DEFAULT_PORTS[tls],
                username=self.smtp_user,
                password=self._smtp_password,
                tls=tls,
                sender=self.smtp_from,
                timeout=self.smtp_timeout.total_seconds(),
            )
        return None

    @property
    def email_enabled(self) -> bool:
        return self.smtp_server is not None

    @property
    def _smtp_password(self) -> str | None:
        return self.smtp_password.get_secret_value() if self.smtp_password else None

    def _check_smtp(self) -> None:
        if self.smtp_url is not None and self.smtp_host is not None:
            raise ValueError("Set PAWGRAPH_SMTP_URL or PAWGRAPH_SMTP_HOST, not both")
        if self.smtp_url is not None:
            url = urlsplit(self.smtp_url.get_secret_value())
            if url.scheme not in ("smtp", "smtps") or not url.hostname:
                raise ValueError(
                    "PAWGRAPH_SMTP_URL must be smtp://[user:password@]host[:port] or smtps://..."
                )
        server = self.smtp_server
        if server is None or self.env is not Environment.PRODUCTION:
            return
        if server.tls is SmtpTls.NONE and (server.username or not server.is_loopback):
            raise ValueError(
                "PAWGRAPH_SMTP_TLS=none is refused in production except to a relay on loopback "
                "without credentials: set starttls or tls (or an smtps:// URL)"
            )
        if server.password is not None and server.username is None:
            raise ValueError("PAWGRAPH_SMTP_PASSWORD is set without PAWGRAPH_SMTP_USER")

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def event_channel_prefix(self) -> str:
        """``<prefix>:``, from ``channel_prefix`` or else the database's name (the last path
        segment of the URL, without a file suffix): one database, one event namespace."""
        if self.channel_prefix is not None:
            return f"{self.channel_prefix}:" if self.channel_prefix else ""
        path = urlsplit(self.database_url.split("+", 1)[-1]).path
        name = PurePosixPath(path).stem or "pawgraph"
        return f"{name}:"


def settings_error_line(error: ValidationError) -> str:
    """One line naming each bad setting as an operator sets it (``PAWGRAPH_<NAME>``)."""
    problems = []
    for item in error.errors():
        message = str(item["msg"]).removeprefix("Value error, ")
        names = [str(part) for part in item["loc"] if isinstance(part, str)]
        if names:
            message = f"PAWGRAPH_{names[0].upper()}: {message}"
        problems.append(message)
    return "; ".join(problems)


@lru_cache
def get_settings() -> Settings:
    """The process's settings; SettingsError (one line) when the environment is invalid."""
    try:
        return Settings()
    except ValidationError as error:
        raise SettingsError(settings_error_line(error)) from None


def serve_at(host: str, port: int) -> Settings:
    """The settings with the address `pawgraph serve` listens on. It goes into the environment
    because uvicorn builds the app anew in each worker process, and every one must hand out hub
    URLs on the address actually served (``public_base_url``, when not set)."""
    os.environ["PAWGRAPH_HOST"] = host
    os.environ["PAWGRAPH_PORT"] = str(port)
    get_settings.cache_clear()
    return get_settings()
