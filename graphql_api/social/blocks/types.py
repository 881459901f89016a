import strawberry
from strawberry import relay

from graphql_api.payloads import Payload
from graphql_api.social.profiles.types import ProfileResult


@strawberry.input(description="Block a user: neither of you sees the other's content any more.")
class BlockUserInput:
    user_id: relay.GlobalID = strawberry.field(description="Whom to block (a User or Profile ID).")


@strawberry.input(description="Lift the viewer's block of a user.")
class UnblockUserInput:
    user_id: relay.GlobalID = strawberry.field(
        description="Whom to unblock (a User or Profile ID)."
    )


@strawberry.type(description="Result of blockUser.")
class BlockUserPayload(Payload, ProfileResult):
    pass


@strawberry.type(description="Result of unblockUser.")
class UnblockUserPayload(Payload, ProfileResult):
    pass
