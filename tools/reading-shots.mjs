#!/usr/bin/env node
// Screenshots of the views issue 12 touched (for looking at them, not a test):
//   node tools/reading-shots.mjs OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { launch, serveDist } from '../tests/browser/browser.mjs';

const out = process.argv[2] || 'screenshots';
fs.mkdirSync(out, { recursive: true });
const server = await serveDist();
const browser = await launch();
const shots = [
  ['reader-filters-search', { facets: { front: ['security', 'cultural'] }, query: 'trend of the times' }],
  ['reader-details', { selection: { kind: 'concept', id: 'new-type-ir' } }],
  ['map-fit', { view: 'map' }],
  ['map-node', { view: 'map', selection: { kind: 'entity', id: 'china' } }],
  ['map-relation', { view: 'map', selection: { kind: 'relation', id: '__first__' } }],
  ['contexts', { view: 'contexts', query: 'cooperation' }],
  ['terms', { view: 'terms' }],
  ['terms-filtered', { view: 'terms', facets: { front: ['economic'] } }],
];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('console', (m) => console.log(`  [${m.type()}] ${m.text()}`));
  await page.goto(server.url + 'index.html');
  await page.evaluate(() => window.explorer.ready);
  const article = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'dist', 'assets', 'article.json'), 'utf8'));
  for (const [name, st] of shots) {
    const reset = { view: 'reader', facets: {}, query: '', selection: null, map: { zoom: 0, x: 0, y: 0 } };
    if (st.selection && st.selection.id === '__first__') {
      const r = article.relations.find((x) => x.source === 'china' || x.target === 'china') || article.relations[0];
      st.selection = { kind: 'relation', id: r.id };
    }
    console.log(name, await page.evaluate((s) => window.explorer.setState(s), { ...reset, ...st }));
    await page.mouse.move(5, 795);
    await page.evaluate(() => window.explorer.idle());
    await page.screenshot({ path: path.join(out, `${name}.png`) });
  }
  // The notebook: two passages collected, the window opened from the toolbar.
  await page.evaluate(() => window.explorer.setState({ view: 'reader', facets: {}, query: 'security', selection: null }));
  await page.evaluate(() => { window.explorer.addToNotebook('p3', 'The vision and the UN Charter'); window.explorer.addToNotebook('p9', ''); });
  await page.evaluate(() => window.explorer.idle());
  const share = await page.evaluate(() => { const r = document.querySelector('[data-id="share"]').getBoundingClientRect(); return { x: r.x, y: r.y + r.height / 2 }; });
  await page.mouse.click(share.x - 40, share.y);
  await page.evaluate(() => window.explorer.idle());
  await page.screenshot({ path: path.join(out, 'notebook.png') });
  await context.close();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const p2 = await phone.newPage();
  await p2.goto(server.url + 'index.html#q=cooperation');
  await p2.evaluate(() => window.explorer.ready);
  await p2.evaluate(() => window.explorer.idle());
  await p2.screenshot({ path: path.join(out, 'phone-reader.png') });
  await phone.close();
} finally {
  await browser.close();
  await server.close();
}
