"""The schema: every domain's root fields merged, with the limits and error masking we run with."""

import contextlib
import enum
import functools
import inspect
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from types import MethodType, ModuleType, TracebackType
from typing import Any

from graphql import ASTValidationRule, GraphQLError
from strawberry import Schema, relay
from strawberry.extensions import (
    DisableIntrospection,
    MaskErrors,
    MaxAliasesLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.extensions.context import (
    ExecutingContextManager,
    ExtensionContextManagerBase,
    OperationContextManager,
    ParsingContextManager,
    StreamResultContextManager,
    ValidationContextManager,
    WrappedHook,
)
from strawberry.extensions.runner import SchemaExtensionsRunner
from strawberry.relay.types import GlobalIDValueError
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.name_converter import NameConverter
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext
from strawberry.types.execution import StreamExecutionResult
from strawberry.types.graphql import OperationType
from strawberry.utils.await_maybe import await_maybe

from graphql_api import ws_sessions
from graphql_api.context import Context
from graphql_api.db import is_transient
from graphql_api.document_cache import CachedDocuments, DocumentCache
from graphql_api.domains import domain_modules, resolver_modules
from graphql_api.error_log import LoggedSchema, is_unexpected
from graphql_api.errors import CommonErrorCode, DomainError, NotAuthenticated, ServiceUnavailable
from graphql_api.execution import PerEventMemoExecutor, refuse_direct_delivery
from graphql_api.instrumentation import OperationMetrics
from graphql_api.persisted import PersistedDocuments, PersistedQueries, load_manifest
from graphql_api.scalars import SCALAR_OVERRIDES
from graphql_api.settings import Settings
from resolvers.node import NodeQueries

_ROOTS = ("Queries", "Mutations", "Subscriptions")


def _root_types(module: ModuleType) -> dict[str, list[type]]:
    """A resolvers module's ``*Queries``/``*Mutations``/``*Subscriptions``: those in its
    ``__all__`` (a package re-exporting merged ones), else the classes it defines."""
    names = getattr(module, "__all__", None) or [
        name
        for name, value in vars(module).items()
        if isinstance(value, type) and value.__module__ == module.__name__
    ]
    found: dict[str, list[type]] = {root: [] for root in _ROOTS}
    for name in names:
        for root in _ROOTS:
            if name.endswith(root):
                found[root].append(getattr(module, name))
    return found


def _merged(root: str, first: tuple[type, ...] = ()) -> type:
    parts = [*first, *(t for module in resolver_modules() for t in _root_types(module)[root])]
    return merge_types("Query" if root == "Queries" else root.removesuffix("s"), tuple(parts))


def _registered_types() -> list[type]:
    """Every Relay node type the domains declare, so ``node(id:)`` can resolve each, and the
    types a domain lists in its types module's ``EXTRA_TYPES`` (the implementations of an
    interface that no field names directly, such as each device kind's status)."""
    modules = domain_modules("types")
    nodes = [
        value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, relay.Node)
        and value is not relay.Node
        and value.__module__ == module.__name__
    ]
    extra = [extra for module in modules for extra in getattr(module, "EXTRA_TYPES", ())]
    return nodes + extra


Query = _merged("Queries", first=(NodeQueries,))
Mutation = _merged("Mutations")
Subscription = _merged("Subscriptions")


class ResultsWithErrorsOnly(MaskErrors):
    """Strawberry's MaskErrors, looking at a result only when it holds errors. Its own check
    is an isinstance against a runtime-checkable Protocol, run for every result of every
    subscriber (~6 % of a delivery's CPU at 1,000 subscribers, bench/fanout.py); the masking
    itself is unchanged."""

    def _process_result(self, result: object) -> None:
        if getattr(result, "errors", None):
            super()._process_result(result)

    def on_stream_result(self, result: StreamExecutionResult) -> None:  # type: ignore[override]
        # MaskErrors' hook, as a function rather than a generator: it has nothing to do once
        # the result is handed out, and a function is the cheaper hook to run for every result
        # of every subscriber.
        self._stream_result_processed = True
        self._process_stream_result(result)


