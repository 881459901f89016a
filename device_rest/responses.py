"""The JSON bytes the devices' original servers sent.

Both legacy servers were Python (Django's ``JsonResponse``, a FastAPI app) and wrote
``json.dumps`` defaults: ``", "`` and ``": "`` separators. The Smart-Outlet hub finds fields by
text search and needs exactly those separators; PETio units parse JSON but get the same bytes
their firmware was tested against.
"""

import json
from typing import Any

from fastapi.responses import JSONResponse


class LegacyJSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        return json.dumps(content).encode("utf-8")
