from collections.abc import AsyncIterator
from datetime import date, datetime
from typing import Any, Optional, Union

from .accept_purchase_request import AcceptPurchaseRequest
from .acknowledge_alert import AcknowledgeAlert
from .add_comment import AddComment
from .alert_raised import AlertRaised
from .alerts import Alerts
from .approve_follow_request import ApproveFollowRequest
from .async_base_client import AsyncBaseClient
from .base_model import UNSET, UnsetType
from .battery_schedule import BatterySchedule
from .battery_schedule_timeline import BatteryScheduleTimeline
from .battery_schedule_updated import BatteryScheduleUpdated
from .behaviour_event import BehaviourEvent
from .block_user import BlockUser
from .blocked_users import BlockedUsers
from .calibrate import Calibrate
from .cancel_purchase_request import CancelPurchaseRequest
from .categories import Categories
from .clear_alert import ClearAlert
from .command_updated import CommandUpdated
from .commands import Commands
from .comments import Comments
from .complete_purchase import CompletePurchase
from .counter_purchase_offer import CounterPurchaseOffer
from .create_category import CreateCategory
from .create_feeding_schedule import CreateFeedingSchedule
from .create_listing import CreateListing
from .create_pet import CreatePet
from .create_post import CreatePost
from .cut_all_power import CutAllPower
from .dashboard import Dashboard
from .decline_follow_request import DeclineFollowRequest
from .delete_category import DeleteCategory
from .delete_comment import DeleteComment
from .delete_device import DeleteDevice
from .delete_feeding_schedule import DeleteFeedingSchedule
from .delete_pet import DeletePet
from .delete_post import DeletePost
from .device_by_id import DeviceById
from .device_status import DeviceStatus
from .devices import Devices
from .enums import (
    AlertKind,
    AlertStatus,
    AnalyticsPeriod,
    CommandStatus,
    DeviceKind,
    FeedingSource,
    ListingSort,
    NotificationOrder,
    PurchaseParty,
    PurchaseRequestState,
    ReportStatus,
    ReportTargetType,
    TransactionRole,
)
from .feed import Feed
from .feed_now import FeedNow
from .feeding_daily_totals import FeedingDailyTotals
from .feeding_history import FeedingHistory
from .feeding_schedules import FeedingSchedules
from .fetch_battery_schedule import FetchBatterySchedule
from .focus_outlet import FocusOutlet
from .follow_requests import FollowRequests
from .follow_user import FollowUser
from .followers import Followers
from .following import Following
from .health_score import HealthScore
from .hub_setup import HubSetup
from .hub_state import HubState
from .input_types import (
    AddCommentInput,
    AlertIdInput,
    ApproveFollowRequestInput,
    BlockUserInput,
    CalibrateInput,
    CounterPurchaseOfferInput,
    CreateCategoryInput,
    CreateFeedingScheduleInput,
    CreateListingInput,
    CreatePetInput,
    CreatePostInput,
    CutAllPowerInput,
    DeclineFollowRequestInput,
    DeleteCategoryInput,
    DeleteCommentInput,
    DeleteFeedingScheduleInput,
    DeletePetInput,
    DeletePostInput,
    DeviceIdInput,
    FeedNowInput,
    FetchBatteryScheduleInput,
    FocusOutletInput,
    FollowUserInput,
    IssueHubBaseUrlInput,
    ListingFilterInput,
    ListingIdInput,
    LoginInput,
    LogoutInput,
    MarkListingSoldInput,
    MarkNotificationsReadInput,
    MarkThreadReadInput,
    PingInput,
    PurchaseRequestIdInput,
    ReactToPostInput,
    ReadSensorsInput,
    RegisterDeviceInput,
    RegisterInput,
    RemoveCommentInput,
    RemoveFollowerInput,
    RemovePostInput,
    RemoveReactionInput,
    RenameCategoryInput,
    ReportContentInput,
    RequestPurchaseInput,
    ResolveReportInput,
    SchedulePurchaseMeetupInput,
    SendMessageInput,
    SetNotificationKindMutedInput,
    SetNotificationPreferencesInput,
    SetNotificationWebhookInput,
    SetRelayInput,
    SetThresholdInput,
    StopFeedingInput,
    TreatInput,
    UnblockUserInput,
    UnfollowUserInput,
    UpdateCommentInput,
    UpdateDeviceInput,
    UpdateFeedingScheduleInput,
    UpdateListingInput,
    UpdatePetInput,
    UpdatePostInput,
    UpdateProfileInput,
    UserSuspensionInput,
)
from .issue_hub_base_url import IssueHubBaseUrl
from .listing_by_id import ListingById
from .listings import Listings
from .login import Login
from .logout import Logout
from .mark_listing_sold import MarkListingSold
from .mark_notifications_read import MarkNotificationsRead
from .mark_purchase_paid import MarkPurchasePaid
from .mark_thread_read import MarkThreadRead
from .marketplace_analytics import MarketplaceAnalytics
from .me import Me
from .message_received import MessageReceived
from .message_threads import MessageThreads
from .moderation_queue import ModerationQueue
from .muted_notification_kinds import MutedNotificationKinds
from .my_profile import MyProfile
from .my_transactions import MyTransactions
from .notification_preferences import NotificationPreferences
from .notification_received import NotificationReceived
from .notification_webhook import NotificationWebhook
from .notifications import Notifications
from .outlet_state import OutletState
from .pet_by_id import PetById
from .pets import Pets
from .ping import Ping
from .post import Post
from .profile import Profile
from .purchase_requests import PurchaseRequests
from .react_to_post import ReactToPost
from .read_sensors import ReadSensors
from .recent_telemetry import RecentTelemetry
from .register import Register
from .register_device import RegisterDevice
from .reject_purchase_request import RejectPurchaseRequest
from .remove_comment import RemoveComment
from .remove_follower import RemoveFollower
from .remove_listing import RemoveListing
from .remove_post import RemovePost
from .remove_reaction import RemoveReaction
from .rename_category import RenameCategory
from .report_content import ReportContent
from .request_purchase import RequestPurchase
from .resolve_report import ResolveReport
from .rotate_device_key import RotateDeviceKey
from .schedule_archive import ScheduleArchive
from .schedule_purchase_meetup import SchedulePurchaseMeetup
from .send_message import SendMessage
from .set_notification_kind_muted import SetNotificationKindMuted
from .set_notification_preferences import SetNotificationPreferences
from .set_notification_webhook import SetNotificationWebhook
from .set_relay import SetRelay
from .set_threshold import SetThreshold
from .stop_feeding import StopFeeding
from .suspend_user import SuspendUser
from .telemetry_updated import TelemetryUpdated
from .thread_messages import ThreadMessages
from .treat import Treat
from .treats import Treats
from .unblock_user import UnblockUser
from .unfollow_user import UnfollowUser
from .unread_message_count import UnreadMessageCount
from .unread_notification_count import UnreadNotificationCount
from .unsuspend_user import UnsuspendUser
from .update_comment import UpdateComment
from .update_device import UpdateDevice
from .update_feeding_schedule import UpdateFeedingSchedule
from .update_listing import UpdateListing
from .update_pet import UpdatePet
from .update_post import UpdatePost
from .update_profile import UpdateProfile
from .user_posts import UserPosts
from .video_stream import VideoStream


def gql(q: str) -> str:
    return q


