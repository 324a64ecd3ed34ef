// A link reproduces the map: pin two nodes by dragging them, colour the nodes by a facet,
// select an edge by clicking it, take the link — and a fresh browser opens exactly that
// picture (the same state, the same node positions, the same pixels).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { decodePng, openExplorer, useBrowser, DIST } from './browser.mjs';

const shared = useBrowser(before, after);
const article = JSON.parse(fs.readFileSync(path.join(DIST, 'assets', 'article.json'), 'utf8'));
const VIEWPORT = { width: 1280, height: 800 };

const idle = (page) => page.evaluate(() => window.explorer.idle());
const state = (page) => page.evaluate(() => window.explorer.getState());
const nodesOf = (page) => page.evaluate(() => window.explorer.mapNodes());

// Drags from (x0, y0) to (x1, y1), a frame per step, as a hand would.
async function drag(page, x0, y0, x1, y1, steps = 10) {
  await page.mouse.move(x0, y0);
  await page.evaluate(() => window.explorer.nextFrame());
  await page.mouse.down();
  await page.evaluate(() => window.explorer.nextFrame());
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps);
    await page.evaluate(() => window.explorer.nextFrame());
  }
  await page.mouse.up();
  await idle(page);
}

// True when no node's target (its radius plus a margin) covers (x, y).
const clearOfNodes = (nodes, x, y, margin = 10) => nodes.every((n) => !n.visible || Math.hypot(n.x - x, n.y - y) > n.r + margin);

// The fraction of pixels that differ between two PNGs of the same size.
function pixelDifference(a, b) {
  const pa = decodePng(a), pb = decodePng(b);
  assert.equal(pa.width, pb.width);
  assert.equal(pa.height, pb.height);
  let differ = 0;
  for (let i = 0; i < pa.rgba.length; i += 4) {
    const d = Math.abs(pa.rgba[i] - pb.rgba[i]) + Math.abs(pa.rgba[i + 1] - pb.rgba[i + 1]) + Math.abs(pa.rgba[i + 2] - pb.rgba[i + 2]);
    if (d > 24) differ++;
  }
  return differ / (pa.width * pa.height);
}

