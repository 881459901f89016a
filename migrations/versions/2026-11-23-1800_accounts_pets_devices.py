"""accounts pets devices

Revision ID: 0001
Revises:
Create Date: 2026-11-23 17:24:15.963310
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("display_name", sa.String(length=80), nullable=False),
        sa.Column(
            "role",
            sa.Enum("OWNER", "STAFF", "ADMIN", name="user_role", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("suspended_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_table(
        "pets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column(
            "species",
            sa.Enum(
                "DOG",
                "CAT",
                "RABBIT",
                "BIRD",
                "OTHER",
                name="pet_species",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("breed", sa.String(length=80), nullable=True),
        sa.Column("birthdate", sa.Date(), nullable=True),
        sa.Column("weight_kg", sa.Numeric(precision=6, scale=2), nullable=True),
        sa.Column(
            "activity_level",
            sa.Enum(
                "LOW", "MODERATE", "HIGH", name="pet_activity_level", native_enum=False, length=16
            ),
            nullable=False,
        ),
        sa.Column("neutered", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_pets_owner_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pets")),
    )
    with op.batch_alter_table("pets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pets_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "devices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "FEEDER",
                "COLLAR",
                "OUTLET",
                "HUB",
                "BATTERY",
                name="device_kind",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("location", sa.String(length=120), nullable=True),
        sa.Column("hardware_id", sa.String(length=64), nullable=False),
        sa.Column("firmware_version", sa.String(length=40), nullable=True),
        sa.Column("pet_id", sa.Integer(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("api_key_hash", sa.String(length=64), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("online", sa.Boolean(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_devices_owner_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["devices.id"],
            name=op.f("fk_devices_parent_id_devices"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pet_id"], ["pets.id"], name=op.f("fk_devices_pet_id_pets"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
        sa.UniqueConstraint("api_key_hash", name=op.f("uq_devices_api_key_hash")),
    )
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_devices_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_devices_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_devices_pet_id"), ["pet_id"], unique=False)
        batch_op.create_index(
            "uq_devices_kind_hardware_id",
            ["kind", "hardware_id"],
            unique=True,
            postgresql_where=sa.text("parent_id IS NULL AND kind != 'HUB'"),
            sqlite_where=sa.text("parent_id IS NULL AND kind != 'HUB'"),
        )
        batch_op.create_index(
            "uq_devices_owner_id_hardware_id_hub",
            ["owner_id", "hardware_id"],
            unique=True,
            postgresql_where=sa.text("kind = 'HUB'"),
            sqlite_where=sa.text("kind = 'HUB'"),
        )
        batch_op.create_index(
            "uq_devices_parent_id_hardware_id",
            ["parent_id", "hardware_id"],
            unique=True,
            postgresql_where=sa.text("parent_id IS NOT NULL"),
            sqlite_where=sa.text("parent_id IS NOT NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_devices_parent_id_hardware_id",
            postgresql_where=sa.text("parent_id IS NOT NULL"),
            sqlite_where=sa.text("parent_id IS NOT NULL"),
        )
        batch_op.drop_index("uq_devices_owner_id_hardware_id_hub")
        batch_op.drop_index("uq_devices_kind_hardware_id")
        batch_op.drop_index(batch_op.f("ix_devices_pet_id"))
        batch_op.drop_index(batch_op.f("ix_devices_parent_id"))
        batch_op.drop_index(batch_op.f("ix_devices_owner_id"))

    op.drop_table("devices")
    with op.batch_alter_table("pets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pets_owner_id"))

    op.drop_table("pets")
    op.drop_table("users")
