"""The operations of every screen (clients/operations/), through the generated Python SDK
against a live server: for each file a query, a mutation and, where it has one, its
subscription, fed by a real cause (firmware, another user). Subscriptions are awaited in Redis
before their cause, so nothing here depends on timing."""

import asyncio
import secrets
from decimal import Decimal

import pytest
from pawgraph_client import (
    AlertIdInput,
    CreateFeedingScheduleInput,
    CreateListingInput,
    CreatePetInput,
    CreatePostInput,
    CutAllPowerInput,
    FeedNowInput,
    FollowUserInput,
    MarkNotificationsReadInput,
    NotificationPreferenceInput,
    RegisterDeviceInput,
    ReportContentInput,
    RequestPurchaseInput,
    SendMessageInput,
    SetNotificationPreferencesInput,
    SetNotificationWebhookInput,
    SetRelayInput,
    TreatInput,
)
from pawgraph_client.enums import (
    AlertStatus,
    CommandStatus,
    DeviceKind,
    ErrorCode,
    ListingCondition,
    ListingSort,
    NotificationDelivery,
    NotificationKind,
    NotificationOrder,
    ReportReason,
    Socket,
    Species,
)
from pawgraph_client.exceptions import GraphQLClientGraphQLMultiError

from firmware.petio_feeder import FeederClient, FeederStatus
from graphql_api import events
from tests.clients.test_sdk import EVENT_TIMEOUT_S, register_feeder, signed_in
from tests.live.alerting import until_subscribed
from tests.support.graphql_client import pk_of


def feeder_client(server, registered) -> FeederClient:
    return FeederClient(server.base_url, registered.device.hardware_id, registered.api_key)


def heartbeat(server, registered, hopper_pct: int = 70):
    status = FeederStatus(
        wifi_rssi=-60, uptime=60, daily_feeds=0, hopper_mm=90, hopper_pct=hopper_pct
    )
    return asyncio.to_thread(feeder_client(server, registered).heartbeat, status)


def listen(stream):
    """The stream's next event, as a task: the subscription starts when it is first awaited."""
    return asyncio.ensure_future(asyncio.wait_for(anext(stream), EVENT_TIMEOUT_S))


async def me_pk(client) -> int:
    return pk_of((await client.me()).me.id)


class TestFeederScreen:
    async def test_schedule_editor_and_feed_now_with_its_progress_live(
        self, server_a, test_environment
    ):
        async with signed_in(server_a) as client:
            # given
            feeder = await register_feeder(client)
            device_id = feeder.device.id
            created = (
                await client.create_feeding_schedule(
                    CreateFeedingScheduleInput(
                        device_id=device_id, time="07:30", grams=30, label="Breakfast"
                    )
                )
            ).create_feeding_schedule
            stream = client.command_updated(device_id=device_id)
            progress = listen(stream)
            channel = events.device_commands_channel(pk_of(device_id))
            await until_subscribed(test_environment.redis_url, channel)
            # when
            fed = (await client.feed_now(FeedNowInput(device_id=device_id, grams=20))).feed_now
            first = (await progress).command_updated
            schedules = (await client.feeding_schedules(device_id=device_id)).feeding_schedules
            commands = (await client.commands(device_id=device_id)).commands
            await stream.aclose()
            # then
            assert created.user_errors == []
            assert [(edge.node.time, edge.node.grams) for edge in schedules.edges] == [
                ("07:30", 30)
            ]
            assert fed.user_errors == [] and fed.command.status is CommandStatus.QUEUED
            assert (first.id, first.status) == (fed.command.id, CommandStatus.QUEUED)
            assert [edge.node.id for edge in commands.edges] == [fed.command.id]

    async def test_another_owners_feeder_cannot_be_fed(self, server_a):
        async with signed_in(server_a) as owner, signed_in(server_a) as stranger:
            # given
            feeder = await register_feeder(owner)
            # when
            fed = (
                await stranger.feed_now(FeedNowInput(device_id=feeder.device.id, grams=20))
            ).feed_now
            # then
            assert fed.command is None
            assert [error.code for error in fed.user_errors] == [ErrorCode.DEVICE_NOT_FOUND]


