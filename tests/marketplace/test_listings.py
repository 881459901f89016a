"""Listings through the service: validation, who changes what, the catalog search and quick sell."""

from decimal import Decimal

import pytest

from graphql_api.auth import Role
from graphql_api.errors import PermissionDenied
from graphql_api.marketplace.categories import service as categories_service
from graphql_api.marketplace.categories.errors import (
    CategoryExists,
    CategoryInUse,
    CategoryNotFound,
)
from graphql_api.marketplace.listings import service as listings_service
from graphql_api.marketplace.listings.errors import (
    InvalidCurrency,
    InvalidListing,
    InvalidPhotoUrl,
    InvalidPrice,
    ListingNotAvailable,
    ListingNotEditable,
    ListingNotFound,
)
from graphql_api.marketplace.listings.models import ListingCondition, ListingStatus
from graphql_api.marketplace.requests.models import RequestState
from graphql_api.marketplace.transactions import service as transactions_service
from graphql_api.pagination import PageArgs
from tests.factories.accounts import create_user, viewer_of
from tests.marketplace.factories import NOW, create_listing, request_purchase, seeded_category


def page(limit: int = 50, cursor: int | None = None, forward: bool = True) -> PageArgs:
    return PageArgs(limit=limit, forward=forward, cursor=cursor)


class TestCategories:
    async def test_the_migration_seeds_a_tree(self, session):
        # given / when
        top = await categories_service.list_children(session, None)
        # then
        names = {category.name for category in top}
        assert {"Food & Treats", "Toys", "Feeders & Smart Devices", "Aquarium"} <= names
        toys = await seeded_category(session, "toys")
        assert {c.slug for c in await categories_service.list_children(session, toys.id)} >= {
            "chew-toys"
        }

    async def test_admins_create_rename_and_delete(self, session):
        # given
        admin = viewer_of(await create_user(session, Role.ADMIN, prefix="admin"))
        toys = await seeded_category(session, "toys")
        # when
        created = await categories_service.create(session, admin, "Rope Toys", toys.id)
        renamed = await categories_service.rename(session, admin, created.id, "Rope & Tug Toys")
        await categories_service.delete(session, admin, created.id)
        # then
        assert renamed.slug == "rope-toys" and renamed.name == "Rope & Tug Toys"
        assert await categories_service.get(session, created.id) is None

    async def test_sibling_names_are_unique(self, session):
        # given
        admin = viewer_of(await create_user(session, Role.ADMIN, prefix="admin"))
        toys = await seeded_category(session, "toys")
        # when / then
        with pytest.raises(CategoryExists):
            await categories_service.create(session, admin, "chew toys", toys.id)

    async def test_a_category_in_use_stays(self, session):
        # given
        admin = viewer_of(await create_user(session, Role.ADMIN, prefix="admin"))
        seller = await create_user(session, prefix="seller")
        beds = await seeded_category(session, "beds")
        await create_listing(session, seller, category=beds)
        # when / then
        with pytest.raises(CategoryInUse):
            await categories_service.delete(session, admin, beds.id)
        with pytest.raises(CategoryInUse):
            await categories_service.delete(
                session, admin, (await seeded_category(session, "toys")).id
            )

    @pytest.mark.parametrize("role", [Role.OWNER, Role.STAFF])
    async def test_only_admins_manage_categories(self, session, role):
        # given
        viewer = viewer_of(await create_user(session, role))
        # when / then
        with pytest.raises(PermissionDenied):
            await categories_service.create(session, viewer, "Anything", None)


