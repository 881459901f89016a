import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.collars.readings.models import CollarReading as CollarReadingModel
from graphql_api.collars.readings.service import ACTIVITY_LEVELS, TrackPage
from graphql_api.relay import Connection


@strawberry.type(description="A point on the globe (WGS 84), as a collar reported it.")
class Position:
    longitude: float = strawberry.field(description="Degrees east, -180 to 180 (6 places).")
    latitude: float = strawberry.field(description="Degrees north, -90 to 90 (6 places).")


@strawberry.type(description="What a Petty collar measured at one moment.")
class CollarReading:
    measured_at: dt.datetime = strawberry.field(
        description="When the collar measured it, by its own clock (UTC)."
    )
    received_at: dt.datetime = strawberry.field(description="When pawgraph received it.")
    heart_rate: int = strawberry.field(description="Heart rate, beats per minute.")
    activity_level: int = strawberry.field(
        description="The collar's own activity level: 0 rest, 1 active, 2 play."
    )
    activity_label: str = strawberry.field(description="The activity level's name.")
    position: Position = strawberry.field(description="Where the collar was.")

    @classmethod
    def from_model(cls, reading: CollarReadingModel) -> "CollarReading":
        return cls(
            measured_at=reading.measured_at,
            received_at=reading.received_at,
            heart_rate=reading.heart_rate,
            activity_level=reading.activity_level,
            activity_label=ACTIVITY_LEVELS.get(reading.activity_level, "unknown"),
            position=Position(longitude=reading.longitude, latitude=reading.latitude),
        )


def track_connection(page: TrackPage) -> Connection[CollarReading]:
    edges = [
        relay.Edge(cursor=cursor, node=CollarReading.from_model(reading))
        for cursor, reading in zip(page.cursors, page.readings, strict=True)
    ]
    page_info = relay.PageInfo(
        has_next_page=page.has_next_page,
        has_previous_page=page.has_previous_page,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=page_info, count_total=page.count_total)
