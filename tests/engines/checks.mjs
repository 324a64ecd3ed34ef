// The checks run in every engine besides Chromium (firefox.test.mjs, webkit.test.mjs): the
// explorer opens and draws; the accessible mirror holds the article, its headings and its
// facets, and the page's text is the article's; "/" focuses the search field and typing
// filters; "/" and "'" never leave the page (Firefox's Quick Find); Tab leaves the explorer
// at the end of its focus order; a mouse drag over a passage selects exactly its words; the
// plain page (?plain, as without WebGL 2) is the article and its filters work; a French
// article opened at run time is stemmed (the stemmers module). engineSuite
// registers them all for one engine.
//
// Each takes an engine of engines.mjs ({page, ...}) already showing the explorer. Waits are
// the app's own (explorer.idle(), a state reached), never fixed sleeps.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { decodePng, DIST, ROOT } from '../browser/browser.mjs';

export const article = JSON.parse(fs.readFileSync(path.join(DIST, 'assets', 'article.json'), 'utf8'));
export const SHOTS = process.env.WWE_SHOTS || path.join(ROOT, 'test-results', 'engines');
const squash = (s) => s.replace(/\s+/g, ' ').trim();
// Without any white space: the text layer's lines are boxes of their own, so innerText
// puts line breaks between them (and around the mentions drawn on them).
const letters = (s) => s.replace(/\s+/g, '');

// Resolves once the app draws no more (explorer.idle()), or fails after `ms`.
export const settle = (page, ms = 30_000) => page.evaluate((limit) => new Promise((resolve, reject) => {
  const bound = setTimeout(() => reject(new Error(`the app still draws after ${limit} ms`)), limit);
  window.explorer.idle().then(() => {
    clearTimeout(bound);
    resolve(null);
  });
}), ms);

// Polls the view state once per browser frame until `predicate(state)` holds.
export async function waitState(page, predicate, what, ms = 20_000) {
  const started = Date.now();
  for (;;) {
    const state = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(window.explorer.getState()))));
    if (predicate(state)) return state;
    if (Date.now() - started > ms) throw new Error(`${what}: not reached in ${ms} ms; the state: ${JSON.stringify(state)}`);
  }
}

// Where the focus is: {id (data-id in the mirror), tag, inMirror, pageHasFocus}.
export const focus = (page) => page.evaluate(() => {
  const a = document.activeElement;
  const m = document.querySelector('.wwe-mirror');
  return { id: (a && a.getAttribute && (a.getAttribute('data-id') || a.id)) || '', tag: a ? a.tagName : '',
           inMirror: !!(m && a && m.contains(a)), pageHasFocus: document.hasFocus() };
});

// Distinct colours (5 bits a channel) of a PNG below `top` CSS px (the canvas alone there:
// the mirror's only visible element, the search field, is above).
export function distinctColoursBelow(png, top) {
  const { width, height, rgba } = decodePng(png);
  const seen = new Set();
  for (let y = Math.min(height, top); y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      seen.add(((rgba[i] >> 3) << 10) | ((rgba[i + 1] >> 3) << 5) | (rgba[i + 2] >> 3));
    }
  }
  return seen.size;
}

export async function shot(engine, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const png = await engine.page.screenshot();
  fs.writeFileSync(path.join(SHOTS, `${engine.name}-${name}.png`), png);
  return png;
}

// Opens the explorer at `url` and waits for it to be drawn and still.
export async function open(engine, url) {
  await engine.page.goto(url);
  const problem = await engine.page.evaluate(() => (window.explorer
    ? window.explorer.ready.then(() => null, (e) => `explorer.ready rejected: ${e.message}`)
    : 'no window.explorer'));
  assert.equal(problem, null);
  await settle(engine.page);
}

