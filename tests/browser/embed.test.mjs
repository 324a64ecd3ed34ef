// Embedding: embed options in the URL query, the host-page postMessage protocol, sandboxed
// frames, the page's Content-Security-Policy and network use, the example course page.
//
// Host pages come from a second server on another port, so the explorer (WWE_BASE_URL) is
// cross-origin to them, as in a real LMS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { decodePng, distinctColours, openExplorer, settle, useBrowser, useHostPages, ROOT } from './browser.mjs';

const shared = useBrowser(before, after);

// The host pages' server (another port: the explorer is cross-origin to them).
const host = useHostPages(before, after);
const hostPages = host.pages;
let hostCount = 0;

async function withContext(options, fn) {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  try {
    return await fn(context);
  } finally {
    await context.close();
  }
}

// A host page at host.url/host-<n>.html with one <iframe id="wwe"> of `src` (under dist/) and the
// given sandbox; it records every message it receives in window.received.
async function openHost(context, src, { sandbox = 'allow-scripts', width = 800, height = 500 } = {}) {
  const page = await context.newPage();
  page.consoleLines = [];
  page.requests = [];
  page.on('console', (m) => page.consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => page.consoleLines.push(`pageerror: ${e.message}`));
  page.on('request', (r) => page.requests.push(r.url()));
  const frameUrl = shared.server.url + src;
  const path = `/host-${++hostCount}.html`;
  hostPages.set(path, `<!doctype html><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
<iframe id="wwe" src="${frameUrl.replace(/&/g, '&amp;')}" width="${width}" height="${height}"
        ${sandbox === null ? '' : `sandbox="${sandbox}"`}></iframe>
<script>
  window.received = [];
  addEventListener('message', (e) => {
    if (e.source === document.getElementById('wwe').contentWindow) window.received.push(e.data);
  });
  window.send = (message, target = '*') => document.getElementById('wwe').contentWindow.postMessage(message, target);
</script>`);
  await page.goto(host.url + path);
  return page;
}

// Waits until the host received a message matching `predicate`; returns it. (Looks again
// each time another message arrives.)
async function waitMessage(page, predicate, what, timeout = 20000) {
  const started = Date.now();
  for (;;) {
    const received = await page.evaluate(() => window.received);
    const found = received.find(predicate);
    if (found) return found;
    const left = timeout - (Date.now() - started);
    try {
      if (left <= 0) throw new Error('timeout');
      await page.waitForFunction((n) => window.received.length > n, received.length, { timeout: left });
    } catch {
      throw new Error(`no ${what} message within ${timeout} ms; received: ${JSON.stringify(received.map((m) => m.type))}`);
    }
  }
}

// Resolves once every message the explorer's frame posted so far has reached the host: the
// frame posts a marker last and the host receives messages in order. Returns what the host
// received before the marker.
async function receivedSoFar(page, frame) {
  const marker = `marker-${Math.random()}`;
  await frame.evaluate((m) => window.parent.postMessage({ marker: m }, '*'), marker);
  await waitMessage(page, (m) => m.marker === marker, 'marker');
  const received = await page.evaluate(() => window.received);
  return received.slice(0, received.findIndex((m) => m.marker === marker));
}

// Sends `send(message)` from where it says and resolves once the explorer's frame has
// handled the message event (a listener added after the page's own runs after it): what the
// explorer does with a message, it has done by then.
async function handledInFrame(frame, send) {
  await frame.evaluate(() => {
    window.wweTestHandled = new Promise((resolve) => window.addEventListener('message', () => resolve(), { once: true }));
  });
  await send();
  await frame.evaluate(() => window.wweTestHandled);
}

const explorerFrame = (page) => page.frames().find((f) => f.url().startsWith(shared.server.url));
const V1 = { protocol: 'win-win-explorer', version: 1 };

