"""petty: collar readings with a position, unique per (collar, device timestamp)

Revision ID: petty_0001
Revises: mqtt_batteries_0001
Create Date: 2026-12-04 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "petty_0001"
down_revision: str | Sequence[str] | None = "mqtt_batteries_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "collar_readings",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("measured_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("heart_rate", sa.SmallInteger(), nullable=False),
        sa.Column("activity_level", sa.SmallInteger(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.CheckConstraint(
            "heart_rate BETWEEN 30 AND 300", name=op.f("ck_collar_readings_heart_rate")
        ),
        sa.CheckConstraint(
            "activity_level BETWEEN 0 AND 2", name=op.f("ck_collar_readings_activity_level")
        ),
        sa.CheckConstraint(
            "longitude BETWEEN -180 AND 180", name=op.f("ck_collar_readings_longitude")
        ),
        sa.CheckConstraint("latitude BETWEEN -90 AND 90", name=op.f("ck_collar_readings_latitude")),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_collar_readings_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collar_readings")),
        sa.UniqueConstraint(
            "device_id", "measured_at", name=op.f("uq_collar_readings_device_id_measured_at")
        ),
    )


def downgrade() -> None:
    op.drop_table("collar_readings")
