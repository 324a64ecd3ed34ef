// Browser tests of how the explorer looks to readers with other needs (issue 10, "Seeing"):
// the page's media queries reach the app and are followed live — prefers-reduced-motion
// (the map is shown once laid out, still, without easing), prefers-color-scheme with
// theme=auto, prefers-contrast: more and forced-colors: active (the high-contrast theme).
// The theme in effect is read from explorer.display() and checked in the pixels.
//
// With WWE_SCREENSHOT_DIR set, the reader and the map are saved in every theme for a look.
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowser, openExplorer, decodePng, settle, nextFrame, browserFrames, DIST } from './browser.mjs';

const test = (name, options, fn) => (fn ? nodeTest(name, { timeout: 120_000, ...options }, fn) : nodeTest(name, { timeout: 90_000 }, options));
const SHOTS = process.env.WWE_SCREENSHOT_DIR;
const shared = useBrowser(before, after);
let article;
before(() => {
  article = JSON.parse(fs.readFileSync(path.join(DIST, 'assets', 'article.json'), 'utf8'));
  if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
});

// The themes' page backgrounds (src/ui/theme.cpp).
const BACKGROUND = { light: [0xfa, 0xf8, 0xf3], dark: [0x1b, 0x1d, 0x21], contrast: [0, 0, 0] };

async function withPage(options, url, fn) {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, ...options });
  try {
    const page = await openExplorer(context, shared.server.url + url);
    assert.equal(page.readyError, null, `explorer.ready rejected: ${JSON.stringify(page.readyError)}`);
    return await fn(page);
  } finally {
    await context.close();
  }
}

const display = (page) => page.evaluate(() => window.explorer.display());

// The colour of the canvas's bottom-left corner (the page background behind the panels).
async function cornerColour(page) {
  const { width, height, rgba } = decodePng(await page.screenshot());
  const i = ((height - 3) * width + 3) * 4;
  return [rgba[i], rgba[i + 1], rgba[i + 2]];
}

const near = (a, b, tolerance = 3) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

// Waits (one browser frame at a time) until the app shows theme `name`, then checks the
// pixels and the mirror's readout agree.
async function expectTheme(page, name, what) {
  for (let i = 0; i < 120 && (await display(page)).theme !== name; i++) await browserFrames(page, 1);
  const shown = await display(page);
  assert.equal(shown.theme, name, `${what}: the theme in effect`);
  await settle(page);
  const corner = await cornerColour(page);
  assert.ok(near(corner, BACKGROUND[name]), `${what}: the background is ${name} (${corner})`);
  const mirror = await page.evaluate(() => document.querySelector('.wwe-mirror')?.dataset.theme);
  assert.equal(mirror, name, `${what}: the mirror's colours follow`);
}

