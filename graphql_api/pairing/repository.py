import datetime as dt

from sqlalchemy import delete, or_, select, update

from graphql_api.pairing.models import PairingRequest
from graphql_api.repository import RepositoryBase


class PairingRepository(RepositoryBase[PairingRequest]):
    """Pairing requests come from units, not viewers: nothing here is scoped to a viewer, and
    nothing here is ever shown to one."""

    model = PairingRequest

    async def waiting_for(self, hardware_id: str, now: dt.datetime) -> list[PairingRequest]:
        """Every unexpired request of the unit, oldest first. Used-up ones are included (they
        still hold the unit's slot), and delivered ones (a second fetch is told so)."""
        statement = (
            select(PairingRequest)
            .where(
                PairingRequest.hardware_id == hardware_id,
                PairingRequest.expires_at >= now,
            )
            .order_by(PairingRequest.created_at.asc(), PairingRequest.id.asc())
            # Failures are counted in a session of their own: read them fresh.
            .execution_options(populate_existing=True)
        )
        return await self.scalars(statement)

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

    async def count_wrong_claim(self, hardware_id: str, now: dt.datetime) -> None:
        """A wrong PIN was claimed for the unit: every unclaimed request it has waiting comes
        one failure closer to being used up."""
        statement = (
            update(PairingRequest)
            .where(
                PairingRequest.hardware_id == hardware_id,
                PairingRequest.expires_at >= now,
                PairingRequest.claimed_at.is_(None),
            )
            .values(pin_failures=PairingRequest.pin_failures + 1)
        )
        await self.execute(statement)
