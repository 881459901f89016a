"""Every domain's ORM models, imported so the mapper and Alembic see the whole schema."""

from graphql_api.accounts.models import User
from graphql_api.alerts.models import Alert
from graphql_api.commands.models import Command, CommandTransition
from graphql_api.db import Base
from graphql_api.devices.models import Device
from graphql_api.feeding.models import FeedingLog
from graphql_api.marketplace.models import (
    Category,
    Listing,
    ListingPhoto,
    Message,
    MessageThread,
    PurchaseOffer,
    PurchaseRequest,
    Transaction,
)
from graphql_api.moderation.models import Report
from graphql_api.notifications.models import Notification, NotificationMute
from graphql_api.outlets.models import HubFocus
from graphql_api.pairing.models import PairingClaimAttempt, PairingRequest
from graphql_api.pets.models import Pet
from graphql_api.schedules.models import FeedingSchedule, ScheduleFiring
from graphql_api.social.blocks.models import Block
from graphql_api.social.comments.models import Comment
from graphql_api.social.follows.models import Follow
from graphql_api.social.posts.models import Post, PostPet, PostPhoto
from graphql_api.social.profiles.models import SocialProfile
from graphql_api.social.reactions.models import Reaction
from graphql_api.telemetry.models import TelemetryCursor, TelemetryPoint, TelemetryWatcher

__all__ = [
    "Alert",
    "Base",
    "Block",
    "Category",
    "Command",
    "CommandTransition",
    "Comment",
    "Device",
    "FeedingLog",
    "FeedingSchedule",
    "Follow",
    "HubFocus",
    "Listing",
    "ListingPhoto",
    "Message",
    "MessageThread",
    "Notification",
    "NotificationMute",
    "PairingClaimAttempt",
    "PairingRequest",
    "Pet",
    "Post",
    "PostPet",
    "PostPhoto",
    "PurchaseOffer",
    "PurchaseRequest",
    "Reaction",
    "Report",
    "ScheduleFiring",
    "SocialProfile",
    "TelemetryCursor",
    "TelemetryPoint",
    "TelemetryWatcher",
    "Transaction",
    "User",
]
