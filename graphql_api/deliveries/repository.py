import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, func, select, update

from graphql_api.accounts.models import User
from graphql_api.deliveries.models import (
    Delivery,
    DeliveryChannel,
    DeliveryKind,
    DeliveryStatus,
    DigestEntry,
    WebhookEndpoint,
)
from graphql_api.repository import RepositoryBase


class DeliveryRepository(RepositoryBase[Delivery]):
    """The outbox belongs to no viewer: only jobs and services read it."""

    model = Delivery

    async def claim_due(
        self, now: dt.datetime, limit: int, channels: Sequence[DeliveryChannel]
    ) -> list[tuple[Delivery, str, str | None]]:
        """The oldest due PENDING deliveries on ``channels`` with their user's address there
        (email, or webhook URL) and signing secret (webhooks), locked for this transaction;
        rows another process holds are skipped (PostgreSQL), so two senders never send the same
        row. A webhook delivery whose user removed their endpoint has no address (None)."""
        statement = (
            select(Delivery, User.email, WebhookEndpoint.url, WebhookEndpoint.secret)
            .join(User, User.id == Delivery.user_id)
            .outerjoin(WebhookEndpoint, WebhookEndpoint.user_id == Delivery.user_id)
            .where(
                Delivery.status == DeliveryStatus.PENDING,
                Delivery.next_attempt_at <= now,
                Delivery.channel.in_(channels),
            )
            .order_by(Delivery.next_attempt_at, Delivery.id)
            .limit(limit)
            .with_for_update(of=Delivery, skip_locked=True)
        )
        claimed = []
        for delivery, email, url, secret in (await self.execute(statement)).all():
            if delivery.channel is DeliveryChannel.WEBHOOK:
                claimed.append((delivery, url, secret))
            else:
                claimed.append((delivery, email, None))
        return claimed

    async def settle(self, delivery_id: int, **values: object) -> None:
        """Record an attempt's outcome; only a row still PENDING changes (idempotent)."""
        statement = (
            update(Delivery)
            .where(Delivery.id == delivery_id, Delivery.status == DeliveryStatus.PENDING)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        await self.execute(statement)

    async def claim_digest_entries(self, limit: int) -> list[DigestEntry]:
        """Digest entries not yet in a digest, oldest first, locked (SKIP LOCKED)."""
        statement = (
            select(DigestEntry)
            .where(DigestEntry.delivery_id.is_(None))
            .order_by(DigestEntry.user_id, DigestEntry.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return await self.scalars(statement)

    async def last_digest_at(self, user_ids: Sequence[int]) -> dict[int, dt.datetime]:
        statement = (
            select(Delivery.user_id, func.max(Delivery.created_at))
            .where(Delivery.user_id.in_(user_ids), Delivery.kind == DeliveryKind.DIGEST)
            .group_by(Delivery.user_id)
        )
        return {user_id: at for user_id, at in (await self.execute(statement)).all()}

    async def attach_entries(self, entry_ids: Sequence[int], delivery_id: int) -> None:
        statement = (
            update(DigestEntry)
            .where(DigestEntry.id.in_(entry_ids), DigestEntry.delivery_id.is_(None))
            .values(delivery_id=delivery_id)
            .execution_options(synchronize_session=False)
        )
        await self.execute(statement)

    async def for_user(self, user_id: int) -> list[Delivery]:
        statement = select(Delivery).where(Delivery.user_id == user_id).order_by(Delivery.id)
        return await self.scalars(statement)

    async def delete_settled_before(self, cutoff: dt.datetime) -> int:
        """Delete SENT and FAILED rows created before ``cutoff``; the digest entries they
        carried go with them (ON DELETE CASCADE)."""
        statement = delete(Delivery).where(
            Delivery.status.in_([DeliveryStatus.SENT, DeliveryStatus.FAILED]),
            Delivery.created_at < cutoff,
        )
        result = await self.execute(statement)
        return result.rowcount or 0

    async def unsent_counts(self) -> dict[DeliveryStatus, int]:
        """PENDING and FAILED rows (the index on status covers it; SENT rows are not counted)."""
        statement = (
            select(Delivery.status, func.count())
            .where(Delivery.status.in_([DeliveryStatus.PENDING, DeliveryStatus.FAILED]))
            .group_by(Delivery.status)
        )
        return {status: count for status, count in (await self.execute(statement)).all()}


class WebhookRepository(RepositoryBase[WebhookEndpoint]):
    model = WebhookEndpoint

    async def for_users(self, user_ids: Sequence[int]) -> list[WebhookEndpoint | None]:
        statement = select(WebhookEndpoint).where(WebhookEndpoint.user_id.in_(user_ids))
        return await self.in_key_order(statement, user_ids, lambda endpoint: endpoint.user_id)

    async def has_endpoint(self, user_id: int) -> bool:
        statement = select(WebhookEndpoint.id).where(WebhookEndpoint.user_id == user_id)
        return await self.scalar(statement) is not None

    async def put(self, user_id: int, url: str, secret: str, now: dt.datetime) -> None:
        statement = self.insert_statement(WebhookEndpoint).values(
            user_id=user_id, url=url, secret=secret, created_at=now
        )
        statement = statement.on_conflict_do_update(
            index_elements=["user_id"], set_={"url": url, "secret": secret, "created_at": now}
        )
        await self.execute(statement)

    async def remove(self, user_id: int) -> None:
        await self.execute(delete(WebhookEndpoint).where(WebhookEndpoint.user_id == user_id))