test('embed options: first offered view, locked facet, dark theme, scale; forbidden requests are reported', async () => {
  await withContext({}, async (context) => {
    const url = `${shared.server.url}index.html?embed=t1&views=map,reader&lock.dimension=security&theme=dark&scale=1.5#f.front=economic`;
    const page = await openExplorer(context, url);
    assert.equal(page.readyError, null);
    const state = await page.evaluate(() => window.explorer.getState());
    assert.equal(state.view, 'map', 'a link without v starts on the first offered view');
    assert.deepEqual(state.facets, { dimension: ['security'], front: ['economic'] });
    const options = await page.evaluate(() => window.explorer.embedOptions());
    assert.deepEqual({ ...options }, {
      embed: true, id: 't1', chrome: 'full', views: ['map', 'reader'], locked: { dimension: ['security'] },
      theme: 'dark', scale: 1.5, origins: [], origins_restricted: false,
    });
    assert.deepEqual((await page.evaluate(() => window.explorer.notice())).problems, []);

    // The lock and the offered views hold against setState, with a problem each.
    const problems = await page.evaluate(() => window.explorer.setState({ view: 'timeline', facets: { dimension: ['partnership'] } }));
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems.join('\n'), /\/facets\/dimension/);
    assert.match(problems.join('\n'), /\/view/);
    const after = await page.evaluate(() => window.explorer.getState());
    assert.equal(after.view, 'map');
    assert.deepEqual(after.facets, { dimension: ['security'] });

    // Dark theme: the page behind the panels is dark.
    await settle(page);
    const { width, rgba } = decodePng(await page.screenshot());
    const at = (x, y) => rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 3);
    const [r, g, b] = at(3, 790);
    assert.ok(r + g + b < 3 * 60, `background ${r},${g},${b} is dark`);

    // Scale: ImGui works in CSS px / 1.5, so the map's nodes come back in CSS px.
    const nodes = await page.evaluate(() => window.explorer.mapNodes());
    assert.ok(nodes.length > 0 && nodes.every((n) => n.x >= 0 && n.x <= 1280 && n.y >= 0 && n.y <= 800 + 100));
  });
});

test('bad embed options and a garbage hash give a notice and a working app', async () => {
  await withContext({}, async (context) => {
    const url = `${shared.server.url}index.html?embed=NO%20WAY&theme=pink&scale=99&views=atlas&utm_source=x#v=globe&%ZZ&q=security`;
    const page = await openExplorer(context, url);
    assert.equal(page.readyError, null);
    const notice = await page.evaluate(() => window.explorer.notice());
    assert.ok(notice.title.length > 0, 'a notice is shown');
    for (const what of ['?embed', '?theme', '?scale', '?views', '?utm_source', '#v', '#%ZZ']) {
      assert.ok(notice.problems.some((p) => p.includes(what)), `the notice names ${what}: ${notice.problems.join(' | ')}`);
    }
    const state = await page.evaluate(() => window.explorer.getState());
    assert.equal(state.view, 'reader');
    assert.equal(state.query, 'security');
    assert.ok(distinctColours(await page.screenshot()) > 20, 'the app is drawn');
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror')), []);
  });
});

