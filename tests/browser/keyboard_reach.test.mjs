// What the keyboard reaches where the canvas packs things away (issue 10's leftovers): the
// narrow toolbar's Export and Tour (in its "More" menu on the canvas) open the same menus as
// the wide toolbar's buttons, focus in and back; every item of an evidence list longer than
// the canvas lays out (a node in hundreds of passages) is reached by the keyboard, the drawn
// list scrolling to it and the mirror's element over it; the Share dialog's size and name
// fields show what is typed in the drawn field itself, with the caret where the user moved
// it, and keep the value the app kept; the map's and the matrix's choices (drawn as combos
// and radio buttons) are radio groups of one tab stop each; in the one-panel layout the
// view tabs and Saved sit over the drop-down and More that hold them.
//
// Screenshots of the focus rings: test-results/keyboard-reach/ (WWE_SHOTS=dir elsewhere);
// look at them.
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openExplorer, useBrowser, decodePng, DIST, ROOT } from './browser.mjs';
import { focused, settle } from './a11y.mjs';
import { makeArticle } from '../../tools/make_article.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 180_000 }, fn);
const shared = useBrowser(before, after);
const article = JSON.parse(fs.readFileSync(path.join(DIST, 'assets', 'article.json'), 'utf8'));
const SHOTS = process.env.WWE_SHOTS || path.join(ROOT, 'test-results', 'keyboard-reach');
fs.mkdirSync(SHOTS, { recursive: true });

async function withExplorer({ width = 1280, height = 800, articleText = null } = {}, fn) {
  const context = await shared.browser.newContext({ viewport: { width, height } });
  try {
    const route = articleText && {
      pattern: '**/assets/article.json',
      handler: (r) => r.fulfill({ status: 200, contentType: 'application/json', body: articleText }),
    };
    const page = await openExplorer(context, shared.server.url, { route });
    assert.equal(page.readyError, null, JSON.stringify(page.readyError));
    await settle(page);
    await fn(page);
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror') || l.includes('mirror')), []);
  } finally {
    await context.close();
  }
}

const shot = async (page, name) => fs.writeFileSync(path.join(SHOTS, `${name}.png`), await page.screenshot());
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
    if (done(await focused(page))) return i;
  }
  throw new Error(`${what}: not reached in ${limit} presses of ${key} (focus: ${JSON.stringify(await focused(page))})`);
}
const waitFocus = (page, id) => page.waitForFunction((i) => document.activeElement?.getAttribute('data-id') === i, id,
  { timeout: 5000 }).catch(async () => {
  throw new Error(`the focus did not reach ${id}: ${JSON.stringify(await focused(page))}`);
});
const waitPlaced = (page, id) => page.waitForFunction((i) => document.querySelector(`.wwe-mirror [data-id="${i}"]`)
  ?.classList.contains('wwe-placed'), id, { timeout: 5000 }).catch(async () => {
  throw new Error(`${id} is not placed over the canvas: ${JSON.stringify(await boxOf(page, id))}`);
});
const expanded = (page, id) => page.getAttribute(`.wwe-mirror [data-id="${id}"]`, 'aria-expanded');

