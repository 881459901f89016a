"""Prices: exact decimals in an ISO 4217 currency, and the text and URL rules listings share."""

from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from graphql_api.marketplace.listings.errors import InvalidCurrency, InvalidPhotoUrl, InvalidPrice

# Active ISO 4217 codes (2024), without funds and precious-metal codes.
ISO_4217 = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
    BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
    GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR
    KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK
    MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR
    SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS
    UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
    """.split()
)
# Currencies without minor units: a price of 10.50 JPY does not exist.
ZERO_DECIMAL = frozenset("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF".split())
MAX_PRICE = Decimal("1000000000")
CENT = Decimal("0.01")
MAX_PHOTOS = 10
MAX_URL = 2048


def validate_currency(currency: str, field: str = "currency") -> str:
    code = currency.strip().upper()
    if code not in ISO_4217:
        raise InvalidCurrency(field=field)
    return code


def validate_price(price: Decimal, currency: str, field: str = "price") -> Decimal:
    """A positive amount with at most 2 decimals (none for zero-decimal currencies)."""
    try:
        if not price.is_finite() or price <= 0:
            raise InvalidPrice("The price must be a positive amount.", field=field)
        if price > MAX_PRICE:
            raise InvalidPrice(f"The price must be at most {MAX_PRICE}.", field=field)
        exponent = price.normalize().as_tuple().exponent
    except InvalidOperation as exc:
        raise InvalidPrice("The price is not a number.", field=field) from exc
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    allowed = 0 if currency in ZERO_DECIMAL else 2
    if decimals > allowed:
        raise InvalidPrice(
            f"A price in {currency} has at most {allowed} decimal places.", field=field
        )
    return price.quantize(CENT)


def bounded_text(
    value: str | None, field: str, maximum: int, error: type[Exception], *, required: bool
) -> str | None:
    """``value`` stripped; empty becomes None, which ``required`` refuses."""
    text = (value or "").strip()
    if not text:
        if required:
            raise error(f"`{field}` cannot be empty.", field=field)
        return None
    if len(text) > maximum:
        raise error(f"`{field}` must have at most {maximum} characters.", field=field)
    return text


def validate_photo_urls(urls: list[str], field: str = "photos") -> list[str]:
    """http(s) URLs with a host, at most ``MAX_PHOTOS``; their order is the display order."""
    if len(urls) > MAX_PHOTOS:
        raise InvalidPhotoUrl(f"A listing has at most {MAX_PHOTOS} photos.", field=field)
    cleaned = []
    for index, url in enumerate(urls):
        url = url.strip()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > MAX_URL:
            raise InvalidPhotoUrl(
                f"Photo {index + 1} is not an http(s) URL of at most {MAX_URL} characters.",
                field=[field, str(index)],
            )
        cleaned.append(url)
    return cleaned
