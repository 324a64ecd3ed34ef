// The semantic layer in the page (src/platform/library_mirror.js): the accessible DOM mirror
// over the canvas as Chromium's accessibility tree shows it, a keyboard-only walk, the focus
// ring, selecting and copying the reader's text, axe-core.
//
// Expected texts come from the served article JSON. Screenshots of the focus ring are
// written to test-results/mirror/ (WWE_SHOTS=dir to put them elsewhere).
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openExplorer, useBrowser, DIST, ROOT } from './browser.mjs';
import { axTree, find, findAll, textOf, squash, focused, axeSerious, contrast, settle } from './a11y.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 120_000 }, fn);
const shared = useBrowser(before, after);
const article = JSON.parse(fs.readFileSync(path.join(DIST, 'assets', 'article.json'), 'utf8'));
const SHOTS = process.env.WWE_SHOTS || path.join(ROOT, 'test-results', 'mirror');
fs.mkdirSync(SHOTS, { recursive: true });

async function withExplorer({ query = '', ...options }, fn) {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  try {
    const page = await openExplorer(context, shared.server.url + query);
    assert.equal(page.readyError, null, JSON.stringify(page.readyError));
    await settle(page);
    await fn(page, context);
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror') || l.includes('mirror')), []);
  } finally {
    await context.close();
  }
}

const passageGroups = (tree) => findAll(tree, (n) => n.role === 'group' && /^Passage \d+$/.test(n.name));
const passageText = (group) => textOf(find(group, (n) => n.role === 'paragraph'));

test('the accessibility tree: title, section headings, every passage with its text, facets, tabs', async () => {
  await withExplorer({}, async (page) => {
    const tree = await axTree(page);
    const headings = findAll(tree, (n) => n.role === 'heading');
    assert.ok(headings.some((h) => h.props.level === 1 && h.name === article.meta.title), 'the article title, level 1');
    for (const section of article.sections) {
      assert.ok(headings.some((h) => h.props.level === 2 && h.name === section.heading), `section heading ${section.heading}`);
    }
    // One group per passage (all of them at the start), its text read in full.
    const groups = passageGroups(tree);
    assert.equal(groups.length, article.passages.length);
    groups.forEach((g, i) => {
      assert.equal(g.name, `Passage ${i + 1}`);
      assert.equal(squash(passageText(g)), squash(article.passages[i].text), `passage ${i + 1}'s text`);
    });
    // Every facet value is a named checkbox, unticked.
    for (const facet of article.facets) {
      const group = find(tree, (n) => n.role === 'group' && n.name === facet.label);
      assert.ok(group, `facet group ${facet.label}`);
      const boxes = findAll(group, (n) => n.role === 'checkbox');
      assert.deepEqual(boxes.map((b) => b.name), facet.values.map((v) => v.label));
      for (const b of boxes) assert.equal(b.props.checked, 'false', `${facet.label}: ${b.name}`);
    }
    const tablist = find(tree, (n) => n.role === 'tablist');
    const tabs = findAll(tablist, (n) => n.role === 'tab');
    assert.equal(tabs.length, 9);  // Reader … Contrasts, Contexts, Terms
    assert.deepEqual(tabs.filter((t) => t.props.selected === true).map((t) => t.name), ['Reader']);
    assert.ok(find(tree, (n) => n.role === 'searchbox' && n.name === 'Search the article'), 'the search field');
    assert.ok(find(tree, (n) => n.role === 'main'), 'the view is the main landmark');
    assert.ok(find(tree, (n) => n.role === 'complementary' && n.name === 'Filters'), 'the filters');

    // The matrix is a table once shown.
    await page.evaluate(() => window.explorer.setState({ view: 'matrix' }));
    await settle(page);
    const after = await axTree(page);
    const table = find(after, (n) => n.role === 'table' && /passages of the current result/.test(n.name));
    assert.ok(table, 'the matrix table');
    const rows = findAll(table, (n) => n.role === 'row');
    const [rowsFacet, colsFacet] = article.facets;
    // Passages with no value of the row facet have a row of their own ("No Dimension").
    const noValue = article.passages.some((p) => !(p.facets?.[rowsFacet.id]?.length)) ? 1 : 0;
    assert.equal(rows.length, rowsFacet.values.length + 2 + noValue, 'a header row, a row per value, the no-value row, the totals');
    const noColumnValue = article.passages.some((p) => !(p.facets?.[colsFacet.id]?.length)) ? 1 : 0;
    assert.equal(findAll(rows[0], (n) => n.role === 'columnheader').length, colsFacet.values.length + 2 + noColumnValue);
    assert.deepEqual(findAll(table, (n) => n.role === 'rowheader').map((h) => h.name),
      [...rowsFacet.values.map((v) => v.label), ...(noValue ? [`No ${rowsFacet.label}`] : []), 'Total']);
    assert.ok(find(after, (n) => n.role === 'tab' && n.name === 'Matrix' && n.props.selected === true));
    assert.equal(await page.title(), `Matrix \u00b7 ${article.meta.title} \u2014 Win-Win Explorer`);
  });
});

