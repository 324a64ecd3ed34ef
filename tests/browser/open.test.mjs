// Opening an article at run time: explorer.load(), Open... (the file picker), drag and drop,
// ?data=URL; the problems panel; plain text in reader and map; links bound to their
// article; unknown facets in query() and lock. are errors; file:// explains itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { DIST, ROOT, blockNetwork, distinctColours, nextFrame, openExplorer, settle, useBrowser, waitState } from './browser.mjs';

const shared = useBrowser(before, after);
const data = (name) => fs.readFileSync(path.join(ROOT, 'tests', 'data', name), 'utf8');
const SHOTS = process.env.WWE_SHOTS_DIR || path.join(ROOT, 'build', 'screenshots');

async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `open-${name}.png`) });
}

async function withPage(url, fn, viewport = { width: 1280, height: 800 }) {
  const context = await shared.browser.newContext({ viewport });
  try {
    const page = await openExplorer(context, shared.server.url + url);
    assert.equal(page.readyError, null);
    await settle(page, 60_000);
    await fn(page, context);
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror')), []);
  } finally {
    await context.close();
  }
}

// Activates a button of the mirror as the keyboard does (the mirror lets the mouse through
// to the canvas): focus, then Enter.
async function activate(page, selector) {
  await page.locator(selector).first().focus();
  await page.keyboard.press('Enter');
}

const load = (page, text, name) => page.evaluate(([t, n]) => window.explorer.load(t, { name: n }), [text, name]);
const info = (page) => page.evaluate(() => window.explorer.article());

test('explorer.load(): a plain-text speech is passages, a map and a search at once; Save as article', async () => {
  await withPage('', async (page) => {
    const report = await load(page, data('speech.txt'), 'speech.txt');
    assert.equal(report.opened, true, report.summary);
    assert.equal(report.article.title, 'Opening the Harbour Library');
    assert.equal(report.article.passages, 8);
    assert.ok(report.problems.every((p) => p.severity === 'warning'));
    assert.equal(await page.title(), 'Reader \u00b7 Opening the Harbour Library \u2014 Win-Win Explorer');
    const state = await page.evaluate(() => window.explorer.getState());
    assert.equal(state.article, 'opening-the-harbour-library');
    assert.equal(state.map.edges, 'cooccurrence', 'a text without relations opens its map on shared passages');
    assert.ok(await page.evaluate(() => window.explorer.fragment()).then((f) => f.endsWith('&art=opening-the-harbour-library')));
    // Search works at once.
    const hits = await page.evaluate(() => window.explorer.query({ text: 'reading room' }));
    assert.ok(hits.paragraphs.length >= 3 && hits.paragraphs.length < 8);
    // The notice lists the warnings (the author is not given).
    const notice = await page.evaluate(() => window.explorer.notice());
    assert.ok(notice.problems.some((p) => p.includes('author')), JSON.stringify(notice));
    await settle(page);
    await shot(page, 'imported-reader');
    // The reader and the map draw the text.
    await page.evaluate(() => window.explorer.setState({ view: 'map' }));
    await settle(page, 30_000);
    const nodes = await page.evaluate(() => window.explorer.mapNodes());
    assert.ok(nodes.filter((n) => n.visible).length >= 8, `the key terms are on the map: ${nodes.length}`);
    assert.ok(nodes.some((n) => n.label === 'reading room'));
    await shot(page, 'imported-map');
    // Accepting a suggested key term from the mirror (the same button as the canvas's chip).
    const terms = page.locator('[data-id^="term/"]');
    assert.ok(await terms.count() > 0, 'suggested key terms are offered');
    const before = (await page.evaluate(() => window.explorer.mapNodes())).length;
    await activate(page, '[data-id^="term/"]');
    await settle(page, 30_000);
    const after = await page.evaluate(() => window.explorer.mapNodes());
    assert.equal(after.length, before + 1, 'the accepted term is a node of the map');
    // Save as article: the download is the article, with the concept accepted, and it opens again.
    await activate(page, '[data-id="export"]');  // the Export menu: its items exist while it is open
    await page.waitForSelector('[data-id="export/article"]');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }),
      activate(page, '[data-id="export/article"]')]);
    assert.equal(download.suggestedFilename(), 'opening-the-harbour-library.json');
    const saved = fs.readFileSync(await download.path(), 'utf8');
    const doc = JSON.parse(saved);
    assert.equal(doc.format, 'win-win-explorer/article');
    assert.equal(doc.concepts.length, after.length);
    const again = await load(page, saved, 'opening-the-harbour-library.json');
    assert.equal(again.opened, true, again.summary);
    assert.equal(again.article.id, 'opening-the-harbour-library');
  });
});

