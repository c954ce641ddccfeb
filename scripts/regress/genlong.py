#!/usr/bin/python3
"""Long unit files (5,000+ rows) from /work/shared/data's names and communes,
the way units send them: sections, unit rows, subtotals, legacy encodings, and
copies with one bad row at the very end. Deterministic (seeded).
Usage: genlong.py OUTDIR"""
import csv, random, sys, unicodedata as ud
import openpyxl

D = '/work/shared/data/'
out = sys.argv[1]
rnd = random.Random(20261207)


def col(path, i, skip=1):
    with open(path, encoding='utf-8') as f:
        return [l.rstrip('\n').split('\t')[i] for l in f.readlines()[skip:] if l.strip()]


fam = col(D + 'names/family_name_freq.tsv', 0)[:60]
mid = col(D + 'names/middle_name_freq.tsv', 0)[:40]
boys = col(D + 'names/boy.txt', 0, 0)
girls = col(D + 'names/girl.txt', 0, 0)
with open(D + 'admin_units/communes_2025-07-01.csv', encoding='utf-8') as f:
    communes = [r['commune_name'] for r in csv.DictReader(f)][:400]

tc, vni = {}, {}
with open(D + 'unicode/vietnamese_letters_legacy_encodings.tsv', encoding='utf-8') as f:
    hdr = f.readline().rstrip('\n').split('\t')
    for line in f:
        c = dict(zip(hdr, line.rstrip('\n').split('\t')))
        tc[c['unicode_nfc']] = c['tcvn_as_cp1252_text']
        vni[c['unicode_nfc']] = c['vni_as_cp1252_text']


def enc(s, table):
    return ''.join(table.get(ch, ch) for ch in ud.normalize('NFC', s))


TONES = {'\u0300', '\u0301', '\u0303', '\u0309', '\u0323'}


def cp1258(s):
    s = s.replace('\xd0', 'Đ').replace('\xf0', 'đ')  # an Eth typed for Đ in the name lists
    outs = []
    for ch in ud.normalize('NFC', s):
        d = ud.normalize('NFD', ch)
        tone = ''.join(x for x in d if x in TONES)
        base = ud.normalize('NFC', ''.join(x for x in d if x not in TONES))
        outs.append(base + tone)
    return ''.join(outs).encode('cp1258')


POS = ['Chuyên viên', 'Cán bộ', 'Giáo viên', 'Trưởng thôn', 'Kế toán', 'Phó Chủ tịch UBND xã', 'Công chức Tư pháp - Hộ tịch']


def person(i):
    g = rnd.random() < 0.5
    name = '%s %s %s' % (rnd.choice(fam), rnd.choice(mid) if g else 'Thị', rnd.choice(boys if g else girls))
    birth = '%02d/%02d/%d' % (rnd.randint(1, 28), rnd.randint(1, 12), rnd.randint(1960, 2000))
    return name, birth, 'Nam' if g else 'Nữ', rnd.choice(POS)


def rows(n, units=40):
    """Yields ('section'|'unit'|'row'|'subtotal', values)."""
    per = n // units
    k = 0
    yield 'section', 'I. TẬP THỂ'
    for u in range(5):
        k += 1
        yield 'row', (k, '', 'Ủy ban nhân dân ' + communes[u], '', '', '', communes[u])
    yield 'section', 'II. CÁ NHÂN'
    for u in range(units):
        unit = communes[u + 5]
        yield 'unit', 'UBND ' + unit
        for j in range(per):
            k += 1
            name, birth, g, pos = person(k)
            yield 'row', (k, 'Ông' if g == 'Nam' else 'Bà', name, birth, g, pos, unit)
        yield 'subtotal', 'Cộng: %d cá nhân' % per


