"""Feeding schedules: when a feeder dispenses by itself, decided on the server in local time."""
