from datetime import date, datetime
from typing import Any, Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import (
    ActivityLevel,
    DeviceKind,
    ListingCondition,
    ListingStatus,
    NotificationDelivery,
    NotificationKind,
    PostVisibility,
    ReactionKind,
    ReportReason,
    ResolutionAction,
    Socket,
    Species,
)


class AddCommentInput(BaseModel):
    """A comment by the viewer on a post they can see."""

    post_id: str = Field(alias="postId")
    "The post."
    text: str
    "1 to 2000 characters."


class AlertIdInput(BaseModel):
    """One of the viewer's alerts."""

    id: str
    "The alert."


class ApproveFollowRequestInput(BaseModel):
    """Let a user who asked follow the viewer."""

    user_id: str = Field(alias="userId")
    "Who asked (a User or Profile ID)."


class BatteryProfileInput(BaseModel):
    """A battery's rating, capacity and site (BATTERY devices only)."""

    max_charge_kw: float = Field(alias="maxChargeKw")
    "Highest charge rate, kW (> 0)."
    max_discharge_kw: float = Field(alias="maxDischargeKw")
    "Highest discharge rate, kW (> 0)."
    capacity_kwh: float = Field(alias="capacityKwh")
    "Usable capacity, kWh (> 0)."
    time_zone: str = Field(alias="timeZone")
    "The site's IANA time zone, e.g. Asia/Manila."
    fetch_local_time: Optional[Any] = Field(alias="fetchLocalTime", default=None)
    "Site-local time to fetch tomorrow's schedule at."
    provider_url: Optional[str] = Field(alias="providerUrl", default=None)
    "The site's own schedule provider (http or https)."


class BlockUserInput(BaseModel):
    """Block a user: neither of you sees the other's content any more."""

    user_id: str = Field(alias="userId")
    "Whom to block (a User or Profile ID)."


class CalibrateInput(BaseModel):
    """Run the feeder's calibration."""

    device_id: str = Field(alias="deviceId")
    "One of the viewer's feeders."


class CounterPurchaseOfferInput(BaseModel):
    """A counter-offer on a request (by whoever received the latest offer)."""

    id: str
    "The purchase request."
    price: Any
    "The price you propose; positive, at most 2 decimals."
    message: Optional[str] = None
    "Up to 1000 characters."


class CreateCategoryInput(BaseModel):
    """A new category (admins only)."""

    name: str
    "1 to 60 characters, unique among its siblings."
    parent_id: Optional[str] = Field(alias="parentId", default=None)
    "The category to put it under; null for the top level."


class CreateFeedingScheduleInput(BaseModel):
    """A new schedule for one of the viewer's feeders."""

    device_id: str = Field(alias="deviceId")
    "One of the viewer's feeders."
    time: str
    "Local time of day, HH:MM (24-hour), in the viewer's time zone."
    grams: int
    "Portion in grams: 10 to 160, a multiple of 10."
    days_of_week: Optional[list[str]] = Field(alias="daysOfWeek", default=None)
    "Days it runs: Mon, Tue, Wed, Thu, Fri, Sat, Sun (any case). Omitted or null: every day."
    label: Optional[str] = None
    "Up to 32 characters."
    enabled: bool = True
    "Whether it fires."


class CreateListingInput(BaseModel):
    """A new listing of the viewer's."""

    title: str
    "1 to 120 characters."
    description: str
    "1 to 5000 characters."
    category_id: str = Field(alias="categoryId")
    "The listing's category."
    price: Any
    "Positive, at most 2 decimals (none for JPY and the like)."
    currency: str
    "ISO 4217 currency code, e.g. USD."
    condition: ListingCondition
    "The state the item is in."
    quantity: int = 1
    "1 to 10000 items sold together."
    location: Optional[str] = None
    "Where the item is, up to 120 characters."
    photos: list[str] = Field(default_factory=lambda: [])
    "Up to 10 http(s) image URLs, in display order."


