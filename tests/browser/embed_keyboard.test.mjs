// Keyboard, focus and the wheel in embeds: Tab through the example course page's two
// embeds and out again (no trap), a host page's input keeps its text, the explorer's keys
// never scroll the host page, the wheel over an embedded map scrolls the host page unless
// Ctrl is held or the map was clicked, a drag released outside the frame ends.
//
// Host pages (except the example) come from a second server on another port: the explorer
// is cross-origin to them, as in a real course page.
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, useHostPages } from './browser.mjs';
import { focused, settle } from './a11y.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 150_000 }, fn);
const shared = useBrowser(before, after);

// The host pages' server (another port: the explorer is cross-origin to them).
const host = useHostPages(before, after);
const hostPages = host.pages;

let hosts = 0;
// A host page: `before` HTML, the explorer at `src` (under dist/) in <iframe id="wwe">,
// then `after` HTML.
async function openHost(context, src, { width = 800, height = 500, above = '', below = '', allow = '' } = {}) {
  const page = await context.newPage();
  page.consoleLines = [];
  page.on('pageerror', (e) => page.consoleLines.push(`pageerror: ${e.message}`));
  const path = `/host-${++hosts}.html`;
  hostPages.set(path, `<!doctype html><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
<body style="margin:0">${above}
<iframe id="wwe" src="${(shared.server.url + src).replace(/&/g, '&amp;')}" width="${width}" height="${height}"
        sandbox="allow-scripts allow-same-origin" allow="${allow}" style="display:block;border:0"></iframe>${below}</body>`);
  await page.goto(host.url + path);
  const frame = await explorerFrame(page);
  await frame.evaluate(() => window.explorer.ready);
  await settle(frame);
  return { page, frame };
}

// The explorer in the host page's `index`-th frame, once its page API is there (waits for
// frames to navigate, 30 s at most).
async function explorerFrame(page, index = 0) {
  const deadline = Date.now() + 30000;
  for (;;) {
    const frames = page.frames().filter((f) => f.url().startsWith(shared.server.url) && f !== page.mainFrame());
    if (frames[index]) {
      await frames[index].waitForFunction(() => window.explorer, null, { timeout: 30000 });
      return frames[index];
    }
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`no explorer in frame ${index} after 30 s`);
    await page.waitForEvent('framenavigated', { timeout: left });
  }
}

async function withContext(options, fn) {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  try {
    return await fn(context);
  } finally {
    await context.close();
  }
}

// Where the host page's focus is: "host:<data-action or tag>", "frame:<iframe id>", "body".
const where = (page) => page.evaluate(() => {
  const a = document.activeElement;
  if (!a || a === document.body) return 'body';
  if (a.tagName === 'IFRAME') return `frame:${a.id}`;
  return `host:${a.dataset.action || a.id || a.tagName.toLowerCase()}`;
});
// The sequence as runs: [[where, count], ...].
const runs = (seq) => seq.reduce((out, w) => {
  if (out.length && out[out.length - 1][0] === w) out[out.length - 1][1]++;
  else out.push([w, 1]);
  return out;
}, []);

test('the example course page: Tab goes through the first embed, on to the second and out; Shift+Tab back', async () => {
  await withContext({ viewport: { width: 1280, height: 1500 } }, async (context) => {
    const page = await context.newPage();
    await page.goto(shared.server.url + 'embed-example.html');
    await page.waitForFunction(() => [...document.querySelectorAll('button[data-action]')].every((b) => !b.disabled),
      null, { timeout: 90000 });
    for (let i = 0; i < 2; i++) await settle(await explorerFrame(page, i));
    await page.focus('button[data-action="economic"]');
    const forward = [await where(page)];
    for (let i = 0; i < 300; i++) {
      await page.keyboard.press('Tab');
      const w = await where(page);
      forward.push(w);
      if (w === 'body' || w === forward[0]) break;
    }
    const r = runs(forward);
    const names = r.map(([w]) => w);
    assert.deepEqual(names.slice(0, 10), [
      'host:economic', 'host:security-front', 'host:highlight-aiib', 'host:highlight-bri', 'frame:map',
      'host:search-confrontation', 'host:clear-search', 'host:count-partnership', 'frame:reader', names[9],
    ], JSON.stringify(r));
    assert.ok(names[9] === 'body' || names[9] === 'host:economic', 'and out of the page (or round to the top)');
    assert.equal(names.length, 10, 'each embed once: no trap, no detour');
    const inMap = r[4][1], inReader = r[8][1];
    assert.ok(inMap >= 10 && inMap < 120, `${inMap} stops in the map embed`);
    assert.ok(inReader >= 5 && inReader < 120, `${inReader} stops in the reader embed`);
    console.log(`Tab: ${inMap} stops in the map embed, ${inReader} in the reader embed, ${forward.length - 1} presses in all`);

    // Shift+Tab from the second embed's last stop back to the first button.
    if (names[9] !== 'body') await page.keyboard.press('Shift+Tab');  // back from the top
    else await page.keyboard.press('Shift+Tab');
    const back = [await where(page)];
    for (let i = 0; i < 300 && back[back.length - 1] !== 'host:economic'; i++) {
      await page.keyboard.press('Shift+Tab');
      back.push(await where(page));
    }
    const rb = runs(back);
    assert.deepEqual(rb.map(([w]) => w), [
      'frame:reader', 'host:count-partnership', 'host:clear-search', 'host:search-confrontation', 'frame:map',
      'host:highlight-bri', 'host:highlight-aiib', 'host:security-front', 'host:economic',
    ], JSON.stringify(rb));
    assert.equal(rb[0][1], inReader, 'as many stops back through the reader embed');
    assert.equal(rb[4][1], inMap, 'and through the map embed');
    // Inside the embeds the focus was on the mirror's elements.
    const reader = await explorerFrame(page, 1);
    assert.equal(await reader.evaluate(() => document.activeElement === document.body), true);
  });
});

