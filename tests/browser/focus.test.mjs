// Keyboard and screen-reader details of the semantic layer (library_mirror.js, core
// semantics.cpp, the shell's focus handling in ui/app.cpp): the Share dialog's every option
// in the mirror; the content behind a dialog inert; the toolbar as one tab stop; menus that
// exist only while open, with focus rings over their items; scrolling a focused element into
// view; the focus going back where it came from; whole-word names of evidence links; the
// help listing the passage keys; the readable page while the program loads.
//
// Screenshots of the focus rings: test-results/focus/ (WWE_SHOTS=dir elsewhere); look at them.
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openExplorer, useBrowser, DIST, ROOT } from './browser.mjs';
import { axTree, find, findAll, focused, settle } from './a11y.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 120_000 }, fn);
const shared = useBrowser(before, after);
const article = JSON.parse(fs.readFileSync(path.join(DIST, 'assets', 'article.json'), 'utf8'));
const SHOTS = process.env.WWE_SHOTS || path.join(ROOT, 'test-results', 'focus');
fs.mkdirSync(SHOTS, { recursive: true });

async function withExplorer(query, fn) {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openExplorer(context, shared.server.url + query);
    assert.equal(page.readyError, null, JSON.stringify(page.readyError));
    await settle(page);
    await fn(page);
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror') || l.includes('mirror')), []);
  } finally {
    await context.close();
  }
}

const shot = async (page, name) => fs.writeFileSync(path.join(SHOTS, `${name}.png`), await page.screenshot());
const state = (page) => page.evaluate(() => window.explorer.getState());
// The focused element's box (CSS px) and whether it is placed over what the canvas drew.
const focusBox = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  return { id: el.getAttribute('data-id'), x: r.x, y: r.y, w: r.width, h: r.height, placed: el.classList.contains('wwe-placed') };
});
const boxOf = (page, id) => page.evaluate((i) => {
  const el = document.querySelector(`.wwe-mirror [data-id="${i}"]`);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, w: r.width, h: r.height, placed: el.classList.contains('wwe-placed') };
}, id);
const inside = (a, b, slack = 1) => a.x >= b.x - slack && a.y >= b.y - slack && a.x + a.w <= b.x + b.w + slack &&
  a.y + a.h <= b.y + b.h + slack;

async function pressUntil(page, key, done, limit, what) {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (done(f)) return i;
  }
  throw new Error(`${what}: not reached in ${limit} presses of ${key} (focus: ${JSON.stringify(await focused(page))})`);
}
const waitFocus = (page, id) => page.waitForFunction((i) => document.activeElement?.getAttribute('data-id') === i, id,
  { timeout: 5000 }).catch(async () => {
  throw new Error(`the focus did not reach ${id}: ${JSON.stringify(await focused(page))}`);
});

