"""The REST shim firmware talks to: one router per device line, wire formats kept exactly."""

from fastapi import APIRouter

from device_rest import (
    petio,
    petio_commands,
    petio_logs,
    petio_pairing,
    petio_schedules,
    petty,
    smart_outlet,
    video,
)

router = APIRouter()
router.include_router(petio.router)
router.include_router(petio_commands.router)
router.include_router(petio_logs.router)
router.include_router(petio_schedules.router)
router.include_router(petio_pairing.router)
router.include_router(video.router)

# The Smart-Outlet hub's key is in its base URL: the app mounts this under /h/{hub_key}/api.
hub_router = smart_outlet.hub_router
# The routes devices report on, counted as readings of their line (pawgraph_device_readings_total).
READING_ROUTES = {
    petio.post_status: (petio.TAG, "heartbeat"),
    petio_logs.post_logs: (petio.TAG, "feeding_logs"),
    smart_outlet.post_data: (smart_outlet.TAG, "outlet"),
    smart_outlet.post_breaker_data: (smart_outlet.TAG, "breaker"),
}

# Petty collars post to /ingest and /v1/ingest at the root: the app mounts this without /api.
petty_router = petty.router
