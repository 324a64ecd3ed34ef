// Layout benchmark: our ForceLayout (C++ → WebAssembly) beside d3-force,
// ngraph.forcelayout and graphology-layout-forceatlas2, on the same seeded Barabási–Albert
// graphs (mean degree ≈ 4). Speed: ms per iteration (one tick of the whole simulation),
// after warm-up ticks, repeated. Quality, so that fast is not wrong: after a fixed number of
// ticks from each library's own start, the normalised stress against graph distances and
// the spread of edge lengths (coefficient of variation).
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { forceSimulation, forceLink, forceManyBody, forceX, forceY } from "d3-force";
import createGraph from "ngraph.graph";
import createLayout from "ngraph.forcelayout";
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { rng } from "./corpus.mjs";
import { summarize } from "./stats.mjs";

const require = createRequire(import.meta.url);

// Barabási–Albert: each new node attaches to m = 2 earlier nodes, chosen with probability
// proportional to degree (by picking a random endpoint of an existing edge).
export function barabasiAlbert(n, m, seed) {
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

// Each library as: create(n, edges) -> { tick(), positions() -> [xs, ys], dispose() }.
function ours(Module) {
  return (n, edges) => {
    const flat = new Int32Array(edges.flat());
    const ptr = Module._malloc(flat.byteLength);
    Module.HEAP32.set(flat, ptr >> 2);
    const layout = Module._wwe_layout_create(n, ptr, edges.length, 1);
    Module._free(ptr);
    return {
      tick: () => Module._wwe_layout_tick(layout, 1),
      reheat: () => Module._wwe_layout_reheat(layout),
      positions() {
        const x = new Float32Array(Module.HEAPF32.buffer, Module._wwe_layout_x(layout), n);
        const y = new Float32Array(Module.HEAPF32.buffer, Module._wwe_layout_y(layout), n);
        return [Array.from(x), Array.from(y)];
      },
      dispose: () => Module._wwe_layout_destroy(layout),
    };
  };
}

// The same model as ours: link distance 30, charge −30 (Barnes–Hut, θ = 0.9), gravity 0.02.
function d3(n, edges) {
  const nodes = Array.from({ length: n }, (_, i) => ({ index: i }));
  const links = edges.map(([s, t]) => ({ source: s, target: t }));
  const sim = forceSimulation(nodes)
    .force("link", forceLink(links).distance(30))
    .force("charge", forceManyBody())
    .force("x", forceX().strength(0.02))
    .force("y", forceY().strength(0.02))
    .stop();
  return {
    tick: () => sim.tick(),
    reheat: () => sim.alpha(1),
    positions: () => [nodes.map((d) => d.x), nodes.map((d) => d.y)],
    dispose() {},
  };
}

function ngraph(n, edges) {
  const graph = createGraph();
  for (let i = 0; i < n; i++) graph.addNode(i);
  for (const [s, t] of edges) graph.addLink(s, t);
  const layout = createLayout(graph, { springLength: 30 });
  return {
    tick: () => layout.step(),
    reheat() {},
    positions() {
      const xs = new Array(n), ys = new Array(n);
      for (let i = 0; i < n; i++) {
        const p = layout.getNodePosition(i);
        xs[i] = p.x;
        ys[i] = p.y;
      }
      return [xs, ys];
    },
    dispose: () => layout.dispose(),
  };
}

// ForceAtlas2 with the settings the library infers for the graph's size, Barnes–Hut on
// (as for us and d3); start positions seeded at random, as the library expects.
function fa2(n, edges) {
  const graph = new Graph({ type: "undirected", multi: false });
  const random = rng(99 + n);
  for (let i = 0; i < n; i++) graph.addNode(i, { x: random() * 1000, y: random() * 1000 });
  for (const [s, t] of edges) if (!graph.hasEdge(s, t)) graph.addEdge(s, t);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: true };
  return {
    // One iteration per call converts the graph each time; batch instead (see `ticks`).
    tick: () => forceAtlas2.assign(graph, { iterations: 1, settings }),
    ticks: (k) => forceAtlas2.assign(graph, { iterations: k, settings }),
    reheat() {},
    positions() {
      const xs = new Array(n), ys = new Array(n);
      for (let i = 0; i < n; i++) {
        const a = graph.getNodeAttributes(i);
        xs[i] = a.x;
        ys[i] = a.y;
      }
      return [xs, ys];
    },
    dispose() {},
  };
}

