"""Input rules the social sub-packages share: bounded text and http(s) URLs."""

from collections.abc import Sequence
from urllib.parse import urlsplit

from graphql_api.errors import ValidationFailed
from graphql_api.social.errors import SocialErrorCode

MAX_URL = 2048


class InvalidUrl(ValidationFailed):
    default_code = SocialErrorCode.INVALID_URL
    default_message = "Not an http(s) URL."


def bounded_text(
    value: str | None,
    field: str | Sequence[str],
    maximum: int,
    error: type[ValidationFailed],
    *,
    required: bool,
) -> str | None:
    """``value`` stripped; empty becomes None, which ``required`` refuses."""
    text = (value or "").strip()
    name = field if isinstance(field, str) else field[-1]
    if not text:
        if required:
            raise error(f"`{name}` cannot be empty.", field=field)
        return None
    if len(text) > maximum:
        raise error(f"`{name}` must have at most {maximum} characters.", field=field)
    return text


def http_url(value: str, field: str | Sequence[str]) -> str:
    """An absolute http(s) URL with a host, at most ``MAX_URL`` characters."""
    url = value.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > MAX_URL:
        raise InvalidUrl(f"Must be an http(s) URL of at most {MAX_URL} characters.", field=field)
    return url
