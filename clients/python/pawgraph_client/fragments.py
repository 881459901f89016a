from datetime import date, datetime
from typing import Any, Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import (
    ActivityLevel,
    AlertKind,
    AlertStatus,
    CommandConfirmation,
    CommandKind,
    CommandStatus,
    DeviceKind,
    ErrorCode,
    FollowStatus,
    ListingCondition,
    ListingStatus,
    NotificationDelivery,
    NotificationKind,
    PostVisibility,
    PurchaseParty,
    PurchaseRequestMove,
    PurchaseRequestState,
    ReactionKind,
    ReportReason,
    ReportStatus,
    ReportTargetType,
    Role,
    ScheduleStatus,
    SlotMode,
    SlotStatus,
    Species,
)


class AlertFields(BaseModel):
    id: str
    kind: AlertKind
    status: AlertStatus
    message: str
    raised_at: datetime = Field(alias="raisedAt")
    acknowledged_at: Optional[datetime] = Field(alias="acknowledgedAt")
    cleared_at: Optional[datetime] = Field(alias="clearedAt")
    cleared_by_condition: bool = Field(alias="clearedByCondition")
    device: Optional["AlertFieldsDevice"]


class AlertFieldsDevice(BaseModel):
    id: str
    name: str
    kind: DeviceKind


class BatteryScheduleFields(BaseModel):
    id: str
    date: date
    message_id: str = Field(alias="messageId")
    status: ScheduleStatus
    time_zone: str = Field(alias="timeZone")
    send_count: int = Field(alias="sendCount")
    reason: Optional[str]
    created_at: datetime = Field(alias="createdAt")
    last_sent_at: Optional[datetime] = Field(alias="lastSentAt")
    acknowledged_at: Optional[datetime] = Field(alias="acknowledgedAt")
    finished_at: Optional[datetime] = Field(alias="finishedAt")
    slots: list["BatteryScheduleFieldsSlots"]


class BatteryScheduleFieldsSlots(BaseModel):
    slot: int
    start: str
    mode: SlotMode
    rate_kw: float = Field(alias="rateKw")
    status: SlotStatus
    detail: Optional[str]
    reported_at: Optional[datetime] = Field(alias="reportedAt")


class CommandFields(BaseModel):
    id: str
    kind: CommandKind
    args: Any
    status: CommandStatus
    confirmation: CommandConfirmation
    reason: Optional[str]
    group_id: Optional[str] = Field(alias="groupId")
    created_at: datetime = Field(alias="createdAt")
    expires_at: datetime = Field(alias="expiresAt")
    sent_at: Optional[datetime] = Field(alias="sentAt")
    finished_at: Optional[datetime] = Field(alias="finishedAt")
    issued_by: Optional["CommandFieldsIssuedBy"] = Field(alias="issuedBy")
    transitions: list["CommandFieldsTransitions"]


class CommandFieldsIssuedBy(BaseModel):
    id: str
    display_name: str = Field(alias="displayName")


class CommandFieldsTransitions(BaseModel):
    status: CommandStatus
    at: datetime
    reason: Optional[str]


class CommentFields(BaseModel):
    id: str
    text: str
    created_at: datetime = Field(alias="createdAt")
    updated_at: datetime = Field(alias="updatedAt")
    viewer_is_author: bool = Field(alias="viewerIsAuthor")
    viewer_can_delete: bool = Field(alias="viewerCanDelete")
    author: Optional["CommentFieldsAuthor"]


class CommentFieldsAuthor(BaseModel):
    id: str
    user_id: str = Field(alias="userId")
    display_name: str = Field(alias="displayName")


class DeviceFields(BaseModel):
    id: str
    kind: DeviceKind
    name: str
    location: Optional[str]
    hardware_id: str = Field(alias="hardwareId")
    firmware_version: Optional[str] = Field(alias="firmwareVersion")
    last_seen_at: Optional[datetime] = Field(alias="lastSeenAt")
    created_at: datetime = Field(alias="createdAt")
    online: bool
    pet: Optional["DeviceFieldsPet"]
    parent_hub: Optional["DeviceFieldsParentHub"] = Field(alias="parentHub")


class DeviceFieldsPet(BaseModel):
    id: str
    name: str


class DeviceFieldsParentHub(BaseModel):
    id: str
    hardware_id: str = Field(alias="hardwareId")


class FeedingScheduleFields(BaseModel):
    id: str
    time: str
    days_of_week: list[str] = Field(alias="daysOfWeek")
    grams: int
    label: str
    enabled: bool
    created_at: datetime = Field(alias="createdAt")
    updated_at: datetime = Field(alias="updatedAt")
    last_triggered_at: Optional[datetime] = Field(alias="lastTriggeredAt")


class MoneyFields(BaseModel):
    amount: Any
    currency: str


