"""Quotation marks in running text: balanced spans, paragraphs and sentences that respect them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgate.nlp.lexicon import HONORIFICS

MAX_QUOTE_CHARS = 6000
MAX_CONTINUED_PARAGRAPHS = 6
_OPENING_CONTEXT = " \t\n([{—–-/"
_DOUBLE = frozenset('“”„«»"')
_SINGLE = frozenset("‘’‹›'")
_ABBREVIATIONS = frozenset(
    re.findall(
        r"\w+",
        "mr mrs ms dr gen col lt sgt capt cpt adm sen rep gov prof st jr sr no vs etc inc corp co"
        " ltd jan feb mar apr jun jul aug sep sept oct nov dec",
    )
)
# every honorific the data file writes with a full stop ("Hon.", "Supt.", "Brig."), as written:
# its full stop abbreviates a title before a name and ends no sentence ('“…,” Hon. Ruiz told reporters.')
_HONORIFIC_ABBREVIATIONS = frozenset(h[:-1] for h in HONORIFICS if h.endswith(".") and " " not in h)


@dataclass(frozen=True)
class QuoteSpan:
    """A balanced quotation: offsets of its marks and of its whitespace-stripped inner text.

    `text_start` is where the quotation's own words begin: `start_char`, except for a quotation
    running over paragraphs, whose words are those of its last paragraph, after the mark that
    reopens it (the earlier paragraphs end with no closing mark, so their words stand between
    no pair of marks; the gold conventions, §5.1, count only the closed paragraph).
    """

    open_char: int
    close_char: int
    start_char: int
    end_char: int
    text_start: int = -1

    @property
    def own_start(self) -> int:
        """Return the offset where the quotation's own words begin (see `text_start`)."""
        return self.start_char if self.text_start < 0 else self.text_start


def _role(text: str, i: int) -> str | None:
    """Return 'open', 'close', 'either' or None for the quotation mark at text[i]."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in "“„«‹":
        # A “ followed by a space, or glued to a word and followed by punctuation ('„win“,',
        # the low-high style), cannot open anything: it is a closing mark.
        glued = not prev.isspace() and prev not in _OPENING_CONTEXT and not nxt.isalnum()
        return "close" if ch == "“" and (nxt.isspace() or glued) else "open"
    if ch in "»›":
        return "close"
    if ch == "”":
        if nxt.isdigit() and not prev.isspace():
            return None
        if prev in _OPENING_CONTEXT and nxt.isalnum():
            # a ” before a word opens only where no double quotation is open: '…respect, ”said
            # the leader' (a space slipped before the mark) closes the “ before it
            return "either"
        return "close"
    if ch == "‘":
        return "open" if not prev.isalnum() and not nxt.isspace() else None
    if ch == "’":
        # An apostrophe inside a word (Russia’s, won’t) is never a closing mark.
        return "close" if not prev.isspace() and not nxt.isalpha() else None
    opens = prev in _OPENING_CONTEXT and not nxt.isspace()
    closes = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
    if ch == "'":
        if opens and nxt.isalpha():
            return "open"
        return "close" if closes else None
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every paragraph: non-blank lines, rejoining hard-wrapped ones."""
    bounds: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text):
        if not m.group().strip():
            continue
        # A line ending mid-sentence followed by one starting in lower case is a wrapped line.
        if (
            bounds
            and re.search(r"[a-z,]\s*$", text[bounds[-1][0] : bounds[-1][1]])
            and re.match(r"\s*[a-z]", m.group())
        ):
            bounds[-1] = (bounds[-1][0], m.end())
        else:
            bounds.append((m.start(), m.end()))
    return bounds


def _starts_with_opener(text: str, start: int, end: int) -> int | None:
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i < end and text[i] in _DOUBLE and _role(text, i) in ("open", "either"):
        return i
    return None


# typewriter doubles: two backticks or two apostrophes written for one double mark
_ASCII_DOUBLE = re.compile(r"``|''")


