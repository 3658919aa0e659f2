"""Writes corpus-labels-holdout.jsonl: hand labels for a second, held-out subset of
../shared/corpus/articles.jsonl, labelled after the matching rules were fixed (session 4) to measure
them on items they were not tuned on.

Ids and labels only, no corpus text. The subset: every SaudiNewsNet article crawled on 2015-07-22
from aleqtisadiya, almadina, alriyadh and sabq, and every ANT article published on 2018-04-05
(UTC), 767 items. As for corpus_labels.py, a deliberately loose similarity (word-set Jaccard >= 0.2
or containment >= 0.5 of title + 120 words, or title Jaccard >= 0.35; connected components) put
286 items into 105 groups; three helpers, who saw the texts and the label definitions of
corpus_labels.py and nothing of what the deduplicator predicts, read every member of every group
and split each group into reports (copy) and developments (event). Items outside those groups are
singletons.

Usage: python3 corpus_labels_holdout.py ARTICLES.jsonl > corpus-labels-holdout.jsonl
"""
import sys

from corpus_labels import build

COPY = [  # groups of ids that are one report
    "snn-4b58ca9d3245 snn-8f87c04f8175",
    "snn-403093b629c9 snn-a4e69d1ecf5d",
    "snn-10982e600d3d snn-615c9dc134c2 snn-7bb4575c1822 snn-e190b730c50a",
    "snn-5ac89513c3ab snn-628389b7f6a9",
    "snn-2c29699e8d44 snn-e3ab396cf7a1 snn-2d967b2bf4c6",
    "snn-86ee8fe47691 snn-db6e236805bd snn-93e961d9dcb5 snn-f775f44eab73",
    "snn-a95a67215726 snn-da63c5141beb snn-d4fbfedcddfd snn-dc3634cc6d8a",
    "snn-9c914e91b7e6 snn-ccd3e8154745 snn-f5ddf604f1e9",
    "snn-17b22b28d40c snn-d3f42e8ecfa6",
    "snn-46c54fd6a3d3 snn-c82b6e985858 snn-c152cc369eab",
    "snn-90c8fda9b8cc snn-fddab4fa0352",
    "snn-3bb848105f3a snn-99358d6e0484 snn-d180916938a7",
    "snn-5a56761d6a0f snn-5b1494833b71 snn-fb27d98af640",
    "ant-AL-internationalNews-814-20180405 ant-FR-internationalNews-556-20180405 ant-SK-internationalNews-808-20180405",
    "snn-604f4d9a2e51 snn-61d8d4b5995a",
    "snn-b101500f8000 snn-bb7bceefe71a",
    "snn-c058b2b57196 snn-fbfb4f97e25d",
    "snn-013c5895e4f6 snn-030970b3303a",
    "snn-8b1b7441e17d snn-d973a1b26e26",
    "snn-20dd45ceff18 snn-6e99ce4c735c",
    "snn-9de07fe1187c snn-d0b1c51d8fb1",
    "snn-82b6da43d077 snn-abd5ae7bfe82",
    "snn-769fb3d61bb3 snn-d77ccbbd8c3f",
    "snn-33e281a9a73e snn-c8ddbff127ab",
    "snn-6851736f49ea snn-ef6a2ee00216",
    "snn-6c72d76d0dad snn-bb530e5e5503",
    "snn-168948d81e5c snn-ecd305a3a68b",
    "snn-4311a2d2e049 snn-480d2cb79d77",
    "ant-AL-internationalNews-798-20180405 ant-SK-internationalNews-797-20180405",
    "ant-AL-internationalNews-797-20180405 ant-SK-internationalNews-804-20180405",
    "ant-AL-internationalNews-800-20180405 ant-SK-internationalNews-807-20180405",
    "ant-FR-internationalNews-563-20180405 ant-FR-middleEast-192-20180405",
    "ant-AL-internationalNews-811-20180405 ant-FR-internationalNews-560-20180405",
    "ant-SK-middleEast-803-20180405 ant-SK-middleEast-804-20180405",
    "ant-AL-internationalNews-799-20180405 ant-SK-middleEast-797-20180405 ant-FR-internationalNews-552-20180405 ant-FR-middleEast-194-20180405",
    "snn-0c1718686f87 snn-1992d365cb43 snn-1c0b81f90246 snn-7f93796018c5",
    "snn-268d8121369d snn-2a627bc9abe3",
    "snn-2651585a9b26 snn-571763e0082a snn-c8d696504761 snn-db95956afeae",
    "snn-8224b7f1a208 snn-9fc958bb8d49 snn-b176db923763 snn-ea426e958f5e",
    "snn-0b9cb2772cf2 snn-3de02e261231 snn-6357cbf0e1c1 snn-c6c55155ff19",
    "snn-15ad319c5b78 snn-207fc3fce8a4 snn-96f10db79623",
    "snn-77091678d97b snn-bd6559cab6b7 snn-dc3a9dd388e4",
    "snn-a36d348ed8ed snn-e8805ae71ea9 snn-ed99bf5fac91",
    "snn-2ec7dae88681 snn-6e591eb0f1f3 snn-d8ac4c946ddb",
    "snn-501711c2278a snn-ec075347c207",
    "snn-41a7e76bd696 snn-e64b5285c2f1 snn-ee2ba108f457",
    "snn-90e90c5db32f snn-971c8914df45",
    "snn-560d816986b3 snn-b6a6b1af359e",
    "snn-a9cde0b673fd snn-e703da61cf90",
    "snn-7bda7a97427b snn-7e3ec4ea601f",
    "snn-7182093623c3 snn-ece1765fbad2",
    "snn-ae5f4d268d2f snn-bda90052c252",
    "snn-19c1059799a3 snn-f2ec9b0ea36d",
    "snn-9f543148bd7c snn-e358d4405aa6",
    "snn-ce5c1c000f48 snn-fcd2938bc462",
    "snn-402744b3c3eb snn-c39fa7770a1f",
    "snn-ad5ed45f8fd0 snn-ddea8f813512",
    "snn-4c7c6e3f3d61 snn-51ece22daa0d",
    "snn-82da26db3d43 snn-ebeb559d5619",
    "snn-15027eb83510 snn-77cfe5a6ac48",
    "snn-63e51ab65da7 snn-7021a9d57b10",
    "snn-6e72d8c2c109 snn-ba951c3bb0c6",
    "ant-FR-internationalNews-562-20180405 ant-FR-middleEast-193-20180405",
    "snn-001e48f937bd snn-718f7b695247 snn-76e7bd0bf500 snn-83c9de7531df",
    "snn-6dbe4ce25338 snn-f6b7ef474212 snn-98b5782efcb5",
    "snn-809746e57999 snn-95ac43de4488 snn-fd4a1ad43b49",
    "snn-1c30aaba677c snn-af472f43fc1f",
    "snn-38b6ed089f0a snn-4af1daff0800 snn-e5e52c745b67",
    "snn-68531b8c540c snn-7f2c0f1dca26 snn-f937810f079e",
    "snn-8942bcbdace1 snn-c27d8843660c snn-c4d03c371a49",
    "snn-5437f687f6fb snn-842a41800964 snn-bd28e3abcaf6",
    "snn-39a95f095994 snn-6b372a245304",
    "snn-442513c50690 snn-76a227a80433 snn-ab23d960b894",
    "snn-34b90c5ed186 snn-84ca1d8817fe",
    "snn-17eb5dd009c8 snn-a3535f597efe",
    "snn-30a3fc7d34ed snn-792d44de62eb",
    "snn-1e7973472cc3 snn-8e6b17252508",
    "snn-103dfa516442 snn-127dcf770ecf",
    "snn-5dd78075a54e snn-d80e8e729d8e",
    "snn-7f61a1df0879 snn-b3bebdc26d27",
    "snn-61f019258b31 snn-7e410b0b17d3",
    "snn-2a44a6c72a6d snn-6f376faca650",
    "snn-95aaaa6203b4 snn-f9774e70fcb1",
    "snn-4e1f7771d2aa snn-f6b1cd87f92a",
    "snn-b348c869f319 snn-d60d10e991d2",
    "snn-8d12aeb39914 snn-f5237a2f05bd",
    "snn-0bb5f1ea313f snn-f1291d39d99d",
    "ant-AL-economy-375-20180405 ant-AL-economy-380-20180405",
    "ant-AL-internationalNews-801-20180405 ant-SK-middleEast-790-20180405",
    "ant-AL-internationalNews-803-20180405 ant-SK-internationalNews-810-20180405",
    "ant-FR-culture-35-20180405 ant-FR-internationalNews-619-20180405",
    "ant-AL-technology-147-20180405 ant-SK-technology-337-20180405",
]
EVENT = [  # developments made of several reports (all their ids)
    "snn-17b22b28d40c snn-d3f42e8ecfa6 snn-f6420bd75e2a",
    "ant-FR-internationalNews-553-20180405 ant-SK-middleEast-786-20180405",
    "ant-AL-internationalNews-799-20180405 ant-SK-middleEast-797-20180405 ant-FR-internationalNews-552-20180405 ant-FR-middleEast-194-20180405 ant-BB-middleEast-292-20180405",
    "snn-0a8f852b9c80 snn-bea2009a2274",
    "snn-501711c2278a snn-ec075347c207 snn-43717f9e3e25",
    "ant-AL-technology-145-20180405 ant-SK-technology-332-20180405",
    "ant-SK-internationalNews-800-20180405 ant-SK-internationalNews-802-20180405",
    "ant-BB-internationalNews-293-20180405 ant-SK-internationalNews-796-20180405",
    "ant-BB-middleEast-291-20180405 ant-SK-middleEast-792-20180405",
    "ant-AL-culture-227-20180405 ant-BB-culture-99-20180405",
    "ant-AL-sport-1113-20180405 ant-SK-sport-583-20180405",
    "ant-AL-internationalNews-802-20180405 ant-BB-internationalNews-295-20180405 ant-FR-internationalNews-562-20180405 ant-FR-middleEast-193-20180405 ant-SK-internationalNews-816-20180405",
    "snn-6dbe4ce25338 snn-f6b7ef474212 snn-98b5782efcb5 snn-b7464aff64a3",
    "snn-1c30aaba677c snn-af472f43fc1f snn-89ae8008e6a7",
    "ant-BB-sport-96-20180405 ant-SK-sport-573-20180405",
    "snn-bc07bb55f1b1 snn-ff8b0b212937",
]


def in_subset(r):
    if r["dataset"] == "saudinewsnet":
        return (r["extracted"] or "").startswith("2015-07-22") and r["source"] in ("aleqtisadiya", "almadina", "alriyadh", "sabq")
    return (r["published"] or "").startswith("2018-04-05")


if __name__ == "__main__":
    build(sys.argv[1], in_subset, COPY, EVENT)
