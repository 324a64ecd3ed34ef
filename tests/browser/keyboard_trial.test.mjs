// What a keyboard and screen-reader user's trial found still open (issue 10): the Tab order
// is the same on every load and never stops on the bare canvas (not even while the program
// loads); the loading screen's live region is cleared once the article shows; a passage's
// mentions are one Tab stop (a roving tabindex, arrows among them), and what is focused is
// scrolled into view; Back is out of the Tab order while there is nothing to go back to.
//
// Screenshots of the focus rings: test-results/keyboard-trial/ (WWE_SHOTS=dir elsewhere);
// look at them.
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openExplorer, useBrowser, ROOT } from './browser.mjs';
import { focused, settle } from './a11y.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 180_000 }, fn);
const shared = useBrowser(before, after);
const SHOTS = process.env.WWE_SHOTS || path.join(ROOT, 'test-results', 'keyboard-trial');
fs.mkdirSync(SHOTS, { recursive: true });
const shot = async (page, name) => fs.writeFileSync(path.join(SHOTS, `${name}.png`), await page.screenshot());

async function withExplorer({ width = 1280, height = 800 } = {}, fn) {
  const context = await shared.browser.newContext({ viewport: { width, height } });
  try {
    const page = await openExplorer(context, shared.server.url);
    assert.equal(page.readyError, null, JSON.stringify(page.readyError));
    await settle(page);
    await fn(page);
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror') || l.includes('mirror')), []);
  } finally {
    await context.close();
  }
}
const activeId = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-id') ||
  (document.activeElement === document.body ? 'body' : document.activeElement?.id || document.activeElement?.tagName));
const waitFocus = (page, id) => page.waitForFunction((i) => document.activeElement?.getAttribute('data-id') === i, id,
  { timeout: 5000 }).catch(async () => {
  throw new Error(`the focus did not reach ${id}: ${JSON.stringify(await focused(page))}`);
});
// The ids of the first `count` Tab stops from the top of the page.
async function tabWalk(page, count) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.getSelection()?.removeAllRanges();
  });
  const stops = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    stops.push(await activeId(page));
  }
  return stops;
}

test('the Tab order is the same on every load and never stops on the canvas, also while loading', async () => {
  // While the program downloads (held back until the check is done), Tab never lands on
  // the canvas.
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await page.route('**/explorer.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(shared.server.url);
    assert.equal(await page.evaluate(() => document.getElementById('canvas').tabIndex), -1, 'no Tab stop while loading');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      assert.notEqual(await activeId(page), 'canvas', `Tab ${i + 1} while loading`);
    }
    release();
    await page.evaluate(() => window.explorer.ready);
    await settle(page);
    const walks = [await tabWalk(page, 12)];
    await page.reload();
    await page.evaluate(() => window.explorer.ready);
    await settle(page);
    walks.push(await tabWalk(page, 12));
    for (const walk of walks) assert.ok(!walk.includes('canvas') && !walk.includes('CANVAS'), walk.join(' > '));
    assert.deepEqual(walks[1], walks[0], 'the same stops on both loads');
    assert.equal(walks[0][0], 'search/box', walks[0].join(' > '));
  } finally {
    await context.close();
  }
});

test('the loading screen\'s live region is cleared once the article shows', async () => {
  await withExplorer({}, async (page) => {
    const live = await page.evaluate(() => [...document.querySelectorAll('[aria-live], [role="status"], [role="alert"]')]
      .filter((el) => /loading/i.test(el.textContent)).map((el) => `${el.id || el.className}: ${el.textContent}`));
    assert.deepEqual(live, [], 'no live region still says it loads');
    assert.equal(await page.evaluate(() => document.getElementById('wwe-loading-text').textContent), '');
  });
});