test('the narrow toolbar: the mirror\'s Export and Tour open their menus under More, focus in and back', async () => {
  await withExplorer({ width: 700, height: 760 }, async (page) => {
    // The keyboard alone: Tab into the toolbar, arrows to Export.
    await pressUntil(page, 'Tab', (f) => f.landmark === 'toolbar', 6, 'the toolbar');
    await pressUntil(page, 'ArrowRight', (f) => f.id === 'export', 20, 'Export');
    const button = await boxOf(page, 'export');
    assert.ok(button.placed && button.w > 20, `Export's ring is over the drawn More button: ${JSON.stringify(button)}`);
    await shot(page, 'narrow-export-button');
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, 'export/png');
    assert.equal(await expanded(page, 'export'), 'true');
    await waitPlaced(page, 'export-menu');
    await page.keyboard.press('ArrowDown');
    await settle(page);
    await waitFocus(page, 'export/svg');
    await waitPlaced(page, 'export/svg');
    const menu = await boxOf(page, 'export-menu');
    const item = await boxOf(page, 'export/svg');
    assert.ok(inside(item, menu), `the item over the drawn menu: ${JSON.stringify({ item, menu })}`);
    assert.ok(menu.y >= button.y + button.h - 1 && Math.abs(menu.x + menu.w - (button.x + button.w)) < 4,
      `the menu opens under More: ${JSON.stringify({ menu, button })}`);
    await shot(page, 'narrow-export-menu');
    await page.keyboard.press('Escape');
    await settle(page);
    await waitFocus(page, 'export');
    assert.equal(await expanded(page, 'export'), 'false');
    assert.equal(await page.locator('.wwe-mirror [data-id^="export/"]').count(), 0, 'the items go with the menu');
    // An item chosen: it runs, the menu closes, the focus is back on Export.
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, 'export/png');
    const download = page.waitForEvent('download', { timeout: 10_000 });
    await pressUntil(page, 'ArrowDown', (f) => f.id === 'export/csv', 5, 'CSV');
    await page.keyboard.press('Enter');
    assert.equal((await download).suggestedFilename(), 'entities.csv');
    await settle(page);
    await waitFocus(page, 'export');

    if (!article.tours?.length) return;
    await pressUntil(page, 'ArrowLeft', (f) => f.id === 'tours', 6, 'Tour');
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, `tour/${article.tours[0].id}`);
    assert.equal(await expanded(page, 'tours'), 'true');
    await waitPlaced(page, `tour/${article.tours[0].id}`);
    const tour = await boxOf(page, `tour/${article.tours[0].id}`);
    const tours = await boxOf(page, 'tours-menu');
    assert.ok(tours.placed && inside(tour, tours), JSON.stringify({ tour, tours }));
    await shot(page, 'narrow-tour-menu');
    await page.keyboard.press('Escape');
    await settle(page);
    await waitFocus(page, 'tours');
    assert.equal(await expanded(page, 'tours'), 'false');
    // Enter on a tour starts it.
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, `tour/${article.tours[0].id}`);
    await page.keyboard.press('Enter');
    await settle(page);
    await page.waitForFunction(() => document.querySelector('.wwe-mirror [data-id^="tour-caption"], .wwe-mirror [data-id^="tour/"][aria-current]'),
      null, { timeout: 5000 }).catch(() => {});
    assert.ok(await page.evaluate(() => /stop 1 of/i.test(document.querySelector('.wwe-mirror').textContent)),
      'the tour plays (its caption says the stop)');
  });
});

test('the one-panel layout: the view tabs over the view drop-down, Saved and Notebook over More', async () => {
  await withExplorer({ width: 700, height: 760 }, async (page) => {
    const more = await boxOf(page, 'export');  // over the drawn More button (the test above)
    assert.ok(more.placed, JSON.stringify(more));
    await pressUntil(page, 'Tab', (f) => f.landmark === 'toolbar', 6, 'the toolbar');
    await pressUntil(page, 'ArrowRight', (f) => f.id === 'tab/map', 6, 'the Map tab');
    const tab = await boxOf(page, 'tab/map');
    const reader = await boxOf(page, 'tab/reader');
    // All tabs over the one drop-down (it shows the view), under the search field.
    const search = await boxOf(page, 'search/box');
    assert.ok(tab.placed && tab.w > 60 && tab.y >= search.y + search.h, `over the drop-down: ${JSON.stringify({ tab, search })}`);
    assert.deepEqual(reader, tab);
    await shot(page, 'narrow-tab-focus');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await page.evaluate(() => window.explorer.getState())).view, 'map');
    for (const id of ['notebook-button', 'saved/save', 'saved/forget']) {
      await page.focus(`.wwe-mirror [data-id="${id}"]`);
      const box = await boxOf(page, id);
      assert.ok(box.placed && inside(box, more) && inside(more, box), `${id} over More: ${JSON.stringify({ box, more })}`);
    }
    await shot(page, 'narrow-saved-focus');
  });
});

