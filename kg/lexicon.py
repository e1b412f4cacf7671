"""The relation lexicon: which words carry which relation, and what hedges or
negates them. Data in ``ontology/lexicon/*.tsv``; this module only reads it.
"""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from dataclasses import dataclass, field

from kg.errors import DataError
from kg.resources import ontology_file
from kg.vocab import is_relation

NAME_WORD_MEANINGS = ("Place", "Organization", "title", "thing")
#: In reversals.tsv: the verb leaves no relation ("de betrekkingen verslechterden").
NO_RELATION = "none"
LABEL_KINDS = ("verb", "pejorative", "laudatory")
#: Prepositions that name members of a group: "tien Europeanen, onder wie X",
#: "several countries, including France" (lemma "include"), "landen zoals Brazilië", "such as".
INCLUSION = frozenset({"onder", "waaronder", "including", "include", "among", "zoals", "such"})


def names_members(phrase) -> bool:  # phrase: spacy Token
    """Whether a phrase is introduced by an inclusion word, however the parser
    labelled it ("including X" as case, "zoals X" as mark, "waaronder X" as advmod)."""
    words = ("case", "mark", "advmod")
    return any(
        c.dep_ in words and (c.lower_ in INCLUSION or c.lemma_ in INCLUSION)
        for c in phrase.children
    )


@dataclass(frozen=True)
class Predicate:
    """One lexicon entry: a word that states ``relation``."""

    lemma: str
    pos: str  # VERB or NOUN
    relation: str  # may be "meets/visits": first for actor objects, second for places
    objects: tuple[str, ...]  # "obj", "iobj" or prepositions, tried in order
    hedged: bool = False
    negated: bool = False
    reverse: bool = False
    states: bool = False  # only between two states
    mutual: bool = False  # an accord: stated in both directions
    bodies: bool = False  # the object is a state, organisation or group, not a person
    #: an infinitival complement is needed: "warned Kyiv not to join" is a request
    infinitive: bool = False
    #: reciprocal by itself: "Canada and Mexico work together" needs no "each other"
    reciprocal: bool = False
    events: bool = False  # the object is an event: "took part in the summit"
    agent: bool = False  # the noun names its subject: "X, een voorstander van Y"
    #: words that must stand in the verb's clause: "gaf ... de schuld", "took part in"
    fixed: tuple[str, ...] = ()

    def relation_for(self, object_kind: str) -> str:
        """The relation, given the kind of the object (person vs place)."""
        if "/" not in self.relation:
            return self.relation
        actor_relation, place_relation = self.relation.split("/", 1)
        return place_relation if object_kind in ("State", "City", "Place") else actor_relation


@dataclass(frozen=True)
class Lexicon:
    predicates: dict[tuple[str, str, str], tuple[Predicate, ...]]
    modifiers: dict[tuple[str, str, str], str]  # (lang, lemma, where) -> negate|hedge
    receive: frozenset[tuple[str, str]]
    descriptions: dict[tuple[str, str], tuple[str, bool]]
    roles: dict[str, str]  # role -> leaderOf | memberOf
    kin: dict[tuple[str, str], str]  # (lang, noun) -> parent | child
    offices: dict[str, dict[str, str]]  # lang -> office word -> role
    attendance: dict[tuple[str, str], str]  # (lang, word) -> during | present
    proposals: dict[tuple[str, str], str]  # (lang, noun lemma) -> offer | request
    name_words: dict[tuple[str, str], str]  # (lang, word) -> Place|Organization|title|thing
    reversals: dict[tuple[str, str, str], str]  # (lang, verb, relation) -> relation
    labelling: dict[tuple[str, str], str]  # (lang, word) -> verb | pejorative
    groupings: frozenset[tuple[str, str]]  # (lang, noun): "een vereniging van landen"
    #: (lang, noun) -> the flags of its descriptions.tsv row ("set", "modified", ...)
    description_flags: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)

    def predicate(self, lang: str, pos: str, lemma: str) -> tuple[Predicate, ...]:
        return self.predicates.get((lang, pos, normalise(lemma)), ())

    def modifier(self, lang: str, lemma: str, where: str) -> str | None:
        return self.modifiers.get((lang, normalise(lemma), where))

    def is_receive(self, lang: str, lemma: str) -> bool:
        return (lang, normalise(lemma)) in self.receive

    def is_proposal(self, lang: str, lemma: str) -> bool:
        return (lang, normalise(lemma)) in self.proposals

    def is_offer(self, lang: str, lemma: str) -> bool:
        """An offer or a signal of willingness, rather than a proposal or demand."""
        return self.proposals.get((lang, normalise(lemma))) == "offer"

    def reversal(self, lang: str, verb: str, relation: str) -> str | None:
        """The relation stated when ``verb`` ends or undoes what its object noun
        names ("verbrak de banden": sanctions), or None (reversals.tsv)."""
        return self.reversals.get((lang, normalise(verb), relation))

    def is_grouping(self, lang: str, lemma: str) -> bool:
        """ "vereniging", "bloc": a noun for an organisation of members (groupings.tsv)."""
        return (lang, normalise(lemma)) in self.groupings

    def is_naming_verb(self, lang: str, lemma: str) -> bool:
        """ "noemen", "call": verbs of naming someone something (labelling.tsv)."""
        return self.labelling.get((lang, normalise(lemma))) == "verb"

    def is_pejorative(self, lang: str, lemma: str) -> bool:
        """A word that condemns whoever it names; a Dutch compound by its last
        part of five letters or more ("oorlogsmisdadiger")."""
        return self.label_kind(lang, lemma) == "pejorative"

    def label_kind(self, lang: str, lemma: str) -> str | None:
        """ "pejorative" ("dictator"), "laudatory" ("vriend", "ally") or None: what
        a label says of whoever it names (labelling.tsv); a Dutch compound by its
        last part of five letters or more ("oorlogsmisdadiger")."""
        word = normalise(lemma)
        kind = self.labelling.get((lang, word))
        cuts = range(3, len(word) - 4) if lang == "nl" and kind is None else ()
        for cut in cuts:
            kind = self.labelling.get((lang, word[cut:]))
            if kind is not None:
                break
        return kind if kind in ("pejorative", "laudatory") else None

    def name_word(self, lang: str, word: str) -> str | None:
        """What a word in or before an unknown name says of it (names.tsv); a
        Dutch compound says what its last part says ("Dijkencentrum")."""
        word = word.lower()
        found = self.name_words.get((lang, word))
        for cut in range(3, len(word) - 3) if found is None and lang == "nl" else ():
            found = self.name_words.get((lang, word[cut:]))
            if found is not None:
                break
        return found

    def description(self, lang: str, lemma: str) -> tuple[str, bool] | None:
        return self.descriptions.get((lang, normalise(lemma)))

    def described_as(self, lang: str, lemma: str, flag: str) -> bool:
        """Whether a description noun carries ``flag`` in descriptions.tsv."""
        return flag in self.description_flags.get((lang, normalise(lemma)), frozenset())