class TestCreate:
    async def test_stores_an_exact_price_and_ordered_photos(self, session):
        # given
        seller = await create_user(session, prefix="seller")
        photos = ["https://img.example.com/1.jpg", "http://img.example.com/2.jpg"]
        # when
        listing = await create_listing(
            session, seller, price=Decimal("19.9"), currency="php", photos=photos
        )
        # then
        assert listing.price == Decimal("19.90") and listing.currency == "PHP"
        assert listing.status is ListingStatus.ACTIVE
        stored = (await listings_service.photos_by_listing_ids(session, [listing.id]))[0]
        assert [(p.position, p.url) for p in stored] == [(0, photos[0]), (1, photos[1])]

    @pytest.mark.parametrize(
        ("fields", "error"),
        [
            ({"price": Decimal("0")}, InvalidPrice),
            ({"price": Decimal("-5")}, InvalidPrice),
            ({"price": Decimal("1.999")}, InvalidPrice),
            ({"price": Decimal("100.5"), "currency": "JPY"}, InvalidPrice),
            ({"currency": "XYZ"}, InvalidCurrency),
            ({"title": "x" * 121}, InvalidListing),
            ({"title": "   "}, InvalidListing),
            ({"photos": ["ftp://example.com/a.jpg"]}, InvalidPhotoUrl),
            ({"photos": ["javascript:alert(1)"]}, InvalidPhotoUrl),
        ],
    )
    async def test_refuses_bad_input(self, session, fields, error):
        # given
        seller = await create_user(session, prefix="seller")
        # when / then
        with pytest.raises(error):
            await create_listing(session, seller, **fields)

    async def test_refuses_an_unknown_category(self, session):
        # given
        seller = await create_user(session, prefix="seller")
        data = listings_service.ListingData(
            title="Bowl",
            description="Steel",
            category_id=999_999,
            price=Decimal("3"),
            currency="USD",
            condition=ListingCondition.NEW,
        )
        # when / then
        with pytest.raises(CategoryNotFound):
            await listings_service.create(session, viewer_of(seller), data)


class TestUpdateAndRemove:
    async def test_only_the_seller_updates(self, session):
        # given
        seller = await create_user(session, prefix="seller")
        other = await create_user(session, prefix="other")
        listing = await create_listing(session, seller)
        changes = listings_service.ListingData(price=Decimal("8"))
        # when
        updated = await listings_service.update(session, viewer_of(seller), listing.id, changes)
        # then
        assert updated.price == Decimal("8.00")
        with pytest.raises(ListingNotFound):
            await listings_service.update(session, viewer_of(other), listing.id, changes)

    async def test_removing_closes_open_requests_and_hides_it_from_others(self, session):
        # given
        seller = await create_user(session, prefix="seller")
        buyer = await create_user(session, prefix="buyer")
        listing = await create_listing(session, seller)
        request = await request_purchase(session, buyer, listing)
        # when
        await listings_service.remove(session, viewer_of(seller), listing.id, NOW)
        # then
        assert request.state is RequestState.REJECTED
        assert await listings_service.get(session, viewer_of(buyer), listing.id) is None
        assert await listings_service.get(session, None, listing.id) is None
        assert (
            await listings_service.get(session, viewer_of(seller), listing.id)
        ).status is ListingStatus.REMOVED
        with pytest.raises(ListingNotEditable):
            await listings_service.update(
                session, viewer_of(seller), listing.id, listings_service.ListingData(title="x")
            )

    async def test_staff_remove_but_strangers_cannot(self, session):
        # given
        seller = await create_user(session, prefix="seller")
        stranger = await create_user(session, prefix="stranger")
        staff = await create_user(session, Role.STAFF, prefix="staff")
        listing = await create_listing(session, seller)
        # when / then
        with pytest.raises(ListingNotFound):
            await listings_service.remove(session, viewer_of(stranger), listing.id, NOW)
        removed = await listings_service.remove(session, viewer_of(staff), listing.id, NOW)
        assert removed.removed_by_id == staff.id


class TestQuickSell:
    async def test_records_a_sale_without_a_request(self, session):
        # given
        seller = await create_user(session, prefix="seller")
        buyer = await create_user(session, prefix="buyer")
        waiting = await create_user(session, prefix="waiting")
        listing = await create_listing(session, seller)
        open_request = await request_purchase(session, waiting, listing)
        # when
        sold, sale = await listings_service.quick_sell(
            session, viewer_of(seller), listing.id, buyer_id=buyer.id, price=Decimal("10"), now=NOW
        )
        # then
        assert sold.status is ListingStatus.SOLD
        assert (sale.buyer_id, sale.price, sale.request_id) == (buyer.id, Decimal("10.00"), None)
        assert open_request.state is RequestState.REJECTED
        history, _ = await transactions_service.list_for_viewer(
            session, viewer_of(buyer), page(), transactions_service.TransactionRole.BUYER
        )
        assert [row.id for row in history.items] == [sale.id]
        unrelated, _ = await transactions_service.list_for_viewer(
            session, viewer_of(waiting), page(), None
        )
        assert unrelated.items == []

    async def test_a_reserved_listing_is_not_quick_sold(self, session):
        # given
        seller = await create_user(session, prefix="seller")
        buyer = await create_user(session, prefix="buyer")
        listing = await create_listing(session, seller)
        listing.status = ListingStatus.RESERVED
        # when / then
        with pytest.raises(ListingNotAvailable, match="RESERVED"):
            await listings_service.quick_sell(
                session, viewer_of(seller), listing.id, buyer_id=buyer.id, price=None, now=NOW
            )


