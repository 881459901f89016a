"""Marketplace root fields, one module per area: categories, listings, purchase requests,
messages and transactions. The merge order is the order the fields take in the schema."""

from strawberry.tools import merge_types

from resolvers.marketplace.categories import CategoryMutations, CategoryQueries
from resolvers.marketplace.listings import ListingMutations, ListingQueries
from resolvers.marketplace.messages import (
    MessageMutations,
    MessageQueries,
    MessageSubscriptions,
)
from resolvers.marketplace.requests import PurchaseRequestMutations, PurchaseRequestQueries
from resolvers.marketplace.transactions import TransactionQueries

MarketplaceQueries = merge_types(
    "MarketplaceQueries",
    (CategoryQueries, ListingQueries, PurchaseRequestQueries, MessageQueries, TransactionQueries),
)
MarketplaceMutations = merge_types(
    "MarketplaceMutations",
    (CategoryMutations, ListingMutations, PurchaseRequestMutations, MessageMutations),
)
MarketplaceSubscriptions = merge_types("MarketplaceSubscriptions", (MessageSubscriptions,))

__all__ = ["MarketplaceMutations", "MarketplaceQueries", "MarketplaceSubscriptions"]