test('the map\'s and the matrix\'s choices: one tab stop per radio group, the arrow keys choose, over the drawn control', async () => {
  await withExplorer({}, async (page) => {
    const state = () => page.evaluate(() => window.explorer.getState());
    const checked = (group) => page.evaluate((g) => [...document.querySelectorAll(`.wwe-mirror [data-id="${g}"] [role="radio"]`)]
      .filter((el) => el.getAttribute('aria-checked') === 'true').map((el) => el.getAttribute('data-id')), group);
    const stops = (group) => page.evaluate((g) => [...document.querySelectorAll(`.wwe-mirror [data-id="${g}"] [role="radio"]`)]
      .filter((el) => el.tabIndex === 0).map((el) => el.getAttribute('data-id')), group);
    await page.evaluate(() => window.explorer.setState({ view: 'map' }));
    await settle(page);
    for (const group of ['map/edges', 'map/depth', 'map/color']) {
      assert.equal(await page.getAttribute(`.wwe-mirror [data-id="${group}"]`, 'role'), 'radiogroup', group);
      assert.equal((await checked(group)).length, 1, `${group}: one radio checked`);
      assert.deepEqual(await stops(group), await checked(group), `${group}: one tab stop, the checked radio`);
    }
    // Tab goes from group to group (never radio to radio).
    await page.focus('.wwe-mirror [data-id="map/edges/relations"]');
    await page.keyboard.press('Tab');
    await waitFocus(page, 'map/depth/1');
    await page.keyboard.press('Tab');
    await waitFocus(page, 'map/color/type');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await waitFocus(page, 'map/edges/relations');
    // An arrow moves and chooses; the radio sits over the drawn combo (which shows it).
    await page.keyboard.press('ArrowRight');
    await settle(page);
    await waitFocus(page, 'map/edges/cooccurrence');
    assert.equal((await state()).map.edges, 'cooccurrence');
    assert.deepEqual(await checked('map/edges'), ['map/edges/cooccurrence']);
    assert.deepEqual(await stops('map/edges'), ['map/edges/cooccurrence']);
    const radio = await boxOf(page, 'map/edges/cooccurrence');
    assert.ok(radio.placed && radio.w > 60 && radio.h > 10, JSON.stringify(radio));
    assert.deepEqual(await boxOf(page, 'map/edges'), radio, 'the group and its radios over the one combo');
    await shot(page, 'map-edges-radio');
    await page.keyboard.press('ArrowLeft');
    await settle(page);
    assert.equal((await state()).map.edges, 'relations');
    // The neighbourhood's radios over the two drawn radio buttons.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await settle(page);
    await waitFocus(page, 'map/depth/2');
    assert.equal((await state()).map.depth, 2);
    const one = await boxOf(page, 'map/depth/1');
    const two = await boxOf(page, 'map/depth/2');
    assert.ok(one.placed && two.placed && two.x > one.x + one.w - 1 && Math.abs(two.y - one.y) < 2, JSON.stringify({ one, two }));
    await shot(page, 'map-depth-radio');
    // The matrix's axes: the same pattern.
    await page.evaluate(() => window.explorer.setState({ view: 'matrix' }));
    await settle(page);
    const [first, second] = article.facets;
    assert.deepEqual(await checked('matrix/rows'), [`matrix/rows/${first.id}`]);
    await page.focus(`.wwe-mirror [data-id="matrix/rows/${first.id}"]`);
    await page.keyboard.press('ArrowDown');
    await settle(page);
    await waitFocus(page, `matrix/rows/${second.id}`);
    assert.equal((await state()).matrix.rows, second.id);
    assert.ok((await boxOf(page, `matrix/rows/${second.id}`)).placed);
    await shot(page, 'matrix-rows-radio');
  });
});