// Presses `key` until `done(focus)` holds (at most `limit` times); returns the presses.
async function pressUntil(page, key, done, limit, what) {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (done(f)) return i;
  }
  throw new Error(`${what}: not reached in ${limit} presses of ${key} (focus: ${JSON.stringify(await focused(page))})`);
}

async function shot(page, name) {
  const file = path.join(SHOTS, `${name}.png`);
  fs.writeFileSync(file, await page.screenshot());
  return file;
}

test('a keyboard-only walk: search, a filter, a mention, its details, the Share dialog', async () => {
  await withExplorer({}, async (page) => {
    await page.evaluate(() => {
      window.__mouse = 0;
      for (const type of ['mousedown', 'mouseup', 'mousemove', 'pointerdown', 'wheel']) {
        window.addEventListener(type, (e) => { if (e.isTrusted) window.__mouse++; }, true);
      }
    });
    const state = () => page.evaluate(() => window.explorer.getState());

    // Tab: the search field first.
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).type, 'search');
    await page.keyboard.type('cooperation', { delay: 15 });
    await settle(page);
    assert.equal((await state()).query, 'cooperation');
    await shot(page, 'focus-search');

    // On to the filters, into the Front group, down to Cultural; Space ticks it.
    await pressUntil(page, 'Tab', (f) => f.landmark === 'filters', 60, 'the filters');
    await pressUntil(page, 'Tab', (f) => f.group === 'Front', 10, 'the Front group');
    await pressUntil(page, 'ArrowDown', (f) => f.name === 'Cultural', 10, 'Cultural');
    await page.keyboard.press('Space');
    await settle(page);
    assert.deepEqual((await state()).facets, { front: ['cultural'] });
    assert.equal((await focused(page)).name, 'Cultural', 'the focus stays on the checkbox');
    await shot(page, 'focus-checkbox');

    // The passages listed are those of the search and the cultural front, text and all.
    const expected = (await page.evaluate(() => window.explorer.query({ text: 'cooperation', facets: { front: ['cultural'] } })))
      .paragraphs.map((p) => p.id);
    assert.ok(expected.length > 0);
    let tree = await axTree(page);
    const front = find(tree, (n) => n.role === 'group' && n.name === 'Front');
    assert.equal(find(front, (n) => n.role === 'checkbox' && n.name === 'Cultural').props.checked, 'true');
    const groups = passageGroups(tree);
    const ids = groups.map((g) => article.passages[Number(g.name.split(' ')[1]) - 1].id);
    assert.deepEqual([...ids].sort(), [...expected].sort());
    for (const g of groups) {
      const p = article.passages[Number(g.name.split(' ')[1]) - 1];
      assert.equal(squash(passageText(g)), squash(p.text));
      assert.ok((p.facets.front || []).includes('cultural'));
    }

    // Into the view; along the first passage to a mention; Enter opens its details.
    // (The search's Best-match chips are a Tab stop of their own, before the passages.)
    await pressUntil(page, 'Tab', (f) => f.landmark === 'view' && f.group !== 'Best matches', 40, 'the view');
    await pressUntil(page, 'ArrowRight', (f) => f.role === 'link', 40, 'a mention');
    const mention = await focused(page);
    await shot(page, 'focus-mention');
    await page.keyboard.press('Enter');
    await settle(page);
    const selection = (await state()).selection;
    assert.ok(selection && ['concept', 'entity'].includes(selection.kind), JSON.stringify(selection));
    tree = await axTree(page);
    const details = find(tree, (n) => n.role === 'region' && n.name.startsWith('Details: '));
    assert.ok(details, 'the details region');
    assert.ok(find(details, (n) => n.role === 'heading' && n.props.level === 2));
    assert.equal((await focused(page)).id, mention.id, 'the focus stays on the mention');

    // Escape closes the details.
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal((await state()).selection, null);
    assert.equal(find(await axTree(page), (n) => n.role === 'region' && n.name.startsWith('Details: ')), null);

    // Back to the Share button; Enter opens the dialog with the focus inside.
    await pressUntil(page, 'Shift+Tab', (f) => f.landmark === 'toolbar', 80, 'the toolbar');
    await pressUntil(page, 'ArrowRight', (f) => f.id === 'share', 20, 'the Share button');
    await shot(page, 'focus-share');
    await page.keyboard.press('Enter');
    await settle(page);
    await page.waitForFunction(() => document.activeElement?.closest('[role="dialog"]'), null, { timeout: 5000 });
    assert.ok(find(await axTree(page), (n) => n.role === 'dialog' && n.name === 'Share this view'));
    await shot(page, 'focus-dialog');
    // Tab stays inside while it is open.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      assert.ok((await focused(page)).dialog, `Tab ${i + 1} stays in the dialog`);
    }
    await page.keyboard.press('Shift+Tab');
    assert.ok((await focused(page)).dialog);
    // Escape closes it; the focus is back on Share.
    await page.keyboard.press('Escape');
    await settle(page);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'share', null, { timeout: 5000 });
    assert.equal(find(await axTree(page), (n) => n.role === 'dialog'), null);
    assert.equal(await page.evaluate(() => window.__mouse), 0, 'no mouse event at all');
  });
});

