"""Channel names of live events, one function per kind of stream.

Names carry no deployment prefix: the bus adds it (``Settings.event_channel_prefix``).
"""


def device_status_channel(device_id: int) -> str:
    return f"device.{device_id}.status"


def device_commands_channel(device_id: int) -> str:
    return f"device.{device_id}.commands"


def device_telemetry_channel(device_id: int) -> str:
    return f"device.{device_id}.telemetry"


def user_notifications_channel(user_id: int) -> str:
    return f"user.{user_id}.notifications"


def message_thread_channel(thread_id: int) -> str:
    return f"marketplace.thread.{thread_id}.messages"


def user_alerts_channel(user_id: int) -> str:
    return f"user.{user_id}.alerts"


def user_sessions_channel(user_id: int) -> str:
    """Token revocations (logout, suspension): open websockets of the user listen to close."""
    return f"user.{user_id}.sessions"


# A user's viewer changed (tokens revoked, suspended or reinstated): every API process drops the
# viewers it keeps for that user's tokens (graphql_api/viewer_cache.py).
VIEWERS_CHANNEL = "accounts.viewers"

# A service wrote something for the MQTT door to send (a command to a collar): every bridge
# sweeps its outbox at once instead of at its next periodic sweep. The event carries no data.
DEVICE_OUTBOX_CHANNEL = "devices.outbox"


def battery_schedule_channel(device_id: int) -> str:
    return f"device.{device_id}.battery_schedule"


def pet_behaviour_channel(pet_id: int) -> str:
    return f"pet.{pet_id}.behaviour"
