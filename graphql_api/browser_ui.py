"""The pages opened in a browser, served from this package and nothing else: GraphiQL with its
explorer plugin at /graphql, Swagger UI at /docs, ReDoc at /redoc, and the owners' and staff's
live dashboard at /app/.

Their scripts and styles are vendored under ``graphql_api/static/`` at pinned versions
(``scripts/vendor-browser-assets.sh`` re-vendors them from npm), so the pages render with no
internet, and nothing is fetched at run time: no CDN, no web fonts, no validator badge. The
dashboard is built from ``clients/dashboard`` (the TypeScript SDK and graphql-ws, bundled by
esbuild with ``make clients``) into ``graphql_api/static/app/``; its responses carry a
Content-Security-Policy that lets the page load and connect to this origin only.
"""

from functools import cache
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response
from starlette.types import Scope

STATIC_PATH = "/static"
STATIC_DIR = Path(__file__).parent / "static"
_GRAPHIQL_TEMPLATE = Path(__file__).parent / "graphiql.html"
_SWAGGER_FAVICON = f"{STATIC_PATH}/swagger-ui/favicon-32x32.png"
DASHBOARD_PATH = "/app"
DASHBOARD_DIR = STATIC_DIR / "app"
# The dashboard's page may load its own files and talk to this origin (HTTP and websockets:
# CSP 3's 'self' covers ws/wss on the same host), and nothing else.
DASHBOARD_CSP = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    )
)


class DashboardFiles(StaticFiles):
    """The built dashboard, each response with its Content-Security-Policy; revalidated on
    every load, so a rebuilt bundle is picked up at once."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers["Content-Security-Policy"] = DASHBOARD_CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Cache-Control"] = "no-cache"
        return response


@cache
def graphiql_html() -> str:
    """GraphiQL's page: its asset URLs point at this server's static files."""
    return _GRAPHIQL_TEMPLATE.read_text(encoding="utf-8").replace("{static}", STATIC_PATH)


def install_dashboard(app: FastAPI) -> None:
    """The dashboard at /app/ (index.html, app.js, app.css); /app redirects there."""

    @app.get(DASHBOARD_PATH, include_in_schema=False)
    async def dashboard_slash() -> RedirectResponse:
        return RedirectResponse(f"{DASHBOARD_PATH}/")

    app.mount(DASHBOARD_PATH, DashboardFiles(directory=DASHBOARD_DIR, html=True), name="app")


def install_browser_ui(app: FastAPI, *, docs: bool) -> None:
    """Serve the vendored assets (GraphiQL's too), the dashboard and, with ``docs``, the two
    REST docs pages (the app is built with ``docs_url=None, redoc_url=None``, so FastAPI's
    CDN-linked pages are not mounted; production turns the docs off, see
    ``Settings.openapi_docs``)."""
    app.mount(STATIC_PATH, StaticFiles(directory=STATIC_DIR), name="static")
    install_dashboard(app)
    if not docs:
        return
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{STATIC_PATH}/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url=f"{STATIC_PATH}/swagger-ui/swagger-ui.css",
            swagger_favicon_url=_SWAGGER_FAVICON,
            # Swagger UI would otherwise ask validator.swagger.io about the spec.
            swagger_ui_parameters={"validatorUrl": None},
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url=openapi_url,
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{STATIC_PATH}/redoc/redoc.standalone.js",
            redoc_favicon_url=_SWAGGER_FAVICON,
            with_google_fonts=False,
        )
