"""Repairs of the parse around names: lists of titled names and datelines.

The shipped parsers were trained on few sentences like "Canadian Prime Minister
A, French President B and German Chancellor C met ...": they hang the names on
each other as compounds, appositions or vocatives, so that only some of them are
conjuncts of the subject. And a dateline ("Kampala: ...", "NAIROBI (Reuters) -")
becomes the root of the sentence, its verb a modifier of the place. Once the
names are resolved, both are easy to see, and the tree is set right: every name
of a list becomes a conjunct of the first, which takes the list's place in the
clause; a dateline's verb becomes the root.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.profiles import any_language
from kg.records import Mention
from kg.resolve.mentions import Resolution
from kg.resolve.names import NAME_PARTICLES

#: Relations by which a list of names may hang in its clause, best first.
CLAUSE_DEPS = ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "nmod", "appos")
#: Words of a title or description before a name ("de Deense premier").
TITLE_POS = frozenset({"ADJ", "PROPN", "NOUN", "DET"})
#: Punctuation that closes a dateline: "Kampala:", "NAIROBI (Reuters) -".
DATELINE_ENDS = (":", "-", "–", "—")
ACTOR_KINDS = ("Person", "State", "Organization", "Group")


def repair(result: Resolution) -> None:
    """Set right the parse of datelines and of lists of titled names."""
    for sent in result.doc.sents:
        _particle_verbs(sent, result)
        _pronoun_read_as_article(sent, result)
        _names_read_as_one(sent, result)
        dateline_end = _dateline(sent, result)
        if dateline_end is not None:
            _root_after_dateline(sent, dateline_end)
        for chain in _chains(sent, result):
            _join(chain, result)


def _particle_verbs(sent: Span, result: Resolution) -> None:
    """A name particle the tagger took for a verb ("Tamim bin Hamad": Dutch "bin"
    is "am"), which the parser then made the head of the clause: the particle goes
    back into the name, and the verb it displaced takes its place in the tree."""
    for particle in sent:
        mention = result.by_token.get(particle.i)
        if (
            mention is None
            or particle.pos_ not in ("VERB", "AUX")
            or particle.lower_ not in NAME_PARTICLES
        ):
            continue
        # the name around the particle: "Tamim" and "bin Hamad" may be two mentions
        start, end = particle.i, particle.i + 1
        while start > sent.start and _same_actor(sent.doc[start - 1], mention, result):
            start -= 1
        while end < sent.end and _same_actor(sent.doc[end], mention, result):
            end += 1
        name = list(sent.doc[start:end])
        if name[0].i == particle.i:
            continue
        outside = [c for c in particle.children if c not in name]
        verbs = [c for c in outside if c.pos_ in ("VERB", "AUX")]
        if not verbs:
            continue
        verb, first = verbs[0], name[0]
        root = particle.head.i == particle.i
        verb.head = verb if root else particle.head
        verb.dep_ = "ROOT" if root else particle.dep_
        for child in outside:
            if child.i != verb.i:
                child.head = verb
        for token in name:
            if token.i == first.i:
                token.head = verb
                if not token.dep_.startswith("nsubj"):
                    token.dep_ = "nsubj"
            else:
                token.head, token.dep_ = first, "flat"
        particle.pos_ = "PROPN"


def _pronoun_read_as_article(sent: Span, result: Resolution) -> None:
    """ "dat het Taiwan zal helpen": Dutch names a country without an article, so a
    "het" the parser hung on a one-word state name as its article is the pronoun
    subject, and the name the object ("het" then refers back, references.py)."""
    for token in sent:
        name = token.head
        if token.lower_ != "het" or token.dep_ != "det" or name.i != token.i + 1:
            continue
        mention = result.by_token.get(name.i)
        if mention is None or mention.actor.kind != "State" or " " in mention.text:
            continue
        if not name.dep_.startswith("nsubj") or name.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = name.head
        token.head, token.dep_, token.pos_ = verb, name.dep_, "PRON"
        name.dep_ = "obj"


def _names_read_as_one(sent: Span, result: Resolution) -> None:
    """ "dat Duitsland Oekraïne steunt": two actors named side by side in a Dutch
    subordinate clause, which the parser joined as one name (flat): the second is
    the object of the verb the first is the subject of."""
    for token in sent:
        name = token.head
        if token.dep_ != "flat" or not name.dep_.startswith("nsubj"):
            continue
        first, second = result.by_token.get(name.i), result.by_token.get(token.i)
        if first is None or second is None or first is second:
            continue
        if any(
            m.actor.kind not in ACTOR_KINDS or m.actor.key.startswith("new/")
            for m in (first, second)
        ):
            continue  # unknown names side by side are more likely one long name
        if result.by_token.get(token.i - 1) is not first:
            continue  # side by side: nothing between ("Centrum voor Rampenpreventie")
        verb = name.head
        if verb.pos_ not in ("VERB", "AUX") or token.i > verb.i:
            continue  # only before the verb at the end of the clause
        for word in sent:
            if (
                word.i != token.i
                and word.head.i == name.i
                and result.by_token.get(word.i) is second
            ):
                word.head = token  # the rest of the second name stays with it
        token.head, token.dep_ = verb, "obj"


def _same_actor(token: Token, mention: Mention, result: Resolution) -> bool:
    found = result.by_token.get(token.i)
    return found is not None and found.actor.key == mention.actor.key


def _units(sent: Span, result: Resolution) -> list[tuple[int, int, Token]]:
    """(start, end, head) of each name of an actor in the sentence, with the title
    before it: "Japanese Prime Minister Fumio Kishida" -> start at "Japanese";
    "U.S. President Donald Trump" -> the state is part of the person's title."""
    units: list[tuple[int, int, Token]] = []
    seen = set()
    for i in reversed(range(sent.start, sent.end)):
        mention = result.by_token.get(i)
        if mention is None or id(mention) in seen or mention.actor.kind not in ACTOR_KINDS:
            continue
        seen.add(id(mention))
        tokens = [t for t in sent if result.by_token.get(t.i) is mention]
        start, end = tokens[0].i, tokens[-1].i + 1
        titled = False
        while start > sent.start:
            before = sent.doc[start - 1]
            if _title_word(before, result):
                start, titled = start - 1, True
            elif titled and _state_before_title(before, result):
                owner = result.by_token[before.i]
                seen.add(id(owner))
                while start > sent.start and result.by_token.get(start - 1) is owner:
                    start -= 1
            else:
                break
        units.append((start, end, _head(tokens)))
    return units[::-1]


