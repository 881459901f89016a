// One device: its live status, the panel of its kind (outlet, hub, feeder, collar), and the
// progress of its commands as they change (CommandUpdated).
import {
  CommandsDocument,
  CreateFeedingScheduleDocument,
  DeleteFeedingScheduleDocument,
  FeedingSchedulesDocument,
  UpdateFeedingScheduleDocument,
  CommandUpdatedDocument,
  CutAllPowerDocument,
  DeviceByIdDocument,
  DeviceStatusDocument,
  FeedNowDocument,
  HubStateDocument,
  OutletStateDocument,
  SetRelayDocument,
  SetThresholdDocument,
  TelemetryUpdatedDocument,
  TreatDocument,
  type CommandFieldsFragment,
  type FeedingScheduleFieldsFragment,
  type Socket,
} from "../../../typescript/src/index";
import { field, h, onlineLabel, replace, when } from "../dom";
import { api, type Scope, showErrors } from "../session";
import { sparkline } from "./sparkline";
import { statusLine } from "./status";

type Device = Extract<
  NonNullable<Awaited<ReturnType<typeof loadDevice>>>,
  { __typename: "Device" }
>;

async function loadDevice(id: string) {
  return (await api().request(DeviceByIdDocument, { id })).node;
}

export async function deviceView(view: HTMLElement, scope: Scope, id: string): Promise<void> {
  const node = await loadDevice(id).catch(() => null);
  if (!node || node.__typename !== "Device") {
    // Another user's device and a device that does not exist look alike.
    replace(view, h("section", { "data-testid": "not-found" }, h("h2", {}, "Device not found")));
    return;
  }
  const device: Device = node;
  const online = h("span", { "data-testid": "device-online" }, onlineLabel(device.online));
  const status = h("span", { "data-testid": "device-status" }, statusLine(device.status));
  const seen = h("span", { "data-testid": "last-seen" }, when(device.lastSeenAt));
  const live = h("div", { class: "errors", "data-testid": "live-error" });
  scope.follow(
    api().subscribe(DeviceStatusDocument, { deviceId: device.id }),
    ({ deviceStatus }) => {
      replace(online, onlineLabel(deviceStatus.online));
      replace(status, statusLine(deviceStatus));
      replace(seen, when(deviceStatus.lastSeenAt ?? device.lastSeenAt));
    },
    (message) => replace(live, message),
  );
  const commands = await commandsPanel(scope, device.id, live);
  const panel = await kindPanel(scope, device, live);
  replace(
    view,
    h(
      "section",
      { "data-testid": "device", "data-device-id": device.id },
      h("h1", {}, device.name),
      h("p", {}, `${device.kind} ${device.hardwareId} — `, online, " — ", status),
      h("p", { class: "muted" }, "last seen ", seen),
      live,
    ),
    panel,
    commands,
  );
}

async function kindPanel(scope: Scope, device: Device, live: HTMLElement) {
  switch (device.kind) {
    case "OUTLET":
      return outletPanel(scope, device, live);
    case "HUB":
      return hubPanel(scope, device, live);
    case "FEEDER":
      return h("div", {}, feederPanel(device), await schedulesPanel(device));
    case "COLLAR":
      return collarPanel(device);
    default:
      return null;
  }
}

// ---- commands ---------------------------------------------------------------------------------

function describe(command: CommandFieldsFragment, seen: string[]): HTMLLIElement {
  const history = command.transitions.map((transition) => transition.status).join(" → ");
  return h(
    "li",
    { "data-testid": "command", "data-command-id": command.id, "data-status": command.status },
    h("strong", {}, command.kind),
    ` ${JSON.stringify(command.args)} `,
    h("span", { "data-testid": "command-status" }, command.status),
    seen.length ? h("span", { "data-testid": "command-live" }, ` live: ${seen.join(" → ")}`) : "",
    h("span", { class: "muted" }, ` (${history})`),
    command.reason ? ` ${command.reason}` : "",
  );
}

async function commandsPanel(scope: Scope, deviceId: string, live: HTMLElement) {
  const { commands } = await api().request(CommandsDocument, { deviceId, first: 10 });
  const list = h("ul", { class: "commands", "data-testid": "commands" });
  const known = new Map<string, { command: CommandFieldsFragment; seen: string[] }>();
  const render = () =>
    replace(
      list,
      ...[...known.values()]
        .sort((a, b) => b.command.createdAt.localeCompare(a.command.createdAt))
        .map(({ command, seen }) => describe(command, seen)),
    );
  for (const { node } of commands.edges) known.set(node.id, { command: node, seen: [] });
  render();
  scope.follow(
    api().subscribe(CommandUpdatedDocument, { deviceId }),
    ({ commandUpdated }) => {
      const entry = known.get(commandUpdated.id) ?? { command: commandUpdated, seen: [] };
      entry.command = commandUpdated;
      entry.seen.push(commandUpdated.status);
      known.set(commandUpdated.id, entry);
      render();
    },
    (message) => replace(live, message),
  );
  return h("section", {}, h("h2", {}, "Commands"), list);
}