class DomainErrorCodes(ResultsWithErrorsOnly):
    """Adds ``extensions.code`` to top-level errors raised as DomainError (queries,
    subscriptions), and turns an unreachable database (or a deadlock's victim) into
    SERVICE_UNAVAILABLE (with a ``Retry-After`` header over HTTP) instead of "Unexpected
    error."."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda error: False)

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        rejected_token = getattr(self.execution_context.context, "rejected_token", None)
        processed = []
        for error in errors:
            original = error.original_error
            if original is not None and not isinstance(original, DomainError):
                if is_transient(original):
                    original = ServiceUnavailable()
                    error = GraphQLError(
                        original.message,
                        nodes=error.nodes,
                        path=error.path,
                        original_error=original,
                    )
            if isinstance(original, DomainError):
                error.extensions = {**(error.extensions or {}), "code": original.code.value}
                self._set_retry_after(original)
            if isinstance(original, NotAuthenticated) and rejected_token:
                # The request ran anonymously because its token was refused: say so.
                error.message = rejected_token
            elif isinstance(original, GlobalIDValueError):
                code = CommonErrorCode.INVALID_ID.value
                error.extensions = {**(error.extensions or {}), "code": code}
            processed.append(error)
        return processed

    def _set_retry_after(self, error: DomainError) -> None:
        retry_after = getattr(error, "retry_after", None)
        response = getattr(self.execution_context.context, "response", None)
        if retry_after and response is not None:
            response.headers["Retry-After"] = str(retry_after)


class OperationScope(SchemaExtension):
    """Lets the context know when an operation executes (see ``Context.executing``)."""

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        if not isinstance(context, Context):
            yield
            return
        if context.is_websocket:
            # A websocket authenticated once; its token and user are checked again for every
            # operation (ws_sessions).
            await ws_sessions.recheck(context)
        reads_only = self.execution_context.operation_type is OperationType.QUERY
        async with context.executing(reads_only=reads_only):
            yield


def _validation_rules(settings: Settings) -> list[type[ASTValidationRule]]:
    """The rules our limits add, built once: the same classes for every request, so a document
    validated under them once is known valid (``document_cache``)."""
    limiters = [
        QueryDepthLimiter(max_depth=settings.graphql_max_depth),
        MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases),
    ]
    if not settings.graphql_introspection:
        limiters.insert(0, DisableIntrospection())
    return [rule for limiter in limiters for rule in limiter.validation_rules]


class OperationLimits(SchemaExtension):
    """Our validation rules and token limit, set as each operation starts: what Strawberry's
    AddValidationRules and MaxTokensLimiter set, in a hook that is a plain function. Theirs are
    generators with nothing to do after their ``yield``, and a subscription keeps every
    generator hook of its operation suspended for as long as it lives."""

    def __init__(self, validation_rules: Sequence[type[ASTValidationRule]], max_tokens: int):
        self.validation_rules = tuple(validation_rules)
        self.max_tokens = max_tokens

    def on_operation(self) -> None:  # type: ignore[override]
        context = self.execution_context
        context.validation_rules = context.validation_rules + self.validation_rules
        context.parse_options["max_tokens"] = self.max_tokens


def _extensions(settings: Settings, documents: DocumentCache | None) -> list:
    # Factories, not instances: Strawberry passes an instance to every request as is, and
    # MaskErrors keeps the request's execution context on itself, so concurrent requests
    # sharing one would read (and fail to mask) each other's errors.
    rules = _validation_rules(settings)
    extensions = [
        lambda: OperationLimits(rules, settings.graphql_max_tokens),
        OperationScope,
        OperationMetrics,
        DomainErrorCodes,
        lambda: ResultsWithErrorsOnly(should_mask_error=is_unexpected),
    ]
    if documents is not None:
        extensions.insert(1, lambda: CachedDocuments(documents))
    # First: a persisted query's document must be in place before anything parses it.
    persisted = persisted_documents(settings)
    extensions.insert(0, lambda: PersistedQueries(persisted))
    return extensions


def persisted_documents(settings: Settings) -> PersistedDocuments:
    path = settings.persisted_documents_path
    return PersistedDocuments(
        load_manifest(path) if path is not None else {},
        trusted_only=settings.trusted_documents_only,
        cache_size=settings.persisted_query_cache_size,
    )


class _StreamResultHooks(StreamResultContextManager):
    """Strawberry's ``on_stream_result`` context, over hooks found once per operation."""

    def __init__(self, hooks: list[WrappedHook], result: StreamExecutionResult) -> None:
        self.hooks = hooks
        self.result = result