def _state_before_title(token: Token, result: Resolution) -> bool:
    """A state or organisation named just before a title ("U.S. President")."""
    mention = result.by_token.get(token.i)
    return mention is not None and mention.actor.kind in ("State", "Organization")


def _title_word(token: Token, result: Resolution) -> bool:
    """A word of the title or description before a name, no name of its own."""
    if token.i in result.by_token or token.text in (",", ":") or _joins(token.lower_):
        return False
    in_office = token.i in result.roles or any(
        start <= token.i < end for start, end in result.role_spans.values()
    )
    return (
        in_office
        or token.i in result.modifiers
        or (token.pos_ in TITLE_POS and token.text[:1].isupper())
        or token.lower_ in ("de", "the")
    )


def _head(tokens: list[Token]) -> Token:
    """The token of a name that stands for it in the tree: the one hung outside
    the name by the best clause relation (the parser may hang two of them)."""
    inside = {t.i for t in tokens}
    outer = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    for dep in CLAUSE_DEPS:
        for token in outer:
            if token.dep_ == dep:
                return token
    return outer[-1] if outer else tokens[-1]


def _chains(sent: Span, result: Resolution) -> list[list[tuple[int, int, Token]]]:
    """Runs of names separated by commas and ended by "and"/"en": A, B and C."""
    doc = sent.doc
    units = _units(sent, result)
    chains = []
    i = 0
    while i < len(units):
        chain = [units[i]]
        j = i + 1
        closed = False
        while j < len(units):
            between = list(doc[chain[-1][1] : units[j][0]])
            if j + 1 < len(units) and units[j][1] == units[j + 1][0]:
                break  # two names side by side ("Kim and South Korean leader Moon"): unclear
            if [t.text for t in between] == [","] and not closed:
                chain.append(units[j])
            elif len(between) == 1 and _joins(between[0].lower_) and not closed:
                chain.append(units[j])
                closed = True
            else:
                break
            j += 1
        if len(chain) >= 2 and closed:
            chains.append(chain)
            i = j
        else:
            i += 1
    return chains


