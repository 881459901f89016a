"""marketplace and moderation: categories (seeded), listings, purchase requests, messages,
transactions and reports

Revision ID: 0007
Revises: 0002
Create Date: 2026-11-23 17:29:11.356076
"""

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The starting category tree: (name, slug) of each top-level category and its children.
# Admins manage the tree afterwards through GraphQL.
CATEGORY_TREE: list[tuple[tuple[str, str], list[tuple[str, str]]]] = [
    (
        ("Food & Treats", "food-treats"),
        [
            ("Dry Food", "dry-food"),
            ("Wet Food", "wet-food"),
            ("Treats & Chews", "treats-chews"),
        ],
    ),
    (
        ("Toys", "toys"),
        [
            ("Chew Toys", "chew-toys"),
            ("Interactive & Puzzle Toys", "interactive-toys"),
            ("Cat Toys", "cat-toys"),
        ],
    ),
    (
        ("Beds & Furniture", "beds-furniture"),
        [
            ("Beds", "beds"),
            ("Cat Trees & Scratchers", "cat-trees"),
            ("Crates & Kennels", "crates-kennels"),
        ],
    ),
    (
        ("Health & Grooming", "health-grooming"),
        [
            ("Grooming Tools", "grooming-tools"),
            ("Shampoos & Care", "shampoos-care"),
            ("Supplements", "supplements"),
        ],
    ),
    (
        ("Collars & Leashes", "collars-leashes"),
        [
            ("Collars", "collars"),
            ("Leashes", "leashes"),
            ("Harnesses", "harnesses"),
        ],
    ),
    (
        ("Feeders & Smart Devices", "feeders-smart-devices"),
        [
            ("Automatic Feeders", "automatic-feeders"),
            ("Water Fountains", "water-fountains"),
            ("GPS & Activity Trackers", "trackers"),
            ("Smart Outlets & Hubs", "smart-outlets"),
        ],
    ),
    (
        ("Aquarium", "aquarium"),
        [
            ("Tanks", "tanks"),
            ("Filters & Pumps", "filters-pumps"),
            ("Decor & Plants", "aquarium-decor"),
        ],
    ),
    (
        ("Carriers & Travel", "carriers-travel"),
        [("Carriers", "carriers"), ("Car Accessories", "car-accessories")],
    ),
    (
        ("Litter & Hygiene", "litter-hygiene"),
        [("Litter Boxes", "litter-boxes"), ("Litter", "litter")],
    ),
    (
        ("Small Animals & Birds", "small-animals-birds"),
        [("Cages & Hutches", "cages-hutches"), ("Bird Supplies", "bird-supplies")],
    ),
    (("Other", "other"), []),
]


