#!/usr/bin/env python3
"""How far can the figures the rules see go? A learned decision, fitted on five labelled days and
tested on the sixth, each day in turn (leave one day out).

Input: the table of `PairTable` (one row per pair worth deciding, every gold pair included, gold
answers already joined with the adjudicated pairs). The model is scikit-learn's
HistGradientBoostingClassifier over every figure of the table, the rules' own answer among them,
so it can only add to the rules. It is a measuring stick, not a candidate for the service: its
answers are scored pairwise, and again after closing them into stories (union of accepted pairs),
which is how the service would have to use them.

    $J org.nashra.dedup.PairTable ../shared/corpus/articles.jsonl bench/dedup/adjudicated-pairs.jsonl \
        bench/dedup/corpus-labels{,-holdout,-third,-fourth,-fifth,-sixth}.jsonl > /tmp/pairs.tsv
    /usr/bin/python3 bench/dedup/frontier.py /tmp/pairs.tsv

Needs Debian's python3-sklearn (apt-get install -y python3-sklearn).
"""
import collections
import csv
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

NOT_FIGURES = ("set", "a", "b", "gold", "predicted", "rule", "agency")
AGENCY = {"SAME": 1, "DIFFERENT": -1, "UNKNOWN": 0}


def load(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    figures = [f for f in rows[0] if f not in NOT_FIGURES]
    x = np.array([[float(r[f]) for f in figures] + [AGENCY[r["agency"]], int(r["predicted"])] for r in rows])
    return rows, x, np.array([int(r["gold"]) for r in rows]), np.array([r["set"] for r in rows])


def model():
    return HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15,
                                          min_samples_leaf=20, l2_regularization=1.0, random_state=0)


def out_of_day(x, y, days):
    """Each row's probability from a model fitted on the other days."""
    prob = np.zeros(len(y))
    for day in dict.fromkeys(days):
        held = days == day
        prob[held] = model().fit(x[~held], y[~held]).predict_proba(x[held])[:, 1]
    return prob


def closed(rows, accept):
    """True and predicted pairs once accepted pairs are closed into stories, day by day."""
    gold = {(r["a"], r["b"]) for r in rows if r["gold"] == "1"}
    gold |= {(b, a) for a, b in gold}
    true = predicted = 0
    for day in dict.fromkeys(r["set"] for r in rows):
        parent = {}

        def find(v):
            parent.setdefault(v, v)
            while parent[v] != v:
                parent[v] = parent[parent[v]]
                v = parent[v]
            return v

        for r, take in zip(rows, accept):
            if r["set"] != day:
                continue
            ra, rb = find(r["a"]), find(r["b"])
            if take:
                parent[ra] = rb
        groups = collections.defaultdict(list)
        for v in list(parent):
            groups[find(v)].append(v)
        for members in groups.values():
            for i in range(len(members)):
                for j in range(i + 1, len(members)):
                    predicted += 1
                    true += (members[i], members[j]) in gold
    return true, predicted


def main():
    rows, x, y, days = load(sys.argv[1])
    rules = x[:, -1].astype(bool)
    gold = y.sum()
    t, p = closed(rows, rules)
    print(f"rules (stories as the service builds them): P {t / p:.3f} R {t / gold:.3f} ({t}/{p}/{gold})")
    prob = out_of_day(x, y, days)
    print("learned, fitted on the other days   pairwise                 closed into stories")
    for threshold in (0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.99):
        take = prob >= threshold
        tp = int((take & (y == 1)).sum())
        ct, cp = closed(rows, take)
        print(f"  threshold {threshold:.2f}                  P {tp / take.sum():.3f} R {tp / gold:.3f}"
              f"        P {ct / cp:.3f} R {ct / gold:.3f} ({ct}/{cp}/{gold})")


if __name__ == "__main__":
    main()
