"""revoked tokens, users.tokens_revoked_at, pairing_requests.last_polled_at; claim attempts move
to the rate limiter

Revision ID: security_0001
Revises: firmware_0001
Create Date: 2026-12-04 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "security_0001"
down_revision: str | Sequence[str] | None = "firmware_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "revoked_tokens",
        sa.Column("token_id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_revoked_tokens_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token_id", name=op.f("pk_revoked_tokens")),
    )
    with op.batch_alter_table("revoked_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_revoked_tokens_user_id"), ["user_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_revoked_tokens_expires_at"), ["expires_at"], unique=False
        )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tokens_revoked_at", sa.DateTime(timezone=True)))
    with op.batch_alter_table("pairing_requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_polled_at", sa.DateTime(timezone=True)))
    with op.batch_alter_table("pairing_claim_attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_pairing_claim_attempts_user_id_attempted_at")
    op.drop_table("pairing_claim_attempts")


def downgrade() -> None:
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
    with op.batch_alter_table("pairing_requests", schema=None) as batch_op:
        batch_op.drop_column("last_polled_at")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("tokens_revoked_at")
    with op.batch_alter_table("revoked_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_revoked_tokens_expires_at"))
        batch_op.drop_index(batch_op.f("ix_revoked_tokens_user_id"))
    op.drop_table("revoked_tokens")
