#!/usr/bin/env python3
"""Precision, recall and F1 of a wording checker per category, on one split of the
labelled sentences here (train or validation), checked as a user's files would be:
each sentence is written to a Markdown file of its own and the checker's first finding
in it is its answer.

Usage: evaluate.py SPLIT -- CHECKER [ARGS...]
  e.g. evaluate.py validation -- target/release/debrief lint --format json
"""
import collections, glob, json, os, subprocess, sys, tempfile

CATEGORIES = ["counterfactual", "blame", "minimizing", "hindsight"]


def main(argv):
    if len(argv) < 4 or argv[2] != "--":
        sys.exit(__doc__)
    split, checker = argv[1], argv[3:]
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []
    for path in sorted(glob.glob(os.path.join(here, "sentences-*.jsonl"))):
        with open(path, encoding="utf-8") as handle:
            rows += [row for row in map(json.loads, filter(str.strip, handle)) if row["split"] == split]
    directory = tempfile.mkdtemp(prefix="lint-evaluate-")
    paths = []
    for number, row in enumerate(rows):
        path = os.path.join(directory, f"{number}.md")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(row["text"] + "\n")
        paths.append(path)
    answers = {}
    for start in range(0, len(paths), 200):
        output = subprocess.run(checker + paths[start:start + 200], capture_output=True, text=True)
        if output.returncode not in (0, 1):
            sys.exit(f"the checker failed: {output.stderr.strip()[:400]}")
        text = output.stdout.strip()
        findings = json.loads(text) if text.startswith("[") else [json.loads(line) for line in text.splitlines() if line.strip()]
        for finding in findings:
            answers.setdefault(int(os.path.basename(finding["path"]).split(".")[0]), finding["category"])
    counts = collections.defaultdict(lambda: [0, 0, 0])  # true positives, false positives, false negatives
    for number, row in enumerate(rows):
        truth = row["category"] if row["label"] else None
        answer = answers.get(number)
        for category in CATEGORIES:
            if answer == category and truth == category:
                counts[category][0] += 1
            elif answer == category:
                counts[category][1] += 1
            elif truth == category:
                counts[category][2] += 1
    flagged = sum(1 for number in answers)
    right = sum(1 for number, row in enumerate(rows) if row["label"] and number in answers)
    positives = sum(1 for row in rows if row["label"])
    print(f"{split}: {len(rows)} sentences, {positives} to flag")
    print(f"{'category':16} {'precision':>9} {'recall':>7} {'F1':>6}  found/labelled")
    def line(name, tp, fp, fn):
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{name:16} {precision:9.3f} {recall:7.3f} {f1:6.3f}  {tp}/{tp + fn}")
    for category in CATEGORIES:
        line(category, *counts[category])
    totals = [sum(counts[category][index] for category in CATEGORIES) for index in range(3)]
    line("category-exact", *totals)
    line("any category", right, flagged - right, positives - right)


if __name__ == "__main__":
    main(sys.argv)
