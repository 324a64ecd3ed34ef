// Reading, searching and mapping (issue 12): a steady page (the next click lands where the
// user aimed), the map's hubs labelled at Fit, Contexts and Terms in the mirror, search
// ranking the exact phrase first, and the notebook kept across a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openExplorer, useBrowser, waitState } from './browser.mjs';

const shared = useBrowser(before, after);
const VIEWPORT = { width: 1280, height: 800 };
const idle = (page) => page.evaluate(() => window.explorer.idle());
const state = (page) => page.evaluate(() => window.explorer.getState());

// The box of the mirror's element `id` (CSS px of the page), or null when it is not placed.
const rect = (page, id) => page.evaluate((i) => {
  const el = document.querySelector(`[data-id="${i}"]`);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return r.width > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
}, id);
const centre = (r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

test('ticking a facet value does not move the next one: a click at its old place gets it', async () => {
  const context = await shared.browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await openExplorer(context, `${shared.server.url}index.html`);
    assert.equal(page.readyError, null);
    await idle(page);
    const security = await rect(page, 'facet/front/security');
    const cultural = await rect(page, 'facet/front/cultural');
    assert.ok(security && cultural, 'both checkboxes are placed');
    // Aim at both now, as a user who has read the list; click one, then the other.
    const first = centre(security), second = centre(cultural);
    await page.mouse.click(first.x, first.y);
    await waitState(page, (s) => (s.facets.front || []).includes('security'), 'Front: Security ticked');
    await idle(page);
    assert.deepEqual(await rect(page, 'facet/front/cultural'), cultural, 'Cultural stayed where it was');
    await page.mouse.click(second.x, second.y);
    await waitState(page, (s) => (s.facets.front || []).includes('cultural'), 'Front: Cultural ticked');
    const s = await state(page);
    assert.deepEqual([...s.facets.front].sort(), ['cultural', 'security'], 'the second click got Cultural, not Security again');
    // A search starting and ending moves neither.
    await page.evaluate(() => window.explorer.setState({ query: 'cooperation' }));
    await idle(page);
    assert.deepEqual(await rect(page, 'facet/front/cultural'), cultural);
    await page.evaluate(() => window.explorer.setState({ query: '' }));
    await idle(page);
    assert.deepEqual(await rect(page, 'facet/front/cultural'), cultural);
  } finally {
    await context.close();
  }
});

test('opening the details panel does not re-wrap the reader under the pointer', async () => {
  const context = await shared.browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await openExplorer(context, `${shared.server.url}index.html`);
    await idle(page);
    const before = await rect(page, 'passage/p1');
    assert.ok(before, 'the first passage is placed');
    await page.evaluate(() => window.explorer.highlight('china'));
    await waitState(page, (s) => s.selection && s.selection.id === 'china', 'China selected');
    await idle(page);
    assert.ok(await rect(page, 'details'), 'the details panel shows');
    const after = await rect(page, 'passage/p1');
    assert.equal(after.width, before.width, 'the same measure');
    assert.equal(after.x, before.x, 'in the same place');
  } finally {
    await context.close();
  }
});

test('the map at Fit labels its ten largest nodes, and the selection', async () => {
  const context = await shared.browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await openExplorer(context, `${shared.server.url}index.html#v=map`);
    await idle(page);
    let nodes = await page.evaluate(() => window.explorer.mapNodes());
    // A node's radius grows with its mentions: the ten largest are the most mentioned.
    const largest = [...nodes].sort((a, b) => b.r - a.r || a.id.localeCompare(b.id)).slice(0, 10);
    for (const n of largest) assert.ok(n.labelled, `${n.label} (r ${n.r.toFixed(1)}) is labelled at Fit`);
    // A small node, once selected, is labelled too (and the camera keeps it in view).
    const small = [...nodes].filter((n) => n.visible).sort((a, b) => a.r - b.r)[0];
    await page.evaluate((id) => window.explorer.highlight(id), small.id);
    await idle(page);
    nodes = await page.evaluate(() => window.explorer.mapNodes());
    const picked = nodes.find((n) => n.id === small.id);
    assert.ok(picked.visible && picked.labelled, `${picked.label} selected: in view and labelled`);
  } finally {
    await context.close();
  }
});

test('search: the exact phrase first; Contexts and Terms are tables in the mirror', async () => {
  const context = await shared.browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await openExplorer(context, `${shared.server.url}index.html`);
    await idle(page);
    const result = await page.evaluate(() => window.explorer.query({ text: 'trend of the times' }));
    assert.equal(result.paragraphs[0].match, 'phrase');
    assert.deepEqual(result.ignored, ['of', 'the']);
    assert.ok(!/<mark>(of|the)<\/mark>/.test(result.paragraphs.map((p) => p.snippet).join(' ')), 'stop words are not marked');

    await page.evaluate(() => window.explorer.setState({ view: 'contexts', query: 'cooperation' }));
    await idle(page);
    const rows = await page.evaluate(() => document.querySelectorAll('[data-id^="contexts/row/"][data-id$="/open"]').length);
    assert.ok(rows > 20, `every occurrence of "cooperation" is a row (${rows})`);
    await page.evaluate(() => window.explorer.setState({ view: 'terms', query: '' }));
    await idle(page);
    const terms = await page.evaluate(() => [...document.querySelectorAll('[data-id^="terms/row/"][data-id$="/search"]')].map((e) => e.textContent.trim()));
    assert.ok(terms.length > 20, 'the terms are listed');
    assert.ok(!terms.slice(0, 30).includes('the'), 'stop words are off by default');
  } finally {
    await context.close();
  }
});

