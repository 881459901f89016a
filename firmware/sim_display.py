"""A live view of a simulator run in the terminal (rich): devices, requests per second, errors,
the last command a hub ran, and the time left. A host tool, like ``firmware.simulator``.

``LiveView`` is the run's ``observer``; used as a context manager it redraws the view a few
times a second (so the clock moves while the simulator sleeps between heartbeats). Off a
terminal (a pipe, a CI log) rich prints nothing live, and the summary after the run says it all.
"""

import time

from rich.console import Console
from rich.live import Live
from rich.table import Table

_REFRESHES_PER_SECOND = 4


class LiveView:
    def __init__(self, duration, console=None, clock=time.monotonic):
        self.duration = duration
        self.console = console or Console(stderr=True)
        self.clock = clock
        self.started = clock()
        self.latest = None
        self._live = Live(
            get_renderable=self.render,
            console=self.console,
            refresh_per_second=_REFRESHES_PER_SECOND,
            transient=False,
        )

    def __call__(self, progress):
        self.latest = progress

    def __enter__(self):
        self.started = self.clock()
        self._live.__enter__()
        return self

    def __exit__(self, *exc_info):
        return self._live.__exit__(*exc_info)

    def render(self):
        progress = self.latest
        elapsed = self.clock() - self.started
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        left = max(0.0, self.duration - elapsed)
        table.add_row("simulating", f"{elapsed:5.1f} s, {left:.0f} s left (Ctrl-C stops)")
        if progress is None:
            table.add_row("devices", "starting...")
            return table
        table.add_row("devices", f"{progress.feeders} feeder(s), {progress.hubs} hub(s)")
        rate = progress.requests / elapsed if elapsed > 0 else 0.0
        table.add_row("requests", f"{progress.requests} sent, {rate:.1f}/s")
        errors = f"{progress.errors}"
        if progress.last_error:
            errors += f" (last: {progress.last_error})"
        table.add_row("errors", errors, style="red" if progress.errors else None)
        table.add_row("last command", progress.last_command or "none yet")
        return table
