// Kiosk: touch (tap, drag with inertia, pinch), the attract loop after an idle timeout and
// its hand-over on the first touch, WebGL context loss, and a soak run of the attract loop
// with its memory at start and end (docs/benchmarks.md, "Kiosk soak").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { blockNetwork, countDraws, distinctColours, draws, openExplorer, useBrowser, DIST, ROOT } from './browser.mjs';

const shared = useBrowser(before, after);

// Opens the explorer with `query` on a touch screen; `standalone`: the one-file page from
// file:// with the network off (the kiosk set-up of docs/kiosk.md).
async function withKiosk(query, fn, { width = 1280, height = 800, standalone = false } = {}) {
  const context = await shared.browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: false });
  try {
    const requests = standalone ? await blockNetwork(context) : [];
    const base = standalone ? 'file://' + path.join(DIST, 'explorer-standalone.html') : `${shared.server.url}index.html`;
    const page = await openExplorer(context, `${base}?${query}`);
    page.requests = requests;
    assert.equal(page.readyError, null);
    page.cdp = await context.newCDPSession(page);
    await fn(page);
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror')), []);
    assert.deepEqual(page.consoleLines.filter((l) => /unpopped/.test(l)), [], 'every ImGui push has its pop');
  } finally {
    await context.close();
  }
}

const state = (page) => page.evaluate(() => window.explorer.getState());
const touch = (page, type, points) => page.cdp.send('Input.dispatchTouchEvent', {
  type, touchPoints: points.map(([x, y], id) => ({ x, y, id })),
});

// One finger from (x0, y0) to (x1, y1) in `steps` moves, `ms` apart; lifted at the end.
async function swipe(page, x0, y0, x1, y1, { steps = 8, ms = 16 } = {}) {
  await touch(page, 'touchStart', [[x0, y0]]);
  for (let i = 1; i <= steps; i++) {
    await touch(page, 'touchMove', [[x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps]]);
    await page.waitForTimeout(ms);
  }
  await touch(page, 'touchEnd', []);
}

// Two fingers around (cx, cy), from `d0` apart to `d1` apart.
async function pinch(page, cx, cy, d0, d1, steps = 8) {
  const at = (d) => [[cx - d / 2, cy], [cx + d / 2, cy]];
  await touch(page, 'touchStart', at(d0).slice(0, 1));
  await touch(page, 'touchStart', at(d0));
  for (let i = 1; i <= steps; i++) {
    await touch(page, 'touchMove', at(d0 + ((d1 - d0) * i) / steps));
    await page.waitForTimeout(16);
  }
  await touch(page, 'touchEnd', at(d1).slice(0, 1));
  await touch(page, 'touchEnd', []);
}

