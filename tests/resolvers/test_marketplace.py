"""Marketplace through the schema: the privacy and permission matrix (seller, buyer, stranger,
staff) for every object and move, typed userErrors, and no N+1 in the catalog."""

import pytest
from strawberry import relay

from graphql_api.auth import Role
from graphql_api.marketplace.listings import service as listings_service
from graphql_api.marketplace.messages import service as messages_service
from tests.factories.accounts import create_user, viewer_of
from tests.marketplace.factories import NOW, create_listing, request_purchase, seeded_category
from tests.support.database import counting_statements

NODE = """
query Node($id: ID!) { node(id: $id) { id } }
"""
LISTING = """
query Listing($id: ID!) {
  node(id: $id) {
    ... on Listing {
      title status viewerIsSeller price { amount currency }
      category { slug parent { slug } } photos { url position }
    }
  }
}
"""
CREATE_LISTING = """
mutation CreateListing($input: CreateListingInput!) {
  createListing(input: $input) {
    listing { id title price { amount currency } status photos { url position } }
    userErrors { field code message }
  }
}
"""
LISTINGS = """
query Listings($filter: ListingFilterInput, $sort: ListingSort!, $first: Int, $after: String) {
  listings(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title price { amount } seller { id } category { name } photos { url } } }
  }
}
"""
REQUEST_FIELDS = "id state offer { amount currency } offeredBy viewerRole availableMoves"
MOVES = {
    "accept": "acceptPurchaseRequest(input: {id: $id})",
    "reject": "rejectPurchaseRequest(input: {id: $id})",
    "cancel": "cancelPurchaseRequest(input: {id: $id})",
    "pay": "markPurchasePaid(input: {id: $id})",
    "complete": "completePurchase(input: {id: $id})",
}
COUNTER = f"""
mutation Counter($input: CounterPurchaseOfferInput!) {{
  counterPurchaseOffer(input: $input) {{
    purchaseRequest {{
      {REQUEST_FIELDS}
      offers {{ totalCount edges {{ node {{ price {{ amount }} message by }} }} }}
    }}
    userErrors {{ field code message }}
  }}
}}
"""
REQUEST_PURCHASE = f"""
mutation RequestPurchase($input: RequestPurchaseInput!) {{
  requestPurchase(input: $input) {{
    purchaseRequest {{ {REQUEST_FIELDS} listing {{ title }} }}
    userErrors {{ field code message }}
  }}
}}
"""
REMOVE_LISTING = """
mutation Remove($input: ListingIdInput!) {
  removeListing(input: $input) { listing { status } userErrors { code } }
}
"""
UPDATE_LISTING = """
mutation Update($input: UpdateListingInput!) {
  updateListing(input: $input) { listing { title } userErrors { code } }
}
"""
MARK_SOLD = """
mutation Sold($input: MarkListingSoldInput!) {
  markListingSold(input: $input) {
    listing { status } transaction { price { amount } viewerRole } userErrors { code }
  }
}
"""
SEND_MESSAGE = """
mutation Send($input: SendMessageInput!) {
  sendMessage(input: $input) {
    message { body isMine } thread { unreadCount } userErrors { field code message }
  }
}
"""
THREADS = """
query Threads {
  unreadMessageCount
  messageThreads(first: 10) {
    edges {
      node {
        id unreadCount lastMessage { body } listing { title }
        messages(last: 5) { edges { node { body } } }
      }
    }
  }
}
"""
TRANSACTIONS = """
query Mine($role: TransactionRole) {
  myTransactions(role: $role) {
    totalCount
    edges { node { price { amount } viewerRole listing { title } } }
  }
}
"""


def move_document(name: str) -> str:
    return f"""
mutation Move($id: ID!) {{
  result: {MOVES[name]} {{ purchaseRequest {{ state }} userErrors {{ field code message }} }}
}}
"""


def gid(type_name: str, pk: int) -> str:
    return str(relay.GlobalID(type_name, str(pk)))


@pytest.fixture
def run(schema, make_context):
    async def execute(document: str, user=None, **variables):
        viewer = viewer_of(user) if user is not None else None
        result = await schema.execute(
            document, variable_values=variables, context_value=make_context(viewer)
        )
        assert result.errors is None, result.errors
        return result.data

    return execute


