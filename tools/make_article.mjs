#!/usr/bin/env node
// Writes a long article file for tests and measurements: the shipped article (or --base)
// with its passages followed by generated ones, so that everything it annotates still
// resolves (nodes, relations, events, tours name passages p1..p15) and the generated text
// mentions the same concepts and entities.
//
//   node tools/make_article.mjs --passages 2000 [--seed 1] [--base assets/article.json] --out FILE
//
// Each generated passage is 2 to 5 sentences drawn (seeded: the same arguments give the same
// file) from the base article's passages, with the facet values of the first one's passage,
// numbered in words at its start so that every passage differs. Generated passages go into
// generated sections of ~100 passages (at most 60 sections), after the base sections. The
// result passes `explorer validate` (warnings aside). Large outputs are not committed:
// generate them where they are needed (tests/browser/long_article.test.mjs does).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// mulberry32: a small seeded PRNG.
function rng(seed) {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
function words(n) {
  if (n < 20) return ONES[n];
  if (n < 100) return TENS[Math.floor(n / 10)] + (n % 10 ? '-' + ONES[n % 10] : '');
  if (n < 1000) return ONES[Math.floor(n / 100)] + ' hundred' + (n % 100 ? ' ' + words(n % 100) : '');
  return words(Math.floor(n / 1000)) + ' thousand' + (n % 1000 ? ' ' + words(n % 1000) : '');
}

// Builds the article object: `passages` in all (at least the base's), from `seed`.
export function makeArticle(base, passages, seed = 1) {
  const article = structuredClone(base);
  const random = rng(seed);
  const sentences = [];  // {text, passage}
  for (const p of base.passages) {
    for (const s of p.text.split(/(?<=[.!?])\s+/)) if (s.length > 20) sentences.push({ text: s, passage: p });
  }
  const extra = Math.max(0, passages - base.passages.length);
  const sectionCount = Math.min(60, Math.max(1, Math.ceil(extra / 100)));
  const firstNumber = Math.max(0, ...base.sections.map((s) => s.number || 0)) + 1;
  for (let k = 0; k < sectionCount && extra > 0; k++) {
    article.sections.push({
      id: `g${k + 1}`, number: firstNumber + k, heading: `Generated part ${k + 1}: more of the same text`,
      label: `G${k + 1}. Generated`,
    });
  }
  for (let i = 0; i < extra; i++) {
    const count = 2 + Math.floor(random() * 4);
    const picked = [];
    for (let k = 0; k < count; k++) picked.push(sentences[Math.floor(random() * sentences.length)]);
    const number = base.passages.length + i + 1;
    const text = `Passage ${words(number)}. ` + picked.map((s) => s.text).join(' ');
    article.passages.push({
      id: `p${number}`,
      section: `g${Math.floor((i * sectionCount) / extra) + 1}`,
      text,
      facets: structuredClone(picked[0].passage.facets || {}),
    });
  }
  article.meta.title = `${base.meta.title} (${article.passages.length} passages, generated)`;
  return article;
}

function main() {
  const args = process.argv.slice(2);
  const arg = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  };
  const passages = Number(arg('--passages', '2000'));
  const seed = Number(arg('--seed', '1'));
  const basePath = arg('--base', path.join(ROOT, 'assets', 'article.json'));
  const out = arg('--out', '');
  if (!Number.isInteger(passages) || passages < 1 || !Number.isInteger(seed) || !out) {
    console.error('usage: node tools/make_article.mjs --passages N [--seed S] [--base FILE] --out FILE');
    process.exit(2);
  }
  const base = JSON.parse(fs.readFileSync(basePath, 'utf8'));
  const text = JSON.stringify(makeArticle(base, passages, seed));
  fs.writeFileSync(out, text);
  console.error(`make_article: ${out}: ${passages} passages, ${(text.length / 1048576).toFixed(1)} MiB`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
