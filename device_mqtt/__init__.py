"""The MQTT front door: device topics in, commands out, through one broker connection.

Like ``device_rest``, it is thin: handlers parse a topic and a payload, call domain services and
use the one unit of work (``graphql_api.unit_of_work``). It imports no sqlalchemy and no repository.

- ``connection``: the only module that knows the MQTT client library (aiomqtt).
- ``router``: the registry of device topics (pattern → handler) and outbox sweeps.
- ``bridge``: routes messages to handlers, acks after commit, publishes what sweeps claim.
- ``routes``: every device line's router, put together.
- ``broker_admin``: per-device broker credentials and ACLs.
"""