test('touch: tap selects, drag pans the map and coasts, pinch zooms the map and the text', async () => {
  await withKiosk('kiosk&idle=3600#v=map', async (page) => {
    await page.waitForTimeout(1500);  // the layout settles
    const node = (await page.evaluate(() => window.explorer.mapNodes())).find((n) => n.visible && !n.dimmed && n.r >= 4);
    assert.ok(node, 'a node to tap');
    await page.touchscreen.tap(node.x, node.y);
    await page.waitForTimeout(200);
    assert.equal((await state(page)).selection?.id, node.id, 'a tap selects the node under the finger');

    // Drag on empty map background: pan; the view keeps moving a little after the release.
    const nodes = await page.evaluate(() => window.explorer.mapNodes());
    const seen = nodes.filter((n) => n.visible);  // the map is where its visible nodes are
    const [x0, x1] = [Math.min(...seen.map((n) => n.x)), Math.max(...seen.map((n) => n.x))];
    const [y0, y1] = [Math.min(...seen.map((n) => n.y)), Math.max(...seen.map((n) => n.y))];
    const empty = (() => {
      for (let y = y0 + 10; y < y1 - 10; y += 10) {
        for (let x = x0 + 10; x < x1 - 160; x += 10) {
          if (nodes.every((n) => Math.hypot(n.x - x, n.y - y) > n.r + 30)) return [x, y];
        }
      }
      return null;
    })();
    assert.ok(empty, 'an empty spot of the map');
    const before = (await state(page)).map;
    await swipe(page, empty[0], empty[1], empty[0] + 150, empty[1] + 40, { steps: 6, ms: 10 });
    const released = (await state(page)).map;
    assert.notEqual(released.x, before.x, 'the drag panned the map');
    await page.waitForTimeout(600);
    const coasted = (await state(page)).map;
    assert.ok(Math.abs(coasted.x - released.x) > 1e-3, `the map coasts after a fast swipe (${released.x} -> ${coasted.x})`);
    assert.ok(coasted.x < released.x, 'on in the direction of the swipe');

    // Pinch out over the map: zoom in.
    const zoom0 = (await state(page)).map.zoom;
    await pinch(page, 600, 500, 100, 260);
    await page.waitForTimeout(200);
    const zoom1 = (await state(page)).map.zoom;
    assert.ok(zoom1 > zoom0 * 1.5, `pinching out zooms in (${zoom0} -> ${zoom1})`);

    // Reader: a swipe up scrolls down; a pinch makes the text bigger.
    await page.evaluate(() => window.explorer.setState({ view: 'reader', selection: null }));
    await page.waitForTimeout(300);
    const scale0 = await page.evaluate(() => window.explorer.textScale());
    assert.ok(Math.abs(scale0 - 1.3) < 1e-6, `a kiosk starts with large type (${scale0})`);
    for (let i = 0; i < 3; i++) await swipe(page, 640, 700, 640, 250, { steps: 6, ms: 10 });
    await page.waitForTimeout(800);
    const scrolled = (await state(page)).passage;
    assert.ok(scrolled && scrolled !== 'p1', `the reader scrolled (now at ${scrolled})`);
    await pinch(page, 640, 450, 120, 240);
    await page.waitForTimeout(200);
    const scale1 = await page.evaluate(() => window.explorer.textScale());
    assert.ok(scale1 > scale0 * 1.3, `pinching the text makes it bigger (${scale0} -> ${scale1})`);
  });
});

test('offline from file://, left alone the kiosk plays its tour from home; a touch hands over', async () => {
  await withKiosk('kiosk&idle=5&tour_speed=4#v=matrix&f.front=economic', async (page) => {
    assert.equal((await state(page)).view, 'matrix');
    await page.waitForTimeout(5600);
    const first = await state(page);
    assert.deepEqual(first.facets, {}, 'back home: no filters');
    assert.deepEqual(first.selection, { kind: 'concept', id: 'new-type-ir' }, 'the tour\'s first stop');
    await page.waitForTimeout(3200);  // 12 s at 4x
    const second = await state(page);
    assert.deepEqual(second.selection, { kind: 'concept', id: 'community-shared-future' }, 'the second stop');
    assert.equal(second.view, 'map');
    assert.ok(distinctColours(await page.screenshot()) > 20);

    // A touch: the tour stops where it is and the visitor explores from there.
    await page.touchscreen.tap(40, 790);
    await page.waitForTimeout(4000);  // longer than a step
    const held = await state(page);
    assert.deepEqual(held.selection, second.selection, 'no step after the touch');
    // And left alone again, the tour comes back.
    await page.waitForTimeout(2500);
    assert.deepEqual((await state(page)).selection, { kind: 'concept', id: 'new-type-ir' }, 'the attract loop again');
    assert.deepEqual(page.requests, [], 'no network request');
  }, { standalone: true });
});

test('WebGL context loss during the attract loop: restored without reload, drawing again', async () => {
  await withKiosk('kiosk&idle=5&tour_speed=8', async (page) => {
    await page.waitForTimeout(5500);
    const lost = await page.evaluate(() => {
      const gl = document.getElementById('canvas').getContext('webgl2');
      const ext = gl.getExtension('WEBGL_lose_context');
      ext.loseContext();
      window.wweLoseContext = ext;
      return gl.isContextLost();
    });
    assert.equal(lost, true);
    await page.waitForTimeout(500);
    await page.evaluate(() => window.wweLoseContext.restoreContext());
    await page.waitForTimeout(2500);
    const shot = await page.screenshot();
    assert.ok(distinctColours(shot) > 20, 'drawn again after the restore');
    assert.ok((await state(page)).selection, 'the tour still plays');
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1, 'no reload');
  });
});

