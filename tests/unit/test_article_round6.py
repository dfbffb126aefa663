"""Round 6 article-record rules: the lead's reporting agency as the outlet."""

from newsgate.articles import parse_article

TITLE = "Court acquits three former ministers"
LATER = (
    "The court also sentenced a former trade minister in absentia to five years in prison for "
    "squandering public funds, the state news agency MENA reported on Tuesday evening."
)
MIDDLE = (
    "The defence lawyers said the verdicts showed that the charges had been brought for "
    "political reasons, and they asked for the remaining cases to be dropped."
)


def _outlet(lead: str, later: str = LATER) -> str | None:
    return parse_article("\n\n".join([TITLE, lead, MIDDLE, later])).outlet


def test_the_one_agency_a_rewrite_credits_in_its_lead_is_the_outlet():
    lead = (
        "A court in the capital on Tuesday acquitted three former ministers of squandering "
        "public money on election campaigns, Xinhua reported."
    )
    later = LATER.replace("the state news agency MENA", "Reuters")
    assert _outlet(lead, later) == "Xinhua"


def test_two_agencies_in_the_lead_name_no_outlet():
    lead = (
        "A court in the capital on Tuesday acquitted three former ministers, Xinhua reported, "
        "while AFP reported that a fourth was sentenced in absentia."
    )
    later = LATER.replace("the state news agency MENA", "Reuters")
    assert _outlet(lead, later) is None


def test_agencies_named_only_after_the_lead_name_no_outlet():
    lead = (
        "A court in the capital on Tuesday acquitted three former ministers of squandering "
        "public money on election campaigns, their lawyers said."
    )
    later = (
        "Xinhua reported that the prosecution would appeal, while Reuters reported that the "
        "ministers had already left the courtroom before the verdicts were read."
    )
    assert _outlet(lead, later) is None
