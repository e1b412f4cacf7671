"""Train, score and package geokg's Dutch spaCy pipeline.

    python -m training nl                 # train; dev.conllu picks model-best (shipped)
    python -m training nl --train-on-dev  # also learn from dev (take model-last)
    python -m training nl --max-steps 20  # a smoke run (what CI does)
    python -m training en --max-steps 8000
    python -m training pretrain-nl        # tok2vec pretraining on raw Dutch text
    python -m training nl --init-tok2vec training/runs/pretrain-nl/model7.bin
    python -m training evaluate training/runs/nl/model-best
    python -m training package training/runs/nl/model-best

Data comes from ../shared/data/nl-ud and en-ud (CC BY-SA 4.0); see docs/MODELS.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train
from spacy.scorer import Scorer
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.vocab import Vocab

import kg.nlp  # noqa: F401  (registers geokg's own pipeline components)
from kg.compounds import CompoundLemmas
from training.conllu import (
    docs_of,
    read_docs,
    read_sentences,
    read_sentences_with_origin,
    swap_names,
)
from training.harmonise import Harmoniser, Rows, is_older

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED_DATA = REPO.parent / "shared" / "data"
#: Training files per language (in ``SHARED_DATA/<lang>-ud``).
TRAIN_FILES = {"nl": ("train.conllu", "train-alpino.conllu"), "en": ("train.conllu",)}
MODELS = REPO / "kg" / "models"
#: Parts of the training files seen more than once: the Dutch newspaper text of the
#: Alpino treebank (``cdb``), the genre geokg reads, twice (dev LAS 80.4 -> 81.3).
OVERSAMPLE = {"nl": {"Treebank/cdb": 2}, "en": {}}


def convert(
    lang: str,
    data: Path,
    corpus: Path,
    limit: int,
    oversample: dict[str, int] | None = None,
    train_on_dev: bool = False,
    name_swaps: int = 0,
    harmonise: bool = False,
    sample: float = 1.0,
) -> tuple[Path, Path]:
    """Write train/dev ``.spacy`` files from the CoNLL-U treebank.

    ``oversample`` maps a part of the treebank (a string of its ``# origin``
    comments, e.g. ``Treebank/cdb``) to how many times its sentences are seen.
    ``train_on_dev`` also trains on the dev file: for a final model whose number
    of steps was chosen on a run that held dev out (its dev scores then mean
    nothing; take model-last). ``name_swaps`` adds that many copies of every
    sentence with a proper name, the names swapped for gazetteer names.
    ``harmonise`` relabels sentences in the older UD annotation to the current
    scheme (see training/harmonise.py). ``sample`` trains on that share of the
    training sentences (a learning curve); dev stays whole.
    """
    corpus.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank(lang).vocab
    train_bin, dev_bin = DocBin(), DocBin()
    transform = _harmoniser(data, TRAIN_FILES[lang]) if harmonise else None
    for name in TRAIN_FILES[lang]:
        for doc in read_docs(data / name, vocab, limit=limit, transform=transform, sample=sample):
            train_bin.add(doc)
        if name_swaps:
            for doc in _name_swapped(data / name, vocab, limit, name_swaps):
                train_bin.add(doc)
        for origin, times in (oversample or {}).items():
            for _ in range(times - 1):
                for doc in read_docs(
                    data / name,
                    vocab,
                    limit=limit,
                    origins=(origin,),
                    transform=transform,
                    sample=sample,
                ):
                    train_bin.add(doc)
    for doc in read_docs(data / "dev.conllu", vocab, limit=limit):
        dev_bin.add(doc)
        if train_on_dev:
            train_bin.add(doc)
    train_path, dev_path = corpus / "train.spacy", corpus / "dev.spacy"
    train_bin.to_disk(train_path)
    dev_bin.to_disk(dev_path)
    return train_path, dev_path


def _harmoniser(data: Path, names: tuple[str, ...]) -> Callable[[str, Rows], Rows]:
    """Relabel older-annotation sentences by tables learnt from the current ones."""
    current = (
        rows
        for name in names
        for origin, rows in read_sentences_with_origin(data / name)
        if not is_older(origin)
    )
    harmoniser = Harmoniser.learn(current)

    def transform(origin: str, rows: Rows) -> Rows:
        return harmoniser.apply(rows) if is_older(origin) else rows

    return transform


def _name_swapped(path: Path, vocab: Vocab, limit: int, copies: int) -> Iterator[Doc]:
    """Docs of the sentences of ``path`` with their names swapped (see swap_names)."""
    from kg.gazetteer import load_gazetteer

    names: dict[int, list[tuple[str, ...]]] = {}
    for actor in load_gazetteer().actors.values():
        words = tuple((actor.name_nl or actor.name).split())
        if all(w[:1].isupper() and w.isalpha() for w in words):
            names.setdefault(len(words), []).append(words)
    rng = random.Random(0)

    def swapped() -> Iterator[list[list[str]]]:
        for count, rows in enumerate(read_sentences(path), start=1):
            for _ in range(copies):
                copy = swap_names(rows, names, rng)
                if copy is not None:
                    yield copy
            if limit and count >= limit:
                return

    return docs_of(vocab, swapped())


def raw_text(data: Path, out: Path) -> Path:
    """Raw Dutch for pretraining: ../shared/data/nl-raw plus the treebank's own
    training sentences (never dev or test), as spaCy's JSONL corpus."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for path in sorted((data / "nl-raw").glob("*.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    handle.write(json.dumps({"text": line.strip()}, ensure_ascii=False) + "\n")
        for name in TRAIN_FILES["nl"]:
            for line in (data / "nl-ud" / name).read_text(encoding="utf-8").splitlines():
                if line.startswith("# text = "):
                    handle.write(json.dumps({"text": line[9:]}, ensure_ascii=False) + "\n")
    return out


