"""Batch items and copy labels of the demo outlets (src/main/resources/demo), for RunEval.

Usage: python3 bench/dedup/demo_items.py src/main/resources/demo/site /tmp/demo
writes /tmp/demo/demo-items.jsonl and /tmp/demo/demo-labels.jsonl. The extraction is a rough
stand-in for the service's (tags stripped, <p> text of the HTML articles), so figures on it
approximate what `nashra demo` merges; labels follow src/main/resources/demo/README.md (S1-S7;
S4 without the asdaa other-news copies, which are not main items here).
"""
import json,re,glob,html,os
import xml.etree.ElementTree as ET
import sys
B=sys.argv[1].rstrip('/')+'/'
OUT=sys.argv[2]
os.makedirs(OUT, exist_ok=True)
def strip(s): return html.unescape(re.sub(r'<[^>]+>',' ',s or '')).strip()
items=[]
def add(i,src,t,x,p): items.append(dict(id=i,source=src,url='http://d/'+i,title=strip(t),text=re.sub(r'\s+',' ',strip(x)),published=p))
from email.utils import parsedate_to_datetime
ns={'content':'http://purl.org/rss/1.0/modules/content/','a':'http://www.w3.org/2005/Atom'}
for src,f in [('rafidain','rafidain/feed.rss'),('basra','basra/feed.cp1256.xml')]:
    raw=open(B+f,'rb').read()
    try: txt=raw.decode('utf-8')
    except: txt=raw.decode('cp1256')
    txt=re.sub(r'<\?xml[^>]*\?>','',txt)
    r=ET.fromstring(txt)
    for it in r.iter('item'):
        c=it.find('content:encoded',ns); d=it.find('description')
        pd=it.findtext('pubDate') or ''
        try: p=parsedate_to_datetime(pd).isoformat()
        except Exception: p='2026-11-29T10:15:00+03:00'
        add(it.findtext('guid'),src,it.findtext('title'),(c.text if c is not None else d.text),p)
r=ET.fromstring(re.sub(r'<\?xml[^>]*\?>','',open(B+'dijla/feed.atom',encoding='utf-8').read()))
for e in r.findall('a:entry',ns):
    add(e.findtext('a:id',namespaces=ns),'dijla',e.findtext('a:title',namespaces=ns),e.findtext('a:content',namespaces=ns) or e.findtext('a:summary',namespaces=ns),e.findtext('a:published',namespaces=ns))
j=json.load(open(B+'furat/feed.json'))
for it in j['items']: add(it['id'],'furat',it.get('title'),it.get('content_html'),it.get('date_published'))
for f in sorted(glob.glob(B+'asdaa/archives/*/index.html')):
    t=open(f).read(); h=re.search(r'<h1 class="entry-title">(.*?)</h1>',t,re.S).group(1)
    body=t.split('class="entry-content"')[1].split('class="more-news"')[0]
    body=re.sub(r'<div class="share.*?</div>','',body,flags=re.S)
    dt=re.search(r'datetime="([^"]+)"',t).group(1)
    add('asdaa-'+f.split('/')[-2],'asdaa',h,' '.join(re.findall(r'<p>(.*?)</p>',body,re.S)),dt)
for f in sorted(glob.glob(B+'manara/news/*.html')):
    t=open(f).read(); h=re.search(r'<h1[^>]*>(.*?)</h1>',t,re.S).group(1)
    dt=re.search(r'article:published_time" content="([^"]+)"',t).group(1)
    art=t.split('<article')[1].split('</article>')[0] if '<article' in t else t
    ps=[p for p in re.findall(r'<p>(.*?)</p>',art,re.S)]
    add('manara-'+os.path.basename(f)[:-5],'manara',h,' '.join(ps),dt)
S={'S1':['rafidain-20261129-101','tag:nabd-dijla.example,2026:entry-5501','sada-furat-77301'],
'S2':['rafidain-20261129-104','tag:nabd-dijla.example,2026:entry-5503','barid-basra-40213'],
'S3':['rafidain-20261129-103','asdaa-3301','manara-water-releases-turkey'],
'S4':['sada-furat-77303','barid-basra-40212'],
'S5':['tag:nabd-dijla.example,2026:entry-5502','manara-parliament-access-to-information-law'],
'S6':['sada-furat-77304','manara-zawraa-police-derby'],
'S7':['tag:nabd-dijla.example,2026:entry-5505','asdaa-3302']}
lab={i:s for s,l in S.items() for i in l}
with open(OUT+'/demo-items.jsonl','w') as o:
    for it in items: o.write(json.dumps(it,ensure_ascii=False)+'\n')
with open(OUT+'/demo-labels.jsonl','w') as o:
    for it in items: o.write(json.dumps(dict(id=it['id'],copy=lab.get(it['id'],'c:'+it['id'])),ensure_ascii=False)+'\n')
missing=[i for i in lab if i not in {x['id'] for x in items}]
print(len(items), 'items;', 'missing labelled ids:', missing)
