"""Organisations named by grammar rather than by a head word.

- A name that opens with a place or demonym: "Kenya Power", "Toronto Police", "Lagos State
  Government", "Kenya National Union of Teachers".
- Companies named by business-news grammar (`data/words/corporate_words.tsv`): "shares of X",
  "X shares fell", "X's chief executive", "X, the country's largest lender,".

A place (or a demonym) written right before capitalised words that end in an organisation's
head word is the first part of the body's name, not a separate place. Countries written as an
abbreviation ("U.S.", "UK") stay modifiers, as the rest of the rules read them ("the U.S.
Securities and Exchange Commission" names the commission and the country).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgate.nlp.lexicon import (
    GENERIC_ORG_WORDS,
    NOT_NAMES,
    ORG_HEADS,
    TITLE_HEADS,
    corporate_words,
    given_names,
    words,
)
from newsgate.nlp.names.shape import POSSESSIVE, NameFinder

# heads that make a body only right after a place or demonym ("Kenya Power", "Ethiopian Electric
# Utility"); with the general heads of org_heads.txt
PLACE_ORG_HEADS = words("place_org_heads.txt")
_JOINERS = {"of", "for"}
_PAIRING = {"and", "&", "-", "‑", "‐", "–", "/"}
_SHARE_WORDS = corporate_words("share")
_MARKET_VERBS = corporate_words("market")
_OWNED_CORPORATE = corporate_words("owned")
_CORPORATE_NOUNS = corporate_words("apposition")
_APPOSITION_ENDS = {",", ".", ";", ")", "that", "which", "whose"}
_MAX_BODY_TOKENS = 6


def find_place_bodies(finder: NameFinder) -> None:
    """Claim "<place> <capitalised words> <head>" as one organisation named as written."""
    doc = finder.doc
    for ent in list(finder.ents):
        if ent.label_ not in {"GPE", "LOC", "NORP"} or ent.start in finder.removed:
            continue
        if ent.end >= len(doc) or ent.end in finder.taken or _abbreviated(ent.text):
            continue
        if ent.start > 0 and doc[ent.start - 1].text in POSSESSIVE:
            continue  # "the country's Kenya ..." reads nothing off an owner
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and _capitalised(before) and not before.is_stop:
            continue  # "Cathay Pacific Airways": the place is inside a longer name
        if before is not None and before.lower_ in _PAIRING:
            continue  # "the EU and Turkey Council", "NATO-Russia Council": two parties' body
        end = _body_end(finder, ent.end, allow_general=ent.label_ != "NORP")
        if end is None:
            continue
        body = [t.text for t in doc[ent.end : end] if t.lower_ not in _JOINERS]
        if ent.label_ == "NORP" and all(w in GENERIC_ORG_WORDS for w in body):
            continue  # "Russian Defense Ministry": the country's body, named by other rules
        finder.claim(ent.start, end, "ORG", doc[ent.start : end].text)


def _abbreviated(text: str) -> bool:
    letters = text.replace(".", "")
    return letters.isupper() and len(letters) <= 3


def _capitalised(token: Token) -> bool:
    return token.is_alpha and (token.is_title or (token.is_upper and len(token) > 1))


def _body_end(finder: NameFinder, start: int, allow_general: bool) -> int | None:
    """Return the end of the body's words after a place, or None when they end in no head."""
    doc = finder.doc
    heads = (ORG_HEADS if allow_general else frozenset()) | PLACE_ORG_HEADS
    k, last_head, joined = start, None, False
    while k < len(doc) and k - start < _MAX_BODY_TOKENS:
        token = doc[k]
        if k in finder.taken or not _capitalised(token):
            if (
                token.lower_ in _JOINERS
                and k > start
                and k + 1 < len(doc)
                and _capitalised(doc[k + 1])
                and k + 1 not in finder.taken
            ):
                joined = True
                k += 1
                continue
            break
        if token.lower_ in TITLE_HEADS:
            # "Swabi District Police Officer", "Toronto Police Chief": the body's words name an
            # office; an office only implied by a title names no body
            return None
        if k == start and token.text in given_names():
            break  # "Kenya John …": a person follows
        k += 1
        if token.text in heads:
            last_head = k
    if last_head is None:
        return None
    if joined and last_head < k and any(doc[j].lower_ in _JOINERS for j in range(last_head, k)):
        return k  # "National Union of Teachers": the formal name goes on after "of"
    return last_head


def find_companies(finder: NameFinder) -> None:
    """Claim companies named by corporate grammar: "shares of X", "X shares fell", "X's chief
    executive", "X, the country's largest lender," (a capitalised run no other rule took)."""
    doc, lower = finder.doc, finder.lower
    n = len(doc)
    for i in range(n):
        if i in finder.taken or not _capitalised(doc[i]) or doc[i].text in NOT_NAMES:
            continue
        if i > 0 and _capitalised(doc[i - 1]) and i - 1 not in finder.taken:
            continue  # only the start of a run
        end = i
        while end < n and end - i < 4 and end not in finder.taken and _capitalised(doc[end]):
            end += 1
        if doc[i].text in given_names() and end - i >= 2:
            continue  # "Ana Ruiz's shares": a person
        if any(lower[k] in TITLE_HEADS or doc[k].text in NOT_NAMES for k in range(i, end)):
            continue
        if _corporate_context(finder, i, end):
            finder.add(i, end, "ORG", doc[i:end].text)


def _corporate_context(finder: NameFinder, start: int, end: int) -> bool:
    """Return whether the words around `start:end` speak of a company."""
    doc, lower = finder.doc, finder.lower
    n = len(doc)
    before = lower[start - 1] if start > 0 else ""
    if before in {"of", "in"} and start > 1 and lower[start - 2] in _SHARE_WORDS:
        return not doc[start].is_sent_start  # "shares of X", "a stake in X"
    if end < n and lower[end] in _SHARE_WORDS and end + 1 < n and lower[end + 1] in _MARKET_VERBS:
        return True  # "X shares fell"
    if end + 1 < n and doc[end].text in POSSESSIVE:
        k = end + 1
        if k < n and lower[k] in {"chief", "board"} and k + 1 < n:
            return lower[k + 1] in {"executive", "financial", "operating", "of"}
        return k < n and lower[k] in _OWNED_CORPORATE
    if end + 2 < n and doc[end].text == "," and lower[end + 1] in {"the", "a", "an"}:
        k = end + 2
        while k < n and k - end <= 6 and lower[k] not in _CORPORATE_NOUNS:
            if doc[k].text in {",", ".", ";"} or doc[k].is_title:
                return False
            k += 1
        # the noun heads the apposition ("…, the country's largest lender,"), not a word of
        # a longer phrase ("…, the bank's chief,")
        return k + 1 < n and lower[k] in _CORPORATE_NOUNS and lower[k + 1] in _APPOSITION_ENDS
    return False