test('an evidence list of hundreds of passages: every item reached by the keyboard, the drawn list scrolled to it', async () => {
  // A generated article whose every passage names one concept: it is in all 400.
  const long = makeArticle(article, 400, 1);
  const concept = article.concepts[0];
  for (const p of long.passages) p.text += ` So says the text of ${concept.label}.`;
  const nodeId = concept.id;
  await withExplorer({ articleText: JSON.stringify(long) }, async (page) => {
    assert.deepEqual(await page.evaluate((id) => window.explorer.highlight(id), nodeId), []);
    await settle(page);
    const links = () => page.evaluate(() => [...document.querySelectorAll('.wwe-mirror [data-id^="details/passage/"][data-id$="/open"]')]
      .map((el) => el.getAttribute('data-id')));
    const ids = await links();
    assert.ok(ids.length > 150, `a long list: ${ids.length} passages`);
    const panel = await boxOf(page, 'details');
    assert.ok(panel.placed);
    // Into the list with the keyboard: the details region's first link, then arrows within.
    await page.evaluate((id) => document.querySelector(`.wwe-mirror [data-id="${id}"]`).focus(), ids[0]);
    await settle(page);
    await waitPlaced(page, ids[0]);
    const check = async (id, what) => {
      await settle(page);
      await waitFocus(page, id);
      await waitPlaced(page, id);
      const box = await boxOf(page, id);
      assert.ok(inside(box, panel, 2) && box.h > 8 && box.h < 60, `${what}: ${id} over its drawn line in the panel: ${JSON.stringify({ box, panel })}`);
    };
    await page.keyboard.press('End');
    await check(ids[ids.length - 1], 'End');
    await shot(page, 'evidence-end');
    // Up from the end: each one in view in turn (none of them laid out before).
    for (let k = 1; k <= 3; k++) {
      await page.keyboard.press('ArrowUp');
      await check(ids[ids.length - 1 - k], `ArrowUp ${k}`);
    }
    // The middle: reached by a screen reader's focus (the element focused directly).
    const middle = ids[Math.floor(ids.length / 2)];
    await page.evaluate((id) => document.querySelector(`.wwe-mirror [data-id="${id}"]`).focus(), middle);
    await check(middle, 'the middle');
    await shot(page, 'evidence-middle');
    await page.keyboard.press('Home');
    await check(ids[0], 'Home');
    // Activating an item reached so: its passage opens in the reader.
    await page.evaluate((id) => document.querySelector(`.wwe-mirror [data-id="${id}"]`).focus(), middle);
    await settle(page);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await page.evaluate(() => window.explorer.getState())).passage, middle.split('/')[2]);
  });
});

// The columns (x from the box's left) of a rectangle where two screenshots differ.
function changedColumns(pngA, pngB, box) {
  const a = decodePng(pngA), b = decodePng(pngB);
  const out = [];
  for (let x = Math.ceil(box.x) + 2; x < Math.floor(box.x + box.w) - 2; x++) {
    for (let y = Math.ceil(box.y) + 2; y < Math.floor(box.y + box.h) - 2; y++) {
      const i = (y * a.width + x) * 4;
      if (Math.abs(a.rgba[i] - b.rgba[i]) + Math.abs(a.rgba[i + 1] - b.rgba[i + 1]) + Math.abs(a.rgba[i + 2] - b.rgba[i + 2]) > 60) {
        out.push(x - box.x);
        break;
      }
    }
  }
  return out;
}

// The dark pixels of a rectangle of a screenshot: how many, and how far right they reach
// (the text drawn in a light field).
function ink(png, box) {
  const { width, rgba } = decodePng(png);
  let count = 0, right = -1;
  for (let y = Math.ceil(box.y) + 2; y < Math.floor(box.y + box.h) - 2; y++) {
    for (let x = Math.ceil(box.x) + 2; x < Math.floor(box.x + box.w) - 2; x++) {
      const i = (y * width + x) * 4;
      if (0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2] < 160) {
        count++;
        right = Math.max(right, x - box.x);
      }
    }
  }
  return { count, right };
}

