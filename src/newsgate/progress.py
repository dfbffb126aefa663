"""Progress for a person watching a terminal: one bar per stage with counts and rate, and a line
for each slow step saying what it does. Nothing is drawn when stderr is not a terminal (piped or
scheduled runs) unless NEWSGATE_PROGRESS=1; NEWSGATE_PROGRESS=0 turns it off everywhere."""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

LABEL_WIDTH = 10
BAR_FORMAT = (
    "{desc:<" + str(LABEL_WIDTH) + "} {bar:24} {n_fmt:>7}/{total_fmt:<7} {unit:<9} "
    "{elapsed:>5}  {rate_fmt}"
)


def interactive() -> bool:
    """Return whether progress should be drawn: NEWSGATE_PROGRESS if set, else stderr is a tty."""
    forced = os.environ.get("NEWSGATE_PROGRESS", "").strip().lower()
    if forced in {"0", "1", "false", "true", "no", "yes"}:
        return forced in {"1", "true", "yes"}
    return sys.stderr.isatty()


def _bar(desc: str, unit: str, total: int | None):
    from tqdm import tqdm

    return tqdm(
        desc=desc,
        unit=unit,
        total=total,
        leave=True,
        file=sys.stderr,
        bar_format=BAR_FORMAT if total is not None else None,
        # a terminal that reports no width (some ptys) would get an empty bar
        ncols=min(shutil.get_terminal_size(fallback=(100, 24)).columns or 100, 110),
    )


def progress(
    items: Iterable[T], desc: str, unit: str = "it", total: int | None = None
) -> Iterator[T]:
    """Return `items`, counted on a bar on stderr when progress is drawn."""
    if not interactive():
        yield from items
        return
    with _bar(desc, unit, total) as bar:
        for item in items:
            yield item
            bar.update(1)


class _Counter:
    """A bar advanced by hand (work that finishes elsewhere, such as mapped tasks)."""

    def __init__(self, bar):
        self._bar = bar

    def update(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(n)


@contextmanager
def counter(desc: str, total: int, unit: str = "it") -> Iterator[_Counter]:
    """Yield a counter drawn as a bar of `total` units while the block runs (a no-op if quiet)."""
    if not interactive():
        yield _Counter(None)
        return
    with _bar(desc, unit, total) as bar:
        yield _Counter(bar)


class _Step:
    """A slow step in progress; `result` is the text printed after it when it ends."""

    def __init__(self) -> None:
        self.result = "done"


@contextmanager
def step(message: str) -> Iterator[_Step]:
    """Say on stderr what a slow step is doing, then how it ended and how long it took."""
    handle = _Step()
    if not interactive():
        yield handle
        return
    started = time.perf_counter()
    sys.stderr.write(f"{message} ... ")
    sys.stderr.flush()
    try:
        yield handle
    except BaseException:
        sys.stderr.write(f"failed ({time.perf_counter() - started:.1f} s)\n")
        raise
    sys.stderr.write(f"{handle.result} ({time.perf_counter() - started:.1f} s)\n")
    sys.stderr.flush()


def note(message: str) -> None:
    """Write one line on stderr when progress is drawn."""
    if interactive():
        sys.stderr.write(message + "\n")
        sys.stderr.flush()


# seconds per named step of this process, summed, until `take_timings` hands them over (the flow
# reads them after each stage into the run summary; work on other threads is not timed here)
_TIMINGS: dict[str, float] = {}
_TIMINGS_LOCK = threading.Lock()


@contextmanager
def timed(name: str) -> Iterator[None]:
    """Add the block's wall seconds to step `name` of the timings `take_timings` returns."""
    started = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - started
        with _TIMINGS_LOCK:
            _TIMINGS[name] = _TIMINGS.get(name, 0.0) + elapsed


def take_timings() -> dict[str, float]:
    """Return the seconds per step timed since the last call (in the order first timed), and
    start counting afresh."""
    with _TIMINGS_LOCK:
        taken = dict(_TIMINGS)
        _TIMINGS.clear()
    return taken
