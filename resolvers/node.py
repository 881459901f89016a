import strawberry
from strawberry import relay


@strawberry.type
class NodeQueries:
    node: relay.Node | None = relay.node(
        description="Any object by its global ID; null when it does not exist or is not yours."
    )
