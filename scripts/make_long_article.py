"""Write one long plain-text news article of a given size, for timing and memory checks of the build.

    .venv/bin/python scripts/make_long_article.py OUT.txt --size 4MB [--seed 7]

The article is made of short paragraphs (under the 100 words from which the cleaner drops
near-copies) built from a few sentence patterns (quotes with a speaker, figures with a claimant,
dates, organisations), with names, numbers and dates varied, so every extractor has work on every
paragraph. Paragraphs are separated by blank lines.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

PEOPLE = ("Maria Okafor", "Tomas Lindqvist", "Priya Raman", "Daniel Whitcombe", "Helen Achebe",
          "Oscar Delgado", "Yuki Tanabe", "Samuel Brandt", "Leila Haddad", "Ewan McArdle")
ROLES = ("the port authority's chief executive", "a union spokesperson", "the regional transport minister",
         "an economist at the Northfield Institute", "the mayor of Eastbridge", "a shipping analyst")
ORGS = ("the Harbour Workers Union", "Eastbridge City Council", "the Northfield Institute",
        "the Ministry of Transport", "Coastline Freight Ltd", "the Chamber of Commerce")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

PATTERNS = (
    '"We will not accept a deal that leaves {n} workers without cover," said {person}, {role}.',
    "{org} said on {day} that container traffic fell by {pct} percent in {month} {year}.",
    "According to {person}, the strike has cost the local economy about ${money} million so far.",
    '{person} told reporters: "The talks on {day} were constructive, but there is no agreement yet."',
    "Shipments of grain rose to {n},000 tonnes in {month}, up from {m},000 tonnes a year earlier, "
    "figures from {org} show.",
    "The dispute began on {month} {date}, {year}, when {org} rejected a pay offer of {pct} percent.",
    '"Nobody wants the port closed for another week," {person} said, adding that {org} would meet again '
    "on {day}.",
    "{role_cap}, {person}, warned that unemployment in the district could reach {pct} percent by {year}.",
)


def sentence(rng: random.Random) -> str:
    role = rng.choice(ROLES)
    return rng.choice(PATTERNS).format(
        person=rng.choice(PEOPLE), role=role, role_cap=role[0].upper() + role[1:], org=rng.choice(ORGS),
        day=rng.choice(DAYS), month=rng.choice(MONTHS), year=rng.randint(2019, 2025),
        date=rng.randint(1, 28), n=rng.randint(2, 900), m=rng.randint(2, 900), pct=rng.randint(2, 40),
        money=rng.randint(2, 90))


TOPICS = ("port strike talks stall", "grain exports recover", "ferry fares rise", "dock pay deal nears",
          "container backlog grows", "harbour dredging plan approved")
HEADLINE = "Harbour strike enters its third month as talks stall"


def headline(rng: random.Random) -> str:
    org = rng.choice(ORGS)
    return f"{org[0].upper() + org[1:]} says {rng.choice(TOPICS)} after {rng.choice(DAYS)} meeting"


def article(size: int, seed: int = 7, title: str | None = HEADLINE) -> str:
    """A headline (``title``, or one drawn from the seed when None) and paragraphs of two or three
    sentences, about ``size`` characters in all."""
    rng = random.Random(seed)
    parts = [title or headline(rng), ""]
    total = len(parts[0])
    while total < size:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 3)))
        parts.append(paragraph)
        parts.append("")
        total += len(paragraph) + 2
    return "\n".join(parts)


def parse_size(text: str) -> int:
    text = text.strip().upper()
    for suffix, factor in (("MB", 1_000_000), ("KB", 1_000), ("B", 1)):
        if text.endswith(suffix):
            return int(float(text[: -len(suffix)]) * factor)
    return int(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="4MB", help="about this many characters: 250KB, 1MB, 4MB, ...")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    text = article(parse_size(args.size), args.seed)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}: {len(text):,} characters")


if __name__ == "__main__":
    main()
