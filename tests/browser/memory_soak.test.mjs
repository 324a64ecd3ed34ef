// Memory soak of the page API: thousands of view-state changes and queries and a few
// hundred explorer.load() calls scripted through window.explorer, with the WebAssembly
// heap compared at the same point of each round (docs/benchmarks.md, "API soak").
// Nothing waits for time to pass: each step waits for the app's own frames and idle().
//
// A round: LOADS loads alternating the shipped article (assets/article.json) and
// tests/data/mini.json, a refused file among them (the article shown stays), and after
// each load STEPS setState calls with varied views, facets, search text, selections, map
// and matrix settings and timeline ranges (some with unknown facets or values, which are
// reported, never applied), a query() per step, a frame every few steps. A round ends on
// the shipped article at its home view, the app still: the point where memory is sampled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openExplorer, settle, useBrowser, ROOT } from './browser.mjs';

const shared = useBrowser(before, after);

// WWE_API_SOAK_ROUNDS: rounds measured after the 3-round warm-up (at least 6).
const rounds = Number(process.env.WWE_API_SOAK_ROUNDS || 6);
const LOADS = 20;   // explorer.load() calls a round (one of them refused), and one to end it
const STEPS = 16;   // setState + query calls after each load

test('API soak: thousands of state changes and hundreds of loads leave the WebAssembly heap flat', { timeout: 120_000 + (rounds + 3) * 60_000 }, async () => {
  assert.ok(Number.isInteger(rounds) && rounds >= 6, `WWE_API_SOAK_ROUNDS: at least 6 (${process.env.WWE_API_SOAK_ROUNDS})`);
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openExplorer(context, `${shared.server.url}index.html`);
    assert.equal(page.readyError, null);
    await settle(page, 60_000);
    const cdp = await context.newCDPSession(page);
    const mini = fs.readFileSync(path.join(ROOT, 'tests', 'data', 'mini.json'), 'utf8');
    const setup = await page.evaluate(async ({ mini, loads, steps }) => {
      const shipped = await (await fetch('assets/article.json')).text();
      const soak = window.wweApiSoak = { shipped, mini, loads, steps, seed: 12345, counts: { states: 0, queries: 0, loads: 0, refused: 0, problems: 0 } };
      // A fixed pseudo-random sequence (the same rounds on every run).
      soak.next = (n) => {
        soak.seed = (soak.seed * 1103515245 + 12345) & 0x7fffffff;
        return soak.seed % n;
      };
      soak.pick = (list) => list[soak.next(list.length)];
      soak.still = () => new Promise((resolve, reject) => {  // explorer.idle(), bounded
        const bound = setTimeout(() => reject(new Error('the app still draws after 20 s')), 20_000);
        window.explorer.idle().then(() => { clearTimeout(bound); resolve(); });
      });
      const views = ['reader', 'map', 'matrix', 'timeline', 'entities', 'glossary', 'contrasts', 'contexts', 'terms'];
      const words = ['win', 'cooperation', 'security development', '"common security"', 'partner*', 'trade OR bank',
        'zero-sum', 'Belt and Road', 'nothing-matches-this', '', '中国', 'win -security'];
      const nodes = ['new-type-ir', 'win-win-cooperation', 'community-shared-future', 'dim-security', 'no-such-node'];
      // One state change: a few of the parts, valid for the article shown (its facets from
      // explorer.article()), now and then with an unknown facet or value.
      soak.randomState = (facets) => {
        const s = {};
        if (soak.next(2)) s.view = soak.pick(views);
        if (soak.next(3)) {
          s.facets = {};
          for (const f of facets) {
            if (!soak.next(2)) continue;
            s.facets[f.id] = f.values.filter(() => soak.next(3) === 0).map((v) => v.id);
          }
          if (soak.next(8) === 0) s.facets['no-such-facet'] = ['x'];
          if (soak.next(8) === 0 && facets.length) s.facets[facets[0].id] = ['no-such-value'];
        }
        if (soak.next(2)) s.query = soak.pick(words);
        if (soak.next(4) === 0) s.selection = soak.next(3) ? { kind: 'concept', id: soak.pick(nodes) } : null;
        if (soak.next(4) === 0) s.map = { zoom: 0.5 + soak.next(30) / 10, x: soak.next(200) - 100, y: soak.next(200) - 100, min_weight: 1 + soak.next(3), depth: 1 + soak.next(2) };
        if (soak.next(5) === 0 && facets.length) s.matrix = { rows: soak.pick(facets).id, columns: soak.pick(facets).id };
        if (soak.next(5) === 0) s.timeline = { begin: 2000 + soak.next(15), end: 2015 + soak.next(15) };
        if (soak.next(20) === 0) s.passage = soak.pick(['p1', 'p2', 'p3', 'no-such-passage']);
        return s;
      };
      // One round (see the head of the file); resolves to the memory at its end.
      soak.round = async () => {
        const e = window.explorer;
        for (let l = 0; l < soak.loads; l++) {
          const refuse = l === soak.loads / 2;
          const text = refuse ? '{"format": "win-win-explorer/article", "version": 1, "passages": [' : l % 2 ? soak.mini : soak.shipped;
          const report = await e.load(text, { name: refuse ? 'broken.json' : 'article.json' });
          soak.counts.loads++;
          if (refuse) {
            if (report.opened) throw new Error('a truncated file was opened');
            soak.counts.refused++;
          } else if (!report.opened) {
            throw new Error(`a good article was refused: ${report.summary}`);
          }
          const { facets } = e.article().article;
          for (let k = 0; k < soak.steps; k++) {
            const problems = e.setState(soak.randomState(facets));
            soak.counts.states++;
            soak.counts.problems += problems.length;
            try {
              e.query({ text: soak.pick(words), facets: facets.length ? { [facets[0].id]: [soak.pick(facets[0].values).id] } : {} });
            } catch (err) {
              if (!err.problems) throw err;
            }
            soak.counts.queries++;
            if (k % 4 === 3) await e.nextFrame();  // the views draw some of the states
          }
        }
        // The end of a round: the shipped article at its home view, drawn and still.
        const report = await e.load(soak.shipped, { name: 'article.json' });
        soak.counts.loads++;
        if (!report.opened) throw new Error(report.summary);
        e.setState({ view: 'reader', facets: {}, query: '', selection: null });
        await e.nextFrame();
        await soak.still();
        e.announcements();  // what the round said, dropped (it is not kept either way)
        return { ...e.memory(), counts: { ...soak.counts } };
      };
      return { shippedBytes: shipped.length };
    }, { mini, loads: LOADS, steps: STEPS });
    assert.ok(setup.shippedBytes > 1000, 'the shipped article was fetched');

    const round = async () => {
      const at = Date.now();
      const m = await page.evaluate(() => window.wweApiSoak.round());
      await cdp.send('HeapProfiler.collectGarbage');
      const js = await cdp.send('Runtime.getHeapUsage');
      const r = { wasmHeap: m.heap, wasmUsed: m.used, jsUsed: js.usedSize, counts: m.counts, ms: Date.now() - at };
      console.log(`api soak round: ${JSON.stringify(r)}`);  // progress (a slow machine shows where it is)
      return r;
    };
    const started = Date.now();
    // Warm-up: three rounds (the map's layouts, text layouts per width, glyphs and labels
    // are built once). The malloc'ed bytes at a round's end then still move by up to a few
    // hundred KB either way (which views the round drew last fills bounded caches), so a
    // leak shows as a rise of the floor: the lowest of the last three rounds against the
    // lowest of the first three measured.
    let warm;
    for (let i = 0; i < 3; i++) warm = await round();
    const warmRounds = 3;
    const used = [];
    let end = warm;
    for (let r = 0; r < rounds; r++) {
      end = await round();
      used.push(end.wasmUsed);
    }
    // The high-water mark of the last three rounds against the first three: allocator slack
    // moves single rounds by ~150 KB either way, a leak lifts every round.
    const growth = Math.max(...used.slice(-3)) - Math.max(...used.slice(0, 3));
    const counted = (c) => c.states + c.loads;  // calls so far
    const report = {
      seconds: Math.round((Date.now() - started) / 1000),
      warmUpRounds: warmRounds,
      rounds,
      measured: {
        states: end.counts.states - warm.counts.states,
        queries: end.counts.queries - warm.counts.queries,
        loads: end.counts.loads - warm.counts.loads,
        refused: end.counts.refused - warm.counts.refused,
        problemsReported: end.counts.problems - warm.counts.problems,
      },
      total: end.counts,
      callsTotal: counted(end.counts),
      roundMs: end.ms,
      warm: { wasmHeap: warm.wasmHeap, wasmUsed: warm.wasmUsed, jsUsed: warm.jsUsed },
      end: { wasmHeap: end.wasmHeap, wasmUsed: end.wasmUsed, jsUsed: end.jsUsed },
      wasmGrowth: growth,
      wasmUsedPerRound: used,
    };
    fs.mkdirSync(path.join(ROOT, 'build'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'build', 'api-soak.json'), JSON.stringify(report, null, 2));
    assert.ok(report.measured.states >= rounds * LOADS * STEPS && report.measured.loads >= rounds * LOADS, JSON.stringify(report.measured));
    assert.ok(report.measured.problemsReported > 0, 'some states had unknown parts (the failing path is soaked too)');
    assert.equal(end.wasmHeap, warm.wasmHeap, `the WebAssembly memory did not grow: ${warm.wasmHeap} -> ${end.wasmHeap}`);
    // The high-water mark stays within 128 KB (the leak of issue 14, 4 MB a failing call, or about
    // 128 bytes a load or state change would pass it within the measured rounds; one run
    // on a loaded machine moved it +34 KB).
    assert.ok(growth <= 128 * 1024, `malloc'ed bytes at the end of each round: ${warm.wasmUsed} after warm-up, then ${used.join(', ')}`);
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror')), []);
  } finally {
    await context.close();
  }
});