@pytest.fixture
async def scene(session):
    """A seller's listing with a buyer's request and thread, a stranger and a staff member."""
    people = {
        "seller": await create_user(session, prefix="seller"),
        "buyer": await create_user(session, prefix="buyer"),
        "stranger": await create_user(session, prefix="stranger"),
        "staff": await create_user(session, Role.STAFF, prefix="staff"),
    }
    listing = await create_listing(
        session, people["seller"], photos=["https://img.example.com/duck.jpg"]
    )
    request = await request_purchase(session, people["buyer"], listing)
    message = await messages_service.send(
        session, viewer_of(people["buyer"]), "Is it squeaky?", NOW, listing_id=listing.id
    )
    sold = await create_listing(session, people["seller"], title="Old leash")
    _, sale = await listings_service.quick_sell(
        session,
        viewer_of(people["seller"]),
        sold.id,
        buyer_id=people["buyer"].id,
        price=None,
        now=NOW,
    )
    removed = await create_listing(session, people["seller"], title="Broken bowl")
    await listings_service.remove(session, viewer_of(people["seller"]), removed.id, NOW)
    ids = {
        "listing": gid("Listing", listing.id),
        "removed_listing": gid("Listing", removed.id),
        "request": gid("PurchaseRequest", request.id),
        "thread": gid("MessageThread", message.thread_id),
        "message": gid("Message", message.id),
        "transaction": gid("Transaction", sale.id),
    }
    return people, ids


SEES = {
    # object: who sees it (everyone else gets null, as for an object that does not exist)
    "listing": {"seller", "buyer", "stranger", "staff"},
    "removed_listing": {"seller", "staff"},
    "request": {"seller", "buyer", "staff"},
    "thread": {"seller", "buyer"},
    "message": {"seller", "buyer"},
    "transaction": {"seller", "buyer", "staff"},
}
VIEWERS = ("seller", "buyer", "stranger", "staff")


class TestWhoSeesWhat:
    @pytest.mark.parametrize("thing", list(SEES))
    @pytest.mark.parametrize("who", VIEWERS)
    async def test_the_matrix(self, run, scene, thing, who):
        # given
        people, ids = scene
        # when
        data = await run(NODE, people[who], id=ids[thing])
        # then
        assert (data["node"] is not None) == (who in SEES[thing])

    async def test_the_catalog_is_public_but_removed_listings_are_not(self, run, scene):
        # given
        _, ids = scene
        # when
        active = await run(LISTING, None, id=ids["listing"])
        removed = await run(NODE, None, id=ids["removed_listing"])
        # then
        assert active["node"]["status"] == "ACTIVE" and active["node"]["viewerIsSeller"] is False
        assert active["node"]["category"] == {"slug": "toys", "parent": None}
        assert removed["node"] is None


# move → the one viewer who may make it on a PENDING request; the error code for the others.
PENDING_MOVES = {
    "accept": "seller",
    "reject": "seller",
    "cancel": "buyer",
}