class CreatePetInput(BaseModel):
    """A new pet of the viewer's."""

    name: str
    "1 to 60 characters."
    species: Species
    "Kind of animal."
    breed: Optional[str] = None
    "Breed, up to 80 characters."
    birthdate: Optional[date] = None
    "Not in the future."
    weight_kg: Optional[float] = Field(alias="weightKg", default=None)
    "Above 0, at most 500."
    activity_level: ActivityLevel = Field(
        alias="activityLevel", default=ActivityLevel.MODERATE
    )
    "How active the pet usually is."
    neutered: bool = False
    "Neutered or spayed."
    food_kcal_per_kg: Optional[int] = Field(alias="foodKcalPerKg", default=None)
    "The food's energy, 300 to 9000 kcal/kg (from its label)."


class CreatePostInput(BaseModel):
    """A new post by the viewer; it needs text or at least one photo."""

    text: str = ""
    "Up to 5000 characters."
    photo_urls: list[str] = Field(alias="photoUrls", default_factory=lambda: [])
    "Up to 10 http(s) image URLs, in display order."
    tagged_pet_ids: list[str] = Field(alias="taggedPetIds", default_factory=lambda: [])
    "Up to 10 of the viewer's own pets."
    visibility: PostVisibility = PostVisibility.PUBLIC
    "Who may see it."


class CutAllPowerInput(BaseModel):
    """Switch off every socket of every outlet of a hub."""

    hub_id: str = Field(alias="hubId")
    "One of the viewer's hubs."


class DeclineFollowRequestInput(BaseModel):
    """Turn down a user's request to follow the viewer."""

    user_id: str = Field(alias="userId")
    "Who asked (a User or Profile ID)."


class DeleteCategoryInput(BaseModel):
    """The category to delete (admins only)."""

    id: str
    "An empty leaf: no subcategories and no listings."


class DeleteCommentInput(BaseModel):
    """A comment to delete: the viewer's own, or one on their post."""

    id: str
    "The comment."


class DeleteFeedingScheduleInput(BaseModel):
    """One of the viewer's feeding schedules."""

    id: str
    "The schedule to delete."


class DeletePetInput(BaseModel):
    """The pet to delete."""

    id: str
    "The pet to delete."


class DeletePostInput(BaseModel):
    """The viewer's post to delete."""

    id: str
    "The post to delete."


class DeviceIdInput(BaseModel):
    """One of the viewer's devices."""

    id: str
    "The device."


class FeedNowInput(BaseModel):
    """Dispense a portion now."""

    device_id: str = Field(alias="deviceId")
    "One of the viewer's feeders."
    grams: int
    "10 to 160 grams, in steps of 10."


class FetchBatteryScheduleInput(BaseModel):
    """The battery whose schedule for tomorrow to fetch now."""

    device_id: str = Field(alias="deviceId")
    "A BATTERY device."


class FocusOutletInput(BaseModel):
    """The outlet a hub should poll when nobody is watching one live."""

    outlet_id: str = Field(alias="outletId")
    "One of the viewer's outlets."


class FollowUserInput(BaseModel):
    """Follow a user, or ask to if their profile is private."""

    user_id: str = Field(alias="userId")
    "Whom to follow (a User or Profile ID)."


class IssueHubBaseUrlInput(BaseModel):
    """One of the viewer's hubs."""

    hub_id: str = Field(alias="hubId")
    "The hub whose key is replaced."


class ListingFilterInput(BaseModel):
    """What to search the catalog for; every filter is optional."""

    text: Optional[str] = None
    "Words in the title or description."
    category_id: Optional[str] = Field(alias="categoryId", default=None)
    "A category; its subcategories are included."
    price_min: Optional[Any] = Field(alias="priceMin", default=None)
    "Lowest price, inclusive."
    price_max: Optional[Any] = Field(alias="priceMax", default=None)
    "Highest price, inclusive."
    currency: Optional[str] = None
    "Only prices in this currency."
    conditions: Optional[list[ListingCondition]] = None
    "Any of these conditions."
    seller_id: Optional[str] = Field(alias="sellerId", default=None)
    "One seller's listings."
    statuses: Optional[list[ListingStatus]] = None
    "Any of these statuses; ACTIVE when omitted. REMOVED ones show only to their seller and staff."


