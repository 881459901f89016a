"""device message receipts (MQTT at-most-once processing) and treats (TreatTap history)

Revision ID: mqtt_0001
Revises: security_0001
Create Date: 2026-12-04 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "mqtt_0001"
down_revision: str | Sequence[str] | None = "security_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "device_message_receipts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_device_message_receipts_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device_message_receipts")),
    )
    op.create_index(
        "uq_device_message_receipts_device_id_key",
        "device_message_receipts",
        ["device_id", "key"],
        unique=True,
    )
    op.create_index(
        op.f("ix_device_message_receipts_received_at"),
        "device_message_receipts",
        ["received_at"],
        unique=False,
    )

    op.create_table(
        "treats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("command_id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("pet_id", sa.Integer(), nullable=True),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["command_id"], ["commands.id"], name=op.f("fk_treats_command_id_commands"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_treats_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pet_id"], ["pets.id"], name=op.f("fk_treats_pet_id_pets"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["issued_by_id"], ["users.id"], name=op.f("fk_treats_issued_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_treats")),
        sa.UniqueConstraint("command_id", name=op.f("uq_treats_command_id")),
    )  # fmt: skip
    op.create_index("ix_treats_device_id_id", "treats", ["device_id", "id"], unique=False)
    op.create_index("ix_treats_pet_id_id", "treats", ["pet_id", "id"], unique=False)


def downgrade() -> None:
    op.drop_table("treats")
    op.drop_table("device_message_receipts")
