"""Deliveries: notifications that leave the app, by email or to the user's webhook.

A durable outbox: :func:`service.send_at_once` writes ``deliveries`` rows in the transaction
of the notification they carry, so they exist exactly when it commits; the ``email-send`` job
sends due rows after commit (email and webhooks, through ``channels.Channel``), with retries
and exponential backoff, and the ``email-digest`` job gathers a user's digest entries into one
email per period.
"""