test('the Share dialog\'s fields: the drawn field shows what is typed in the mirror\'s, and the value kept', async () => {
  await withExplorer({}, async (page) => {
    await pressUntil(page, 'Tab', (f) => f.landmark === 'toolbar', 6, 'the toolbar');
    await pressUntil(page, 'ArrowRight', (f) => f.id === 'share', 20, 'Share');
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, 'share-dialog/copy-link');
    await pressUntil(page, 'Tab', (f) => f.id === 'share-dialog/width', 30, 'the width field');
    await settle(page);
    const field = await boxOf(page, 'share-dialog/width');
    assert.ok(field.placed);
    const drawn = async () => ink(await page.screenshot(), field);
    // The mirror's own text is transparent: only the canvas's field shows it.
    assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).color), 'rgba(0, 0, 0, 0)');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await settle(page);
    const empty = await drawn();  // the caret alone
    await page.keyboard.type('6');
    await settle(page);
    const one = await drawn();
    await page.keyboard.type('4');
    await settle(page);
    const two = await drawn();
    await shot(page, 'share-width-typing');
    assert.ok(one.count > empty.count + 4 && one.right > empty.right + 4, `"6" drawn: ${JSON.stringify({ empty, one })}`);
    assert.ok(two.count > one.count + 4 && two.right > one.right + 4, `"64" drawn: ${JSON.stringify({ one, two })}`);
    assert.equal(await page.evaluate(() => document.activeElement.value), '64', 'not clamped away while typed');
    const snippet = () => page.evaluate(() => document.querySelector('.wwe-mirror [data-id="share-dialog/embed"]').value);
    assert.match(await snippet(), /width="200"/, 'applied at once, clamped, as the canvas\'s own field does');
    await page.keyboard.type('444');
    await settle(page);
    const five = await drawn();
    assert.ok(five.right > two.right + 12, `"64444" drawn: ${JSON.stringify({ two, five })}`);
    // Enter: the value the app kept (clamped to the largest frame) in both.
    await page.keyboard.press('Enter');
    await settle(page);
    assert.match(await snippet(), /width="4000"/);
    await page.waitForFunction(() => document.activeElement.value === '4000', null, { timeout: 5000 });
    const kept = await drawn();
    assert.ok(kept.right < five.right - 4 && kept.count > two.count, `"4000" drawn, not "64444": ${JSON.stringify({ five, kept })}`);
    // Typed, then left with Tab: the same; the next field typed in shows its text too.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('1234');
    await settle(page);
    // The drawn caret follows the mirror field's caret: Left twice puts it between "12" and
    // "34", Home before "1" (where it was drawn changes; it stayed at the end before).
    const atEnd = await page.screenshot();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await settle(page);
    assert.equal(await page.evaluate(() => document.activeElement.selectionStart), 2);
    const inMiddle = await page.screenshot();
    const moved = changedColumns(atEnd, inMiddle, field);
    const text = ink(inMiddle, field);
    assert.ok(moved.length && moved[0] > 6 && moved[0] < text.right - 8 && moved[moved.length - 1] >= text.right - 2,
      `the caret drawn in the middle, gone from the end: ${JSON.stringify({ moved, text })}`);
    await shot(page, 'share-width-caret-middle');
    await page.keyboard.press('Home');
    await settle(page);
    const home = changedColumns(inMiddle, await page.screenshot(), field);
    assert.ok(home.length && home[0] < 10, `the caret drawn before the first digit: ${JSON.stringify(home)}`);
    await shot(page, 'share-width-caret-home');
    // Up steps the number (by 10), as a number field does.
    await page.keyboard.press('ArrowUp');
    await settle(page);
    assert.equal(await page.evaluate(() => document.activeElement.value), '1244');
    assert.match(await snippet(), /width="1244"/);
    await page.keyboard.press('Tab');
    await settle(page);
    assert.match(await snippet(), /width="1244"/);
    assert.equal(await page.evaluate(() => document.querySelector('.wwe-mirror [data-id="share-dialog/width"]').value), '1244');
    await waitFocus(page, 'share-dialog/height');
    const height = await boxOf(page, 'share-dialog/height');
    // The height's element covers its field only, not the "px" drawn after it.
    assert.ok(Math.abs(height.w - field.w) < 1 && Math.abs(height.h - field.h) < 1, JSON.stringify({ height, field }));
    const px = ink(await page.screenshot(), { x: height.x + height.w, y: height.y, w: 24, h: height.h });
    assert.ok(px.count > 10, `the "px" label right of the element: ${JSON.stringify(px)}`);
    const before = ink(await page.screenshot(), height);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('9');
    await settle(page);
    const after = ink(await page.screenshot(), height);
    assert.ok(after.count < before.count - 10, `"9" drawn instead of "500": ${JSON.stringify({ before, after })}`);
    await page.keyboard.press('Escape');  // what was typed counts, and the dialog closes
    await settle(page);
    await waitFocus(page, 'share');
  });
});

