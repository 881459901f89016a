"""commands: what confirms each one (confirmation), and DELIVERED for those nothing can

Revision ID: firmware_0001
Revises: 0010
Create Date: 2026-12-04 17:00:00

Existing commands get the rule they would get today: relays OBSERVED_STATE, other outlet
commands DELIVERY, the rest DEVICE_ACK. Outlet commands left in SENT (the hub fetched them and
nothing could ever say more) become DELIVERED, their final state.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "firmware_0001"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CONFIRMATIONS = ("OBSERVED_STATE", "DEVICE_ACK", "DELIVERY")
_OUTLETS = "(SELECT id FROM devices WHERE kind = 'OUTLET')"


def _confirmation() -> sa.Enum:
    return sa.Enum(*_CONFIRMATIONS, name="command_confirmation", native_enum=False, length=16)


def upgrade() -> None:
    with op.batch_alter_table("commands") as batch_op:
        batch_op.add_column(sa.Column("confirmation", _confirmation(), nullable=True))
    op.execute(
        "UPDATE commands SET confirmation = 'OBSERVED_STATE' "
        "WHERE kind IN ('RELAY_ON', 'RELAY_OFF')"
    )
    op.execute(
        "UPDATE commands SET confirmation = 'DELIVERY' "
        f"WHERE confirmation IS NULL AND device_id IN {_OUTLETS}"
    )
    op.execute("UPDATE commands SET confirmation = 'DEVICE_ACK' WHERE confirmation IS NULL")
    op.execute(
        "UPDATE commands SET status = 'DELIVERED', finished_at = sent_at "
        "WHERE confirmation = 'DELIVERY' AND status = 'SENT'"
    )
    with op.batch_alter_table("commands") as batch_op:
        batch_op.alter_column("confirmation", existing_type=_confirmation(), nullable=False)


def downgrade() -> None:
    op.execute("UPDATE commands SET status = 'SENT', finished_at = NULL WHERE status = 'DELIVERED'")
    with op.batch_alter_table("commands") as batch_op:
        batch_op.drop_column("confirmation")
