"""GraphQL root fields, one module per domain: parse input, call one service, map the result."""