// ---- outlets and hubs -------------------------------------------------------------------------

const SPARK_POINTS = 60;

function cutAllPowerButton(hubId: string, errors: HTMLElement): HTMLButtonElement {
  return h(
    "button",
    {
      type: "button",
      class: "danger",
      "data-testid": "cut-all-power",
      onclick: () => {
        api()
          .request(CutAllPowerDocument, { input: { hubId } })
          .then(({ cutAllPower }) => showErrors(errors, cutAllPower.userErrors))
          .catch((error: unknown) => showErrors(errors, error as Error));
      },
    },
    "Cut all power",
  );
}

async function outletPanel(scope: Scope, device: Device, live: HTMLElement) {
  const { outletState } = await api().request(OutletStateDocument, { outletId: device.id });
  if (!outletState) return null;
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const relays = { A: outletState.relayA ?? false, B: outletState.relayB ?? false };
  const currentA = h("span", { class: "reading", "data-testid": "current-a" });
  const currentB = h("span", { class: "reading", "data-testid": "current-b" });
  const overload = h("span", { class: "errors", "data-testid": "overload" });
  const chart = h("div", { "data-testid": "chart" });
  const history: number[] = [];
  // A tripped socket reads no current (the hub sends its overload marker instead).
  const reading = (value: Reading, tripped: boolean) =>
    value != null ? `${value} mA` : tripped ? "tripped" : "— mA";
  type Reading = number | null | undefined;
  const showCurrents = (a: Reading, b: Reading, tripped = false) => {
    replace(currentA, `A ${reading(a, tripped)}`);
    replace(currentB, `B ${reading(b, tripped)}`);
  };
  showCurrents(
    outletState.currentAMilliamps,
    outletState.currentBMilliamps,
    outletState.overload ?? false,
  );
  replace(overload, outletState.overload ? "OVERLOAD" : "");

  const relayButton = (socket: Socket) => {
    const button = h("button", { type: "button", "data-testid": `relay-${socket.toLowerCase()}` });
    const show = () => {
      button.className = relays[socket] ? "on" : "";
      button.dataset["on"] = String(relays[socket]);
      replace(button, `Relay ${socket}: ${relays[socket] ? "on" : "off"}`);
    };
    button.addEventListener("click", () => {
      const input = { outletId: device.id, socket, on: !relays[socket] };
      api()
        .request(SetRelayDocument, { input })
        .then(({ setRelay }) => showErrors(errors, setRelay.userErrors))
        .catch((error: unknown) => showErrors(errors, error as Error));
    });
    show();
    return { button, show };
  };
  const relayA = relayButton("A");
  const relayB = relayButton("B");

  // Watching an outlet's readings makes it its hub's focused outlet: readings every cycle.
  scope.follow(
    api().subscribe(TelemetryUpdatedDocument, { deviceId: device.id }),
    ({ telemetryUpdated }) => {
      const values = new Map(telemetryUpdated.values.map(({ key, value }) => [key, value]));
      const a = values.get("current_a");
      const b = values.get("current_b");
      showCurrents(a, b, telemetryUpdated.overload ?? false);
      if (telemetryUpdated.relayA != null) relays.A = telemetryUpdated.relayA;
      if (telemetryUpdated.relayB != null) relays.B = telemetryUpdated.relayB;
      relayA.show();
      relayB.show();
      replace(overload, telemetryUpdated.overload ? "OVERLOAD" : "");
      history.push((a ?? 0) + (b ?? 0));
      history.splice(0, Math.max(0, history.length - SPARK_POINTS));
      replace(chart, sparkline(history));
    },
    (message) => replace(live, message),
  );

  const threshold = h(
    "form",
    { "data-testid": "threshold-form" },
    h("label", {}, "Threshold (mA) "),
    h("input", {
      name: "milliamps",
      type: "number",
      value: outletState.thresholdMilliamps ?? "",
    }),
    h("button", { type: "submit" }, "Set threshold"),
  );
  threshold.addEventListener("submit", (event) => {
    event.preventDefault();
    const input = { outletId: device.id, milliamps: Number(field(threshold, "milliamps")) };
    api()
      .request(SetThresholdDocument, { input })
      .then(({ setThreshold }) => showErrors(errors, setThreshold.userErrors))
      .catch((error: unknown) => showErrors(errors, error as Error));
  });

  return h(
    "section",
    { "data-testid": "outlet-panel" },
    h("h2", {}, "Outlet"),
    h("div", { class: "readings" }, currentA, currentB, overload),
    chart,
    h("p", {}, relayA.button, " ", relayB.button),
    threshold,
    device.parentHub ? h("p", {}, cutAllPowerButton(device.parentHub.id, errors)) : null,
    errors,
  );
}

