"""The GraphQL executor we run with: Strawberry's, minus a per-event leak in graphql-core 3.3,
plus one execution per subscription event for the subscribers who would compute the same result,
and that result written straight to each waiting subscriber's socket. An event whose selection
is plain data is projected (``graphql_api.projection``) rather than executed field by field.

graphql-core 3.3 executes each subscription event with a shallow copy of the subscription's
executor (``Executor.build_per_event_executor``). The copy shares the memo of
``collect_subfields``, which is keyed on the *identity* of the field list each event builds
anew: every event adds one entry per object-typed field and none is ever hit again. A subscriber
kept every event's field lists and collected fields alive for as long as it stayed subscribed
(measured: ~0.9-2.4 KB per delivered event, issue 8 item 10; tests/live/test_subscriber_memory.py
and bench/subscriber_soak.py hold it). Each event gets memos of its own here, freed with it.
"""

import asyncio
import functools
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextvars import ContextVar, Token
from typing import Any

from graphql import ExecutionResult, OperationDefinitionNode
from graphql.pyutils import RefMap
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from graphql_api.events.bus import Subscription
from graphql_api.projection import Projection, Unprojectable, projection_for

_UNSEEN = object()


class PerEventMemoExecutor(StrawberryGraphQLCoreExecutionContext):
    # Set on a per-event copy whose payload is shared (``shared_payload``): the key its result
    # is shared under.
    _shared_key: tuple[Any, ...] | None = None
    # The subscription's operation and variables as a key, computed at its first event.
    _operation_and_variables: tuple[Hashable, str] | None = None
    # The subscription's selection compiled (graphql_api.projection), found at its first
    # event; None when it is not plain data.
    _projection: Projection | None | object = _UNSEEN

    def build_per_event_executor(self, payload: Any) -> "PerEventMemoExecutor | _KnownResult":
        delivery = _delivery.get()
        if delivery is not None and delivery.executor is None:
            delivery.executor = self  # what its events are executed with, past its generators
        if not _is_shared(payload):
            projected = self._projected(payload)
            if projected is not None:
                return _KnownResult(projected)
            return self._per_event_copy(payload)
        key = self._shared_key_for(payload)
        known = self._known_result(payload, key)
        if known is not None:
            # Executed for another subscriber already, or projected: no executor needed.
            return _KnownResult(known)
        return self._shared_copy(payload, key)

    def shared_data(self, payload: Any) -> Any:
        """The ``data`` of this subscription's result for a shared ``payload`` if it is ready
        now and has no errors (computed here when no subscriber of the same key has yet), else
        NOT_READY: the subscriber's own generators then await it, or report its errors."""
        key = self._shared_key_for(payload)
        result = self._known_result(payload, key)
        if result is None:
            result = self._shared_copy(payload, key)._execute_shared()
        if isinstance(result, asyncio.Future):
            if not result.done() or result.cancelled() or result.exception() is not None:
                return NOT_READY
            result = result.result()
        if type(result) is not ExecutionResult or result.errors:
            return NOT_READY
        return result.data

    def _known_result(self, payload: Any, key: tuple[Any, ...]) -> Any:
        """The result kept for a shared ``payload`` and ``key``, else its projection (kept for
        the others), else None: it has to be executed."""
        known = _cached_result(payload, key)
        if known is None:
            known = self._projected(payload)
            if known is not None:
                _keep_result(key, payload, known)
        return known

    def _projected(self, payload: Any) -> ExecutionResult | None:
        """The event's result, when the subscription's selection is plain data and the event
        completes without errors (``graphql_api.projection``): what graphql-core would return,
        with no executor of its own."""
        projection = self._projection
        if projection is _UNSEEN:
            projection = self._projection = projection_for(self, self._subscription_key())
        if not isinstance(projection, Projection) or self.hooks is not None or self._aborted():
            return None
        try:
            return ExecutionResult(projection.data(payload))
        except Unprojectable:
            return None

    def _aborted(self) -> bool:
        signal = self.abort_signal
        return signal is not None and signal.aborted

    def _shared_key_for(self, payload: Any) -> tuple[Any, ...]:
        return (id(payload), *self._subscription_key(), _scope(self.context_value))

    def _shared_copy(self, payload: Any, key: tuple[Any, ...]) -> "PerEventMemoExecutor":
        """The executor of the first execution of a shared ``payload`` for ``key``."""
        executor = self._per_event_copy(payload)
        executor._shared_key = key
        return executor

    def _per_event_copy(self, payload: Any) -> "PerEventMemoExecutor":
        executor = super().build_per_event_executor(payload)
        executor._relevant_sub_fields = {}
        executor._stream_usages = RefMap()
        return executor

    def _subscription_key(self) -> tuple[Hashable, str]:
        key = self._operation_and_variables
        if key is None:
            variables = getattr(self.variable_values, "coerced", self.variable_values)
            key = self._operation_and_variables = (
                _operation_key(self.operation),
                repr(sorted(variables.items())) if variables else "",
            )
        return key

    def execute_operation(self, serially: bool | None = None) -> Any:
        if self._shared_key is None:
            return super().execute_operation(serially)
        return _await_shared(self._execute_shared(serially))

    def _execute_shared(self, serially: bool | None = None) -> Any:
        """The first execution of a shared event for its key, kept for the others: its result,
        or the future of it (awaited by everyone, shielded: one of them leaving must not
        cancel it for the others)."""
        key = self._shared_key
        assert key is not None
        result = super().execute_operation(serially)
        if self.is_awaitable(result):
            result = asyncio.ensure_future(result)
        _keep_result(key, self.root_value, result)
        return result