test('theme=auto follows prefers-color-scheme, also when it changes while the app runs', async () => {
  await withPage({ colorScheme: 'dark' }, 'index.html?theme=auto', async (page) => {
    await expectTheme(page, 'dark', 'a dark system');
    await page.emulateMedia({ colorScheme: 'light' });
    await expectTheme(page, 'light', 'switched to light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectTheme(page, 'dark', 'back to dark');
  });
  // theme=light keeps its colours on a dark system.
  await withPage({ colorScheme: 'dark' }, 'index.html?theme=light', async (page) => {
    await expectTheme(page, 'light', 'theme=light on a dark system');
  });
});

test('prefers-contrast: more and forced-colors: active give the high-contrast theme', async () => {
  await withPage({ contrast: 'more' }, 'index.html', async (page) => {
    await expectTheme(page, 'contrast', 'prefers-contrast: more');
  });
  await withPage({ forcedColors: 'active' }, 'index.html?theme=dark', async (page) => {
    await expectTheme(page, 'contrast', 'forced-colors: active (over theme=dark)');
  });
  await withPage({}, 'index.html', async (page) => {
    await expectTheme(page, 'light', 'no preference');
    await page.emulateMedia({ forcedColors: 'active' });
    await expectTheme(page, 'contrast', 'forced colours switched on');
    await page.emulateMedia({ forcedColors: 'none' });
    await expectTheme(page, 'light', 'and off again');
  });
  await withPage({}, 'index.html?theme=contrast', async (page) => {
    await expectTheme(page, 'contrast', 'theme=contrast');
  });
});

// Polls (one browser frame at a time) until the map has drawn its nodes; their positions.
async function firstDrawnNodes(page) {
  for (let i = 0; i < 600; i++) {
    const nodes = await page.evaluate(() => window.explorer.mapNodes());
    if (nodes.length > 0) return nodes;
    await browserFrames(page, 1);
  }
  throw new Error('the map drew no nodes');
}

const positions = (nodes) => nodes.map((n) => `${n.id}@${n.x.toFixed(1)},${n.y.toFixed(1)}`).join(' ');

test('reduced motion: the map is laid out off-screen and shown still, a re-layout jumps without easing', async () => {
  await withPage({ reducedMotion: 'reduce' }, 'index.html#v=map', async (page) => {
    assert.equal((await display(page)).reducedMotion, true, 'the app knows the setting');
    // The first picture with nodes is the finished layout: a few frames later nothing moved
    // and the app has stopped drawing.
    const first = await firstDrawnNodes(page);
    assert.equal(first.length, article.concepts.length + article.entities.length);
    const shotA = await page.screenshot();
    await nextFrame(page, 3);
    const shotB = await page.screenshot();
    assert.ok(shotA.equals(shotB), 'two screenshots three frames apart are the same picture');
    assert.equal(positions(await page.evaluate(() => window.explorer.mapNodes())), positions(first));
    await settle(page, 2_000);

    // A new layout (the next seed) replaces the picture at once: the first frame that shows
    // other positions shows the final ones.
    const seed = (await page.evaluate(() => window.explorer.getState())).map.seed;
    await page.evaluate((s) => window.explorer.setState({ map: { seed: s + 1 } }), seed);
    let moved = null;
    for (let i = 0; i < 600 && !moved; i++) {
      await browserFrames(page, 1);
      const now = await page.evaluate(() => window.explorer.mapNodes());
      if (positions(now) !== positions(first)) moved = now;
    }
    assert.ok(moved, 'the re-layout was shown');
    await settle(page, 5_000);
    assert.equal(positions(await page.evaluate(() => window.explorer.mapNodes())), positions(moved),
      'no easing: the first new picture was the last');
  });
});

test('without reduced motion the first layout is shown as it runs (the check above can fail)', async () => {
  await withPage({ reducedMotion: 'no-preference' }, 'index.html#v=map', async (page) => {
    assert.equal((await display(page)).reducedMotion, false);
    // The layout runs a few ticks per frame and is drawn meanwhile: the first picture is
    // not the last (the frames' time budget makes this only surer on a slow machine).
    const first = positions(await firstDrawnNodes(page));
    await settle(page);
    assert.notEqual(positions(await page.evaluate(() => window.explorer.mapNodes())), first);
  });
});

test('screenshots of the reader and the map in every theme', { skip: !SHOTS && 'set WWE_SCREENSHOT_DIR' }, async () => {
  const query = article.concepts[0]?.label?.split(/\s+/)[0] || 'the';
  for (const theme of ['light', 'dark', 'contrast']) {
    await withPage({}, `index.html?theme=${theme}#q=${encodeURIComponent(query)}`, async (page) => {
      await settle(page);
      fs.writeFileSync(path.join(SHOTS, `seeing-${theme}-reader.png`), await page.screenshot());
      await page.evaluate(() => window.explorer.setState({ view: 'map', query: '' }));
      await settle(page);
      fs.writeFileSync(path.join(SHOTS, `seeing-${theme}-map.png`), await page.screenshot());
      const facet = article.facets[0];
      await page.evaluate((f) => window.explorer.setState({ facets: { [f.id]: [f.values[0].id] }, map: { color: f.id } }), facet);
      await settle(page);
      fs.writeFileSync(path.join(SHOTS, `seeing-${theme}-map-filtered.png`), await page.screenshot());
      await page.evaluate(() => window.explorer.setState({ view: 'timeline' }));
      await settle(page);
      fs.writeFileSync(path.join(SHOTS, `seeing-${theme}-timeline.png`), await page.screenshot());
    });
  }
});
