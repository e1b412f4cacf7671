"""Lemmas from the treebank's own tables: known forms and compound splits (Dutch).

Known forms: a (form, UPOS) pair that always had the same lemma in training
gets that lemma, whatever the edit-tree lemmatizer guessed.

Compounds follow the convention of the Lassy/Alpino treebanks:

The treebank writes the lemma of a compound with its parts joined by ``_``
("jeugdgezondheidszorg" -> "jeugd_gezondheid_zorg", "samenwerken" ->
"samen_werken"); the edit-tree lemmatizer learns suffix edits and cannot split
compounds it never saw. This component splits a lemma into parts the training
lemmas contain, dropping linking morphemes ("gezondheid-s-zorg"), and
lemmatizes the last part with the forms seen in training ("groepen" -> "groep").
Words seen whole in training are left as they are.

Separable verbs take their particle into the lemma wherever it stands ("geeft
... aan" -> "aan_geven"), as the treebank does for the verbs it lists so; a
particle the lemmatizer guessed from the context but the parse does not show
is dropped again ("staat" -> "staan", not "vast_staan").

Past forms of strong verbs the lemmatizer hands back unchanged ("spraken",
"riepen") get their infinitive from ``ontology/lexicon/strong_verbs.tsv`` first.
"""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.resources import ontology_file

SPLIT_POS = {"NOUN", "VERB", "ADJ"}  # names ("Konmar", "Opstelten") are never split
LINKS = ("s", "en", "e", "n", "-")
MIN_PART = 3
PLURAL_ENDINGS = ("en", "s")  # written after a hyphen on abbreviations


