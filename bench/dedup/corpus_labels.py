"""Writes corpus-labels.jsonl: hand labels for a subset of ../shared/corpus/articles.jsonl.

Ids and labels only, no corpus text. The subset: every SaudiNewsNet article crawled on
2015-07-23 from okaz, alyaum and aljazirah, and every ANT article published on 2018-04-03 (UTC),
529 items. Labels were decided by reading every group that a deliberately loose similarity
(word-set Jaccard >= 0.2 or containment >= 0.5 of title + 120 words, or title Jaccard >= 0.35)
put together; items outside those groups are singletons.

Two levels:
  copy  - one report: copies or rewrites of one source text (agency wire, statement, press
          release), whatever the headline, cuts and intro.
  event - one news development on one day as a reader sees it: also independent reports of
          the same development (AFP vs Reuters vs own reporter). Follow-ups, reactions and
          later statements stay apart.
Usage: python3 corpus_labels.py ARTICLES.jsonl > corpus-labels.jsonl
"""
import json
import sys

COPY = [  # groups of ids that are one report
    "snn-bf6452c6c120 snn-2e0d2759331c snn-3efc976ce09d",
    "snn-13ef1a77f22b snn-77b312a0614e snn-424a0e49e82c",
    "snn-ca0c102d278f snn-835c9b0458e3 snn-6f77851c8235",
    "snn-413d13cc3bab snn-f3de15a7f1e9 snn-90251c1c5594",
    "snn-afbc61fada6e snn-9175c5602c45",
    "snn-b8de373c40c4 snn-3a6f1a4c799f snn-b96a1bd99208",
    "snn-7f5e756909f7 snn-490d80eb9f4f",
    "snn-f2ba659aafb9 snn-a31663b917d6",
    "snn-40940f26ca23 snn-67d136f20723",
    "snn-2d8d86019d76 snn-cd2cecd05cd5",
    "snn-8fa64ecd83c6 snn-5f106dd3f875 snn-37e8682c1103",
    "snn-93a99fe4963f snn-6f6a70803935",
    "snn-4e08a44d9597 snn-7187ab338a3f snn-d1ea1f09e685",
    "snn-ee7c90507417 snn-325c8927a020",
    "snn-feb2417879cf snn-05ec8d626f6d",
    "snn-fbecec1e0ea9 snn-67d1d4c7a71d",
    "snn-23214c76de0b snn-6fb0314dd874 snn-6a27d3a3b4c4",
    "snn-3a22af94d681 snn-6e4aa1d22c9e",
    "snn-bacd95a4e702 snn-0574b032f2fe",
    "snn-365455dadc73 snn-2b43d6828d04",
    "snn-6c7a2270e578 snn-16612257a31d snn-98b2d6dda29e",
    "snn-1075c2db4509 snn-4f30d3c35cfc",
    "snn-c60542931116 snn-d0d64097f7ab",
    "snn-dcf96a9cb1c3 snn-a868d0f54239 snn-280d9e03ba50",
    "snn-2cf0deb4f46e snn-db5ac603d354",
    "snn-18a92a5d7771 snn-a99b9784b9f0",
    "snn-4c87d42231ba snn-40eb4a3bbc5b",
    "snn-03c5f83d9754 snn-87b0efd30c12",
    "snn-6f44851ae98d snn-098b65b08cc1 snn-17d6e002c7b8",
    "snn-e3d5bc5a51db snn-b06c12498769",
    "snn-3910610a544e snn-e6bd4d02430c",
    "snn-592abb7e3a93 snn-ab89f83a2d0e",
    "snn-4cb9b1956de2 snn-dd9f80a3069e snn-65c5675253ec",
    "snn-268b86bee49b snn-af0a1691cb9b",
    "snn-b1374b389e72 snn-28eb877f370e",
    "snn-15aedee41d84 snn-4c9d7f11a71c",
    "snn-eda8089c6cf3 snn-24459ba1ee53",
    "snn-980ea3ed6b3f snn-7c01066222aa",
    "snn-650182f30ccb snn-d035e0db6baa",
    "snn-6d844d32521d snn-fb0849df7be2 snn-8e77788283a9",
    "snn-03db2a9aef83 snn-5ec5403c59c8",
    "snn-6412275e794f snn-9fcdbcfbdd27 snn-1fcfa2f1c236",
    "snn-ba15d7d42966 snn-db6e605a1874",
    "snn-7f7f1812544e snn-9471df06356e",
    "snn-07eeaec0ee96 snn-65d3fd1cb404",
    "ant-SK-technology-317-20180403 ant-CN-economy-72-20180403",
    "ant-AL-internationalNews-772-20180403 ant-SK-middleEast-759-20180403 ant-CN-middleEast-470-20180403",
    "ant-AL-sport-1073-20180403 ant-SK-sport-559-20180403",
    "ant-AL-internationalNews-777-20180404 ant-SK-internationalNews-767-20180403 ant-SK-internationalNews-769-20180403",
]
EVENT = [  # further merges of copy groups (named by any member) into one development
    "snn-d9a0806be530 snn-bacd95a4e702",
    "snn-2cf0deb4f46e snn-b9c5860bcc6b",
    "snn-7e7d4e308a95 snn-5dc907c871af",
    "snn-2d514330b607 snn-a82a25b8476a",
    "ant-SK-sport-547-20180403 ant-FR-sport-48-20180403",
    "ant-BB-middleEast-280-20180403 ant-FR-middleEast-203-20180403",
    "ant-SK-technology-315-20180403 ant-SK-technology-322-20180403",
    "ant-BB-middleEast-281-20180403 ant-FR-middleEast-202-20180403",
    "ant-FR-middleEast-201-20180403 ant-SK-middleEast-760-20180403 ant-AL-internationalNews-771-20180403",
    "ant-SK-internationalNews-763-20180403 ant-BB-internationalNews-285-20180403",
    "ant-SK-middleEast-762-20180403 ant-FR-middleEast-200-20180403",
    "ant-CN-sport-188-20180403 ant-SK-sport-557-20180403 ant-CN-sport-187-20180403 ant-FR-sport-47-20180403",
    "ant-BB-internationalNews-284-20180403 ant-SK-internationalNews-770-20180403 ant-AL-internationalNews-777-20180404 ant-SK-internationalNews-769-20180403",
]


def in_subset(r):
    if r["dataset"] == "saudinewsnet":
        return (r["extracted"] or "").startswith("2015-07-23") and r["source"] in ("okaz", "alyaum", "aljazirah")
    return (r["published"] or "").startswith("2018-04-03")


def main(path):
    build(path, in_subset, COPY, EVENT)


def build(path, in_subset, copy_groups, event_groups):
    """Prints one label line per item of the subset: copy groups first, then event merges."""
    ids = [r["id"] for r in map(json.loads, open(path, encoding="utf-8")) if in_subset(r)]
    parent = {i: i for i in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(groups):
        for g in groups:
            members = g.split()
            for m in members:
                if m not in parent:
                    raise SystemExit("not in subset: " + m)
            for m in members[1:]:
                parent[find(m)] = find(members[0])

    union(copy_groups)
    copy = {i: find(i) for i in ids}
    union(event_groups)
    for i in ids:
        print(json.dumps({"id": i, "copy": "c:" + copy[i], "event": "e:" + find(i)}))


if __name__ == "__main__":
    main(sys.argv[1])
