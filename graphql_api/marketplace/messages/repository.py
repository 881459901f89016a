from collections.abc import Sequence

from sqlalchemy import Select, and_, func, or_, select

from graphql_api.auth import Viewer
from graphql_api.marketplace.messages.models import Message, MessageThread
from graphql_api.repository import RepositoryBase


def _unread_condition(viewer_id: int):
    """Messages from the other party that the viewer's read marker has not passed."""
    return and_(
        Message.sender_id != viewer_id,
        or_(
            and_(MessageThread.buyer_id == viewer_id, Message.id > MessageThread.buyer_read_up_to),
            and_(
                MessageThread.seller_id == viewer_id, Message.id > MessageThread.seller_read_up_to
            ),
        ),
    )


class MessageThreadRepository(RepositoryBase[MessageThread]):
    model = MessageThread

    def party_statement(self, viewer: Viewer) -> Select[tuple[MessageThread]]:
        """Threads are private to their buyer and seller: staff do not read them either."""
        return select(MessageThread).where(
            or_(MessageThread.buyer_id == viewer.user_id, MessageThread.seller_id == viewer.user_id)
        )

    async def get_for_party(self, viewer: Viewer, thread_id: int) -> MessageThread | None:
        statement = self.party_statement(viewer).where(MessageThread.id == thread_id)
        return await self.get_one_or_none(statement)

    async def get_for_party_by_ids(
        self, viewer: Viewer, ids: Sequence[int]
    ) -> list[MessageThread | None]:
        statement = self.party_statement(viewer).where(MessageThread.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda row: row.id)

    async def get_messages_for_party_by_ids(
        self, viewer: Viewer, ids: Sequence[int]
    ) -> list[Message | None]:
        statement = (
            select(Message)
            .join(MessageThread, MessageThread.id == Message.thread_id)
            .where(
                Message.id.in_(ids),
                or_(
                    MessageThread.buyer_id == viewer.user_id,
                    MessageThread.seller_id == viewer.user_id,
                ),
            )
        )
        return await self.in_key_order(statement, ids, lambda row: row.id)

    async def get_by_listing_and_buyer(
        self, listing_id: int, buyer_id: int
    ) -> MessageThread | None:
        statement = select(MessageThread).where(
            MessageThread.listing_id == listing_id, MessageThread.buyer_id == buyer_id
        )
        return await self.get_one_or_none(statement)

    def messages_statement(self, thread_id: int) -> Select[tuple[Message]]:
        return select(Message).where(Message.thread_id == thread_id)

    async def last_message_id(self, thread_id: int) -> int:
        statement = select(func.max(Message.id)).where(Message.thread_id == thread_id)
        return int(await self.scalar(statement) or 0)

    async def unread_counts(self, viewer: Viewer, thread_ids: Sequence[int]) -> list[int]:
        statement = (
            select(Message.thread_id, func.count(Message.id))
            .join(MessageThread, MessageThread.id == Message.thread_id)
            .where(Message.thread_id.in_(thread_ids), _unread_condition(viewer.user_id))
            .group_by(Message.thread_id)
        )
        counts = dict((await self.execute(statement)).all())
        return [int(counts.get(thread_id, 0)) for thread_id in thread_ids]

    async def unread_total(self, viewer: Viewer) -> int:
        statement = (
            select(func.count(Message.id))
            .join(MessageThread, MessageThread.id == Message.thread_id)
            .where(_unread_condition(viewer.user_id))
        )
        return int(await self.scalar(statement) or 0)

    async def last_messages(self, thread_ids: Sequence[int]) -> list[Message | None]:
        latest = (
            select(func.max(Message.id))
            .where(Message.thread_id.in_(thread_ids))
            .group_by(Message.thread_id)
        )
        statement = select(Message).where(Message.id.in_(latest))
        return await self.in_key_order(statement, thread_ids, lambda row: row.thread_id)
