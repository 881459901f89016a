import datetime as dt
from decimal import Decimal

import strawberry
from strawberry import relay

from graphql_api.accounts.types import User
from graphql_api.marketplace.categories.types import Category
from graphql_api.marketplace.listings.models import Listing as ListingModel
from graphql_api.marketplace.listings.models import ListingCondition as ListingConditionEnum
from graphql_api.marketplace.listings.service import ListingData, ListingFilter
from graphql_api.marketplace.listings.service import ListingSort as ListingSortEnum
from graphql_api.marketplace.types import ListingCondition, ListingStatus, Money
from graphql_api.payloads import Payload
from graphql_api.relay import decode_id, load_nodes

ListingSort = strawberry.enum(ListingSortEnum, description="Order of a catalog search.")


@strawberry.type(description="A photo of a listing.")
class ListingPhoto:
    url: str = strawberry.field(description="http(s) URL of the image.")
    position: int = strawberry.field(description="Display order, from 0.")


@strawberry.type(description="Something a user offers for sale.")
class Listing(relay.Node):
    id: relay.NodeID[int]
    title: str = strawberry.field(description="Short title, up to 120 characters.")
    description: str = strawberry.field(description="Details, up to 5000 characters.")
    price: Money = strawberry.field(description="Asking price.")
    condition: ListingCondition = strawberry.field(description="The state the item is in.")
    quantity: int = strawberry.field(description="How many items the listing sells together.")
    location: str | None = strawberry.field(
        description="Where the item is, as the seller wrote it."
    )
    status: ListingStatus = strawberry.field(description="ACTIVE, RESERVED, SOLD or REMOVED.")
    created_at: dt.datetime = strawberry.field(description="When it was listed.")
    updated_at: dt.datetime = strawberry.field(description="When it last changed.")
    sold_at: dt.datetime | None = strawberry.field(description="When it was sold, if it was.")
    seller_id: strawberry.Private[int]
    category_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, listing: ListingModel) -> "Listing":
        return cls(
            id=listing.id,
            title=listing.title,
            description=listing.description,
            price=Money(amount=listing.price, currency=listing.currency),
            condition=listing.condition,
            quantity=listing.quantity,
            location=listing.location,
            status=listing.status,
            created_at=listing.created_at,
            updated_at=listing.updated_at,
            sold_at=listing.sold_at,
            seller_id=listing.seller_id,
            category_id=listing.category_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.listing_by_id, node_ids, cls.from_model)

    @strawberry.field(description="Who sells it; null to anonymous viewers, who see no users.")
    async def seller(self, info: strawberry.Info) -> User | None:
        user = await info.context.loaders.user_by_id.load(self.seller_id)
        return User.from_model(user) if user else None

    @strawberry.field(description="Whether the viewer is the seller.")
    def viewer_is_seller(self, info: strawberry.Info) -> bool:
        viewer = info.context.viewer
        return viewer is not None and viewer.user_id == self.seller_id

    @strawberry.field(description="The listing's category.")
    async def category(self, info: strawberry.Info) -> Category | None:
        category = await info.context.loaders.category_by_id.load(self.category_id)
        return Category.from_model(category) if category else None

    @strawberry.field(description="Photos in display order.")
    async def photos(self, info: strawberry.Info) -> list[ListingPhoto]:
        photos = await info.context.loaders.photos_by_listing_id.load(self.id)
        return [ListingPhoto(url=photo.url, position=photo.position) for photo in photos]


@strawberry.input(description="What to search the catalog for; every filter is optional.")
class ListingFilterInput:
    text: str | None = strawberry.field(
        default=None, description="Words in the title or description."
    )
    category_id: relay.GlobalID | None = strawberry.field(
        default=None, description="A category; its subcategories are included."
    )
    price_min: Decimal | None = strawberry.field(
        default=None, description="Lowest price, inclusive."
    )
    price_max: Decimal | None = strawberry.field(
        default=None, description="Highest price, inclusive."
    )
    currency: str | None = strawberry.field(
        default=None, description="Only prices in this currency."
    )
    conditions: list[ListingCondition] | None = strawberry.field(
        default=None, description="Any of these conditions."
    )
    seller_id: relay.GlobalID | None = strawberry.field(
        default=None, description="One seller's listings."
    )
    statuses: list[ListingStatus] | None = strawberry.field(
        default=None,
        description=(
            "Any of these statuses; ACTIVE when omitted. REMOVED ones show only to their "
            "seller and staff."
        ),
    )

    def to_filter(self) -> ListingFilter:
        return ListingFilter(
            text=self.text,
            category_id=decode_id(self.category_id, Category, "filter.categoryId")
            if self.category_id
            else None,
            price_min=self.price_min,
            price_max=self.price_max,
            currency=self.currency,
            conditions=self.conditions,
            seller_id=decode_id(self.seller_id, User, "filter.sellerId")
            if self.seller_id
            else None,
            statuses=self.statuses,
        )


