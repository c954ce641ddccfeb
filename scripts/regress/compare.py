#!/usr/bin/python3
"""Compares two run.sh output folders (old release, new build) and prints every
difference, by file: exit codes and messages, JSON (timestamps masked), CSV,
.xlsx cell by cell (value, type, number format), .docx document.xml (bytes, then
text), PDFs (pdftotext -layout, page count, first pages rendered at 40 dpi).
Usage: compare.py OLD NEW [REPORTDIR]"""
import json, os, re, subprocess, sys, zipfile
import openpyxl

old, new = sys.argv[1], sys.argv[2]
rep = sys.argv[3] if len(sys.argv) > 3 else '/tmp/regress-report'
os.makedirs(rep, exist_ok=True)
diffs = 0
TS = re.compile(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)')
DUR = re.compile(r'\b\d+([.,]\d+)? ?(ms|µs|s|giây)\b')
LOGTS = re.compile(r'\d{4}[/-]\d\d[/-]\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?')


def say(name, msg):
    global diffs
    diffs += 1
    print('DIFF %s: %s' % (name, msg))


def textdiff(name, a, b, limit=12):
    if a == b:
        return
    open(os.path.join(rep, name + '.old'), 'w').write(a)
    open(os.path.join(rep, name + '.new'), 'w').write(b)
    r = subprocess.run(['diff', '-u', os.path.join(rep, name + '.old'), os.path.join(rep, name + '.new')],
                       capture_output=True, text=True).stdout.splitlines()
    body = [l for l in r[2:] if l[:1] in '+-'][:limit]
    say(name, '%d changed lines\n    ' % len([l for l in r[2:] if l[:1] in '+-']) + '\n    '.join(body))


def mask(s):
    return re.sub(r'\d{8}-\d{6}', '<stamp>', DUR.sub('<dur>', LOGTS.sub('<ts>', TS.sub('<ts>', s))))


def jsonnorm(v):
    if isinstance(v, dict):
        return {k: ('<ts>' if k.endswith('_at') or k in ('at', 'when', 'time') else jsonnorm(x)) for k, x in v.items()}
    if isinstance(v, list):
        return [jsonnorm(x) for x in v]
    if isinstance(v, str):
        return TS.sub('<ts>', v)  # the audit's old values are JSON text holding timestamps
    return v


def cells(path):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)  # a formula's cached value too
    out = []
    for ws in wb.worksheets:
        wc = cached[ws.title]
        out.append('## sheet %s dims=%s merges=%s print=%s/%s/%s' % (
            ws.title, ws.dimensions, sorted(str(m) for m in ws.merged_cells.ranges),
            ws.page_setup.orientation, ws.page_setup.paperSize, ws.print_title_rows))
        out.append('widths ' + ' '.join('%s=%s' % (k, d.width) for k, d in sorted(ws.column_dimensions.items())))
        out.append('heights ' + ' '.join('%s=%s' % (k, d.height) for k, d in sorted(ws.row_dimensions.items())[:50]))
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    f, a = c.font, c.alignment
                    out.append('%s!%s\t%s\t%r\t%r\t%s\t%s %s %s %s %s %s' % (
                        ws.title, c.coordinate, c.data_type, c.value, wc[c.coordinate].value, c.number_format,
                        f.name, f.sz, f.b, f.i, a.horizontal, a.wrap_text))
    return '\n'.join(out) + '\n'


def docx(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def pdftext(path):
    return subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True, text=True).stdout


def pages(path):
    r = subprocess.run(['pdfinfo', path], capture_output=True, text=True).stdout
    m = re.search(r'Pages:\s+(\d+)', r)
    return int(m.group(1)) if m else -1


def render(name, a, b):
    for p in (1, 2):
        for which, src in (('old', a), ('new', b)):
            subprocess.run(['pdftoppm', '-r', '40', '-png', '-f', str(p), '-l', str(p), '-singlefile', src,
                            os.path.join(rep, '%s-p%d-%s' % (name, p, which))])
        pa, pb = [os.path.join(rep, '%s-p%d-%s.png' % (name, p, w)) for w in ('old', 'new')]
        if not os.path.exists(pa):
            continue
        r = subprocess.run(['compare', '-metric', 'AE', pa, pb, os.path.join(rep, '%s-p%d-diff.png' % (name, p))],
                           capture_output=True, text=True)
        ae = r.stderr.strip()
        if ae != '0':
            say(name, 'page %d pixels differ: %s' % (p, ae))
        else:
            for x in (pa, pb, os.path.join(rep, '%s-p%d-diff.png' % (name, p))):
                os.remove(x)


names = sorted(set(os.listdir(old)) | set(os.listdir(new)))
for n in names:
    a, b = os.path.join(old, n), os.path.join(new, n)
    if n == 'times.txt' or os.path.isdir(a) or os.path.isdir(b):
        continue
    if not os.path.exists(a) or not os.path.exists(b):
        say(n, 'only in ' + ('new' if os.path.exists(b) else 'old'))
        continue
    ext = os.path.splitext(n)[1]
    try:
        if ext in ('.rc', '.err', '.csv', '.txt', '.log'):
            if ext == '.log':  # the app's log names the run's own folder
                a_, b_ = open(a).read().replace(os.path.abspath(old), '<dir>'), open(b).read().replace(os.path.abspath(new), '<dir>')
                textdiff(n, mask(a_), mask(b_))
                continue
            textdiff(n, mask(open(a, encoding='utf-8', errors='replace').read()), mask(open(b, encoding='utf-8', errors='replace').read()))
        elif ext == '.out':
            sa, sb = open(a).read(), open(b).read()
            try:
                ja, jb = json.loads(sa), json.loads(sb)
                if jsonnorm(ja) != jsonnorm(jb):
                    textdiff(n, json.dumps(jsonnorm(ja), ensure_ascii=False, indent=1, sort_keys=True),
                             json.dumps(jsonnorm(jb), ensure_ascii=False, indent=1, sort_keys=True))
            except ValueError:
                textdiff(n, mask(sa), mask(sb))
        elif ext in ('.xlsx', '.xlsm'):
            textdiff(n, cells(a), cells(b))
        elif ext == '.docx':
            da, db = docx(a), docx(b)
            if da != db:
                for part in sorted(set(da) | set(db)):
                    if da.get(part) != db.get(part):
                        ta = re.sub(r'(</w:p>)', r'\1\n', (da.get(part) or b'').decode('utf-8', 'replace'))
                        tb = re.sub(r'(</w:p>)', r'\1\n', (db.get(part) or b'').decode('utf-8', 'replace'))
                        textdiff(n + '#' + part.replace('/', '_'), ta, tb)
        elif ext == '.pdf':
            if pages(a) != pages(b):
                say(n, 'pages %d -> %d' % (pages(a), pages(b)))
            textdiff(n, pdftext(a), pdftext(b))
            render(n, a, b)
        else:
            if open(a, 'rb').read() != open(b, 'rb').read():
                say(n, 'bytes differ')
    except Exception as e:  # a file one side cannot read is a difference too
        say(n, 'cannot compare: %r' % e)
print('%d differences' % diffs)
