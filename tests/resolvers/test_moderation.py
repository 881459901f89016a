"""Moderation through the schema: reporting, the queue and resolutions are staff-only where they
should be, and the dashboard answers staff and admins only."""

import datetime as dt

import pytest
from strawberry import relay

from graphql_api.accounts.models import User
from graphql_api.auth import Role
from tests.factories.accounts import create_user, viewer_of
from tests.marketplace.factories import create_listing

REPORT = """
mutation Report($input: ReportContentInput!) {
  reportContent(input: $input) {
    report { id status targetType targetId reason target { id } }
    userErrors { field code message }
  }
}
"""
QUEUE = """
query Queue($first: Int) {
  moderationQueue(first: $first) {
    edges {
      node { id status reporter { id } openReportsOfTarget target { ... on Listing { title } } }
    }
  }
}
"""
RESOLVE = """
mutation Resolve($input: ResolveReportInput!) {
  resolveReport(input: $input) { report { status resolvedBy { id } } userErrors { code message } }
}
"""
SUSPEND = """
mutation Suspend($input: UserSuspensionInput!) {
  suspendUser(input: $input) { userId suspendedAt userErrors { code } }
}
"""
ANALYTICS = """
query Analytics($from: DateTime!, $to: DateTime!, $period: AnalyticsPeriod!) {
  marketplaceAnalytics(from: $from, to: $to, period: $period) {
    from period salesCount openReports
    listingsByStatus { status count }
    listingsByCategory { category { slug } count }
    sales { start count volume { amount currency } }
  }
}
"""


def gid(type_name: str, pk: int) -> str:
    return str(relay.GlobalID(type_name, str(pk)))


@pytest.fixture
def run(schema, make_context):
    async def execute(document: str, user=None, **variables):
        viewer = viewer_of(user) if isinstance(user, User) else user
        return await schema.execute(
            document, variable_values=variables, context_value=make_context(viewer)
        )

    return execute


@pytest.fixture
async def scene(session):
    seller = await create_user(session, prefix="seller")
    reporter = await create_user(session, prefix="reporter")
    staff = await create_user(session, Role.STAFF, prefix="staff")
    listing = await create_listing(session, seller, title="Suspicious kibble")
    return seller, reporter, staff, listing


async def reported(run, reporter, listing) -> str:
    result = await run(
        REPORT, reporter, input={"targetId": gid("Listing", listing.id), "reason": "SCAM"}
    )
    assert result.data["reportContent"]["userErrors"] == []
    return result.data["reportContent"]["report"]["id"]


class TestReportContent:
    async def test_reports_a_listing_by_its_global_id(self, run, scene):
        # given
        _, reporter, _, listing = scene
        # when
        result = await run(
            REPORT, reporter, input={"targetId": gid("Listing", listing.id), "reason": "SCAM"}
        )
        # then
        report = result.data["reportContent"]["report"]
        assert (report["status"], report["targetType"]) == ("OPEN", "LISTING")
        assert report["targetId"] == report["target"]["id"] == gid("Listing", listing.id)

    @pytest.mark.parametrize(
        ("target", "code"),
        [(gid("Pet", 1), "INVALID_ID"), (gid("Listing", 999_999_999), "REPORT_TARGET_NOT_FOUND")],
    )
    async def test_unreportable_targets_are_user_errors(self, run, scene, target, code):
        # given
        _, reporter, _, _ = scene
        # when
        result = await run(REPORT, reporter, input={"targetId": target, "reason": "SPAM"})
        # then
        assert [e["code"] for e in result.data["reportContent"]["userErrors"]] == [code]


class TestQueueAndResolution:
    async def test_staff_work_the_queue(self, run, scene):
        # given
        _, reporter, staff, listing = scene
        report_id = await reported(run, reporter, listing)
        # when
        queue = await run(QUEUE, staff, first=100)
        resolved = await run(
            RESOLVE, staff, input={"reportId": report_id, "action": "REMOVE_CONTENT"}
        )
        # then
        [entry] = [
            e["node"]
            for e in queue.data["moderationQueue"]["edges"]
            if e["node"]["id"] == report_id
        ]
        assert entry["openReportsOfTarget"] == 1 and entry["target"] == {
            "title": "Suspicious kibble"
        }
        assert resolved.data["resolveReport"]["report"]["status"] == "CONTENT_REMOVED"

    async def test_owners_get_no_queue_and_cannot_resolve(self, run, scene):
        # given
        seller, reporter, _, listing = scene
        report_id = await reported(run, reporter, listing)
        # Read now: a refused mutation rolls the session back and expires loaded users.
        seller_id, as_seller, as_reporter = (
            gid("User", seller.id),
            viewer_of(seller),
            viewer_of(reporter),
        )
        # when
        queue = await run(QUEUE, as_reporter, first=10)
        resolved = await run(RESOLVE, as_seller, input={"reportId": report_id, "action": "DISMISS"})
        suspended = await run(SUSPEND, as_reporter, input={"userId": seller_id})
        # then
        assert queue.errors[0].extensions["code"] == "PERMISSION_DENIED"
        assert [e["code"] for e in resolved.data["resolveReport"]["userErrors"]] == [
            "PERMISSION_DENIED"
        ]
        assert [e["code"] for e in suspended.data["suspendUser"]["userErrors"]] == [
            "PERMISSION_DENIED"
        ]

    async def test_a_reporter_sees_their_report_but_not_others(self, run, scene, session):
        # given
        _, reporter, _, listing = scene
        other = await create_user(session, prefix="other")
        report_id = await reported(run, reporter, listing)
        node = "query Node($id: ID!) { node(id: $id) { id } }"
        # when
        mine = await run(node, reporter, id=report_id)
        theirs = await run(node, other, id=report_id)
        # then
        assert mine.data["node"] == {"id": report_id} and theirs.data["node"] is None


class TestAnalytics:
    @pytest.mark.parametrize(
        ("role", "allowed"), [(Role.OWNER, False), (Role.STAFF, True), (Role.ADMIN, True)]
    )
    async def test_only_staff_and_admins(self, run, session, role, allowed):
        # given
        viewer = await create_user(session, role)
        start = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
        variables = {
            "from": start.isoformat(),
            "to": (start + dt.timedelta(days=30)).isoformat(),
            "period": "WEEK",
        }
        # when
        result = await run(ANALYTICS, viewer, **variables)
        # then
        if allowed:
            assert result.errors is None
            assert result.data["marketplaceAnalytics"]["sales"][0]["start"] == "2026-10-26"
        else:
            assert result.errors[0].extensions["code"] == "PERMISSION_DENIED"
