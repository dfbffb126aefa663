"""Progress bars for long loops, shown only when a person is watching a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress(
    items: Iterable[T], desc: str, unit: str = "it", total: int | None = None
) -> Iterator[T]:
    """Return `items`, wrapped in a tqdm bar on stderr when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=desc, unit=unit, total=total, leave=False, file=sys.stderr)
