"""What a simulated device's requests got back, by route: a tally both device lines keep.

Device code never raises on a refusal or an unreachable server (the real units log and carry
on), so the tally is how a run, a simulator summary or a test sees what happened.
"""

from firmware.transport import TransportError


class RouteTally:
    def __init__(self):
        self.sent = 0
        self.accepted = 0
        self.refused = {}
        self.unreachable = 0

    def record(self, response):
        self.sent += 1
        if response is None:
            self.unreachable += 1
        elif response.ok:
            self.accepted += 1
        else:
            self.refused[response.status] = self.refused.get(response.status, 0) + 1


class Traffic:
    """Requests per route name (``"command"``, ``"data"`` …), and the last transport error."""

    def __init__(self):
        self.routes = {}
        self.last_error = None

    def send(self, route, request):
        """Make ``request()`` and tally it under ``route``: its response, or None (tallied as
        unreachable) when the transport fails."""
        try:
            response = request()
        except TransportError as error:
            self.record(route, None, error)
            return None
        self.record(route, response)
        return response

    def record(self, route, response, error=None):
        tally = self.routes.get(route)
        if tally is None:
            tally = self.routes[route] = RouteTally()
        tally.record(response)
        if error is not None:
            self.last_error = str(error)

    def sent(self, route=None):
        return self._sum("sent", route)

    def accepted(self, route=None):
        return self._sum("accepted", route)

    def unreachable(self, route=None):
        return self._sum("unreachable", route)

    def refused(self, route=None):
        """{status: count} over one route or all."""
        totals = {}
        for name, tally in self.routes.items():
            if route is None or name == route:
                for status, count in tally.refused.items():
                    totals[status] = totals.get(status, 0) + count
        return totals

    def merge(self, other):
        for name, tally in other.routes.items():
            mine = self.routes.get(name)
            if mine is None:
                mine = self.routes[name] = RouteTally()
            mine.sent += tally.sent
            mine.accepted += tally.accepted
            mine.unreachable += tally.unreachable
            for status, count in tally.refused.items():
                mine.refused[status] = mine.refused.get(status, 0) + count
        self.last_error = other.last_error or self.last_error

    def _sum(self, field, route):
        return sum(
            getattr(tally, field)
            for name, tally in self.routes.items()
            if route is None or name == route
        )