class _FunctionStreamHooks:
    """The ``on_stream_result`` context when every hook of an operation is a plain function
    (both of ours are): each called before the result is handed out, as Strawberry calls it,
    without the context managers and the exit stack it builds around them for every result of
    every subscriber (our two hooks: 8.6 -> 2.1 us per result, timed in-process)."""

    __slots__ = ("_hooks", "_result")

    def __init__(
        self, hooks: list[Callable[[StreamExecutionResult], None]], result: StreamExecutionResult
    ) -> None:
        self._hooks = hooks
        self._result = result

    async def __aenter__(self) -> None:
        for hook in self._hooks:
            hook(self._result)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        return None


def _function_stream_hooks(
    extensions: list[SchemaExtension],
) -> list[Callable[[StreamExecutionResult], None]] | None:
    """The extensions' own ``on_stream_result`` hooks, bound to them, when each is a plain
    function (no generator, nothing async: those keep Strawberry's context managers). Found
    from the extensions themselves: the context managers Strawberry wraps around each hook,
    built only to be looked at here, would stay with every subscription (~1.5 KB)."""
    functions = []
    for extension in extensions:
        function = type(extension).on_stream_result
        if function is SchemaExtension.on_stream_result:
            continue
        if (
            inspect.isgeneratorfunction(function)
            or inspect.isasyncgenfunction(function)
            or inspect.iscoroutinefunction(function)
        ):
            return None
        functions.append(MethodType(function, extension))
    return functions or None


class _HookKind(enum.Enum):
    GENERATOR = "generator"
    ASYNC_GENERATOR = "async generator"
    FUNCTION = "function"
    COROUTINE_FUNCTION = "coroutine function"


# (index of the extension, its hook as the class defines it, what kind of callable that is)
HookPlan = tuple[tuple[int, Callable[..., Any], _HookKind], ...]


@functools.cache
def _hook_plan(hook_name: str, extension_types: tuple[type[SchemaExtension], ...]) -> HookPlan:
    """Which of these extensions have a hook ``hook_name`` of their own, and of what kind:
    worked out once per list of extension classes."""
    plan = []
    for index, extension_type in enumerate(extension_types):
        function = getattr(extension_type, hook_name)
        if function is getattr(SchemaExtension, hook_name):
            continue
        if inspect.isgeneratorfunction(function):
            kind = _HookKind.GENERATOR
        elif inspect.isasyncgenfunction(function):
            kind = _HookKind.ASYNC_GENERATOR
        elif inspect.iscoroutinefunction(function):
            kind = _HookKind.COROUTINE_FUNCTION
        elif callable(function):
            kind = _HookKind.FUNCTION
        else:
            raise ValueError(
                f"Hook {hook_name} on {extension_type.__name__} must be callable, "
                f"received {function!r}"
            )
        plan.append((index, function, kind))
    return tuple(plan)


def _entered(generator: Iterator[None]) -> Iterator[None]:
    try:
        next(generator)
    except StopIteration:
        raise RuntimeError("generator didn't yield") from None
    return generator


async def _entered_async(generator: AsyncIterator[None]) -> AsyncIterator[None]:
    try:
        await anext(generator)
    except StopAsyncIteration:
        raise RuntimeError("generator didn't yield") from None
    return generator


def _leaving(generator: Iterator[None]) -> contextlib.AbstractContextManager[None]:
    """The standard library's context manager around a generator hook already entered: what
    leaves it the way ``contextlib.contextmanager`` would have."""
    return contextlib.contextmanager(lambda: generator)()


