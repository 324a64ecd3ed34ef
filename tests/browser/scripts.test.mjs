// Articles in other scripts in the browser: the held-out articles of tests/data (Arabic,
// Russian, Chinese, French), each served in place of assets/article.json. The fonts an
// article needs are fetched from dist/fonts/ (Arabic: Noto Sans Arabic; Russian: the extra
// Noto Sans faces; Chinese: none, the browser's fonts draw it through a canvas), no
// character is left undrawn (the app says so in a line under the toolbar, and the check
// reads the ink where it would be), and search works in the article's language. Screenshots
// go to test-results/scripts/ (WWE_SHOTS=dir to put them elsewhere): look at them.
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { decodePng, exportMapPng, openExplorer, useBrowser, settle, ROOT } from './browser.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 120_000 }, fn);
const shared = useBrowser(before, after);
const SHOTS = process.env.WWE_SHOTS || path.join(ROOT, 'test-results', 'scripts');
fs.mkdirSync(SHOTS, { recursive: true });

async function withArticle(name, fn, edit = null) {
  let text = fs.readFileSync(path.join(ROOT, 'tests', 'data', `${name}.json`), 'utf8');
  if (edit) {  // a variant of the held-out article
    const doc = JSON.parse(text);
    edit(doc);
    text = JSON.stringify(doc);
  }
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const fonts = [], modules = [];
  try {
    context.on('request', (r) => {
      // The faces and the stemmers module (modules/stemmers.wasm): fetched only when needed.
      const file = path.basename(new URL(r.url()).pathname);
      if (r.url().includes('/fonts/')) fonts.push(file);
      if (r.url().includes('/modules/')) modules.push(file);
    });
    const page = await openExplorer(context, shared.server.url, {
      route: {
        pattern: '**/assets/article.json',
        handler: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: text }),
      },
    });
    assert.equal(page.readyError, null, `explorer.ready rejected: ${JSON.stringify(page.readyError)}`);
    await settle(page, 60_000);
    await fn(page, fonts, modules);
    const errors = page.consoleLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

// The columns with ink in a PNG: [first, last] x where a pixel differs clearly from the
// top-left one (the background), or null for none.
function inkSpan(png) {
  const { width, height, rgba } = decodePng(png);
  const bg = [rgba[0], rgba[1], rgba[2]];
  let first = -1, last = -1;
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      const i = (y * width + x) * 4;
      if (Math.abs(rgba[i] - bg[0]) + Math.abs(rgba[i + 1] - bg[1]) + Math.abs(rgba[i + 2] - bg[2]) > 120) {
        if (first < 0) first = x;
        last = x;
        break;
      }
    }
  }
  return first < 0 ? null : [first, last];
}

test('an Arabic article: fetched Arabic font, search finds الأمن with scores', async () => {
  await withArticle('arabic', async (page, fonts) => {
    assert.deepEqual(fonts, ['noto-sans-arabic.ttf']);
    const result = await page.evaluate(() => window.explorer.query({ text: 'الأمن' }));
    const ids = result.paragraphs.map((p) => p.id).sort();
    assert.deepEqual(ids, ['p1', 'p2']);
    for (const p of result.paragraphs) assert.ok(p.score > 0, `${p.id} scores ${p.score}`);
    await shot(page, 'arabic-reader');
    await page.evaluate(() => window.explorer.setState({ view: 'glossary' }));
    await settle(page);
    await shot(page, 'arabic-glossary');
  });
});

test('a Russian article: the extra Noto Sans faces, Russian stemming', async () => {
  await withArticle('russian', async (page, fonts) => {
    assert.deepEqual(fonts.sort(), ['noto-sans-extra-bold.ttf', 'noto-sans-extra-regular.ttf']);
    const result = await page.evaluate(() => window.explorer.query({ text: 'безопасности' }));
    assert.deepEqual(result.paragraphs.map((p) => p.id).sort(), ['p1', 'p2']);
    await page.evaluate(() => window.explorer.setState({ query: 'партнёрства' }));
    await settle(page);
    await shot(page, 'russian-reader');
  });
});

