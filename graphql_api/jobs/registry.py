"""Every periodic job, listed once. Adding one: write its body as
``async def job(session, settings, now)`` in its domain (idempotent statements), then add a
:class:`Job` here (AGENTS.md, "Adding a background job")."""

from graphql_api.alerts import flows as alerts_flows
from graphql_api.batteries import flows as batteries_flows
from graphql_api.behaviour import service as behaviour_service
from graphql_api.commands import service as commands_service
from graphql_api.deliveries import service as deliveries_service
from graphql_api.jobs.runner import Job
from graphql_api.outbox import service as outbox_service

JOBS: tuple[Job, ...] = (
    Job(
        name="offline-sweep",
        run=alerts_flows.mark_silent_devices_offline,
        interval=lambda settings: settings.offline_check_interval,
        summary="Devices silent past their kind's threshold go offline and raise OFFLINE.",
        describe=lambda devices: f"{len(devices)} devices taken offline",
    ),
    Job(
        name="command-expiry",
        run=commands_service.expire_due,
        interval=lambda settings: settings.command_expiry_interval,
        summary="QUEUED/SENT commands past their time become EXPIRED or FAILED.",
        describe=lambda settled: f"{settled} commands settled",
    ),
    Job(
        name="battery-schedule-fetch",
        run=batteries_flows.fetch_due_schedules,
        interval=lambda settings: settings.schedule_job_interval,
        summary="Fetch tomorrow's MAX300 schedules at each site's local time; alert when late.",
        describe=lambda ran: f"{ran} fetches",
    ),
    Job(
        name="battery-archive-prune",
        run=batteries_flows.prune_archive,
        interval=lambda settings: settings.schedule_job_interval,
        summary="Drop raw provider responses older than the archive retention.",
        describe=lambda pruned: f"{pruned} archived responses pruned",
    ),
    Job(
        name="behaviour-analysis",
        run=behaviour_service.analyse_pending,
        interval=lambda settings: settings.behaviour_analysis_interval,
        summary="Classify new collar data into each pet's timeline; flag anomalies.",
        describe=lambda report: (
            f"{report.pets} pets, {report.segments} segments, {report.anomalies} anomalies"
        ),
    ),
    Job(
        name="event-outbox",
        run=outbox_service.drain,
        interval=lambda settings: settings.event_outbox_drain_interval,
        summary="Live events committed while the bus was unreachable are sent on.",
        describe=lambda sent: f"{sent} events sent on",
    ),
    Job(
        name="email-send",
        run=deliveries_service.send_due,
        interval=lambda settings: settings.email_send_interval,
        summary="Send due emails and webhook posts from the outbox; retry with backoff, give up "
        "after N.",
        describe=str,
    ),
    Job(
        name="email-digest",
        run=deliveries_service.gather_digests,
        interval=lambda settings: settings.email_digest_interval,
        summary="Gather each user's digest notifications into one email per period.",
        describe=lambda queued: f"{queued} digests queued",
    ),
    Job(
        name="delivery-prune",
        run=deliveries_service.prune,
        interval=lambda settings: settings.delivery_prune_interval,
        summary="Delete sent and given-up deliveries older than the delivery retention.",
        describe=lambda pruned: f"{pruned} deliveries pruned",
    ),
)


def job_named(name: str) -> Job:
    for job in JOBS:
        if job.name == name:
            return job
    raise KeyError(name)
