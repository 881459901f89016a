import enum

from graphql_api.errors import ValidationFailed


class DeliveryErrorCode(enum.StrEnum):
    WEBHOOK_URL_INVALID = "WEBHOOK_URL_INVALID"


class WebhookUrlInvalid(ValidationFailed):
    default_code = DeliveryErrorCode.WEBHOOK_URL_INVALID
    default_message = "Give an absolute http(s) URL of at most 2000 characters."
