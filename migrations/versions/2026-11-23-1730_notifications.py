"""notifications

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 17:26:17.641065
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notification_mutes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "DEVICE_ALERT",
                "COMMAND_FAILED",
                "REACTION",
                "COMMENT",
                "FOLLOW",
                "FOLLOW_REQUEST",
                "FOLLOW_APPROVED",
                "PURCHASE_REQUEST",
                "PURCHASE_REQUEST_UPDATED",
                "MESSAGE",
                "REPORT_RESOLVED",
                name="notification_kind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_notification_mutes_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification_mutes")),
        sa.UniqueConstraint("user_id", "kind", name=op.f("uq_notification_mutes_user_id_kind")),
    )
    with op.batch_alter_table("notification_mutes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notification_mutes_user_id"), ["user_id"], unique=False
        )

    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "DEVICE_ALERT",
                "COMMAND_FAILED",
                "REACTION",
                "COMMENT",
                "FOLLOW",
                "FOLLOW_REQUEST",
                "FOLLOW_APPROVED",
                "PURCHASE_REQUEST",
                "PURCHASE_REQUEST_UPDATED",
                "MESSAGE",
                "REPORT_RESOLVED",
                name="notification_kind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("target_type", sa.String(length=40), nullable=True),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_notifications_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["users.id"],
            name=op.f("fk_notifications_recipient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index(
            "ix_notifications_recipient_id_read_at", ["recipient_id", "read_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index("ix_notifications_recipient_id_read_at")

    op.drop_table("notifications")
    with op.batch_alter_table("notification_mutes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notification_mutes_user_id"))

    op.drop_table("notification_mutes")
