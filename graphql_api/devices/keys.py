"""Device API keys: issued once in plain text, stored only as a hash."""

import hashlib
import secrets

KEY_BYTES = 24  # 48 hex characters, the length PETio firmware stores


def generate_key() -> str:
    return secrets.token_hex(KEY_BYTES)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()