test('a Chinese article: no font fetched, the browser draws the characters', async () => {
  await withArticle('chinese', async (page, fonts) => {
    assert.deepEqual(fonts, []);
    const result = await page.evaluate(() => window.explorer.query({ text: '乔治三世' }));
    assert.deepEqual(result.paragraphs.map((p) => p.id), ['p2']);
    await shot(page, 'chinese-reader');
    await page.evaluate(() => window.explorer.setState({ view: 'map' }));
    await settle(page);
    await shot(page, 'chinese-map');
  });
});

test('a French article: accents folded in search, translations named by language', async () => {
  await withArticle('french', async (page) => {
    for (const [q, id] of [['Quebec', 'p2'], ['etats-unis', 'p2'], ['ETATS UNIS', 'p2']]) {
      const result = await page.evaluate((q) => window.explorer.query({ text: q }), q);
      assert.deepEqual(result.paragraphs.map((p) => p.id), [id], q);
    }
    await page.evaluate(() => window.explorer.setState({ selection: { kind: 'concept', id: 'security' } }));
    await settle(page);
    // The mirror names the translations' languages and marks them with lang.
    const langs = await page.evaluate(() => [...document.querySelectorAll('[data-id^="details/alias/"][lang]')]
      .map((e) => [e.getAttribute('lang'), e.textContent]));
    assert.deepEqual(langs.map(([l]) => l), ['en', 'ru', 'ar']);
    assert.match(langs[1][1], /\(Russian\)/);
    await shot(page, 'french-details');
  });
});

test('French, Russian and Arabic words stemmed in the browser by the stemmers module, fetched for them only', async () => {
  // English is compiled in; the other languages' Snowball stemmers are
  // modules/stemmers.wasm, which the page fetches before it reads such an article.
  for (const [name, queries] of [
    ['french', [['régional', ['p3']], ['régionale', ['p3']]]],
    ['russian', [['доверие', ['p2']], ['экономический', ['p3']]]], ['arabic', null]]) {
    await withArticle(name, async (page, _fonts, fetched) => {
      assert.ok(fetched.includes('stemmers.wasm'), `${name}: the stemmers module fetched (${fetched})`);
      for (const [q, ids] of queries || []) {
        const result = await page.evaluate((q) => window.explorer.query({ text: q }), q);
        assert.deepEqual(result.paragraphs.map((p) => p.id), ids, `${name}: ${q}`);
      }
    });
  }
  // Not there (offline, a 404): the article is read all the same, unstemmed, and the
  // console says why.
  {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const text = fs.readFileSync(path.join(ROOT, 'tests', 'data', 'french.json'), 'utf8');
      const page = await openExplorer(context, shared.server.url, {
        route: {
          pattern: /\/(assets\/article\.json|modules\/stemmers\.wasm)$/,
          handler: (route) => (route.request().url().endsWith('.wasm') ? route.fulfill({ status: 404, body: '' })
            : route.fulfill({ status: 200, contentType: 'application/json', body: text })),
        },
      });
      assert.equal(page.readyError, null);
      assert.ok(page.consoleLines.some((l) => /stemmers\.wasm could not be loaded/.test(l)), page.consoleLines.join('\n'));
      const result = await page.evaluate(() => window.explorer.query({ text: 'régionale' }));
      assert.deepEqual(result.paragraphs.map((p) => p.id), [], 'unstemmed');
      const exact = await page.evaluate(() => window.explorer.query({ text: 'régionales' }));
      assert.deepEqual(exact.paragraphs.map((p) => p.id), ['p3'], 'as written');
    } finally {
      await context.close();
    }
  }
  // The shipped article (English) does without it.
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const fetched = [];
    context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    const page = await openExplorer(context, shared.server.url);
    assert.equal(page.readyError, null);
    assert.ok(!fetched.some((p) => p.includes('stemmers')), `English: ${fetched.join(' ')}`);
    const result = await page.evaluate(() => window.explorer.query({ text: 'cooperating' }));
    assert.ok(result.paragraphs.length > 3, 'English stemmed: "cooperating" finds "cooperation"');
  } finally {
    await context.close();
  }
});