class TestWhoMovesWhat:
    @pytest.mark.parametrize("move", list(PENDING_MOVES))
    @pytest.mark.parametrize("who", VIEWERS)
    async def test_moves_on_a_pending_request(self, run, scene, move, who):
        # given
        people, ids = scene
        # when
        data = await run(move_document(move), people[who], id=ids["request"])
        # then
        errors = data["result"]["userErrors"]
        if who == PENDING_MOVES[move]:
            assert errors == [] and data["result"]["purchaseRequest"]["state"] != "PENDING"
        elif who == "stranger":
            assert [e["code"] for e in errors] == ["PURCHASE_REQUEST_NOT_FOUND"]
        else:
            assert [e["code"] for e in errors] == ["NOT_YOUR_MOVE"]
            assert "PENDING" in errors[0]["message"]

    @pytest.mark.parametrize("move", ["pay", "complete"])
    async def test_an_illegal_move_names_the_current_state(self, run, scene, move):
        # given
        people, ids = scene
        # when
        data = await run(move_document(move), people["seller"], id=ids["request"])
        # then
        [error] = data["result"]["userErrors"]
        assert error["code"] == "ILLEGAL_REQUEST_MOVE" and "that is PENDING" in error["message"]
        assert data["result"]["purchaseRequest"] is None

    async def test_the_seller_counters_and_sees_the_buyer_to_answer(self, run, scene):
        # given
        people, ids = scene
        # when
        data = await run(
            COUNTER,
            people["seller"],
            input={"id": ids["request"], "price": "11.00", "message": "ok?"},
        )
        # then
        payload = data["counterPurchaseOffer"]
        request = payload["purchaseRequest"]
        assert payload["userErrors"] == []
        assert (request["state"], request["offeredBy"], request["viewerRole"]) == (
            "NEGOTIATING",
            "SELLER",
            "SELLER",
        )
        assert request["availableMoves"] == []  # the buyer answers next
        assert [edge["node"]["by"] for edge in request["offers"]["edges"]] == ["BUYER", "SELLER"]
        assert request["offers"]["totalCount"] == 2
        assert request["offer"] == {"amount": "11.00", "currency": "USD"}

    async def test_requesting_twice_returns_the_same_request(self, run, scene):
        # given
        people, ids = scene
        # when
        data = await run(REQUEST_PURCHASE, people["buyer"], input={"listingId": ids["listing"]})
        # then
        assert data["requestPurchase"]["purchaseRequest"]["id"] == ids["request"]
        assert data["requestPurchase"]["purchaseRequest"]["availableMoves"] == ["CANCEL"]

    async def test_an_offer_with_three_decimals_is_a_user_error(self, run, scene):
        # given
        people, ids = scene
        # when
        data = await run(
            REQUEST_PURCHASE,
            people["stranger"],
            input={"listingId": ids["listing"], "price": "1.005"},
        )
        # then
        assert data["requestPurchase"]["userErrors"][0]["code"] == "INVALID_PRICE"
        assert data["requestPurchase"]["userErrors"][0]["field"] == ["price"]


LISTING_CHANGES = {
    # mutation, variables → the viewers it succeeds for
    "update": (
        UPDATE_LISTING,
        lambda lid: {"input": {"id": lid, "title": "Renamed duck"}},
        {"seller"},
    ),
    "remove": (REMOVE_LISTING, lambda lid: {"input": {"id": lid}}, {"seller", "staff"}),
    "sell": (MARK_SOLD, lambda lid: {"input": {"id": lid}}, {"seller"}),
}


class TestWhoChangesListings:
    @pytest.mark.parametrize("change", list(LISTING_CHANGES))
    @pytest.mark.parametrize("who", VIEWERS)
    async def test_the_matrix(self, run, scene, change, who):
        # given
        people, ids = scene
        document, variables, allowed = LISTING_CHANGES[change]
        # when
        data = await run(document, people[who], **variables(ids["listing"]))
        # then
        [payload] = data.values()
        codes = [error["code"] for error in payload["userErrors"]]
        assert codes == ([] if who in allowed else ["LISTING_NOT_FOUND"])


class TestCreateListing:
    async def test_creates_with_exact_price_and_photos(self, run, session):
        # given
        seller = await create_user(session, prefix="seller")
        toys = await seeded_category(session, "toys")
        listing_input = {
            "title": "Ball launcher",
            "description": "Works",
            "categoryId": gid("Category", toys.id),
            "price": "49.99",
            "currency": "usd",
            "condition": "LIKE_NEW",
            "photos": ["https://img.example.com/a.jpg", "https://img.example.com/b.jpg"],
        }
        # when
        data = await run(CREATE_LISTING, seller, input=listing_input)
        # then
        payload = data["createListing"]
        assert payload["userErrors"] == []
        assert payload["listing"]["price"] == {"amount": "49.99", "currency": "USD"}
        assert [p["position"] for p in payload["listing"]["photos"]] == [0, 1]

    @pytest.mark.parametrize(
        ("changes", "code", "field"),
        [
            ({"price": "0"}, "INVALID_PRICE", ["price"]),
            ({"currency": "EURO"}, "INVALID_CURRENCY", ["currency"]),
            ({"photos": ["not a url"]}, "INVALID_PHOTO_URL", ["photos", "0"]),
            ({"categoryId": gid("Pet", 1)}, "INVALID_ID", ["categoryId"]),
        ],
    )
    async def test_bad_input_is_a_user_error(self, run, session, changes, code, field):
        # given
        seller = await create_user(session, prefix="seller")
        toys = await seeded_category(session, "toys")
        listing_input = {
            "title": "Ball",
            "description": "Red",
            "categoryId": gid("Category", toys.id),
            "price": "5",
            "currency": "USD",
            "condition": "GOOD",
            **changes,
        }
        # when
        data = await run(CREATE_LISTING, seller, input=listing_input)
        # then
        assert data["createListing"]["listing"] is None
        assert [(e["code"], e["field"]) for e in data["createListing"]["userErrors"]] == [
            (code, field)
        ]

    async def test_a_suspended_user_cannot_list(self, schema, make_context, session):
        # given
        seller = await create_user(session, prefix="seller")
        toys = await seeded_category(session, "toys")
        suspended = viewer_of(seller).__class__(user_id=seller.id, role=seller.role, suspended=True)
        listing_input = {
            "title": "Ball",
            "description": "Red",
            "categoryId": gid("Category", toys.id),
            "price": "5",
            "currency": "USD",
            "condition": "GOOD",
        }
        # when
        result = await schema.execute(
            CREATE_LISTING,
            variable_values={"input": listing_input},
            context_value=make_context(suspended),
        )
        # then
        assert [e["code"] for e in result.data["createListing"]["userErrors"]] == [
            "ACCOUNT_SUSPENDED"
        ]


