"""``pawgraph simulate``: device fleets from ``firmware/`` against a server, bounded in time and
count: PETio feeders and Smart-Outlet hubs over HTTP (shown live), Hetri collars and MAX300
battery agents over MQTT."""

import datetime as dt
import time
from pathlib import Path
from typing import Annotated

import typer

from firmware import collar_fleet, hub_fleet, simulator
from firmware.battery_agent import fleet as battery_fleet
from firmware.sim_display import LiveView
from graphql_api import demo
from graphql_api.devices.models import DeviceKind
from graphql_api.settings import get_settings


def simulate(
    demo_devices: Annotated[
        bool,
        typer.Option("--demo", help="The devices seed-demo made (their keys are on file)."),
    ] = False,
    device: Annotated[
        list[str] | None, typer.Option(help="A feeder as ESP-XXXXXXXX:<key>; repeat for more.")
    ] = None,
    devices_file: Annotated[
        Path | None, typer.Option(help="A file of ESP-XXXXXXXX:<key> lines.")
    ] = None,
    hub: Annotated[
        list[str] | None,
        typer.Option(help="A Smart-Outlet hub as CC:<its base URL> or CC:<its key>; repeat."),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            help="The server, for every device (hubs too). Default: where seed-demo "
            "printed its URLs for --demo, else PAWGRAPH_PUBLIC_BASE_URL."
        ),
    ] = None,
    interval: Annotated[
        float, typer.Option(min=0.01, help="Seconds between a feeder's heartbeats.")
    ] = simulator.DEFAULT_INTERVAL_S,
    hub_cycle: Annotated[float, typer.Option(min=0.01, help="Seconds between hub cycles.")] = 2.0,
    duration: Annotated[float, typer.Option(min=0.01, help="Run this many seconds.")] = 60.0,
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
    collar: Annotated[
        list[str] | None,
        typer.Option(help="A Hetri collar over MQTT as <device id>:<password>; repeat for more."),
    ] = None,
    mqtt_url: Annotated[
        str, typer.Option(help="The broker the collars and battery agents log in to.")
    ] = "mqtt://127.0.0.1:1883",
    collar_interval: Annotated[
        float, typer.Option(min=0.05, help="Seconds between a collar's telemetry readings.")
    ] = 5.0,
    battery: Annotated[
        list[str] | None,
        typer.Option(help="A MAX300 battery agent as <device id>:<password>; repeat for more."),
    ] = None,
    battery_zone: Annotated[str, typer.Option(help="The batteries' site time zone.")] = "UTC",
    battery_speed: Annotated[
        float, typer.Option(min=1.0, help="Battery clock speed: 7200 runs a day in 12 s.")
    ] = 1.0,
    battery_clock_start: Annotated[
        dt.datetime | None, typer.Option(help="Site-local time the battery clocks start at.")
    ] = None,
    battery_state_dir: Annotated[
        Path, typer.Option(help="Where each battery agent keeps its SQLite file.")
    ] = Path("battery-agents"),
    petty_collar: Annotated[
        list[str] | None,
        typer.Option(help="A Petty collar over HTTP as <collar id>:<key> (SN-12345:...); repeat."),
    ] = None,
    petty_interval: Annotated[
        float, typer.Option(min=0.01, help="Seconds between a Petty collar's readings.")
    ] = 10.0,
    readings: Annotated[
        int | None, typer.Option(min=1, help="Stop once every Petty collar has posted this many.")
    ] = None,
    bearer: Annotated[
        bool, typer.Option(help="Petty collars send their key as Authorization: Bearer.")
    ] = False,
) -> None:
    """Run simulated devices against a server: PETio feeders (heartbeats), Smart-Outlet hubs
    (their 2 s cycle) and Petty collars (a reading every 10 s) shown live; Hetri collars (MQTT
    telemetry, treats) and MAX300 battery agents. Print a summary, exit 1 unless all was
    accepted (and every MQTT device connected)."""
    settings = get_settings()
    device_specs, hub_specs = list(device or []), list(hub or [])
    server = base_url
    if demo_devices:
        kept = demo.read_keys(settings.data_file(demo.KEYS_FILE_SUFFIX))
        if kept is None:
            raise typer.BadParameter("no demo keys on file: run `pawgraph seed-demo` first")
        server = server or kept.base_url
        device_specs += [f"{d.hardware_id}:{d.api_key}" for d in kept.of_kind(DeviceKind.FEEDER)]
        hub_specs += [f"{d.hardware_id}:{d.api_key}" for d in kept.of_kind(DeviceKind.HUB)]
    server = server or settings.public_base_url
    try:
        devices = [simulator.parse_device(spec) for spec in device_specs]
        if devices_file is not None:
            devices += simulator.read_devices_file(devices_file)
        # A hub given by key, or any hub when --base-url is given, talks to that server.
        hubs = [
            hub_fleet.parse_hub(spec, base_url or _bare_key_server(spec, server))
            for spec in hub_specs
        ]
        petty_collars = [simulator.parse_collar(spec) for spec in petty_collar or []]
        mqtt_fleets = _mqtt_fleets(
            collar, battery, mqtt_url, collar_interval, seed,
            battery_zone, battery_speed, battery_clock_start, battery_state_dir,
        )  # fmt: skip
    except (OSError, ValueError) as error:
        raise typer.BadParameter(str(error)) from error
    if not devices and not hubs and not petty_collars and not mqtt_fleets:
        raise typer.BadParameter(
            "give --demo, or at least one --device, --devices-file, --hub, --petty-collar, "
            "--collar or --battery"
        )
    for mqtt_fleet in mqtt_fleets:
        mqtt_fleet.start(duration)
    http_ok = True
    if devices or hubs or petty_collars:
        with LiveView(duration) as view:
            summary = simulator.simulate(
                server,
                devices,
                hubs,
                interval=interval,
                duration=duration,
                count=count,
                cycles=cycles,
                hub_cycle=hub_cycle,
                fleet_api_key=fleet_api_key,
                seed=seed,
                observer=view,
                collars=petty_collars,
                collar_interval=petty_interval,
                readings=readings,
                bearer=bearer,
            )
        typer.echo(summary.render())
        http_ok = summary.all_accepted
    else:
        time.sleep(duration)
    mqtt_ok = True
    for mqtt_fleet in mqtt_fleets:
        mqtt_fleet.stop()
        typer.echo(mqtt_fleet.render())
        mqtt_ok = mqtt_ok and mqtt_fleet.all_connected
    raise typer.Exit(0 if http_ok and mqtt_ok else 1)


def _mqtt_fleets(
    collar, battery, mqtt_url, collar_interval, seed, zone, speed, clock_start, state_dir
) -> list:
    collars = [collar_fleet.parse_collar(spec) for spec in collar or []]
    batteries = [battery_fleet.parse_battery(spec) for spec in battery or []]
    fleets: list = []
    if collars:
        fleets.append(collar_fleet.CollarFleet(collars, mqtt_url, collar_interval, seed))
    if batteries:
        broker_host, broker_port = collar_fleet.parse_broker(mqtt_url)
        fleets.append(
            battery_fleet.BatteryFleet(
                batteries, broker_host, broker_port, state_dir=str(state_dir),
                zone=zone, speed=speed, clock_start=clock_start,
            )
        )  # fmt: skip
    return fleets


def _bare_key_server(spec: str, server: str) -> str | None:
    """The server for a hub given as ``CC:<key>``; None (its own URL) for ``CC:<URL>``."""
    return None if "://" in spec else server


def register(app: typer.Typer) -> None:
    app.command()(simulate)
