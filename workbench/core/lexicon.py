"""The packaged word lists the analysis reads: names, titles, organisations, abbreviations.

Each list lives in ``resources/data/*.json`` (plain JSON with an "about" field telling a press
office how to extend it) and is loaded once. Entries are compared by ``tokens.word_keys``, so
case and tone-mark style do not matter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from workbench.core.tokens import phrase_keys, text_keys, word_keys
from workbench.paths import resource_path

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """Everything the analysis looks words up in, as key tuples and key sets."""

    surnames: frozenset[str]
    historical: frozenset[Phrase]
    places_by_first: dict[str, tuple[Phrase, ...]]
    heads: dict[str, tuple[Phrase, ...]]  # first key -> head phrases, longest first
    modifiers: frozenset[str]
    lowercase: frozenset[str]  # bare keys
    abbreviations: dict[str, Phrase]  # key -> expansion keys
    organisations: dict[str, tuple[Phrase, ...]]  # first key -> organisation phrases
    organisation_names: dict[Phrase, str]
    document_codes: dict[str, str]  # casefolded code -> issuer


def _read(name: str) -> dict:
    return json.loads(resource_path("data", name).read_text(encoding="utf-8"))


def _index(phrases: set[Phrase]) -> dict[str, tuple[Phrase, ...]]:
    index: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


@cache
def lexicon() -> Lexicon:
    """The lexicon built from the packaged JSON files (read once)."""
    names, titles, orgs = _read("names.json"), _read("titles.json"), _read("organisations.json")
    heads = {text_keys(h) for group in ("heads", "ranks", "descriptors") for h in titles[group]}
    org_phrases = {phrase_keys(o): o for o in orgs["organisations"]}
    return Lexicon(
        surnames=frozenset(word_keys(s)[0] for s in names["surnames"]),
        historical=frozenset(text_keys(n) for n in names["historical_figures"]),
        places_by_first=_index({text_keys(p) for p in names["places"]}),
        heads=_index(heads),
        modifiers=frozenset(word_keys(m)[0] for m in titles["modifiers"]),
        lowercase=frozenset(word_keys(w)[1] for w in titles["lowercase_words"]),
        abbreviations={word_keys(k)[0]: text_keys(v) for k, v in orgs["abbreviations"].items()},
        organisations=_index(set(org_phrases)),
        organisation_names=org_phrases,
        document_codes={k.casefold(): v for k, v in orgs["document_codes"].items()},
    )


def expand(keys: Phrase) -> Phrase:
    """``keys`` with every known abbreviation written out ("bch", "tw" → "ban", "chấp", ...)."""
    table = lexicon().abbreviations
    out: list[str] = []
    for key in keys:
        out.extend(table.get(key, (key,)))
    return tuple(out)