def normalise(lemma: str) -> str:
    """Lemmas compare without case and without the treebank's compound marks
    (Lassy writes "af_wijzen" and "lucht_aanval")."""
    return lemma.lower().replace("_", "")


def _rows(name: str, width: int) -> list[tuple[int, list[str]]]:
    path = ontology_file(f"lexicon/{name}")
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t"), start=1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) < width:
                raise DataError(f"lexicon/{name} line {number}: expected {width} columns")
            rows.append((number, [cell.strip() for cell in row]))
    return rows


@functools.cache
def load_lexicon() -> Lexicon:
    predicates: dict[tuple[str, str, str], list[Predicate]] = defaultdict(list)
    for number, row in _rows("predicates.tsv", 5):
        lang, pos, lemma, relation, objects = row[:5]
        flags = set(row[5].split(",")) if len(row) > 5 and row[5] else set()
        for name in relation.split("/"):
            if not is_relation(name):
                raise DataError(f"lexicon/predicates.tsv line {number}: unknown relation {name!r}")
        predicates[(lang, pos, normalise(lemma))].append(
            Predicate(
                lemma,
                pos,
                relation,
                tuple(objects.split(",")),
                "hedged" in flags,
                "negated" in flags,
                "reverse" in flags,
                "states" in flags,
                "mutual" in flags,
                "bodies" in flags,
                "infinitive" in flags,
                "reciprocal" in flags,
                "events" in flags,
                "agent" in flags,
                tuple(row[6].lower().split()) if len(row) > 6 else (),
            )
        )
    modifiers = {}
    for number, (lang, lemma, effect, where) in _rows("modifiers.tsv", 4):
        if effect not in ("negate", "hedge"):
            raise DataError(f"lexicon/modifiers.tsv line {number}: effect must be negate or hedge")
        modifiers[(lang, normalise(lemma), where)] = effect
    receive = frozenset(
        (lang, normalise(lemma)) for _, (lang, lemma, *_rest) in _rows("receive.tsv", 2)
    )
    descriptions = {
        (row[0], normalise(row[1])): (row[2], len(row) > 3 and "capital" in row[3].split(","))
        for _, row in _rows("descriptions.tsv", 3)
    }
    roles = {role: relation for _, (role, relation) in _rows("roles.tsv", 2)}
    offices: dict[str, dict[str, str]] = defaultdict(dict)
    for number, (lang, word, role) in _rows("offices.tsv", 3):
        if role not in roles:
            raise DataError(f"lexicon/offices.tsv line {number}: role {role!r} not in roles.tsv")
        offices[lang][word.lower()] = role
    name_words = {}
    for number, (lang, word, means) in _rows("names.tsv", 3):
        if means not in NAME_WORD_MEANINGS:
            raise DataError(f"lexicon/names.tsv line {number}: unknown meaning {means!r}")
        name_words[(lang, word.lower())] = means
    reversals = {}
    for number, (lang, verb, relation, becomes) in _rows("reversals.tsv", 4):
        if not (is_relation(relation) and (is_relation(becomes) or becomes == NO_RELATION)):
            raise DataError(f"lexicon/reversals.tsv line {number}: unknown relation")
        reversals[(lang, normalise(verb), relation)] = becomes
    labelling = {}
    for number, (lang, word, kind) in _rows("labelling.tsv", 3):
        if kind not in LABEL_KINDS:
            raise DataError(f"lexicon/labelling.tsv line {number}: unknown kind {kind!r}")
        labelling[(lang, normalise(word))] = kind
    return Lexicon(
        {key: tuple(value) for key, value in predicates.items()},
        modifiers,
        receive,
        descriptions,
        roles,
        {(lang, normalise(lemma)): kind for _, (lang, lemma, kind) in _rows("kin.tsv", 3)},
        offices,
        {(lang, word): kind for _, (lang, word, kind) in _rows("attendance.tsv", 3)},
        _proposals(),
        name_words,
        reversals,
        labelling,
        frozenset((lang, normalise(lemma)) for _, (lang, lemma) in _rows("groupings.tsv", 2)),
        {
            (row[0], normalise(row[1])): frozenset(row[3].split(","))
            if len(row) > 3
            else frozenset()
            for _, row in _rows("descriptions.tsv", 3)
        },
    )


