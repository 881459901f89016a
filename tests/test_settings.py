import datetime as dt
import os
import warnings

import pytest
from pydantic import ValidationError

from graphql_api.settings import Environment, Settings

REAL_SECRET = "a-real-production-secret-0123456789"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """Each test sees only the PAWGRAPH_ variables it sets."""
    for name in list(os.environ):
        if name.startswith("PAWGRAPH_") and not name.startswith("PAWGRAPH_TEST_"):
            monkeypatch.delenv(name)


class TestProduction:
    def test_refuses_the_generated_development_secret(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_ENV", "production")

        # when / then
        with pytest.raises(ValidationError, match="PAWGRAPH_SECRET_KEY must be set"):
            Settings()

    def test_refuses_the_legacy_fleet_key(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_ENV", "production")
        monkeypatch.setenv("PAWGRAPH_SECRET_KEY", REAL_SECRET)
        monkeypatch.setenv("PAWGRAPH_LEGACY_FLEET_API_KEY", "petio-fleet-constant")

        # when / then
        with pytest.raises(ValidationError, match="PAWGRAPH_LEGACY_FLEET_API_KEY is refused"):
            Settings()

    def test_starts_with_a_real_secret_and_no_warning(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_ENV", "production")
        monkeypatch.setenv("PAWGRAPH_SECRET_KEY", REAL_SECRET)

        # when
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            settings = Settings()

        # then
        assert settings.env is Environment.PRODUCTION
        assert settings.secret_key.get_secret_value() == REAL_SECRET
        assert settings.legacy_fleet_api_key is None


class TestDevelopment:
    def test_warns_loudly_about_the_generated_secret(self):
        # when
        with pytest.warns(UserWarning, match="PAWGRAPH_SECRET_KEY is not set"):
            settings = Settings()

        # then
        assert settings.env is Environment.DEVELOPMENT
        assert settings.secret_key.get_secret_value().startswith("dev-")

    def test_the_generated_secret_is_not_shown_in_reprs(self):
        # when
        with pytest.warns(UserWarning):
            settings = Settings()

        # then
        assert settings.secret_key.get_secret_value() not in repr(settings)

    def test_allows_the_legacy_fleet_key_when_an_operator_sets_it(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_SECRET_KEY", REAL_SECRET)
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
        assert settings.secret_key.get_secret_value() != REAL_SECRET

    def test_a_bad_value_is_refused_naming_the_setting(self, monkeypatch):
        # given
        monkeypatch.setenv("PAWGRAPH_ENV", "test")
        monkeypatch.setenv("PAWGRAPH_MAX_PAGE_SIZE", "0")

        # when / then
        with pytest.raises(ValidationError, match="max_page_size"):
            Settings()
