"""Role nouns: "de Chinese president", "premier van Israël", "Hamasleider",
"D66-politicus": the office, the body it belongs to, and who holds it (the
name beside it, or the holder at the article's date)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon, office_modifiers
from kg.profiles import any_language
from kg.records import Actor, Mention
from kg.resolve.mentions import Resolution
from kg.resolve.names import alias_key
from kg.resolve.new_names import _new_actor

# Roles whose holder a bare "leider"/"leader" most likely means, in this order.
LEADER_ROLES = ("leader", "head_of_government", "head_of_state")


def find_roles(result: Resolution, gazetteer: Gazetteer, lexicon: Lexicon, lang: str) -> None:
    """Role nouns: "de Chinese president", "premier van Israël", "Hamasleider",
    "D66-politicus": the role and the state or organisation it belongs to."""
    office_words = {**lexicon.offices.get(lang, {}), **gazetteer.office_words(lang)}
    phrases = {w: r for w, r in office_words.items() if " " in w}
    longest = max((len(w.split()) for w in phrases), default=0)
    firsts = {w.split(" ")[0] for w in phrases}
    covered: set[int] = set()
    doc = result.doc
    lowers = [t.lower_ for t in doc]  # once, not once per candidate phrase
    for start in range(len(doc)):
        if lowers[start] not in firsts and " " not in lowers[start]:
            continue  # no office phrase starts with this word
        # Offices of several words: "prime minister", "minister van Buitenlandse
        # Zaken", "secretary of state"; anchored on the phrase's syntactic head.
        for size in range(min(longest, len(doc) - start), 1, -1):
            role = phrases.get(" ".join(lowers[start : start + size]))
            if role is None:
                continue
            span = doc[start : start + size]
            before = doc[start - 1].text if start > 0 else ""
            org = next(
                (
                    demonym_key(c, gazetteer, result)
                    for c in span.root.children
                    if c.dep_ == "amod" and demonym_key(c, gazetteer, result)
                ),
                None,
            )
            org = org or gazetteer.demonym(before) or alias_key(before, gazetteer, lang)
            org = org or _owner_of_office(span, result, gazetteer, lang)
            result.roles[span.root.i] = _modified(role, org or "", span.root, span.start, result)
            result.role_spans[span.root.i] = (span.start, span.end)
            covered.update(range(span.start, span.end))
            break
    for token in doc:
        if token.i in covered:
            continue
        role, org = _role_of(token, office_words, gazetteer, result)
        if role:
            result.roles[token.i] = _modified(role, org or "", token, token.i, result)


def _modified(role: str, org: str, head: Token, start: int, result: Resolution) -> tuple[str, str]:
    """An office as its modifiers leave it: "de vicepremier", "deputy prime minister"
    name a member of the state, not its head; "de voormalige president", "ex-premier"
    an office held before (``result.former``)."""
    lang = result.document.lang
    table = office_modifiers()
    words = [c.lower_ for c in head.children if c.dep_ in ("amod", "compound", "advmod")]
    words += [t.lower_ for t in head.doc[max(0, start - 2) : start] if t.pos_ == "ADJ"]
    words += [p for p in ("vice", "ex", "oud", "adjunct") if head.lower_.startswith(p)]
    if start >= 2 and head.doc[start - 1].text == "-":
        words.append(head.doc[start - 2].lower_)  # "vice-president", split in three
    kinds = {table.get((lang, w.rstrip("-"))) for w in words}
    if "former" in kinds:
        result.former.add(head.i)
    if "deputy" in kinds and role != "member":
        return "member", org
    return role, org


def _owner_of_office(span: Span, result: Resolution, gazetteer: Gazetteer, lang: str) -> str:
    """The body an office of several words belongs to by a possessive or a
    "van"/"of" phrase: "the EU's foreign policy chief", "de hoge
    vertegenwoordiger van de EU" ('' if none)."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].lower_ in ("'s", "’s"):
        owner = doc[span.start - 2]
        actor = result.actor_at(owner)
        if actor is not None:
            return actor.key
        return alias_key(owner.text, gazetteer, lang) or ""
    for child in span.root.children:
        of = any(c.dep_ == "case" and c.lower_ in ("van", "of") for c in child.children)
        if of and child.dep_.startswith("nmod") and child.i >= span.end:
            actor = result.actor_at(child)
            if actor is not None and actor.kind in ("State", "Organization"):
                return actor.key
    return ""


