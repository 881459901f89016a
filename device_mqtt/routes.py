"""Every device line's topics, in one router; a new line adds its router here."""

from device_mqtt import batteries, collars
from device_mqtt.router import Router


def build_router() -> Router:
    router = Router()
    router.include(collars.router)
    router.include(batteries.router)
    return router