def _seed_categories() -> None:
    categories = sa.table(
        "marketplace_categories",
        sa.column("id", sa.Integer()),
        sa.column("parent_id", sa.Integer()),
        sa.column("name", sa.String()),
        sa.column("slug", sa.String()),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    bind = op.get_bind()
    now = dt.datetime.now(dt.UTC)
    for (name, slug), children in CATEGORY_TREE:
        bind.execute(
            categories.insert().values(parent_id=None, name=name, slug=slug, created_at=now)
        )
        # Ids come from the sequence, so look the parent up rather than choosing its id.
        parent_id = bind.execute(
            sa.select(categories.c.id).where(categories.c.slug == slug)
        ).scalar_one()
        if children:
            rows = [
                {"parent_id": parent_id, "name": child, "slug": child_slug, "created_at": now}
                for child, child_slug in children
            ]
            bind.execute(categories.insert(), rows)


def upgrade() -> None:
    op.create_table(
        "marketplace_categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["marketplace_categories.id"],
            name=op.f("fk_marketplace_categories_parent_id_marketplace_categories"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_marketplace_categories")),
        sa.UniqueConstraint("slug", name=op.f("uq_marketplace_categories_slug")),
    )
    with op.batch_alter_table("marketplace_categories", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_marketplace_categories_parent_id"), ["parent_id"], unique=False
        )

    op.create_table(
        "marketplace_listings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seller_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("price", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column(
            "condition",
            sa.Enum(
                "NEW",
                "LIKE_NEW",
                "GOOD",
                "FAIR",
                "FOR_PARTS",
                name="listing_condition",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(length=120), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "ACTIVE",
                "RESERVED",
                "SOLD",
                "REMOVED",
                name="listing_status",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("removed_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sold_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["marketplace_categories.id"],
            name=op.f("fk_marketplace_listings_category_id_marketplace_categories"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["removed_by_id"],
            ["users.id"],
            name=op.f("fk_marketplace_listings_removed_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"],
            ["users.id"],
            name=op.f("fk_marketplace_listings_seller_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_marketplace_listings")),
    )
    with op.batch_alter_table("marketplace_listings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_marketplace_listings_category_id"), ["category_id"], unique=False
        )
        batch_op.create_index("ix_marketplace_listings_price", ["price"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_marketplace_listings_seller_id"), ["seller_id"], unique=False
        )
        batch_op.create_index(
            "ix_marketplace_listings_status_created_at", ["status", "created_at"], unique=False
        )

    op.create_table(
        "moderation_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reporter_id", sa.Integer(), nullable=False),
        sa.Column(
            "target_type",
            sa.Enum(
                "LISTING",
                "POST",
                "COMMENT",
                "USER",
                name="report_target_type",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column(
            "reason",
            sa.Enum(
                "SPAM",
                "SCAM",
                "PROHIBITED_ITEM",
                "HARASSMENT",
                "INAPPROPRIATE",
                "ANIMAL_WELFARE",
                "OTHER",
                name="report_reason",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("details", sa.String(length=1000), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "OPEN",
                "DISMISSED",
                "CONTENT_REMOVED",
                "USER_SUSPENDED",
                name="report_status",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.Column("resolution_note", sa.String(length=1000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["reporter_id"],
            ["users.id"],
            name=op.f("fk_moderation_reports_reporter_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by_id"],
            ["users.id"],
            name=op.f("fk_moderation_reports_resolved_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_reports")),
        sa.UniqueConstraint(
            "reporter_id",
            "target_type",
            "target_id",
            name=op.f("uq_moderation_reports_reporter_id_target_type_target_id"),
        ),
    )
    with op.batch_alter_table("moderation_reports", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_moderation_reports_reporter_id"), ["reporter_id"], unique=False
        )
        batch_op.create_index(
            "ix_moderation_reports_status_created_at", ["status", "created_at"], unique=False
        )
        batch_op.create_index(
            "ix_moderation_reports_target", ["target_type", "target_id"], unique=False
        )

    op.create_table(
        "marketplace_listing_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("listing_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["listing_id"],
            ["marketplace_listings.id"],
            name=op.f("fk_marketplace_listing_photos_listing_id_marketplace_listings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_marketplace_listing_photos")),
        sa.UniqueConstraint(
            "listing_id", "position", name=op.f("uq_marketplace_listing_photos_listing_id_position")
        ),
    )
    with op.batch_alter_table("marketplace_listing_photos", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_marketplace_listing_photos_listing_id"), ["listing_id"], unique=False
        )

    op.create_table(
        "marketplace_message_threads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("listing_id", sa.Integer(), nullable=False),
        sa.Column("buyer_id", sa.Integer(), nullable=False),
        sa.Column("seller_id", sa.Integer(), nullable=False),
        sa.Column("buyer_read_up_to", sa.Integer(), nullable=False),
        sa.Column("seller_read_up_to", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_message_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["buyer_id"],
            ["users.id"],
            name=op.f("fk_marketplace_message_threads_buyer_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["listing_id"],
            ["marketplace_listings.id"],
            name=op.f("fk_marketplace_message_threads_listing_id_marketplace_listings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"],
            ["users.id"],
            name=op.f("fk_marketplace_message_threads_seller_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_marketplace_message_threads")),
        sa.UniqueConstraint(
            "listing_id",
            "buyer_id",
            name=op.f("uq_marketplace_message_threads_listing_id_buyer_id"),
        ),
    )
    with op.batch_alter_table("marketplace_message_threads", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_marketplace_message_threads_buyer_id"), ["buyer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_marketplace_message_threads_listing_id"), ["listing_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_marketplace_message_threads_seller_id"), ["seller_id"], unique=False
        )

    op.create_table(
        "marketplace_purchase_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("listing_id", sa.Integer(), nullable=False),
        sa.Column("buyer_id", sa.Integer(), nullable=False),
        sa.Column("seller_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "PENDING",
                "NEGOTIATING",
                "ACCEPTED",
                "REJECTED",
                "CANCELLED",
                "MEETUP_SCHEDULED",
                "PAID",
                "COMPLETED",
                name="purchase_request_state",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("price", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("offered_by_id", sa.Integer(), nullable=False),
        sa.Column("meetup_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("meetup_place", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["buyer_id"],
            ["users.id"],
            name=op.f("fk_marketplace_purchase_requests_buyer_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["listing_id"],
            ["marketplace_listings.id"],
            name=op.f("fk_marketplace_purchase_requests_listing_id_marketplace_listings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["offered_by_id"],
            ["users.id"],
            name=op.f("fk_marketplace_purchase_requests_offered_by_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"],
            ["users.id"],
            name=op.f("fk_marketplace_purchase_requests_seller_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_marketplace_purchase_requests")),
    )
    with op.batch_alter_table("marketplace_purchase_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_marketplace_purchase_requests_buyer_id"), ["buyer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_marketplace_purchase_requests_listing_id"), ["listing_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_marketplace_purchase_requests_seller_id"), ["seller_id"], unique=False
        )
        batch_op.create_index(
            "ux_marketplace_purchase_requests_open",
            ["listing_id", "buyer_id"],
            unique=True,
            postgresql_where=sa.text(
                "state IN ('PENDING', 'NEGOTIATING', 'ACCEPTED', 'MEETUP_SCHEDULED', 'PAID')"
            ),
            sqlite_where=sa.text(
                "state IN ('PENDING', 'NEGOTIATING', 'ACCEPTED', 'MEETUP_SCHEDULED', 'PAID')"
            ),
        )

    op.create_table(
        "marketplace_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.String(length=2000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["sender_id"],
            ["users.id"],
            name=op.f("fk_marketplace_messages_sender_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["thread_id"],
            ["marketplace_message_threads.id"],
            name=op.f("fk_marketplace_messages_thread_id_marketplace_message_threads"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_marketplace_messages")),
    )
    with op.batch_alter_table("marketplace_messages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_marketplace_messages_thread_id"), ["thread_id"], unique=False
        )

    op.create_table(
        "marketplace_purchase_offers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("price", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("message", sa.String(length=1000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_marketplace_purchase_offers_author_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["marketplace_purchase_requests.id"],
            name=op.f("fk_marketplace_purchase_offers_request_id_marketplace_purchase_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_marketplace_purchase_offers")),
    )
    with op.batch_alter_table("marketplace_purchase_offers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_marketplace_purchase_offers_request_id"), ["request_id"], unique=False
        )

    op.create_table(
        "marketplace_transactions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("listing_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("seller_id", sa.Integer(), nullable=False),
        sa.Column("buyer_id", sa.Integer(), nullable=True),
        sa.Column("price", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["buyer_id"],
            ["users.id"],
            name=op.f("fk_marketplace_transactions_buyer_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["listing_id"],
            ["marketplace_listings.id"],
            name=op.f("fk_marketplace_transactions_listing_id_marketplace_listings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["marketplace_purchase_requests.id"],
            name=op.f("fk_marketplace_transactions_request_id_marketplace_purchase_requests"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"],
            ["users.id"],
            name=op.f("fk_marketplace_transactions_seller_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_marketplace_transactions")),
    )
    with op.batch_alter_table("marketplace_transactions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_marketplace_transactions_buyer_id"), ["buyer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_marketplace_transactions_completed_at"), ["completed_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_marketplace_transactions_listing_id"), ["listing_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_marketplace_transactions_seller_id"), ["seller_id"], unique=False
        )

    _seed_categories()


def downgrade() -> None:
    with op.batch_alter_table("marketplace_transactions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_marketplace_transactions_seller_id"))
        batch_op.drop_index(batch_op.f("ix_marketplace_transactions_listing_id"))
        batch_op.drop_index(batch_op.f("ix_marketplace_transactions_completed_at"))
        batch_op.drop_index(batch_op.f("ix_marketplace_transactions_buyer_id"))

    op.drop_table("marketplace_transactions")
    with op.batch_alter_table("marketplace_purchase_offers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_marketplace_purchase_offers_request_id"))

    op.drop_table("marketplace_purchase_offers")
    with op.batch_alter_table("marketplace_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_marketplace_messages_thread_id"))

    op.drop_table("marketplace_messages")
    with op.batch_alter_table("marketplace_purchase_requests", schema=None) as batch_op:
        batch_op.drop_index(
            "ux_marketplace_purchase_requests_open",
            postgresql_where=sa.text(
                "state IN ('PENDING', 'NEGOTIATING', 'ACCEPTED', 'MEETUP_SCHEDULED', 'PAID')"
            ),
            sqlite_where=sa.text(
                "state IN ('PENDING', 'NEGOTIATING', 'ACCEPTED', 'MEETUP_SCHEDULED', 'PAID')"
            ),
        )
        batch_op.drop_index(batch_op.f("ix_marketplace_purchase_requests_seller_id"))
        batch_op.drop_index(batch_op.f("ix_marketplace_purchase_requests_listing_id"))
        batch_op.drop_index(batch_op.f("ix_marketplace_purchase_requests_buyer_id"))

    op.drop_table("marketplace_purchase_requests")
    with op.batch_alter_table("marketplace_message_threads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_marketplace_message_threads_seller_id"))
        batch_op.drop_index(batch_op.f("ix_marketplace_message_threads_listing_id"))
        batch_op.drop_index(batch_op.f("ix_marketplace_message_threads_buyer_id"))

    op.drop_table("marketplace_message_threads")
    with op.batch_alter_table("marketplace_listing_photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_marketplace_listing_photos_listing_id"))

    op.drop_table("marketplace_listing_photos")
    with op.batch_alter_table("moderation_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_moderation_reports_target")
        batch_op.drop_index("ix_moderation_reports_status_created_at")
        batch_op.drop_index(batch_op.f("ix_moderation_reports_reporter_id"))

    op.drop_table("moderation_reports")
    with op.batch_alter_table("marketplace_listings", schema=None) as batch_op:
        batch_op.drop_index("ix_marketplace_listings_status_created_at")
        batch_op.drop_index(batch_op.f("ix_marketplace_listings_seller_id"))
        batch_op.drop_index("ix_marketplace_listings_price")
        batch_op.drop_index(batch_op.f("ix_marketplace_listings_category_id"))

    op.drop_table("marketplace_listings")
    with op.batch_alter_table("marketplace_categories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_marketplace_categories_parent_id"))

    op.drop_table("marketplace_categories")
