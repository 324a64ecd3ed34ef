// Search benchmark: our search (natively, and as WebAssembly in this process) beside
// minisearch, flexsearch and lunr, on the same generated corpora (corpus.mjs) and queries.
// Called by bench.mjs; returns the measurements, which bench.mjs turns into tables.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import FlexSearch from "flexsearch";
import lunr from "lunr";
import { articleJson, passages, queries } from "./corpus.mjs";
import { latency, summarize } from "./stats.mjs";

const require = createRequire(import.meta.url);
const here = (p) => fileURLToPath(new URL(p, import.meta.url));

const gc = () => {
  globalThis.gc();
  globalThis.gc();
};

// The article file for n passages, generated once and kept in build/ (regenerated when the
// generator changes).
function corpusFile(n) {
  const file = here(`./build/corpus-${n}.json`);
  if (!existsSync(file) || statSync(file).mtimeMs < statSync(here("./corpus.mjs")).mtimeMs)
    writeFileSync(file, articleJson(passages(n)));
  return file;
}

// Times `run(q)` for every query, `rounds` times after one warm-up pass: times[round][query].
function timeQueries(list, rounds, run) {
  const matches = list.map((q) => run(q));
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const t = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const start = performance.now();
      run(list[i]);
      t[i] = performance.now() - start;
    }
    times.push(t);
  }
  return { times, matches };
}

const builds = (n) => (n >= 100000 ? 2 : 3);

