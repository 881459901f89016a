// The home page: the viewer's pets with their devices, and every device of theirs with its live
// status (DeviceStatus, one subscription for each of the first LIVE_DEVICES).
import {
  DashboardDocument,
  DevicesDocument,
  DeviceStatusDocument,
} from "../../../typescript/src/index";
import { h, onlineLabel, replace, when } from "../dom";
import { api, type Scope, session } from "../session";
import { statusLine } from "./status";

const LIVE_DEVICES = 25;

export async function petsView(view: HTMLElement, scope: Scope): Promise<void> {
  const [{ me }, { devices }] = await Promise.all([
    api().request(DashboardDocument, { pets: 50, devicesPerPet: 20 }),
    // The viewer's own devices (staff and admins see the whole fleet on the fleet page).
    api().request(DevicesDocument, { ownerId: session()?.user.id ?? null, first: 100 }),
  ]);
  const pets = me?.pets?.edges.map((edge) => edge.node) ?? [];
  const live = h("div", { class: "errors", "data-testid": "live-error" });
  const rows = devices.edges.map(({ node: device }) => {
    const online = h("td", { "data-testid": "device-online" }, onlineLabel(device.online));
    const status = h("td", { "data-testid": "device-status" }, statusLine(device.status));
    const seen = h("td", { class: "muted" }, when(device.lastSeenAt));
    return {
      device,
      online,
      status,
      seen,
      row: h(
        "tr",
        { "data-testid": "device-row", "data-device-id": device.id },
        h("td", {}, h("a", { href: `#/device/${device.id}` }, device.name)),
        h("td", {}, device.kind),
        h("td", {}, device.pet?.name ?? "—"),
        online,
        status,
        seen,
      ),
    };
  });
  for (const row of rows.slice(0, LIVE_DEVICES)) {
    scope.follow(
      api().subscribe(DeviceStatusDocument, { deviceId: row.device.id }),
      ({ deviceStatus }) => {
        // The first event is the subscription's snapshot: from then on the row is live.
        row.row.dataset["live"] = "true";
        replace(row.online, onlineLabel(deviceStatus.online));
        replace(row.status, statusLine(deviceStatus));
        replace(row.seen, when(deviceStatus.lastSeenAt));
      },
      (message) => replace(live, message),
    );
  }
  replace(
    view,
    h(
      "section",
      { "data-testid": "pets" },
      h("h2", {}, "Pets"),
      pets.length === 0 ? h("p", { class: "muted" }, "No pets yet.") : null,
      ...pets.map((pet) =>
        h(
          "div",
          { "data-testid": "pet" },
          h("h3", {}, `${pet.name} (${pet.species.toLowerCase()})`),
          pet.devices.totalCount === 0 ? h("p", { class: "muted" }, "No devices.") : null,
          h(
            "ul",
            {},
            ...pet.devices.edges.map(({ node }) =>
              h(
                "li",
                {},
                h("a", { href: `#/device/${node.id}` }, node.name),
                ` ${node.kind} `,
                onlineLabel(node.online),
                node.openAlerts.length ? ` — ${node.openAlerts.length} open alert(s)` : "",
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      "section",
      { "data-testid": "devices" },
      h("h2", {}, `Devices (${devices.totalCount})`),
      live,
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...["Name", "Kind", "Pet", "Online", "Status", "Last seen"].map((t) => h("th", {}, t)),
          ),
        ),
        h("tbody", {}, ...rows.map((row) => row.row)),
      ),
    ),
  );
}
