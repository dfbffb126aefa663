"""Load the spaCy pipeline declared in pipeline.cfg, or a trained one with our components on top."""

from __future__ import annotations

import re
from datetime import date
from importlib import resources

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import newsgate.nlp.components  # noqa: F401  (registers the factories)
from newsgate.errors import ConfigError

_LONG_RUN = re.compile(r"(\S{1000,})")
OWN_COMPONENTS = ("newsgate_gazetteer", "newsgate_names", "newsgate_quotes", "newsgate_events")


def load_pipeline(model: str | None = None) -> Language:
    """Return the NLP pipeline: the built-in rule pipeline, or `model` plus newsgate's components."""
    config_path = resources.files("newsgate.nlp").joinpath("pipeline.cfg")
    config = spacy.util.load_config(str(config_path))
    if not model:
        return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(f"NEWSGATE_SPACY_MODEL={model!r} cannot be loaded: {exc}") from exc
    if not any(nlp.has_pipe(p) for p in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer", first=True)
    for name in OWN_COMPONENTS:
        nlp.add_pipe(name, last=True)
    return nlp


def make_doc(nlp: Language, text: str, published_date: date | None) -> Doc:
    """Return an unprocessed Doc carrying the article's publication date for the components."""
    doc = _tokenize(nlp, text)
    doc._.published_date = published_date
    return doc


def _tokenize(nlp: Language, text: str) -> Doc:
    """Tokenize `text`, keeping each very long run without spaces as one token.

    spaCy's tokenizer is quadratic on such runs (10,000 brackets take seconds), and no word of
    an article is that long; the Doc's text stays identical, so offsets are unchanged.
    """
    if not _LONG_RUN.search(text):
        return nlp.make_doc(text)
    words: list[str] = []
    spaces: list[bool] = []
    for piece in _LONG_RUN.split(text):
        if not piece:
            continue
        if _LONG_RUN.fullmatch(piece):
            words.append(piece)
            spaces.append(False)
            continue
        sub = nlp.make_doc(piece)
        words.extend(t.text for t in sub)
        spaces.extend(bool(t.whitespace_) for t in sub)
    return Doc(nlp.vocab, words=words, spaces=spaces)
