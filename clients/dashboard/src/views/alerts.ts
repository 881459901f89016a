// Alerts: the list, acknowledge and clear; a raised alert shows up without a reload.
import {
  AcknowledgeAlertDocument,
  AlertsDocument,
  ClearAlertDocument,
  type AlertFieldsFragment,
  type UserErrorFieldsFragment,
} from "../../../typescript/src/index";
import { h, head, replace, when } from "../dom";
import { ALERT_EVENT } from "../events";
import { api, type Scope, showErrors } from "../session";

export async function alertsView(view: HTMLElement, scope: Scope): Promise<void> {
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const body = h("tbody", {});
  const done = (payload: { userErrors: ReadonlyArray<UserErrorFieldsFragment> }) =>
    showErrors(errors, payload.userErrors) ? load() : undefined;
  const failed = (error: unknown) => showErrors(errors, error as Error);
  const acknowledge = (id: string) =>
    api()
      .request(AcknowledgeAlertDocument, { input: { id } })
      .then(({ acknowledgeAlert }) => done(acknowledgeAlert))
      .catch(failed);
  const clear = (id: string) =>
    api()
      .request(ClearAlertDocument, { input: { id } })
      .then(({ clearAlert }) => done(clearAlert))
      .catch(failed);
  const row = (alert: AlertFieldsFragment) =>
    h(
      "tr",
      { "data-testid": "alert", "data-alert-id": alert.id, "data-status": alert.status },
      h("td", {}, alert.kind),
      h("td", { "data-testid": "alert-status" }, alert.status),
      h(
        "td",
        {},
        alert.device ? h("a", { href: `#/device/${alert.device.id}` }, alert.device.name) : "—",
      ),
      h("td", {}, alert.message),
      h("td", { class: "muted" }, when(alert.raisedAt)),
      h(
        "td",
        {},
        alert.status === "ACTIVE"
          ? h(
              "button",
              {
                type: "button",
                "data-testid": "acknowledge",
                onclick: () => acknowledge(alert.id),
              },
              "Acknowledge",
            )
          : null,
        alert.status !== "CLEARED"
          ? h(
              "button",
              { type: "button", "data-testid": "clear", onclick: () => clear(alert.id) },
              "Clear",
            )
          : null,
      ),
    );
  const load = async () => {
    const { alerts } = await api().request(AlertsDocument, { first: 50 });
    replace(body, ...alerts.edges.map(({ node }) => row(node)));
  };
  await load();
  scope.listen(ALERT_EVENT, () => void load().catch(failed));
  replace(
    view,
    h(
      "section",
      { "data-testid": "alerts" },
      h("h2", {}, "Alerts"),
      errors,
      h(
        "table",
        {},
        head("Kind", "Status", "Device", "Message", "Raised", ""),
        body,
      ),
    ),
  );
}
