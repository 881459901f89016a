"""The REST shim firmware talks to: one router per device line, wire formats kept exactly."""

from fastapi import APIRouter

from device_rest import (
    bench,
    petio,
    petio_commands,
    petio_logs,
    petio_pairing,
    petio_schedules,
    smart_outlet,
)

router = APIRouter()
router.include_router(petio.router)
router.include_router(petio_commands.router)
router.include_router(petio_logs.router)
router.include_router(petio_schedules.router)
router.include_router(petio_pairing.router)

# The Smart-Outlet hub's key is in its base URL: the app mounts this under /h/{hub_key}/api.
hub_router = smart_outlet.hub_router
# Only with PAWGRAPH_BENCH_ENDPOINTS=true: the bare endpoint bench/ingest.py compares with.
bench_router = bench.bench_router
