from graphql_api.errors import Conflict, ValidationFailed
from graphql_api.social.errors import SocialErrorCode


class CannotBlockSelf(ValidationFailed):
    default_code = SocialErrorCode.CANNOT_BLOCK_SELF
    default_message = "You cannot block yourself."


class UserBlocked(Conflict):
    """The viewer blocked this user: unblock them first."""

    default_code = SocialErrorCode.USER_BLOCKED
    default_message = "You blocked this user; unblock them first."
