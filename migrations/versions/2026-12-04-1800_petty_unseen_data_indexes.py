"""petty: indexes for the behaviour job's "unseen data since id N" probes

Revision ID: petty_0003
Revises: petty_0002
Create Date: 2026-12-04 18:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "petty_0003"
down_revision: str | Sequence[str] | None = "petty_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("collar_readings", schema=None) as batch_op:
        batch_op.create_index("ix_collar_readings_device_id_id", ["device_id", "id"], unique=False)
    with op.batch_alter_table("telemetry_points", schema=None) as batch_op:
        batch_op.create_index(
            "ix_telemetry_points_device_id_key_id", ["device_id", "key", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("telemetry_points", schema=None) as batch_op:
        batch_op.drop_index("ix_telemetry_points_device_id_key_id")
    with op.batch_alter_table("collar_readings", schema=None) as batch_op:
        batch_op.drop_index("ix_collar_readings_device_id_id")
