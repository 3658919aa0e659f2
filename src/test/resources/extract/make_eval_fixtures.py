#!/usr/bin/env python3
"""Writes the extraction evaluation fixtures under eval/: each article of eval_articles.py rendered
in one of seven site markups (two WordPress themes, Drupal, a table-layout CMS, a div CMS, AMP, a
script-rendered page with JSON-LD only) plus listing pages, each with NAME.json holding the
expected result. Run: python3 make_eval_fixtures.py (from this folder).

With --corpus ARTICLES.jsonl --out DIR [--limit N], renders real articles from the shared corpus
into the same markups in DIR (outside the repository: corpus text is never committed), for
ExtractionEvaluation to score on real text."""
import json, os, html, zlib
from datetime import datetime, timezone
from eval_articles import ARTICLES, OTHER

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "eval")
E = html.escape

COMMENTS = [("أبو علي", "خبر مهم، ونتمنى أن تنفذ هذه المشاريع فعلا وليس على الورق فقط، فالمواطن ينتظر النتائج منذ سنوات."),
            ("سارة", "شكرا للموقع على المتابعة المستمرة، لكن نرجو ذكر المصادر بشكل أوضح، وتحديث الخبر عند صدور أي بيان جديد."),
            ("مواطن", "كلام جميل، والأهم هو المتابعة والمحاسبة بعد التنفيذ، فقد سمعنا وعودا كثيرة من قبل ولم يتحقق منها شيء.")]

def utc(iso):
    return datetime.fromisoformat(iso).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

def local_as_utc(iso):
    return datetime.fromisoformat(iso).strftime("%Y-%m-%dT%H:%M:%SZ")

MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]

def arabic_date(iso):
    d = datetime.fromisoformat(iso)
    return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"

def others(i, n):
    return [OTHER[(i * 3 + j) % len(OTHER)] for j in range(n)]

# Other news is what a page appends with text of its own ("أخبار أخرى" paragraphs). The related,
# read-also and most-read boxes below list bare links (a headline, no text) to the site's own
# articles: navigation, not other news, so their headlines are not expected as "other".

def slugify(t):
    return str(zlib.crc32(t.encode("utf-8")) % 100000)

def paras(body):
    return "\n".join(f"<p>{E(p)}</p>" for p in body)

def sidebar_latest(host, i):
    items = "".join(f'<li><a href="https://{host}/news/{40 + j}">{E(t)}</a><p class="excerpt">{E(l)}</p></li>' for j, (t, l) in enumerate(others(i + 5, 3)))
    return f'<h3 class="widget-title">آخر الأخبار</h3><ul class="latest">{items}</ul>'

# ---------------------------------------------------------------- article markups