class TestOutletPanel:
    async def test_relays_cut_all_power_and_live_readings(self, server_a, test_environment):
        async with signed_in(server_a) as client:
            # given: a hub with one outlet, and a feeder whose heartbeats are readings
            hub = (
                await client.register_device(
                    RegisterDeviceInput(
                        kind=DeviceKind.HUB, name="Hub", hardware_id=secrets.token_hex(1)
                    )
                )
            ).register_device.device
            outlet = (
                await client.register_device(
                    RegisterDeviceInput(
                        kind=DeviceKind.OUTLET,
                        name="Heater",
                        hardware_id=secrets.token_hex(1).upper(),
                        parent_hub_id=hub.id,
                    )
                )
            ).register_device.device
            feeder = await register_feeder(client)
            stream = client.telemetry_updated(device_id=feeder.device.id)
            reading = listen(stream)
            channel = events.device_telemetry_channel(pk_of(feeder.device.id))
            await until_subscribed(test_environment.redis_url, channel)
            # when
            relay = (
                await client.set_relay(SetRelayInput(outlet_id=outlet.id, socket=Socket.A, on=True))
            ).set_relay
            cut = (await client.cut_all_power(CutAllPowerInput(hub_id=hub.id))).cut_all_power
            state = (await client.outlet_state(outlet_id=outlet.id)).outlet_state
            await heartbeat(server_a, feeder, hopper_pct=64)
            live = (await reading).telemetry_updated
            await stream.aclose()
            # then
            assert relay.user_errors == [] and relay.command.status is CommandStatus.QUEUED
            assert cut.user_errors == [] and cut.group_id
            assert state.outlet.id == outlet.id
            assert live.device_id == feeder.device.id
            assert {value.key: value.value for value in live.values}["hopper_percent"] == 64


class TestNotificationPreferences:
    async def test_read_and_set_where_each_kind_is_delivered(self, server_a):
        async with signed_in(server_a) as client:
            # given
            before = (await client.notification_preferences()).me.notification_preferences
            # when
            changed = (
                await client.set_notification_preferences(
                    SetNotificationPreferencesInput(
                        preferences=[
                            NotificationPreferenceInput(
                                kind=NotificationKind.COMMENT, delivery=NotificationDelivery.DIGEST
                            )
                        ]
                    )
                )
            ).set_notification_preferences
            refused = (
                await client.set_notification_preferences(
                    SetNotificationPreferencesInput(
                        preferences=[
                            NotificationPreferenceInput(
                                kind=NotificationKind.DEVICE_ALERT,
                                delivery=NotificationDelivery.DIGEST,
                            )
                        ]
                    )
                )
            ).set_notification_preferences
            # then
            defaults = {p.kind: p.delivery for p in before}
            assert defaults[NotificationKind.DEVICE_ALERT] is NotificationDelivery.BOTH
            assert defaults[NotificationKind.COMMENT] is NotificationDelivery.IN_APP
            assert changed.user_errors == []
            comment = next(p for p in changed.preferences if p.kind is NotificationKind.COMMENT)
            assert comment.delivery is NotificationDelivery.DIGEST and comment.chosen
            assert [error.code for error in refused.user_errors] == [
                ErrorCode.NOTIFICATION_DIGEST_NOT_ALLOWED
            ]

    async def test_set_read_and_remove_the_webhook(self, server_a):
        async with signed_in(server_a) as client:
            # when
            url = "https://hooks.example.com/" + secrets.token_hex(4)
            set_ = (
                await client.set_notification_webhook(SetNotificationWebhookInput(url=url))
            ).set_notification_webhook
            read = (await client.notification_webhook()).me.notification_webhook
            removed = (
                await client.set_notification_webhook(SetNotificationWebhookInput(url=None))
            ).set_notification_webhook
            # then
            assert set_.user_errors == [] and set_.signing_secret
            assert read.url == url
            assert removed.webhook is None


class TestAlertsAndInbox:
    async def test_a_low_hopper_raises_an_alert_and_a_notification_live(
        self, server_a, test_environment
    ):
        async with signed_in(server_a) as client:
            # given
            feeder = await register_feeder(client)
            owner = await me_pk(client)
            alerts_stream, inbox_stream = client.alert_raised(), client.notification_received()
            next_alert, next_notification = listen(alerts_stream), listen(inbox_stream)
            redis_url = test_environment.redis_url
            await until_subscribed(redis_url, events.user_alerts_channel(owner))
            await until_subscribed(redis_url, events.user_notifications_channel(owner))
            # when
            await heartbeat(server_a, feeder, hopper_pct=10)
            alert = (await next_alert).alert_raised
            notification = (await next_notification).notification_received
            await alerts_stream.aclose()
            await inbox_stream.aclose()
            unread = (await client.unread_notification_count()).unread_notification_count
            listed = (await client.alerts(device_id=feeder.device.id)).alerts
            acknowledged = (
                await client.acknowledge_alert(AlertIdInput(id=alert.id))
            ).acknowledge_alert
            inbox = (
                await client.notifications(order=NotificationOrder.NEWEST_FIRST, unread_only=True)
            ).notifications
            read = (
                await client.mark_notifications_read(MarkNotificationsReadInput(all=True))
            ).mark_notifications_read
            # then
            assert alert.device.id == feeder.device.id
            assert notification.target_id == alert.id and unread == 1
            assert [edge.node.id for edge in listed.edges] == [alert.id]
            assert acknowledged.alert.status is AlertStatus.ACKNOWLEDGED
            assert [edge.node.id for edge in inbox.edges] == [notification.id]
            assert read.unread_count == 0

    async def test_another_users_alert_cannot_be_acknowledged(self, server_a, test_environment):
        async with signed_in(server_a) as owner, signed_in(server_a) as stranger:
            # given
            feeder = await register_feeder(owner)
            stream = owner.alert_raised()
            next_alert = listen(stream)
            channel = events.user_alerts_channel(await me_pk(owner))
            await until_subscribed(test_environment.redis_url, channel)
            await heartbeat(server_a, feeder, hopper_pct=10)
            alert = (await next_alert).alert_raised
            await stream.aclose()
            # when
            refused = (
                await stranger.acknowledge_alert(AlertIdInput(id=alert.id))
            ).acknowledge_alert
            # then
            assert refused.alert is None
            assert [error.code for error in refused.user_errors] == [ErrorCode.ALERT_NOT_FOUND]


