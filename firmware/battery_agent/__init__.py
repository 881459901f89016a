"""The MAX300 edge agent (CPython on a Raspberry Pi): receives day-ahead schedules over MQTT,
checks and stores them in SQLite, acks, runs each half-hour slot on a battery controller and
reports back, surviving restarts and broker outages. Imports no server code."""
