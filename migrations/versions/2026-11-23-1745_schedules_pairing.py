"""feeding schedules, schedule firings, pairing requests and claim attempts

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-23 17:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "feeding_schedules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("time_of_day", sa.Time(), nullable=False),
        sa.Column("days_mask", sa.SmallInteger(), nullable=False),
        sa.Column("grams", sa.SmallInteger(), nullable=False),
        sa.Column("label", sa.String(length=32), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "grams BETWEEN 10 AND 160 AND grams % 10 = 0", name=op.f("ck_feeding_schedules_grams")
        ),
        sa.CheckConstraint(
            "days_mask BETWEEN 1 AND 127", name=op.f("ck_feeding_schedules_days_mask")
        ),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_feeding_schedules_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeding_schedules")),
    )
    with op.batch_alter_table("feeding_schedules", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_feeding_schedules_device_id"), ["device_id"], unique=False
        )

    op.create_table(
        "schedule_firings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("schedule_id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("grams", sa.SmallInteger(), nullable=False),
        sa.Column("fired_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_schedule_firings_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["feeding_schedules.id"],
            name=op.f("fk_schedule_firings_schedule_id_feeding_schedules"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedule_firings")),
        sa.UniqueConstraint(
            "schedule_id", "local_date", name=op.f("uq_schedule_firings_schedule_id_local_date")
        ),
    )
    with op.batch_alter_table("schedule_firings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_schedule_firings_device_id"), ["device_id"], unique=False
        )

    op.create_table(
        "pairing_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hardware_id", sa.String(length=64), nullable=False),
        sa.Column("pin_hash", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claimed_by_id", sa.Integer(), nullable=True),
        sa.Column("device_id", sa.Integer(), nullable=True),
        sa.Column("key_delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("pin_failures", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claimed_by_id"],
            ["users.id"],
            name=op.f("fk_pairing_requests_claimed_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_pairing_requests_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_requests")),
    )
    with op.batch_alter_table("pairing_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pairing_requests_device_id"), ["device_id"], unique=False
        )
        batch_op.create_index(
            "ix_pairing_requests_hardware_id_created_at",
            ["hardware_id", "created_at"],
            unique=False,
        )

    op.create_table(
        "pairing_claim_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("attempted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_pairing_claim_attempts_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_claim_attempts")),
    )
    with op.batch_alter_table("pairing_claim_attempts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_pairing_claim_attempts_user_id_attempted_at",
            ["user_id", "attempted_at"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("pairing_claim_attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_pairing_claim_attempts_user_id_attempted_at")
    op.drop_table("pairing_claim_attempts")
    with op.batch_alter_table("pairing_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_pairing_requests_hardware_id_created_at")
        batch_op.drop_index(batch_op.f("ix_pairing_requests_device_id"))
    op.drop_table("pairing_requests")
    with op.batch_alter_table("schedule_firings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_schedule_firings_device_id"))
    op.drop_table("schedule_firings")
    with op.batch_alter_table("feeding_schedules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feeding_schedules_device_id"))
    op.drop_table("feeding_schedules")