test('an unusable file: the article and view stay; every problem with its pointer and line', async () => {
  await withPage('#v=map&f.front=economic', async (page) => {
    const before = await page.evaluate(() => window.explorer.getState());
    const broken = data('broken.json');
    const report = await load(page, broken, 'broken.json');
    assert.equal(report.opened, false);
    assert.ok(report.summary.includes('could not be opened'), report.summary);
    assert.ok(report.summary.includes('The article shown is unchanged.'));
    assert.ok(report.problems.length >= 2);
    const located = report.problems.filter((p) => p.line > 0);
    assert.ok(located.length > 0, 'problems name their line');
    for (const p of located) {
      // The line given is the line the pointer's value is on.
      assert.ok(p.line <= broken.split('\n').length);
      assert.ok(/^[A-Z]/.test(p.message), `plain words first: ${p.message}`);
    }
    assert.deepEqual(await page.evaluate(() => window.explorer.getState()), before);
    assert.equal((await info(page)).article.id, 'wang-yi-win-win-2016');
    const notice = await page.evaluate(() => window.explorer.notice());
    assert.equal(notice.title, report.summary);
    // The status line said "Opening..." only; the notice and the panel tell how it went.
    assert.equal(await page.locator('#wwe-status').isHidden(), true);
    await settle(page);
    await shot(page, 'problems-panel');
  });
});

test('Open... in the toolbar (the button of the mirror) shows the file picker; a Markdown text opens', async () => {
  await withPage('', async (page) => {
    const button = page.locator('[data-id="open"]');
    assert.equal(await button.count(), 1, 'the mirror offers Open...');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }),
      activate(page, '[data-id="open"]')]);
    await chooser.setFiles(path.join(ROOT, 'tests', 'data', 'field-notes.md'));
    await page.waitForFunction(() => window.explorer.article().article.title === 'Field Notes from the Salt Marsh',
      null, { timeout: 15_000 });
    const a = await info(page);
    assert.equal(a.kind, 'markdown');
    assert.equal(a.article.facets.length, 0);
    await settle(page);
    assert.ok(distinctColours(await page.screenshot()) > 20);
  });
});

test('drag and drop: a hint while a file is over the page; the dropped article opens', async () => {
  await withPage('', async (page) => {
    const text = data('river-compact.json');
    const hint = await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'river-compact.json', { type: 'application/json' }));
      document.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      window.__dt = dt;
      return !document.getElementById('wwe-drop').hidden;
    }, text);
    assert.equal(hint, true, 'the drop hint shows');
    await shot(page, 'drop-hint');
    await page.evaluate(() => document.dispatchEvent(new DragEvent('drop', { dataTransfer: window.__dt, bubbles: true, cancelable: true })));
    await page.waitForFunction(() => window.explorer.article().article.id === 'millbrook-river-compact', null, { timeout: 15_000 });
    assert.equal(await page.locator('#wwe-drop').isHidden(), true);
    // Its own facets: a filter of this article applies, the old article's facet is an error.
    assert.deepEqual(await page.evaluate(() => window.explorer.setState({ facets: { topic: ['water'] } })), []);
    await assert.rejects(page.evaluate(() => window.explorer.query({ facets: { front: ['economic'] } })), /front/);
    // A link made for an article not opened in this session applies nothing here: reported,
    // the default view. (One for the shipped article would open it again: the Back test.)
    await page.evaluate(() => { location.hash = 'v=map&f.front=economic&art=an-article-not-opened-here'; });
    const s = await waitState(page, (st) => Object.keys(st.facets).length === 0, 'the default view');
    assert.equal(s.view, 'reader');
    const notice = await page.evaluate(() => window.explorer.notice());
    assert.ok(notice.problems.some((p) => p.includes('another article')), JSON.stringify(notice));
  });
});