class CompoundLemmas:
    """Split unseen compound lemmas into known parts."""

    def __init__(self, nlp: Language, name: str = "geokg_compounds") -> None:
        self.name = name
        self.parts: set[str] = set()
        self.whole: set[str] = set()
        self.particles: set[str] = set()  # first parts of separable verbs
        self.verbs: set[str] = set()  # verb lemmas seen whole
        self.separable: set[str] = set()  # "aan_geven": particle verbs of the treebank
        self.heads: dict[str, str] = {}
        self.known: dict[str, str] = {}  # "form|UPOS" -> lemma, where training agrees
        self.splits: dict[str, str] = {}  # compound form -> its split lemma in training

    # -- learning the tables ---------------------------------------------
    def learn(self, pairs: Iterable[tuple[str, str, str]]) -> None:
        """Learn from (form, lemma, upos) triples of a treebank.

        Older parts of the treebank do not split compounds; a word counts as
        "whole" only where it was left unsplit more often than it was split.
        """
        form_lemma: dict[str, dict[str, int]] = {}
        seen: dict[str, dict[str, int]] = {}
        unsplit: dict[tuple[str, str], int] = {}
        split: dict[tuple[str, str], int] = {}
        for form, lemma, upos in pairs:
            by_lemma = seen.setdefault(f"{form}|{upos}", {})
            by_lemma[lemma] = by_lemma.get(lemma, 0) + 1
            if upos not in SPLIT_POS:
                continue
            pieces = lemma.lower().split("_")
            key = ("".join(pieces), upos)
            if len(pieces) == 1:
                unsplit[key] = unsplit.get(key, 0) + 1
                counts = form_lemma.setdefault(form.lower(), {})
                counts[pieces[0]] = counts.get(pieces[0], 0) + 1
            else:
                split[key] = split.get(key, 0) + 1
                if form.lower().startswith(pieces[0]):  # not "werk" of "werk ... door"
                    self.splits.setdefault(form.lower(), lemma.lower())
                if upos == "VERB" and len(pieces) == 2:
                    self.particles.add(pieces[0])
                    self.separable.add(lemma.lower())
            for piece in pieces:
                if len(piece) >= MIN_PART:
                    self.parts.add(piece)
        for (word, upos), count in unsplit.items():
            if count > split.get((word, upos), 0):
                self.whole.add(word)
                if upos == "VERB":
                    self.verbs.add(word)
            elif upos == "VERB":
                self.verbs.add(word)  # a verb stem all the same ("leggen")
        self.parts |= self.whole
        self.heads = {form: max(c, key=c.__getitem__) for form, c in form_lemma.items()}
        for key, counts in seen.items():
            lemma, count = max(counts.items(), key=lambda item: item[1])
            if count >= 2 and count >= 0.95 * sum(counts.values()):
                self.known[key] = lemma

    # -- applying -----------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        parsed = doc.has_annotation("DEP")
        strong = strong_verb_forms()
        for token in doc:
            if token.pos_ == "VERB" and token.lower_ in strong:
                token.lemma_ = strong[token.lower_]  # "riepen" -> "roepen", particles next
            token.lemma_ = self.lemma_of(token, parsed)
        return doc

    def lemma_of(self, token: Token, parsed: bool) -> str:
        """The token's lemma in the treebank's convention: first what the parse
        and the tables say for sure, then repairs, then compound splits."""
        if token.pos_ == "VERB" and parsed:
            separated = self.separated_particle(token)
            if separated is not None:
                return separated
        known = self.known.get(f"{token.text}|{token.pos_}")
        if known is not None:
            return known
        lemma = token.lemma_
        if token.pos_ not in SPLIT_POS:
            return lemma
        if token.text.istitle() and lemma == token.text:
            # a capital from the sentence start hid a word the tables know
            known = self.known.get(f"{token.lower_}|{token.pos_}")
            if known is not None:
                return known
        if "-" in token.text:
            return self.hyphenated(token) if token.pos_ != "VERB" else lemma
        if "_" in lemma:
            if self.known_parts(token):
                return lemma
            lemma = lemma.replace("_", "")  # an edit tree split a stranger
        lemma = self.repair(lemma, token.pos_)
        if lemma.lower() in self.whole or len(lemma) < 2 * MIN_PART:
            return lemma
        if token.pos_ == "VERB":
            return self.split_verb(lemma) or self.particle_form(token.lower_) or lemma
        # the lemmatizer may have slipped on the inflection: the form's last part
        # is then still a form the tables know ("gezondheidsprofielen")
        return self.split(lemma) or self.split(token.text) or lemma

    def hyphenated(self, token: Token) -> str:
        """ "NS-topman" -> "NS_topman", "35-jarige" -> "35_jarig": the treebank
        joins the parts of a hyphenated common noun or adjective with "_"."""
        pieces = token.text.split("-")
        if any(not piece for piece in pieces):
            return token.lemma_
        if len(pieces) == 2 and pieces[1] in PLURAL_ENDINGS:
            return pieces[0]  # "GGD-en", "cd-s"
        last = pieces[-1].lower()
        tail = token.lemma_.rsplit("-", 1)[-1] if "-" in token.lemma_ else None
        head = self.splits.get(last) or self.heads.get(last) or tail or last
        first = pieces[0]
        if first[:1].isupper() and first[1:].islower() and first.lower() in self.parts:
            first = first.lower()  # "Auto-prijs": the sentence's capital
        return "_".join([first, *pieces[1:-1], head])

    def particle_form(self, form: str) -> str | None:
        """A particle verb's form the lemmatizer did not know: particle + a
        known verb form ("ingeschat" -> "in" + "geschat" -> "in_schatten")."""
        for i in range(len(form) - MIN_PART, 1, -1):
            particle, rest = form[:i], form[i:]
            verb = self.heads.get(rest)
            if particle in self.particles and verb in self.verbs:
                return f"{particle}_{verb}"
        return None

    def separated_particle(self, token: Token) -> str | None:
        """The lemma of a verb whose particle stands apart, or None to leave it.

        "geeft ... aan" -> "aan_geven" where the treebank has "aan_geven"; a
        particle in the lemma that is neither in the form nor in the sentence
        ("staat" lemmatized "vast_staan") is taken out.
        """
        lemma = token.lemma_.lower()
        particles = [c.lower_ for c in token.children if _is_particle(c)]
        if "_" in lemma:
            first, _, verb = lemma.partition("_")
            if token.lower_.startswith(first) or first in particles:
                return None
        else:
            verb = lemma
        for particle in particles:
            if f"{particle}_{verb}" in self.separable:
                return f"{particle}_{verb}"
        return verb if verb != lemma else None

    def known_parts(self, token: Token) -> bool:
        """Whether a lemma's parts are words the treebank knows ("zorg_dossier",
        not the "zorgdoss_ier" of a suffix edit learned from another word)."""
        pieces = token.lemma_.lower().split("_")
        if token.pos_ == "VERB" and len(pieces) == 2 and pieces[0] in self.particles:
            return True
        return all(piece in self.parts or piece in self.heads for piece in pieces)

    def repair(self, lemma: str, pos: str) -> str:
        """Undo the edit-tree lemmatizer's spelling slips where the treebank knows
        the word: a capital kept from the sentence start ("Internationaal"), a
        doubled or undoubled letter ("arresteeren", "missionariss", "gewad"),
        a dropped ending ("pleit" for "pleiten", "menigt" for "menigte")."""
        lower = lemma.lower()
        if lemma[:1].isupper() and not lemma.isupper() and lower in self.whole:
            return lower
        known = self.verbs if pos == "VERB" else self.whole
        if lower in known:
            return lemma
        for candidate in _spelling_variants(lower, pos):
            if candidate in known:
                return candidate
        return lemma

    def split_verb(self, lemma: str) -> str | None:
        """Separable verbs: particle + a known verb ("samenwerken" -> "samen_werken")."""
        lower = lemma.lower()
        for i in range(len(lower) - MIN_PART, 1, -1):
            if lower[:i] in self.particles and lower[i:] in self.verbs:
                return f"{lower[:i]}_{lower[i:]}"
        return None

    def split(self, word: str) -> str | None:
        """ "jeugdgezondheidszorg" -> "jeugd_gezondheid_zorg"; None if no split."""
        lower = word.lower()
        best = self._split(lower, 0, {})
        if best is None or len(best) < 2:
            return None
        pieces, head = [], best[-1]
        for start, end in best[:-1]:
            piece = word[start:end]
            pieces.append(self.splits.get(piece.lower(), piece))
        last = lower[head[0] : head[1]]
        pieces.append(self.splits.get(last) or self.heads.get(last, last))
        joined = "_".join(pieces)
        # a capital from the sentence start is no part of a common noun's lemma
        return joined.lower() if word[:1].isupper() and word[1:].islower() else joined

    def _split(
        self, word: str, start: int, memo: dict[int, list[tuple[int, int]] | None]
    ) -> list[tuple[int, int]] | None:
        """Fewest parts covering ``word[start:]``; links allowed between parts."""
        if start in memo:
            return memo[start]
        best: list[tuple[int, int]] | None = None
        rest = word[start:]
        if start > 0 and len(rest) >= MIN_PART and (rest in self.parts or rest in self.heads):
            best = [(start, len(word))]
        else:
            for end in range(len(word) - MIN_PART, start, -1):
                piece = word[start:end]
                if len(piece) < MIN_PART or piece not in self.parts:
                    continue
                for link in ("", *LINKS):
                    if link and not word.startswith(link, end):
                        continue
                    tail = self._split(word, end + len(link), memo)
                    if tail is not None and (best is None or len(tail) + 1 < len(best)):
                        best = [(start, end), *tail]
        memo[start] = best
        return best

    # -- serialisation ------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        tables = {
            "parts": sorted(self.parts),
            "whole": sorted(self.whole),
            "particles": sorted(self.particles),
            "verbs": sorted(self.verbs),
            "separable": sorted(self.separable),
            "heads": self.heads,
            "known": self.known,
            "splits": self.splits,
        }
        (path / "tables.json").write_text(json.dumps(tables, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> CompoundLemmas:
        tables = json.loads((Path(path) / "tables.json").read_text(encoding="utf-8"))
        self.parts, self.whole = set(tables["parts"]), set(tables["whole"])
        self.particles, self.heads = set(tables["particles"]), dict(tables["heads"])
        self.verbs, self.known = set(tables["verbs"]), dict(tables["known"])
        self.splits = dict(tables["splits"])
        self.separable = set(tables.get("separable", ()))
        return self


@functools.cache
def strong_verb_forms() -> dict[str, str]:
    """Past forms of Dutch strong verbs -> infinitive (lexicon/strong_verbs.tsv)."""
    forms: dict[str, str] = {}
    path = ontology_file("lexicon/strong_verbs.tsv")
    with path.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if row and not row[0].startswith("#") and len(row) >= 3:
                for form in row[2].split(","):
                    forms[form.strip()] = row[1].strip()
    return forms


def _is_particle(token: Token) -> bool:
    """A separable verb's particle, not the preposition of a fixed phrase that
    the treebank also marks ``compound:prt`` ("om het leven komen", "voor de dag")."""
    if token.dep_ != "compound:prt":
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is None or following.pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "NUM")


VOWELS = "aeiou"


def _spelling_variants(word: str, pos: str) -> list[str]:
    """Regular Dutch spelling alternations between a form and its lemma."""
    variants = []
    if pos == "VERB":
        variants += [word + "en", word + "n"]
        stem = word[:-2] if word.endswith("en") else word
        # "arresteeren" -> "arresteren", "roemmen" -> "roemen"
        for i in range(len(stem) - 1):
            if stem[i] == stem[i + 1]:
                variants.append(stem[:i] + stem[i + 1 :] + "en")
    else:
        variants += [word + "e", word[:-1] if len(word) > 4 and word[-1] == word[-2] else ""]
        # an open syllable spelt with one vowel: "gewad" -> "gewaad"
        if len(word) > 3 and word[-2] in VOWELS and word[-3] not in VOWELS:
            variants.append(word[:-1] + word[-2] + word[-1])
    return [v for v in variants if v]


@Language.factory("geokg_compounds")
def make_compound_lemmas(nlp: Language, name: str) -> CompoundLemmas:
    return CompoundLemmas(nlp, name)