test('the focus ring: 3 px, contrast of at least 3:1 on both themes, drawn over the control', async () => {
  for (const theme of ['light', 'dark']) {
    await withExplorer({ query: `?theme=${theme}` }, async (page) => {
      // The toolbar is one tab stop; the arrow keys go along it.
      await pressUntil(page, 'Tab', (f) => f.landmark === 'toolbar', 20, 'the toolbar');
      // (Its stop is its first usable control, or the one last focused: go left to the tabs.)
      await pressUntil(page, 'ArrowLeft', (f) => f.id === 'tab/reader', 20, 'the Reader tab');
      const ring = await page.evaluate(() => {
        const el = document.activeElement;
        const s = getComputedStyle(el);
        const hex = (c) => '#' + c.match(/\d+/g).slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('');
        const r = el.getBoundingClientRect();
        return { width: s.outlineWidth, style: s.outlineStyle, colour: hex(s.outlineColor),
                 background: getComputedStyle(document.querySelector('.wwe-mirror')).getPropertyValue('--wwe-background').trim(),
                 rect: [r.x, r.y, r.width, r.height] };
      });
      assert.equal(ring.style, 'solid');
      assert.ok(parseFloat(ring.width) >= 2, `outline ${ring.width}`);
      const ratio = contrast(ring.colour, ring.background);
      assert.ok(ratio >= 3, `${theme}: ${ring.colour} on ${ring.background} is ${ratio.toFixed(2)}:1`);
      assert.ok(ring.rect[2] > 10 && ring.rect[3] > 10, 'placed over the tab the canvas drew');
      await shot(page, `focus-tab-${theme}`);
    });
  }
});

test('an element not drawn shows itself while it has the focus; a removed focus moves nearby', async () => {
  await withExplorer({}, async (page) => {
    await page.evaluate(() => window.explorer.setState({ view: 'map' }));
    await settle(page);
    // The relations table is not drawn on the canvas: its first control shows itself.
    await page.evaluate(() => document.querySelector('[data-id="map/relations"] .wwe-f').focus());
    const box = await page.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      return { w: r.width, h: r.height, colour: getComputedStyle(el).color, placed: el.classList.contains('wwe-placed') };
    });
    assert.equal(box.placed, false);
    assert.ok(box.w > 20 && box.h > 10, JSON.stringify(box));
    assert.notEqual(box.colour, 'rgba(0, 0, 0, 0)', 'its text is visible');
    await shot(page, 'focus-unplaced');
    // A map node's button goes away with the view: the focus stays in the explorer.
    await page.evaluate(() => document.querySelector('[data-id^="map/node/"] .wwe-f').focus());
    await page.keyboard.press('1');  // the reader: the map's elements go
    await settle(page);
    assert.equal((await page.evaluate(() => window.explorer.getState())).view, 'reader');
    const f = await focused(page);
    assert.ok(f && f.inMirror, `the focus is still in the explorer: ${JSON.stringify(f)}`);
  });
});

