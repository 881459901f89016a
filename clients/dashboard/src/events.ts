// What the header's live streams tell the views (window events), and the unread badge.
import { UnreadNotificationCountDocument } from "../../typescript/src/index";
import { h } from "./dom";
import { api } from "./session";

export const ALERT_EVENT = "pawgraph:alert";
export const NOTIFICATION_EVENT = "pawgraph:notification";

export function badge(count: number): HTMLSpanElement {
  return h("span", { class: "badge", "data-testid": "unread-badge", "data-count": count }, count);
}

export function setBadge(count: number): void {
  document.querySelector("[data-testid=unread-badge]")?.replaceWith(badge(count));
}

export async function refreshBadge(): Promise<void> {
  const { unreadNotificationCount } = await api().request(UnreadNotificationCountDocument, {});
  setBadge(unreadNotificationCount);
}
