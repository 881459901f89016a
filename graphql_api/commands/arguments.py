"""What each command kind takes, which kinds of device can run it, and what confirms it."""

import json
from collections.abc import Callable
from typing import Any

from graphql_api.commands.errors import InvalidCommand
from graphql_api.commands.models import RELAY_KINDS, CommandConfirmation, CommandKind
from graphql_api.devices.models import DeviceKind

MAX_ARGS_BYTES = 4096

_FEEDER = frozenset({DeviceKind.FEEDER})
_OUTLET = frozenset({DeviceKind.OUTLET})
DEVICE_KINDS: dict[CommandKind, frozenset[DeviceKind]] = {
    CommandKind.FEED_NOW: _FEEDER,
    CommandKind.STOP_FEEDING: _FEEDER,
    CommandKind.CALIBRATE: _FEEDER,
    CommandKind.RELAY_ON: _OUTLET,
    CommandKind.RELAY_OFF: _OUTLET,
    CommandKind.SET_THRESHOLD: _OUTLET,
    CommandKind.READ_SENSORS: _OUTLET,
    # The feeder's wire has no ping; outlets, collars and battery agents answer one.
    CommandKind.PING: frozenset({DeviceKind.OUTLET, DeviceKind.COLLAR, DeviceKind.BATTERY}),
    CommandKind.TREAT: frozenset({DeviceKind.COLLAR}),
    CommandKind.APPLY_SCHEDULE: frozenset({DeviceKind.BATTERY}),
}


def _whole_number(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        return None
    return int(value)


def _portion(args: dict[str, Any]) -> dict[str, Any]:
    grams = _whole_number(args.get("grams"))
    if grams is None or not 10 <= grams <= 160 or grams % 10:
        raise InvalidCommand("A portion is 10 to 160 grams, in steps of 10.", field="grams")
    return {"grams": grams}


def _socket(args: dict[str, Any]) -> dict[str, Any]:
    socket = args.get("socket")
    if not isinstance(socket, str) or socket.lower() not in ("a", "b"):
        raise InvalidCommand("The socket is A or B.", field="socket")
    return {"socket": socket.lower()}


def _milliamps(args: dict[str, Any]) -> dict[str, Any]:
    milliamps = _whole_number(args.get("milliamps"))
    # 65535 is the outlet's overload marker, so a threshold stays below it.
    if milliamps is None or not 0 < milliamps < 65535:
        raise InvalidCommand("The threshold is 1 to 65534 mA.", field="milliamps")
    return {"milliamps": milliamps}


def _nothing(args: dict[str, Any]) -> dict[str, Any]:
    if args:
        raise InvalidCommand("This command takes no arguments.", field="args")
    return {}


def _json_object(args: dict[str, Any]) -> dict[str, Any]:
    if not args or len(json.dumps(args)) > MAX_ARGS_BYTES:
        raise InvalidCommand(
            f"Arguments are a JSON object of 1 to {MAX_ARGS_BYTES} bytes.", field="args"
        )
    return args


_ARGS: dict[CommandKind, Callable[[dict[str, Any]], dict[str, Any]]] = {
    CommandKind.FEED_NOW: _portion,
    CommandKind.STOP_FEEDING: _nothing,
    CommandKind.CALIBRATE: _nothing,
    CommandKind.RELAY_ON: _socket,
    CommandKind.RELAY_OFF: _socket,
    CommandKind.SET_THRESHOLD: _milliamps,
    CommandKind.READ_SENSORS: _nothing,
    CommandKind.PING: _nothing,
    CommandKind.TREAT: _nothing,
    CommandKind.APPLY_SCHEDULE: _json_object,
}


def clean(kind: CommandKind, args: dict[str, Any]) -> dict[str, Any]:
    """The arguments of ``kind``, checked and normalised; InvalidCommand names the bad one."""
    return _ARGS[kind](dict(args or {}))


def confirmation(kind: CommandKind, device_kind: DeviceKind) -> CommandConfirmation:
    """The one rule for what settles a command once its device fetched it.

    - Relays: the outlet's next readings show the relay (OBSERVED_STATE; FAILED when none does).
    - Anything else for an outlet (threshold, read-sensors, ping): the hub never acks and no
      reading reflects it, so delivery to the hub is all there is (DELIVERY → DELIVERED).
    - Every other device (feeder, collar, battery agent) acks each command (DEVICE_ACK).
    """
    if kind in RELAY_KINDS:
        return CommandConfirmation.OBSERVED_STATE
    if device_kind is DeviceKind.OUTLET:
        return CommandConfirmation.DELIVERY
    return CommandConfirmation.DEVICE_ACK