class TestCollars:
    async def test_treats_list_and_a_strangers_treat_is_refused(self, server_a):
        async with signed_in(server_a) as owner, signed_in(server_a) as stranger:
            # given
            pet = (
                await owner.create_pet(CreatePetInput(name="Rex", species=Species.DOG))
            ).create_pet.pet
            collar = (
                await owner.register_device(
                    RegisterDeviceInput(
                        kind=DeviceKind.COLLAR,
                        name="Collar",
                        hardware_id="SN-" + secrets.token_hex(4),
                        pet_id=pet.id,
                    )
                )
            ).register_device.device
            # when
            treats = (await owner.treats(device_id=collar.id)).treats
            refused = (await stranger.treat(TreatInput(device_id=collar.id))).treat
            score = (await owner.health_score(pet_id=pet.id)).health_score
            # then
            assert treats.total_count == 0
            assert [error.code for error in refused.user_errors] == [ErrorCode.DEVICE_NOT_FOUND]
            assert score.explanation


class TestMarketplace:
    async def test_browse_list_request_and_message_live(self, server_a, test_environment):
        async with signed_in(server_a) as seller, signed_in(server_a) as buyer:
            # given
            categories = (await buyer.categories()).categories
            toys = next(category for category in categories if category.slug == "toys")
            listing = (
                await seller.create_listing(
                    CreateListingInput(
                        title="Squeaky duck " + secrets.token_hex(3),
                        description="Barely chewed",
                        category_id=toys.id,
                        price=Decimal("4.50"),
                        currency="EUR",
                        condition=ListingCondition.LIKE_NEW,
                    )
                )
            ).create_listing.listing
            # when
            browsed = (
                await buyer.listings(sort=ListingSort.NEWEST, filter_={"text": listing.title})
            ).listings
            requested = (
                await buyer.request_purchase(RequestPurchaseInput(listing_id=listing.id))
            ).request_purchase
            opened = (
                await buyer.send_message(
                    SendMessageInput(body="Still there?", listing_id=listing.id)
                )
            ).send_message
            stream = seller.message_received(thread_id=opened.thread.id)
            next_message = listen(stream)
            channel = events.message_thread_channel(pk_of(opened.thread.id))
            await until_subscribed(test_environment.redis_url, channel)
            await buyer.send_message(SendMessageInput(body="Tomorrow?", thread_id=opened.thread.id))
            heard = (await next_message).message_received
            await stream.aclose()
            # then
            assert [edge.node.id for edge in browsed.edges] == [listing.id]
            assert (
                requested.user_errors == [] and requested.purchase_request.listing.id == listing.id
            )
            assert (heard.body, heard.is_mine) == ("Tomorrow?", False)


class TestSocialAndModeration:
    async def test_follow_post_feed_and_report(self, server_a, test_environment):
        async with signed_in(server_a) as author, signed_in(server_a) as fan:
            # given
            profile = (await author.my_profile()).my_profile
            stream = author.notification_received()
            next_notification = listen(stream)
            channel = events.user_notifications_channel(await me_pk(author))
            await until_subscribed(test_environment.redis_url, channel)
            # when
            followed = (await fan.follow_user(FollowUserInput(user_id=profile.user_id))).follow_user
            heard = (await next_notification).notification_received
            await stream.aclose()
            post = (
                await author.create_post(CreatePostInput(text="Walkies " + secrets.token_hex(3)))
            ).create_post.post
            feed = (await fan.feed(first=20)).feed
            report = (
                await fan.report_content(
                    ReportContentInput(target_id=post.id, reason=ReportReason.SPAM)
                )
            ).report_content
            # then
            assert followed.user_errors == [] and followed.profile.follower_count == 1
            assert heard.actor.display_name == "Sdk"
            assert post.id in [edge.node.id for edge in feed.edges]
            assert report.user_errors == [] and report.report.target_id == post.id

    async def test_an_owner_is_refused_the_moderation_queue(self, server_a):
        async with signed_in(server_a) as owner:
            # when / then
            with pytest.raises(GraphQLClientGraphQLMultiError) as refused:
                await owner.moderation_queue()
            assert refused.value.errors[0].extensions["code"] == "PERMISSION_DENIED"