test('a passage\'s mentions are one Tab stop, the arrow keys go among them, the focused one in view', async () => {
  await withExplorer({ height: 700 }, async (page) => {
    const stops = await page.evaluate(() => {
      const out = {};
      for (const el of document.querySelectorAll('.wwe-mirror [data-id^="passage/"][role="link"]')) {
        const passage = /^passage\/[^/]+/.exec(el.getAttribute('data-id'))[0];
        out[passage] = out[passage] || { links: 0, stops: 0 };
        out[passage].links++;
        if (el.tabIndex === 0) out[passage].stops++;
      }
      return out;
    });
    const many = Object.entries(stops).filter(([, s]) => s.links > 1);
    assert.ok(many.length > 0, JSON.stringify(stops));
    for (const [id, s] of Object.entries(stops)) assert.ok(s.stops <= 1, `${id}: ${s.stops} Tab stops of ${s.links} mentions`);
    // A passage below the fold: its first mention focused from the passage before it
    // (Down) is scrolled into view.
    const [pid] = many[many.length - 1];
    const first = await page.evaluate((p) => document.querySelector(`.wwe-mirror [data-id^="${p}/m"][role="link"]`)
      .getAttribute('data-id'), pid);
    await page.focus(`.wwe-mirror [data-id="${first}"]`);
    await settle(page);
    await waitFocus(page, first);
    const inView = (id) => page.evaluate((i) => {
      const el = document.querySelector(`.wwe-mirror [data-id="${i}"]`);
      const view = document.querySelector('.wwe-mirror [data-id="view"]').getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return el.classList.contains('wwe-placed') && r.height > 0 && r.top >= view.top - 1 && r.bottom <= view.bottom + 1;
    }, id);
    await page.waitForFunction(() => true);
    assert.ok(await inView(first), `${first} is scrolled into view`);
    await page.keyboard.press('ArrowRight');
    await settle(page);
    const second = await activeId(page);
    assert.notEqual(second, first);
    assert.ok(second.startsWith(pid + '/'), `the arrow stays in ${pid}: ${second}`);
    assert.ok(await inView(second), `${second} in view`);
    await shot(page, 'mention-focus');
    // Tab leaves the passage (no second mention stop in it).
    await page.keyboard.press('Tab');
    const after = await activeId(page);
    assert.ok(!(after.startsWith(pid + '/m')), `Tab goes on from the passage's mentions: ${after}`);
  });
});

test('Back is out of the Tab order while there is nothing to go back to', async () => {
  await withExplorer({}, async (page) => {
    const back = () => page.evaluate(() => {
      const el = document.querySelector('.wwe-mirror [data-id="back"]');
      return { disabled: el.getAttribute('aria-disabled'), tab: el.tabIndex };
    });
    assert.deepEqual(await back(), { disabled: 'true', tab: -1 });
    await page.focus('.wwe-mirror [data-id="search/box"]');
    await page.keyboard.press('Tab');
    const stop = await activeId(page);
    assert.notEqual(stop, 'back');
    assert.notEqual(stop, 'forward');
    await shot(page, 'toolbar-no-back');
    // Arrows along the toolbar pass over Back and Forward.
    await page.keyboard.press('Home');
    assert.ok(!['back', 'forward'].includes(await activeId(page)), await activeId(page));
    // Something to go back to: Back is usable, the first of the toolbar again.
    await page.evaluate(() => window.explorer.setState({ view: 'map' }));
    await settle(page);
    await page.waitForFunction(() => document.querySelector('.wwe-mirror [data-id="back"]').getAttribute('aria-disabled') === null,
      null, { timeout: 5000 });
    await page.focus('.wwe-mirror [data-id="search/box"]');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).landmark, 'toolbar');
    await page.keyboard.press('Home');
    await waitFocus(page, 'back');
    await shot(page, 'toolbar-back');
    // On a load with history and the toolbar not visited yet, Back is its Tab stop.
    await page.reload();
    await page.evaluate(() => window.explorer.ready);
    await settle(page);
    await page.evaluate(() => window.explorer.setState({ view: 'timeline' }));
    await settle(page);
    await page.focus('.wwe-mirror [data-id="search/box"]');
    await page.keyboard.press('Tab');
    await waitFocus(page, 'back');
  });
});

