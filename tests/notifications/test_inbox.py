import pytest

from graphql_api.db import utcnow
from graphql_api.errors import DomainError
from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.errors import NotificationErrorCode
from graphql_api.notifications.models import NotificationKind
from graphql_api.notifications.service import NotificationOrder
from graphql_api.pagination import PageArgs
from tests.factories.accounts import create_user, viewer_of


def first(limit: int, after=None) -> PageArgs:
    return PageArgs(limit=limit, forward=True, cursor=after)


def last(limit: int, before=None) -> PageArgs:
    return PageArgs(limit=limit, forward=False, cursor=before)


@pytest.fixture
async def owner(session):
    return await create_user(session, prefix="inbox")


@pytest.fixture
async def stranger(session):
    return await create_user(session, prefix="stranger")


async def _inbox(session, user, count: int) -> list:
    sent = []
    for number in range(count):
        sent.append(
            await notifications_service.notify(
                session, recipient_id=user.id, kind=NotificationKind.COMMENT, text=f"n{number}"
            )
        )
    return sent


async def _ids(session, user, page, order=NotificationOrder.NEWEST_FIRST, unread_only=False):
    result, _ = await notifications_service.list_for_viewer(
        session, viewer_of(user), page, order, unread_only
    )
    return [notification.id for notification in result.items], result


class TestListForViewer:
    async def test_newest_first_shows_only_the_viewers_own(self, session, owner, stranger):
        # given
        mine = await _inbox(session, owner, 3)
        await _inbox(session, stranger, 2)

        # when
        ids, _ = await _ids(session, owner, first(10))

        # then
        assert ids == [n.id for n in reversed(mine)]

    async def test_unread_first_puts_unread_newest_first_before_read(self, session, owner):
        # given
        n0, n1, n2, n3 = await _inbox(session, owner, 4)
        await notifications_service.mark_read(
            session, viewer_of(owner), utcnow(), ids=[n3.id, n1.id]
        )

        # when
        ids, _ = await _ids(session, owner, first(10), NotificationOrder.UNREAD_FIRST)

        # then
        assert ids == [n2.id, n0.id, n3.id, n1.id]

    async def test_unread_first_pages_forward_and_back_without_gaps(self, session, owner):
        # given
        n0, n1, n2, n3, n4 = await _inbox(session, owner, 5)
        await notifications_service.mark_read(
            session, viewer_of(owner), utcnow(), ids=[n4.id, n2.id]
        )
        order = NotificationOrder.UNREAD_FIRST

        # when
        page1, result1 = await _ids(session, owner, first(2), order)
        page2, result2 = await _ids(session, owner, first(2, after=result1.keys[-1]), order)
        page3, result3 = await _ids(session, owner, first(2, after=result2.keys[-1]), order)
        back, result_back = await _ids(session, owner, last(2, before=result3.keys[0]), order)

        # then
        assert page1 + page2 + page3 == [n3.id, n1.id, n0.id, n4.id, n2.id]
        assert (result1.has_previous_page, result1.has_next_page) == (False, True)
        assert (result3.has_previous_page, result3.has_next_page) == (True, False)
        assert back == page2
        assert (result_back.has_previous_page, result_back.has_next_page) == (True, True)

    async def test_a_cursor_of_the_other_order_is_refused(self, session, owner):
        # given
        await _inbox(session, owner, 3)
        _, newest = await _ids(session, owner, first(1))

        # when
        with pytest.raises(DomainError) as raised:
            await _ids(
                session, owner, first(1, after=newest.keys[0]), NotificationOrder.UNREAD_FIRST
            )

        # then
        assert raised.value.field == ["after"]

    async def test_unread_only(self, session, owner):
        # given
        n0, n1 = await _inbox(session, owner, 2)
        await notifications_service.mark_read(session, viewer_of(owner), utcnow(), ids=[n1.id])

        # when
        ids, _ = await _ids(session, owner, first(10), unread_only=True)

        # then
        assert ids == [n0.id]


class TestMarkRead:
    async def test_marks_the_named_ones_and_counts_the_rest(self, session, owner):
        # given
        n0, n1, n2 = await _inbox(session, owner, 3)

        # when
        marked = await notifications_service.mark_read(
            session, viewer_of(owner), utcnow(), ids=[n0.id, n2.id]
        )

        # then
        assert [n.id for n in marked.notifications] == [n0.id, n2.id]
        assert all(n.read_at is not None for n in marked.notifications)
        assert marked.unread_count == 1

    async def test_marks_all(self, session, owner):
        # given
        await _inbox(session, owner, 3)

        # when
        marked = await notifications_service.mark_read(
            session, viewer_of(owner), utcnow(), every=True
        )

        # then
        assert marked.unread_count == 0

    async def test_reading_again_keeps_the_first_read_time(self, session, owner):
        # given
        [n0] = await _inbox(session, owner, 1)
        await notifications_service.mark_read(session, viewer_of(owner), utcnow(), ids=[n0.id])
        first_read = n0.read_at

        # when
        await notifications_service.mark_read(session, viewer_of(owner), utcnow(), ids=[n0.id])

        # then
        assert n0.read_at == first_read

    async def test_another_users_notification_is_not_found_and_nothing_is_marked(
        self, session, owner, stranger
    ):
        # given
        [mine] = await _inbox(session, owner, 1)
        [theirs] = await _inbox(session, stranger, 1)

        # when
        with pytest.raises(DomainError) as raised:
            await notifications_service.mark_read(
                session, viewer_of(owner), utcnow(), ids=[mine.id, theirs.id]
            )

        # then
        assert raised.value.code == NotificationErrorCode.NOTIFICATION_NOT_FOUND
        assert raised.value.field == ["ids", "1"]
        assert mine.read_at is None and theirs.read_at is None

    @pytest.mark.parametrize("selection", [{}, {"ids": [1], "every": True}, {"ids": []}])
    async def test_needs_ids_or_all(self, session, owner, selection):
        # when
        with pytest.raises(DomainError) as raised:
            await notifications_service.mark_read(session, viewer_of(owner), utcnow(), **selection)

        # then
        assert raised.value.code == NotificationErrorCode.NOTIFICATION_SELECTION_INVALID


class TestSetKindMuted:
    async def test_mutes_and_unmutes_idempotently(self, session, owner):
        # given
        viewer = viewer_of(owner)

        # when
        await notifications_service.set_kind_muted(session, viewer, NotificationKind.COMMENT, True)
        muted = await notifications_service.set_kind_muted(
            session, viewer, NotificationKind.COMMENT, True
        )
        unmuted = await notifications_service.set_kind_muted(
            session, viewer, NotificationKind.COMMENT, False
        )

        # then
        assert muted == [NotificationKind.COMMENT]
        assert unmuted == []

    async def test_a_muted_kind_is_not_delivered(self, session, owner):
        # given
        await notifications_service.set_kind_muted(
            session, viewer_of(owner), NotificationKind.REACTION, True
        )

        # when
        sent = await notifications_service.notify(
            session, recipient_id=owner.id, kind=NotificationKind.REACTION, text="Liked"
        )

        # then
        assert sent is None
        assert await notifications_service.unread_count(session, viewer_of(owner)) == 0