test('?data=URL opens a text of the same origin, with loading feedback; another origin is refused', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await context.route('**/texts/speech.txt', async (route) => {
      await held;
      await route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: data('speech.txt') });
    });
    const page = await openExplorer(context, shared.server.url + 'index.html?data=texts/speech.txt');
    assert.equal(page.readyError, null);
    await page.waitForFunction(() => /Opening/.test(document.getElementById('wwe-status').textContent));
    await shot(page, 'loading-feedback');
    release();
    await page.waitForFunction(() => window.explorer.article().article.title === 'Opening the Harbour Library', null, { timeout: 15_000 });
    await page.waitForFunction(() => document.getElementById('wwe-status').hidden);
    assert.deepEqual((await page.evaluate(() => window.explorer.notice())).problems.filter((p) => p.includes('?data')), [],
      '?data= is no unknown parameter');
    const other = await openExplorer(context, shared.server.url + 'index.html?data=https://elsewhere.example/a.json');
    assert.equal(other.readyError, null, 'the shipped article is shown');
    assert.match(await other.locator('#wwe-status').textContent(), /another origin/);
  } finally {
    await context.close();
  }
});

test('?data= with a link: the link applies to the text once it is open; one made for another article is refused', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.route('**/texts/riviere.txt', (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: data('riviere.txt') }));
    const title = 'La rivi\u00e8re et nos jardins';
    const opened = (page) => page.waitForFunction((t) => window.explorer.article().article.title === t, title, { timeout: 15_000 });
    // The text's id, as a link made for it names it.
    const first = await openExplorer(context, shared.server.url + 'index.html?data=texts/riviere.txt');
    await opened(first);
    const id = (await first.evaluate(() => window.explorer.article())).article.id;
    const shipped = 'wang-yi-win-win-2016';
    await first.close();

    const page = await openExplorer(context, `${shared.server.url}index.html?data=texts/riviere.txt#v=map&q=eau&art=${id}`);
    assert.equal(page.readyError, null);
    await opened(page);
    const s = await waitState(page, (st) => st.article === id && st.view === 'map', 'the link on the text');
    assert.equal(s.query, 'eau');
    assert.equal((await page.evaluate(() => window.explorer.notice())).problems.length, 0);
    assert.match(await page.evaluate(() => location.hash), new RegExp(`v=map.*&art=${id}`));
    const entries = await page.evaluate(() => history.length);
    await settle(page);
    await shot(page, 'data-link-map');

    // A link made for the shipped article is not for the text of ?data=: refused once it is open.
    const other = await openExplorer(context, `${shared.server.url}index.html?data=texts/riviere.txt#v=map&f.dimension=security&art=${shipped}`);
    await opened(other);
    const o = await waitState(other, (st) => st.article === id, 'the text');
    assert.deepEqual(o.facets, {});
    const notice = await other.evaluate(() => window.explorer.notice());
    assert.ok(notice.problems.some((p) => p.includes('another article')), JSON.stringify(notice));
    assert.equal(await page.evaluate(() => history.length), entries, 'the link\'s view replaced its entry');
  } finally {
    await context.close();
  }
});

test('Back after opening another article: the previous article and its view; Forward: the new one again', async () => {
  await withPage('', async (page) => {
    const shipped = await info(page);
    await page.evaluate(() => window.explorer.setState({ view: 'map' }));
    await waitState(page, (st) => st.view === 'map', 'the map');
    const report = await load(page, data('speech.txt'), 'speech.txt');
    assert.equal(report.opened, true, report.summary);
    await waitState(page, (st) => st.article === 'opening-the-harbour-library', 'the text');
    await settle(page);
    await page.goBack();
    const back = await waitState(page, (st) => st.article === shipped.article.id, 'the shipped article again');
    assert.equal(back.view, 'map');
    assert.equal((await info(page)).article.title, shipped.article.title);
    await page.waitForFunction((t) => document.title.includes(t), shipped.article.title);
    const notice = await page.evaluate(() => window.explorer.notice());
    assert.ok(!notice.problems.some((p) => p.includes('another article')), JSON.stringify(notice));
    await settle(page);
    await shot(page, 'back-previous-article');
    await page.goForward();
    const forward = await waitState(page, (st) => st.article === 'opening-the-harbour-library', 'the text again');
    assert.equal(forward.view, 'reader');
    assert.equal((await info(page)).article.passages, 8);
    await page.waitForFunction(() => document.title.includes('Opening the Harbour Library'));
  });
});

