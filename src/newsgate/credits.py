"""Credits: recognise news agencies and outlets, and split credit strings into names."""

from __future__ import annotations

import re

# A general gazetteer of wire services and photo agencies, with their usual spelling.
_AGENCIES = {
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "ap photo": "AP",
    "epa": "EPA",
    "epa-efe": "EPA-EFE",
    "efe": "EFE",
    "agencia efe": "EFE",
    "xinhua": "Xinhua",
    "xinhua news agency": "Xinhua",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "interfax": "Interfax",
    "sputnik": "Sputnik",
    "dpa": "dpa",
    "ansa": "ANSA",
    "upi": "UPI",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "jiji press": "Jiji Press",
    "yonhap": "Yonhap",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
    "pti": "PTI",
    "ians": "IANS",
    "ani": "ANI",
    "bernama": "Bernama",
    "antara": "Antara",
    "aap": "AAP",
    "pa": "PA",
    "press association": "PA",
    "vna": "VNA",
    "vietnam news agency": "VNA",
    "kcna": "KCNA",
    "irna": "IRNA",
    "wafa": "WAFA",
    "ukrinform": "Ukrinform",
    "lusa": "Lusa",
    "belga": "Belga",
    "anp": "ANP",
    "pap": "PAP",
    "bloomberg": "Bloomberg",
    "getty images": "Getty Images",
    "getty": "Getty Images",
    "shutterstock": "Shutterstock",
    "europa press": "Europa Press",
    "prensa latina": "Prensa Latina",
    "agencies": "Agencies",
    "al jazeera": "Al Jazeera",
    "bbc": "BBC",
    "cnn": "CNN",
    "dw": "DW",
    "deutsche welle": "DW",
    "france 24": "France 24",
    "rfi": "RFI",
    "nhk": "NHK",
    "cgtn": "CGTN",
    "euronews": "Euronews",
    "rt": "RT",
    "voa": "VOA",
    "voice of america": "VOA",
    "rfe/rl": "RFE/RL",
    "radio free europe": "RFE/RL",
    "the guardian": "The Guardian",
    "the new york times": "The New York Times",
    "the washington post": "The Washington Post",
    "politico": "Politico",
    "vov": "VOV",
    "voice of vietnam": "VOV",
    "vietnamplus": "VietnamPlus",
    "vnexpress": "VnExpress",
    "nhan dan": "Nhan Dan",
    "ndo": "Nhan Dan",
}
# Words that make a multi-word name a publication rather than a person.
_MEDIA_WORDS = frozenset(
    [
        "online",
        "news",
        "times",
        "post",
        "tv",
        "radio",
        "press",
        "agency",
        "herald",
        "journal",
        "daily",
        "network",
        "media",
        "wire",
        "images",
        "photo",
        "photos",
        "tribune",
        "gazette",
        "telegraph",
        "guardian",
        "express",
        "magazine",
        "channel",
        "broadcasting",
        "service",
        "newspaper",
        "world",
        "today",
        "insider",
        "review",
        "observer",
        "monitor",
        "chronicle",
        "weekly",
        "star",
        "mail",
        "sun",
        "standard",
    ]
)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")
_SINGLE_NAME = re.compile(r"^[A-Z][\w'’-]*$")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|de|da|del|der|van|von|bin|al|le|la|du|di|dos)$")
_SPLIT = re.compile(r"\s*(?:,|/|;|&|\||\band\b|\bvia\b|\bwith\b|\by\b|\bet\b)\s*")
_PHOTO_SUFFIX = re.compile(r"\s+(?:photos?|images?|pictures?)$", re.IGNORECASE)


def normalize_agency(name: str) -> str:
    """Return the usual spelling of an agency name (the name itself when it is not known)."""
    return _AGENCIES.get(name.strip().lower(), name.strip())


def is_known_agency(name: str) -> bool:
    """Return whether `name` is in the gazetteer of wire services and photo agencies."""
    return name.strip().lower() in _AGENCIES


def is_agency_code(name: str) -> bool:
    """Return whether `name` is a known agency, an acronym or a domain name."""
    name = name.strip()
    return bool(is_known_agency(name) or _DOMAIN.match(name) or _ACRONYM.match(name))


def is_outlet_name(name: str) -> bool:
    """Return whether `name` looks like an outlet or agency rather than a person."""
    name = name.strip()
    if not name or len(name) > 60:
        return False
    if is_known_agency(name) or _DOMAIN.match(name) or _ACRONYM.match(name):
        return True
    tokens = name.split()
    if len(tokens) == 1:
        return bool(_SINGLE_NAME.match(name))
    return (
        len(tokens) <= 5
        and tokens[0][:1].isupper()
        and any(t.lower().strip(".") in _MEDIA_WORDS for t in tokens)
    )


def is_person_name(text: str) -> bool:
    """Return whether `text` is shaped like a personal name (2-4 capitalised words)."""
    tokens = text.strip().split()
    if not 2 <= len(tokens) <= 4 or any(ch.isdigit() for ch in text):
        return False
    if not all(_NAME_TOKEN.match(t) for t in tokens) or not tokens[0][:1].isupper():
        return False
    # An acronym among mixed-case words ("NATO Russia Ukraine") is a tag list, not a name.
    if not text.isupper() and any(t.isupper() and len(t) > 1 for t in tokens):
        return False
    return not is_outlet_name(text) and not any(t.lower() in _MEDIA_WORDS for t in tokens)


def split_credit(who: str, keep_people: bool = False) -> list[str]:
    """Return the outlet and agency names in a credit string, in order (people only if asked)."""
    names: list[str] = []
    for part in _SPLIT.split(who):
        part = _PHOTO_SUFFIX.sub("", part.strip(" .()[]-–—:"))
        if not part:
            continue
        if is_outlet_name(part) or (keep_people and part[:1].isupper()):
            name = normalize_agency(part)
            if name not in names:
                names.append(name)
    return names
