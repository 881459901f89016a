"""GraphQL documents and small helpers the live pet and device tests share."""

from tests.factories.devices import (
    RegisteredDevice,
    as_wire_bytes,
    feeder_headers,
    heartbeat_body,
    post_status,
)
from tests.support.graphql_client import GraphQLClient

NODE_PET = """
query PetNode($id: ID!) {
  node(id: $id) {
    __typename id ... on Pet { name owner { email } devices { edges { node { id } } } }
  }
}
"""
NODE_DEVICE = """
query DeviceNode($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Device {
      name kind hardwareId pet { id } parentHub { id } outlets { edges { node { id hardwareId } } }
    }
  }
}
"""
NODE_USER = "query UserNode($id: ID!) { node(id: $id) { __typename id ... on User { email } } }"
ME = "query Me { me { id email } }"
DEVICES = """
query Devices($kind: DeviceKind, $first: Int, $after: String) {
  devices(kind: $kind, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id kind hardwareId } }
  }
}
"""
UPDATE_DEVICE = """
mutation UpdateDevice($input: UpdateDeviceInput!) {
  updateDevice(input: $input) {
    device { id name location pet { id } }
    userErrors { field code message }
  }
}
"""
DELETE_DEVICE = """
mutation DeleteDevice($input: DeviceIdInput!) {
  deleteDevice(input: $input) { deletedDeviceId userErrors { field code message } }
}
"""
ROTATE_DEVICE_KEY = """
mutation RotateDeviceKey($input: DeviceIdInput!) {
  rotateDeviceKey(input: $input) { apiKey userErrors { field code message } }
}
"""


def nodes(connection: dict) -> list[dict]:
    return [edge["node"] for edge in connection["edges"]]


def codes(payload: dict) -> list[str]:
    return [error["code"] for error in payload["userErrors"]]


async def heartbeat_status(owner: GraphQLClient, device: RegisteredDevice, key: str) -> int:
    """The status a heartbeat of ``device`` signed with ``key`` gets."""
    headers = feeder_headers(device, **{"X-API-Key": key})
    response = await post_status(owner.server, as_wire_bytes(heartbeat_body(device)), headers)
    return response.status_code
