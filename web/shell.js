// Win-Win Explorer: the page glue between the browser and the WebAssembly app.
//
//   - reads the article (inline <script type="application/json" id="wwe-article">, else a
//     fetch of the canvas's data-article URL) while the program downloads;
//   - hands it to the app (wwe_load), shows the error screen listing every problem when
//     it cannot be used, hides the loading screen after the first frame;
//   - keeps the canvas backing store at CSS size x devicePixelRatio (ResizeObserver and
//     resolution media queries) via wwe_set_viewport;
//   - defines window.explorer for host pages and tests:
//       ready            Promise: resolves when the article is loaded and drawn, rejects
//                        with an Error (its .problems lists each problem) on failure
//       getState()       the view state (JSON shape of core/view_state.hpp)
//       setState(obj)    partial update; returns the problems (also shown in the app)
//       query(obj)       {text, facets} -> the same JSON as `explorer query --json`
//       exportSvg()      the concept map as SVG text (what the map shows; vector, <text> labels)
//       exportMarkdown() the passages shown as Markdown, each with its citation
//       exportCsv()      the entities table as CSV (header row, one row per entity)
//       mapNodes()       the map's nodes as last drawn: [{id, label, x, y, r, visible,
//                        dimmed, labelled}], x/y in CSS px of the page (for clicking them)
(function () {
  'use strict';

  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('wwe-loading');
  const errorScreen = document.getElementById('wwe-error');
  let platformReady = false;
  let loaded = false;
  let failed = false;

  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => {}); // a host that never awaits it should not see an unhandled rejection

  // --- the article text --------------------------------------------------------------------
  function readArticle() {
    const inline = document.getElementById('wwe-article');
    if (inline) return Promise.resolve(inline.textContent);
    const url = canvas.dataset.article || 'assets/article.json';
    return fetch(url, { cache: 'no-cache' }).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`.trim());
      return response.text();
    }, (err) => {
      throw new Error(`${url}: ${err && err.message ? err.message : err} (network error)`);
    });
  }
  const articleText = readArticle();
  articleText.catch(() => {}); // reported once the program is up (or by fail() below)

  // --- screens ------------------------------------------------------------------------------
  function fail(title, problems) {
    if (failed) return;
    failed = true;
    loaded = false;
    document.getElementById('wwe-error-title').textContent = title;
    const count = problems.length;
    document.getElementById('wwe-error-summary').textContent =
      count === 0 ? '' : count === 1 ? 'One problem was found:' : `${count} problems were found:`;
    const list = document.getElementById('wwe-error-list');
    list.replaceChildren(...problems.map((p) => {
      const li = document.createElement('li');
      li.textContent = p;
      return li;
    }));
    loading.hidden = true;
    canvas.hidden = true;
    errorScreen.hidden = false;
    const error = new Error(`${title}${count ? ':\n' + problems.join('\n') : ''}`);
    error.problems = problems.slice();
    rejectReady(error);
  }

  // --- calling the program --------------------------------------------------------------
  function call(name, text) {
    let ptr = 0;
    if (text !== undefined) {
      const size = Module.lengthBytesUTF8(text) + 1;
      ptr = Module._malloc(size);
      Module.stringToUTF8(text, ptr, size);
    }
    try {
      return Module.UTF8ToString(Module['_' + name](ptr));
    } finally {
      if (ptr) Module._free(ptr);
    }
  }

  function requireLoaded() {
    if (!loaded) throw new Error('Win-Win Explorer: no article is loaded (await explorer.ready)');
  }

  function pushViewport() {
    if (!platformReady || canvas.hidden) return;
    const rect = canvas.getBoundingClientRect();
    Module._wwe_set_viewport(rect.width, rect.height, window.devicePixelRatio || 1);
  }

  function watchPixelRatio() {
    // Fires when the page moves to a screen with another ratio, or on browser zoom.
    const query = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    query.addEventListener('change', () => {
      pushViewport();
      watchPixelRatio();
    }, { once: true });
  }

  function start() {
    platformReady = true;
    pushViewport();
    if (typeof ResizeObserver === 'function') new ResizeObserver(pushViewport).observe(canvas);
    window.addEventListener('resize', pushViewport);
    watchPixelRatio();
    articleText.then((text) => {
      if (failed) return;
      const report = JSON.parse(call('wwe_load', text));
      for (const w of report.warnings) console.warn(`Win-Win Explorer: ${w}`);
      if (!report.ok) {
        fail('The article could not be loaded', report.errors);
        return;
      }
      loaded = true;
      Module._wwe_request_frame();
    }, (err) => fail('The article could not be loaded', [String(err && err.message ? err.message : err)]));
  }

  // --- the Emscripten module ----------------------------------------------------------------
  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    wweOnPlatformReady: start,
    wweOnFirstFrame: () => {
      loading.hidden = true;
      resolveReady();
    },
    wweOnFatal: (message) => fail(message, []),
    onAbort: (what) => fail('Win-Win Explorer stopped', [String(what)]),
  };

  // --- downloads (the app's export menu) --------------------------------------------------
  function saveBlob(blob, filename) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  Module.wweSaveText = (filename, mime, text) => saveBlob(new Blob([text], { type: `${mime};charset=utf-8` }), filename);
  // A rectangle of the WebGL canvas (backing-store px), read in the task that drew it.
  Module.wweSavePng = (filename, x, y, w, h) => {
    const out = document.createElement('canvas');
    out.width = Math.max(1, Math.round(w));
    out.height = Math.max(1, Math.round(h));
    out.getContext('2d').drawImage(canvas, Math.round(x), Math.round(y), out.width, out.height, 0, 0, out.width, out.height);
    out.toBlob((blob) => { if (blob) saveBlob(blob, filename); }, 'image/png');
  };

  // Alt+Left / Alt+Right walk the explorer's history, not the browser's.
  window.addEventListener('keydown', (event) => {
    if (loaded && event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) event.preventDefault();
  }, true);

  // Ctrl+F / Cmd+F searches the article, not the (canvas-only) page.
  window.addEventListener('keydown', (event) => {
    if (loaded && (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
      event.preventDefault();
    }
  }, true);

  // --- window.explorer ----------------------------------------------------------------------
  window.explorer = Object.freeze({
    ready,
    getState() {
      requireLoaded();
      return JSON.parse(call('wwe_get_state'));
    },
    setState(state) {
      requireLoaded();
      return JSON.parse(call('wwe_set_state', JSON.stringify(state === undefined ? null : state)));
    },
    query(request) {
      requireLoaded();
      const envelope = JSON.parse(call('wwe_query', JSON.stringify(request === undefined ? {} : request)));
      for (const p of envelope.problems) console.warn(`Win-Win Explorer query: ${p}`);
      return envelope.result;
    },
    exportSvg() {
      requireLoaded();
      return call('wwe_export', 'svg');
    },
    exportMarkdown() {
      requireLoaded();
      return call('wwe_export', 'markdown');
    },
    exportCsv() {
      requireLoaded();
      return call('wwe_export', 'csv');
    },
    mapNodes() {
      requireLoaded();
      const rect = canvas.getBoundingClientRect();
      return JSON.parse(call('wwe_export', 'map-nodes')).map((n) => ({ ...n, x: n.x + rect.left, y: n.y + rect.top }));
    },
  });
})();