test('selecting part of a passage with the mouse and Ctrl+C copies exactly those words', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server.url });
  try {
    const page = await openExplorer(context, shared.server.url);
    assert.equal(page.readyError, null);
    await settle(page);
    await page.mouse.move(640, 400);  // a mouse: the text layer takes it
    // Two consecutive lines of the first passage: from the 3rd word of a piece of one to
    // the 2nd word of a piece of the next.
    const plan = await page.evaluate(() => {
      const pieces = [...document.querySelectorAll('[data-id="passage/p1/text"] .wwe-piece')];
      const lines = [];
      for (const p of pieces) {
        const r = p.getBoundingClientRect();
        const line = lines.find((l) => Math.abs(l.y - r.top) < 2);
        if (line) line.pieces.push(p);
        else lines.push({ y: r.top, pieces: [p] });
      }
      const words = (p) => [...p.firstChild.data.matchAll(/\S+/g)].map((m) => ({ begin: m.index, end: m.index + m[0].length }));
      const a = lines[1].pieces.find((p) => words(p).length >= 3);
      const b = lines[2].pieces.find((p) => words(p).length >= 2);
      const wa = words(a)[2], wb = words(b)[1];
      const rect = (node, begin, end) => {
        const range = document.createRange();
        range.setStart(node.firstChild, begin);
        range.setEnd(node.firstChild, end);
        return range.getBoundingClientRect();
      };
      const ra = rect(a, wa.begin, wa.begin + 1), rb = rect(b, wb.end - 1, wb.end);
      // The expected text: the rest of line a's pieces from the word, then line b's up to
      // the end of its second word.
      let text = a.firstChild.data.slice(wa.begin);
      for (const p of pieces.slice(pieces.indexOf(a) + 1, pieces.indexOf(b))) text += p.firstChild.data;
      text += b.firstChild.data.slice(0, wb.end);
      return { x0: ra.left + 1, y0: ra.top + ra.height / 2, x1: rb.right - 1, y1: rb.top + rb.height / 2, text };
    });
    await page.mouse.move(plan.x0, plan.y0);
    await page.mouse.down();
    await page.mouse.move(plan.x1, plan.y1, { steps: 12 });
    await page.mouse.up();
    await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await page.keyboard.press('Control+c');
    await page.waitForFunction((want) => navigator.clipboard.readText().then((t) => t === want), plan.text, { timeout: 3000 })
      .catch(() => {});
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), plan.text);
    // A drag with the mouse selected; it did not scroll the reader or pick a mention.
    const state = await page.evaluate(() => window.explorer.getState());
    assert.equal(state.selection, null);
    await shot(page, 'selection');
    // "Copy with citation", by the selection: the same words, then the passage's citation.
    const cite = page.locator('.wwe-mirror .wwe-cite');
    assert.ok(await cite.isVisible(), 'the button shows by the selection');
    const at = await cite.boundingBox();
    assert.ok(Math.abs(at.y - plan.y1) < 60, `the button is by the end of the selection (${at.y} vs ${plan.y1})`);
    await cite.click();
    const cited = await page.evaluate(() => navigator.clipboard.readText());
    const { meta } = article;
    assert.ok(cited.startsWith(`${plan.text}\n\n\u2014 ${meta.author.name}, \u201c${meta.title}\u201d, ${meta.outlet}, `), cited);
    assert.ok(cited.endsWith(', \u00b61'), `the passage's number ends the citation: ${cited}`);
    assert.ok(await cite.isHidden(), 'the button goes once used');
    // Hovering a mention on the text layer still reaches the app (its cursor).
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror')), []);
  } finally {
    await context.close();
  }
});

