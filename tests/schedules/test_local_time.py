import datetime as dt
import zoneinfo

from graphql_api.schedules import local_time

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


class TestDaysMask:
    def test_names_in_any_case_make_a_mask(self):
        # given
        names = ["mon", "WED", "Sun"]
        # when
        mask = local_time.days_mask(names)
        # then
        assert local_time.day_names(mask) == ["Mon", "Wed", "Sun"]

    def test_an_unknown_name_is_refused(self):
        # given
        names = ["Mon", "Funday"]
        # when
        mask = local_time.days_mask(names)
        # then
        assert mask is None


class TestFormats:
    def test_hhmm_parses_24_hour_times_only(self):
        # given
        valid, invalid = ["00:00", "23:59", "08:05"], ["24:00", "8:00", "12:60", "noon", ""]
        # when
        parsed = [local_time.parse_hhmm(value) for value in valid + invalid]
        # then
        assert parsed == [dt.time(0, 0), dt.time(23, 59), dt.time(8, 5)] + [None] * 5

    def test_the_12_hour_clock_names_midnight_and_noon_12(self):
        # given
        moments = [dt.datetime(2026, 6, 1, hour, 5) for hour in (0, 8, 12, 23)]
        # when
        formatted = [local_time.format_clock_12h(moment) for moment in moments]
        # then
        assert formatted == ["12:05 AM", "08:05 AM", "12:05 PM", "11:05 PM"]


class TestDueLocalDate:
    def test_a_time_skipped_by_dst_happens_an_hour_later(self):
        # given: 2026-03-08 02:30 does not exist in New York; clocks go 02:00 -> 03:00 EDT
        now = dt.datetime(2026, 3, 8, 7, 30, tzinfo=dt.UTC)  # 03:30 EDT
        # when
        due = local_time.due_local_date(dt.time(2, 30), local_time.EVERY_DAY, now, NEW_YORK)
        # then
        assert due == dt.date(2026, 3, 8)

    def test_a_late_evening_time_is_still_due_after_midnight_on_its_own_day(self):
        # given: 23:59 on Monday only, polled at 00:01 Tuesday
        monday_only = local_time.days_mask(["Mon"])
        now = dt.datetime(2026, 6, 2, 4, 1, tzinfo=dt.UTC)  # Tue 00:01 EDT
        # when
        due = local_time.due_local_date(dt.time(23, 59), monday_only, now, NEW_YORK)
        # then
        assert due == dt.date(2026, 6, 1)


class TestUtcFlaw:
    def test_prefix_and_exact_rules(self):
        # given
        rules = local_time.parse_version_rules(" 1.x, 2.1.*,3.0.0 ")
        versions = ["1.0", "1.4.2", "2.1.7", "3.0.0", "3.0.1", "2.0", None]
        # when
        flawed = [local_time.has_utc_flaw(version, rules) for version in versions]
        # then
        assert flawed == [True, True, True, True, False, False, True]