def _leaving_async(
    generator: AsyncIterator[None],
) -> contextlib.AbstractAsyncContextManager[None]:
    return contextlib.asynccontextmanager(lambda: generator)()


class _CachedHooks(ExtensionContextManagerBase):
    """Strawberry's context for one lifecycle hook, with the hooks found once per list of
    extension classes, and each generator hook run as a generator.

    Strawberry looks every extension's hook up again for every operation (~19 us per request
    for our 9 hooks, timed in-process), and enters each through a context manager of its own
    on an exit stack. A subscription keeps its operation's context for as long as it lives: 6
    operation hooks, ~4 KB of wrappers around 6 suspended generators (tracemalloc). Here only
    the generators are kept. Leaving builds the standard library's context managers and exit
    stack around them, so an exception reaches every hook and is handled, replaced or
    suppressed among them as under Strawberry's. As Strawberry does, the context itself never
    suppresses what its body raised. A hook that fails on the way in closes the generators
    already entered before its error propagates."""

    __slots__ = ("_extensions", "_plan", "_started")

    def __init__(
        self,
        extensions: list[SchemaExtension],
        extension_types: tuple[type[SchemaExtension], ...],
    ) -> None:
        self._extensions = extensions
        self._plan = _hook_plan(self.HOOK_NAME, extension_types)
        self._started: list[tuple[Any, bool]] = []

    def __enter__(self) -> None:
        for index, _, kind in self._plan:
            if kind in (_HookKind.ASYNC_GENERATOR, _HookKind.COROUTINE_FUNCTION):
                raise RuntimeError(
                    f"SchemaExtension hook {self._extensions[index]}.{self.HOOK_NAME} "
                    "failed to complete synchronously."
                )
        try:
            for index, function, kind in self._plan:
                extension = self._extensions[index]
                if kind is _HookKind.GENERATOR:
                    self._started.append((_entered(function(extension)), False))
                else:
                    function(extension)
        except BaseException:
            for generator, _ in reversed(self._started):
                generator.close()
            raise

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        stack = contextlib.ExitStack()
        for generator, _ in self._started:
            stack.push(_leaving(generator))
        self._started = []
        stack.__exit__(exc_type, exc, traceback)

    async def __aenter__(self) -> None:
        try:
            for index, function, kind in self._plan:
                extension = self._extensions[index]
                if kind is _HookKind.GENERATOR:
                    self._started.append((_entered(function(extension)), False))
                elif kind is _HookKind.ASYNC_GENERATOR:
                    self._started.append((await _entered_async(function(extension)), True))
                elif kind is _HookKind.COROUTINE_FUNCTION:
                    await function(extension)
                else:
                    function(extension)
        except BaseException:
            for generator, is_async in reversed(self._started):
                if is_async:
                    await generator.aclose()
                else:
                    generator.close()
            raise

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        stack = contextlib.AsyncExitStack()
        for generator, is_async in self._started:
            if is_async:
                stack.push_async_exit(_leaving_async(generator))
            else:
                stack.push(_leaving(generator))
        self._started = []
        await stack.__aexit__(exc_type, exc, traceback)


class _OperationHooks(_CachedHooks, OperationContextManager):
    __slots__ = ()


class _ValidationHooks(_CachedHooks, ValidationContextManager):
    __slots__ = ()


class _ParsingHooks(_CachedHooks, ParsingContextManager):
    __slots__ = ()


class _ExecutingHooks(_CachedHooks, ExecutingContextManager):
    __slots__ = ()


