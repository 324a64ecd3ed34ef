// Nothing lost between visits (core/persist.hpp, src/platform/storage.cpp): the last view
// comes back on reload, saved views keep their names, a corrupt stored value is ignored
// with a notice, "Forget everything stored" forgets, and a sandboxed frame (no storage)
// works from memory without an error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openExplorer, settle, useBrowser, useHostPages, waitState } from './browser.mjs';

const shared = useBrowser(before, after);
const host = useHostPages(before, after);
const KEY = 'win-win-explorer';

async function withContext(fn) {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    return await fn(context);
  } finally {
    await context.close();
  }
}

// Activates the mirror element `id` (what a screen reader's user or a keyboard does).
const activate = (frame, id) => frame.evaluate((i) => {
  const e = document.querySelector(`[data-id="${i}"]`);
  if (!e) throw new Error(`no mirror element ${i}`);
  e.click();
}, id);

// The stored document once `predicate` holds for it (polled per browser frame).
async function waitStored(page, predicate, what) {
  const handle = await page.waitForFunction(([key, source]) => {
    const text = window.localStorage.getItem(key);
    if (!text) return null;
    const doc = JSON.parse(text);
    return new Function('doc', `return (${source})(doc)`)(doc) ? doc : null;  // eslint-disable-line no-new-func
  }, [KEY, predicate.toString()], { polling: 'raf', timeout: 15000 }).catch((e) => {
    throw new Error(`${what}: ${e.message}`);
  });
  return handle.jsonValue();
}

const errors = (page) => page.consoleLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'));

test('reload: the last view and the saved views come back; a link wins over the last view', async () => {
  await withContext(async (context) => {
    const page = await openExplorer(context, shared.server.url);
    assert.equal(page.readyError, null);
    await page.evaluate(() => window.explorer.setState({ view: 'matrix', facets: { front: ['economic'] } }));
    await settle(page);
    await activate(page, 'saved/save');
    const saved = await waitStored(page, (doc) => Object.values(doc.articles).some((a) => a.bookmarks.length === 1),
      'the saved view is stored');
    const part = Object.values(saved.articles)[0];
    assert.equal(part.bookmarks[0].name, 'Matrix: Front: Economic');
    assert.equal(part.last.app.view, 'matrix');
    await page.evaluate(() => window.explorer.setState({ view: 'timeline', facets: null }));
    await waitStored(page, (doc) => Object.values(doc.articles)[0].last.app.view === 'timeline', 'the last view is stored');

    // A new visit to the page without a link: the timeline, and the saved view to open.
    await page.goto(shared.server.url);
    await page.evaluate(() => window.explorer.ready);
    await waitState(page, (s) => s.view === 'timeline', 'the last view restored');
    assert.deepEqual((await page.evaluate(() => window.explorer.notice())).problems, []);
    await activate(page, 'saved/0/open');
    const opened = await waitState(page, (s) => s.view === 'matrix', 'the saved view opened');
    assert.deepEqual(opened.facets, { front: ['economic'] });
    assert.match(await page.evaluate(() => location.hash), /v=matrix/);

    // A link is what the reader asked for: it wins over the last view.
    const linked = await openExplorer(context, shared.server.url + '#v=map');
    assert.equal((await linked.evaluate(() => window.explorer.getState())).view, 'map');
    assert.deepEqual(errors(page), []);
  });
});

test('a corrupt or foreign stored value is ignored with a notice; "Forget everything stored" forgets', async () => {
  await withContext(async (context) => {
    await context.addInitScript((key) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, '{"format": "win-win-explorer/stored", "version": 1, "articles": ');
        sessionStorage.setItem('seeded', '1');
      }
    }, KEY);
    const page = await openExplorer(context, shared.server.url);
    assert.equal(page.readyError, null, 'a broken start never');
    assert.equal((await page.evaluate(() => window.explorer.getState())).view, 'reader');
    const notice = await page.evaluate(() => window.explorer.notice());
    assert.equal(notice.title, 'Views kept from an earlier visit could not all be used:');
    assert.equal(notice.problems.length, 1);
    assert.match(notice.problems[0], /valid JSON/);
    // Written back usable at once; then saved views, then forgotten.
    await activate(page, 'saved/save');
    await waitStored(page, (doc) => Object.values(doc.articles).some((a) => a.bookmarks.length === 1), 'saved');
    await activate(page, 'saved/forget');
    await waitStored(page, (doc) => Object.keys(doc.articles).length === 0, 'forgotten');
    assert.equal(await page.locator('[data-id="saved/0/open"]').count(), 0);
    assert.deepEqual(errors(page), []);
  });
});

test('a sandboxed frame (no storage): saved views work for the visit, without an error', async () => {
  await withContext(async (context) => {
    host.pages.set('/sandboxed.html', `<!doctype html><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
<iframe id="wwe" src="${shared.server.url}index.html?embed=s" width="900" height="600" sandbox="allow-scripts"></iframe>`);
    const page = await context.newPage();
    page.consoleLines = [];
    page.on('console', (m) => page.consoleLines.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => page.consoleLines.push(`pageerror: ${e.message}`));
    await page.goto(host.url + '/sandboxed.html');
    const frame = await (await page.waitForSelector('#wwe')).contentFrame();
    await frame.waitForFunction(() => window.explorer && window.explorer.ready);
    await frame.evaluate(() => window.explorer.ready);
    await settle(frame);
    await frame.evaluate(() => window.explorer.setState({ view: 'map' }));
    await activate(frame, 'saved/save');
    await frame.waitForSelector('[data-id="saved/0/open"]', { state: 'attached' });
    const description = await frame.evaluate(() => document.querySelector('[data-id="saved/save"]').getAttribute('aria-description'));
    assert.match(description, /for this visit only/);
    await frame.evaluate(() => window.explorer.setState({ view: 'reader' }));
    await activate(frame, 'saved/0/open');
    await waitState(frame, (s) => s.view === 'map', 'the saved view opened from memory');
    assert.deepEqual(errors(page), []);
  });
});

