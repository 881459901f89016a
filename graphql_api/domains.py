"""Every domain of pawgraph, listed once: adding a domain is adding its name here.

A name is a package under ``graphql_api/`` with the files AGENTS.md lists (a sub-domain such as
``marketplace.listings`` is a sub-package with the same files), and, when it has root fields, a
module or package of the same name under ``resolvers/``. The central modules find a domain's
parts by those names, in this order (which is also the order of fields in ``schema.graphql``):

* ``graphql_api.models`` imports every ``models`` module, so the mapper and Alembic see them;
* ``graphql_api.error_codes`` joins every ``errors`` module's ``<Domain>ErrorCode`` enum;
* ``graphql_api.loaders`` builds every ``loaders`` module's ``LOADERS`` per request;
* ``graphql_api.schema`` merges every ``resolvers.<domain>``'s ``*Queries``, ``*Mutations`` and
  ``*Subscriptions`` and registers every ``types`` module's Relay node types.
"""

import importlib
import pkgutil
from types import ModuleType

DOMAINS: tuple[str, ...] = (
    "accounts",
    "pets",
    "devices",
    "alerts",
    "notifications",
    "commands",
    "collars",
    "feeding",
    "telemetry",
    "outlets",
    "schedules",
    "pairing",
    "batteries",
    "behaviour",
    "marketplace",
    "moderation",
    "social",
    "jobs",
    "media",
    "outbox",
    "deliveries",
)


def _packages_of(domain: str) -> list[str]:
    """The domain's package and its sub-domain packages, parent first."""
    package = importlib.import_module(f"graphql_api.{domain}")
    nested = pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}.")
    return [package.__name__, *sorted(info.name for info in nested if info.ispkg)]


def _import_if_present(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as missing:
        if missing.name != name:  # the module exists but an import inside it failed
            raise
        return None


def domain_modules(part: str) -> list[ModuleType]:
    """Every domain's (and sub-domain's) ``part`` module, e.g. ``"models"``, in domain order."""
    found = (
        _import_if_present(f"{package}.{part}")
        for domain in DOMAINS
        for package in _packages_of(domain)
    )
    return [module for module in found if module is not None]


def resolver_modules() -> list[ModuleType]:
    """``resolvers.<domain>`` for every domain that has root fields."""
    found = (_import_if_present(f"resolvers.{domain}") for domain in DOMAINS)
    return [module for module in found if module is not None]
