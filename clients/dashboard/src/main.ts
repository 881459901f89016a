// The pawgraph dashboard: a hash router over the views, a header with the live unread badge,
// and a banner for alerts raised while the page is open. Everything goes through the SDK.
import {
  AlertRaisedDocument,
  LogoutDocument,
  NotificationReceivedDocument,
  PawgraphError,
} from "../../typescript/src/index";
import { h, replace } from "./dom";
import { ALERT_EVENT, badge, NOTIFICATION_EVENT, refreshBadge } from "./events";
import { api, errorText, isStaff, Scope, session, signOut } from "./session";
import { alertsView } from "./views/alerts";
import { deviceView } from "./views/device";
import { fleetView } from "./views/fleet";
import { inboxView } from "./views/inbox";
import { loginView } from "./views/login";
import { petsView } from "./views/pets";

// Why the login form is shown again (a session that ended), once.
let notice: string | null = null;
let viewScope = new Scope();
let appScope = new Scope();

function renderHeader(): void {
  const top = document.getElementById("top")!;
  const signedIn = session();
  if (signedIn === null) {
    replace(top, h("strong", {}, "pawgraph"));
    return;
  }
  replace(
    top,
    h("strong", {}, "pawgraph"),
    h("a", { href: "#/pets" }, "Pets & devices"),
    h("a", { href: "#/alerts" }, "Alerts"),
    h("a", { href: "#/inbox", "data-testid": "inbox-link" }, "Inbox ", badge(0)),
    isStaff() ? h("a", { href: "#/fleet" }, "Fleet") : null,
    h("span", { class: "who", "data-testid": "who" }, signedIn.user.email),
    h(
      "button",
      {
        type: "button",
        "data-testid": "log-out",
        onclick: () => {
          // Revoke this token on the server, then forget it here whatever the answer.
          void api()
            .request(LogoutDocument, { input: {} })
            .catch(() => null)
            .finally(() => {
              signOut();
              start();
            });
        },
      },
      "Log out",
    ),
  );
}

function showBanner(text: string): void {
  const banner = document.getElementById("banner")!;
  banner.hidden = false;
  replace(banner, text);
}

/** The signed-in user's live streams: alerts (banner) and notifications (badge). */
function followUser(): void {
  appScope.close();
  appScope = new Scope();
  if (session() === null) return;
  appScope.follow(
    api().subscribe(AlertRaisedDocument, {}),
    ({ alertRaised }) => {
      showBanner(`${alertRaised.kind}: ${alertRaised.message}`);
      window.dispatchEvent(new CustomEvent(ALERT_EVENT, { detail: alertRaised }));
    },
    (message) => showBanner(`alerts stream: ${message}`),
  );
  appScope.follow(
    api().subscribe(NotificationReceivedDocument, {}),
    ({ notificationReceived }) => {
      void refreshBadge();
      window.dispatchEvent(new CustomEvent(NOTIFICATION_EVENT, { detail: notificationReceived }));
    },
    (message) => showBanner(`notifications stream: ${message}`),
  );
  refreshBadge().catch((error: unknown) => showBanner(errorText(error)));
}

function route(): void {
  viewScope.close();
  viewScope = new Scope();
  const view = document.getElementById("view")!;
  const [name, id] = window.location.hash.replace(/^#\/?/, "").split("/");
  if (session() === null) {
    loginView(view, viewScope, start, notice);
    notice = null;
    return;
  }
  const render = (): Promise<void> => {
    switch (name) {
      case "device":
        return deviceView(view, viewScope, decodeURIComponent(id ?? ""));
      case "alerts":
        return alertsView(view, viewScope);
      case "inbox":
        return inboxView(view, viewScope);
      case "fleet":
        return fleetView(view, viewScope);
      default:
        return petsView(view, viewScope);
    }
  };
  render().catch((error: unknown) => {
    if (sessionEnded(error)) {
      signOut();
      notice = "Your session has ended: log in again.";
      start();
      return;
    }
    replace(view, h("p", { class: "errors", "data-testid": "error" }, errorText(error)));
  });
}

/** A token that expired or was revoked (logged out everywhere, suspended). */
function sessionEnded(error: unknown): boolean {
  return (
    error instanceof PawgraphError &&
    error.errors.some((e) => e.extensions?.["code"] === "NOT_AUTHENTICATED")
  );
}

/** (Re)starts after signing in or out. */
export function start(): void {
  renderHeader();
  followUser();
  route();
}

window.addEventListener("hashchange", route);
start();
