"""Arguments the social root fields share."""

from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api.social.profiles.types import decode_user_id

UserId = Annotated[
    relay.GlobalID, strawberry.argument(description="The user (a User or Profile ID).")
]
PostId = Annotated[relay.GlobalID, strawberry.argument(description="The post.")]
INPUT = strawberry.argument(description="What to do; see the input type.")


def user_pk(global_id: relay.GlobalID) -> int:
    """The user behind a `userId` argument or input field."""
    return decode_user_id(global_id, "userId")
