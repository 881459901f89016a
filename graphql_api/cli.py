"""The `pawgraph` command: serve, migrate, seed demo data, manage users and devices, export the
schema."""

import asyncio
import contextlib
import datetime as dt
import logging
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from alembic import command
from alembic.config import Config

import migrations
from device_mqtt.broker_admin import build_device_broker
from device_mqtt.runtime import run_standalone
from graphql_api import demo, simulation, ws_protocol
from graphql_api.accounts import service as accounts_service
from graphql_api.accounts.repository import UserRepository
from graphql_api.auth import Role, Viewer
from graphql_api.batteries import cli as batteries_cli
from graphql_api.behaviour import cli as behaviour_cli
from graphql_api.devices import service as devices_service
from graphql_api.devices.models import DeviceKind
from graphql_api.errors import DomainError
from graphql_api.jobs import service as jobs_service
from graphql_api.logs import configure_logging, logging_config
from graphql_api.outlets import service as outlets_service
from graphql_api.schema import build_schema
from graphql_api.settings import SettingsError, get_settings, serve_at
from graphql_api.state import open_app_state
from graphql_api.unit_of_work import unit_of_work

app = typer.Typer(help="pawgraph: the connected-pets GraphQL API.", no_args_is_help=True)
logger = logging.getLogger("pawgraph.cli")
batteries_cli.register(app)
simulation.register(app)
app.add_typer(behaviour_cli.app, name="behaviour")


@app.callback()
def main() -> None:
    """Settings are read (and refused in one line) and logging set up before any command."""
    try:
        settings = get_settings()
    except SettingsError as error:
        typer.secho(f"pawgraph: {error}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from None
    configure_logging(settings)


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.attributes["database_url"] = database_url
    return config


def _run(coroutine):
    try:
        return asyncio.run(coroutine)
    except DomainError as error:
        typer.secho(f"error: {error.message}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from error


async def _with_session(work):
    """Run ``work(session)`` in one unit of work, as an API request would."""
    async with open_app_state(get_settings()) as state, unit_of_work(state) as session:
        return await work(session)


async def _viewer_for(session, email: str) -> Viewer:
    user = await UserRepository(session).get_by_email(accounts_service.normalize_email(email))
    if user is None:
        raise DomainError(f"No user with email {email}.")
    return Viewer(user_id=user.id, role=user.role)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Default PAWGRAPH_HOST, 127.0.0.1")] = None,
    port: Annotated[int | None, typer.Option(help="Default PAWGRAPH_PORT, 8000")] = None,
    workers: Annotated[
        int, typer.Option(help="More than one needs PAWGRAPH_BROADCAST_URL=redis://…")
    ] = 1,
    reload: bool = False,
) -> None:
    """Serve GraphQL at /graphql and the device shim at /api/."""
    configured = get_settings()
    settings = serve_at(host or configured.host, port or configured.port)
    if workers > 1 and settings.broadcast_url.startswith("memory"):
        logger.warning("memory:// pub/sub is per process; with several workers set a redis:// URL.")
    # Generated (and its creation logged) once here, not by each worker at its first login.
    settings.signing_secret  # noqa: B018
    logger.info(
        "GraphiQL at http://%s:%s/graphql, REST docs at /docs; devices reach %s",
        settings.host,
        settings.port,
        settings.public_base_url,
    )
    uvicorn.run(
        "graphql_api.server:create_served_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=workers,
        reload=reload,
        log_level=settings.log_level.lower(),
        log_config=logging_config(settings),
        access_log=bool(settings.access_log),
        # A websocket message is a GraphQL operation: the same cap as a signed-in POST body
        # (uvicorn's default is 16 MiB).
        ws_max_size=settings.graphql_max_body_bytes,
        ws_per_message_deflate=settings.ws_per_message_deflate,
        # uvicorn's websocket protocol, holding less for each open socket.
        ws=ws_protocol.IMPORT_PATH,
        # Client addresses (rate limits, logs) from X-Forwarded-For, trusted from a proxy on
        # loopback only (uvicorn's FORWARDED_ALLOW_IPS changes that).
        proxy_headers=True,
        server_header=False,
    )


@app.command("mqtt-bridge")
def mqtt_bridge() -> None:
    """Run the MQTT door alone (device topics in, commands out), beside or instead of the API
    processes' own; several bridges share the device topics (PAWGRAPH_MQTT_SHARE_GROUP)."""
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_standalone(get_settings()))


