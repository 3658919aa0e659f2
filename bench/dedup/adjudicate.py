"""Second reading of labelled pairs: where the rules and the labels disagree, plus controls.

  python3 adjudicate.py sample ARTICLES.jsonl OUT_DIR [SUFFIX...]   # key.json and pairs-1..4.txt
  python3 adjudicate.py round2 ARTICLES.jsonl OUT_DIR   # after judgments-*.jsonl: r2-pairs-1..2.txt
  python3 adjudicate.py resolve OUT_DIR > adjudicated-pairs.jsonl

`sample` needs OUT_DIR/out{SUFFIX}.jsonl, the rules' clustering of each labelled day (SUFFIX as
in corpus-labels{SUFFIX}.jsonl: "" "-holdout" "-third" "-fourth" "-fifth" by default, "-sixth")
(`nashra cluster` over the day's items). It takes every pair the rules and the labels disagree on,
and controls where they agree (12 pairs both put together and 12 the loose grouping of the
labelling put together but both keep apart, per day), shuffled into four shares. A judge reads
each pair against JUDGING.md, blind to the labels, the rules and which kind a pair is, and writes
judgments-K.jsonl ({"n","a","b","copy","event","note"}). Every pair a judge decided against its
label goes, with 11 agreed decoys, to a second blind judge (`round2`, r2-judgments-K.jsonl).
`resolve` decides each pair by majority of the label and the judges, pooling the votes of pairs
between the same two label groups (one report's copies are judged alike); a tie keeps the label.
Texts never leave the corpus: the shares are written to OUT_DIR, outside the repository.
The draw of session 6 (adjudicated-pairs.jsonl) iterated the disagreement sets unsorted, so its
numbering depends on Python's hash seed; the script now sorts them, and draws the same pairs.
"""
import glob
import itertools
import json
import random
import re
import sys
from collections import defaultdict

SETS = {"": "corpus-labels", "-holdout": "corpus-labels-holdout", "-third": "corpus-labels-third",
        "-fourth": "corpus-labels-fourth", "-fifth": "corpus-labels-fifth", "-sixth": "corpus-labels-sixth"}
FIRST_DRAW = ["", "-holdout", "-third", "-fourth", "-fifth"]
KINDS = {"fp": "rules pair, labels split", "fn": "labels pair, rules split",
         "tp": "control: both pair", "tn": "control: both split"}


def articles(path, wanted=None):
    out = {}
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        if wanted is None or d["id"] in wanted:
            out[d["id"]] = d
    return out


def pairs_of(groups):
    return {p for g in groups.values() for p in itertools.combinations(sorted(g), 2)}


def words(t):
    return set(re.findall(r"[\u0600-\u06FF]+", t))


def write_share(path, rows, arts):
    with open(path, "w", encoding="utf-8") as o:
        for r in rows:
            o.write(f"######## PAIR {r['n']}\n")
            for x in (r["a"], r["b"]):
                d = arts[x]
                o.write(f"--- item {x} | outlet {d['source']} | time {d.get('published') or d.get('extracted')}\n"
                        f"TITLE: {d['title']}\nTEXT: {d['text'].strip()[:2500]}\n")
            o.write("\n")


