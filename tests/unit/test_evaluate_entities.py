import polars as pl

from newsgate.evaluate.entities import credit_only, score

BODY = "Minister Ana Ruiz met NATO envoys in Lisbon. Ruiz said talks went well."
RAW = f"Talks in Lisbon\n\n{BODY}\n\nAna Ruiz in Lisbon, Portugal. Photo: EPA/JOHN DOE\n"


def test_credit_only_gold_is_named_in_raw_text_but_not_in_body():
    assert credit_only("John Doe", "PERSON", BODY, RAW)
    assert credit_only("EPA", "ORG", BODY, RAW)
    assert credit_only("Portugal", "GPE/LOC", BODY, RAW)
    assert not credit_only("Ana Ruiz", "PERSON", BODY, RAW)
    assert not credit_only("North Atlantic Treaty Organization", "ORG", BODY, RAW)
    # not written anywhere (a gold paraphrase): scored as a body entity
    assert not credit_only("Western Europe", "GPE/LOC", BODY, RAW)
    assert not credit_only("EPA", "ORG", BODY, None)


def test_scores_all_gold_with_credits_and_body_gold_without(tmp_path):
    (tmp_path / "a.txt").write_text(RAW, encoding="utf-8")
    tables = {
        "article": pl.DataFrame({"article_id": ["x"], "source_path": ["a.txt"], "body": [BODY]}),
        "entity_mention": pl.DataFrame(
            {"article_id": ["x", "x"], "entity_id": ["p", "g"], "label": ["PERSON", "GPE"]}
        ),
        "entity": pl.DataFrame(
            {
                "entity_id": ["p", "g", "e"],
                "name": ["Ana Ruiz", "Lisbon", "EPA"],
                "label": ["PERSON", "GPE", "ORG"],
                "credited_in": [[], [], ["x"]],
            }
        ),
    }
    gold = {
        "a.txt": {
            "persons": ["Ana Ruiz", "John Doe"],
            "organizations": ["EPA", "NATO"],
            "places": ["Lisbon"],
        }
    }
    scores = {s.metric: s for s in score(tables, gold, tmp_path)}
    # all gold: EPA found through the credit, NATO and John Doe missed
    assert scores["ORG F1"].detail.startswith("P=1.00 R=0.50")
    assert scores["PERSON F1"].detail.startswith("P=1.00 R=0.50")
    # body gold drops John Doe and EPA (credit-only) and ignores credits in predictions
    assert scores["PERSON F1 (body gold)"].value == 1.0
    assert scores["ORG F1 (body gold)"].detail.startswith("P=1.00 R=0.00")
    assert scores["GPE/LOC F1 (body gold)"].value == 1.0