class _KnownResult:
    """What graphql-core runs for an event whose result is known already (another subscriber
    executed it, or it was projected): that result."""

    __slots__ = ("_result",)

    def __init__(self, result: Any) -> None:
        self._result = result

    def execute_operation(self, serially: bool | None = None) -> Any:
        return _await_shared(self._result)


# ---- one execution per event for the subscribers who would compute the same result -------------
#
# Subscribers of one channel receive the same message; a resolver that builds its payload with
# ``shared_payload`` hands every one of them the same object. Executing the subscription's
# selection set on it then gives the same result for every subscriber with the same operation
# (the same document text), the same variables and the same viewer: that result is computed
# once and handed to all of them (measured: CPU per delivery 0.25 -> 0.14 ms at 200 subscribers,
# bench/fanout.py). A payload built per subscriber (one that depends on who asks, as
# commandUpdated's, read with the viewer's scope) is never shared, and executes as before.

_SHARED_PAYLOADS = 1024
_SHARED_RESULTS = 4096
# (build, message, *args) -> the payloads built from the message
_payloads: OrderedDict[tuple[Any, ...], tuple[Any, ...]] = OrderedDict()
_payload_ids: dict[int, Any] = {}
# key -> (the payload, its result or the future of it)
_results: OrderedDict[tuple[Any, ...], tuple[Any, Any]] = OrderedDict()


def shared_payload(build: Callable[..., Any], message: str, *args: Hashable) -> Any:
    """``build(message, *args)``, built once per process for everyone who asks with the same
    arguments (``build`` a module-level function, ``args`` what else the payload depends on)."""
    (payload,) = _shared((build, message, *args), lambda: (build(message, *args),))
    return payload


def shared_payloads(build: Callable[..., Any], message: str, *args: Hashable) -> tuple[Any, ...]:
    """:func:`shared_payload` for a message that carries several events (a collar's batch of
    readings): ``build(message, *args)`` returns their payloads, each shared as one event."""
    return _shared((build, message, *args), lambda: tuple(build(message, *args)))


def _shared(key: tuple[Any, ...], build: Callable[[], tuple[Any, ...]]) -> tuple[Any, ...]:
    payloads = _payloads.get(key)
    if payloads is not None:
        _payloads.move_to_end(key)
        return payloads
    payloads = _payloads[key] = build()
    for payload in payloads:
        _payload_ids[id(payload)] = payload
    # Bounded by payloads, not messages: a collar's batch holds a hundred.
    while len(_payload_ids) > _SHARED_PAYLOADS and len(_payloads) > 1:
        _, evicted = _payloads.popitem(last=False)
        for payload in evicted:
            _payload_ids.pop(id(payload), None)
    return payloads


def _cached_result(payload: Any, key: tuple[Any, ...]) -> Any:
    """The result (or the future of it) kept for ``key`` if it is ``payload``'s, else None."""
    cached = _results.get(key)
    if cached is None or cached[0] is not payload:
        return None
    _results.move_to_end(key)
    return cached[1]


def _keep_result(key: tuple[Any, ...], payload: Any, result: Any) -> None:
    _results[key] = (payload, result)
    if len(_results) > _SHARED_RESULTS:
        _results.popitem(last=False)


def _is_shared(payload: Any) -> bool:
    return _payload_ids.get(id(payload)) is payload


def _await_shared(result: Any) -> Any:
    if isinstance(result, asyncio.Future):
        return asyncio.shield(result)
    return result


def _operation_key(operation: OperationDefinitionNode) -> Hashable:
    """The operation by its document's text (the same text validated the same way: the schema
    has no per-request rules), or by identity where the parser kept no location."""
    if operation.loc is None:
        return id(operation)
    name = operation.name.value if operation.name else None
    return (operation.loc.source.body, name)