test("a host page's input keeps the text typed into it while the embedded explorer draws", async () => {
  await withContext({}, async (context) => {
    const { page, frame } = await openHost(context, 'index.html?embed=e#v=entities', {
      above: '<p><label>Your notes <input id="notes" size="40"></label></p>',
    });
    // Click into the explorer's own text box (the entities filter, an ImGui box): its
    // hidden field takes the focus, as the user asked.
    const view = await frame.evaluate(() => {
      const r = document.querySelector('[data-id="view"]').getBoundingClientRect();
      return { x: r.left, y: r.top };
    });
    const box = await page.locator('#wwe').boundingBox();
    await page.mouse.click(box.x + view.x + 80, box.y + view.y + 16);
    await settle(frame);
    assert.equal(await frame.evaluate(() => document.activeElement && document.activeElement.id), 'wwe-text-input');
    // Now the host's input; the explorer keeps drawing (host messages) while the user types.
    await page.click('#notes');
    for (const word of ['hello', ' ', 'world', ' again']) {
      await page.keyboard.type(word, { delay: 20 });
      await page.evaluate(() => document.getElementById('wwe').contentWindow.postMessage(
        { protocol: 'win-win-explorer', version: 1, type: 'getState', requestId: 'x' }, '*'));
      await settle(frame);
    }
    assert.equal(await page.inputValue('#notes'), 'hello world again');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'notes');
    assert.notEqual(await frame.evaluate(() => document.activeElement && document.activeElement.id), 'wwe-text-input');
    assert.equal((await frame.evaluate(() => window.explorer.getState())).query, '');
    assert.deepEqual(page.consoleLines, []);
  });
});

test('PageDown, Space and the arrows in the explorer scroll its reader, never the host page', async () => {
  await withContext({}, async (context) => {
    const { page, frame } = await openHost(context, 'index.html?embed=r#v=reader', {
      above: '<p><button id="before">Before</button></p>', below: '<div style="height:3000px"></div>',
    });
    await page.focus('#before');
    await page.keyboard.press('Tab');
    assert.equal(await where(page), 'frame:wwe');
    // Into the reader's text (a passage's links).
    for (let i = 0; i < 60 && (await focused(frame)).landmark !== 'view'; i++) await page.keyboard.press('Tab');
    assert.equal((await focused(frame)).landmark, 'view');
    const scrollY = await page.evaluate(() => window.scrollY);
    const before = (await frame.evaluate(() => window.explorer.getState())).passage;
    for (const key of ['PageDown', 'PageDown', 'Space', 'ArrowLeft', 'End', 'PageUp']) {
      await page.keyboard.press(key);
      await settle(frame);
      assert.equal(await page.evaluate(() => window.scrollY), scrollY, `${key} left the host page where it was`);
    }
    await page.keyboard.press('PageDown');
    await settle(frame);
    await frame.evaluate(() => window.explorer.advanceClock(1));
    await settle(frame);
    assert.notEqual((await frame.evaluate(() => window.explorer.getState())).passage, before, 'the reader scrolled');
    // After a click on the canvas (nothing focused in the frame) too.
    const box = await page.locator('#wwe').boundingBox();
    await page.mouse.click(box.x + 400, box.y + 300);
    await settle(frame);
    for (const key of ['PageDown', 'ArrowDown', 'Space', 'End']) {
      await page.keyboard.press(key);
      await settle(frame);
      assert.equal(await page.evaluate(() => window.scrollY), scrollY, `${key} after a click`);
    }
  });
});

