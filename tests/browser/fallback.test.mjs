// Without WebGL 2 the explorer is a plain page: the core runs without drawing
// (web_main.cpp, start_without_gl), the mirror is shown in the page's flow (class
// wwe-fallback on <html>, library_mirror.js flow()), with a note saying the interactive
// views need WebGL 2. The article, its filters and search work there.
//
// WebGL 2 is taken away with an init script: HTMLCanvasElement.getContext('webgl2') gives
// null, as in a browser without it. Screenshots: test-results/fallback/.
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openExplorer, exportMapPng, useBrowser, waitState, settle, DIST, ROOT } from './browser.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 120_000 }, fn);
const shared = useBrowser(before, after);
const article = JSON.parse(fs.readFileSync(path.join(DIST, 'assets', 'article.json'), 'utf8'));
const SHOTS = process.env.WWE_SHOTS || path.join(ROOT, 'test-results', 'fallback');
fs.mkdirSync(SHOTS, { recursive: true });
const squash = (s) => s.replace(/\s+/g, ' ').trim();

async function withoutWebGL2(fn, query = '') {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : original.call(this, type, ...rest);
    };
  });
  try {
    const page = await openExplorer(context, shared.server.url + query);
    assert.equal(page.readyError, null, JSON.stringify(page.readyError));
    await settle(page);
    await fn(page);
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error')), []);
  } finally {
    await context.close();
  }
}

// The passages the page shows, by id, in order.
const shownPassages = (page) => page.evaluate(() =>
  [...document.querySelectorAll('.wwe-mirror [data-id^="passage/"][data-id$="/text"]')]
    .map((p) => p.getAttribute('data-id').split('/')[1]));

test('without WebGL 2: the article is an ordinary, visible page with a note saying why', async () => {
  await withoutWebGL2(async (page) => {
    const look = await page.evaluate(() => {
      const note = document.getElementById('wwe-nogl');
      const first = document.querySelector('.wwe-mirror [data-id="passage/p1/text"]');
      first.scrollIntoView({ block: 'center' });
      const r = first.getBoundingClientRect();
      const style = getComputedStyle(first);
      return {
        fallback: document.documentElement.classList.contains('wwe-fallback'),
        canvasShown: document.getElementById('canvas').getClientRects().length > 0,
        note: note && !note.hidden && note.getClientRects().length > 0 ? note.textContent : null,
        color: style.color,
        size: [r.width, r.height],
        // What a person sees at the middle of the first passage: that passage.
        hit: (() => {
          const at = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
          return !!at && first.contains(at);
        })(),
        text: document.body.innerText,
        loading: document.getElementById('wwe-loading').hidden,
      };
    });
    assert.equal(look.fallback, true, 'class wwe-fallback on <html>');
    assert.equal(look.canvasShown, false, 'no canvas');
    assert.equal(look.loading, true, 'the loading screen has gone');
    assert.ok(look.note && /WebGL 2/.test(look.note) && /plain version/.test(look.note), `the note: ${look.note}`);
    assert.notEqual(look.color, 'rgba(0, 0, 0, 0)', 'the text is not transparent');
    assert.ok(look.size[0] > 400 && look.size[1] > 40, `the passage takes room: ${look.size}`);
    assert.equal(look.hit, true, 'nothing covers the passage');
    // The whole article, as text a person reads (no text layer here: the text flows).
    const text = squash(look.text);
    assert.ok(text.includes(article.meta.title));
    for (const s of article.sections) assert.ok(text.includes(squash(s.heading)), `section ${s.heading}`);
    for (const p of article.passages) assert.ok(text.includes(squash(p.text)), `passage ${p.id}`);
    assert.deepEqual(await shownPassages(page), article.passages.map((p) => p.id));
    await page.evaluate(() => window.scrollTo(0, 0));
    fs.writeFileSync(path.join(SHOTS, 'top.png'), await page.screenshot());
    await page.evaluate(() => document.querySelector('.wwe-mirror [data-id="passage/p1/text"]').scrollIntoView());
    fs.writeFileSync(path.join(SHOTS, 'article.png'), await page.screenshot());
    // The page scrolls as a page does (the explorer's keys do not take PageDown here).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
  });
});

test('without WebGL 2: ticking a filter and typing a search filter the passages', async () => {
  await withoutWebGL2(async (page) => {
    // A real click on the checkbox, as a person does.
    const cultural = page.locator('.wwe-mirror [data-id="facet/front/cultural"]');
    await cultural.click();
    await waitState(page, (s) => JSON.stringify(s.facets) === '{"front":["cultural"]}', 'the Cultural front ticked');
    await settle(page);
    assert.equal(await cultural.getAttribute('aria-checked'), 'true');
    const byFacet = (await page.evaluate(() => window.explorer.query({ facets: { front: ['cultural'] } }))).paragraphs.map((p) => p.id);
    assert.ok(byFacet.length > 0 && byFacet.length < article.passages.length);
    assert.deepEqual((await shownPassages(page)).sort(), [...byFacet].sort(), 'only the passages of the cultural front');
    fs.writeFileSync(path.join(SHOTS, 'filtered.png'), await page.screenshot());

    // Unticked again with the keyboard (Space on the focused checkbox).
    await cultural.focus();
    await page.keyboard.press('Space');
    await waitState(page, (s) => Object.keys(s.facets).length === 0, 'the filter cleared');
    await settle(page);
    assert.equal((await shownPassages(page)).length, article.passages.length);

    // The search field: click, type.
    await page.locator('.wwe-mirror input[type="search"]').click();
    await page.keyboard.type('confrontation', { delay: 10 });
    await waitState(page, (s) => s.query === 'confrontation', 'the typed query');
    await settle(page);
    const bySearch = (await page.evaluate(() => window.explorer.query({ text: 'confrontation' }))).paragraphs.map((p) => p.id);
    assert.ok(bySearch.length > 0 && bySearch.length < article.passages.length);
    assert.deepEqual((await shownPassages(page)).sort(), [...bySearch].sort(), 'only the passages that match');
    const summary = await page.evaluate(() => document.querySelector('.wwe-mirror [data-id="search/result"]').textContent);
    assert.match(summary, new RegExp(`^${bySearch.length} of ${article.passages.length} passages`));
    fs.writeFileSync(path.join(SHOTS, 'search.png'), await page.screenshot());

    // Another view, as text: the concept map as a list of its nodes.
    await page.locator('.wwe-mirror [role="tab"]', { hasText: 'Map' }).click();
    await waitState(page, (s) => s.view === 'map', 'the map view');
    await settle(page);
    const main = await page.evaluate(() => document.querySelector('.wwe-mirror main').innerText);
    for (const node of [article.concepts[0], article.entities[0]]) assert.ok(main.includes(node.label), `the map view lists ${node.label}`);
  });
});

test('without WebGL 2: the map still exports as PNG (drawn from its SVG, not read from the canvas)', async () => {
  await withoutWebGL2(async (page) => {
    await page.evaluate(() => window.explorer.setState({ view: 'map' }));
    await settle(page);
    const file = await exportMapPng(page);
    assert.equal(file.suggestedFilename(), 'concept-map.png');
    const bytes = fs.readFileSync(await file.path());
    assert.equal(bytes.readUInt32BE(0), 0x89504e47, 'a PNG');
    assert.ok(bytes.readUInt32BE(16) >= 1000, `twice the map's width (${bytes.readUInt32BE(16)} px)`);
  });
});