test('a sentence selected with the mouse is pasted exactly into another page; a triple click selects the passage', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server.url });
  try {
    const page = await openExplorer(context, shared.server.url);
    assert.equal(page.readyError, null);
    await settle(page);
    await page.mouse.move(640, 400);
    // A whole sentence of the first passage that runs over more than one drawn line: from
    // its first letter to its full stop.
    const plan = await page.evaluate(() => {
      const pieces = [...document.querySelectorAll('[data-id="passage/p1/text"] .wwe-piece')];
      let all = '';
      const at = pieces.map((p) => { const a = all.length; all += p.firstChild.data; return { node: p.firstChild, at: a }; });
      const m = /(?<=[.?!]\s)[A-Z][^.?!]{60,}[.?!]/.exec(all);
      const locate = (i) => { let k = at.length - 1; while (at[k].at > i) k--; return { node: at[k].node, off: i - at[k].at }; };
      const box = (l) => { const r = document.createRange(); r.setStart(l.node, l.off); r.setEnd(l.node, l.off + 1); return r.getBoundingClientRect(); };
      const a = box(locate(m.index)), b = box(locate(m.index + m[0].length - 1));
      return { sentence: m[0], all, x0: a.left + 1, y0: a.top + a.height / 2, x1: b.right + 1, y1: b.top + b.height / 2 };
    });
    assert.ok(plan.y1 > plan.y0 + 5, 'the sentence runs over two lines or more');
    await page.mouse.move(plan.x0, plan.y0);
    await page.mouse.down();
    await page.mouse.move(plan.x1, plan.y1, { steps: 12 });
    await page.mouse.up();
    await page.keyboard.press('Control+c');
    const other = await context.newPage();
    await other.setContent('<textarea id="t" rows="6" cols="80"></textarea>');
    await other.focus('#t');
    await other.keyboard.press('Control+v');
    assert.equal(await other.evaluate(() => document.getElementById('t').value), plan.sentence, 'pasted exactly');
    await page.bringToFront();
    await page.mouse.click(plan.x0 + 3, plan.y0, { clickCount: 3 });
    const tripled = await page.evaluate(() => String(document.getSelection()));
    assert.equal(tripled, plan.all, 'a triple click: the passage as drawn, not one line');
    assert.equal((await page.evaluate(() => window.explorer.getState())).selection, null);
    await shot(page, 'triple-click');
  } finally {
    await context.close();
  }
});

test('axe-core: no serious or critical violation on the reader, the map and the matrix', async () => {
  await withExplorer({ bypassCSP: true }, async (page) => {
    for (const view of ['reader', 'map', 'matrix']) {
      await page.evaluate((v) => window.explorer.setState({ view: v }), view);
      await settle(page);
      const violations = await axeSerious(page);
      assert.deepEqual(violations, [], `${view}: ${JSON.stringify(violations, null, 1)}`);
    }
  });
});

test('idle: no DOM work while nothing changes; a change touches only what changed', async () => {
  await withExplorer({}, async (page) => {
    await page.evaluate(() => {
      window.__mutations = 0;
      new MutationObserver((list) => { window.__mutations += list.length; })
        .observe(document.querySelector('.wwe-mirror'), { subtree: true, childList: true, attributes: true, characterData: true });
    });
    for (let i = 0; i < 5; i++) await page.evaluate(() => window.explorer.nextFrame());
    assert.equal(await page.evaluate(() => window.__mutations), 0, 'frames without changes cost no DOM work');
    await page.evaluate(() => window.explorer.setState({ facets: { front: ['security'] } }));
    await settle(page);
    const changed = await page.evaluate(() => window.__mutations);
    assert.ok(changed > 0);
    for (let i = 0; i < 5; i++) await page.evaluate(() => window.explorer.nextFrame());
    assert.equal(await page.evaluate(() => window.__mutations), changed);
  });
});

test('announcements reach the live region; single-key shortcuts can be switched off', async () => {
  await withExplorer({}, async (page) => {
    // A search typed in the field and settled (Enter): what it found, the search named once.
    const live = () => page.evaluate(() => document.querySelector('.wwe-live[aria-live="polite"]').textContent);
    await page.focus('.wwe-mirror [data-id="search/box"]');
    await page.keyboard.type('cooperation');
    await page.keyboard.press('Enter');
    await settle(page);
    await page.waitForFunction(() => /cooperation/.test(document.querySelector('.wwe-live[aria-live="polite"]').textContent),
      null, { timeout: 3000 });
    const said = await live();
    assert.match(said, new RegExp(`^\u201Ccooperation\u201D: \\d+ of ${article.passages.length} passages match\\.$`), said);
    assert.equal(said.match(/cooperation/g).length, 1, `the search named once: ${said}`);
    await page.keyboard.press('Escape');  // the search cleared
    await settle(page);
    await page.waitForFunction(() => /Search cleared/.test(document.querySelector('.wwe-live[aria-live="polite"]').textContent),
      null, { timeout: 3000 });
    await page.evaluate(() => window.explorer.setState({ facets: { front: ['security'] } }));
    await settle(page);
    await page.waitForFunction(() => /passages? match/.test(document.querySelector('.wwe-live[aria-live="polite"]').textContent),
      null, { timeout: 3000 });
    // "2" while the focus is in the mirror (not in the field): the map.
    await pressUntil(page, 'Tab', (f) => f.landmark === 'toolbar', 10, 'the toolbar');
    await page.keyboard.press('2');
    await settle(page);
    assert.equal((await page.evaluate(() => window.explorer.getState())).view, 'map');
  });
  await withExplorer({ query: '?keys=off' }, async (page) => {
    await pressUntil(page, 'Tab', (f) => f.landmark === 'toolbar', 10, 'the toolbar');
    await page.keyboard.press('2');
    await page.keyboard.press('/');
    await settle(page);
    assert.equal((await page.evaluate(() => window.explorer.getState())).view, 'reader', 'no view key');
    assert.equal((await focused(page)).landmark, 'toolbar', 'no search key: the focus stays in the toolbar');
  });
});

