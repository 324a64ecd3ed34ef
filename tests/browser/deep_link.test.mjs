// Deep links: the view state in the URL fragment (core/deep_link.hpp, platform/url_state).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { nextFrame, openExplorer, settle, useBrowser, waitState } from './browser.mjs';

const shared = useBrowser(before, after);

async function withPage(hash, fn) {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openExplorer(context, shared.server.url + (hash ? '#' + hash : ''));
    assert.equal(page.readyError, null);
    await nextFrame(page);  // (not settle: a link's search may match nothing, see settle)
    await fn(page);
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror')), []);
  } finally {
    await context.close();
  }
}

const state = (page) => page.evaluate(() => window.explorer.getState());

test('a link opens exactly its view', async () => {
  const hash = 'v=map&f.front=economic&q=belt&sel=entity:belt-and-road&d=2';
  await withPage(hash, async (page) => {
    const s = await state(page);
    assert.equal(s.view, 'map');
    assert.deepEqual(s.facets, { front: ['economic'] });
    assert.equal(s.query, 'belt');
    assert.deepEqual(s.selection, { kind: 'entity', id: 'belt-and-road' });
    assert.equal(s.map.depth, 2);
  });
});

test('random states round-trip through the URL', async () => {
  await withPage('', async (page) => {
    const views = ['reader', 'map', 'matrix', 'timeline', 'entities', 'glossary', 'contrasts', 'contexts', 'terms'];
    let seed = 7;
    const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let round = 0; round < 12; round++) {
      const wanted = {
        view: views[rand(views.length)],
        facets: rand(2) ? { dimension: ['security', 'ecology'].slice(0, 1 + rand(2)) } : {},
        query: ['', 'win-win', '一带一路', '"zero-sum game" & more'][rand(4)],
        selection: rand(2) ? { kind: 'concept', id: 'win-win-cooperation' } : null,
        map: { edges: ['relations', 'cooccurrence', 'both'][rand(3)], min_weight: 1 + rand(5), depth: 1 + rand(2) },
      };
      await page.evaluate((s) => window.explorer.setState(s), wanted);
      await nextFrame(page); // the frame after a change writes the address
      const written = await page.evaluate(() => location.hash);
      assert.ok(written.startsWith('#ver=2&v='), written);
      const url = shared.server.url + written;
      const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const other = await openExplorer(context, url);
      const got = await state(other);
      const want = await state(page);
      await context.close();
      for (const key of ['view', 'facets', 'query', 'selection']) assert.deepEqual(got[key], want[key], `${key} via ${url}`);
      for (const key of ['edges', 'min_weight', 'depth']) assert.equal(got.map[key], want.map[key], `map.${key}`);
    }
  });
});

test('garbage or stale links give a notice and a working app', async () => {
  await withPage('v=globe&f.front=naval&sel=concept:nowhere&zz=%ZZ&q=ok', async (page) => {
    const s = await state(page);
    assert.equal(s.view, 'reader');
    assert.deepEqual(s.facets, {});
    assert.equal(s.query, 'ok');
    assert.ok(!(await page.evaluate(() => location.hash)).includes('globe'), 'the URL keeps only what was used');
    const result = await page.evaluate(() => window.explorer.query({ text: 'security' }));
    assert.ok(result.paragraphs.length > 0);
  });
});

test("the browser's back and forward walk the exploration", async () => {
  await withPage('', async (page) => {
    await page.evaluate(() => window.explorer.setState({ view: 'matrix' }));
    await settle(page);
    await page.evaluate(() => window.explorer.setState({ facets: { front: ['security'] } }));
    await settle(page);
    // The address changes, the app hears of it (popstate) and opens the link.
    await page.goBack();
    await waitState(page, (x) => !x.facets.front, 'the filter gone after going back');
    let s = await state(page);
    assert.equal(s.view, 'matrix');
    assert.deepEqual(s.facets, {});
    await page.goForward();
    await waitState(page, (x) => !!x.facets.front, 'the filter back after going forward');
    s = await state(page);
    assert.deepEqual(s.facets, { front: ['security'] });
  });
});