test('host-page protocol: ready, setState, query, highlight, getState, and invalid messages', async () => {
  await withContext({}, async (context) => {
    const page = await openHost(context, 'index.html?embed=lesson&lock.front=economic#v=map', { sandbox: 'allow-scripts' });
    const ready = await waitMessage(page, (m) => m.type === 'ready', 'ready');
    assert.equal(ready.protocol, 'win-win-explorer');
    assert.equal(ready.version, 1);
    assert.equal(ready.embed, 'lesson');
    assert.equal(ready.state.view, 'map');
    assert.deepEqual(ready.state.facets, { front: ['economic'] });

    await page.evaluate((m) => window.send(m), { ...V1, type: 'setState', requestId: 1, state: { view: 'reader', query: 'development' } });
    const r1 = await waitMessage(page, (m) => m.type === 'result' && m.requestId === 1, 'result 1');
    assert.deepEqual(r1.problems, []);
    assert.equal(r1.state.view, 'reader');
    assert.equal(r1.state.query, 'development');
    await waitMessage(page, (m) => m.type === 'stateChanged' && m.state.query === 'development', 'stateChanged');

    await page.evaluate((m) => window.send(m), { ...V1, type: 'highlight', requestId: 'h', node: 'belt-and-road' });
    const r2 = await waitMessage(page, (m) => m.type === 'result' && m.requestId === 'h', 'result h');
    assert.deepEqual(r2.state.selection, { kind: 'entity', id: 'belt-and-road' });
    const sel = await waitMessage(page, (m) => m.type === 'selectionChanged', 'selectionChanged');
    assert.deepEqual(sel.selection, { kind: 'entity', id: 'belt-and-road' });

    await page.evaluate((m) => window.send(m), { ...V1, type: 'query', requestId: 'q', request: { facets: { front: ['security'] } } });
    const r3 = await waitMessage(page, (m) => m.type === 'result' && m.requestId === 'q', 'result q');
    assert.ok(r3.result.paragraphs.length > 0);
    assert.equal(r3.state.query, 'development', 'a query does not change the view');

    // The lock holds against the host too, and says so.
    await page.evaluate((m) => window.send(m), { ...V1, type: 'setState', requestId: 'lock', state: { facets: { front: ['political'] } } });
    const r4 = await waitMessage(page, (m) => m.type === 'result' && m.requestId === 'lock', 'result lock');
    assert.equal(r4.problems.length, 1);
    assert.deepEqual(r4.state.facets, { front: ['economic'] });

    // Invalid messages of the protocol get an error; other messages are ignored.
    const invalid = [
      { ...V1, type: 'setState', requestId: 'e1', state: 'view=map' },
      { ...V1, type: 'explode', requestId: 'e2' },
      { protocol: 'win-win-explorer', version: 2, type: 'getState', requestId: 'e3' },
      { ...V1, type: 'highlight', requestId: 'e4', node: 42 },
      { ...V1, type: 'getState', requestId: { nested: true } },
    ];
    for (const m of invalid) await page.evaluate((msg) => window.send(msg), m);
    for (const id of ['e1', 'e2', 'e3', 'e4']) {
      const e = await waitMessage(page, (m) => m.type === 'error' && m.requestId === id, `error ${id}`);
      assert.ok(e.problems.length === 1 && e.message.length > 0);
    }
    await waitMessage(page, (m) => m.type === 'error' && m.requestId === null && /requestId/.test(m.message), 'error for a bad requestId');
    const before = (await page.evaluate(() => window.received)).length;
    await page.evaluate(() => {
      window.send('just a string');
      window.send({ type: 'setState', state: { view: 'map' } });  // no protocol: another library's
      window.send({ protocol: 'other', version: 1, type: 'getState' });
    });
    await page.evaluate((m) => window.send(m), { ...V1, type: 'getState', requestId: 'last' });
    const last = await waitMessage(page, (m) => m.type === 'result' && m.requestId === 'last', 'result last');
    assert.equal(last.state.view, 'reader', 'the messages without our protocol changed nothing');
    assert.equal((await page.evaluate(() => window.received)).length, before + 1, 'and got no answer');
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror')), []);
  });
});