@strawberry.input(description="A new listing of the viewer's.")
class CreateListingInput:
    title: str = strawberry.field(description="1 to 120 characters.")
    description: str = strawberry.field(description="1 to 5000 characters.")
    category_id: relay.GlobalID = strawberry.field(description="The listing's category.")
    price: Decimal = strawberry.field(
        description="Positive, at most 2 decimals (none for JPY and the like)."
    )
    currency: str = strawberry.field(description="ISO 4217 currency code, e.g. USD.")
    condition: ListingCondition = strawberry.field(description="The state the item is in.")
    quantity: int = strawberry.field(default=1, description="1 to 10000 items sold together.")
    location: str | None = strawberry.field(
        default=None, description="Where the item is, up to 120 characters."
    )
    photos: list[str] = strawberry.field(
        default_factory=list, description="Up to 10 http(s) image URLs, in display order."
    )

    def to_data(self) -> ListingData:
        return ListingData(
            title=self.title,
            description=self.description,
            category_id=decode_id(self.category_id, Category, "categoryId"),
            price=self.price,
            currency=self.currency,
            condition=ListingConditionEnum(self.condition),
            quantity=self.quantity,
            location=self.location,
            photos=self.photos,
        )


@strawberry.input(
    description="Changes to one of the viewer's listings; omitted fields stay as they are."
)
class UpdateListingInput:
    id: relay.GlobalID = strawberry.field(description="The listing to change (ACTIVE or RESERVED).")
    title: str | None = strawberry.field(
        default=strawberry.UNSET, description="1 to 120 characters."
    )
    description: str | None = strawberry.field(
        default=strawberry.UNSET, description="1 to 5000 characters."
    )
    category_id: relay.GlobalID | None = strawberry.field(
        default=strawberry.UNSET, description="Another category."
    )
    price: Decimal | None = strawberry.field(
        default=strawberry.UNSET, description="Positive, at most 2 decimals."
    )
    currency: str | None = strawberry.field(
        default=strawberry.UNSET, description="ISO 4217 currency code."
    )
    condition: ListingCondition | None = strawberry.field(
        default=strawberry.UNSET, description="Condition."
    )
    quantity: int | None = strawberry.field(default=strawberry.UNSET, description="1 to 10000.")
    location: str | None = strawberry.field(default=strawberry.UNSET, description="Null clears it.")
    photos: list[str] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Replaces every photo; up to 10 http(s) URLs, in order.",
    )

    def to_data(self) -> ListingData:
        names = (
            "title",
            "description",
            "price",
            "currency",
            "condition",
            "quantity",
            "location",
            "photos",
        )
        given = {
            name: getattr(self, name)
            for name in names
            if getattr(self, name) is not strawberry.UNSET
        }
        if self.category_id is not strawberry.UNSET:
            given["category_id"] = (
                decode_id(self.category_id, Category, "categoryId") if self.category_id else None
            )
        return ListingData(**given)


@strawberry.input(description="One of the viewer's listings.")
class ListingIdInput:
    id: relay.GlobalID = strawberry.field(description="The listing.")


@strawberry.input(
    description="Mark one of the viewer's ACTIVE listings sold, without a purchase request."
)
class MarkListingSoldInput:
    id: relay.GlobalID = strawberry.field(description="The listing.")
    buyer_id: relay.GlobalID | None = strawberry.field(
        default=None,
        description="The buyer, if they have an account; the sale shows in their history.",
    )
    price: Decimal | None = strawberry.field(
        default=None, description="The price it sold for; the asking price when omitted."
    )


@strawberry.type(description="Result of createListing.")
class CreateListingPayload(Payload):
    listing: Listing | None = strawberry.field(default=None, description="The new listing.")


@strawberry.type(description="Result of updateListing.")
class UpdateListingPayload(Payload):
    listing: Listing | None = strawberry.field(default=None, description="The listing as changed.")


@strawberry.type(description="Result of removeListing.")
class RemoveListingPayload(Payload):
    listing: Listing | None = strawberry.field(
        default=None, description="The listing, now REMOVED."
    )
