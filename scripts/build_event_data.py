"""Build newsgate's event data files from the PETRARCH2/Phoenix dictionaries (MIT licence).

Reads ../shared/reference/petrarch2 (or --source DIR) and writes, under src/newsgate/nlp/data/:

- cameo_verbs.json: every verb of the CAMEO verb dictionary (CAMEO.2.0.txt) by lemma, with the
  CAMEO code of the verb on its own and the patterns (words that must follow or precede the verb)
  that give it another code. Multi-word verbs ("cut off", "call for") keep their words.
  A verb is "standalone" (may fire without a pattern) when the dictionary's coders gave it a
  code of its own or wrote a pattern for it (the dictionary notes the verb each pattern was
  found with; the other block members are WordNet synonyms added wholesale), and it is not one
  of the most frequent English words (spaCy's lexeme log-probability above STANDALONE_MAX_PROB),
  which are too polysemous to name an event without an object ("take", "give", "hit", "face").
- event_agents.json: the agent nouns of Phoenix.agents.txt (police, protesters, rebels, court …)
  by lower-case lemma phrase, with their CAMEO agent code (COP, OPP, REB, JUD …).
- LICENSE.petrarch2.txt: the dictionaries' MIT licence, which travels with the derived files.

The output is deterministic (sorted keys), so rebuilding from the same commit gives the same
bytes. Run it again when the reference copy changes:

    .venv/bin/python scripts/build_event_data.py [--source ../shared/reference/petrarch2]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from spacy.lookups import load_lookups

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsgate" / "nlp" / "data"
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "petrarch2"
# the copy in ../shared/reference/petrarch2 (see its README.md)
REPOSITORY = "openeventdata/petrarch2"
COMMIT = "676801c"
COMMIT_DATE = "2019-03-18"

_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]")
# pattern tokens that stand for actors or other slots, not for words of the text
_SLOTS = {"$", "+", "^", "%", "*"}
STANDALONE_MAX_PROB = -9.0


def _code(raw: str) -> str | None:
    """Return the first CAMEO code of a "[042:043]"-style field, or None for the null code."""
    for part in raw.split(":"):
        part = part.strip().strip("-")
        if part.isdigit():
            return part
    return None


def _lemma(word: str, lookup) -> str:
    word = word.lower()
    return lookup.get(word, word)


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """Return the dictionary's synonym sets (&NAME) with their phrases in lower case."""
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = text.rstrip("_")
            sets[current] = []
        elif text.startswith("+") and current:
            sets[current].append(text[1:].rstrip("_").replace("_", " ").lower())
        elif not text:
            continue
        else:
            current = None
    return sets


def _pattern_words(part: str, synsets: dict[str, list[str]]) -> list[list[str]] | None:
    """Return the word sequences one side of a pattern stands for (synsets expanded)."""
    part = part.replace("{", " ").replace("}", " ").replace("(", " ").replace(")", " ")
    sequences: list[list[str]] = [[]]
    for token in part.split():
        if token in _SLOTS:
            continue
        if token.startswith("&"):
            members = synsets.get(token.rstrip("_"))
            if not members:
                return None
            # a synset of many members would multiply patterns; its first members stand for it
            sequences = [s + m.split() for s in sequences for m in members[:12]]
        else:
            word = token.strip("_").replace("_", " ").lower()
            if not re.fullmatch(r"[a-z][a-z' .-]*", word):
                return None
            sequences = [s + word.split() for s in sequences]
    return sequences


def read_verbs(lines: list[str], synsets: dict[str, list[str]], lookup, prob) -> dict[str, dict]:
    """Return {verb lemma phrase: {"code", "patterns"}} from the VERB PATTERNS section."""
    verbs: dict[str, dict] = {}
    block_code: str | None = None
    block_verbs: list[tuple[str, str]] = []  # (surface key as in the file, lemma phrase)
    in_section = False
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            in_section = True
            continue
        if line.startswith("######## TRANSFORMATIONS"):
            break
        if not in_section:
            continue
        header = _HEADER.match(line)
        if header:
            block_code = _code(header.group(2))
            block_verbs = []
            continue
        text, _, comment = line.partition("#")
        text = text.strip()
        if not text:
            continue
        if text.startswith("-"):
            _add_pattern(text[1:], comment, block_verbs, verbs, synsets, lookup)
            continue
        # a verb line: WORD {irregular forms} [code], +MULTI_WORD or WORD_+VERB
        head = re.split(r"[{\[]", text, maxsplit=1)[0].strip()
        if not head or not re.fullmatch(r"[A-Z+_'-]+", head):
            continue
        own = _CODE.search(text.split("}")[-1]) if "[" in text else None
        code = _code(own.group(1)) if own else block_code
        if own and own.group(1).strip().startswith("---"):
            code = None
        words = [w for w in head.split("_") if w]
        phrase = " ".join(
            _lemma(w.lstrip("+"), lookup) if (w.startswith("+") or len(words) == 1) else w.lower()
            for w in words
        )
        entry = verbs.setdefault(phrase, {"code": code, "patterns": [], "coded": False})
        if entry["code"] is None:
            entry["code"] = code
        entry["coded"] = entry["coded"] or bool(own and code)
        block_verbs.append((head.replace("+", "").upper(), phrase))
    for phrase, entry in verbs.items():
        entry["patterns"] = sorted({json.dumps(p, sort_keys=True) for p in entry["patterns"]})
        entry["patterns"] = [json.loads(p) for p in entry["patterns"]]
        frequent = prob.get(phrase.split()[0], -20.0) > STANDALONE_MAX_PROB
        entry["standalone"] = bool(entry.pop("coded") and entry["code"] and not frequent)
    return dict(sorted(verbs.items()))


