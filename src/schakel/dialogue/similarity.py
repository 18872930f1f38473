"""Which factors of several tables may be the same factor: the rule behind
`synthesis_propose_merges`.

Two factors are proposed as equivalent when they have the same domain and valence, come from
different tables, and their texts overlap: the Jaccard index of their normalised token sets
is at least `THRESHOLD`. A text is normalised by lower-casing, dropping accents, splitting on
anything but letters and digits, leaving out Dutch function words and tokens under three
letters, and cutting each token to its first `STEM` letters (a crude stem: "samenwerking"
and "samenwerken" agree). Proposals are closed under "equivalent to an equivalent" (one group
per connected set). The chair confirms a proposal or not: nothing is merged by this rule.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

THRESHOLD = 0.5
STEM = 6
STOPWORDS = frozenset({
    "aan", "als", "bij", "dat", "die", "dit", "door", "een", "en", "er", "het", "hij", "hem",
    "haar", "hun", "ook", "met", "naar", "niet", "nog", "of", "om", "op", "over", "te", "tot",
    "tussen", "uit", "van", "voor", "was", "wat", "wel", "werd", "wordt", "zich", "zijn", "ze",
    "zij", "the", "and", "elkaar", "onderling", "veel", "weinig"})


def tokens(text: str) -> frozenset[str]:
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return frozenset(word[:STEM] for word in re.split(r"[^0-9a-z]+", plain)
                     if len(word) >= 3 and word not in STOPWORDS)


def similarity(a: str, b: str) -> float:
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


@dataclass(frozen=True)
class Candidate:
    key: int  # the row (or factor) it stands for
    table_ids: frozenset[int]
    domain: str
    valence: str
    text: str


def propose_groups(candidates: Sequence[Candidate]) -> list[list[int]]:
    """Groups (of two or more keys, in key order) of equivalent candidates."""
    parent = {c.key: c.key for c in candidates}

    def find(key: int) -> int:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for i, a in enumerate(candidates):
        for b in candidates[i + 1:]:
            if (a.domain == b.domain and a.valence == b.valence
                    and not a.table_ids & b.table_ids
                    and similarity(a.text, b.text) >= THRESHOLD):
                parent[find(b.key)] = find(a.key)
    groups: dict[int, list[int]] = {}
    for c in candidates:
        groups.setdefault(find(c.key), []).append(c.key)
    return sorted((sorted(keys) for keys in groups.values() if len(keys) > 1),
                  key=lambda keys: keys[0])
