"""Round 6 person and speaker rules, on invented sentences (each with a case where it must not fire)."""

from newsgate.nlp.pipeline import make_doc


def _doc(nlp, text):
    return nlp(make_doc(nlp, text, None))


def _persons(nlp, text):
    return {e.kb_id_ or e.text for e in _doc(nlp, text).ents if e.label_ == "PERSON"}


def _speakers(nlp, text):
    return {q["text"]: q["speaker_name"] for q in _doc(nlp, text)._.quotes}


# --- "quoted X as saying" ---------------------------------------------------------------------


def test_quoted_as_saying_gives_the_object_as_speaker(nlp):
    text = "“We will rebuild the bridge,” the agency quoted Deputy Mayor Tomas Okafor as saying."
    assert _speakers(nlp, text) == {"We will rebuild the bridge,": "Tomas Okafor"}


def test_quoted_as_saying_before_the_quotation(nlp):
    text = "The daily cited Lena Brandt as saying that “prices will rise”."
    assert _speakers(nlp, text) == {"prices will rise": "Lena Brandt"}


def test_quoted_without_as_saying_keeps_the_usual_speaker(nlp):
    text = "“We will win,” said Tomas Okafor, who was quoted by the paper on Monday."
    assert _speakers(nlp, text) == {"We will win,": "Tomas Okafor"}


# --- a named subject right before its quoted predicate --------------------------------------


def test_name_opening_the_sentence_owns_the_quoted_predicate(nlp):
    text = (
        "Former minister Ana Ruiz was sentenced on Monday.\n\n"
        "Ruiz “firmly rejected” the verdict against her."
    )
    assert _speakers(nlp, text) == {"firmly rejected": "Ana Ruiz"}


def test_quoted_name_is_no_subject(nlp):
    text = "Ana Ruiz was at the port. The tanker “Sea Lark” sank near the coast."
    # a ship's name in marks is no quotation at all (round 8), and never Ana Ruiz's words
    assert "Ana Ruiz" not in _speakers(nlp, text).values()


def test_subject_with_more_words_before_the_quotation_is_not_taken(nlp):
    text = "Ana Ruiz met the board. The plan of Ana Ruiz “will fail”, critics say."
    assert _speakers(nlp, text)["will fail"] != "Ana Ruiz"


# --- persons after titles ----------------------------------------------------------------------


def test_month_surname_after_title_and_given_name(nlp):
    text = "Prime Minister Helena May's plan was approved."
    assert "Helena May" in _persons(nlp, text)


def test_demonym_surname_after_title_and_given_name(nlp):
    text = "The radio quoted Deputy Minister Carl English as saying the budget was safe."
    assert "Carl English" in _persons(nlp, text)


def test_month_after_title_and_given_name_is_a_date_before_a_number(nlp):
    text = "Minister Helena May 5 visit was cancelled."
    assert "Helena May" not in _persons(nlp, text)


def test_participle_after_title_is_no_surname(nlp):
    text = "Ex-Mayor Convicted of fraud in city contracts"
    assert _persons(nlp, text) == set()


def test_common_surname_after_title_stays_a_person(nlp):
    text = "Mayor Bob Reed said the roads were closed. Mayor Reed said more."
    assert "Bob Reed" in _persons(nlp, text)


def test_clause_after_a_title_gives_no_name(nlp):
    text = "Lena Brandt became the third minister to leave the Cabinet this year."
    assert _persons(nlp, text) == {"Lena Brandt"}


def test_lower_case_office_words_still_lead_to_the_name(nlp):
    text = "The minister for economic affairs Lena Brandt said prices would fall."
    assert "Lena Brandt" in _persons(nlp, text)


def test_body_word_after_office_complement_is_no_person(nlp):
    text = (
        "“We object,” said Councillor Tomas Okafor, chairman of the National Farmers' "
        "Federation for Rural Areas."
    )
    assert _persons(nlp, text) == {"Tomas Okafor"}


# --- so-called, streets, appositions, surnames taken as places ---------------------------------