class TestMessagesAndHistory:
    @pytest.mark.parametrize(
        ("who", "code"),
        [
            ("seller", None),
            ("buyer", None),
            ("stranger", "THREAD_NOT_FOUND"),
            ("staff", "THREAD_NOT_FOUND"),
        ],
    )
    async def test_only_the_parties_write_in_a_thread(self, run, scene, who, code):
        # given
        people, ids = scene
        # when
        data = await run(SEND_MESSAGE, people[who], input={"threadId": ids["thread"], "body": "Hi"})
        # then
        codes = [e["code"] for e in data["sendMessage"]["userErrors"]]
        assert codes == ([] if code is None else [code])

    async def test_threads_show_unread_counts_to_each_side(self, run, scene):
        # given
        people, _ = scene
        # when
        seller_view = await run(THREADS, people["seller"])
        buyer_view = await run(THREADS, people["buyer"])
        stranger_view = await run(THREADS, people["stranger"])
        # then
        assert seller_view["unreadMessageCount"] == 1
        [thread] = [edge["node"] for edge in seller_view["messageThreads"]["edges"]]
        assert thread["unreadCount"] == 1 and thread["lastMessage"]["body"] == "Is it squeaky?"
        assert [e["node"]["body"] for e in thread["messages"]["edges"]] == ["Is it squeaky?"]
        assert buyer_view["unreadMessageCount"] == 0
        assert stranger_view["messageThreads"]["edges"] == []

    async def test_each_party_sees_their_side_of_the_sale(self, run, scene):
        # given
        people, _ = scene
        # when
        purchases = await run(TRANSACTIONS, people["buyer"], role="BUYER")
        sales = await run(TRANSACTIONS, people["seller"], role="SELLER")
        nothing = await run(TRANSACTIONS, people["stranger"], role=None)
        # then
        assert [e["node"]["viewerRole"] for e in purchases["myTransactions"]["edges"]] == ["BUYER"]
        assert [e["node"]["listing"]["title"] for e in sales["myTransactions"]["edges"]] == [
            "Old leash"
        ]
        assert nothing["myTransactions"]["totalCount"] == 0


class TestNoNPlusOne:
    async def test_catalog_statements_do_not_grow_with_the_page(
        self, schema, make_context, session, engine
    ):
        # given
        seller = await create_user(session, prefix="seller")
        word = f"np{seller.id}"
        for index in range(12):
            await create_listing(
                session,
                seller,
                title=f"{word} item {index}",
                photos=[f"https://img.example.com/{index}.jpg"],
            )
        counts = []
        for first in (2, 12):
            # when
            with counting_statements(engine) as statements:
                result = await schema.execute(
                    LISTINGS,
                    variable_values={"filter": {"text": word}, "sort": "PRICE_ASC", "first": first},
                    context_value=make_context(viewer_of(seller)),
                )
            assert result.errors is None and len(result.data["listings"]["edges"]) == first
            counts.append(len(statements))
        # then
        assert counts[0] == counts[1]
