"""The token columns read once per Doc from its arrays give what the Token API gives."""

from __future__ import annotations

import pytest

from onrecord.nlp.pipeline import columns, heads

TEXT = """The mayor, who spoke on Monday, said the bridge would open. "It is late," she added.

Critics -- and there were many -- warned it would not.
\tNobody   answered."""


@pytest.mark.model
def test_heads_and_columns_are_the_tokens_own(nlp) -> None:
    doc = nlp(TEXT)
    assert heads(doc) == [t.head.i for t in doc]
    assert columns(doc) == ([t.pos_ for t in doc], [t.lower_ for t in doc])
    other = nlp("A second text.")  # read anew for another Doc
    assert heads(other) == [t.head.i for t in other]
    assert heads(nlp("")) == []
