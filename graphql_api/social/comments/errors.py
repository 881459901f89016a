from graphql_api.errors import NotFound, ValidationFailed
from graphql_api.social.errors import SocialErrorCode


class CommentNotFound(NotFound):
    default_code = SocialErrorCode.COMMENT_NOT_FOUND
    default_message = "Comment not found."


class InvalidComment(ValidationFailed):
    default_code = SocialErrorCode.INVALID_COMMENT
