import pytest

from newsgate.credits import is_outlet_name, is_person_name, split_credit
from newsgate.language import UNDETERMINED, english_share, identify_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The minister said that the talks would continue in the spring.", "en"),
        ("Le ministre a dit que les négociations sont dans une phase difficile.", "fr"),
        ("Der Minister sagte, dass die Gespräche nicht einfach sind und weitergehen.", "de"),
        ("Bộ trưởng cho biết các cuộc đàm phán sẽ được tiếp tục tại thủ đô.", "vi"),
        ("Министр заявил, что переговоры продолжатся весной.", "ru"),
        ("Ministers meet", UNDETERMINED),
        ("", UNDETERMINED),
    ],
)
def test_identify_language(text, lang):
    assert identify_language(text) == lang


def test_terse_english_headline_is_not_called_foreign():
    assert identify_language("Putin, Xi hold talks in Moscow") in ("en", UNDETERMINED)


@pytest.mark.parametrize(
    "text",
    [
        "De regering heeft nieuwe maatregelen tegen de inflatie aangekondigd.",
        "Rząd ogłosił nowe środki przeciwko inflacji.",
        "Regeringen har presenterat nya åtgärder mot inflationen.",
        "Հազարավոր մարդիկ բողոքի ակցիա անցկացրին Երևանում։",
    ],
)
def test_languages_without_a_word_profile_are_found_by_the_model_or_script(text):
    assert identify_language(text) not in ("en", UNDETERMINED)


@pytest.mark.parametrize(
    "text",
    [
        "Ferry capsizes off Leyte",
        "Abe, Modi sign nuclear deal",
        "Kenya, Nigeria fail to agree on debt relief",
        "Expand / Contract",
        "Jane Onyanga-Omara",
    ],
)
def test_short_english_and_name_lines_are_never_called_foreign(text):
    assert identify_language(text) in ("en", UNDETERMINED)


def test_english_share_counts_function_words():
    assert english_share("the cat and the dog") == pytest.approx(0.6)
    assert english_share("") == 0.0


def test_split_credit_keeps_agencies_and_drops_photographers():
    assert split_credit("EPA/JANE ROE") == ["EPA"]
    assert split_credit("John Smith / REUTERS") == ["Reuters"]
    assert split_credit("AFP via Getty Images") == ["AFP", "Getty Images"]
    assert split_credit("Harbour Online") == ["Harbour Online"]
    assert split_credit("") == []


def test_outlet_and_person_shapes():
    assert is_outlet_name("example.vn") and is_outlet_name("VNA") and is_outlet_name("Daily Star")
    assert not is_outlet_name("Jane Roe")
    assert is_person_name("Jane van Roe") and not is_person_name("Daily Star")
    assert not is_person_name("Latest")
