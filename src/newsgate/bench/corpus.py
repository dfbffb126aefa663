"""Deterministic (seeded) synthetic wire articles with realistic mess: boilerplate, quotes,
names, dates and near-duplicates."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

FIRST = [
    "Anna",
    "Boris",
    "Carlos",
    "Daria",
    "Elena",
    "Farid",
    "Greta",
    "Hassan",
    "Ingrid",
    "Jonas",
    "Kofi",
    "Lena",
    "Marco",
    "Nadia",
    "Olaf",
    "Priya",
    "Rafael",
    "Sofia",
    "Tomas",
    "Uma",
    "Viktor",
    "Wen",
    "Yusuf",
    "Zara",
]
LAST = [
    "Almeida",
    "Brandt",
    "Costa",
    "Dvorak",
    "Eriksen",
    "Ferreira",
    "Goldberg",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Larsen",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quist",
    "Rossi",
    "Santos",
    "Tanaka",
    "Ueda",
    "Varga",
    "Weber",
    "Yilmaz",
    "Zhou",
]
TITLES = [
    "Foreign Minister",
    "Defence Minister",
    "Prime Minister",
    "President",
    "spokesman",
    "Secretary General",
    "ambassador",
    "Deputy Foreign Minister",
    "Interior Minister",
]
COUNTRIES = [
    "France",
    "Germany",
    "Poland",
    "Turkey",
    "Japan",
    "Brazil",
    "Kenya",
    "India",
    "Canada",
    "Mexico",
    "Spain",
    "Italy",
    "Norway",
    "Egypt",
    "Vietnam",
    "Indonesia",
    "Nigeria",
    "Argentina",
    "Sweden",
    "Ukraine",
]
CITIES = [
    "Paris",
    "Berlin",
    "Warsaw",
    "Ankara",
    "Tokyo",
    "Brasilia",
    "Nairobi",
    "Delhi",
    "Ottawa",
    "Madrid",
    "Rome",
    "Oslo",
    "Cairo",
    "Hanoi",
    "Jakarta",
    "Abuja",
    "Stockholm",
    "Kyiv",
    "Geneva",
    "Vienna",
]
ORGS = [
    "NATO",
    "the European Union",
    "the United Nations",
    "the African Union",
    "the World Bank",
    "the International Monetary Fund",
    "OPEC",
    "the OSCE",
]
TOPICS = [
    "trade",
    "energy prices",
    "border security",
    "climate funding",
    "grain exports",
    "migration",
    "cyber attacks",
    "arms control",
    "water rights",
    "debt relief",
]
OUTLETS = ["Reuters", "AFP", "AP", "EFE", "dpa", "Xinhua", "Kyodo", "ANSA"]
VERBS = ["said", "told reporters", "added", "stressed", "noted", "insisted", "warned"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SHARE = ["Leave a Reply", "Send this to a friend", "Share on Facebook", "Read more", "Related news"]


@dataclass(frozen=True)
class Article:
    """One generated article: its file name and text."""

    name: str
    text: str


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(TITLES), f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _article(rng: random.Random, index: int) -> list[str]:
    topic, country, other = rng.choice(TOPICS), rng.choice(COUNTRIES), rng.choice(COUNTRIES)
    city, org, outlet = rng.choice(CITIES), rng.choice(ORGS), rng.choice(OUTLETS)
    published = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    title, name = _person(rng)
    title2, name2 = _person(rng)
    surname = name.split()[-1]
    headline = rng.choice(
        [
            f"{country} and {other} hold talks on {topic}",
            f"{country}, {other} fail to agree on {topic}",
            f"Talks on {topic} between {country} and {other} end without a deal",
            f"{name} says {topic} talks with {other} made progress",
        ]
    )
    lines = [headline, ""]
    if rng.random() < 0.5:
        lines += [f" date {published.isoformat()} "]
    lines += [
        f"{city} / {outlet}",
        f"Officials from {country} and {other} met in {city} on {rng.choice(WEEKDAYS)} to discuss "
        f"{topic}, the first such meeting since {published.year - rng.randint(1, 4)}, "
        f"{title} {name} said.",
        "",
        f"“We have made real progress on {topic}, but much work remains,” {surname} "
        f"{rng.choice(VERBS)} after the talks. “The next round will take place in "
        f"{rng.choice(CITIES)}.”",
        "",
        f"{title2} {name2} of {other} said the two sides had agreed to keep talking, while "
        f"{org} called for “concrete steps” within weeks.",
        "",
        rng.choice(
            [
                f"{other} accused {country} of delaying an agreement on {topic} last month, and "
                f"officials warned that talks could collapse if no deal was reached by "
                f"{published.strftime('%B %d, %Y')}.",
                f"Earlier this year {country} imposed sanctions on firms from {other}, a move "
                f"{name2} called “unhelpful” in an interview on {rng.choice(WEEKDAYS)}.",
                f"Troops from {country} began exercises near the border in {published.strftime('%B')}, "
                f"which {other} described as a threat to regional stability.",
            ]
        ),
        "",
        f"{name} {title.lower()} arrives for the meeting in {city}. Photo: {rng.choice(OUTLETS)}",
        "",
        rng.choice(
            [
                f"Analysts said the meeting in {city} reflected growing pressure on both governments "
                f"to show results on {topic} before elections expected next year.",
                f"The {topic} dispute has strained ties since {published.year - rng.randint(2, 9)}, "
                f"when {org} first raised concerns about the issue.",
                f"Markets in {city} reacted calmly, and a joint statement is expected on "
                f"{rng.choice(WEEKDAYS)} according to diplomats familiar with the plans.",
            ]
        )
        + f" (Ref. {index})",
        "",
        rng.choice(SHARE),
        f"Source: {outlet}",
    ]
    return lines


def generate_corpus(n: int, seed: int = 42, duplicate_share: float = 0.1) -> Iterator[Article]:
    """Yield `n` articles, the same for the same seed; about `duplicate_share` are rewrites."""
    rng = random.Random(seed)
    kept: list[list[str]] = []
    for index in range(n):
        if kept and rng.random() < duplicate_share:
            lines = list(rng.choice(kept))
            lines[0] = "UPDATE: " + lines[0]
            lines[-1] = f"Source: {rng.choice(OUTLETS)}"
        else:
            lines = _article(rng, index)
            if len(kept) < 500:
                kept.append(lines)
        yield Article(name=f"{index // 1000:04d}/{index:07d}.txt", text="\n".join(lines) + "\n")


def write_corpus(folder: Path, n: int, seed: int = 42) -> int:
    """Write `n` generated articles under `folder`; return how many files were written."""
    count = 0
    for article in generate_corpus(n, seed):
        path = folder / article.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article.text, encoding="utf-8")
        count += 1
    return count
