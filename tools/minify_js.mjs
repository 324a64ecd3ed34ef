#!/usr/bin/env node
// Minifies a script of the page for dist/ with Debian's terser (node-terser, installed by
// emsdk-setup.sh): compressed, local names shortened, top-level names kept (the page's
// scripts share globals: shell.js sets `Module` before explorer.js reads it).
// Emscripten 3.1.6 without Closure only removes whitespace and comments: this takes
// explorer.js from 49 to 42 KB and shell.js from 14 to 7 KB (gzip; docs/benchmarks.md, "Size").
//
//   node tools/minify_js.mjs IN OUT        (IN and OUT may be the same file)
//
// Exit status 1 with a message when terser is missing or the script does not parse.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node tools/minify_js.mjs IN OUT');
  process.exit(2);
}
const TERSER = '/usr/share/nodejs/terser/dist/bundle.min.cjs';
let minify;
try {
  ({ minify } = createRequire(import.meta.url)(TERSER));
} catch (err) {
  console.error(`minify_js: ${TERSER} not found (apt-get install node-terser, or run ./emsdk-setup.sh)`);
  process.exit(1);
}
const source = fs.readFileSync(input, 'utf8');
try {
  const result = await minify(source, { compress: { passes: 2 }, mangle: true, format: { comments: false } });
  fs.writeFileSync(output, result.code);
} catch (err) {
  console.error(`minify_js: ${input}: ${err.message}${err.line ? ` (line ${err.line}, column ${err.col})` : ''}`);
  process.exit(1);
}