test('a link copied after pinning two nodes, colouring by Front and selecting an edge reopens exactly that picture', async () => {
  const first = await shared.browser.newContext({ viewport: VIEWPORT });
  let fragment, want, picture, wantNodes, clip;
  try {
    const page = await openExplorer(first, `${shared.server.url}index.html#v=map`);
    assert.equal(page.readyError, null);
    await idle(page);

    // Pin two bright, well-separated nodes: drag each 70 px to the right and down.
    const ids = [];
    for (let k = 0; k < 2; k++) {
      const nodes = await nodesOf(page);
      const candidate = nodes
        .filter((n) => n.visible && !n.dimmed && n.r >= 5 && !ids.includes(n.id))
        .find((n) => clearOfNodes(nodes.filter((m) => m.id !== n.id), n.x + 70, n.y + 40, 20) && n.x < 900 && n.y < 650);
      assert.ok(candidate, 'a node with room to move it');
      await drag(page, candidate.x, candidate.y, candidate.x + 70, candidate.y + 40);
      ids.push(candidate.id);
    }
    let s = await state(page);
    assert.deepEqual(Object.keys(s.map.pins).sort(), [...ids].sort(), 'both nodes are pinned');

    // Colour by Front, as the map's option does.
    await page.evaluate(() => window.explorer.setState({ map: { color: 'front' } }));
    await idle(page);

    // Click the middle of a relation whose ends are visible and away from every node.
    const nodes = await nodesOf(page);
    const byId = Object.fromEntries(nodes.map((n) => [n.id, n]));
    const relation = article.relations.find((r) => {
      const a = byId[r.source], b = byId[r.target];
      if (!a || !b || !a.visible || !b.visible || Math.hypot(a.x - b.x, a.y - b.y) < 80) return false;
      return clearOfNodes(nodes, (a.x + b.x) / 2, (a.y + b.y) / 2, 12);
    });
    assert.ok(relation, 'a relation to click');
    const [a, b] = [byId[relation.source], byId[relation.target]];
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2);
    await page.evaluate(() => window.explorer.nextFrame());
    await page.mouse.down();
    await page.evaluate(() => window.explorer.nextFrame());
    await page.mouse.up();
    await idle(page);
    s = await state(page);
    assert.deepEqual(s.selection, { kind: 'relation', id: relation.id }, 'the click selected the edge');
    assert.equal(s.map.color, 'front');

    // The picture, without the pointer's hover marks.
    await page.mouse.move(5, 795);
    await idle(page);
    fragment = await page.evaluate(() => window.explorer.fragment());
    want = await state(page);
    wantNodes = await nodesOf(page);
    const xs = wantNodes.filter((n) => n.visible).map((n) => n.x), ys = wantNodes.filter((n) => n.visible).map((n) => n.y);
    clip = { x: Math.max(0, Math.min(...xs) - 20), y: Math.max(0, Math.min(...ys) - 20) };
    clip.width = Math.min(VIEWPORT.width - clip.x, Math.max(...xs) + 20 - clip.x);
    clip.height = Math.min(VIEWPORT.height - clip.y, Math.max(...ys) + 20 - clip.y);
    picture = await page.screenshot({ clip });
    assert.match(fragment, /^ver=2&/);
    assert.match(fragment, /&pin=/);
    assert.match(fragment, /&c=front/);
    assert.match(fragment, new RegExp(`sel=relation:${relation.id}`));
  } finally {
    await first.close();
  }

  // A fresh browser context (no cache, no storage) opens the link.
  const second = await shared.browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await openExplorer(second, `${shared.server.url}index.html#${fragment}`);
    assert.equal(page.readyError, null);
    await page.mouse.move(5, 795);
    await idle(page);
    assert.deepEqual(await state(page), want, 'the same view state');
    assert.deepEqual((await page.evaluate(() => window.explorer.notice())).problems, []);
    const got = await nodesOf(page);
    assert.equal(got.length, wantNodes.length);
    for (let i = 0; i < got.length; i++) {
      const [g, w] = [got[i], wantNodes[i]];
      assert.equal(g.id, w.id);
      assert.ok(Math.abs(g.x - w.x) < 0.5 && Math.abs(g.y - w.y) < 0.5, `${g.id} at (${g.x}, ${g.y}), was (${w.x}, ${w.y})`);
      assert.equal(g.dimmed, w.dimmed, `${g.id} dimmed`);
      assert.equal(g.labelled, w.labelled, `${g.id} labelled`);
    }
    const again = await page.screenshot({ clip });
    const diff = pixelDifference(picture, again);
    assert.ok(diff < 0.001, `the same pixels (${(diff * 100).toFixed(3)}% differ)`);
  } finally {
    await second.close();
  }
});

test('an older link (no ver) opens with its map position dropped, and says so', async () => {
  const context = await shared.browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await openExplorer(context, `${shared.server.url}index.html#v=map&mv=120,-40,2.5&sel=entity:belt-and-road`);
    assert.equal(page.readyError, null);
    await idle(page);
    const s = await state(page);
    assert.equal(s.version, 2);
    assert.equal(s.view, 'map');
    assert.deepEqual(s.selection, { kind: 'entity', id: 'belt-and-road' });
    assert.equal(s.map.zoom, 0, 'the map fits itself');
    const notice = await page.evaluate(() => window.explorer.notice());
    assert.equal(notice.problems.length, 1);
    assert.match(notice.problems[0], /#mv/);
    assert.match(await page.evaluate(() => location.hash), /^#ver=2&v=map/, 'the address now holds the current link');
  } finally {
    await context.close();
  }
});
