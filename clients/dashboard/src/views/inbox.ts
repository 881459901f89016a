// The notification inbox: newest first, mark all read; new ones arrive without a reload.
import {
  MarkNotificationsReadDocument,
  NotificationsDocument,
} from "../../../typescript/src/index";
import { h, replace, when } from "../dom";
import { NOTIFICATION_EVENT, setBadge } from "../events";
import { api, type Scope, showErrors } from "../session";

export async function inboxView(view: HTMLElement, scope: Scope): Promise<void> {
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const list = h("ul", { "data-testid": "notifications" });
  const load = async () => {
    const { notifications } = await api().request(NotificationsDocument, {
      order: "NEWEST_FIRST",
      first: 50,
    });
    replace(
      list,
      ...notifications.edges.map(({ node }) =>
        h(
          "li",
          { "data-testid": "notification", "data-read": String(node.read) },
          node.read ? node.text : h("strong", {}, node.text),
          h("span", { class: "muted" }, ` ${node.kind}, ${when(node.createdAt)}`),
        ),
      ),
    );
  };
  const markAll = h(
    "button",
    {
      type: "button",
      "data-testid": "mark-all-read",
      onclick: () => {
        api()
          .request(MarkNotificationsReadDocument, { input: { all: true } })
          .then(({ markNotificationsRead }) => {
            if (!showErrors(errors, markNotificationsRead.userErrors)) return;
            setBadge(markNotificationsRead.unreadCount ?? 0);
            return load();
          })
          .catch((error: unknown) => showErrors(errors, error as Error));
      },
    },
    "Mark all read",
  );
  await load();
  scope.listen(
    NOTIFICATION_EVENT,
    () => void load().catch((error: unknown) => showErrors(errors, error as Error)),
  );
  replace(
    view,
    h("section", { "data-testid": "inbox" }, h("h2", {}, "Inbox"), markAll, errors, list),
  );
}