test('between tour steps nothing is drawn; the next step draws', async () => {
  // Step 1 (the reader) lasts 12 s at speed 1: once it is shown, the screen is still.
  await withKiosk('kiosk&idle=5', async (page) => {
    await countDraws(page);
    await page.waitForTimeout(7000);  // idle timeout, first step shown and settled
    assert.deepEqual((await state(page)).selection, { kind: 'concept', id: 'new-type-ir' });
    const before = await draws(page);
    await page.waitForTimeout(2000);
    assert.equal(await draws(page), before, 'no frame while the step stands still');
    await page.waitForTimeout(9000);  // past the step's 12 s (it began at about 5 s)
    assert.ok((await draws(page)) > before, 'the next step is drawn');
    assert.equal((await state(page)).view, 'map');
  });
});

test('an unexpected page error sends a kiosk back to its home view', async () => {
  await withKiosk('kiosk&idle=3600#v=timeline', async (page) => {
    await page.evaluate(() => window.explorer.setState({ view: 'map', facets: { front: ['security'] } }));
    await page.evaluate(() => setTimeout(() => { throw new Error('boom'); }, 0));
    await page.waitForTimeout(300);
    const s = await state(page);
    assert.equal(s.view, 'timeline', 'the view the kiosk was opened on');
    assert.deepEqual(s.facets, {});
    const notice = await page.evaluate(() => window.explorer.notice());
    assert.match(notice.problems.join(' '), /boom/);
    page.consoleLines = page.consoleLines.filter((l) => !/boom/.test(l));  // the error we threw
  });
});

test('soak: the attract loop for a while does not grow memory after warm-up', async () => {
  const seconds = Number(process.env.WWE_SOAK_SECONDS || 40);
  await withKiosk('kiosk&idle=5&tour_speed=40', async (page) => {
    // Memory is compared at the same point of the loop: just after a lap begins again (the
    // first step shows the reader with the vision selected, after the timeline).
    const lapStart = async () => {
      for (let seen = ''; ;) {
        const s = await state(page);
        const now = `${s.view}/${s.selection?.id}`;
        if (now === 'reader/new-type-ir' && seen === 'timeline/undefined') return;
        seen = now;
        await page.waitForTimeout(40);
      }
    };
    const sample = async () => {
      await page.cdp.send('HeapProfiler.collectGarbage');
      const js = await page.cdp.send('Runtime.getHeapUsage');
      const wasm = await page.evaluate(() => window.explorer.memory());
      return { jsUsed: js.usedSize, wasmHeap: wasm.heap, wasmUsed: wasm.used, at: Date.now() };
    };
    const start = await sample();
    for (let lap = 0; lap < 3; lap++) await lapStart();  // warm-up: three laps
    const warm = await sample();
    let laps = 0;
    while (Date.now() - warm.at < seconds * 1000) {
      await lapStart();
      laps++;
    }
    const end = await sample();

    const growth = end.wasmUsed - warm.wasmUsed;
    const jsGrowth = end.jsUsed - warm.jsUsed;
    const report = { seconds: Math.round((end.at - warm.at) / 1000), laps, start, warm, end, wasmGrowth: growth, jsGrowth };
    fs.mkdirSync(path.join(ROOT, 'build'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'build', 'kiosk-soak.json'), JSON.stringify(report, null, 2));
    assert.ok(laps >= 3, `laps after warm-up: ${laps}`);
    assert.equal(end.wasmHeap, warm.wasmHeap, 'the WebAssembly memory did not grow');
    // Nil growth. The sample falls at a slightly different moment of the lap's first step
    // each time (layouts done or not yet), which moves the count by a few KB either way; a
    // leak of even 100 bytes a lap would pass 1 KB within ten laps.
    assert.ok(growth <= 1024, `malloc'ed bytes at the same point of the loop: ${warm.wasmUsed} -> ${end.wasmUsed}`);
    assert.ok(jsGrowth < 128 * 1024, `JS heap after warm-up: ${warm.jsUsed} -> ${end.jsUsed}`);
  });
});
