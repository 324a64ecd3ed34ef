// The bad-input suite (tests/data/bad) in the browser: with an article and a view of the
// reader's own in place (a facet ticked, a search), every file of the suite is opened at
// run time — explorer.load(), and for some the real Open... file input and drag and drop —
// and the problems panel (its accessible mirror: the same Presentation the canvas draws)
// lists the messages `explorer validate` gives, read from the goldens NAME.expected; the
// article and the view are those of before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, openExplorer, settle, useBrowser } from './browser.mjs';

const shared = useBrowser(before, after);
const BAD = path.join(ROOT, 'tests', 'data', 'bad');
const NAMES = fs.readdirSync(BAD).filter((f) => f.endsWith('.expected')).map((f) => f.slice(0, -'.expected'.length)).sort();
// Opened through the file input (bytes, as a reader's file) or dropped; the rest by explorer.load(text).
// The UTF-16 and UTF-32 files (utf16*, utf32*) are bytes too: picked.
const ENCODINGS = ['utf16', 'utf16-le-no-bom', 'utf16-be', 'utf16-be-no-bom', 'utf32-le', 'utf32-be-no-bom'];
const PICKED = new Set(['invalid-utf8', 'overlong-utf8', ...ENCODINGS, 'bom', 'malformed', 'dangling-ids']);
const DROPPED = new Set(['truncated', 'duplicate-ids', 'control-characters']);
// Files that are not UTF-8 cannot be a JavaScript string: they go as bytes.
const BYTES_ONLY = new Set(['invalid-utf8', 'overlong-utf8', ...ENCODINGS]);