@app.command()
def jobs() -> None:
    """List the periodic jobs every API process runs, with their last run and last error."""

    async def report() -> dict:
        async with open_app_state(get_settings()) as state:
            return await jobs_service.status(state)

    for name, job in _run(report()).items():
        state = {True: "ok", False: "FAILED", None: "never ran"}[job["succeeded"]]
        typer.echo(f"{name}  every {job['interval_s']:g} s  {state}  {job['summary']}")
        typer.echo(
            f"    last run {job['last_run_at'] or '-'} by {job['process'] or '-'}: "
            f"{job['outcome'] or '-'} ({job['runs']} runs)"
        )
        if job["last_error"]:
            typer.echo(f"    last error {job['last_error_at']}: {job['last_error']}")


@app.command()
def migrate(revision: str = "heads") -> None:
    """Bring the database schema up to date (Alembic)."""
    command.upgrade(alembic_config(get_settings().database_url), revision)
    typer.echo(f"database at {revision}")


@app.command("create-user")
def create_user(
    email: str,
    display_name: Annotated[str, typer.Option("--name")],
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)],
    role: Role = Role.OWNER,
    time_zone: str = "UTC",
) -> None:
    """Create a user (OWNER, STAFF or ADMIN)."""
    registration = accounts_service.Registration(email, password, display_name, time_zone, role)
    user = _run(_with_session(lambda session: accounts_service.register(session, registration)))
    typer.echo(f"created {user.role.value} {user.email} (id {user.id})")


@app.command("register-device")
def register_device(
    owner_email: Annotated[str, typer.Option("--owner")],
    kind: DeviceKind,
    hardware_id: str,
    name: str,
    parent_hub: Annotated[
        int | None, typer.Option(help="Database id of the hub (outlets only)")
    ] = None,
    battery: Annotated[
        str | None,
        typer.Option(
            help="Batteries: <max charge kW>:<max discharge kW>:<capacity kWh>:<site time zone>"
        ),
    ] = None,
) -> None:
    """Register a device to a user and print its API key (shown once)."""
    try:
        spec = batteries_cli.parse_battery_spec(battery) if battery else None
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--battery") from error

    async def work(session):
        viewer = await _viewer_for(session, owner_email)
        registration = devices_service.DeviceRegistration(
            kind=kind, name=name, hardware_id=hardware_id, parent_id=parent_hub, battery=spec
        )
        broker = build_device_broker(get_settings())
        return await devices_service.register(session, viewer, registration, broker)

    issued = _run(_with_session(work))
    if issued.mqtt_username:
        typer.echo(f"MQTT username: {issued.mqtt_username} (password: the API key)")
    typer.echo(f"device {issued.device.id} {issued.device.kind.value} {issued.device.hardware_id}")
    typer.echo(f"api key (shown once): {issued.api_key}")


@app.command("seed-demo")
def seed_demo() -> None:
    """Create the demo owner, pets and devices if missing; print the login and device keys (the
    same ones every time, kept in the data folder beside the database)."""
    settings = get_settings()
    keys_file = settings.data_file(demo.KEYS_FILE_SUFFIX)
    kept = demo.read_keys(keys_file)
    now = dt.datetime.now(dt.UTC)
    seeded = _run(_with_session(lambda session: demo.seed(session, kept, now.date(), now)))
    hub_url = outlets_service.base_url_prefix(settings)
    demo.write_keys(keys_file, demo.DemoKeys(base_url=settings.public_base_url, devices=seeded))
    typer.echo(f"demo login: {demo.DEMO_EMAIL} / {demo.DEMO_PASSWORD}")
    for device in seeded:
        typer.echo(
            f"  {device.kind.value:<7} {device.hardware_id:<13} {device.name:<18} "
            f"key {device.api_key}"
        )
        if device.renewed_because:
            typer.echo(f"{'':<41}new key: {device.renewed_because}")
        if device.kind is DeviceKind.HUB:
            # The hub sends no auth header: its owner types this base URL into its portal.
            typer.echo(f"{'':<41}base URL {hub_url}{device.api_key}")
    typer.echo(f"keys kept in {keys_file}; simulate them: pawgraph simulate --demo")


@app.command("export-schema")
def export_schema(
    path: Path = Path("schema.graphql"),
    check: Annotated[
        bool, typer.Option(help="Exit 1 if the file differs instead of writing it")
    ] = False,
) -> None:
    """Write the GraphQL SDL to schema.graphql (the contract the apps build against)."""
    sdl = build_schema(get_settings()).as_str() + "\n"
    if check:
        if not path.exists() or path.read_text() != sdl:
            typer.secho(f"{path} is out of date: run `pawgraph export-schema`", fg="red", err=True)
            raise typer.Exit(1)
        typer.echo(f"{path} is up to date")
        return
    path.write_text(sdl)
    typer.echo(f"wrote {path}")
