"""The `pawgraph` command: serve, migrate, seed demo data, manage users and devices, export the
schema."""

import asyncio
import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from alembic import command
from alembic.config import Config

import migrations
from firmware import hub_fleet, simulator
from graphql_api.accounts import service as accounts_service
from graphql_api.accounts.repository import UserRepository
from graphql_api.auth import Role, Viewer
from graphql_api.db import create_engine, create_sessionmaker, unit_of_work
from graphql_api.devices import service as devices_service
from graphql_api.devices.models import DeviceKind
from graphql_api.errors import DomainError
from graphql_api.outlets import service as outlets_service
from graphql_api.pagination import PageArgs
from graphql_api.pets import service as pets_service
from graphql_api.pets.models import ActivityLevel, Species
from graphql_api.schema import build_schema
from graphql_api.settings import get_settings

app = typer.Typer(help="pawgraph: the connected-pets GraphQL API.", no_args_is_help=True)

DEMO_EMAIL = "demo@pawgraph.local"
# A demo account for a local sandbox, printed by seed-demo on purpose; not a secret.
DEMO_PASSWORD = "sandbox-pawgraph-2026"


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
    engine = create_engine(get_settings().database_url)
    try:
        async with unit_of_work(create_sessionmaker(engine)) as session:
            return await work(session)
    finally:
        await engine.dispose()


async def _viewer_for(session, email: str) -> Viewer:
    user = await UserRepository(session).get_by_email(accounts_service.normalize_email(email))
    if user is None:
        raise DomainError(f"No user with email {email}.")
    return Viewer(user_id=user.id, role=user.role)


@app.command()
def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: Annotated[
        int, typer.Option(help="More than one needs PAWGRAPH_BROADCAST_URL=redis://…")
    ] = 1,
    reload: bool = False,
) -> None:
    """Serve GraphQL at /graphql and the device shim at /api/."""
    settings = get_settings()
    if workers > 1 and settings.broadcast_url.startswith("memory"):
        typer.secho(
            "memory:// pub/sub is per process; with several workers set a redis:// URL.",
            fg="yellow",
        )
    uvicorn.run(
        "graphql_api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        reload=reload,
        log_level=settings.log_level.lower(),
    )


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
) -> None:
    """Register a device to a user and print its API key (shown once)."""

    async def work(session):
        viewer = await _viewer_for(session, owner_email)
        registration = devices_service.DeviceRegistration(
            kind=kind, name=name, hardware_id=hardware_id, parent_id=parent_hub
        )
        return await devices_service.register(session, viewer, registration)

    issued = _run(_with_session(work))
    typer.echo(f"device {issued.device.id} {issued.device.kind.value} {issued.device.hardware_id}")
    typer.echo(f"api key (shown once): {issued.api_key}")


@app.command("seed-demo")
def seed_demo() -> None:
    """Create (or refresh) a demo owner with pets and devices; prints the login and device keys."""
    issued = _run(_with_session(_seed_demo))
    typer.echo(f"demo login: {DEMO_EMAIL} / {DEMO_PASSWORD}")
    hub_url = outlets_service.base_url_prefix(get_settings())
    for key in issued:
        device = key.device
        typer.echo(
            f"  {device.kind.value:<7} {device.hardware_id:<13} {device.name:<18} key {key.api_key}"
        )
        if device.kind is DeviceKind.HUB:
            # The hub sends no auth header: its owner types this base URL into its portal.
            typer.echo(f"{'':<41}base URL {hub_url}{key.api_key}")


