"""Hand-made records for the graph tests (no NLP involved)."""

from __future__ import annotations

from kg.records import Actor, Document, Relation

KIM = Actor(
    "kim_jong_un",
    "Kim Jong-un",
    "Person",
    name_nl="Kim Jong-un",
    wikidata="Q56226",
    aliases=(("Kim", "nl"), ("Kim Jong Un", "en")),
    country="north_korea",
)
RUSSIA = Actor("russia", "Russia", "State", name_nl="Rusland", wikidata="Q159")
TRUMP = Actor("donald_trump", "Donald Trump", "Person", wikidata="Q22686")
NORTH_KOREA = Actor("north_korea", "North Korea", "State", name_nl="Noord-Korea", wikidata="Q423")
SUMMIT = Actor("new/2019_hanoi_summit", "2019 Hanoi summit", "Event")

SEED = Document(
    "seed",
    "Kim steunt Moskou. Kim ontmoette Trump.",
    "nl",
    date="2024-06-19",
    source="seeds/seed.txt",
    title="Kim en Poetin",
)


def seed_relations() -> list[Relation]:
    return [
        Relation(
            "seed",
            "Kim betuigde zijn steun aan Moskou.",
            KIM,
            "supports",
            RUSSIA,
            date="2024-06",
            confidence=0.9,
            start=10,
            end=45,
            trigger="steun aan",
        ),
        Relation(
            "seed",
            "Kim ontmoette Trump in 2018.",
            KIM,
            "meets",
            TRUMP,
            date="2018",
            confidence=0.8,
            start=46,
            end=74,
            trigger="ontmoette",
        ),
        Relation(
            "seed",
            "Noord-Korea wees de aanbiedingen af.",
            NORTH_KOREA,
            "rejects",
            TRUMP,
            date="2019-02-28",
            confidence=0.7,
            start=75,
            end=110,
        ),
        Relation(
            "seed",
            "Kim zou Trump kunnen bedreigen.",
            KIM,
            "threatens",
            TRUMP,
            hedged=True,
            start=111,
            end=140,
        ),
        Relation(
            "seed",
            "Kim woonde de top in Hanoi bij.",
            KIM,
            "attends",
            SUMMIT,
            date="2019",
            start=141,
            end=170,
        ),
    ]


OTHER = Document("other", "Rusland steunt Noord-Korea.", "nl", date="2024-07")


def other_relations() -> list[Relation]:
    return [
        Relation(
            "other",
            "Rusland steunt Noord-Korea.",
            RUSSIA,
            "supports",
            NORTH_KOREA,
            date="2024-07",
            start=0,
            end=27,
        )
    ]
