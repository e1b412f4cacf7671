"""The rules that state relations: one stable name per construction.

Every ``Relation`` records the rule that produced it (``Relation.rule``, the
``rule`` field of the JSONL, ``kg:rule`` in RDF), so that ``kg evaluate
--by-rule`` measures each rule's precision and a bad one is found by measurement.

One naming scheme: ``family.construction``, where the family is the module that
holds the rule (``verb``/``noun``/``adjective`` for the lexicon's predicates in
``kg.extract.predicates``) and the construction says how the arguments were
found. A statement derived from another keeps the rule of what it came from with
a ``+derivation`` suffix: ``noun.light_verb+mutual`` is the reverse of an accord,
``verb+reciprocal`` a pair among the subjects of "ontmoetten elkaar". The table
below is the one list; ``docs/RULES.md`` shows it (a test keeps the two in step).
"""

from __future__ import annotations

# ---- kg.extract.predicates: the lexicon's verbs, nouns and adjectives -------
VERB = "verb"
VERB_PARTICIPLE = "verb.participle"
VERB_ANAPHORIC_OBJECT = "verb.anaphoric_object"
VERB_BARE_OBJECT = "verb.bare_object"
VERB_COMPLEMENT_OBJECT = "verb.complement_object"
ADJECTIVE = "adjective"
NOUN = "noun"
NOUN_LIGHT_VERB = "noun.light_verb"
NOUN_SOUGHT = "noun.sought"
NOUN_REPORTED = "noun.reported"
NOUN_NEAREST = "noun.nearest"
NOUN_RELATIVE = "noun.relative"
NOUN_AGENT = "noun.agent"
NOUN_BETWEEN = "noun.between"
NOUN_RECEIVED = "noun.received"
# ---- kg.extract.states: how actors are named ---------------------------------
ROLE_NAMED = "role.named"
ROLE_INFERRED = "role.inferred"
ROLE_SET = "role.set"
KIN = "kin"
PLACE_CAPITAL = "place.capital"
PLACE_NOUN = "place.noun"
PLACE_IN_CITY = "place.in_city"
AFFILIATION = "affiliation"
GROUP_MEMBERS = "group.members"
SET_BODY = "set.body"
SET_ALLIES = "set.allies"
# ---- kg.extract.copula: what an actor is said to be ---------------------------
COPULA_NOMINAL = "copula.nominal"
COPULA_BODY = "copula.body"
COPULA_OFFICE = "copula.office"
COPULA_JOINT = "copula.joint"
COPULA_STANCE = "copula.stance"
# ---- kg.extract.attendance: events --------------------------------------------
ATTENDANCE_PLACE = "attendance.place"
ATTENDANCE_COUNTRY = "attendance.country"
ATTENDANCE_DURING = "attendance.during"
ATTENDANCE_PRESENT = "attendance.present"
ATTENDANCE_ACT = "attendance.act"
# ---- the other constructions, one module each ---------------------------------
ADJUNCT_MEETING = "adjunct.meeting"
ATTRIBUTION_ACCORDING_TO = "attribution.according_to"
ATTRIBUTION_REPORTED = "attribution.reported"
ATTRIBUTION_CONDEMNATION = "attribution.condemnation"
ATTRIBUTION_DIRECTIVE = "attribution.directive"
WITHHOLDING = "withholding"
LABEL = "label"
LOCATIVE_VISIT = "locative.visit"
LOCATIVE_DEPARTURE = "locative.departure"
LOCATIVE_STACKED = "locative.stacked"
ELLIPSIS = "ellipsis"
BRIDGING = "bridging"
DENIAL = "denial"

# ---- derivations: a statement made from another keeps its rule plus one -----
#: the reverse of a mutual predicate ("an accord between A and B binds both ways")
MUTUAL = "mutual"
#: a pair among two or more subjects of a two-way predicate ("ontmoetten elkaar")
RECIPROCAL = "reciprocal"
#: every pair of the parties "between A, B and C"
PAIRWISE = "pairwise"
#: the author of a proposal that is accepted or rejected requested it
ANSWERED = "answered"