class PawgraphClient(AsyncBaseClient):
    async def register(self, input: RegisterInput, **kwargs: Any) -> Register:
        query = gql("""
            mutation Register($input: RegisterInput!) {
              registration: register(input: $input) {
                user {
                  ...UserFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }

            fragment UserFields on User {
              id
              email
              displayName
              role
              timeZone
              createdAt
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="Register", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Register.model_validate(data)

    async def login(self, input: LoginInput, **kwargs: Any) -> Login:
        query = gql("""
            mutation Login($input: LoginInput!) {
              login(input: $input) {
                accessToken
                expiresAt
                user {
                  ...UserFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }

            fragment UserFields on User {
              id
              email
              displayName
              role
              timeZone
              createdAt
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="Login", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Login.model_validate(data)

    async def me(self, **kwargs: Any) -> Me:
        query = gql("""
            query Me {
              me {
                ...UserFields
              }
            }

            fragment UserFields on User {
              id
              email
              displayName
              role
              timeZone
              createdAt
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query, operation_name="Me", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Me.model_validate(data)

    async def logout(self, input: LogoutInput, **kwargs: Any) -> Logout:
        query = gql("""
            mutation Logout($input: LogoutInput!) {
              logout(input: $input) {
                revoked
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="Logout", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Logout.model_validate(data)

    async def alerts(
        self,
        device_id: Union[Optional[str], UnsetType] = UNSET,
        kind: Union[Optional[AlertKind], UnsetType] = UNSET,
        status: Union[Optional[AlertStatus], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Alerts:
        query = gql("""
            query Alerts($deviceId: ID, $kind: AlertKind, $status: AlertStatus, $first: Int, $after: String) {
              alerts(
                deviceId: $deviceId
                kind: $kind
                status: $status
                first: $first
                after: $after
              ) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    ...AlertFields
                  }
                }
              }
            }

            fragment AlertFields on Alert {
              id
              kind
              status
              message
              raisedAt
              acknowledgedAt
              clearedAt
              clearedByCondition
              device {
                id
                name
                kind
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            """)
        variables: dict[str, object] = {
            "deviceId": device_id,
            "kind": kind,
            "status": status,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="Alerts", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Alerts.model_validate(data)

    async def acknowledge_alert(
        self, input: AlertIdInput, **kwargs: Any
    ) -> AcknowledgeAlert:
        query = gql("""
            mutation AcknowledgeAlert($input: AlertIdInput!) {
              acknowledgeAlert(input: $input) {
                alert {
                  ...AlertFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment AlertFields on Alert {
              id
              kind
              status
              message
              raisedAt
              acknowledgedAt
              clearedAt
              clearedByCondition
              device {
                id
                name
                kind
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="AcknowledgeAlert",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return AcknowledgeAlert.model_validate(data)

    async def clear_alert(self, input: AlertIdInput, **kwargs: Any) -> ClearAlert:
        query = gql("""
            mutation ClearAlert($input: AlertIdInput!) {
              clearAlert(input: $input) {
                alert {
                  ...AlertFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment AlertFields on Alert {
              id
              kind
              status
              message
              raisedAt
              acknowledgedAt
              clearedAt
              clearedByCondition
              device {
                id
                name
                kind
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="ClearAlert", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ClearAlert.model_validate(data)

    async def alert_raised(self, **kwargs: Any) -> AsyncIterator[AlertRaised]:
        query = gql("""
            subscription AlertRaised {
              alertRaised {
                ...AlertFields
              }
            }

            fragment AlertFields on Alert {
              id
              kind
              status
              message
              raisedAt
              acknowledgedAt
              clearedAt
              clearedByCondition
              device {
                id
                name
                kind
              }
            }
            """)
        variables: dict[str, object] = {}
        async for data in self.execute_ws(
            query=query, operation_name="AlertRaised", variables=variables, **kwargs
        ):
            yield AlertRaised.model_validate(data)

    async def battery_schedule(
        self, device_id: str, date: date, **kwargs: Any
    ) -> BatterySchedule:
        query = gql("""
            query BatterySchedule($deviceId: ID!, $date: Date!) {
              batterySchedule(deviceId: $deviceId, date: $date) {
                ...BatteryScheduleFields
              }
            }

            fragment BatteryScheduleFields on BatterySchedule {
              id
              date
              messageId
              status
              timeZone
              sendCount
              reason
              createdAt
              lastSentAt
              acknowledgedAt
              finishedAt
              slots {
                slot
                start
                mode
                rateKw
                status
                detail
                reportedAt
              }
            }
            """)
        variables: dict[str, object] = {"deviceId": device_id, "date": date}
        response = await self.execute(
            query=query, operation_name="BatterySchedule", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return BatterySchedule.model_validate(data)

    async def battery_schedule_timeline(
        self, message_id: str, **kwargs: Any
    ) -> BatteryScheduleTimeline:
        query = gql("""
            query BatteryScheduleTimeline($messageId: String!) {
              batteryScheduleTimeline(messageId: $messageId) {
                schedule {
                  ...BatteryScheduleFields
                }
                events {
                  messageId
                  at
                  status
                  slot
                  detail
                }
              }
            }

            fragment BatteryScheduleFields on BatterySchedule {
              id
              date
              messageId
              status
              timeZone
              sendCount
              reason
              createdAt
              lastSentAt
              acknowledgedAt
              finishedAt
              slots {
                slot
                start
                mode
                rateKw
                status
                detail
                reportedAt
              }
            }
            """)
        variables: dict[str, object] = {"messageId": message_id}
        response = await self.execute(
            query=query,
            operation_name="BatteryScheduleTimeline",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return BatteryScheduleTimeline.model_validate(data)

    async def battery_schedule_updated(
        self, device_id: str, **kwargs: Any
    ) -> AsyncIterator[BatteryScheduleUpdated]:
        query = gql("""
            subscription BatteryScheduleUpdated($deviceId: ID!) {
              batteryScheduleUpdated(deviceId: $deviceId) {
                messageId
                date
                status
                slot
                slotStatus
                detail
                at
              }
            }
            """)
        variables: dict[str, object] = {"deviceId": device_id}
        async for data in self.execute_ws(
            query=query,
            operation_name="BatteryScheduleUpdated",
            variables=variables,
            **kwargs,
        ):
            yield BatteryScheduleUpdated.model_validate(data)

    async def fetch_battery_schedule(
        self, input: FetchBatteryScheduleInput, **kwargs: Any
    ) -> FetchBatterySchedule:
        query = gql("""
            mutation FetchBatterySchedule($input: FetchBatteryScheduleInput!) {
              fetchBatterySchedule(input: $input) {
                outcome
                schedule {
                  ...BatteryScheduleFields
                }
                archived {
                  id
                  statusCode
                  bodySha256
                  outcome
                }
                reasons {
                  slot
                  reason
                }
                userErrors {
                  field
                  code
                  message
                }
              }
            }

            fragment BatteryScheduleFields on BatterySchedule {
              id
              date
              messageId
              status
              timeZone
              sendCount
              reason
              createdAt
              lastSentAt
              acknowledgedAt
              finishedAt
              slots {
                slot
                start
                mode
                rateKw
                status
                detail
                reportedAt
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="FetchBatterySchedule",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return FetchBatterySchedule.model_validate(data)

    async def schedule_archive(
        self,
        device_id: Union[Optional[str], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> ScheduleArchive:
        query = gql("""
            query ScheduleArchive($deviceId: ID, $first: Int, $after: String) {
              scheduleArchive(deviceId: $deviceId, first: $first, after: $after) {
                totalCount
                pageInfo {
                  hasNextPage
                  endCursor
                }
                edges {
                  node {
                    id
                    date
                    url
                    statusCode
                    headers {
                      name
                      value
                    }
                    bodySha256
                    bodySize
                    body
                    error
                    receivedAt
                    storage
                    outcome
                    reasons {
                      slot
                      reason
                    }
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "deviceId": device_id,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="ScheduleArchive", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ScheduleArchive.model_validate(data)

    async def health_score(self, pet_id: str, **kwargs: Any) -> HealthScore:
        query = gql("""
            query HealthScore($petId: ID!) {
              healthScore(petId: $petId) {
                score
                explanation
              }
            }
            """)
        variables: dict[str, object] = {"petId": pet_id}
        response = await self.execute(
            query=query, operation_name="HealthScore", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return HealthScore.model_validate(data)

    async def behaviour_event(
        self, pet_id: str, **kwargs: Any
    ) -> AsyncIterator[BehaviourEvent]:
        query = gql("""
            subscription BehaviourEvent($petId: ID!) {
              behaviourEvent(petId: $petId) {
                petId
                change
                activity
                since
                confidence
                metric
                message
              }
            }
            """)
        variables: dict[str, object] = {"petId": pet_id}
        async for data in self.execute_ws(
            query=query, operation_name="BehaviourEvent", variables=variables, **kwargs
        ):
            yield BehaviourEvent.model_validate(data)

    async def treat(self, input: TreatInput, **kwargs: Any) -> Treat:
        query = gql("""
            mutation Treat($input: TreatInput!) {
              treat(input: $input) {
                command {
                  ...CommandFields
                }
                treat {
                  issuedAt
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment CommandFields on Command {
              id
              kind
              args
              status
              confirmation
              reason
              groupId
              createdAt
              expiresAt
              sentAt
              finishedAt
              issuedBy {
                id
                displayName
              }
              transitions {
                status
                at
                reason
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="Treat", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Treat.model_validate(data)

    async def treats(
        self,
        device_id: Union[Optional[str], UnsetType] = UNSET,
        pet_id: Union[Optional[str], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Treats:
        query = gql("""
            query Treats($deviceId: ID, $petId: ID, $first: Int, $after: String) {
              treats(deviceId: $deviceId, petId: $petId, first: $first, after: $after) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    issuedAt
                    issuedBy {
                      id
                      displayName
                    }
                    device {
                      id
                      name
                    }
                    pet {
                      id
                      name
                    }
                    command {
                      id
                      status
                    }
                  }
                }
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            """)
        variables: dict[str, object] = {
            "deviceId": device_id,
            "petId": pet_id,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="Treats", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Treats.model_validate(data)

    async def commands(
        self,
        device_id: Union[Optional[str], UnsetType] = UNSET,
        status: Union[Optional[CommandStatus], UnsetType] = UNSET,
        group_id: Union[Optional[str], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Commands:
        query = gql("""
            query Commands($deviceId: ID, $status: CommandStatus, $groupId: String, $first: Int, $after: String) {
              commands(
                deviceId: $deviceId
                status: $status
                groupId: $groupId
                first: $first
                after: $after
              ) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    ...CommandFields
                  }
                }
              }
            }

            fragment CommandFields on Command {
              id
              kind
              args
              status
              confirmation
              reason
              groupId
              createdAt
              expiresAt
              sentAt
              finishedAt
              issuedBy {
                id
                displayName
              }
              transitions {
                status
                at
                reason
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            """)
        variables: dict[str, object] = {
            "deviceId": device_id,
            "status": status,
            "groupId": group_id,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="Commands", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Commands.model_validate(data)

    async def command_updated(
        self, device_id: str, **kwargs: Any
    ) -> AsyncIterator[CommandUpdated]:
        query = gql("""
            subscription CommandUpdated($deviceId: ID!) {
              commandUpdated(deviceId: $deviceId) {
                ...CommandFields
              }
            }

            fragment CommandFields on Command {
              id
              kind
              args
              status
              confirmation
              reason
              groupId
              createdAt
              expiresAt
              sentAt
              finishedAt
              issuedBy {
                id
                displayName
              }
              transitions {
                status
                at
                reason
              }
            }
            """)
        variables: dict[str, object] = {"deviceId": device_id}
        async for data in self.execute_ws(
            query=query, operation_name="CommandUpdated", variables=variables, **kwargs
        ):
            yield CommandUpdated.model_validate(data)

    async def dashboard(
        self,
        pets: Union[Optional[int], UnsetType] = UNSET,
        devices_per_pet: Union[Optional[int], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Dashboard:
        query = gql("""
            query Dashboard($pets: Int, $devicesPerPet: Int) {
              me {
                id
                displayName
                unreadNotificationCount
                pets(first: $pets) {
                  totalCount
                  edges {
                    node {
                      id
                      name
                      species
                      devices(first: $devicesPerPet) {
                        totalCount
                        edges {
                          node {
                            id
                            kind
                            name
                            online
                            lastSeenAt
                            latestReadings {
                              key
                              value
                              at
                            }
                            openAlerts {
                              id
                              kind
                              status
                              message
                              raisedAt
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"pets": pets, "devicesPerPet": devices_per_pet}
        response = await self.execute(
            query=query, operation_name="Dashboard", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Dashboard.model_validate(data)

    async def recent_telemetry(
        self,
        device_id: str,
        keys: Union[Optional[list[str]], UnsetType] = UNSET,
        last: Union[Optional[int], UnsetType] = UNSET,
        before: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> RecentTelemetry:
        query = gql("""
            query RecentTelemetry($deviceId: ID!, $keys: [String!], $last: Int, $before: String) {
              telemetry(deviceId: $deviceId, keys: $keys, last: $last, before: $before) {
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  cursor
                  node {
                    key
                    at
                    value
                  }
                }
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            """)
        variables: dict[str, object] = {
            "deviceId": device_id,
            "keys": keys,
            "last": last,
            "before": before,
        }
        response = await self.execute(
            query=query, operation_name="RecentTelemetry", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RecentTelemetry.model_validate(data)

    async def devices(
        self,
        kind: Union[Optional[DeviceKind], UnsetType] = UNSET,
        online: Union[Optional[bool], UnsetType] = UNSET,
        owner_id: Union[Optional[str], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Devices:
        query = gql("""
            query Devices($kind: DeviceKind, $online: Boolean, $ownerId: ID, $first: Int, $after: String) {
              devices(
                kind: $kind
                online: $online
                ownerId: $ownerId
                first: $first
                after: $after
              ) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  cursor
                  node {
                    ...DeviceFields
                    status {
                      ...DeviceStatusFields
                    }
                  }
                }
              }
            }

            fragment DeviceFields on Device {
              id
              kind
              name
              location
              hardwareId
              firmwareVersion
              lastSeenAt
              createdAt
              online
              pet {
                id
                name
              }
              parentHub {
                id
                hardwareId
              }
            }

            fragment DeviceStatusFields on DeviceStatus {
              __typename
              deviceId
              online
              lastSeenAt
              deviceTime
              ... on FeederStatus {
                wifiRssi
                uptimeSeconds
                dailyFeeds
                lastFeedAt
                hopperMm
                hopperPercent
                tofOk
                errorMessage
              }
              ... on CollarStatus {
                batteryPercent
                heartRate
                lastPosition {
                  latitude
                  longitude
                }
              }
              ... on OutletStatus {
                relayA
                relayB
                currentAMilliamps
                currentBMilliamps
                overload
                thresholdMilliamps
              }
              ... on HubStatus {
                breakerCurrentMilliamps
              }
              ... on BatteryStatus {
                errorMessage
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            """)
        variables: dict[str, object] = {
            "kind": kind,
            "online": online,
            "ownerId": owner_id,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="Devices", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Devices.model_validate(data)

    async def device_by_id(self, id: str, **kwargs: Any) -> DeviceById:
        query = gql("""
            query DeviceById($id: ID!) {
              node(id: $id) {
                __typename
                ... on Device {
                  ...DeviceFields
                  status {
                    ...DeviceStatusFields
                  }
                  outlets(first: 100) {
                    totalCount
                    edges {
                      node {
                        id
                        hardwareId
                        name
                        online
                      }
                    }
                  }
                  latestReadings {
                    key
                    value
                    at
                  }
                }
              }
            }

            fragment DeviceFields on Device {
              id
              kind
              name
              location
              hardwareId
              firmwareVersion
              lastSeenAt
              createdAt
              online
              pet {
                id
                name
              }
              parentHub {
                id
                hardwareId
              }
            }

            fragment DeviceStatusFields on DeviceStatus {
              __typename
              deviceId
              online
              lastSeenAt
              deviceTime
              ... on FeederStatus {
                wifiRssi
                uptimeSeconds
                dailyFeeds
                lastFeedAt
                hopperMm
                hopperPercent
                tofOk
                errorMessage
              }
              ... on CollarStatus {
                batteryPercent
                heartRate
                lastPosition {
                  latitude
                  longitude
                }
              }
              ... on OutletStatus {
                relayA
                relayB
                currentAMilliamps
                currentBMilliamps
                overload
                thresholdMilliamps
              }
              ... on HubStatus {
                breakerCurrentMilliamps
              }
              ... on BatteryStatus {
                errorMessage
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = await self.execute(
            query=query, operation_name="DeviceById", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return DeviceById.model_validate(data)

    async def register_device(
        self, input: RegisterDeviceInput, **kwargs: Any
    ) -> RegisterDevice:
        query = gql("""
            mutation RegisterDevice($input: RegisterDeviceInput!) {
              registerDevice(input: $input) {
                device {
                  ...DeviceFields
                }
                apiKey
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment DeviceFields on Device {
              id
              kind
              name
              location
              hardwareId
              firmwareVersion
              lastSeenAt
              createdAt
              online
              pet {
                id
                name
              }
              parentHub {
                id
                hardwareId
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="RegisterDevice", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RegisterDevice.model_validate(data)

    async def rotate_device_key(
        self, input: DeviceIdInput, **kwargs: Any
    ) -> RotateDeviceKey:
        query = gql("""
            mutation RotateDeviceKey($input: DeviceIdInput!) {
              rotateDeviceKey(input: $input) {
                device {
                  id
                }
                apiKey
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="RotateDeviceKey", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RotateDeviceKey.model_validate(data)

    async def update_device(
        self, input: UpdateDeviceInput, **kwargs: Any
    ) -> UpdateDevice:
        query = gql("""
            mutation UpdateDevice($input: UpdateDeviceInput!) {
              updateDevice(input: $input) {
                device {
                  ...DeviceFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment DeviceFields on Device {
              id
              kind
              name
              location
              hardwareId
              firmwareVersion
              lastSeenAt
              createdAt
              online
              pet {
                id
                name
              }
              parentHub {
                id
                hardwareId
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="UpdateDevice", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UpdateDevice.model_validate(data)

    async def delete_device(self, input: DeviceIdInput, **kwargs: Any) -> DeleteDevice:
        query = gql("""
            mutation DeleteDevice($input: DeviceIdInput!) {
              deleteDevice(input: $input) {
                deletedDeviceId
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="DeleteDevice", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return DeleteDevice.model_validate(data)

    async def device_status(
        self, device_id: str, **kwargs: Any
    ) -> AsyncIterator[DeviceStatus]:
        query = gql("""
            subscription DeviceStatus($deviceId: ID!) {
              deviceStatus(deviceId: $deviceId) {
                ...DeviceStatusFields
              }
            }

            fragment DeviceStatusFields on DeviceStatus {
              __typename
              deviceId
              online
              lastSeenAt
              deviceTime
              ... on FeederStatus {
                wifiRssi
                uptimeSeconds
                dailyFeeds
                lastFeedAt
                hopperMm
                hopperPercent
                tofOk
                errorMessage
              }
              ... on CollarStatus {
                batteryPercent
                heartRate
                lastPosition {
                  latitude
                  longitude
                }
              }
              ... on OutletStatus {
                relayA
                relayB
                currentAMilliamps
                currentBMilliamps
                overload
                thresholdMilliamps
              }
              ... on HubStatus {
                breakerCurrentMilliamps
              }
              ... on BatteryStatus {
                errorMessage
              }
            }
            """)
        variables: dict[str, object] = {"deviceId": device_id}
        async for data in self.execute_ws(
            query=query, operation_name="DeviceStatus", variables=variables, **kwargs
        ):
            yield DeviceStatus.model_validate(data)

    async def feeding_schedules(
        self,
        device_id: str,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> FeedingSchedules:
        query = gql("""
            query FeedingSchedules($deviceId: ID!, $first: Int, $after: String) {
              feedingSchedules(deviceId: $deviceId, first: $first, after: $after) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    ...FeedingScheduleFields
                  }
                }
              }
            }

            fragment FeedingScheduleFields on FeedingSchedule {
              id
              time
              daysOfWeek
              grams
              label
              enabled
              createdAt
              updatedAt
              lastTriggeredAt
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            """)
        variables: dict[str, object] = {
            "deviceId": device_id,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query,
            operation_name="FeedingSchedules",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return FeedingSchedules.model_validate(data)

    async def create_feeding_schedule(
        self, input: CreateFeedingScheduleInput, **kwargs: Any
    ) -> CreateFeedingSchedule:
        query = gql("""
            mutation CreateFeedingSchedule($input: CreateFeedingScheduleInput!) {
              createFeedingSchedule(input: $input) {
                feedingSchedule {
                  ...FeedingScheduleFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment FeedingScheduleFields on FeedingSchedule {
              id
              time
              daysOfWeek
              grams
              label
              enabled
              createdAt
              updatedAt
              lastTriggeredAt
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="CreateFeedingSchedule",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CreateFeedingSchedule.model_validate(data)

    async def update_feeding_schedule(
        self, input: UpdateFeedingScheduleInput, **kwargs: Any
    ) -> UpdateFeedingSchedule:
        query = gql("""
            mutation UpdateFeedingSchedule($input: UpdateFeedingScheduleInput!) {
              updateFeedingSchedule(input: $input) {
                feedingSchedule {
                  ...FeedingScheduleFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment FeedingScheduleFields on FeedingSchedule {
              id
              time
              daysOfWeek
              grams
              label
              enabled
              createdAt
              updatedAt
              lastTriggeredAt
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="UpdateFeedingSchedule",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return UpdateFeedingSchedule.model_validate(data)

    async def delete_feeding_schedule(
        self, input: DeleteFeedingScheduleInput, **kwargs: Any
    ) -> DeleteFeedingSchedule:
        query = gql("""
            mutation DeleteFeedingSchedule($input: DeleteFeedingScheduleInput!) {
              deleteFeedingSchedule(input: $input) {
                deletedFeedingScheduleId
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="DeleteFeedingSchedule",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return DeleteFeedingSchedule.model_validate(data)

    async def feed_now(self, input: FeedNowInput, **kwargs: Any) -> FeedNow:
        query = gql("""
            mutation FeedNow($input: FeedNowInput!) {
              feedNow(input: $input) {
                command {
                  ...CommandFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment CommandFields on Command {
              id
              kind
              args
              status
              confirmation
              reason
              groupId
              createdAt
              expiresAt
              sentAt
              finishedAt
              issuedBy {
                id
                displayName
              }
              transitions {
                status
                at
                reason
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="FeedNow", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return FeedNow.model_validate(data)

    async def stop_feeding(self, input: StopFeedingInput, **kwargs: Any) -> StopFeeding:
        query = gql("""
            mutation StopFeeding($input: StopFeedingInput!) {
              stopFeeding(input: $input) {
                command {
                  ...CommandFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment CommandFields on Command {
              id
              kind
              args
              status
              confirmation
              reason
              groupId
              createdAt
              expiresAt
              sentAt
              finishedAt
              issuedBy {
                id
                displayName
              }
              transitions {
                status
                at
                reason
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="StopFeeding", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return StopFeeding.model_validate(data)

    async def calibrate(self, input: CalibrateInput, **kwargs: Any) -> Calibrate:
        query = gql("""
            mutation Calibrate($input: CalibrateInput!) {
              calibrate(input: $input) {
                command {
                  ...CommandFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment CommandFields on Command {
              id
              kind
              args
              status
              confirmation
              reason
              groupId
              createdAt
              expiresAt
              sentAt
              finishedAt
              issuedBy {
                id
                displayName
              }
              transitions {
                status
                at
                reason
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="Calibrate", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Calibrate.model_validate(data)

    async def feeding_history(
        self,
        device_id: Union[Optional[str], UnsetType] = UNSET,
        pet_id: Union[Optional[str], UnsetType] = UNSET,
        source: Union[Optional[FeedingSource], UnsetType] = UNSET,
        from_: Union[Optional[datetime], UnsetType] = UNSET,
        to: Union[Optional[datetime], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> FeedingHistory:
        query = gql("""
            query FeedingHistory($deviceId: ID, $petId: ID, $source: FeedingSource, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
              feedingHistory(
                deviceId: $deviceId
                petId: $petId
                source: $source
                from: $from
                to: $to
                first: $first
                after: $after
              ) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    id
                    grams
                    source
                    fedAt
                    deviceTime
                    receivedAt
                    notes
                  }
                }
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            """)
        variables: dict[str, object] = {
            "deviceId": device_id,
            "petId": pet_id,
            "source": source,
            "from": from_,
            "to": to,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="FeedingHistory", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return FeedingHistory.model_validate(data)

    async def feeding_daily_totals(
        self, device_id: str, from_: date, to: date, **kwargs: Any
    ) -> FeedingDailyTotals:
        query = gql("""
            query FeedingDailyTotals($deviceId: ID!, $from: Date!, $to: Date!) {
              feedingDailyTotals(deviceId: $deviceId, from: $from, to: $to) {
                date
                grams
                feeds
              }
            }
            """)
        variables: dict[str, object] = {"deviceId": device_id, "from": from_, "to": to}
        response = await self.execute(
            query=query,
            operation_name="FeedingDailyTotals",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return FeedingDailyTotals.model_validate(data)

    async def categories(
        self, parent_id: Union[Optional[str], UnsetType] = UNSET, **kwargs: Any
    ) -> Categories:
        query = gql("""
            query Categories($parentId: ID) {
              categories(parentId: $parentId) {
                id
                name
                slug
                children {
                  id
                  name
                  slug
                }
              }
            }
            """)
        variables: dict[str, object] = {"parentId": parent_id}
        response = await self.execute(
            query=query, operation_name="Categories", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Categories.model_validate(data)

    async def listings(
        self,
        sort: ListingSort,
        filter_: Union[Optional[ListingFilterInput], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Listings:
        query = gql("""
            query Listings($filter: ListingFilterInput, $sort: ListingSort! = NEWEST, $first: Int, $after: String) {
              listings(filter: $filter, sort: $sort, first: $first, after: $after) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    ...ListingFields
                  }
                }
              }
            }

            fragment ListingFields on Listing {
              id
              title
              description
              price {
                ...MoneyFields
              }
              condition
              quantity
              location
              status
              createdAt
              updatedAt
              soldAt
              viewerIsSeller
              seller {
                id
                displayName
              }
              category {
                id
                name
                slug
              }
              photos {
                url
                position
              }
            }

            fragment MoneyFields on Money {
              amount
              currency
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            """)
        variables: dict[str, object] = {
            "filter": filter_,
            "sort": sort,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="Listings", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Listings.model_validate(data)

    async def listing_by_id(self, id: str, **kwargs: Any) -> ListingById:
        query = gql("""
            query ListingById($id: ID!) {
              node(id: $id) {
                __typename
                ... on Listing {
                  ...ListingFields
                }
              }
            }

            fragment ListingFields on Listing {
              id
              title
              description
              price {
                ...MoneyFields
              }
              condition
              quantity
              location
              status
              createdAt
              updatedAt
              soldAt
              viewerIsSeller
              seller {
                id
                displayName
              }
              category {
                id
                name
                slug
              }
              photos {
                url
                position
              }
            }

            fragment MoneyFields on Money {
              amount
              currency
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = await self.execute(
            query=query, operation_name="ListingById", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ListingById.model_validate(data)

    async def create_listing(
        self, input: CreateListingInput, **kwargs: Any
    ) -> CreateListing:
        query = gql("""
            mutation CreateListing($input: CreateListingInput!) {
              createListing(input: $input) {
                listing {
                  ...ListingFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment ListingFields on Listing {
              id
              title
              description
              price {
                ...MoneyFields
              }
              condition
              quantity
              location
              status
              createdAt
              updatedAt
              soldAt
              viewerIsSeller
              seller {
                id
                displayName
              }
              category {
                id
                name
                slug
              }
              photos {
                url
                position
              }
            }

            fragment MoneyFields on Money {
              amount
              currency
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="CreateListing", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CreateListing.model_validate(data)

    async def update_listing(
        self, input: UpdateListingInput, **kwargs: Any
    ) -> UpdateListing:
        query = gql("""
            mutation UpdateListing($input: UpdateListingInput!) {
              updateListing(input: $input) {
                listing {
                  ...ListingFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment ListingFields on Listing {
              id
              title
              description
              price {
                ...MoneyFields
              }
              condition
              quantity
              location
              status
              createdAt
              updatedAt
              soldAt
              viewerIsSeller
              seller {
                id
                displayName
              }
              category {
                id
                name
                slug
              }
              photos {
                url
                position
              }
            }

            fragment MoneyFields on Money {
              amount
              currency
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="UpdateListing", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UpdateListing.model_validate(data)

    async def remove_listing(
        self, input: ListingIdInput, **kwargs: Any
    ) -> RemoveListing:
        query = gql("""
            mutation RemoveListing($input: ListingIdInput!) {
              removeListing(input: $input) {
                listing {
                  id
                  status
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="RemoveListing", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RemoveListing.model_validate(data)

    async def mark_listing_sold(
        self, input: MarkListingSoldInput, **kwargs: Any
    ) -> MarkListingSold:
        query = gql("""
            mutation MarkListingSold($input: MarkListingSoldInput!) {
              markListingSold(input: $input) {
                listing {
                  id
                  status
                  soldAt
                }
                transaction {
                  id
                  completedAt
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="MarkListingSold", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return MarkListingSold.model_validate(data)

    async def purchase_requests(
        self,
        role: Union[Optional[PurchaseParty], UnsetType] = UNSET,
        states: Union[Optional[list[PurchaseRequestState]], UnsetType] = UNSET,
        listing_id: Union[Optional[str], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> PurchaseRequests:
        query = gql("""
            query PurchaseRequests($role: PurchaseParty, $states: [PurchaseRequestState!], $listingId: ID, $first: Int, $after: String) {
              purchaseRequests(
                role: $role
                states: $states
                listingId: $listingId
                first: $first
                after: $after
              ) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    ...PurchaseRequestFields
                  }
                }
              }
            }

            fragment MoneyFields on Money {
              amount
              currency
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }

            fragment PurchaseRequestFields on PurchaseRequest {
              id
              state
              offer {
                ...MoneyFields
              }
              offeredBy
              meetupAt
              meetupPlace
              createdAt
              updatedAt
              acceptedAt
              closedAt
              viewerRole
              availableMoves
              listing {
                id
                title
              }
              buyer {
                id
                displayName
              }
              seller {
                id
                displayName
              }
            }
            """)
        variables: dict[str, object] = {
            "role": role,
            "states": states,
            "listingId": listing_id,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query,
            operation_name="PurchaseRequests",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PurchaseRequests.model_validate(data)

    async def request_purchase(
        self, input: RequestPurchaseInput, **kwargs: Any
    ) -> RequestPurchase:
        query = gql("""
            mutation RequestPurchase($input: RequestPurchaseInput!) {
              requestPurchase(input: $input) {
                purchaseRequest {
                  ...PurchaseRequestFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment MoneyFields on Money {
              amount
              currency
            }

            fragment PurchaseRequestFields on PurchaseRequest {
              id
              state
              offer {
                ...MoneyFields
              }
              offeredBy
              meetupAt
              meetupPlace
              createdAt
              updatedAt
              acceptedAt
              closedAt
              viewerRole
              availableMoves
              listing {
                id
                title
              }
              buyer {
                id
                displayName
              }
              seller {
                id
                displayName
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="RequestPurchase", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RequestPurchase.model_validate(data)

    async def counter_purchase_offer(
        self, input: CounterPurchaseOfferInput, **kwargs: Any
    ) -> CounterPurchaseOffer:
        query = gql("""
            mutation CounterPurchaseOffer($input: CounterPurchaseOfferInput!) {
              counterPurchaseOffer(input: $input) {
                purchaseRequest {
                  ...PurchaseRequestFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment MoneyFields on Money {
              amount
              currency
            }

            fragment PurchaseRequestFields on PurchaseRequest {
              id
              state
              offer {
                ...MoneyFields
              }
              offeredBy
              meetupAt
              meetupPlace
              createdAt
              updatedAt
              acceptedAt
              closedAt
              viewerRole
              availableMoves
              listing {
                id
                title
              }
              buyer {
                id
                displayName
              }
              seller {
                id
                displayName
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="CounterPurchaseOffer",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CounterPurchaseOffer.model_validate(data)

    async def accept_purchase_request(
        self, input: PurchaseRequestIdInput, **kwargs: Any
    ) -> AcceptPurchaseRequest:
        query = gql("""
            mutation AcceptPurchaseRequest($input: PurchaseRequestIdInput!) {
              acceptPurchaseRequest(input: $input) {
                purchaseRequest {
                  ...PurchaseRequestFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment MoneyFields on Money {
              amount
              currency
            }

            fragment PurchaseRequestFields on PurchaseRequest {
              id
              state
              offer {
                ...MoneyFields
              }
              offeredBy
              meetupAt
              meetupPlace
              createdAt
              updatedAt
              acceptedAt
              closedAt
              viewerRole
              availableMoves
              listing {
                id
                title
              }
              buyer {
                id
                displayName
              }
              seller {
                id
                displayName
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="AcceptPurchaseRequest",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return AcceptPurchaseRequest.model_validate(data)

    async def reject_purchase_request(
        self, input: PurchaseRequestIdInput, **kwargs: Any
    ) -> RejectPurchaseRequest:
        query = gql("""
            mutation RejectPurchaseRequest($input: PurchaseRequestIdInput!) {
              rejectPurchaseRequest(input: $input) {
                purchaseRequest {
                  ...PurchaseRequestFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment MoneyFields on Money {
              amount
              currency
            }

            fragment PurchaseRequestFields on PurchaseRequest {
              id
              state
              offer {
                ...MoneyFields
              }
              offeredBy
              meetupAt
              meetupPlace
              createdAt
              updatedAt
              acceptedAt
              closedAt
              viewerRole
              availableMoves
              listing {
                id
                title
              }
              buyer {
                id
                displayName
              }
              seller {
                id
                displayName
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="RejectPurchaseRequest",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return RejectPurchaseRequest.model_validate(data)

    async def cancel_purchase_request(
        self, input: PurchaseRequestIdInput, **kwargs: Any
    ) -> CancelPurchaseRequest:
        query = gql("""
            mutation CancelPurchaseRequest($input: PurchaseRequestIdInput!) {
              cancelPurchaseRequest(input: $input) {
                purchaseRequest {
                  ...PurchaseRequestFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment MoneyFields on Money {
              amount
              currency
            }

            fragment PurchaseRequestFields on PurchaseRequest {
              id
              state
              offer {
                ...MoneyFields
              }
              offeredBy
              meetupAt
              meetupPlace
              createdAt
              updatedAt
              acceptedAt
              closedAt
              viewerRole
              availableMoves
              listing {
                id
                title
              }
              buyer {
                id
                displayName
              }
              seller {
                id
                displayName
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="CancelPurchaseRequest",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CancelPurchaseRequest.model_validate(data)

    async def schedule_purchase_meetup(
        self, input: SchedulePurchaseMeetupInput, **kwargs: Any
    ) -> SchedulePurchaseMeetup:
        query = gql("""
            mutation SchedulePurchaseMeetup($input: SchedulePurchaseMeetupInput!) {
              schedulePurchaseMeetup(input: $input) {
                purchaseRequest {
                  ...PurchaseRequestFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment MoneyFields on Money {
              amount
              currency
            }

            fragment PurchaseRequestFields on PurchaseRequest {
              id
              state
              offer {
                ...MoneyFields
              }
              offeredBy
              meetupAt
              meetupPlace
              createdAt
              updatedAt
              acceptedAt
              closedAt
              viewerRole
              availableMoves
              listing {
                id
                title
              }
              buyer {
                id
                displayName
              }
              seller {
                id
                displayName
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="SchedulePurchaseMeetup",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SchedulePurchaseMeetup.model_validate(data)

    async def mark_purchase_paid(
        self, input: PurchaseRequestIdInput, **kwargs: Any
    ) -> MarkPurchasePaid:
        query = gql("""
            mutation MarkPurchasePaid($input: PurchaseRequestIdInput!) {
              markPurchasePaid(input: $input) {
                purchaseRequest {
                  ...PurchaseRequestFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment MoneyFields on Money {
              amount
              currency
            }

            fragment PurchaseRequestFields on PurchaseRequest {
              id
              state
              offer {
                ...MoneyFields
              }
              offeredBy
              meetupAt
              meetupPlace
              createdAt
              updatedAt
              acceptedAt
              closedAt
              viewerRole
              availableMoves
              listing {
                id
                title
              }
              buyer {
                id
                displayName
              }
              seller {
                id
                displayName
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="MarkPurchasePaid",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return MarkPurchasePaid.model_validate(data)

    async def complete_purchase(
        self, input: PurchaseRequestIdInput, **kwargs: Any
    ) -> CompletePurchase:
        query = gql("""
            mutation CompletePurchase($input: PurchaseRequestIdInput!) {
              completePurchase(input: $input) {
                purchaseRequest {
                  ...PurchaseRequestFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment MoneyFields on Money {
              amount
              currency
            }

            fragment PurchaseRequestFields on PurchaseRequest {
              id
              state
              offer {
                ...MoneyFields
              }
              offeredBy
              meetupAt
              meetupPlace
              createdAt
              updatedAt
              acceptedAt
              closedAt
              viewerRole
              availableMoves
              listing {
                id
                title
              }
              buyer {
                id
                displayName
              }
              seller {
                id
                displayName
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="CompletePurchase",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CompletePurchase.model_validate(data)

    async def my_transactions(
        self,
        role: Union[Optional[TransactionRole], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> MyTransactions:
        query = gql("""
            query MyTransactions($role: TransactionRole, $first: Int, $after: String) {
              myTransactions(role: $role, first: $first, after: $after) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    id
                    price {
                      ...MoneyFields
                    }
                    startedAt
                    completedAt
                    viewerRole
                    listing {
                      id
                      title
                    }
                  }
                }
              }
            }

            fragment MoneyFields on Money {
              amount
              currency
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            """)
        variables: dict[str, object] = {"role": role, "first": first, "after": after}
        response = await self.execute(
            query=query, operation_name="MyTransactions", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return MyTransactions.model_validate(data)

    async def message_threads(
        self,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> MessageThreads:
        query = gql("""
            query MessageThreads($first: Int, $after: String) {
              messageThreads(first: $first, after: $after) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    ...MessageThreadFields
                  }
                }
              }
            }

            fragment MessageFields on Message {
              id
              body
              createdAt
              threadId
              isMine
              sender {
                id
                displayName
              }
            }

            fragment MessageThreadFields on MessageThread {
              id
              createdAt
              lastMessageAt
              unreadCount
              listing {
                id
                title
              }
              buyer {
                id
                displayName
              }
              seller {
                id
                displayName
              }
              lastMessage {
                ...MessageFields
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            """)
        variables: dict[str, object] = {"first": first, "after": after}
        response = await self.execute(
            query=query, operation_name="MessageThreads", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return MessageThreads.model_validate(data)

    async def thread_messages(
        self,
        thread_id: str,
        last: Union[Optional[int], UnsetType] = UNSET,
        before: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> ThreadMessages:
        query = gql("""
            query ThreadMessages($threadId: ID!, $last: Int, $before: String) {
              node(id: $threadId) {
                __typename
                ... on MessageThread {
                  ...MessageThreadFields
                  messages(last: $last, before: $before) {
                    pageInfo {
                      ...PageInfoFields
                    }
                    edges {
                      node {
                        ...MessageFields
                      }
                    }
                  }
                }
              }
            }

            fragment MessageFields on Message {
              id
              body
              createdAt
              threadId
              isMine
              sender {
                id
                displayName
              }
            }

            fragment MessageThreadFields on MessageThread {
              id
              createdAt
              lastMessageAt
              unreadCount
              listing {
                id
                title
              }
              buyer {
                id
                displayName
              }
              seller {
                id
                displayName
              }
              lastMessage {
                ...MessageFields
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            """)
        variables: dict[str, object] = {
            "threadId": thread_id,
            "last": last,
            "before": before,
        }
        response = await self.execute(
            query=query, operation_name="ThreadMessages", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ThreadMessages.model_validate(data)

    async def unread_message_count(self, **kwargs: Any) -> UnreadMessageCount:
        query = gql("""
            query UnreadMessageCount {
              unreadMessageCount
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query,
            operation_name="UnreadMessageCount",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return UnreadMessageCount.model_validate(data)

    async def send_message(self, input: SendMessageInput, **kwargs: Any) -> SendMessage:
        query = gql("""
            mutation SendMessage($input: SendMessageInput!) {
              sendMessage(input: $input) {
                message {
                  ...MessageFields
                }
                thread {
                  id
                  lastMessageAt
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment MessageFields on Message {
              id
              body
              createdAt
              threadId
              isMine
              sender {
                id
                displayName
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="SendMessage", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SendMessage.model_validate(data)

    async def mark_thread_read(
        self, input: MarkThreadReadInput, **kwargs: Any
    ) -> MarkThreadRead:
        query = gql("""
            mutation MarkThreadRead($input: MarkThreadReadInput!) {
              markThreadRead(input: $input) {
                thread {
                  id
                  unreadCount
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="MarkThreadRead", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return MarkThreadRead.model_validate(data)

    async def message_received(
        self, thread_id: str, **kwargs: Any
    ) -> AsyncIterator[MessageReceived]:
        query = gql("""
            subscription MessageReceived($threadId: ID!) {
              messageReceived(threadId: $threadId) {
                ...MessageFields
              }
            }

            fragment MessageFields on Message {
              id
              body
              createdAt
              threadId
              isMine
              sender {
                id
                displayName
              }
            }
            """)
        variables: dict[str, object] = {"threadId": thread_id}
        async for data in self.execute_ws(
            query=query, operation_name="MessageReceived", variables=variables, **kwargs
        ):
            yield MessageReceived.model_validate(data)

    async def video_stream(self, device_id: str, **kwargs: Any) -> VideoStream:
        query = gql("""
            query VideoStream($deviceId: ID!) {
              videoStream(deviceId: $deviceId) {
                deviceId
                url
                streamName
                expiresAt
              }
            }
            """)
        variables: dict[str, object] = {"deviceId": device_id}
        response = await self.execute(
            query=query, operation_name="VideoStream", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return VideoStream.model_validate(data)

    async def report_content(
        self, input: ReportContentInput, **kwargs: Any
    ) -> ReportContent:
        query = gql("""
            mutation ReportContent($input: ReportContentInput!) {
              reportContent(input: $input) {
                report {
                  ...ReportFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment ReportFields on Report {
              id
              targetType
              targetId
              reason
              details
              status
              resolutionNote
              createdAt
              resolvedAt
              openReportsOfTarget
              reporter {
                id
                displayName
              }
              resolvedBy {
                id
                displayName
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="ReportContent", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ReportContent.model_validate(data)

    async def moderation_queue(
        self,
        statuses: Union[Optional[list[ReportStatus]], UnsetType] = UNSET,
        target_type: Union[Optional[ReportTargetType], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> ModerationQueue:
        query = gql("""
            query ModerationQueue($statuses: [ReportStatus!], $targetType: ReportTargetType, $first: Int, $after: String) {
              moderationQueue(
                statuses: $statuses
                targetType: $targetType
                first: $first
                after: $after
              ) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    ...ReportFields
                  }
                }
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }

            fragment ReportFields on Report {
              id
              targetType
              targetId
              reason
              details
              status
              resolutionNote
              createdAt
              resolvedAt
              openReportsOfTarget
              reporter {
                id
                displayName
              }
              resolvedBy {
                id
                displayName
              }
            }
            """)
        variables: dict[str, object] = {
            "statuses": statuses,
            "targetType": target_type,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="ModerationQueue", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ModerationQueue.model_validate(data)

    async def resolve_report(
        self, input: ResolveReportInput, **kwargs: Any
    ) -> ResolveReport:
        query = gql("""
            mutation ResolveReport($input: ResolveReportInput!) {
              resolveReport(input: $input) {
                report {
                  ...ReportFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment ReportFields on Report {
              id
              targetType
              targetId
              reason
              details
              status
              resolutionNote
              createdAt
              resolvedAt
              openReportsOfTarget
              reporter {
                id
                displayName
              }
              resolvedBy {
                id
                displayName
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="ResolveReport", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ResolveReport.model_validate(data)

    async def suspend_user(
        self, input: UserSuspensionInput, **kwargs: Any
    ) -> SuspendUser:
        query = gql("""
            mutation SuspendUser($input: UserSuspensionInput!) {
              suspendUser(input: $input) {
                userId
                suspendedAt
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="SuspendUser", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SuspendUser.model_validate(data)

    async def unsuspend_user(
        self, input: UserSuspensionInput, **kwargs: Any
    ) -> UnsuspendUser:
        query = gql("""
            mutation UnsuspendUser($input: UserSuspensionInput!) {
              unsuspendUser(input: $input) {
                userId
                suspendedAt
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="UnsuspendUser", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UnsuspendUser.model_validate(data)

    async def remove_post(self, input: RemovePostInput, **kwargs: Any) -> RemovePost:
        query = gql("""
            mutation RemovePost($input: RemovePostInput!) {
              removePost(input: $input) {
                post {
                  id
                  removedAt
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="RemovePost", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RemovePost.model_validate(data)

    async def remove_comment(
        self, input: RemoveCommentInput, **kwargs: Any
    ) -> RemoveComment:
        query = gql("""
            mutation RemoveComment($input: RemoveCommentInput!) {
              removeComment(input: $input) {
                comment {
                  id
                  removedAt
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="RemoveComment", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RemoveComment.model_validate(data)

    async def create_category(
        self, input: CreateCategoryInput, **kwargs: Any
    ) -> CreateCategory:
        query = gql("""
            mutation CreateCategory($input: CreateCategoryInput!) {
              createCategory(input: $input) {
                category {
                  id
                  name
                  slug
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="CreateCategory", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CreateCategory.model_validate(data)

    async def rename_category(
        self, input: RenameCategoryInput, **kwargs: Any
    ) -> RenameCategory:
        query = gql("""
            mutation RenameCategory($input: RenameCategoryInput!) {
              renameCategory(input: $input) {
                category {
                  id
                  name
                  slug
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="RenameCategory", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RenameCategory.model_validate(data)

    async def delete_category(
        self, input: DeleteCategoryInput, **kwargs: Any
    ) -> DeleteCategory:
        query = gql("""
            mutation DeleteCategory($input: DeleteCategoryInput!) {
              deleteCategory(input: $input) {
                deletedCategoryId
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="DeleteCategory", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return DeleteCategory.model_validate(data)

    async def marketplace_analytics(
        self, from_: datetime, to: datetime, period: AnalyticsPeriod, **kwargs: Any
    ) -> MarketplaceAnalytics:
        query = gql("""
            query MarketplaceAnalytics($from: DateTime!, $to: DateTime!, $period: AnalyticsPeriod!) {
              marketplaceAnalytics(from: $from, to: $to, period: $period) {
                from
                to
                period
                listingsByStatus {
                  status
                  count
                }
                requestsByState {
                  state
                  count
                }
                sales {
                  start
                  count
                  volume {
                    ...MoneyFields
                  }
                }
                salesCount
                reportsByStatus {
                  status
                  count
                }
                openReports
              }
            }

            fragment MoneyFields on Money {
              amount
              currency
            }
            """)
        variables: dict[str, object] = {"from": from_, "to": to, "period": period}
        response = await self.execute(
            query=query,
            operation_name="MarketplaceAnalytics",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return MarketplaceAnalytics.model_validate(data)

    async def notifications(
        self,
        order: NotificationOrder,
        unread_only: bool,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Notifications:
        query = gql("""
            query Notifications($order: NotificationOrder! = NEWEST_FIRST, $unreadOnly: Boolean! = false, $first: Int, $after: String) {
              notifications(
                order: $order
                unreadOnly: $unreadOnly
                first: $first
                after: $after
              ) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    ...NotificationFields
                  }
                }
              }
            }

            fragment NotificationFields on Notification {
              id
              kind
              text
              createdAt
              readAt
              read
              targetId
              actor {
                id
                displayName
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            """)
        variables: dict[str, object] = {
            "order": order,
            "unreadOnly": unread_only,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="Notifications", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Notifications.model_validate(data)

    async def unread_notification_count(self, **kwargs: Any) -> UnreadNotificationCount:
        query = gql("""
            query UnreadNotificationCount {
              unreadNotificationCount
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query,
            operation_name="UnreadNotificationCount",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return UnreadNotificationCount.model_validate(data)

    async def muted_notification_kinds(self, **kwargs: Any) -> MutedNotificationKinds:
        query = gql("""
            query MutedNotificationKinds {
              mutedNotificationKinds
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query,
            operation_name="MutedNotificationKinds",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return MutedNotificationKinds.model_validate(data)

    async def mark_notifications_read(
        self, input: MarkNotificationsReadInput, **kwargs: Any
    ) -> MarkNotificationsRead:
        query = gql("""
            mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
              markNotificationsRead(input: $input) {
                notifications {
                  id
                  read
                  readAt
                }
                unreadCount
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="MarkNotificationsRead",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return MarkNotificationsRead.model_validate(data)

    async def set_notification_kind_muted(
        self, input: SetNotificationKindMutedInput, **kwargs: Any
    ) -> SetNotificationKindMuted:
        query = gql("""
            mutation SetNotificationKindMuted($input: SetNotificationKindMutedInput!) {
              setNotificationKindMuted(input: $input) {
                mutedKinds
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="SetNotificationKindMuted",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SetNotificationKindMuted.model_validate(data)

    async def notification_preferences(self, **kwargs: Any) -> NotificationPreferences:
        query = gql("""
            query NotificationPreferences {
              me {
                id
                notificationPreferences {
                  ...NotificationPreferenceFields
                }
              }
            }

            fragment NotificationPreferenceFields on NotificationPreference {
              kind
              delivery
              chosen
              digestAllowed
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query,
            operation_name="NotificationPreferences",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return NotificationPreferences.model_validate(data)

    async def set_notification_preferences(
        self, input: SetNotificationPreferencesInput, **kwargs: Any
    ) -> SetNotificationPreferences:
        query = gql("""
            mutation SetNotificationPreferences($input: SetNotificationPreferencesInput!) {
              setNotificationPreferences(input: $input) {
                preferences {
                  ...NotificationPreferenceFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment NotificationPreferenceFields on NotificationPreference {
              kind
              delivery
              chosen
              digestAllowed
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="SetNotificationPreferences",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SetNotificationPreferences.model_validate(data)

    async def notification_webhook(self, **kwargs: Any) -> NotificationWebhook:
        query = gql("""
            query NotificationWebhook {
              me {
                id
                notificationWebhook {
                  url
                  createdAt
                }
              }
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query,
            operation_name="NotificationWebhook",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return NotificationWebhook.model_validate(data)

    async def set_notification_webhook(
        self, input: SetNotificationWebhookInput, **kwargs: Any
    ) -> SetNotificationWebhook:
        query = gql("""
            mutation SetNotificationWebhook($input: SetNotificationWebhookInput!) {
              setNotificationWebhook(input: $input) {
                webhook {
                  url
                  createdAt
                }
                signingSecret
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="SetNotificationWebhook",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SetNotificationWebhook.model_validate(data)

    async def notification_received(
        self, **kwargs: Any
    ) -> AsyncIterator[NotificationReceived]:
        query = gql("""
            subscription NotificationReceived {
              notificationReceived {
                ...NotificationFields
              }
            }

            fragment NotificationFields on Notification {
              id
              kind
              text
              createdAt
              readAt
              read
              targetId
              actor {
                id
                displayName
              }
            }
            """)
        variables: dict[str, object] = {}
        async for data in self.execute_ws(
            query=query,
            operation_name="NotificationReceived",
            variables=variables,
            **kwargs,
        ):
            yield NotificationReceived.model_validate(data)

    async def hub_state(self, hub_id: str, **kwargs: Any) -> HubState:
        query = gql("""
            query HubState($hubId: ID!) {
              hubState(hubId: $hubId) {
                hub {
                  id
                  name
                  hardwareId
                }
                breakerCurrentMilliamps
                breakerReadingAt
                online
                outlets {
                  ...OutletStateFields
                }
                focusedOutlet {
                  outlet {
                    id
                  }
                }
              }
            }

            fragment OutletStateFields on OutletState {
              outlet {
                id
                name
                hardwareId
              }
              relayA
              relayB
              thresholdMilliamps
              currentAMilliamps
              currentBMilliamps
              overload
              lastReadingAt
              online
              watched
            }
            """)
        variables: dict[str, object] = {"hubId": hub_id}
        response = await self.execute(
            query=query, operation_name="HubState", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return HubState.model_validate(data)

    async def outlet_state(self, outlet_id: str, **kwargs: Any) -> OutletState:
        query = gql("""
            query OutletState($outletId: ID!) {
              outletState(outletId: $outletId) {
                ...OutletStateFields
              }
            }

            fragment OutletStateFields on OutletState {
              outlet {
                id
                name
                hardwareId
              }
              relayA
              relayB
              thresholdMilliamps
              currentAMilliamps
              currentBMilliamps
              overload
              lastReadingAt
              online
              watched
            }
            """)
        variables: dict[str, object] = {"outletId": outlet_id}
        response = await self.execute(
            query=query, operation_name="OutletState", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return OutletState.model_validate(data)

    async def hub_setup(self, hub_id: str, **kwargs: Any) -> HubSetup:
        query = gql("""
            query HubSetup($hubId: ID!) {
              hubSetup(hubId: $hubId) {
                hub {
                  id
                }
                baseUrlPrefix
                baseUrl
              }
            }
            """)
        variables: dict[str, object] = {"hubId": hub_id}
        response = await self.execute(
            query=query, operation_name="HubSetup", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return HubSetup.model_validate(data)

    async def set_relay(self, input: SetRelayInput, **kwargs: Any) -> SetRelay:
        query = gql("""
            mutation SetRelay($input: SetRelayInput!) {
              setRelay(input: $input) {
                command {
                  ...CommandFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment CommandFields on Command {
              id
              kind
              args
              status
              confirmation
              reason
              groupId
              createdAt
              expiresAt
              sentAt
              finishedAt
              issuedBy {
                id
                displayName
              }
              transitions {
                status
                at
                reason
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="SetRelay", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SetRelay.model_validate(data)

    async def set_threshold(
        self, input: SetThresholdInput, **kwargs: Any
    ) -> SetThreshold:
        query = gql("""
            mutation SetThreshold($input: SetThresholdInput!) {
              setThreshold(input: $input) {
                command {
                  ...CommandFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment CommandFields on Command {
              id
              kind
              args
              status
              confirmation
              reason
              groupId
              createdAt
              expiresAt
              sentAt
              finishedAt
              issuedBy {
                id
                displayName
              }
              transitions {
                status
                at
                reason
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="SetThreshold", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SetThreshold.model_validate(data)

    async def cut_all_power(
        self, input: CutAllPowerInput, **kwargs: Any
    ) -> CutAllPower:
        query = gql("""
            mutation CutAllPower($input: CutAllPowerInput!) {
              cutAllPower(input: $input) {
                groupId
                commands {
                  ...CommandFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment CommandFields on Command {
              id
              kind
              args
              status
              confirmation
              reason
              groupId
              createdAt
              expiresAt
              sentAt
              finishedAt
              issuedBy {
                id
                displayName
              }
              transitions {
                status
                at
                reason
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="CutAllPower", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CutAllPower.model_validate(data)

    async def read_sensors(self, input: ReadSensorsInput, **kwargs: Any) -> ReadSensors:
        query = gql("""
            mutation ReadSensors($input: ReadSensorsInput!) {
              readSensors(input: $input) {
                command {
                  ...CommandFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment CommandFields on Command {
              id
              kind
              args
              status
              confirmation
              reason
              groupId
              createdAt
              expiresAt
              sentAt
              finishedAt
              issuedBy {
                id
                displayName
              }
              transitions {
                status
                at
                reason
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="ReadSensors", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ReadSensors.model_validate(data)

    async def ping(self, input: PingInput, **kwargs: Any) -> Ping:
        query = gql("""
            mutation Ping($input: PingInput!) {
              ping(input: $input) {
                command {
                  ...CommandFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment CommandFields on Command {
              id
              kind
              args
              status
              confirmation
              reason
              groupId
              createdAt
              expiresAt
              sentAt
              finishedAt
              issuedBy {
                id
                displayName
              }
              transitions {
                status
                at
                reason
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="Ping", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Ping.model_validate(data)

    async def focus_outlet(self, input: FocusOutletInput, **kwargs: Any) -> FocusOutlet:
        query = gql("""
            mutation FocusOutlet($input: FocusOutletInput!) {
              focusOutlet(input: $input) {
                outletState {
                  ...OutletStateFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment OutletStateFields on OutletState {
              outlet {
                id
                name
                hardwareId
              }
              relayA
              relayB
              thresholdMilliamps
              currentAMilliamps
              currentBMilliamps
              overload
              lastReadingAt
              online
              watched
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="FocusOutlet", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return FocusOutlet.model_validate(data)

    async def issue_hub_base_url(
        self, input: IssueHubBaseUrlInput, **kwargs: Any
    ) -> IssueHubBaseUrl:
        query = gql("""
            mutation IssueHubBaseUrl($input: IssueHubBaseUrlInput!) {
              issueHubBaseUrl(input: $input) {
                hub {
                  id
                }
                baseUrl
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="IssueHubBaseUrl", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return IssueHubBaseUrl.model_validate(data)

    async def telemetry_updated(
        self, device_id: str, **kwargs: Any
    ) -> AsyncIterator[TelemetryUpdated]:
        query = gql("""
            subscription TelemetryUpdated($deviceId: ID!) {
              telemetryUpdated(deviceId: $deviceId) {
                deviceId
                receivedAt
                deviceTime
                values {
                  key
                  value
                }
                persisted
                relayA
                relayB
                overload
              }
            }
            """)
        variables: dict[str, object] = {"deviceId": device_id}
        async for data in self.execute_ws(
            query=query,
            operation_name="TelemetryUpdated",
            variables=variables,
            **kwargs,
        ):
            yield TelemetryUpdated.model_validate(data)

    async def pets(
        self,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Pets:
        query = gql("""
            query Pets($first: Int, $after: String) {
              pets(first: $first, after: $after) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  cursor
                  node {
                    ...PetFields
                    devices(first: 20) {
                      totalCount
                      edges {
                        node {
                          id
                          kind
                          name
                        }
                      }
                    }
                  }
                }
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }

            fragment PetFields on Pet {
              id
              name
              species
              breed
              birthdate
              weightKg
              activityLevel
              neutered
              createdAt
            }
            """)
        variables: dict[str, object] = {"first": first, "after": after}
        response = await self.execute(
            query=query, operation_name="Pets", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Pets.model_validate(data)

    async def pet_by_id(self, id: str, **kwargs: Any) -> PetById:
        query = gql("""
            query PetById($id: ID!) {
              node(id: $id) {
                __typename
                ... on Pet {
                  ...PetFields
                  devices(first: 20) {
                    totalCount
                    edges {
                      node {
                        ...DeviceFields
                      }
                    }
                  }
                }
              }
            }

            fragment DeviceFields on Device {
              id
              kind
              name
              location
              hardwareId
              firmwareVersion
              lastSeenAt
              createdAt
              online
              pet {
                id
                name
              }
              parentHub {
                id
                hardwareId
              }
            }

            fragment PetFields on Pet {
              id
              name
              species
              breed
              birthdate
              weightKg
              activityLevel
              neutered
              createdAt
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = await self.execute(
            query=query, operation_name="PetById", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return PetById.model_validate(data)

    async def create_pet(self, input: CreatePetInput, **kwargs: Any) -> CreatePet:
        query = gql("""
            mutation CreatePet($input: CreatePetInput!) {
              createPet(input: $input) {
                pet {
                  ...PetFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment PetFields on Pet {
              id
              name
              species
              breed
              birthdate
              weightKg
              activityLevel
              neutered
              createdAt
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="CreatePet", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CreatePet.model_validate(data)

    async def update_pet(self, input: UpdatePetInput, **kwargs: Any) -> UpdatePet:
        query = gql("""
            mutation UpdatePet($input: UpdatePetInput!) {
              updatePet(input: $input) {
                pet {
                  ...PetFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment PetFields on Pet {
              id
              name
              species
              breed
              birthdate
              weightKg
              activityLevel
              neutered
              createdAt
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="UpdatePet", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UpdatePet.model_validate(data)

    async def delete_pet(self, input: DeletePetInput, **kwargs: Any) -> DeletePet:
        query = gql("""
            mutation DeletePet($input: DeletePetInput!) {
              deletePet(input: $input) {
                deletedPetId
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="DeletePet", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return DeletePet.model_validate(data)

    async def feed(
        self,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Feed:
        query = gql("""
            query Feed($first: Int, $after: String) {
              feed(first: $first, after: $after) {
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    ...PostFields
                  }
                }
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }

            fragment PostFields on Post {
              id
              text
              visibility
              createdAt
              updatedAt
              viewerIsAuthor
              author {
                id
                userId
                displayName
                avatarUrl
              }
              photos {
                url
                position
              }
              taggedPets {
                petId
                name
                species
              }
              reactionCounts {
                kind
                count
              }
              reactionCount
              viewerReaction
              commentCount
            }
            """)
        variables: dict[str, object] = {"first": first, "after": after}
        response = await self.execute(
            query=query, operation_name="Feed", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Feed.model_validate(data)

    async def my_profile(self, **kwargs: Any) -> MyProfile:
        query = gql("""
            query MyProfile {
              myProfile {
                ...ProfileFields
              }
            }

            fragment ProfileFields on Profile {
              id
              userId
              displayName
              bio
              avatarUrl
              isPrivate
              joinedAt
              isViewer
              followerCount
              followingCount
              viewerFollowStatus
              followsViewer
              viewerHasBlocked
              contentVisible
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query, operation_name="MyProfile", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return MyProfile.model_validate(data)

    async def profile(self, user_id: str, **kwargs: Any) -> Profile:
        query = gql("""
            query Profile($userId: ID!) {
              profile(userId: $userId) {
                ...ProfileFields
              }
            }

            fragment ProfileFields on Profile {
              id
              userId
              displayName
              bio
              avatarUrl
              isPrivate
              joinedAt
              isViewer
              followerCount
              followingCount
              viewerFollowStatus
              followsViewer
              viewerHasBlocked
              contentVisible
            }
            """)
        variables: dict[str, object] = {"userId": user_id}
        response = await self.execute(
            query=query, operation_name="Profile", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Profile.model_validate(data)

    async def user_posts(
        self,
        user_id: str,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> UserPosts:
        query = gql("""
            query UserPosts($userId: ID!, $first: Int, $after: String) {
              userPosts(userId: $userId, first: $first, after: $after) {
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    ...PostFields
                  }
                }
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }

            fragment PostFields on Post {
              id
              text
              visibility
              createdAt
              updatedAt
              viewerIsAuthor
              author {
                id
                userId
                displayName
                avatarUrl
              }
              photos {
                url
                position
              }
              taggedPets {
                petId
                name
                species
              }
              reactionCounts {
                kind
                count
              }
              reactionCount
              viewerReaction
              commentCount
            }
            """)
        variables: dict[str, object] = {
            "userId": user_id,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="UserPosts", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UserPosts.model_validate(data)

    async def post(self, id: str, **kwargs: Any) -> Post:
        query = gql("""
            query Post($id: ID!) {
              post(id: $id) {
                ...PostFields
              }
            }

            fragment PostFields on Post {
              id
              text
              visibility
              createdAt
              updatedAt
              viewerIsAuthor
              author {
                id
                userId
                displayName
                avatarUrl
              }
              photos {
                url
                position
              }
              taggedPets {
                petId
                name
                species
              }
              reactionCounts {
                kind
                count
              }
              reactionCount
              viewerReaction
              commentCount
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = await self.execute(
            query=query, operation_name="Post", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Post.model_validate(data)

    async def comments(
        self,
        post_id: str,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Comments:
        query = gql("""
            query Comments($postId: ID!, $first: Int, $after: String) {
              comments(postId: $postId, first: $first, after: $after) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    ...CommentFields
                  }
                }
              }
            }

            fragment CommentFields on Comment {
              id
              text
              createdAt
              updatedAt
              viewerIsAuthor
              viewerCanDelete
              author {
                id
                userId
                displayName
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            """)
        variables: dict[str, object] = {
            "postId": post_id,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="Comments", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Comments.model_validate(data)

    async def followers(
        self,
        user_id: str,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Followers:
        query = gql("""
            query Followers($userId: ID!, $first: Int, $after: String) {
              followers(userId: $userId, first: $first, after: $after) {
                ...ProfileListFields
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }

            fragment ProfileFields on Profile {
              id
              userId
              displayName
              bio
              avatarUrl
              isPrivate
              joinedAt
              isViewer
              followerCount
              followingCount
              viewerFollowStatus
              followsViewer
              viewerHasBlocked
              contentVisible
            }

            fragment ProfileListFields on ProfileConnection {
              totalCount
              pageInfo {
                ...PageInfoFields
              }
              edges {
                node {
                  ...ProfileFields
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "userId": user_id,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="Followers", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Followers.model_validate(data)

    async def following(
        self,
        user_id: str,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Following:
        query = gql("""
            query Following($userId: ID!, $first: Int, $after: String) {
              following(userId: $userId, first: $first, after: $after) {
                ...ProfileListFields
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }

            fragment ProfileFields on Profile {
              id
              userId
              displayName
              bio
              avatarUrl
              isPrivate
              joinedAt
              isViewer
              followerCount
              followingCount
              viewerFollowStatus
              followsViewer
              viewerHasBlocked
              contentVisible
            }

            fragment ProfileListFields on ProfileConnection {
              totalCount
              pageInfo {
                ...PageInfoFields
              }
              edges {
                node {
                  ...ProfileFields
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "userId": user_id,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="Following", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Following.model_validate(data)

    async def follow_requests(
        self,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> FollowRequests:
        query = gql("""
            query FollowRequests($first: Int, $after: String) {
              followRequests(first: $first, after: $after) {
                totalCount
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    requestedAt
                    requester {
                      ...ProfileFields
                    }
                  }
                }
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }

            fragment ProfileFields on Profile {
              id
              userId
              displayName
              bio
              avatarUrl
              isPrivate
              joinedAt
              isViewer
              followerCount
              followingCount
              viewerFollowStatus
              followsViewer
              viewerHasBlocked
              contentVisible
            }
            """)
        variables: dict[str, object] = {"first": first, "after": after}
        response = await self.execute(
            query=query, operation_name="FollowRequests", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return FollowRequests.model_validate(data)

    async def blocked_users(
        self,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> BlockedUsers:
        query = gql("""
            query BlockedUsers($first: Int, $after: String) {
              blockedUsers(first: $first, after: $after) {
                ...ProfileListFields
              }
            }

            fragment PageInfoFields on PageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }

            fragment ProfileFields on Profile {
              id
              userId
              displayName
              bio
              avatarUrl
              isPrivate
              joinedAt
              isViewer
              followerCount
              followingCount
              viewerFollowStatus
              followsViewer
              viewerHasBlocked
              contentVisible
            }

            fragment ProfileListFields on ProfileConnection {
              totalCount
              pageInfo {
                ...PageInfoFields
              }
              edges {
                node {
                  ...ProfileFields
                }
              }
            }
            """)
        variables: dict[str, object] = {"first": first, "after": after}
        response = await self.execute(
            query=query, operation_name="BlockedUsers", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return BlockedUsers.model_validate(data)

    async def update_profile(
        self, input: UpdateProfileInput, **kwargs: Any
    ) -> UpdateProfile:
        query = gql("""
            mutation UpdateProfile($input: UpdateProfileInput!) {
              updateProfile(input: $input) {
                profile {
                  ...ProfileFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment ProfileFields on Profile {
              id
              userId
              displayName
              bio
              avatarUrl
              isPrivate
              joinedAt
              isViewer
              followerCount
              followingCount
              viewerFollowStatus
              followsViewer
              viewerHasBlocked
              contentVisible
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="UpdateProfile", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UpdateProfile.model_validate(data)

    async def follow_user(self, input: FollowUserInput, **kwargs: Any) -> FollowUser:
        query = gql("""
            mutation FollowUser($input: FollowUserInput!) {
              followUser(input: $input) {
                profile {
                  ...ProfileFields
                }
                status
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment ProfileFields on Profile {
              id
              userId
              displayName
              bio
              avatarUrl
              isPrivate
              joinedAt
              isViewer
              followerCount
              followingCount
              viewerFollowStatus
              followsViewer
              viewerHasBlocked
              contentVisible
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="FollowUser", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return FollowUser.model_validate(data)

    async def unfollow_user(
        self, input: UnfollowUserInput, **kwargs: Any
    ) -> UnfollowUser:
        query = gql("""
            mutation UnfollowUser($input: UnfollowUserInput!) {
              unfollowUser(input: $input) {
                profile {
                  ...ProfileFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment ProfileFields on Profile {
              id
              userId
              displayName
              bio
              avatarUrl
              isPrivate
              joinedAt
              isViewer
              followerCount
              followingCount
              viewerFollowStatus
              followsViewer
              viewerHasBlocked
              contentVisible
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="UnfollowUser", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UnfollowUser.model_validate(data)

    async def remove_follower(
        self, input: RemoveFollowerInput, **kwargs: Any
    ) -> RemoveFollower:
        query = gql("""
            mutation RemoveFollower($input: RemoveFollowerInput!) {
              removeFollower(input: $input) {
                profile {
                  ...ProfileFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment ProfileFields on Profile {
              id
              userId
              displayName
              bio
              avatarUrl
              isPrivate
              joinedAt
              isViewer
              followerCount
              followingCount
              viewerFollowStatus
              followsViewer
              viewerHasBlocked
              contentVisible
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="RemoveFollower", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RemoveFollower.model_validate(data)

    async def approve_follow_request(
        self, input: ApproveFollowRequestInput, **kwargs: Any
    ) -> ApproveFollowRequest:
        query = gql("""
            mutation ApproveFollowRequest($input: ApproveFollowRequestInput!) {
              approveFollowRequest(input: $input) {
                profile {
                  ...ProfileFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment ProfileFields on Profile {
              id
              userId
              displayName
              bio
              avatarUrl
              isPrivate
              joinedAt
              isViewer
              followerCount
              followingCount
              viewerFollowStatus
              followsViewer
              viewerHasBlocked
              contentVisible
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="ApproveFollowRequest",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ApproveFollowRequest.model_validate(data)

    async def decline_follow_request(
        self, input: DeclineFollowRequestInput, **kwargs: Any
    ) -> DeclineFollowRequest:
        query = gql("""
            mutation DeclineFollowRequest($input: DeclineFollowRequestInput!) {
              declineFollowRequest(input: $input) {
                profile {
                  ...ProfileFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment ProfileFields on Profile {
              id
              userId
              displayName
              bio
              avatarUrl
              isPrivate
              joinedAt
              isViewer
              followerCount
              followingCount
              viewerFollowStatus
              followsViewer
              viewerHasBlocked
              contentVisible
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="DeclineFollowRequest",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return DeclineFollowRequest.model_validate(data)

    async def block_user(self, input: BlockUserInput, **kwargs: Any) -> BlockUser:
        query = gql("""
            mutation BlockUser($input: BlockUserInput!) {
              blockUser(input: $input) {
                profile {
                  ...ProfileFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment ProfileFields on Profile {
              id
              userId
              displayName
              bio
              avatarUrl
              isPrivate
              joinedAt
              isViewer
              followerCount
              followingCount
              viewerFollowStatus
              followsViewer
              viewerHasBlocked
              contentVisible
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="BlockUser", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return BlockUser.model_validate(data)

    async def unblock_user(self, input: UnblockUserInput, **kwargs: Any) -> UnblockUser:
        query = gql("""
            mutation UnblockUser($input: UnblockUserInput!) {
              unblockUser(input: $input) {
                profile {
                  ...ProfileFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment ProfileFields on Profile {
              id
              userId
              displayName
              bio
              avatarUrl
              isPrivate
              joinedAt
              isViewer
              followerCount
              followingCount
              viewerFollowStatus
              followsViewer
              viewerHasBlocked
              contentVisible
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="UnblockUser", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UnblockUser.model_validate(data)

    async def create_post(self, input: CreatePostInput, **kwargs: Any) -> CreatePost:
        query = gql("""
            mutation CreatePost($input: CreatePostInput!) {
              createPost(input: $input) {
                post {
                  ...PostFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment PostFields on Post {
              id
              text
              visibility
              createdAt
              updatedAt
              viewerIsAuthor
              author {
                id
                userId
                displayName
                avatarUrl
              }
              photos {
                url
                position
              }
              taggedPets {
                petId
                name
                species
              }
              reactionCounts {
                kind
                count
              }
              reactionCount
              viewerReaction
              commentCount
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="CreatePost", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CreatePost.model_validate(data)

    async def update_post(self, input: UpdatePostInput, **kwargs: Any) -> UpdatePost:
        query = gql("""
            mutation UpdatePost($input: UpdatePostInput!) {
              updatePost(input: $input) {
                post {
                  ...PostFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment PostFields on Post {
              id
              text
              visibility
              createdAt
              updatedAt
              viewerIsAuthor
              author {
                id
                userId
                displayName
                avatarUrl
              }
              photos {
                url
                position
              }
              taggedPets {
                petId
                name
                species
              }
              reactionCounts {
                kind
                count
              }
              reactionCount
              viewerReaction
              commentCount
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="UpdatePost", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UpdatePost.model_validate(data)

    async def delete_post(self, input: DeletePostInput, **kwargs: Any) -> DeletePost:
        query = gql("""
            mutation DeletePost($input: DeletePostInput!) {
              deletePost(input: $input) {
                deletedPostId
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="DeletePost", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return DeletePost.model_validate(data)

    async def add_comment(self, input: AddCommentInput, **kwargs: Any) -> AddComment:
        query = gql("""
            mutation AddComment($input: AddCommentInput!) {
              addComment(input: $input) {
                comment {
                  ...CommentFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment CommentFields on Comment {
              id
              text
              createdAt
              updatedAt
              viewerIsAuthor
              viewerCanDelete
              author {
                id
                userId
                displayName
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="AddComment", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return AddComment.model_validate(data)

    async def update_comment(
        self, input: UpdateCommentInput, **kwargs: Any
    ) -> UpdateComment:
        query = gql("""
            mutation UpdateComment($input: UpdateCommentInput!) {
              updateComment(input: $input) {
                comment {
                  ...CommentFields
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment CommentFields on Comment {
              id
              text
              createdAt
              updatedAt
              viewerIsAuthor
              viewerCanDelete
              author {
                id
                userId
                displayName
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="UpdateComment", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UpdateComment.model_validate(data)

    async def delete_comment(
        self, input: DeleteCommentInput, **kwargs: Any
    ) -> DeleteComment:
        query = gql("""
            mutation DeleteComment($input: DeleteCommentInput!) {
              deleteComment(input: $input) {
                deletedCommentId
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="DeleteComment", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return DeleteComment.model_validate(data)

    async def react_to_post(
        self, input: ReactToPostInput, **kwargs: Any
    ) -> ReactToPost:
        query = gql("""
            mutation ReactToPost($input: ReactToPostInput!) {
              reactToPost(input: $input) {
                post {
                  id
                  reactionCount
                  viewerReaction
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="ReactToPost", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ReactToPost.model_validate(data)

    async def remove_reaction(
        self, input: RemoveReactionInput, **kwargs: Any
    ) -> RemoveReaction:
        query = gql("""
            mutation RemoveReaction($input: RemoveReactionInput!) {
              removeReaction(input: $input) {
                post {
                  id
                  reactionCount
                  viewerReaction
                }
                userErrors {
                  ...UserErrorFields
                }
              }
            }

            fragment UserErrorFields on UserError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="RemoveReaction", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RemoveReaction.model_validate(data)
