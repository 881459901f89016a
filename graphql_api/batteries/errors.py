import enum

from graphql_api.errors import Conflict, NotFound, ValidationFailed


class BatteryErrorCode(enum.StrEnum):
    BATTERY_NOT_FOUND = "BATTERY_NOT_FOUND"
    BATTERY_NOT_CONFIGURED = "BATTERY_NOT_CONFIGURED"
    INVALID_BATTERY_PROFILE = "INVALID_BATTERY_PROFILE"
    SCHEDULE_PROVIDER_NOT_SET = "SCHEDULE_PROVIDER_NOT_SET"


class BatteryNotFound(NotFound):
    default_code = BatteryErrorCode.BATTERY_NOT_FOUND
    default_message = "Battery not found."


class BatteryNotConfigured(Conflict):
    default_code = BatteryErrorCode.BATTERY_NOT_CONFIGURED
    default_message = "The battery has no rating, capacity and site time zone yet."


class InvalidBatteryProfile(ValidationFailed):
    default_code = BatteryErrorCode.INVALID_BATTERY_PROFILE


class ScheduleProviderNotSet(Conflict):
    default_code = BatteryErrorCode.SCHEDULE_PROVIDER_NOT_SET
    default_message = (
        "No schedule provider: set PAWGRAPH_SCHEDULE_PROVIDER_URL or the site's provider URL."
    )
