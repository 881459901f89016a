"""Moderation root fields: reports, the moderation queue, suspensions and the admin dashboard."""

import datetime as dt
from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api.accounts.types import User
from graphql_api.moderation import service as moderation_service
from graphql_api.moderation.analytics import service as analytics_service
from graphql_api.moderation.analytics.types import AnalyticsPeriod, MarketplaceAnalytics
from graphql_api.moderation.types import (
    Report,
    ReportContentInput,
    ReportContentPayload,
    ReportStatus,
    ReportTargetType,
    ResolveReportInput,
    ResolveReportPayload,
    UserSuspensionInput,
    UserSuspensionPayload,
    decode_target,
)
from graphql_api.mutation import MutationBoundary
from graphql_api.relay import (
    After,
    Before,
    Connection,
    First,
    Last,
    build_connection,
    decode_id,
    page_args,
)

# Every mutation takes one `input`; its type documents each field.
INPUT = strawberry.argument(description="The mutation's input; see its type.")


@strawberry.type
class ModerationQueries:
    @strawberry.field(
        description="Reports for staff to handle, oldest first (staff and admins only)."
    )
    async def moderation_queue(
        self,
        info: strawberry.Info,
        statuses: Annotated[
            list[ReportStatus] | None, strawberry.argument(description="OPEN when omitted.")
        ] = None,
        target_type: Annotated[
            ReportTargetType | None, strawberry.argument(description="Only reports of this kind.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Report]:
        page, count = await moderation_service.queue(
            info.context.session,
            info.context.viewer,
            page_args(info, first, after, last, before),
            statuses,
            target_type,
        )
        return build_connection(page, count, Report.from_model)

    @strawberry.field(
        description="The marketplace dashboard for a time window (staff and admins only)."
    )
    async def marketplace_analytics(
        self,
        info: strawberry.Info,
        from_: Annotated[
            dt.datetime,
            strawberry.argument(name="from", description="Start, inclusive, with offset."),
        ],
        to: Annotated[dt.datetime, strawberry.argument(description="End, exclusive, with offset.")],
        period: Annotated[
            AnalyticsPeriod, strawberry.argument(description="How to group sales over time.")
        ] = analytics_service.Period.DAY,
    ) -> MarketplaceAnalytics:
        result = await analytics_service.marketplace_analytics(
            info.context.session, info.context.viewer, from_, to, analytics_service.Period(period)
        )
        return MarketplaceAnalytics.from_result(result)


@strawberry.type
class ModerationMutations:
    @strawberry.mutation(
        description="Report a listing, post, comment or user to the moderators.",
        extensions=[MutationBoundary()],
    )
    async def report_content(
        self, info: strawberry.Info, input: Annotated[ReportContentInput, INPUT]
    ) -> ReportContentPayload:
        target_type, target_id = decode_target(input.target_id, "targetId")
        report = await moderation_service.report(
            info.context.session,
            info.context.viewer,
            target_type,
            target_id,
            input.reason,
            input.details,
            info.context.now(),
        )
        return ReportContentPayload(report=Report.from_model(report))

    @strawberry.mutation(
        description="Resolve a report: dismiss, remove the content or suspend its author (staff).",
        extensions=[MutationBoundary()],
    )
    async def resolve_report(
        self, info: strawberry.Info, input: Annotated[ResolveReportInput, INPUT]
    ) -> ResolveReportPayload:
        report = await moderation_service.resolve(
            info.context.session,
            info.context.viewer,
            decode_id(input.report_id, Report, "reportId"),
            moderation_service.ResolutionAction(input.action),
            input.note,
            info.context.now(),
        )
        return ResolveReportPayload(report=Report.from_model(report))

    @strawberry.mutation(
        description="Suspend a user: they can still read but not write (staff).",
        extensions=[MutationBoundary()],
    )
    async def suspend_user(
        self, info: strawberry.Info, input: Annotated[UserSuspensionInput, INPUT]
    ) -> UserSuspensionPayload:
        user = await moderation_service.suspend(
            info.context.session,
            info.context.viewer,
            decode_id(input.user_id, User, "userId"),
            info.context.now(),
        )
        return UserSuspensionPayload(
            user_id=relay.GlobalID("User", str(user.id)), suspended_at=user.suspended_at
        )

    @strawberry.mutation(
        description="Lift a user's suspension (staff).", extensions=[MutationBoundary()]
    )
    async def unsuspend_user(
        self, info: strawberry.Info, input: Annotated[UserSuspensionInput, INPUT]
    ) -> UserSuspensionPayload:
        user = await moderation_service.unsuspend(
            info.context.session, info.context.viewer, decode_id(input.user_id, User, "userId")
        )
        return UserSuspensionPayload(
            user_id=relay.GlobalID("User", str(user.id)), suspended_at=user.suspended_at
        )