def test_so_called_is_no_reporting_verb(nlp):
    text = "Crews fought the so-called Oak Fire -- the largest blaze of the year -- on Monday."
    assert _persons(nlp, text) == set()


def test_called_still_introduces_a_speaker_after_a_quotation(nlp):
    text = "“It is a disgrace,” called Lena Brandt from the crowd."
    assert "Lena Brandt" in _persons(nlp, text)


def test_street_named_after_a_given_name_is_no_person(nlp):
    text = "Protesters marched along Victoria Street and Albert Road to the ministry."
    assert _persons(nlp, text) == set()


def test_surname_that_is_also_a_street_word_elsewhere_stays_a_person(nlp):
    text = "The officers arrested Glenn Lane outside the bank."
    assert "Glenn Lane" in _persons(nlp, text)


def test_possessive_role_in_apposition_before_the_name(nlp):
    text = "The court adjourned. One of his lawyers, Tomas Okafor, called the delay unfair."
    assert "Tomas Okafor" in _persons(nlp, text)


def test_one_word_place_that_is_a_speakers_surname_is_the_person(nlp):
    text = (
        "Finance Minister Colm Tarbert spoke on Friday.\n\n"
        "Tarbert told legislators that the tax would stay, “not at the full rate, but enough.”"
    )
    persons = _persons(nlp, text)
    assert persons == {"Colm Tarbert"}
    assert _speakers(nlp, text) == {"not at the full rate, but enough.": "Colm Tarbert"}


def test_country_that_is_a_persons_surname_stays_a_place(nlp):
    text = "Singer Maria Georgia arrived in Tbilisi.\n\nGeorgia said the talks had failed."
    doc = _doc(nlp, text)
    assert ("Georgia", "GPE") in {(e.text, e.label_) for e in doc.ents}


# --- a given name before an English word that is no frequent surname ---------------------------


def test_given_name_before_a_non_surname_word_is_no_person(nlp):
    text = "Ships docked at Hampton Roads before the storm reached Charlotte Harbour Bridge."
    assert not {"Hampton Roads"} & _persons(nlp, text)


def test_given_name_before_a_frequent_word_surname_is_a_person(nlp):
    text = "Her friend Gordon Brown met his cousin Lucy Baker at the market."
    assert {"Gordon Brown", "Lucy Baker"} <= _persons(nlp, text)


def test_given_name_before_a_name_that_is_no_english_word_is_a_person(nlp):
    text = "Her friend Gordon Okonkwo met his cousin at the market."
    assert "Gordon Okonkwo" in _persons(nlp, text)


def test_name_and_colon_label_the_speaker(nlp):
    text = "The hearing resumed.\n\nLawyer Kofi Mensah: “It is a travesty.”"
    assert _speakers(nlp, text) == {"It is a travesty.": "Kofi Mensah"}


def test_colon_after_a_longer_phrase_with_a_name_labels_no_one(nlp):
    text = "The report by the firm of Kofi Mensah and partners on the bridge: “unsafe”."
    assert _speakers(nlp, text)["unsafe"] != "Kofi Mensah"


def test_passive_quoted_by_an_agency_keeps_the_subject(nlp):
    text = (
        "Lena Brandt, director of the relief agency, was quoted by AFP as saying, "
        "“Nine trucks are being unloaded.”"
    )
    assert _speakers(nlp, text) == {"Nine trucks are being unloaded.": "Lena Brandt"}


# --- a surname's later mention never takes a title or word before it as a first name -----------


def test_title_before_a_later_surname_is_no_new_person(nlp):
    text = "Tomas Okafor spoke first. Later, Senator Okafor and Cabinet Okafor were named."
    assert _persons(nlp, text) == {"Tomas Okafor"}


def test_different_given_name_before_a_surname_stays_a_different_person(nlp):
    text = "Jane Okafor met her brother. Then John Okafor arrived."
    assert {"Jane Okafor", "John Okafor"} <= _persons(nlp, text)