def _scope(context: Any) -> Hashable:
    viewer = getattr(context, "viewer", None)
    if viewer is None:
        return None
    return (viewer.user_id, viewer.role, viewer.suspended)


# ---- shared results written straight to the sockets of waiting subscribers ----------------------
#
# A subscriber between two events is a chain of suspended generators: its front door's loop,
# Strawberry's stream, graphql-core's mapping, its resolver and its bus subscription. Waking
# that chain to hand it a result shared with everyone of its key cost about two thirds of a
# delivery's CPU (py-spy, 1,000 subscribers, bench/fanout.py), for nothing it would change. So
# a resolver whose every event is a shared payload says so (``shared_events``, or
# ``shared_event_batches`` for messages of several events), and while its
# subscriber waits with nothing queued, the bus's listener hands each message to
# ``DirectDelivery.deliver``: the shared result's data, written to the socket at once. Whatever
# that cannot do now (a result still executing or with errors, a socket that is full, closing or
# completed) is queued and goes the way it always went, so order is kept: a message is only
# delivered directly while everything before it has been written.

NOT_READY = object()


class DirectDelivery:
    """One subscription operation's way past its own generators, for the operation run in this
    task while it is entered. ``send(*data)`` writes a result of each ``data`` alone to its
    socket now, all or none, True if it did (given by the front door that runs the operation);
    ``executor`` is the subscription's executor, set as its first event executes. ``refused``
    once the operation's extensions would want to see its results (``refuse_direct_delivery``).

    A context manager of its own, not a generator's: a subscription keeps it entered for as
    long as it lives."""

    __slots__ = ("_token", "executor", "refused", "send")

    def __init__(self, send: Callable[..., bool]) -> None:
        self.send = send
        self.executor: PerEventMemoExecutor | None = None
        self.refused = False
        self._token: Token[DirectDelivery | None] | None = None

    def __enter__(self) -> "DirectDelivery":
        self._token = _delivery.set(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._token is not None:
            _delivery.reset(self._token)
            self._token = None

    def deliver(self, payloads_of: Callable[[str], tuple[Any, ...]], message: str) -> bool:
        """Write the results of ``message``'s shared payloads, if every one is ready now."""
        executor = self.executor
        if executor is None or self.refused:
            return False
        try:
            data = [executor.shared_data(payload) for payload in payloads_of(message)]
        except Exception:  # noqa: BLE001 - the subscriber's own generators raise it, and report it
            return False
        return NOT_READY not in data and self.send(*data)


# Set by the front door in the task that runs one subscription operation; read there by the
# operation's resolver and executor.
_delivery: ContextVar[DirectDelivery | None] = ContextVar("direct_delivery", default=None)


def refuse_direct_delivery() -> None:
    """Every result of the subscription operation run in this task goes its own way: called by
    the extensions runner, as the operation's first result goes out, when some extension
    would look at results of data alone (or add to them)."""
    delivery = _delivery.get()
    if delivery is not None:
        delivery.refused = True


def shared_events(
    messages: Subscription, build: Callable[..., Any], *args: Hashable
) -> Subscription:
    """``messages``, each read as ``shared_payload(build, message, *args)``, for a resolver
    that yields nothing else from them: while its subscriber waits, each may instead be
    delivered straight to the subscriber's socket."""
    messages.map(functools.partial(_shared_payload_of, build, args))
    return _delivered_directly(messages, functools.partial(_one_shared_payload, build, args))


def shared_event_batches(
    messages: Subscription, build: Callable[..., Any], *args: Hashable
) -> Subscription:
    """:func:`shared_events` for messages that carry several events each: each read as
    ``shared_payloads(build, message, *args)``, for a resolver that yields those and nothing
    else. A message is delivered straight to the socket whole, or not at all."""
    payloads_of = functools.partial(_shared_payloads_of, build, args)
    messages.map(payloads_of)
    return _delivered_directly(messages, payloads_of)


def _delivered_directly(
    messages: Subscription, payloads_of: Callable[[str], tuple[Any, ...]]
) -> Subscription:
    delivery = _delivery.get()
    if delivery is not None:
        messages.deliver_directly = functools.partial(delivery.deliver, payloads_of)
    return messages


def _shared_payload_of(build: Callable[..., Any], args: tuple[Hashable, ...], message: str) -> Any:
    return shared_payload(build, message, *args)


def _one_shared_payload(
    build: Callable[..., Any], args: tuple[Hashable, ...], message: str
) -> tuple[Any]:
    return (shared_payload(build, message, *args),)


def _shared_payloads_of(
    build: Callable[..., Any], args: tuple[Hashable, ...], message: str
) -> tuple[Any, ...]:
    return shared_payloads(build, message, *args)