export async function drawsTheExplorer(engine) {
  const { page } = engine;
  const info = await page.evaluate(() => ({
    notice: window.explorer.notice(),
    fallback: document.documentElement.classList.contains('wwe-fallback'),
    canvas: (() => {
      const c = document.getElementById('canvas');
      return { hidden: c.hidden, width: c.width, height: c.height };
    })(),
    state: window.explorer.getState(),
  }));
  assert.equal(info.fallback, false, 'WebGL 2 is there: the canvas shows the explorer, not the plain page');
  assert.equal(info.canvas.hidden, false);
  assert.ok(info.canvas.width >= 1000 && info.canvas.height >= 600, `the canvas's backing store: ${JSON.stringify(info.canvas)}`);
  assert.deepEqual(info.notice.problems || [], [], 'no notice with problems');
  assert.equal(info.state.view, 'reader');
  const png = await shot(engine, 'reader');
  const colours = distinctColoursBelow(png, 100);
  assert.ok(colours > 60, `the canvas is drawn (${colours} distinct colours below the search field)`);
}

export async function mirrorHoldsTheArticle(engine) {
  const got = await engine.page.evaluate(() => {
    const m = document.querySelector('.wwe-mirror');
    const text = (el) => el.textContent;
    return {
      h1: [...m.querySelectorAll('h1')].map(text),
      h2: [...m.querySelectorAll('h2')].map(text),
      passages: [...m.querySelectorAll('[data-id^="passage/"][data-id$="/text"]')].map((p) => ({ id: p.getAttribute('data-id'), tag: p.tagName, text: text(p) })),
      facets: [...m.querySelectorAll('[role="group"][data-id^="facet/"]')].map((g) => ({
        id: g.getAttribute('data-id'),
        name: g.getAttribute('aria-label'),
        boxes: [...g.querySelectorAll('[role="checkbox"]')].map((b) => ({ name: b.firstChild ? b.firstChild.data : '', checked: b.getAttribute('aria-checked') })),
      })),
      search: (() => {
        const s = m.querySelector('input[type="search"]');
        return s ? { label: s.getAttribute('aria-label') || s.placeholder, value: s.value } : null;
      })(),
      tabs: [...m.querySelectorAll('[role="tab"]')].map((t) => ({ name: t.textContent, selected: t.getAttribute('aria-selected') })),
      innerText: document.body.innerText,
      title: document.title,
    };
  });
  assert.ok(got.h1.includes(article.meta.title), `the title as a heading: ${JSON.stringify(got.h1)}`);
  for (const section of article.sections) assert.ok(got.h2.includes(section.heading), `section heading ${section.heading}`);
  assert.equal(got.passages.length, article.passages.length, 'a paragraph per passage');
  got.passages.forEach((p, i) => {
    assert.equal(p.tag, 'P');
    assert.equal(p.id, `passage/${article.passages[i].id}/text`);
    assert.equal(squash(p.text), squash(article.passages[i].text), `passage ${i + 1}'s text`);
  });
  for (const facet of article.facets) {
    const group = got.facets.find((g) => g.id === `facet/${facet.id}`);
    assert.ok(group, `facet group ${facet.label}`);
    assert.equal(group.name, facet.label);
    assert.deepEqual(group.boxes.map((b) => b.name), facet.values.map((v) => v.label));
    assert.ok(group.boxes.every((b) => b.checked === 'false'), `${facet.label}: all unticked`);
  }
  assert.ok(got.search, 'the search field');
  assert.deepEqual(got.tabs.filter((t) => t.selected === 'true').map((t) => t.name), ['Reader']);
  // The page's text is the article's (find-in-page, reading modes, translation see it).
  const page = letters(got.innerText);
  assert.ok(page.includes(letters(article.meta.title)), 'innerText: the title');
  for (const p of article.passages) {
    assert.ok(page.includes(letters(p.text)), `innerText: passage ${p.id} (${p.text.slice(0, 60)}...)`);
  }
  assert.match(got.title, /Win-Win Explorer/);
}

