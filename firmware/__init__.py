"""Device-side code: what pawgraph's own firmware runs, and a fleet simulator for the REST shim.

The device modules (``petio_feeder`` and its loop ``feeder_unit`` over ``feeder_hardware``,
``feeder_motor`` and ``feeder_panel``; ``smart_outlet_hub`` and its cycle ``hub_unit`` over the
radio of ``outlet_rf``; ``clock``, ``traffic``, ``transport``, ``http_*``) must run on
MicroPython as well as CPython, so they use only ``json``, ``time`` and ``sys``, no ``typing``,
dataclasses or f-string tricks, and speak HTTP through a transport object. ``simulator`` (with
``sim_runner`` and ``hub_fleet``) is a host tool. Nothing here imports server code: firmware
only knows the wire (an import-linter contract checks it).
"""
