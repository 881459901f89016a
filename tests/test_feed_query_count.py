"""No N+1 in the feed: a page of 50 posts with their authors, tagged pets, reaction counts and
the viewer's own reaction runs the same SQL statements as a page of 5.

Counted with a ``before_cursor_execute`` listener on the engine (Saleor's ``count_queries``).
"""

import pytest

from graphql_api.social.reactions.models import ReactionKind
from tests.factories.accounts import create_user, viewer_of
from tests.factories.pets_db import create_pet
from tests.factories.social import create_post, follow, react
from tests.support.database import counting_statements

FEED = """
query Feed($first: Int!) {
  feed(first: $first) {
    edges {
      node {
        id text visibility createdAt
        author { displayName avatarUrl isPrivate viewerFollowStatus followerCount }
        photos { url position }
        taggedPets { name species }
        reactionCounts { kind count }
        reactionCount
        viewerReaction
        commentCount
      }
    }
  }
}
"""


async def reader_with_feed(session, post_count: int):
    """A reader following two authors whose posts (photos, tagged pets) they reacted to."""
    reader = await create_user(session, prefix="reader")
    authors = [await create_user(session, prefix=f"author{index}") for index in range(2)]
    pets = [await create_pet(session, author, name=f"Pet of {author.id}") for author in authors]
    for author in authors:
        await follow(session, reader, author)
    for index in range(post_count):
        author, pet = authors[index % 2], pets[index % 2]
        post = await create_post(
            session,
            author,
            f"post {index}",
            photo_urls=[f"https://img.example/{index}.jpg"],
            pets=[pet],
        )
        await react(session, reader, post, ReactionKind.LOVE)
        await react(session, author, post, ReactionKind.LIKE)
    return reader


async def statements_for_feed(schema, make_context, engine, reader, first: int) -> int:
    with counting_statements(engine) as statements:
        result = await schema.execute(
            FEED, variable_values={"first": first}, context_value=make_context(viewer_of(reader))
        )
    assert result.errors is None, result.errors
    edges = result.data["feed"]["edges"]
    assert len(edges) == first
    assert all(edge["node"]["viewerReaction"] == "LOVE" for edge in edges)
    assert all(edge["node"]["reactionCount"] == 2 for edge in edges)
    assert all(len(edge["node"]["taggedPets"]) == 1 for edge in edges)
    return len(statements)


class TestFeedStatementCount:
    @pytest.mark.parametrize(("small", "large"), [(5, 50)])
    async def test_statement_count_does_not_grow_with_the_page(
        self, schema, make_context, session, engine, small, large
    ):
        # given
        few = await reader_with_feed(session, small)
        many = await reader_with_feed(session, large)

        # when
        for_few = await statements_for_feed(schema, make_context, engine, few, small)
        for_many = await statements_for_feed(schema, make_context, engine, many, large)

        # then
        assert for_few == for_many
        # page, authors, relationships (follows + blocks), follower counts, photos, tagged pets,
        # reaction counts, the viewer's reactions, comment counts
        assert for_many <= 10
