"""telemetry and outlets: time series, persist throttle, live watchers, hub focus

Revision ID: 0006
Revises: 0001
Create Date: 2026-11-23 17:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "telemetry_points",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("device_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_telemetry_points_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_telemetry_points")),
    )
    with op.batch_alter_table("telemetry_points", schema=None) as batch_op:
        batch_op.create_index(
            "ix_telemetry_points_device_id_key_received_at",
            ["device_id", "key", "received_at"],
            unique=False,
        )

    op.create_table(
        "telemetry_cursors",
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("stream", sa.String(length=20), nullable=False),
        sa.Column("persisted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_telemetry_cursors_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("device_id", "stream", name=op.f("pk_telemetry_cursors")),
    )

    op.create_table(
        "telemetry_watchers",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("watched_until", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_telemetry_watchers_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_telemetry_watchers")),
    )
    with op.batch_alter_table("telemetry_watchers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_telemetry_watchers_device_id"), ["device_id"], unique=False
        )

    op.create_table(
        "hub_focuses",
        sa.Column("hub_id", sa.Integer(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("chosen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["hub_id"],
            ["devices.id"],
            name=op.f("fk_hub_focuses_hub_id_devices"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["devices.id"],
            name=op.f("fk_hub_focuses_outlet_id_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("hub_id", name=op.f("pk_hub_focuses")),
    )
    with op.batch_alter_table("hub_focuses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hub_focuses_outlet_id"), ["outlet_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("hub_focuses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hub_focuses_outlet_id"))
    op.drop_table("hub_focuses")
    with op.batch_alter_table("telemetry_watchers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_telemetry_watchers_device_id"))
    op.drop_table("telemetry_watchers")
    op.drop_table("telemetry_cursors")
    with op.batch_alter_table("telemetry_points", schema=None) as batch_op:
        batch_op.drop_index("ix_telemetry_points_device_id_key_received_at")
    op.drop_table("telemetry_points")