test('a passage\'s actions by keyboard: Shift+F10 opens its menu, focus in it, the arrows within, Esc back; the notebook dialog', async () => {
  await withExplorer({}, async (page) => {
    // A mention of passage 2 has the focus (the passage is one tab stop, its links by arrows).
    const mention = await page.evaluate(() => document.querySelector('.wwe-mirror [data-id^="passage/p2/m"]')?.getAttribute('data-id'));
    assert.ok(mention, 'passage 2 has a mention link');
    await page.focus(`.wwe-mirror [data-id="${mention}"]`);
    await settle(page);
    await page.keyboard.press('Shift+F10');
    await settle(page);
    await waitFocus(page, 'passage-menu/copy');
    assert.equal(await expanded(page, 'passage/p2/actions'), 'true');
    assert.equal(await page.getAttribute('.wwe-mirror [data-id="passage-menu"]', 'role'), 'menu');
    await waitPlaced(page, 'passage-menu/collect');
    await waitPlaced(page, 'passage/p2/actions');
    await pressUntil(page, 'ArrowDown', (f) => f.id === 'passage-menu/collect', 4, 'Add to notebook');
    await shot(page, 'passage-menu');
    await page.keyboard.press('Escape');
    await settle(page);
    await waitFocus(page, 'passage/p2/actions');
    assert.equal(await page.locator('.wwe-mirror [data-id="passage-menu"]').count(), 0, 'the menu goes');
    // Enter on the actions button opens it again; Add to notebook collects the passage.
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, 'passage-menu/copy');
    await pressUntil(page, 'ArrowDown', (f) => f.id === 'passage-menu/collect', 4, 'Add to notebook');
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, 'passage/p2/actions');
    // The notebook: a dialog, the focus on its entry's note; Esc closes it, back on the button.
    await page.focus('.wwe-mirror [data-id="notebook-button"]');
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, 'notebook/entry/0/note');
    assert.equal(await page.getAttribute('.wwe-mirror [data-id="notebook-dialog"]', 'role'), 'dialog');
    assert.match(await page.getAttribute('.wwe-mirror [data-id="notebook-dialog"]', 'aria-label') || '', /Notebook: 1 passage/);
    await waitPlaced(page, 'notebook/entry/0/note');
    await page.keyboard.type('cultural front');
    await settle(page);
    await shot(page, 'notebook-dialog');
    await page.keyboard.press('Escape');
    await settle(page);
    await waitFocus(page, 'notebook-button');
    const nb = await page.evaluate(() => window.explorer.notebook());
    assert.equal(nb.entries?.[0]?.note, 'cultural front', JSON.stringify(nb));
  });
});