let scratch = '';
before(() => { scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wwe-bad-')); });
after(() => { if (scratch) fs.rmSync(scratch, { recursive: true, force: true }); });

// The file's bytes: committed, or written by generate.py (as check.sh does).
function bytesOf(name) {
  const committed = path.join(BAD, `${name}.json`);
  if (fs.existsSync(committed)) return fs.readFileSync(committed);
  const generated = path.join(scratch, `${name}.json`);
  if (!fs.existsSync(generated)) execFileSync('python3', [path.join(BAD, 'generate.py'), scratch, name]);
  return fs.readFileSync(generated);
}

// The golden as expectations: each problem's severity, pointer ('' for "(document)"),
// the passage's own id when given, and its plain words ("expected ..., found ..."); the
// counts of the summary line; whether the file is valid. Errors come first in the panel
// (as in the CLI's list, whose warnings of the text follow its errors).
function expectations(name) {
  const lines = fs.readFileSync(path.join(BAD, `${name}.expected`), 'utf8').trimEnd().split('\n');
  const problems = [];
  let valid = null, errors = 0, warnings = 0;
  for (const line of lines) {
    const p = /^FILE: (error|warning): (.*)$/.exec(line);
    if (p) {
      const rest = p[2];
      const at = rest.indexOf(': expected ');
      assert.ok(at > 0, `${name}: a golden line of the usual shape: ${line}`);
      let where = rest.slice(0, at);
      let passage = '';
      const id = / \(([^()\s]+)\)$/.exec(where);
      if (id) {
        passage = id[1];
        where = where.slice(0, id.index);
      }
      problems.push({ severity: p[1], pointer: where === '(document)' ? '' : where, passage, words: rest.slice(at + 2) });
      continue;
    }
    const s = /^FILE: (valid|invalid) \((.*)\)$/.exec(line);
    if (s) {
      valid = s[1] === 'valid';
      errors = Number((/(\d+) errors?/.exec(s[2]) || [0, 0])[1]);
      warnings = Number((/(\d+) warnings?/.exec(s[2]) || [0, 0])[1]);
    }
  }
  assert.notEqual(valid, null, `${name}: the golden has its summary line`);
  const ordered = [...problems.filter((x) => x.severity === 'error'), ...problems.filter((x) => x.severity === 'warning')];
  return { problems: ordered, valid, errors, warnings };
}

// The problems panel as the mirror has it: the dialog's name, and each problem's words and place.
const panel = (page) => page.evaluate(() => {
  const dialog = document.querySelector('[data-id="problems-dialog"]');
  if (!dialog) return null;
  const items = [];
  for (let i = 0; ; ++i) {
    const text = document.querySelector(`[data-id="problems-dialog/problem/${i}/text"]`);
    if (!text) break;
    const where = document.querySelector(`[data-id="problems-dialog/problem/${i}/where"]`);
    items.push({ text: text.textContent, where: where ? where.textContent : '' });
  }
  return { name: dialog.getAttribute('aria-label') || '', items };
});

// Opens `name` the way the test chose; resolves with the open's report (explorer.article()).
async function open(page, name, bytes) {
  const file = `${name}.json`;
  if (PICKED.has(name)) {
    await page.setInputFiles('#wwe-file-picker', { name: file, mimeType: 'application/json', buffer: bytes });
  } else if (DROPPED.has(name)) {
    await page.evaluate(([n, b64]) => {
      const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([raw], n, { type: 'application/json' }));
      document.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [file, bytes.toString('base64')]);
  } else {
    assert.ok(!BYTES_ONLY.has(name));
    return page.evaluate(([t, n]) => window.explorer.load(t, { name: n }), [bytes.toString('utf8'), file]);
  }
  await page.waitForFunction((n) => window.explorer.article().name === n, file, { timeout: 60_000 });
  return page.evaluate(() => window.explorer.article());
}

test('every file of the bad-input suite: the problems panel says what explorer validate says; the article and view stay',
  { timeout: 15 * 60_000 }, async () => {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await openExplorer(context, shared.server.url);
      assert.equal(page.readyError, null);
      const shipped = fs.readFileSync(path.join(ROOT, 'dist', 'assets', 'article.json'), 'utf8');
      const view = async () => {
        await page.evaluate(() => window.explorer.setState({ view: 'map', facets: { front: ['economic'] }, query: 'cooperation' }));
        await settle(page, 30_000);
        return page.evaluate(() => window.explorer.getState());
      };
      let before = await view();
      assert.deepEqual(before.facets, { front: ['economic'] }, 'a facet ticked');
      assert.equal(before.query, 'cooperation', 'a search');
      const article = (await page.evaluate(() => window.explorer.article())).article.id;
      assert.ok(NAMES.length >= 30, `the suite: ${NAMES.length} files`);
      const checked = [];
      for (const name of NAMES) {
        const want = expectations(name);
        const report = await open(page, name, bytesOf(name));
        await settle(page, 60_000);
        const why = `${name}: ${JSON.stringify(report.problems.slice(0, 5))}`;
        assert.equal(report.opened, want.valid, why);
        assert.equal(report.problems.filter((p) => p.severity === 'error').length, want.errors, why);
        assert.equal(report.problems.filter((p) => p.severity === 'warning').length, want.warnings, why);
        // The report in the page's API and the panel: the golden's words, place by place.
        const shown = want.valid ? null : await panel(page);
        if (!want.valid) {
          assert.ok(shown, `${name}: the problems panel shows`);
          assert.equal(shown.name, report.summary);
          assert.match(shown.name, new RegExp(`${want.errors} problems?`));
          assert.equal(shown.items.length, want.problems.length, `${name}: ${JSON.stringify(shown.items)}`);
        }
        want.problems.forEach((w, i) => {
          const got = report.problems[i];
          const label = `${name}, problem ${i + 1}: ${JSON.stringify(got)} for ${JSON.stringify(w)}`;
          assert.equal(got.severity, w.severity, label);
          assert.equal(got.pointer, w.pointer, label);
          assert.ok(got.message.endsWith(`: ${w.words}`), label);
          assert.match(got.message, /^[A-Z]/, `${label}: plain words first`);
          if (w.passage) assert.ok(got.message.includes(`(${w.passage})`), `${label}: the passage's own id`);
          if (shown) {
            const item = shown.items[i];
            assert.equal(item.text, `${w.severity === 'error' ? 'Error' : 'Warning'}: ${got.message}`, label);
            if (w.pointer) assert.ok(item.where.startsWith(`JSON pointer ${w.pointer}`), `${label}: ${item.where}`);
            if (w.passage) assert.ok(item.where.includes(`(${w.passage})`), `${label}: ${item.where}`);
          }
        });
        if (want.valid) {
          // A usable file opens (that is no bad input): the shipped article and the view come back.
          assert.equal((await page.evaluate((t) => window.explorer.load(t, { name: 'article.json' }), shipped)).opened, true);
          before = await view();
        } else {
          assert.deepEqual(await page.evaluate(() => window.explorer.getState()), before, `${name}: the view stays`);
          assert.equal((await page.evaluate(() => window.explorer.article())).article.id, article, `${name}: the article stays`);
        }
        checked.push(name);
      }
      assert.deepEqual(checked, NAMES);
      assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror')), []);
    } finally {
      await context.close();
    }
  });
