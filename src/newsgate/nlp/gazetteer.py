"""Gazetteer entries for the entity ruler: pycountry's countries plus the package's data files.

Two kinds: curated entries (countries, places.jsonl, organizations.jsonl, demonyms.jsonl) and
the derived demonyms (demonyms_derived.jsonl) match their exact spelling and give their
canonical name; entries derived from broad sources by scripts/build_name_data.py
(places_derived.jsonl, organizations_derived.jsonl) match any capitalisation of their words and
keep the name as the text writes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import pycountry


@dataclass(frozen=True)
class Entry:
    """A canonical entity name, its label, and the surface forms that refer to it."""

    name: str
    label: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = field(default=())
    country: str | None = None


def _read_jsonl(filename: str) -> list[dict]:
    text = resources.files("newsgate.nlp").joinpath("data", filename).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _country_entries() -> list[Entry]:
    overrides = {row["alpha_2"]: row for row in _read_jsonl("countries.jsonl")}
    entries = []
    for country in pycountry.countries:
        override = overrides.get(country.alpha_2)
        common = getattr(country, "common_name", None)
        name = override["name"] if override else (common or country.name)
        forms = {country.name, name}
        if common:
            forms.add(common)
        official = getattr(country, "official_name", None)
        if official:
            forms.add(official)
        if override:
            forms.update(override["aliases"])
        forms = {f for f in forms if "," not in f and "(" not in f}
        entries.append(Entry(name=name, label="GPE", aliases=tuple(sorted(forms - {name}))))
    return entries


@cache
def country_forms(by_code: bool = False) -> dict[str, str]:
    """Return every spelling of a country (or its ISO alpha-2 code, when `by_code`) -> canonical name."""
    overrides = {row["alpha_2"]: row for row in _read_jsonl("countries.jsonl")}
    canonical = {e.name: e for e in _country_entries()}
    out: dict[str, str] = {}
    for country in pycountry.countries:
        override = overrides.get(country.alpha_2)
        common = getattr(country, "common_name", None)
        name = override["name"] if override else (common or country.name)
        if by_code:
            out[country.alpha_2] = name
            continue
        for form in (name, *canonical[name].aliases, country.name, common):
            if form:
                out.setdefault(form, name)
    return out


@cache
def curated_entries() -> tuple[Entry, ...]:
    """Return the curated entries: countries, places, organisations and demonyms by hand."""
    return tuple(
        _file_entries(_country_entries(), "places.jsonl", "organizations.jsonl", "demonyms.jsonl")
    )


def _file_entries(entries: list[Entry], *filenames: str) -> list[Entry]:
    for filename in filenames:
        for row in _read_jsonl(filename):
            entries.append(
                Entry(
                    name=row["name"],
                    label=row["label"],
                    aliases=tuple(row.get("aliases", ())),
                    roles=tuple(row.get("roles", ())),
                    country=row.get("country"),
                )
            )
    return entries


def gazetteer_entries() -> tuple[Entry, ...]:
    """Return every gazetteer entry: countries, places, organisations and demonyms."""
    # curated entries first: they win a shared surface form; then the derived demonyms
    entries = _file_entries(list(curated_entries()), "demonyms_derived.jsonl")
    # Credited outlets and agencies are organizations (after the curated files, which win a
    # shared short form such as "PA"); a form that is also a common English word
    # ("Metro", "Stern") is left to the credit parser, which reads it only where a credit stands.
    for row in _read_jsonl("outlets.jsonl"):
        ambiguous = set(row.get("ambiguous", ()))
        forms = [f for f in (row["name"], *row.get("aliases", ())) if f not in ambiguous]
        if forms:
            entries.append(Entry(name=forms[0], label="ORG", aliases=tuple(forms[1:])))
    return tuple(entries)


@cache
def surface_index() -> dict[str, Entry]:
    """Return a map from every surface form (name or alias) to its gazetteer entry."""
    index: dict[str, Entry] = {}
    for entry in gazetteer_entries():
        for form in (entry.name, *entry.aliases):
            index.setdefault(form, entry)
    return index


@cache
def country_demonyms(by_country: bool = False) -> dict[str, str]:
    """Return demonym -> country name ("Russian" -> "Russia"), or the reverse when `by_country`."""
    pairs = [(e.name, e.country) for e in gazetteer_entries() if e.label == "NORP" and e.country]
    if by_country:
        reverse: dict[str, str] = {}
        for demonym, country in pairs:
            reverse.setdefault(country, demonym)
        return reverse
    return dict(pairs)


@cache
def derived_entries() -> tuple[Entry, ...]:
    """Return the places and organisations derived from broad sources (see data/README.md)."""
    entries = []
    for filename, label in (
        ("places_derived.jsonl", "GPE"),
        ("organizations_derived.jsonl", "ORG"),
    ):
        for row in _read_jsonl(filename):
            entries.append(
                Entry(
                    name=row["name"],
                    label=label,
                    aliases=tuple(row.get("aliases", ())),
                    country=row.get("country"),
                )
            )
    return tuple(entries)


@cache
def country_names() -> frozenset[str]:
    """Return the canonical names of the countries (pycountry with the overrides)."""
    return frozenset(e.name for e in _country_entries())
