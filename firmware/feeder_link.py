"""The feeder's network resilience (PETio seed: short timeouts, a single retry, backoff), and
the logs it keeps while the server cannot be reached.

- Every request is tried once more at once when it got no answer or a 5xx (the client's own
  timeout is short, 5 s).
- A failed command or schedule poll backs both polls off: 60 s, doubling up to 300 s; a
  successful one resets it. Heartbeats are never backed off.
- A feeding log that could not be delivered (no answer, 5xx) is kept, at most
  ``MAX_OFFLINE_LOGS`` (the oldest dropped), and posted as one batch once the server answers
  again. A 4xx is the server's verdict: that log is not kept.
"""

from firmware.traffic import Traffic

MIN_BACKOFF_S = 60.0
MAX_BACKOFF_S = 300.0
MAX_OFFLINE_LOGS = 50


class FeederLink:
    def __init__(self, clock, min_backoff_s=MIN_BACKOFF_S, max_backoff_s=MAX_BACKOFF_S):
        self.clock = clock
        self.min_backoff_s = min_backoff_s
        self.max_backoff_s = max_backoff_s
        self.backoff_s = min_backoff_s
        self.backoff_until = None
        self.online = True
        self.offline_logs = []
        self.traffic = Traffic()

    def send(self, route, request):
        """A request, retried once when it got no answer or a 5xx: its last response, or None."""
        response = self.traffic.send(route, request)
        if response is None or response.status >= 500:
            response = self.traffic.send(route, request)
        self.online = response is not None
        return response

    def poll(self, route, request):
        """A command or schedule poll: a failure backs the polls off, a success resets it."""
        response = self.send(route, request)
        if response is not None and response.ok:
            self.backoff_s = self.min_backoff_s
            self.backoff_until = None
        else:
            self.backoff_until = self.clock() + self.backoff_s
            self.backoff_s = min(self.backoff_s * 2, self.max_backoff_s)
        return response

    def backing_off(self, now):
        return self.backoff_until is not None and now < self.backoff_until

    def post_log(self, client, entry):
        """Send one (epoch, grams, source, notes) log: True when delivered or kept for later,
        False when the server refused it."""
        at, grams, source, notes = entry
        response = self.send("logs", lambda: client.post_log(grams, source, notes, at))
        if response is not None and response.ok:
            return True
        if response is None or response.status >= 500:
            # Not the server's verdict: the feed happened, its log goes out once it is back.
            self.offline_logs = (self.offline_logs + [entry])[-MAX_OFFLINE_LOGS:]
            return True
        return False

    def flush(self, client, now):
        """Post the kept logs as one batch, when the server answers and polls are not off."""
        if not self.offline_logs or not self.online or self.backing_off(now):
            return
        batch = self.offline_logs
        response = self.send("logs", lambda: client.post_logs(batch))
        if response is not None and response.status < 500:
            # Delivered, or refused for good (a 4xx would be refused again): not kept.
            self.offline_logs = self.offline_logs[len(batch) :]