HEAD = ['STT', 'Danh xưng', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chức vụ', 'Đơn vị công tác']


def xlsx(path, n, table=None, bad=False, form=None):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet('Danh sách')
    t = (lambda s: enc(s, table)) if table else (lambda s: s)
    ws.append([t('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG')])
    ws.append([t('(Kèm theo Tờ trình số 99/TTr-UBND ngày 01/6/2024)')])
    ws.append([])
    ws.append([t(h) for h in HEAD] + ([t('Hình thức khen thưởng')] if form else []))
    last = None
    for kind, v in rows(n):
        if kind == 'row':
            r = [v[0]] + [t(x) for x in v[1:]] + ([form] if form else [])
            last = r
            ws.append(r)
        elif kind == 'unit':  # a unit's row: its name where the names go, no number
            ws.append(['', '', t(v)])
        else:
            ws.append(['', t(v)])
    if bad:
        r = list(last)
        r[0] += 1
        r[3] = '31/02/1999'  # no such day
        ws.append(r)
    ws.append([])
    ws.append(['', '', '', '', '', t('NGƯỜI LẬP BIỂU')])
    wb.save(path)


def csvfile(path, n, encoding='utf-8-sig', sep=',', bad=False):
    lines = []
    lines.append(sep.join(HEAD))
    last = None
    for kind, v in rows(n):
        if kind == 'row':
            last = [str(x) for x in v]
            lines.append(sep.join('"%s"' % x if sep in x else x for x in last))
        elif kind == 'unit':
            lines.append(sep.join(['', '', v] + [''] * 4))
        else:
            lines.append(sep.join(['', v] + [''] * 5))
    if bad:
        r = list(last)
        r[0] = str(int(r[0]) + 1)
        r[3] = '12/13/1980'  # month 13
        lines.append(sep.join(r))
    data = '\r\n'.join(lines) + '\r\n'
    with open(path, 'wb') as f:
        f.write(cp1258(data) if encoding == 'cp1258' else data.encode(encoding))


xlsx(out + '/long_utf8.xlsx', 6000, form='Giấy khen của Chủ tịch Ủy ban nhân dân xã')
xlsx(out + '/long_tcvn3.xlsx', 5200, table=tc)
csvfile(out + '/long_utf8.csv', 5600, sep=';')
csvfile(out + '/long_cp1258.csv', 5000, encoding='cp1258')
xlsx(out + '/long_bad_end.xlsx', 5000, bad=True)
csvfile(out + '/long_bad_end.csv', 5000, bad=True)
with open(out + '/not_a_sheet.xlsx', 'wb') as f:
    f.write(b'%PDF-1.4\n' + bytes(range(256)) * 40)


# Twelve forms in one file (a campaign roster of one sheet per form, alphabetical:
# more sheets than the streamed roster reads the data for), and 25,000 rows of one
# form (a decision past the 20,000-row chunks of an alphabetical sheet).
INDIV = ['CSTDT', 'BKCT', 'BKMTTQ', 'CSTDCS', 'GKCA', 'GKSO', 'GKXA', 'CSTT', 'LDTT']
COLL = ['CTDT', 'TTLDXS', 'TTLDTT']
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet('DS')
ws.append(['STT', 'Loại', 'Danh xưng', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chức vụ', 'Đơn vị', 'Hình thức khen thưởng'])
for k in range(1, 3001):
    if k % 25 == 0:
        ws.append([k, 'Tập thể', '', 'Phòng %d, UBND %s' % (k, communes[k % 400]), '', '', '', communes[k % 400], COLL[k % 3]])
    else:
        name, birth, g, pos = person(k)
        ws.append([k, 'Cá nhân', 'Ông' if g == 'Nam' else 'Bà', name, birth, g, pos, 'UBND ' + communes[k % 400], INDIV[k % 9]])
wb.save(out + '/many_forms.xlsx')
csvfile(out + '/big25k.csv', 25000)

# What the streamed reader learns in its first pass and applies in its second,
# placed after the first 2,000 lines it keeps in memory: a TCVN3 column whose
# legacy text starts at line 2,500, VIQR names from line 2,600, a header after
# 2,050 lines of notes, a hidden column, and two long sheets laid out differently.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'Tong hop'
ws.append(HEAD + ['Ghi chú'])
for k in range(1, 4001):
    name, birth, g, pos = person(k)
    unit = 'UBND ' + communes[k % 400]
    if k >= 2500:
        unit = enc(unit, tc)
    if k >= 2600 and k % 3 == 0:
        name = name.replace('ư', 'u+').replace('ơ', 'o+').replace('ă', 'a(').replace('â', 'a^')
    ws.append([k, 'Ông' if g == 'Nam' else 'Bà', name, birth, g, pos, unit, 'mật %d' % k])
ws.column_dimensions['H'].hidden = True
ws2 = wb.create_sheet('Dot 2')
ws2.append(['Danh sách đợt 2'])
ws2.append([])
ws2.append(['Họ và tên', 'STT', 'Đơn vị công tác', 'Giới tính', 'Năm sinh'])
for k in range(1, 3001):
    name, birth, g, pos = person(k)
    ws2.append([name, k, 'Trường Tiểu học ' + communes[(k * 7) % 400], g, birth[-4:]])
wb.save(out + '/late_legacy_two_sheets.xlsx')

with open(out + '/header_late.csv', 'w', encoding='utf-8', newline='') as f:
    for k in range(2050):
        f.write('Ghi chú %d: danh sách tổng hợp từ các đơn vị,,,,\r\n' % k if k % 50 == 0 else ',,,,\r\n')
    f.write('STT,Họ và tên,Ngày sinh,Giới tính,Đơn vị\r\n')
    for k in range(1, 3001):
        name, birth, g, pos = person(k)
        f.write('%d,%s,%s,%s,%s\r\n' % (k, name, birth, g, 'Xã ' + communes[k % 400].split(' ', 1)[-1]))
