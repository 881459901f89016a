"""alerts

Revision ID: 0005
Revises: 0002
Create Date: 2026-11-23 17:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KINDS = ("OVERLOAD", "THRESHOLD", "OFFLINE", "FOOD_LOW", "COMMAND_FAILED")
_STATUSES = ("ACTIVE", "ACKNOWLEDGED", "CLEARED")
_OPEN = sa.text("status != 'CLEARED'")


def upgrade() -> None:
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(*_KINDS, name="alert_kind", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(*_STATUSES, name="alert_status", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("message", sa.String(length=300), nullable=False),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cleared_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cleared_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_alerts_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_alerts_owner_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["cleared_by"],
            ["users.id"],
            name=op.f("fk_alerts_cleared_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
    )
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.create_index(
            "uq_alerts_open_device_id_kind",
            ["device_id", "kind"],
            unique=True,
            postgresql_where=_OPEN,
            sqlite_where=_OPEN,
        )
        batch_op.create_index("ix_alerts_owner_id_id", ["owner_id", "id"], unique=False)
        batch_op.create_index("ix_alerts_device_id_id", ["device_id", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_index("ix_alerts_device_id_id")
        batch_op.drop_index("ix_alerts_owner_id_id")
        batch_op.drop_index("uq_alerts_open_device_id_kind")
    op.drop_table("alerts")