test('in a kiosk the mirror is there, and touches (and the mouse) go to the canvas', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  try {
    const page = await openExplorer(context, `${shared.server.url}?kiosk`);
    assert.equal(page.readyError, null);
    await settle(page);
    const tree = await axTree(page);
    assert.ok(find(tree, (n) => n.role === 'group' && n.name === 'Topics'), 'the topic buttons');
    assert.equal(passageGroups(tree).length > 0, true);
    await page.mouse.move(700, 400);
    const events = await page.evaluate(() => {
      const piece = document.querySelector('.wwe-piece');
      return piece ? getComputedStyle(piece).pointerEvents : 'none';
    });
    assert.equal(events, 'none', 'the text layer never takes the pointer in a kiosk');
  } finally {
    await context.close();
  }
});

test('the problems panel is a dialog in the accessibility tree: each problem a list item, words first, then where', async () => {
  await withExplorer({}, async (page) => {
    const broken = fs.readFileSync(path.join(ROOT, 'tests', 'data', 'bad', 'dangling-ids.json'), 'utf8');
    const report = await page.evaluate((t) => window.explorer.load(t, { name: 'dangling-ids.json' }), broken);
    assert.equal(report.opened, false);
    await settle(page);
    const tree = await axTree(page);
    const dialog = find(tree, (n) => n.role === 'dialog' && n.name === report.summary);
    assert.ok(dialog, `a dialog named "${report.summary}"`);
    const list = find(dialog, (n) => n.role === 'list');
    assert.ok(list, 'the problems as a list');
    const items = findAll(list, (n) => n.role === 'listitem');
    assert.equal(items.length, report.problems.length);
    items.forEach((item, i) => {
      const text = squash(textOf(item));
      const p = report.problems[i];
      assert.ok(text.startsWith(`Error: ${p.message}`), `plain words first: ${text}`);
      assert.ok(text.indexOf(`JSON pointer ${p.pointer}`) > text.indexOf(p.message), `the pointer after the words: ${text}`);
      assert.ok(text.includes(`line ${p.line}`), text);
    });
    assert.ok(items.some((item) => textOf(item).includes('Passage 3 (p3)')), 'the passage named by its own id');
    assert.ok(find(dialog, (n) => n.role === 'button' && n.name === 'Close'));
    // Close (from the mirror) closes the panel, on the canvas and in the tree.
    await page.evaluate(() => document.querySelector('[data-id="problems-dialog/close"]').click());
    await settle(page);
    assert.equal(find(await axTree(page), (n) => n.role === 'dialog' && n.name === report.summary), null);

    // Esc closes the panel first, the search stays; only the next Esc clears the search.
    await page.evaluate(() => window.explorer.setState({ query: 'cooperation' }));
    await page.evaluate((t) => window.explorer.load(t, { name: 'dangling-ids.json' }), broken);
    await settle(page);
    await page.waitForSelector('.wwe-mirror [data-id="problems-dialog/close"]');
    await page.focus('.wwe-mirror [data-id="problems-dialog/close"]');
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal(await page.locator('.wwe-mirror [data-id="problems-dialog"]').count(), 0, 'the panel closed');
    assert.equal((await page.evaluate(() => window.explorer.getState())).query, 'cooperation', 'the search kept');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'open', null, { timeout: 5000 });
    fs.writeFileSync(path.join(SHOTS, 'problems-esc-closed.png'), await page.screenshot());
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal((await page.evaluate(() => window.explorer.getState())).query, '', 'then the search goes');
  });
});
