// Staff: the whole fleet, filtered by kind, online and owner (the Devices query's filters; an
// owner sees only their own devices whatever they ask).
import { DevicesDocument, type DeviceKind } from "../../../typescript/src/index";
import { field, h, head, onlineLabel, replace, when } from "../dom";
import { api, errorText, type Scope } from "../session";
import { statusLine } from "./status";

const KINDS: DeviceKind[] = ["FEEDER", "COLLAR", "HUB", "OUTLET", "BATTERY"];

export async function fleetView(view: HTMLElement, _scope: Scope): Promise<void> {
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const body = h("tbody", {});
  const total = h("span", { "data-testid": "fleet-total" });
  const form = h(
    "form",
    { "data-testid": "fleet-filter" },
    h(
      "select",
      { name: "kind" },
      h("option", { value: "" }, "any kind"),
      ...KINDS.map((kind) => h("option", { value: kind }, kind)),
    ),
    h(
      "select",
      { name: "online" },
      h("option", { value: "" }, "online or not"),
      h("option", { value: "true" }, "online"),
      h("option", { value: "false" }, "offline"),
    ),
    h("input", { name: "owner", placeholder: "owner id (User global id)" }),
    h("button", { type: "submit" }, "Filter"),
  );
  const load = async () => {
    const kind = field(form, "kind");
    const online = field(form, "online");
    const owner = field(form, "owner").trim();
    const { devices } = await api().request(DevicesDocument, {
      kind: kind ? (kind as DeviceKind) : null,
      online: online ? online === "true" : null,
      ownerId: owner || null,
      first: 100,
    });
    replace(total, `${devices.totalCount} device(s)`);
    replace(
      body,
      ...devices.edges.map(({ node }) =>
        h(
          "tr",
          { "data-testid": "fleet-row", "data-device-id": node.id },
          h("td", {}, h("a", { href: `#/device/${node.id}` }, node.name)),
          h("td", {}, node.kind),
          h("td", {}, node.hardwareId),
          h("td", {}, onlineLabel(node.online)),
          h("td", {}, statusLine(node.status)),
          h("td", { class: "muted" }, when(node.lastSeenAt)),
        ),
      ),
    );
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    replace(errors);
    load().catch((error: unknown) =>
      replace(errors, h("div", { "data-testid": "error" }, errorText(error))),
    );
  });
  replace(
    view,
    h(
      "section",
      { "data-testid": "fleet" },
      h("h2", {}, "Fleet "),
      total,
      form,
      errors,
      h(
        "table",
        {},
        head("Name", "Kind", "Hardware id", "Online", "Status", "Last seen"),
        body,
      ),
    ),
  );
  await load();
}