// "/" from the page focuses the search field; typing filters.
export async function slashAndTyping(engine) {
  const { page } = engine;
  await page.evaluate(() => document.activeElement && document.activeElement.blur && document.activeElement.blur());
  await page.press('/');
  let f = await focus(page);
  assert.equal(f.id, 'search/box', `"/" focuses the search field (focus: ${JSON.stringify(f)})`);
  await page.type('confrontation');
  const state = await waitState(page, (s) => s.query === 'confrontation', 'the typed query');
  assert.equal(state.query, 'confrontation');
  await settle(page);
  const shown = await page.evaluate(() => ({
    value: document.querySelector('.wwe-mirror input[type="search"]').value,
    passages: document.querySelectorAll('.wwe-mirror [data-id^="passage/"][data-id$="/text"]').length,
    expected: window.explorer.query({ text: 'confrontation' }).paragraphs.length,
  }));
  assert.equal(shown.value, 'confrontation');
  assert.ok(shown.expected > 0 && shown.expected < article.passages.length, `the query filters (${shown.expected})`);
  assert.equal(shown.passages, shown.expected, 'the mirror lists the passages of the result');
  f = await focus(page);
  assert.equal(f.id, 'search/box', 'the focus stayed in the field while typing');
  await shot(engine, 'search');
  // Back to all passages (Esc in the field clears the search, the explorer decides).
  await page.evaluate(() => window.explorer.setState({ query: '' }));
  await waitState(page, (s) => s.query === '', 'the cleared query');
  await settle(page);
}