function native(n, file, qfiles, rounds) {
  const r = spawnSync(here("./build/search_native"), [file, ...qfiles, String(rounds), String(builds(n))], {
    maxBuffer: 1 << 30,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`search_native failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout);
  const split = (a) => Array.from({ length: rounds }, (_, k) => a.slice((k * a.length) / rounds, ((k + 1) * a.length) / rounds));
  return {
    build: summarize(out.load_ms.map((l, i) => l + out.index_ms[i])),
    index: summarize(out.index_ms),
    memory: out.corpus_bytes,
    memoryIndex: out.corpus_bytes - out.text_bytes,
    one: latency(split(out.one)),
    two: latency(split(out.two)),
    matches: { one: out.one_matches, two: out.two_matches },
  };
}

async function wasm(n, json, lists, rounds) {
  const Module = await require("./build/search.cjs")();
  const bytes = Buffer.from(json, "utf8");
  const ptr = Module._malloc(bytes.length);
  Module.HEAPU8.set(bytes, ptr);
  const load = [], index = [];
  for (let b = 0; b < builds(n); b++) {
    const errors = Module._wwe_bench_load(ptr, bytes.length);
    if (errors) throw new Error(`our loader refused the ${n}-passage corpus (${errors} errors)`);
    load.push(Module._wwe_bench_load_ms());
    index.push(Module._wwe_bench_index_ms());
  }
  Module._free(ptr);
  const result = {
    build: summarize(load.map((l, i) => l + index[i])),
    index: summarize(index),
    memory: Module._wwe_bench_corpus_bytes(),
    memoryIndex: Module._wwe_bench_corpus_bytes() - Module._wwe_bench_text_bytes(),
    wasmMemory: Module.HEAPU8.length,
    matches: {},
  };
  for (const [name, list] of Object.entries(lists)) {
    const ptrs = new Map();
    for (const q of list) {
      const b = Buffer.from(q + "\0", "utf8");
      const p = Module._malloc(b.length);
      Module.HEAPU8.set(b, p);
      ptrs.set(q, p);
    }
    const { times, matches } = timeQueries(list, rounds, (q) => Module._wwe_bench_query(ptrs.get(q)));
    Object.assign(result, { [name]: latency(times) });
    result.matches[name] = matches;
    for (const p of ptrs.values()) Module._free(p);
  }
  Module._wwe_bench_free();
  return result;
}

// The peers: how each builds its index and answers an AND query. `count` gives every match
// (for checking that the peers and we agree); `search` is what is timed, each library's
// ranked search as documented (flexsearch: its top 20, as we rank 20).
const peers = {
  minisearch: {
    build(docs) {
      const ms = new MiniSearch({ fields: ["text"] });
      ms.addAll(docs);
      return ms;
    },
    search: (ix, q) => ix.search(q, { combineWith: "AND" }).length,
    count: (ix, q) => ix.search(q, { combineWith: "AND" }).length,
  },
  flexsearch: {
    build(docs) {
      const ix = new FlexSearch.Index();
      for (const d of docs) ix.add(d.id, d.text);
      return ix;
    },
    search: (ix, q) => ix.search(q, { limit: 20 }).length,
    count: (ix, q) => ix.search(q, { limit: 1e9 }).length,
  },
  lunr: {
    build(docs) {
      return lunr(function () {
        this.ref("id");
        this.field("text");
        for (const d of docs) this.add(d);
      });
    },
    search: (ix, q) => ix.search(q.split(" ").map((w) => "+" + w).join(" ")).length,
    count: (ix, q) => ix.search(q.split(" ").map((w) => "+" + w).join(" ")).length,
  },
};

function peer(name, n, docs, lists, rounds) {
  const p = peers[name];
  const times = [];
  let ix = null, memory = 0;
  for (let b = 0; b < builds(n); b++) {
    ix = null;
    gc();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    ix = p.build(docs);
    times.push(performance.now() - start);
    gc();
    memory = process.memoryUsage().heapUsed - before;
  }
  const result = { build: summarize(times), memory, memoryIndex: memory, matches: {} };
  for (const [set, list] of Object.entries(lists)) {
    const { times: t } = timeQueries(list, rounds, (q) => p.search(ix, q));
    result[set] = latency(t);
    result.matches[set] = list.map((q) => p.count(ix, q));
  }
  return result;
}

export const IMPLEMENTATIONS = ["ours, native", "ours, wasm", "minisearch", "flexsearch", "lunr"];
export const PEERS = ["minisearch", "flexsearch", "lunr"];

// `peerMax`: the largest corpus each peer is run on (minisearch and lunr take minutes per
// 100k build, and their AND queries tens of milliseconds each).
export async function benchSearch({ sizes, rounds, nQueries, peerMax = {}, log }) {
  const lists = { one: queries(nQueries, 1), two: queries(nQueries, 2) };
  const qfiles = [here("./build/queries-1.txt"), here("./build/queries-2.txt")];
  writeFileSync(qfiles[0], lists.one.join("\n") + "\n");
  writeFileSync(qfiles[1], lists.two.join("\n") + "\n");
  const results = {};
  for (const n of sizes) {
    const file = corpusFile(n);
    const json = readFileSync(file, "utf8");
    const docs = JSON.parse(json).passages.map((p, i) => ({ id: i, text: p.text }));
    const r = {};
    log(`search n=${n}: corpus ${(json.length / 1e6).toFixed(1)} MB`);
    r["ours, native"] = native(n, file, qfiles, rounds);
    log(`  ours, native: ${r["ours, native"].build.value.toFixed(0)} ms build`);
    r["ours, wasm"] = await wasm(n, json, lists, rounds);
    log(`  ours, wasm: ${r["ours, wasm"].build.value.toFixed(0)} ms build`);
    for (const name of PEERS) {
      if (n > (peerMax[name] ?? Infinity)) continue;
      r[name] = peer(name, n, docs, lists, rounds);
      log(`  ${name}: ${r[name].build.value.toFixed(0)} ms build`);
    }
    // Agreement: the queries where a peer finds as many passages as we do.
    const ours = r["ours, wasm"].matches;
    for (const name of IMPLEMENTATIONS) {
      if (!r[name]) continue;
      const m = r[name].matches;
      let same = 0, total = 0;
      for (const set of ["one", "two"])
        for (let i = 0; i < m[set].length; i++) {
          total++;
          if (m[set][i] === ours[set][i]) same++;
        }
      r[name].agree = same / total;
    }
    r.meanMatches = {
      one: ours.one.reduce((s, x) => s + x, 0) / ours.one.length,
      two: ours.two.reduce((s, x) => s + x, 0) / ours.two.length,
    };
    results[n] = r;
  }
  return results;
}
