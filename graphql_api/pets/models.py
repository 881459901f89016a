import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import Boolean, Date, Enum, ForeignKey, Integer, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, utcnow


class Species(enum.StrEnum):
    DOG = "DOG"
    CAT = "CAT"
    RABBIT = "RABBIT"
    BIRD = "BIRD"
    OTHER = "OTHER"


class ActivityLevel(enum.StrEnum):
    LOW = "LOW"
    MODERATE = "MODERATE"
    HIGH = "HIGH"


class Pet(Base):
    __tablename__ = "pets"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    species: Mapped[Species] = mapped_column(
        Enum(Species, name="pet_species", native_enum=False, length=16)
    )
    breed: Mapped[str | None] = mapped_column(String(80))
    birthdate: Mapped[dt.date | None] = mapped_column(Date)
    weight_kg: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    activity_level: Mapped[ActivityLevel] = mapped_column(
        Enum(ActivityLevel, name="pet_activity_level", native_enum=False, length=16),
        default=ActivityLevel.MODERATE,
    )
    neutered: Mapped[bool] = mapped_column(Boolean, default=False)
    # The energy of the pet's food, kcal per kg as on its label: nutrition plans need it.
    food_kcal_per_kg: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
