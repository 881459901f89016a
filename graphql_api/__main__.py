from graphql_api.cli import app

app(prog_name="pawgraph")
