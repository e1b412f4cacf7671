"""How sure the extractor is of a statement: the one table of confidence values.

A statement's confidence is the value of the rule that made it (``kg.extract.rules``,
``docs/RULES.md``); for the lexicon's predicates it is a base value times the weight of
each argument (how it was found) times ``UNKNOWN_ACTOR`` for each end the gazetteer
does not know. Values order the statements by how often they are right; the
measurement per rule and per band on the development sets is in ``docs/QUALITY.md``
("Confidence"). Some values are also thresholds: ``WEAK`` drops weak statements
between two unknown names, an ellipsis inherits only from statements above
``ELLIPSIS_ANTECEDENT``, bridging joins only events above ``BRIDGING``; changing a
value can change what is extracted, so run ``scripts/evaluate_dev.py`` after any edit.
"""

from __future__ import annotations

# ---- the lexicon's predicates (kg.extract.predicates): base values -------------
#: a verb (or adjective) of the lexicon with its arguments in the parse: the most direct
VERB = 0.9
#: a relation noun hung on another word ("beloofde steun aan"): the word ties it to the clause
NOUN_GOVERNED = 0.85
#: a relation noun standing alone (a heading, a list): less says who does it
NOUN_ALONE = 0.75
#: factor for each end the gazetteer does not know: a name found by rule may be no actor
UNKNOWN_ACTOR = 0.85
#: no statement is certain
CEILING = 0.99

# ---- argument weights: how an argument was found --------------------------------
#: an argument where the parse puts it: nothing taken off
AS_PARSED = 1.0
#: each member of a set ("beide landen", "they", "Sino-Indian"): the set may be misread
SET_MEMBER = 0.85
#: a thing standing for its owner ("de wapens van Duitsland"): one step from the actor
OWNER_OF_THING = 0.7
#: an office whose holder is not named stands for its body ("doodde de Hamasleider")
BODY_OF_OFFICE = 0.7
#: a person named after a noun and a comma ("the top official, Wang Yi,"), any parse
NAME_AFTER_COMMA = 0.8
#: the owner named in a compound ("een Ryanair-vliegtuig") or one "of" deeper
OWNER_INDIRECT = 0.8
#: a core argument the parser mislabelled (a bare oblique, a fronted object)
MISPARSED = 0.8
#: a demonym coordinated with a name ("US, French and Turkish forces"): its state
DEMONYM_CONJUNCT = 0.8
#: a body named in a hyphened compound ("het EU-lidmaatschap")
COMPOUND_BODY = 0.8
#: the subject of the copula a relative clause's nominal belongs to ("one of the countries that")
COPULA_SUBJECT = 0.85
#: the subject of a reported clause as the object ("waarschuwde dat de EU ...")
CLAUSE_SUBJECT = 0.7
#: an actor a non-actor phrase is aimed at ("vergelding tegen Israël")
TARGET_WITHIN = 0.8
#: the owner of the noun a participle modifies ("de door Iran gesteunde troepen van X")
PARTICIPLE_OWNER = 0.8
#: the actor before the hyphen of a participle ("Iran-backed"): clear, but no parse
HYPHENED_AGENT = 0.9
#: a relation noun's own possessor, demonym or "van" phrase: its doer, as written
NOUN_OWN = 0.9
#: the subject of the clause that reports a relation noun ("liet zien dat de banden ...")
NOUN_REPORTED = 0.75
#: the owner of the bid a relation noun completes ("Serbia's membership bid")
SEEKER = 0.8
#: the nearest actor before a relation noun with no subject of its own: a guess
NOUN_NEAREST = 0.65
#: the author of a proposal named in the sentence before ("die aanbiedingen" of Trump)
ANAPHORIC_AUTHOR = 0.6

# ---- the other rules: one value each --------------------------------------------
#: a role noun beside a named person: the text names both ends
ROLE_NAMED = 0.9
#: a role noun alone ("de Chinese president"): the holder is inferred at the article's date
ROLE_INFERRED = 0.75
#: "the leaders of A and B": each holder is inferred from the gazetteer
ROLE_SET = 0.75
#: a family noun beside a name ("zijn vader Kim Jong-il")
KIN = 0.8
#: a capital named by description ("de Chinese hoofdstad"): the description says it
PLACE_CAPITAL = 0.8
#: a place noun before a name ("de hoofdstad Bamako"): the country is the gazetteer's
PLACE_NOUN = 0.7
#: a person acting "in" a foreign city visits it: a person may live or work there
PLACE_IN_CITY = 0.6
#: a person "of" an organisation ("X van de ChristenUnie"): "of" is not always membership
AFFILIATION = 0.7
#: states named in a grouping noun in apposition ("een vereniging van landen met ...")
GROUP_MEMBERS = 0.7
#: states named as a set of a body's members ("de twee EU-lidstaten") are its members
SET_BODY = 0.7
#: states named as a set of allies ("the NATO allies") are allies of each other
SET_ALLIES = 0.7
#: a predicate nominal ("A en B zijn bondgenoten"): said outright
COPULA_NOMINAL = 0.75
#: the organisation modifying a predicate nominal ("NAVO-bondgenoten")
COPULA_BODY = 0.7
#: an office by copula or appointment ("X is lid van de NAVO")
COPULA_OFFICE = 0.75
#: a stance by copula and adposition ("is tegen het referendum"): plain, but a PP
#: predicate is easily misparsed
COPULA_STANCE = 0.7
#: a shared thing relates its authors ("een gezamenlijke verklaring van A en B")
COPULA_JOINT = 0.7
#: an event "in" a place ("de top in Singapore")
ATTENDANCE_PLACE = 0.8
#: an event named after its state ("the Macedonian referendum")
ATTENDANCE_COUNTRY = 0.7
#: the actors of a clause during an event: being there is implied, not said
ATTENDANCE_DURING = 0.7
#: actors "present" at the latest event named: the event is found by distance
ATTENDANCE_PRESENT = 0.6
#: people who address, speak at or meet on the sidelines of an event
ATTENDANCE_ACT = 0.7
#: a meeting noun in an adjunct of a clause with two subjects: the meeting is implied
ADJUNCT_MEETING = 0.6
#: what a speaker is reported to say of a target (accusations, requests): reported, so less sure
ATTRIBUTION = 0.6
#: a warning that a benefit will not come ("no loans for Hungary"): a threat by implication
WITHHOLDING = 0.6
#: a verb of naming with a label ("noemde Poetin een oorlogsmisdadiger")
LABEL = 0.7
#: a foreign person "in <country>" in a copular or meeting clause: a visit implied
LOCATIVE_VISIT = 0.6
#: leaving a foreign place ("He left Pyongyang"): having been there implied
LOCATIVE_DEPARTURE = 0.6
#: stacked locatives and demonyms ("in Mombasa in Kenya")
LOCATIVE_STACKED = 0.7
#: at most this for a statement inherited by ellipsis ("Ierland deed hetzelfde")
ELLIPSIS = 0.6
#: a statement an ellipsis may inherit is above this (weaker ones are not repeated)
ELLIPSIS_ANTECEDENT = ELLIPSIS - 0.2
#: bridged statements ("nam deel aan de gesprekken"), and the least an event they join has
BRIDGING = 0.5
#: a denial of an accusation stated before ("Algeria denied the allegations"): the
#: accuser is found in the discourse, not in the clause
DENIAL = 0.7

# ---- thresholds ----------------------------------------------------------------
#: below this a statement between two actors the gazetteer does not know is dropped
WEAK = 0.5