test('a load message for a French article: the stemmers module fetched first, the messages after it obeyed in order', async () => {
  await withContext({}, async (context) => {
    const page = await openHost(context, 'index.html?embed=lesson', { sandbox: 'allow-scripts' });
    await waitMessage(page, (m) => m.type === 'ready', 'ready');
    assert.ok(!page.requests.some((u) => u.includes('stemmers')), 'not fetched for the English article');
    const text = fs.readFileSync(path.join(ROOT, 'tests', 'data', 'french.json'), 'utf8');
    await page.evaluate(({ V1, text }) => {
      window.send({ ...V1, type: 'load', requestId: 'load', text, name: 'french.json' });
      window.send({ ...V1, type: 'query', requestId: 'q', request: { text: 'régionale' } });
    }, { V1, text });
    const answers = [];
    answers.push(await waitMessage(page, (m) => m.type === 'result' && m.requestId === 'load', 'result load'));
    answers.push(await waitMessage(page, (m) => m.type === 'result' && m.requestId === 'q', 'result q'));
    assert.equal(answers[0].result.opened, true, JSON.stringify(answers[0]));
    assert.deepEqual(answers[1].result.paragraphs.map((p) => p.id), ['p3'], 'stemmed: régionale finds régionales');
    const order = (await page.evaluate(() => window.received)).filter((m) => m.type === 'result').map((m) => m.requestId);
    assert.deepEqual(order, ['load', 'q']);
    assert.ok(page.requests.some((u) => u.endsWith('/modules/stemmers.wasm')), 'the module fetched');
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error')), []);
  });
});

test('only the parent window, and only the configured origins, are obeyed', async () => {
  await withContext({}, async (context) => {
    // The host is http://host.test; the embed accepts https://school.example only.
    const page = await openHost(context, 'index.html?embed&origins=https://school.example#v=reader', { sandbox: null });
    const frame = explorerFrame(page);
    await frame.waitForFunction(() => {
      try {
        return window.explorer.getState().view === 'reader';
      } catch {
        return false;
      }
    }, null, { timeout: 20000 });
    await handledInFrame(frame, () => page.evaluate((m) => window.send(m), { ...V1, type: 'setState', requestId: 1, state: { view: 'map' } }));
    assert.equal((await frame.evaluate(() => window.explorer.getState())).view, 'reader', 'a message from another origin is ignored');
    assert.deepEqual(await receivedSoFar(page, frame), [], 'nothing is posted to an origin not configured');

    // The same embed told to accept this host's origin answers it.
    const allowed = await openHost(context, `index.html?embed=ok&origins=${encodeURIComponent(host.url)}#v=reader`, { sandbox: null });
    await waitMessage(allowed, (m) => m.type === 'ready' && m.embed === 'ok', 'ready from an allowed origin');
    await allowed.evaluate((m) => window.send(m), { ...V1, type: 'setState', requestId: 2, state: { view: 'map' } });
    const answer = await waitMessage(allowed, (m) => m.type === 'result' && m.requestId === 2, 'result 2');
    assert.equal(answer.state.view, 'map');

    // A window that is not the parent (the frame itself, standing in for a pop-up or a
    // sibling frame) is not listened to.
    await handledInFrame(frame, () => frame.evaluate((m) => window.postMessage(m, '*'), { ...V1, type: 'setState', state: { view: 'timeline' } }));
    assert.equal((await frame.evaluate(() => window.explorer.getState())).view, 'reader');
  });
});

test('works in <iframe sandbox="allow-scripts">: own-origin requests only, no CSP violation, no storage', async () => {
  await withContext({}, async (context) => {
    const page = await openHost(context, 'index.html?embed=s#v=map&sel=entity:belt-and-road', { sandbox: 'allow-scripts' });
    await waitMessage(page, (m) => m.type === 'ready', 'ready');
    const frame = explorerFrame(page);
    await settle(frame);
    assert.equal(await frame.evaluate(() => window.origin), 'null', 'the frame has an opaque origin');
    const storage = await frame.evaluate(() => {
      try {
        return typeof window.localStorage.length;
      } catch {
        return 'blocked';
      }
    });
    assert.equal(storage, 'blocked', 'storage is blocked there, and the explorer works without it');
    const shot = await page.locator('#wwe').screenshot();
    assert.ok(distinctColours(shot) > 20, 'the embed is drawn');

    const own = new URL(shared.server.url).origin;
    const foreign = page.requests.filter((u) => !u.startsWith(own) && !u.startsWith(host.url) && !/^(data|blob):/.test(u));
    assert.deepEqual(foreign, [], 'requests only to the explorer\'s own origin');
    const fromExplorer = page.requests.filter((u) => u.startsWith(own)).map((u) => new URL(u).pathname).sort();
    assert.deepEqual(fromExplorer, ['/assets/article.json', '/explorer.js', '/explorer.wasm', '/index.html', '/shell.js', '/style.css']);
    const csp = page.consoleLines.filter((l) => /Content Security Policy|Content-Security-Policy/i.test(l));
    assert.deepEqual(csp, [], 'no CSP violation');
    const cookies = await context.cookies();
    assert.deepEqual(cookies, []);
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error')), []);
  });
});

