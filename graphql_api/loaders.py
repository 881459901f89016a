"""Loaders: the per-request registry of DataLoaders, one attribute per relation.

Built in the context getter, never at module level, so nothing is cached across requests or
viewers. Each batch function runs one ``IN (...)`` query through its domain's repository and
answers in key order (``None`` or ``[]`` for keys the viewer cannot see).
"""

import functools
from typing import TYPE_CHECKING

from strawberry.dataloader import DataLoader as _DataLoader

from graphql_api.accounts import loaders as accounts_loaders
from graphql_api.alerts import loaders as alerts_loaders
from graphql_api.commands import loaders as commands_loaders
from graphql_api.devices import loaders as devices_loaders
from graphql_api.feeding import loaders as feeding_loaders
from graphql_api.marketplace import loaders as marketplace_loaders
from graphql_api.moderation import loaders as moderation_loaders
from graphql_api.notifications import loaders as notifications_loaders
from graphql_api.outlets import loaders as outlets_loaders
from graphql_api.pets import loaders as pets_loaders
from graphql_api.schedules import loaders as schedules_loaders
from graphql_api.social.comments import loaders as comments_loaders
from graphql_api.social.follows import loaders as follows_loaders
from graphql_api.social.posts import loaders as posts_loaders
from graphql_api.social.profiles import loaders as profiles_loaders
from graphql_api.social.reactions import loaders as reactions_loaders
from graphql_api.telemetry import loaders as telemetry_loaders

if TYPE_CHECKING:
    from graphql_api.context import Context


class Loaders:
    """One DataLoader per relation.

    On a websocket the context lives as long as the connection, so its loaders batch but do not
    cache: every subscription event sees fresh rows.
    """

    def __init__(self, context: "Context") -> None:
        DataLoader = functools.partial(_DataLoader, cache=not context.is_websocket)  # noqa: N806
        def bind(batch):
            # Session and viewer are read when the batch runs: a websocket sets its viewer
            # after the context is built.
            return lambda keys: context.run_batch(batch, list(keys))

        self.user_by_id = DataLoader(load_fn=bind(accounts_loaders.users_by_id))
        self.pet_by_id = DataLoader(load_fn=bind(pets_loaders.pets_by_id))
        self.device_by_id = DataLoader(load_fn=bind(devices_loaders.devices_by_id))
        self.devices_by_pet_id = DataLoader(load_fn=bind(devices_loaders.devices_by_pet_id))
        self.devices_by_parent_id = DataLoader(load_fn=bind(devices_loaders.devices_by_parent_id))
        self.alert_by_id = DataLoader(load_fn=bind(alerts_loaders.alerts_by_id))
        self.command_by_id = DataLoader(load_fn=bind(commands_loaders.commands_by_id))
        self.command_transitions_by_command_id = DataLoader(
            load_fn=bind(commands_loaders.transitions_by_command_id)
        )
        self.feeding_log_by_id = DataLoader(load_fn=bind(feeding_loaders.feeding_logs_by_id))
        self.notification_by_id = DataLoader(
            load_fn=bind(notifications_loaders.notifications_by_id)
        )
        self.hub_focus_by_hub_id = DataLoader(load_fn=bind(outlets_loaders.hub_focus_by_hub_id))
        self.watched_since_by_device_id = DataLoader(
            load_fn=bind(telemetry_loaders.watched_since_by_device_id)
        )

        self.feeding_schedule_by_id = DataLoader(
            load_fn=bind(schedules_loaders.feeding_schedules_by_id)
        )
        self.last_schedule_firing_by_schedule_id = DataLoader(
            load_fn=bind(schedules_loaders.last_schedule_firing_by_schedule_id)
        )
        # marketplace and moderation
        self.category_by_id = DataLoader(load_fn=bind(marketplace_loaders.categories_by_id))
        self.categories_by_parent_id = DataLoader(
            load_fn=bind(marketplace_loaders.categories_by_parent_id)
        )
        self.listing_by_id = DataLoader(load_fn=bind(marketplace_loaders.listings_by_id))
        self.photos_by_listing_id = DataLoader(
            load_fn=bind(marketplace_loaders.photos_by_listing_id)
        )
        self.purchase_request_by_id = DataLoader(
            load_fn=bind(marketplace_loaders.purchase_requests_by_id)
        )
        self.offers_by_request_id = DataLoader(
            load_fn=bind(marketplace_loaders.offers_by_request_id)
        )
        self.message_thread_by_id = DataLoader(
            load_fn=bind(marketplace_loaders.message_threads_by_id)
        )
        self.message_by_id = DataLoader(load_fn=bind(marketplace_loaders.messages_by_id))
        self.unread_count_by_thread_id = DataLoader(
            load_fn=bind(marketplace_loaders.unread_counts_by_thread_id)
        )
        self.last_message_by_thread_id = DataLoader(
            load_fn=bind(marketplace_loaders.last_messages_by_thread_id)
        )
        self.transaction_by_id = DataLoader(load_fn=bind(marketplace_loaders.transactions_by_id))
        self.report_by_id = DataLoader(load_fn=bind(moderation_loaders.reports_by_id))
        self.open_report_count_by_target = DataLoader(
            load_fn=bind(moderation_loaders.open_report_counts_by_target)
        )
        # social
        self.profile_by_user_id = DataLoader(load_fn=bind(profiles_loaders.profiles_by_user_id))
        self.pets_by_owner_id = DataLoader(load_fn=bind(profiles_loaders.pets_by_owner_id))
        self.relationship_by_user_id = DataLoader(
            load_fn=bind(profiles_loaders.relationships_by_user_id)
        )
        self.follower_count_by_user_id = DataLoader(
            load_fn=bind(follows_loaders.follower_counts_by_user_id)
        )
        self.following_count_by_user_id = DataLoader(
            load_fn=bind(follows_loaders.following_counts_by_user_id)
        )
        self.post_by_id = DataLoader(load_fn=bind(posts_loaders.posts_by_id))
        self.photos_by_post_id = DataLoader(load_fn=bind(posts_loaders.photos_by_post_id))
        self.tagged_pets_by_post_id = DataLoader(load_fn=bind(posts_loaders.tagged_pets_by_post_id))
        self.comment_by_id = DataLoader(load_fn=bind(comments_loaders.comments_by_id))
        self.comment_count_by_post_id = DataLoader(
            load_fn=bind(comments_loaders.comment_counts_by_post_id)
        )
        self.reaction_counts_by_post_id = DataLoader(
            load_fn=bind(reactions_loaders.reaction_counts_by_post_id)
        )
        self.viewer_reaction_by_post_id = DataLoader(
            load_fn=bind(reactions_loaders.viewer_reactions_by_post_id)
        )

    def clear_all(self) -> None:
        for loader in vars(self).values():
            if isinstance(loader, _DataLoader):
                loader.clear_all()
