import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from graphql_api.payloads import Payload
from graphql_api.social.profiles.types import Profile
from graphql_api.social.reactions.models import Reaction as ReactionModel
from graphql_api.social.reactions.models import ReactionKind as ReactionKindEnum

if TYPE_CHECKING:
    from graphql_api.social.posts.types import Post

ReactionKind = strawberry.enum(ReactionKindEnum, description="How someone reacted to a post.")
PostRef = Annotated["Post", strawberry.lazy("graphql_api.social.posts.types")]


@strawberry.type(description="How many people reacted to a post one way.")
class ReactionCount:
    kind: ReactionKind = strawberry.field(description="The reaction.")
    count: int = strawberry.field(description="How many people reacted so.")


@strawberry.type(description="One person's reaction to a post.")
class Reaction:
    kind: ReactionKind = strawberry.field(description="The reaction.")
    reacted_at: dt.datetime = strawberry.field(description="When they (last) reacted.")
    user_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, reaction: ReactionModel) -> "Reaction":
        return cls(kind=reaction.kind, reacted_at=reaction.updated_at, user_id=reaction.user_id)

    @strawberry.field(description="Who reacted.")
    async def user(self, info: strawberry.Info) -> Profile | None:
        view = await info.context.loaders.profile_by_user_id.load(self.user_id)
        return Profile.from_view(view) if view else None


@strawberry.input(description="React to a post; reacting again replaces the viewer's reaction.")
class ReactToPostInput:
    post_id: relay.GlobalID = strawberry.field(description="The post.")
    kind: ReactionKind = strawberry.field(description="The reaction.")


@strawberry.input(description="Take back the viewer's reaction to a post.")
class RemoveReactionInput:
    post_id: relay.GlobalID = strawberry.field(description="The post.")


@strawberry.type(description="Result of reactToPost.")
class ReactToPostPayload(Payload):
    post: PostRef | None = strawberry.field(default=None, description="The post, with its counts.")
    reaction: Reaction | None = strawberry.field(
        default=None, description="The viewer's reaction now."
    )


@strawberry.type(description="Result of removeReaction.")
class RemoveReactionPayload(Payload):
    post: PostRef | None = strawberry.field(default=None, description="The post, with its counts.")