def wp_classic(a, i, host, site):
    url = f"https://{host}/{a['date'][:4]}/{a['date'][5:7]}/{a['slug']}/"
    variant = (i // 7) % 2
    extra, other_titles, after = "", [], ""
    if variant == 0:
        picked = others(i, 2)
        extra = '\n<h3>أخبار أخرى</h3>\n' + "\n".join(f"<p>{E(t)}</p>\n<p>{E(l)}</p>" for t, l in picked)
        other_titles = [t for t, _ in picked]
    else:
        picked = others(i, 3)
        after = '<div class="related-posts"><h3 class="related-title">اقرأ أيضاً</h3><ul>' + "".join(
            f'<li><a href="https://{host}/news/{100 + k}/">{E(t)}</a></li>' for k, (t, _) in enumerate(picked)) + "</ul></div>"
        other_titles = []  # bare links to the site's own articles
    comments = "".join(f'<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">{E(n)}</b> <time datetime="{a["date"]}">منذ ساعة</time></footer><div class="comment-content"><p>{E(c)}</p></div></article></li>' for n, c in COMMENTS[: 2 + i % 2])
    page = f"""<!DOCTYPE html>
<html dir="rtl" lang="ar"><head><meta charset="UTF-8">
<title>{E(a['title'])} &#8211; {E(site)}</title>
<meta property="og:type" content="article"><meta property="og:title" content="{E(a['title'])} &#8211; {E(site)}">
<meta property="og:url" content="{url}"><meta property="article:published_time" content="{a['date']}">
<link rel="stylesheet" href="https://{host}/wp-content/themes/flat-news/style.css"><script src="https://{host}/wp-includes/js/jquery.js"></script>
</head><body class="post-template-default single single-post rtl">
<div id="page" class="site"><header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="https://{host}/">{E(site)}</a></p><p class="site-description">أخبار العراق والعالم على مدار الساعة</p></div>
<nav class="main-navigation"><ul class="menu"><li><a href="/">الرئيسية</a></li><li><a href="/c/local">محليات</a></li><li><a href="/c/economy">اقتصاد</a></li><li><a href="/c/sport">رياضة</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish hentry"><header class="entry-header"><h1 class="entry-title">{E(a['title'])}</h1>
<div class="entry-meta"><span class="posted-on">نشر في <time class="entry-date published" datetime="{a['date']}">{arabic_date(a['date'])}</time></span> <span class="byline">بواسطة <a href="/author/editor">المحرر</a></span></div></header>
<div class="entry-content">
{paras(a['body'])}{extra}
</div>
<footer class="entry-footer"><div class="sharedaddy"><h3 class="sd-title">شارك هذا الخبر:</h3><ul><li><a href="https://facebook.com/sharer?u={url}">فيسبوك</a></li><li><a href="https://twitter.com/share?url={url}">تويتر</a></li><li><a href="#print">طباعة</a></li></ul></div></footer>
</article>{after}
<div id="comments" class="comments-area"><h2 class="comments-title">{2 + i % 2} تعليقات</h2><ol class="comment-list">{comments}</ol>
<div id="respond"><h3>اترك تعليقاً</h3><form id="commentform"><textarea name="comment"></textarea><input type="submit" value="إرسال"></form></div></div>
</main></div><aside id="secondary" class="widget-area"><section class="widget">{sidebar_latest(host, i)}</section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">جميع الحقوق محفوظة © {E(site)} 2023</div></footer></div>
<script>var ajaxurl = "/wp-admin/admin-ajax.php";</script></body></html>"""
    return url, page, dict(title=a["title"], body=a["body"], date=utc(a["date"]), other=other_titles)

def wp_jannah(a, i, host, site):
    url = f"https://{host}/{a['slug']}/"
    related = (i // 7) % 2 == 1
    inline_t, _ = others(i + 1, 1)[0]
    picked = others(i + 2, 3) if related else []
    body = list(a["body"])
    caption = "صورة من موقع الحدث"
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": url, "url": url, "name": a["title"] + " - " + site},
        {"@type": "Article", "@id": url + "#article", "headline": a["title"], "datePublished": a["date"],
         "dateModified": a["date"], "author": {"@type": "Person", "name": "فريق التحرير"},
         "image": {"@type": "ImageObject", "url": f"https://{host}/wp-content/uploads/{a['slug']}.jpg"}},
        {"@type": "Organization", "name": site}]}
    inline = f'<p><strong>اقرأ أيضا:</strong> <a href="https://{host}/news-{slugify(inline_t)}/">{E(inline_t)}</a></p>'
    content = f'<figure class="wp-block-image"><img src="/wp-content/uploads/{a["slug"]}.jpg" alt=""><figcaption>{caption}</figcaption></figure>\n'
    content += "\n".join(f"<p>{E(p)}</p>" + ("\n" + inline if k == 1 else "") for k, p in enumerate(body))
    rel = ""
    if related:
        rel = '<section id="related-posts" class="container-wrapper"><div class="mag-box-title the-global-title"><h3>مقالات ذات صلة</h3></div><div class="related-posts-list">' + "".join(
            f'<div class="related-item"><a href="https://{host}/r{k}/" class="post-thumb"><img src="/wp-content/uploads/thumb-{k}.jpg" alt=""></a><h3 class="post-title"><a href="https://{host}/r{k}/">{E(t)}</a></h3><div class="post-meta clearfix"><span class="date meta-item">منذ {k + 2} أيام</span></div></div>'
            for k, (t, _) in enumerate(picked)) + "</div></section>"
    page = f"""<!DOCTYPE html><html dir="rtl" lang="ar-IQ"><head><meta charset="UTF-8"><title>{E(a['title'])} - {E(site)}</title>
<link rel="canonical" href="{url}"><meta property="og:locale" content="ar_AR"><meta property="og:type" content="article">
<meta property="og:title" content="{E(a['title'])} - {E(site)}"><meta property="og:image" content="https://{host}/wp-content/uploads/{a['slug']}.jpg">
<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(ld, ensure_ascii=False)}</script>
<style>.tie-icon{{font-family:tiefonticon}}</style></head>
<body id="tie-body" class="post-template-default single single-post wrapper-has-shadow">
<div class="background-overlay"><div id="tie-container" class="site tie-container"><div id="tie-wrapper">
<header id="theme-header" class="theme-header header-layout-3"><nav id="top-nav" class="top-nav"><div class="topbar-today-date">{arabic_date(a['date'])}</div><ul class="components"><li class="social-icons-item"><a href="https://facebook.com/x"><span class="screen-reader-text">فيسبوك</span></a></li></ul></nav>
<div class="logo-row"><div id="logo"><a href="/"><img src="/logo.png" alt="{E(site)}"></a></div></div>
<nav id="main-nav"><ul id="menu-main" class="menu"><li><a href="/">الرئيسية</a></li><li><a href="/politics/">سياسة</a></li><li><a href="/eco/">اقتصاد</a></li></ul></nav>
<div class="breaking-news"><span class="breaking-title">عاجل</span><ul id="breaking-news-in-header"><li><a href="https://{host}/b1/">{E(others(i + 7, 1)[0][0])}</a></li></ul></div></header>
<div id="content" class="site-content container"><div class="tie-row main-content-row"><div class="main-content tie-col-md-8" role="main">
<article id="the-post" class="container-wrapper post-content tie-standard">
<header class="entry-header-outer"><nav id="breadcrumb"><a href="/">الرئيسية</a><em class="delimiter">/</em><a href="/local/">محليات</a></nav>
<div class="entry-header"><h1 class="post-title entry-title">{E(a['title'])}</h1><div class="post-meta clearfix"><span class="author-meta single-author"><span class="meta-author"><a href="/author/team/" class="author-name">فريق التحرير</a></span></span><span class="date meta-item">{arabic_date(a['date'])}</span><div class="tie-alignright"><span class="meta-views meta-item">1,204</span></div></div></div></header>
<div id="share-buttons-top" class="share-buttons share-buttons-top"><div class="share-links"><a href="https://facebook.com/sharer" class="facebook-share-btn"><span class="share-btn-icon tie-icon-facebook"></span><span class="social-text">فيسبوك</span></a><a href="https://twitter.com/intent" class="twitter-share-btn"><span class="social-text">تويتر</span></a><a href="https://wa.me/" class="whatsapp-share-btn"><span class="social-text">واتساب</span></a></div></div>
<div class="entry-content entry clearfix">
{content}
</div>
<div class="post-bottom-meta post-bottom-tags"><span class="tagcloud"><a href="/tag/a">العراق</a><a href="/tag/b">بغداد</a></span></div>
</article>
{rel}
<div id="comments" class="comments-area"><div id="respond"><h3 id="reply-title" class="the-global-title">اترك تعليقاً</h3><form id="commentform"><p class="comment-notes">لن يتم نشر عنوان بريدك الإلكتروني.</p></form></div></div>
</div><aside class="sidebar tie-col-md-4" aria-label="القائمة الجانبية"><div class="theiaStickySidebar"><div class="widget">{sidebar_latest(host, i)}</div></div></aside></div></div>
<footer id="footer" class="site-footer"><div id="site-info"><div class="copyright-text">© حقوق النشر 2023، جميع الحقوق محفوظة | {E(site)}</div></div></footer>
</div></div></div><script type="text/javascript" src="/wp-content/themes/jannah/assets/js/scripts.min.js"></script></body></html>"""
    # the inline read-also link and the related posts are bare links to the site's own articles
    return url, page, dict(title=a["title"], body=[caption] + a["body"], date=utc(a["date"]), other=[])

