// The signed-in session (its token in sessionStorage), the SDK client it uses, and helpers to
// show a mutation's userErrors and to follow a subscription until the view that opened it goes.
import {
  PawgraphClient,
  PawgraphError,
  type UserErrorFieldsFragment,
  type UserFieldsFragment,
} from "../../typescript/src/index";
import { h, replace } from "./dom";

export interface Session {
  token: string;
  user: UserFieldsFragment;
}

const STORAGE_KEY = "pawgraph.session";
let current: Session | null = null;
let client: PawgraphClient | null = null;

function graphqlUrl(): string {
  return new URL("/graphql", window.location.href).href;
}

export function session(): Session | null {
  if (current === null) {
    const stored = window.sessionStorage.getItem(STORAGE_KEY);
    current = stored ? (JSON.parse(stored) as Session) : null;
  }
  return current;
}

export function signIn(next: Session): void {
  window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  current = next;
  void client?.close();
  client = null;
}

export function signOut(): void {
  window.sessionStorage.removeItem(STORAGE_KEY);
  current = null;
  void client?.close();
  client = null;
}

/** An anonymous client (login), or the signed-in user's. */
export function api(): PawgraphClient {
  if (client === null) {
    client = new PawgraphClient({ url: graphqlUrl(), token: session()?.token, persisted: "apq" });
  }
  return client;
}

export function isStaff(): boolean {
  const role = session()?.user.role;
  return role === "STAFF" || role === "ADMIN";
}

/** Shows a mutation's userErrors (or a GraphQL error) in `box`; true when there were none. */
export function showErrors(
  box: HTMLElement,
  errors: ReadonlyArray<UserErrorFieldsFragment> | Error | null,
): boolean {
  if (errors instanceof Error) {
    replace(box, h("div", { "data-testid": "error" }, errorText(errors)));
    return false;
  }
  replace(
    box,
    ...(errors ?? []).map((error) =>
      h(
        "div",
        { "data-testid": "user-error", "data-code": error.code },
        `${error.code}: ${error.message}`,
        error.field ? ` (${error.field})` : "",
      ),
    ),
  );
  return !errors || errors.length === 0;
}

export function errorText(error: unknown): string {
  if (error instanceof PawgraphError) {
    const code = error.errors[0]?.extensions?.["code"];
    return code ? `${String(code)}: ${error.message}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** What a view holds open (subscriptions, listeners): closed when the next view renders. */
export class Scope {
  private readonly closers: Array<() => void> = [];

  add(closer: () => void): void {
    this.closers.push(closer);
  }

  close(): void {
    for (const closer of this.closers.splice(0)) closer();
  }

  /** Follows a subscription, calling `onData` for each event; errors go to `onError`. */
  follow<T>(
    events: AsyncIterableIterator<{ data?: T | null; errors?: ReadonlyArray<{ message: string }> }>,
    onData: (data: T) => void,
    onError: (message: string) => void,
  ): void {
    let closed = false;
    this.add(() => {
      closed = true;
      void events.return?.();
    });
    void (async () => {
      try {
        for await (const event of events) {
          if (closed) break;
          if (event.errors?.length) onError(event.errors.map((e) => e.message).join("; "));
          else if (event.data) onData(event.data);
        }
      } catch (error) {
        if (!closed) onError(errorText(error));
      }
    })();
  }

  /** Listens to a window event until the view goes. */
  listen(name: string, listener: (event: Event) => void): void {
    window.addEventListener(name, listener);
    this.add(() => window.removeEventListener(name, listener));
  }
}
