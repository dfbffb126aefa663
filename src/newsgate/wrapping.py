"""Hard-wrapped text: the paragraphs of a page whose lines were broken at a fixed width.

Mailing-list copies, wire feeds and text archives break every paragraph into lines of a fixed
width (often with blank lines between them). Judged one by one, such lines look like furniture:
short, unfinished, without sentence punctuation. Read as the paragraphs they were cut from, they
are story text. This module finds those paragraphs from the page's shape alone:

- the page is hard-wrapped when several lines stop mid-sentence and the next line goes on in
  lower case ("… asked the court to\\n\\nreview the case"), which prose written as paragraphs
  almost never does;
- the wrap width is the longest such line;
- a line is continued by the next one when it stops mid-sentence and either the next line starts
  in lower case or the next line's first word would not have fitted on it (the reason a
  wrapping program breaks a line there). A short line that ends mid-sentence (a headline, a
  label) left room for that word, so it stays alone; a paragraph's first line goes on before a
  capital only when it stops after a comma or a function word, where no headline stops.
"""

from __future__ import annotations

import re
from itertools import pairwise

from newsgate.language import ENGLISH_STOPWORDS

# a line that ends a sentence or a clause that may end a paragraph
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_FIRST_WORD = re.compile(r"\S+")
_LAST_WORD = re.compile(r"[^\W\d_]+$")
# at least this many mid-sentence breaks into a lower-case line make a page hard-wrapped
MIN_WRAPPED_BREAKS = 3
# and they are at least this share of the page's non-blank lines
MIN_WRAPPED_SHARE = 0.2


def _open_end(text: str) -> bool:
    return not _ENDS_SENTENCE.search(text)


def _lower_start(text: str) -> bool:
    return text[:1].islower()


def wrap_width(texts: list[str]) -> int | None:
    """Return the width the lines of a hard-wrapped page were broken at, or None when the page
    is not hard-wrapped. `texts` are the page's non-blank lines, in order."""
    breaks = [
        len(a.rstrip())
        for a, b in pairwise(texts)
        if _open_end(a.strip()) and _lower_start(b.strip())
    ]
    if len(breaks) < MIN_WRAPPED_BREAKS or len(breaks) < MIN_WRAPPED_SHARE * len(texts):
        return None
    return max(breaks)


def continues(text: str, following: str, width: int, inside: bool = False) -> bool:
    """Return whether `following` goes on with the paragraph `text` was cut from, on a page
    wrapped at `width`; `inside` says that `text` itself continues an earlier line."""
    line, nxt = text.rstrip(), following.strip()
    if not line.strip() or not nxt or not _open_end(line.strip()):
        return False
    if _lower_start(nxt):
        return True
    first = _FIRST_WORD.match(nxt)
    if first is None or len(line) + 1 + len(first.group(0)) <= width:
        return False
    # Before a capital, a paragraph's first line goes on only when it stops where no sentence
    # or headline stops (after a comma or a function word): a headline as long as the wrap
    # width stays a line of its own.
    last = _LAST_WORD.search(line)
    return (
        inside
        or line.endswith(",")
        or (last is not None and last.group(0).casefold() in ENGLISH_STOPWORDS)
    )


def wrapped_paragraphs(texts: list[str]) -> list[list[int]]:
    """Return the non-blank lines of a page grouped into the paragraphs they were cut from (lists
    of indexes into `texts`, in order; a line that is not wrapped is a group of its own)."""
    width = wrap_width(texts)
    groups: list[list[int]] = []
    for index, text in enumerate(texts):
        inside = bool(groups) and len(groups[-1]) > 1
        if groups and width is not None and continues(texts[index - 1], text, width, inside):
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups
