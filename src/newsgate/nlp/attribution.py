"""Who said it: reporting verbs, speaker phrases and their resolution to a named person."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, insort
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from newsgate.nlp.lexicon import addressee_verbs, reporting_verb_forms


def _words(text: str) -> list[str]:
    return text.split()


VERB_FORMS = reporting_verb_forms()
# Verbs whose right-hand phrase is the addressee or object, never an inverted subject.
NOT_INVERTED = addressee_verbs()
_VERB_RE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(VERB_FORMS, key=len, reverse=True)) + r")(?![\w-])"
)
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
_AUXILIARIES = re.compile(
    r"(?:\s+(?:also|has|have|had|later|again|then|further|repeatedly|reportedly|previously|publicly"
    r"|once|firmly|flatly|bluntly|quickly|simply|recently|earlier|already|still|never|always|often"
    r"|even|only|just|is|was|were|are|will|would|could|may|might|not|had|subsequently|separately"
    r"|told\s+reporters\s+and))+\s*$",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(
    r"[\x00,;:()\[\]—–]|\s-\s|\b(?:that|and|but|as|while|when|because|which|whereas|although|though"
    r"|if|so|where|after|before)\b"
)
# A parenthetical connective between subject and verb ("Netanyahu, however, warned").
_ASIDE = re.compile(
    r",\s*(?:however|meanwhile|too|though|in turn|instead|also|nevertheless|in response|for "
    r"(?:his|her|their|its) part|in a statement|in an interview)\s*,?\s*$",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:(?:but|and|yet|so|indeed|meanwhile|however|also|then|finally|now|later|moreover|still"
    r"|instead|separately|earlier|even so|in turn|for (?:his|her|their|its) part)\b[\s,]*)+",
    re.IGNORECASE,
)
_DETERMINERS = frozenset(
    _words(
        "the a an this that these those his her its their our one two three several some many another"
    )
)
_INDEFINITE = frozenset(_words("a an one another some several two three many"))
_PREPOSITIONS = frozenset(
    _words("on in at by with from to for of during after before about over under since until into")
)
_NOT_NAMES = frozenset(
    _words(
        "The A An This That These Those It Its He She They We I You His Her Their Our But And Or So Yet"
        " For If When While After Before Since As At In On Of By With From To Also However Indeed Finally"
        " Even Although Though Because Meanwhile Moreover Nevertheless Monday Tuesday Wednesday Thursday"
        " Friday Saturday Sunday January February March April May June July August September October"
        " November December There Here What Who Why How Which Where Mr Mrs Ms Dr Officials Analysts"
        " Diplomats Sources Critics Experts Witnesses Residents Police Authorities Observers Protesters"
        " Officers Soldiers Troops Leaders Ministers Lawmakers Both Many Some Most Former"
    )
)
# Words of person titles and roles; a name never contains them.
_ROLE_WORDS = frozenset(
    _words(
        "secretary general secretary-general minister deputy foreign defense defence interior finance"
        " prime president vice vice-president chancellor ambassador envoy spokesman spokeswoman"
        " spokesperson chief head leader director chairman chairwoman chair commander governor mayor"
        " senator sen rep representative undersecretary under-secretary state official diplomat premier"
        " king queen prince pope gen col adm lt mr mrs ms dr former acting interim counselor adviser"
        " advisor aide negotiator lawmaker mp congressman congresswoman judge justice attorney prosecutor"
        " officer admiral colonel captain lieutenant professor analyst expert executive ceo founder"
        " spokesmen officials boss coordinator commissioner representative top senior coach manager"
        " economist researcher scientist lawyer activist doctor inspector detective sheriff"
        " superintendent bishop archbishop rabbi imam cardinal speaker"
    )
)
# Role heads that all mean "the person at the top of an organisation".
_TOP_ROLES = frozenset(
    _words(
        "chief head leader boss secretary-general director director-general chairman chairwoman chair"
        " president"
    )
)
_CLAUSE_WORDS = frozenset(_words("that this these those it there which who what"))
_FEMALE_WORDS = frozenset(
    _words(
        "ms mrs miss madam spokeswoman chairwoman congresswoman businesswoman queen princess"
        " duchess actress mother wife daughter sister grandmother widow"
    )
)
_MALE_WORDS = frozenset(
    _words(
        "mr spokesman chairman congressman businessman king prince duke actor father husband son"
        " brother grandfather widower"
    )
)
# Role words that only qualify another ("deputy foreign minister"), never a description's head.
_MODIFIER_ROLES = frozenset(
    _words("state foreign deputy vice defense defence interior finance prime former acting interim")
    + _words("senior top")
)
# Time and place adjuncts that trail a subject ("the ministry on Tuesday") are not part of it.
_ADJUNCT = re.compile(
    r"\s+(?:on|in|at|during|after|before|late|early|last|this|earlier|later)\b"
    r"(?:\s+\S+){0,4}$|\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$"
)
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")


@dataclass
class Cue:
    """A reporting verb and, when written, the character span of its subject phrase."""

    verb: str
    verb_start: int
    verb_end: int
    subject: tuple[int, int] | None = None
    inverted: bool = False


@dataclass
class Speaker:
    """A resolved speaker: a person's name, a description of the source, or neither."""

    name: str | None = None
    description: str | None = None


