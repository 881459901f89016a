// One line per device status kind (the DeviceStatus interface's types).
import type { DeviceStatusFieldsFragment } from "../../../typescript/src/index";

export function statusLine(status: DeviceStatusFieldsFragment | null | undefined): string {
  if (!status) return "no status yet";
  switch (status.__typename) {
    case "FeederStatus": {
      const feeds = status.dailyFeeds ?? 0;
      return `hopper ${status.hopperPercent ?? "?"} %, ${feeds} feed${feeds === 1 ? "" : "s"} today`;
    }
    case "CollarStatus":
      return `battery ${status.batteryPercent ?? "?"} %, heart rate ${status.heartRate ?? "?"}`;
    case "OutletStatus":
      return (
        `A ${status.relayA ? "on" : "off"} ${status.currentAMilliamps ?? "?"} mA, ` +
        `B ${status.relayB ? "on" : "off"} ${status.currentBMilliamps ?? "?"} mA` +
        (status.overload ? ", OVERLOAD" : "")
      );
    case "HubStatus":
      return `breaker ${status.breakerCurrentMilliamps ?? "?"} mA`;
    case "BatteryStatus":
      return status.errorMessage ?? "ok";
    default:
      return "";
  }
}
