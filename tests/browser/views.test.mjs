// Browser end-to-end tests of the linked views (issue 3): view tabs and keys, the concept
// map (node clicks from explorer.mapNodes(), dimming by filters), the matrix, exports
// (SVG, Markdown, CSV) and the exploration history (Alt+Left / Alt+Right, Ctrl+Z).
//
// Expected results are computed from the served article JSON, so the tests hold for any
// article annotated in the format (docs/data-format.md).
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  launch, serveDist, openExplorer, exportMapPng, distinctColours, decodePng, countDraws, draws, settle, clock, nextFrame, press, typeText,
  browserFrames, DIST,
} from './browser.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 90_000 }, fn);
const VIEWS = ['reader', 'map', 'matrix', 'timeline', 'entities', 'glossary', 'contrasts', 'contexts', 'terms'];
const SHOTS = process.env.WWE_SCREENSHOT_DIR; // optional: keep the screenshots for a look

let browser;
let server;
let article;

before(async () => {
  article = JSON.parse(fs.readFileSync(path.join(DIST, 'assets', 'article.json'), 'utf8'));
  server = await serveDist();
  browser = await launch();
  if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function withExplorer(fn, { viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  try {
    const page = await openExplorer(context, server.url);
    assert.equal(page.readyError, null, `explorer.ready rejected: ${JSON.stringify(page.readyError)}`);
    return await fn(page);
  } finally {
    await context.close();
  }
}

const getState = (page) => page.evaluate(() => window.explorer.getState());
const setState = (page, s) => page.evaluate((x) => window.explorer.setState(x), s);
const nodes = () => [...article.concepts, ...article.entities];

// The map's nodes once the app is still: its layout done and eased in.
async function settledMapNodes(page) {
  await settle(page);
  const nodes = await page.evaluate(() => window.explorer.mapNodes());
  assert.ok(nodes.length > 0, 'the map has drawn its nodes');
  return nodes;
}

test('each view draws on the canvas (tabs by state and by keys 1-9)', async () => {
  await withExplorer(async (page) => {
    for (const view of VIEWS) {
      assert.deepEqual(await setState(page, { view }), []);
      await settle(page);
      assert.equal((await getState(page)).view, view);
      const png = await page.screenshot();
      if (SHOTS) fs.writeFileSync(path.join(SHOTS, `view-${view}.png`), png);
      const colours = distinctColours(png);
      assert.ok(colours >= 8, `${view}: only ${colours} distinct colours`);
    }
    // Keys switch views (not while typing in a text box).
    await page.mouse.move(640, 500);
    for (const [key, view] of [['2', 'map'], ['3', 'matrix'], ['1', 'reader']]) {
      await press(page, key);
      assert.equal((await getState(page)).view, view, `key ${key}`);
    }
  });
});

// True when (x, y) is more than 10 px from every relation drawn between visible nodes.
function clearOfEdges(drawn, x, y) {
  const at = Object.fromEntries(drawn.map((n) => [n.id, n]));
  return article.relations.every((r) => {
    const a = at[r.source], b = at[r.target];
    if (!a || !b || !a.visible || !b.visible) return true;
    const dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy || 1;
    const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / len2));
    return Math.hypot(a.x + t * dx - x, a.y + t * dy - y) > 10;
  });
}

test('map: clicking a node selects it; the reader then marks its passages', async () => {
  await withExplorer(async (page) => {
    await setState(page, { view: 'map' });
    const drawn = await settledMapNodes(page);
    assert.equal(drawn.length, nodes().length, 'one drawn node per concept and entity');
    // The biggest visible node that is not under another node's disc.
    const candidates = drawn.filter((n) => n.visible && !n.dimmed).sort((a, b) => b.r - a.r);
    const target = candidates.find((n) => !drawn.some((o) => o !== n && Math.hypot(o.x - n.x, o.y - n.y) < o.r + 4));
    assert.ok(target, 'a node clear of the others');
    await page.mouse.click(target.x, target.y);
    await settle(page);
    let state = await getState(page);
    assert.deepEqual(state.selection && state.selection.id, target.id);
    const kind = article.concepts.some((c) => c.id === target.id) ? 'concept' : 'entity';
    assert.equal(state.selection.kind, kind);
    // Switch to the reader with its tab key: the selection stays, its mentions are marked.
    await page.keyboard.press('1');
    await settle(page);
    state = await getState(page);
    assert.equal(state.view, 'reader');
    assert.equal(state.selection.id, target.id);
    // Its passages carry a bar in the accent colour (#1F6F9F) in the reader's gutter.
    const { width, height, rgba } = decodePng(await page.screenshot());
    let marked = 0;
    for (let y = 120; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        if (Math.abs(rgba[i] - 0x1f) < 6 && Math.abs(rgba[i + 1] - 0x6f) < 6 && Math.abs(rgba[i + 2] - 0x9f) < 6) marked++;
      }
    }
    // (The filter-chip row keeps its room even when empty, so less of passage 2 shows than
    // before: a bar of 20-odd lines of 3 px is enough.)
    assert.ok(marked > 40, `the selected node's passages are marked in the reader (${marked} px)`);
    // Clicking the map background clears the selection.
    await page.keyboard.press('2');
    const again = await settledMapNodes(page);
    const box = await page.evaluate(() => document.getElementById('canvas').getBoundingClientRect().toJSON());
    let empty = null;
    for (let y = box.y + 250; y < box.y + box.height - 60 && !empty; y += 17) {
      for (let x = box.x + 320; x < box.x + 700 && !empty; x += 17) {
        if (again.every((n) => Math.hypot(n.x - x, n.y - y) > n.r + 30) && clearOfEdges(again, x, y)) empty = { x, y };
      }
    }
    assert.ok(empty, 'an empty spot on the map');
    await page.mouse.click(empty.x, empty.y);
    await settle(page);
    assert.equal((await getState(page)).selection, null);
  });
});