test('closing the tab and coming back (a new page, the same browser): the view, the saved views and the notebook are there',
  async () => {
    await withContext(async (context) => {
      const page = await openExplorer(context, shared.server.url);
      assert.equal(page.readyError, null);
      await page.evaluate(() => window.explorer.setState({ view: 'matrix', facets: { front: ['economic'] } }));
      await settle(page);
      await activate(page, 'saved/save');
      assert.deepEqual(await page.evaluate(() => window.explorer.addToNotebook('p2', 'read this again')), []);
      const stored = await waitStored(page, (doc) => {
        const part = Object.values(doc.articles)[0];
        const books = doc.notebook ? Object.values(doc.notebook) : [];
        return part && part.bookmarks.length === 1 && part.last.app.view === 'matrix' &&
          books.length === 1 && books[0].entries.length === 1;
      }, 'the view, the saved view and the notebook are stored in one document');
      assert.equal(Object.keys(stored.notebook)[0], Object.keys(stored.articles)[0], 'the notebook is kept under the article');
      await page.close();

      const again = await openExplorer(context, shared.server.url);
      assert.equal(again.readyError, null);
      await waitState(again, (s) => s.view === 'matrix', 'the last view restored');
      assert.deepEqual((await again.evaluate(() => window.explorer.getState())).facets, { front: ['economic'] });
      assert.deepEqual((await again.evaluate(() => window.explorer.notice())).problems, []);
      const notebook = await again.evaluate(() => window.explorer.notebook());
      assert.deepEqual(notebook.entries.map((e) => [e.passage, e.note]), [['p2', 'read this again']]);
      assert.equal(notebook.storage_problem, undefined);
      await again.evaluate(() => window.explorer.setState({ view: 'reader', facets: null }));
      await activate(again, 'saved/0/open');
      await waitState(again, (s) => s.view === 'matrix', 'the saved view opens');

      // "Forget everything stored": the notebook too, in the page and in storage.
      await activate(again, 'saved/forget');
      await waitStored(again, (doc) => Object.keys(doc.articles).length === 0 && (!doc.notebook || Object.keys(doc.notebook).length === 0),
        'forgotten, notebook included');
      assert.deepEqual((await again.evaluate(() => window.explorer.notebook())).entries, []);
      await again.close();
      const third = await openExplorer(context, shared.server.url);
      assert.deepEqual((await third.evaluate(() => window.explorer.notebook())).entries, [], 'and it stays forgotten');
      assert.deepEqual(errors(third), []);
    });
  });

test('a notebook kept under the old key moves into the stored document once; a corrupt one is ignored with a notice', async () => {
  await withContext(async (context) => {
    const probe = await openExplorer(context, shared.server.url);
    const title = (await probe.evaluate(() => window.explorer.article())).article.title;
    await probe.close();
    const legacy = `wwe-notebook:${title}`;
    await context.addInitScript(([key, t]) => {
      if (sessionStorage.getItem('seeded')) return;
      localStorage.clear();
      localStorage.setItem(key, JSON.stringify({ format: 'win-win-explorer/notebook', version: 1, article: t,
        entries: [{ passage: 'p3', note: 'from before', query: '', from: 'reader' }] }));
      sessionStorage.setItem('seeded', '1');
    }, [legacy, title]);
    const page = await openExplorer(context, shared.server.url);
    assert.equal(page.readyError, null);
    assert.deepEqual((await page.evaluate(() => window.explorer.notebook())).entries.map((e) => e.note), ['from before']);
    const moved = await waitStored(page, (doc) => doc.notebook && Object.values(doc.notebook).some((n) => n.entries.length === 1), 'moved in');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), legacy), null, 'the old key is gone');
    await page.close();
    // A stored notebook entry this article cannot have (in a fresh browser, so that no page
    // writes over it): dropped, said in the notice, the rest kept.
    const k = Object.keys(moved.notebook)[0];
    moved.notebook[k].entries.push({ passage: 'p999', note: '', query: '', from: 'reader' });
    await withContext(async (other) => {
      await other.addInitScript(([key, text]) => {
        if (sessionStorage.getItem('seeded')) return;
        localStorage.setItem(key, text);
        sessionStorage.setItem('seeded', '1');
      }, [KEY, JSON.stringify(moved)]);
      const again = await openExplorer(other, shared.server.url);
      assert.equal(again.readyError, null, 'a broken start never');
      const notice = await again.evaluate(() => window.explorer.notice());
      assert.equal(notice.title, 'Views kept from an earlier visit could not all be used:');
      assert.ok(notice.problems.some((p) => p.includes('/notebook/') && p.includes('p999')), JSON.stringify(notice));
      assert.deepEqual((await again.evaluate(() => window.explorer.notebook())).entries.map((e) => e.note), ['from before']);
      assert.deepEqual(errors(again), []);
    });
  });
});
