"""Generate pseudo-articles from real Dutch sentences, for timing builds at scale.

    python benchmarks/make_corpus.py 10000 /tmp/corpus10k            # one .txt file an article
    python benchmarks/make_corpus.py 10000 /tmp/corpus10k.jsonl      # one JSON line an article

Sentences come from ``../shared/data/nl-raw/`` (every file but ``ntrex128-nl.txt``, an
evaluation set) and the ``# text`` lines of the Dutch UD treebanks
(``../shared/data/nl-ud/*.conllu``). Each article starts with a date line
(``date YYYY-MM-DD``) and has 400-600 words in paragraphs of 3-6 sentences, drawn with a
fixed seed: the same COUNT gives the same corpus, and the first N articles of a larger
corpus are the corpus of N.
"""

from __future__ import annotations

import datetime
import json
import random
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
EXCLUDED = {"ntrex128-nl.txt"}  # evaluation text: never in a training or timing corpus


def sentences(data: Path = DATA) -> list[str]:
    found: list[str] = []
    for path in sorted((data / "nl-raw").glob("*.txt")):
        if path.name not in EXCLUDED:
            found += [line.strip() for line in path.open(encoding="utf-8") if line.strip()]
    for path in sorted((data / "nl-ud").glob("*.conllu")):
        for line in path.open(encoding="utf-8"):
            if line.startswith("# text = "):
                found.append(line[len("# text = ") :].strip())
    # a very long line (a parliament paragraph listing 144 names) is no news sentence
    return [s for s in dict.fromkeys(found) if 3 <= len(s.split()) <= 80]


def article(number: int, pool: list[str]) -> tuple[str, str, str]:
    """(id, date, text) of article ``number``: the same for the same number and pool."""
    rng = random.Random(number)
    date = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(3650))
    target, words, paragraphs, paragraph = rng.randint(400, 600), 0, [], []
    while words < target:
        sentence = rng.choice(pool)
        paragraph.append(sentence)
        words += len(sentence.split())
        if len(paragraph) >= rng.randint(3, 6):
            paragraphs.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        paragraphs.append(" ".join(paragraph))
    return f"gen-{number:06d}", date.isoformat(), "\n\n".join(paragraphs)


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    pool = sentences()
    if target.suffix == ".jsonl":
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as out:
            for n in range(count):
                doc_id, date, text = article(n, pool)
                record = {"id": doc_id, "date": date, "lang": "nl", "text": text}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        target.mkdir(parents=True, exist_ok=True)
        for n in range(count):
            doc_id, date, text = article(n, pool)
            (target / f"{doc_id}.txt").write_text(f"date {date}\n\n{text}\n", encoding="utf-8")
    print(f"{count} articles from {len(pool)} sentences -> {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