class TestSearch:
    @pytest.fixture
    async def catalog(self, session):
        seller = await create_user(session, prefix="seller")
        word = f"zq{seller.id}"  # unique to this test's listings
        chew = await seeded_category(session, "chew-toys")
        beds = await seeded_category(session, "beds")
        listings = [
            await create_listing(
                session, seller, title=f"{word} rope", price=Decimal("5"), category=chew
            ),
            await create_listing(
                session,
                seller,
                title=f"{word} ball",
                price=Decimal("5"),
                category=chew,
                condition=ListingCondition.NEW,
            ),
            await create_listing(
                session, seller, title=f"{word} bed", price=Decimal("40"), category=beds
            ),
            await create_listing(
                session, seller, title=f"{word} cushion", price=Decimal("15.25"), category=beds
            ),
        ]
        return word, listings

    async def search(self, session, **filters):
        sort = filters.pop("sort", listings_service.ListingSort.NEWEST)
        args = filters.pop("page", page())
        result, count = await listings_service.search(
            session, None, args, listings_service.ListingFilter(**filters), sort
        )
        return result, await count()

    async def test_text_category_with_descendants_price_and_condition(self, session, catalog):
        # given
        word, (rope, ball, bed, cushion) = catalog
        toys = await seeded_category(session, "toys")
        # when / then
        assert (await self.search(session, text=word))[1] == 4
        by_category, _ = await self.search(session, text=word, category_id=toys.id)
        assert {row.id for row in by_category.items} == {rope.id, ball.id}
        by_price, _ = await self.search(
            session, text=word, price_min=Decimal("10"), price_max=Decimal("20")
        )
        assert [row.id for row in by_price.items] == [cushion.id]
        by_condition, _ = await self.search(session, text=word, conditions=[ListingCondition.NEW])
        assert [row.id for row in by_condition.items] == [ball.id]

    async def test_sold_listings_only_when_asked(self, session, catalog):
        # given
        word, (rope, *_rest) = catalog
        rope.status = ListingStatus.SOLD
        # when
        default, _ = await self.search(session, text=word)
        sold, _ = await self.search(session, text=word, statuses=[ListingStatus.SOLD])
        # then
        assert rope.id not in {row.id for row in default.items}
        assert [row.id for row in sold.items] == [rope.id]

    async def test_price_sort_pages_through_ties_by_keyset(self, session, catalog):
        # given
        word, (rope, ball, bed, cushion) = catalog
        order = [rope.id, ball.id, cushion.id, bed.id]  # 5, 5 (id breaks the tie), 15.25, 40
        # when
        first, _ = await self.search(
            session, text=word, sort=listings_service.ListingSort.PRICE_ASC, page=page(2)
        )
        second, _ = await self.search(
            session,
            text=word,
            sort=listings_service.ListingSort.PRICE_ASC,
            page=page(2, first.keys[-1]),
        )
        back, _ = await self.search(
            session,
            text=word,
            sort=listings_service.ListingSort.PRICE_ASC,
            page=page(2, second.keys[0], False),
        )
        # then
        assert first.keys + second.keys == order
        assert first.has_next_page and not first.has_previous_page
        assert second.has_previous_page and not second.has_next_page
        assert back.keys == first.keys

    async def test_price_descending(self, session, catalog):
        # given
        word, (rope, ball, bed, cushion) = catalog
        # when
        result, _ = await self.search(
            session, text=word, sort=listings_service.ListingSort.PRICE_DESC
        )
        # then
        assert result.keys == [bed.id, cushion.id, ball.id, rope.id]

    async def test_inverted_price_range_is_refused(self, session):
        # given / when / then
        with pytest.raises(InvalidListing):
            await self.search(session, price_min=Decimal("9"), price_max=Decimal("1"))
