"""DataLoader batch functions of moderation: one query per batch, answers in key order."""

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.moderation.models import Report, ReportTargetType
from graphql_api.moderation.repository import ReportRepository


async def reports_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Report | None]:
    if viewer is None:
        return [None] * len(ids)
    return await ReportRepository(session).get_readable_by_ids(viewer, ids)


async def open_report_counts_by_target(
    session: AsyncSession, viewer: Viewer | None, targets: Sequence[tuple[ReportTargetType, int]]
) -> list[int]:
    """Open reports per reported object; only staff learn how often something was reported."""
    if viewer is None or not viewer.is_staff:
        return [0] * len(targets)
    return await ReportRepository(session).open_counts_for_targets(targets)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "report_by_id": reports_by_id,
    "open_report_count_by_target": open_report_counts_by_target,
}
