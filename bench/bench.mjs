// The benchmark suite (bench/run.sh builds what it needs, then runs this):
//   node --expose-gc bench/bench.mjs [--sizes 1000,10000,100000] [--layout-sizes 1000,10000,50000]
//        [--only search|layout] [--rounds 5] [--queries 200] [--slow-peers-max 10000] [--json FILE] [--from FILE]
// (--from: print the tables of a run saved with --json, measuring nothing)
// Prints Markdown tables: every figure with its noise, the ratio of the best peer measured
// in the same run to ours (> 1: we are ahead), and each cost's fitted growth exponent.
import { readFileSync, writeFileSync } from "node:fs";
import { benchSearch, IMPLEMENTATIONS, PEERS } from "./search.mjs";
import { benchLayout, LAYOUTS } from "./layout.mjs";
import { fmtBytes, fmtExp, fmtMs, fmtNumber, fmtRatio, growth, table } from "./stats.mjs";

const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(name) ? args[args.indexOf(name) + 1] : def);
let sizes = opt("--sizes", "1000,10000,100000").split(",").map(Number);
let layoutSizes = opt("--layout-sizes", "1000,10000,50000").split(",").map(Number);
const only = opt("--only", "");
const rounds = Number(opt("--rounds", "5"));
const nQueries = Number(opt("--queries", "200"));
const jsonOut = opt("--json", "");
const saved = opt("--from", "") ? JSON.parse(readFileSync(opt("--from", ""), "utf8")) : null;
const slowMax = Number(opt("--slow-peers-max", "10000"));  // minisearch and lunr
const log = (s) => console.error(s);

if (typeof globalThis.gc !== "function") throw new Error("run with node --expose-gc (bench/run.sh does)");

const out = [];
const print = (s = "") => {
  out.push(s);
  console.log(s);
};
const raw = {};

if (saved) {
  sizes = Object.keys(saved.search ?? {}).map(Number);
  layoutSizes = Object.keys(saved.layout ?? {}).map(Number);
}

