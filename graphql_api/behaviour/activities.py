"""The activity classes every behaviour module speaks, free of any dependency."""

import enum


class Activity(enum.StrEnum):
    """What a pet is doing in a window or a timeline segment.

    Window classifiers answer REST, WALK, RUN or PLAY; SLEEP is never seen in a 2 s window, it is
    a long REST at night in the owner's local time, decided by the timeline."""

    REST = "REST"
    SLEEP = "SLEEP"
    WALK = "WALK"
    RUN = "RUN"
    PLAY = "PLAY"


# The classes a window classifier predicts, in a fixed order (confusion matrices, model outputs).
WINDOW_CLASSES: tuple[Activity, ...] = (Activity.REST, Activity.WALK, Activity.RUN, Activity.PLAY)
MOVING: frozenset[Activity] = frozenset({Activity.WALK, Activity.RUN, Activity.PLAY})
RESTING: frozenset[Activity] = frozenset({Activity.REST, Activity.SLEEP})
