"""Known names read as familiar ones by the tagger and parser.

geokg's pipelines learnt English and Dutch from treebanks with few foreign names:
"Joe Biden met Xi Jinping" tags "Xi" as a preposition and "Jinping" as a verb, and
the meeting is lost. Before the pipeline reads the words, a name the gazetteer
knows gets the *norm* of a name the treebanks are full of ("John Smith", "Jan
Jansen"), which is what the network's word features are built from (NORM, with
the word's own prefix, suffix and shape); the text, the offsets and what
geokg resolves stay the name's own.
"""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: Norms of a familiar person's name, by language: given names, then the surname.
FAMILIAR = {"en": (("john", "paul"), "smith"), "nl": (("jan", "peter"), "jansen")}


@functools.cache
def _person_matcher(lang: str, vocab: Vocab) -> PhraseMatcher:
    import spacy

    from kg.gazetteer import load_gazetteer

    make_doc = spacy.blank(lang, vocab=vocab).make_doc
    gazetteer = load_gazetteer()
    matcher = PhraseMatcher(vocab, attr="ORTH")
    names = {
        alias
        for alias, key in gazetteer.alias_table(lang)
        if gazetteer.actors[key].kind == "Person" and " " in alias and alias[:1].isupper()
    }
    matcher.add("PERSON", [make_doc(name) for name in sorted(names)])
    return matcher


@Language.component("geokg_name_norms")
def name_norms(doc: Doc) -> Doc:
    lang = doc.lang_ if doc.lang_ in FAMILIAR else "en"
    given, surname = FAMILIAR[lang]
    for _, start, end in _person_matcher(lang, doc.vocab)(doc):
        words = list(doc[start:end])
        if not all(t.is_alpha and t.text[:1].isupper() for t in words):
            continue  # "Moon Jae-in", "bin Salman": the parser knows their pieces
        for i, token in enumerate(words[:-1]):
            token.norm_ = given[min(i, len(given) - 1)]
        words[-1].norm_ = surname
    return doc
