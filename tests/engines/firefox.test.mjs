// The engine subset in Firefox (Debian's firefox-esr, WebDriver BiDi via puppeteer-core,
// under Xvfb: tools/test-browser.sh --engines). The checks: checks.mjs. Screenshots go to
// test-results/engines/firefox-*.png.
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from '../browser/browser.mjs';
import { launchFirefox, missing } from './engines.mjs';
import * as checks from './checks.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 180_000 }, fn);
let engine = null, server = null;

before(async () => {
  const why = missing('firefox');
  if (why) throw new Error(`Firefox cannot run here: ${why}`);
  server = await serveDist();
  engine = await launchFirefox();
  console.log(`engine: ${engine.version}`);
});
after(async () => {
  await engine?.close();
  await server?.close();
});

test('Firefox: the explorer opens and draws', async () => {
  await checks.open(engine, server.url);
  await checks.drawsTheExplorer(engine);
});

test('Firefox: the accessible mirror holds the article, its headings and facets; innerText is the article', async () => {
  await checks.mirrorHoldsTheArticle(engine);
});

test('Firefox: "/" focuses the search field and typing filters', async () => {
  await checks.slashAndTyping(engine);
});

test('Firefox: Quick Find stays closed: "/" and "\'" typed in the explorer keep the focus in the page', async () => {
  await checks.keysStayInThePage(engine);
});

test('Firefox: a mouse drag over a passage selects exactly those words', async () => {
  await checks.selectingText(engine);
});

test('Firefox: Tab leaves the explorer at the end of its focus order', async () => {
  await checks.tabLeaves(engine);
  assert.deepEqual(engine.errors, [], 'no page errors');
});

test('Firefox: the Quick Find check can fail: on a plain page "\'" does open Quick Find', async () => {
  await checks.quickFindOpensElsewhere(engine);
});