test('map: choosing a facet value dims the nodes it excludes', async () => {
  await withExplorer(async (page) => {
    await setState(page, { view: 'map' });
    const all = await settledMapNodes(page);
    assert.equal(all.filter((n) => n.dimmed).length, 0, 'nothing dimmed without filters');
    const facet = article.facets[0];
    const value = facet.values.find((v) => article.passages.some((p) => (p.facets?.[facet.id] || []).includes(v.id)));
    await setState(page, { facets: { [facet.id]: [value.id] } });
    await settle(page);
    const filtered = await page.evaluate(() => window.explorer.mapNodes());
    const dimmed = filtered.filter((n) => n.dimmed).length;
    assert.ok(dimmed > 0, 'some nodes are dimmed');
    assert.ok(dimmed < filtered.length, 'some nodes stay bright');
    // Bright nodes are exactly those the query lists as mentioned in the result.
    const result = await page.evaluate((f) => window.explorer.query({ facets: f }), { [facet.id]: [value.id] });
    const listed = new Set([...result.concepts, ...result.entities].map((n) => n.id));
    for (const n of filtered.filter((x) => !x.dimmed)) assert.ok(listed.has(n.id), `${n.id} is bright and in the result`);
  });
});

// Where the matrix draws a non-empty cell: a run of the shaded-cell blue (b >> r) in the
// table area, found in a screenshot.
function findShadedCell(png) {
  const { width, height, rgba } = decodePng(png);
  const blue = (x, y) => {
    const i = (y * width + x) * 4;
    return rgba[i + 2] > rgba[i] + 60 && rgba[i + 2] > 120;
  };
  for (let y = Math.floor(height * 0.2); y < height - 20; y += 3) {
    for (let x = Math.floor(width * 0.3); x < width - 20; x += 3) {
      if (blue(x, y) && blue(x + 15, y) && blue(x, y + 10) && blue(x + 15, y + 10)) return { x: x + 8, y: y + 6 };
    }
  }
  return null;
}

test('matrix: clicking a cell filters the reader to the same passages as the facet query', async () => {
  await withExplorer(async (page) => {
    await setState(page, { view: 'matrix' });
    await settle(page);
    const at = findShadedCell(await page.screenshot());
    assert.ok(at, 'a non-empty cell is drawn');
    await page.mouse.click(at.x, at.y);
    await settle(page);
    const state = await getState(page);
    assert.equal(state.view, 'reader');
    const [rows, cols] = [article.facets[0].id, article.facets[1].id];
    assert.equal(state.facets[rows]?.length, 1, JSON.stringify(state.facets));
    assert.equal(state.facets[cols]?.length, 1, JSON.stringify(state.facets));
    const [r, c] = [state.facets[rows][0], state.facets[cols][0]];
    const expected = article.passages
      .filter((p) => (p.facets?.[rows] || []).includes(r) && (p.facets?.[cols] || []).includes(c))
      .map((p) => p.id);
    assert.ok(expected.length > 0, 'the clicked cell was not empty');
    const result = await page.evaluate((f) => window.explorer.query({ facets: f }), state.facets);
    assert.deepEqual(result.paragraphs.map((p) => p.id), expected);
  });
});

