import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.accounts.types import User
from graphql_api.errors import InvalidId
from graphql_api.moderation.models import Report as ReportModel
from graphql_api.moderation.models import ReportReason as ReportReasonEnum
from graphql_api.moderation.models import ReportStatus as ReportStatusEnum
from graphql_api.moderation.models import ReportTargetType as ReportTargetTypeEnum
from graphql_api.moderation.service import ResolutionAction as ResolutionActionEnum
from graphql_api.payloads import Payload
from graphql_api.relay import decode_pk, load_nodes

ReportTargetType = strawberry.enum(
    ReportTargetTypeEnum, description="What kind of thing a report is about."
)
ReportReason = strawberry.enum(ReportReasonEnum, description="Why something was reported.")
ReportStatus = strawberry.enum(ReportStatusEnum, description="OPEN until a moderator resolves it.")
ResolutionAction = strawberry.enum(
    ResolutionActionEnum, description="What a moderator does about a report."
)

# The GraphQL type behind each kind of report target.
TARGET_TYPE_NAMES: dict[ReportTargetTypeEnum, str] = {
    ReportTargetTypeEnum.LISTING: "Listing",
    ReportTargetTypeEnum.POST: "Post",
    ReportTargetTypeEnum.COMMENT: "Comment",
    ReportTargetTypeEnum.USER: "User",
}
_TARGET_TYPES = {name: kind for kind, name in TARGET_TYPE_NAMES.items()}


def decode_target(global_id: relay.GlobalID, field: str) -> tuple[ReportTargetTypeEnum, int]:
    """The kind and database id of a reportable object's global ID."""
    kind = _TARGET_TYPES.get(global_id.type_name)
    if kind is None:
        raise InvalidId(
            f"`{field}` is not the ID of a Listing, Post, Comment or User.", field=field
        )
    return kind, decode_pk(global_id, field, "a Listing, Post, Comment or User")


@strawberry.type(description="A user's report of a listing, post, comment or user.")
class Report(relay.Node):
    id: relay.NodeID[int]
    target_type: ReportTargetType = strawberry.field(description="What kind of thing was reported.")
    reason: ReportReason = strawberry.field(description="Why it was reported.")
    details: str | None = strawberry.field(description="What the reporter added.")
    status: ReportStatus = strawberry.field(description="OPEN, or how it was resolved.")
    resolution_note: str | None = strawberry.field(description="The moderator's note.")
    created_at: dt.datetime = strawberry.field(description="When it was reported.")
    resolved_at: dt.datetime | None = strawberry.field(description="When a moderator resolved it.")
    model: strawberry.Private[ReportModel]

    @classmethod
    def from_model(cls, report: ReportModel) -> "Report":
        return cls(
            id=report.id,
            target_type=report.target_type,
            reason=report.reason,
            details=report.details,
            status=report.status,
            resolution_note=report.resolution_note,
            created_at=report.created_at,
            resolved_at=report.resolved_at,
            model=report,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.report_by_id, node_ids, cls.from_model)

    @strawberry.field(description="Global ID of the reported object (even when it is gone).")
    def target_id(self) -> relay.GlobalID:
        return relay.GlobalID(TARGET_TYPE_NAMES[self.model.target_type], str(self.model.target_id))

    @strawberry.field(
        description="The reported object, if it still exists and the viewer may see it."
    )
    async def target(self, info: strawberry.Info) -> relay.Node | None:
        type_name = TARGET_TYPE_NAMES[self.model.target_type]
        if info.schema.get_type_by_name(type_name) is None:
            return None  # its domain is not part of this schema
        return await relay.GlobalID(type_name, str(self.model.target_id)).resolve_node(info)

    @strawberry.field(description="Who reported it.")
    async def reporter(self, info: strawberry.Info) -> User | None:
        user = await info.context.loaders.user_by_id.load(self.model.reporter_id)
        return User.from_model(user) if user else None

    @strawberry.field(description="The moderator who resolved it.")
    async def resolved_by(self, info: strawberry.Info) -> User | None:
        if self.model.resolved_by_id is None:
            return None
        user = await info.context.loaders.user_by_id.load(self.model.resolved_by_id)
        return User.from_model(user) if user else None

    @strawberry.field(
        description="Open reports of the same object, this one included (staff only; 0 otherwise)."
    )
    async def open_reports_of_target(self, info: strawberry.Info) -> int:
        key = (self.model.target_type, self.model.target_id)
        return await info.context.loaders.open_report_count_by_target.load(key)


@strawberry.input(
    description="Report a listing, post, comment or user; reporting it again returns your report."
)
class ReportContentInput:
    target_id: relay.GlobalID = strawberry.field(
        description="ID of a Listing, Post, Comment or User."
    )
    reason: ReportReason = strawberry.field(description="Why.")
    details: str | None = strawberry.field(default=None, description="Up to 1000 characters.")


@strawberry.input(description="A moderator's decision on a report.")
class ResolveReportInput:
    report_id: relay.GlobalID = strawberry.field(description="An OPEN report.")
    action: ResolutionAction = strawberry.field(
        description=(
            "DISMISS, REMOVE_CONTENT or SUSPEND_USER (the author); settles every open "
            "report of the object."
        )
    )
    note: str | None = strawberry.field(default=None, description="Up to 1000 characters.")


@strawberry.input(description="A user to suspend or reinstate.")
class UserSuspensionInput:
    user_id: relay.GlobalID = strawberry.field(description="The user.")


@strawberry.type(description="Result of reportContent.")
class ReportContentPayload(Payload):
    report: Report | None = strawberry.field(default=None, description="Your report.")


@strawberry.type(description="Result of resolveReport.")
class ResolveReportPayload(Payload):
    report: Report | None = strawberry.field(default=None, description="The report, resolved.")


@strawberry.type(description="Result of suspendUser and unsuspendUser.")
class UserSuspensionPayload(Payload):
    user_id: relay.GlobalID | None = strawberry.field(default=None, description="The user.")
    suspended_at: dt.datetime | None = strawberry.field(
        default=None, description="When they were suspended; null once reinstated."
    )
