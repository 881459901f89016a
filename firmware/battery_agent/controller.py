"""The battery-controller interface the agent drives, and a simulated MAX300 behind it.

The simulation models state of charge from capacity and rate: charging adds rate x time,
discharging removes it, within 0..capacity. It refuses to discharge an empty battery and to
charge a full one; the agent reports each refusal as a FAILED slot with the reason."""

import datetime as dt
from typing import Protocol

_EPSILON_KWH = 1e-6


class ControllerRefused(Exception):
    pass


class BatteryController(Protocol):
    max_charge_kw: float
    max_discharge_kw: float

    def apply(self, mode: str, rate_kw: float, at: dt.datetime) -> None: ...

    def advance(self, at: dt.datetime) -> None: ...

    def state(self) -> dict[str, float | str]: ...


class SimulatedController:
    def __init__(
        self,
        capacity_kwh: float,
        max_charge_kw: float,
        max_discharge_kw: float,
        soc_kwh: float,
    ) -> None:
        self.capacity_kwh = capacity_kwh
        self.max_charge_kw = max_charge_kw
        self.max_discharge_kw = max_discharge_kw
        self.soc_kwh = min(max(soc_kwh, 0.0), capacity_kwh)
        self.mode = "idle"
        self.rate_kw = 0.0
        self._since: dt.datetime | None = None

    def advance(self, at: dt.datetime) -> None:
        """Integrate the energy moved since the last call; stop at empty or full."""
        if self._since is not None and at > self._since:
            hours = (at - self._since).total_seconds() / 3600
            sign = {"charge": 1.0, "discharge": -1.0}.get(self.mode, 0.0)
            self.soc_kwh = min(
                max(self.soc_kwh + sign * self.rate_kw * hours, 0.0), self.capacity_kwh
            )
            if (self.mode == "discharge" and self.soc_kwh <= _EPSILON_KWH) or (
                self.mode == "charge" and self.soc_kwh >= self.capacity_kwh - _EPSILON_KWH
            ):
                self.mode, self.rate_kw = "idle", 0.0
        self._since = at

    def apply(self, mode: str, rate_kw: float, at: dt.datetime) -> None:
        self.advance(at)
        if mode == "discharge" and rate_kw > 0 and self.soc_kwh <= _EPSILON_KWH:
            raise ControllerRefused(
                f"battery empty: state of charge 0 of {self.capacity_kwh:g} kWh, cannot discharge"
            )
        if mode == "charge" and rate_kw > 0 and self.soc_kwh >= self.capacity_kwh - _EPSILON_KWH:
            raise ControllerRefused(
                f"battery full: state of charge {self.capacity_kwh:g} kWh, cannot charge"
            )
        self.mode, self.rate_kw = mode, float(rate_kw)

    def state(self) -> dict[str, float | str]:
        return {
            "soc_kwh": round(self.soc_kwh, 3),
            "soc_percent": round(100 * self.soc_kwh / self.capacity_kwh, 1),
            "mode": self.mode,
            "rate_kw": self.rate_kw,
        }
