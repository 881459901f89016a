"""Who moderates social content: staff and admins who are not suspended."""

from graphql_api.auth import Viewer, require_writer
from graphql_api.errors import PermissionDenied


def require_moderator(viewer: Viewer | None) -> Viewer:
    viewer = require_writer(viewer)
    if not viewer.is_staff:
        raise PermissionDenied("Only staff and admins remove other people's content.")
    return viewer
