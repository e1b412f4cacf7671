"""Each argument strategy and each veto of the lexicon's predicates on a parse
built by hand (``kg.extract.subjects``, ``kg.extract.objects``,
``kg.extract.nouns``, ``kg.extract.predicates``, ``kg.extract.vetoes``), so that
a strategy's test never depends on a model's mood."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract import confidence as conf
from kg.extract import nouns, objects, predicates, rules, subjects, vetoes
from kg.extract.sites import Found, Pair
from kg.gazetteer import load_gazetteer
from kg.lexicon import NO_RELATION, load_lexicon
from kg.records import Document
from kg.resolve import resolve

VOCABS = {"nl": spacy.blank("nl").vocab, "en": spacy.blank("en").vocab}


#: Sentences more than one test reads.
POLAND_SUPPORTS_LITHUANIA = """
Polen 1 nsubj PROPN
steunt 1 ROOT VERB steunen
Litouwen 1 obj PROPN
"""
TRUMP_THREATENS_VENEZUELA = """
Trump 1 nsubj PROPN
dreigde 1 ROOT VERB dreigen
Venezuela 4 obj PROPN
te 4 mark ADP
vernietigen 1 xcomp VERB
"""
RUSSIAN_ATTACK = """
de 2 det DET
Russische 2 amod ADJ Russisch
aanval 2 ROOT NOUN
op 4 case ADP
Georgië 2 nmod PROPN
"""
# "gisteren" between the verb and the second name: adjacent names around the verb
# are set right before extraction (kg.resolve.word_order), and these parses are
# here to test the strategies for the misparses that repair leaves alone
JAPAN_CALLS_ON_RUSSIA = """
Japan 1 nsubj PROPN
riep 1 ROOT VERB roepen
gisteren 1 advmod ADV
Rusland 1 obl PROPN
op 1 compound:prt ADP
"""
RUSSIA_ATTACKS_GEORGIA = """
Rusland 1 nsubj PROPN
viel 1 ROOT VERB vallen
gisteren 1 advmod ADV
Georgië 1 nsubj PROPN
aan 1 compound:prt ADP
"""


class Parsed:
    """A sentence parsed by hand and resolved: ``rows`` is one token a line,
    ``word head dep pos [lemma [morph]]``, the head by index."""

    def __init__(self, rows: str, lang: str = "nl") -> None:
        fields = [line.split() for line in rows.strip().splitlines()]
        self.doc = Doc(
            VOCABS[lang],
            words=[f[0] for f in fields],
            heads=[int(f[1]) for f in fields],
            deps=[f[2] for f in fields],
            pos=[f[3] for f in fields],
            lemmas=[f[4] if len(f) > 4 else f[0] for f in fields],
            morphs=[f[5] if len(f) > 5 else "" for f in fields],
            sent_starts=[i == 0 for i in range(len(fields))],
        )
        self.lang = lang
        self.document = Document(id="t", text=self.doc.text, lang=lang, date="2024-03-14")
        self.resolution = resolve(self.doc, self.document)

    def __getitem__(self, word: str):
        return next(t for t in self.doc if t.text == word)

    def site(self, word: str, pos: str = "VERB", lemma: str | None = None):
        token = self[word]
        predicate = load_lexicon().predicate(self.lang, pos, lemma or token.lemma_)[0]
        return predicates.site_of(token, predicate, self.lang, self.resolution, load_lexicon())

    def pair(self, site, subject: str, obj: str, relation: str | None = None, **argument):
        """The pair ``site`` reads of the words ``subject`` and ``obj``, its relation
        ``relation`` where given."""
        first = predicates.Argument(self.resolution.actor_at(self[subject]), self[subject])
        second = predicates.Argument(self.resolution.actor_at(self[obj]), self[obj], **argument)
        pair = predicates.pair_of(site, first, second)
        if relation is None:
            return pair
        return Pair(first, second, relation, pair.subject_actor, pair.object_actor)


def names(arguments) -> list[str]:
    return [a.actor.name for a in arguments]


def predicate(lang: str, pos: str, lemma: str, relation: str | None = None):
    entries = load_lexicon().predicate(lang, pos, lemma)
    return next(p for p in entries if relation is None or p.relation == relation)


def actor(key: str):
    return load_gazetteer().actors[key]


# ---- kg.extract.subjects ----------------------------------------------------------


def test_passive_agents():
    s = Parsed("""
        Georgië 4 nsubj:pass PROPN
        werd 4 aux:pass AUX worden
        door 3 case ADP
        Rusland 4 obl:agent PROPN
        bedreigd 4 ROOT VERB bedreigen
        . 4 punct PUNCT
    """)
    assert names(subjects.passive_agents(s["bedreigd"], s.resolution, "nl")) == ["Russia"]
    assert subjects.passive_agents(s["Rusland"], s.resolution, "nl") is None


def test_name_before_verb():
    # "Macron, gisteren nog in Tokio, prees Japan" read with the name as the root
    s = Parsed("""
        Macron 0 ROOT PROPN
        prees 0 parataxis VERB prijzen
        Japan 1 obj PROPN
        . 0 punct PUNCT
    """)
    found = subjects.name_before_verb(s["prees"], s.resolution, "nl")
    assert names(found) == ["Emmanuel Macron"]
    assert found[0].weight == conf.MISPARSED


def test_own_subject_is_the_first_of_two():
    s = Parsed(RUSSIA_ATTACKS_GEORGIA)
    assert names(subjects.own_subject(s["viel"], s.resolution, "nl")) == ["Russia"]


def test_own_subject_of_a_relative_clause_is_its_antecedent():
    s = Parsed("""
        Japan 0 ROOT PROPN
        , 3 punct PUNCT
        dat 3 nsubj PRON dat PronType=Rel
        steunt 0 acl:relcl VERB steunen
        Taiwan 3 obj PROPN
    """)
    assert names(subjects.own_subject(s["steunt"], s.resolution, "nl")) == ["Japan"]


def test_auxiliary_subject():
    s = Parsed("""
        heeft 3 aux AUX hebben
        Duitsland 0 nsubj PROPN
        Polen 3 obj PROPN
        gesteund 3 ROOT VERB steunen
    """)
    assert names(subjects.auxiliary_subject(s["gesteund"], s.resolution, "nl")) == ["Germany"]


def test_bare_oblique_subject():
    s = Parsed("""
        Iran 1 obl PROPN
        veroordeelde 1 ROOT VERB veroordelen
        gisteren 1 advmod ADV
        Israël 1 obj PROPN
        . 1 punct PUNCT
    """)
    found = subjects.bare_oblique_subject(s["veroordeelde"], s.resolution, "nl")
    assert names(found) == ["Iran"]
    assert found[0].weight == conf.MISPARSED


def test_fronted_object_subject():
    s = Parsed("""
        Scholz 1 obj PROPN
        bezocht 1 ROOT VERB bezoeken
        Parijs 1 obj PROPN
        . 1 punct PUNCT
    """)
    assert names(subjects.fronted_object_subject(s["bezocht"], s.resolution, "nl")) == [
        "Olaf Scholz"
    ]


def test_relative_antecedent_is_the_subject_of_the_copula():
    # "Kenia is het land dat Kosovo erkende", the relative pronoun read as an object
    s = Parsed("""
        Kenia 3 nsubj PROPN
        is 3 cop AUX zijn
        het 3 det DET
        land 3 ROOT NOUN
        dat 6 obj PRON
        Kosovo 6 obj PROPN
        erkende 3 acl:relcl VERB erkennen
    """)
    found = subjects.relative_antecedent(s["erkende"], s.resolution, "nl")
    assert names(found) == ["Kenya"]
    assert found[0].weight == conf.COPULA_SUBJECT


def test_asked_is_the_addressee_of_a_request():
    s = Parsed("""
        Japan 1 nsubj PROPN
        riep 1 ROOT VERB roepen
        China 1 obj PROPN
        op 1 compound:prt ADP
        om 7 mark ADP
        sancties 7 obj NOUN sanctie
        te 7 mark ADP
        stoppen 1 advcl VERB
    """)
    assert names(subjects.asked(s["stoppen"], s.resolution, "nl")) == ["China"]


def test_raised_subject():
    s = Parsed("""
        Japan 2 nsubj:pass PROPN
        wordt 2 aux:pass AUX worden
        geacht 2 ROOT VERB achten
        te 4 mark ADP
        tekenen 2 xcomp VERB
    """)
    assert names(subjects.raised_subject(s["tekenen"], s.resolution, "nl")) == ["Japan"]
    assert names(subjects.subjects_of(s["tekenen"], s.resolution, "nl")) == ["Japan"]


def test_a_coordinated_verb_shares_the_subject():
    s = Parsed("""
        Kim 1 nsubj PROPN
        lachte 1 ROOT VERB lachen
        en 3 cc CCONJ
        beloofde 1 conj VERB beloven
        steun 3 obj NOUN
    """)
    assert subjects.shares_subject(s["beloofde"])
    assert names(subjects.subjects_of(s["beloofde"], s.resolution, "nl")) == ["Kim Jong-un"]


# ---- kg.extract.objects -------------------------------------------------------------


def test_direct_objects_and_a_passive_subject():
    s = Parsed(POLAND_SUPPORTS_LITHUANIA)
    supports = predicate("nl", "VERB", "steunen")
    found = objects.direct_objects(s["steunt"], "obj", supports, s.resolution)
    assert names(found) == ["Lithuania"]
    passive = Parsed("""
        Litouwen 2 nsubj:pass PROPN
        wordt 2 aux:pass AUX worden
        gesteund 2 ROOT VERB steunen
    """)
    found = objects.direct_objects(passive["gesteund"], "obj", supports, passive.resolution)
    assert names(found) == ["Lithuania"]


def test_subject_after_root_name():
    s = Parsed("""
        Macron 0 ROOT PROPN
        prees 0 parataxis VERB prijzen
        Japan 1 nsubj PROPN
    """)
    praises = predicate("nl", "VERB", "steunen")
    found = objects.subject_after_root_name(s["prees"], "obj", praises, s.resolution)
    assert names(found) == ["Japan"]


def test_second_subject():
    s = Parsed(RUSSIA_ATTACKS_GEORGIA)
    attacks = predicate("nl", "VERB", "aanvallen")
    assert names(objects.second_subject(s["viel"], "obj", attacks, s.resolution)) == [
        "Georgia (country)"
    ]


def test_second_subject_of_governor():
    s = Parsed("""
        Merkel 1 nsubj PROPN
        zegt 1 ROOT VERB zeggen
        Litouwen 1 nsubj PROPN
        te 4 mark ADP
        steunen 1 xcomp VERB
    """)
    supports = predicate("nl", "VERB", "steunen")
    found = objects.second_subject_of_governor(s["steunen"], "obj", supports, s.resolution)
    assert names(found) == ["Lithuania"]


def test_place_of_target():
    s = Parsed("""
        Rusland 1 nsubj PROPN
        beschoot 1 ROOT VERB beschieten
        dorpen 1 obj NOUN dorp
        in 5 case ADP
        noordelijk 5 amod ADJ
        Georgië 2 nmod PROPN
    """)
    attacks = predicate("nl", "VERB", "aanvallen")
    assert names(objects.place_of_target(s["beschoot"], "obj", attacks, s.resolution)) == [
        "Georgia (country)"
    ]
    supports = predicate("nl", "VERB", "steunen")
    assert objects.place_of_target(s["beschoot"], "obj", supports, s.resolution) == []


def test_name_as_predicate():
    s = Parsed("""
        Japan 1 nsubj PROPN
        erkende 1 ROOT VERB erkennen
        Kosovo 1 xcomp PROPN
    """)
    supports = predicate("nl", "VERB", "steunen")
    found = objects.name_as_predicate(s["erkende"], "obj", supports, s.resolution)
    assert names(found) == ["Kosovo"]


def test_reported_subjects():
    s = Parsed("""
        Japan 1 nsubj PROPN
        waarschuwde 1 ROOT VERB waarschuwen
        dat 4 mark SCONJ
        China 4 nsubj PROPN
        bewapent 1 ccomp VERB bewapenen
    """)
    found = objects.reported_subjects(s["waarschuwde"], s.resolution)
    assert names(found) == ["China"]
    assert found[0].weight == conf.CLAUSE_SUBJECT


def test_compound_bodies():
    s = Parsed("""
        het 2 det DET
        NAVO 2 compound PROPN
        lidmaatschap 2 ROOT NOUN
    """)
    assert names(objects.compound_bodies(s["lidmaatschap"], s.resolution)) == ["NATO"]


def test_prepositional_objects_on_the_governor():
    # "beloofde steun aan Georgië", the phrase hung on the verb
    s = Parsed("""
        Polen 1 nsubj PROPN
        beloofde 1 ROOT VERB beloven
        steun 1 obj NOUN
        aan 4 case ADP
        Georgië 1 obl PROPN
    """)
    found = objects.prepositional_objects("aan", s["steun"], s["beloofde"], s.resolution)
    assert names(found) == ["Georgia (country)"]
    assert objects.prepositional_objects("aan", s["steun"], None, s.resolution) == []


def test_threatened_target():
    s = Parsed(TRUMP_THREATENS_VENEZUELA)
    threatens = predicate("nl", "VERB", "dreigen")
    found = objects.threatened_target(s["dreigde"], threatens, s.resolution, None)
    assert names(found) == ["Venezuela"]


def test_light_verb_recipients():
    s = Parsed("""
        Duitsland 1 nsubj PROPN
        zegde 1 ROOT VERB zeggen
        Georgië 1 iobj PROPN
        steun 1 obj NOUN
        toe 1 compound:prt ADP
    """)
    supports = predicate("nl", "NOUN", "steun")
    found = objects.light_verb_recipients(s["steun"], supports, s.resolution, s["zegde"])
    assert names(found) == ["Georgia (country)"]
    assert objects.light_verb_recipients(s["steun"], supports, s.resolution, None) == []


# ---- kg.extract.nouns ---------------------------------------------------------------

NOUN_ARGS = ("nl", load_lexicon())


def noun_strategy(strategy, s: Parsed, word: str, lemma: str | None = None, relation=None):
    noun = s[word]
    entry = predicate("nl", "NOUN", lemma or noun.lemma_, relation)
    return strategy(noun, entry, s.resolution, *NOUN_ARGS)


def test_received():
    s = Parsed("""
        Japan 1 nsubj PROPN
        kreeg 1 ROOT VERB krijgen
        lof 1 obj NOUN
        van 4 case ADP
        Canada 2 nmod PROPN
    """)
    found = noun_strategy(nouns.received, s, "lof")
    assert found.rule == rules.NOUN_RECEIVED
    assert (names(found.subjects), names(found.objects)) == (["Canada"], ["Japan"])


def test_named_set():
    s = Parsed("""
        hun 1 nmod:poss PRON
        gesprekken 1 ROOT NOUN gesprek
    """)
    s.resolution.sets[0] = [actor("japan"), actor("south_korea")]
    found = noun_strategy(nouns.named_set, s, "gesprekken")
    assert found.rule == rules.NOUN
    assert names(found.subjects) == ["Japan", "South Korea"]


def test_own_doer():
    s = Parsed(RUSSIAN_ATTACK)
    found = noun_strategy(nouns.own_doer, s, "aanval")
    assert (found.rule, names(found.subjects)) == (rules.NOUN, ["Russia"])
    assert found.subjects[0].weight == conf.NOUN_OWN


def test_sought():
    s = Parsed("""
        de 2 det DET
        Servische 2 amod ADJ Servisch
        aanvraag 2 ROOT NOUN
        voor 4 case ADP
        lidmaatschap 2 nmod NOUN
    """)
    found = noun_strategy(nouns.sought, s, "lidmaatschap")
    assert (found.rule, names(found.subjects)) == (rules.NOUN_SOUGHT, ["Serbia"])


def test_light_verb():
    s = Parsed("""
        Kim 1 nsubj PROPN
        beloofde 1 ROOT VERB beloven
        steun 1 obj NOUN
        aan 4 case ADP
        Cuba 2 nmod PROPN
    """)
    found = noun_strategy(nouns.light_verb, s, "steun")
    assert (found.rule, names(found.subjects)) == (rules.NOUN_LIGHT_VERB, ["Kim Jong-un"])


def test_member_never_guessed():
    s = Parsed("""
        Japan 1 nsubj PROPN
        sprak 1 ROOT VERB spreken
        over 3 case ADP
        lidmaatschap 1 obl NOUN
    """)
    found = noun_strategy(nouns.member_never_guessed, s, "lidmaatschap")
    assert found == Found(rules.NOUN, [])
    assert noun_strategy(nouns.nearest, s, "lidmaatschap") is not None


def test_reported():
    s = Parsed("""
        Japan 1 nsubj PROPN
        zei 1 ROOT VERB zeggen
        dat 5 mark SCONJ
        de 4 det DET
        steun 5 nsubj NOUN
        groeit 1 ccomp VERB groeien
    """)
    found = noun_strategy(nouns.reported, s, "steun")
    assert (found.rule, names(found.subjects)) == (rules.NOUN_REPORTED, ["Japan"])
    assert found.subjects[0].weight == conf.NOUN_REPORTED


def test_nearest():
    s = Parsed("""
        Japan 1 nsubj PROPN
        sprak 1 ROOT VERB spreken
        in 3 case ADP
        Parijs 1 obl PROPN
        over 5 case ADP
        steun 1 obl NOUN
    """)
    found = noun_strategy(nouns.nearest, s, "steun")
    assert (found.rule, names(found.subjects)) == (rules.NOUN_NEAREST, ["Japan"])
    assert (
        nouns.noun_subjects(s["steun"], predicate("nl", "NOUN", "steun"), s.resolution, *NOUN_ARGS)
        == found
    )


# ---- kg.extract.predicates: who and to whom --------------------------------------------


def test_participle():
    s = Parsed("""
        De 5 det DET de
        door 2 case ADP
        Rusland 3 obl PROPN
        gesteunde 5 amod VERB steunen VerbForm=Part
        Servische 5 amod ADJ Servisch
        troepen 5 ROOT NOUN troep
    """)
    found = predicates.participle(s.site("gesteunde"))
    assert found.rule == rules.VERB_PARTICIPLE
    assert (names(found.subjects), names(found.objects)) == (["Russia"], ["Serbia"])


def test_between():
    s = Parsed("""
        de 1 det DET
        top 1 ROOT NOUN
        tussen 3 case ADP
        Japan 1 nmod PROPN
        en 5 cc CCONJ
        Mexico 3 conj PROPN
    """)
    found = predicates.between(s.site("top", "NOUN"))
    assert found.rule == rules.NOUN_BETWEEN
    assert (names(found.subjects), names(found.objects)) == (["Japan"], ["Mexico"])


def test_verb_or_adjective():
    s = Parsed(POLAND_SUPPORTS_LITHUANIA)
    found = predicates.verb_or_adjective(s.site("steunt"))
    assert (found.rule, names(found.subjects), found.objects) == (rules.VERB, ["Poland"], None)
    s = Parsed("""
        Japan 2 nsubj PROPN
        is 2 cop AUX zijn
        kritisch 2 ROOT ADJ
        over 4 case ADP
        China 2 obl PROPN
    """)
    assert predicates.verb_or_adjective(s.site("kritisch", "ADJ")).rule == rules.ADJECTIVE


def test_agent_noun():
    s = Parsed("""
        Japan 3 nsubj PROPN
        is 3 cop AUX zijn
        een 3 det DET
        bondgenoot 3 ROOT NOUN
        van 5 case ADP
        Australië 3 nmod PROPN
    """)
    found = predicates.agent_noun(s.site("bondgenoot", "NOUN"))
    assert (found.rule, names(found.subjects), found.objects) == (rules.NOUN_AGENT, ["Japan"], None)


def test_agent_noun_owner_is_the_partner():
    s = Parsed("""
        de 2 det DET
        Turkse 2 amod ADJ Turks
        bondgenoot 2 ROOT NOUN
        Azerbeidzjan 2 appos PROPN
    """)
    found = predicates.agent_noun(s.site("bondgenoot", "NOUN"))
    assert names(found.objects) == ["Turkey"]


def test_relative_clause():
    s = Parsed("""
        de 1 det DET
        wapenstilstand 1 ROOT NOUN
        die 6 obj PRON die PronType=Rel
        Egypte 6 nsubj PROPN
        met 5 case ADP
        Israël 6 obl PROPN
        sloot 1 acl:relcl VERB sluiten
    """)
    found = predicates.relative_clause(s.site("wapenstilstand", "NOUN"))
    assert (found.rule, names(found.subjects)) == (rules.NOUN_RELATIVE, ["Egypt"])
    assert names(s.site("wapenstilstand", "NOUN").objects) == ["Israel"]


def test_relation_noun():
    s = Parsed(RUSSIAN_ATTACK)
    found = predicates.relation_noun(s.site("aanval", "NOUN"))
    assert (found.rule, names(found.subjects)) == (rules.NOUN, ["Russia"])


def test_anaphoric_objects():
    s = Parsed("""
        Na 2 case ADP
        het 2 det DET
        voorstel 4 obl NOUN
        Amerikaanse 2 amod ADJ Amerikaans
        wees 4 ROOT VERB wijzen
        Iran 4 nsubj PROPN
        dat 7 det DET
        voorstel 4 obj NOUN
        af 4 compound:prt ADP
    """)
    site = s.site("wees", lemma="afwijzen")
    found = predicates.anaphoric_objects(site, [predicates.Argument(actor("iran"), s["Iran"])])
    assert names(found) == ["United States"]
    assert found[0].weight == conf.ANAPHORIC_AUTHOR
    assert predicates.anaphoric_objects(site, []) == []


def test_bare_objects():
    s = Parsed(JAPAN_CALLS_ON_RUSSIA)
    found = predicates.bare_objects(s.site("riep", lemma="oproepen"), [])
    assert names(found) == ["Russia"]
    assert found[0].weight == conf.MISPARSED


def test_complement_objects():
    s = Parsed(TRUMP_THREATENS_VENEZUELA)
    assert names(predicates.complement_objects(s.site("dreigde"), [])) == ["Venezuela"]


def test_the_object_fallbacks_name_their_rules():
    s = Parsed(JAPAN_CALLS_ON_RUSSIA)
    found = predicates.arguments_of(s.site("riep", lemma="oproepen"))
    assert (found.rule, names(found.subjects), names(found.objects)) == (
        rules.VERB_BARE_OBJECT,
        ["Japan"],
        ["Russia"],
    )


# ---- kg.extract.vetoes: the clause ---------------------------------------------------


def test_names_something():
    s = Parsed("""
        Biden 1 nsubj PROPN
        noemde 1 ROOT VERB noemen
        Poetin 1 obj PROPN
        een 4 det DET
        dictator 1 xcomp NOUN
    """)
    # any predicate on a verb of naming: what is named is the label's (labels.py)
    site = predicates.site_of(
        s["noemde"], predicate("nl", "VERB", "steunen"), "nl", s.resolution, load_lexicon()
    )
    assert vetoes.names_something(site)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # "a friend" as a bare noun phrase with an article: what Kim is called
        (
            """
            Trump 1 nsubj PROPN
            called 1 ROOT VERB call
            Kim 1 obj PROPN
            a 4 det DET
            friend 1 obl:unmarked NOUN
            """,
            True,
        ),
        # "Sunday" bare, without an article: when the call was made
        (
            """
            Biden 1 nsubj PROPN
            called 1 ROOT VERB call
            Netanyahu 1 obj PROPN
            Sunday 1 obl:unmarked NOUN
            """,
            False,
        ),
    ],
)
def test_names_something_by_a_bare_noun_phrase(rows, expected):
    s = Parsed(rows, lang="en")
    site = predicates.site_of(
        s["called"], predicate("en", "VERB", "call"), "en", s.resolution, load_lexicon()
    )
    assert vetoes.names_something(site) is expected


def test_threat_stated():
    s = Parsed("""
        Rusland 1 nsubj PROPN
        dreigde 1 ROOT VERB dreigen
        met 4 case ADP
        een 4 det DET
        aanval 1 obl NOUN
        op 6 case ADP
        Polen 4 nmod PROPN
    """)
    assert vetoes.threat_stated(s.site("aanval", "NOUN"))
    assert not vetoes.threat_stated(s.site("dreigde"))


def test_only_asked_or_threatened():
    s = Parsed("""
        Trump 1 nsubj PROPN
        dreigde 1 ROOT VERB dreigen
        Cuba 5 obj PROPN
        aan 5 compound:prt ADP
        te 5 mark ADP
        vallen 1 xcomp VERB aanvallen
    """)
    assert vetoes.only_asked_or_threatened(s.site("vallen"))
    assert not vetoes.only_asked_or_threatened(s.site("dreigde"))


def test_benefit_withheld():
    s = Parsed("""
        Brussel 1 nsubj PROPN
        waarschuwde 1 ROOT VERB waarschuwen
        dat 5 mark SCONJ
        er 5 expl ADV
        geen 6 det DET
        komt 1 ccomp VERB komen
        hulp 5 nsubj NOUN
    """)
    assert vetoes.benefit_withheld(s.site("hulp", "NOUN"))


# ---- kg.extract.vetoes: what was found -------------------------------------------------


def test_guessed_party_to_accord():
    s = Parsed("""
        Japan 1 nsubj PROPN
        sprak 1 ROOT VERB spreken
        over 4 case ADP
        een 4 det DET
        akkoord 1 obl NOUN
    """)
    site = s.site("akkoord", "NOUN")
    guessed = predicates.arguments_of(site)
    assert guessed.rule == rules.NOUN_NEAREST
    assert vetoes.guessed_party_to_accord(site, guessed)
    assert not vetoes.guessed_party_to_accord(site, guessed._replace(rule=rules.NOUN_LIGHT_VERB))


# ---- kg.extract.vetoes: each pair -----------------------------------------------------


@pytest.fixture(scope="module")
def meeting():
    return Parsed("""
        Scholz 1 nsubj PROPN
        ontmoette 1 ROOT VERB ontmoeten
        Macron 1 obj PROPN
        in 4 case ADP
        Parijs 1 obl PROPN
    """)


def test_no_relation(meeting):
    site = meeting.site("ontmoette")
    assert vetoes.no_relation(site, meeting.pair(site, "Scholz", "Macron", NO_RELATION))
    assert not vetoes.no_relation(site, meeting.pair(site, "Scholz", "Macron"))


def test_relation_acted_on():
    s = Parsed("""
        Servië 1 nsubj PROPN
        blokkeerde 1 ROOT VERB blokkeren
        de 3 det DET
        erkenning 1 obj NOUN
        van 5 case ADP
        Kosovo 3 nmod PROPN
    """)
    site = s.site("blokkeerde")
    assert vetoes.relation_acted_on(site, s.pair(site, "Servië", "Kosovo", owner=True))
    assert not vetoes.relation_acted_on(site, s.pair(site, "Servië", "Kosovo"))


def test_same_actor(meeting):
    site = meeting.site("ontmoette")
    assert vetoes.same_actor(site, meeting.pair(site, "Scholz", "Scholz"))
    assert not vetoes.same_actor(site, meeting.pair(site, "Scholz", "Macron"))


def test_not_between_states():
    s = Parsed("""
        Scholz 3 nsubj PROPN
        is 3 cop AUX zijn
        een 3 det DET
        bondgenoot 3 ROOT NOUN
        van 5 case ADP
        Japan 3 nmod PROPN
    """)
    site = s.site("bondgenoot", "NOUN")
    assert site.predicate.states
    leader = s.pair(site, "Scholz", "Japan")  # allyOf: the leader stands for his state
    assert not vetoes.not_between_states(site, leader)
    person = Pair(leader.subject, leader.obj, "allyOf", leader.subject.actor, leader.object_actor)
    assert vetoes.not_between_states(site, person)


def test_aid_to_no_body():
    s = Parsed("""
        Japan 1 nsubj PROPN
        voerde 1 ROOT VERB voeren
        gesprekken 1 obj NOUN gesprek
        bij 4 case ADP
        Macron 2 nmod PROPN
    """)
    # "gesprekken bij": talks held at a body, not with a person
    talks = next(p for p in load_lexicon().predicate("nl", "NOUN", "gesprek") if p.bodies)
    site = predicates.site_of(s["gesprekken"], talks, "nl", s.resolution, load_lexicon())
    assert vetoes.aid_to_no_body(site, s.pair(site, "Japan", "Macron"))
    assert not vetoes.aid_to_no_body(site, s.pair(site, "Macron", "Japan"))


def test_place_as_partner():
    s = Parsed("""
        Japan 1 nsubj PROPN
        werkt 1 ROOT VERB werken
        samen 1 compound:prt ADP
        met 4 case ADP
        Azië 1 obl PROPN
    """)
    site = s.site("werkt", lemma="samenwerken")
    place = s.pair(site, "Japan", "Azië", "cooperatesWith")
    assert "Place" in (place.subject_actor.kind, place.object_actor.kind)
    assert vetoes.place_as_partner(site, place)


def test_member_of_no_body(meeting):
    site = meeting.site("ontmoette")
    assert vetoes.member_of_no_body(site, meeting.pair(site, "Scholz", "Parijs", "memberOf"))


def test_attends_no_event():
    s = Parsed("""
        Japan 1 nsubj PROPN
        nam 1 ROOT VERB nemen
        deel 1 compound:prt ADP
        aan 4 case ADP
        NAVO 1 obl PROPN
    """)
    site = s.site("nam", lemma="deelnemen")
    assert site.predicate.events
    assert vetoes.attends_no_event(site, s.pair(site, "Japan", "NAVO"))


def test_traveller_leaves(meeting):
    site = meeting.site("ontmoette")
    assert vetoes.traveller_leaves(site, meeting.pair(site, "Scholz", "Parijs", "retreatsFrom"))
    assert not vetoes.traveller_leaves(site, meeting.pair(site, "Scholz", "Parijs", "visits"))


def test_met_through_a_thing(meeting):
    site = meeting.site("ontmoette")
    assert vetoes.met_through_a_thing(site, meeting.pair(site, "Scholz", "Macron", owner=True))
    assert not vetoes.met_through_a_thing(site, meeting.pair(site, "Scholz", "Macron"))


def test_request_to_own_people():
    s = Parsed("""
        Japan 1 nsubj PROPN
        riep 1 ROOT VERB roepen
        Syrische 3 amod ADJ Syrisch
        vluchtelingen 1 obj NOUN vluchteling
        op 1 compound:prt ADP
    """)
    site = s.site("riep", lemma="oproepen")
    syria = predicates.Argument(actor("syria"), s["Syrische"], owner=True)
    japan = predicates.Argument(actor("japan"), s["Japan"])
    people = Pair(japan, syria, "requests", japan.actor, syria.actor)
    assert vetoes.request_to_own_people(site, people)  # its refugees are no state
    state = Pair(japan, replace(syria, owner=False), "requests", japan.actor, syria.actor)
    assert not vetoes.request_to_own_people(site, state)