class ReportingExtensionsRunner(SchemaExtensionsRunner):
    """Strawberry's runner, minus what it rebuilds for every operation (its lifecycle hooks,
    found once per list of extension classes: :class:`_CachedHooks`) and two costs it pays for
    every result of every subscriber:

    * it awaits every extension's ``get_results``; this one asks only those that report
      results (none of ours does): ~9 % of a delivery's CPU at 1,000 subscribers;
    * it looks up, and wraps, every extension's ``on_stream_result`` hook again; this one does
      that once per operation: ~15 % (bench/fanout.py), and calls hooks that are plain functions
      without the wrapping (:class:`_FunctionStreamHooks`)."""

    def __init__(
        self, execution_context: ExecutionContext, extensions: list[SchemaExtension] | None = None
    ) -> None:
        super().__init__(execution_context, extensions)
        self._reporting = [
            extension
            for extension in self.extensions
            if type(extension).get_results is not SchemaExtension.get_results
        ]
        # What the lifecycle contexts look their hooks up by, for each of the operation's stages.
        self._extension_types = tuple(type(extension) for extension in self.extensions)
        self._stream_hooks_found = False
        self._function_stream_hooks: list[Callable[[StreamExecutionResult], None]] | None = None
        self._stream_result_hooks: list[WrappedHook] = []

    def operation(self) -> OperationContextManager:
        return _OperationHooks(self.extensions, self._extension_types)

    def validation(self) -> ValidationContextManager:
        return _ValidationHooks(self.extensions, self._extension_types)

    def parsing(self) -> ParsingContextManager:
        return _ParsingHooks(self.extensions, self._extension_types)

    def executing(self) -> ExecutingContextManager:
        return _ExecutingHooks(self.extensions, self._extension_types)

    def on_stream_result(
        self, result: StreamExecutionResult
    ) -> StreamResultContextManager | _FunctionStreamHooks:
        if not self._stream_hooks_found:
            self._function_stream_hooks = _function_stream_hooks(self.extensions)
            if self._function_stream_hooks is None:
                found = StreamResultContextManager(self.extensions, result)
                self._stream_result_hooks = found.hooks
            self._stream_hooks_found = True
            if not self._results_of_data_alone_unseen():
                refuse_direct_delivery()
        if self._function_stream_hooks is not None:
            return _FunctionStreamHooks(self._function_stream_hooks, result)
        return _StreamResultHooks(self._stream_result_hooks, result)

    def _results_of_data_alone_unseen(self) -> bool:
        """Whether a result of data alone means nothing to this operation's extensions, so that
        it may be written without them (``execution.DirectDelivery``): none reports results or
        has added any yet, and each ``on_stream_result`` hook looks only at errors."""
        return (
            not self._reporting
            and not self.execution_context.extensions_results
            and all(
                isinstance(extension, ResultsWithErrorsOnly)
                for extension in self.extensions
                if type(extension).on_stream_result is not SchemaExtension.on_stream_result
            )
        )

    async def get_extensions_results(self, ctx: ExecutionContext) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for extension in self._reporting:
            data.update(await await_maybe(extension.get_results()))
        data.update(ctx.extensions_results)
        return data


class PawgraphSchema(LoggedSchema):
    def create_extensions_runner(
        self, execution_context: ExecutionContext, extensions: list[SchemaExtension]
    ) -> SchemaExtensionsRunner:
        return ReportingExtensionsRunner(execution_context=execution_context, extensions=extensions)


class MemoizedNameConverter(NameConverter):
    """Strawberry's names, each converted once: it converts a resolver's argument names to
    camelCase on every call of a field with arguments (measured at ~1.4 % of the dashboard
    query's CPU). The names are the schema's own, so the memo is bounded by the schema."""

    def __init__(self) -> None:
        super().__init__()
        self._converted: dict[str, str] = {}

    def apply_naming_config(self, name: str) -> str:
        converted = self._converted.get(name)
        if converted is None:
            converted = self._converted[name] = super().apply_naming_config(name)
        return converted


def build_schema(settings: Settings) -> Schema:
    size = settings.graphql_document_cache_size
    documents = DocumentCache(size) if size else None
    schema = PawgraphSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=_registered_types(),
        execution_context_class=PerEventMemoExecutor,
        extensions=_extensions(settings, documents),
        scalar_overrides=SCALAR_OVERRIDES,
        config=StrawberryConfig(
            disable_field_suggestions=not settings.graphql_field_suggestions,
            name_converter=MemoizedNameConverter(),
        ),
    )
    schema.documents = documents  # for tests and operators: its size, hits and misses
    return schema