test('Arabic outside the passages: the title and headings right-aligned and shaped, details, map labels and PNG', async () => {
  await withArticle('arabic', async (page) => {
    // The title and the first heading stand at the right of their column (the reader's
    // layout, core bidi), not at its left as left-to-right text does.
    for (const id of ['reader/title', 'section/s1']) {
      const box = await page.locator(`.wwe-mirror [data-id="${id}"]`).boundingBox();
      assert.ok(box && box.width > 200, `${id} is placed: ${JSON.stringify(box)}`);
      const span = inkSpan(await page.screenshot({ clip: box }));
      assert.ok(span, `${id} has ink`);
      assert.ok(span[0] > box.width * 0.3, `${id}: ink from ${span[0]} px of ${Math.round(box.width)}: right-aligned`);
      assert.ok(span[1] > box.width - 30, `${id}: ink to ${span[1]} px of ${Math.round(box.width)}`);
    }
    await shot(page, 'arabic-title-headings');
    await page.evaluate(() => window.explorer.setState({ selection: { kind: 'concept', id: 'security' } }));
    await settle(page);
    await shot(page, 'arabic-details');
    await page.evaluate(() => window.explorer.setState({ view: 'map', selection: null }));
    await settle(page);
    await shot(page, 'arabic-map');
    // The SVG keeps the labels' text in logical order, saying they are right to left (the
    // viewer shapes and orders them); the PNG is drawn from it.
    const svg = await page.evaluate(() => window.explorer.exportSvg());
    const rtl = svg.match(/<text [^>]*direction="rtl"[^>]*>[^<]*[\u0600-\u06ff][^<]*<\/text>/g) || [];
    assert.ok(rtl.length >= 3, `right-to-left labels in the SVG: ${rtl.length}`);
    assert.ok(!/[\ufe70-\ufeff]/.test(svg), 'no presentation forms in the SVG (the viewer shapes)');
    const download = await exportMapPng(page);
    const file = path.join(SHOTS, 'arabic-map-export.png');
    await download.saveAs(file);
    const png = decodePng(fs.readFileSync(file));
    assert.ok(png.width > 400 && png.height > 300);
  });
});

test('Arabic node types in the details panel and the Entities table; labels holding "##" shown whole', async () => {
  await withArticle('arabic', async (page) => {
    await page.evaluate(() => window.explorer.setState({ view: 'entities', selection: { kind: 'concept', id: 'security' } }));
    await settle(page);
    await shot(page, 'arabic-types-entities-details');
    // The order of the drawn glyphs is checked natively (tests/ui/test_bidi_views.cpp); here
    // the shot is looked at, with the selection applied.
    const state = await page.evaluate(() => window.explorer.getState());
    assert.equal(state.view, 'entities');
    assert.equal(state.selection.id, 'security');
  }, (doc) => {
    doc.node_types[0].label = '\u0641\u0643\u0631\u0629';  // فكرة (idea)
    doc.node_types[1].label = '\u0647\u064a\u0626\u0629';  // هيئة (body)
  });
  await withArticle('french', async (page) => {
    await page.evaluate(() => window.explorer.setState({ view: 'entities' }));
    await settle(page);
    await shot(page, 'hash-labels');
    const facets = await page.evaluate(() => window.explorer.article().article.facets);
    assert.equal(facets[0].values[0].label, 'a##b');
  }, (doc) => {
    doc.facets[0].values[0].label = 'a##b';
    doc.entities[0].label = 'a##b';  // a row of the Entities table
    doc.entities[0].match = false;
  });
});
