"""The development secret: generated once, kept in the data folder, so access tokens (and the
GraphiQL tab holding one) survive a restart of a development server.

Production never gets here: it refuses to start without ``PAWGRAPH_SECRET_KEY`` (settings.py).
"""

import logging
import os
import secrets
from functools import cache
from pathlib import Path

logger = logging.getLogger(__name__)

_SECRET_BYTES = 48
_OWNER_ONLY = 0o600


@cache
def load_or_create(path: Path) -> str:
    """The secret kept at ``path``, created (mode 600, with its folder) on first use.

    Cached per process: the file is read once, and its creation is logged once."""
    try:
        secret = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        secret = ""
    if secret:
        return secret
    secret = secrets.token_urlsafe(_SECRET_BYTES)
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL: two processes starting at once must not both write; the loser reads the winner's.
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _OWNER_ONLY)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(secret + "\n")
    logger.info(
        "Generated a development secret in %s (mode 600, kept for later runs, so logins "
        "survive restarts); PAWGRAPH_SECRET_KEY overrides it, and production requires it.",
        path,
    )
    return secret
