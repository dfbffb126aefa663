import random

import pytest
import spacy
from spacy.training import Example

from newsgate.config import Settings
from newsgate.errors import ConfigError
from newsgate.nlp.names.resolve import mentions_from_doc
from newsgate.nlp.pipeline import OWN_COMPONENTS, load_pipeline, make_doc

TRAIN = [
    ("Zorbel Quint visited the harbour today.", [(0, 12, "PERSON")]),
    ("Yesterday Zorbel Quint opened a school.", [(10, 22, "PERSON")]),
    ("Reporters asked Marnix Olde about the plan.", [(16, 27, "PERSON")]),
    ("Marnix Olde visited the harbour today.", [(0, 11, "PERSON")]),
    ("The harbour was quiet today.", []),
    ("Zorbel Quint and Marnix Olde visited the harbour.", [(0, 12, "PERSON"), (17, 28, "PERSON")]),
    ("Ministers visited the harbour today.", []),
]


@pytest.fixture(scope="module")
def trained_path(tmp_path_factory):
    """Train a tiny NER (a few examples, a few iterations) and save it like a model package."""
    random.seed(0)
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    ner.add_label("PERSON")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("model") / "tiny_ner"
    nlp.to_disk(path)
    return str(path)


def test_spacy_model_setting_runs_trained_ner_with_the_rules(trained_path, monkeypatch):
    monkeypatch.setenv("NEWSGATE_SPACY_MODEL", trained_path)
    settings = Settings.load()
    assert settings.spacy_model == trained_path
    nlp = load_pipeline(settings.spacy_model)
    assert nlp.pipe_names[0] == "sentencizer"
    assert nlp.pipe_names[1] == "ner"
    assert nlp.pipe_names[-len(OWN_COMPONENTS) :] == list(OWN_COMPONENTS)
    text = "Zorbel Quint visited the harbour today. Ministers met in Brussels with NATO."
    doc = nlp(make_doc(nlp, text, None))
    found = {(e.text, e.label_) for e in doc.ents}
    # the trained NER finds a name no rule could find (no title, no reporting verb) ...
    assert ("Zorbel Quint", "PERSON") in found
    # ... and the gazetteer still types places and organisations on top of it
    assert ("Brussels", "GPE") in found
    assert ("NATO", "ORG") in found
    for row in mentions_from_doc(doc, "a"):
        assert text[row["start_char"] : row["end_char"]] == row["text"]


def test_default_pipeline_misses_what_only_the_trained_ner_knows():
    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, "Zorbel Quint visited the harbour today.", None))
    assert not any(e.label_ == "PERSON" for e in doc.ents)


def test_unknown_model_is_a_config_error():
    with pytest.raises(ConfigError):
        load_pipeline("/nonexistent/newsgate-model")