def _single_marks(text: str) -> str:
    """Return `text` with each typewriter double mark as a space and one curly mark (same length).

    "``Yes,'' she said" is wire-copy typography for “Yes,” she said: an opening pair (after a
    space or at a line start) becomes "„ " and a closing one " ”", so the mark rules below read
    one mark, the span's marks cover both characters and the offsets stay those of `text`.
    """
    if "``" not in text and "''" not in text:
        return text

    def one(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() > 0 else " "
        opening = m.group() == "``" or before in _OPENING_CONTEXT
        return "„ " if opening else " ”"

    return _ASCII_DOUBLE.sub(one, text)


def find_quote_marks(text: str) -> list[QuoteSpan]:
    """Return the outermost balanced quotations of `text`, in order, never crossing an unrelated paragraph."""
    text = _single_marks(text)
    pairs: list[tuple[int, int]] = []
    # the opening mark of a quotation carried over paragraphs -> the mark reopening its latest one
    reopened: dict[int, int] = {}
    carried: tuple[str, int] | None = None
    paragraphs = paragraph_bounds(text)
    continued = 0
    for index, (p_start, p_end) in enumerate(paragraphs):
        stack: list[tuple[str, int]] = []
        skip = None
        if carried is not None:
            stack.append(carried)
            skip = _starts_with_opener(text, p_start, p_end)
            if skip is not None:
                reopened[carried[1]] = skip
        for i in range(p_start, p_end):
            ch = text[i]
            if i == skip or (ch not in _DOUBLE and ch not in _SINGLE):
                continue
            kind = "double" if ch in _DOUBLE else "single"
            role = _role(text, i)
            if role == "either":
                role = "close" if any(k == kind for k, _ in stack) else "open"
            if role == "open":
                stack.append((kind, i))
            elif role == "close":
                depth = next(
                    (d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == kind), None
                )
                if depth is not None:
                    opened = stack[depth][1]
                    del stack[depth:]
                    if i - opened <= MAX_QUOTE_CHARS:
                        pairs.append((opened, i))
        carried = None
        if stack and stack[0][0] == "double" and continued < MAX_CONTINUED_PARAGRAPHS:
            # Convention for a quotation running over paragraphs: no closing mark at the end of
            # the paragraph, an opening mark at the start of the next one.
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if (
                nxt
                and _starts_with_opener(text, *nxt) is not None
                and nxt[1] - stack[0][1] <= MAX_QUOTE_CHARS
            ):
                carried = stack[0]
        continued = continued + 1 if carried else 0
    return _outermost(text, pairs, reopened)


def _outermost(
    text: str, pairs: list[tuple[int, int]], reopened: dict[int, int]
) -> list[QuoteSpan]:
    spans = []
    last_close = -1
    for opened, closed in sorted(pairs):
        if opened < last_close:
            continue
        last_close = closed
        start, end = opened + 1, closed
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        own = reopened.get(opened, -1)
        if own >= 0:
            own += 1
            while own < end and text[own].isspace():
                own += 1
            if not any(c.isalnum() for c in text[own:end]):
                own = -1
        if any(c.isalnum() for c in text[start:end]):
            spans.append(QuoteSpan(opened, closed, start, end, own))
    return spans


def mask_quotes(text: str, spans: list[QuoteSpan], fill: str = "\x00") -> str:
    """Return `text` with every quotation, marks included, replaced by `fill` (same length)."""
    chars = list(text)
    for span in spans:
        chars[span.open_char : span.close_char + 1] = fill * (span.close_char + 1 - span.open_char)
    return "".join(chars)


def sentence_bounds(text: str, masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return (start, end) of the sentences of text[start:end]; ends inside quotations are ignored."""
    bounds = []
    begin = start
    for m in re.finditer(r"[.!?]+[)\]]?\s+(?=[\x00“‘\"'«(\[]?[A-Z0-9\x00])", masked[start:end]):
        stop = start + m.start()
        word = re.search(r"([\w.]+)$", masked[begin : stop + 1])
        written = word.group(1).rstrip(".") if word else ""
        token = written.lower()
        if (
            token in _ABBREVIATIONS
            or written in _HONORIFIC_ABBREVIATIONS
            or re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]", token)
        ):
            continue
        bounds.append((begin, start + m.end()))
        begin = start + m.end()
    if begin < end:
        bounds.append((begin, end))
    return [(s, e) for s, e in bounds if text[s:e].strip()]
