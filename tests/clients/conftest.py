"""The generated SDK is its own distribution (clients/python); tests import it from the tree."""

import sys

from tests.support.live_server import PROJECT_ROOT

SDK_ROOT = str(PROJECT_ROOT / "clients" / "python")
if SDK_ROOT not in sys.path:
    sys.path.insert(0, SDK_ROOT)