test('the toolbar is one tab stop with arrow keys; menu buttons say collapsed from the start; closed menus have no stops', async () => {
  await withExplorer('', async (page) => {
    const attrs = await page.evaluate(() => Object.fromEntries(['share', 'export', 'tours', 'help', 'notebook-button'].map((id) => {
      const el = document.querySelector(`.wwe-mirror [data-id="${id}"]`);
      return [id, el && [el.getAttribute('aria-expanded'), el.getAttribute('aria-haspopup')]];
    })));
    assert.deepEqual(attrs.share, ['false', 'dialog']);
    assert.deepEqual(attrs.export, ['false', 'menu']);
    assert.deepEqual(attrs.help, ['false', 'dialog']);
    assert.deepEqual(attrs['notebook-button'], ['false', 'dialog']);
    if (article.tours?.length) assert.deepEqual(attrs.tours, ['false', 'menu']);
    assert.equal(await page.locator('.wwe-mirror [data-id^="export/"]').count(), 0, 'no export items while closed');
    assert.ok(find(await axTree(page), (n) => n.role === 'toolbar'), 'a toolbar');

    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).type, 'search');
    await page.keyboard.press('Tab');
    // (Back and Forward have nothing to go to yet: out of the Tab order, passed over.)
    assert.equal((await focused(page)).id, 'tab/reader', 'the toolbar: its first usable control');
    const stops = 1 + await pressUntil(page, 'Tab', (f) => f.group === 'Front', 10, 'the Front group');
    assert.ok(stops <= 4, `${stops} Tabs from the search field to the Front checkboxes`);
    // Arrow keys within the toolbar; Shift+Tab comes back to where it was left.
    await pressUntil(page, 'Shift+Tab', (f) => f.landmark === 'toolbar', 6, 'the toolbar again');
    await pressUntil(page, 'ArrowRight', (f) => f.id === 'tab/map', 6, 'the Map tab');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await state(page)).view, 'map');
    await pressUntil(page, 'ArrowRight', (f) => f.id === 'export', 12, 'Export');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal((await focused(page)).id, 'export', 'the toolbar remembers its stop');
    await page.keyboard.press('End');
    assert.equal((await focused(page)).id, 'help');
    await page.keyboard.press('Home');
    assert.equal((await focused(page)).id, 'back');
    // The Notebook button: named, over the drawn button; Enter opens the notebook dialog as
    // a click does, says so and moves the focus into it; Esc closes it.
    await pressUntil(page, 'ArrowRight', (f) => f.id === 'notebook-button', 20, 'Notebook');
    const button = await focusBox(page);
    assert.ok(button.placed && button.w > 40, JSON.stringify(button));
    assert.equal((await focused(page)).name, 'Notebook');
    const expandedNow = () => page.getAttribute('.wwe-mirror [data-id="notebook-button"]', 'aria-expanded');
    const before = await page.screenshot();
    await page.keyboard.press('Enter');
    await settle(page);
    await page.waitForFunction(() => document.querySelector('.wwe-mirror [data-id="notebook-button"]')
      .getAttribute('aria-expanded') === 'true', null, { timeout: 5000 });
    await page.waitForFunction(() => (document.activeElement?.dataset?.id ?? '').startsWith('notebook-dialog/'),
      null, { timeout: 5000 });
    const opened = await page.screenshot();
    assert.notDeepEqual(opened, before, 'the notebook window drawn');
    await shot(page, 'notebook-open');
    // Esc closes the dialog and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await settle(page);
    await page.waitForFunction(() => document.activeElement?.dataset?.id === 'notebook-button', null, { timeout: 5000 });
    assert.equal(await expandedNow(), 'false');
  });
});

test('the Export and Tour menus: opened by the keyboard, their items over the drawn items, Esc closes', async () => {
  await withExplorer('', async (page) => {
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await pressUntil(page, 'ArrowRight', (f) => f.id === 'export', 20, 'Export');
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, 'export/png');
    assert.equal(await page.getAttribute('.wwe-mirror [data-id="export"]', 'aria-expanded'), 'true');
    const tree = await axTree(page);
    const menu = find(tree, (n) => n.role === 'menu' && n.name === 'Export');
    assert.ok(menu, 'the menu');
    assert.equal(findAll(menu, (n) => n.role === 'menuitem').length, 5);  // PNG, SVG, Markdown, CSV, Save as article
    await page.keyboard.press('ArrowDown');
    await settle(page);
    const item = await focusBox(page);
    assert.equal(item.id, 'export/svg');
    const menuBox = await boxOf(page, 'export-menu');
    assert.ok(item.placed && menuBox.placed, 'placed over the drawn menu');
    assert.ok(item.w > 2 * item.h && item.h < 40, `a menu item's box, wide and one line high: ${JSON.stringify(item)}`);
    assert.ok(inside(item, menuBox), 'inside the menu');
    const button = await boxOf(page, 'export');
    assert.ok(menuBox.y >= button.y + button.h - 1 && Math.abs(menuBox.x + menuBox.w - (button.x + button.w)) < 4,
      `the menu opens under its button, not at the mouse: ${JSON.stringify({ menuBox, button })}`);
    await shot(page, 'export-menu-item');
    await page.keyboard.press('Escape');
    await settle(page);
    await waitFocus(page, 'export');
    assert.equal(await page.locator('.wwe-mirror [data-id^="export/"]').count(), 0, 'the items go with the menu');
    assert.equal(await page.getAttribute('.wwe-mirror [data-id="export"]', 'aria-expanded'), 'false');

    // Choosing an item runs it, closes the menu, and the focus is back on Export.
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, 'export/png');
    const download = page.waitForEvent('download', { timeout: 10_000 });
    await pressUntil(page, 'ArrowDown', (f) => f.id === 'export/markdown', 4, 'Markdown');
    await page.keyboard.press('Enter');
    assert.equal((await download).suggestedFilename(), 'passages.md');
    await settle(page);
    await waitFocus(page, 'export');

    if (!article.tours?.length) return;
    await pressUntil(page, 'ArrowLeft', (f) => f.id === 'tours', 4, 'Tour');
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, `tour/${article.tours[0].id}`);
    const tour = await focusBox(page);
    const tourMenu = await boxOf(page, 'tours-menu');
    assert.ok(tour.placed && tour.w > 2 * tour.h && inside(tour, tourMenu), JSON.stringify({ tour, tourMenu }));
    await shot(page, 'tour-menu-item');
    // Tab leaves the menu: it closes.
    await page.keyboard.press('Tab');
    await settle(page);
    await page.waitForFunction(() => !document.querySelector('.wwe-mirror [data-id="tours-menu"]'), null, { timeout: 5000 });
  });
});

