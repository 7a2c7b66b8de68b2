"""clusters() compares a text only with those holding one of its rarest stems: the same groups as every pair."""

from __future__ import annotations

import random

from growthlog.journal import similarity

#: Content words, a few of them synonyms of one another, and filler words that carry no meaning.
_WORDS = [
    "conflict",
    "disagreement",
    "colleague",
    "teammate",
    "manager",
    "boss",
    "deadline",
    "pressure",
    "design",
    "rate",
    "limiter",
    "cache",
    "queue",
    "kafka",
    "postgres",
    "index",
    "migration",
    "outage",
    "incident",
    "rollback",
    "latency",
    "budget",
    "hiring",
    "mentor",
    "junior",
    "feedback",
    "criticism",
    "project",
    "customer",
    "client",
    "scale",
    "shard",
    "replica",
    "lock",
    "retry",
    "idempotent",
    "team",
    "system",
]
_FILLER = ["tell", "me", "about", "a", "time", "you", "how", "did", "the", "with", "your"]


def _corpus(seed: int, count: int) -> list[str]:
    """Texts in families: each family a few stems, said again with one word changed, dropped or added."""
    rng = random.Random(seed)
    texts: list[str] = []
    while len(texts) < count:
        base = rng.sample(_WORDS, rng.randint(1, 7))
        for _ in range(rng.randint(1, 6)):
            words = list(base)
            change = rng.random()
            if change < 0.25 and len(words) > 1:
                words.pop(rng.randrange(len(words)))
            elif change < 0.5:
                words.insert(rng.randrange(len(words) + 1), rng.choice(_WORDS))
            elif change < 0.7:
                words[rng.randrange(len(words))] = rng.choice(_WORDS)
            words += rng.sample(_FILLER, rng.randint(0, 3))
            rng.shuffle(words)
            texts.append(" ".join(words).capitalize() + "?")
        if rng.random() < 0.05:
            texts.append("Why us?")  # nothing but filler: no stems, in no group
    rng.shuffle(texts)
    return texts[:count]


def _every_pair(texts: list[str]) -> list[list[int]]:
    """The plain leader clustering: each leader compared with every later ungrouped text."""
    grouped = [False] * len(texts)
    out: list[list[int]] = []
    for i, text in enumerate(texts):
        if grouped[i] or not similarity.signature(text):
            continue
        members = [j for j in range(i + 1, len(texts)) if not grouped[j] and similarity.alike(text, texts[j])]
        if members:
            for j in (i, *members):
                grouped[j] = True
            out.append([i, *members])
    return out


def test_clusters_are_the_groups_every_pair_compared_gives() -> None:
    for seed in range(4):
        texts = _corpus(seed, 900)
        expected = _every_pair(texts)
        # Enough groups, and large ones, for a comparison skipped wrongly to show.
        assert len(expected) > 100 and max(map(len, expected)) >= 5
        assert similarity.clusters(texts) == expected


def test_a_text_alike_by_three_fifths_of_its_stems_is_found_through_its_rarest_stem() -> None:
    # Five stems, three shared (Dice 0.75 exactly): the two not shared are the rarest of the leader's.
    common = ["kafka postgres", "kafka latency", "postgres latency", "kafka postgres latency"]
    texts = ["kafka postgres latency rollback mentor", *common, "kafka postgres latency"]
    assert similarity.alike(texts[0], texts[-1])
    assert similarity.clusters(texts) == _every_pair(texts) == [[0, 4, 5]]
