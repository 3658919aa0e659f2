#!/usr/bin/env python3
"""Writes the publish benchmark's inputs: RSS files for a few made-up outlets, feeds.yml and nashra.yml.

Usage: fixture.py OUT_DIR FIXTURE_PORT NASHRA_PORT [SOURCES] [ITEMS_PER_SOURCE]

Titles and bodies are drawn from an Arabic word list with a fixed seed, so every run publishes the
same kind of feed and no two items are similar enough for dedup to merge them (each must become its
own story: the published feed must reach its 100-entry limit).
"""
import random
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

WORDS = """
الحكومة الرئيس الوزير البرلمان المجلس الشعب الدولة المدينة العاصمة الجيش الشرطة الأمن الاقتصاد
السوق النفط الغاز الكهرباء المياه الزراعة الصناعة التجارة الاستثمار البنك المركزي العملة الدينار
الجنيه الريال الدولار الموازنة الضرائب الرواتب الموظفين العمال الطلاب المدارس الجامعة المستشفى
الصحة الدواء اللقاح الطقس الأمطار الحرارة العاصفة الفيضانات الزلزال الحريق الطريق الجسر المطار
القطار الميناء السفينة الطائرة الرحلة الحدود المعبر اللاجئين المساعدات الإغاثة المنظمة الأمم
المتحدة الجامعة العربية القمة المؤتمر الاجتماع الزيارة الوفد السفير الخارجية الداخلية الدفاع
العدل المحكمة القاضي القانون الدستور الانتخابات المرشح الحزب الائتلاف المعارضة الاحتجاج
المظاهرة الإضراب الاتفاق المفاوضات الهدنة وقف إطلاق النار العملية الهجوم الضربة الصاروخ
الطائرات المسيرة الملعب المنتخب المباراة الدوري البطولة الهدف المدرب اللاعب الفريق الفوز
الخسارة التعادل الثقافة المهرجان المعرض الكتاب الفيلم المسرح الموسيقى التراث الآثار المتحف
السياحة الفندق الشركة المصنع المشروع الخطة البرنامج التقرير الدراسة الإحصاء النسبة الارتفاع
الانخفاض الأسعار التضخم البطالة الفقر السكن الإيجار الأرض المزارعين القمح الحبوب التمور
يعلن يؤكد ينفي يبحث يستقبل يزور يفتتح يطلق يوقع يقرر يطالب يحذر يدعو يرفض يوافق يناقش يكشف
جديد جديدة كبير كبيرة واسع واسعة عاجل مهم رسمي رسمية محلي دولي إقليمي عربي عربية شمال جنوب
شرق غرب اليوم أمس غدا الأسبوع الشهر العام المقبل الماضي خلال بعد قبل حول ضد مع في على من إلى
""".split()

OUTLETS = [
    ("sawt", "صوت الرافدين", "iraq"),
    ("nil", "أنباء النيل", "egypt"),
    ("sham", "بريد الشام", "levant"),
    ("khalij", "مرآة الخليج", "gulf"),
    ("maghrib", "نشرة المغرب", "maghreb"),
]


def sentence(rng, lo, hi):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def rss(outlet, name, items, base):
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<rss version="2.0"><channel>',
           f"<title>{escape(name)}</title><link>{base}/{outlet}/</link><language>ar</language>",
           f"<description>{escape(name)}</description>"]
    for guid, title, paras, published in items:
        body = "".join(f"<p>{escape(p)}</p>" for p in paras)
        out.append(f"<item><title>{escape(title)}</title><link>{base}/{outlet}/{guid}.html</link>"
                   f'<guid isPermaLink="false">{outlet}-{guid}</guid>'
                   f"<pubDate>{format_datetime(published)}</pubDate>"
                   f"<description>{escape(body)}</description></item>")
    out.append("</channel></rss>")
    return "\n".join(out) + "\n"


def main():
    out = Path(sys.argv[1])
    fixture_port, nashra_port = int(sys.argv[2]), int(sys.argv[3])
    sources = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    per_source = int(sys.argv[5]) if len(sys.argv) > 5 else 24
    rng = random.Random(20261129)
    base = f"http://127.0.0.1:{fixture_port}"
    # recent, so that retention keeps them and they fall inside the dedup window of one another
    now = datetime.now(timezone.utc).replace(microsecond=0)
    www = out / "fixture"
    www.mkdir(parents=True, exist_ok=True)
    feeds = ["defaults: { interval: 2h, min_interval: 2h, max_interval: 6h, timezone: UTC, language: ar }", "sources:"]
    for s, (outlet, name, group) in enumerate(OUTLETS[:sources]):
        items = []
        for i in range(per_source):
            published = now - timedelta(minutes=7 * (i * sources + s) + 1)
            title = sentence(rng, 6, 10)
            paras = [sentence(rng, 35, 70) for _ in range(rng.randint(2, 4))]
            items.append((f"n{i:03d}", title, paras, published))
        (www / f"{outlet}.xml").write_text(rss(outlet, name, items, base), encoding="utf-8")
        feeds.append(f"  - {{ id: {outlet}, name: {name}, url: \"{base}/{outlet}.xml\", type: rss, groups: [{group}] }}")
    feeds += ["feeds:",
              "  - { id: all, title: كل الأخبار, description: خلاصة قياس الأداء, include: { groups: [\"*\"] }, "
              "other_news: drop, limit: 100 }"]
    (out / "feeds.yml").write_text("\n".join(feeds) + "\n", encoding="utf-8")
    (out / "nashra.yml").write_text(
        "http:\n"
        "  host: 127.0.0.1\n"
        f"  port: {nashra_port}\n"
        f"  base_url: http://127.0.0.1:{nashra_port}\n"
        "  tag_authority: bench.nashra,2026\n"
        "fetch:\n"
        "  allow_private_hosts: [127.0.0.1, localhost]\n", encoding="utf-8")
    print(f"fixture: {sources} outlets x {per_source} items under {www}")


if __name__ == "__main__":
    main()
