// Hostile input in the browser (issue 14): the article's bytes are checked by the core as in
// the CLI (invalid UTF-8 is refused, not replaced), a refused deep setState leaks nothing,
// and one bad facet id never wipes the reader's filters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, openExplorer, settle, useBrowser } from './browser.mjs';

const shared = useBrowser(before, after);

async function withContext(fn) {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    return await fn(context);
  } finally {
    await context.close();
  }
}

test('an article with invalid UTF-8 is refused with the CLI\'s message, not decoded unseen', async () => {
  const good = fs.readFileSync(path.join(DIST, 'assets', 'article.json'));
  const at = good.indexOf(Buffer.from('"text"'));
  const bad = Buffer.concat([good.subarray(0, at + 9), Buffer.from([0xff]), good.subarray(at + 9)]);
  await withContext(async (context) => {
    const page = await openExplorer(context, shared.server.url, {
      route: { pattern: '**/assets/article.json', handler: (route) => route.fulfill({ status: 200, body: bad, headers: { 'content-type': 'application/json' } }) },
    });
    assert.ok(page.readyError, 'explorer.ready rejects');
    assert.equal(page.readyError.problems.length, 1);
    assert.match(page.readyError.problems[0], /^error: \(document\): expected UTF-8 text, found an invalid byte sequence at byte \d+ \(line \d+, column \d+\)$/);
    assert.equal(await page.locator('#wwe-error-list li').count(), 1, 'the error screen lists it');
  });
});

test('setState: 60 states nested 8,000 deep are refused with a message and leak nothing; bad facets keep the filters', async () => {
  await withContext(async (context) => {
    const page = await openExplorer(context, shared.server.url);
    assert.equal(page.readyError, null);
    await page.evaluate(() => window.explorer.setState({ facets: { front: ['economic'] } }));
    await settle(page);
    const result = await page.evaluate(() => {
      const deep = '['.repeat(8000) + ']'.repeat(8000);
      const problems = [];
      const call = () => {
        try {
          return window.explorer.setState(JSON.parse(`{"facets": ${deep}}`));
        } catch (e) {
          return [`threw: ${e.message}`];
        }
      };
      problems.push(call());  // warm-up: first-use allocations
      const before = window.explorer.memory().used;
      for (let i = 0; i < 60; i++) problems.push(call());
      return { problems, grew: window.explorer.memory().used - before };
    });
    assert.equal(result.problems.length, 61);
    for (const p of result.problems) {
      assert.equal(p.length, 1);
      assert.match(p[0], /expected JSON nested at most 16 levels deep/);
    }
    assert.ok(result.grew < 256 * 1024, `the heap in use grew by ${result.grew} bytes over 60 refused calls`);
    const bad = await page.evaluate(() => window.explorer.setState({ facets: { nowhere: ['x'] } }));
    assert.equal(bad.length, 1);
    assert.deepEqual((await page.evaluate(() => window.explorer.getState())).facets, { front: ['economic'] });
  });
});

test('setState and query refuse a Map or Set (JSON would write {}) with a clear error and keep the filters', async () => {
  await withContext(async (context) => {
    const page = await openExplorer(context, shared.server.url);
    assert.equal(page.readyError, null);
    await page.evaluate(() => window.explorer.setState({ facets: { front: ['economic'] } }));
    await settle(page);
    const before = await page.evaluate(() => window.explorer.getState());
    const thrown = await page.evaluate(() => {
      const attempt = (fn) => {
        try {
          fn();
          return null;
        } catch (e) {
          return { message: e.message, problems: e.problems };
        }
      };
      return [
        attempt(() => window.explorer.setState({ view: 'map', facets: new Map([['front', ['security']]]) })),
        attempt(() => window.explorer.setState({ facets: { front: new Set(['security']) } })),
        attempt(() => window.explorer.query({ text: 'trade', facets: new Map() })),
      ];
    });
    assert.deepEqual(thrown[0], {
      message: 'Win-Win Explorer setState: /facets: expected a plain object or array (JSON), found a Map; nothing was changed',
      problems: ['error: /facets: expected a plain object or array (JSON), found a Map'],
    });
    assert.match(thrown[1].message, /\/facets\/front: expected a plain object or array \(JSON\), found a Set; nothing was changed$/);
    assert.match(thrown[2].message, /^Win-Win Explorer query: \/facets: expected a plain object or array \(JSON\), found a Map$/);
    await settle(page);
    const after = await page.evaluate(() => window.explorer.getState());
    assert.deepEqual(after.facets, { front: ['economic'] }, 'the filters are kept');
    assert.equal(after.view, before.view, 'nothing else applied either');
    // A plain object still works, also one without a prototype.
    assert.deepEqual(await page.evaluate(() => window.explorer.setState(Object.assign(Object.create(null), { facets: { front: ['security'] } }))), []);
    assert.deepEqual((await page.evaluate(() => window.explorer.getState())).facets, { front: ['security'] });
  });
});
