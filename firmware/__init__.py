"""Device-side code: what pawgraph's own firmware runs, and a fleet simulator for the REST shim.

The device modules (``petio_feeder``, ``transport``, ``http_*``) must run on MicroPython as well
as CPython, so they use only ``json``, ``time`` and ``sys``, no ``typing``, dataclasses or
f-string tricks, and speak HTTP through a transport object. Nothing here imports server code:
firmware only knows the wire (an import-linter contract checks it).
"""