// Presses "'" and "/" with the focus on the canvas (nothing focused) and on a facet
// checkbox: the page keeps the focus (Firefox's Quick Find bar would take it).
export async function keysStayInThePage(engine) {
  const { page } = engine;
  await page.evaluate(() => {
    window.__wweBlurs = 0;
    window.addEventListener('blur', () => { window.__wweBlurs++; });
    document.activeElement && document.activeElement.blur && document.activeElement.blur();
  });
  await page.press("'");
  let f = await focus(page);
  assert.equal(f.pageHasFocus, true, `"'" on the explorer keeps the focus in the page: ${JSON.stringify(f)}`);
  assert.equal(f.inMirror, false);
  await page.evaluate(() => document.querySelector('.wwe-mirror [role="checkbox"]').focus());
  const box = (await focus(page)).id;
  assert.match(box, /^facet\//);
  await page.press("'");
  f = await focus(page);
  assert.deepEqual([f.id, f.pageHasFocus], [box, true], `"'" on a checkbox: the focus stays on it`);
  await page.press('/');
  f = await focus(page);
  assert.deepEqual([f.id, f.pageHasFocus], ['search/box', true], '"/" on a checkbox goes to the search field');
  await page.evaluate(() => window.explorer.nextFrame().then(() => window.explorer.nextFrame()));
  assert.equal(await page.evaluate(() => window.__wweBlurs), 0, 'the page never lost the focus');
  await page.evaluate(() => document.activeElement.blur());
}

// Tab from the last stop of the explorer goes on to the page after it; Shift+Tab comes back.
export async function tabLeaves(engine) {
  const { page } = engine;
  // The mirror settled first (two frames): its last stop is not replaced while we pick it.
  await page.evaluate(() => window.explorer.nextFrame().then(() => window.explorer.nextFrame()));
  const last = await page.evaluate(() => {
    const m = document.querySelector('.wwe-mirror');
    let after = document.getElementById('wwe-test-after');
    if (!after) {
      after = document.createElement('button');
      after.id = 'wwe-test-after';
      after.textContent = 'After the explorer';
      document.body.append(after);  // after the mirror: next in the page's focus order
    }
    const stops = [...m.querySelectorAll('button, input, [tabindex]')].filter((el) => el.tabIndex >= 0 &&
      !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
    const el = stops[stops.length - 1];
    el.focus();
    return { id: el.getAttribute('data-id'), stops: stops.length, focused: document.activeElement === el };
  });
  assert.ok(last.focused && last.stops > 5 && last.id, JSON.stringify(last));
  await page.press('Tab');
  let f = await focus(page);
  assert.equal(f.id, 'wwe-test-after', `Tab from the explorer's last stop (${last.id}) leaves it: ${JSON.stringify(f)}`);
  await page.press('Shift+Tab');
  f = await focus(page);
  assert.equal(f.id, last.id, 'Shift+Tab comes back to it');
  await page.evaluate(() => {
    document.activeElement.blur();
    document.getElementById('wwe-test-after').remove();
  });
}

// A mouse drag over a line of the first passage's text layer selects exactly those words.
export async function selectingText(engine) {
  const { page } = engine;
  await page.move(700, 420);  // a mouse: the text layer takes it
  await page.move(705, 425);
  const plan = await page.evaluate(() => {
    // A line of plain text (not a mention) of a passage the reader shows, well inside the view.
    const pieces = [...document.querySelectorAll('.wwe-mirror [data-id^="passage/"][data-id$="/text"] .wwe-piece')]
      .filter((p) => /\/t\d+$/.test(p.parentElement.getAttribute('data-id') || ''));
    const words = (p) => [...p.firstChild.data.matchAll(/\S+/g)].map((m) => ({ begin: m.index, end: m.index + m[0].length }));
    const inside = (p) => {
      const r = p.getBoundingClientRect();
      return r.top > 120 && r.bottom < innerHeight - 40;
    };
    const piece = pieces.find((p) => words(p).length >= 6 && inside(p));
    if (!piece) return { problem: `no piece with 6 words among ${pieces.length}` };
    const w = words(piece);
    const rect = (begin, end) => {
      const range = document.createRange();
      range.setStart(piece.firstChild, begin);
      range.setEnd(piece.firstChild, end);
      return range.getBoundingClientRect();
    };
    const a = rect(w[1].begin, w[1].begin + 1), b = rect(w[4].end - 1, w[4].end);
    return { x0: a.left + 1, y0: a.top + a.height / 2, x1: b.right - 1, y1: b.top + b.height / 2,
             text: piece.firstChild.data.slice(w[1].begin, w[4].end), mouse: document.querySelector('.wwe-mirror').classList.contains('wwe-mouse') };
  });
  assert.equal(plan.problem, undefined, plan.problem);
  assert.equal(plan.mouse, true, 'the mirror knows a mouse is used (the text layer takes it)');
  await page.drag(plan.x0, plan.y0, plan.x1, plan.y1);
  const got = await page.evaluate(() => String(window.getSelection()));
  assert.equal(got, plan.text, 'the selection is exactly the words dragged over');
  const state = await page.evaluate(() => window.explorer.getState());
  assert.equal(state.selection, null, 'the drag selected text, it did not open a mention');
  await shot(engine, 'selection');
  await page.evaluate(() => window.getSelection().removeAllRanges());
}

// The plain page (as without WebGL 2; ?plain asks for it where WebGL 2 works): the mirror in
// the page's flow, visible, with the note; the whole article as text; a facet value ticked
// with the keyboard filters the passages.
export async function plainPage(engine, url) {
  const { page } = engine;
  await page.goto(`${url}?plain`);
  const problem = await page.evaluate(() => window.explorer.ready.then(() => null, (e) => `explorer.ready rejected: ${e.message}`));
  assert.equal(problem, null);
  await settle(page);
  const look = await page.evaluate(() => {
    const first = document.querySelector('.wwe-mirror [data-id="passage/p1/text"]');
    const r = first.getBoundingClientRect();
    const note = document.getElementById('wwe-nogl');
    return { fallback: document.documentElement.classList.contains('wwe-fallback'),
             canvasShown: document.getElementById('canvas').getClientRects().length > 0,
             note: note && !note.hidden ? note.textContent : null, color: getComputedStyle(first).color,
             size: [r.width, r.height], text: document.body.innerText };
  });
  assert.equal(look.fallback, true, 'class wwe-fallback on <html>');
  assert.equal(look.canvasShown, false, 'no canvas');
  assert.ok(look.note && /plain/.test(look.note), `the note: ${look.note}`);
  assert.deepEqual((await page.evaluate(() => window.explorer.notice())).problems || [], [], 'no notice: plain is a known parameter');
  assert.notEqual(look.color, 'rgba(0, 0, 0, 0)', 'the text is not transparent');
  assert.ok(look.size[0] > 400 && look.size[1] > 40, `the passage takes room: ${look.size}`);
  const text = squash(look.text);
  assert.ok(text.includes(squash(article.meta.title)), 'the title');
  for (const section of article.sections) assert.ok(text.includes(squash(section.heading)), `section ${section.heading}`);
  for (const p of article.passages) assert.ok(text.includes(squash(p.text)), `passage ${p.id}`);
  await shot(engine, 'plain');
  // Space on a facet value's checkbox ticks it; the page shows only its passages.
  const [facet] = article.facets.filter((f) => !f.built_in);
  const value = facet.values[0];
  await page.evaluate((id) => document.querySelector(`.wwe-mirror [data-id="${id}"]`).focus(), `facet/${facet.id}/${value.id}`);
  await page.press('Space');
  await waitState(page, (s) => JSON.stringify(s.facets) === JSON.stringify({ [facet.id]: [value.id] }), 'the value ticked');
  await settle(page);
  const expected = article.passages.filter((p) => (p.facets[facet.id] || []).includes(value.id)).map((p) => p.id);
  const shown = await page.evaluate(() => [...document.querySelectorAll('.wwe-mirror [data-id^="passage/"][data-id$="/text"]')]
    .map((el) => el.getAttribute('data-id').split('/')[1]));
  assert.deepEqual(shown.sort(), [...expected].sort(), 'only the passages with the value');
}

// The tests of one engine, in order on one browser (firefox.test.mjs, webkit.test.mjs):
// `label` names the engine in the tests' names; `launch` starts it; `extra(engine, url)`
// runs after the shared ones (an engine's own checks).
export function engineSuite({ test, before, after, label, name, launch, missing, serveDist, extra = [] }) {
  let engine = null, server = null;
  before(async () => {
    const why = missing(name);
    if (why) throw new Error(`${label} cannot run here: ${why}`);
    server = await serveDist();
    engine = await launch();
    console.log(`engine: ${engine.version}`);
  });
  after(async () => {
    await engine?.close();
    await server?.close();
  });
  test(`${label}: the explorer opens and draws`, async () => {
    await open(engine, server.url);
    await drawsTheExplorer(engine);
  });
  test(`${label}: the accessible mirror holds the article, its headings and facets; innerText is the article`, () =>
    mirrorHoldsTheArticle(engine));
  test(`${label}: "/" focuses the search field and typing filters`, () => slashAndTyping(engine));
  test(`${label}: "/" and "'" typed in the explorer keep the focus in the page (Firefox: Quick Find stays closed)`, () =>
    keysStayInThePage(engine));
  test(`${label}: a mouse drag over a passage selects exactly those words`, () => selectingText(engine));
  test(`${label}: Tab leaves the explorer at the end of its focus order`, () => tabLeaves(engine));
  test(`${label}: the plain page (?plain, as without WebGL 2) is the article, and its filters work`, async () => {
    await plainPage(engine, server.url);
    assert.deepEqual(engine.errors, [], 'no page errors');
  });
  test(`${label}: a French article opened at run time is stemmed (modules/stemmers.wasm fetched)`, () =>
    otherLanguageStemmed(engine, server.url));
  for (const [title, fn] of extra) test(`${label}: ${title}`, () => fn(engine, server.url));
}

// A French article opened at run time is stemmed: the page fetches Snowball's other
// stemmers (modules/stemmers.wasm, a second WebAssembly module) before the core reads it.
export async function otherLanguageStemmed(engine, url) {
  await open(engine, url);
  const text = fs.readFileSync(path.join(ROOT, 'tests', 'data', 'french.json'), 'utf8');
  const got = await engine.page.evaluate((text) => window.explorer.load(text, { name: 'french.json' }).then((report) => ({
    opened: report.opened,
    stemmed: window.explorer.query({ text: 'régionale' }).paragraphs.map((p) => p.id),
  })), text);
  assert.deepEqual(got, { opened: true, stemmed: ['p3'] });
  assert.deepEqual(engine.errors, [], 'no page errors');
}

// The control of keysStayInThePage, for Firefox: on a page that does not prevent them, "'"
// opens Quick Find and the page loses the focus (so that check can fail). Run last: the
// find bar keeps the focus.
export async function quickFindOpensElsewhere(engine) {
  const { page } = engine;
  await page.goto('data:text/html,' + encodeURIComponent('<!doctype html><title>plain</title><p>A plain page.</p>'));
  await page.evaluate(() => {
    window.__wweLost = new Promise((resolve) => {
      window.addEventListener('blur', () => resolve(true), { once: true });
    });
    document.activeElement && document.activeElement.blur && document.activeElement.blur();
  });
  await page.press("'");
  const lost = await page.evaluate(() => Promise.race([window.__wweLost,
    new Promise((resolve) => setTimeout(() => resolve(false), 10_000))]));
  assert.equal(lost, true, 'on a plain page Firefox\'s Quick Find takes the focus');
  assert.equal(await page.evaluate(() => document.hasFocus()), false);
}
