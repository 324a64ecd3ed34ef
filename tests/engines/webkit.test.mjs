// The engine subset in WebKit (Debian's webkit2gtk-driver: WebKitWebDriver driving
// MiniBrowser, W3C WebDriver over HTTP, webdriver.mjs; under Xvfb: tools/test-browser.sh
// --engines). The checks: checks.mjs. Screenshots go to test-results/engines/webkit-*.png.
import { test as nodeTest, before, after } from 'node:test';
import { serveDist } from '../browser/browser.mjs';
import { launchWebKitEngine, missing } from './engines.mjs';
import * as checks from './checks.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 180_000 }, fn);
let engine = null, server = null;

before(async () => {
  const why = missing('webkit');
  if (why) throw new Error(`WebKit cannot run here: ${why}`);
  server = await serveDist();
  engine = await launchWebKitEngine();
  console.log(`engine: ${engine.version}`);
});
after(async () => {
  await engine?.close();
  await server?.close();
});

test('WebKit: the explorer opens and draws', async () => {
  await checks.open(engine, server.url);
  await checks.drawsTheExplorer(engine);
});

test('WebKit: the accessible mirror holds the article, its headings and facets; innerText is the article', async () => {
  await checks.mirrorHoldsTheArticle(engine);
});

test('WebKit: "/" focuses the search field and typing filters', async () => {
  await checks.slashAndTyping(engine);
});

test('WebKit: "/" and "\'" typed in the explorer keep the focus in the page', async () => {
  await checks.keysStayInThePage(engine);
});

test('WebKit: a mouse drag over a passage selects exactly those words', async () => {
  await checks.selectingText(engine);
});

test('WebKit: Tab leaves the explorer at the end of its focus order', async () => {
  await checks.tabLeaves(engine);
});
