"""battery schedules: profiles, archive, schedules, slots, events, fetch claims

Revision ID: mqtt_batteries_0001
Revises: mqtt_0001
Create Date: 2026-12-04 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "mqtt_batteries_0001"
down_revision: str | Sequence[str] | None = "mqtt_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CURRENT = sa.text("status != 'SUPERSEDED'")


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=16)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "battery_profiles",
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("max_charge_kw", sa.Float(), nullable=False),
        sa.Column("max_discharge_kw", sa.Float(), nullable=False),
        sa.Column("capacity_kwh", sa.Float(), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("fetch_local_time", sa.Time(), nullable=True),
        sa.Column("provider_url", sa.String(length=300), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("battery_profiles", "device_id", "devices", "CASCADE"),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_battery_profiles")),
    )
    op.create_table(
        "schedule_archive",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=True),
        sa.Column("for_date", sa.Date(), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("headers", sa.JSON(), nullable=False),
        sa.Column("body_sha256", sa.String(length=64), nullable=True),
        sa.Column("body_size", sa.Integer(), nullable=True),
        sa.Column("storage", sa.String(length=32), nullable=False),
        sa.Column("storage_key", sa.String(length=300), nullable=True),
        sa.Column("body", sa.LargeBinary(), nullable=True),
        sa.Column("error", sa.String(length=300), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "outcome",
            _enum(
                "archive_outcome", "PENDING", "ACCEPTED", "REJECTED", "HTTP_ERROR", "UNREACHABLE"
            ),
            nullable=False,
        ),
        sa.Column("reasons", sa.JSON(), nullable=False),
        _fk("schedule_archive", "device_id", "devices", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedule_archive")),
    )
    with op.batch_alter_table("schedule_archive", schema=None) as batch_op:
        batch_op.create_index("ix_schedule_archive_device_id_id", ["device_id", "id"])
        batch_op.create_index("ix_schedule_archive_received_at", ["received_at"])
    op.create_table(
        "battery_schedules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("for_date", sa.Date(), nullable=False),
        sa.Column("message_id", sa.String(length=40), nullable=False),
        sa.Column(
            "status",
            _enum(
                "schedule_status",
                "CREATED",
                "SENT",
                "ACKNOWLEDGED",
                "EXECUTED",
                "PARTIAL",
                "FAILED",
                "SUPERSEDED",
            ),
            nullable=False,
        ),
        sa.Column("archive_id", sa.Integer(), nullable=True),
        sa.Column("command_id", sa.Integer(), nullable=True),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("send_count", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        _fk("battery_schedules", "device_id", "devices", "CASCADE"),
        _fk("battery_schedules", "archive_id", "schedule_archive", "SET NULL"),
        _fk("battery_schedules", "command_id", "commands", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_battery_schedules")),
        sa.UniqueConstraint("message_id", name=op.f("uq_battery_schedules_message_id")),
    )
    with op.batch_alter_table("battery_schedules", schema=None) as batch_op:
        batch_op.create_index(
            "uq_battery_schedules_current_device_id_for_date",
            ["device_id", "for_date"],
            unique=True,
            postgresql_where=_CURRENT,
            sqlite_where=_CURRENT,
        )
        batch_op.create_index(
            "ix_battery_schedules_status_last_sent_at", ["status", "last_sent_at"]
        )
    op.create_table(
        "battery_slots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("schedule_id", sa.Integer(), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("start", sa.String(length=5), nullable=False),
        sa.Column("mode", _enum("slot_mode", "charge", "discharge", "idle"), nullable=False),
        sa.Column("rate_kw", sa.Float(), nullable=False),
        sa.Column("status", _enum("slot_status", "PENDING", "EXECUTED", "FAILED"), nullable=False),
        sa.Column("detail", sa.String(length=300), nullable=True),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=True),
        _fk("battery_slots", "schedule_id", "battery_schedules", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_battery_slots")),
        sa.UniqueConstraint("schedule_id", "slot", name=op.f("uq_battery_slots_schedule_id_slot")),
    )
    op.create_table(
        "battery_schedule_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("schedule_id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(length=40), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(length=300), nullable=True),
        _fk("battery_schedule_events", "schedule_id", "battery_schedules", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_battery_schedule_events")),
    )
    with op.batch_alter_table("battery_schedule_events", schema=None) as batch_op:
        batch_op.create_index("ix_battery_schedule_events_message_id_id", ["message_id", "id"])
    op.create_table(
        "schedule_fetches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("for_date", sa.Date(), nullable=False),
        sa.Column("state", _enum("fetch_state", "PENDING", "DONE", "REJECTED"), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=300), nullable=True),
        sa.Column("missing_alerted_at", sa.DateTime(timezone=True), nullable=True),
        _fk("schedule_fetches", "device_id", "devices", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedule_fetches")),
        sa.UniqueConstraint(
            "device_id", "for_date", name=op.f("uq_schedule_fetches_device_id_for_date")
        ),
    )


def downgrade() -> None:
    op.drop_table("schedule_fetches")
    with op.batch_alter_table("battery_schedule_events", schema=None) as batch_op:
        batch_op.drop_index("ix_battery_schedule_events_message_id_id")
    op.drop_table("battery_schedule_events")
    op.drop_table("battery_slots")
    with op.batch_alter_table("battery_schedules", schema=None) as batch_op:
        batch_op.drop_index("ix_battery_schedules_status_last_sent_at")
        batch_op.drop_index("uq_battery_schedules_current_device_id_for_date")
    op.drop_table("battery_schedules")
    with op.batch_alter_table("schedule_archive", schema=None) as batch_op:
        batch_op.drop_index("ix_schedule_archive_received_at")
        batch_op.drop_index("ix_schedule_archive_device_id_id")
    op.drop_table("schedule_archive")
    op.drop_table("battery_profiles")
