// The pawgraph TypeScript SDK: generated typed documents (./gql) and the client that sends them.
export * from "./gql/graphql";
export * from "./client";