def evaluate(model: Path, test: Path) -> dict[str, float]:
    """Score a pipeline on a CoNLL-U file; also time it on one thread."""
    nlp = spacy.load(model)
    gold = list(read_docs(test, nlp.vocab))
    texts = [doc.text for doc in gold]
    start = time.perf_counter()
    predicted = list(nlp.pipe(texts, batch_size=64))
    seconds = time.perf_counter() - start
    words = sum(len(doc) for doc in predicted)
    examples = [Example(p, g) for p, g in zip(predicted, gold, strict=True)]
    scores = Scorer(nlp).score(examples)  # nlp.evaluate would run the pipeline again
    return {
        "upos": round(100 * scores["pos_acc"], 2),
        "xpos": round(100 * scores["tag_acc"], 2),
        "morph": round(100 * scores["morph_acc"], 2),
        "lemma": round(100 * scores["lemma_acc"], 2),
        "uas": round(100 * scores["dep_uas"], 2),
        "las": round(100 * scores["dep_las"], 2),
        "sents_f": round(100 * scores["sents_f"], 2),
        "words_per_second": round(words / seconds),
    }


SOURCES = {
    "nl": [
        {
            "name": "UD_Dutch-Alpino",
            "license": "CC BY-SA 4.0",
            "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino",
        },
        {
            "name": "UD_Dutch-LassySmall",
            "license": "CC BY-SA 4.0",
            "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall",
        },
    ],
    "en": [
        {
            "name": "UD_English-EWT",
            "license": "CC BY-SA 4.0",
            "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        },
    ],
}


def add_compound_lemmas(nlp: spacy.Language, data: Path) -> None:
    """Dutch: split compound lemmas as the treebank does (see kg.compounds)."""
    component = nlp.add_pipe("geokg_compounds", after="trainable_lemmatizer")
    assert isinstance(component, CompoundLemmas)
    component.learn(
        (cols[1], cols[2], cols[3])
        for name in TRAIN_FILES["nl"]
        for rows in read_sentences(data / name)
        for cols in rows
    )


def package(model: Path, into: Path | None = None) -> None:
    """Copy a trained pipeline into the package (or ``into`` another folder, to
    compare candidates with ``kg evaluate --model``), with its license attribution."""
    nlp = spacy.load(model)
    lang = nlp.lang
    if lang == "nl":
        for name in ("geokg_auxiliaries", "geokg_compounds"):
            if name in nlp.pipe_names:
                nlp.remove_pipe(name)  # added anew, with tables learnt by this code
        nlp.add_pipe("geokg_auxiliaries", after="parser")
        add_compound_lemmas(nlp, SHARED_DATA / "nl-ud")
    target = into or MODELS / lang
    nlp.meta.update({"name": f"geokg_{lang}", "license": "CC BY-SA 4.0", "sources": SOURCES[lang]})
    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    nlp.to_disk(tmp)
    shutil.copy(HERE / f"ATTRIBUTION-{lang}.md", tmp / "ATTRIBUTION.md")
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)


def _config_value(item: str) -> tuple[str, object]:
    """``"a.b=0.5"`` -> ``("a.b", 0.5)``; values are read as JSON where they parse."""
    key, sep, value = item.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"{item!r}: expected KEY=VALUE")
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value


def _pipeline_dir(item: str) -> Path:
    """A folder holding a trained spaCy pipeline (its config.cfg)."""
    path = Path(item)
    if not (path / "config.cfg").is_file():
        raise argparse.ArgumentTypeError(f"{item!r}: no trained pipeline there (no config.cfg)")
    return path


def _share(item: str) -> float:
    """``"0.5"`` -> ``0.5``; a share must lie in (0, 1]."""
    try:
        share = float(item)
    except ValueError:
        share = -1.0
    if not 0 < share <= 1:
        raise argparse.ArgumentTypeError(f"{item!r}: expected a share in (0, 1]")
    return share


