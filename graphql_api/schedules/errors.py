import enum

from graphql_api.errors import NotFound, ValidationFailed


class ScheduleErrorCode(enum.StrEnum):
    SCHEDULE_NOT_FOUND = "SCHEDULE_NOT_FOUND"
    INVALID_SCHEDULE_TIME = "INVALID_SCHEDULE_TIME"
    INVALID_PORTION = "INVALID_PORTION"
    INVALID_DAYS_OF_WEEK = "INVALID_DAYS_OF_WEEK"
    INVALID_SCHEDULE_LABEL = "INVALID_SCHEDULE_LABEL"
    NOT_A_FEEDER = "NOT_A_FEEDER"
    TOO_MANY_SCHEDULES = "TOO_MANY_SCHEDULES"


class ScheduleNotFound(NotFound):
    default_code = ScheduleErrorCode.SCHEDULE_NOT_FOUND
    default_message = "Feeding schedule not found."


class InvalidScheduleTime(ValidationFailed):
    default_code = ScheduleErrorCode.INVALID_SCHEDULE_TIME
    default_message = "The time must be HH:MM in 24-hour form, 00:00 to 23:59."


class InvalidPortion(ValidationFailed):
    default_code = ScheduleErrorCode.INVALID_PORTION
    default_message = "A portion is 10 to 160 grams, in steps of 10."


class InvalidDaysOfWeek(ValidationFailed):
    default_code = ScheduleErrorCode.INVALID_DAYS_OF_WEEK
    default_message = "Days are Mon, Tue, Wed, Thu, Fri, Sat and Sun; give at least one."


class InvalidScheduleLabel(ValidationFailed):
    default_code = ScheduleErrorCode.INVALID_SCHEDULE_LABEL


class NotAFeeder(ValidationFailed):
    default_code = ScheduleErrorCode.NOT_A_FEEDER
    default_message = "Only feeders have feeding schedules."


class TooManySchedules(ValidationFailed):
    default_code = ScheduleErrorCode.TOO_MANY_SCHEDULES
