from collections.abc import Sequence

from sqlalchemy import ColumnElement, Select, bindparam, func, select, true

from graphql_api.auth import Viewer
from graphql_api.repository import RepositoryBase, ScopedStatement
from graphql_api.social import audience
from graphql_api.social.comments.models import Comment
from graphql_api.social.posts.models import Post


def _comment_visible(viewer: Viewer) -> ColumnElement[bool]:
    """Besides its post being visible: not removed, and not by someone in a block with the
    viewer (staff see all)."""
    if viewer.is_staff:
        return true()
    return Comment.removed_at.is_(None) & audience.not_blocked(viewer, Comment.author_id)


def _comment_counts(viewer: Viewer) -> Select[tuple[int, int]]:
    """Comments per post (``post_ids``, a bind parameter) that ``viewer`` may see."""
    return (
        select(Comment.post_id, func.count())
        .where(Comment.post_id.in_(bindparam("post_ids", expanding=True)), _comment_visible(viewer))
        .group_by(Comment.post_id)
    )


class CommentRepository(RepositoryBase[Comment]):
    model = Comment

    def readable_statement(self, viewer: Viewer) -> Select[tuple[Comment]]:
        return (
            select(Comment)
            .join(Post, Post.id == Comment.post_id)
            .where(audience.post_visible(viewer), _comment_visible(viewer))
        )

    async def get_readable(self, viewer: Viewer, comment_id: int) -> Comment | None:
        statement = self.readable_statement(viewer).where(Comment.id == comment_id)
        return await self.get_one_or_none(statement)

    async def get_readable_by_ids(self, viewer: Viewer, ids: Sequence[int]) -> list[Comment | None]:
        statement = self.readable_statement(viewer).where(Comment.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda comment: comment.id)

    async def get_by_id(self, comment_id: int) -> Comment | None:
        return await self.get_one_or_none(select(Comment).where(Comment.id == comment_id))

    def for_post_statement(self, viewer: Viewer, post_id: int) -> ScopedStatement:
        """The post's comments the viewer may see: built once per role (its visibility rules
        cost more to build than to run)."""
        return ScopedStatement(
            "comments-of-post", viewer, self._of_post, values={"post_id": post_id}
        )

    def _of_post(self, viewer: Viewer) -> Select[tuple[Comment]]:
        return self.readable_statement(viewer).where(Comment.post_id == bindparam("post_id"))

    async def counts_by_post_ids(self, viewer: Viewer, post_ids: Sequence[int]) -> list[int]:
        """Comments the viewer may see, per post (the posts themselves are checked by callers,
        which only hold posts the viewer may see); built once per role (a feed page asks on
        every request)."""
        counted = ScopedStatement("comment-counts", viewer, _comment_counts)
        counts = dict(await self.scoped_rows(counted, {"post_ids": list(post_ids)}))
        return [counts.get(post_id, 0) for post_id in post_ids]
