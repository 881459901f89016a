import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.payloads import Payload
from graphql_api.social.follows.service import FollowRequestView
from graphql_api.social.profiles.types import FollowStatus, Profile, ProfileResult


@strawberry.type(description="Someone asking to follow the viewer's private profile.")
class FollowRequest:
    requester: Profile = strawberry.field(description="Who asks.")
    requested_at: dt.datetime = strawberry.field(description="When they asked.")

    @classmethod
    def from_view(cls, view: FollowRequestView) -> "FollowRequest":
        return cls(requester=Profile.from_view(view.requester), requested_at=view.requested_at)


def _user_field(description: str) -> relay.GlobalID:
    return strawberry.field(description=f"{description} (a User or Profile ID).")


@strawberry.input(description="Follow a user, or ask to if their profile is private.")
class FollowUserInput:
    user_id: relay.GlobalID = _user_field("Whom to follow")


@strawberry.input(description="Stop following a user, or withdraw a request to.")
class UnfollowUserInput:
    user_id: relay.GlobalID = _user_field("Whom to stop following")


@strawberry.input(description="Make a user stop following the viewer.")
class RemoveFollowerInput:
    user_id: relay.GlobalID = _user_field("The follower to remove")


@strawberry.input(description="Let a user who asked follow the viewer.")
class ApproveFollowRequestInput:
    user_id: relay.GlobalID = _user_field("Who asked")


@strawberry.input(description="Turn down a user's request to follow the viewer.")
class DeclineFollowRequestInput:
    user_id: relay.GlobalID = _user_field("Who asked")


@strawberry.type(description="Result of followUser.")
class FollowUserPayload(Payload, ProfileResult):
    status: FollowStatus | None = strawberry.field(
        default=None, description="APPROVED (following) or PENDING (waiting for approval)."
    )


@strawberry.type(description="Result of unfollowUser.")
class UnfollowUserPayload(Payload, ProfileResult):
    pass


@strawberry.type(description="Result of removeFollower.")
class RemoveFollowerPayload(Payload, ProfileResult):
    pass


@strawberry.type(description="Result of approveFollowRequest.")
class ApproveFollowRequestPayload(Payload, ProfileResult):
    pass


@strawberry.type(description="Result of declineFollowRequest.")
class DeclineFollowRequestPayload(Payload, ProfileResult):
    pass
