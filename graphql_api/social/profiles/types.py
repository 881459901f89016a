import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.errors import InvalidId
from graphql_api.payloads import Payload
from graphql_api.pets.models import Pet as PetModel
from graphql_api.pets.types import Species
from graphql_api.relay import (
    After,
    Before,
    Connection,
    First,
    Last,
    build_connection,
    decode_pk,
    load_nodes,
    page_args,
)
from graphql_api.social.follows.models import FollowStatus as FollowStatusEnum
from graphql_api.social.profiles import service as profiles_service
from graphql_api.social.profiles.models import ProfileView
from graphql_api.social.profiles.service import ProfileData

FollowStatus = strawberry.enum(
    FollowStatusEnum,
    description="PENDING: asked to follow a private profile, waiting for approval; APPROVED.",
)


def decode_user_id(global_id: relay.GlobalID, field: str) -> int:
    """A user's database id from the global ID of their User or their Profile (one per user)."""
    if global_id.type_name not in ("User", "Profile"):
        raise InvalidId(f"`{field}` is not the ID of a User or Profile.", field=field)
    return decode_pk(global_id, field, "a User or Profile")


@strawberry.type(description="A pet as shown on its owner's profile or tagged in a post.")
class ProfilePet:
    pet_id: relay.GlobalID = strawberry.field(
        description="Global ID of the Pet (readable in full by its owner only)."
    )
    name: str = strawberry.field(description="The pet's name.")
    species: Species = strawberry.field(description="Kind of animal.")
    breed: str | None = strawberry.field(description="Breed, if known.")

    @classmethod
    def from_model(cls, pet: PetModel) -> "ProfilePet":
        return cls(
            pet_id=relay.GlobalID("Pet", str(pet.id)),
            name=pet.name,
            species=pet.species,
            breed=pet.breed,
        )


@strawberry.type(
    description="A person's social profile. Its card (name, avatar, bio) is shown to everyone "
    "they have not blocked; posts, pets and follower lists follow the profile's privacy."
)
class Profile(relay.Node):
    id: relay.NodeID[int]
    display_name: str = strawberry.field(description="Name shown to other people.")
    bio: str | None = strawberry.field(description="A few words about them, up to 500 characters.")
    avatar_url: str | None = strawberry.field(description="http(s) URL of their picture.")
    is_private: bool = strawberry.field(
        description="Private: only approved followers see posts, pets and follower lists."
    )
    joined_at: dt.datetime = strawberry.field(description="When they created their account.")
    view: strawberry.Private[ProfileView]

    @classmethod
    def from_view(cls, view: ProfileView) -> "Profile":
        return cls(
            id=view.user_id,
            display_name=view.display_name,
            bio=view.bio,
            avatar_url=view.avatar_url,
            is_private=view.is_private,
            joined_at=view.joined_at,
            view=view,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.profile_by_user_id, node_ids, cls.from_view)

    @strawberry.field(description="Global ID of the profile's User.")
    def user_id(self) -> relay.GlobalID:
        return relay.GlobalID("User", str(self.id))

    @strawberry.field(description="Whether this is the viewer's own profile.")
    def is_viewer(self, info: strawberry.Info) -> bool:
        viewer = info.context.viewer
        return viewer is not None and viewer.user_id == self.id

    @strawberry.field(description="How many people follow them (approved follows).")
    async def follower_count(self, info: strawberry.Info) -> int:
        return await info.context.loaders.follower_count_by_user_id.load(self.id)

    @strawberry.field(description="How many people they follow (approved follows).")
    async def following_count(self, info: strawberry.Info) -> int:
        return await info.context.loaders.following_count_by_user_id.load(self.id)

    @strawberry.field(
        description="The viewer's follow of them: APPROVED, PENDING (requested) or null."
    )
    async def viewer_follow_status(self, info: strawberry.Info) -> FollowStatus | None:
        relationship = await info.context.loaders.relationship_by_user_id.load(self.id)
        return relationship.viewer_follow

    @strawberry.field(description="Whether they follow the viewer.")
    async def follows_viewer(self, info: strawberry.Info) -> bool:
        return (await info.context.loaders.relationship_by_user_id.load(self.id)).follows_viewer

    @strawberry.field(description="Whether the viewer has blocked them.")
    async def viewer_has_blocked(self, info: strawberry.Info) -> bool:
        return (await info.context.loaders.relationship_by_user_id.load(self.id)).viewer_blocked

    @strawberry.field(
        description="Whether the viewer may see their posts, pets and follower lists."
    )
    async def content_visible(self, info: strawberry.Info) -> bool:
        relationship = await info.context.loaders.relationship_by_user_id.load(self.id)
        return profiles_service.content_visible(info.context.viewer, self.view, relationship)

    @strawberry.field(
        description="Their pets, oldest first; empty when their content is hidden from you."
    )
    async def pets(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[ProfilePet]:
        loaders = info.context.loaders
        page = await loaders.profile_pet_page_by_owner_id.load(
            (self.id, page_args(info, first, after, last, before))
        )
        return build_connection(
            page,
            lambda: loaders.profile_pet_count_by_owner_id.load(self.id),
            ProfilePet.from_model,
        )


@strawberry.type(description="A payload field that loads the profile of the user it names.")
class ProfileResult:
    profile_user_id: strawberry.Private[int | None] = None

    @strawberry.field(description="The profile, as the viewer now sees it.")
    async def profile(self, info: strawberry.Info) -> Profile | None:
        if self.profile_user_id is None:
            return None
        view = await info.context.loaders.profile_by_user_id.load(self.profile_user_id)
        return Profile.from_view(view) if view else None


@strawberry.input(description="Changes to the viewer's profile; omitted fields stay as they are.")
class UpdateProfileInput:
    display_name: str | None = strawberry.field(
        default=strawberry.UNSET, description="1 to 80 characters."
    )
    bio: str | None = strawberry.field(
        default=strawberry.UNSET, description="Up to 500 characters; null or empty clears it."
    )
    avatar_url: str | None = strawberry.field(
        default=strawberry.UNSET, description="An http(s) URL; null clears it."
    )
    is_private: bool | None = strawberry.field(
        default=strawberry.UNSET,
        description="Private profiles approve followers; going public approves waiting requests.",
    )

    def to_data(self) -> ProfileData:
        names = ("display_name", "bio", "avatar_url", "is_private")
        return ProfileData(
            **{
                name: getattr(self, name)
                for name in names
                if getattr(self, name) is not strawberry.UNSET
            }
        )


@strawberry.type(description="Result of updateProfile.")
class UpdateProfilePayload(Payload):
    profile: Profile | None = strawberry.field(default=None, description="The profile as changed.")
