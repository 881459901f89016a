import base64

import pytest

from graphql_api.errors import ValidationFailed
from graphql_api.pagination import PageArgs, decode_cursor, encode_cursor
from graphql_api.pets.repository import PetRepository
from tests.factories.accounts import create_user, viewer_of
from tests.factories.pets_db import create_pets

MAX = 100


def parse(**given) -> PageArgs:
    arguments = {"first": None, "after": None, "last": None, "before": None, **given}
    return PageArgs.parse(**arguments, max_page_size=MAX)


class TestPageArgs:
    def test_defaults_to_a_forward_page_from_the_start(self):
        assert parse() == PageArgs(limit=20, forward=True, cursor=None)

    def test_first_after_is_forward_from_the_cursor(self):
        assert parse(first=5, after=encode_cursor(42)) == PageArgs(limit=5, forward=True, cursor=42)

    def test_last_before_is_backward_from_the_cursor(self):
        assert parse(last=5, before=encode_cursor(42)) == PageArgs(
            limit=5, forward=False, cursor=42
        )

    def test_before_alone_is_backward(self):
        assert parse(before=encode_cursor(7)) == PageArgs(limit=20, forward=False, cursor=7)

    @pytest.mark.parametrize("size", [0, 1, MAX])
    def test_sizes_within_bounds_are_accepted(self, size):
        assert parse(first=size).limit == size
        assert parse(last=size).limit == size

    @pytest.mark.parametrize(
        ("given", "field"),
        [
            ({"first": 1, "last": 1}, "first"),
            ({"after": encode_cursor(1), "before": encode_cursor(2)}, "after"),
            ({"first": 1, "before": encode_cursor(2)}, "before"),
            ({"last": 1, "after": encode_cursor(2)}, "after"),
            ({"first": -1}, "first"),
            ({"last": -1}, "last"),
            ({"first": MAX + 1}, "first"),
            ({"last": MAX + 1}, "last"),
            ({"after": "not base64!"}, "after"),
            ({"after": base64.urlsafe_b64encode(b"offset:10").decode()}, "after"),
            ({"before": base64.urlsafe_b64encode(b"cursor:ten").decode()}, "before"),
            ({"before": "Y3Vyc29yOjE"}, "before"),  # truncated padding
        ],
    )
    def test_bad_arguments_are_refused_naming_the_argument(self, given, field):
        with pytest.raises(ValidationFailed) as raised:
            parse(**given)
        assert raised.value.field == [field]

    def test_cursors_round_trip_and_are_opaque(self):
        cursor = encode_cursor(1234)
        assert decode_cursor(cursor, "after") == 1234
        assert "1234" not in cursor


@pytest.fixture
async def five_pets(session):
    """An owner's five pets in id order, the repository and the list statement."""
    owner = await create_user(session)
    other = await create_user(session, prefix="other")
    pets = await create_pets(session, owner, 5)
    await create_pets(session, other, 2)  # interleaved rows of someone else never show up
    repository = PetRepository(session)
    return (
        [pet.id for pet in pets],
        repository,
        repository.list_statement(viewer_of(owner), owner.id),
    )


def page_args(limit: int, forward: bool, cursor: int | None) -> PageArgs:
    return PageArgs(limit=limit, forward=forward, cursor=cursor)


# (limit, forward, index of cursor pet or None, expected indexes, hasNext, hasPrevious)
CASES = [
    (2, True, None, [0, 1], True, False),
    (2, True, 1, [2, 3], True, True),
    (2, True, 2, [3, 4], False, True),
    (2, True, 3, [4], False, True),
    (2, True, 4, [], False, True),
    (5, True, None, [0, 1, 2, 3, 4], False, False),
    (9, True, None, [0, 1, 2, 3, 4], False, False),
    (0, True, None, [], True, False),
    (2, False, None, [3, 4], False, True),
    (2, False, 3, [1, 2], True, True),
    (2, False, 2, [0, 1], True, False),
    (2, False, 1, [0], True, False),
    (2, False, 0, [], True, False),
    (5, False, None, [0, 1, 2, 3, 4], False, False),
]


class TestPaginate:
    @pytest.mark.parametrize(
        ("limit", "forward", "cursor_at", "expected", "has_next", "has_previous"), CASES
    )
    async def test_pages_and_their_neighbours(
        self, five_pets, limit, forward, cursor_at, expected, has_next, has_previous
    ):
        # given
        ids, repository, statement = five_pets
        cursor = ids[cursor_at] if cursor_at is not None else None

        # when
        page = await repository.paginate(statement, page_args(limit, forward, cursor))

        # then
        assert [pet.id for pet in page.items] == [ids[index] for index in expected]
        assert page.keys == [ids[index] for index in expected]
        assert (page.has_next_page, page.has_previous_page) == (has_next, has_previous)

    async def test_newest_first_walks_the_other_way(self, five_pets):
        # given
        ids, repository, statement = five_pets

        # when
        first = await repository.paginate(statement, page_args(2, True, None), newest_first=True)
        second = await repository.paginate(
            statement, page_args(2, True, first.keys[-1]), newest_first=True
        )

        # then
        assert first.keys == [ids[4], ids[3]]
        assert second.keys == [ids[2], ids[1]]
        assert (second.has_next_page, second.has_previous_page) == (True, True)

    async def test_walking_forward_then_back_visits_every_row_once(self, five_pets):
        # given
        ids, repository, statement = five_pets
        seen: list[int] = []
        page = await repository.paginate(statement, page_args(2, True, None))

        # when
        while True:
            seen.extend(page.keys)
            if not page.has_next_page:
                break
            page = await repository.paginate(statement, page_args(2, True, page.keys[-1]))
        back = await repository.paginate(statement, page_args(2, False, page.keys[0]))

        # then
        assert seen == ids
        assert back.keys == ids[2:4]
        assert back.has_next_page is True
