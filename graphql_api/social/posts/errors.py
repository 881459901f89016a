from graphql_api.errors import NotFound, ValidationFailed
from graphql_api.social.errors import SocialErrorCode


class PostNotFound(NotFound):
    default_code = SocialErrorCode.POST_NOT_FOUND
    default_message = "Post not found."


class InvalidPost(ValidationFailed):
    default_code = SocialErrorCode.INVALID_POST


class TaggedPetNotFound(NotFound):
    """Only the author's own pets can be tagged; anyone else's looks absent."""

    default_code = SocialErrorCode.TAGGED_PET_NOT_FOUND
    default_message = "You can only tag your own pets."
