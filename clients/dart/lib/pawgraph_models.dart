import 'package:freezed_annotation/freezed_annotation.dart';
import 'package:flutter/foundation.dart';

part 'pawgraph_models.freezed.dart';
part 'pawgraph_models.g.dart';

@freezed
class AcceptPurchaseRequestPayload with _$AcceptPurchaseRequestPayload {
  const AcceptPurchaseRequestPayload._();

/// Result of acceptPurchaseRequest.
  const factory AcceptPurchaseRequestPayload({
/// The request, ACCEPTED.
    PurchaseRequest? purchaseRequest,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _AcceptPurchaseRequestPayload;

  factory AcceptPurchaseRequestPayload.fromJson(Map<String, dynamic> json) => _$AcceptPurchaseRequestPayloadFromJson(json);
}

@freezed
class AcknowledgeAlertPayload with _$AcknowledgeAlertPayload {
  const AcknowledgeAlertPayload._();

/// Result of acknowledgeAlert.
  const factory AcknowledgeAlertPayload({
/// The alert, acknowledged.
    Alert? alert,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _AcknowledgeAlertPayload;

  factory AcknowledgeAlertPayload.fromJson(Map<String, dynamic> json) => _$AcknowledgeAlertPayloadFromJson(json);
}

/// What a pet was doing: SLEEP is a long rest at night.
enum Activity {
  PLAY,
  REST,
  RUN,
  SLEEP,
  WALK,
}

@freezed
class ActivityAccuracy with _$ActivityAccuracy {
  const ActivityAccuracy._();

/// Classifier accuracy for one activity, by the owner's labels.
  const factory ActivityAccuracy({
/// The activity the owner labelled.
    required Activity activity,
/// Of them, the classifier had it right.
    required int agreeing,
/// Segments the owner labelled so.
    required int corrections,
/// agreeing / corrections.
    required double recall,
  }) = _ActivityAccuracy;

  factory ActivityAccuracy.fromJson(Map<String, dynamic> json) => _$ActivityAccuracyFromJson(json);
}

/// How active the pet usually is.
enum ActivityLevel {
  HIGH,
  LOW,
  MODERATE,
}

@freezed
class ActivityMinutes with _$ActivityMinutes {
  const ActivityMinutes._();

/// Minutes spent in one activity.
  const factory ActivityMinutes({
/// The activity.
    required Activity activity,
/// Minutes.
    required double minutes,
  }) = _ActivityMinutes;

  factory ActivityMinutes.fromJson(Map<String, dynamic> json) => _$ActivityMinutesFromJson(json);
}

@unfreezed
class AddCommentInput with _$AddCommentInput {
  const AddCommentInput._();

/// A comment by the viewer on a post they can see.
  const factory AddCommentInput({
/// The post.
    required String postId,
/// 1 to 2000 characters.
    required String text,
  }) = _AddCommentInput;

  factory AddCommentInput.fromJson(Map<String, dynamic> json) => _$AddCommentInputFromJson(json);
}

@freezed
class AddCommentPayload with _$AddCommentPayload {
  const AddCommentPayload._();

/// Result of addComment.
  const factory AddCommentPayload({
/// The new comment.
    Comment? comment,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _AddCommentPayload;

  factory AddCommentPayload.fromJson(Map<String, dynamic> json) => _$AddCommentPayloadFromJson(json);
}

@freezed
class Alert with _$Alert {
  const Alert._();

/// A condition on a device that its owner should know about.
  const factory Alert({
/// When the owner acknowledged it; null if they have not.
    DateTime? acknowledgedAt,
/// When it was cleared, by the owner or by the condition ending.
    DateTime? clearedAt,
/// Who cleared it by hand; null while open or if it cleared itself.
    User? clearedBy,
/// True when it cleared because the condition ended, not by hand.
    required bool clearedByCondition,
/// The device it is about.
    Device? device,
/// The Globally Unique ID of this object
    required String id,
/// What condition it reports.
    required AlertKind kind,
/// What happened, in words fit to show.
    required String message,
/// When the condition was detected.
    required DateTime raisedAt,
/// Where it is in its lifecycle.
    required AlertStatus status,
  }) = _Alert;

  factory Alert.fromJson(Map<String, dynamic> json) => _$AlertFromJson(json);
}

@freezed
class AlertConnection with _$AlertConnection {
  const AlertConnection._();

/// A page of a list, with the total size of the list.
  const factory AlertConnection({
/// Contains the nodes in this connection
    required List<AlertEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _AlertConnection;

  factory AlertConnection.fromJson(Map<String, dynamic> json) => _$AlertConnectionFromJson(json);
}

@freezed
class AlertEdge with _$AlertEdge {
  const AlertEdge._();

/// An edge in a connection.
  const factory AlertEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required Alert node,
  }) = _AlertEdge;

  factory AlertEdge.fromJson(Map<String, dynamic> json) => _$AlertEdgeFromJson(json);
}

@unfreezed
class AlertIdInput with _$AlertIdInput {
  const AlertIdInput._();

/// One of the viewer's alerts.
  const factory AlertIdInput({
/// The alert.
    required String id,
  }) = _AlertIdInput;

  factory AlertIdInput.fromJson(Map<String, dynamic> json) => _$AlertIdInputFromJson(json);
}

/// What condition an alert reports.
enum AlertKind {
  ANOMALY,
  COMMAND_FAILED,
  FOOD_LOW,
  JAM,
  LOW_BATTERY,
  OFFLINE,
  OVERLOAD,
  SCHEDULE_FAILED,
  SCHEDULE_INVALID,
  SCHEDULE_MISSING,
  THRESHOLD,
}

/// ACTIVE when raised, ACKNOWLEDGED once the owner has seen it, CLEARED when over.
enum AlertStatus {
  ACKNOWLEDGED,
  ACTIVE,
  CLEARED,
}

/// How sales are grouped over time (UTC).
enum AnalyticsPeriod {
  DAY,
  MONTH,
  WEEK,
}

@freezed
class AppliedNutritionPlan with _$AppliedNutritionPlan {
  const AppliedNutritionPlan._();

/// A nutrition plan written into a feeder's schedules.
  const factory AppliedNutritionPlan({
/// When it was applied.
    required DateTime appliedAt,
/// The feeder it was written to.
    Device? feeder,
/// Pass it to undoNutritionPlan to restore the old portions.
    required String id,
/// The plan's daily energy.
    required double kcalPerDay,
/// Scheduled per day by the plan.
    required int newGramsPerDay,
/// What the fit had to compromise on.
    required List<String> notes,
/// Scheduled per day before.
    required int oldGramsPerDay,
/// Old and new, per schedule.
    required List<FeederPortion> portions,
/// What the plan asked for.
    required double targetGramsPerDay,
/// When it was undone, if it was.
    DateTime? undoneAt,
  }) = _AppliedNutritionPlan;

  factory AppliedNutritionPlan.fromJson(Map<String, dynamic> json) => _$AppliedNutritionPlanFromJson(json);
}

@unfreezed
class ApplyNutritionPlanInput with _$ApplyNutritionPlanInput {
  const ApplyNutritionPlanInput._();

/// Write a pet's nutrition plan into one of the viewer's feeders.
  const factory ApplyNutritionPlanInput({
/// A feeder of the viewer's, unassigned or assigned to this pet.
    required String feederId,
/// The pet.
    required String petId,
  }) = _ApplyNutritionPlanInput;

  factory ApplyNutritionPlanInput.fromJson(Map<String, dynamic> json) => _$ApplyNutritionPlanInputFromJson(json);
}

@freezed
class ApplyNutritionPlanPayload with _$ApplyNutritionPlanPayload {
  const ApplyNutritionPlanPayload._();

/// Result of applyNutritionPlan.
  const factory ApplyNutritionPlanPayload({
/// Old and new portions per schedule.
    AppliedNutritionPlan? applied,
/// The plan applied.
    NutritionPlan? plan,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _ApplyNutritionPlanPayload;

  factory ApplyNutritionPlanPayload.fromJson(Map<String, dynamic> json) => _$ApplyNutritionPlanPayloadFromJson(json);
}

@unfreezed
class ApproveFollowRequestInput with _$ApproveFollowRequestInput {
  const ApproveFollowRequestInput._();

/// Let a user who asked follow the viewer.
  const factory ApproveFollowRequestInput({
/// Who asked (a User or Profile ID).
    required String userId,
  }) = _ApproveFollowRequestInput;

  factory ApproveFollowRequestInput.fromJson(Map<String, dynamic> json) => _$ApproveFollowRequestInputFromJson(json);
}

@freezed
class ApproveFollowRequestPayload with _$ApproveFollowRequestPayload {
  const ApproveFollowRequestPayload._();

/// Result of approveFollowRequest.
  const factory ApproveFollowRequestPayload({
/// The profile, as the viewer now sees it.
    Profile? profile,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _ApproveFollowRequestPayload;

  factory ApproveFollowRequestPayload.fromJson(Map<String, dynamic> json) => _$ApproveFollowRequestPayloadFromJson(json);
}

/// What came of a provider response: ACCEPTED, REJECTED by validation, HTTP_ERROR (not 200), UNREACHABLE (timeout, refused), or PENDING while it is being read.
enum ArchiveOutcome {
  ACCEPTED,
  HTTP_ERROR,
  PENDING,
  REJECTED,
  UNREACHABLE,
}

@freezed
class ArchivedHeader with _$ArchivedHeader {
  const ArchivedHeader._();

/// An HTTP header of a provider response.
  const factory ArchivedHeader({
/// Header name.
    required String name,
/// Header value.
    required String value,
  }) = _ArchivedHeader;

  factory ArchivedHeader.fromJson(Map<String, dynamic> json) => _$ArchivedHeaderFromJson(json);
}

@freezed
class BatteryProfile with _$BatteryProfile {
  const BatteryProfile._();

/// A battery's rating, capacity and site.
  const factory BatteryProfile({
/// Usable capacity, kWh.
    required double capacityKwh,
/// Site-local time tomorrow's schedule is fetched; null: the server default.
    String? fetchLocalTime,
/// Highest charge rate, kW.
    required double maxChargeKw,
/// Highest discharge rate, kW.
    required double maxDischargeKw,
/// The site's schedule provider; null: the server's.
    String? providerUrl,
/// The site's IANA time zone.
    required String timeZone,
  }) = _BatteryProfile;

  factory BatteryProfile.fromJson(Map<String, dynamic> json) => _$BatteryProfileFromJson(json);
}

@unfreezed
class BatteryProfileInput with _$BatteryProfileInput {
  const BatteryProfileInput._();

/// A battery's rating, capacity and site (BATTERY devices only).
  const factory BatteryProfileInput({
/// Usable capacity, kWh (> 0).
    required double capacityKwh,
/// Site-local time to fetch tomorrow's schedule at.
    String? fetchLocalTime,
/// Highest charge rate, kW (> 0).
    required double maxChargeKw,
/// Highest discharge rate, kW (> 0).
    required double maxDischargeKw,
/// The site's own schedule provider (http or https).
    String? providerUrl,
/// The site's IANA time zone, e.g. Asia/Manila.
    required String timeZone,
  }) = _BatteryProfileInput;

  factory BatteryProfileInput.fromJson(Map<String, dynamic> json) => _$BatteryProfileInputFromJson(json);
}

@freezed
class BatterySchedule with _$BatterySchedule {
  const BatterySchedule._();

/// A battery's schedule for one day, as delivered to its agent.
  const factory BatterySchedule({
/// When the agent acked.
    DateTime? acknowledgedAt,
/// When the provider's body passed.
    required DateTime createdAt,
/// The site-local day it is for.
    required String date,
/// The battery.
    Device? device,
/// When it reached its end.
    DateTime? finishedAt,
/// The Globally Unique ID of this object
    required String id,
/// When last published.
    DateTime? lastSentAt,
/// Its id on the wire and in every log line.
    required String messageId,
/// Why it failed or was superseded.
    String? reason,
/// How many times it was published.
    required int sendCount,
/// Its 48 slots, in order.
    required List<BatterySlot> slots,
/// Where it is.
    required ScheduleStatus status,
/// The site's zone the slots are in.
    required String timeZone,
  }) = _BatterySchedule;

  factory BatterySchedule.fromJson(Map<String, dynamic> json) => _$BatteryScheduleFromJson(json);
}

@freezed
class BatteryScheduleEvent with _$BatteryScheduleEvent {
  const BatteryScheduleEvent._();

/// One step of a schedule: its own status, or one slot's.
  const factory BatteryScheduleEvent({
/// Server time of the step.
    required DateTime at,
/// Why, or what the agent said.
    String? detail,
/// The schedule's message_id.
    required String messageId,
/// The slot, for a slot's step.
    int? slot,
/// The schedule's new status, or the slot's.
    required String status,
  }) = _BatteryScheduleEvent;

  factory BatteryScheduleEvent.fromJson(Map<String, dynamic> json) => _$BatteryScheduleEventFromJson(json);
}

@freezed
class BatteryScheduleTimeline with _$BatteryScheduleTimeline {
  const BatteryScheduleTimeline._();

/// A schedule and every step it went through, oldest first.
  const factory BatteryScheduleTimeline({
/// Its steps, in order.
    required List<BatteryScheduleEvent> events,
/// The schedule.
    required BatterySchedule schedule,
  }) = _BatteryScheduleTimeline;

  factory BatteryScheduleTimeline.fromJson(Map<String, dynamic> json) => _$BatteryScheduleTimelineFromJson(json);
}

@freezed
class BatteryScheduleUpdate with _$BatteryScheduleUpdate {
  const BatteryScheduleUpdate._();

/// A live change of a battery's schedule or of one of its slots.
  const factory BatteryScheduleUpdate({
/// Server time of the change.
    required DateTime at,
/// The day it is for.
    required String date,
/// Why, or what the agent said.
    String? detail,
/// The schedule's message_id.
    required String messageId,
/// The slot that changed, if one did.
    int? slot,
/// That slot's status.
    SlotStatus? slotStatus,
/// The schedule's status now.
    required ScheduleStatus status,
  }) = _BatteryScheduleUpdate;

  factory BatteryScheduleUpdate.fromJson(Map<String, dynamic> json) => _$BatteryScheduleUpdateFromJson(json);
}

@freezed
class BatterySlot with _$BatterySlot {
  const BatterySlot._();

/// One half-hour of a battery schedule.
  const factory BatterySlot({
/// The agent's detail, e.g. why it failed.
    String? detail,
/// charge, discharge or idle.
    required SlotMode mode,
/// Rate, kW (0 when idle).
    required double rateKw,
/// When the report came in.
    DateTime? reportedAt,
/// 0 (00:00) to 47 (23:30).
    required int slot,
/// Site-local start, HH:MM.
    required String start,
/// What the agent reported.
    required SlotStatus status,
  }) = _BatterySlot;

  factory BatterySlot.fromJson(Map<String, dynamic> json) => _$BatterySlotFromJson(json);
}

@freezed
class BatteryStatus with _$BatteryStatus {
  const BatteryStatus._();

/// A battery controller's (MAX300 edge agent's) status.
  const factory BatteryStatus({
/// The device reporting.
    required String deviceId,
/// The device's own clock at that report; 1970 before it synced NTP.
    DateTime? deviceTime,
/// The agent's last error, if any.
    String? errorMessage,
/// Server time of its last report.
    DateTime? lastSeenAt,
/// The schedule it is running.
    String? messageId,
/// What it does now: charge, discharge, idle.
    String? mode,
/// Whether it reported recently enough to count as online.
    required bool online,
/// At what rate, kW.
    double? rateKw,
/// The schedule slot it is in (0-47).
    int? slot,
/// State of charge, kWh.
    double? stateOfChargeKwh,
/// State of charge at the agent's last heartbeat, percent of capacity.
    double? stateOfChargePercent,
  }) = _BatteryStatus;

  factory BatteryStatus.fromJson(Map<String, dynamic> json) => _$BatteryStatusFromJson(json);
}

@freezed
class BehaviourAnomaly with _$BehaviourAnomaly {
  const BehaviourAnomaly._();

/// A change in a pet against its own recent baseline.
  const factory BehaviourAnomaly({
/// The ANOMALY alert it raised, if it raised one.
    Alert? alert,
/// Days the baseline was taken over.
    required int baselineDays,
/// The pet's baseline median.
    required double baselineMedian,
/// value - baseline median.
    required double change,
/// The change in percent.
    double? changePercent,
/// The local day it was found on.
    required String day,
/// What changed and by how much, in words.
    required String message,
/// How it was found.
    required Method method,
/// What changed.
    required Metric metric,
/// Robust z-score, or the CUSUM sum.
    required double score,
/// When the change began (CUSUM), else the day.
    required String since,
/// The day's value (or the mean since the shift).
    required double value,
  }) = _BehaviourAnomaly;

  factory BehaviourAnomaly.fromJson(Map<String, dynamic> json) => _$BehaviourAnomalyFromJson(json);
}

/// What a behaviour event says.
enum BehaviourChange {
  ACTIVITY_CHANGED,
  ANOMALY,
}

@freezed
class BehaviourEvent with _$BehaviourEvent {
  const BehaviourEvent._();

/// A pet's activity changed, or an anomaly was found.
  const factory BehaviourEvent({
/// ACTIVITY_CHANGED: the activity now.
    Activity? activity,
/// What happened.
    required BehaviourChange change,
/// ACTIVITY_CHANGED: how sure, 0-1.
    double? confidence,
/// ANOMALY: what changed and by how much.
    String? message,
/// ANOMALY: what changed.
    Metric? metric,
/// The pet.
    required String petId,
/// ACTIVITY_CHANGED: since when.
    DateTime? since,
  }) = _BehaviourEvent;

  factory BehaviourEvent.fromJson(Map<String, dynamic> json) => _$BehaviourEventFromJson(json);
}

@freezed
class BehaviourSegment with _$BehaviourSegment {
  const BehaviourSegment._();

/// A stretch of one activity in a pet's timeline.
  const factory BehaviourSegment({
/// What the classifier says it was.
    required Activity activity,
/// 0-1: the share of its windows the classifier put in this activity, weighted by how sure it was.
    required double confidence,
/// What the owner says it was (correctActivity); null if not corrected.
    Activity? correctedActivity,
/// End (exclusive), clipped to the day shown.
    required DateTime end,
/// End of the whole segment.
    required DateTime endedAt,
/// The Globally Unique ID of this object
    required String id,
/// Length of [start, end) in minutes.
    required double minutes,
/// What the timeline counts: the owner's label when there is one.
    required Activity shownActivity,
/// What it was classified from.
    required SegmentSource source,
/// Start, clipped to the day shown (a segment may run over midnight).
    required DateTime start,
/// Start of the whole segment.
    required DateTime startedAt,
  }) = _BehaviourSegment;

  factory BehaviourSegment.fromJson(Map<String, dynamic> json) => _$BehaviourSegmentFromJson(json);
}

@unfreezed
class BlockUserInput with _$BlockUserInput {
  const BlockUserInput._();

/// Block a user: neither of you sees the other's content any more.
  const factory BlockUserInput({
/// Whom to block (a User or Profile ID).
    required String userId,
  }) = _BlockUserInput;

  factory BlockUserInput.fromJson(Map<String, dynamic> json) => _$BlockUserInputFromJson(json);
}

@freezed
class BlockUserPayload with _$BlockUserPayload {
  const BlockUserPayload._();

/// Result of blockUser.
  const factory BlockUserPayload({
/// The profile, as the viewer now sees it.
    Profile? profile,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _BlockUserPayload;

  factory BlockUserPayload.fromJson(Map<String, dynamic> json) => _$BlockUserPayloadFromJson(json);
}

@unfreezed
class CalibrateInput with _$CalibrateInput {
  const CalibrateInput._();

/// Run the feeder's calibration.
  const factory CalibrateInput({
/// One of the viewer's feeders.
    required String deviceId,
  }) = _CalibrateInput;

  factory CalibrateInput.fromJson(Map<String, dynamic> json) => _$CalibrateInputFromJson(json);
}

@freezed
class CalibratePayload with _$CalibratePayload {
  const CalibratePayload._();

/// Result of calibrate.
  const factory CalibratePayload({
/// The queued command.
    Command? command,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _CalibratePayload;

  factory CalibratePayload.fromJson(Map<String, dynamic> json) => _$CalibratePayloadFromJson(json);
}

@freezed
class CancelPurchaseRequestPayload with _$CancelPurchaseRequestPayload {
  const CancelPurchaseRequestPayload._();

/// Result of cancelPurchaseRequest.
  const factory CancelPurchaseRequestPayload({
/// The request, CANCELLED.
    PurchaseRequest? purchaseRequest,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _CancelPurchaseRequestPayload;

  factory CancelPurchaseRequestPayload.fromJson(Map<String, dynamic> json) => _$CancelPurchaseRequestPayloadFromJson(json);
}

@freezed
class Category with _$Category {
  const Category._();

/// A node of the marketplace's category tree.
  const factory Category({
/// The categories directly below this one, by name.
    required List<Category> children,
/// When the category was created.
    required DateTime createdAt,
/// The Globally Unique ID of this object
    required String id,
/// Name shown to people, unique among its siblings.
    required String name,
/// The category above this one; null at the top level.
    Category? parent,
/// Stable URL-safe name, unique in the tree.
    required String slug,
  }) = _Category;

  factory Category.fromJson(Map<String, dynamic> json) => _$CategoryFromJson(json);
}

@unfreezed
class ClaimDeviceInput with _$ClaimDeviceInput {
  const ClaimDeviceInput._();

/// A PETio feeder in pairing mode, claimed with the PIN on its screen.
  const factory ClaimDeviceInput({
/// The unit's id, ESP- and 8 hex digits, as shown in its pairing screen.
    required String hardwareId,
/// Name for the feeder, 1 to 80 characters.
    required String name,
/// One of the viewer's pets it feeds.
    String? petId,
/// The 6-digit PIN on the unit's screen; works once.
    required String pin,
  }) = _ClaimDeviceInput;

  factory ClaimDeviceInput.fromJson(Map<String, dynamic> json) => _$ClaimDeviceInputFromJson(json);
}

@freezed
class ClaimDevicePayload with _$ClaimDevicePayload {
  const ClaimDevicePayload._();

/// Result of claimDevice.
  const factory ClaimDevicePayload({
/// The feeder, now the viewer's. The unit fetches its own key within seconds.
    Device? device,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _ClaimDevicePayload;

  factory ClaimDevicePayload.fromJson(Map<String, dynamic> json) => _$ClaimDevicePayloadFromJson(json);
}

@freezed
class ClassificationAccuracy with _$ClassificationAccuracy {
  const ClassificationAccuracy._();

/// The classifier against the owner's corrections: the real-world evaluation set for this pet (a confirmation counts as an agreeing correction).
  const factory ClassificationAccuracy({
/// agreeing / corrections; null before any correction.
    double? accuracy,
/// Labels that matched the classifier.
    required int agreeing,
/// Per activity the owner labelled.
    required List<ActivityAccuracy> byActivity,
/// Minutes the owner labelled.
    required double correctedMinutes,
/// Segments the owner labelled.
    required int corrections,
/// Share of labelled minutes the classifier had right.
    double? minuteAccuracy,
  }) = _ClassificationAccuracy;

  factory ClassificationAccuracy.fromJson(Map<String, dynamic> json) => _$ClassificationAccuracyFromJson(json);
}

@freezed
class ClearAlertPayload with _$ClearAlertPayload {
  const ClearAlertPayload._();

/// Result of clearAlert.
  const factory ClearAlertPayload({
/// The alert, cleared.
    Alert? alert,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _ClearAlertPayload;

  factory ClearAlertPayload.fromJson(Map<String, dynamic> json) => _$ClearAlertPayloadFromJson(json);
}

@freezed
class CollarReading with _$CollarReading {
  const CollarReading._();

/// What a Petty collar measured at one moment.
  const factory CollarReading({
/// The activity level's name.
    required String activityLabel,
/// The collar's own activity level: 0 rest, 1 active, 2 play.
    required int activityLevel,
/// Heart rate, beats per minute.
    required int heartRate,
/// When the collar measured it, by its own clock (UTC).
    required DateTime measuredAt,
/// Where the collar was.
    required Position position,
/// When pawgraph received it.
    required DateTime receivedAt,
  }) = _CollarReading;

  factory CollarReading.fromJson(Map<String, dynamic> json) => _$CollarReadingFromJson(json);
}

@freezed
class CollarReadingConnection with _$CollarReadingConnection {
  const CollarReadingConnection._();

/// A page of a list, with the total size of the list.
  const factory CollarReadingConnection({
/// Contains the nodes in this connection
    required List<CollarReadingEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _CollarReadingConnection;

  factory CollarReadingConnection.fromJson(Map<String, dynamic> json) => _$CollarReadingConnectionFromJson(json);
}

@freezed
class CollarReadingEdge with _$CollarReadingEdge {
  const CollarReadingEdge._();

/// An edge in a connection.
  const factory CollarReadingEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required CollarReading node,
  }) = _CollarReadingEdge;

  factory CollarReadingEdge.fromJson(Map<String, dynamic> json) => _$CollarReadingEdgeFromJson(json);
}

@freezed
class CollarStatus with _$CollarStatus {
  const CollarStatus._();

/// A collar's status: battery, heart rate, last position.
  const factory CollarStatus({
/// Battery charge, percent.
    int? batteryPercent,
/// The device reporting.
    required String deviceId,
/// The device's own clock at that report; 1970 before it synced NTP.
    DateTime? deviceTime,
/// The wearer's heart rate, bpm.
    int? heartRate,
/// Where the collar last reported being, if it reports positions.
    GeoPosition? lastPosition,
/// Server time of its last report.
    DateTime? lastSeenAt,
/// Whether it reported recently enough to count as online.
    required bool online,
  }) = _CollarStatus;

  factory CollarStatus.fromJson(Map<String, dynamic> json) => _$CollarStatusFromJson(json);
}

@freezed
class Command with _$Command {
  const Command._();

/// An instruction to a device, and how it went.
  const factory Command({
/// Its arguments: {grams} for FEED_NOW, {socket} for relays, {milliamps} for SET_THRESHOLD.
    required Object args,
/// What settles it once fetched: an observed state, an ack, or delivery alone.
    required CommandConfirmation confirmation,
/// When it was issued.
    required DateTime createdAt,
/// The device it is for.
    Device? device,
/// When it expires unless settled before.
    required DateTime expiresAt,
/// When it succeeded, failed or expired.
    DateTime? finishedAt,
/// Shared by the commands of one operation (cutAllPower); null otherwise.
    String? groupId,
/// The Globally Unique ID of this object
    required String id,
/// Who issued it; null if the issuer's account is gone.
    User? issuedBy,
/// What the device is told to do.
    required CommandKind kind,
/// Why it is in its status, if that needs saying.
    String? reason,
/// When the device fetched it.
    DateTime? sentAt,
/// Where it is in its lifecycle.
    required CommandStatus status,
/// Every status it entered, oldest first.
    required List<CommandTransition> transitions,
  }) = _Command;

  factory Command.fromJson(Map<String, dynamic> json) => _$CommandFromJson(json);
}

/// What settles a command once its device fetched it.
enum CommandConfirmation {
  /// Nothing the device sends can confirm it (an outlet's threshold, read-sensors, ping: the hub never acks). It ends DELIVERED when the hub fetches it: the hub has it, not necessarily the outlet.
  DELIVERY,
  /// Confirmed by the device's acknowledgement (feeders, MQTT devices): SUCCEEDED or FAILED with the device's reason, EXPIRED when no ack comes in time.
  DEVICE_ACK,
  /// Confirmed by what the device later reports: a relay command SUCCEEDS when a reading shows the socket in the commanded state, and FAILS when none does in time.
  OBSERVED_STATE,
}

@freezed
class CommandConnection with _$CommandConnection {
  const CommandConnection._();

/// A page of a list, with the total size of the list.
  const factory CommandConnection({
/// Contains the nodes in this connection
    required List<CommandEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _CommandConnection;

  factory CommandConnection.fromJson(Map<String, dynamic> json) => _$CommandConnectionFromJson(json);
}

@freezed
class CommandEdge with _$CommandEdge {
  const CommandEdge._();

/// An edge in a connection.
  const factory CommandEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required Command node,
  }) = _CommandEdge;

  factory CommandEdge.fromJson(Map<String, dynamic> json) => _$CommandEdgeFromJson(json);
}

/// What a command tells a device to do.
enum CommandKind {
  APPLY_SCHEDULE,
  CALIBRATE,
  FEED_NOW,
  PING,
  READ_SENSORS,
  RELAY_OFF,
  RELAY_ON,
  SET_THRESHOLD,
  STOP_FEEDING,
  TREAT,
}

/// Where a command is: QUEUED → SENT (the device fetched it) → ACKNOWLEDGED / SUCCEEDED / FAILED, or EXPIRED when not fetched or not acknowledged in time. A command nothing can confirm (see CommandConfirmation.DELIVERY) ends DELIVERED when the device fetches it. SUCCEEDED, FAILED, EXPIRED and DELIVERED are final.
enum CommandStatus {
  ACKNOWLEDGED,
  DELIVERED,
  EXPIRED,
  FAILED,
  QUEUED,
  SENT,
  SUCCEEDED,
}

@freezed
class CommandTransition with _$CommandTransition {
  const CommandTransition._();

/// A status a command entered.
  const factory CommandTransition({
/// Server time it was entered.
    required DateTime at,
/// Why, when that needs saying: the device's refusal (busy, cooldown, ...) or a timeout.
    String? reason,
/// The status entered.
    required CommandStatus status,
  }) = _CommandTransition;

  factory CommandTransition.fromJson(Map<String, dynamic> json) => _$CommandTransitionFromJson(json);
}

@freezed
class Comment with _$Comment {
  const Comment._();

/// A comment on a post.
  const factory Comment({
/// Who wrote it.
    Profile? author,
/// When it was written.
    required DateTime createdAt,
/// The Globally Unique ID of this object
    required String id,
/// The post it is on.
    Post? post,
/// When a moderator removed it; only staff still see removed comments.
    DateTime? removedAt,
/// The comment, up to 2000 characters.
    required String text,
/// When it was last edited.
    required DateTime updatedAt,
/// Whether the viewer may delete it: its author or the post's.
    required bool viewerCanDelete,
/// Whether the viewer wrote it (and so may edit it).
    required bool viewerIsAuthor,
  }) = _Comment;

  factory Comment.fromJson(Map<String, dynamic> json) => _$CommentFromJson(json);
}

@freezed
class CommentConnection with _$CommentConnection {
  const CommentConnection._();

/// A page of a list, with the total size of the list.
  const factory CommentConnection({
/// Contains the nodes in this connection
    required List<CommentEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _CommentConnection;

  factory CommentConnection.fromJson(Map<String, dynamic> json) => _$CommentConnectionFromJson(json);
}

@freezed
class CommentEdge with _$CommentEdge {
  const CommentEdge._();

/// An edge in a connection.
  const factory CommentEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required Comment node,
  }) = _CommentEdge;

  factory CommentEdge.fromJson(Map<String, dynamic> json) => _$CommentEdgeFromJson(json);
}

@freezed
class CompletePurchasePayload with _$CompletePurchasePayload {
  const CompletePurchasePayload._();

/// Result of completePurchase.
  const factory CompletePurchasePayload({
/// The request, COMPLETED.
    PurchaseRequest? purchaseRequest,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _CompletePurchasePayload;

  factory CompletePurchasePayload.fromJson(Map<String, dynamic> json) => _$CompletePurchasePayloadFromJson(json);
}

@unfreezed
class CorrectActivityInput with _$CorrectActivityInput {
  const CorrectActivityInput._();

/// The owner's label for one segment of their pet's timeline.
  const factory CorrectActivityInput({
/// What the pet really did.
    required Activity activity,
/// The BehaviourSegment.
    required String segmentId,
  }) = _CorrectActivityInput;

  factory CorrectActivityInput.fromJson(Map<String, dynamic> json) => _$CorrectActivityInputFromJson(json);
}

@freezed
class CorrectActivityPayload with _$CorrectActivityPayload {
  const CorrectActivityPayload._();

/// Result of correctActivity.
  const factory CorrectActivityPayload({
/// The segment with the owner's label.
    BehaviourSegment? segment,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _CorrectActivityPayload;

  factory CorrectActivityPayload.fromJson(Map<String, dynamic> json) => _$CorrectActivityPayloadFromJson(json);
}

@unfreezed
class CounterPurchaseOfferInput with _$CounterPurchaseOfferInput {
  const CounterPurchaseOfferInput._();

/// A counter-offer on a request (by whoever received the latest offer).
  const factory CounterPurchaseOfferInput({
/// The purchase request.
    required String id,
/// Up to 1000 characters.
    String? message,
/// The price you propose; positive, at most 2 decimals.
    required String price,
  }) = _CounterPurchaseOfferInput;

  factory CounterPurchaseOfferInput.fromJson(Map<String, dynamic> json) => _$CounterPurchaseOfferInputFromJson(json);
}

@freezed
class CounterPurchaseOfferPayload with _$CounterPurchaseOfferPayload {
  const CounterPurchaseOfferPayload._();

/// Result of counterPurchaseOffer.
  const factory CounterPurchaseOfferPayload({
/// The request, NEGOTIATING.
    PurchaseRequest? purchaseRequest,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _CounterPurchaseOfferPayload;

  factory CounterPurchaseOfferPayload.fromJson(Map<String, dynamic> json) => _$CounterPurchaseOfferPayloadFromJson(json);
}

@unfreezed
class CreateCategoryInput with _$CreateCategoryInput {
  const CreateCategoryInput._();

/// A new category (admins only).
  const factory CreateCategoryInput({
/// 1 to 60 characters, unique among its siblings.
    required String name,
/// The category to put it under; null for the top level.
    String? parentId,
  }) = _CreateCategoryInput;

  factory CreateCategoryInput.fromJson(Map<String, dynamic> json) => _$CreateCategoryInputFromJson(json);
}

@freezed
class CreateCategoryPayload with _$CreateCategoryPayload {
  const CreateCategoryPayload._();

/// Result of createCategory.
  const factory CreateCategoryPayload({
/// The new category.
    Category? category,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _CreateCategoryPayload;

  factory CreateCategoryPayload.fromJson(Map<String, dynamic> json) => _$CreateCategoryPayloadFromJson(json);
}

@unfreezed
class CreateFeedingScheduleInput with _$CreateFeedingScheduleInput {
  const CreateFeedingScheduleInput._();

/// A new schedule for one of the viewer's feeders.
  const factory CreateFeedingScheduleInput({
/// Days it runs: Mon, Tue, Wed, Thu, Fri, Sat, Sun (any case). Omitted or null: every day.
    List<String>? daysOfWeek,
/// One of the viewer's feeders.
    required String deviceId,
/// Whether it fires.
    required bool enabled,
/// Portion in grams: 10 to 160, a multiple of 10.
    required int grams,
/// Up to 32 characters.
    String? label,
/// Local time of day, HH:MM (24-hour), in the viewer's time zone.
    required String time,
  }) = _CreateFeedingScheduleInput;

  factory CreateFeedingScheduleInput.fromJson(Map<String, dynamic> json) => _$CreateFeedingScheduleInputFromJson(json);
}

@freezed
class CreateFeedingSchedulePayload with _$CreateFeedingSchedulePayload {
  const CreateFeedingSchedulePayload._();

/// Result of createFeedingSchedule.
  const factory CreateFeedingSchedulePayload({
/// The new schedule.
    FeedingSchedule? feedingSchedule,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _CreateFeedingSchedulePayload;

  factory CreateFeedingSchedulePayload.fromJson(Map<String, dynamic> json) => _$CreateFeedingSchedulePayloadFromJson(json);
}

@unfreezed
class CreateListingInput with _$CreateListingInput {
  const CreateListingInput._();

/// A new listing of the viewer's.
  const factory CreateListingInput({
/// The listing's category.
    required String categoryId,
/// The state the item is in.
    required ListingCondition condition,
/// ISO 4217 currency code, e.g. USD.
    required String currency,
/// 1 to 5000 characters.
    required String description,
/// Where the item is, up to 120 characters.
    String? location,
/// Up to 10 http(s) image URLs, in display order.
    required List<String> photos,
/// Positive, at most 2 decimals (none for JPY and the like).
    required String price,
/// 1 to 10000 items sold together.
    required int quantity,
/// 1 to 120 characters.
    required String title,
  }) = _CreateListingInput;

  factory CreateListingInput.fromJson(Map<String, dynamic> json) => _$CreateListingInputFromJson(json);
}

@freezed
class CreateListingPayload with _$CreateListingPayload {
  const CreateListingPayload._();

/// Result of createListing.
  const factory CreateListingPayload({
/// The new listing.
    Listing? listing,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _CreateListingPayload;

  factory CreateListingPayload.fromJson(Map<String, dynamic> json) => _$CreateListingPayloadFromJson(json);
}

@unfreezed
class CreatePetInput with _$CreatePetInput {
  const CreatePetInput._();

/// A new pet of the viewer's.
  const factory CreatePetInput({
/// How active the pet usually is.
    required ActivityLevel activityLevel,
/// Not in the future.
    String? birthdate,
/// Breed, up to 80 characters.
    String? breed,
/// The food's energy, 300 to 9000 kcal/kg (from its label).
    int? foodKcalPerKg,
/// 1 to 60 characters.
    required String name,
/// Neutered or spayed.
    required bool neutered,
/// Kind of animal.
    required Species species,
/// Above 0, at most 500.
    double? weightKg,
  }) = _CreatePetInput;

  factory CreatePetInput.fromJson(Map<String, dynamic> json) => _$CreatePetInputFromJson(json);
}

@freezed
class CreatePetPayload with _$CreatePetPayload {
  const CreatePetPayload._();

/// Result of createPet.
  const factory CreatePetPayload({
/// The new pet.
    Pet? pet,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _CreatePetPayload;

  factory CreatePetPayload.fromJson(Map<String, dynamic> json) => _$CreatePetPayloadFromJson(json);
}

@unfreezed
class CreatePostInput with _$CreatePostInput {
  const CreatePostInput._();

/// A new post by the viewer; it needs text or at least one photo.
  const factory CreatePostInput({
/// Up to 10 http(s) image URLs, in display order.
    required List<String> photoUrls,
/// Up to 10 of the viewer's own pets.
    required List<String> taggedPetIds,
/// Up to 5000 characters.
    required String text,
/// Who may see it.
    required PostVisibility visibility,
  }) = _CreatePostInput;

  factory CreatePostInput.fromJson(Map<String, dynamic> json) => _$CreatePostInputFromJson(json);
}

@freezed
class CreatePostPayload with _$CreatePostPayload {
  const CreatePostPayload._();

/// Result of createPost.
  const factory CreatePostPayload({
/// The new post.
    Post? post,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _CreatePostPayload;

  factory CreatePostPayload.fromJson(Map<String, dynamic> json) => _$CreatePostPayloadFromJson(json);
}

@unfreezed
class CutAllPowerInput with _$CutAllPowerInput {
  const CutAllPowerInput._();

/// Switch off every socket of every outlet of a hub.
  const factory CutAllPowerInput({
/// One of the viewer's hubs.
    required String hubId,
  }) = _CutAllPowerInput;

  factory CutAllPowerInput.fromJson(Map<String, dynamic> json) => _$CutAllPowerInputFromJson(json);
}

@freezed
class CutAllPowerPayload with _$CutAllPowerPayload {
  const CutAllPowerPayload._();

/// Result of cutAllPower.
  const factory CutAllPowerPayload({
/// One RELAY_OFF per socket per outlet, in outlet order.
    List<Command>? commands,
/// Shared by the commands; follow them with commands(groupId:).
    String? groupId,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _CutAllPowerPayload;

  factory CutAllPowerPayload.fromJson(Map<String, dynamic> json) => _$CutAllPowerPayloadFromJson(json);
}

@unfreezed
class DeclineFollowRequestInput with _$DeclineFollowRequestInput {
  const DeclineFollowRequestInput._();

/// Turn down a user's request to follow the viewer.
  const factory DeclineFollowRequestInput({
/// Who asked (a User or Profile ID).
    required String userId,
  }) = _DeclineFollowRequestInput;

  factory DeclineFollowRequestInput.fromJson(Map<String, dynamic> json) => _$DeclineFollowRequestInputFromJson(json);
}

@freezed
class DeclineFollowRequestPayload with _$DeclineFollowRequestPayload {
  const DeclineFollowRequestPayload._();

/// Result of declineFollowRequest.
  const factory DeclineFollowRequestPayload({
/// The profile, as the viewer now sees it.
    Profile? profile,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _DeclineFollowRequestPayload;

  factory DeclineFollowRequestPayload.fromJson(Map<String, dynamic> json) => _$DeclineFollowRequestPayloadFromJson(json);
}

@unfreezed
class DeleteCategoryInput with _$DeleteCategoryInput {
  const DeleteCategoryInput._();

/// The category to delete (admins only).
  const factory DeleteCategoryInput({
/// An empty leaf: no subcategories and no listings.
    required String id,
  }) = _DeleteCategoryInput;

  factory DeleteCategoryInput.fromJson(Map<String, dynamic> json) => _$DeleteCategoryInputFromJson(json);
}

@freezed
class DeleteCategoryPayload with _$DeleteCategoryPayload {
  const DeleteCategoryPayload._();

/// Result of deleteCategory.
  const factory DeleteCategoryPayload({
/// ID of the deleted category.
    String? deletedCategoryId,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _DeleteCategoryPayload;

  factory DeleteCategoryPayload.fromJson(Map<String, dynamic> json) => _$DeleteCategoryPayloadFromJson(json);
}

@unfreezed
class DeleteCommentInput with _$DeleteCommentInput {
  const DeleteCommentInput._();

/// A comment to delete: the viewer's own, or one on their post.
  const factory DeleteCommentInput({
/// The comment.
    required String id,
  }) = _DeleteCommentInput;

  factory DeleteCommentInput.fromJson(Map<String, dynamic> json) => _$DeleteCommentInputFromJson(json);
}

@freezed
class DeleteCommentPayload with _$DeleteCommentPayload {
  const DeleteCommentPayload._();

/// Result of deleteComment.
  const factory DeleteCommentPayload({
/// ID of the deleted comment.
    String? deletedCommentId,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _DeleteCommentPayload;

  factory DeleteCommentPayload.fromJson(Map<String, dynamic> json) => _$DeleteCommentPayloadFromJson(json);
}

@freezed
class DeleteDevicePayload with _$DeleteDevicePayload {
  const DeleteDevicePayload._();

/// Result of deleteDevice.
  const factory DeleteDevicePayload({
/// ID of the deleted device.
    String? deletedDeviceId,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _DeleteDevicePayload;

  factory DeleteDevicePayload.fromJson(Map<String, dynamic> json) => _$DeleteDevicePayloadFromJson(json);
}

@unfreezed
class DeleteFeedingScheduleInput with _$DeleteFeedingScheduleInput {
  const DeleteFeedingScheduleInput._();

/// One of the viewer's feeding schedules.
  const factory DeleteFeedingScheduleInput({
/// The schedule to delete.
    required String id,
  }) = _DeleteFeedingScheduleInput;

  factory DeleteFeedingScheduleInput.fromJson(Map<String, dynamic> json) => _$DeleteFeedingScheduleInputFromJson(json);
}

@freezed
class DeleteFeedingSchedulePayload with _$DeleteFeedingSchedulePayload {
  const DeleteFeedingSchedulePayload._();

/// Result of deleteFeedingSchedule.
  const factory DeleteFeedingSchedulePayload({
/// ID of the deleted schedule.
    String? deletedFeedingScheduleId,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _DeleteFeedingSchedulePayload;

  factory DeleteFeedingSchedulePayload.fromJson(Map<String, dynamic> json) => _$DeleteFeedingSchedulePayloadFromJson(json);
}

@unfreezed
class DeletePetInput with _$DeletePetInput {
  const DeletePetInput._();

/// The pet to delete.
  const factory DeletePetInput({
/// The pet to delete.
    required String id,
  }) = _DeletePetInput;

  factory DeletePetInput.fromJson(Map<String, dynamic> json) => _$DeletePetInputFromJson(json);
}

@freezed
class DeletePetPayload with _$DeletePetPayload {
  const DeletePetPayload._();

/// Result of deletePet.
  const factory DeletePetPayload({
/// ID of the deleted pet.
    String? deletedPetId,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _DeletePetPayload;

  factory DeletePetPayload.fromJson(Map<String, dynamic> json) => _$DeletePetPayloadFromJson(json);
}

@unfreezed
class DeletePostInput with _$DeletePostInput {
  const DeletePostInput._();

/// The viewer's post to delete.
  const factory DeletePostInput({
/// The post to delete.
    required String id,
  }) = _DeletePostInput;

  factory DeletePostInput.fromJson(Map<String, dynamic> json) => _$DeletePostInputFromJson(json);
}

@freezed
class DeletePostPayload with _$DeletePostPayload {
  const DeletePostPayload._();

/// Result of deletePost.
  const factory DeletePostPayload({
/// ID of the deleted post.
    String? deletedPostId,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _DeletePostPayload;

  factory DeletePostPayload.fromJson(Map<String, dynamic> json) => _$DeletePostPayloadFromJson(json);
}

@freezed
class Device with _$Device {
  const Device._();

/// A feeder, collar, outlet, hub or battery controller.
  const factory Device({
/// A battery's rating, capacity and site; null for other kinds.
    BatteryProfile? battery,
/// When it was registered.
    required DateTime createdAt,
/// Firmware version, if known.
    String? firmwareVersion,
/// Id the hardware reports: ESP-XXXXXXXX for feeders, 2 hex digits for outlets.
    required String hardwareId,
/// The Globally Unique ID of this object
    required String id,
/// What sort of device this is.
    required DeviceKind kind,
/// Where a collar last reported itself; null if it never did.
    Position? lastPosition,
/// A collar's newest reading (by its own clock); null if none.
    CollarReading? lastReading,
/// Server time of its last report.
    DateTime? lastSeenAt,
/// The newest stored value of one key; null if it has none.
    TelemetrySample? latest,
/// The newest stored value of each key it measures (hopper_percent, wifi_rssi, current_a, ...), by key. Readings are stored at most once per persist interval per stream; `telemetryUpdated` has every one live.
    required List<TelemetrySample> latestReadings,
/// Where it is, in the owner's words.
    String? location,
/// Owner's name for it.
    required String name,
/// Whether it reported within its kind's offline threshold.
    required bool online,
/// Its open alerts (ACTIVE or ACKNOWLEDGED), newest first: at most one per kind.
    required List<Alert> openAlerts,
/// A hub's outlets, oldest first; empty for other kinds.
    required DeviceConnection outlets,
/// The hub an outlet belongs to.
    Device? parentHub,
/// The pet it is assigned to, if any.
    Pet? pet,
/// The last state it reported, typed by its kind.
    required DeviceStatus status,
/// A collar's readings (positions, heart rate, activity) measured in [`from`, `to`), oldest first: the route it walked.
    required CollarReadingConnection track,
  }) = _Device;

  factory Device.fromJson(Map<String, dynamic> json) => _$DeviceFromJson(json);
}

@freezed
class DeviceConnection with _$DeviceConnection {
  const DeviceConnection._();

/// A page of a list, with the total size of the list.
  const factory DeviceConnection({
/// Contains the nodes in this connection
    required List<DeviceEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _DeviceConnection;

  factory DeviceConnection.fromJson(Map<String, dynamic> json) => _$DeviceConnectionFromJson(json);
}

@freezed
class DeviceEdge with _$DeviceEdge {
  const DeviceEdge._();

/// An edge in a connection.
  const factory DeviceEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required Device node,
  }) = _DeviceEdge;

  factory DeviceEdge.fromJson(Map<String, dynamic> json) => _$DeviceEdgeFromJson(json);
}

@unfreezed
class DeviceIdInput with _$DeviceIdInput {
  const DeviceIdInput._();

/// One of the viewer's devices.
  const factory DeviceIdInput({
/// The device.
    required String id,
  }) = _DeviceIdInput;

  factory DeviceIdInput.fromJson(Map<String, dynamic> json) => _$DeviceIdInputFromJson(json);
}

/// What sort of device this is.
enum DeviceKind {
  BATTERY,
  COLLAR,
  FEEDER,
  HUB,
  OUTLET,
}

/// Why a mutation could not be carried out; stable, for clients to switch on.
enum ErrorCode {
  ACCOUNT_SUSPENDED,
  ALERT_NOT_FOUND,
  ALERT_TRANSITION_NOT_ALLOWED,
  BATTERY_NOT_CONFIGURED,
  BATTERY_NOT_FOUND,
  BROKER_UNAVAILABLE,
  BUYER_NOT_FOUND,
  CANNOT_BLOCK_SELF,
  CANNOT_FOLLOW_SELF,
  CANNOT_SUSPEND,
  CATEGORY_EXISTS,
  CATEGORY_IN_USE,
  CATEGORY_NOT_FOUND,
  COLLAR_KEY_INVALID,
  COMMAND_NOT_FOUND,
  COMMAND_NOT_SUPPORTED,
  COMMENT_NOT_FOUND,
  CONFLICT,
  DEVICE_ALREADY_PAIRED,
  DEVICE_KEY_INVALID,
  DEVICE_NOT_FOUND,
  EMAIL_TAKEN,
  FEEDER_NOT_FOR_PET,
  FOLLOW_REQUEST_NOT_FOUND,
  HARDWARE_ID_TAKEN,
  HUB_NOT_FOUND,
  ILLEGAL_REQUEST_MOVE,
  INVALID,
  INVALID_BATTERY_PROFILE,
  INVALID_COLLAR_READING,
  INVALID_COMMAND,
  INVALID_COMMENT,
  INVALID_CORRECTION,
  INVALID_CREDENTIALS,
  INVALID_CURRENCY,
  INVALID_DAYS_OF_WEEK,
  INVALID_DEVICE,
  INVALID_EMAIL,
  INVALID_FEEDING_LOG,
  INVALID_HARDWARE_ID,
  INVALID_ID,
  INVALID_LISTING,
  INVALID_MEETUP,
  INVALID_MESSAGE,
  INVALID_OFFER,
  INVALID_OUTLET_ID,
  INVALID_PAIRING_PIN,
  INVALID_PAIRING_REQUEST,
  INVALID_PERIOD,
  INVALID_PET,
  INVALID_PHOTO_URL,
  INVALID_PORTION,
  INVALID_POST,
  INVALID_PRICE,
  INVALID_PROFILE,
  INVALID_REPORT,
  INVALID_RESOLUTION,
  INVALID_SCHEDULE_LABEL,
  INVALID_SCHEDULE_TIME,
  INVALID_TELEMETRY_KEY,
  INVALID_TELEMETRY_RANGE,
  INVALID_TIME_RANGE,
  INVALID_TIME_ZONE,
  INVALID_URL,
  LISTING_NOT_AVAILABLE,
  LISTING_NOT_EDITABLE,
  LISTING_NOT_FOUND,
  NOTIFICATION_DIGEST_NOT_ALLOWED,
  NOTIFICATION_NOT_FOUND,
  NOTIFICATION_PREFERENCES_INVALID,
  NOTIFICATION_SELECTION_INVALID,
  NOT_AUTHENTICATED,
  NOT_A_FEEDER,
  NOT_FOUND,
  NOT_YOUR_MOVE,
  NUTRITION_FACTS_MISSING,
  OUTLET_NOT_FOUND,
  OWN_LISTING,
  PAIRING_KEY_DELIVERED,
  PAIRING_NOT_CLAIMED,
  PAIRING_NOT_FOUND,
  PARENT_HUB_REQUIRED,
  PASSWORD_TOO_LONG,
  PAYLOAD_TOO_LARGE,
  PERMISSION_DENIED,
  PET_NOT_FOUND,
  PLAN_ALREADY_UNDONE,
  PLAN_DOES_NOT_FIT,
  PLAN_NOT_FOUND,
  POST_NOT_FOUND,
  PROFILE_NOT_FOUND,
  PURCHASE_REQUEST_NOT_FOUND,
  RATE_LIMITED,
  READINGS_REJECTED,
  READING_INVALID,
  REPORT_ALREADY_RESOLVED,
  REPORT_NOT_FOUND,
  REPORT_TARGET_NOT_FOUND,
  SCHEDULE_NOT_FOUND,
  SCHEDULE_PROVIDER_NOT_SET,
  SEGMENT_NOT_FOUND,
  SERVICE_UNAVAILABLE,
  TAGGED_PET_NOT_FOUND,
  THREAD_NOT_FOUND,
  TOO_MANY_SCHEDULES,
  USER_BLOCKED,
  USER_NOT_FOUND,
  VIDEO_NOT_SUPPORTED,
  WEAK_PASSWORD,
  WEBHOOK_URL_INVALID,
}

@unfreezed
class FeedNowInput with _$FeedNowInput {
  const FeedNowInput._();

/// Dispense a portion now.
  const factory FeedNowInput({
/// One of the viewer's feeders.
    required String deviceId,
/// 10 to 160 grams, in steps of 10.
    required int grams,
  }) = _FeedNowInput;

  factory FeedNowInput.fromJson(Map<String, dynamic> json) => _$FeedNowInputFromJson(json);
}

@freezed
class FeedNowPayload with _$FeedNowPayload {
  const FeedNowPayload._();

/// Result of feedNow.
  const factory FeedNowPayload({
/// The queued command.
    Command? command,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _FeedNowPayload;

  factory FeedNowPayload.fromJson(Map<String, dynamic> json) => _$FeedNowPayloadFromJson(json);
}

@freezed
class FeederPortion with _$FeederPortion {
  const FeederPortion._();

/// One feeder schedule as a nutrition plan set it.
  const factory FeederPortion({
/// The portion the plan set (10-160 g).
    required int newGrams,
/// Its portion before the plan; null for a schedule the plan created.
    int? oldGrams,
/// The FeedingSchedule.
    required String scheduleId,
/// Its local time, HH:MM (kept as it was).
    required String time,
  }) = _FeederPortion;

  factory FeederPortion.fromJson(Map<String, dynamic> json) => _$FeederPortionFromJson(json);
}

@freezed
class FeederStatus with _$FeederStatus {
  const FeederStatus._();

/// A PETio feeder's status: hopper, feeds and health.
  const factory FeederStatus({
/// Feeds dispensed today.
    int? dailyFeeds,
/// The device reporting.
    required String deviceId,
/// The device's own clock at that report; 1970 before it synced NTP.
    DateTime? deviceTime,
/// The device's last error, if any.
    String? errorMessage,
/// Distance to the food, mm.
    int? hopperMm,
/// Hopper fill level, percent.
    int? hopperPercent,
/// Last dispense.
    DateTime? lastFeedAt,
/// Server time of its last report.
    DateTime? lastSeenAt,
/// Whether it reported recently enough to count as online.
    required bool online,
/// Whether the hopper sensor works.
    bool? tofOk,
/// Seconds since the device booted.
    int? uptimeSeconds,
/// Wi-Fi signal, dBm.
    int? wifiRssi,
  }) = _FeederStatus;

  factory FeederStatus.fromJson(Map<String, dynamic> json) => _$FeederStatusFromJson(json);
}

@freezed
class FeedingDailyTotal with _$FeedingDailyTotal {
  const FeedingDailyTotal._();

/// What a feeder dispensed on one day of its owner's calendar.
  const factory FeedingDailyTotal({
/// The day, in the owner's time zone.
    required String date,
/// How many dispenses.
    required int feeds,
/// Grams dispensed that day.
    required double grams,
  }) = _FeedingDailyTotal;

  factory FeedingDailyTotal.fromJson(Map<String, dynamic> json) => _$FeedingDailyTotalFromJson(json);
}

@freezed
class FeedingLog with _$FeedingLog {
  const FeedingLog._();

/// A portion a feeder reported it dispensed.
  const factory FeedingLog({
/// The feed-now command this dispense carried out, for REMOTE_COMMAND logs.
    Command? command,
/// The feeder.
    Device? device,
/// The feeder's clock as sent (1970 before NTP sync); null if it sent none.
    DateTime? deviceTime,
/// When: the feeder's clock when it was plausible, else when the log arrived.
    required DateTime fedAt,
/// Grams dispensed, as the feeder counted them.
    required double grams,
/// The Globally Unique ID of this object
    required String id,
/// The feeder's notes, if any.
    String? notes,
/// The pet the feeder served when the log arrived, if any.
    Pet? pet,
/// Server time the log arrived.
    required DateTime receivedAt,
/// What made it dispense.
    required FeedingSource source,
  }) = _FeedingLog;

  factory FeedingLog.fromJson(Map<String, dynamic> json) => _$FeedingLogFromJson(json);
}

@freezed
class FeedingLogConnection with _$FeedingLogConnection {
  const FeedingLogConnection._();

/// A page of a list, with the total size of the list.
  const factory FeedingLogConnection({
/// Contains the nodes in this connection
    required List<FeedingLogEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _FeedingLogConnection;

  factory FeedingLogConnection.fromJson(Map<String, dynamic> json) => _$FeedingLogConnectionFromJson(json);
}

@freezed
class FeedingLogEdge with _$FeedingLogEdge {
  const FeedingLogEdge._();

/// An edge in a connection.
  const factory FeedingLogEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required FeedingLog node,
  }) = _FeedingLogEdge;

  factory FeedingLogEdge.fromJson(Map<String, dynamic> json) => _$FeedingLogEdgeFromJson(json);
}

@freezed
class FeedingSchedule with _$FeedingSchedule {
  const FeedingSchedule._();

/// A feeder's daily dispense at a local time of its owner's time zone.
  const factory FeedingSchedule({
/// When it was created.
    required DateTime createdAt,
/// Days it runs, Mon first: Mon, Tue, ... Sun.
    required List<String> daysOfWeek,
/// The feeder it belongs to.
    Device? device,
/// Whether it fires; a disabled schedule is kept but skipped.
    required bool enabled,
/// Portion in grams: 10 to 160, a multiple of 10.
    required int grams,
/// The Globally Unique ID of this object
    required String id,
/// Owner's name for it, e.g. Breakfast; may be empty.
    required String label,
/// When the server last told the feeder to run it; null if never.
    DateTime? lastTriggeredAt,
/// Local time of day, HH:MM (24-hour), in the owner's time zone.
    required String time,
/// When it was last changed.
    required DateTime updatedAt,
  }) = _FeedingSchedule;

  factory FeedingSchedule.fromJson(Map<String, dynamic> json) => _$FeedingScheduleFromJson(json);
}

@freezed
class FeedingScheduleConnection with _$FeedingScheduleConnection {
  const FeedingScheduleConnection._();

/// A page of a list, with the total size of the list.
  const factory FeedingScheduleConnection({
/// Contains the nodes in this connection
    required List<FeedingScheduleEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _FeedingScheduleConnection;

  factory FeedingScheduleConnection.fromJson(Map<String, dynamic> json) => _$FeedingScheduleConnectionFromJson(json);
}

@freezed
class FeedingScheduleEdge with _$FeedingScheduleEdge {
  const FeedingScheduleEdge._();

/// An edge in a connection.
  const factory FeedingScheduleEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required FeedingSchedule node,
  }) = _FeedingScheduleEdge;

  factory FeedingScheduleEdge.fromJson(Map<String, dynamic> json) => _$FeedingScheduleEdgeFromJson(json);
}

/// What made the feeder dispense: a schedule, its button, or feed-now in the app.
enum FeedingSource {
  MANUAL,
  REMOTE_COMMAND,
  SCHEDULED,
}

@unfreezed
class FetchBatteryScheduleInput with _$FetchBatteryScheduleInput {
  const FetchBatteryScheduleInput._();

/// The battery whose schedule for tomorrow to fetch now.
  const factory FetchBatteryScheduleInput({
/// A BATTERY device.
    required String deviceId,
  }) = _FetchBatteryScheduleInput;

  factory FetchBatteryScheduleInput.fromJson(Map<String, dynamic> json) => _$FetchBatteryScheduleInputFromJson(json);
}

@freezed
class FetchBatterySchedulePayload with _$FetchBatterySchedulePayload {
  const FetchBatterySchedulePayload._();

/// Result of fetchBatterySchedule.
  const factory FetchBatterySchedulePayload({
/// Every response archived by this fetch (retries included).
    List<ScheduleArchiveEntry>? archived,
/// What came of the provider's last response.
    ArchiveOutcome? outcome,
/// Why nothing was scheduled, with slot numbers.
    List<ScheduleRejectionReason>? reasons,
/// The new schedule, when the response was accepted.
    BatterySchedule? schedule,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _FetchBatterySchedulePayload;

  factory FetchBatterySchedulePayload.fromJson(Map<String, dynamic> json) => _$FetchBatterySchedulePayloadFromJson(json);
}

@unfreezed
class FocusOutletInput with _$FocusOutletInput {
  const FocusOutletInput._();

/// The outlet a hub should poll when nobody is watching one live.
  const factory FocusOutletInput({
/// One of the viewer's outlets.
    required String outletId,
  }) = _FocusOutletInput;

  factory FocusOutletInput.fromJson(Map<String, dynamic> json) => _$FocusOutletInputFromJson(json);
}

@freezed
class FocusOutletPayload with _$FocusOutletPayload {
  const FocusOutletPayload._();

/// Result of focusOutlet.
  const factory FocusOutletPayload({
/// The chosen outlet.
    OutletState? outletState,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _FocusOutletPayload;

  factory FocusOutletPayload.fromJson(Map<String, dynamic> json) => _$FocusOutletPayloadFromJson(json);
}

@freezed
class FollowRequest with _$FollowRequest {
  const FollowRequest._();

/// Someone asking to follow the viewer's private profile.
  const factory FollowRequest({
/// When they asked.
    required DateTime requestedAt,
/// Who asks.
    required Profile requester,
  }) = _FollowRequest;

  factory FollowRequest.fromJson(Map<String, dynamic> json) => _$FollowRequestFromJson(json);
}

@freezed
class FollowRequestConnection with _$FollowRequestConnection {
  const FollowRequestConnection._();

/// A page of a list, with the total size of the list.
  const factory FollowRequestConnection({
/// Contains the nodes in this connection
    required List<FollowRequestEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _FollowRequestConnection;

  factory FollowRequestConnection.fromJson(Map<String, dynamic> json) => _$FollowRequestConnectionFromJson(json);
}

@freezed
class FollowRequestEdge with _$FollowRequestEdge {
  const FollowRequestEdge._();

/// An edge in a connection.
  const factory FollowRequestEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required FollowRequest node,
  }) = _FollowRequestEdge;

  factory FollowRequestEdge.fromJson(Map<String, dynamic> json) => _$FollowRequestEdgeFromJson(json);
}

/// PENDING: asked to follow a private profile, waiting for approval; APPROVED.
enum FollowStatus {
  APPROVED,
  PENDING,
}

@unfreezed
class FollowUserInput with _$FollowUserInput {
  const FollowUserInput._();

/// Follow a user, or ask to if their profile is private.
  const factory FollowUserInput({
/// Whom to follow (a User or Profile ID).
    required String userId,
  }) = _FollowUserInput;

  factory FollowUserInput.fromJson(Map<String, dynamic> json) => _$FollowUserInputFromJson(json);
}

@freezed
class FollowUserPayload with _$FollowUserPayload {
  const FollowUserPayload._();

/// Result of followUser.
  const factory FollowUserPayload({
/// The profile, as the viewer now sees it.
    Profile? profile,
/// APPROVED (following) or PENDING (waiting for approval).
    FollowStatus? status,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _FollowUserPayload;

  factory FollowUserPayload.fromJson(Map<String, dynamic> json) => _$FollowUserPayloadFromJson(json);
}

@freezed
class GeoPosition with _$GeoPosition {
  const GeoPosition._();

/// A point on Earth, WGS 84 degrees.
  const factory GeoPosition({
/// Degrees north (negative: south).
    required double latitude,
/// Degrees east (negative: west).
    required double longitude,
  }) = _GeoPosition;

  factory GeoPosition.fromJson(Map<String, dynamic> json) => _$GeoPositionFromJson(json);
}

@freezed
class HealthComponent with _$HealthComponent {
  const HealthComponent._();

/// One part of the health score, with what it was measured against.
  const factory HealthComponent({
/// How the score follows, in words.
    required String explanation,
/// activity, resting_heart_rate, sleep or weight.
    required String name,
/// 0-100; null when there is no data.
    double? score,
/// What the value is compared with.
    required String target,
/// The measured value.
    double? value,
/// Its weight in the score.
    required double weight,
  }) = _HealthComponent;

  factory HealthComponent.fromJson(Map<String, dynamic> json) => _$HealthComponentFromJson(json);
}

@freezed
class HealthScore with _$HealthScore {
  const HealthScore._();

/// A 0-100 health score and every component it is made of.
  const factory HealthScore({
/// Its components.
    required List<HealthComponent> components,
/// The arithmetic behind the score.
    required String explanation,
/// 0-100; null when no component has data.
    int? score,
  }) = _HealthScore;

  factory HealthScore.fromJson(Map<String, dynamic> json) => _$HealthScoreFromJson(json);
}

@freezed
class HubSetup with _$HubSetup {
  const HubSetup._();

/// What the owner types into the hub's setup portal.
  const factory HubSetup({
/// The full base URL (`…/h/<hub key>`), only when the hub's current key was given.
    String? baseUrl,
/// The base URL without the key: the hub's base URL is this followed by its key.
    required String baseUrlPrefix,
/// The hub.
    required Device hub,
  }) = _HubSetup;

  factory HubSetup.fromJson(Map<String, dynamic> json) => _$HubSetupFromJson(json);
}

@freezed
class HubState with _$HubState {
  const HubState._();

/// A Smart-Outlet hub: its breaker load, its outlets and which one it polls.
  const factory HubState({
/// Main breaker load, mA, from the last reading (1-280 mA of noise read as 0).
    int? breakerCurrentMilliamps,
/// Server time of that reading.
    DateTime? breakerReadingAt,
/// The outlet the owner last chose with focusOutlet, if any.
    OutletState? chosenOutlet,
/// The outlet the hub polls every 2 s now: one someone watches live, else the owner's choice, else null.
    OutletState? focusedOutlet,
/// The hub.
    required Device hub,
/// Whether it reported within the offline threshold.
    required bool online,
/// Its outlets, oldest first.
    required List<OutletState> outlets,
  }) = _HubState;

  factory HubState.fromJson(Map<String, dynamic> json) => _$HubStateFromJson(json);
}

@freezed
class HubStatus with _$HubStatus {
  const HubStatus._();

/// A Smart-Outlet hub's status: its main breaker load.
  const factory HubStatus({
/// Load on the hub's main breaker, mA (sensor noise reads as 0).
    int? breakerCurrentMilliamps,
/// The device reporting.
    required String deviceId,
/// The device's own clock at that report; 1970 before it synced NTP.
    DateTime? deviceTime,
/// Server time of its last report.
    DateTime? lastSeenAt,
/// Whether it reported recently enough to count as online.
    required bool online,
  }) = _HubStatus;

  factory HubStatus.fromJson(Map<String, dynamic> json) => _$HubStatusFromJson(json);
}

@unfreezed
class IssueHubBaseUrlInput with _$IssueHubBaseUrlInput {
  const IssueHubBaseUrlInput._();

/// One of the viewer's hubs.
  const factory IssueHubBaseUrlInput({
/// The hub whose key is replaced.
    required String hubId,
  }) = _IssueHubBaseUrlInput;

  factory IssueHubBaseUrlInput.fromJson(Map<String, dynamic> json) => _$IssueHubBaseUrlInputFromJson(json);
}

@freezed
class IssueHubBaseUrlPayload with _$IssueHubBaseUrlPayload {
  const IssueHubBaseUrlPayload._();

/// Result of issueHubBaseUrl.
  const factory IssueHubBaseUrlPayload({
/// Type this into the hub's setup portal. Shown this once only; the hub's previous base URL (and key) stop working.
    String? baseUrl,
/// The hub.
    Device? hub,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _IssueHubBaseUrlPayload;

  factory IssueHubBaseUrlPayload.fromJson(Map<String, dynamic> json) => _$IssueHubBaseUrlPayloadFromJson(json);
}

@freezed
class Listing with _$Listing {
  const Listing._();

/// Something a user offers for sale.
  const factory Listing({
/// The listing's category.
    Category? category,
/// The state the item is in.
    required ListingCondition condition,
/// When it was listed.
    required DateTime createdAt,
/// Details, up to 5000 characters.
    required String description,
/// The Globally Unique ID of this object
    required String id,
/// Where the item is, as the seller wrote it.
    String? location,
/// Photos in display order.
    required List<ListingPhoto> photos,
/// Asking price.
    required Money price,
/// How many items the listing sells together.
    required int quantity,
/// Who sells it; null to anonymous viewers, who see no users.
    User? seller,
/// When it was sold, if it was.
    DateTime? soldAt,
/// ACTIVE, RESERVED, SOLD or REMOVED.
    required ListingStatus status,
/// Short title, up to 120 characters.
    required String title,
/// When it last changed.
    required DateTime updatedAt,
/// Whether the viewer is the seller.
    required bool viewerIsSeller,
  }) = _Listing;

  factory Listing.fromJson(Map<String, dynamic> json) => _$ListingFromJson(json);
}

@freezed
class ListingCategoryCount with _$ListingCategoryCount {
  const ListingCategoryCount._();

/// Listings of one category.
  const factory ListingCategoryCount({
/// The category.
    Category? category,
/// How many listings created in the window are in it.
    required int count,
  }) = _ListingCategoryCount;

  factory ListingCategoryCount.fromJson(Map<String, dynamic> json) => _$ListingCategoryCountFromJson(json);
}

/// The state an item is in.
enum ListingCondition {
  FAIR,
  FOR_PARTS,
  GOOD,
  LIKE_NEW,
  NEW,
}

@freezed
class ListingConnection with _$ListingConnection {
  const ListingConnection._();

/// A page of a list, with the total size of the list.
  const factory ListingConnection({
/// Contains the nodes in this connection
    required List<ListingEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _ListingConnection;

  factory ListingConnection.fromJson(Map<String, dynamic> json) => _$ListingConnectionFromJson(json);
}

@freezed
class ListingEdge with _$ListingEdge {
  const ListingEdge._();

/// An edge in a connection.
  const factory ListingEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required Listing node,
  }) = _ListingEdge;

  factory ListingEdge.fromJson(Map<String, dynamic> json) => _$ListingEdgeFromJson(json);
}

@unfreezed
class ListingFilterInput with _$ListingFilterInput {
  const ListingFilterInput._();

/// What to search the catalog for; every filter is optional.
  const factory ListingFilterInput({
/// A category; its subcategories are included.
    String? categoryId,
/// Any of these conditions.
    List<ListingCondition>? conditions,
/// Only prices in this currency.
    String? currency,
/// Highest price, inclusive.
    String? priceMax,
/// Lowest price, inclusive.
    String? priceMin,
/// One seller's listings.
    String? sellerId,
/// Any of these statuses; ACTIVE when omitted. REMOVED ones show only to their seller and staff.
    List<ListingStatus>? statuses,
/// Words in the title or description.
    String? text,
  }) = _ListingFilterInput;

  factory ListingFilterInput.fromJson(Map<String, dynamic> json) => _$ListingFilterInputFromJson(json);
}

@unfreezed
class ListingIdInput with _$ListingIdInput {
  const ListingIdInput._();

/// One of the viewer's listings.
  const factory ListingIdInput({
/// The listing.
    required String id,
  }) = _ListingIdInput;

  factory ListingIdInput.fromJson(Map<String, dynamic> json) => _$ListingIdInputFromJson(json);
}

@freezed
class ListingPhoto with _$ListingPhoto {
  const ListingPhoto._();

/// A photo of a listing.
  const factory ListingPhoto({
/// Display order, from 0.
    required int position,
/// http(s) URL of the image.
    required String url,
  }) = _ListingPhoto;

  factory ListingPhoto.fromJson(Map<String, dynamic> json) => _$ListingPhotoFromJson(json);
}

/// Order of a catalog search.
enum ListingSort {
  NEWEST,
  PRICE_ASC,
  PRICE_DESC,
}

/// ACTIVE → RESERVED (a request was accepted) → SOLD, or REMOVED.
enum ListingStatus {
  ACTIVE,
  REMOVED,
  RESERVED,
  SOLD,
}

@freezed
class ListingStatusCount with _$ListingStatusCount {
  const ListingStatusCount._();

/// Listings of one status.
  const factory ListingStatusCount({
/// How many listings created in the window have it.
    required int count,
/// The status.
    required ListingStatus status,
  }) = _ListingStatusCount;

  factory ListingStatusCount.fromJson(Map<String, dynamic> json) => _$ListingStatusCountFromJson(json);
}

@unfreezed
class LoginInput with _$LoginInput {
  const LoginInput._();

/// Credentials to exchange for an access token.
  const factory LoginInput({
/// Login email.
    required String email,
/// Password.
    required String password,
  }) = _LoginInput;

  factory LoginInput.fromJson(Map<String, dynamic> json) => _$LoginInputFromJson(json);
}

@freezed
class LoginPayload with _$LoginPayload {
  const LoginPayload._();

/// Result of login.
  const factory LoginPayload({
/// Send as `Authorization: Bearer <token>` (HTTP) or in connection_init.
    String? accessToken,
/// When the token stops working.
    DateTime? expiresAt,
/// The logged-in user.
    User? user,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _LoginPayload;

  factory LoginPayload.fromJson(Map<String, dynamic> json) => _$LoginPayloadFromJson(json);
}

@unfreezed
class LogoutInput with _$LogoutInput {
  const LogoutInput._();

/// Which tokens to revoke.
  const factory LogoutInput({
/// Revoke every token of the viewer, not only the one this request carries.
    required bool everywhere,
  }) = _LogoutInput;

  factory LogoutInput.fromJson(Map<String, dynamic> json) => _$LogoutInputFromJson(json);
}

@freezed
class LogoutPayload with _$LogoutPayload {
  const LogoutPayload._();

/// Result of logout.
  const factory LogoutPayload({
/// True once the token(s) stopped working.
    bool? revoked,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _LogoutPayload;

  factory LogoutPayload.fromJson(Map<String, dynamic> json) => _$LogoutPayloadFromJson(json);
}

@unfreezed
class MarkListingSoldInput with _$MarkListingSoldInput {
  const MarkListingSoldInput._();

/// Mark one of the viewer's ACTIVE listings sold, without a purchase request.
  const factory MarkListingSoldInput({
/// The buyer, if they have an account; the sale shows in their history.
    String? buyerId,
/// The listing.
    required String id,
/// The price it sold for; the asking price when omitted.
    String? price,
  }) = _MarkListingSoldInput;

  factory MarkListingSoldInput.fromJson(Map<String, dynamic> json) => _$MarkListingSoldInputFromJson(json);
}

@freezed
class MarkListingSoldPayload with _$MarkListingSoldPayload {
  const MarkListingSoldPayload._();

/// Result of markListingSold.
  const factory MarkListingSoldPayload({
/// The listing, now SOLD.
    Listing? listing,
/// The recorded sale.
    Transaction? transaction,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _MarkListingSoldPayload;

  factory MarkListingSoldPayload.fromJson(Map<String, dynamic> json) => _$MarkListingSoldPayloadFromJson(json);
}

@unfreezed
class MarkNotificationsReadInput with _$MarkNotificationsReadInput {
  const MarkNotificationsReadInput._();

/// Which of the viewer's notifications to mark read.
  const factory MarkNotificationsReadInput({
/// Every unread notification instead.
    required bool all,
/// These notifications (1 to 100 of the viewer's own).
    List<String>? ids,
  }) = _MarkNotificationsReadInput;

  factory MarkNotificationsReadInput.fromJson(Map<String, dynamic> json) => _$MarkNotificationsReadInputFromJson(json);
}

@freezed
class MarkNotificationsReadPayload with _$MarkNotificationsReadPayload {
  const MarkNotificationsReadPayload._();

/// Result of markNotificationsRead.
  const factory MarkNotificationsReadPayload({
/// The notifications named by `ids`, now read; empty with `all`.
    List<Notification>? notifications,
/// How many unread notifications the viewer has left.
    int? unreadCount,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _MarkNotificationsReadPayload;

  factory MarkNotificationsReadPayload.fromJson(Map<String, dynamic> json) => _$MarkNotificationsReadPayloadFromJson(json);
}

@freezed
class MarkPurchasePaidPayload with _$MarkPurchasePaidPayload {
  const MarkPurchasePaidPayload._();

/// Result of markPurchasePaid.
  const factory MarkPurchasePaidPayload({
/// The request, PAID.
    PurchaseRequest? purchaseRequest,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _MarkPurchasePaidPayload;

  factory MarkPurchasePaidPayload.fromJson(Map<String, dynamic> json) => _$MarkPurchasePaidPayloadFromJson(json);
}

@unfreezed
class MarkThreadReadInput with _$MarkThreadReadInput {
  const MarkThreadReadInput._();

/// A thread to mark read.
  const factory MarkThreadReadInput({
/// A thread the viewer is a party to.
    required String threadId,
  }) = _MarkThreadReadInput;

  factory MarkThreadReadInput.fromJson(Map<String, dynamic> json) => _$MarkThreadReadInputFromJson(json);
}

@freezed
class MarkThreadReadPayload with _$MarkThreadReadPayload {
  const MarkThreadReadPayload._();

/// Result of markThreadRead.
  const factory MarkThreadReadPayload({
/// The thread, now read.
    MessageThread? thread,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _MarkThreadReadPayload;

  factory MarkThreadReadPayload.fromJson(Map<String, dynamic> json) => _$MarkThreadReadPayloadFromJson(json);
}

@freezed
class MarketplaceAnalytics with _$MarketplaceAnalytics {
  const MarketplaceAnalytics._();

/// The marketplace dashboard for a time window.
  const factory MarketplaceAnalytics({
/// Start of the window, inclusive.
    required DateTime from,
/// Listings created in the window, by category.
    required List<ListingCategoryCount> listingsByCategory,
/// Listings created in the window, by current status.
    required List<ListingStatusCount> listingsByStatus,
/// Reports waiting in the moderation queue now.
    required int openReports,
/// How `sales` is grouped.
    required AnalyticsPeriod period,
/// Reports made in the window, by status.
    required List<ReportStatusCount> reportsByStatus,
/// Reports made in the window, by kind of object.
    required List<ReportTargetCount> reportsByTargetType,
/// Purchase requests made in the window, by current state.
    required List<RequestStateCount> requestsByState,
/// Completed sales per period, empty periods included.
    required List<SalesPeriod> sales,
/// Sales completed in the window.
    required int salesCount,
/// Their total value, one amount per currency.
    required List<Money> salesVolume,
/// End of the window, exclusive.
    required DateTime to,
  }) = _MarketplaceAnalytics;

  factory MarketplaceAnalytics.fromJson(Map<String, dynamic> json) => _$MarketplaceAnalyticsFromJson(json);
}

@freezed
class Message with _$Message {
  const Message._();

/// A message between a buyer and a seller.
  const factory Message({
/// The text, up to 2000 characters.
    required String body,
/// When it was sent.
    required DateTime createdAt,
/// The Globally Unique ID of this object
    required String id,
/// Whether the viewer sent it.
    required bool isMine,
/// Who sent it.
    User? sender,
/// The thread it belongs to.
    required String threadId,
  }) = _Message;

  factory Message.fromJson(Map<String, dynamic> json) => _$MessageFromJson(json);
}

@freezed
class MessageConnection with _$MessageConnection {
  const MessageConnection._();

/// A page of a list, with the total size of the list.
  const factory MessageConnection({
/// Contains the nodes in this connection
    required List<MessageEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _MessageConnection;

  factory MessageConnection.fromJson(Map<String, dynamic> json) => _$MessageConnectionFromJson(json);
}

@freezed
class MessageEdge with _$MessageEdge {
  const MessageEdge._();

/// An edge in a connection.
  const factory MessageEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required Message node,
  }) = _MessageEdge;

  factory MessageEdge.fromJson(Map<String, dynamic> json) => _$MessageEdgeFromJson(json);
}

@freezed
class MessageThread with _$MessageThread {
  const MessageThread._();

/// The conversation between one buyer and the seller about one listing.
  const factory MessageThread({
/// The buyer.
    User? buyer,
/// When the first message was sent.
    required DateTime createdAt,
/// The Globally Unique ID of this object
    required String id,
/// The latest message.
    Message? lastMessage,
/// When the latest message was sent.
    required DateTime lastMessageAt,
/// The listing it is about.
    Listing? listing,
/// The messages, oldest first; `last` pages back from the newest.
    required MessageConnection messages,
/// The seller.
    User? seller,
/// Messages from the other party the viewer has not read.
    required int unreadCount,
  }) = _MessageThread;

  factory MessageThread.fromJson(Map<String, dynamic> json) => _$MessageThreadFromJson(json);
}

@freezed
class MessageThreadConnection with _$MessageThreadConnection {
  const MessageThreadConnection._();

/// A page of a list, with the total size of the list.
  const factory MessageThreadConnection({
/// Contains the nodes in this connection
    required List<MessageThreadEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _MessageThreadConnection;

  factory MessageThreadConnection.fromJson(Map<String, dynamic> json) => _$MessageThreadConnectionFromJson(json);
}

@freezed
class MessageThreadEdge with _$MessageThreadEdge {
  const MessageThreadEdge._();

/// An edge in a connection.
  const factory MessageThreadEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required MessageThread node,
  }) = _MessageThreadEdge;

  factory MessageThreadEdge.fromJson(Map<String, dynamic> json) => _$MessageThreadEdgeFromJson(json);
}

/// ROBUST_Z: one day far from the pet's baseline (median/MAD); CUSUM: a sustained shift over several days.
enum Method {
  CUSUM,
  ROBUST_Z,
}

/// What an anomaly is about.
enum Metric {
  ACTIVE_MINUTES,
  NIGHT_RESTLESSNESS,
  RESTING_HEART_RATE,
}

@freezed
class Money with _$Money {
  const Money._();

/// An exact amount of money in one currency.
  const factory Money({
/// Exact decimal amount, at most 2 decimals.
    required String amount,
/// ISO 4217 currency code, e.g. USD, EUR, PHP.
    required String currency,
  }) = _Money;

  factory Money.fromJson(Map<String, dynamic> json) => _$MoneyFromJson(json);
}

@freezed
class MqttCredentials with _$MqttCredentials {
  const MqttCredentials._();

/// How a device that speaks MQTT (collar, battery controller) logs in to the broker. Shown once; the broker lets it publish and subscribe under devices/<its id>/ only.
  const factory MqttCredentials({
/// The broker password (the device's API key).
    required String password,
/// Its topics' prefix: devices/<id>/.
    required String topicPrefix,
/// The broker username, device-<id>.
    required String username,
  }) = _MqttCredentials;

  factory MqttCredentials.fromJson(Map<String, dynamic> json) => _$MqttCredentialsFromJson(json);
}

@freezed
class Notification with _$Notification {
  const Notification._();

/// Something that happened that the viewer should know about.
  const factory Notification({
/// Who caused it; null if no person did or their account is gone.
    User? actor,
/// When it was sent.
    required DateTime createdAt,
/// The Globally Unique ID of this object
    required String id,
/// What it is about.
    required NotificationKind kind,
/// Whether the viewer has read it.
    required bool read,
/// When the viewer read it, if they have.
    DateTime? readAt,
/// The object it is about; null once it is gone or not yours.
    Node? target,
/// Global ID of the object it is about, even if it is gone.
    String? targetId,
/// What happened, in words fit to show.
    required String text,
  }) = _Notification;

  factory Notification.fromJson(Map<String, dynamic> json) => _$NotificationFromJson(json);
}

@freezed
class NotificationConnection with _$NotificationConnection {
  const NotificationConnection._();

/// A page of a list, with the total size of the list.
  const factory NotificationConnection({
/// Contains the nodes in this connection
    required List<NotificationEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _NotificationConnection;

  factory NotificationConnection.fromJson(Map<String, dynamic> json) => _$NotificationConnectionFromJson(json);
}

/// Where one kind of notification reaches a user: IN_APP (the inbox), EMAIL (email only), BOTH, or DIGEST (the inbox, plus one email per period gathering them; social kinds only). Email is sent after the change commits, from an outbox, with retries.
enum NotificationDelivery {
  BOTH,
  DIGEST,
  EMAIL,
  IN_APP,
}

@freezed
class NotificationEdge with _$NotificationEdge {
  const NotificationEdge._();

/// An edge in a connection.
  const factory NotificationEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required Notification node,
  }) = _NotificationEdge;

  factory NotificationEdge.fromJson(Map<String, dynamic> json) => _$NotificationEdgeFromJson(json);
}

/// What a notification is about.
enum NotificationKind {
  ACCOUNT_SUSPENDED,
  BEHAVIOUR_ANOMALY,
  COMMAND_FAILED,
  COMMENT,
  CONTENT_REMOVED,
  DEVICE_ALERT,
  FOLLOW,
  FOLLOW_APPROVED,
  FOLLOW_REQUEST,
  MESSAGE,
  PURCHASE_REQUEST,
  PURCHASE_REQUEST_UPDATED,
  REACTION,
  REPORT_RESOLVED,
}

/// NEWEST_FIRST, or UNREAD_FIRST: unread newest first, then read newest first.
enum NotificationOrder {
  NEWEST_FIRST,
  UNREAD_FIRST,
}

@freezed
class NotificationPreference with _$NotificationPreference {
  const NotificationPreference._();

/// How the viewer gets one kind of notification.
  const factory NotificationPreference({
/// Whether the viewer chose it; false: the default (alerts BOTH, others IN_APP).
    required bool chosen,
/// Where it reaches the viewer.
    required NotificationDelivery delivery,
/// Whether DIGEST may be chosen for this kind (social kinds only).
    required bool digestAllowed,
/// The kind.
    required NotificationKind kind,
  }) = _NotificationPreference;

  factory NotificationPreference.fromJson(Map<String, dynamic> json) => _$NotificationPreferenceFromJson(json);
}

@unfreezed
class NotificationPreferenceInput with _$NotificationPreferenceInput {
  const NotificationPreferenceInput._();

/// How to deliver one kind of notification.
  const factory NotificationPreferenceInput({
/// Where it should reach the viewer (DIGEST: social kinds only).
    required NotificationDelivery delivery,
/// The kind.
    required NotificationKind kind,
  }) = _NotificationPreferenceInput;

  factory NotificationPreferenceInput.fromJson(Map<String, dynamic> json) => _$NotificationPreferenceInputFromJson(json);
}

@freezed
class NotificationWebhook with _$NotificationWebhook {
  const NotificationWebhook._();

/// Where the viewer's notifications are also POSTed as JSON: what is emailed at once (EMAIL or BOTH kinds), signed in the X-Pawgraph-Signature header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with the signing secret).
  const factory NotificationWebhook({
/// When it was set (and its signing secret made).
    required DateTime createdAt,
/// The URL each notification is POSTed to.
    required String url,
  }) = _NotificationWebhook;

  factory NotificationWebhook.fromJson(Map<String, dynamic> json) => _$NotificationWebhookFromJson(json);
}

@freezed
class NutritionPlan with _$NutritionPlan {
  const NutritionPlan._();

/// Daily energy and food for a pet: RER = 70·kg^0.75, MER = factor × RER adjusted by the activity measured, grams from the food's kcal/kg with up to 10 % kept for treats.
  const factory NutritionPlan({
/// kcal/day added or taken for the activity measured (±20 % at most).
    required double activityAdjustmentKcal,
/// How the adjustment was reached.
    required String activityReason,
/// factor × RER, kcal/day.
    required double baseMaintenanceKcal,
/// The MER factor used.
    required double factor,
/// Why this factor (species, age, neuter).
    required String factorReason,
/// From the food.
    required double foodKcal,
/// The food's energy, kcal/kg.
    required double foodKcalPerKg,
/// Food per day, grams.
    required double gramsPerDay,
/// Split into meals.
    required List<double> gramsPerMeal,
/// MER: the daily energy to feed.
    required double kcalPerDay,
/// Days of collar data behind the activity adjustment (last 14).
    required int measuredDays,
/// Average minutes per day by activity over those days.
    required List<ActivityMinutes> measuredMinutes,
/// RER, kcal/day.
    required double restingEnergyKcal,
/// Kept for treats (10 %).
    required double treatKcal,
  }) = _NutritionPlan;

  factory NutritionPlan.fromJson(Map<String, dynamic> json) => _$NutritionPlanFromJson(json);
}

@freezed
class OutletState with _$OutletState {
  const OutletState._();

/// An outlet's relays, threshold and last currents, as the server knows them.
  const factory OutletState({
/// Socket A's last current, mA (65535: trip).
    int? currentAMilliamps,
/// Socket B's last current, mA (65535: trip).
    int? currentBMilliamps,
/// The hub it is on.
    Device? hub,
/// Server time of the last reading.
    DateTime? lastReadingAt,
/// Whether it reported within the offline threshold.
    required bool online,
/// The outlet.
    required Device outlet,
/// The last reading reported an overload trip.
    required bool overload,
/// Socket A's relay is on; null until the outlet reports.
    bool? relayA,
/// Socket B's relay is on; null until the outlet reports.
    bool? relayB,
/// The owner's threshold; a current above it raises a THRESHOLD alert.
    int? thresholdMilliamps,
/// Whether someone is watching its telemetry live right now.
    required bool watched,
  }) = _OutletState;

  factory OutletState.fromJson(Map<String, dynamic> json) => _$OutletStateFromJson(json);
}

@freezed
class OutletStatus with _$OutletStatus {
  const OutletStatus._();

/// A smart outlet's status: its two relays and their currents.
  const factory OutletStatus({
/// Socket A's current, mA.
    int? currentAMilliamps,
/// Socket B's current, mA.
    int? currentBMilliamps,
/// The device reporting.
    required String deviceId,
/// The device's own clock at that report; 1970 before it synced NTP.
    DateTime? deviceTime,
/// Server time of its last report.
    DateTime? lastSeenAt,
/// Whether it reported recently enough to count as online.
    required bool online,
/// Whether the outlet's breaker tripped.
    bool? overload,
/// Whether socket A is switched on.
    bool? relayA,
/// Whether socket B is switched on.
    bool? relayB,
/// The owner's alert threshold, mA.
    int? thresholdMilliamps,
  }) = _OutletStatus;

  factory OutletStatus.fromJson(Map<String, dynamic> json) => _$OutletStatusFromJson(json);
}

@freezed
class PageInfo with _$PageInfo {
  const PageInfo._();

/// Information to aid in pagination.
  const factory PageInfo({
/// When paginating forwards, the cursor to continue.
    String? endCursor,
/// When paginating forwards, are there more items?
    required bool hasNextPage,
/// When paginating backwards, are there more items?
    required bool hasPreviousPage,
/// When paginating backwards, the cursor to continue.
    String? startCursor,
  }) = _PageInfo;

  factory PageInfo.fromJson(Map<String, dynamic> json) => _$PageInfoFromJson(json);
}

@freezed
class Pet with _$Pet {
  const Pet._();

/// An animal owned by a user.
  const factory Pet({
/// How active the pet usually is.
    required ActivityLevel activityLevel,
/// Date of birth, if known.
    String? birthdate,
/// Breed, if known.
    String? breed,
/// When the pet was added.
    required DateTime createdAt,
/// Devices assigned to this pet (collars, feeders), oldest first.
    required DeviceConnection devices,
/// The energy of the pet's food, kcal per kg (from its label); nutrition plans need it.
    int? foodKcalPerKg,
/// The Globally Unique ID of this object
    required String id,
/// The pet's name.
    required String name,
/// Whether the pet is neutered or spayed.
    required bool neutered,
/// The pet's owner.
    User? owner,
/// Kind of animal.
    required Species species,
/// The pet's day: segments and minutes per activity, in the owner's time zone.
    PetTimeline? timeline,
/// Weight in kilograms.
    double? weightKg,
  }) = _Pet;

  factory Pet.fromJson(Map<String, dynamic> json) => _$PetFromJson(json);
}

@freezed
class PetConnection with _$PetConnection {
  const PetConnection._();

/// A page of a list, with the total size of the list.
  const factory PetConnection({
/// Contains the nodes in this connection
    required List<PetEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _PetConnection;

  factory PetConnection.fromJson(Map<String, dynamic> json) => _$PetConnectionFromJson(json);
}

@freezed
class PetEdge with _$PetEdge {
  const PetEdge._();

/// An edge in a connection.
  const factory PetEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required Pet node,
  }) = _PetEdge;

  factory PetEdge.fromJson(Map<String, dynamic> json) => _$PetEdgeFromJson(json);
}

@freezed
class PetTimeline with _$PetTimeline {
  const PetTimeline._();

/// A pet's local day: its segments and minutes per activity.
  const factory PetTimeline({
/// Minutes of walk, run and play.
    required double activeMinutes,
/// Minutes with collar data; the rest of the day is unknown, not rest.
    required double coveredMinutes,
/// The local day, in the owner's time zone.
    required String date,
/// Minutes per activity (owner's corrections count as corrected).
    required List<ActivityMinutes> minutes,
/// Merged segments in time order, with start, end and confidence.
    required List<BehaviourSegment> segments,
/// The owner's time zone the day is in.
    required String timeZone,
  }) = _PetTimeline;

  factory PetTimeline.fromJson(Map<String, dynamic> json) => _$PetTimelineFromJson(json);
}

@unfreezed
class PingInput with _$PingInput {
  const PingInput._();

/// Check that a device answers.
  const factory PingInput({
/// One of the viewer's outlets, collars or battery agents.
    required String deviceId,
  }) = _PingInput;

  factory PingInput.fromJson(Map<String, dynamic> json) => _$PingInputFromJson(json);
}

@freezed
class PingPayload with _$PingPayload {
  const PingPayload._();

/// Result of ping.
  const factory PingPayload({
/// The queued command.
    Command? command,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _PingPayload;

  factory PingPayload.fromJson(Map<String, dynamic> json) => _$PingPayloadFromJson(json);
}

@freezed
class Position with _$Position {
  const Position._();

/// A point on the globe (WGS 84), as a collar reported it.
  const factory Position({
/// Degrees north, -90 to 90 (6 places).
    required double latitude,
/// Degrees east, -180 to 180 (6 places).
    required double longitude,
  }) = _Position;

  factory Position.fromJson(Map<String, dynamic> json) => _$PositionFromJson(json);
}

@freezed
class Post with _$Post {
  const Post._();

/// Something a user shared: text, photos and tagged pets.
  const factory Post({
/// Who posted it.
    Profile? author,
/// How many comments the viewer can see on it.
    required int commentCount,
/// When it was posted.
    required DateTime createdAt,
/// The Globally Unique ID of this object
    required String id,
/// Its photos, in display order.
    required List<PostPhoto> photos,
/// How many reacted in all.
    required int reactionCount,
/// How many reacted each way, every kind in a fixed order.
    required List<ReactionCount> reactionCounts,
/// When a moderator removed it; only staff still see removed posts.
    DateTime? removedAt,
/// The author's pets tagged in it.
    required List<ProfilePet> taggedPets,
/// The text, up to 5000 characters (may be empty).
    required String text,
/// When it was last edited.
    required DateTime updatedAt,
/// Whether the viewer wrote it.
    required bool viewerIsAuthor,
/// The viewer's own reaction, if they reacted.
    ReactionKind? viewerReaction,
/// Who may see it.
    required PostVisibility visibility,
  }) = _Post;

  factory Post.fromJson(Map<String, dynamic> json) => _$PostFromJson(json);
}

@freezed
class PostConnection with _$PostConnection {
  const PostConnection._();

/// A page of a list, with the total size of the list.
  const factory PostConnection({
/// Contains the nodes in this connection
    required List<PostEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _PostConnection;

  factory PostConnection.fromJson(Map<String, dynamic> json) => _$PostConnectionFromJson(json);
}

@freezed
class PostEdge with _$PostEdge {
  const PostEdge._();

/// An edge in a connection.
  const factory PostEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required Post node,
  }) = _PostEdge;

  factory PostEdge.fromJson(Map<String, dynamic> json) => _$PostEdgeFromJson(json);
}

@freezed
class PostPhoto with _$PostPhoto {
  const PostPhoto._();

/// A photo of a post.
  const factory PostPhoto({
/// Display order, from 0.
    required int position,
/// http(s) URL of the image.
    required String url,
  }) = _PostPhoto;

  factory PostPhoto.fromJson(Map<String, dynamic> json) => _$PostPhotoFromJson(json);
}

/// PUBLIC: whoever may see the author's content; FOLLOWERS: approved followers; PRIVATE: the author alone.
enum PostVisibility {
  FOLLOWERS,
  PRIVATE,
  PUBLIC,
}

@freezed
class Profile with _$Profile {
  const Profile._();

/// A person's social profile. Its card (name, avatar, bio) is shown to everyone they have not blocked; posts, pets and follower lists follow the profile's privacy.
  const factory Profile({
/// http(s) URL of their picture.
    String? avatarUrl,
/// A few words about them, up to 500 characters.
    String? bio,
/// Whether the viewer may see their posts, pets and follower lists.
    required bool contentVisible,
/// Name shown to other people.
    required String displayName,
/// How many people follow them (approved follows).
    required int followerCount,
/// How many people they follow (approved follows).
    required int followingCount,
/// Whether they follow the viewer.
    required bool followsViewer,
/// The Globally Unique ID of this object
    required String id,
/// Private: only approved followers see posts, pets and follower lists.
    required bool isPrivate,
/// Whether this is the viewer's own profile.
    required bool isViewer,
/// When they created their account.
    required DateTime joinedAt,
/// Their pets, oldest first; empty when their content is hidden from you.
    required ProfilePetConnection pets,
/// Global ID of the profile's User.
    required String userId,
/// The viewer's follow of them: APPROVED, PENDING (requested) or null.
    FollowStatus? viewerFollowStatus,
/// Whether the viewer has blocked them.
    required bool viewerHasBlocked,
  }) = _Profile;

  factory Profile.fromJson(Map<String, dynamic> json) => _$ProfileFromJson(json);
}

@freezed
class ProfileConnection with _$ProfileConnection {
  const ProfileConnection._();

/// A page of a list, with the total size of the list.
  const factory ProfileConnection({
/// Contains the nodes in this connection
    required List<ProfileEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _ProfileConnection;

  factory ProfileConnection.fromJson(Map<String, dynamic> json) => _$ProfileConnectionFromJson(json);
}

@freezed
class ProfileEdge with _$ProfileEdge {
  const ProfileEdge._();

/// An edge in a connection.
  const factory ProfileEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required Profile node,
  }) = _ProfileEdge;

  factory ProfileEdge.fromJson(Map<String, dynamic> json) => _$ProfileEdgeFromJson(json);
}

@freezed
class ProfilePet with _$ProfilePet {
  const ProfilePet._();

/// A pet as shown on its owner's profile or tagged in a post.
  const factory ProfilePet({
/// Breed, if known.
    String? breed,
/// The pet's name.
    required String name,
/// Global ID of the Pet (readable in full by its owner only).
    required String petId,
/// Kind of animal.
    required Species species,
  }) = _ProfilePet;

  factory ProfilePet.fromJson(Map<String, dynamic> json) => _$ProfilePetFromJson(json);
}

@freezed
class ProfilePetConnection with _$ProfilePetConnection {
  const ProfilePetConnection._();

/// A page of a list, with the total size of the list.
  const factory ProfilePetConnection({
/// Contains the nodes in this connection
    required List<ProfilePetEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _ProfilePetConnection;

  factory ProfilePetConnection.fromJson(Map<String, dynamic> json) => _$ProfilePetConnectionFromJson(json);
}

@freezed
class ProfilePetEdge with _$ProfilePetEdge {
  const ProfilePetEdge._();

/// An edge in a connection.
  const factory ProfilePetEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required ProfilePet node,
  }) = _ProfilePetEdge;

  factory ProfilePetEdge.fromJson(Map<String, dynamic> json) => _$ProfilePetEdgeFromJson(json);
}

@freezed
class PurchaseOffer with _$PurchaseOffer {
  const PurchaseOffer._();

/// One offer or counter-offer in a negotiation.
  const factory PurchaseOffer({
/// Who made it.
    required PurchaseParty by,
/// When it was made.
    required DateTime createdAt,
/// What the party wrote with it.
    String? message,
/// The price offered.
    required Money price,
  }) = _PurchaseOffer;

  factory PurchaseOffer.fromJson(Map<String, dynamic> json) => _$PurchaseOfferFromJson(json);
}

@freezed
class PurchaseOfferConnection with _$PurchaseOfferConnection {
  const PurchaseOfferConnection._();

/// A page of a list, with the total size of the list.
  const factory PurchaseOfferConnection({
/// Contains the nodes in this connection
    required List<PurchaseOfferEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _PurchaseOfferConnection;

  factory PurchaseOfferConnection.fromJson(Map<String, dynamic> json) => _$PurchaseOfferConnectionFromJson(json);
}

@freezed
class PurchaseOfferEdge with _$PurchaseOfferEdge {
  const PurchaseOfferEdge._();

/// An edge in a connection.
  const factory PurchaseOfferEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required PurchaseOffer node,
  }) = _PurchaseOfferEdge;

  factory PurchaseOfferEdge.fromJson(Map<String, dynamic> json) => _$PurchaseOfferEdgeFromJson(json);
}

/// A side of a purchase request.
enum PurchaseParty {
  BUYER,
  SELLER,
}

@freezed
class PurchaseRequest with _$PurchaseRequest {
  const PurchaseRequest._();

/// A buyer's request to buy a listing, and where it stands.
  const factory PurchaseRequest({
/// When an offer was accepted.
    DateTime? acceptedAt,
/// The moves the viewer may make now.
    required List<PurchaseRequestMove> availableMoves,
/// Who wants to buy.
    User? buyer,
/// When it ended (COMPLETED, REJECTED or CANCELLED).
    DateTime? closedAt,
/// When the buyer asked.
    required DateTime createdAt,
/// The Globally Unique ID of this object
    required String id,
/// The listing asked for.
    Listing? listing,
/// When the hand-over is planned.
    DateTime? meetupAt,
/// Where the hand-over is planned.
    String? meetupPlace,
/// The price on the table (the agreed one once accepted).
    required Money offer,
/// Who made the offer on the table.
    required PurchaseParty offeredBy,
/// Every offer and counter-offer, oldest first.
    required PurchaseOfferConnection offers,
/// Who sells.
    User? seller,
/// Where the request is in its lifecycle.
    required PurchaseRequestState state,
/// When it last moved.
    required DateTime updatedAt,
/// The viewer's side; null for staff looking on.
    PurchaseParty? viewerRole,
  }) = _PurchaseRequest;

  factory PurchaseRequest.fromJson(Map<String, dynamic> json) => _$PurchaseRequestFromJson(json);
}

@freezed
class PurchaseRequestConnection with _$PurchaseRequestConnection {
  const PurchaseRequestConnection._();

/// A page of a list, with the total size of the list.
  const factory PurchaseRequestConnection({
/// Contains the nodes in this connection
    required List<PurchaseRequestEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _PurchaseRequestConnection;

  factory PurchaseRequestConnection.fromJson(Map<String, dynamic> json) => _$PurchaseRequestConnectionFromJson(json);
}

@freezed
class PurchaseRequestEdge with _$PurchaseRequestEdge {
  const PurchaseRequestEdge._();

/// An edge in a connection.
  const factory PurchaseRequestEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required PurchaseRequest node,
  }) = _PurchaseRequestEdge;

  factory PurchaseRequestEdge.fromJson(Map<String, dynamic> json) => _$PurchaseRequestEdgeFromJson(json);
}

@unfreezed
class PurchaseRequestIdInput with _$PurchaseRequestIdInput {
  const PurchaseRequestIdInput._();

/// A purchase request to move.
  const factory PurchaseRequestIdInput({
/// The purchase request.
    required String id,
  }) = _PurchaseRequestIdInput;

  factory PurchaseRequestIdInput.fromJson(Map<String, dynamic> json) => _$PurchaseRequestIdInputFromJson(json);
}

/// A move on a purchase request; WITHDRAW is made by the system only.
enum PurchaseRequestMove {
  ACCEPT,
  CANCEL,
  COMPLETE,
  COUNTER,
  PAY,
  REJECT,
  SCHEDULE_MEETUP,
  WITHDRAW,
}

/// Where a purchase request is in its lifecycle.
enum PurchaseRequestState {
  ACCEPTED,
  CANCELLED,
  COMPLETED,
  MEETUP_SCHEDULED,
  NEGOTIATING,
  PAID,
  PENDING,
  REJECTED,
}

@unfreezed
class ReactToPostInput with _$ReactToPostInput {
  const ReactToPostInput._();

/// React to a post; reacting again replaces the viewer's reaction.
  const factory ReactToPostInput({
/// The reaction.
    required ReactionKind kind,
/// The post.
    required String postId,
  }) = _ReactToPostInput;

  factory ReactToPostInput.fromJson(Map<String, dynamic> json) => _$ReactToPostInputFromJson(json);
}

@freezed
class ReactToPostPayload with _$ReactToPostPayload {
  const ReactToPostPayload._();

/// Result of reactToPost.
  const factory ReactToPostPayload({
/// The post, with its counts.
    Post? post,
/// The viewer's reaction now.
    Reaction? reaction,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _ReactToPostPayload;

  factory ReactToPostPayload.fromJson(Map<String, dynamic> json) => _$ReactToPostPayloadFromJson(json);
}

@freezed
class Reaction with _$Reaction {
  const Reaction._();

/// One person's reaction to a post.
  const factory Reaction({
/// The reaction.
    required ReactionKind kind,
/// When they (last) reacted.
    required DateTime reactedAt,
/// Who reacted.
    Profile? user,
  }) = _Reaction;

  factory Reaction.fromJson(Map<String, dynamic> json) => _$ReactionFromJson(json);
}

@freezed
class ReactionConnection with _$ReactionConnection {
  const ReactionConnection._();

/// A page of a list, with the total size of the list.
  const factory ReactionConnection({
/// Contains the nodes in this connection
    required List<ReactionEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _ReactionConnection;

  factory ReactionConnection.fromJson(Map<String, dynamic> json) => _$ReactionConnectionFromJson(json);
}

@freezed
class ReactionCount with _$ReactionCount {
  const ReactionCount._();

/// How many people reacted to a post one way.
  const factory ReactionCount({
/// How many people reacted so.
    required int count,
/// The reaction.
    required ReactionKind kind,
  }) = _ReactionCount;

  factory ReactionCount.fromJson(Map<String, dynamic> json) => _$ReactionCountFromJson(json);
}

@freezed
class ReactionEdge with _$ReactionEdge {
  const ReactionEdge._();

/// An edge in a connection.
  const factory ReactionEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required Reaction node,
  }) = _ReactionEdge;

  factory ReactionEdge.fromJson(Map<String, dynamic> json) => _$ReactionEdgeFromJson(json);
}

/// How someone reacted to a post.
enum ReactionKind {
  HAHA,
  LIKE,
  LOVE,
  SAD,
  WOW,
}

@unfreezed
class ReadSensorsInput with _$ReadSensorsInput {
  const ReadSensorsInput._();

/// Ask an outlet for a fresh reading.
  const factory ReadSensorsInput({
/// One of the viewer's outlets.
    required String outletId,
  }) = _ReadSensorsInput;

  factory ReadSensorsInput.fromJson(Map<String, dynamic> json) => _$ReadSensorsInputFromJson(json);
}

@freezed
class ReadSensorsPayload with _$ReadSensorsPayload {
  const ReadSensorsPayload._();

/// Result of readSensors.
  const factory ReadSensorsPayload({
/// The queued command.
    Command? command,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _ReadSensorsPayload;

  factory ReadSensorsPayload.fromJson(Map<String, dynamic> json) => _$ReadSensorsPayloadFromJson(json);
}

@freezed
class Recommendation with _$Recommendation {
  const Recommendation._();

/// Something to do for the pet, with its reason and its data.
  const factory Recommendation({
/// The figures behind it.
    required List<RecommendationFigure> data,
/// What is recommended.
    required RecommendationKind kind,
/// 1 first.
    required int priority,
/// Why, in words.
    required String reason,
  }) = _Recommendation;

  factory Recommendation.fromJson(Map<String, dynamic> json) => _$RecommendationFromJson(json);
}

@freezed
class RecommendationFigure with _$RecommendationFigure {
  const RecommendationFigure._();

/// A figure a recommendation rests on.
  const factory RecommendationFigure({
/// What it is.
    required String name,
/// Its value, as text.
    String? value,
  }) = _RecommendationFigure;

  factory RecommendationFigure.fromJson(Map<String, dynamic> json) => _$RecommendationFigureFromJson(json);
}

/// What is recommended.
enum RecommendationKind {
  MORE_ACTIVITY,
  PORTION_CHANGE,
  SLEEP_ROUTINE,
  VET_VISIT,
  WEIGHT_CHECK,
}

@unfreezed
class RegisterDeviceInput with _$RegisterDeviceInput {
  const RegisterDeviceInput._();

/// A device to register to the viewer.
  const factory RegisterDeviceInput({
/// Batteries: rating, capacity and site.
    BatteryProfileInput? battery,
/// Firmware version.
    String? firmwareVersion,
/// ESP-XXXXXXXX for feeders; 2 hex digits for outlets (unique within their hub).
    required String hardwareId,
/// What sort of device.
    required DeviceKind kind,
/// Up to 120 characters.
    String? location,
/// 1 to 80 characters.
    required String name,
/// Required for outlets: the viewer's hub they belong to.
    String? parentHubId,
/// One of the viewer's pets.
    String? petId,
  }) = _RegisterDeviceInput;

  factory RegisterDeviceInput.fromJson(Map<String, dynamic> json) => _$RegisterDeviceInputFromJson(json);
}

@freezed
class RegisterDevicePayload with _$RegisterDevicePayload {
  const RegisterDevicePayload._();

/// Result of registerDevice.
  const factory RegisterDevicePayload({
/// The device's key. Shown this once only: store it in the device.
    String? apiKey,
/// The new device.
    Device? device,
/// Collars and battery controllers: their broker login, once.
    MqttCredentials? mqttCredentials,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _RegisterDevicePayload;

  factory RegisterDevicePayload.fromJson(Map<String, dynamic> json) => _$RegisterDevicePayloadFromJson(json);
}

@unfreezed
class RegisterInput with _$RegisterInput {
  const RegisterInput._();

/// A new account.
  const factory RegisterInput({
/// Name shown to other people, 1 to 80 characters.
    required String displayName,
/// Login email; must be unused.
    required String email,
/// At least 10 characters, not only letters or digits.
    required String password,
/// IANA time zone, e.g. Asia/Manila.
    required String timeZone,
  }) = _RegisterInput;

  factory RegisterInput.fromJson(Map<String, dynamic> json) => _$RegisterInputFromJson(json);
}

@freezed
class RegisterPayload with _$RegisterPayload {
  const RegisterPayload._();

/// Result of register.
  const factory RegisterPayload({
/// The new account.
    User? user,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _RegisterPayload;

  factory RegisterPayload.fromJson(Map<String, dynamic> json) => _$RegisterPayloadFromJson(json);
}

@freezed
class RejectPurchaseRequestPayload with _$RejectPurchaseRequestPayload {
  const RejectPurchaseRequestPayload._();

/// Result of rejectPurchaseRequest.
  const factory RejectPurchaseRequestPayload({
/// The request, REJECTED.
    PurchaseRequest? purchaseRequest,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _RejectPurchaseRequestPayload;

  factory RejectPurchaseRequestPayload.fromJson(Map<String, dynamic> json) => _$RejectPurchaseRequestPayloadFromJson(json);
}

@unfreezed
class RemoveCommentInput with _$RemoveCommentInput {
  const RemoveCommentInput._();

/// A comment a moderator takes down.
  const factory RemoveCommentInput({
/// The comment.
    required String id,
  }) = _RemoveCommentInput;

  factory RemoveCommentInput.fromJson(Map<String, dynamic> json) => _$RemoveCommentInputFromJson(json);
}

@freezed
class RemoveCommentPayload with _$RemoveCommentPayload {
  const RemoveCommentPayload._();

/// Result of removeComment.
  const factory RemoveCommentPayload({
/// The removed comment.
    Comment? comment,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _RemoveCommentPayload;

  factory RemoveCommentPayload.fromJson(Map<String, dynamic> json) => _$RemoveCommentPayloadFromJson(json);
}

@unfreezed
class RemoveFollowerInput with _$RemoveFollowerInput {
  const RemoveFollowerInput._();

/// Make a user stop following the viewer.
  const factory RemoveFollowerInput({
/// The follower to remove (a User or Profile ID).
    required String userId,
  }) = _RemoveFollowerInput;

  factory RemoveFollowerInput.fromJson(Map<String, dynamic> json) => _$RemoveFollowerInputFromJson(json);
}

@freezed
class RemoveFollowerPayload with _$RemoveFollowerPayload {
  const RemoveFollowerPayload._();

/// Result of removeFollower.
  const factory RemoveFollowerPayload({
/// The profile, as the viewer now sees it.
    Profile? profile,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _RemoveFollowerPayload;

  factory RemoveFollowerPayload.fromJson(Map<String, dynamic> json) => _$RemoveFollowerPayloadFromJson(json);
}

@freezed
class RemoveListingPayload with _$RemoveListingPayload {
  const RemoveListingPayload._();

/// Result of removeListing.
  const factory RemoveListingPayload({
/// The listing, now REMOVED.
    Listing? listing,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _RemoveListingPayload;

  factory RemoveListingPayload.fromJson(Map<String, dynamic> json) => _$RemoveListingPayloadFromJson(json);
}

@unfreezed
class RemovePostInput with _$RemovePostInput {
  const RemovePostInput._();

/// A post a moderator takes down.
  const factory RemovePostInput({
/// The post to remove.
    required String id,
  }) = _RemovePostInput;

  factory RemovePostInput.fromJson(Map<String, dynamic> json) => _$RemovePostInputFromJson(json);
}

@freezed
class RemovePostPayload with _$RemovePostPayload {
  const RemovePostPayload._();

/// Result of removePost.
  const factory RemovePostPayload({
/// The removed post.
    Post? post,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _RemovePostPayload;

  factory RemovePostPayload.fromJson(Map<String, dynamic> json) => _$RemovePostPayloadFromJson(json);
}

@unfreezed
class RemoveReactionInput with _$RemoveReactionInput {
  const RemoveReactionInput._();

/// Take back the viewer's reaction to a post.
  const factory RemoveReactionInput({
/// The post.
    required String postId,
  }) = _RemoveReactionInput;

  factory RemoveReactionInput.fromJson(Map<String, dynamic> json) => _$RemoveReactionInputFromJson(json);
}

@freezed
class RemoveReactionPayload with _$RemoveReactionPayload {
  const RemoveReactionPayload._();

/// Result of removeReaction.
  const factory RemoveReactionPayload({
/// The post, with its counts.
    Post? post,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _RemoveReactionPayload;

  factory RemoveReactionPayload.fromJson(Map<String, dynamic> json) => _$RemoveReactionPayloadFromJson(json);
}

@unfreezed
class RenameCategoryInput with _$RenameCategoryInput {
  const RenameCategoryInput._();

/// A new name for a category (admins only).
  const factory RenameCategoryInput({
/// The category to rename.
    required String id,
/// 1 to 60 characters, unique among its siblings.
    required String name,
  }) = _RenameCategoryInput;

  factory RenameCategoryInput.fromJson(Map<String, dynamic> json) => _$RenameCategoryInputFromJson(json);
}

@freezed
class RenameCategoryPayload with _$RenameCategoryPayload {
  const RenameCategoryPayload._();

/// Result of renameCategory.
  const factory RenameCategoryPayload({
/// The renamed category.
    Category? category,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _RenameCategoryPayload;

  factory RenameCategoryPayload.fromJson(Map<String, dynamic> json) => _$RenameCategoryPayloadFromJson(json);
}

@freezed
class Report with _$Report {
  const Report._();

/// A user's report of a listing, post, comment or user.
  const factory Report({
/// When it was reported.
    required DateTime createdAt,
/// What the reporter added.
    String? details,
/// The Globally Unique ID of this object
    required String id,
/// Open reports of the same object, this one included (staff only; 0 otherwise).
    required int openReportsOfTarget,
/// Why it was reported.
    required ReportReason reason,
/// Who reported it.
    User? reporter,
/// The moderator's note.
    String? resolutionNote,
/// When a moderator resolved it.
    DateTime? resolvedAt,
/// The moderator who resolved it.
    User? resolvedBy,
/// OPEN, or how it was resolved.
    required ReportStatus status,
/// The reported object, if it still exists and the viewer may see it.
    Node? target,
/// Global ID of the reported object (even when it is gone).
    required String targetId,
/// What kind of thing was reported.
    required ReportTargetType targetType,
  }) = _Report;

  factory Report.fromJson(Map<String, dynamic> json) => _$ReportFromJson(json);
}

@freezed
class ReportConnection with _$ReportConnection {
  const ReportConnection._();

/// A page of a list, with the total size of the list.
  const factory ReportConnection({
/// Contains the nodes in this connection
    required List<ReportEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _ReportConnection;

  factory ReportConnection.fromJson(Map<String, dynamic> json) => _$ReportConnectionFromJson(json);
}

@unfreezed
class ReportContentInput with _$ReportContentInput {
  const ReportContentInput._();

/// Report a listing, post, comment or user; reporting it again returns your report.
  const factory ReportContentInput({
/// Up to 1000 characters.
    String? details,
/// Why.
    required ReportReason reason,
/// ID of a Listing, Post, Comment or User.
    required String targetId,
  }) = _ReportContentInput;

  factory ReportContentInput.fromJson(Map<String, dynamic> json) => _$ReportContentInputFromJson(json);
}

@freezed
class ReportContentPayload with _$ReportContentPayload {
  const ReportContentPayload._();

/// Result of reportContent.
  const factory ReportContentPayload({
/// Your report.
    Report? report,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _ReportContentPayload;

  factory ReportContentPayload.fromJson(Map<String, dynamic> json) => _$ReportContentPayloadFromJson(json);
}

@freezed
class ReportEdge with _$ReportEdge {
  const ReportEdge._();

/// An edge in a connection.
  const factory ReportEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required Report node,
  }) = _ReportEdge;

  factory ReportEdge.fromJson(Map<String, dynamic> json) => _$ReportEdgeFromJson(json);
}

/// Why something was reported.
enum ReportReason {
  ANIMAL_WELFARE,
  HARASSMENT,
  INAPPROPRIATE,
  OTHER,
  PROHIBITED_ITEM,
  SCAM,
  SPAM,
}

/// OPEN until a moderator resolves it.
enum ReportStatus {
  CONTENT_REMOVED,
  DISMISSED,
  OPEN,
  USER_SUSPENDED,
}

@freezed
class ReportStatusCount with _$ReportStatusCount {
  const ReportStatusCount._();

/// Reports with one status.
  const factory ReportStatusCount({
/// How many reports made in the window have it.
    required int count,
/// The status.
    required ReportStatus status,
  }) = _ReportStatusCount;

  factory ReportStatusCount.fromJson(Map<String, dynamic> json) => _$ReportStatusCountFromJson(json);
}

@freezed
class ReportTargetCount with _$ReportTargetCount {
  const ReportTargetCount._();

/// Reports of one kind of object.
  const factory ReportTargetCount({
/// How many reports made in the window.
    required int count,
/// What was reported.
    required ReportTargetType targetType,
  }) = _ReportTargetCount;

  factory ReportTargetCount.fromJson(Map<String, dynamic> json) => _$ReportTargetCountFromJson(json);
}

/// What kind of thing a report is about.
enum ReportTargetType {
  COMMENT,
  LISTING,
  POST,
  USER,
}

@unfreezed
class RequestPurchaseInput with _$RequestPurchaseInput {
  const RequestPurchaseInput._();

/// Ask to buy a listing; asking again returns your open request.
  const factory RequestPurchaseInput({
/// An ACTIVE listing of someone else's.
    required String listingId,
/// Up to 1000 characters.
    String? message,
/// Your offer; the asking price when omitted.
    String? price,
  }) = _RequestPurchaseInput;

  factory RequestPurchaseInput.fromJson(Map<String, dynamic> json) => _$RequestPurchaseInputFromJson(json);
}

@freezed
class RequestPurchasePayload with _$RequestPurchasePayload {
  const RequestPurchasePayload._();

/// Result of requestPurchase.
  const factory RequestPurchasePayload({
/// Your open request for the listing.
    PurchaseRequest? purchaseRequest,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _RequestPurchasePayload;

  factory RequestPurchasePayload.fromJson(Map<String, dynamic> json) => _$RequestPurchasePayloadFromJson(json);
}

@freezed
class RequestStateCount with _$RequestStateCount {
  const RequestStateCount._();

/// Purchase requests in one state.
  const factory RequestStateCount({
/// How many requests made in the window are in it now.
    required int count,
/// The state.
    required PurchaseRequestState state,
  }) = _RequestStateCount;

  factory RequestStateCount.fromJson(Map<String, dynamic> json) => _$RequestStateCountFromJson(json);
}

/// What a moderator does about a report.
enum ResolutionAction {
  DISMISS,
  REMOVE_CONTENT,
  SUSPEND_USER,
}

@unfreezed
class ResolveReportInput with _$ResolveReportInput {
  const ResolveReportInput._();

/// A moderator's decision on a report.
  const factory ResolveReportInput({
/// DISMISS, REMOVE_CONTENT or SUSPEND_USER (the author); settles every open report of the object.
    required ResolutionAction action,
/// Up to 1000 characters.
    String? note,
/// An OPEN report.
    required String reportId,
  }) = _ResolveReportInput;

  factory ResolveReportInput.fromJson(Map<String, dynamic> json) => _$ResolveReportInputFromJson(json);
}

@freezed
class ResolveReportPayload with _$ResolveReportPayload {
  const ResolveReportPayload._();

/// Result of resolveReport.
  const factory ResolveReportPayload({
/// The report, resolved.
    Report? report,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _ResolveReportPayload;

  factory ResolveReportPayload.fromJson(Map<String, dynamic> json) => _$ResolveReportPayloadFromJson(json);
}

/// What a user may do beyond their own data.
enum Role {
  ADMIN,
  OWNER,
  STAFF,
}

@freezed
class RotateDeviceKeyPayload with _$RotateDeviceKeyPayload {
  const RotateDeviceKeyPayload._();

/// Result of rotateDeviceKey.
  const factory RotateDeviceKeyPayload({
/// The new key, shown this once only; the old key no longer works.
    String? apiKey,
/// The device.
    Device? device,
/// Collars and battery controllers: the new broker login; the old one is cut.
    MqttCredentials? mqttCredentials,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _RotateDeviceKeyPayload;

  factory RotateDeviceKeyPayload.fromJson(Map<String, dynamic> json) => _$RotateDeviceKeyPayloadFromJson(json);
}

@freezed
class SalesPeriod with _$SalesPeriod {
  const SalesPeriod._();

/// Completed sales in one period.
  const factory SalesPeriod({
/// Sales completed in the period.
    required int count,
/// First day of the period (UTC; weeks start Monday).
    required String start,
/// Their total value, one amount per currency.
    required List<Money> volume,
  }) = _SalesPeriod;

  factory SalesPeriod.fromJson(Map<String, dynamic> json) => _$SalesPeriodFromJson(json);
}

@freezed
class ScheduleArchiveEntry with _$ScheduleArchiveEntry {
  const ScheduleArchiveEntry._();

/// A raw provider response, archived before it was read (staff).
  const factory ScheduleArchiveEntry({
/// The raw body (UTF-8, bad bytes replaced).
    String? body,
/// SHA-256 of the raw body, hex.
    String? bodySha256,
/// Body size in bytes.
    int? bodySize,
/// The day asked for.
    required String date,
/// The battery it was fetched for.
    Device? device,
/// Why no response came, if none did.
    String? error,
/// Response headers.
    required List<ArchivedHeader> headers,
/// The Globally Unique ID of this object
    required String id,
/// What came of it.
    required ArchiveOutcome outcome,
/// Every reason it was rejected, with its slot.
    required List<ScheduleRejectionReason> reasons,
/// When it was received.
    required DateTime receivedAt,
/// HTTP status; null if none came.
    int? statusCode,
/// Where the body is kept (database, ...).
    required String storage,
/// The URL fetched.
    required String url,
  }) = _ScheduleArchiveEntry;

  factory ScheduleArchiveEntry.fromJson(Map<String, dynamic> json) => _$ScheduleArchiveEntryFromJson(json);
}

@freezed
class ScheduleArchiveEntryConnection with _$ScheduleArchiveEntryConnection {
  const ScheduleArchiveEntryConnection._();

/// A page of a list, with the total size of the list.
  const factory ScheduleArchiveEntryConnection({
/// Contains the nodes in this connection
    required List<ScheduleArchiveEntryEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _ScheduleArchiveEntryConnection;

  factory ScheduleArchiveEntryConnection.fromJson(Map<String, dynamic> json) => _$ScheduleArchiveEntryConnectionFromJson(json);
}

@freezed
class ScheduleArchiveEntryEdge with _$ScheduleArchiveEntryEdge {
  const ScheduleArchiveEntryEdge._();

/// An edge in a connection.
  const factory ScheduleArchiveEntryEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required ScheduleArchiveEntry node,
  }) = _ScheduleArchiveEntryEdge;

  factory ScheduleArchiveEntryEdge.fromJson(Map<String, dynamic> json) => _$ScheduleArchiveEntryEdgeFromJson(json);
}

@unfreezed
class SchedulePurchaseMeetupInput with _$SchedulePurchaseMeetupInput {
  const SchedulePurchaseMeetupInput._();

/// The time and place of the hand-over of an accepted request.
  const factory SchedulePurchaseMeetupInput({
/// When, with a time zone offset; in the next year.
    required DateTime at,
/// The purchase request.
    required String id,
/// Where, 1 to 200 characters.
    required String place,
  }) = _SchedulePurchaseMeetupInput;

  factory SchedulePurchaseMeetupInput.fromJson(Map<String, dynamic> json) => _$SchedulePurchaseMeetupInputFromJson(json);
}

@freezed
class SchedulePurchaseMeetupPayload with _$SchedulePurchaseMeetupPayload {
  const SchedulePurchaseMeetupPayload._();

/// Result of schedulePurchaseMeetup.
  const factory SchedulePurchaseMeetupPayload({
/// The request, MEETUP_SCHEDULED.
    PurchaseRequest? purchaseRequest,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _SchedulePurchaseMeetupPayload;

  factory SchedulePurchaseMeetupPayload.fromJson(Map<String, dynamic> json) => _$SchedulePurchaseMeetupPayloadFromJson(json);
}

@freezed
class ScheduleRejectionReason with _$ScheduleRejectionReason {
  const ScheduleRejectionReason._();

/// A broken rule of a provider's schedule.
  const factory ScheduleRejectionReason({
/// What is wrong.
    required String reason,
/// The slot at fault; null for the whole body.
    int? slot,
  }) = _ScheduleRejectionReason;

  factory ScheduleRejectionReason.fromJson(Map<String, dynamic> json) => _$ScheduleRejectionReasonFromJson(json);
}

/// CREATED → SENT → ACKNOWLEDGED → EXECUTED (every slot ran) | PARTIAL (some failed) | FAILED (all failed, refused by the agent, or never acknowledged); SUPERSEDED by a newer schedule for the same day.
enum ScheduleStatus {
  ACKNOWLEDGED,
  CREATED,
  EXECUTED,
  FAILED,
  PARTIAL,
  SENT,
  SUPERSEDED,
}

/// What a segment was classified from: a Petty collar's reported activity level and heart rate, or raw 3-axis acceleration in 2 s windows.
enum SegmentSource {
  ACCELERATION,
  PETTY_LEVEL,
}

@unfreezed
class SendMessageInput with _$SendMessageInput {
  const SendMessageInput._();

/// A message: in a thread, or (buyers) about a listing to open one.
  const factory SendMessageInput({
/// 1 to 2000 characters.
    required String body,
/// A listing of someone else's: opens (or reuses) the viewer's thread.
    String? listingId,
/// A thread the viewer is a party to.
    String? threadId,
  }) = _SendMessageInput;

  factory SendMessageInput.fromJson(Map<String, dynamic> json) => _$SendMessageInputFromJson(json);
}

@freezed
class SendMessagePayload with _$SendMessagePayload {
  const SendMessagePayload._();

/// Result of sendMessage.
  const factory SendMessagePayload({
/// The message sent.
    Message? message,
/// Its thread.
    MessageThread? thread,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _SendMessagePayload;

  factory SendMessagePayload.fromJson(Map<String, dynamic> json) => _$SendMessagePayloadFromJson(json);
}

@unfreezed
class SetNotificationKindMutedInput with _$SetNotificationKindMutedInput {
  const SetNotificationKindMutedInput._();

/// Stop or resume receiving one kind of notification.
  const factory SetNotificationKindMutedInput({
/// The kind.
    required NotificationKind kind,
/// True to stop receiving it, false to resume.
    required bool muted,
  }) = _SetNotificationKindMutedInput;

  factory SetNotificationKindMutedInput.fromJson(Map<String, dynamic> json) => _$SetNotificationKindMutedInputFromJson(json);
}

@freezed
class SetNotificationKindMutedPayload with _$SetNotificationKindMutedPayload {
  const SetNotificationKindMutedPayload._();

/// Result of setNotificationKindMuted.
  const factory SetNotificationKindMutedPayload({
/// Every kind the viewer has muted now.
    List<NotificationKind>? mutedKinds,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _SetNotificationKindMutedPayload;

  factory SetNotificationKindMutedPayload.fromJson(Map<String, dynamic> json) => _$SetNotificationKindMutedPayloadFromJson(json);
}

@unfreezed
class SetNotificationPreferencesInput with _$SetNotificationPreferencesInput {
  const SetNotificationPreferencesInput._();

/// Change how the viewer gets some kinds of notification.
  const factory SetNotificationPreferencesInput({
/// One per kind to change (each kind at most once); other kinds keep theirs.
    required List<NotificationPreferenceInput> preferences,
  }) = _SetNotificationPreferencesInput;

  factory SetNotificationPreferencesInput.fromJson(Map<String, dynamic> json) => _$SetNotificationPreferencesInputFromJson(json);
}

@freezed
class SetNotificationPreferencesPayload with _$SetNotificationPreferencesPayload {
  const SetNotificationPreferencesPayload._();

/// Result of setNotificationPreferences.
  const factory SetNotificationPreferencesPayload({
/// Every kind's delivery for the viewer, after the change.
    List<NotificationPreference>? preferences,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _SetNotificationPreferencesPayload;

  factory SetNotificationPreferencesPayload.fromJson(Map<String, dynamic> json) => _$SetNotificationPreferencesPayloadFromJson(json);
}

@unfreezed
class SetNotificationWebhookInput with _$SetNotificationWebhookInput {
  const SetNotificationWebhookInput._();

/// Set or remove the viewer's notification webhook.
  const factory SetNotificationWebhookInput({
/// An absolute http(s) URL (https, to a public host, in production); null removes the webhook.
    String? url,
  }) = _SetNotificationWebhookInput;

  factory SetNotificationWebhookInput.fromJson(Map<String, dynamic> json) => _$SetNotificationWebhookInputFromJson(json);
}

@freezed
class SetNotificationWebhookPayload with _$SetNotificationWebhookPayload {
  const SetNotificationWebhookPayload._();

/// Result of setNotificationWebhook.
  const factory SetNotificationWebhookPayload({
/// The key its posts are signed with, new each time it is set: shown only here.
    String? signingSecret,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
/// The webhook now; null once removed.
    NotificationWebhook? webhook,
  }) = _SetNotificationWebhookPayload;

  factory SetNotificationWebhookPayload.fromJson(Map<String, dynamic> json) => _$SetNotificationWebhookPayloadFromJson(json);
}

@unfreezed
class SetRelayInput with _$SetRelayInput {
  const SetRelayInput._();

/// Switch one socket of an outlet on or off.
  const factory SetRelayInput({
/// True to switch it on, false to switch it off.
    @JsonKey(name: 'on')
    required bool on_,
/// One of the viewer's outlets.
    required String outletId,
/// Which socket.
    required Socket socket,
  }) = _SetRelayInput;

  factory SetRelayInput.fromJson(Map<String, dynamic> json) => _$SetRelayInputFromJson(json);
}

@freezed
class SetRelayPayload with _$SetRelayPayload {
  const SetRelayPayload._();

/// Result of setRelay.
  const factory SetRelayPayload({
/// The queued command; it succeeds when the outlet reports the new state.
    Command? command,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _SetRelayPayload;

  factory SetRelayPayload.fromJson(Map<String, dynamic> json) => _$SetRelayPayloadFromJson(json);
}

@unfreezed
class SetThresholdInput with _$SetThresholdInput {
  const SetThresholdInput._();

/// Set the current above which an outlet raises a THRESHOLD alert.
  const factory SetThresholdInput({
/// Above 0, below 65535 (the overload marker).
    required int milliamps,
/// One of the viewer's outlets.
    required String outletId,
  }) = _SetThresholdInput;

  factory SetThresholdInput.fromJson(Map<String, dynamic> json) => _$SetThresholdInputFromJson(json);
}

@freezed
class SetThresholdPayload with _$SetThresholdPayload {
  const SetThresholdPayload._();

/// Result of setThreshold.
  const factory SetThresholdPayload({
/// The queued command; it ends DELIVERED when the hub fetches it (the outlet never confirms a threshold).
    Command? command,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _SetThresholdPayload;

  factory SetThresholdPayload.fromJson(Map<String, dynamic> json) => _$SetThresholdPayloadFromJson(json);
}

/// What the battery does in a slot.
enum SlotMode {
  CHARGE,
  DISCHARGE,
  IDLE,
}

/// PENDING until the agent reports the slot EXECUTED or FAILED.
enum SlotStatus {
  EXECUTED,
  FAILED,
  PENDING,
}

/// One of an outlet's two sockets.
enum Socket {
  A,
  B,
}

/// Kind of animal.
enum Species {
  BIRD,
  CAT,
  DOG,
  OTHER,
  RABBIT,
}

@unfreezed
class StopFeedingInput with _$StopFeedingInput {
  const StopFeedingInput._();

/// Stop a feed in progress.
  const factory StopFeedingInput({
/// One of the viewer's feeders.
    required String deviceId,
  }) = _StopFeedingInput;

  factory StopFeedingInput.fromJson(Map<String, dynamic> json) => _$StopFeedingInputFromJson(json);
}

@freezed
class StopFeedingPayload with _$StopFeedingPayload {
  const StopFeedingPayload._();

/// Result of stopFeeding.
  const factory StopFeedingPayload({
/// The queued command.
    Command? command,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _StopFeedingPayload;

  factory StopFeedingPayload.fromJson(Map<String, dynamic> json) => _$StopFeedingPayloadFromJson(json);
}

/// Width of the time buckets telemetry is summarised in; buckets start on the width's boundaries in UTC.
enum TelemetryBucket {
  FIVE_MINUTES,
  ONE_DAY,
  ONE_HOUR,
  ONE_MINUTE,
}

@freezed
class TelemetryReading with _$TelemetryReading {
  const TelemetryReading._();

/// A reading as it arrived, whether or not it was stored.
  const factory TelemetryReading({
/// The device it is about.
    required String deviceId,
/// The device's own clock, if it sent one.
    DateTime? deviceTime,
/// Outlets: the reading reports an overload trip.
    bool? overload,
/// Whether this reading was stored (at most one per persist interval is).
    required bool persisted,
/// Server time it arrived.
    required DateTime receivedAt,
/// Outlets: socket A's relay is on.
    bool? relayA,
/// Outlets: socket B's relay is on.
    bool? relayB,
/// The measurements. An outlet's 0xFFFF overload marker is not a current and is left out; see `overload`.
    required List<TelemetryValue> values,
  }) = _TelemetryReading;

  factory TelemetryReading.fromJson(Map<String, dynamic> json) => _$TelemetryReadingFromJson(json);
}

@freezed
class TelemetrySample with _$TelemetrySample {
  const TelemetrySample._();

/// A raw telemetry point (count 1), or the summary of a time bucket of points.
  const factory TelemetrySample({
/// Server receive time of a raw point; the start of a bucket.
    required DateTime at,
/// Average of the bucket (a raw point: its value).
    required double avg,
/// How many points the bucket holds (a raw point: 1).
    required int count,
/// The device's own clock for a raw point, if it sent one; 1970 before NTP sync.
    DateTime? deviceTime,
/// End of a bucket (exclusive); null for a raw point.
    DateTime? end,
/// What was measured: current_a, current_b, breaker_current, ...
    required String key,
/// Largest value in the bucket (a raw point: its value).
    required double max,
/// Smallest value in the bucket (a raw point: its value).
    required double min,
/// The raw value; a bucket's average.
    required double value,
  }) = _TelemetrySample;

  factory TelemetrySample.fromJson(Map<String, dynamic> json) => _$TelemetrySampleFromJson(json);
}

@freezed
class TelemetrySampleConnection with _$TelemetrySampleConnection {
  const TelemetrySampleConnection._();

/// A page of a list, with the total size of the list.
  const factory TelemetrySampleConnection({
/// Contains the nodes in this connection
    required List<TelemetrySampleEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _TelemetrySampleConnection;

  factory TelemetrySampleConnection.fromJson(Map<String, dynamic> json) => _$TelemetrySampleConnectionFromJson(json);
}

@freezed
class TelemetrySampleEdge with _$TelemetrySampleEdge {
  const TelemetrySampleEdge._();

/// An edge in a connection.
  const factory TelemetrySampleEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required TelemetrySample node,
  }) = _TelemetrySampleEdge;

  factory TelemetrySampleEdge.fromJson(Map<String, dynamic> json) => _$TelemetrySampleEdgeFromJson(json);
}

@freezed
class TelemetryValue with _$TelemetryValue {
  const TelemetryValue._();

/// One measured value of a live reading.
  const factory TelemetryValue({
/// What was measured: current_a, current_b, breaker_current, ...
    required String key,
/// The value, in the key's unit (currents in mA).
    required double value,
  }) = _TelemetryValue;

  factory TelemetryValue.fromJson(Map<String, dynamic> json) => _$TelemetryValueFromJson(json);
}

@freezed
class Transaction with _$Transaction {
  const Transaction._();

/// A completed sale.
  const factory Transaction({
/// Who bought it; null for a quick sell to someone without an account.
    User? buyer,
/// When the sale completed.
    required DateTime completedAt,
/// The Globally Unique ID of this object
    required String id,
/// What was sold.
    Listing? listing,
/// What the item sold for.
    required Money price,
/// Who sold it.
    User? seller,
/// When the deal began: the purchase request, or the sale for a quick sell.
    required DateTime startedAt,
/// The viewer's side of the sale; null for staff looking on.
    TransactionRole? viewerRole,
  }) = _Transaction;

  factory Transaction.fromJson(Map<String, dynamic> json) => _$TransactionFromJson(json);
}

@freezed
class TransactionConnection with _$TransactionConnection {
  const TransactionConnection._();

/// A page of a list, with the total size of the list.
  const factory TransactionConnection({
/// Contains the nodes in this connection
    required List<TransactionEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _TransactionConnection;

  factory TransactionConnection.fromJson(Map<String, dynamic> json) => _$TransactionConnectionFromJson(json);
}

@freezed
class TransactionEdge with _$TransactionEdge {
  const TransactionEdge._();

/// An edge in a connection.
  const factory TransactionEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required Transaction node,
  }) = _TransactionEdge;

  factory TransactionEdge.fromJson(Map<String, dynamic> json) => _$TransactionEdgeFromJson(json);
}

/// The viewer's side of a sale.
enum TransactionRole {
  BUYER,
  SELLER,
}

@freezed
class Treat with _$Treat {
  const Treat._();

/// A treat an owner tapped for a collar: who, when, and how it went.
  const factory Treat({
/// The TREAT command: its status is the result (SUCCEEDED, FAILED, EXPIRED).
    Command? command,
/// The collar that was to dispense it.
    Device? device,
/// When it was tapped.
    required DateTime issuedAt,
/// Who tapped it; null if that account is gone.
    User? issuedBy,
/// The pet wearing the collar at the time, if any.
    Pet? pet,
  }) = _Treat;

  factory Treat.fromJson(Map<String, dynamic> json) => _$TreatFromJson(json);
}

@freezed
class TreatConnection with _$TreatConnection {
  const TreatConnection._();

/// A page of a list, with the total size of the list.
  const factory TreatConnection({
/// Contains the nodes in this connection
    required List<TreatEdge> edges,
/// Pagination data for this connection
    required PageInfo pageInfo,
/// How many items the whole list holds, across all pages.
    required int totalCount,
  }) = _TreatConnection;

  factory TreatConnection.fromJson(Map<String, dynamic> json) => _$TreatConnectionFromJson(json);
}

@freezed
class TreatEdge with _$TreatEdge {
  const TreatEdge._();

/// An edge in a connection.
  const factory TreatEdge({
/// A cursor for use in pagination
    required String cursor,
/// The item at the end of the edge
    required Treat node,
  }) = _TreatEdge;

  factory TreatEdge.fromJson(Map<String, dynamic> json) => _$TreatEdgeFromJson(json);
}

@unfreezed
class TreatInput with _$TreatInput {
  const TreatInput._();

/// Tap a treat: the collar dispenses one (TreatTap).
  const factory TreatInput({
/// One of the viewer's collars.
    required String deviceId,
  }) = _TreatInput;

  factory TreatInput.fromJson(Map<String, dynamic> json) => _$TreatInputFromJson(json);
}

@freezed
class TreatPayload with _$TreatPayload {
  const TreatPayload._();

/// Result of treat.
  const factory TreatPayload({
/// The queued TREAT command; follow it with commandUpdated.
    Command? command,
/// The treat, in the history.
    Treat? treat,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _TreatPayload;

  factory TreatPayload.fromJson(Map<String, dynamic> json) => _$TreatPayloadFromJson(json);
}

@unfreezed
class UnblockUserInput with _$UnblockUserInput {
  const UnblockUserInput._();

/// Lift the viewer's block of a user.
  const factory UnblockUserInput({
/// Whom to unblock (a User or Profile ID).
    required String userId,
  }) = _UnblockUserInput;

  factory UnblockUserInput.fromJson(Map<String, dynamic> json) => _$UnblockUserInputFromJson(json);
}

@freezed
class UnblockUserPayload with _$UnblockUserPayload {
  const UnblockUserPayload._();

/// Result of unblockUser.
  const factory UnblockUserPayload({
/// The profile, as the viewer now sees it.
    Profile? profile,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _UnblockUserPayload;

  factory UnblockUserPayload.fromJson(Map<String, dynamic> json) => _$UnblockUserPayloadFromJson(json);
}

@unfreezed
class UndoNutritionPlanInput with _$UndoNutritionPlanInput {
  const UndoNutritionPlanInput._();

/// Restore the portions a nutrition plan replaced.
  const factory UndoNutritionPlanInput({
/// The AppliedNutritionPlan's id.
    required String applicationId,
  }) = _UndoNutritionPlanInput;

  factory UndoNutritionPlanInput.fromJson(Map<String, dynamic> json) => _$UndoNutritionPlanInputFromJson(json);
}

@freezed
class UndoNutritionPlanPayload with _$UndoNutritionPlanPayload {
  const UndoNutritionPlanPayload._();

/// Result of undoNutritionPlan.
  const factory UndoNutritionPlanPayload({
/// The plan, now undone; its old portions are back.
    AppliedNutritionPlan? applied,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _UndoNutritionPlanPayload;

  factory UndoNutritionPlanPayload.fromJson(Map<String, dynamic> json) => _$UndoNutritionPlanPayloadFromJson(json);
}

@unfreezed
class UnfollowUserInput with _$UnfollowUserInput {
  const UnfollowUserInput._();

/// Stop following a user, or withdraw a request to.
  const factory UnfollowUserInput({
/// Whom to stop following (a User or Profile ID).
    required String userId,
  }) = _UnfollowUserInput;

  factory UnfollowUserInput.fromJson(Map<String, dynamic> json) => _$UnfollowUserInputFromJson(json);
}

@freezed
class UnfollowUserPayload with _$UnfollowUserPayload {
  const UnfollowUserPayload._();

/// Result of unfollowUser.
  const factory UnfollowUserPayload({
/// The profile, as the viewer now sees it.
    Profile? profile,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _UnfollowUserPayload;

  factory UnfollowUserPayload.fromJson(Map<String, dynamic> json) => _$UnfollowUserPayloadFromJson(json);
}

@unfreezed
class UpdateCommentInput with _$UpdateCommentInput {
  const UpdateCommentInput._();

/// New text for the viewer's comment.
  const factory UpdateCommentInput({
/// The comment.
    required String id,
/// 1 to 2000 characters.
    required String text,
  }) = _UpdateCommentInput;

  factory UpdateCommentInput.fromJson(Map<String, dynamic> json) => _$UpdateCommentInputFromJson(json);
}

@freezed
class UpdateCommentPayload with _$UpdateCommentPayload {
  const UpdateCommentPayload._();

/// Result of updateComment.
  const factory UpdateCommentPayload({
/// The comment as changed.
    Comment? comment,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _UpdateCommentPayload;

  factory UpdateCommentPayload.fromJson(Map<String, dynamic> json) => _$UpdateCommentPayloadFromJson(json);
}

@unfreezed
class UpdateDeviceInput with _$UpdateDeviceInput {
  const UpdateDeviceInput._();

/// Changes to one of the viewer's devices; omitted fields stay as they are.
  const factory UpdateDeviceInput({
/// Batteries: a new rating, capacity and site.
    BatteryProfileInput? battery,
/// The device to change.
    required String id,
/// Null clears it.
    String? location,
/// 1 to 80 characters.
    String? name,
/// Assign to one of the viewer's pets; null unassigns.
    String? petId,
  }) = _UpdateDeviceInput;

  factory UpdateDeviceInput.fromJson(Map<String, dynamic> json) => _$UpdateDeviceInputFromJson(json);
}

@freezed
class UpdateDevicePayload with _$UpdateDevicePayload {
  const UpdateDevicePayload._();

/// Result of updateDevice.
  const factory UpdateDevicePayload({
/// The device as changed.
    Device? device,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _UpdateDevicePayload;

  factory UpdateDevicePayload.fromJson(Map<String, dynamic> json) => _$UpdateDevicePayloadFromJson(json);
}

@unfreezed
class UpdateFeedingScheduleInput with _$UpdateFeedingScheduleInput {
  const UpdateFeedingScheduleInput._();

/// Changes to one of the viewer's schedules; omitted fields stay as they are.
  const factory UpdateFeedingScheduleInput({
/// Days it runs: Mon, Tue, Wed, Thu, Fri, Sat, Sun (any case). Null: every day.
    List<String>? daysOfWeek,
/// Whether it fires.
    bool? enabled,
/// 10 to 160, a multiple of 10.
    int? grams,
/// The schedule to change.
    required String id,
/// Up to 32 characters; null clears it.
    String? label,
/// HH:MM (24-hour), local time.
    String? time,
  }) = _UpdateFeedingScheduleInput;

  factory UpdateFeedingScheduleInput.fromJson(Map<String, dynamic> json) => _$UpdateFeedingScheduleInputFromJson(json);
}

@freezed
class UpdateFeedingSchedulePayload with _$UpdateFeedingSchedulePayload {
  const UpdateFeedingSchedulePayload._();

/// Result of updateFeedingSchedule.
  const factory UpdateFeedingSchedulePayload({
/// The schedule as changed.
    FeedingSchedule? feedingSchedule,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _UpdateFeedingSchedulePayload;

  factory UpdateFeedingSchedulePayload.fromJson(Map<String, dynamic> json) => _$UpdateFeedingSchedulePayloadFromJson(json);
}

@unfreezed
class UpdateListingInput with _$UpdateListingInput {
  const UpdateListingInput._();

/// Changes to one of the viewer's listings; omitted fields stay as they are.
  const factory UpdateListingInput({
/// Another category.
    String? categoryId,
/// Condition.
    ListingCondition? condition,
/// ISO 4217 currency code.
    String? currency,
/// 1 to 5000 characters.
    String? description,
/// The listing to change (ACTIVE or RESERVED).
    required String id,
/// Null clears it.
    String? location,
/// Replaces every photo; up to 10 http(s) URLs, in order.
    List<String>? photos,
/// Positive, at most 2 decimals.
    String? price,
/// 1 to 10000.
    int? quantity,
/// 1 to 120 characters.
    String? title,
  }) = _UpdateListingInput;

  factory UpdateListingInput.fromJson(Map<String, dynamic> json) => _$UpdateListingInputFromJson(json);
}

@freezed
class UpdateListingPayload with _$UpdateListingPayload {
  const UpdateListingPayload._();

/// Result of updateListing.
  const factory UpdateListingPayload({
/// The listing as changed.
    Listing? listing,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _UpdateListingPayload;

  factory UpdateListingPayload.fromJson(Map<String, dynamic> json) => _$UpdateListingPayloadFromJson(json);
}

@unfreezed
class UpdatePetInput with _$UpdatePetInput {
  const UpdatePetInput._();

/// Changes to one of the viewer's pets; omitted fields stay as they are.
  const factory UpdatePetInput({
/// Activity.
    ActivityLevel? activityLevel,
/// Null clears it.
    String? birthdate,
/// Breed; null clears it.
    String? breed,
/// The food's energy, kcal/kg; null clears it.
    int? foodKcalPerKg,
/// The pet to change.
    required String id,
/// 1 to 60 characters.
    String? name,
/// Neutered or spayed.
    bool? neutered,
/// Kind of animal.
    Species? species,
/// Null clears it.
    double? weightKg,
  }) = _UpdatePetInput;

  factory UpdatePetInput.fromJson(Map<String, dynamic> json) => _$UpdatePetInputFromJson(json);
}

@freezed
class UpdatePetPayload with _$UpdatePetPayload {
  const UpdatePetPayload._();

/// Result of updatePet.
  const factory UpdatePetPayload({
/// The pet as changed.
    Pet? pet,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _UpdatePetPayload;

  factory UpdatePetPayload.fromJson(Map<String, dynamic> json) => _$UpdatePetPayloadFromJson(json);
}

@unfreezed
class UpdatePostInput with _$UpdatePostInput {
  const UpdatePostInput._();

/// Changes to the viewer's post; omitted fields stay as they are.
  const factory UpdatePostInput({
/// The post to change.
    required String id,
/// Replace the photos (null or [] removes them).
    List<String>? photoUrls,
/// Replace the tagged pets (null or [] untags all).
    List<String>? taggedPetIds,
/// New text.
    String? text,
/// Who may see it.
    PostVisibility? visibility,
  }) = _UpdatePostInput;

  factory UpdatePostInput.fromJson(Map<String, dynamic> json) => _$UpdatePostInputFromJson(json);
}

@freezed
class UpdatePostPayload with _$UpdatePostPayload {
  const UpdatePostPayload._();

/// Result of updatePost.
  const factory UpdatePostPayload({
/// The post as changed.
    Post? post,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _UpdatePostPayload;

  factory UpdatePostPayload.fromJson(Map<String, dynamic> json) => _$UpdatePostPayloadFromJson(json);
}

@unfreezed
class UpdateProfileInput with _$UpdateProfileInput {
  const UpdateProfileInput._();

/// Changes to the viewer's profile; omitted fields stay as they are.
  const factory UpdateProfileInput({
/// An http(s) URL; null clears it.
    String? avatarUrl,
/// Up to 500 characters; null or empty clears it.
    String? bio,
/// 1 to 80 characters.
    String? displayName,
/// Private profiles approve followers; going public approves waiting requests.
    bool? isPrivate,
  }) = _UpdateProfileInput;

  factory UpdateProfileInput.fromJson(Map<String, dynamic> json) => _$UpdateProfileInputFromJson(json);
}

@freezed
class UpdateProfilePayload with _$UpdateProfilePayload {
  const UpdateProfilePayload._();

/// Result of updateProfile.
  const factory UpdateProfilePayload({
/// The profile as changed.
    Profile? profile,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
  }) = _UpdateProfilePayload;

  factory UpdateProfilePayload.fromJson(Map<String, dynamic> json) => _$UpdateProfilePayloadFromJson(json);
}

@freezed
class User with _$User {
  const User._();

/// A person with an account. Every signed-in viewer sees any user's id and display name; email, role, time zone and sign-up date only the user themself and STAFF/ADMIN see (null for everyone else). Anonymous viewers see no user.
  const factory User({
/// When the account was created. Null unless the viewer is this user or STAFF/ADMIN.
    DateTime? createdAt,
/// Their devices, oldest first. Null unless this user is the viewer (`me`).
    DeviceConnection? devices,
/// Name shown to other people; visible to every signed-in viewer.
    required String displayName,
/// Login email, lower-cased. Null unless the viewer is this user or STAFF/ADMIN.
    String? email,
/// The Globally Unique ID of this object
    required String id,
/// Where each kind of notification reaches them (app, email, both, digest). Null unless this user is the viewer (`me`).
    List<NotificationPreference>? notificationPreferences,
/// Where their notifications are also POSTed (what is emailed at once). Null unless this user is the viewer (`me`). Null too when they have none.
    NotificationWebhook? notificationWebhook,
/// Their notification inbox, newest first. Null unless this user is the viewer (`me`).
    NotificationConnection? notifications,
/// Their pets, oldest first. Null unless this user is the viewer (`me`).
    PetConnection? pets,
/// OWNER by default; STAFF and ADMIN see every owner's data. Null unless the viewer is this user or STAFF/ADMIN.
    Role? role,
/// IANA time zone; the user's feeding schedules run in it. Null unless the viewer is this user or STAFF/ADMIN.
    String? timeZone,
/// How many of their notifications are unread. Null unless this user is the viewer (`me`).
    int? unreadNotificationCount,
  }) = _User;

  factory User.fromJson(Map<String, dynamic> json) => _$UserFromJson(json);
}

@freezed
class UserError with _$UserError {
  const UserError._();

/// An expected failure of a mutation, in terms of its input.
  const factory UserError({
/// Machine-readable reason.
    required ErrorCode code,
/// Path to the input field at fault, if one is; null for the whole input.
    List<String>? field,
/// Human-readable reason, safe to show.
    required String message,
/// RATE_LIMITED, SERVICE_UNAVAILABLE: seconds to wait before trying again.
    int? retryAfter,
  }) = _UserError;

  factory UserError.fromJson(Map<String, dynamic> json) => _$UserErrorFromJson(json);
}

@unfreezed
class UserSuspensionInput with _$UserSuspensionInput {
  const UserSuspensionInput._();

/// A user to suspend or reinstate.
  const factory UserSuspensionInput({
/// The user.
    required String userId,
  }) = _UserSuspensionInput;

  factory UserSuspensionInput.fromJson(Map<String, dynamic> json) => _$UserSuspensionInputFromJson(json);
}

@freezed
class UserSuspensionPayload with _$UserSuspensionPayload {
  const UserSuspensionPayload._();

/// Result of suspendUser and unsuspendUser.
  const factory UserSuspensionPayload({
/// When they were suspended; null once reinstated.
    DateTime? suspendedAt,
/// Why the mutation failed; empty on success.
    required List<UserError> userErrors,
/// The user.
    String? userId,
  }) = _UserSuspensionPayload;

  factory UserSuspensionPayload.fromJson(Map<String, dynamic> json) => _$UserSuspensionPayloadFromJson(json);
}

@freezed
class VideoStream with _$VideoStream {
  const VideoStream._();

/// A time-limited link to a collar's live video (HLS).
  const factory VideoStream({
/// The collar streaming.
    required String deviceId,
/// When the link stops working; ask for a new one before.
    required DateTime expiresAt,
/// The RTMP stream the collar publishes to (rtmp://<video host>/live/<name>).
    required String streamName,
/// The HLS playlist (.m3u8), signed for nginx's secure_link: `md5` and `expires` query arguments. Its segments carry the same signature. Works until expiresAt; 404 while the collar is not streaming.
    required String url,
  }) = _VideoStream;

  factory VideoStream.fromJson(Map<String, dynamic> json) => _$VideoStreamFromJson(json);
}