def _join(chain: list[tuple[int, int, Token]], result: Resolution) -> None:
    """Make every name of the list a conjunct of the first, which takes the
    list's place in the clause. Lists the parser got right stay as they are."""
    first = chain[0][2]
    if all(unit[2].head.i == first.i and unit[2].dep_ == "conj" for unit in chain[1:]):
        return
    span = range(chain[0][0], chain[-1][1])
    attachment = _attachment(chain, span)
    if attachment is None:
        return
    outside, dep = attachment
    doc = first.doc
    first.head, first.dep_ = outside, dep
    for index, (start, end, head) in enumerate(chain):
        if index:
            head.head, head.dep_ = first, "conj"
            joiner = doc[start - 1]
            joiner.head, joiner.dep_ = head, "cc" if _joins(joiner.lower_) else "punct"
        for token in doc[start:end]:
            if token.i != head.i and token.head.i not in range(start, end):
                token.head = head
                if token.dep_ in CLAUSE_DEPS or token.dep_ in ("conj", "vocative", "ROOT"):
                    token.dep_ = "flat" if token.i in result.by_token else "compound"


def _attachment(chain: list[tuple[int, int, Token]], span: range) -> tuple[Token, str] | None:
    """The word outside the list that the list hangs on, and by what relation:
    the best clause relation any word of the list has to a word outside it. None
    where that word itself hangs inside the list (no tree would be left)."""
    doc = chain[0][2].doc
    links = [(t.head, t.dep_) for t in doc[span.start : span.stop] if t.head.i not in span]
    for dep in CLAUSE_DEPS:
        for head, found in links:
            if found == dep and not any(a.i in span for a in head.ancestors):
                return head, dep
    return None


def _dateline(sent: Span, result: Resolution) -> int | None:
    """Where a dateline ends ("Kampala:", "NAIROBI (Reuters) -"): the index of the
    first word after it, or None where the sentence opens otherwise."""
    first = sent[0]
    mention = result.by_token.get(first.i)
    # a city, not a state: "Iran: sanctions are terrorism" quotes Iran
    place = mention is not None and mention.actor.kind in ("City", "Place")
    if not (place or first.i in result.metonyms):
        return None
    i = first.i + 1
    while i < sent.end and result.by_token.get(i) is mention and mention is not None:
        i += 1
    if i < sent.end and sent.doc[i].text == "(":
        while i < sent.end and sent.doc[i].text != ")":
            i += 1
        i += 1
    if i < sent.end - 2 and sent.doc[i].text in DATELINE_ENDS:
        return i + 1
    return None


def _root_after_dateline(sent: Span, start: int) -> None:
    """Make the verb of the sentence after a dateline its root, where the parser
    hung it on the dateline's place; the place becomes a loose modifier of it."""
    root = sent.root
    if root.i >= start:
        # the verb is the root already; the place may still be taken for its subject,
        # which then goes to the word after the dateline that hangs on the place
        for token in sent.doc[sent.start : start]:
            if token.head.i >= start and not token.is_punct:
                dep, verb = token.dep_, token.head
                token.dep_ = "dep"
                heir = next((c for c in token.children if start <= c.i < verb.i), None)
                if heir is not None and dep.startswith("nsubj"):
                    heir.head, heir.dep_ = verb, dep
        return
    verbs = [
        t for t in sent.doc[start : sent.end] if t.pos_ in ("VERB", "AUX") and t.head.i == root.i
    ]
    if not verbs:
        return
    verb = verbs[0]
    verb.head, verb.dep_ = verb, "ROOT"
    for token in sent:
        if token.i != verb.i and token.head.i == root.i and token.i != root.i:
            # the name that opens the sentence proper is the verb's subject
            if (
                start <= token.i < verb.i
                and token.dep_ in ("appos", "conj", "flat", "vocative", "nmod")
                and not any(c.dep_.startswith("nsubj") for c in verb.children)
            ):
                token.head, token.dep_ = verb, "nsubj"
                continue
            if token.i >= start:
                token.head = verb
    root.head, root.dep_ = verb, "dep"


def _joins(word: str) -> bool:
    """A word that joins the last name of a list: "en", "and", "&"."""
    return word == "&" or word in any_language("conjunctions")