def demonym_key(word: Token, gazetteer: Gazetteer, result: Resolution) -> str | None:
    """The actor a demonym names, of one word ("Turkish", "Noord-Koreaanse") or
    two ("North Korean", "South African", "Saudi Arabian"); the first word of a
    pair is then no name of its own (the name finder may have taken "North")."""
    if word.i > 0:
        before = word.doc[word.i - 1]
        key = gazetteer.demonym(f"{before.text} {word.text}")
        if key is not None:
            mention = result.by_token.get(before.i)
            if mention is not None and mention.how == "new":
                result.remove(mention)
            return key
    return gazetteer.demonym(word.text)


#: What can be a member: people, states and organisations.
MEMBER_KINDS = ("Person", "State", "Organization")


def assign_roles(result: Resolution, gazetteer: Gazetteer) -> None:
    """A role noun beside a name refers to that person (the extractor states
    leaderOf/memberOf); a role noun alone is its holder at the article's date;
    a plural one ("de Europese leiders") is the body itself."""
    date = result.document.date
    for index, (role, org) in sorted(result.roles.items()):
        token = result.doc[index]
        if token.i in result.by_token:
            continue
        # a member may be a state or a body: "NAVO-lid Turkije", "EU-lidstaat Hongarije"
        kinds = MEMBER_KINDS if role == "member" else ("Person",)
        named = _named_holder(token, result, kinds)
        if named is not None and named.actor.key == org:
            named = None  # "lid van Labour": the body the role is of, not its holder
        if named is not None:
            result.by_token[token.i] = named
            continue
        if not org or token.pos_ not in ("NOUN", "PROPN") or token.i in result.former:
            continue  # "de voormalige president": not the one in office now
        if role == "member":
            continue  # "a member", "the deputy prime minister": no one office-holder
        start, end = result.role_spans.get(token.i, (token.i, token.i + 1))
        span = result.doc[start:end]
        if "Number=Plur" in str(token.morph):
            leaders = _leaders_of_several(token, role, org, result, gazetteer)
            if leaders:
                result.sets[token.i] = leaders
            elif org in gazetteer.actors:
                result.add(span, gazetteer.actors[org], "role")
            continue
        if _not_the_holder(token, span, result):
            continue
        word = span.text.lower() if end - start > 1 else token.lemma_.lower().replace("_", "")
        holders = gazetteer.holders_for_word(word, org, date)
        if not holders:
            for candidate in LEADER_ROLES if role == "leader" else (role,):
                holders = gazetteer.holders(candidate, org, date)
                if holders:
                    break
        if len(holders) == 1:
            result.add(span, holders[0], "role")


def _not_the_holder(token: Token, span: Span, result: Resolution) -> bool:
    """A role noun followed by a name the resolver did not know ("premier May"
    with May read as a month): someone else or a misreading, never the holder
    inferred from the date; nor a predicate nominal ("Omar is leader of the
    Taliban"), whose subject holds it. (An indefinite one, "a summit between a US
    president and a North Korean leader", still means the holders in the news.)"""
    if any(c.dep_ == "cop" for c in token.children):
        return True
    after = span.end
    return (
        after < len(token.doc)
        and token.doc[after].text[:1].isupper()
        and token.doc[after].pos_ == "PROPN"
        and after not in result.by_token
    )


def _leaders_of_several(
    token: Token, role: str, org: str, result: Resolution, gazetteer: Gazetteer
) -> tuple[Actor, ...]:
    """ "the leaders of Turkey and Germany", "de presidenten van Rusland en China":
    the holder of the office in each state named, when every one is known."""
    if role not in (*LEADER_ROLES, "president"):
        return ()
    states = [org]
    for child in token.children:
        if child.dep_.startswith("nmod") and result.actor_at(child) is not None:
            states += [
                actor.key
                for c in child.children
                if c.dep_ == "conj" and (actor := result.actor_at(c)) is not None
            ]
    if len(set(states)) < 2:
        return ()
    leaders = []
    for state in states:
        for candidate in (role, *LEADER_ROLES) if role != "leader" else LEADER_ROLES:
            holders = gazetteer.holders(candidate, state, result.document.date)
            if len(holders) == 1:
                leaders.append(holders[0])
                break
        else:
            return ()
    return tuple(leaders)