#: rule -> (module, what it states); the order is the documentation's.
RULES: dict[str, tuple[str, str]] = {
    VERB: (
        "predicates",
        "a lexicon verb, subject and object from the parse "
        '("Rusland steunt Iran", passive agents, coordination, control)',
    ),
    VERB_PARTICIPLE: (
        "predicates",
        'a participle modifying its object, the agent the subject ("de door Iran gesteunde '
        'milities")',
    ),
    VERB_ANAPHORIC_OBJECT: (
        "predicates",
        "a lexicon verb whose object is a pronoun or description resolved from the discourse",
    ),
    VERB_BARE_OBJECT: (
        "predicates",
        'a lexicon verb whose object the parser left as a bare oblique ("riep Rusland op")',
    ),
    VERB_COMPLEMENT_OBJECT: (
        "predicates",
        'a verb with an ``xobj`` slot, the object from its infinitive ("threatened to destroy X")',
    ),
    ADJECTIVE: ("predicates", 'a lexicon adjective with its subject ("is kritisch over X")'),
    NOUN: (
        "predicates",
        'a relation noun whose own phrase names the subject: possessor, demonym, "van/of", '
        'the pair it names ("Russia\'s support for Iran", "de Israëlische aanval op Gaza")',
    ),
    NOUN_LIGHT_VERB: (
        "predicates",
        "a relation noun object of a verb, the verb's subject its subject (\"Japan beloofde "
        'steun aan Taiwan")',
    ),
    NOUN_SOUGHT: (
        "predicates",
        "a relation noun completing a noun of seeking, the seeker its subject "
        '("Serbia\'s membership bid", "de Macedonische aanvraag voor lidmaatschap")',
    ),
    NOUN_REPORTED: (
        "predicates",
        "a relation noun subject of a reported clause, the reporting verb's subject its "
        'subject ("X liet zien dat de banden met Y werden versterkt")',
    ),
    NOUN_NEAREST: (
        "predicates",
        "a relation noun with no subject of its own or of its verb: the nearest actor before "
        'it ("X ... steun aan Moskou in de oorlog")',
    ),
    NOUN_RELATIVE: (
        "predicates",
        'a relation noun whose relative clause carries the arguments ("de wapenstilstand '
        'die ze met X sloten")',
    ),
    NOUN_AGENT: (
        "predicates",
        'an agent noun ("bondgenoot", "ally", "voorstander") and whom it is said of',
    ),
    NOUN_BETWEEN: ("predicates", 'a relation noun "between A and B" ("de top tussen A en B")'),
    NOUN_RECEIVED: (
        "predicates",
        'a relation noun received from someone ("kreeg lof van Japan"): the giver is the subject',
    ),
    ROLE_NAMED: (
        "states",
        'a role noun beside a named person ("de Chinese president Xi Jinping") -> leaderOf/'
        "memberOf",
    ),
    ROLE_INFERRED: (
        "states",
        'a role noun standing alone ("de Chinese president"): the holder inferred at the '
        "article's date",
    ),
    ROLE_SET: ("states", '"the leaders of Turkey and Germany": each leads the state he heads'),
    KIN: ("states", 'a family noun beside a name ("zijn vader Kim Jong-il") -> childOf'),
    PLACE_CAPITAL: (
        "states",
        'a capital named by description ("de Chinese hoofdstad") -> locatedIn its state',
    ),
    PLACE_NOUN: (
        "states",
        'a place noun before a name ("de hoofdstad Bamako") -> locatedIn its country',
    ),
    PLACE_IN_CITY: (
        "states",
        'a person acting "in" a foreign city ("Xi sprak in Moskou") -> visits',
    ),
    AFFILIATION: ("states", 'a person "of" an organisation ("X van de ChristenUnie") -> memberOf'),
    GROUP_MEMBERS: (
        "states",
        'states named in a grouping noun in apposition ("een vereniging van landen met '
        'onder andere X") -> memberOf',
    ),
    SET_BODY: (
        "states",
        'states named as a set of a body\'s members ("de twee EU-lidstaten") -> memberOf',
    ),
    SET_ALLIES: (
        "states",
        'states named as a set of allies ("the NATO allies") -> allyOf each other',
    ),
    COPULA_NOMINAL: (
        "copula",
        'a predicate nominal ("A en B zijn bondgenoten", "Japan is an ally of the US")',
    ),
    COPULA_BODY: (
        "copula",
        'an organisation modifying a predicate nominal ("NAVO-bondgenoten") -> memberOf',
    ),
    COPULA_OFFICE: (
        "copula",
        'an office by copula or appointment ("X is lid van de NAVO", "werd benoemd tot '
        'premier van Y")',
    ),
    COPULA_JOINT: (
        "copula",
        'a shared thing relates its authors ("een gezamenlijke verklaring van A en B")',
    ),
    COPULA_STANCE: (
        "copula",
        'a stance by copula and adposition ("Ivanov is tegen het referendum") -> rejects',
    ),
    ATTENDANCE_PLACE: ("attendance", 'an event "in" a place ("de top in Singapore") -> locatedIn'),
    ATTENDANCE_COUNTRY: (
        "attendance",
        'an event named after its state ("the Macedonian referendum") -> locatedIn',
    ),
    ATTENDANCE_DURING: (
        "attendance",
        'the actors of a clause "during"/"at" an event ("Tijdens de parade stond Kim ...") '
        "-> attends",
    ),
    ATTENDANCE_PRESENT: (
        "attendance",
        'actors "present" ("aanwezig") at the latest event -> attends',
    ),
    ATTENDANCE_ACT: (
        "attendance",
        "people who address, speak at, meet on the sidelines of or meet between an event "
        "-> attends",
    ),
    ADJUNCT_MEETING: (
        "adjuncts",
        'a meeting noun in an adjunct of a clause with two subjects ("At a summit in '
        'Brussels, A and B agreed") -> meets',
    ),
    ATTRIBUTION_ACCORDING_TO: (
        "attribution",
        '"volgens X, Y saboteert ...", "according to X": the source accuses the subject',
    ),
    ATTRIBUTION_REPORTED: (
        "attribution",
        'a clause of wrongdoing reported by a speaker ("X said Y violated the truce") -> accuses',
    ),
    ATTRIBUTION_CONDEMNATION: (
        "attribution",
        'a condemnatory word said of an actor ("Russia\'s reckless actions"), with a known '
        "speaker -> accuses",
    ),
    ATTRIBUTION_DIRECTIVE: (
        "attribution",
        'a reported clause of obligation ("China vindt dat de VN Pyongyang moet belonen") '
        "-> requests",
    ),
    WITHHOLDING: (
        "withholding",
        'a warning that a benefit will not come ("no loans for Hungary") -> threatens',
    ),
    LABEL: (
        "labels",
        'a verb of naming with a label ("noemde Poetin een oorlogsmisdadiger") -> accuses/supports',
    ),
    LOCATIVE_VISIT: (
        "locatives",
        'a foreign person "in <country>" in a copular or meeting clause ("Lula was in China") '
        "-> visits",
    ),
    LOCATIVE_DEPARTURE: (
        "locatives",
        'leaving or coming back from a foreign place ("He left Pyongyang") -> visits',
    ),
    LOCATIVE_STACKED: (
        "locatives",
        'stacked locatives and demonyms ("in Mombasa in Kenya", "the Kenyan city of '
        'Mombasa") -> locatedIn',
    ),
    ELLIPSIS: (
        "ellipsis",
        'predicate ellipsis ("Ierland deed hetzelfde", "followed suit"): the antecedent\'s '
        "statements for the new subject",
    ),
    BRIDGING: (
        "bridging",
        'a definite event noun without parties ("nam deel aan de gesprekken"): the parties '
        "of the last matching event",
    ),
    DENIAL: (
        "denials",
        'denying an accusation stated before ("Algeria denied the allegations") -> the '
        "denier rejects the accuser",
    ),
}

#: derivation -> what it derives; a derived rule is ``<rule>+<derivation>``.
DERIVATIONS: dict[str, str] = {
    MUTUAL: "the reverse statement of a mutual predicate (an accord binds both ways)",
    RECIPROCAL: 'each pair among two or more subjects ("Trump en Kim ontmoetten elkaar")',
    PAIRWISE: 'each pair of the parties "between A, B and C"',
    ANSWERED: "the request of the author of a proposal that is accepted or rejected",
}


def derived(rule: str, derivation: str) -> str:
    """The rule of a statement derived from one made by ``rule``."""
    return f"{rule}+{derivation}"


def base(rule: str) -> str:
    """The rule without its derivations: ``verb+mutual`` -> ``verb``."""
    return rule.split("+", 1)[0]


def is_known(rule: str) -> bool:
    """Whether ``rule`` is a rule of the table with known derivations."""
    name, *derivations = rule.split("+")
    return name in RULES and all(d in DERIVATIONS for d in derivations)
