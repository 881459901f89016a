// Login: the Login mutation; its userErrors are shown under the form.
import { LoginDocument } from "../../../typescript/src/index";
import { field, h, replace } from "../dom";
import { api, type Scope, showErrors, signIn } from "../session";

export function loginView(
  view: HTMLElement,
  _scope: Scope,
  started: () => void,
  notice: string | null = null,
): void {
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const form = h(
    "form",
    { class: "login", "data-testid": "login-form" },
    h("label", {}, "Email ", h("input", { name: "email", type: "email", required: true })),
    h(
      "label",
      {},
      "Password ",
      h("input", { name: "password", type: "password", required: true }),
    ),
    h("button", { type: "submit" }, "Log in"),
    errors,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const input = { email: field(form, "email"), password: field(form, "password") };
    api()
      .request(LoginDocument, { input })
      .then(({ login }) => {
        if (!showErrors(errors, login.userErrors) || !login.accessToken || !login.user) return;
        signIn({ token: login.accessToken, user: login.user });
        if (!window.location.hash || window.location.hash === "#/login") {
          window.location.hash = "#/pets";
        }
        started();
      })
      .catch((error: unknown) => showErrors(errors, error as Error));
  });
  replace(
    view,
    h(
      "section",
      {},
      h("h1", {}, "Log in"),
      notice ? h("p", { class: "errors", "data-testid": "notice" }, notice) : null,
      form,
    ),
  );
}
