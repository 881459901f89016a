"""The batteries' `pawgraph` commands: fetch-schedule and provider-demo (registered on the main
CLI by ``register``)."""

import asyncio
from typing import Annotated

import typer

from graphql_api.batteries import flows as batteries_flows
from graphql_api.batteries import provider_demo
from graphql_api.batteries.pipeline import FetchResult
from graphql_api.batteries.profiles import BatterySpec
from graphql_api.batteries.repository import ProfileRepository
from graphql_api.db import utcnow
from graphql_api.errors import DomainError
from graphql_api.settings import get_settings
from graphql_api.state import open_app_state
from graphql_api.unit_of_work import unit_of_work


async def _fetch(device_ids: list[int]) -> list[FetchResult]:
    settings = get_settings()
    async with open_app_state(settings) as state:
        # Committed, then subscribers see the new schedules and the MQTT bridges send them.
        async with unit_of_work(state) as session:
            if not device_ids:
                configured = await ProfileRepository(session).list_configured()
                device_ids = [device.id for device, _ in configured]
            results = [
                await batteries_flows.fetch_now(session, settings, device_id, utcnow())
                for device_id in device_ids
            ]
    return results


def fetch_schedule(
    device: Annotated[
        list[int] | None, typer.Option(help="Database id of a battery; repeat. Default: all.")
    ] = None,
) -> None:
    """Fetch tomorrow's schedule for batteries now: archive, validate, queue for delivery."""
    try:
        results = asyncio.run(_fetch(device or []))
    except DomainError as error:
        typer.secho(f"error: {error.message}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from error
    for result in results:
        schedule = f" message_id {result.schedule.message_id}" if result.schedule else ""
        typer.echo(
            f"battery {result.device_id} {result.for_date}: {result.outcome.value}{schedule}"
        )
        for reason in result.reasons:
            where = f"slot {reason.slot}: " if reason.slot is not None else ""
            typer.echo(f"  {where}{reason.reason}")
    accepted = all(result.schedule is not None for result in results)
    raise typer.Exit(0 if accepted else 1)


def provider_demo_command(
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8090,
    host: str = "127.0.0.1",
    fault: Annotated[
        str | None,
        typer.Option(help=f"Serve this fault to every request: {', '.join(provider_demo.FAULTS)}."),
    ] = None,
    timeout_delay: Annotated[
        float, typer.Option(help="How long the timeout fault stalls, seconds.")
    ] = provider_demo.TIMEOUT_DELAY_S,
    quiet: bool = False,
) -> None:
    """Serve the reference day-ahead schedule provider (GET /tomorrow) until interrupted."""
    if fault is not None and fault not in provider_demo.FAULTS:
        raise typer.BadParameter(f"one of {', '.join(provider_demo.FAULTS)}", param_hint="--fault")
    typer.echo(f"schedule provider on http://{host}:{port}/tomorrow", err=True)
    try:
        provider_demo.serve(host, port, fault=fault, timeout_delay=timeout_delay, verbose=not quiet)
    except KeyboardInterrupt:
        pass


def parse_battery_spec(text: str) -> BatterySpec:
    """``<max charge kW>:<max discharge kW>:<capacity kWh>:<IANA zone>``."""
    parts = text.split(":", 3)
    try:
        charge, discharge, capacity = (float(part) for part in parts[:3])
    except ValueError as error:
        raise ValueError(
            "expected <max charge kW>:<max discharge kW>:<capacity kWh>:<zone>"
        ) from error
    if len(parts) != 4:
        raise ValueError("expected <max charge kW>:<max discharge kW>:<capacity kWh>:<zone>")
    return BatterySpec(charge, discharge, capacity, parts[3])


def register(app: typer.Typer) -> None:
    app.command("fetch-schedule")(fetch_schedule)
    app.command("provider-demo")(provider_demo_command)