test('exports: SVG with <text> labels, Markdown with a citation per passage, CSV per entity', async () => {
  await withExplorer(async (page) => {
    await setState(page, { view: 'map' });
    await settledMapNodes(page);
    const svg = await page.evaluate(() => window.explorer.exportSvg());
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        root: doc.documentElement.localName,
        texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent),
        shapes: doc.querySelectorAll('circle, rect, polygon').length,
      };
    }, svg);
    assert.equal(parsed.error, false, 'the SVG parses as XML');
    assert.equal(parsed.root, 'svg');
    assert.ok(parsed.texts.length >= 5, `labels as <text> (${parsed.texts.length})`);
    const labels = new Set(nodes().map((n) => n.label));
    assert.ok(parsed.texts.some((t) => labels.has(t)), 'a <text> is a node label');
    assert.ok(parsed.shapes >= nodes().length, 'every node is drawn');

    const facet = article.facets[article.facets.length - 1];
    const value = facet.values[0];
    await setState(page, { facets: { [facet.id]: [value.id] } });
    const md = await page.evaluate(() => window.explorer.exportMarkdown());
    const shown = await page.evaluate((f) => window.explorer.query({ facets: f }), { [facet.id]: [value.id] });
    const citations = md.split('\n').filter((l) => l.startsWith('\u2014 ') && l.includes(article.meta.author.name));
    assert.equal(citations.length, shown.paragraphs.length, 'one citation per passage shown');
    for (const p of shown.paragraphs) assert.ok(citations.some((c) => c.endsWith(`\u00b6${p.index}`)), `passage ${p.index} cited`);
    assert.equal(md.split('\n').filter((l) => l.startsWith('> ')).length, shown.paragraphs.length, 'one quote per passage');

    const csv = await page.evaluate(() => window.explorer.exportCsv());
    const records = parseCsv(csv);
    assert.deepEqual(records[0].slice(0, 3), ['id', 'label', 'type']);
    const rows = records.slice(1).filter((r) => r.length > 1);
    assert.equal(rows.length, article.entities.length, 'one row per entity');
    assert.deepEqual(rows.map((r) => r[0]).sort(), article.entities.map((e) => e.id).sort());
  });
});

test('PNG export: the map at 2x from its SVG, with the title and source under it and no UI hint', async () => {
  await withExplorer(async (page) => {
    await setState(page, { view: 'map' });
    await settledMapNodes(page);
    const svg = await page.evaluate(() => window.explorer.exportSvg());
    const [, w, h] = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg).map(Number);
    const caption = svg.slice(svg.indexOf('<g class="caption">'));
    assert.ok(caption.includes('>' + article.meta.title.replace(/&/g, '&amp;') + '</text>'), 'the title under the map');
    assert.ok(caption.includes(article.meta.author.name), 'the source under the map');
    // Through the Export menu, by keyboard (the same command as the canvas's item).
    const file = await exportMapPng(page);
    assert.equal(file.suggestedFilename(), 'concept-map.png');
    const png = decodePng(fs.readFileSync(await file.path()));
    assert.equal(png.width, Math.round(2 * w), 'twice the SVG\'s width');
    assert.equal(png.height, Math.round(2 * h), 'twice its height, the caption band included');
    // The caption band is drawn: it has pixels other than the background's.
    const at = (x, y) => png.rgba.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3);
    const bg = at(2, png.height - 2).join();
    let ink = 0;
    for (let y = png.height - 90; y < png.height; y++) for (let x = 0; x < png.width; x += 2) if (at(x, y).join() !== bg) ink++;
    assert.ok(ink > 200, `text in the caption band (${ink} pixels)`);
    if (SHOTS) fs.copyFileSync(await file.path(), path.join(SHOTS, 'concept-map-export.png'));
  });
});

// RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { record.push(field); field = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length) { record.push(field); records.push(record); }
  return records;
}