class ListingFields(BaseModel):
    id: str
    title: str
    description: str
    price: "ListingFieldsPrice"
    condition: ListingCondition
    quantity: int
    location: Optional[str]
    status: ListingStatus
    created_at: datetime = Field(alias="createdAt")
    updated_at: datetime = Field(alias="updatedAt")
    sold_at: Optional[datetime] = Field(alias="soldAt")
    viewer_is_seller: bool = Field(alias="viewerIsSeller")
    seller: Optional["ListingFieldsSeller"]
    category: Optional["ListingFieldsCategory"]
    photos: list["ListingFieldsPhotos"]


class ListingFieldsPrice(MoneyFields):
    pass


class ListingFieldsSeller(BaseModel):
    id: str
    display_name: str = Field(alias="displayName")


class ListingFieldsCategory(BaseModel):
    id: str
    name: str
    slug: str


class ListingFieldsPhotos(BaseModel):
    url: str
    position: int


class MessageFields(BaseModel):
    id: str
    body: str
    created_at: datetime = Field(alias="createdAt")
    thread_id: str = Field(alias="threadId")
    is_mine: bool = Field(alias="isMine")
    sender: Optional["MessageFieldsSender"]


class MessageFieldsSender(BaseModel):
    id: str
    display_name: str = Field(alias="displayName")


class MessageThreadFields(BaseModel):
    id: str
    created_at: datetime = Field(alias="createdAt")
    last_message_at: datetime = Field(alias="lastMessageAt")
    unread_count: int = Field(alias="unreadCount")
    listing: Optional["MessageThreadFieldsListing"]
    buyer: Optional["MessageThreadFieldsBuyer"]
    seller: Optional["MessageThreadFieldsSeller"]
    last_message: Optional["MessageThreadFieldsLastMessage"] = Field(
        alias="lastMessage"
    )


class MessageThreadFieldsListing(BaseModel):
    id: str
    title: str


class MessageThreadFieldsBuyer(BaseModel):
    id: str
    display_name: str = Field(alias="displayName")


class MessageThreadFieldsSeller(BaseModel):
    id: str
    display_name: str = Field(alias="displayName")


class MessageThreadFieldsLastMessage(MessageFields):
    pass


class NotificationFields(BaseModel):
    id: str
    kind: NotificationKind
    text: str
    created_at: datetime = Field(alias="createdAt")
    read_at: Optional[datetime] = Field(alias="readAt")
    read: bool
    target_id: Optional[str] = Field(alias="targetId")
    actor: Optional["NotificationFieldsActor"]


class NotificationFieldsActor(BaseModel):
    id: str
    display_name: str = Field(alias="displayName")


class NotificationPreferenceFields(BaseModel):
    kind: NotificationKind
    delivery: NotificationDelivery
    chosen: bool
    digest_allowed: bool = Field(alias="digestAllowed")


class OutletStateFields(BaseModel):
    outlet: "OutletStateFieldsOutlet"
    relay_a: Optional[bool] = Field(alias="relayA")
    relay_b: Optional[bool] = Field(alias="relayB")
    threshold_milliamps: Optional[int] = Field(alias="thresholdMilliamps")
    current_a_milliamps: Optional[int] = Field(alias="currentAMilliamps")
    current_b_milliamps: Optional[int] = Field(alias="currentBMilliamps")
    overload: bool
    last_reading_at: Optional[datetime] = Field(alias="lastReadingAt")
    online: bool
    watched: bool


class OutletStateFieldsOutlet(BaseModel):
    id: str
    name: str
    hardware_id: str = Field(alias="hardwareId")


