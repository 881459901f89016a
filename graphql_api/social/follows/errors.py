from graphql_api.errors import NotFound, ValidationFailed
from graphql_api.social.errors import SocialErrorCode


class CannotFollowSelf(ValidationFailed):
    default_code = SocialErrorCode.CANNOT_FOLLOW_SELF
    default_message = "You cannot follow yourself."


class FollowRequestNotFound(NotFound):
    default_code = SocialErrorCode.FOLLOW_REQUEST_NOT_FOUND
    default_message = "No follow request from this user."
