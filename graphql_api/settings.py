"""Every setting pawgraph reads, from the environment (prefix ``PAWGRAPH_``), in one object.

Nothing else in the codebase reads ``os.environ``. Tests build their own ``Settings(...)``.
"""

import enum
import secrets
import warnings
from datetime import timedelta
from functools import lru_cache
from typing import Annotated

from pydantic import BeforeValidator, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Generated once per process: a development server works out of the box, but tokens it signs
# do not survive a restart, and production refuses to start with it.
_DEV_SECRET = "dev-" + secrets.token_urlsafe(32)


def _seconds_or_iso(value: object) -> object:
    # Operators write PAWGRAPH_FEEDER_OFFLINE_AFTER=90; pydantic alone wants ISO 8601 (PT90S).
    if isinstance(value, str) and value.strip().replace(".", "", 1).isdigit():
        return float(value)
    return value


Duration = Annotated[timedelta, BeforeValidator(_seconds_or_iso)]


class Environment(enum.StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PAWGRAPH_", extra="ignore")

    env: Environment = Environment.DEVELOPMENT
    database_url: str = "sqlite+aiosqlite:///./pawgraph.db"
    broadcast_url: str = "memory://"
    # Per API process; with N processes PostgreSQL needs N * (pool + overflow) connections.
    database_pool_size: int = Field(default=20, ge=1)
    database_max_overflow: int = Field(default=10, ge=0)
    secret_key: SecretStr = SecretStr(_DEV_SECRET)
    access_token_ttl: Duration = timedelta(hours=12)
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
    # Where devices reach this server; a hub's base URL is this + /h/<hub key>.
    public_base_url: str = "http://127.0.0.1:8000"
    # Mounts /bench/bare, the bare endpoint bench/ingest.py compares the ingest route with.
    bench_endpoints: bool = False
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
    graphql_max_depth: int = Field(default=12, ge=1)
    graphql_max_aliases: int = Field(default=30, ge=1)
    graphql_max_tokens: int = Field(default=2000, ge=1)
    max_page_size: int = Field(default=100, ge=1)
    log_level: str = "INFO"

    @model_validator(mode="after")
    def _enforce_non_default_secrets(self) -> "Settings":
        if self.secret_key.get_secret_value() == _DEV_SECRET:
            if self.env is Environment.PRODUCTION:
                raise ValueError("PAWGRAPH_SECRET_KEY must be set when PAWGRAPH_ENV=production")
            if self.env is Environment.DEVELOPMENT:
                warnings.warn(
                    "PAWGRAPH_SECRET_KEY is not set: using a random development secret; "
                    "tokens will not survive a restart.",
                    stacklevel=2,
                )
        if self.env is Environment.PRODUCTION and self.legacy_fleet_api_key is not None:
            raise ValueError(
                "PAWGRAPH_LEGACY_FLEET_API_KEY is refused when PAWGRAPH_ENV=production"
            )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