test('Down on Export opens its menu; Clear all is a Tab stop of its own; list items have names', async () => {
  await withExplorer({}, async (page) => {
    await page.focus('.wwe-mirror [data-id="export"]');
    await page.keyboard.press('ArrowDown');
    await settle(page);
    await waitFocus(page, 'export/png');
    assert.equal(await page.getAttribute('.wwe-mirror [data-id="export"]', 'aria-expanded'), 'true');
    await shot(page, 'export-down');
    await page.keyboard.press('Escape');
    await settle(page);
    await waitFocus(page, 'export');
    // A filter and a search: the chips, then Clear all, each reached by Tab.
    await page.evaluate(() => window.explorer.setState({ facets: { front: ['cultural'] }, query: 'exchanges' }));
    await settle(page);
    await page.focus('.wwe-mirror [data-id="chip/front/cultural/remove"]');
    await page.keyboard.press('Tab');
    await waitFocus(page, 'chip/clear/all');
    await shot(page, 'clear-all-focus');
    // Every list item has a name (a screen reader's list navigation says it).
    const unnamed = await page.evaluate(() => [...document.querySelectorAll('.wwe-mirror li')]
      .filter((li) => !(li.getAttribute('aria-label') || '').trim()).map((li) => li.getAttribute('data-id')));
    assert.deepEqual(unnamed, []);
    assert.equal(await page.getAttribute('.wwe-mirror [data-id="chip/front/cultural"]', 'aria-label'), 'Remove Front: Cultural');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.deepEqual((await page.evaluate(() => window.explorer.getState())).facets, {});
  });
});

test('the search field shows no hint while the notebook dialog is open', async () => {
  await withExplorer({}, async (page) => {
    const hint = () => page.getAttribute('.wwe-mirror [data-id="search/box"]', 'placeholder');
    assert.match(await hint(), /^Search the article/);
    await page.focus('.wwe-mirror [data-id="notebook-button"]');
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, 'notebook-dialog/close');
    assert.equal(await hint(), '');
    await shot(page, 'notebook-open');
    await page.keyboard.press('Escape');
    await settle(page);
    await waitFocus(page, 'notebook-button');
    assert.match(await hint(), /^Search the article/);
  });
});