// ms per tick: `warmup` ticks, then `repeats` timings of `k` ticks each.
function speed(make, n, edges, k, repeats) {
  const l = make(n, edges);
  const run = (count) => {
    if (l.ticks) l.ticks(count);
    else for (let i = 0; i < count; i++) if (l.tick() === 0) l.reheat();
  };
  run(3);
  const times = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    run(k);
    times.push((performance.now() - start) / k);
  }
  l.dispose();
  return summarize(times);
}

// Breadth-first distances from `source`.
function bfs(n, adj, source) {
  const d = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0, tail = 0;
  d[source] = 0;
  queue[tail++] = source;
  while (head < tail) {
    const u = queue[head++];
    for (const v of adj[u])
      if (d[v] < 0) {
        d[v] = d[u] + 1;
        queue[tail++] = v;
      }
  }
  return d;
}

// Layout quality of positions (xs, ys):
//   stress: Σ (s·|xi − xj| − dij)² / dij² over pairs (i, j), i among 64 random sources, j
//     every other node, dij the graph distance, s the scale that minimises the sum (so the
//     figure does not depend on the layout's units), divided by the number of pairs: 0 is a
//     drawing whose distances are the graph's, lower is better;
//   edge CV: standard deviation of the edge lengths over their mean (0: all equal).
export function quality(n, edges, xs, ys) {
  const adj = Array.from({ length: n }, () => []);
  for (const [s, t] of edges) {
    adj[s].push(t);
    adj[t].push(s);
  }
  const random = rng(2024);
  let sxd = 0, sxx = 0;
  const pairs = [];
  for (let k = 0; k < Math.min(64, n); k++) {
    const i = Math.floor(random() * n);
    const d = bfs(n, adj, i);
    for (let j = 0; j < n; j++) {
      if (j === i || d[j] <= 0) continue;
      const x = Math.hypot(xs[i] - xs[j], ys[i] - ys[j]);
      sxd += x / d[j];
      sxx += (x * x) / (d[j] * d[j]);
      pairs.push([x, d[j]]);
    }
  }
  const s = sxx > 0 ? sxd / sxx : 1;
  let stress = 0;
  for (const [x, d] of pairs) stress += ((s * x - d) * (s * x - d)) / (d * d);
  stress /= pairs.length;
  const lengths = edges.map(([a, b]) => Math.hypot(xs[a] - xs[b], ys[a] - ys[b]));
  const mean = lengths.reduce((t, v) => t + v, 0) / lengths.length;
  const sd = Math.sqrt(lengths.reduce((t, v) => t + (v - mean) * (v - mean), 0) / lengths.length);
  return { stress, edgeCv: sd / mean };
}

function settled(make, n, edges, ticks) {
  const l = make(n, edges);
  if (l.ticks) l.ticks(ticks);
  else for (let i = 0; i < ticks; i++) l.tick();  // ours stops moving once cooled
  const [xs, ys] = l.positions();
  l.dispose();
  return quality(n, edges, xs, ys);
}

export const LAYOUTS = ["ours (wasm)", "d3-force", "ngraph.forcelayout", "forceatlas2"];

export async function benchLayout({ sizes, log }) {
  const Module = await require("./build/layout.cjs")();
  const makers = { "ours (wasm)": ours(Module), "d3-force": d3, "ngraph.forcelayout": ngraph, forceatlas2: fa2 };
  const results = {};
  for (const n of sizes) {
    const edges = barabasiAlbert(n, 2, 12345 + n);
    const k = n <= 1000 ? 50 : n <= 10000 ? 10 : 3;
    const repeats = n <= 10000 ? 5 : 3;
    const qualityTicks = n <= 1000 ? 300 : n <= 10000 ? 100 : 0;  // none at 50k (d3: ~1 s a tick)
    const r = { edges: edges.length, qualityTicks };
    for (const name of LAYOUTS) {
      r[name] = { speed: speed(makers[name], n, edges, k, repeats) };
      if (qualityTicks) r[name].quality = settled(makers[name], n, edges, qualityTicks);
      log(`layout n=${n} ${name}: ${r[name].speed.value.toFixed(2)} ms/iter` +
          (qualityTicks ? `, stress ${r[name].quality.stress.toFixed(3)}, edge CV ${r[name].quality.edgeCv.toFixed(2)}` : ""));
    }
    results[n] = r;
  }
  return results;
}
