"""The outbox's statements: append in order, take the oldest, delete what was sent."""

from sqlalchemy import delete, func, select

from graphql_api.outbox.models import OutboxEvent
from graphql_api.repository import RepositoryBase


class OutboxRepository(RepositoryBase[OutboxEvent]):
    model = OutboxEvent

    async def append(self, events: list[tuple[str, str]]) -> None:
        await self.execute(
            self.insert_statement(OutboxEvent),
            [{"channel": channel, "message": message} for channel, message in events],
        )

    async def oldest(self, limit: int) -> list[OutboxEvent]:
        statement = select(OutboxEvent).order_by(OutboxEvent.id).limit(limit)
        if self.session.get_bind().dialect.name == "postgresql":
            # A process writing new undelivered events never waits for a drain, nor the reverse.
            statement = statement.with_for_update(skip_locked=True)
        return await self.scalars(statement)

    async def delete(self, ids: list[int]) -> None:
        await self.execute(delete(OutboxEvent).where(OutboxEvent.id.in_(ids)))

    async def count(self) -> int:
        return await self.scalar(select(func.count()).select_from(OutboxEvent))