if (only !== "layout" && (!saved || saved.search)) {
  const r = saved ? saved.search : await benchSearch({ sizes, rounds, nQueries, peerMax: { minisearch: slowMax, lunr: slowMax }, log });
  raw.search = r;
  const metrics = [
    ["load + index", (x) => x.build?.value, (x) => fmtMs(x.build)],
    ["memory (index)", (x) => x.memoryIndex, (x) => fmtBytes(x.memoryIndex) + (x.memory !== x.memoryIndex ? ` (${fmtBytes(x.memory)} with the text)` : "")],
    ["one word, p50", (x) => x.one.p50.value, (x) => fmtMs(x.one.p50)],
    ["one word, p95", (x) => x.one.p95.value, (x) => fmtMs(x.one.p95)],
    ["two words AND, p50", (x) => x.two.p50.value, (x) => fmtMs(x.two.p50)],
    ["two words AND, p95", (x) => x.two.p95.value, (x) => fmtMs(x.two.p95)],
  ];
  print("### Search");
  print();
  print(`${nQueries} one-word and ${nQueries} two-word queries, each timed ${rounds} times after a warm-up pass (a query's time: its best of the ${rounds}; ± half the spread of the percentile round by round; builds: the best of ${sizes.map((n) => (n >= 100000 ? 2 : 3)).join("/")}, ± half their range). Ours: ranked top 20 with snippets, facet counts and matched nodes (run_query, limit 20); minisearch and lunr: every match ranked; flexsearch: its top 20.`);
  for (const n of sizes) {
    const x = r[n];
    print();
    print(`**${n.toLocaleString("en-US")} passages** (a one-word query matches ${fmtNumber(x.meanMatches.one)} passages on average, a two-word one ${fmtNumber(x.meanMatches.two)})`);
    print();
    const rows = metrics.map(([label, value, fmt]) => {
      const best = Math.min(...PEERS.filter((p) => x[p]).map((p) => value(x[p])));
      return [label, ...IMPLEMENTATIONS.map((i) => (x[i] ? fmt(x[i]) : "not run")), fmtRatio(best / value(x["ours, wasm"])), fmtRatio(best / value(x["ours, native"]))];
    });
    rows.push(["same match counts as ours", ...IMPLEMENTATIONS.map((i) => (x[i] ? `${Math.round(x[i].agree * 100)}%` : "")), "", ""]);
    print(table(["", ...IMPLEMENTATIONS, "best peer ÷ ours, wasm", "best peer ÷ ours, native"], rows, ["l"]));
  }
  if (sizes.length >= 2) {
    print();
    print(`Growth exponents k (cost ∝ passages^k, least squares over ${sizes.join(", ")} passages):`);
    print();
    print(table(["", ...metrics.map(([label]) => label)],
      IMPLEMENTATIONS.map((i) => {
        const measured = sizes.filter((n) => r[n][i]);
        const note = measured.length < sizes.length ? ` (${measured.join(", ")})` : "";
        return [i + note, ...metrics.map(([, value]) => fmtExp(growth(measured, measured.map((n) => value(r[n][i])))))];
      }), ["l"]));
  }
  // Issue 11's targets, at the largest size.
  const N = Math.max(...sizes);
  const w = r[N]["ours, wasm"], f = r[N].flexsearch;
  const kOne = growth(sizes, sizes.map((n) => r[n]["ours, wasm"].one.p95.value));
  const kTwo = growth(sizes, sizes.map((n) => r[n]["ours, wasm"].two.p95.value));
  const check = (ok) => (ok ? "met" : "**not met**");
  print();
  print(`Targets (issue 11) at ${N.toLocaleString("en-US")} passages, ours as WebAssembly:`);
  print();
  print(table(["target", "measured", ""], [
    ["one word p95 ≤ 1 ms", fmtMs(w.one.p95), check(w.one.p95.value <= 1)],
    ["two words AND p95 ≤ 2 ms", fmtMs(w.two.p95), check(w.two.p95.value <= 2)],
    ["index memory ≤ flexsearch's", `${fmtBytes(w.memoryIndex)} vs ${fmtBytes(f.memory)}`, check(w.memoryIndex <= f.memory)],
    ["load + index ≤ ½ flexsearch's build", `${fmtMs(w.build)} vs ${fmtMs(f.build)}`, check(w.build.value <= f.build.value / 2)],
    ["query p95 growth exponent ≤ 0.5", `${fmtExp(kOne)} (one word), ${fmtExp(kTwo)} (two words)`, check(kOne <= 0.5 && kTwo <= 0.5)],
  ], ["l", "l", "l"]));
}

if (only !== "search" && (!saved || saved.layout)) {
  const r = saved ? saved.layout : await benchLayout({ sizes: layoutSizes, log });
  raw.layout = r;
  const peers = LAYOUTS.slice(1);
  print();
  print("### Layout");
  print();
  print("ms per iteration (the best of 5 repeats, 3 at 50k, ± half their range), and the fastest peer ÷ ours:");
  print();
  print(table(["nodes", "edges", ...LAYOUTS, "fastest peer ÷ ours"], layoutSizes.map((n) => {
    const x = r[n];
    const best = Math.min(...peers.map((p) => x[p].speed.value));
    return [n, x.edges, ...LAYOUTS.map((l) => fmtMs(x[l].speed)), fmtRatio(best / x["ours (wasm)"].speed.value)];
  })));
  if (layoutSizes.length >= 2) {
    print();
    print(table(["growth exponent", ...LAYOUTS], [["ms per iteration", ...LAYOUTS.map((l) => fmtExp(growth(layoutSizes, layoutSizes.map((n) => r[n][l].speed.value))))]], ["l"]));
  }
  const withQuality = layoutSizes.filter((n) => r[n].qualityTicks);
  if (withQuality.length) {
    print();
    print("Layout quality after a fixed number of ticks (normalised stress against graph distances, lower is better / coefficient of variation of edge lengths, lower is more even):");
    print();
    print(table(["nodes", "ticks", ...LAYOUTS, "best peer's stress ÷ ours"], withQuality.map((n) => {
      const x = r[n];
      const best = Math.min(...peers.map((p) => x[p].quality.stress));
      return [n, x.qualityTicks, ...LAYOUTS.map((l) => `${x[l].quality.stress.toFixed(3)} / ${x[l].quality.edgeCv.toFixed(2)}`),
        fmtRatio(best / x["ours (wasm)"].quality.stress)];
    })));
  }
}

if (jsonOut) writeFileSync(jsonOut, JSON.stringify(raw, null, 1));
