"""Who may contact whom in the marketplace, decided by other domains without our importing them.

The social domain owns blocking; a blocked user must not message or make offers to the person
who blocked them. It registers a guard once, at import time::

    register_contact_guard(may_contact)   # async (session, from_user_id, to_user_id) -> bool

Every guard must allow a contact for it to happen. A refusal looks like a missing listing or
thread, so the sender does not learn they were blocked.
"""

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

ContactGuard = Callable[[AsyncSession, int, int], Awaitable[bool]]

_GUARDS: list[ContactGuard] = []


def register_contact_guard(guard: ContactGuard) -> None:
    if guard not in _GUARDS:
        _GUARDS.append(guard)


def unregister_contact_guard(guard: ContactGuard) -> None:
    if guard in _GUARDS:
        _GUARDS.remove(guard)


async def may_contact(session: AsyncSession, from_user_id: int, to_user_id: int) -> bool:
    for guard in _GUARDS:
        if not await guard(session, from_user_id, to_user_id):
            return False
    return True
