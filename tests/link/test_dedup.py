from link.link_factory import analysis
from onrecord.link.common import published_order
from onrecord.link.dedup import Presigned, find_duplicates, minhash
from onrecord.models import Analysis

WIRE = (
    "The armoured train carrying the North Korean leader crossed the border river early on Tuesday "
    "and stopped at the small station of Khasan, where the regional governor and a federal minister "
    "waited on the platform with bread and salt before the convoy moved on towards Vladivostok."
)
OTHER = (
    "Grain exports through the Black Sea fell sharply after the deal collapsed, and traders said "
    "insurance costs for ships calling at Ukrainian ports had tripled within a month of the change."
)


def _dups(*analyses: Analysis):
    return find_duplicates(analyses, published_order(analyses))


def test_dedup_syndicated_copy_is_one_duplicate_link_first_is_earliest():
    a = analysis("wire-a", WIRE, published="2023-09-12")
    b = analysis("paper-b", "By our correspondent. " + WIRE, published="2023-09-11")
    links, sources = _dups(a, b, analysis("other", OTHER))
    docs = [link for link in links if "@" not in link.items[0]]
    assert len(docs) == 1
    assert set(docs[0].items) == {"wire-a", "paper-b"}
    assert docs[0].first == "paper-b"
    assert sources.of("wire-a") == sources.of("paper-b") != sources.of("other")


def test_dedup_different_articles_give_no_link():
    links, sources = _dups(analysis("a", WIRE), analysis("b", OTHER))
    assert links == []
    assert sources.of("a") != sources.of("b")


def test_dedup_repeated_passage_links_passages_and_shares_their_source():
    a = analysis("blog-1", "Morning summary of the day.\n\n" + WIRE + "\n\nMore later.")
    b = analysis("blog-2", OTHER + "\n\n" + WIRE)
    links, sources = _dups(a, b)
    passages = [link for link in links if "@" in link.first]
    assert len(passages) == 1
    start = a.document.body.index(WIRE)
    assert sources.of("blog-1", start + 5) == sources.of("blog-2", b.document.body.index(WIRE) + 5)
    assert sources.of("blog-1", 0) != sources.of("blog-2", 0)


def test_dedup_minhash_of_identical_texts_is_identical():
    assert minhash(WIRE).jaccard(minhash(WIRE)) == 1.0
    assert minhash(WIRE).jaccard(minhash(OTHER)) < 0.2


def test_presigned_signatures_give_the_same_links_and_only_for_the_same_analysis():
    a = analysis("wire-a", WIRE, published="2023-09-12")
    b = analysis("paper-b", "By our correspondent. " + WIRE, published="2023-09-11")
    c = analysis("other", OTHER)
    order = published_order((a, b, c))
    presigned = Presigned()
    for x in (a, b, analysis("other", WIRE)):  # "other" signed as another text, another object
        presigned.add(x)
    assert presigned.get(a) is not None and presigned.get(c) is None
    links, sources = find_duplicates((a, b, c), order, presigned=presigned)
    plain_links, plain_sources = find_duplicates((a, b, c), order)
    assert links == plain_links
    assert sources.doc_root == plain_sources.doc_root and sources.passages == plain_sources.passages