test('the wheel over an embedded map scrolls the host page; Ctrl+wheel or a click first zooms the map', async () => {
  await withContext({}, async (context) => {
    const { page, frame } = await openHost(context, 'index.html?embed=m#v=map', {
      width: 900, height: 520, below: '<div style="height:3000px"></div>',
    });
    await frame.evaluate(() => window.explorer.advanceClock(10));
    await settle(frame);
    const box = await page.locator('#wwe').boundingBox();
    const view = await frame.evaluate(() => {
      const r = document.querySelector('[data-id="view"]').getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, left: r.left, bottom: r.bottom };
    });
    const x = box.x + view.x, y = box.y + view.y;
    const zoom = () => frame.evaluate(() => JSON.stringify(window.explorer.getState().map));
    const start = await zoom();
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, 200);
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 3000 });
    await settle(frame);
    assert.equal(await zoom(), start, 'the map did not zoom');
    assert.ok(await frame.evaluate(() => document.querySelector('.wwe-wheel-hint.wwe-shown') !== null), 'the hint shows');
    await page.evaluate(() => window.scrollTo(0, 0));
    // Ctrl + wheel zooms the map, and does not scroll (or zoom) the page.
    await page.mouse.move(x, y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await settle(frame);
    await frame.evaluate(() => window.explorer.advanceClock(1));
    await settle(frame);
    const zoomed = await zoom();
    assert.notEqual(zoomed, start, 'Ctrl+wheel zoomed the map');
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    // A click on the map first: the wheel is the map's then.
    await page.mouse.click(box.x + view.left + 12, box.y + view.bottom - 12);
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, -200);
    await settle(frame);
    await frame.evaluate(() => window.explorer.advanceClock(1));
    await settle(frame);
    assert.notEqual(await zoom(), zoomed, 'the wheel zoomed the clicked map');
    assert.equal(await page.evaluate(() => window.scrollY), 0);
  });
});

test('a drag in an embedded map released outside the frame ends', async () => {
  await withContext({}, async (context) => {
    const { page, frame } = await openHost(context, 'index.html?embed=d#v=map', {
      width: 700, height: 500, below: '<p style="height:400px">below</p>',
    });
    await frame.evaluate(() => window.explorer.advanceClock(10));
    await settle(frame);
    const box = await page.locator('#wwe').boundingBox();
    const nodes = await frame.evaluate(() => window.explorer.mapNodes().filter((n) => n.visible && n.r > 5));
    assert.ok(nodes.length > 0);
    const node = nodes[0];
    await page.mouse.move(box.x + node.x, box.y + node.y);
    await page.mouse.down();
    await page.mouse.move(box.x + node.x + 30, box.y + node.y + 20, { steps: 5 });
    await page.mouse.move(box.x + 300, box.y + box.height + 200, { steps: 5 });  // out of the frame
    await page.mouse.up();
    await page.mouse.move(box.x + 100, box.y + 100, { steps: 5 });  // back in, no button
    await settle(frame);
    await frame.evaluate(() => window.explorer.advanceClock(5));
    await settle(frame);
    const pins = (await frame.evaluate(() => window.explorer.getState())).map.pins || {};
    assert.ok(Object.keys(pins).includes(node.id), `the drag ended and pinned ${node.id}: ${JSON.stringify(pins)}`);
    // Moving on does not drag it any further.
    const pinned = JSON.stringify(pins[node.id]);
    await page.mouse.move(box.x + 200, box.y + 150, { steps: 5 });
    await settle(frame);
    assert.equal(JSON.stringify((await frame.evaluate(() => window.explorer.getState())).map.pins[node.id]), pinned);
  });
});

test('full screen: offered where the frame allows it, and the button enters and leaves it', async () => {
  await withContext({}, async (context) => {
    // A frame without allow="fullscreen": no button (it could not work).
    const plain = await openHost(context, 'index.html');
    assert.equal(await plain.frame.locator('[data-id="fullscreen"]').count(), 0, 'no full screen button');
    // Allowed: the toolbar offers it; pressing it makes the explorer's page full screen.
    const { frame } = await openHost(context, 'index.html', { allow: 'fullscreen' });
    const button = frame.locator('[data-id="fullscreen"]');
    assert.equal(await button.count(), 1, 'a full screen button');
    assert.notEqual(await button.getAttribute('aria-pressed'), 'true');
    await button.focus();
    await frame.page().keyboard.press('Enter');
    await frame.waitForFunction(() => document.fullscreenElement === document.documentElement, null, { timeout: 10000 });
    await frame.waitForFunction(() => document.querySelector('[data-id="fullscreen"]')?.getAttribute('aria-pressed') === 'true',
      null, { timeout: 10000 });
    assert.match(await button.textContent(), /Exit full screen/);
    await frame.page().keyboard.press('Enter');
    await frame.waitForFunction(() => !document.fullscreenElement, null, { timeout: 10000 });
  });
});

test('a click on the canvas of an embed gives it the keyboard: its shortcuts act next', async () => {
  await withContext({}, async (context) => {
    const { page, frame } = await openHost(context, 'index.html#v=map', { above: '<input id="notes">' });
    await page.focus('#notes');
    assert.equal(await frame.evaluate(() => document.hasFocus()), false);
    const box = await page.locator('#wwe').boundingBox();
    // The map's background, below the toolbar, right of the filters.
    await page.mouse.click(box.x + box.width - 60, box.y + box.height - 40);
    await settle(frame);
    assert.equal(await frame.evaluate(() => document.hasFocus()), true, 'the frame has the keyboard');
    await page.keyboard.press('1');
    await settle(frame);
    assert.equal((await frame.evaluate(() => window.explorer.getState())).view, 'reader', '"1" shows the reader');
    assert.equal(await page.inputValue('#notes'), '', 'nothing typed into the host page');
  });
});
