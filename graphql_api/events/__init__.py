"""Live events: channel names (``channels``), the after-commit buffer (``buffer``) and the
pub/sub bus (``bus``). Callers use this package's names: ``events.publish(session, channel,
payload)`` in services, ``events.device_status_channel(id)`` anywhere, ``EventBus`` at startup.
"""

from graphql_api.events.buffer import (
    after_commit,
    publish,
    publish_message,
    take_after_commit,
    take_committed,
)
from graphql_api.events.bus import EventBus, Listener, Subscription
from graphql_api.events.channels import (
    DEVICE_OUTBOX_CHANNEL,
    VIEWERS_CHANNEL,
    battery_schedule_channel,
    device_commands_channel,
    device_status_channel,
    device_telemetry_channel,
    message_thread_channel,
    pet_behaviour_channel,
    user_alerts_channel,
    user_notifications_channel,
    user_sessions_channel,
)
from graphql_api.events.decoding import decode

__all__ = [
    "DEVICE_OUTBOX_CHANNEL",
    "VIEWERS_CHANNEL",
    "battery_schedule_channel",
    "EventBus",
    "Listener",
    "after_commit",
    "decode",
    "Subscription",
    "device_commands_channel",
    "device_status_channel",
    "device_telemetry_channel",
    "message_thread_channel",
    "pet_behaviour_channel",
    "publish",
    "take_after_commit",
    "publish_message",
    "take_committed",
    "user_alerts_channel",
    "user_notifications_channel",
    "user_sessions_channel",
]
