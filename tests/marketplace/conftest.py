import pytest

from tests.factories.accounts import create_user
from tests.marketplace.factories import create_listing


@pytest.fixture
async def parties(session):
    """A seller, a buyer, and the seller's listing."""
    seller = await create_user(session, prefix="seller")
    buyer = await create_user(session, prefix="buyer")
    listing = await create_listing(session, seller)
    return seller, buyer, listing
