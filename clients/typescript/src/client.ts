// A small typed client for pawgraph over the generated TypedDocumentNodes (./gql): queries and
// mutations over HTTP with persisted documents, subscriptions over graphql-ws.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { FormattedExecutionResult as ExecutionResult } from "graphql";
import { createClient, type Client, type ClientOptions } from "graphql-ws";

import persistedDocuments from "./gql/persisted-documents.json";

const DOCUMENTS: Record<string, string> = persistedDocuments;

/** How a request names its document: `trusted` sends only the hash (servers in trusted-documents
 * mode accept nothing else); `apq` sends the hash and, when the server does not know it yet,
 * again with the document (Apollo's automatic persisted queries); `document` sends the text. */
export type PersistedMode = "trusted" | "apq" | "document";

export interface PawgraphClientOptions {
  /** http(s)://host/graphql */
  url: string;
  /** ws(s)://host/graphql; defaults to `url` with its scheme swapped. */
  wsUrl?: string;
  /** The access token from `login`. */
  token?: string;
  persisted?: PersistedMode;
  fetch?: typeof fetch;
  /** A WebSocket implementation where there is no global one (e.g. the `ws` package). */
  webSocketImpl?: ClientOptions["webSocketImpl"];
}

export class PawgraphError extends Error {
  constructor(
    message: string,
    readonly errors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>,
  ) {
    super(message);
  }
}

interface Meta {
  __meta__?: { hash?: string };
}

function documentOf(document: TypedDocumentNode<unknown, unknown>): { hash: string; text: string } {
  const hash = (document as Meta).__meta__?.hash;
  const text = hash === undefined ? undefined : DOCUMENTS[hash];
  if (hash === undefined || text === undefined) {
    throw new Error("not a generated pawgraph document (see clients/operations)");
  }
  return { hash, text };
}

function isPersistedQueryNotFound(result: ExecutionResult): boolean {
  return (result.errors ?? []).some(
    (error) => error.extensions?.["code"] === "PERSISTED_QUERY_NOT_FOUND",
  );
}

export class PawgraphClient {
  private ws: Client | undefined;

  constructor(private readonly options: PawgraphClientOptions) {}

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.options.token) headers["authorization"] = `Bearer ${this.options.token}`;
    return headers;
  }

  private async post(body: Record<string, unknown>): Promise<ExecutionResult> {
    const send = this.options.fetch ?? fetch;
    const response = await send(this.options.url, {
      method: "POST",
      headers: this.headers(),
      body: JSON.stringify(body),
    });
    return (await response.json()) as ExecutionResult;
  }

  /** Runs a query or mutation; throws PawgraphError on GraphQL errors (a mutation's expected
   * failures are in its payload's `userErrors`, not here). */
  async request<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ): Promise<TResult> {
    const { hash, text } = documentOf(document as TypedDocumentNode<unknown, unknown>);
    const mode = this.options.persisted ?? "apq";
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    let result: ExecutionResult;
    if (mode === "document") {
      result = await this.post({ query: text, variables });
    } else {
      result = await this.post({ variables, extensions });
      if (mode === "apq" && isPersistedQueryNotFound(result)) {
        result = await this.post({ query: text, variables, extensions });
      }
    }
    if (result.errors?.length) {
      throw new PawgraphError(result.errors[0]!.message, result.errors);
    }
    return result.data as TResult;
  }

  private socket(): Client {
    if (this.ws === undefined) {
      const url = this.options.wsUrl ?? this.options.url.replace(/^http/, "ws");
      const token = this.options.token;
      this.ws = createClient({
        url,
        webSocketImpl: this.options.webSocketImpl,
        connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
      });
    }
    return this.ws;
  }

  /** A subscription's events, typed by its document, over graphql-transport-ws. */
  subscribe<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ): AsyncIterableIterator<ExecutionResult<TResult, unknown>> {
    const { text } = documentOf(document as TypedDocumentNode<unknown, unknown>);
    return this.socket().iterate<TResult>({
      query: text,
      variables: variables as Record<string, unknown>,
    });
  }

  async close(): Promise<void> {
    await this.ws?.dispose();
  }
}