async def _seed_demo(session) -> list[devices_service.IssuedKey]:
    repository = UserRepository(session)
    if await repository.get_by_email(DEMO_EMAIL) is None:
        registration = accounts_service.Registration(
            DEMO_EMAIL, DEMO_PASSWORD, "Demo Owner", "Asia/Manila"
        )
        await accounts_service.register(session, registration)
    viewer = await _viewer_for(session, DEMO_EMAIL)
    page, _ = await devices_service.list_for_viewer(session, viewer, _all())
    if page.items:
        # Keys are stored only as hashes: re-seeding issues fresh ones so they can be printed.
        return [
            await devices_service.rotate_key(session, viewer, device.id) for device in page.items
        ]
    today = dt.date.today()
    rex = await pets_service.create(
        session,
        viewer,
        pets_service.PetData(
            name="Rex", species=Species.DOG, breed="Beagle", activity_level=ActivityLevel.HIGH
        ),
        today,
    )
    await pets_service.create(
        session, viewer, pets_service.PetData(name="Mochi", species=Species.CAT), today
    )
    register = devices_service.DeviceRegistration
    issued = [
        await devices_service.register(
            session,
            viewer,
            register(DeviceKind.FEEDER, "Kitchen feeder", "ESP-0081CA63", pet_id=rex.id),
        ),
        await devices_service.register(
            session, viewer, register(DeviceKind.COLLAR, "Rex's collar", "SN-12345", pet_id=rex.id)
        ),
        await devices_service.register(
            session, viewer, register(DeviceKind.HUB, "Garage hub", "02")
        ),
    ]
    hub = issued[-1].device
    issued.append(
        await devices_service.register(
            session, viewer, register(DeviceKind.OUTLET, "Heater outlet", "FE", parent_id=hub.id)
        )
    )
    return issued


def _all() -> PageArgs:
    return PageArgs(limit=100, forward=True, cursor=None)


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


@app.command()
def simulate(
    device: Annotated[
        list[str] | None, typer.Option(help="A feeder as ESP-XXXXXXXX:<key>; repeat for more.")
    ] = None,
    devices_file: Annotated[
        Path | None, typer.Option(help="A file of ESP-XXXXXXXX:<key> lines.")
    ] = None,
    hub: Annotated[
        list[str] | None,
        typer.Option(help="A Smart-Outlet hub as CC:<base URL with its key>; repeat for more."),
    ] = None,
    base_url: str = "http://127.0.0.1:8000",
    interval: Annotated[float, typer.Option(min=0.01, help="Seconds between heartbeats.")] = 60.0,
    hub_cycle: Annotated[float, typer.Option(min=0.01, help="Seconds between hub cycles.")] = 2.0,
    duration: Annotated[float, typer.Option(min=0.01, help="Stop after this many seconds.")] = 60.0,
    count: Annotated[
        int | None, typer.Option(min=1, help="Stop once every feeder has sent this many.")
    ] = None,
    cycles: Annotated[
        int | None, typer.Option(min=1, help="Stop once every hub has run this many cycles.")
    ] = None,
    fleet_api_key: Annotated[
        str | None, typer.Option(help="Send as X-API-Key, device keys as X-Device-Key (paired).")
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Make simulated values reproducible.")] = None,
) -> None:
    """Run simulated PETio feeders (heartbeats) and Smart-Outlet hubs (their 2 s cycle) against
    a server, bounded in time and count; print a summary, exit 1 unless all was accepted."""
    try:
        devices = [simulator.parse_device(spec) for spec in device or []]
        if devices_file is not None:
            devices += simulator.read_devices_file(devices_file)
        hubs = [hub_fleet.parse_hub(spec) for spec in hub or []]
    except (OSError, ValueError) as error:
        raise typer.BadParameter(str(error)) from error
    if not devices and not hubs:
        raise typer.BadParameter("give at least one --device, --devices-file or --hub")
    summary = simulator.simulate(
        base_url,
        devices,
        hubs,
        interval=interval,
        duration=duration,
        count=count,
        cycles=cycles,
        hub_cycle=hub_cycle,
        fleet_api_key=fleet_api_key,
        seed=seed,
    )
    typer.echo(summary.render())
    raise typer.Exit(0 if summary.all_accepted else 1)
