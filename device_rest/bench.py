"""A bare endpoint for ``bench/ingest.py`` to compare the hub's ingest route with.

Mounted only when ``PAWGRAPH_BENCH_ENDPOINTS=true``: it parses the same wire body with the
same model and answers the same shape, touching neither the database nor pub/sub, so the
ratio of the two isolates what ingesting a reading costs.
"""

from fastapi import APIRouter

from device_rest.smart_outlet import HubJSONResponse, OutletReadingBody

bench_router = APIRouter(tags=["bench"], include_in_schema=False)


@bench_router.get("/bare")
async def get_bare() -> HubJSONResponse:
    return HubJSONResponse({"success": True, "message": "bare"})


@bench_router.post("/bare")
async def post_bare(body: OutletReadingBody) -> HubJSONResponse:
    return HubJSONResponse(
        {
            "success": True,
            "message": "bare",
            "relay_a": bool(body.relay_a),
            "relay_b": bool(body.relay_b),
        }
    )
