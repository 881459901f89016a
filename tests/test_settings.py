import datetime as dt
import os
import secrets
import stat
import warnings

import pytest
from pydantic import ValidationError

from graphql_api.settings import (
    Environment,
    LogFormat,
    Settings,
    SettingsError,
    get_settings,
    settings_error_line,
)
from tests.support.environment import deploy_env_example

REAL_SECRET = secrets.token_urlsafe(48)
REAL_MEDIA_SECRET = "a-real-media-secret-0123456789"
PRODUCTION_SERVICES = {
    "PAWGRAPH_DATABASE_URL": "postgresql+psycopg://db.internal/pawgraph",
    "PAWGRAPH_BROADCAST_URL": "redis://cache.internal:6379/0",
    "PAWGRAPH_MEDIA_SECRET": REAL_MEDIA_SECRET,
}


def production(monkeypatch, **extra: str) -> None:
    monkeypatch.setenv("PAWGRAPH_ENV", "production")
    for name, value in {**PRODUCTION_SERVICES, **extra}.items():
        monkeypatch.setenv(name, value)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """Each test sees only the PAWGRAPH_ variables it sets."""
    for name in list(os.environ):
        if name.startswith("PAWGRAPH_") and not name.startswith("PAWGRAPH_TEST_"):
            monkeypatch.delenv(name)


