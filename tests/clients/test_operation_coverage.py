"""Every shipped operation is executed by a live SDK test: a static check that each operation in
clients/operations/ has a call of its SDK method (`.<snake_name>(`) in tests/clients/."""

import re
from pathlib import Path

from tests.clients.test_operations import operation_names

TESTS = Path(__file__).parent


def snake_case(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def test_every_operation_is_called_by_a_live_sdk_test():
    # given
    sources = "\n".join(path.read_text() for path in sorted(TESTS.glob("*.py")))
    # when
    uncalled = [name for name in operation_names() if f".{snake_case(name)}(" not in sources]
    # then
    assert uncalled == [], f"operations no test in tests/clients/ runs: {uncalled}"