def _oversample_item(item: str) -> tuple[str, int]:
    """``"Treebank/cdb=2"`` -> ``("Treebank/cdb", 2)``."""
    origin, sep, times = item.rpartition("=")
    if not sep or not origin or not times.isdigit() or int(times) < 1:
        raise argparse.ArgumentTypeError(f"{item!r}: expected ORIGIN=N with N >= 1")
    return origin, int(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training")
    sub = parser.add_subparsers(dest="command", required=True)
    for lang in TRAIN_FILES:
        tr = sub.add_parser(lang, help=f"convert the {lang} treebank and train")
        tr.add_argument("--data", type=Path, default=SHARED_DATA / f"{lang}-ud")
        tr.add_argument("--output", type=Path, default=HERE / "runs" / lang)
        tr.add_argument("--max-steps", type=int, default=0, help="0: as in the config")
        tr.add_argument("--limit", type=int, default=0, help="sentences per file (0: all)")
        tr.add_argument("--config", type=Path, default=HERE / f"{lang}.cfg")
        tr.add_argument("--init-tok2vec", type=Path, help="pretrained tok2vec weights")
        tr.add_argument(
            "--oversample",
            type=_oversample_item,
            action="append",
            default=[],
            metavar="ORIGIN=N",
            help="see sentences whose # origin contains ORIGIN N times "
            f"(default: {OVERSAMPLE[lang] or 'none'})",
        )
        tr.add_argument(
            "--train-on-dev",
            action="store_true",
            help="train on dev.conllu too (a final run; take model-last)",
        )
        tr.add_argument(
            "--name-swaps",
            type=int,
            default=0,
            metavar="N",
            help="add N copies of each sentence with a name, names swapped for gazetteer ones",
        )
        tr.add_argument(
            "--harmonise",
            action="store_true",
            help="relabel the older UD annotation in train.conllu to the current scheme",
        )
        tr.add_argument(
            "--sample",
            type=_share,
            default=1.0,
            metavar="F",
            help="train on this share (0-1] of the training sentences, for a learning curve",
        )
        tr.add_argument(
            "--set",
            type=_config_value,
            action="append",
            default=[],
            metavar="KEY=VALUE",
            help="a config override, e.g. training.optimizer.use_averages=true",
        )
    pre = sub.add_parser("pretrain-nl", help="pretrain the Dutch tok2vec on raw text")
    pre.add_argument("--output", type=Path, default=HERE / "runs" / "pretrain-nl")
    pre.add_argument("--max-epochs", type=int, default=0, help="0: as in the config")
    ev = sub.add_parser("evaluate", help="score a pipeline on a test treebank")
    ev.add_argument("model", type=_pipeline_dir)
    ev.add_argument("--test", type=Path, help="default: the language's test.conllu")
    pk = sub.add_parser("package", help="ship a pipeline inside kg/models/nl")
    pk.add_argument("model", type=_pipeline_dir)
    pk.add_argument("--into", type=Path, help="another folder than kg/models/<lang>")
    args = parser.parse_args(argv)

    if args.command in TRAIN_FILES:
        oversample = dict(args.oversample) or OVERSAMPLE[args.command]
        train_path, dev_path = convert(
            args.command,
            args.data,
            args.output / "corpus",
            args.limit,
            oversample,
            args.train_on_dev,
            args.name_swaps,
            args.harmonise,
            args.sample,
        )
        overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
        overrides.update(args.set)
        if args.init_tok2vec:
            overrides["paths.init_tok2vec"] = str(args.init_tok2vec)
        if args.max_steps:
            overrides["training.max_steps"] = args.max_steps
            if "total_steps" in args.config.read_text(encoding="utf-8"):
                # the learning rate still falls to 0 at the last step
                overrides["training.optimizer.learn_rate.total_steps"] = args.max_steps
            overrides["training.eval_frequency"] = min(500, max(1, args.max_steps // 2))
        spacy_train(args.config, args.output, overrides=overrides)
    elif args.command == "pretrain-nl":
        from spacy.training.pretrain import pretrain
        from spacy.util import load_config

        corpus = raw_text(SHARED_DATA, args.output / "raw.jsonl")
        overrides = {"paths.raw_text": str(corpus)}
        if args.max_epochs:
            overrides["pretraining.max_epochs"] = args.max_epochs
        config = load_config(HERE / "nl.cfg", overrides=overrides, interpolate=True)
        args.output.mkdir(parents=True, exist_ok=True)
        pretrain(config, args.output, silent=False)
    elif args.command == "evaluate":
        test = args.test or SHARED_DATA / f"{spacy.load(args.model).lang}-ud" / "test.conllu"
        json.dump(evaluate(args.model, test), sys.stdout, indent=2)
        print()
    elif args.command == "package":
        package(args.model, args.into)
    return 0


if __name__ == "__main__":
    sys.exit(main())