def _role_of(
    token: Token, office_words: dict[str, str], gazetteer: Gazetteer, result: Resolution
) -> tuple[str | None, str | None]:
    """The role a noun names and the state or organisation it is a role of."""
    lower = token.text.lower()
    lemma = token.lemma_.lower().replace("_", "")
    role = office_words.get(lower) or office_words.get(lemma)
    if role is None:
        # Compounds: "Hamasleider", "EU-ambassadeur", "D66-politicus".
        for i in range(2, len(lower) - 3):
            rest = lower[i:].lstrip("-")
            if rest not in office_words:
                continue
            head = token.text[:i].rstrip("-")
            key = alias_key(head, gazetteer, result.document.lang)
            if key is None and head.endswith("s"):  # linking s: "Raadsvoorzitter"
                key = alias_key(head[:-1], gazetteer, result.document.lang)
            if office_words[rest] == "ambassador":
                # "de Nederlandse EU-ambassadeur": the envoy of the demonym's state,
                # to the body in the compound
                sender = next(
                    (
                        k
                        for c in token.children
                        if c.dep_ == "amod" and (k := demonym_key(c, gazetteer, result))
                    ),
                    None,
                )
                key = sender or key
            if key:
                return office_words[rest], key
            # an office all the same ("Commissievoorzitter", "vicepremier"): its body,
            # if any, is named beside it as for a simple office noun
            role = office_words[rest]
            break
        else:
            return None, None
    for child in token.children:
        if child.dep_ in ("amod", "compound") or child.dep_.startswith("nmod"):
            key = demonym_key(child, gazetteer, result)
            if key is None and child.dep_ == "compound":
                # "a Malian authorities spokesman": the demonym of the body noun
                key = next(
                    (
                        k
                        for g in child.children
                        if g.dep_ == "amod" and (k := demonym_key(g, gazetteer, result))
                    ),
                    None,
                )
            if key is None and _of_phrase(child) and result.actor_at(child):
                key = result.actor_at(child).key  # type: ignore[union-attr]
            if key:
                return role, key
    if token.i > 0:
        before = token.doc[token.i - 1]
        key = demonym_key(before, gazetteer, result)
        actor = result.actor_at(before) if key is None else None
        if actor is not None and actor.kind in ("State", "Organization"):
            key = actor.key  # "UN envoy X", "EU ambassador X", however the parser hung them
        return role, key
    return role, None


def _of_phrase(child: Token) -> bool:
    """ "president van Frankrijk", "Bolivia's representative", "leaders from the
    US": a phrase naming the body an office belongs to; not "president Macron in
    Parijs", where he is."""
    if not child.dep_.startswith("nmod"):
        return False
    cases = [c.lower_ for c in child.children if c.dep_ == "case"]
    owners = any_language("origin_prepositions")
    return not cases or any(c in owners or c.startswith(("'", "’")) for c in cases)


def _named_holder(
    token: Token, result: Resolution, kinds: tuple[str, ...] = ("Person",)
) -> Mention | None:
    """The named actor of one of ``kinds`` a role noun is in apposition with
    ("president Xi")."""
    for child in token.children:
        if child.dep_ in ("appos", "flat", "nmod", "compound") and child.i in result.by_token:
            mention = result.by_token[child.i]
            if mention.actor.kind in kinds:
                return mention
    nxt = result.role_spans.get(token.i, (token.i, token.i + 1))[1]
    if nxt < len(token.doc) and nxt in result.by_token:
        mention = result.by_token[nxt]
        if mention.actor.kind in kinds:
            return mention
    for child in token.children:
        # "President van de Verenigde Staten George W. Bush": the name after the
        # office's "van"/"of" phrase, or hung inside it by the parser
        if not child.dep_.startswith("nmod") or child.i < token.i:
            continue
        words = [t for t in child.subtree if t.i > child.i] + list(
            token.doc[child.right_edge.i + 1 : child.right_edge.i + 2]
        )
        for word in words:
            mention = result.by_token.get(word.i)
            if mention is not None and mention.actor.kind == "Person" and "Person" in kinds:
                return mention
    if token.dep_ in ("appos", "flat") and token.head.i in result.by_token:
        mention = result.by_token[token.head.i]
        if mention.actor.kind in kinds:
            return mention
    return None


def counterparts(result: Resolution, gazetteer: Gazetteer, lexicon: Lexicon, lang: str) -> None:
    """ "his Portuguese counterpart Luís Montenegro", "zijn Franse ambtgenoot":
    the holder of the same office as the possessor, in the state the demonym
    names. The name after the noun is that holder (a person, whatever else its
    words may name: not the country Montenegro); without a name, the holder at
    the article's date. The noun then states the office like a role noun."""
    doc = result.doc
    for token in doc:
        if not lexicon.described_as(lang, token.lower_, "counterpart"):
            continue
        state = _counterpart_state(token, gazetteer, result)
        role = _office_of_possessor(token, result, gazetteer)
        if state is None or role is None:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        holders = gazetteer.holders(role, state, result.document.date)
        named = result.by_token.get(token.i + 1)
        if named is not None and named.how == "name" and named.actor.kind == "Person":
            # a known person: the name says who, and their own office there, if any
            mention = named
            held = gazetteer.roles_of(named.actor.key, result.document.date)
            role = next((r for r, org in held if org == state), role)
        elif end > token.i + 1:
            name = doc[token.i + 1 : end]
            for i in range(name.start, name.end):
                if i in result.by_token:
                    result.remove(result.by_token[i])
            last = name[-1].text.lower()
            known = [h for h in holders if h.name.lower().split()[-1] == last]
            person = known[0] if known else _new_actor(name, "Person")
            mention = result.add(name, person, "name" if known else "new")
        elif len(holders) == 1:
            mention = result.add(doc[token.i : token.i + 1], holders[0], "role")
        else:
            continue
        result.by_token[token.i] = mention
        result.roles[token.i] = (role, state)


