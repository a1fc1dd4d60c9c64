"""Actors on the five seed articles: the gold list of resolutions and its floor."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.tokens import Doc

from marked_docs import name_of, named
from onrecord.extract.actors import extract_actors, resolve
from onrecord.models import Actor

NOISE = re.compile(
    r"^(Advertisement|Comments|Photograph:.*|Related:.*|.*GETTY IMAGES.*|.*/REUTERS.*)$"
)


# (seed prefix, regex whose group "span" is the speaker/claimant span, expected canonical name).
# Expected None: the text does not name the speaker, so unknown is the right answer.
RESOLVE_GOLD: list[tuple[str, str, str | None]] = [
    ("000", r"North Korean colleagues,” (?P<span>he) added", "Oleg Kozhemyako"),
    ("000", r"(?P<span>the former KGB officer) added", "Vladimir Putin"),
    ("000", r"(?P<span>Russia’s leader of 23 years) also said", "Vladimir Putin"),
    ("000", r"(?P<span>The Russian autocrat) also claimed", "Vladimir Putin"),
    ("000", r"(?P<span>He) said the legal cases", "Vladimir Putin"),
    ("000", r"to sign contracts,” (?P<span>he) added", "Vladimir Putin"),
    ("000", r"(?P<span>Mr Kim) upon", "Kim Jong-un"),
    ("002", r"(?P<span>He) said that any North Korean military", "Jim Hockenhull"),
    ("002", r"Speaking in St Petersburg, (?P<span>he) said", "Kirill"),
    ("002", r"only interests,” (?P<span>he) said", "Putin"),
    ("002", r"Putin’s comments came after (?P<span>he) was asked", "Putin"),
    ("002", r"(?P<span>The Russian leader) said Ukraine", "Putin"),
    ("002", r"(?P<span>He) added that Kyiv", "Putin"),
    ("002", r"the train has left,” (?P<span>he) added", "Putin"),
    ("002", r"(?P<span>Dmitry Peskov, Putin’s spokesman), said", "Dmitry Peskov"),
    ("002", r"(?P<span>The Kremlin spokesman Dmitry Peskov) said that Kim", "Dmitry Peskov"),
    ("003", r"Mr\. Kim said (?P<span>he)", "Kim Jong-un"),
    ("003", r"economic ties, but (?P<span>he) also", "Dmitri S. Peskov"),
    ("003", r"(?P<span>Mr\. Putin) said, according to footage", "Vladimir V. Putin"),
    ("004", r"(?P<span>the Russian defence expert) said", "Igor Korotchenko"),
    ("004", r"(?P<span>the Russian journalist) said", "Igor Korotchenko"),
    ("004", r"(?P<span>He) said that if", "Igor Korotchenko"),
    ("000", r"deliver F-16s,” (?P<span>he) said", "Vladimir Putin"),
    ("001", r"such a list,” (?P<span>he) said", "Vladimir Putin"),
    ("001", r"through the UN,” (?P<span>he) said", None),
    ("002", r"Putin’s illegal invasion,” (?P<span>he) said", None),
    ("002", r"(?P<span>He) told of live lobsters", "Konstantin Pulikovsky"),
    ("002", r"(?P<span>The Russian president) said that 270,000", "Putin"),
    ("002", r"Kim’s slow-moving train.{0,200}you will know,” (?P<span>he)", "Putin"),
    ("002", r"(?P<span>General Mark Milley) told ABC", "Mark Milley"),
]


# (seed prefix, name a, name b, same actor?)
MERGE_GOLD: list[tuple[str, str, str, bool]] = [
    ("000", "Putin", "Vladimir Putin", True),
    ("000", "Kim", "Kim Jong-un", True),
    ("002", "Peskov", "Dmitry Peskov", True),
    ("002", "Trump", "Donald Trump", True),
    ("002", "Shoigu", "Sergei Shoigu", True),
    ("003", "Putin", "Vladimir V. Putin", True),
    ("004", "Korotchenko", "Igor Korotchenko", True),
    ("002", "Kim Jong-un", "Kim Jong-il", False),
    ("002", "Kim Jong-un", "Kim Il-sung", False),
    ("000", "Moscow", "Russia", False),
    ("000", "Pyongyang", "North Korea", False),
    ("000", "Kremlin", "Russia", False),
]


# (seed prefix, person, a word the role must contain)
ROLE_GOLD: list[tuple[str, str, str]] = [
    ("000", "Oleg Kozhemyako", "governor"),
    ("000", "Vladimir Putin", "President"),
    ("000", "Kim Jong-un", "dictator"),
    ("002", "Dmitry Peskov", "spokesman"),
    ("002", "Sergei Shoigu", "defence minister"),
    ("003", "Dmitri S. Peskov", "spokesman"),
    ("004", "Igor Korotchenko", "military expert"),
]


# (seed prefix, metonym, state)
METONYM_GOLD: list[tuple[str, str, str]] = [
    ("000", "Pyongyang", "North Korea"),
    ("000", "Moscow", "Russia"),
    ("000", "Kremlin", "Russia"),
    ("002", "Washington", "United States"),
    ("002", "White House", "United States"),
]


def crude_clean(raw: str) -> str:
    """Seed text without its obvious noise lines (credits, "Advertisement")."""
    return "\n".join(line for line in raw.split("\n") if not NOISE.match(line.strip()))


@pytest.fixture(scope="module")
def seed_docs(seeds: Path, nlp) -> dict[str, tuple[Doc, tuple[Actor, ...]]]:
    out = {}
    for path in sorted(seeds.glob("*.txt")):
        doc = nlp(crude_clean(path.read_text(encoding="utf-8")))
        out[path.name[:3]] = (doc, extract_actors(doc))
    return out


def _actor_named(actors: tuple[Actor, ...], name: str) -> Actor | None:
    return next((a for a in actors if a.name == name), None) or next(
        (a for a in actors if name in a.aliases), None
    )


def gold_scores(seed_docs: dict[str, tuple[Doc, tuple[Actor, ...]]]) -> dict[str, tuple[int, int]]:
    """(correct, total) per gold category on the seed articles."""
    scores = {"resolve": [0, 0], "merge": [0, 0], "roles": [0, 0], "metonyms": [0, 0]}
    for seed, pattern, expected in RESOLVE_GOLD:
        doc, actors = seed_docs[seed]
        m = re.search(pattern, doc.text, re.S)
        got = (
            name_of(actors, resolve(actors, doc, m.start("span"), m.end("span")))
            if m
            else "<no span>"
        )
        scores["resolve"][0] += got == expected
        scores["resolve"][1] += 1
    for seed, a, b, same in MERGE_GOLD:
        actors = seed_docs[seed][1]
        x, y = _actor_named(actors, a), _actor_named(actors, b)
        scores["merge"][0] += bool(x and y and ((x.key == y.key) == same))
        scores["merge"][1] += 1
    for seed, person, word in ROLE_GOLD:
        actor = _actor_named(seed_docs[seed][1], person)
        scores["roles"][0] += bool(actor and any(word in r.text for r in actor.roles))
        scores["roles"][1] += 1
    for seed, metonym, state in METONYM_GOLD:
        actors = seed_docs[seed][1]
        x, y = _actor_named(actors, metonym), _actor_named(actors, state)
        scores["metonyms"][0] += bool(x and y and x.refers_to == y.key and x.key != y.key)
        scores["metonyms"][1] += 1
    return {k: (v[0], v[1]) for k, v in scores.items()}


@pytest.mark.model
@pytest.mark.datasets


def test_actors_seeds_putin_merges_peskov_is_spokesman_and_kgb_officer_is_putin(seed_docs) -> None:
    doc, actors = seed_docs["000"]
    putin = named(actors, "Vladimir Putin")
    assert {"Putin", "Vladimir Putin"} <= set(putin.aliases) and len(putin.mentions) >= 8
    m = re.search("the former KGB officer", doc.text)
    assert resolve(actors, doc, m.start(), m.end()) == putin.key
    m = re.search(r"colleagues,” (he) added", doc.text)
    assert name_of(actors, resolve(actors, doc, m.start(1), m.end(1))) == "Oleg Kozhemyako"
    peskov = named(seed_docs["002"][1], "Dmitry Peskov")
    assert any("spokesman" in r.text for r in peskov.roles)


@pytest.mark.model
@pytest.mark.datasets


def test_actors_gold_list_accuracy_holds_its_floor(seed_docs) -> None:
    scores = gold_scores(seed_docs)
    print("actor gold:", {k: f"{c}/{t}" for k, (c, t) in scores.items()})
    correct = sum(c for c, _ in scores.values())
    total = sum(t for _, t in scores.values())
    assert correct / total >= 0.9
    assert scores["merge"][0] == scores["merge"][1]


@pytest.mark.model
def test_actors_resolve_an_organisation_named_as_modifier_of_its_kind(nlp) -> None:
    from onrecord.extract.actors import extract_actors, resolve

    text = "The visit went well, KCNA reported.\n\nThe leaders met for two hours, the KCNA news agency said."
    doc = nlp(text)
    actors = extract_actors(doc)
    start = text.index("the KCNA news agency")
    key = resolve(actors, doc, start, start + len("the KCNA news agency"))
    assert key is not None and {a.key: a.name for a in actors}[key] == "KCNA"