test('Back right after opening a file (the page opened without a fragment): the previous article', async () => {
  await withPage('', async (page) => {
    const shipped = await info(page);
    const report = await load(page, data('speech.txt'), 'speech.txt');
    assert.equal(report.opened, true, report.summary);
    await waitState(page, (st) => st.article === 'opening-the-harbour-library', 'the text');
    await settle(page);
    await page.goBack();
    await waitState(page, (st) => st.article === shipped.article.id, 'the shipped article again');
    assert.equal((await info(page)).article.title, shipped.article.title);
    await page.goForward();
    await waitState(page, (st) => st.article === 'opening-the-harbour-library', 'the text again');
  });
});

test('?data= a text without a date: no date shown (no 1 January 1970); the Last-Modified date when sent', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    let modified = null;
    await context.route('**/texts/speech.txt', (route) => route.fulfill({
      status: 200, contentType: 'text/plain; charset=utf-8', body: data('speech.txt'),
      headers: modified ? { 'Last-Modified': modified } : {},
    }));
    const byline = async () => {
      const page = await openExplorer(context, shared.server.url + 'index.html?data=texts/speech.txt');
      assert.equal(page.readyError, null);
      await page.waitForFunction(() => window.explorer.article().article.title === 'Opening the Harbour Library',
        null, { timeout: 15_000 });
      await settle(page);
      const text = await page.locator('[data-id="reader/byline"]').textContent();
      return { page, text };
    };
    const none = await byline();
    assert.ok(!/1970/.test(none.text), none.text);
    await shot(none.page, 'data-text-no-date');
    modified = 'Mon, 30 Nov 2026 10:00:00 GMT';
    const dated = await byline();
    assert.match(dated.text, /30 November 2026/);
  } finally {
    await context.close();
  }
});

test('a lock naming an unknown facet refuses to open unlocked: only the problem shows', async () => {
  await withPage('index.html?embed&lock.colour=red#v=reader', async (page) => {
    const notice = await page.evaluate(() => window.explorer.notice());
    assert.match(notice.title, /shows nothing/);
    assert.ok(notice.problems.some((p) => p.includes('colour')));
    assert.equal(await page.locator('[data-id^="passage/"]').count(), 0, 'no passage reaches the mirror');
    await shot(page, 'lock-refused');
  });
});

test('opened from file://, the page says a server or the standalone file is needed', async () => {
  const context = await shared.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('file://' + path.join(DIST, 'index.html'));
    const error = await page.evaluate(() => window.explorer.ready.then(() => null, (e) => e.message));
    assert.match(error, /needs a web server, or its one-file version/);
    const text = await page.locator('#wwe-error').textContent();
    assert.match(text, /python3 -m http\.server/);
    assert.match(text, /explorer-standalone\.html|win-win-explorer\.html/);
    assert.equal(await page.locator('#wwe-error .wwe-hint').isHidden(), true, 'no hint about JSON pointers');
  } finally {
    await context.close();
  }
});

test('explorer bundle: a standalone page of a text opens from file:// with the network off', async (t) => {
  const cli = path.join(ROOT, 'build', 'native', 'explorer');
  if (!fs.existsSync(cli)) {
    t.skip('build/native/explorer not built');
    return;
  }
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wwe-bundle-')), 'harbour.html');
  execFileSync(cli, ['bundle', path.join(ROOT, 'tests', 'data', 'speech.txt'), '-o', out,
    '--template', path.join(DIST, 'explorer-standalone.html')], { stdio: 'ignore' });
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const requests = await blockNetwork(context);
    const page = await openExplorer(context, 'file://' + out);
    assert.equal(page.readyError, null);
    assert.equal((await info(page)).article.title, 'Opening the Harbour Library');
    assert.deepEqual(requests, []);
  } finally {
    await context.close();
  }
});
