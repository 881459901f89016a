"""The Relay ``node`` root field.

A plain field rather than ``relay.node()``: Strawberry's NodeExtension installs its resolver on
the shared field object while the first schema is built and asserts on the next build, so a
second ``build_schema`` in one process (the schema-export and client-contract tests after any
test using the session schema) failed with "Query fields cannot be resolved".
"""

import inspect
from typing import Annotated

import strawberry
from strawberry import relay


@strawberry.type
class NodeQueries:
    @strawberry.field(
        description=(
            "Any object by its global ID; null when it does not exist or the viewer may not see it."
        )
    )
    async def node(
        self,
        info: strawberry.Info,
        id: Annotated[relay.GlobalID, strawberry.argument(description="The ID of the object.")],
    ) -> relay.Node | None:
        node_type = id.resolve_type(info)
        resolved = node_type.resolve_node(id.node_id, info=info, required=False)
        return await resolved if inspect.isawaitable(resolved) else resolved
