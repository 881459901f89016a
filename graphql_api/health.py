"""What a load balancer and an operator ask an API process: is it alive, is it ready.

* ``/healthz`` (liveness): 200 whenever the process answers, with what it can reach in the body.
  A database or Redis outage must not make an orchestrator restart every process at once.
* ``/readyz`` (readiness): 200 only when the database and the bus answer and the database's
  schema is at the migrations' head; 503 otherwise, so the load balancer sends traffic
  elsewhere (a process started before ``pawgraph migrate`` ran is not ready).
"""

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy import text

import migrations
from graphql_api.deliveries import service as deliveries_service
from graphql_api.jobs import service as jobs_service
from graphql_api.outbox import service as outbox_service
from graphql_api.state import AppState

logger = logging.getLogger(__name__)


@lru_cache
def migration_heads() -> frozenset[str]:
    return frozenset(ScriptDirectory(str(Path(migrations.__file__).parent)).get_heads())


async def _applied_revisions(state: AppState) -> frozenset[str] | None:
    """The database's Alembic revisions, or None when the database cannot be reached."""
    try:
        async with state.engine.connect() as connection:
            rows = await connection.execute(text("SELECT version_num FROM alembic_version"))
            return frozenset(row[0] for row in rows)
    except Exception:  # any failure to reach or read the database means "not ready"
        logger.warning("health check: database unreachable or not migrated", exc_info=True)
        return None


def _bus_counters(state: AppState) -> dict[str, int]:
    bus = state.bus
    return {
        "subscriptions": bus.subscriptions,
        "failed_publishes": bus.failed_publishes,
        "dropped_lagging": bus.dropped_lagging,
        "resyncs": bus.resyncs,
    }


async def readiness(state: AppState) -> tuple[bool, dict[str, Any]]:
    applied = await _applied_revisions(state)
    pubsub = await state.bus.ping()
    at_head = applied is not None and applied == migration_heads()
    body = {
        "database": "unreachable" if applied is None else "ok",
        "migrations": "at head" if at_head else "behind" if applied is not None else "unknown",
        "pubsub": "ok" if pubsub else "unreachable",
    }
    ready = applied is not None and at_head and pubsub
    return ready, {"status": "ready" if ready else "not ready", **body}


async def liveness(state: AppState) -> dict[str, Any]:
    ready, body = await readiness(state)
    details: dict[str, Any] = {
        "bus": _bus_counters(state),
        "jobs": None,
        "outbox_waiting": None,
        "deliveries": None,
    }
    if body["database"] == "ok":
        try:
            async with state.sessionmaker() as session:
                details["outbox_waiting"] = await outbox_service.waiting(session)
                details["deliveries"] = await deliveries_service.backlog(session)
            details["jobs"] = await jobs_service.status(state)
        except Exception:  # the database went away between the two checks
            logger.warning("health check: database failed mid-check", exc_info=True)
    return {**body, "status": "ok" if ready else "degraded", **details}
