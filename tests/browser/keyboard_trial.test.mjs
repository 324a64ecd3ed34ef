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
