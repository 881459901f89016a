"""The REST shim firmware talks to: one router per device line, wire formats kept exactly."""

from fastapi import APIRouter

from device_rest import petio

router = APIRouter()
router.include_router(petio.router)
