// Layout benchmark: our ForceLayout (C++ → WebAssembly) beside d3-force and
// ngraph.forcelayout, on the same seeded Barabási–Albert graphs (mean degree ≈ 4).
//   node --no-experimental-fetch bench/bench.mjs [--sizes 1000,10000,50000]
// Prints a Markdown table: ms per iteration (one tick of the whole simulation) and the
// ratio to the fastest peer. Timing: a few warm-up ticks, then the mean over N ticks.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { forceSimulation, forceLink, forceManyBody, forceX, forceY } from "d3-force";
import createGraph from "ngraph.graph";
import createLayout from "ngraph.forcelayout";

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const sizesArg = args.includes("--sizes") ? args[args.indexOf("--sizes") + 1] : "1000,10000,50000";
const sizes = sizesArg.split(",").map(Number);

// mulberry32: a small seeded PRNG, so every library gets the same graph.
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Barabási–Albert: each new node attaches to m = 2 earlier nodes, chosen with probability
// proportional to degree (by picking a random endpoint of an existing edge).
function barabasiAlbert(n, m, seed) {
  const random = rng(seed);
  const edges = [];
  const ends = [0, 1];
  edges.push([1, 0]);
  for (let v = 2; v < n; v++) {
    const chosen = new Set();
    while (chosen.size < Math.min(m, v)) chosen.add(ends[Math.floor(random() * ends.length)]);
    for (const u of chosen) {
      edges.push([v, u]);
      ends.push(u, v);
    }
  }
  return edges;
}

function time(tick, warmup, iterations) {
  for (let i = 0; i < warmup; i++) tick();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) tick();
  return (performance.now() - start) / iterations;
}

function benchOurs(Module, n, edges, iterations) {
  const flat = new Int32Array(edges.flat());
  const ptr = Module._malloc(flat.byteLength);
  Module.HEAP32.set(flat, ptr >> 2);
  const layout = Module._wwe_layout_create(n, ptr, edges.length, 1);
  Module._free(ptr);
  const ms = time(() => {
    if (Module._wwe_layout_tick(layout, 1) === 0) Module._wwe_layout_reheat(layout);
  }, 3, iterations);
  Module._wwe_layout_destroy(layout);
  return ms;
}

function benchD3(n, edges, iterations) {
  const nodes = Array.from({ length: n }, (_, i) => ({ index: i }));
  const links = edges.map(([s, t]) => ({ source: s, target: t }));
  const sim = forceSimulation(nodes)
    .force("link", forceLink(links).distance(30))
    .force("charge", forceManyBody())
    .force("x", forceX().strength(0.02))
    .force("y", forceY().strength(0.02))
    .stop();
  return time(() => sim.tick(), 3, iterations);
}

function benchNgraph(n, edges, iterations) {
  const graph = createGraph();
  for (let i = 0; i < n; i++) graph.addNode(i);
  for (const [s, t] of edges) graph.addLink(s, t);
  const layout = createLayout(graph, { springLength: 30 });
  return time(() => layout.step(), 3, iterations);
}

const createModule = require("./build/layout.cjs");
const Module = await createModule();

const rows = [];
for (const n of sizes) {
  const edges = barabasiAlbert(n, 2, 12345 + n);
  const iterations = n <= 1000 ? 100 : n <= 10000 ? 20 : 5;
  const ours = benchOurs(Module, n, edges, iterations);
  const d3 = benchD3(n, edges, iterations);
  const ngraph = benchNgraph(n, edges, iterations);
  const fastestPeer = Math.min(d3, ngraph);
  rows.push({ n, m: edges.length, ours, d3, ngraph, ratio: fastestPeer / ours });
  console.error(`n=${n}: ours ${ours.toFixed(2)} ms, d3-force ${d3.toFixed(2)} ms, ngraph ${ngraph.toFixed(2)} ms`);
}

console.log("| nodes | edges | ours (wasm) ms/iter | d3-force ms/iter | ngraph.forcelayout ms/iter | fastest peer ÷ ours |");
console.log("|---:|---:|---:|---:|---:|---:|");
for (const r of rows)
  console.log(`| ${r.n} | ${r.m} | ${r.ours.toFixed(2)} | ${r.d3.toFixed(2)} | ${r.ngraph.toFixed(2)} | ${r.ratio.toFixed(1)}× |`);
