import enum

from graphql_api.errors import Conflict, NotFound, ValidationFailed


class BehaviourErrorCode(enum.StrEnum):
    SEGMENT_NOT_FOUND = "SEGMENT_NOT_FOUND"
    INVALID_CORRECTION = "INVALID_CORRECTION"
    NUTRITION_FACTS_MISSING = "NUTRITION_FACTS_MISSING"
    FEEDER_NOT_FOR_PET = "FEEDER_NOT_FOR_PET"
    PLAN_DOES_NOT_FIT = "PLAN_DOES_NOT_FIT"
    PLAN_NOT_FOUND = "PLAN_NOT_FOUND"
    PLAN_ALREADY_UNDONE = "PLAN_ALREADY_UNDONE"


class SegmentNotFound(NotFound):
    default_code = BehaviourErrorCode.SEGMENT_NOT_FOUND
    default_message = "Timeline segment not found."


class InvalidCorrection(ValidationFailed):
    default_code = BehaviourErrorCode.INVALID_CORRECTION


class NutritionFactsMissing(ValidationFailed):
    """The pet lacks what a plan is computed from (weight, species, the food's kcal/kg)."""

    default_code = BehaviourErrorCode.NUTRITION_FACTS_MISSING


class FeederNotForPet(ValidationFailed):
    default_code = BehaviourErrorCode.FEEDER_NOT_FOR_PET
    default_message = "The feeder is assigned to another pet."


class PlanDoesNotFit(ValidationFailed):
    default_code = BehaviourErrorCode.PLAN_DOES_NOT_FIT


class PlanNotFound(NotFound):
    default_code = BehaviourErrorCode.PLAN_NOT_FOUND
    default_message = "Nutrition plan application not found."


class PlanAlreadyUndone(Conflict):
    default_code = BehaviourErrorCode.PLAN_ALREADY_UNDONE
    default_message = "This nutrition plan was already undone."
