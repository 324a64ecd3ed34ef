// A long article in the browser: a generated 2,000-passage article (tools/make_article.mjs,
// served in place of assets/article.json) is read from its top to its end. The reader lays
// out and draws only the passages in view, and ImGui's draw lists use 32-bit indices, so the
// text at the end is drawn as legibly as at the top (with 16-bit indices and every passage
// drawn, the text was garbage past ~940 passages); the mirror keeps every passage, placing
// those in view. Screenshots go to test-results/long/ (WWE_SHOTS=dir to put them elsewhere).
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openExplorer, useBrowser, decodePng, settle, press, DIST, ROOT } from './browser.mjs';
import { makeArticle } from '../../tools/make_article.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 180_000 }, fn);
const shared = useBrowser(before, after);
const base = JSON.parse(fs.readFileSync(path.join(DIST, 'assets', 'article.json'), 'utf8'));
const PASSAGES = 2000;
const article = makeArticle(base, PASSAGES, 1);
const articleText = JSON.stringify(article);
const SHOTS = process.env.WWE_SHOTS || path.join(ROOT, 'test-results', 'long');
fs.mkdirSync(SHOTS, { recursive: true });

async function withLongArticle(fn) {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openExplorer(context, shared.server.url, {
      route: {
        pattern: '**/assets/article.json',
        handler: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: articleText }),
      },
    });
    assert.equal(page.readyError, null, `explorer.ready rejected: ${JSON.stringify(page.readyError)}`);
    await settle(page, 60_000);
    await fn(page);
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error')), []);
  } finally {
    await context.close();
  }
}

// The mirror's element for a semantic id: whether it is placed, where (CSS px of the page),
// and the text of its pieces (what the canvas drew there, in the text layer).
const mirrorEntry = (page, id) => page.evaluate((id) => {
  const el = document.querySelector(`[data-id="${id}"]`);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const pieces = [...document.querySelectorAll(`[data-id="${id}/text"] .wwe-piece`)].map((p) => p.textContent).join('');
  return { placed: el.classList.contains('wwe-placed'), top: r.top, bottom: r.bottom, text: el.textContent, pieces };
}, id);

// The reader's text column in a screenshot: the share of dark ("ink") pixels and of pixels
// that are neither the background nor ink nor the light tints of mentions and chips, in the
// rectangle of the passages placed in the mirror. Legible text is ~5-25 % ink; garbage from
// wrong indices is large filled triangles (far more ink or colour) or nothing.
function inkStats(png, rect) {
  const { width, rgba } = decodePng(png);
  let ink = 0, all = 0;
  for (let y = Math.max(0, Math.floor(rect.top)); y < Math.floor(rect.bottom); y++) {
    for (let x = Math.floor(rect.left); x < Math.floor(rect.right); x++) {
      const i = (y * width + x) * 4;
      const lum = 0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2];
      if (lum < 110) ink++;
      all++;
    }
  }
  return ink / Math.max(1, all);
}

// The rectangle (CSS px) of the passages placed in view, within the canvas.
const placedRect = (page) => page.evaluate(() => {
  const els = [...document.querySelectorAll('[data-id^="passage/"].wwe-placed')].filter((el) => /^passage\/[^/]+$/.test(el.dataset.id));
  const canvas = document.querySelector('canvas').getBoundingClientRect();
  let top = Infinity, bottom = -Infinity, left = Infinity, right = -Infinity;
  for (const el of els) {
    const r = el.getBoundingClientRect();
    top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom);
    left = Math.min(left, r.left); right = Math.max(right, r.right);
  }
  return { count: els.length, top: Math.max(top, canvas.top), bottom: Math.min(bottom, canvas.bottom), left, right,
           ids: els.map((el) => el.dataset.id) };
});