test('the Share dialog\'s link and embed code are read-only text boxes, reached by Tab', async () => {
  await withExplorer({}, async (page) => {
    await page.focus('.wwe-mirror [data-id="share"]');
    await page.keyboard.press('Enter');
    await settle(page);
    await page.waitForSelector('.wwe-mirror [data-id="share-dialog/link"]');
    const box = (id) => page.evaluate((i) => {
      const el = document.querySelector(`.wwe-mirror [data-id="${i}"]`);
      return { tag: el.tagName, readOnly: el.readOnly, label: el.getAttribute('aria-label'), value: el.value, tab: el.tabIndex };
    }, id);
    const link = await box('share-dialog/link');
    assert.equal(link.tag, 'INPUT');
    assert.equal(link.readOnly, true);
    assert.equal(link.label, 'Link to this view');
    assert.match(link.value, /^https?:\/\/.*#/);
    const embed = await box('share-dialog/embed');
    assert.equal(embed.readOnly, true);
    assert.equal(embed.label, 'Embed code');
    assert.match(embed.value, /^<iframe /);
    // Tab from the link's heading goes to the link box, then to Copy link; typing changes nothing.
    await page.focus('.wwe-mirror [data-id="share-dialog/link"]');
    await page.keyboard.type('xyz');
    assert.equal((await box('share-dialog/link')).value, link.value);
    await shot(page, 'share-link-box');
    await page.keyboard.press('Tab');
    await waitFocus(page, 'share-dialog/copy-link');
  });
});

test('the map\'s Legend is a checkbox and its minimum of shared passages a slider the arrows change', async () => {
  await withExplorer({}, async (page) => {
    await page.evaluate(() => window.explorer.setState({ view: 'map', map: { edges: 'cooccurrence' } }));
    await settle(page);
    const legend = '.wwe-mirror [data-id="map/legend"]';
    await page.waitForSelector(legend);
    assert.equal(await page.getAttribute(legend, 'role'), 'checkbox');
    assert.equal(await page.getAttribute(legend, 'aria-checked'), 'true');
    await page.focus(legend);
    await page.keyboard.press('Space');
    await settle(page);
    await page.waitForFunction((s) => document.querySelector(s).getAttribute('aria-checked') === 'false', legend, { timeout: 5000 });
    await shot(page, 'map-legend-off');
    await page.keyboard.press('Space');
    await settle(page);
    await page.waitForFunction((s) => document.querySelector(s).getAttribute('aria-checked') === 'true', legend, { timeout: 5000 });
    const slider = '.wwe-mirror [data-id="map/min-weight"]';
    const before = (await page.evaluate(() => window.explorer.getState())).map.min_weight ?? 1;
    const info = await page.evaluate((s) => {
      const el = document.querySelector(s);
      return { type: el.type, label: el.getAttribute('aria-label'), value: el.value, min: el.min, max: el.max,
               placed: el.classList.contains('wwe-placed') };
    }, slider);
    assert.deepEqual({ ...info, placed: undefined }, { type: 'range', label: 'Shared passages an edge needs at least',
      value: String(before), min: '1', max: '10', placed: undefined });
    assert.ok(info.placed, 'over the drawn slider');
    await page.focus(slider);
    await page.keyboard.press('ArrowRight');
    await settle(page);
    await page.waitForFunction((b) => (window.explorer.getState().map.min_weight ?? 1) === b + 1, before, { timeout: 5000 });
    assert.equal(await page.evaluate((s) => document.querySelector(s).value, slider), String(before + 1));
    await shot(page, 'map-min-weight');
  });
});

test('a map edge\'s evidence: each passage has its actions, the same menu as the reader\'s', async () => {
  await withExplorer({}, async (page) => {
    const article = await page.evaluate(() => fetch('assets/article.json').then((r) => r.json()));
    const relation = article.relations.find((r) => (r.evidence || []).length > 0);
    await page.evaluate((id) => window.explorer.setState({ view: 'map', selection: { kind: 'relation', id } }), relation.id);
    await settle(page);
    const first = relation.evidence[0];
    const actions = `details/passage/${first}/actions`;
    await page.waitForSelector(`.wwe-mirror [data-id="${actions}"]`);
    assert.equal(await page.getAttribute(`.wwe-mirror [data-id="${actions}"]`, 'aria-haspopup'), 'menu');
    assert.ok(await page.evaluate((i) => document.querySelector(`.wwe-mirror [data-id="${i}"]`).classList.contains('wwe-placed'), actions),
      'over the drawn evidence item');
    await page.focus(`.wwe-mirror [data-id="${actions}"]`);
    await page.keyboard.press('Enter');
    await settle(page);
    await waitFocus(page, 'passage-menu/copy');
    await page.waitForFunction(() => document.querySelector('.wwe-mirror [data-id="passage-menu"]')?.classList.contains('wwe-placed'),
      null, { timeout: 5000 });
    await shot(page, 'evidence-actions-menu');
    await page.keyboard.press('Escape');
    await settle(page);
    await waitFocus(page, actions);
    assert.equal(await page.locator('.wwe-mirror [data-id="passage-menu/copy"]').count(), 0);
  });
});

test('a search\'s best-match chips are buttons in the mirror, over the drawn chips', async () => {
  await withExplorer({}, async (page) => {
    await page.evaluate(() => window.explorer.setState({ query: 'exchanges' }));
    await settle(page);
    const chip = '.wwe-mirror [data-id="reader/best/p12"]';
    await page.waitForSelector(chip);
    assert.equal(await page.evaluate((s) => document.querySelector(s).tagName, chip), 'BUTTON');
    assert.match(await page.textContent(chip), /^Passage 12, /);
    assert.equal(await page.getAttribute('.wwe-mirror [data-id="reader/best"]', 'aria-label'), 'Best matches');
    await page.waitForFunction((s) => document.querySelector(s).classList.contains('wwe-placed'), chip, { timeout: 5000 });
    await page.focus(chip);
    await shot(page, 'best-match-focus');
    await page.keyboard.press('Enter');
    await settle(page);
    await page.waitForFunction(() => window.explorer.getState().passage === 'p12', null, { timeout: 5000 });
  });
});
