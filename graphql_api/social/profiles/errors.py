from graphql_api.errors import NotFound, ValidationFailed
from graphql_api.social.errors import SocialErrorCode


class ProfileNotFound(NotFound):
    """No such user, or they blocked the viewer: the two look alike."""

    default_code = SocialErrorCode.PROFILE_NOT_FOUND
    default_message = "Profile not found."


class InvalidProfile(ValidationFailed):
    default_code = SocialErrorCode.INVALID_PROFILE