test('a 2,000-passage article: the reader draws its top and its end legibly; the mirror holds every passage', async () => {
  await withLongArticle(async (page) => {
    const state = await page.evaluate(() => window.explorer.getState());
    assert.equal(state.view, 'reader');
    // Every passage is in the mirror (the semantic tree is the controller's), in view or not.
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-id^="passage/"]').length > 0), true);
    const last = article.passages[PASSAGES - 1];
    const lastEntry = await mirrorEntry(page, `passage/${last.id}`);
    assert.ok(lastEntry, 'the last passage is in the mirror');
    assert.equal(lastEntry.placed, false, 'not in view at the top: not placed');
    assert.ok(lastEntry.text.includes('Passage two thousand.'), 'its text is there all the same');

    const topRect = await placedRect(page);
    assert.ok(topRect.count >= 1 && topRect.count < 30, `${topRect.count} passages placed at the top (only those in view)`);
    assert.ok(topRect.ids.includes('passage/p1'), 'the first passage is in view');
    const top = await page.screenshot({ path: path.join(SHOTS, 'top.png') });
    const topInk = inkStats(top, topRect);

    // To the end (the End key scrolls the reader).
    await press(page, 'End');
    await settle(page, 60_000);
    const end = await mirrorEntry(page, `passage/${last.id}`);
    assert.equal(end.placed, true, 'at the end, the last passage is placed');
    assert.ok(end.pieces.startsWith('Passage two thousand.'), `its text drawn in pieces: ${JSON.stringify(end.pieces.slice(0, 40))}`);
    assert.equal((await mirrorEntry(page, 'passage/p1')).placed, false, 'the first passage is no longer placed');
    const endRect = await placedRect(page);
    assert.ok(endRect.count >= 1 && endRect.count < 30, `${endRect.count} passages placed at the end`);
    const shot = await page.screenshot({ path: path.join(SHOTS, 'end.png') });
    const endInk = inkStats(shot, endRect);
    assert.ok(topInk > 0.02 && topInk < 0.3, `ink at the top: ${(topInk * 100).toFixed(1)} %`);
    assert.ok(endInk > 0.02 && endInk < 0.3, `ink at the end: ${(endInk * 100).toFixed(1)} % (garbled text is not 2-30 %)`);
    assert.equal((await page.evaluate(() => window.explorer.getState())).passage !== '', true, 'the reading position followed');
  });
});

test('a 2,000-passage article: a jump far down, then a new filter keeps the passage at the top', async () => {
  await withLongArticle(async (page) => {
    const target = article.passages[1499];
    await page.evaluate((id) => window.explorer.setState({ passage: id }), target.id);
    await settle(page, 60_000);
    // Positions in the reader's panel (the mirror's "view" landmark: the toolbar above it
    // grows a row of filter chips when a filter is on).
    const inView = async () => {
      const e = await mirrorEntry(page, `passage/${target.id}`);
      const view = await mirrorEntry(page, 'view');
      return { ...e, top: e.top - view.top };
    };
    const before = await inView();
    assert.equal(before.placed, true, 'the passage asked for is in view');
    assert.ok(before.top >= 0 && before.top < 60, `at the top of the view (${before.top} px)`);
    // A facet value this passage has, ticked in the mirror (the user's own filter).
    const [facet, values] = Object.entries(target.facets)[0];
    await page.evaluate((id) => document.querySelector(`[data-id="${id}"]`).click(), `facet/${facet}/${values[0]}`);
    await settle(page, 60_000);
    const state = await page.evaluate(() => window.explorer.getState());
    assert.deepEqual(state.facets[facet], [values[0]], 'the filter is on');
    assert.equal(state.passage, target.id, 'the reading position is kept');
    const after = await inView();
    assert.equal(after.placed, true, 'the passage is still in view');
    assert.ok(Math.abs(after.top - before.top) < 4, `at the same place: ${before.top} px, then ${after.top} px`);
    await page.screenshot({ path: path.join(SHOTS, 'filtered.png') });
  });
});
