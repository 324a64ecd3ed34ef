#!/usr/bin/env node
// Measures one web build for docs/benchmarks.md ("Build flags"): the size of explorer.wasm
// (raw and gzip -9), of dist/ as served (gzip), and in headless Chromium with a generated
// 2,000-passage article (tools/make_article.mjs): the time from navigation to
// explorer.ready, and explorer.query p50 / p95 over a fixed set of searches.
//
//   node tools/web_flags.mjs --dist DIR [--label TEXT] [--passages 2000] [--runs 40]
//
// Prints one Markdown table row. Chromium and the article as in the browser tests
// (tests/browser/browser.mjs); one page, after a warm-up.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch } from '../tests/browser/browser.mjs';
import { serve } from './serve.mjs';
import { makeArticle } from './make_article.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dist = path.resolve(arg('--dist', 'dist'));
const label = arg('--label', path.basename(dist));
const passages = Number(arg('--passages', '2000'));
const runs = Number(arg('--runs', '40'));

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const wasm = path.join(dist, 'explorer.wasm');
const served = ['index.html', 'shell.js', 'style.css', 'explorer.js', 'explorer.wasm', 'assets/article.json']
  .map((f) => path.join(dist, f)).filter((f) => fs.existsSync(f)).reduce((sum, f) => sum + gz(f), 0);

const base = JSON.parse(fs.readFileSync(path.join(dist, 'assets', 'article.json'), 'utf8'));
const article = JSON.stringify(makeArticle(base, passages, 1));
const QUERIES = [{ text: 'security' }, { text: 'win-win cooperation' }, { text: 'development partnership' },
  { text: '"common security"' }, { text: 'china' }, { text: '', facets: { dimension: ['security'] } }];

const { server, url } = await serve({ root: dist, port: 0 });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route('**/assets/article.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: article }));
  await page.goto(url);
  const readyMs = await page.evaluate(() => window.explorer.ready.then(() => performance.now()));
  await page.evaluate(() => window.explorer.idle());
  const times = await page.evaluate(({ queries, runs }) => {
    for (const q of queries) window.explorer.query(q);  // warm-up
    const out = [];
    for (let i = 0; i < runs; i++) {
      for (const q of queries) {
        const t0 = performance.now();
        window.explorer.query(q);
        out.push(performance.now() - t0);
      }
    }
    return out.sort((a, b) => a - b);
  }, { queries: QUERIES, runs });
  const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
  const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
  console.log(`| ${label} | ${kb(fs.statSync(wasm).size)} | ${kb(gz(wasm))} | ${kb(served)} | ${readyMs.toFixed(0)} ms | ${pct(50).toFixed(2)} ms | ${pct(95).toFixed(2)} ms |`);
} finally {
  await browser.close();
  server.close();
}
