"""Password hashing off the event loop, in a small pool of its own.

argon2id costs ~50 ms of CPU and 64 MiB per hash by design. Run on the event loop, 32 parallel
wrong logins held every device request behind them (heartbeat latency 11 ms -> 424 ms); run in
asyncio's default executor they would take every worker thread. A pool of a few threads bounds
both the CPU and the memory that password guessing can take (argon2-cffi releases the GIL), and
a bounded number of waiting hashes keeps a flood of logins from holding every database
connection while it queues.
"""

import asyncio
import contextlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from graphql_api.errors import RateLimited

# Longer passwords are refused before hashing: hashing a 1 MB password is a denial of service.
MAX_PASSWORD_BYTES = 1024

# Hashes waiting for a thread, per thread; past that a login is refused at once (retry in 1 s)
# instead of queueing while it holds a request, a database connection and memory.
WAITING_PER_WORKER = 4

_hasher = PasswordHasher()
_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="argon2")
_in_flight = 0
_max_in_flight = 1 + WAITING_PER_WORKER


def configure(workers: int) -> None:
    """Size the pool (at app startup, from PAWGRAPH_PASSWORD_HASH_WORKERS)."""
    global _pool, _max_in_flight
    _max_in_flight = workers * (1 + WAITING_PER_WORKER)
    if _pool._max_workers != workers:
        _pool.shutdown(wait=False)
        _pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="argon2")


@contextlib.contextmanager
def _slot() -> Iterator[None]:
    global _in_flight
    if _in_flight >= _max_in_flight:
        raise RateLimited("Too many sign-ins at once; try again in a second.", retry_after=1)
    _in_flight += 1
    try:
        yield
    finally:
        _in_flight -= 1


def too_long(password: str) -> bool:
    return len(password.encode("utf-8", "surrogatepass")) > MAX_PASSWORD_BYTES


async def hash_password(password: str) -> str:
    with _slot():
        return await asyncio.get_running_loop().run_in_executor(_pool, _hasher.hash, password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


async def verify_password(password_hash: str, password: str) -> bool:
    with _slot():
        return await asyncio.get_running_loop().run_in_executor(
            _pool, _verify, password_hash, password
        )


# Verified against when the email is unknown, so a login takes as long either way and does not
# reveal which emails have accounts.
DUMMY_HASH = _hasher.hash("pawgraph-timing-equaliser")