def sample(articles_path, out, suffixes):
    random.seed(20261130)
    arts = articles(articles_path)
    rows = []
    for suffix in suffixes:
        lab = [json.loads(l) for l in open(f"corpus-labels{suffix}.jsonl", encoding="utf-8")]
        copy, event, pred = defaultdict(list), defaultdict(list), defaultdict(list)
        for r in lab:
            copy[r["copy"]].append(r["id"])
            event[r["event"]].append(r["id"])
        for line in open(f"{out}/out{suffix}.jsonl", encoding="utf-8"):
            r = json.loads(line)
            pred[r["story"]].append(r["id"])
        gold, gold_event, predicted = pairs_of(copy), pairs_of(event), pairs_of(pred)
        ids = [r["id"] for r in lab]
        key = {i: words(arts[i]["title"] + " " + " ".join(arts[i]["text"].split()[:120])) for i in ids}
        title = {i: words(arts[i]["title"]) for i in ids}
        loose = set()
        for a, b in itertools.combinations(sorted(ids), 2):
            ka, kb = key[a], key[b]
            if not ka or not kb:
                continue
            shared = len(ka & kb)
            tj = len(title[a] & title[b]) / max(1, len(title[a] | title[b]))
            if shared / len(ka | kb) >= 0.2 or shared / min(len(ka), len(kb)) >= 0.5 or tj >= 0.35:
                loose.add((a, b))
        picks = [("fp", sorted(predicted - gold)), ("fn", sorted(gold - predicted))]
        picks.append(("tp", random.sample(sorted(predicted & gold), min(12, len(predicted & gold)))))
        tn = sorted(loose - predicted - gold)
        picks.append(("tn", random.sample(tn, min(12, len(tn)))))
        for kind, chosen in picks:
            for a, b in chosen:
                rows.append(dict(set=suffix, kind=kind, a=a, b=b, event=(a, b) in gold_event))
    random.shuffle(rows)
    for i, r in enumerate(rows):
        r["n"] = i + 1
    json.dump(rows, open(f"{out}/key.json", "w"))
    for k in range(4):
        write_share(f"{out}/pairs-{k + 1}.txt", rows[k::4], arts)


def judgments(pattern):
    out = {}
    for f in glob.glob(pattern):
        for line in open(f, encoding="utf-8"):
            j = json.loads(line)
            out[j["n"]] = j
    return out


def labelled_copy(r):
    return r["kind"] in ("fn", "tp")


def round2(articles_path, out):
    random.seed(7)
    key = {r["n"]: r for r in json.load(open(f"{out}/key.json"))}
    first = judgments(f"{out}/judgments-*.jsonl")
    flips = [n for n, r in key.items() if first[n]["copy"] != labelled_copy(r)]
    decoys = random.sample([n for n in key if n not in flips], 11)
    order = flips + decoys
    random.shuffle(order)
    arts = articles(articles_path, {x for n in order for x in (key[n]["a"], key[n]["b"])})
    for k in range(2):
        write_share(f"{out}/r2-pairs-{k + 1}.txt", [key[n] for n in order[k::2]], arts)


def resolve(out):
    key = {r["n"]: r for r in json.load(open(f"{out}/key.json"))}
    first = judgments(f"{out}/judgments-*.jsonl")
    second = judgments(f"{out}/r2-judgments-*.jsonl")
    group = {}
    drawn = {r["set"] for r in key.values()}
    for suffix in drawn:
        for line in open(f"corpus-labels{suffix}.jsonl", encoding="utf-8"):
            r = json.loads(line)
            group[r["id"]] = r["copy"]
    between = defaultdict(list)
    for n, r in key.items():
        between[frozenset((group[r["a"]], group[r["b"]]))].append(n)
    final = {}
    for ns in between.values():
        label = labelled_copy(key[ns[0]])
        votes = [label] + [first[n]["copy"] for n in ns] + [second[n]["copy"] for n in ns if n in second]
        yes = sum(votes)
        decided = label if yes * 2 == len(votes) else yes * 2 > len(votes)
        for n in ns:
            final[n] = decided
    for n in sorted(key):
        r = key[n]
        row = {"labels": SETS[r["set"]], "a": r["a"], "b": r["b"], "sample": KINDS[r["kind"]],
               "labelled_copy": labelled_copy(r),
               "first": {k: first[n][k] for k in ("copy", "event", "note")}}
        if n in second:
            row["second"] = {k: second[n][k] for k in ("copy", "event", "note")}
        row["copy"] = final[n]
        if final[n]:
            row["event"] = True
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "sample":
        sample(sys.argv[2], sys.argv[3], sys.argv[4:] or FIRST_DRAW)
    elif cmd == "round2":
        round2(sys.argv[2], sys.argv[3])
    elif cmd == "resolve":
        resolve(sys.argv[2])
    else:
        raise SystemExit(__doc__)