def drupal(a, i, host, site):
    url = f"https://{host}/ar/node/{1000 + i}"
    popular = (i // 7) % 2 == 0
    picked = others(i + 3, 4) if popular else []
    date = a["date"][:16] + a["date"][19:]  # metatag prints minutes only: 2023-06-15T10:45+03:00
    pop = ""
    if popular:
        pop = '<div class="views-element-container block block-views" id="block-views-block-popular-block-1"><h2>الأكثر قراءة</h2><div class="view view-popular"><div class="view-content">' + "".join(
            f'<div class="views-row"><div class="views-field views-field-title"><span class="field-content"><a href="/ar/node/{500 + k}" hreflang="ar">{E(t)}</a></span></div></div>' for k, (t, _) in enumerate(picked)) + "</div></div></div>"
    tags = "".join(f'<div class="field__item"><a href="/ar/taxonomy/term/{k}">{t}</a></div>' for k, t in enumerate(["محليات", "خدمات"]))
    page = f"""<!DOCTYPE html><html lang="ar" dir="rtl" prefix="og: https://ogp.me/ns#"><head><meta charset="utf-8">
<meta name="description" content="{E(a['body'][0][:120])}"><link rel="canonical" href="{url}">
<meta property="og:site_name" content="{E(site)}"><meta property="og:title" content="{E(a['title'])}"><meta name="dcterms.date" content="{date}">
<meta name="Generator" content="Drupal 9 (https://www.drupal.org)"><title>{E(a['title'])} | {E(site)}</title>
<script>window.drupalSettings = {{"path":{{"baseUrl":"/"}}}};</script></head>
<body class="path-node page-node-type-article"><a href="#main-content" class="visually-hidden focusable skip-link">التجاوز إلى المحتوى الرئيسي</a>
<div class="dialog-off-canvas-main-canvas"><div class="layout-container">
<header role="banner"><div class="region region-header"><div id="block-site-branding"><a href="/ar" rel="home" class="site-branding__name">{E(site)}</a></div></div>
<div class="region region-primary-menu"><nav role="navigation" id="block-main-menu"><ul class="menu"><li class="menu-item"><a href="/ar">الرئيسية</a></li><li class="menu-item"><a href="/ar/local">الأخبار المحلية</a></li><li class="menu-item"><a href="/ar/world">العالم</a></li></ul></nav></div></header>
<div class="region region-breadcrumb"><nav class="breadcrumb" role="navigation"><ol><li><a href="/ar">الرئيسية</a></li><li>الأخبار</li></ol></nav></div>
<main role="main"><a id="main-content" tabindex="-1"></a><div class="layout-content"><div class="region region-content">
<div id="block-page-title" class="block block-core block-page-title-block"><h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">{E(a['title'])}</span></h1></div>
<div id="block-system-main" class="block block-system block-system-main-block">
<article role="article" class="node node--type-article node--promoted node--view-mode-full">
<footer class="node__meta"><div class="node__submitted">بواسطة <span class="field field--name-uid"><span>محرر الموقع</span></span> في <span class="field field--name-created">{arabic_date(a['date'])}</span></div></footer>
<div class="node__content clearfix"><div class="field field--name-field-image field--type-image field__item"><img src="/sites/default/files/styles/large/public/{a['slug']}.jpg" alt="" typeof="foaf:Image"></div>
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">{paras(a['body'])}</div>
<div class="field field--name-field-tags field--type-entity-reference field__items"><div class="field__label">الوسوم</div>{tags}</div>
<section class="field field--name-comment"><h2 class="title comment-form__title">إضافة تعليق جديد</h2></section></div>
</article></div></div></div>
<aside class="layout-sidebar-second" role="complementary"><div class="region region-sidebar-second">{pop}<div class="block block-block-content"><h2>عن الموقع</h2><div class="field--name-body"><p>موقع إخباري مستقل يغطي الشأن المحلي، تأسس عام ألفين وعشرة.</p></div></div></div></aside></main>
<footer role="contentinfo"><div class="region region-footer"><p>جميع الحقوق محفوظة، {E(site)}</p></div></footer></div></div>
<script src="/core/misc/drupal.js?v=9.5.10"></script></body></html>"""
    # the most-read block lists bare links to the site's own nodes
    return url, page, dict(title=a["title"], body=a["body"], date=utc(a["date"]), other=[])

def table_cms(a, i, host, site):
    url = f"http://{host}/news.php?id={7000 + i}"
    related = (i // 7) % 2 == 1
    picked = others(i + 4, 3) if related else []
    rel = ""
    if related:
        rel = '<tr><td class="related"><b>اخبار ذات صلة</b><br>' + "".join(f'&bull; <a href="news.php?id={6000 + k}">{E(t)}</a><br>' for k, (t, _) in enumerate(picked)) + "</td></tr>"
    body_html = "<br><br>\n".join(E(p) for p in a["body"])
    latest = "".join(f'<tr><td class="side"><a href="news.php?id={5000 + k}">{E(t)}</a></td></tr>' for k, (t, _) in enumerate(others(i + 9, 4)))
    local = a["date"][:10] + " " + a["date"][11:19]
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>{E(site)} :: {E(a['title'])}</title><meta name="date" content="{local}"><meta name="keywords" content="اخبار,العراق">
<link href="style.css" rel="stylesheet" type="text/css"><script language="javascript">function openWin(u){{window.open(u)}}</script></head>
<body bgcolor="#FFFFFF" topmargin="0" leftmargin="0">
<table width="100%" border="0" cellpadding="0" cellspacing="0"><tr><td><img src="images/logo.gif" alt="{E(site)}"></td><td class="topmenu" align="left"><a href="index.php">الرئيسية</a> | <a href="cat.php?id=1">محليات</a> | <a href="cat.php?id=2">اقتصاد</a> | <a href="cat.php?id=3">رياضة</a> | <a href="contact.php">اتصل بنا</a></td></tr></table>
<table width="980" border="0" align="center" cellpadding="4" cellspacing="0"><tr>
<td width="220" valign="top" class="rightcol"><table width="100%"><tr><td class="boxtitle">آخر الأخبار</td></tr>{latest}</table>
<table width="100%"><tr><td class="boxtitle">استطلاع</td></tr><tr><td>هل تؤيد تمديد العطلة الصيفية؟<br><input type="radio" name="v"> نعم <input type="radio" name="v"> لا</td></tr></table></td>
<td valign="top"><table width="100%" border="0" cellspacing="2" cellpadding="2">
<tr><td class="newstitle"><font size="4" color="#990000"><b>{E(a['title'])}</b></font></td></tr>
<tr><td class="newsdate"><font size="1" color="#666666">{arabic_date(a['date'])} - {a['date'][11:16]}</font></td></tr>
<tr><td align="center"><img src="uploads/{7000 + i}.jpg" width="400" border="0"></td></tr>
<tr><td class="newsbody"><div align="justify"><font face="Tahoma" size="2">{body_html}</font></div></td></tr>
<tr><td class="tools"><a href="javascript:window.print()">طباعة</a> | <a href="send.php?id={7000 + i}">ارسل لصديق</a></td></tr>
{rel}</table></td></tr></table>
<table width="980" align="center"><tr><td class="footer" align="center">جميع الحقوق محفوظة لـ {E(site)} &copy; 2023<br>تصميم وبرمجة: شركة الشبكة للحلول</td></tr></table>
</body></html>"""
    # the related links are bare links to the site's own news
    return url, page, dict(title=a["title"], body=a["body"], date=local_as_utc(a["date"]), other=[])

def div_cms(a, i, host, site):
    url = f"https://{host}/ar/news/{8000 + i}"
    machine_date = (i // 7) % 2 == 0
    picked = others(i + 5, 3)
    when = (f'<time datetime="{a["date"]}">{arabic_date(a["date"])}</time>' if machine_date else arabic_date(a["date"]))
    rel = '<div class="news-related"><div class="box-title">أخبار ذات صلة</div><ul>' + "".join(
        f'<li><a href="/ar/news/{7900 + k}">{E(t)}</a> <span class="date">2023/06/{10 + k}</span></li>' for k, (t, _) in enumerate(picked)) + "</ul></div>"
    comments = "".join(f'<div class="comment"><div class="comment-name">{E(n)}</div><div class="comment-text">{E(c)}</div></div>' for n, c in COMMENTS)
    side = "".join(f'<div class="side-item"><a href="/ar/news/{7800 + k}">{E(t)}</a><p>{E(l)}</p></div>' for k, (t, l) in enumerate(others(i + 8, 3)))
    page = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{E(site)} | {E(a['title'])}</title>
<meta property="og:title" content="{E(a['title'])} | {E(site)}"><meta property="og:image" content="/uploads/news/{8000 + i}.jpg"><meta property="og:site_name" content="{E(site)}">
<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script></head>
<body><div id="wrapper"><div id="header"><h1 id="logo"><a href="/ar/">{E(site)}</a></h1>
<div id="ticker"><span>عاجل:</span> <a href="/ar/news/7999">{E(others(i + 6, 1)[0][0])}</a></div>
<ul id="menu"><li><a href="/ar/">الرئيسية</a></li><li><a href="/ar/cat/1">سياسة</a></li><li><a href="/ar/cat/2">اقتصاد</a></li><li><a href="/ar/cat/3">ثقافة</a></li></ul></div>
<div id="main"><div id="right-side"><div id="news-details"><div class="path"><a href="/ar/">الرئيسية</a> &gt; <a href="/ar/cat/1">أخبار محلية</a></div>
<h2 class="news-title">{E(a['title'])}</h2><div class="news-info"><span class="news-date">{when}</span> | <span class="views">عدد القراءات: {1500 + i}</span></div>
<div class="news-img"><img src="/uploads/news/{8000 + i}.jpg" alt="{E(a['title'])}"></div>
<div class="news-text">{paras(a['body'])}</div>
<div class="news-share"><a href="https://facebook.com/sharer.php">فيسبوك</a> <a href="https://twitter.com/share">تويتر</a> <a href="javascript:print()">طباعة</a></div>
{rel}
<div class="comments"><div class="box-title">التعليقات (3)</div>{comments}<div class="comment-form">أضف تعليقك</div></div>
</div></div><div id="sidebar"><div class="box"><div class="box-title">منوعات</div>{side}</div></div></div>
<div id="footer"><p>جميع الحقوق محفوظة © {E(site)}</p><p><a href="/ar/about">من نحن</a> | <a href="/ar/contact">اتصل بنا</a></p></div></div></body></html>"""
    # the related news are bare links (a date, no text) to the site's own news
    return url, page, dict(title=a["title"], body=a["body"], date=utc(a["date"]) if machine_date else None, other=[])

def amp(a, i, host, site):
    url = f"https://{host}/amp/{a['slug']}"
    canonical = f"https://{host}/{a['slug']}"
    related = (i // 7) % 2 == 0
    picked = others(i + 6, 2) if related else []
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "mainEntityOfPage": canonical,
          "headline": a["title"], "datePublished": a["date"], "dateModified": a["date"],
          "image": [f"https://{host}/img/{a['slug']}-1200.jpg"], "author": {"@type": "Person", "name": "مراسلنا"},
          "publisher": {"@type": "Organization", "name": site, "logo": {"@type": "ImageObject", "url": f"https://{host}/logo.png"}}}
    rel = ""
    if related:
        rel = '<div class="amp-related"><h2>اقرأ أيضا</h2><ul>' + "".join(f'<li><a href="https://{host}/amp/o{k}">{E(t)}</a></li>' for k, (t, _) in enumerate(picked)) + "</ul></div>"
    page = f"""<!doctype html><html ⚡ lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{E(a['title'])}</title>
<link rel="canonical" href="{canonical}"><meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<script async src="https://cdn.ampproject.org/v0.js"></script><script async custom-element="amp-social-share" src="https://cdn.ampproject.org/v0/amp-social-share-0.1.js"></script>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both}}</style><style amp-custom>.amp-title{{font-size:24px}}</style></head>
<body><amp-sidebar id="sidebar" layout="nodisplay" side="right"><ul class="amp-menu"><li><a href="/amp/">الرئيسية</a></li><li><a href="/amp/cat/news">الأخبار</a></li><li><a href="/amp/cat/sport">الرياضة</a></li></ul></amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle">القائمة</button><a class="brand" href="/amp/">{E(site)}</a></header>
<main><article class="amp-article"><h1 class="amp-title">{E(a['title'])}</h1><div class="amp-meta"><span class="author">مراسلنا</span> <span class="time">{arabic_date(a['date'])}</span></div>
<amp-img src="https://{host}/img/{a['slug']}-800.jpg" width="800" height="450" layout="responsive" alt=""></amp-img>
<div class="amp-social"><amp-social-share type="facebook" data-param-app_id="1"></amp-social-share><amp-social-share type="twitter"></amp-social-share><amp-social-share type="whatsapp"></amp-social-share></div>
<div class="article-body">{paras(a['body'])}</div>
{rel}</article></main>
<footer class="amp-footer"><p>© {E(site)} 2023</p><a href="{canonical}">عرض النسخة الكاملة</a></footer></body></html>"""
    # the read-also links are bare links to the site's own pages
    return url, page, dict(title=a["title"], body=a["body"], date=utc(a["date"]), other=[])

def jsonld_only(a, i, host, site):
    url = f"https://{host}/article/{a['slug']}"
    article = {"@context": "https://schema.org", "@type": ["NewsArticle"], "headline": a["title"],
               "datePublished": a["date"], "articleBody": "\n".join(a["body"]),
               "author": [{"@type": "Person", "name": "خدمة الأخبار"}],
               "image": {"@type": "ImageObject", "url": f"https://cdn.{host}/{a['slug']}.webp"}}
    org = {"@type": "Organization", "name": site, "url": f"https://{host}/"}
    ld = {"@context": "https://schema.org", "@graph": [org, article]} if i % 2 == 0 else [org, article]
    page = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{E(a['title'])} - {E(site)}</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:type" content="article"><meta property="og:url" content="{url}">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<link rel="preload" href="/static/js/main.8f3a2c.js" as="script"></head>
<body><div id="root"><header class="app-header"><a class="logo" href="/">{E(site)}</a><nav><a href="/news">الأخبار</a><a href="/video">فيديو</a><a href="/live">البث المباشر</a></nav></header>
<div class="article-shell"><h1>{E(a['title'])}</h1><div class="skeleton"><div class="loading">جار تحميل المحتوى...</div></div></div></div>
<noscript>يرجى تفعيل جافا سكريبت لعرض الموقع بشكل صحيح.</noscript>
<script>window.__INITIAL_STATE__={{"route":"/article"}};</script><script src="/static/js/main.8f3a2c.js"></script></body></html>"""
    return url, page, dict(title=a["title"], body=a["body"], date=utc(a["date"]), other=[])

def blogger(a, i, host, site):
    url = f"https://{host}/{a['date'][:4]}/{a['date'][5:7]}/{a['slug']}.html"
    body = "<br />\n<br />\n".join(E(p) for p in a["body"])
    popular = "".join(f"<li><div class='item-title'><a href='https://{host}/p/{k}.html'>{E(t)}</a></div><div class='item-snippet'>{E(l)} وتابع المسؤولون، في تصريحات متفرقة، أن العمل سيستمر خلال الأشهر المقبلة، بحسب الخطة المعلنة.</div></li>" for k, (t, l) in enumerate(others(i + 2, 3)))
    comments = "".join(f"<li class='comment'><div class='comment-block'><div class='comment-header'><cite class='user'>{E(n)}</cite></div><p class='comment-content'>{E(c)}</p></div></li>" for n, c in COMMENTS)
    page = f"""<!DOCTYPE html><html dir='rtl' lang='ar' xmlns:b='http://www.google.com/2005/gml/b'><head>
<meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/><title>{E(site)}: {E(a['title'])}</title>
<link href='{url}' rel='canonical'/><meta content='{url}' property='og:url'/><meta content='{E(a['title'])}' property='og:title'/>
<link rel='stylesheet' type='text/css' href='https://www.blogger.com/static/v1/widgets/widget_css_bundle.css'/></head>
<body class='variant-indie'><div class='content'><div class='content-outer'>
<header><div class='header-outer'><div class='Header widget' id='Header1'><div id='header-inner'><div class='titlewrapper'><h1 class='title'><a href='https://{host}/'>{E(site)}</a></h1></div><div class='descriptionwrapper'><p class='description'><span>مدونة تهتم بأخبار المدينة وشؤونها اليومية</span></p></div></div></div></div></header>
<div class='tabs-outer'><div class='PageList widget'><ul><li><a href='https://{host}/'>الصفحة الرئيسية</a></li><li><a href='https://{host}/p/about.html'>من نحن</a></li></ul></div></div>
<div class='main-outer'><div class='columns fauxcolumns'><div class='column-center-outer'><div class='main section' id='main'><div class='widget Blog' id='Blog1'><div class='blog-posts hfeed'>
<div class='date-outer'><h2 class='date-header'><span>{arabic_date(a['date'])}</span></h2><div class='date-posts'><div class='post-outer'>
<div class='post hentry uncustomized-post-template' itemscope='itemscope' itemtype='http://schema.org/BlogPosting'>
<a name='{7000 + i}'></a><h3 class='post-title entry-title' itemprop='name'>{E(a['title'])}</h3>
<div class='post-header'><div class='post-header-line-1'></div></div>
<div class='post-body entry-content' id='post-body-{7000 + i}' itemprop='description articleBody'>{body}<div style='clear: both;'></div></div>
<div class='post-footer'><div class='post-footer-line post-footer-line-1'><span class='post-author vcard'>بواسطة <span class='fn' itemprop='author'>مدير المدونة</span></span>
<span class='post-timestamp'>في <a class='timestamp-link' href='{url}' rel='bookmark'><abbr class='published' itemprop='datePublished' title='{a['date']}'>{a['date'][11:16]}</abbr></a></span>
<span class='post-comment-link'><a class='comment-link' href='{url}#comment-form'>3 تعليقات</a></span></div>
<div class='post-share-buttons goog-inline-block'><a class='share-button sb-email' href='https://www.blogger.com/share-post.g?target=email'><span class='share-button-link-text'>إرسال بالبريد الإلكتروني</span></a><a class='share-button sb-facebook' href='https://www.blogger.com/share-post.g?target=facebook'><span class='share-button-link-text'>المشاركة في Facebook</span></a></div>
<div class='post-footer-line post-footer-line-2'><span class='post-labels'>التسميات: <a href='https://{host}/search/label/local' rel='tag'>محليات</a></span></div></div></div>
<div class='comments' id='comments'><h4>3 تعليقات:</h4><div class='comments-content'><ol>{comments}</ol></div></div>
</div></div></div></div>
<div class='blog-pager' id='blog-pager'><a class='blog-pager-older-link' href='https://{host}/older.html'>رسالة أقدم</a><a class='home-link' href='https://{host}/'>الصفحة الرئيسية</a></div>
</div></div></div>
<div class='column-right-outer'><div class='sidebar section' id='sidebar-right-1'><div class='widget PopularPosts' id='PopularPosts1'><h2>المشاركات الشائعة</h2><div class='widget-content popular-posts'><ul>{popular}</ul></div></div>
<div class='widget BlogArchive'><h2>أرشيف المدونة</h2><ul><li><a href='https://{host}/2023/'>2023</a></li></ul></div></div></div></div></div>
<footer><div class='Attribution widget'>يتم التشغيل بواسطة <a href='https://www.blogger.com'>Blogger</a>.</div></footer></div></div>
<script type='text/javascript'>window['__wavt'] = 'AOuZoY';</script></body></html>"""
    return url, page, dict(title=a["title"], body=a["body"], date=utc(a["date"]), other=[])

def news_portal(a, i, host, site):
    url = f"https://www.{host}/article/{9100 + i}/{a['slug']}"
    picked = others(i + 7, 4)
    body = list(a["body"])
    inline_rel = others(i + 10, 1)[0][0]
    blocks = []
    for k, p in enumerate(body):
        blocks.append(f"<div>{E(p)}</div>")
        if k == 0:
            blocks.append('<div class="inline-ad"><span class="ad-label">إعلان</span><ins class="adsbygoogle" data-ad-slot="123"></ins></div>')
        if k == 1:
            blocks.append(f'<div class="inline-related"><span>اقرأ المزيد</span> <a href="/article/{9050 + i}/x">{E(inline_rel)}</a></div>')
    blocks.append('<div class="author-box"><img src="/authors/12.jpg" class="author-avatar"><div class="author-name">علي حسين</div><p class="author-bio">صحفي متخصص في الشأن المحلي، عمل في عدد من الصحف والمواقع الإخبارية، ويكتب عن قضايا الخدمات والاقتصاد منذ أكثر من عشر سنوات.</p></div>')
    most = "".join(f'<li><span class="num">{k + 1}</span><a href="/article/{9000 + k}/m">{E(t)}</a></li>' for k, (t, _) in enumerate(picked))
    page = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{E(a['title'])} | {E(site)}</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="{E(site)}"><meta property="og:image" content="https://img.{host}/{9100 + i}/main.jpg">
<script>(function(){{var ga=document.createElement('script');}})();</script></head>
<body class="article-page"><div class="top-strip"><div class="container"><span class="today">{arabic_date(a['date'])}</span><div class="weather">بغداد 46°</div><div class="social-follow"><a href="https://t.me/x">تابعونا على تلغرام</a></div></div></div>
<div class="site-head"><div class="container"><a class="logo" href="/"><img src="/logo.svg" alt="{E(site)}"></a><ul class="main-menu"><li><a href="/section/iraq">العراق</a></li><li><a href="/section/arab">عربي</a></li><li><a href="/section/world">دولي</a></li><li><a href="/section/eco">اقتصاد</a></li><li><a href="/section/sport">رياضة</a></li></ul></div></div>
<div class="container page-body"><div class="row"><div class="col-main">
<div class="article-container" itemscope itemtype="https://schema.org/NewsArticle">
<div class="article-header"><a class="category-tag" href="/section/iraq">العراق</a><h1 class="article-title" itemprop="headline">{E(a['title'])}</h1>
<div class="article-date"><meta itemprop="datePublished" content="{a['date']}">{arabic_date(a['date'])} | {a['date'][11:16]}</div></div>
<div class="article-image"><img src="https://img.{host}/{9100 + i}/main.jpg" alt=""><div class="caption">أرشيفية</div></div>
<div class="article-text" itemprop="articleBody">
{chr(10).join(blocks)}
</div>
<div class="article-tags"><span>الكلمات المفتاحية:</span><a href="/tag/1">خدمات</a><a href="/tag/2">محافظات</a></div>
<div class="article-share"><span>شارك الخبر</span><a href="#">فيسبوك</a><a href="#">إكس</a><a href="#">واتساب</a><a href="#">نسخ الرابط</a></div>
</div></div>
<div class="col-side"><div class="side-box most-viewed"><h3 class="side-title">الأكثر مشاهدة</h3><ol>{most}</ol></div>
<div class="side-box newsletter"><h3 class="side-title">النشرة البريدية</h3><p>اشترك في نشرتنا البريدية لتصلك أهم الأخبار يوميا، ويمكنك إلغاء الاشتراك في أي وقت.</p></div></div></div></div>
<div class="site-foot"><div class="container"><p>© {E(site)} 2023. جميع الحقوق محفوظة.</p><ul class="foot-links"><li><a href="/about">من نحن</a></li><li><a href="/privacy">سياسة الخصوصية</a></li></ul></div></div>
</body></html>"""
    # the inline read-more link and the most-viewed list are bare links to the site's own articles
    return url, page, dict(title=a["title"], body=a["body"], date=utc(a["date"]), other=[])

MARKUPS = [("wp-classic", wp_classic, "alwatan-news.example", "الوطن نيوز"),
           ("wp-jannah", wp_jannah, "rafidain-post.example", "رافدين بوست"),
           ("drupal", drupal, "almirbad-news.example", "المربد"),
           ("table-cms", table_cms, "shabakat-alrafidain.example", "شبكة الرافدين الإخبارية"),
           ("div-cms", div_cms, "sawt-albasra.example", "صوت البصرة"),
           ("amp", amp, "akhbar-alyawm.example", "أخبار اليوم"),
           ("jsonld-only", jsonld_only, "dijla-today.example", "دجلة اليوم"),
           ("blogger", blogger, "madinati-blog.example", "مدونة مدينتي"),
           ("news-portal", news_portal, "iraq-now.example", "العراق الآن")]

# ---------------------------------------------------------------- listings

def wp_listing(arts, host, site):
    posts = "".join(f"""<article class="post type-post hentry"><div class="post-thumbnail"><a href="https://{host}/{a['slug']}/"><img src="/wp-content/uploads/{a['slug']}-300x200.jpg" alt=""></a></div>
<header class="entry-header"><h2 class="entry-title"><a href="https://{host}/{a['slug']}/" rel="bookmark">{E(a['title'])}</a></h2><div class="entry-meta"><time class="entry-date published" datetime="{a['date']}">{arabic_date(a['date'])}</time></div></header>
<div class="entry-summary"><p>{E(a['body'][0][:140])} [&hellip;]</p></div></article>""" for a in arts)
    return f"""<!DOCTYPE html><html dir="rtl" lang="ar"><head><meta charset="UTF-8"><title>محليات &#8211; {E(site)}</title></head>
<body class="archive category"><header id="masthead" class="site-header"><p class="site-title"><a href="/">{E(site)}</a></p><nav class="main-navigation"><ul class="menu"><li><a href="/">الرئيسية</a></li><li><a href="/c/local">محليات</a></li></ul></nav></header>
<div id="content"><main id="main" class="site-main"><header class="page-header"><h1 class="page-title">التصنيف: محليات</h1></header>{posts}
<nav class="navigation pagination"><div class="nav-links"><span class="current">1</span><a href="/c/local/page/2/">2</a><a href="/c/local/page/3/">3</a><a class="next" href="/c/local/page/2/">التالي</a></div></nav></main>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">الأكثر قراءة</h2><ul><li><a href="https://{host}/x1/">{E(OTHER[0][0])}</a></li><li><a href="https://{host}/x2/">{E(OTHER[1][0])}</a></li></ul></section></aside></div>
<footer class="site-footer"><p>جميع الحقوق محفوظة</p></footer></body></html>"""

def div_listing(arts, host, site):
    items = "".join(f"""<div class="news-item"><a href="/ar/news/{9000 + k}" class="thumb"><img data-src="/uploads/news/{9000 + k}-s.jpg" src="/img/blank.gif" alt=""></a>
<h3><a href="/ar/news/{9000 + k}">{E(a['title'])}</a></h3><p>{E(a['body'][1][:120])}...</p><span class="date">{arabic_date(a['date'])}</span></div>""" for k, a in enumerate(arts))
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{E(site)} | أخبار محلية</title></head>
<body><div id="wrapper"><div id="header"><h1 id="logo"><a href="/ar/">{E(site)}</a></h1><div id="ticker"><span>عاجل:</span> <a href="/ar/news/1">{E(OTHER[2][0])}</a></div><ul id="menu"><li><a href="/ar/">الرئيسية</a></li><li><a href="/ar/cat/1">سياسة</a></li></ul></div>
<div id="main"><div id="right-side"><div class="cat-title">أخبار محلية</div><div class="news-list">{items}</div><div class="pages"><a href="?p=2">الصفحة التالية</a></div></div>
<div id="sidebar"><div class="box"><div class="box-title">منوعات</div><div class="side-item"><a href="/ar/news/3">{E(OTHER[3][0])}</a></div></div></div></div>
<div id="footer"><p>جميع الحقوق محفوظة</p></div></div></body></html>"""

def drupal_listing(arts, host, site):
    rows = "".join(f"""<div class="views-row"><div class="views-field views-field-title"><span class="field-content"><a href="/ar/node/{1200 + k}" hreflang="ar">{E(a['title'])}</a></span></div><div class="views-field views-field-created"><span class="field-content"><time datetime="{a['date']}">{arabic_date(a['date'])}</time></span></div></div>""" for k, a in enumerate(arts))
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>الأخبار | {E(site)}</title></head>
<body class="path-news"><div class="dialog-off-canvas-main-canvas"><header role="banner"><a href="/ar" class="site-branding__name">{E(site)}</a><nav role="navigation"><ul class="menu"><li><a href="/ar">الرئيسية</a></li><li><a href="/ar/news">الأخبار</a></li></ul></nav></header>
<main role="main"><h1 class="page-title">الأخبار</h1><div class="view view-news view-display-id-page_1"><div class="view-content">{rows}</div>
<nav class="pager" role="navigation"><ul class="pager__items"><li class="pager__item"><a href="?page=1">الصفحة التالية ›</a></li></ul></nav></div></main>
<footer role="contentinfo"><p>جميع الحقوق محفوظة، {E(site)}</p></footer></div></body></html>"""

def corpus_articles(path, limit):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            body = [p.strip() for p in r["text"].split("\n") if p.strip()]
            if len(body) < 2 or not r["title"].strip():
                continue
            date = (r.get("published") or "2018-04-03T12:00:00Z").replace("Z", "+00:00")
            out.append(dict(slug=r["id"], date=date, title=r["title"].strip(), body=body))
            if len(out) >= limit:
                break
    return out

def main():
    import sys
    global OUT
    articles = ARTICLES[:30]
    args = sys.argv[1:]
    if "--corpus" in args:
        limit = int(args[args.index("--limit") + 1]) if "--limit" in args else 140
        articles = corpus_articles(args[args.index("--corpus") + 1], limit)
        OUT = args[args.index("--out") + 1]
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.remove(os.path.join(OUT, f))
    for i, a in enumerate(articles):
        name, render, host, site = MARKUPS[i % len(MARKUPS)]
        url, page, want = render(a, i, host, site)
        stem = f"{name}-{i:02d}-{a['slug']}"
        want = dict(url=url, source=name, source_name=site, **want)
        want["body"] = "\n".join(want["body"])
        write(stem, page, want)
    for name, render, host, site, arts in [("listing-wordpress", wp_listing, "alwatan-news.example", "الوطن نيوز", ARTICLES[0:8]),
                                            ("listing-div-cms", div_listing, "sawt-albasra.example", "صوت البصرة", ARTICLES[8:18]),
                                            ("listing-drupal", drupal_listing, "almirbad-news.example", "المربد", ARTICLES[18:25])]:
        page = render(arts, host, site)
        url = f"https://{host}/category/local/"
        write(name, page, dict(url=url, source=name, source_name=site, listing=True, items=[a["title"] for a in arts]))

def write(stem, page, want):
    with open(os.path.join(OUT, stem + ".html"), "w", encoding="utf-8") as f:
        f.write(page)
    with open(os.path.join(OUT, stem + ".json"), "w", encoding="utf-8") as f:
        json.dump(want, f, ensure_ascii=False, indent=1)
        f.write("\n")

if __name__ == "__main__":
    main()
