"""Property-based fuzzing of both front doors with schemathesis (issue 8): GraphQL, signed in
and not, and the device routes' OpenAPI with every check and real device credentials. Fixed
seed (derandomized), bounded examples; the bar is zero server errors."""

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, is_check_class
from schemathesis.graphql import nodes
from schemathesis.specs.openapi import checks as openapi_checks

from tests.factories.devices import RegisteredDevice, register_device, register_hub
from tests.support.graphql_client import GraphQLClient

# Strawberry's Decimal reads a string (or a number); amounts are money and weights.
schemathesis.graphql.scalar(
    "Decimal",
    st.decimals(
        min_value=Decimal("-1000000"),
        max_value=Decimal("1000000"),
        places=2,
        allow_nan=False,
        allow_infinity=False,
    ).map(lambda amount: nodes.String(str(amount))),
)

# Per root field (~130) and per device route (~17) and mode: the whole file stays near a minute.
GRAPHQL_EXAMPLES = 3
DEVICE_EXAMPLES = 8
FUZZ = settings(
    derandomize=True,  # the fixed seed: the same examples every run
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


# `--checks all`: every check schemathesis registers, the OpenAPI ones included (registered when
# their module is imported).
def _body_cap_aware(check):
    """A 413 (the whole body over the device cap) is neither a schema-valid body refused nor an
    invalid one accepted: a size no JSON Schema can state (a batch of 100 logs with any extra
    keys is schema-valid, and bigger than a feeder's 1 KB TLS buffer could ever send)."""

    def wrapped(ctx, response, case):
        return None if response.status_code == 413 else check(ctx, response, case)

    wrapped.__name__ = check.__name__
    return wrapped


_DATA_CHECKS = (openapi_checks.positive_data_acceptance, openapi_checks.negative_data_rejection)
ALL_CHECKS = [
    _body_cap_aware(check) if check in _DATA_CHECKS else check
    for check in CHECKS.get_all()
    if not is_check_class(check)
]


def no_unexpected_graphql_errors(response: requests.Response) -> None:
    """A 5xx, or an error the server could not explain (masked as "Unexpected error."), is a
    server error; typed errors (NOT_FOUND, NOT_AUTHENTICATED...) and validation errors are not."""
    assert response.status_code < 500, response.text
    body = response.json()
    for error in body.get("errors") or []:
        assert error["message"] != "Unexpected error.", json.dumps(body)[:2000]
        if error.get("path"):
            assert (error.get("extensions") or {}).get("code"), json.dumps(error)


@pytest.fixture
async def fuzzer(owner: GraphQLClient) -> dict[str, Any]:
    """A signed-in owner with a feeder and a hub, whose credentials the fuzzing uses."""
    return {
        "token": owner.token,
        "feeder": await register_device(owner),
        "hub": await register_hub(owner),
    }


def fuzz(
    schema, modes: list[GenerationMode], run: Callable[[Any], None], examples_per_operation: int
) -> None:
    """``run`` every operation's examples; every failure is collected, then reported at once.
    (schemathesis' own pytest plugin needs a pytest older than ours: hypothesis directly.)"""
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in modes:

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(FUZZ, max_examples=examples_per_operation)
            def examples(case) -> None:
                run(case)

            try:
                examples()
            except Unsatisfiable:
                continue  # nothing of this operation can be made invalid (a string path part)
            except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - reported below
                failures.append(f"{operation.label} ({mode.value}): {error}"[:3000])
    assert not failures, "\n\n".join(failures)


class TestGraphQL:
    def test_anonymous(self, server_a):
        # given
        schema = schemathesis.graphql.from_url(server_a.graphql_url)
        # when / then
        fuzz(
            schema,
            [GenerationMode.POSITIVE],
            lambda case: no_unexpected_graphql_errors(case.call()),
            GRAPHQL_EXAMPLES,
        )

    def test_signed_in(self, server_a, fuzzer):
        # given
        schema = schemathesis.graphql.from_url(server_a.graphql_url)
        headers = {"Authorization": f"Bearer {fuzzer['token']}"}
        # when / then
        fuzz(
            schema,
            [GenerationMode.POSITIVE],
            lambda case: no_unexpected_graphql_errors(case.call(headers=headers)),
            GRAPHQL_EXAMPLES,
        )


def _as_the_device(case, feeder: RegisteredDevice, hub: RegisteredDevice) -> dict[str, str]:
    """Real credentials: the hub's key in its path, the feeder's headers and device id."""
    if "hub_key" in (case.path_parameters or {}):
        case.path_parameters["hub_key"] = hub.api_key
    if isinstance(case.query, dict) and isinstance(case.query.get("device_id"), str):
        case.query["device_id"] = feeder.hardware_id
    if "/h/" not in case.path and isinstance(case.body, dict):
        # A PETio unit names itself in its bodies (a batch's logs too), never another unit.
        bodies = [case.body, *[log for log in case.body.get("logs") or [] if isinstance(log, dict)]]
        for body in bodies:
            # Only a schema-valid id is swapped: an invalid one is what a negative case tests.
            if isinstance(body.get("device_id"), str) and len(body["device_id"]) <= 32:
                body["device_id"] = feeder.hardware_id
    return {"Device-ID": feeder.hardware_id, "X-Device-Key": feeder.api_key}


class TestDeviceRoutes:
    def test_every_check_with_real_credentials(self, server_a, fuzzer):
        # given
        schema = schemathesis.openapi.from_url(f"{server_a.base_url}/openapi.json")
        feeder, hub = fuzzer["feeder"], fuzzer["hub"]

        def run(case) -> None:
            headers = _as_the_device(case, feeder, hub)
            case.call_and_validate(headers=headers, checks=ALL_CHECKS)

        # when / then
        fuzz(schema, [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], run, DEVICE_EXAMPLES)
