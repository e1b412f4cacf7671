"""Which lexicon entries a word heads, in the frame its clause gives them: the
verb with its particle (wherever the parser put it), its fixed words ("gaf ... de
schuld", "took part in") and its infinitival complement ("warned X not to ..."),
or the relation noun, also as the last part of a Dutch compound."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.arguments import infinitival
from kg.lexicon import Lexicon, Predicate, normalise, verb_lemma_candidates
from kg.profiles import any_language

#: Compound heads that are mostly figurative: a "woordenoorlog" or "prijzenoorlog"
#: is no war (the lexicon lists "handelsoorlog" itself).
METAPHORICAL_HEADS = frozenset({"oorlog"})
#: Where the parser puts a separable particle other than ``compound:prt``.
PARTICLE_DEPS = frozenset({"xcomp", "obl", "advmod", "compound"})
#: How the parser attaches a particle it takes for a preposition of the complement.
OPENER_DEPS = frozenset({"case", "mark"})
#: Where the parser puts an infinitival complement: "urged Seoul to ...".
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "conj"})


def find_predicates(token: Token, lang: str, lexicon: Lexicon) -> tuple[Predicate, ...]:
    """The lexicon entries ``token`` heads, in the frame its clause gives them: an
    entry with a fixed part ("de schuld geven", "take part in") or one that needs an
    infinitival complement ("warned X not to ...") wins over the plain verb."""
    prefix = _hyphen_prefix(token)
    if prefix is not None:
        # "co-operate" is "cooperate"; "strong-arm" is no arming, "re-elect" still electing
        joined = lexicon.predicate(
            lang, token.pos_ if token.pos_ != "AUX" else "VERB", normalise(prefix + token.lemma_)
        )
        if joined:
            return joined
        if prefix.lower() not in any_language("keeping_prefixes") and not prefix[:1].isupper():
            return ()  # a capitalised one is the agent: "Russian-backed", "US-led"
    entries = _entries(token, lang, lexicon)
    if not any(p.fixed or p.infinitive for p in entries):
        return entries
    words = clause_words(token) if any(p.fixed for p in entries) else set()
    complement = any(p.infinitive for p in entries) and bool(infinitival_complements(token))
    framed = tuple(
        p
        for p in entries
        if (p.fixed or p.infinitive) and set(p.fixed) <= words and (complement or not p.infinitive)
    )
    return framed or tuple(p for p in entries if not (p.fixed or p.infinitive))


def _hyphen_prefix(token: Token) -> str | None:
    """The word glued before a hyphen in front of ``token`` ("strong" in "strong-arm",
    split by the tokenizer into three tokens), or None."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-":
        return None
    if doc[token.i - 1].whitespace_ or doc[token.i - 2].whitespace_:
        return None
    return doc[token.i - 2].text


def _entries(token: Token, lang: str, lexicon: Lexicon) -> tuple[Predicate, ...]:
    if token.pos_ in ("VERB", "AUX"):
        raw = token.lemma_.lower()
        lemma = normalise(raw)
        # "op_dringen" with "aan" also in the clause may be "aandringen"
        bases = [lemma] + ([normalise(raw.rsplit("_", 1)[1])] if "_" in raw else [])
        for particle in verb_particles(token):
            for base in bases:
                found = lexicon.predicate(lang, "VERB", particle + base) or lexicon.predicate(
                    lang, "VERB", base + particle
                )
                if found:
                    return found
        found = lexicon.predicate(lang, "VERB", lemma)
        if not found and "_" in raw and not verb_particles(token):
            # The treebank lemmatizes "sprak" in "sprak ... uit" as "uit_spreken";
            # without the particle in the sentence it is plain "spreken".
            found = lexicon.predicate(lang, "VERB", raw.rsplit("_", 1)[1])
        for candidate in () if found else verb_lemma_candidates(token.lower_, lang):
            # the lemmatizer slipped on a form the lexicon's verb explains
            found = lexicon.predicate(lang, "VERB", candidate)
            if found:
                break
        return found
    if token.pos_ == "ADJ" and token.dep_ not in ("amod", "advmod"):
        # a predicative adjective of attitude: "is boos op", "is grateful to"
        return lexicon.predicate(lang, "ADJ", token.lemma_) or lexicon.predicate(
            lang, "ADJ", token.lower_
        )
    if token.pos_ in ("NOUN", "PROPN"):
        lemma = normalise(token.lemma_)
        found = lexicon.predicate(lang, "NOUN", lemma)
        if not found and lemma.endswith("s"):
            found = lexicon.predicate(lang, "NOUN", lemma[:-1])
        if not found and lang == "nl":
            found = compound_head_predicates(token.lemma_.lower(), lexicon)
        return found
    return ()


def verb_particles(verb: Token) -> list[str]:
    """Separable particles of a verb: labelled ``compound:prt`` or, as the parser
    often has it, a bare one-word ``xcomp``/``obl``/``advmod`` ("zette ... stop",
    "pulled out"), or a preposition opening the verb's infinitival complement
    ("riep de VS op de beloften na te komen": "op" taken for the case of "beloften")."""
    particles = [
        c.lower_
        for c in verb.children
        if c.dep_ == "compound:prt"
        or (
            c.dep_ in PARTICLE_DEPS
            and c.pos_ in ("ADP", "ADV", "ADJ", "NOUN")
            and not any(c.children)
        )
    ]
    for clause in infinitival_complements(verb):
        # the prepositions the complement opens with: "op" in "riep ... op de
        # troepen terug te trekken", "op aan" in "drong er ... op aan sancties ..."
        word = clause.left_edge
        while word.i > verb.i and word.pos_ == "ADP" and word.dep_ in OPENER_DEPS:
            particles.append(word.lower_)
            word = word.nbor()
    return particles


def clause_words(verb: Token) -> set[str]:
    """The words of a verb's own clause (not of clauses below it), lower-cased and
    lemmatized, for the fixed parts of multiword predicates."""
    words = set()
    for token in verb.subtree:
        node = token
        while node.head.i != node.i and node.head.i != verb.i:
            if node.head.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "cop"):
                break
            node = node.head
        if node.head.i == verb.i and token.i != verb.i:
            words.update({token.lower_.strip(".,;:!?"), token.lemma_.lower().strip(".,;:!?")})
    return words


def infinitival_complements(verb: Token) -> list[Token]:
    """ "(om) te"/"to" clauses that complete a verb, also where the parser hung one
    on the verb's object or coordinated it ("warned Kyiv not to join")."""
    places = [verb] + [c for c in verb.children if c.dep_ in ("obj", "iobj")]
    return [
        c
        for place in places
        for c in place.children
        if c.dep_ in COMPLEMENT_DEPS and c.pos_ in ("VERB", "AUX") and infinitival(c)
    ]


def compound_head_predicates(lemma: str, lexicon: Lexicon) -> tuple[Predicate, ...]:
    """A Dutch compound names what its last part names: "droneaanval" and
    "vredes_overeenkomst" are an "aanval" and an "overeenkomst". Where the lemma
    does not mark the parts, the head must be 5 letters or more after 4 or more
    ("verband" is no "band")."""
    if "_" in lemma:
        heads = [lemma.rsplit("_", 1)[1]]
    else:
        heads = [lemma[cut:] for cut in range(4, len(lemma) - 4)]
    for head in heads:
        found = lexicon.predicate("nl", "NOUN", head)
        if found and head not in METAPHORICAL_HEADS:
            return found
    return ()