def _add_pattern(
    body: str,
    comment: str,
    block_verbs: list[tuple[str, str]],
    verbs: dict[str, dict],
    synsets: dict[str, list[str]],
    lookup,
) -> None:
    """Attach one "- pre * post [code]" pattern to the verbs of its block it was written for."""
    found = _CODE.search(body)
    if not found or "*" not in body:
        return
    code = _code(found.group(1))
    if code is None:
        return
    before, after = body[: found.start()].split("*", 1)
    pre = _pattern_words(before, synsets)
    post = _pattern_words(after, synsets)
    if pre is None or post is None:
        return
    # the comment names the verb(s) the pattern was found with; it applies to those only
    named = {w.strip().upper() for w in re.split(r"[,\s]+", comment) if w.strip()}
    targets = [lemma for key, lemma in block_verbs if key in named] or [
        lemma for _, lemma in block_verbs
    ]
    for words_before in pre:
        for words_after in post:
            if not words_before and not words_after:
                continue
            pattern = {
                "before": [_lemma(w, lookup) for w in words_before],
                "after": [_lemma(w, lookup) for w in words_after],
                "code": code,
            }
            for lemma in targets:
                verbs[lemma]["patterns"].append(pattern)
    for key, lemma in block_verbs:
        if key in named:
            verbs[lemma]["coded"] = True


def read_agents(lines: list[str], lookup) -> dict[str, str]:
    """Return {agent lemma phrase: agent code} from Phoenix.agents.txt."""
    substitutions: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        sub = re.match(r"^(!\w+!)\s*=\s*(.+)$", text)
        if sub:
            substitutions[sub.group(1)] = [w.strip() for w in sub.group(2).split(",")]
            continue
        found = re.search(r"\[~?([A-Z]+)\]", text)
        if not found:
            continue
        head = re.split(r"[{\[]", text, maxsplit=1)[0].strip()
        forms = [head]
        for marker, words in substitutions.items():
            if marker in head:
                forms = [f.replace(marker, w) for f in forms for w in words]
        irregular = re.search(r"\{([^}]*)\}", text)
        if irregular:
            forms += [w for w in irregular.group(1).split() if w]
        for form in forms:
            words = [w for w in form.replace("_", " ").lower().split() if w]
            if not words or not all(re.fullmatch(r"[a-z][a-z'.-]*", w) for w in words):
                continue
            words[-1] = _lemma(words[-1], lookup)
            if words[0] == "the" and len(words) > 1:
                words = words[1:]
            agents.setdefault(" ".join(words), found.group(1))
    return dict(sorted(agents.items()))


def _source(file: str) -> dict:
    return {
        "file": file,
        "repository": REPOSITORY,
        "commit": COMMIT,
        "commit_date": COMMIT_DATE,
        "licence": "MIT, Open Event Data Alliance; see LICENSE.petrarch2.txt beside this file",
        "built_by": "scripts/build_event_data.py",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args()
    tables = load_lookups("en", ["lemma_lookup", "lexeme_prob"])
    lookup, prob = tables.get_table("lemma_lookup"), tables.get_table("lexeme_prob")
    cameo = (args.source / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace")
    lines = cameo.splitlines()
    synsets = read_synsets(lines[: next(i for i, x in enumerate(lines) if "VERB PATTERNS" in x)])
    verbs = read_verbs(lines, synsets, lookup, prob)
    agents_text = (args.source / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace")
    agents = read_agents(agents_text.splitlines(), lookup)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "cameo_verbs.json").write_text(
        json.dumps(
            {
                "about": (
                    "CAMEO verbs by lemma (lower case; multi-word verbs keep their words): "
                    "'code' is the CAMEO code of the verb on its own (null: no event); "
                    "'standalone' verbs may fire on their own (see the build script), the "
                    "others only through a pattern; "
                    "'patterns' give another code when their 'after' words follow the verb "
                    "(and 'before' words precede it). Lemmas from spaCy's English lookup table."
                ),
                "source": _source("CAMEO.2.0.txt"),
                "verbs": verbs,
            },
            indent=1,
            sort_keys=True,
        )
        + "\n",
        encoding="utf-8",
    )
    (OUT / "event_agents.json").write_text(
        json.dumps(
            {
                "about": (
                    "Agent nouns (unnamed actors such as police, protesters, rebels, court) by "
                    "lower-case phrase with its last word lemmatised, and their CAMEO agent code."
                ),
                "source": _source("Phoenix.agents.txt"),
                "agents": agents,
            },
            indent=1,
            sort_keys=True,
        )
        + "\n",
        encoding="utf-8",
    )
    licence = (args.source / "LICENSE").read_text(encoding="utf-8")
    (OUT / "LICENSE.petrarch2.txt").write_text(
        f"# source: the LICENSE of {REPOSITORY} at commit {COMMIT}, copied unchanged below; it\n"
        "# covers cameo_verbs.json and event_agents.json, derived from that repository.\n\n"
        + licence,
        encoding="utf-8",
    )
    print(f"cameo_verbs.json: {len(verbs)} verbs; event_agents.json: {len(agents)} agents")


if __name__ == "__main__":
    main()
