"""Persisted documents: trusted documents (a manifest of the operations the apps ship, sent by
hash) and Apollo's automatic persisted queries (APQ) for other clients.

A request names its document in ``extensions.persistedQuery`` (``{"version": 1,
"sha256Hash": "<hex>"}``), with or without ``query``:

- the hash alone runs the manifest's document, or one this process registered before (APQ);
  an unknown one gets ``PERSISTED_QUERY_NOT_FOUND`` and an APQ client sends it again with the
  query, which registers it (after its sha256 is checked: a mismatch is
  ``PERSISTED_QUERY_HASH_MISMATCH``);
- in trusted-documents mode (``PAWGRAPH_TRUSTED_DOCUMENTS_ONLY``) only the manifest's hashes
  run: an unknown hash is ``UNKNOWN_TRUSTED_DOCUMENT``, a query without a hash
  ``TRUSTED_DOCUMENT_REQUIRED``. Over websockets, whose subscribe message carries no
  extensions, the query itself is the proof: exactly a manifest document, or refused.

Every refusal is a GraphQL error with ``extensions.code`` (and Apollo's message for the two
codes its clients read), never an HTTP error. It runs as the schema's first extension, so
websocket operations get the same rules.
"""

import hashlib
import json
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from graphql import GraphQLError, parse
from strawberry.extensions import SchemaExtension

NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
NOT_SUPPORTED = "PERSISTED_QUERY_NOT_SUPPORTED"
HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH"
INVALID = "PERSISTED_QUERY_INVALID"
UNKNOWN_TRUSTED = "UNKNOWN_TRUSTED_DOCUMENT"
TRUSTED_REQUIRED = "TRUSTED_DOCUMENT_REQUIRED"


def _refuse(code: str, message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code})


def sha256_hex(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def load_manifest(path: Path) -> dict[str, str]:
    """``{sha256: document}`` from a manifest file; every key must be its document's hash."""
    manifest = json.loads(path.read_text())
    if not isinstance(manifest, dict):
        raise ValueError(f"{path}: a persisted-documents manifest is a JSON object")
    for key, document in manifest.items():
        if not isinstance(document, str) or sha256_hex(document) != key.lower():
            raise ValueError(f"{path}: {key} is not the sha256 of its document")
    return {key.lower(): document for key, document in manifest.items()}


class PersistedDocuments:
    """The manifest, the APQ registry of this process (least recently used out first), and
    the rule that picks a request's document."""

    def __init__(self, manifest: dict[str, str], *, trusted_only: bool, cache_size: int) -> None:
        self.manifest = manifest
        self.trusted_only = trusted_only
        self.cache_size = cache_size
        self._registered: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def _lookup(self, sha: str) -> str | None:
        if sha in self.manifest:
            return self.manifest[sha]
        if self.trusted_only:
            return None
        with self._lock:
            document = self._registered.get(sha)
            if document is not None:
                self._registered.move_to_end(sha)
            return document

    def _register(self, sha: str, document: str) -> None:
        if self.cache_size == 0 or sha in self.manifest:
            return
        with self._lock:
            self._registered[sha] = document
            self._registered.move_to_end(sha)
            while len(self._registered) > self.cache_size:
                self._registered.popitem(last=False)

    def document(
        self, query: str | None, extensions: dict[str, Any] | None, *, websocket: bool = False
    ) -> str | None:
        """The document to run; raises GraphQLError (with ``extensions.code``) to refuse."""
        persisted = (extensions or {}).get("persistedQuery")
        if persisted is None:
            trusted_text = websocket and query is not None and sha256_hex(query) in self.manifest
            if self.trusted_only and query is not None and not trusted_text:
                raise _refuse(
                    TRUSTED_REQUIRED,
                    "This server runs only trusted documents: send "
                    "extensions.persistedQuery.sha256Hash of a shipped operation, not a query.",
                )
            return query
        sha = persisted.get("sha256Hash") if isinstance(persisted, dict) else None
        if not isinstance(sha, str) or persisted.get("version", 1) != 1:
            raise _refuse(
                INVALID,
                "extensions.persistedQuery must be {version: 1, sha256Hash: <hex sha256>}.",
            )
        sha = sha.lower()
        if query is not None:
            if sha256_hex(query) != sha:
                raise _refuse(HASH_MISMATCH, "provided sha does not match query")
            if self.trusted_only and sha not in self.manifest:
                raise _refuse(UNKNOWN_TRUSTED, "Not a trusted document of this server.")
            self._register(sha, query)
            return query
        document = self._lookup(sha)
        if document is not None:
            return document
        if self.trusted_only:
            raise _refuse(UNKNOWN_TRUSTED, "Not a trusted document of this server.")
        if self.cache_size == 0:
            raise _refuse(NOT_SUPPORTED, "PersistedQueryNotSupported")
        raise _refuse(NOT_FOUND, "PersistedQueryNotFound")


# What a refused request "runs": Strawberry neither parses nor validates a document an extension
# put in place with its errors, and answers those errors (over HTTP and websockets alike; an
# exception raised here would end a websocket operation without an answer).
_REFUSED = parse("query { __typename }")


class PersistedQueries(SchemaExtension):
    """Puts the request's document in place before anything parses it, or refuses it."""

    def __init__(self, documents: PersistedDocuments) -> None:
        self.documents = documents

    def on_operation(self) -> None:  # type: ignore[override]
        # A plain function, not a generator: nothing is left to do once the operation runs,
        # and a subscription would keep a generator suspended for as long as it lives.
        context = self.execution_context
        websocket = bool(getattr(context.context, "is_websocket", False))
        try:
            context.query = self.documents.document(
                context.query, context.operation_extensions, websocket=websocket
            )
        except GraphQLError as refusal:
            context.graphql_document = _REFUSED
            context.pre_execution_errors = [refusal]