class TestProduction:
    def test_the_deploy_example_starts_once_its_blanks_are_filled(self, monkeypatch):
        # given: the example as an operator copies it, with what it leaves blank generated
        example = deploy_env_example()
        blanks = sorted(name for name, value in example.items() if not value)
        assert blanks == ["PAWGRAPH_MEDIA_SECRET", "PAWGRAPH_SECRET_KEY"]
        for name, value in example.items():
            monkeypatch.setenv(name, value or secrets.token_hex(32))

        # when
        settings = Settings()

        # then
        assert settings.env is Environment.PRODUCTION
        assert settings.broadcast_url.startswith("redis://")

    def test_refuses_to_start_without_a_secret(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_ENV", "production")

        # when / then
        with pytest.raises(ValidationError, match="PAWGRAPH_SECRET_KEY must be set"):
            Settings()

    def test_says_what_to_set_in_one_line(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_ENV", "production")
        get_settings.cache_clear()

        # when
        with pytest.raises(SettingsError) as refused:
            get_settings()

        # then
        line = str(refused.value)
        assert "\n" not in line
        assert line.startswith("PAWGRAPH_SECRET_KEY must be set when PAWGRAPH_ENV=production")
        assert "secrets.token_urlsafe" in line

    def test_logs_json(self, monkeypatch):
        # given
        production(monkeypatch, PAWGRAPH_SECRET_KEY=REAL_SECRET)

        # then
        assert Settings().log_format is LogFormat.JSON

    def test_leaves_the_access_log_to_nginx(self, monkeypatch):
        # given
        production(monkeypatch, PAWGRAPH_SECRET_KEY=REAL_SECRET)

        # then
        assert Settings().access_log is False

    def test_refuses_the_legacy_fleet_key(self, monkeypatch):
        # given
        production(monkeypatch, PAWGRAPH_SECRET_KEY=REAL_SECRET)
        monkeypatch.setenv("PAWGRAPH_LEGACY_FLEET_API_KEY", "petio-fleet-constant")

        # when / then
        with pytest.raises(ValidationError, match="PAWGRAPH_LEGACY_FLEET_API_KEY is refused"):
            Settings()

    def test_refuses_mqtt_without_broker_enforced_device_logins(self, monkeypatch):
        # given
        production(
            monkeypatch,
            PAWGRAPH_SECRET_KEY=REAL_SECRET,
            PAWGRAPH_MQTT_URL="mqtt://pawgraph:secret@broker:1883",
        )

        # when / then
        with pytest.raises(ValidationError, match="PAWGRAPH_MQTT_BROKER_ADMIN must be set"):
            Settings()
        monkeypatch.setenv("PAWGRAPH_MQTT_BROKER_ADMIN", "mosquitto-dynsec")
        assert Settings().mqtt_url.get_secret_value().startswith("mqtt://")

    def test_refuses_the_generated_media_secret(self, monkeypatch):
        # given
        production(monkeypatch, PAWGRAPH_SECRET_KEY=REAL_SECRET)
        monkeypatch.delenv("PAWGRAPH_MEDIA_SECRET")

        # when / then
        with pytest.raises(ValidationError, match="PAWGRAPH_MEDIA_SECRET must be set"):
            Settings()

    def test_refuses_a_media_secret_nginx_would_read_as_a_variable(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_MEDIA_SECRET", "secret-with-$uri-inside-it")

        # when / then
        with pytest.raises(ValidationError, match="PAWGRAPH_MEDIA_SECRET must be at least 16"):
            Settings()

    def test_starts_with_a_real_secret_and_no_warning(self, monkeypatch):
        # given
        production(monkeypatch, PAWGRAPH_SECRET_KEY=REAL_SECRET)

        # when
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            settings = Settings()

        # then
        assert settings.env is Environment.PRODUCTION
        assert settings.secret_key.get_secret_value() == REAL_SECRET
        assert settings.legacy_fleet_api_key is None

    @pytest.mark.parametrize(
        "secret",
        ["x", "x" * 64, "password" * 6, "abcdefghijklmnopqrstuvwxyz012345" * 2, "0123456789" * 4],
    )
    def test_refuses_a_secret_of_too_little_randomness(self, monkeypatch, secret):
        # given
        production(monkeypatch, PAWGRAPH_SECRET_KEY=secret)

        # when / then
        with pytest.raises(ValidationError, match="at least 32 random bytes"):
            Settings()

    def test_refuses_a_weak_previous_secret(self, monkeypatch):
        # given
        production(
            monkeypatch, PAWGRAPH_SECRET_KEY=REAL_SECRET, PAWGRAPH_PREVIOUS_SECRET_KEY="x" * 40
        )

        # when / then
        with pytest.raises(ValidationError, match="PREVIOUS_SECRET_KEY must be at least"):
            Settings()

    @pytest.mark.parametrize(
        ("name", "value", "complaint"),
        [
            ("PAWGRAPH_DATABASE_URL", "sqlite+aiosqlite:///./pawgraph.db", "is SQLite"),
            ("PAWGRAPH_BROADCAST_URL", "memory://", "is memory://"),
        ],
    )
    def test_refuses_the_embedded_defaults(self, monkeypatch, name, value, complaint):
        # given
        production(monkeypatch, PAWGRAPH_SECRET_KEY=REAL_SECRET, **{name: value})

        # when / then
        with pytest.raises(ValidationError, match=complaint):
            Settings()

    def test_allows_the_embedded_defaults_when_told_to(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_ENV", "production")
        monkeypatch.setenv("PAWGRAPH_SECRET_KEY", REAL_SECRET)
        monkeypatch.setenv("PAWGRAPH_MEDIA_SECRET", REAL_MEDIA_SECRET)
        monkeypatch.setenv("PAWGRAPH_ALLOW_EMBEDDED_IN_PRODUCTION", "true")

        # when
        settings = Settings()

        # then
        assert settings.is_sqlite

    def test_hides_the_schema_and_the_docs_by_default(self, monkeypatch):
        # given
        production(monkeypatch, PAWGRAPH_SECRET_KEY=REAL_SECRET)

        # when
        settings = Settings()

        # then
        assert settings.graphql_introspection is False
        assert settings.graphiql is False
        assert settings.openapi_docs is False
        assert settings.graphql_field_suggestions is False

    def test_each_exposure_is_a_setting(self, monkeypatch):
        # given
        production(monkeypatch, PAWGRAPH_SECRET_KEY=REAL_SECRET, PAWGRAPH_GRAPHIQL="true")

        # when
        settings = Settings()

        # then
        assert settings.graphiql is True
        assert settings.graphql_introspection is False


class TestEverywhere:
    def test_an_empty_secret_is_refused(self):
        # when / then
        with pytest.raises(ValidationError, match="must not be empty"):
            Settings(env=Environment.TEST, secret_key="")

    def test_outside_production_the_schema_and_docs_are_served(self):
        # when
        settings = Settings(env=Environment.TEST, secret_key=REAL_SECRET)

        # then
        assert settings.graphql_introspection and settings.graphiql and settings.openapi_docs

    def test_trusted_documents_only_needs_a_manifest(self):
        # when / then
        with pytest.raises(ValidationError, match="PAWGRAPH_PERSISTED_DOCUMENTS_PATH"):
            Settings(env=Environment.TEST, secret_key=REAL_SECRET, trusted_documents_only=True)

    def test_persisted_documents_are_off_by_default_and_apq_on(self):
        # when
        settings = Settings(env=Environment.TEST, secret_key=REAL_SECRET)

        # then
        assert settings.trusted_documents_only is False
        assert settings.persisted_documents_path is None
        assert settings.persisted_query_cache_size > 0


class TestDevelopment:
    def test_generates_a_secret_once_into_the_data_folder(self, tmp_path):
        # given
        settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'pets.db'}")

        # when
        secret = settings.signing_secret

        # then: next to the SQLite file, readable by its owner only
        kept = tmp_path / "pets.secret"
        assert kept.read_text().strip() == secret
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        assert len(secret) >= 64

    def test_a_restarted_server_signs_with_the_same_secret(self, tmp_path):
        # given
        first = Settings(data_dir=tmp_path / "first")
        (tmp_path / "again").mkdir()
        (tmp_path / "again" / "pawgraph.secret").write_text(first.signing_secret + "\n")

        # when
        restarted = Settings(data_dir=tmp_path / "again")

        # then
        assert restarted.signing_secret == first.signing_secret

    def test_an_operators_secret_wins_and_no_file_is_written(self, tmp_path, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_SECRET_KEY", REAL_SECRET)

        # when
        settings = Settings(data_dir=tmp_path)

        # then
        assert settings.signing_secret == REAL_SECRET
        assert list(tmp_path.iterdir()) == []

    def test_constructing_settings_neither_warns_nor_writes(self, tmp_path):
        # when
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            Settings(data_dir=tmp_path)

        # then
        assert list(tmp_path.iterdir()) == []

    def test_logs_plain_text(self):
        # then
        assert Settings().log_format is LogFormat.TEXT

    def test_writes_the_access_log(self):
        # then
        assert Settings().access_log is True

    def test_allows_the_legacy_fleet_key_when_an_operator_sets_it(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_SECRET_KEY", REAL_SECRET)
        monkeypatch.setenv("PAWGRAPH_MEDIA_SECRET", REAL_MEDIA_SECRET)
        monkeypatch.setenv("PAWGRAPH_LEGACY_FLEET_API_KEY", "petio-fleet-constant")

        # when
        settings = Settings()

        # then
        assert settings.legacy_fleet_api_key.get_secret_value() == "petio-fleet-constant"


class TestEnvironmentVariables:
    def test_are_read_with_the_pawgraph_prefix(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_ENV", "test")
        monkeypatch.setenv("PAWGRAPH_DATABASE_URL", "postgresql+psycopg://db.internal/pawgraph")
        monkeypatch.setenv("PAWGRAPH_BROADCAST_URL", "redis://cache.internal:6379/2")
        monkeypatch.setenv("PAWGRAPH_SECRET_KEY", REAL_SECRET)
        monkeypatch.setenv("PAWGRAPH_MAX_PAGE_SIZE", "25")
        monkeypatch.setenv("PAWGRAPH_ACCESS_TOKEN_TTL", "PT30M")

        # when
        settings = Settings()

        # then
        assert settings.env is Environment.TEST
        assert settings.database_url == "postgresql+psycopg://db.internal/pawgraph"
        assert settings.broadcast_url == "redis://cache.internal:6379/2"
        assert settings.max_page_size == 25
        assert settings.access_token_ttl == dt.timedelta(minutes=30)
        assert settings.is_sqlite is False

    def test_unprefixed_names_are_ignored(self, monkeypatch):
        # given
        monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://elsewhere/other")
        monkeypatch.setenv("SECRET_KEY", REAL_SECRET)
        monkeypatch.setenv("PAWGRAPH_ENV", "test")

        # when
        settings = Settings()

        # then
        assert settings.database_url.startswith("sqlite+aiosqlite://")
        assert settings.broadcast_url == "memory://"
        assert settings.secret_key is None
        assert settings.signing_secret != REAL_SECRET

    def test_a_bad_value_is_refused_naming_the_setting(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_ENV", "test")
        monkeypatch.setenv("PAWGRAPH_MAX_PAGE_SIZE", "0")

        # when / then
        with pytest.raises(ValidationError, match="max_page_size"):
            Settings()


class TestChannelPrefix:
    def test_is_derived_from_the_database_name(self):
        # given
        settings = Settings(database_url="postgresql+psycopg://u@localhost:5432/pawgraph_prod")

        # then
        assert settings.event_channel_prefix == "pawgraph_prod:"

    def test_of_an_sqlite_file_is_its_stem(self):
        # given
        settings = Settings(database_url="sqlite+aiosqlite:///./data/pawgraph.db")

        # then
        assert settings.event_channel_prefix == "pawgraph:"

    def test_an_explicit_setting_wins(self):
        # given
        settings = Settings(channel_prefix="blue", database_url="sqlite+aiosqlite:///./x.db")

        # then
        assert settings.event_channel_prefix == "blue:"


class TestServedAddress:
    def test_hub_urls_follow_the_served_port(self):
        # when
        settings = Settings(port=8123)

        # then
        assert settings.public_base_url == "http://127.0.0.1:8123"

    def test_every_interface_is_reached_on_loopback(self):
        # when
        settings = Settings(host="0.0.0.0", port=9000)

        # then
        assert settings.public_base_url == "http://127.0.0.1:9000"

    def test_an_explicit_public_url_wins(self):
        # when
        settings = Settings(port=8123, public_base_url="https://pets.example")

        # then
        assert settings.public_base_url == "https://pets.example"


class TestErrorLine:
    def test_names_the_environment_variable(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_MAX_PAGE_SIZE", "0")

        # when
        with pytest.raises(ValidationError) as refused:
            Settings()

        # then
        assert settings_error_line(refused.value) == (
            "PAWGRAPH_MAX_PAGE_SIZE: Input should be greater than or equal to 1"
        )


class TestSmtp:
    def test_unset_email_is_off(self):
        # when
        settings = Settings()

        # then
        assert settings.smtp_server is None and not settings.email_enabled

    def test_a_url_gives_host_port_credentials_and_tls(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_SMTP_URL", "smtps://mailer:p%40ss@mail.example.com")

        # when
        server = Settings().smtp_server

        # then
        assert (server.host, server.port, server.tls.value) == ("mail.example.com", 465, "tls")
        assert (server.username, server.password) == ("mailer", "p@ss")

    def test_host_settings_and_starttls_on_submission(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_SMTP_HOST", "mail.example.com")
        monkeypatch.setenv("PAWGRAPH_SMTP_PORT", "587")
        monkeypatch.setenv("PAWGRAPH_SMTP_USER", "mailer")
        monkeypatch.setenv("PAWGRAPH_SMTP_PASSWORD", "secret")

        # when
        server = Settings().smtp_server

        # then
        assert (server.port, server.tls.value, server.password) == (587, "starttls", "secret")

    def test_url_and_host_together_are_refused(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_SMTP_URL", "smtp://127.0.0.1:2525")
        monkeypatch.setenv("PAWGRAPH_SMTP_HOST", "mail.example.com")

        # then
        with pytest.raises(ValidationError, match="not both"):
            Settings()

    def test_production_refuses_plaintext_with_credentials_or_off_loopback(self, monkeypatch):
        # given
        production(monkeypatch, PAWGRAPH_SECRET_KEY=REAL_SECRET)
        monkeypatch.setenv("PAWGRAPH_SMTP_URL", "smtp://mailer:secret@mail.example.com:25")

        # then
        with pytest.raises(ValidationError, match="PAWGRAPH_SMTP_TLS=none is refused"):
            Settings()

    def test_production_takes_a_loopback_relay_or_tls(self, monkeypatch):
        # given
        production(monkeypatch, PAWGRAPH_SECRET_KEY=REAL_SECRET)
        monkeypatch.setenv("PAWGRAPH_SMTP_URL", "smtp://127.0.0.1:25")
        relay = Settings().smtp_server
        monkeypatch.setenv("PAWGRAPH_SMTP_URL", "smtp://mailer:secret@mail.example.com:587")

        # when
        submission = Settings().smtp_server

        # then
        assert relay.tls.value == "none"
        assert submission.tls.value == "starttls"