_LOWER_WORD = re.compile(r"(?<![\w.])[^\W\d_A-Z][\w'’-]*(?<=\w)(?!\w)")


@dataclass
class ArticleContext:
    """What attribution knows about one article: its text, persons and who is salient where."""

    text: str
    masked: str
    ents: list[tuple[int, int, str]]
    persons: list[tuple[int, int, str]] = field(default_factory=list)
    salience: list[tuple[int, str]] = field(default_factory=list)
    roles: dict[str, list[str]] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)
    lower_words: frozenset[str] | None = None


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return `text` lower-cased with accents removed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def normalize_verb(word: str) -> str | None:
    """Return the simple past of a reporting-verb form ("adding" -> "added"), None if it is not one."""
    return VERB_FORMS.get(word.lower())


def find_verbs(masked: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Return (start, end, simple past) of every reporting verb in masked[start:end]."""
    found = []
    for m in _VERB_RE.finditer(masked, start, end):
        word = m.group(1)
        if word == "called" and masked[max(0, m.start() - 3) : m.start()].lower() == "so-":
            continue
        found.append((m.start(), m.end(), VERB_FORMS[word]))
    return found


def left_subject(masked: str, floor: int, verb_start: int) -> tuple[int, int] | None:
    """Return the span of the subject phrase written just before a verb, or None."""
    if re.match(r"\w+ing\b", masked[verb_start : verb_start + 20]):
        # A participle ("…, adding that") has no subject of its own.
        return None
    left = masked[floor:verb_start]
    aux = _AUXILIARIES.search(left)
    if aux:
        left = left[: aux.start()]
    aside = _ASIDE.search(left)
    if aside:
        left = left[: aside.start()]
    stripped = left.rstrip()
    if stripped.endswith(","):
        stripped = stripped[:-1]
    cuts = [0] + [m.end() for m in _BOUNDARY.finditer(stripped)]
    cut = cuts[-1]
    relative = re.match(r"\s*(?:who|which|whose)\b", stripped[cut:])
    if relative and stripped[cut - 1 : cut] == "," and len(cuts) > 1:
        # "An official, who declined to be named, said": the subject precedes the relative clause.
        stripped = stripped[: cut - 1]
        cut = cuts[-2]
    start, end = floor + cut, floor + len(stripped)
    while start < end and masked[start].isspace():
        start += 1
    lead = _LEADING.match(masked[start:end])
    if lead:
        start += lead.end()
    words = masked[start:end].split()
    if not words or len(words) > 12:
        return None
    return start, end


def right_subject(masked: str, verb_end: int, ceiling: int) -> tuple[int, int] | None:
    """Return the span of an inverted subject written just after a verb ("said a spokesman")."""
    right = masked[verb_end:ceiling]
    m = re.match(r"\s+([^\x00,.;:!?()—–]+)", right)
    if not m:
        return None
    phrase = m.group(1)
    stop = re.search(r"\s(?:who|which|that|on|in|at|after|during|before|when|as|to|from)\b", phrase)
    if stop:
        phrase = phrase[: stop.start()]
    phrase = phrase.rstrip()
    first = phrase.split()[0] if phrase.split() else ""
    if not first or len(phrase.split()) > 8 or first.lower() in _PREPOSITIONS | _CLAUSE_WORDS:
        return None
    if not (first[0].isupper() or first.lower() in _DETERMINERS or first.lower() in {"he", "she"}):
        return None
    start = verb_end + m.start(1)
    return start, start + len(phrase)


def according_to(masked: str, start: int, end: int) -> Cue | None:
    """Return the 'according to X' cue of masked[start:end], with verb 'said', or None."""
    m = _ACCORDING.search(masked, start, end)
    if not m:
        return None
    span = right_subject(masked, m.end() - 1, end)
    return Cue("said", m.start(), m.end(), span, inverted=True) if span else None


def full_name(ctx: ArticleContext, name: str) -> str:
    """Return the fullest form of `name` written in the article ("Stoltenberg" -> "Jens Stoltenberg")."""
    if " " in name.strip():
        return _first_variant(ctx, name)
    key = fold(name)
    longer = Counter(
        full for _, _, full in ctx.persons if " " in full and fold(full.split()[-1]) == key
    ) or Counter(
        full for _, _, full in ctx.persons if " " in full and key in map(fold, full.split())
    )
    if longer:
        return _first_variant(ctx, longer.most_common(1)[0][0])
    pattern = re.compile(r"\b([A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)\s+" + re.escape(name) + r"\b")
    firsts = Counter(
        m.group(1)
        for m in pattern.finditer(ctx.masked)
        if m.group(1) not in _NOT_NAMES
        and m.group(1).lower() not in _ROLE_WORDS
        and not _is_common_word(ctx, m.group(1))
    )
    if firsts:
        return f"{firsts.most_common(1)[0][0]} {name}"
    return name


def _first_variant(ctx: ArticleContext, name: str) -> str:
    """Return the first-written spelling of a full name ("Alexandr Grushkó" -> "Alexander Grushko")."""
    tokens = fold(name).split()
    for _, _, other in ctx.persons:
        words = fold(other).split()
        if len(words) > 1 and words[-1] == tokens[-1] and words[0][:4] == tokens[0][:4]:
            return other
    return name


def _is_common_word(ctx: ArticleContext, word: str) -> bool:
    # one pass over the text per article; a search per word was quadratic on long documents
    if ctx.lower_words is None:
        words = _LOWER_WORD.findall(ctx.masked)
        ctx.lower_words = frozenset(words) | {p for w in words if "-" in w for p in w.split("-")}
    return word.lower() in ctx.lower_words


def _is_name_token(ctx: ArticleContext, token: str) -> bool:
    bare = token.rstrip(".,")
    return (
        bool(_NAME_TOKEN.match(bare))
        and bare not in _NOT_NAMES
        and bare.lower() not in _ROLE_WORDS
        and not bare.isupper()
        and not _is_common_word(ctx, bare)
    )


def _text_name(ctx: ArticleContext, start: int, end: int, at_end: bool) -> str | None:
    """Return a capitalised name run at the verb side of text[start:end] that no entity claims."""
    text = ctx.text
    taken = {
        i
        for e_start, e_end, _ in ctx.ents
        if e_end > start and e_start < end
        for i in range(e_start, e_end)
    }
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", text[start:end])]
    if at_end:
        tokens.reverse()
    run: list[str] = []
    for offset, token in tokens:
        if start + offset in taken or not _is_name_token(ctx, token) or len(run) == 3:
            break
        run.append(token.rstrip(".,"))
    if not run:
        return None
    if at_end:
        run.reverse()
        before = text[start : start + tokens[len(run) - 1][0]].split()
        if before and before[-1].lower() in _DETERMINERS | _PREPOSITIONS:
            return None
    return " ".join(run)


def resolve_phrase(
    ctx: ArticleContext, span: tuple[int, int], position: int, inverted: bool
) -> Speaker:
    """Return the speaker a subject phrase refers to: a person in it, a pronoun's or a role's referent."""
    start, end = span
    phrase = re.sub(r"\s+", " ", ctx.text[start:end]).strip(" ,")
    if not phrase or "\x00" in ctx.masked[start:end]:
        return Speaker()
    persons = [
        p
        for p in ctx.persons
        if p[0] >= start and p[1] <= end and ctx.text[p[1] : p[1] + 2] not in ("'s", "’s")
    ]
    if persons:
        chosen = persons[0] if inverted else persons[-1]
        return Speaker(full_name(ctx, chosen[2]))
    lowered = phrase.lower()
    if lowered in {"he", "she"}:
        return Speaker(salient_person(ctx, position, lowered))
    if lowered in {"they", "we", "i", "you", "it", "who", "which"}:
        return Speaker()
    name = _text_name(ctx, start, end, at_end=not inverted) or (
        None if inverted else _apposed_name(ctx, start)
    )
    if name:
        return Speaker(full_name(ctx, name))
    phrase = _ADJUNCT.sub("", phrase).strip(" ,")
    if not _looks_like_description(phrase):
        return Speaker()
    first = lowered.split()[0]
    if first not in _INDEFINITE:
        person = match_role(ctx, phrase, position)
        if person:
            return Speaker(person, phrase)
    return Speaker(None, phrase)


def _apposed_name(ctx: ArticleContext, start: int) -> str | None:
    """Return the name a role phrase stands in apposition to ("Mia Chen, the trade envoy, said")."""
    before = ctx.masked[max(0, start - 60) : start]
    m = re.search(r"([^\x00,;:.]+),\s*$", before)
    if not m:
        return None
    seg_start = start - len(before) + m.start(1)
    seg_end = start - len(before) + m.end(1)
    persons = [p for p in ctx.persons if p[0] >= seg_start and p[1] <= seg_end]
    if persons and persons[-1][1] >= seg_end - 1:
        return persons[-1][2]
    return _text_name(ctx, seg_start, seg_end, at_end=True)


def _looks_like_description(phrase: str) -> bool:
    words = phrase.split()
    if not words or len(words) > 10 or any(c in phrase for c in '“”"‘'):
        return False
    first = words[0]
    return first[0].isupper() or first.lower() in _DETERMINERS or first.endswith(("’s", "'s"))


def _role_terms_text(phrase: str) -> str:
    """Return a role phrase folded, with multi-word titles joined ("under secretary" -> one word)."""
    text = fold(phrase).replace("’", "'")
    text = re.sub(r"\bunder[ -]secretary\b", "undersecretary", text)
    text = re.sub(r"\bsecretary[ -]general\b", "secretary-general", text)
    text = re.sub(r"\bdirector[ -]general\b", "director-general", text)
    return re.sub(r"'s\b", "", text)


def _role_terms(phrase: str) -> tuple[set[str], set[str]]:
    """Return (role heads, other content words) of a role phrase, normalised for matching."""
    text = _role_terms_text(phrase)
    words = re.findall(r"[a-z][a-z-]*", text)
    roles = {w for w in words if w in _ROLE_WORDS or w in _TOP_ROLES}
    heads = {"#top" if w in _TOP_ROLES else w for w in roles} - {"former", "top", "senior"}
    others = {
        _demonym_root(w)
        for w in words
        if w not in roles and w not in _DETERMINERS and w not in _PREPOSITIONS
    }
    return heads, others


def _demonym_root(word: str) -> str:
    """Return a crude shared root so 'russian' matches 'russia' and 'american' matches 'america'."""
    for suffix in ("ian", "an", "ese", "ish", "i"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: len(word) - len(suffix)][:5]
    return word[:5]


def _role_head(phrase: str) -> str | None:
    """Return the role noun a description is about ("Russia's ambassador to NATO" -> ambassador)."""
    main = re.split(r"\s(?:of|to|for|at|in|on|from|with)\s", " " + phrase + " ", maxsplit=1)[0]
    heads, _ = _role_terms(main)
    words = re.findall(r"[a-z][a-z-]*", _role_terms_text(main))
    for word in reversed(words):
        term = "#top" if word in _TOP_ROLES else word
        if term in heads and term not in _MODIFIER_ROLES:
            return term
    return None


def match_role(ctx: ArticleContext, phrase: str, position: int) -> str | None:
    """Return the named person whose written titles fit a role description ("the NATO chief")."""
    head = _role_head(phrase)
    if head is None:
        return None
    heads, others = _role_terms(phrase)
    best: tuple[int, int, str] | None = None
    last_seen = {name: s for s, _, name in ctx.persons if s < position}
    for name, phrases in ctx.roles.items():
        p_heads: set[str] = set()
        p_others: set[str] = set()
        for role_phrase in phrases:
            heads_of, others_of = _role_terms(role_phrase)
            p_heads |= heads_of
            p_others |= others_of
        if head not in p_heads:
            continue
        overlap = len(others & p_others) + len(heads & p_heads)
        candidate = (overlap, last_seen.get(name, -1), name)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return best[2] if best else None


def salient_person(ctx: ArticleContext, position: int, pronoun: str = "he") -> str | None:
    """Return the person most recently in subject or speaker position before `position`."""
    index = bisect_left(ctx.salience, (position, ""))
    clash = "f" if pronoun == "he" else "m"
    for _, name in reversed(ctx.salience[:index]):
        # Skip only a person the article itself marks as the other gender ("Ms.", "spokeswoman").
        if ctx.genders.get(name) != clash:
            return name
    return None


def note_salient(ctx: ArticleContext, position: int, name: str) -> None:
    """Record that `name` was the subject or speaker at `position`, keeping the timeline sorted."""
    insort(ctx.salience, (position, name))


def build_context(doc: Doc, masked: str, sentences: list[tuple[int, int]]) -> ArticleContext:
    """Return the article's persons (outside quotations), their written roles and subject timeline."""
    ents = list(doc.ents)
    ctx = ArticleContext(
        doc.text,
        masked,
        [(e.start_char, e.end_char, e.label_) for e in ents if e.label_ != "PERSON"],
    )
    for ent in ents:
        if ent.label_ == "PERSON" and "\x00" not in masked[ent.start_char : ent.end_char]:
            # The tokenizer splits hyphenated surnames; keep the part before the hyphen.
            joined = re.search(
                r"[A-Z][\w'’]*-$", masked[max(0, ent.start_char - 30) : ent.start_char]
            )
            if joined and ent.text.count(" ") == 0:
                start = ent.start_char - len(joined.group())
                ctx.persons.append((start, ent.end_char, ctx.text[start : ent.end_char]))
            else:
                ctx.persons.append((ent.start_char, ent.end_char, ent.kb_id_ or ent.text))
    _add_titled_names(ctx)
    # one lookup per distinct name: per mention it was quadratic on long documents
    fulls = {n: full_name(ctx, n) for n in {_untitled(n) for _, _, n in ctx.persons}}
    ctx.persons = [(s, e, fulls[_untitled(n)]) for s, e, n in ctx.persons]
    _add_subject_names(ctx, sentences)
    titles = doc.user_data.get("person_titles", {}) if doc.user_data else {}
    for name in {n for _, _, n in ctx.persons}:
        role = ctx.roles.setdefault(name, [])
        role.extend(titles.get(name, []))
        surname = re.escape(name.split()[-1])
        for m in re.finditer(rf"(?<!\w)(?:{re.escape(name)}|{surname})(?!\w)", masked):
            role.extend(_role_context(masked, m.start(), m.end()))
        words = {w.lower().rstrip(".") for phrase in role for w in phrase.split()}
        female, male = bool(words & _FEMALE_WORDS), bool(words & _MALE_WORDS)
        if female != male:
            ctx.genders[name] = "f" if female else "m"
    for s_start, s_end in sentences:
        lead = _LEADING.match(masked[s_start:s_end])
        first = s_start + (lead.end() if lead else 0)
        opening = re.match(r"(?:\S+\s+){1,3}?(?=[a-z])", masked[first:s_end])
        name = _text_name(ctx, first, first + opening.end(), at_end=True) if opening else None
        # A lone capitalised word opening a sentence is often a verb or adverb ("Asked about …").
        lone_word = name is not None and " " not in name and name.endswith(("ed", "ing", "ly"))
        if name and not lone_word and ctx.text.startswith(name, first):
            ctx.salience.append((first, full_name(ctx, name)))
            continue
        for start, _, person in ctx.persons:
            if s_start <= start < s_end:
                before = masked[s_start:start].split()
                if not before or before[-1].lower() not in _PREPOSITIONS:
                    ctx.salience.append((start, person))
                break
    _add_role_subjects(ctx, sentences)
    ctx.salience.sort()
    return ctx


def _add_role_subjects(ctx: ArticleContext, sentences: list[tuple[int, int]]) -> None:
    """Add to the subject timeline the named person behind a role subject ("The minister said")."""
    for s_start, s_end in sentences:
        for v_start, _, _ in find_verbs(ctx.masked, s_start, s_end):
            span = left_subject(ctx.masked, s_start, v_start)
            if span is None or any(p[0] >= span[0] and p[1] <= span[1] for p in ctx.persons):
                continue
            phrase = " ".join(ctx.text[span[0] : span[1]].split())
            words = phrase.lower().split()
            if words and words[0] not in _INDEFINITE and _looks_like_description(phrase):
                person = match_role(ctx, phrase, v_start)
                if person:
                    ctx.salience.append((v_start, person))


def _untitled(name: str) -> str:
    """Return a person name without leading title words ("Judge Karin Holt" -> "Karin Holt")."""
    tokens = name.split()
    while len(tokens) > 1 and tokens[0].lower().rstrip(".") in _ROLE_WORDS:
        tokens.pop(0)
    return " ".join(tokens)


def _add_titled_names(ctx: ArticleContext) -> None:
    """Add names written after a title or in apposition to a role that the entity layer missed."""
    role = re.compile(r"(?i:\b(?:" + "|".join(sorted(_ROLE_WORDS, key=len, reverse=True)) + r"))\b")
    name = re.compile(r"(?:[^,.;:\x00\n]{0,40},)?\s+((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+)")
    taken = [(s, e) for s, e, _ in ctx.persons]
    for title in role.finditer(ctx.masked):
        m = name.match(ctx.masked, title.end())
        if not m:
            continue
        start, end = m.span(1)
        tokens = m.group(1).split()
        if all(_is_name_token(ctx, t) for t in tokens) and not any(
            s < end and start < e for s, e in taken
        ):
            ctx.persons.append((start, end, " ".join(tokens)))
            taken.append((start, end))
    ctx.persons.sort()


def _add_subject_names(ctx: ArticleContext, sentences: list[tuple[int, int]]) -> None:
    """Add the named subjects of reporting verbs to the persons and the subject timeline."""
    for s_start, s_end in sentences:
        for v_start, _, _ in find_verbs(ctx.masked, s_start, s_end):
            span = left_subject(ctx.masked, s_start, v_start)
            if span is None:
                continue
            inside = [p for p in ctx.persons if p[0] >= span[0] and p[1] <= span[1]]
            if inside:
                ctx.salience.append((v_start, inside[-1][2]))
                continue
            name = _text_name(ctx, *span, at_end=True) or _apposed_name(ctx, span[0])
            if name and name in ctx.text[span[0] : span[1]]:
                start = ctx.text.rindex(name, span[0], span[1])
                full = full_name(ctx, name)
                ctx.persons.append((start, start + len(name), full))
                ctx.salience.append((v_start, full))
    ctx.persons.sort()


def _title_run(tokens: list[str]) -> list[str]:
    """Return the title at the end of `tokens`: its last role word, what links to it, its complement."""
    roles = [i for i, t in enumerate(tokens) if t.lower().strip(".,") in _ROLE_WORDS]
    if not roles:
        return []
    last = roles[-1]
    complement = tokens[last + 1 :][:4]
    kept: list[str] = []
    for token in reversed(tokens[: last + 1]):
        bare = token.lower().strip(".,")
        linked = bare in {"of", "the", "to", "for"} or token[:1].isupper() or bare in _ROLE_WORDS
        # One lower-case modifier may precede a role word ("alliance chief", "trade envoy").
        modifier = bool(kept) and kept[0].lower() in _ROLE_WORDS and token.isalpha()
        if not (linked or modifier):
            break
        kept.insert(0, token)
        if (modifier and not linked) or token.endswith(("'s", "’s")):
            break
    return kept + complement


_HONORIFIC_DOT = re.compile(r"\b(Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Col|Lt|Adm|Prof|Rev)\.")


def _role_context(masked: str, start: int, end: int) -> list[str]:
    """Return the phrases written as a person's title or apposition around one mention."""
    found = []
    left = masked[max(0, start - 80) : start].rstrip()
    # an honorific's period ("Mr. Otto Kern") does not end the phrase before the name
    left = _HONORIFIC_DOT.sub(r"\1", left)
    if left.endswith(","):
        left = left[:-1]
    segment = re.split(r"[\x00.;:()—–,]|\b(?:and|but|that|while)\b", left)[-1]
    found.append(" ".join(_title_run(segment.split()[-7:])))
    right = masked[end : end + 80]
    if right.startswith(","):
        segment = re.split(r"[\x00.;:()—–,]", right[1:])[0]
        if len(segment.split()) <= 8 and not find_verbs(segment, 0, len(segment)):
            found.append(segment.strip())
    return [f for f in found if f]
