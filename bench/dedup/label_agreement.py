"""Agreement of two independent labellings of part of the fourth labelled day.

Shares 1 and 3 of corpus_labels_fourth.py's loose groups (the items in SHARE below) were labelled a
second time, by two other helpers who had the same definitions and did not see the first labels.
This prints, per level, the pairs of each labelling within those items and how many both hold.
Ids and labels only, no corpus text.

Usage: python3 label_agreement.py
"""
import itertools

import corpus_labels_fourth as first

SHARE = set("""
ant-AL-internationalNews-780-20180404 ant-AL-internationalNews-788-20180404
ant-AL-sport-1079-20180404 ant-AL-sport-1099-20180405 ant-AL-sport-1108-20180405
ant-BB-middleEast-286-20180404 ant-CN-economy-74-20180404 ant-CN-internationalNews-215-20180404
ant-CN-internationalNews-217-20180404 ant-FR-middleEast-199-20180404 ant-SK-economy-276-20180404
ant-SK-internationalNews-792-20180404 ant-SK-middleEast-770-20180404
ant-SK-middleEast-777-20180404 ant-SK-sport-564-20180404 snn-047e74666570 snn-05c87a2752a2
snn-06121365cf77 snn-0911d797044b snn-0abf3019d4d6 snn-0c66b4699595 snn-0c6fb4ffe9e4
snn-0ef99993fcfe snn-119e74cd8655 snn-18f4ad9b7905 snn-1b7ed8e6efaf snn-1c7f479f7f67
snn-1e6dbf9369c6 snn-1e7c407c9d92 snn-20ab00cb0045 snn-232bf9aaef35 snn-25258e09b45d
snn-277e4219afc0 snn-28bc77ef29ff snn-2c343873222c snn-3941ceabeb5f snn-39f634ce8ace
snn-3a4085e8df8d snn-3db64da0c677 snn-4119050fb95d snn-449edfdf0e01 snn-451392b2ae53
snn-48766b483a9f snn-48c0aa4f12cb snn-4945059e278f snn-4b0f24f0f811 snn-4c74f2918023
snn-4c910b9dcdb6 snn-4e12d155a01a snn-4f90da618bc1 snn-535215ab0af4 snn-54520b4af328
snn-55fd1593818a snn-57e6b799db68 snn-5a38cee0acff snn-5bffa4d83386 snn-5e37f19d7d4d
snn-604f24f5a729 snn-628c4c124795 snn-62d09b97c26a snn-63bacbec3a38 snn-6659853d7e38
snn-691121601a68 snn-69f9421bd427 snn-6a3826204bb1 snn-6c1977155837 snn-6d18827f2588
snn-6d6bb51f3a77 snn-6def19b4842e snn-71c70a29f0fb snn-73a10b76f0a5 snn-73ef7707a8bf
snn-747092c02452 snn-766ef29257a6 snn-78248fb7d705 snn-7827dcabcecc snn-7af3905ff83d
snn-7d297486cbee snn-80850b7e1607 snn-80e58f902c06 snn-815eb89690f7 snn-855a03215d4b
snn-85f3f2832874 snn-8aff4577b10f snn-8dd6fc57ad29 snn-8e5fb5021402 snn-91122b2f99b1
snn-95fe3c47dc09 snn-98098174ca29 snn-9847a5f4b945 snn-98cb2af4931d snn-98e65b5b2bcf
snn-9b360fbca092 snn-9c06dabf6316 snn-9d3acb2b5a84 snn-9f29d8ece5e4 snn-a217383569e4
snn-a4ed5b1d5fe7 snn-a4f13af1ba98 snn-a5cbdf849080 snn-a69cdc448649 snn-a968f774aa58
snn-aaa8f59e56b9 snn-ac43a730ecff snn-b67d18e73469 snn-b7065e6e3f5b snn-baf5017dae79
snn-bde544adee13 snn-bf5a94e5e258 snn-c05520f3ff18 snn-c0fa0fa4a207 snn-c9d7d37a026f
snn-ccbb592ae342 snn-cf08a97f6e83 snn-d00bb2673486 snn-d03100333618 snn-d1c3630fbac5
snn-d2967e91c6d3 snn-d2f9aaf6003d snn-d37224d5ad2e snn-d77b82c188f2 snn-d840fb234be4
snn-daef0e9fefb5 snn-dd5686768a6d snn-ddff9d9a277d snn-e0b8ec9ee4b6 snn-e5e5b3b4671b
snn-e6d680c33584 snn-e72be9b836d4 snn-e81f3edafe93 snn-ea6b225ae087 snn-eb348e78f16c
snn-ecb9907ad734 snn-eeee52527fd2 snn-f4041221fad6 snn-f557036ff608 snn-f7ae9200bd0e
snn-f8305a3e50bf snn-fdd86a55b838 snn-fde2d5b50bce snn-fe893d95e4ce
""".split())
SECOND_COPY = [
    "snn-dd5686768a6d snn-a5cbdf849080 snn-06121365cf77",
    "snn-18f4ad9b7905 snn-95fe3c47dc09 snn-4b0f24f0f811",
    "snn-3a4085e8df8d snn-047e74666570 snn-d840fb234be4 snn-05c87a2752a2",
    "snn-747092c02452 snn-ac43a730ecff snn-48766b483a9f",
    "snn-f4041221fad6 snn-7af3905ff83d",
    "snn-eb348e78f16c snn-f8305a3e50bf snn-0ef99993fcfe",
    "snn-78248fb7d705 snn-ea6b225ae087",
    "snn-d00bb2673486 snn-80850b7e1607",
    "snn-39f634ce8ace snn-232bf9aaef35",
    "snn-0c6fb4ffe9e4 snn-a69cdc448649",
    "snn-6a3826204bb1 snn-20ab00cb0045",
    "snn-277e4219afc0 snn-4e12d155a01a",
    "snn-4c910b9dcdb6 snn-628c4c124795",
    "snn-691121601a68 snn-8dd6fc57ad29",
    "snn-5e37f19d7d4d snn-0c66b4699595",
    "snn-80e58f902c06 snn-fdd86a55b838",
    "snn-604f24f5a729 snn-8aff4577b10f",
    "snn-5a38cee0acff snn-1e6dbf9369c6",
    "ant-CN-internationalNews-215-20180404 ant-CN-internationalNews-217-20180404",
    "ant-SK-sport-564-20180404 ant-AL-sport-1079-20180404",
    "snn-98098174ca29 snn-e0b8ec9ee4b6 snn-e5e5b3b4671b",
    "snn-54520b4af328 snn-6def19b4842e snn-c05520f3ff18 snn-b7065e6e3f5b snn-d37224d5ad2e",
    "snn-85f3f2832874 snn-62d09b97c26a snn-48c0aa4f12cb",
    "snn-e6d680c33584 snn-b67d18e73469 snn-d03100333618",
    "snn-1b7ed8e6efaf snn-0911d797044b snn-d77b82c188f2",
    "snn-4c74f2918023 snn-25258e09b45d",
    "snn-ccbb592ae342 snn-9c06dabf6316",
    "snn-766ef29257a6 snn-4945059e278f",
    "snn-c9d7d37a026f snn-98e65b5b2bcf",
    "snn-71c70a29f0fb snn-855a03215d4b",
    "snn-daef0e9fefb5 snn-d2f9aaf6003d",
    "snn-28bc77ef29ff snn-a4f13af1ba98",
    "snn-0abf3019d4d6 snn-9847a5f4b945",
    "snn-7d297486cbee snn-bde544adee13",
    "snn-cf08a97f6e83 snn-9f29d8ece5e4",
    "snn-2c343873222c snn-3941ceabeb5f",
    "snn-55fd1593818a snn-d2967e91c6d3",
    "snn-119e74cd8655 snn-63bacbec3a38",
]
SECOND_EVENT = [
    "snn-dd5686768a6d snn-a5cbdf849080 snn-06121365cf77",
    "snn-18f4ad9b7905 snn-95fe3c47dc09 snn-4b0f24f0f811",
    "snn-3a4085e8df8d snn-047e74666570 snn-d840fb234be4 snn-05c87a2752a2 snn-baf5017dae79",
    "snn-747092c02452 snn-ac43a730ecff snn-48766b483a9f",
    "snn-f4041221fad6 snn-7af3905ff83d",
    "snn-eb348e78f16c snn-f8305a3e50bf snn-0ef99993fcfe",
    "snn-1e7c407c9d92 snn-ecb9907ad734",
    "ant-FR-middleEast-199-20180404 ant-SK-middleEast-770-20180404 ant-BB-middleEast-286-20180404",
    "snn-535215ab0af4 snn-815eb89690f7",
    "snn-78248fb7d705 snn-ea6b225ae087",
    "snn-d00bb2673486 snn-80850b7e1607",
    "snn-39f634ce8ace snn-232bf9aaef35",
    "snn-0c6fb4ffe9e4 snn-a69cdc448649",
    "snn-6a3826204bb1 snn-20ab00cb0045",
    "snn-277e4219afc0 snn-4e12d155a01a",
    "snn-4c910b9dcdb6 snn-628c4c124795",
    "snn-691121601a68 snn-8dd6fc57ad29",
    "snn-73ef7707a8bf snn-9d3acb2b5a84",
    "snn-5e37f19d7d4d snn-0c66b4699595",
    "snn-80e58f902c06 snn-fdd86a55b838",
    "snn-604f24f5a729 snn-8aff4577b10f",
    "snn-5a38cee0acff snn-1e6dbf9369c6",
    "ant-CN-internationalNews-215-20180404 ant-CN-internationalNews-217-20180404",
    "ant-SK-sport-564-20180404 ant-AL-sport-1079-20180404",
    "ant-AL-internationalNews-788-20180404 ant-SK-internationalNews-792-20180404",
    "snn-98098174ca29 snn-e0b8ec9ee4b6 snn-e5e5b3b4671b snn-a217383569e4",
    "snn-54520b4af328 snn-6def19b4842e snn-c05520f3ff18 snn-b7065e6e3f5b snn-d37224d5ad2e",
    "snn-85f3f2832874 snn-62d09b97c26a snn-48c0aa4f12cb",
    "snn-c0fa0fa4a207 snn-eeee52527fd2",
    "snn-e6d680c33584 snn-b67d18e73469 snn-d03100333618",
    "snn-1b7ed8e6efaf snn-0911d797044b snn-d77b82c188f2",
    "snn-4c74f2918023 snn-25258e09b45d snn-a968f774aa58",
    "snn-ccbb592ae342 snn-9c06dabf6316",
    "snn-766ef29257a6 snn-4945059e278f",
    "snn-bf5a94e5e258 snn-57e6b799db68",
    "snn-c9d7d37a026f snn-98e65b5b2bcf",
    "snn-71c70a29f0fb snn-855a03215d4b",
    "snn-daef0e9fefb5 snn-d2f9aaf6003d",
    "snn-28bc77ef29ff snn-a4f13af1ba98",
    "snn-0abf3019d4d6 snn-9847a5f4b945",
    "snn-7d297486cbee snn-bde544adee13",
    "snn-6659853d7e38 snn-91122b2f99b1",
    "snn-cf08a97f6e83 snn-9f29d8ece5e4",
    "snn-6d18827f2588 snn-fe893d95e4ce",
    "snn-2c343873222c snn-3941ceabeb5f",
    "snn-55fd1593818a snn-d2967e91c6d3",
    "snn-119e74cd8655 snn-63bacbec3a38",
    "ant-AL-internationalNews-780-20180404 ant-SK-middleEast-777-20180404",
    "ant-SK-economy-276-20180404 ant-CN-economy-74-20180404",
]


def pairs(groups):
    out = set()
    for g in groups:
        members = sorted(m for m in g.split() if m in SHARE)
        out.update(itertools.combinations(members, 2))
    return out


if __name__ == "__main__":
    for level, a, b in (("copy", first.COPY, SECOND_COPY), ("event", first.EVENT, SECOND_EVENT)):
        pa, pb = pairs(a), pairs(b)
        print(f"{level}: first {len(pa)} pairs, second {len(pb)}, both {len(pa & pb)}")
