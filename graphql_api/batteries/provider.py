"""One GET of a schedule provider's ``/tomorrow``, as it came back: status, headers and the raw
body, or why nothing came back. Retrying and archiving are the service's."""

import datetime as dt
from dataclasses import dataclass, field

import httpx

from graphql_api.db import utcnow


@dataclass(frozen=True, slots=True)
class RawResponse:
    url: str
    received_at: dt.datetime
    status_code: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    # Why no response came back (timeout, connection refused), when none did.
    error: str | None = None

    @property
    def retryable(self) -> bool:
        """Timeouts, refused connections and 5xx are worth another try; a 4xx or a body is not."""
        return self.status_code is None or self.status_code >= 500


@dataclass(frozen=True, slots=True)
class ProviderQuery:
    base_url: str
    device: str
    time_zone: str
    max_charge_kw: float
    max_discharge_kw: float
    capacity_kwh: float

    @property
    def url(self) -> str:
        return self.base_url.rstrip("/") + "/tomorrow"

    @property
    def params(self) -> dict[str, str]:
        return {
            "device": self.device,
            "timezone": self.time_zone,
            "max_charge_kw": f"{self.max_charge_kw:g}",
            "max_discharge_kw": f"{self.max_discharge_kw:g}",
            "capacity_kwh": f"{self.capacity_kwh:g}",
        }


async def get_tomorrow(query: ProviderQuery, timeout: float) -> RawResponse:
    request_url = str(httpx.URL(query.url, params=query.params))
    try:
        async with httpx.AsyncClient(timeout=timeout, follow_redirects=False) as client:
            response = await client.get(request_url)
    except httpx.TimeoutException:
        return RawResponse(request_url, utcnow(), error=f"timed out after {timeout:g} s")
    except httpx.HTTPError as error:
        return RawResponse(request_url, utcnow(), error=f"{type(error).__name__}: {error}"[:300])
    return RawResponse(
        request_url,
        utcnow(),
        status_code=response.status_code,
        headers=dict(response.headers),
        body=response.content,
    )
