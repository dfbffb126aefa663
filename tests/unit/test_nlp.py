from datetime import date

import pytest

from newsgate.nlp.names.resolve import mentions_from_doc
from newsgate.nlp.pipeline import make_doc


def _doc(nlp, text, published=None):
    return nlp(make_doc(nlp, text, published))


def test_pipeline_is_declared_in_config(nlp):
    assert nlp.pipe_names == [
        "sentencizer",
        "newsgate_gazetteer",
        "newsgate_names",
        "newsgate_quotes",
        "newsgate_events",
    ]


@pytest.mark.parametrize("text", ["", "   ", "“", "” stray “ marks ‘", "\n\n\n"])
def test_empty_and_malformed_text_do_not_crash(nlp, text):
    doc = _doc(nlp, text)
    assert mentions_from_doc(doc, "a") == [] or all(m["text"] for m in mentions_from_doc(doc, "a"))


def test_titles_and_gazetteer_give_typed_entities(nlp):
    doc = _doc(nlp, "Foreign Minister Maria Ostrova met officials of the European Union in Paris.")
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("Maria Ostrova", "PERSON") in found
    assert ("European Union", "ORG") in found
    assert ("Paris", "GPE") in found


def test_mention_offsets_round_trip(nlp):
    text = "Spokesman Tomas Varga said Germany would help. Varga added more."
    doc = _doc(nlp, text)
    rows = mentions_from_doc(doc, "a")
    assert rows
    for row in rows:
        assert text[row["start_char"] : row["end_char"]] == row["text"]
    names = {r["local_name"] for r in rows if r["label"] == "PERSON"}
    assert names == {"Tomas Varga"}


def test_direct_quote_gets_speaker_and_verb(nlp):
    doc = _doc(nlp, "“We will not back down,” President Ana Lima said on Monday.")
    [quote] = doc._.quotes
    assert quote["text"] == "We will not back down,"
    assert quote["speaker_name"] == "Ana Lima"
    assert quote["verb"] == "said"


def test_meeting_event_is_dated_against_publication(nlp):
    doc = _doc(nlp, "Officials of France and Germany met in Berlin on Wednesday.", date(2024, 5, 3))
    [event] = [e for e in doc._.events if e["event_type"] == "meeting"]
    assert event["event_date"] == date(2024, 5, 1)
    assert event["place"] == "Berlin"


def test_every_nlp_data_file_states_its_source():
    """Each data file is described in data/README.md; word lists also name a source in a header."""
    from importlib import resources

    data = resources.files("newsgate.nlp").joinpath("data")
    readme = data.joinpath("README.md").read_text(encoding="utf-8")
    for folder in (data, data.joinpath("words"), data.joinpath("names")):
        for item in folder.iterdir():
            if item.is_file() and item.name != "README.md":
                assert item.name in readme, item.name
                if item.name.endswith((".txt", ".tsv")):
                    head = item.read_text(encoding="utf-8").splitlines()[:4]
                    assert any(line.startswith("# source:") for line in head), item.name