class ListingIdInput(BaseModel):
    """One of the viewer's listings."""

    id: str
    "The listing."


class LoginInput(BaseModel):
    """Credentials to exchange for an access token."""

    email: str
    "Login email."
    password: str
    "Password."


class LogoutInput(BaseModel):
    """Which tokens to revoke."""

    everywhere: bool = False
    "Revoke every token of the viewer, not only the one this request carries."


class MarkListingSoldInput(BaseModel):
    """Mark one of the viewer's ACTIVE listings sold, without a purchase request."""

    id: str
    "The listing."
    buyer_id: Optional[str] = Field(alias="buyerId", default=None)
    "The buyer, if they have an account; the sale shows in their history."
    price: Optional[Any] = None
    "The price it sold for; the asking price when omitted."


class MarkNotificationsReadInput(BaseModel):
    """Which of the viewer's notifications to mark read."""

    ids: Optional[list[str]] = None
    "These notifications (1 to 100 of the viewer's own)."
    all: bool = False
    "Every unread notification instead."


class MarkThreadReadInput(BaseModel):
    """A thread to mark read."""

    thread_id: str = Field(alias="threadId")
    "A thread the viewer is a party to."


class NotificationPreferenceInput(BaseModel):
    """How to deliver one kind of notification."""

    kind: NotificationKind
    "The kind."
    delivery: NotificationDelivery
    "Where it should reach the viewer (DIGEST: social kinds only)."


class PingInput(BaseModel):
    """Check that a device answers."""

    device_id: str = Field(alias="deviceId")
    "One of the viewer's outlets, collars or battery agents."


class PurchaseRequestIdInput(BaseModel):
    """A purchase request to move."""

    id: str
    "The purchase request."


class ReactToPostInput(BaseModel):
    """React to a post; reacting again replaces the viewer's reaction."""

    post_id: str = Field(alias="postId")
    "The post."
    kind: ReactionKind
    "The reaction."


class ReadSensorsInput(BaseModel):
    """Ask an outlet for a fresh reading."""

    outlet_id: str = Field(alias="outletId")
    "One of the viewer's outlets."


class RegisterDeviceInput(BaseModel):
    """A device to register to the viewer."""

    kind: DeviceKind
    "What sort of device."
    name: str
    "1 to 80 characters."
    hardware_id: str = Field(alias="hardwareId")
    "ESP-XXXXXXXX for feeders; 2 hex digits for outlets (unique within their hub)."
    location: Optional[str] = None
    "Up to 120 characters."
    firmware_version: Optional[str] = Field(alias="firmwareVersion", default=None)
    "Firmware version."
    pet_id: Optional[str] = Field(alias="petId", default=None)
    "One of the viewer's pets."
    parent_hub_id: Optional[str] = Field(alias="parentHubId", default=None)
    "Required for outlets: the viewer's hub they belong to."
    battery: Optional["BatteryProfileInput"] = None
    "Batteries: rating, capacity and site."


class RegisterInput(BaseModel):
    """A new account."""

    email: str
    "Login email; must be unused."
    password: str
    "At least 10 characters, not only letters or digits."
    display_name: str = Field(alias="displayName")
    "Name shown to other people, 1 to 80 characters."
    time_zone: str = Field(alias="timeZone", default="UTC")
    "IANA time zone, e.g. Asia/Manila."


class RemoveCommentInput(BaseModel):
    """A comment a moderator takes down."""

    id: str
    "The comment."


class RemoveFollowerInput(BaseModel):
    """Make a user stop following the viewer."""

    user_id: str = Field(alias="userId")
    "The follower to remove (a User or Profile ID)."


class RemovePostInput(BaseModel):
    """A post a moderator takes down."""

    id: str
    "The post to remove."


class RemoveReactionInput(BaseModel):
    """Take back the viewer's reaction to a post."""

    post_id: str = Field(alias="postId")
    "The post."