def _counterpart_state(token: Token, gazetteer: Gazetteer, result: Resolution) -> str | None:
    """The state a counterpart noun's demonym names ("Portuguese counterpart")."""
    words = [c for c in token.children if c.dep_ in ("amod", "compound")]
    if token.i > 0:
        words.append(token.doc[token.i - 1])
    for word in words:
        key = demonym_key(word, gazetteer, result)
        actor = gazetteer.actors.get(key or "")
        if actor is not None and actor.kind == "State":
            return actor.key
    return None


def _office_of_possessor(token: Token, result: Resolution, gazetteer: Gazetteer) -> str | None:
    """The office of the person a counterpart is the counterpart of: the
    possessor ("his"), else the clause's subject; the office the gazetteer says
    they hold at the article's date, else the role noun beside their name."""
    owners = [c for c in token.subtree if c.dep_ in ("nmod:poss", "det") and c.i < token.i]
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    owners += [c for c in verb.children if c.dep_.startswith("nsubj")]
    for owner in owners:
        mention = result.by_token.get(owner.i)
        if mention is None or mention.actor.kind != "Person":
            continue
        for role, org in gazetteer.roles_of(mention.actor.key, result.document.date):
            if org in gazetteer.actors and gazetteer.actors[org].kind == "State":
                return role
        for index, (role, _org) in result.roles.items():
            named = result.by_token.get(index)
            if named is not None and named.actor == mention.actor:
                return role
    return None


def party_members(result: Resolution, gazetteer: Gazetteer, lang: str) -> None:
    """ "de Republikein Mitt Romney", "the Democrat Joe Manchin", "Tory MP X": a
    noun for one member of a party (the singular of the party's plural alias,
    "Republikeinen", "Democrats", "Tories") before a person states membership."""
    doc = result.doc
    for token in doc[:-1]:
        if token.i in result.roles or not token.text[:1].isupper():
            continue
        swallowed = result.by_token.get(token.i)
        if swallowed is not None and not (
            swallowed.how == "new" and swallowed.start == token.idx and " " in swallowed.text
        ):
            continue
        party = next(
            (
                gazetteer.actors[key]
                for plural in _plurals(token.text, lang)
                if (key := alias_key(plural, gazetteer, lang)) in gazetteer.actors
            ),
            None,
        )
        if party is None or party.kind != "Organization":
            continue
        if swallowed is not None:
            # the name finder took the noun into the name: "Republikein Mitt Romney"
            end = _end_of(doc, swallowed)
            if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
                continue  # the name runs on past the mention: its end is unsure
            result.remove(swallowed)
            rest = doc[token.i + 1 : end]
            result.add(rest, _new_actor(rest, "Person"), "new")
        after = token.i + 1
        if after in result.roles and after + 1 < len(doc):
            after += 1  # "Republican Senator Lindsey Graham"
        person = result.by_token.get(after)
        if person is None or person.actor.kind != "Person" or person.how == "pronoun":
            continue
        end = _end_of(doc, person)
        if end < len(doc) and doc[end].text[:1].isupper() and end not in result.by_token:
            continue  # "Democrat Joe" + "Manchin": a name cut short is no one known
        result.roles[token.i] = ("member", party.key)
        result.by_token[token.i] = person


def _end_of(doc: Doc, mention: Mention) -> int:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.end if span is not None else mention.end


def _plurals(word: str, lang: str) -> list[str]:
    """Plural forms a member noun may have: Republican(s), Tory -> Tories,
    Republikein(en), Democraat -> Democraten."""
    if lang == "en":
        forms = [word + "s"]
        if word.endswith("y"):
            forms.append(word[:-1] + "ies")
        return forms
    forms = [word + "en", word + "s"]
    if len(word) > 3 and word[-2] == word[-3] and word[-2] in "aeou":
        forms.append(word[:-2] + word[-1] + "en")  # Democraat -> Democraten
    return forms
