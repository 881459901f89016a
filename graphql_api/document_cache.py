"""Parsed and validated GraphQL documents, kept by their text (issue 13: validation was a quarter
of the dashboard request, parsing 3 %).

Whether a document validates depends on its text, the parse options (the token limit) and the
validation rules, and on nothing about the request: our rules (depth, aliases, introspection off
in production) are classes built once per schema from settings (``schema.py``). So the key is
``(text, parse options, rules)``; a request whose rules differed (a rule built per request) would
simply miss. Only documents that parsed *and* validated are kept, so an error is never served
from here and every refused document is refused by running the rules again.

Bounded two ways, so unique texts cannot grow the process: at most ``maxsize`` documents, least
recently used dropped first, and only texts up to :data:`MAX_CACHED_TEXT` characters (the apps'
operations are a few hundred; a parsed document keeps a token object per token, and
``graphql_max_tokens`` caps those). Documents are shared between requests; graphql-core never
changes a document it executes.
"""

from collections import OrderedDict
from collections.abc import Hashable, Iterator

from graphql import DocumentNode
from strawberry.extensions import SchemaExtension

MAX_CACHED_TEXT = 8192


class DocumentCache:
    """A bounded LRU of validated documents; one per schema, shared by its requests."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._documents: OrderedDict[Hashable, DocumentNode] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._documents)

    def get(self, key: Hashable) -> DocumentNode | None:
        document = self._documents.get(key)
        if document is None:
            self.misses += 1
            return None
        self.hits += 1
        self._documents.move_to_end(key)
        return document

    def put(self, key: Hashable, document: DocumentNode) -> None:
        self._documents[key] = document
        self._documents.move_to_end(key)
        while len(self._documents) > self.maxsize:
            self._documents.popitem(last=False)


class CachedDocuments(SchemaExtension):
    """Skips parsing and validation for a text that parsed and validated before under the same
    rules. A factory per request (``lambda: CachedDocuments(cache)``): it keeps the request's
    key on itself between its parse and validate hooks."""

    def __init__(self, cache: DocumentCache) -> None:
        self._cache = cache
        self._key: Hashable | None = None
        self._hit = False

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        text = context.query
        if text and context.graphql_document is None and len(text) <= MAX_CACHED_TEXT:
            # on_operation ran before: the rules every extension adds are in by now.
            options = tuple(sorted(context.parse_options.items()))
            self._key = (text, options, tuple(context.validation_rules))
            document = self._cache.get(self._key)
            if document is not None:
                context.graphql_document = document
                self._hit = True
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if self._hit:
            # Strawberry validates only while no errors were set: this document passed these
            # very rules already.
            context.pre_execution_errors = []
        yield
        if (
            not self._hit
            and self._key is not None
            and context.graphql_document is not None
            and context.pre_execution_errors == []
        ):
            self._cache.put(self._key, context.graphql_document)