test('history: Alt+Left / Alt+Right walk the states; Ctrl+Z undoes the last filter change', async () => {
  await withExplorer(async (page) => {
    const facet = article.facets[0];
    const value = facet.values[0].id;
    await page.mouse.move(640, 500);
    const steps = [{ view: 'map' }, { view: 'matrix' }, { facets: { [facet.id]: [value] } }];
    for (const s of steps) {
      await setState(page, s);  // a history step at once
      await nextFrame(page);
    }
    const summary = async () => {
      const s = await getState(page);
      return `${s.view}|${JSON.stringify(s.facets)}`;
    };
    const filtered = `matrix|${JSON.stringify({ [facet.id]: [value] })}`;
    assert.equal(await summary(), filtered);
    const walk = [
      ['Alt+ArrowLeft', 'matrix|{}'],
      ['Alt+ArrowLeft', 'map|{}'],
      ['Alt+ArrowLeft', 'reader|{}'],
      ['Alt+ArrowLeft', 'reader|{}'], // the start: nothing further back
      ['Alt+ArrowRight', 'map|{}'],
      ['Alt+ArrowRight', 'matrix|{}'],
      ['Alt+ArrowRight', filtered],
    ];
    for (const [key, expected] of walk) {
      await press(page, key);
      assert.equal(await summary(), expected, `after ${key}`);
    }
    // A new state after going back drops the forward states.
    await press(page, 'Alt+ArrowLeft');
    await setState(page, { view: 'timeline' });
    await nextFrame(page);
    await press(page, 'Alt+ArrowRight');
    assert.equal(await summary(), 'timeline|{}', 'no forward state after a new one');
    // Undo: the last filter change only.
    await setState(page, { facets: { [facet.id]: [value] } });
    await nextFrame(page);
    await setState(page, { query: 'cooperation' });
    await clock(page, 1); // the search text settles (0.8 s) before it is recorded
    await press(page, 'Control+z');
    let s = await getState(page);
    assert.equal(s.query, '');
    assert.deepEqual(s.facets, { [facet.id]: [value] });
    await press(page, 'Control+z');
    s = await getState(page);
    assert.deepEqual(s.facets, {});
    assert.equal(s.view, 'timeline', 'undo leaves the view alone');
  });
});

test('history: typing a search records one state once it settles, not one per key', async () => {
  await withExplorer(async (page) => {
    await page.mouse.move(640, 400);
    await page.keyboard.press('/');
    // The search field (the page's mirror over the canvas) has the focus.
    await page.waitForFunction(() => document.activeElement?.type === 'search', null, { timeout: 5000 });
    await page.keyboard.type('trade'); // a DOM field: every key lands, whatever the frames
    await clock(page, 1); // typing paused: the text settles
    assert.equal((await getState(page)).query, 'trade');
    await press(page, 'Tab'); // leave the search box
    await page.mouse.click(120, 760); // the facet panel's empty bottom
    await nextFrame(page, 3); // the press, the release, and a frame after it
    await press(page, 'Alt+ArrowLeft');
    assert.equal((await getState(page)).query, '', 'one step back is before the search');
    await press(page, 'Alt+ArrowRight');
    assert.equal((await getState(page)).query, 'trade', 'and forward is the whole word');
  });
});

test('map: a two-finger pinch zooms about the fingers (and is no click, even with the first finger on a node)', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  try {
    const page = await openExplorer(context, server.url);
    assert.equal(page.readyError, null);
    await setState(page, { view: 'map', map: { zoom: 1, x: 0, y: 0 } });
    const drawn = await settledMapNodes(page);
    const visible = drawn.filter((n) => n.visible);
    const mx = visible.reduce((a, n) => a + n.x, 0) / visible.length;
    const my = visible.reduce((a, n) => a + n.y, 0) / visible.length;
    // The first finger lands on a node (the one nearest the middle): a pinch is no tap on it.
    const near = visible.reduce((b, n) => (Math.hypot(n.x - mx, n.y - my) < Math.hypot(b.x - mx, b.y - my) ? n : b));
    const cx = near.x + 40, cy = near.y;
    const cdp = await context.newCDPSession(page);
    const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: points.map(([x, y], id) => ({ x, y, id, radiusX: 2, radiusY: 2, force: 1 })),
    });
    // A frame after each event: the fingers land one after the other, then move.
    await touch('touchStart', [[cx - 40, cy]]);
    await nextFrame(page);
    await touch('touchStart', [[cx - 40, cy], [cx + 40, cy]]);
    await nextFrame(page);
    for (let d = 50; d <= 120; d += 10) {
      await touch('touchMove', [[cx - d, cy], [cx + d, cy]]);
      await nextFrame(page);
    }
    await touch('touchEnd', []);
    await settle(page);
    const state = await getState(page);
    assert.ok(state.map.zoom > 2.2 && state.map.zoom < 3.8, `zoom ${state.map.zoom} after pinching 80 -> 240 px`);
    assert.equal(state.selection, null, 'the pinch selected nothing');
  } finally {
    await context.close();
  }
});

test('map idle: once the layout converged, nothing is drawn without input', async () => {
  await withExplorer(async (page) => {
    await setState(page, { view: 'map' });
    await settledMapNodes(page);
    await countDraws(page);
    await settle(page);
    const before = await draws(page);
    await browserFrames(page, 20); // twenty chances to draw
    assert.equal(await draws(page), before, 'no draw calls while the map is still');
  });
});