class RenameCategoryInput(BaseModel):
    """A new name for a category (admins only)."""

    id: str
    "The category to rename."
    name: str
    "1 to 60 characters, unique among its siblings."


class ReportContentInput(BaseModel):
    """Report a listing, post, comment or user; reporting it again returns your report."""

    target_id: str = Field(alias="targetId")
    "ID of a Listing, Post, Comment or User."
    reason: ReportReason
    "Why."
    details: Optional[str] = None
    "Up to 1000 characters."


class RequestPurchaseInput(BaseModel):
    """Ask to buy a listing; asking again returns your open request."""

    listing_id: str = Field(alias="listingId")
    "An ACTIVE listing of someone else's."
    price: Optional[Any] = None
    "Your offer; the asking price when omitted."
    message: Optional[str] = None
    "Up to 1000 characters."


class ResolveReportInput(BaseModel):
    """A moderator's decision on a report."""

    report_id: str = Field(alias="reportId")
    "An OPEN report."
    action: ResolutionAction
    "DISMISS, REMOVE_CONTENT or SUSPEND_USER (the author); settles every open report of the object."
    note: Optional[str] = None
    "Up to 1000 characters."


class SchedulePurchaseMeetupInput(BaseModel):
    """The time and place of the hand-over of an accepted request."""

    id: str
    "The purchase request."
    at: datetime
    "When, with a time zone offset; in the next year."
    place: str
    "Where, 1 to 200 characters."


class SendMessageInput(BaseModel):
    """A message: in a thread, or (buyers) about a listing to open one."""

    body: str
    "1 to 2000 characters."
    thread_id: Optional[str] = Field(alias="threadId", default=None)
    "A thread the viewer is a party to."
    listing_id: Optional[str] = Field(alias="listingId", default=None)
    "A listing of someone else's: opens (or reuses) the viewer's thread."


class SetNotificationKindMutedInput(BaseModel):
    """Stop or resume receiving one kind of notification."""

    kind: NotificationKind
    "The kind."
    muted: bool
    "True to stop receiving it, false to resume."


class SetNotificationPreferencesInput(BaseModel):
    """Change how the viewer gets some kinds of notification."""

    preferences: list["NotificationPreferenceInput"]
    "One per kind to change (each kind at most once); other kinds keep theirs."


class SetNotificationWebhookInput(BaseModel):
    """Set or remove the viewer's notification webhook."""

    url: Optional[str] = None
    "An absolute http(s) URL (https, to a public host, in production); null removes the webhook."


class SetRelayInput(BaseModel):
    """Switch one socket of an outlet on or off."""

    outlet_id: str = Field(alias="outletId")
    "One of the viewer's outlets."
    socket: Socket
    "Which socket."
    on: bool
    "True to switch it on, false to switch it off."


class SetThresholdInput(BaseModel):
    """Set the current above which an outlet raises a THRESHOLD alert."""

    outlet_id: str = Field(alias="outletId")
    "One of the viewer's outlets."
    milliamps: int
    "Above 0, below 65535 (the overload marker)."


class StopFeedingInput(BaseModel):
    """Stop a feed in progress."""

    device_id: str = Field(alias="deviceId")
    "One of the viewer's feeders."


class TreatInput(BaseModel):
    """Tap a treat: the collar dispenses one (TreatTap)."""

    device_id: str = Field(alias="deviceId")
    "One of the viewer's collars."


class UnblockUserInput(BaseModel):
    """Lift the viewer's block of a user."""

    user_id: str = Field(alias="userId")
    "Whom to unblock (a User or Profile ID)."


class UnfollowUserInput(BaseModel):
    """Stop following a user, or withdraw a request to."""

    user_id: str = Field(alias="userId")
    "Whom to stop following (a User or Profile ID)."


class UpdateCommentInput(BaseModel):
    """New text for the viewer's comment."""

    id: str
    "The comment."
    text: str
    "1 to 2000 characters."


