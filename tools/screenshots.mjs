#!/usr/bin/env node
// Screenshots of the built app for looking at it (not a test): dist/ served locally, then
// PNGs at several window sizes and pixel ratios, optionally after a setState.
//
//   node tools/screenshots.mjs OUT_DIR [--state JSON] [--standalone] [--page PATH]
//                                      [--size WxH@DPR]
// Writes OUT_DIR/<width>x<height>@<dpr>.png for 1280x800@1, 1280x800@2 and 480x360@1 (or
// the one --size). --page opens PATH under dist/ (e.g. "index.html?theme=dark#v=map" or
// "embed-example.html", which has no window.explorer: it waits 4 s instead).
import fs from 'node:fs';
import path from 'node:path';
import { launch, serveDist, DIST } from '../tests/browser/browser.mjs';

const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith('--')) || 'screenshots';
const stateArg = args.indexOf('--state');
const state = stateArg >= 0 ? JSON.parse(args[stateArg + 1]) : null;
const standalone = args.includes('--standalone');
const pageArg = args.indexOf('--page');
const pagePath = pageArg >= 0 ? args[pageArg + 1] : '';
const sizeArg = args.indexOf('--size');
const sizes = sizeArg >= 0 ? [args[sizeArg + 1].split(/[x@]/).map(Number)] : [[1280, 800, 1], [1280, 800, 2], [480, 360, 1]];

fs.mkdirSync(out, { recursive: true });
const server = await serveDist();
const browser = await launch();
try {
  for (const [width, height, dpr] of sizes) {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr });
    const page = await context.newPage();
    page.on('console', (m) => console.log(`  [${m.type()}] ${m.text()}`));
    const url = standalone ? 'file://' + path.join(DIST, 'explorer-standalone.html') : server.url + pagePath;
    await page.goto(url);
    if (await page.evaluate(() => Boolean(window.explorer))) await page.evaluate(() => window.explorer.ready);
    else await page.waitForTimeout(4000);
    if (state) console.log('  setState problems:', await page.evaluate((s) => window.explorer.setState(s), state));
    await page.waitForTimeout(300);
    const file = path.join(out, `${width}x${height}@${dpr}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