async function hubPanel(scope: Scope, device: Device, live: HTMLElement) {
  const { hubState } = await api().request(HubStateDocument, { hubId: device.id });
  if (!hubState) return null;
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const breaker = h(
    "span",
    { class: "reading", "data-testid": "breaker" },
    `${hubState.breakerCurrentMilliamps ?? "—"} mA`,
  );
  scope.follow(
    api().subscribe(TelemetryUpdatedDocument, { deviceId: device.id }),
    ({ telemetryUpdated }) => {
      const value = telemetryUpdated.values.find(({ key }) => key === "breaker_current");
      if (value) replace(breaker, `${value.value} mA`);
    },
    (message) => replace(live, message),
  );
  return h(
    "section",
    { "data-testid": "hub-panel" },
    h("h2", {}, "Hub"),
    h("p", {}, "Breaker ", breaker),
    h(
      "ul",
      {},
      ...hubState.outlets.map((outlet) =>
        h(
          "li",
          {},
          h("a", { href: `#/device/${outlet.outlet.id}` }, outlet.outlet.name),
          ` A ${outlet.relayA ? "on" : "off"}, B ${outlet.relayB ? "on" : "off"}`,
        ),
      ),
    ),
    cutAllPowerButton(device.id, errors),
    errors,
  );
}

// ---- feeders and collars ----------------------------------------------------------------------

function feederPanel(device: Device) {
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const form = h(
    "form",
    { "data-testid": "feed-form" },
    h("label", {}, "Grams "),
    h("input", { name: "grams", type: "number", value: 20 }),
    h("button", { type: "submit", "data-testid": "feed-now" }, "Feed now"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const input = { deviceId: device.id, grams: Number(field(form, "grams")) };
    api()
      .request(FeedNowDocument, { input })
      .then(({ feedNow }) => showErrors(errors, feedNow.userErrors))
      .catch((error: unknown) => showErrors(errors, error as Error));
  });
  return h("section", { "data-testid": "feeder-panel" }, h("h2", {}, "Feeder"), form, errors);
}

/** The feeder's schedules (in the owner's time zone): list, add, pause/resume, delete. */
async function schedulesPanel(device: Device) {
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const body = h("tbody", {});
  const failed = (error: unknown) => showErrors(errors, error as Error);
  const load = async () => {
    const { feedingSchedules } = await api().request(FeedingSchedulesDocument, {
      deviceId: device.id,
      first: 50,
    });
    replace(body, ...feedingSchedules.edges.map(({ node }) => row(node)));
  };
  const reloadUnless = (userErrors: Parameters<typeof showErrors>[1]) =>
    showErrors(errors, userErrors) ? load() : undefined;
  const row = (schedule: FeedingScheduleFieldsFragment) =>
    h(
      "tr",
      { "data-testid": "schedule", "data-schedule-id": schedule.id },
      h("td", {}, schedule.time),
      h("td", {}, `${schedule.grams} g`),
      h("td", {}, schedule.daysOfWeek?.join(", ") ?? "every day"),
      h("td", {}, schedule.label ?? ""),
      h("td", {}, schedule.enabled ? "enabled" : "paused"),
      h(
        "td",
        {},
        h(
          "button",
          {
            type: "button",
            "data-testid": "schedule-toggle",
            onclick: () =>
              api()
                .request(UpdateFeedingScheduleDocument, {
                  input: { id: schedule.id, enabled: !schedule.enabled },
                })
                .then(({ updateFeedingSchedule }) => reloadUnless(updateFeedingSchedule.userErrors))
                .catch(failed),
          },
          schedule.enabled ? "Pause" : "Resume",
        ),
        h(
          "button",
          {
            type: "button",
            "data-testid": "schedule-delete",
            onclick: () =>
              api()
                .request(DeleteFeedingScheduleDocument, { input: { id: schedule.id } })
                .then(({ deleteFeedingSchedule }) => reloadUnless(deleteFeedingSchedule.userErrors))
                .catch(failed),
          },
          "Delete",
        ),
      ),
    );
  const form = h(
    "form",
    { "data-testid": "schedule-form" },
    h("input", { name: "time", placeholder: "HH:MM", size: 6 }),
    h("input", { name: "grams", type: "number", value: 20 }),
    h("input", { name: "label", placeholder: "label" }),
    h("button", { type: "submit" }, "Add schedule"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const input = {
      deviceId: device.id,
      time: field(form, "time"),
      grams: Number(field(form, "grams")),
      label: field(form, "label") || null,
    };
    api()
      .request(CreateFeedingScheduleDocument, { input })
      .then(({ createFeedingSchedule }) => reloadUnless(createFeedingSchedule.userErrors))
      .catch(failed);
  });
  await load();
  return h(
    "section",
    { "data-testid": "schedules" },
    h("h2", {}, "Schedules"),
    h("table", {}, body),
    form,
    errors,
  );
}

function collarPanel(device: Device) {
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const button = h(
    "button",
    {
      type: "button",
      "data-testid": "treat",
      onclick: () => {
        api()
          .request(TreatDocument, { input: { deviceId: device.id } })
          .then(({ treat }) => showErrors(errors, treat.userErrors))
          .catch((error: unknown) => showErrors(errors, error as Error));
      },
    },
    "Give a treat",
  );
  return h("section", { "data-testid": "collar-panel" }, h("h2", {}, "Collar"), button, errors);
}
