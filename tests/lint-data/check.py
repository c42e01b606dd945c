#!/usr/bin/env python3
"""Check labelled wording-checker sentences (JSON Lines) and print their counts.

Debrief's wording checker is measured on sentences taken from public post-mortems.
This script keeps those files honest before anyone scores against them: every line
is valid JSON with the agreed keys, categories and labels agree, `hard` is true
exactly for negatives that contain a trigger word, no sentence appears twice (within
or across files), and every organisation sits wholly in one split.

usage: check.py FILE.jsonl [FILE.jsonl ...]    exit 0 when clean, 1 on problems
"""
import collections
import json
import os
import re
import sys

KEYS = ["text", "label", "category", "span", "org", "source", "licence",
        "section", "hard", "split", "note"]
CATEGORIES = {"counterfactual", "blame", "minimizing", "hindsight", "none"}
SPLITS = {"train", "validation"}
# Words that make a negative "hard": a naive checker could fire on them.
TRIGGER = re.compile(
    r"\b(would|wouldn|could|couldn|should|shouldn|might|ought|must|have|has|had|"
    r"haven|hasn|hadn|just|simple|simply|simplest|obvious|obviously|clear|clearly|"
    r"fail|fails|failed|failing|failure|failures|error|errors|mistake|mistakes|"
    r"mistaken|mistakenly|careless|carelessly|blame|blamed|blameless|hindsight|"
    r"retrospect|easy|easily|easier|trivial|trivially|only|forgot|forget|forgotten|"
    r"miss|missed|missing|overlook|overlooked|neglect|neglected|human|accident|"
    r"accidental|accidentally|slow|quick|quickly|wrong|basically)\b|['’]ve\b",
    re.IGNORECASE)


def normalised(text):
    return " ".join(text.split()).lower()


def check(paths):
    problems = []
    rows = []
    first_seen = {}
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                where = f"{path}:{number}"
                if not line.strip():
                    problems.append(f"{where}: empty line")
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as err:
                    problems.append(f"{where}: not JSON ({err})")
                    continue
                missing = [k for k in KEYS if k not in row]
                extra = [k for k in row if k not in KEYS]
                if missing or extra:
                    problems.append(f"{where}: missing keys {missing}, unexpected keys {extra}")
                    continue
                if not isinstance(row["text"], str) or not row["text"].strip():
                    problems.append(f"{where}: empty text")
                if not isinstance(row["label"], bool) or not isinstance(row["hard"], bool):
                    problems.append(f"{where}: label and hard must be true or false")
                if row["category"] not in CATEGORIES:
                    problems.append(f"{where}: unknown category {row['category']!r}")
                if row["label"] != (row["category"] != "none"):
                    problems.append(f"{where}: label {row['label']} disagrees with category {row['category']}")
                if row["label"]:
                    if not row["span"] or row["span"] not in row["text"]:
                        problems.append(f"{where}: span {row['span']!r} is not copied from the text")
                elif row["span"]:
                    problems.append(f"{where}: a negative has a span")
                expected_hard = (not row["label"]) and bool(TRIGGER.search(row["text"]))
                if row["hard"] != expected_hard:
                    problems.append(f"{where}: hard is {row['hard']}, the trigger words say {expected_hard}")
                if row["split"] not in SPLITS:
                    problems.append(f"{where}: unknown split {row['split']!r}")
                for key in ("org", "source", "licence"):
                    if not str(row[key]).strip():
                        problems.append(f"{where}: empty {key}")
                key = normalised(row["text"])
                if key in first_seen:
                    problems.append(f"{where}: duplicate of {first_seen[key]}")
                else:
                    first_seen[key] = where
                rows.append(row)
    # The dev set beside the project, when it is there: none of its sentences may come back here.
    dev_set = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "lint", "dev-set.jsonl")
    if os.path.exists(dev_set):
        with open(dev_set, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip() and normalised(json.loads(line)["text"]) in first_seen:
                    problems.append(f"{first_seen[normalised(json.loads(line)['text'])]}: also in the dev set (line {number})")
    splits_by_org = collections.defaultdict(set)
    for row in rows:
        splits_by_org[row["org"]].add(row["split"])
    for org, splits in sorted(splits_by_org.items()):
        if len(splits) > 1:
            problems.append(f"organisation {org!r} is in more than one split: {sorted(splits)}")
    return rows, problems


def report(rows):
    total = len(rows)
    if not total:
        print("no sentences")
        return
    categories = collections.Counter(r["category"] for r in rows)
    negatives = [r for r in rows if not r["label"]]
    positives = total - len(negatives)
    print(f"sentences: {total}  positives: {positives} ({positives / total:.0%})  "
          f"organisations: {len({r['org'] for r in rows})}")
    print("per category:")
    for name in ["counterfactual", "blame", "minimizing", "hindsight", "none"]:
        print(f"  {name:15} {categories[name]:5}  {categories[name] / total:5.1%}")
    if negatives:
        hard = sum(r["hard"] for r in negatives)
        print(f"hard negatives: {hard} of {len(negatives)} ({hard / len(negatives):.0%})")
    print("per split:")
    for split in sorted({r["split"] for r in rows}):
        part = [r for r in rows if r["split"] == split]
        cats = collections.Counter(r["category"] for r in part)
        orgs = len({r["org"] for r in part})
        print(f"  {split:10} {len(part):5} sentences, {orgs} organisations, "
              + ", ".join(f"{c} {cats[c]}" for c in ["counterfactual", "blame", "minimizing", "hindsight", "none"]))
    print("per organisation:")
    by_org = collections.Counter(r["org"] for r in rows)
    for org, count in sorted(by_org.items(), key=lambda item: (-item[1], item[0])):
        part = [r for r in rows if r["org"] == org]
        print(f"  {count:4}  {org} [{part[0]['split']}]  positives {sum(r['label'] for r in part)}")


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    rows, problems = check(argv[1:])
    for problem in problems:
        print("problem:", problem)
    report(rows)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
