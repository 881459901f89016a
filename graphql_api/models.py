"""Every domain's ORM models, imported so the mapper and Alembic see the whole schema.

The domains are listed once, in ``graphql_api.domains``.
"""

from graphql_api.db import Base
from graphql_api.domains import domain_modules

MODEL_MODULES = domain_modules("models")

__all__ = ["MODEL_MODULES", "Base"]
