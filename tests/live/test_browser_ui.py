"""GraphiQL, Swagger UI and ReDoc in a real browser with no internet: headless Chromium, every
host but loopback unreachable, loads each page from a live server, runs a query in GraphiQL and
checks what rendered. Screenshots are kept in test-artifacts/browser/ (git-ignored)."""

import json
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.factories.accounts import signed_up
from tests.support.chromium import Browser, Page, headless_chromium
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import PROJECT_ROOT, LiveServer

ARTIFACTS = PROJECT_ROOT / "test-artifacts" / "browser"
ME = "query Me { me { email role } }"
API_TITLE = "pawgraph device API"
# What a page may load besides the server itself: inline data, and blobs/workers it makes.
LOCAL_SCHEMES = ("data:", "blob:", "about:")


@pytest.fixture(scope="module")
async def browser(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Browser]:
    log = tmp_path_factory.mktemp("chromium") / "chromium.log"
    async with headless_chromium(log) as browser:
        yield browser


def foreign_requests(page: Page, server: LiveServer) -> list[str]:
    return [
        url
        for url in page.requests
        if not url.startswith(server.base_url + "/") and not url.startswith(LOCAL_SCHEMES)
    ]


async def keep_screenshot(page: Page, name: str) -> Path:
    path = await page.screenshot(ARTIFACTS / f"{name}.png")
    print(f"screenshot: {path}")
    return path


class TestGraphiQL:
    async def test_runs_a_query_offline_and_shows_the_result(
        self, browser: Browser, anonymous: GraphQLClient
    ):
        # given: a logged-in owner's token in GraphiQL's headers, a query in its editor
        owner = await signed_up(anonymous, "graphiql")
        email = (await owner.execute(ME))["me"]["email"]
        parameters = {
            "q": ME,
            "headers": json.dumps({"Authorization": f"Bearer {owner.token}"}),
        }
        page = await browser.new_page()
        await page.navigate(f"{anonymous.server.graphql_url}?{urlencode(parameters)}")
        await page.wait_for("!!document.querySelector('.graphiql-execute-button')")

        # when
        await page.evaluate("document.querySelector('.graphiql-execute-button').click()")
        shown = await page.wait_for(
            "(document.querySelector('.graphiql-response') || {}).innerText"
            f" && document.querySelector('.graphiql-response').innerText.includes({email!r})"
            " && document.querySelector('.graphiql-response').innerText"
        )
        await keep_screenshot(page, "graphiql-result")

        # then
        assert '"role": "OWNER"' in shown
        assert foreign_requests(page, anonymous.server) == []
        assert page.exceptions == []

    async def test_the_explorer_plugin_opens(self, browser: Browser, anonymous: GraphQLClient):
        # given
        page = await browser.new_page()
        await page.navigate(anonymous.server.graphql_url)
        explorer_button = "document.querySelector('button[aria-label=\"Show GraphiQL Explorer\"]')"
        await page.wait_for(f"!!{explorer_button}")

        # when
        await page.evaluate(f"{explorer_button}.click()")
        # then: the explorer lists the schema's root fields (fetched by introspection)
        fields = await page.wait_for(
            "(document.querySelector('.graphiql-explorer-root') || {}).innerText"
        )
        await keep_screenshot(page, "graphiql-explorer")
        assert "login" in fields or "me" in fields
        assert foreign_requests(page, anonymous.server) == []


class TestRestDocs:
    async def test_swagger_ui_renders_offline(self, browser: Browser, anonymous: GraphQLClient):
        # when
        page = await browser.new_page()
        await page.navigate(f"{anonymous.server.base_url}/docs")
        title = await page.wait_for(
            "(document.querySelector('.swagger-ui .title') || {}).innerText"
        )
        operations = await page.wait_for("document.querySelectorAll('.opblock').length")
        await keep_screenshot(page, "swagger-ui")

        # then
        assert API_TITLE in title
        assert operations >= 10
        assert foreign_requests(page, anonymous.server) == []
        assert page.exceptions == []

    async def test_redoc_renders_offline(self, browser: Browser, anonymous: GraphQLClient):
        # when
        page = await browser.new_page()
        await page.navigate(f"{anonymous.server.base_url}/redoc")
        heading = await page.wait_for("(document.querySelector('.api-info h1') || {}).innerText")
        menu = await page.wait_for("document.querySelectorAll('[role=menuitem]').length")
        await keep_screenshot(page, "redoc")

        # then
        assert API_TITLE in heading
        assert menu >= 5
        assert foreign_requests(page, anonymous.server) == []
        assert page.exceptions == []
