"""pawgraph: one typed GraphQL API for connected pets, plus the REST shim their firmware speaks."""