test('the Share dialog: every option in the mirror, each doing what the canvas control does; the rest inert', async () => {
  await withExplorer('', async (page) => {
    await page.evaluate(() => window.explorer.setState({ facets: { front: ['security'] } }));
    await settle(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await pressUntil(page, 'ArrowRight', (f) => f.id === 'share', 20, 'Share');
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, 'share-dialog/copy-link');
    const tree = await axTree(page);
    const dialog = find(tree, (n) => n.role === 'dialog' && n.name === 'Share this view');
    assert.ok(dialog);
    const views = find(dialog, (n) => n.role === 'group' && n.name === 'Views offered');
    assert.deepEqual(findAll(views, (n) => n.role === 'checkbox').map((c) => [c.name, c.props.checked]),
      ['Reader', 'Map', 'Matrix', 'Timeline', 'Entities', 'Glossary', 'Contrasts', 'Contexts', 'Terms'].map((v) => [v, 'true']));
    const radios = (name) => findAll(find(dialog, (n) => n.role === 'radiogroup' && n.name === name), (n) => n.role === 'radio')
      .map((r) => [r.name, r.props.checked]);
    assert.deepEqual(radios('Around the view'), [['Everything', 'true'], ['Filters folded', 'false'], ['The view only', 'false']]);
    assert.deepEqual(radios('Theme'), [['Light', 'true'], ['Dark', 'false'], ["The reader's system setting", 'false']]);
    assert.ok(find(dialog, (n) => n.role === 'checkbox' && n.name === 'Lock the chosen filters'));
    assert.ok(find(dialog, (n) => n.role === 'checkbox' && n.name === 'Strict sandbox'));
    assert.ok(find(dialog, (n) => n.role === 'slider' && n.name === 'Text size'));
    assert.ok(find(dialog, (n) => n.role === 'spinbutton' && /^Width/.test(n.name)));
    assert.ok(find(dialog, (n) => n.role === 'spinbutton' && /^Height/.test(n.name)));
    assert.ok(find(dialog, (n) => n.role === 'textbox' && n.name === "Name for the page's script"));
    // Behind it: nothing for assistive technology (inert), and back when it closes.
    assert.equal(find(tree, (n) => n.role === 'searchbox' && !n.ignored), null, 'the search field is hidden behind the dialog');
    assert.equal(find(tree, (n) => n.role === 'complementary' && !n.ignored), null, 'the filters are hidden');
    assert.equal(await page.evaluate(() => document.querySelector('.wwe-mirror [data-id="filters"]').inert), true);
    await shot(page, 'share-dialog');

    const snippet = () => page.evaluate(() => document.querySelector('.wwe-mirror [data-id="share-dialog/embed"]').value);
    const focusOn = (id) => page.evaluate((i) => document.querySelector(`.wwe-mirror [data-id="${i}"]`).focus(), id);
    // A view unticked (Space), as the canvas's checkbox does.
    await focusOn('share-dialog/view/timeline');
    await page.keyboard.press('Space');
    await settle(page);
    assert.equal(await page.getAttribute('.wwe-mirror [data-id="share-dialog/view/timeline"]', 'aria-checked'), 'false');
    assert.match(await snippet(), /views=reader(%2C|,)map(%2C|,)matrix(%2C|,)entities/);
    // The arrow keys choose within a radio group.
    await focusOn('share-dialog/chrome/full');
    await page.keyboard.press('ArrowRight');
    await settle(page);
    assert.equal((await focused(page)).id, 'share-dialog/chrome/compact');
    assert.equal(await page.getAttribute('.wwe-mirror [data-id="share-dialog/chrome/compact"]', 'aria-checked'), 'true');
    assert.match(await snippet(), /chrome=compact/);
    await focusOn('share-dialog/theme/light');
    await page.keyboard.press('ArrowRight');
    await settle(page);
    assert.match(await snippet(), /theme=dark/);
    // Lock, sandbox.
    await focusOn('share-dialog/lock');
    await page.keyboard.press('Enter');
    await focusOn('share-dialog/sandbox');
    await page.keyboard.press('Space');
    await settle(page);
    assert.match(await snippet(), /lock\.front=security/);
    assert.doesNotMatch(await snippet(), /allow-same-origin/);
    // The size typed in, the name (filtered as the canvas's field filters it), the scale.
    await focusOn('share-dialog/width');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('640');
    await page.keyboard.press('Enter');
    await focusOn('share-dialog/id');
    await page.keyboard.type('Week 3!');
    await page.keyboard.press('Tab');
    await focusOn('share-dialog/scale');
    await page.keyboard.press('ArrowRight');
    await settle(page);
    const code = await snippet();
    assert.match(code, /width="640"/);
    assert.match(code, /embed=week3/);
    assert.match(code, /scale=1\.05/);
    const placed = await page.evaluate(() => [...document.querySelectorAll('.wwe-mirror [role="dialog"] .wwe-f')]
      .filter((el) => !el.classList.contains('wwe-placed')).map((el) => el.getAttribute('data-id')));
    assert.deepEqual(placed, [], 'every control of the dialog sits over the one drawn');
    await focusOn('share-dialog/chrome/compact');
    await shot(page, 'share-dialog-radio');

    await page.keyboard.press('Escape');
    await settle(page);
    await waitFocus(page, 'share');
    const afterTree = await axTree(page);
    assert.ok(find(afterTree, (n) => n.role === 'searchbox' && !n.ignored), 'the search field is back');
    assert.equal(await page.evaluate(() => document.querySelector('.wwe-mirror [data-id="filters"]').inert), false);
  });
});