class PageInfoFields(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    has_previous_page: bool = Field(alias="hasPreviousPage")
    start_cursor: Optional[str] = Field(alias="startCursor")
    end_cursor: Optional[str] = Field(alias="endCursor")


class PetFields(BaseModel):
    id: str
    name: str
    species: Species
    breed: Optional[str]
    birthdate: Optional[date]
    weight_kg: Optional[float] = Field(alias="weightKg")
    activity_level: ActivityLevel = Field(alias="activityLevel")
    neutered: bool
    created_at: datetime = Field(alias="createdAt")


class PostFields(BaseModel):
    id: str
    text: str
    visibility: PostVisibility
    created_at: datetime = Field(alias="createdAt")
    updated_at: datetime = Field(alias="updatedAt")
    viewer_is_author: bool = Field(alias="viewerIsAuthor")
    author: Optional["PostFieldsAuthor"]
    photos: list["PostFieldsPhotos"]
    tagged_pets: list["PostFieldsTaggedPets"] = Field(alias="taggedPets")
    reaction_counts: list["PostFieldsReactionCounts"] = Field(alias="reactionCounts")
    reaction_count: int = Field(alias="reactionCount")
    viewer_reaction: Optional[ReactionKind] = Field(alias="viewerReaction")
    comment_count: int = Field(alias="commentCount")


class PostFieldsAuthor(BaseModel):
    id: str
    user_id: str = Field(alias="userId")
    display_name: str = Field(alias="displayName")
    avatar_url: Optional[str] = Field(alias="avatarUrl")


class PostFieldsPhotos(BaseModel):
    url: str
    position: int


class PostFieldsTaggedPets(BaseModel):
    pet_id: str = Field(alias="petId")
    name: str
    species: Species


class PostFieldsReactionCounts(BaseModel):
    kind: ReactionKind
    count: int


class ProfileFields(BaseModel):
    id: str
    user_id: str = Field(alias="userId")
    display_name: str = Field(alias="displayName")
    bio: Optional[str]
    avatar_url: Optional[str] = Field(alias="avatarUrl")
    is_private: bool = Field(alias="isPrivate")
    joined_at: datetime = Field(alias="joinedAt")
    is_viewer: bool = Field(alias="isViewer")
    follower_count: int = Field(alias="followerCount")
    following_count: int = Field(alias="followingCount")
    viewer_follow_status: Optional[FollowStatus] = Field(alias="viewerFollowStatus")
    follows_viewer: bool = Field(alias="followsViewer")
    viewer_has_blocked: bool = Field(alias="viewerHasBlocked")
    content_visible: bool = Field(alias="contentVisible")


class ProfileListFields(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "ProfileListFieldsPageInfo" = Field(alias="pageInfo")
    edges: list["ProfileListFieldsEdges"]


class ProfileListFieldsPageInfo(PageInfoFields):
    pass


class ProfileListFieldsEdges(BaseModel):
    node: "ProfileListFieldsEdgesNode"


class ProfileListFieldsEdgesNode(ProfileFields):
    pass


class PurchaseRequestFields(BaseModel):
    id: str
    state: PurchaseRequestState
    offer: "PurchaseRequestFieldsOffer"
    offered_by: PurchaseParty = Field(alias="offeredBy")
    meetup_at: Optional[datetime] = Field(alias="meetupAt")
    meetup_place: Optional[str] = Field(alias="meetupPlace")
    created_at: datetime = Field(alias="createdAt")
    updated_at: datetime = Field(alias="updatedAt")
    accepted_at: Optional[datetime] = Field(alias="acceptedAt")
    closed_at: Optional[datetime] = Field(alias="closedAt")
    viewer_role: Optional[PurchaseParty] = Field(alias="viewerRole")
    available_moves: list[PurchaseRequestMove] = Field(alias="availableMoves")
    listing: Optional["PurchaseRequestFieldsListing"]
    buyer: Optional["PurchaseRequestFieldsBuyer"]
    seller: Optional["PurchaseRequestFieldsSeller"]


class PurchaseRequestFieldsOffer(MoneyFields):
    pass


class PurchaseRequestFieldsListing(BaseModel):
    id: str
    title: str


class PurchaseRequestFieldsBuyer(BaseModel):
    id: str
    display_name: str = Field(alias="displayName")


class PurchaseRequestFieldsSeller(BaseModel):
    id: str
    display_name: str = Field(alias="displayName")


class ReportFields(BaseModel):
    id: str
    target_type: ReportTargetType = Field(alias="targetType")
    target_id: str = Field(alias="targetId")
    reason: ReportReason
    details: Optional[str]
    status: ReportStatus
    resolution_note: Optional[str] = Field(alias="resolutionNote")
    created_at: datetime = Field(alias="createdAt")
    resolved_at: Optional[datetime] = Field(alias="resolvedAt")
    open_reports_of_target: int = Field(alias="openReportsOfTarget")
    reporter: Optional["ReportFieldsReporter"]
    resolved_by: Optional["ReportFieldsResolvedBy"] = Field(alias="resolvedBy")


class ReportFieldsReporter(BaseModel):
    id: str
    display_name: str = Field(alias="displayName")


class ReportFieldsResolvedBy(BaseModel):
    id: str
    display_name: str = Field(alias="displayName")


class UserErrorFields(BaseModel):
    field: Optional[list[str]]
    code: ErrorCode
    message: str


class UserFields(BaseModel):
    id: str
    email: Optional[str]
    display_name: str = Field(alias="displayName")
    role: Optional[Role]
    time_zone: Optional[str] = Field(alias="timeZone")
    created_at: Optional[datetime] = Field(alias="createdAt")


AlertFields.model_rebuild()
BatteryScheduleFields.model_rebuild()
CommandFields.model_rebuild()
CommentFields.model_rebuild()
DeviceFields.model_rebuild()
FeedingScheduleFields.model_rebuild()
MoneyFields.model_rebuild()
ListingFields.model_rebuild()
MessageFields.model_rebuild()
MessageThreadFields.model_rebuild()
NotificationFields.model_rebuild()
NotificationPreferenceFields.model_rebuild()
OutletStateFields.model_rebuild()
PageInfoFields.model_rebuild()
PetFields.model_rebuild()
PostFields.model_rebuild()
ProfileFields.model_rebuild()
ProfileListFields.model_rebuild()
PurchaseRequestFields.model_rebuild()
ReportFields.model_rebuild()
UserErrorFields.model_rebuild()
UserFields.model_rebuild()
