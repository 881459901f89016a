"""A report resolved by staff, end to end through the gql client: the reporter is told live, the
suspended seller can still read but can no longer list, and removed content disappears."""

import asyncio

from graphql_api import events
from tests.factories.accounts import logged_in
from tests.live.alerting import on, until_subscribed, user_pk
from tests.support.graphql_client import GraphQLClient, next_result, post_graphql

CATEGORIES = "query Categories { categories { id slug } }"
CREATE_LISTING = """
mutation CreateListing($input: CreateListingInput!) {
  createListing(input: $input) { listing { id } userErrors { field code message } }
}
"""
REPORT = """
mutation Report($input: ReportContentInput!) {
  reportContent(input: $input) { report { id status } userErrors { code message } }
}
"""
QUEUE = """
query Queue {
  moderationQueue(first: 100) {
    edges { node { id reason openReportsOfTarget target { ... on Listing { id title } } } }
  }
}
"""
RESOLVE = """
mutation Resolve($input: ResolveReportInput!) {
  resolveReport(input: $input) { report { id status resolutionNote } userErrors { code message } }
}
"""
ME_EMAIL = "query { me { email } }"


def auth(client: GraphQLClient) -> dict[str, str]:
    return {"Authorization": f"Bearer {client.token}"}


UNSUSPEND = """
mutation Unsuspend($input: UserSuspensionInput!) {
  unsuspendUser(input: $input) { suspendedAt userErrors { code } }
}
"""
NOTIFICATION_RECEIVED = """
subscription NotificationReceived { notificationReceived { kind text targetId } }
"""
LISTING = "query Listing($id: ID!) { node(id: $id) { ... on Listing { title status } } }"
ME = "query Me { me { id } }"


async def listing_input(client: GraphQLClient, title: str) -> dict:
    categories = (await client.execute(CATEGORIES))["categories"]
    toys = next(category["id"] for category in categories if category["slug"] == "toys")
    return {
        "title": title,
        "description": "As pictured",
        "categoryId": toys,
        "price": "25.00",
        "currency": "USD",
        "condition": "NEW",
    }


async def listed(client: GraphQLClient, title: str) -> str:
    result = await client.execute(CREATE_LISTING, {"input": await listing_input(client, title)})
    assert result["createListing"]["userErrors"] == []
    return result["createListing"]["listing"]["id"]


async def report(client: GraphQLClient, target_id: str, reason: str = "SCAM") -> dict:
    result = await client.execute(REPORT, {"input": {"targetId": target_id, "reason": reason}})
    assert result["reportContent"]["userErrors"] == []
    return result["reportContent"]["report"]


class TestReportResolvedByStaff:
    async def test_suspending_the_seller_stops_their_listings_and_tells_the_reporter(
        self, owner, other_owner, staff, server_b, test_environment
    ):
        # given: a seller's listing, reported twice by the same user (one report)
        seller, reporter = owner, on(server_b, other_owner)
        listing_id = await listed(seller, "Miracle flea cure")
        first = await report(reporter, listing_id)
        again = await report(reporter, listing_id, "SPAM")
        queue = await staff.execute(QUEUE)
        [queued] = [
            edge["node"]
            for edge in queue["moderationQueue"]["edges"]
            if edge["node"]["id"] == first["id"]
        ]
        reporter_pk = await user_pk(reporter)
        seller_email = (await seller.execute(ME_EMAIL))["me"]["email"]
        async with reporter.subscribe(NOTIFICATION_RECEIVED) as notes:
            next_note = asyncio.ensure_future(next_result(notes))
            await until_subscribed(
                test_environment.redis_url, events.user_notifications_channel(reporter_pk)
            )

            # when
            resolved = await staff.execute(
                RESOLVE,
                {
                    "input": {
                        "reportId": first["id"],
                        "action": "SUSPEND_USER",
                        "note": "Scam seller",
                    }
                },
            )
            told = (await next_note)["notificationReceived"]

        # then: one report, resolved, and the reporter was told live
        assert again["id"] == first["id"]
        assert queued["target"] == {"id": listing_id, "title": "Miracle flea cure"}
        assert queued["openReportsOfTarget"] == 1
        assert resolved["resolveReport"]["report"]["status"] == "USER_SUSPENDED"
        assert (told["kind"], told["targetId"]) == ("REPORT_RESOLVED", first["id"])
        assert "suspended" in told["text"]
        # ... the seller's tokens were revoked; logged in again, they read but cannot list
        revoked = await post_graphql(seller.server, {"query": ME_EMAIL}, auth(seller))
        assert revoked.json()["data"]["me"] is None
        assert revoked.json()["extensions"]["authentication"]["code"] == "NOT_AUTHENTICATED"
        seller = await logged_in(GraphQLClient(seller.server), seller_email)
        assert (await seller.execute(LISTING, {"id": listing_id}))["node"]["status"] == "ACTIVE"
        refused = await seller.execute(
            CREATE_LISTING, {"input": await listing_input(seller, "Another")}
        )
        assert [error["code"] for error in refused["createListing"]["userErrors"]] == [
            "ACCOUNT_SUSPENDED"
        ]
        assert refused["createListing"]["listing"] is None
        # ... until staff lift the suspension
        seller_id = (await seller.execute(ME))["me"]["id"]
        lifted = await staff.execute(UNSUSPEND, {"input": {"userId": seller_id}})
        assert lifted["unsuspendUser"] == {"suspendedAt": None, "userErrors": []}
        assert await listed(seller, "Honest flea comb")

    async def test_removed_content_disappears_for_everyone_but_its_seller(
        self, owner, other_owner, staff
    ):
        # given
        seller, reporter = owner, other_owner
        listing_id = await listed(seller, "Counterfeit collar")
        reported = await report(reporter, listing_id, "PROHIBITED_ITEM")
        # when
        resolved = await staff.execute(
            RESOLVE, {"input": {"reportId": reported["id"], "action": "REMOVE_CONTENT"}}
        )
        # then
        assert resolved["resolveReport"]["report"]["status"] == "CONTENT_REMOVED"
        assert (await reporter.execute(LISTING, {"id": listing_id}))["node"] is None
        assert (await seller.execute(LISTING, {"id": listing_id}))["node"]["status"] == "REMOVED"

    async def test_owners_cannot_resolve_reports(self, owner, other_owner):
        # given
        listing_id = await listed(owner, "Dog bed")
        reported = await report(other_owner, listing_id, "OTHER")
        # when
        result = await other_owner.execute(
            RESOLVE, {"input": {"reportId": reported["id"], "action": "DISMISS"}}
        )
        # then
        assert [error["code"] for error in result["resolveReport"]["userErrors"]] == [
            "PERMISSION_DENIED"
        ]
