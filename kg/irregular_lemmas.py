"""Irregular past forms the lemmatizer left as they are get their infinitive.

The trainable lemmatizer learns edit rules; a strong or irregular past form it has
seen too rarely, in an unusual context, comes out as itself ("left" for "leave",
"liet" for "laten"), and the lexicon, keyed by infinitives, then misses the verb.
The tables the lexicon already holds (irregular_verbs.tsv, strong_verbs.tsv) say
what the infinitive is.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.lexicon import irregular_verb_bases


@Language.component("geokg_irregular_lemmas")
def irregular_lemmas(doc: Doc) -> Doc:
    bases = irregular_verb_bases()
    lang = doc.lang_
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() != token.lower_:
            continue
        base = bases.get((lang, token.lower_))
        if base is not None:
            token.lemma_ = base
    return doc
