import datetime as dt

from sqlalchemy import delete, func, or_, select, update

from graphql_api.accounts.models import User
from graphql_api.pairing.models import PairingClaimAttempt, PairingRequest
from graphql_api.repository import RepositoryBase, statement_lock


class PairingRepository(RepositoryBase[PairingRequest]):
    """Pairing requests come from units, not viewers: nothing here is scoped to a viewer, and
    nothing here is ever shown to one."""

    model = PairingRequest

    async def latest_for(self, hardware_id: str) -> PairingRequest | None:
        # Only the newest request counts: the PIN on the unit's screen is the last one it sent.
        statement = (
            select(PairingRequest)
            .where(PairingRequest.hardware_id == hardware_id)
            .order_by(PairingRequest.created_at.desc(), PairingRequest.id.desc())
        )
        return await self.get_one_or_none(statement)

    async def count_since(self, hardware_id: str, since: dt.datetime) -> int:
        statement = select(PairingRequest).where(
            PairingRequest.hardware_id == hardware_id, PairingRequest.created_at > since
        )
        return await self.count(statement)

    async def prune(self, hardware_id: str, expired_before: dt.datetime) -> None:
        """Drop long-expired requests that hold nothing still owed to the unit."""
        statement = delete(PairingRequest).where(
            PairingRequest.hardware_id == hardware_id,
            PairingRequest.expires_at < expired_before,
            or_(PairingRequest.claimed_at.is_(None), PairingRequest.key_delivered_at.is_not(None)),
        )
        await self.execute(statement)

    async def mark_claimed(self, request_id: int, user_id: int, now: dt.datetime) -> bool:
        """Claim a request that nobody claimed yet; False if someone else got there first."""
        statement = (
            update(PairingRequest)
            .where(PairingRequest.id == request_id, PairingRequest.claimed_at.is_(None))
            .values(claimed_at=now, claimed_by_id=user_id)
        )
        return (await self.execute(statement)).rowcount == 1

    async def mark_delivered(self, request_id: int, now: dt.datetime) -> bool:
        """Mark the key as handed out; False if another fetch already did (served once)."""
        statement = (
            update(PairingRequest)
            .where(PairingRequest.id == request_id, PairingRequest.key_delivered_at.is_(None))
            .values(key_delivered_at=now)
        )
        return (await self.execute(statement)).rowcount == 1


class ClaimAttemptRepository(RepositoryBase[PairingClaimAttempt]):
    model = PairingClaimAttempt

    async def lock_user(self, user_id: int) -> None:
        """Serialize one user's concurrent claims (a row lock; SQLite has one writer anyway)."""
        await self.execute(select(User.id).where(User.id == user_id).with_for_update())

    async def count_since(self, user_id: int, since: dt.datetime) -> int:
        statement = select(func.count(PairingClaimAttempt.id)).where(
            PairingClaimAttempt.user_id == user_id, PairingClaimAttempt.attempted_at > since
        )
        return int(await self.scalar(statement) or 0)

    async def prune(self, user_id: int, before: dt.datetime) -> None:
        await self.execute(
            delete(PairingClaimAttempt).where(
                PairingClaimAttempt.user_id == user_id, PairingClaimAttempt.attempted_at <= before
            )
        )

    async def commit(self) -> None:
        """Attempts live in their own short transaction (see pairing.service.claim)."""
        async with statement_lock(self.session):
            await self.session.commit()
