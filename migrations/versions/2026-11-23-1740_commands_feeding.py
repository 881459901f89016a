"""commands and feeding logs

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-23 17:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COMMAND_KINDS = (
    "FEED_NOW",
    "STOP_FEEDING",
    "CALIBRATE",
    "RELAY_ON",
    "RELAY_OFF",
    "SET_THRESHOLD",
    "READ_SENSORS",
    "PING",
    "TREAT",
    "APPLY_SCHEDULE",
)
_COMMAND_STATUSES = ("QUEUED", "SENT", "ACKNOWLEDGED", "SUCCEEDED", "FAILED", "EXPIRED")


def _status() -> sa.Enum:
    return sa.Enum(*_COMMAND_STATUSES, name="command_status", native_enum=False, length=16)


def upgrade() -> None:
    op.create_table(
        "commands",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(*_COMMAND_KINDS, name="command_kind", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("args", sa.JSON(), nullable=False),
        sa.Column("group_id", sa.String(length=32), nullable=True),
        sa.Column("status", _status(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_commands_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["issued_by_id"],
            ["users.id"],
            name=op.f("fk_commands_issued_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commands")),
    )
    with op.batch_alter_table("commands", schema=None) as batch_op:
        batch_op.create_index(
            "ix_commands_device_id_status_id", ["device_id", "status", "id"], unique=False
        )
        batch_op.create_index(
            "ix_commands_status_expires_at", ["status", "expires_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_commands_group_id"), ["group_id"], unique=False)

    op.create_table(
        "command_transitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("command_id", sa.Integer(), nullable=False),
        sa.Column("status", _status(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["command_id"],
            ["commands.id"],
            name=op.f("fk_command_transitions_command_id_commands"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_command_transitions")),
    )
    with op.batch_alter_table("command_transitions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_command_transitions_command_id"), ["command_id"], unique=False
        )

    op.create_table(
        "feeding_logs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("pet_id", sa.Integer(), nullable=True),
        sa.Column("grams", sa.Numeric(precision=7, scale=1, asdecimal=False), nullable=False),
        sa.Column(
            "source",
            sa.Enum(
                "SCHEDULED",
                "MANUAL",
                "REMOTE_COMMAND",
                name="feeding_source",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("fed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("device_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("notes", sa.String(length=200), nullable=True),
        sa.Column("command_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["command_id"],
            ["commands.id"],
            name=op.f("fk_feeding_logs_command_id_commands"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_feeding_logs_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pet_id"], ["pets.id"], name=op.f("fk_feeding_logs_pet_id_pets"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeding_logs")),
        sa.UniqueConstraint("command_id", name=op.f("uq_feeding_logs_command_id")),
    )
    with op.batch_alter_table("feeding_logs", schema=None) as batch_op:
        batch_op.create_index(
            "ix_feeding_logs_device_id_fed_at", ["device_id", "fed_at"], unique=False
        )
        batch_op.create_index("ix_feeding_logs_pet_id_fed_at", ["pet_id", "fed_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("feeding_logs", schema=None) as batch_op:
        batch_op.drop_index("ix_feeding_logs_pet_id_fed_at")
        batch_op.drop_index("ix_feeding_logs_device_id_fed_at")
    op.drop_table("feeding_logs")
    with op.batch_alter_table("command_transitions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_command_transitions_command_id"))
    op.drop_table("command_transitions")
    with op.batch_alter_table("commands", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commands_group_id"))
        batch_op.drop_index("ix_commands_status_expires_at")
        batch_op.drop_index("ix_commands_device_id_status_id")
    op.drop_table("commands")
