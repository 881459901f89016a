"""Social root fields, one module per area: profiles, follows, blocks, posts (with the feed),
comments and reactions. The merge order is the order the fields take in the schema."""

from strawberry.tools import merge_types

from resolvers.social.blocks import BlockMutations, BlockQueries
from resolvers.social.comments import CommentMutations, CommentQueries
from resolvers.social.follows import FollowMutations, FollowQueries
from resolvers.social.posts import PostMutations, PostQueries
from resolvers.social.profiles import ProfileMutations, ProfileQueries
from resolvers.social.reactions import ReactionMutations, ReactionQueries

SocialQueries = merge_types(
    "SocialQueries",
    (ProfileQueries, PostQueries, CommentQueries, ReactionQueries, FollowQueries, BlockQueries),
)
SocialMutations = merge_types(
    "SocialMutations",
    (
        ProfileMutations,
        FollowMutations,
        BlockMutations,
        PostMutations,
        CommentMutations,
        ReactionMutations,
    ),
)

__all__ = ["SocialMutations", "SocialQueries"]
