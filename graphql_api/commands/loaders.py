from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.commands.models import Command, CommandTransition
from graphql_api.commands.repository import CommandRepository, CommandTransitionRepository


async def commands_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Command | None]:
    if viewer is None:
        return [None] * len(ids)
    return await CommandRepository(session).get_readable_by_ids(viewer, ids)


async def transitions_by_command_id(
    session: AsyncSession, viewer: Viewer | None, command_ids: Sequence[int]
) -> list[list[CommandTransition]]:
    if viewer is None:
        return [[] for _ in command_ids]
    return await CommandTransitionRepository(session).list_readable_by_command_ids(
        viewer, command_ids
    )


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "command_by_id": commands_by_id,
    "command_transitions_by_command_id": transitions_by_command_id,
}
