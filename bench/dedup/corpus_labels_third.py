"""Writes corpus-labels-third.jsonl: hand labels for a third subset of
../shared/corpus/articles.jsonl, labelled after session 4's changes (reh decimals, one outlet's
items of one day) to measure the final rules on items nobody had looked at.

Ids and labels only, no corpus text. The subset: every SaudiNewsNet article crawled on 2015-07-24
from aawsat, alwatan, okaz and aljazirah, and every ANT article published on 2018-04-07 (UTC), 646
items. Procedure as corpus_labels_holdout.py: loose groups (183 items in 67 groups), every member
read by three helpers who saw the texts and the label definitions and nothing of the predictions.

Usage: python3 corpus_labels_third.py ARTICLES.jsonl > corpus-labels-third.jsonl
"""
import sys

from corpus_labels import build

COPY = [  # groups of ids that are one report
    "snn-76833bfc29ea snn-df5acfffc391 snn-fad8457e71d4",
    "snn-9a7d74f97d19 snn-b21e8567cfbd snn-f35790b1622a",
    "snn-4737cf00d8e6 snn-607dd5e4b839 snn-9f27791d065e",
    "snn-8ddc6a82e7a2 snn-9244408463be snn-d789f78ceee9",
    "snn-03cac8ba0eb0 snn-3531992ba45c",
    "snn-01778f11f3eb snn-59ce7df00ff7",
    "snn-83eb9a146818 snn-9371853245af",
    "snn-25352bba3b9b snn-35081d206381",
    "snn-090195df2adc snn-b42b6d70f558",
    "snn-5efbcb3b3660 snn-64e979970f54",
    "snn-54a788afadff snn-ed9a02a9ea53",
    "snn-18a030f16a2f snn-d4374ed9015f",
    "ant-FR-internationalNews-589-20180407 ant-FR-sport-58-20180407",
    "ant-FR-internationalNews-590-20180407 ant-FR-sport-57-20180407",
    "ant-FR-internationalNews-604-20180407 ant-FR-middleEast-228-20180407",
    "snn-18cc19c0d33b snn-42d5c4078dfc snn-a24103da2bb0",
    "snn-223d5c12c8d6 snn-b8b268d8dc20",
    "snn-f38577b945af snn-21641fe869e5 snn-c00a4b14a81d",
    "ant-FR-internationalNews-600-20180407 ant-FR-sport-59-20180407",
    "snn-7944adfd2c70 snn-d725246a5619 snn-f4a3e945cfd5",
    "snn-77f969f3785c snn-c300a73781d4",
    "ant-FR-internationalNews-587-20180407 ant-FR-middleEast-218-20180407 ant-SK-middleEast-822-20180407",
    "ant-FR-internationalNews-606-20180407 ant-FR-middleEast-226-20180407",
    "snn-14f1b152e85d snn-986d7ee9519c",
    "snn-01bc5371775d snn-946d15fb0824",
    "snn-1287c0995033 snn-ab99ac6e30fb",
    "snn-49787bc3758f snn-a1d75c1a9fc6",
    "snn-2d18686dc9ac snn-a329aa0fbe46",
    "snn-9278ee457a18 snn-a404b6e1dcc3",
    "snn-886da4dbf3fe snn-93547080193f",
    "snn-94367cdc688e snn-ece8e49da33f",
    "snn-145f5a4fd5ce snn-de79b225a8cd",
    "ant-CN-economy-78-20180407 ant-CN-middleEast-501-20180407",
    "ant-CN-internationalNews-224-20180407 ant-CN-technology-79-20180407",
    "ant-AL-sport-1145-20180407 ant-SK-sport-602-20180407",
    "ant-FR-internationalNews-602-20180407 ant-FR-middleEast-221-20180407",
    "ant-FR-internationalNews-609-20180407 ant-FR-sport-60-20180407",
    "snn-ad77f99eabda snn-d587a4ee2458",
    "snn-3719939d7e4f snn-57c1f63883f4 snn-ffd86885da7f",
    "snn-7e0d5b8ecbfc snn-b8d246a93519 snn-fea4955a05b4",
    "snn-022794e27400 snn-90b3c549aa8c snn-bbf853b8d8c9",
    "ant-FR-internationalNews-594-20180407 ant-SK-internationalNews-841-20180407",
    "ant-FR-internationalNews-608-20180407 ant-FR-middleEast-223-20180407 ant-SK-middleEast-833-20180407",
    "snn-c2e57168f448 snn-cc8b47c2cd84",
    "snn-244e992dfb40 snn-876497ed5702",
    "snn-4850ab200852 snn-ed4c81405e38",
    "snn-6a20c6b4f70c snn-9241cd1a9923",
    "snn-651923bf8272 snn-ebd20c8420b0",
    "snn-30d6b892d0a4 snn-6baa895d10e1",
    "ant-SK-middleEast-824-20180407 ant-SK-middleEast-828-20180407",
    "ant-FR-internationalNews-591-20180407 ant-FR-middleEast-219-20180407",
    "ant-FR-internationalNews-598-20180407 ant-FR-middleEast-220-20180407",
    "ant-FR-internationalNews-607-20180407 ant-FR-middleEast-222-20180407",
]
EVENT = [  # developments made of several reports (all their ids)
    "snn-2066b7837074 snn-6945021b10c8",
    "snn-2e96d9f2c547 snn-602aa1a842c5",
    "ant-BB-internationalNews-309-20180407 ant-FR-internationalNews-597-20180407 ant-SK-internationalNews-853-20180407",
    "snn-261f6e1ab0ea snn-d08b6c4a317f",
    "ant-AL-internationalNews-828-20180407 ant-SK-internationalNews-842-20180407 ant-FR-internationalNews-599-20180407 ant-SK-internationalNews-849-20180407",
    "ant-FR-internationalNews-600-20180407 ant-FR-sport-59-20180407 ant-CN-sport-196-20180407 ant-SK-sport-608-20180407",
    "ant-FR-internationalNews-606-20180407 ant-FR-middleEast-226-20180407 ant-BB-economy-97-20180407",
    "snn-1037e42497af snn-f985d7b20e28",
    "snn-96cc134a9be4 snn-9e236814355a snn-d35d310bd699",
    "snn-ad77f99eabda snn-d587a4ee2458 snn-3cc273fcff65",
    "ant-AL-internationalNews-830-20180408 ant-SK-internationalNews-852-20180407",
    "ant-FR-internationalNews-594-20180407 ant-SK-internationalNews-841-20180407 ant-CN-internationalNews-223-20180407",
    "snn-28f8ad5ed3b3 snn-dae4bca26bb8",
    "snn-785855711761 snn-fe9c3fc1fda5",
    "snn-28bc42349275 snn-89ebdea856f3",
    "ant-AL-internationalNews-829-20180407 ant-SK-middleEast-837-20180407",
]


def in_subset(r):
    if r["dataset"] == "saudinewsnet":
        return (r["extracted"] or "").startswith("2015-07-24") and r["source"] in ("aawsat", "alwatan", "okaz", "aljazirah")
    return (r["published"] or "").startswith("2018-04-07")


if __name__ == "__main__":
    build(sys.argv[1], in_subset, COPY, EVENT)