test('the page itself: a CSP without unsafe-eval or unsafe-inline, and no violation', async () => {
  await withContext({}, async (context) => {
    const page = await openExplorer(context, shared.server.url + '#v=map');
    const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(policy, /'unsafe-eval'|'unsafe-inline'/);
    const violations = await page.evaluate(() => new Promise((resolve) => {
      const seen = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
      window.explorer.setState({ view: 'timeline' });
      window.explorer.idle().then(() => resolve(seen));  // the timeline drawn, the screen still
    }));
    assert.deepEqual(violations, []);
    assert.deepEqual(page.consoleLines.filter((l) => /Content Security Policy/i.test(l)), []);
  });
});

test('a progress indicator while the program downloads', async () => {
  await withContext({}, async (context) => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.loadingTexts = [];
      new MutationObserver(() => {
        const p = document.getElementById('wwe-loading-text');
        if (p && window.loadingTexts[window.loadingTexts.length - 1] !== p.textContent) window.loadingTexts.push(p.textContent);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    // Uncompressed, with its length: the bar can show a percentage.
    await page.route('**/explorer.wasm', async (route) => {
      const response = await route.fetch({ headers: { 'accept-encoding': 'identity' } });
      const body = await response.body();
      await route.fulfill({ status: 200, body, headers: { 'content-type': 'application/wasm', 'content-length': String(body.length) } });
    });
    await page.goto(shared.server.url);
    await page.evaluate(() => window.explorer.ready);
    const texts = await page.evaluate(() => window.loadingTexts);
    assert.ok(texts.some((t) => /^Downloading the explorer… \d+% \(\d+\.\d MB of \d+\.\d MB\)$/.test(t)), texts.join(' | '));
    assert.ok(texts.includes('Loading the article…'), texts.join(' | '));
    assert.equal(await page.locator('#wwe-loading').isHidden(), true);
  });
});

test('the example course page drives both embeds', async () => {
  await withContext({ viewport: { width: 1100, height: 1400 } }, async (context) => {
    const page = await context.newPage();
    const lines = [];
    page.on('pageerror', (e) => lines.push(`pageerror: ${e.message}`));
    await page.goto(shared.server.url + 'embed-example.html');
    await page.waitForFunction(() => /^Ready/.test(document.getElementById('map-status').textContent) &&
      /^Ready/.test(document.getElementById('reader-status').textContent), null, { timeout: 30000 });
    const frames = () => ({
      map: page.frames().find((f) => f.url().includes('embed=map')),
      reader: page.frames().find((f) => f.url().includes('embed=reader')),
    });
    const { map, reader } = frames();
    const mapState = () => map.evaluate(() => window.explorer.getState());
    const readerState = () => reader.evaluate(() => window.explorer.getState());
    assert.deepEqual((await mapState()).selection, { kind: 'entity', id: 'belt-and-road' });
    assert.deepEqual((await mapState()).facets, { front: ['economic'] });

    await page.click('text=Highlight the AIIB');
    await page.waitForFunction(() => /selected aiib/.test(document.getElementById('map-status').textContent));
    assert.deepEqual((await mapState()).selection, { kind: 'entity', id: 'aiib' });
    await page.click('text=Security front instead');
    await page.waitForFunction(() => /front: security/.test(document.getElementById('map-status').textContent));
    assert.deepEqual((await mapState()).facets, { front: ['security'] });

    await page.click('text=Search “confrontation”');
    await page.waitForFunction(() => /confrontation/.test(document.getElementById('reader-status').textContent));
    const rs = await readerState();
    assert.equal(rs.query, 'confrontation');
    assert.deepEqual(rs.facets, { dimension: ['security'] }, 'the reader embed stays locked to security');
    await page.click('text=How many passages on partnership?');
    await page.waitForFunction(() => /Answer: \d+ passages/.test(document.getElementById('reader-answer').textContent));
    assert.equal((await mapState()).view, 'map', 'each button drives its own embed');
    assert.deepEqual(lines, []);
  });
});

test('compact: a 480x360 frame shows one panel at a time; the filter panel folds', async () => {
  await withContext({ viewport: { width: 480, height: 360 } }, async (context) => {
    const page = await openExplorer(context, shared.server.url + 'index.html?embed#v=map&f.front=economic');
    assert.equal(page.readyError, null);
    await settle(page);
    assert.ok(distinctColours(await page.screenshot()) > 20);
    const nodes = await page.evaluate(() => window.explorer.mapNodes());
    assert.ok(nodes.some((n) => n.visible), 'the map, not the filter panel, fills the frame');
  });
});

test('a host message nested 2,500 deep, or with a Map of facets, gets an error with its requestId; nothing changes', async () => {
  await withContext({}, async (context) => {
    const page = await openHost(context, 'index.html?embed=deep#v=reader&f.front=economic', { sandbox: 'allow-scripts' });
    await waitMessage(page, (m) => m.type === 'ready', 'ready');
    await page.evaluate(() => {
      let facets = [];
      for (let i = 1; i < 2500; ++i) facets = [facets];
      window.send({ protocol: 'win-win-explorer', version: 1, type: 'setState', requestId: 'deep', state: { view: 'map', facets } });
    });
    const deep = await waitMessage(page, (m) => m.requestId === 'deep', 'reply to the deep message');
    assert.equal(deep.type, 'error');
    assert.match(deep.message, /^Message not obeyed: message: expected JSON nested at most 16 levels deep, found level 17 at line 1, column \d+$/);

    // A Map crosses postMessage as a Map; JSON would write it as {} and clear the filters.
    await page.evaluate(() => window.send({ protocol: 'win-win-explorer', version: 1, type: 'setState', requestId: 'map',
      state: { view: 'map', facets: new Map([['front', ['security']]]) } }));
    const map = await waitMessage(page, (m) => m.requestId === 'map', 'reply to the Map');
    assert.equal(map.type, 'error');
    assert.deepEqual(map.problems, ['message: /state/facets: expected a plain object or array (JSON), found a Map']);

    // A message the browser could not deserialise: an error all the same (no id to echo).
    const frame = page.frames().find((f) => f !== page.mainFrame());
    await frame.evaluate(() => window.dispatchEvent(new MessageEvent('messageerror', { source: window.parent, data: null })));
    const unread = await waitMessage(page, (m) => m.type === 'error' && /could not/.test(m.message), 'error for an unreadable message');
    assert.equal(unread.requestId, null);

    await page.evaluate(() => window.send({ protocol: 'win-win-explorer', version: 1, type: 'getState', requestId: 'after' }));
    const after = await waitMessage(page, (m) => m.requestId === 'after', 'reply after');
    assert.equal(after.type, 'result', 'the explorer still answers');
    assert.equal(after.state.view, 'reader');
    assert.deepEqual(after.state.facets, { front: ['economic'] }, 'the filters are kept');
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror')), []);
  });
});
