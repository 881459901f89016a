"""social: profiles, follows, blocks, posts with photos and tagged pets, comments, reactions

Revision ID: 0008
Revises: 0001
Create Date: 2026-11-23 18:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _user_fk(column: str, table: str, ondelete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["users.id"], name=op.f(f"fk_{table}_{column}_users"), ondelete=ondelete
    )


def _post_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["post_id"],
        ["social_posts.id"],
        name=op.f(f"fk_{table}_post_id_social_posts"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "social_profiles",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("bio", sa.String(length=500), nullable=True),
        sa.Column("avatar_url", sa.String(length=2048), nullable=True),
        sa.Column("is_private", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _user_fk("user_id", "social_profiles"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_social_profiles")),
    )
    op.create_table(
        "social_follows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("follower_id", sa.Integer(), nullable=False),
        sa.Column("followee_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("PENDING", "APPROVED", name="follow_status", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        _user_fk("follower_id", "social_follows"),
        _user_fk("followee_id", "social_follows"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_social_follows")),
        sa.UniqueConstraint(
            "follower_id", "followee_id", name=op.f("uq_social_follows_follower_id_followee_id")
        ),
    )
    with op.batch_alter_table("social_follows", schema=None) as batch_op:
        batch_op.create_index(
            "ix_social_follows_followee_id_status", ["followee_id", "status"], unique=False
        )

    op.create_table(
        "social_blocks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("blocker_id", sa.Integer(), nullable=False),
        sa.Column("blocked_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _user_fk("blocker_id", "social_blocks"),
        _user_fk("blocked_id", "social_blocks"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_social_blocks")),
        sa.UniqueConstraint(
            "blocker_id", "blocked_id", name=op.f("uq_social_blocks_blocker_id_blocked_id")
        ),
    )
    with op.batch_alter_table("social_blocks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_social_blocks_blocked_id"), ["blocked_id"], unique=False
        )

    op.create_table(
        "social_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "PUBLIC",
                "FOLLOWERS",
                "PRIVATE",
                name="post_visibility",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("removed_by_id", sa.Integer(), nullable=True),
        _user_fk("author_id", "social_posts"),
        _user_fk("removed_by_id", "social_posts", ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_social_posts")),
    )
    with op.batch_alter_table("social_posts", schema=None) as batch_op:
        batch_op.create_index("ix_social_posts_author_id_id", ["author_id", "id"], unique=False)

    op.create_table(
        "social_post_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=False),
        _post_fk("social_post_photos"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_social_post_photos")),
        sa.UniqueConstraint(
            "post_id", "position", name=op.f("uq_social_post_photos_post_id_position")
        ),
    )
    op.create_table(
        "social_post_pets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("pet_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pet_id"],
            ["pets.id"],
            name=op.f("fk_social_post_pets_pet_id_pets"),
            ondelete="CASCADE",
        ),
        _post_fk("social_post_pets"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_social_post_pets")),
        sa.UniqueConstraint("post_id", "pet_id", name=op.f("uq_social_post_pets_post_id_pet_id")),
    )
    with op.batch_alter_table("social_post_pets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_social_post_pets_pet_id"), ["pet_id"], unique=False)

    op.create_table(
        "social_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=2000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("removed_by_id", sa.Integer(), nullable=True),
        _user_fk("author_id", "social_comments"),
        _user_fk("removed_by_id", "social_comments", ondelete="SET NULL"),
        _post_fk("social_comments"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_social_comments")),
    )
    with op.batch_alter_table("social_comments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_social_comments_author_id"), ["author_id"], unique=False
        )
        batch_op.create_index("ix_social_comments_post_id_id", ["post_id", "id"], unique=False)

    op.create_table(
        "social_reactions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "LIKE",
                "LOVE",
                "HAHA",
                "WOW",
                "SAD",
                name="reaction_kind",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _user_fk("user_id", "social_reactions"),
        _post_fk("social_reactions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_social_reactions")),
        sa.UniqueConstraint("post_id", "user_id", name=op.f("uq_social_reactions_post_id_user_id")),
    )
    with op.batch_alter_table("social_reactions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_social_reactions_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    for table, indexes in (
        ("social_reactions", ["ix_social_reactions_user_id"]),
        ("social_comments", ["ix_social_comments_post_id_id", "ix_social_comments_author_id"]),
        ("social_post_pets", ["ix_social_post_pets_pet_id"]),
        ("social_post_photos", []),
        ("social_posts", ["ix_social_posts_author_id_id"]),
        ("social_blocks", ["ix_social_blocks_blocked_id"]),
        ("social_follows", ["ix_social_follows_followee_id_status"]),
        ("social_profiles", []),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for index in indexes:
                batch_op.drop_index(index)
        op.drop_table(table)
