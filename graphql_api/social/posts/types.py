import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.payloads import Payload
from graphql_api.pets.types import Pet
from graphql_api.relay import decode_id, load_nodes
from graphql_api.social.posts.models import Post as PostModel
from graphql_api.social.posts.models import PostVisibility as PostVisibilityEnum
from graphql_api.social.posts.service import PostData
from graphql_api.social.profiles.types import Profile, ProfilePet
from graphql_api.social.reactions.models import ReactionKind as ReactionKindEnum
from graphql_api.social.reactions.types import ReactionCount, ReactionKind

PostVisibility = strawberry.enum(
    PostVisibilityEnum,
    description="PUBLIC: whoever may see the author's content; FOLLOWERS: approved followers; "
    "PRIVATE: the author alone.",
)


@strawberry.type(description="A photo of a post.")
class PostPhoto:
    url: str = strawberry.field(description="http(s) URL of the image.")
    position: int = strawberry.field(description="Display order, from 0.")


@strawberry.type(description="Something a user shared: text, photos and tagged pets.")
class Post(relay.Node):
    id: relay.NodeID[int]
    text: str = strawberry.field(description="The text, up to 5000 characters (may be empty).")
    visibility: PostVisibility = strawberry.field(description="Who may see it.")
    created_at: dt.datetime = strawberry.field(description="When it was posted.")
    updated_at: dt.datetime = strawberry.field(description="When it was last edited.")
    removed_at: dt.datetime | None = strawberry.field(
        description="When a moderator removed it; only staff still see removed posts."
    )
    author_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, post: PostModel) -> "Post":
        return cls(
            id=post.id,
            text=post.text,
            visibility=post.visibility,
            created_at=post.created_at,
            updated_at=post.updated_at,
            removed_at=post.removed_at,
            author_id=post.author_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.post_by_id, node_ids, cls.from_model)

    @strawberry.field(description="Who posted it.")
    async def author(self, info: strawberry.Info) -> Profile | None:
        view = await info.context.loaders.profile_by_user_id.load(self.author_id)
        return Profile.from_view(view) if view else None

    @strawberry.field(description="Whether the viewer wrote it.")
    def viewer_is_author(self, info: strawberry.Info) -> bool:
        viewer = info.context.viewer
        return viewer is not None and viewer.user_id == self.author_id

    @strawberry.field(description="Its photos, in display order.")
    async def photos(self, info: strawberry.Info) -> list[PostPhoto]:
        photos = await info.context.loaders.photos_by_post_id.load(self.id)
        return [PostPhoto(url=photo.url, position=photo.position) for photo in photos]

    @strawberry.field(description="The author's pets tagged in it.")
    async def tagged_pets(self, info: strawberry.Info) -> list[ProfilePet]:
        pets = await info.context.loaders.tagged_pets_by_post_id.load(self.id)
        return [ProfilePet.from_model(pet) for pet in pets]

    @strawberry.field(description="How many reacted each way, every kind in a fixed order.")
    async def reaction_counts(self, info: strawberry.Info) -> list[ReactionCount]:
        counts = await info.context.loaders.reaction_counts_by_post_id.load(self.id)
        return [ReactionCount(kind=kind, count=counts.get(kind, 0)) for kind in ReactionKindEnum]

    @strawberry.field(description="How many reacted in all.")
    async def reaction_count(self, info: strawberry.Info) -> int:
        counts = await info.context.loaders.reaction_counts_by_post_id.load(self.id)
        return sum(counts.values())

    @strawberry.field(description="The viewer's own reaction, if they reacted.")
    async def viewer_reaction(self, info: strawberry.Info) -> ReactionKind | None:
        reaction = await info.context.loaders.viewer_reaction_by_post_id.load(self.id)
        return reaction.kind if reaction else None

    @strawberry.field(description="How many comments the viewer can see on it.")
    async def comment_count(self, info: strawberry.Info) -> int:
        return await info.context.loaders.comment_count_by_post_id.load(self.id)


def _pet_ids(ids: list[relay.GlobalID] | None) -> list[int]:
    return [decode_id(gid, Pet, f"taggedPetIds.{index}") for index, gid in enumerate(ids or [])]


@strawberry.input(description="A new post by the viewer; it needs text or at least one photo.")
class CreatePostInput:
    text: str = strawberry.field(default="", description="Up to 5000 characters.")
    photo_urls: list[str] = strawberry.field(
        default_factory=list, description="Up to 10 http(s) image URLs, in display order."
    )
    tagged_pet_ids: list[relay.GlobalID] = strawberry.field(
        default_factory=list, description="Up to 10 of the viewer's own pets."
    )
    visibility: PostVisibility = strawberry.field(
        default=PostVisibilityEnum.PUBLIC, description="Who may see it."
    )

    def to_data(self) -> PostData:
        return PostData(
            text=self.text,
            photo_urls=self.photo_urls,
            tagged_pet_ids=_pet_ids(self.tagged_pet_ids),
            visibility=self.visibility,
        )


@strawberry.input(description="Changes to the viewer's post; omitted fields stay as they are.")
class UpdatePostInput:
    id: relay.GlobalID = strawberry.field(description="The post to change.")
    text: str | None = strawberry.field(default=strawberry.UNSET, description="New text.")
    photo_urls: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="Replace the photos (null or [] removes them)."
    )
    tagged_pet_ids: list[relay.GlobalID] | None = strawberry.field(
        default=strawberry.UNSET, description="Replace the tagged pets (null or [] untags all)."
    )
    visibility: PostVisibility | None = strawberry.field(
        default=strawberry.UNSET, description="Who may see it."
    )

    def to_data(self) -> PostData:
        given = {}
        if self.text is not strawberry.UNSET:
            given["text"] = self.text
        if self.photo_urls is not strawberry.UNSET:
            given["photo_urls"] = self.photo_urls or []
        if self.tagged_pet_ids is not strawberry.UNSET:
            given["tagged_pet_ids"] = _pet_ids(self.tagged_pet_ids)
        if self.visibility is not strawberry.UNSET:
            given["visibility"] = self.visibility
        return PostData(**given)


@strawberry.input(description="The viewer's post to delete.")
class DeletePostInput:
    id: relay.GlobalID = strawberry.field(description="The post to delete.")


@strawberry.input(description="A post a moderator takes down.")
class RemovePostInput:
    id: relay.GlobalID = strawberry.field(description="The post to remove.")


@strawberry.type(description="Result of createPost.")
class CreatePostPayload(Payload):
    post: Post | None = strawberry.field(default=None, description="The new post.")


@strawberry.type(description="Result of updatePost.")
class UpdatePostPayload(Payload):
    post: Post | None = strawberry.field(default=None, description="The post as changed.")


@strawberry.type(description="Result of deletePost.")
class DeletePostPayload(Payload):
    deleted_post_id: relay.GlobalID | None = strawberry.field(
        default=None, description="ID of the deleted post."
    )


@strawberry.type(description="Result of removePost.")
class RemovePostPayload(Payload):
    post: Post | None = strawberry.field(default=None, description="The removed post.")
