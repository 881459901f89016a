import datetime as dt
import json

from graphql_api.batteries.provider_demo import tariff_schedule
from graphql_api.batteries.validation import Rating, Reason, validate

DATE = dt.date(2026, 12, 5)
RATING = Rating(max_charge_kw=5.0, max_discharge_kw=4.0)


def body(intervals=None, date=DATE.isoformat(), **extra) -> bytes:
    document = {
        "date": date,
        "timezone": "Asia/Manila",
        "intervals": tariff_schedule(DATE, 5.0, 4.0, 10.0) if intervals is None else intervals,
        **extra,
    }
    return json.dumps(document).encode()


class TestValidate:
    def test_the_reference_providers_schedule_is_valid(self):
        # when
        intervals, reasons = validate(body(), DATE, "Asia/Manila", RATING)

        # then
        assert reasons == []
        assert [interval.slot for interval in intervals] == list(range(48))
        assert intervals[47].start == "23:30"

    def test_every_broken_rule_is_reported_with_its_slot(self):
        # given
        intervals = tariff_schedule(DATE, 5.0, 4.0, 10.0)
        intervals[2] = {"start": "01:00", "mode": "charge", "rate_kw": 7}
        intervals[40] = {"start": "20:00", "mode": "discharge", "rate_kw": 4.5}
        intervals[5] = {"start": "02:30", "mode": "idle", "rate_kw": 0.5}
        intervals[6] = {"start": "03:00", "mode": "boost", "rate_kw": 1}
        intervals[7] = {"start": "03:30", "mode": "charge", "rate_kw": -1}

        # when
        found, reasons = validate(body(intervals), DATE, "Asia/Manila", RATING)

        # then
        assert found is None
        assert [reason.slot for reason in reasons] == [2, 5, 6, 7, 40]

    def test_a_gap_names_the_slots_out_of_place(self):
        # given
        intervals = tariff_schedule(DATE, 5.0, 4.0, 10.0)
        del intervals[10]

        # when
        _, reasons = validate(body(intervals), DATE, "Asia/Manila", RATING)

        # then
        assert reasons[0] == Reason(None, "47 intervals, expected 48")
        assert reasons[1].slot == 10
        assert "expected '05:00'" in reasons[1].reason

    def test_the_date_must_be_tomorrow_in_the_sites_zone(self):
        # when
        _, reasons = validate(body(date="2026-12-04"), DATE, "Asia/Manila", RATING)

        # then
        assert reasons == [
            Reason(None, "date '2026-12-04' is not tomorrow (2026-12-05) in Asia/Manila")
        ]

    def test_not_json_is_rejected(self):
        # when
        _, reasons = validate(b"<html>", DATE, "Asia/Manila", RATING)

        # then
        assert len(reasons) == 1
        assert reasons[0].reason.startswith("body is not JSON")