test('a focused element out of view scrolls into view; the focus goes back to the opener when the details close', async () => {
  await withExplorer('', async (page) => {
    // The node with the most relations: its relations and passages run below the panel's fold.
    const counts = new Map();
    for (const r of article.relations) for (const n of [r.source, r.target]) counts.set(n, (counts.get(n) || 0) + 1);
    const [nodeId] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    await page.evaluate(() => window.explorer.setState({ view: 'map' }));
    await settle(page);
    const opener = `map/node/${nodeId}/select`;
    await page.evaluate((id) => document.querySelector(`.wwe-mirror [data-id="${id}"]`).focus(), opener);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await state(page)).selection?.id, nodeId);
    const panel = await boxOf(page, 'details');
    // The last passage link of the details: below the fold at first.
    const last = await page.evaluate(() => {
      const links = [...document.querySelectorAll('.wwe-mirror [data-id^="details/passage/"][data-id$="/open"]')];
      return links[links.length - 1].getAttribute('data-id');
    });
    await page.evaluate((id) => document.querySelector(`.wwe-mirror [data-id="${id}"]`).focus(), last);
    await settle(page);
    await page.waitForFunction((id) => document.querySelector(`.wwe-mirror [data-id="${id}"]`).classList.contains('wwe-placed'),
      last, { timeout: 5000 });
    const box = await focusBox(page);
    assert.ok(inside(box, panel), `scrolled into the panel: ${JSON.stringify({ box, panel })}`);
    await shot(page, 'details-scrolled');
    // Its name: whole words and one ellipsis.
    const names = await page.evaluate(() => [...document.querySelectorAll('.wwe-mirror [data-id^="details/passage/"][data-id$="/open"]')]
      .map((el) => [el.getAttribute('data-id').split('/')[2], el.textContent]));
    for (const [pid, name] of names) {
      const p = article.passages.find((x) => x.id === pid);
      const text = name.replace(/^Passage \d+: /, '');
      assert.ok(!/\u2026\u2026|\.\.\.\u2026|\u2026\./.test(name), `one ellipsis: ${name}`);
      if (text.endsWith('\u2026')) {
        const shown = text.slice(0, -1);
        assert.ok(p.text.startsWith(shown), `a start of the passage: ${name}`);
        assert.match(p.text.slice(shown.length, shown.length + 1), /[\s,.;:\u2014-]/, `cut between words: ${name}`);
      } else {
        assert.equal(text, p.text);
      }
    }
    // Enter on it: the announcement says what was opened.
    await page.keyboard.press('Enter');
    await settle(page);
    const index = article.passages.findIndex((p) => p.id === last.split('/')[2]);
    await page.waitForFunction((n) => new RegExp(`Passage ${n}(, in \u201c[^\u201d]+\u201d)?: \\S`).test(
      document.querySelector('.wwe-live[aria-live="polite"]').textContent), index + 1, { timeout: 5000 });

    // Back on the map (the details stayed open): closing them gives the focus back to the
    // node's button that opened them.
    assert.ok((await focused(page)).inMirror);
    await page.keyboard.press('2');
    await settle(page);
    assert.equal((await state(page)).view, 'map');
    assert.equal((await state(page)).selection?.id, nodeId);
    await page.evaluate(() => document.querySelector('.wwe-mirror [data-id="details/close"]').focus());
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await state(page)).selection, null);
    await waitFocus(page, opener);
  });
});

