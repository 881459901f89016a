"""Every domain's ORM models, imported so the mapper and Alembic see the whole schema."""

from graphql_api.accounts.models import User
from graphql_api.db import Base
from graphql_api.devices.models import Device
from graphql_api.notifications.models import Notification, NotificationMute
from graphql_api.pets.models import Pet

__all__ = ["Base", "Device", "Notification", "NotificationMute", "Pet", "User"]
