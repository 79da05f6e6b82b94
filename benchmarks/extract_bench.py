"""How well and how fast `trade-dash extract` reads articles.

Prints, and writes to benchmarks/results/extract.json:

- precision and recall on the labelled corpus (tests/corpus/extract), overall and by
  language: a candidate is correct when its measure, flow, year, period and months
  match a labelled figure and its value is within 0.05; each label matches once;
- the same on each batch of held-out articles (tests/corpus/extract/heldout*), each
  written after the patterns were frozen and labelled before the extractor first read
  it: the first readings, all batches pooled, the last five and three pooled and the newest,
  say how well unseen articles are read (a batch, once read and learnt from, is
  development data; its labels.json says what it first gave);
- how often the stated change and the approximate marker are right on matched figures;
- the time to read 1,000 articles on one core (the corpus, over and over, pages
  included);
- when the source articles of the bundled data sit in ../shared/seeds beside the
  checkout, whether every figure of their table is found.

Run: .venv/bin/python benchmarks/extract_bench.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from trade_dash.domain.extract import extract_article
from trade_dash.domain.extract.article import read_article
from trade_dash.domain.extract.record import Candidate

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus" / "extract"
SEEDS = ROOT.parent / "shared" / "seeds"
RESULTS = ROOT / "benchmarks" / "results" / "extract.json"
TOLERANCE = 0.05
SPEED_ARTICLES = 1000
TARGETS = {"recall": 0.9, "precision": 0.95, "seconds_per_1000": 60.0}

# The figures of the seeds' README table (facts only: file prefix, what, period, value).
SEED_FACTS = (
    ("004", "actual", 2017, 12, 74.8),
    ("002", "actual", 2019, 12, 35.3),
    ("004", "actual", 2020, 12, 29.3),
    ("004", "actual", 2021, 12, 61.0),
    ("002", "actual", 2023, 12, 76.7),
    ("001", "actual", 2024, 8, 83.9),
    ("000", "target", None, 12, 500.0),
    ("001", "target", None, 12, 500.0),
    ("003", "target", None, 12, 500.0),
    ("004", "target", None, 12, 500.0),
)


def same(c: Candidate, label: dict) -> bool:
    return (c.measure == label["measure"] and c.flow == label["flow"]
            and c.year == label["year"] and c.period == label["period"]
            and c.months == label["months"]
            and abs(c.value_musd - label["value_musd"]) <= TOLERANCE)


def score(folder: Path, verbose: bool) -> dict:
    labelled = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    labels = labelled["articles"]
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for name, figures in sorted(labels.items()):
        lang = name.split("_", 1)[0]
        found = extract_article(read_article(folder / name))
        left = list(figures)
        for c in found:
            match = next((f for f in left if same(c, f)), None)
            for key in (lang, "all"):
                totals[key]["candidates"] += 1
                totals[key]["correct"] += match is not None
            if match is None:
                if verbose:
                    print(f"  extra  {name}: {c.measure} {c.flow} {c.year} {c.period} "
                          f"{c.months} {c.value_text} | {c.sentence[:90]}")
                continue
            left.remove(match)
            totals["all"]["yoy_right"] += c.yoy_change_pct == match.get("yoy_change_pct")
            totals["all"]["precision_right"] += c.precision == match.get("precision", "exact")
        for key in (lang, "all"):
            totals[key]["labels"] += len(figures)
            totals[key]["found"] += len(figures) - len(left)
        if verbose:
            for f in left:
                print(f"  missed {name}: {f}")
    out: dict = {}
    for key, t in sorted(totals.items()):
        out[key] = {
            "articles": sum(1 for n in labels if key in ("all", n.split("_", 1)[0])),
            "labels": t["labels"], "candidates": t["candidates"],
            "precision": round(t["correct"] / t["candidates"], 3) if t["candidates"] else None,
            "recall": round(t["found"] / t["labels"], 3) if t["labels"] else None,
        }
    if "first_reading" in labelled:  # what the batch gave the first time it was read
        out["first_reading"] = labelled["first_reading"]
    found_all = totals["all"]["found"]
    out["all"]["yoy_change_right"] = round(totals["all"]["yoy_right"] / found_all, 3)
    out["all"]["precision_marker_right"] = round(
        totals["all"]["precision_right"] / found_all, 3)
    return out


def speed() -> dict:
    """Seconds to read and extract ``SPEED_ARTICLES`` articles, one after another."""
    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))
    raw = [(p.name, p.read_bytes()) for p in files]
    read_article(raw[0][1], raw[0][0])  # imports trafilatura, outside the clock
    start = time.perf_counter()
    for i in range(SPEED_ARTICLES):
        name, body = raw[i % len(raw)]
        extract_article(read_article(body, name))
    seconds = time.perf_counter() - start
    return {"articles": SPEED_ARTICLES, "seconds": round(seconds, 2),
            "pages_share": round(sum(n.endswith(".html") for n, _ in raw) / len(raw), 2)}


def seeds() -> dict | None:
    if not SEEDS.is_dir():
        return None
    found: dict[str, list[Candidate]] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        found[path.name[:3]] = extract_article(read_article(path, name=path.name))
    missing = []
    for prefix, measure, year, months, value in SEED_FACTS:
        ok = any(c.measure == measure and c.months == months
                 and (year is None or c.year == year)
                 and abs(c.value_musd - value) <= TOLERANCE for c in found.get(prefix, []))
        if not ok:
            missing.append(f"{prefix}: {measure} {year or ''} {value}")
    return {"figures": len(SEED_FACTS), "found": len(SEED_FACTS) - len(missing),
            "all_found": not missing, "missing": missing}


def _batch_number(name: str) -> int:
    """heldout is batch 1, heldoutN batch N."""
    return int(name.removeprefix("heldout") or 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list misses and extras")
    args = parser.parse_args()
    results: dict = {"corpus": score(CORPUS, args.verbose)}
    for batch in sorted(CORPUS.glob("heldout*/labels.json"),
                        key=lambda b: _batch_number(b.parent.name)):
        results[batch.parent.name] = score(batch.parent, args.verbose)
    results["speed"] = speed()
    results["seeds"] = seeds()
    results["targets"] = TARGETS
    for part in [k for k in results if k == "corpus" or k.startswith("heldout")]:
        if part in results:
            a = results[part]["all"]
            print(f"{part:9} {a['articles']:3} articles {a['labels']:4} figures  "
                  f"precision {a['precision']:.3f}  recall {a['recall']:.3f}  "
                  f"(change right {a['yoy_change_right']:.2f}, "
                  f"approximate right {a['precision_marker_right']:.2f})")
            if "first_reading" in results[part]:
                f = results[part]["first_reading"]
                print(f"  first reading, before it was learnt from: precision "
                      f"{f['precision']:.3f}  recall {f['recall']:.3f}")
            for lang, s in results[part].items():
                if lang not in ("all", "first_reading"):
                    print(f"  {lang}  {s['articles']:3} articles {s['labels']:4} figures  "
                          f"precision {s['precision']:.3f}  recall {s['recall']:.3f}")
    read = sorted((k for k in results if k.startswith("heldout")
                   and "first_reading" in results[k]), key=_batch_number)
    if read:  # how well articles nobody had seen were read: all batches, the last three
        for key, batches, label in (("unseen_first_reading", read, f"{len(read)} held-out"),
                                    ("last_five_first_readings", read[-5:], "the last five"),
                                    ("recent_first_readings", read[-3:], "the last three")):
            firsts = [results[k]["first_reading"] for k in batches]
            pooled = {n: sum(f[n] for f in firsts) for n in ("candidates", "correct", "figures")}
            results[key] = {
                "batches": len(firsts), **pooled,
                "precision": round(pooled["correct"] / pooled["candidates"], 3),
                "recall": round(pooled["correct"] / pooled["figures"], 3)}
            u = results[key]
            print(f"unseen   {label} batches at their first reading: precision "
                  f"{u['precision']:.3f}  recall {u['recall']:.3f}  ({u['correct']} of "
                  f"{u['figures']} figures, {u['candidates']} candidates)")
        newest = max((k for k in results if k.startswith("heldout")
                      and "first_reading" in results[k]), key=_batch_number)
        f = results[newest]["first_reading"]
        results["newest_first_reading"] = {"batch": newest, **f}
        print(f"newest   {newest} at its first reading: precision {f['precision']:.3f}  "
              f"recall {f['recall']:.3f}  ({f['correct']} of {f['figures']} figures, "
              f"{f['candidates']} candidates)")
    sp = results["speed"]
    print(f"speed    {sp['articles']} articles in {sp['seconds']:.1f} s on one core "
          f"({sp['pages_share']:.0%} saved web pages)")
    if results["seeds"] is None:
        print("seeds    not present: skipped")
    else:
        s = results["seeds"]
        print(f"seeds    {s['found']}/{s['figures']} figures of the table found"
              + ("" if s["all_found"] else f"; missing: {', '.join(s['missing'])}"))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    corpus = results["corpus"]["all"]
    met = (corpus["recall"] >= TARGETS["recall"] and corpus["precision"] >= TARGETS["precision"]
           and sp["seconds"] < TARGETS["seconds_per_1000"])
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