test('removing a filter chip moves the focus to the next chip, then the search field', async () => {
  await withExplorer('', async (page) => {
    await page.evaluate(() => window.explorer.setState({ facets: { front: ['security', 'cultural'] } }));
    await settle(page);
    const first = 'chip/front/cultural/remove';
    const ids = await page.evaluate(() => [...document.querySelectorAll('.wwe-mirror [data-id^="chip/"][data-id$="/remove"]')]
      .map((el) => el.getAttribute('data-id')));
    assert.equal(ids.length, 2, JSON.stringify(ids));
    await page.evaluate((id) => document.querySelector(`.wwe-mirror [data-id="${id}"]`).focus(), ids[0]);
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, ids[1]);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.deepEqual((await state(page)).facets, {});
    await waitFocus(page, 'search/box');
    assert.ok(first);
  });
});

test('help: every bound key, the passage keys too; its Close ring on its button; the focus back where it was', async () => {
  await withExplorer('', async (page) => {
    await page.keyboard.press('Tab');
    await pressUntil(page, 'Tab', (f) => f.group === 'Front', 10, 'the Front group');
    const from = (await focused(page)).id;
    await page.keyboard.press('?');
    await settle(page);
    await waitFocus(page, 'help-dialog/close');
    const rows = await page.evaluate(() => [...document.querySelectorAll('.wwe-mirror [data-id="help-dialog/keys"] th')]
      .map((th) => th.textContent));
    for (const key of ['Up, Down in a passage', 'Home, End in a group', 'Enter in the search box', 'Ctrl+C', 'Alt+Left, Alt+Right', '?'])
      assert.ok(rows.includes(key), `the help lists ${key}: ${JSON.stringify(rows)}`);
    const close = await focusBox(page);
    const dialog = await boxOf(page, 'help-dialog');
    assert.ok(close.placed && dialog.placed, 'placed');
    assert.ok(close.x > 20 && close.y > 20 && inside(close, dialog), `over the Close button: ${JSON.stringify({ close, dialog })}`);
    await shot(page, 'help-close');
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, from);
  });
});

test('while the program loads, the article is a readable page; the mirror takes over', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const page = await context.newPage();
    page.consoleLines = [];
    page.on('pageerror', (e) => page.consoleLines.push(`pageerror: ${e.message}`));
    await page.route('**/explorer.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(shared.server.url);
    await page.waitForSelector('#wwe-early', { timeout: 10_000 });
    const early = await page.evaluate(() => {
      const e = document.getElementById('wwe-early');
      const first = e.querySelector('.wwe-early-passage');
      const r = first.getBoundingClientRect();
      return { h1: e.querySelector('h1').textContent, h2: [...e.querySelectorAll('h2')].map((h) => h.textContent),
               passages: e.querySelectorAll('.wwe-early-passage').length, text: document.body.innerText,
               visible: r.width > 200 && r.height > 10 && getComputedStyle(first).color !== 'rgba(0, 0, 0, 0)' };
    });
    assert.equal(early.h1, article.meta.title);
    assert.deepEqual(early.h2, article.sections.map((s) => s.heading));
    assert.equal(early.passages, article.passages.length);
    assert.ok(early.visible, 'the text is shown');
    for (const p of article.passages) assert.ok(early.text.replace(/\s+/g, ' ').includes(p.text.replace(/\s+/g, ' ')), p.id);
    const tree = await axTree(page);
    assert.ok(find(tree, (n) => n.role === 'heading' && n.name === article.meta.title), 'a heading for assistive technology');
    fs.writeFileSync(path.join(SHOTS, 'loading-article.png'), await page.screenshot());
    release();
    assert.equal(await page.evaluate(() => window.explorer.ready.then(() => null, (e) => e.message)), null);
    await settle(page);
    assert.equal(await page.locator('#wwe-early').count(), 0, 'handed over to the mirror');
    assert.equal(await page.locator('.wwe-mirror [data-id="reader/title"]').count(), 1);
    assert.deepEqual(page.consoleLines, []);
  } finally {
    await context.close();
  }
});