class UpdateDeviceInput(BaseModel):
    """Changes to one of the viewer's devices; omitted fields stay as they are."""

    id: str
    "The device to change."
    name: Optional[str] = None
    "1 to 80 characters."
    location: Optional[str] = None
    "Null clears it."
    pet_id: Optional[str] = Field(alias="petId", default=None)
    "Assign to one of the viewer's pets; null unassigns."
    battery: Optional["BatteryProfileInput"] = None
    "Batteries: a new rating, capacity and site."


class UpdateFeedingScheduleInput(BaseModel):
    """Changes to one of the viewer's schedules; omitted fields stay as they are."""

    id: str
    "The schedule to change."
    time: Optional[str] = None
    "HH:MM (24-hour), local time."
    grams: Optional[int] = None
    "10 to 160, a multiple of 10."
    days_of_week: Optional[list[str]] = Field(alias="daysOfWeek", default=None)
    "Days it runs: Mon, Tue, Wed, Thu, Fri, Sat, Sun (any case). Null: every day."
    label: Optional[str] = None
    "Up to 32 characters; null clears it."
    enabled: Optional[bool] = None
    "Whether it fires."


class UpdateListingInput(BaseModel):
    """Changes to one of the viewer's listings; omitted fields stay as they are."""

    id: str
    "The listing to change (ACTIVE or RESERVED)."
    title: Optional[str] = None
    "1 to 120 characters."
    description: Optional[str] = None
    "1 to 5000 characters."
    category_id: Optional[str] = Field(alias="categoryId", default=None)
    "Another category."
    price: Optional[Any] = None
    "Positive, at most 2 decimals."
    currency: Optional[str] = None
    "ISO 4217 currency code."
    condition: Optional[ListingCondition] = None
    "Condition."
    quantity: Optional[int] = None
    "1 to 10000."
    location: Optional[str] = None
    "Null clears it."
    photos: Optional[list[str]] = None
    "Replaces every photo; up to 10 http(s) URLs, in order."


class UpdatePetInput(BaseModel):
    """Changes to one of the viewer's pets; omitted fields stay as they are."""

    id: str
    "The pet to change."
    name: Optional[str] = None
    "1 to 60 characters."
    species: Optional[Species] = None
    "Kind of animal."
    breed: Optional[str] = None
    "Breed; null clears it."
    birthdate: Optional[date] = None
    "Null clears it."
    weight_kg: Optional[float] = Field(alias="weightKg", default=None)
    "Null clears it."
    activity_level: Optional[ActivityLevel] = Field(alias="activityLevel", default=None)
    "Activity."
    neutered: Optional[bool] = None
    "Neutered or spayed."
    food_kcal_per_kg: Optional[int] = Field(alias="foodKcalPerKg", default=None)
    "The food's energy, kcal/kg; null clears it."


class UpdatePostInput(BaseModel):
    """Changes to the viewer's post; omitted fields stay as they are."""

    id: str
    "The post to change."
    text: Optional[str] = None
    "New text."
    photo_urls: Optional[list[str]] = Field(alias="photoUrls", default=None)
    "Replace the photos (null or [] removes them)."
    tagged_pet_ids: Optional[list[str]] = Field(alias="taggedPetIds", default=None)
    "Replace the tagged pets (null or [] untags all)."
    visibility: Optional[PostVisibility] = None
    "Who may see it."


class UpdateProfileInput(BaseModel):
    """Changes to the viewer's profile; omitted fields stay as they are."""

    display_name: Optional[str] = Field(alias="displayName", default=None)
    "1 to 80 characters."
    bio: Optional[str] = None
    "Up to 500 characters; null or empty clears it."
    avatar_url: Optional[str] = Field(alias="avatarUrl", default=None)
    "An http(s) URL; null clears it."
    is_private: Optional[bool] = Field(alias="isPrivate", default=None)
    "Private profiles approve followers; going public approves waiting requests."


class UserSuspensionInput(BaseModel):
    """A user to suspend or reinstate."""

    user_id: str = Field(alias="userId")
    "The user."


RegisterDeviceInput.model_rebuild()
SetNotificationPreferencesInput.model_rebuild()
UpdateDeviceInput.model_rebuild()
