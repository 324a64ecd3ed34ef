#!/usr/bin/env python3
"""Writes the bad-input files too large to commit into OUTDIR (tests/data/bad/README.md).

    generate.py OUTDIR [NAME]     all of them, or only NAME.json

over-size.json       one byte over the 24 MiB file limit (kArticleJsonLimits)
deep-100000.json     a tour step state nested 100,000 levels deep (was: SIGSEGV)
repeated-label.json  a label word repeated 660,000 times over 10 passages, 2 MB
                     (was: a quadratic corpus build, half a minute of CPU)
long-passage.json    a passage of 300,000 bytes (the limit is 200,000)
many-passages.json   100,001 passages (the limit is 100,000)
utf16-le-no-bom.json, utf16-be.json, utf16-be-no-bom.json, utf32-le.json,
utf32-be-no-bom.json the fixture article in UTF-16 and UTF-32, with and without a byte
                     order mark (binary; utf16.json, little-endian with a mark, is committed)
"""
import copy
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]
only = sys.argv[2] if len(sys.argv) > 2 else None
os.makedirs(out, exist_ok=True)
mini = json.load(open(os.path.join(here, '..', 'mini.json'), encoding='utf-8'))


def write_bytes(name, data):
    if only and name != only + '.json':
        return
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data)


def write(name, text):
    if only and name != only + '.json':
        return
    with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
        f.write(text)


limit = 24 << 20
text = json.dumps(mini)
pad = limit + 1 - len(text.encode('utf-8')) - len(',"x-pad":""')
write('over-size.json', text[:-1] + ',"x-pad":"' + 'x' * pad + '"}')

x = copy.deepcopy(mini)
s = json.dumps(x)
at = s.index('"state": {') + len('"state": {')
write('deep-100000.json', s[:at] + '"x-deep": ' + '[' * 100000 + ']' * 100000 + ', ' + s[at:])

x = copy.deepcopy(mini)
x['concepts'].append({'id': 'ab', 'label': 'ab', 'type': 'idea', 'description': 'A two-letter label.'})
for i in range(10):
    p = copy.deepcopy(x['passages'][-1])
    p['id'] = 'r%d' % i
    p['text'] = 'ab ' * 66000  # 198,000 bytes: just under the passage limit
    x['passages'].append(p)
write('repeated-label.json', json.dumps(x))

x = copy.deepcopy(mini)
x['passages'][0]['text'] = 'word ' * 60000
write('long-passage.json', json.dumps(x))

x = copy.deepcopy(mini)
x['passages'] = [{'id': 'p%d' % i, 'section': None, 'text': 'w'} for i in range(100001)]
write('many-passages.json', json.dumps(x))

text = json.dumps(mini, indent=2, ensure_ascii=False)
for name, codec, bom in [('utf16-le-no-bom', 'utf-16-le', b''), ('utf16-be', 'utf-16-be', b'\xfe\xff'),
                         ('utf16-be-no-bom', 'utf-16-be', b''), ('utf32-le', 'utf-32-le', b'\xff\xfe\x00\x00'),
                         ('utf32-be-no-bom', 'utf-32-be', b'')]:
    write_bytes(name + '.json', bom + text.encode(codec))
