"""Scalar parsing the schema overrides: input the database could not hold is refused while the
request is validated, as a GraphQL error, not later as a 500."""

import datetime as dt

import dateutil.parser
from strawberry.schema.types.base_scalars import isoformat, wrap_parser
from strawberry.types.scalar import ScalarDefinition


def _parse_datetime(value: str) -> dt.datetime:
    """An ISO 8601 time that exists in UTC too: ``9999-12-31T23:59:59-14:00`` is year 10000 in
    UTC and ``0001-01-01T00:00:00+14:00`` year 0, which Python cannot represent (OverflowError)
    and no column could store."""
    moment = dateutil.parser.isoparse(value)
    if moment.tzinfo is not None:
        moment.astimezone(dt.UTC)
    return moment


# Same name and description as Strawberry's own, so the exported schema does not change.
DateTimeDefinition = ScalarDefinition(
    name="DateTime",
    description="Date with time (isoformat)",
    specified_by_url=None,
    serialize=isoformat,
    parse_value=wrap_parser(_parse_datetime, "DateTime", exceptions=(ValueError, OverflowError)),
    parse_literal=None,
    origin=dt.datetime,
)

SCALAR_OVERRIDES = {dt.datetime: DateTimeDefinition}