test('the notebook survives a reload and exports valid CSL-JSON', async () => {
  const context = await shared.browser.newContext({ viewport: VIEWPORT });
  try {
    let page = await openExplorer(context, `${shared.server.url}index.html`);
    await idle(page);
    assert.deepEqual(await page.evaluate(() => window.explorer.addToNotebook('p3', 'the vision and the UN Charter')), []);
    await page.evaluate(() => window.explorer.setState({ query: 'security' }));
    assert.deepEqual(await page.evaluate(() => window.explorer.addToNotebook('p9', '')), []);
    await idle(page);
    await page.reload();
    await page.evaluate(() => window.explorer.ready);
    await idle(page);
    const nb = await page.evaluate(() => window.explorer.notebook());
    assert.equal(nb.version, 1);
    assert.deepEqual(nb.entries.map((e) => e.passage), ['p3', 'p9']);
    assert.equal(nb.entries[0].note, 'the vision and the UN Charter');
    assert.equal(nb.entries[1].query, 'security');
    const csl = JSON.parse(await page.evaluate(() => window.explorer.exportNotebook('csl-json')));
    assert.equal(csl.length, 2);
    for (const item of csl) {
      assert.equal(typeof item.id, 'string');
      assert.equal(item.type, 'article-newspaper');
      assert.ok(Array.isArray(item.author) && item.author.length === 1);
      assert.deepEqual(item.issued, { 'date-parts': [[2016, 6, 20]] });
      assert.match(item.URL, /#.*p=p(3|9)/);
    }
    const md = await page.evaluate(() => window.explorer.exportNotebook('markdown'));
    assert.match(md, /\*\*Note:\*\* the vision and the UN Charter/);
  } finally {
    await context.close();
  }
});

test('where storage is blocked, the notebook lives in memory and says so', async () => {
  const context = await shared.browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    });
    const page = await openExplorer(context, `${shared.server.url}index.html`);
    assert.equal(page.readyError, null);
    await idle(page);
    assert.deepEqual(await page.evaluate(() => window.explorer.addToNotebook('p2', 'kept in memory')), []);
    await idle(page);
    assert.equal((await page.evaluate(() => window.explorer.notebook())).entries.length, 1);
    assert.match((await page.evaluate(() => window.explorer.notebook())).storage_problem ?? '', /lasts until the page is closed/,
      'it says so (the notebook window shows the same words)');
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('error')), [], 'a refused store is no page error');
  } finally {
    await context.close();
  }
});

// The mirror's element `id` where the app placed it (over the canvas), else null.
const placed = (page, id) => page.evaluate((i) => {
  const el = document.querySelector(`.wwe-mirror [data-id="${i}"]`);
  if (!el || !el.classList.contains('wwe-placed')) return null;
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}, id);

test('a bad link reads in plain words; the parser\'s words are folded behind "Details" (canvas and mirror)', async () => {
  const context = await shared.browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await openExplorer(context, `${shared.server.url}index.html#q=%ZZ&v=reader`);
    assert.equal(page.readyError, null);
    await idle(page);
    const notice = await page.evaluate(() => window.explorer.notice());
    assert.deepEqual(notice.plain, ['The search in the link was left out.']);
    assert.match(notice.problems[0], /#q: expected valid %XX escapes/, 'the detail is kept for hosts and scripts');
    const alertText = () => page.evaluate(() => document.querySelector('.wwe-mirror [data-id="notice"]').textContent);
    const expanded = () => page.evaluate(() => document.querySelector('.wwe-mirror [data-id="notice/details"]').getAttribute('aria-expanded'));
    assert.ok((await alertText()).includes('The search in the link was left out.'));
    assert.ok(!(await alertText()).includes('%XX'), 'no parser words until Details is opened');
    assert.equal(await expanded(), 'false');
    // The mirror's Details opens them...
    await page.evaluate(() => document.querySelector('.wwe-mirror [data-id="notice/details"]').click());
    await idle(page);
    assert.equal(await expanded(), 'true');
    assert.match(await page.evaluate(() => document.querySelector('.wwe-mirror [data-id="notice/detail/0/text"]').textContent),
      /expected valid %XX escapes/);
    // ...and the canvas's button (where the mirror placed it) folds them again.
    const button = await placed(page, 'notice/details');
    assert.ok(button, 'the Details button is placed over the canvas');
    await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
    await idle(page);
    assert.equal(await expanded(), 'false');
    assert.ok(!(await alertText()).includes('%XX'));
  } finally {
    await context.close();
  }
});

test('Contexts: the number, the words before, the keyword, the words after and the "…" fit at every width', async () => {
  for (const width of [360, 640, 1280]) {
    const context = await shared.browser.newContext({ viewport: { width, height: 760 } });
    try {
      const page = await openExplorer(context, `${shared.server.url}index.html#v=contexts&q=cooperation`);
      assert.equal(page.readyError, null);
      await idle(page);
      const heads = {};
      for (const h of ['passage', 'left', 'keyword', 'right']) heads[h] = await placed(page, `contexts/head/${h}`);
      for (const [h, r] of Object.entries(heads)) assert.ok(r && r.width > 4, `${width} px: the ${h} column is there (${JSON.stringify(r)})`);
      assert.ok(heads.passage.x + heads.passage.width <= heads.left.x + 1 && heads.left.x + heads.left.width <= heads.keyword.x + 1 &&
        heads.keyword.x + heads.keyword.width <= heads.right.x + 1, `${width} px: the columns in order, none over another`);
      // The "…" column (a frame-height button) after "After", inside the window.
      const right = heads.right.x + heads.right.width;
      assert.ok(right + 24 <= width, `${width} px: room for the "…" after the words after (${right})`);
      // The keyword is whole: its column is as wide as the widest keyword in bold.
      assert.ok(heads.keyword.width >= 70, `${width} px: the keyword column holds "cooperation" (${heads.keyword.width})`);
    } finally {
      await context.close();
    }
  }
});
