"""petty: behaviour segments, corrections, per-pet state, daily summaries, anomalies, applied
nutrition plans; pets.food_kcal_per_kg

Revision ID: petty_0002
Revises: petty_0001
Create Date: 2026-12-04 17:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "petty_0002"
down_revision: str | Sequence[str] | None = "petty_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "behaviour_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pet_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "predicted_activity",
            sa.Enum(
                "REST",
                "SLEEP",
                "WALK",
                "RUN",
                "PLAY",
                name="behaviour_activity",
                native_enum=False,
                length=8,
            ),
            nullable=False,
        ),
        sa.Column(
            "corrected_activity",
            sa.Enum(
                "REST",
                "SLEEP",
                "WALK",
                "RUN",
                "PLAY",
                name="behaviour_activity",
                native_enum=False,
                length=8,
            ),
            nullable=False,
        ),
        sa.Column("corrected_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["corrected_by"],
            ["users.id"],
            name=op.f("fk_behaviour_corrections_corrected_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["pet_id"],
            ["pets.id"],
            name=op.f("fk_behaviour_corrections_pet_id_pets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_behaviour_corrections")),
    )
    with op.batch_alter_table("behaviour_corrections", schema=None) as batch_op:
        batch_op.create_index(
            "ix_behaviour_corrections_pet_id_started_at", ["pet_id", "started_at"], unique=False
        )

    op.create_table(
        "behaviour_days",
        sa.Column("pet_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("minutes", sa.JSON(), nullable=False),
        sa.Column("active_minutes", sa.Float(), nullable=False),
        sa.Column("resting_heart_rate", sa.Float(), nullable=True),
        sa.Column("night_restlessness", sa.Float(), nullable=True),
        sa.Column("sleep_minutes", sa.Float(), nullable=False),
        sa.Column("sleep_onset_minutes", sa.Float(), nullable=True),
        sa.Column("covered_minutes", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["pet_id"], ["pets.id"], name=op.f("fk_behaviour_days_pet_id_pets"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pet_id", "day", name=op.f("pk_behaviour_days")),
    )
    op.create_table(
        "behaviour_segments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pet_id", sa.Integer(), nullable=False),
        sa.Column(
            "activity",
            sa.Enum(
                "REST",
                "SLEEP",
                "WALK",
                "RUN",
                "PLAY",
                name="behaviour_activity",
                native_enum=False,
                length=8,
            ),
            nullable=False,
        ),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("window_count", sa.Integer(), nullable=False),
        sa.Column(
            "source",
            sa.Enum(
                "PETTY_LEVEL",
                "ACCELERATION",
                name="behaviour_segment_source",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column(
            "corrected_activity",
            sa.Enum(
                "REST",
                "SLEEP",
                "WALK",
                "RUN",
                "PLAY",
                name="behaviour_activity",
                native_enum=False,
                length=8,
            ),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["pet_id"],
            ["pets.id"],
            name=op.f("fk_behaviour_segments_pet_id_pets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_behaviour_segments")),
    )
    with op.batch_alter_table("behaviour_segments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_behaviour_segments_pet_id_started_at", ["pet_id", "started_at"], unique=False
        )

    op.create_table(
        "behaviour_states",
        sa.Column("pet_id", sa.Integer(), nullable=False),
        sa.Column("last_reading_id", sa.BigInteger(), nullable=False),
        sa.Column("last_point_id", sa.BigInteger(), nullable=False),
        sa.Column("adaptation", sa.JSON(), nullable=False),
        sa.Column(
            "current_activity",
            sa.Enum(
                "REST",
                "SLEEP",
                "WALK",
                "RUN",
                "PLAY",
                name="behaviour_activity",
                native_enum=False,
                length=8,
            ),
            nullable=True,
        ),
        sa.Column("analysed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["pet_id"],
            ["pets.id"],
            name=op.f("fk_behaviour_states_pet_id_pets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pet_id", name=op.f("pk_behaviour_states")),
    )
    op.create_table(
        "nutrition_plan_applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pet_id", sa.Integer(), nullable=False),
        sa.Column("feeder_id", sa.Integer(), nullable=False),
        sa.Column("applied_by", sa.Integer(), nullable=True),
        sa.Column("target_grams_per_day", sa.Float(), nullable=False),
        sa.Column("kcal_per_day", sa.Float(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["applied_by"],
            ["users.id"],
            name=op.f("fk_nutrition_plan_applications_applied_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["feeder_id"],
            ["devices.id"],
            name=op.f("fk_nutrition_plan_applications_feeder_id_devices"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pet_id"],
            ["pets.id"],
            name=op.f("fk_nutrition_plan_applications_pet_id_pets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nutrition_plan_applications")),
    )
    with op.batch_alter_table("nutrition_plan_applications", schema=None) as batch_op:
        batch_op.create_index(
            "ix_nutrition_plan_applications_pet_id_id", ["pet_id", "id"], unique=False
        )

    op.create_table(
        "behaviour_anomalies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pet_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("metric", sa.String(length=24), nullable=False),
        sa.Column("method", sa.String(length=12), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("baseline_median", sa.Float(), nullable=False),
        sa.Column("baseline_days", sa.Integer(), nullable=False),
        sa.Column("change", sa.Float(), nullable=False),
        sa.Column("change_percent", sa.Float(), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("message", sa.String(length=300), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["alert_id"],
            ["alerts.id"],
            name=op.f("fk_behaviour_anomalies_alert_id_alerts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["pet_id"],
            ["pets.id"],
            name=op.f("fk_behaviour_anomalies_pet_id_pets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_behaviour_anomalies")),
        sa.UniqueConstraint(
            "pet_id", "day", "metric", name=op.f("uq_behaviour_anomalies_pet_id_day_metric")
        ),
    )
    with op.batch_alter_table("pets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("food_kcal_per_kg", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pets", schema=None) as batch_op:
        batch_op.drop_column("food_kcal_per_kg")

    op.drop_table("behaviour_anomalies")
    with op.batch_alter_table("nutrition_plan_applications", schema=None) as batch_op:
        batch_op.drop_index("ix_nutrition_plan_applications_pet_id_id")

    op.drop_table("nutrition_plan_applications")
    op.drop_table("behaviour_states")
    with op.batch_alter_table("behaviour_segments", schema=None) as batch_op:
        batch_op.drop_index("ix_behaviour_segments_pet_id_started_at")

    op.drop_table("behaviour_segments")
    op.drop_table("behaviour_days")
    with op.batch_alter_table("behaviour_corrections", schema=None) as batch_op:
        batch_op.drop_index("ix_behaviour_corrections_pet_id_started_at")

    op.drop_table("behaviour_corrections")