@functools.cache
def office_modifiers() -> dict[tuple[str, str], str]:
    """(lang, word) -> deputy | former: what the word says of an office's holder."""
    table = {}
    for number, (lang, word, kind) in _rows("office_modifiers.tsv", 3):
        if kind not in ("deputy", "former"):
            raise DataError(f"lexicon/office_modifiers.tsv line {number}: unknown kind {kind!r}")
        table[(lang, word.lower())] = kind
    return table


@functools.cache
def denial_words() -> dict[tuple[str, str], str]:
    """(lang, lemma) -> verb | noun: words that deny an accusation (denials.tsv)."""
    table = {}
    for number, (lang, word, kind) in _rows("denials.tsv", 3):
        if kind not in ("verb", "noun"):
            raise DataError(f"lexicon/denials.tsv line {number}: unknown kind {kind!r}")
        table[(lang, normalise(word))] = kind
    return table


@functools.cache
def function_words() -> frozenset[tuple[str, str]]:
    """(lang, word) for words never a name (function_words.tsv, from the treebanks)."""
    return frozenset((lang, word) for _, (lang, word) in _rows("function_words.tsv", 2))


def _proposals() -> dict[tuple[str, str], str]:
    proposals = {}
    for number, (lang, lemma, kind) in _rows("proposals.tsv", 3):
        if kind not in ("offer", "request"):
            raise DataError(f"lexicon/proposals.tsv line {number}: kind must be offer or request")
        proposals[(lang, normalise(lemma))] = kind
    return proposals


@functools.cache
def irregular_verb_bases() -> dict[tuple[str, str], str]:
    """(lang, past form) -> infinitive of Dutch strong and English irregular verbs
    (strong_verbs.tsv, irregular_verbs.tsv)."""
    return {
        (lang, form.strip()): base
        for name in ("strong_verbs.tsv", "irregular_verbs.tsv")
        for _, (lang, base, forms) in _rows(name, 3)
        for form in forms.split(",")
    }


def verb_lemma_candidates(form: str, lang: str) -> list[str]:
    """Lemmas a verb form may have, for when the lemmatizer slips: an irregular
    past ("tore" -> "tear", "hief" -> "heffen"), or a regular form: English
    "slammed" -> "slam", "urged" -> "urge", "denies" -> "deny"; Dutch "stemt" ->
    "stemmen", "beschuldigde" -> "beschuldigen"."""
    candidates: list[str] = []
    irregular = irregular_verb_bases().get((lang, form.lower()))
    if irregular:
        candidates.append(irregular)
    if lang == "en":
        for suffix in ("ing", "ed", "es", "s", "d"):
            if form.endswith(suffix) and len(form) > len(suffix) + 2:
                stem = form[: -len(suffix)]
                candidates += [stem, stem + "e"]
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    candidates.append(stem[:-1])  # slammed -> slam
                if stem.endswith("i"):
                    candidates.append(stem[:-1] + "y")  # denied -> deny
    elif lang == "nl":
        stem = form
        for suffix in ("den", "ten", "de", "te", "en", "t", "d"):
            if form.endswith(suffix) and len(form) > len(suffix) + 2:
                stem = form[: -len(suffix)]
                break
        if stem.startswith("ge") and len(stem) > 5:
            candidates.append(stem[2:] + "en")
        candidates += [stem + "en", stem + stem[-1] + "en"]  # stemt -> stemmen
        if len(stem) > 2 and stem[-2] == stem[-3] and stem[-2] in "aeou":
            candidates.append(stem[:-2] + stem[-1] + "en")  # maakt -> maken
    return [normalise(c) for c in dict.fromkeys(candidates)]
