// Win-Win Explorer: the page around the WebAssembly app. Page concerns only; the
// platform's own JS (URL, text field, clipboard, downloads, cursor, ...) is linked into the
// program from src/platform/library_wwe.js, whose header lists the whole C++ <-> JS
// protocol. This file:
//
//   - downloads the program (the canvas's data-program URL) with a progress bar, and reads
//     the article (inline <script type="application/json" id="wwe-article">, else a fetch
//     of the canvas's data-article URL) meanwhile;
//   - hands it to the app (wwe_load), shows the error screen listing every problem when
//     it cannot be used, hides the loading screen after the first frame;
//   - defines window.explorer for host pages and tests:
//       ready            Promise: resolves when the article is loaded and drawn, rejects
//                        with an Error (its .problems lists each problem) on failure
//       getState()       the view state (JSON shape of core/view_state.hpp)
//       setState(obj)    partial update; returns the problems (also shown in the app)
//       query(obj)       {text, facets} -> the same JSON as `explorer query --json`; an
//                        unknown facet or value throws an Error (its .problems)
//       load(text, {name, date})  opens another article (.json) or a text (.txt, .md);
//                        Promise: {opened, summary, problems, article} (the article shown
//                        stays when the file is unusable)
//       article()        the article shown and the last open (id, title, facets, problems)
//       exportSvg()      the concept map as SVG text (what the map shows; vector, <text> labels)
//       exportMarkdown() the passages shown as Markdown, each with its citation
//       notebook(), addToNotebook(passageId, note), exportNotebook("markdown"|"html"|"csl-json")
//                        the passages collected with notes (kept in the browser)
//       exportCsv()      the entities table as CSV (header row, one row per entity)
//       mapNodes()       the map's nodes as last drawn: [{id, label, x, y, r, visible,
//                        dimmed, labelled, label_text, label_box: {x, y, w, h}}], in CSS
//                        px of the page (for clicking them); label_text and label_box are
//                        null for a node without a label
//       highlight(id)    selects a concept or entity; returns the problems
//       fragment()       the current view as a deep link (without "#")
//       embedOptions()   the embed options in effect (core/embed.hpp as JSON)
//       display()        how it is drawn now: {theme: "light" | "dark" | "contrast",
//                        reducedMotion, background: "#rrggbb"} (theme= and the system
//                        settings, followed live)
//       notice()         the notice the app shows: {title, plain, problems} (empty: none):
//                        plain words first, problems = the technical detail
//       textScale()      the reader's text size now (the embed's scale x the reader's pinch)
//       memory()         {heap, used}: WebAssembly memory size and bytes malloc'ed (bytes)
//       nextFrame()      Promise: after the next frame is drawn
//       idle()           Promise: once the app draws no more (the screen is still)
//       advanceClock(s)  moves the app's clock s seconds ahead; Promise: the next frame
//       announcements()  what changed since the last call, in words
//   - in a frame, speaks the host-page protocol (docs/embedding.md, "Host-page API"):
//     messages {protocol: "win-win-explorer", version: 1, type, ...} from the parent window
//     (and, when ?origins= is given, only from those origins) go to the core, which reads,
//     checks and obeys them and gives the reply to post (result or error); ready,
//     stateChanged and selectionChanged are posted too;
//   - shows an embed preview over the app when the Share dialog asks for one;
//   - guards the page's keys (Alt+arrows, Ctrl+F go to the app) and, in a kiosk
//     (?kiosk), its context menu, zoom, selection, dragging and navigation keys.
//
// The hooks it sets on Module (called by the program, see library_wwe.js):
//   wweOnPlatformReady()         main() is done: load the article
//   wweOnFirstFrame()            hide the loading screen, resolve explorer.ready, post ready
//   wweOnFrame(frames), wweOnIdle(frames)  resolve explorer.nextFrame() / idle()
//   wweOnStateChange(committed)  post stateChanged / selectionChanged to the host page
//   wwePreview(url, w, h)        show the embed preview (CSS px)
//   wweOnFatal(message)          show the error screen
//   wweOnNoWebGL()               no WebGL 2: hide the canvas and show the mirror as the page
//                                (class "wwe-fallback" on <html>, the note #wwe-nogl)
// and Emscripten's own: canvas, print, printErr, onAbort, instantiateWasm.
(function () {
  'use strict';

  const PROTOCOL = 'win-win-explorer';
  const PROTOCOL_VERSION = 1;

  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('wwe-loading');
  const loadingText = document.getElementById('wwe-loading-text');
  const progress = document.getElementById('wwe-progress');
  const errorScreen = document.getElementById('wwe-error');
  let loaded = false;
  let failed = false;
  // The host-page protocol's state (see "host-page protocol" below).
  const framed = (() => {
    try {
      return window.parent !== window;
    } catch {
      return true;
    }
  })();
  let embed = { embed: false, id: '', origins: [] };
  const kioskRequested = /(^|[?&])kiosk(=|&|$)/.test(location.search.slice(1));  // ?kiosk (docs/kiosk.md)
  // ?plain: the plain page (as without WebGL 2) even where WebGL 2 works, for readers who
  // prefer an ordinary page and for testing the plain page in every engine.
  const plainRequested = /(^|[?&])plain(=|&|$)/.test(location.search.slice(1));
  if (plainRequested && canvas) {
    const getContext = canvas.getContext.bind(canvas);
    canvas.getContext = (type, ...rest) => (type === 'webgl2' ? null : getContext(type, ...rest));
  }
  let lastSelection = 'null';
  const pendingMessages = [];  // arrived before the article was shown

  // The loading screen in the colours the app will have (the app reads ?theme= and the
  // system settings itself once it runs; core/embed.hpp choose_theme).
  {
    const query = location.search.slice(1);
    const themeIs = (name) => new RegExp(`(^|[?&])theme=${name}(&|$)`).test(query);
    const media = (q) => { try { return window.matchMedia(q).matches; } catch (e) { return false; } };
    if (themeIs('contrast') || media('(prefers-contrast: more)') || media('(forced-colors: active)')) {
      document.documentElement.classList.add('wwe-contrast');
    } else if (themeIs('dark') || (themeIs('auto') && media('(prefers-color-scheme: dark)'))) {
      document.documentElement.classList.add('wwe-dark');
    }
  }

  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => {}); // a host that never awaits it should not see an unhandled rejection

  // --- the article text --------------------------------------------------------------------
  function fetchText(url) {
    return fetch(url, { cache: 'no-cache' }).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`.trim());
      // The bytes, not response.text(): decoding would replace invalid UTF-8 unseen; the
      // core checks the bytes as the CLI does (wwe_load_bytes).
      // The server's Last-Modified (when it sends one) rides along as the file's date.
      const modified = Date.parse(response.headers.get('Last-Modified') || '');
      return response.arrayBuffer().then((buffer) => {
        const bytes = new Uint8Array(buffer);
        bytes.lastModified = Number.isFinite(modified) ? modified : NaN;
        return bytes;
      });
    }, (err) => {
      throw new Error(`${url}: ${err && err.message ? err.message : err} (network error)`);
    });
  }
  // ?data=URL: the article (.json) or text (.txt, .md) to open instead of the shipped one.
  // Same origin only, unless the canvas's data-data-origins lists the other origin (and the
  // page's Content-Security-Policy connect-src allows it; that server must send CORS headers:
  // docs/embedding.md).
  const dataRequest = (() => {
    const raw = new URLSearchParams(location.search).get('data');
    if (!raw) return null;
    let url;
    try {
      url = new URL(raw, location.href);
    } catch (err) {
      // Plain words first; what the address says after them.
      return { error: `The file this address names could not be opened: it is not a web address (?data=${raw}).` };
    }
    const allowed = (canvas.dataset.dataOrigins || '').split(/[\s,]+/).filter(Boolean);
    if (url.origin !== location.origin && !allowed.includes(url.origin)) {
      return { error: `The file this address names was not opened: it is on another origin (${url.origin}); only files of ` +
        `this site (${location.origin}) are opened unless the page lists that origin in data-data-origins (?data=${raw}).` };
    }
    const name = decodeURIComponent(url.pathname.split('/').pop() || 'article.json');
    return { url: url.href, name, text: /\.(txt|md|markdown)$/i.test(name) };
  })();
  function readArticle() {
    const inline = document.getElementById('wwe-article');
    // A JSON article in ?data= is the article itself; a text is opened over the shipped one.
    if (dataRequest && !dataRequest.error && !dataRequest.text) return fetchText(dataRequest.url);
    if (inline) return Promise.resolve(inline.textContent);
    return fetchText(canvas.dataset.article || 'assets/article.json');
  }
  if (dataRequest && dataRequest.error) console.warn(`Win-Win Explorer: ${dataRequest.error}`);
  const articleText = readArticle();
  articleText.catch(() => {}); // reported once the program is up (or by fail() below)

  // --- the article as a plain page while the program loads ----------------------------------
  // The title, the byline, the sections and every passage, readable (and read by screen
  // readers, found by find-in-page) at once; the accessible mirror takes over with the first
  // frame (or, without WebGL 2, the mirror as the page). Texts only, never markup from data.
  const EARLY_LIMIT = 4 * 1048576;  // longer articles wait for the explorer (no page of megabytes)
  let early = null;
  function showEarly(bytes) {
    if (loaded || failed || early || bytes.length > EARLY_LIMIT) return;
    // The article arrives as bytes (the core checks their UTF-8); the early page decodes them
    // leniently: a bad byte shows as U+FFFD here, and the core's message follows.
    const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
    let a;
    try {
      a = JSON.parse(text);
    } catch {
      return;  // the explorer reports what is wrong with it
    }
    if (!a || typeof a !== 'object' || !Array.isArray(a.passages)) return;
    const el = (tag, textContent, className) => {
      const e = document.createElement(tag);
      if (textContent) e.textContent = String(textContent);
      if (textContent) e.dir = 'auto';  // right-to-left titles and passages read and align as such
      if (className) e.className = className;
      return e;
    };
    const meta = a.meta && typeof a.meta === 'object' ? a.meta : {};
    const page = el('main', '', 'wwe-early');
    page.id = 'wwe-early';
    page.setAttribute('aria-label', 'The article, while the explorer loads');
    page.appendChild(el('p', 'The explorer is loading; meanwhile, the article as plain text.', 'wwe-early-note'));
    page.appendChild(el('h1', typeof meta.title === 'string' ? meta.title : 'The article'));
    if (typeof meta.subtitle === 'string' && meta.subtitle) page.appendChild(el('p', meta.subtitle, 'wwe-early-byline'));
    const author = meta.author && typeof meta.author === 'object' && typeof meta.author.name === 'string' ? meta.author.name : '';
    const byline = [author, typeof meta.outlet === 'string' ? meta.outlet : '', typeof meta.published === 'string' ? meta.published : '']
      .filter((x) => x).join(', ');
    if (byline) page.appendChild(el('p', byline, 'wwe-early-byline'));
    const sections = new Map();
    for (const section of Array.isArray(a.sections) ? a.sections : []) {
      if (section && typeof section.id === 'string') sections.set(section.id, section);
    }
    let last = null;
    a.passages.forEach((passage, i) => {
      if (!passage || typeof passage.text !== 'string') return;
      const section = typeof passage.section === 'string' ? sections.get(passage.section) : undefined;
      if (section && section !== last && typeof section.heading === 'string') page.appendChild(el('h2', section.heading));
      if (section) last = section;
      const p = el('p', '', 'wwe-early-passage');
      p.appendChild(el('span', `\u00b6 ${i + 1}  `, 'wwe-early-number'));
      p.appendChild(document.createTextNode(passage.text));
      p.dir = 'auto';
      page.appendChild(p);
    });
    early = page;
    document.body.insertBefore(page, loading.nextSibling);
    document.documentElement.classList.add('wwe-early-shown');
  }
  // The loading screen goes, and with it what its live region said ("Loading the
  // article…"): cleared and no longer live, so no screen reader repeats it once the article
  // is there (the mirror's own live region says what follows).
  function endLoading() {
    loading.hidden = true;
    loading.removeAttribute('aria-live');
    loading.removeAttribute('role');
    if (loadingText) loadingText.textContent = '';
  }
  function endEarly() {
    if (!early) return;
    early.remove();
    early = null;
    document.documentElement.classList.remove('wwe-early-shown');
  }
  articleText.then((text) => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => showEarly(text), { once: true });
    else showEarly(text);
  }, () => {});

  // --- the program, with download progress --------------------------------------------------
  function megabytes(bytes) {
    return `${(bytes / 1048576).toFixed(1)} MB`;
  }

  function showProgress(received, total) {
    if (!progress) return;
    if (total > 0 && received <= total) {
      progress.max = total;
      progress.value = received;
      loadingText.textContent = `Downloading the explorer\u2026 ${Math.round((100 * received) / total)}% (${megabytes(received)} of ${megabytes(total)})`;
    } else {
      progress.removeAttribute('value');  // indeterminate: the size is not known
      loadingText.textContent = `Downloading the explorer\u2026 ${megabytes(received)}`;
    }
  }

  // Fetches the program's bytes, reporting progress (a compressed response gives no usable
  // total: the bar is then indeterminate and the text counts megabytes).
  function downloadProgram(url) {
    return fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`.trim());
      const compressed = response.headers.get('Content-Encoding');
      const total = compressed ? 0 : Number(response.headers.get('Content-Length')) || 0;
      if (!response.body || !response.body.getReader) return response.arrayBuffer();
      const reader = response.body.getReader();
      const chunks = [];
      let received = 0;
      showProgress(0, total);
      const pump = () => reader.read().then(({ done, value }) => {
        if (done) {
          const bytes = new Uint8Array(received);
          let at = 0;
          for (const chunk of chunks) {
            bytes.set(chunk, at);
            at += chunk.length;
          }
          return bytes.buffer;
        }
        chunks.push(value);
        received += value.length;
        showProgress(received, total);
        return pump();
      });
      return pump();
    }, (err) => {
      throw new Error(`${url}: ${err && err.message ? err.message : err} (network error)`);
    });
  }

  // --- screens ------------------------------------------------------------------------------
  function fail(title, problems, hint = true) {
    if (failed) return;
    const hintElement = document.querySelector('#wwe-error .wwe-hint');
    if (hintElement) hintElement.hidden = !hint;
    failed = true;
    loaded = false;
    endEarly();
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
    endLoading();
    canvas.hidden = true;
    errorScreen.hidden = false;
    const error = new Error(`${title}${count ? ':\n' + problems.join('\n') : ''}`);
    error.problems = problems.slice();
    rejectReady(error);
    post('error', { message: title, problems: problems.slice() });
  }

  // --- calling the program --------------------------------------------------------------
  function call(name, ...texts) {
    const ptrs = texts.map((text) => {
      const size = Module.lengthBytesUTF8(text) + 1;
      const ptr = Module._malloc(size);
      Module.stringToUTF8(text, ptr, size);
      return ptr;
    });
    try {
      return Module.UTF8ToString(Module['_' + name](...(ptrs.length ? ptrs : [0])));
    } finally {
      for (const ptr of ptrs) Module._free(ptr);
    }
  }

  // Calls the export `name` with `bytes` (a Uint8Array) copied into the heap: (ptr, size).
  function callBytes(name, bytes) {
    const ptr = Module._malloc(bytes.length + 1);
    if (!ptr) throw new Error(`Win-Win Explorer: no memory for ${bytes.length} bytes`);
    try {
      Module.HEAPU8.set(bytes, ptr);
      Module.HEAPU8[ptr + bytes.length] = 0;
      return Module.UTF8ToString(Module['_' + name](ptr, bytes.length));
    } finally {
      Module._free(ptr);
    }
  }

  // A call with `bytes` (ptr, size), then string arguments, then numbers.
  function callBytesWith(name, bytes, texts, numbers = []) {
    const ptr = Module._malloc(bytes.length + 1);
    if (!ptr) throw new Error(`Win-Win Explorer: no memory for ${bytes.length} bytes`);
    const ptrs = texts.map((text) => {
      const size = Module.lengthBytesUTF8(text) + 1;
      const p = Module._malloc(size);
      Module.stringToUTF8(text, p, size);
      return p;
    });
    try {
      Module.HEAPU8.set(bytes, ptr);
      Module.HEAPU8[ptr + bytes.length] = 0;
      return Module.UTF8ToString(Module['_' + name](ptr, bytes.length, ...ptrs, ...numbers));
    } finally {
      Module._free(ptr);
      for (const p of ptrs) Module._free(p);
    }
  }

  // A call with several string arguments and then numbers.
  function callWith(name, texts, numbers = []) {
    const ptrs = texts.map((text) => {
      const size = Module.lengthBytesUTF8(text) + 1;
      const ptr = Module._malloc(size);
      Module.stringToUTF8(text, ptr, size);
      return ptr;
    });
    try {
      return Module.UTF8ToString(Module['_' + name](...ptrs, ...numbers));
    } finally {
      for (const ptr of ptrs) Module._free(ptr);
    }
  }

  // --- opening a file at run time ---------------------------------------------------------
  // The status line (loading feedback, problems reading a file) over the app.
  const status = document.getElementById('wwe-status');
  function showStatus(text, problem = false) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle('wwe-status-problem', problem);
    status.hidden = !text;
  }
  function isoDate(ms) {
    const d = new Date(ms);
    return Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : '';
  }
  // Opens `text` as the file `name` (core intent::OpenArticle); resolves with the report
  // {opened, summary, problems: [{severity, message, pointer, line, column, passage_id?}], article}.
  // `who`: 1 the reader (picker, drop), 0 the page's script.
  // `input`: the file's text, or its bytes (fetched, read from a File), decoded strictly:
  // invalid UTF-8 is refused with a message, never replaced unseen (the article stays).
  function openText(input, name, date, who) {
    const wait = stemmersFor(input);
    return wait ? wait.then(() => openNow(input, name, date, who)) : openNow(input, name, date, who);
  }
  function openNow(input, name, date, who) {
    // Bytes go to the core as they are: it checks them as `explorer validate` does (invalid
    // UTF-8, a BOM), so the problems are the CLI's, in the problems panel.
    const report = JSON.parse(typeof input === 'string' ? callWith('wwe_open', [input, name, date], [who])
      : callBytesWith('wwe_open_bytes', input, [name, date], [who]));
    showStatus('');  // the notice and the problems panel say how it went
    if (report.opened) {
      embed = JSON.parse(call('wwe_embed'));
      if (report.article) updateTitle(report.article.title);
    }
    return new Promise((resolve) => {
      frameWaiters.push(() => resolve(report));
      Module._wwe_request_frame();
    });
  }
  // A File (picker, drop): read, then opened; large files say so while they load.
  function openFile(file, who = 1) {
    if (!loaded) return Promise.reject(new Error('Win-Win Explorer: no article is loaded yet'));
    showStatus(`Opening \u201C${file.name}\u201D (${megabytes(file.size)})\u2026`);
    return file.arrayBuffer().then(
      (buffer) => openText(new Uint8Array(buffer), file.name, isoDate(file.lastModified), who),
      (err) => {
        const message = `\u201C${file.name}\u201D could not be read: ${err && err.message ? err.message : err}`;
        showStatus(message, true);
        return { opened: false, summary: message, problems: [{ severity: 'error', message, pointer: '', line: 0, column: 0 }] };
      });
  }
  function updateTitle(title) {
    if (title && !framed) document.title = `${title} \u2014 Win-Win Explorer`;
  }
  // The file picker Open... asks for (Module.wweOpenFilePicker).
  const picker = document.createElement('input');
  picker.type = 'file';
  picker.accept = '.json,.txt,.md,.markdown,application/json,text/plain,text/markdown';
  picker.hidden = true;
  picker.id = 'wwe-file-picker';
  picker.setAttribute('aria-label', 'Open a file: an article (.json) or a text (.txt, .md)');
  picker.addEventListener('change', () => {
    const file = picker.files && picker.files[0];
    picker.value = '';
    if (file) openFile(file);
  });
  document.body.append(picker);

  // Drag and drop of a file onto the page, with a visible hint while it is over it.
  const dropHint = document.getElementById('wwe-drop');
  const hasFiles = (event) => !!(event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files'));
  let dragDepth = 0;
  if (!kioskRequested) {
    document.addEventListener('dragenter', (event) => {
      if (!hasFiles(event) || !loaded) return;
      event.preventDefault();
      dragDepth += 1;
      if (dropHint) dropHint.hidden = false;
    });
    document.addEventListener('dragover', (event) => {
      if (!hasFiles(event) || !loaded) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      if (dropHint) dropHint.hidden = false;
    });
    document.addEventListener('dragleave', () => {
      dragDepth = Math.max(0, dragDepth - 1);
      if (dragDepth === 0 && dropHint) dropHint.hidden = true;
    });
    document.addEventListener('drop', (event) => {
      dragDepth = 0;
      if (dropHint) dropHint.hidden = true;
      if (!hasFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer.files && event.dataTransfer.files[0];
      if (file && loaded) openFile(file);
    });
  }

  function requireLoaded() {
    if (!loaded) throw new Error('Win-Win Explorer: no article is loaded (await explorer.ready)');
  }

  // The module of Snowball's stemmers other than English's (modules/stemmers.wasm), fetched
  // before the core reads an article that may need it (library_wwe.js): a Promise to wait
  // for, or null (not needed, already there; the standalone page has them all compiled in
  // and no Module.wweStemmersFor).
  function stemmersFor(input) {
    return (Module.wweStemmersFor && Module.wweStemmersFor(input)) || null;
  }

  function start() {
    if (loadingText) loadingText.textContent = 'Loading the article\u2026';
    articleText.then((text) => {
      const wait = stemmersFor(text);
      return wait ? wait.then(() => text) : text;
    }).then((text) => {
      if (failed) return;
      const report = JSON.parse(typeof text === 'string' ? call('wwe_load', text) : callBytes('wwe_load_bytes', text));
      for (const w of report.warnings) console.warn(`Win-Win Explorer: ${w}`);
      if (!report.ok) {
        fail('The article could not be loaded', report.errors);
        return;
      }
      loaded = true;
      embed = JSON.parse(call('wwe_embed'));
      const info = JSON.parse(call('wwe_article'));
      if (info.article) updateTitle(info.article.title);
      if (dataRequest && dataRequest.error) showStatus(dataRequest.error, true);
      if (dataRequest && dataRequest.text) {  // a text: opened over the shipped article
        showStatus(`Opening \u201C${dataRequest.name}\u201D\u2026`);
        fetchText(dataRequest.url).then((bytes) => openText(bytes, dataRequest.name, isoDate(bytes.lastModified), 1),
          (err) => showStatus(String(err && err.message ? err.message : err), true));
      }
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
      endLoading();
      endEarly();  // the mirror has it all now
      resolveReady();
      const state = JSON.parse(call('wwe_get_state'));
      lastSelection = JSON.stringify(state.selection);
      const notice = JSON.parse(call('wwe_notice'));
      post('ready', { state, fragment: call('wwe_fragment'), options: embed, problems: notice.problems,
                      article: JSON.parse(call('wwe_article')).article });
      const queued = pendingMessages.splice(0);
      for (const event of queued) receive(event);
    },
    wweOnFrame: (frames) => {
      for (const resolve of frameWaiters.splice(0)) resolve(frames);
    },
    wweOnIdle: (frames) => {
      for (const resolve of idleWaiters.splice(0)) resolve(frames);
    },
    wweOnStateChange: (committed) => {
      if (!loaded || !committed) return;
      // The browser's Back can bring an earlier article back (core Controller::apply): the
      // page's title follows it.
      if (!framed) {
        const info = JSON.parse(call('wwe_article'));
        if (info.article) updateTitle(info.article.title);
        return;
      }
      const state = JSON.parse(call('wwe_get_state'));
      post('stateChanged', { state, fragment: call('wwe_fragment') });
      const selection = JSON.stringify(state.selection);
      if (selection !== lastSelection) {
        lastSelection = selection;
        post('selectionChanged', { selection: state.selection });
      }
    },
    wwePreview: (url, width, height) => showPreview(url, width, height),
    wweOpenFilePicker: () => picker.click(),
    wweOnFatal: (message) => fail(message, []),
    wweOnNoWebGL: () => {
      // The article, its filters and search as a plain page (the mirror, web/style.css).
      document.documentElement.classList.add('wwe-fallback');
      canvas.hidden = true;
      endEarly();  // the mirror is the page
      const note = document.getElementById('wwe-nogl');
      if (note && plainRequested) {
        const p = document.createElement('p');
        p.textContent = 'The plain version, as the address asks (plain): the whole article, with its filters and ' +
          'search. Without "plain" in the address, the full explorer.';
        note.replaceChildren(p);
      }
      if (note) note.hidden = false;
      console.warn('Win-Win Explorer: no WebGL 2 in this browser; showing the plain page');
    },
    onAbort: (what) => {
      fail('Win-Win Explorer stopped', [String(what)]);
      // A kiosk starts again by itself (the page, data and program are all local).
      if (kioskRequested) setTimeout(() => location.reload(), 5000);
    },
  };
  if (canvas.dataset.program) {
    // Our own download (progress bar); the standalone page has the program inline instead.
    window.Module.instantiateWasm = (imports, receiveInstance) => {
      downloadProgram(canvas.dataset.program)
        .then((bytes) => {
          if (loadingText) loadingText.textContent = 'Starting\u2026';
          return WebAssembly.instantiate(bytes, imports);
        })
        .then((result) => receiveInstance(result.instance, result.module))
        .catch((err) => {
          if (location.protocol === 'file:') {
            fail('The explorer needs a web server, or its one-file version', [
              'This page was opened from a file (file://), and browsers do not let such a page load the explorer\u2019s program (explorer.wasm).',
              'Either start a small web server in this folder (for example: python3 -m http.server 8000) and open http://localhost:8000/,',
              'or open the one-file version, explorer-standalone.html, which works offline from a file (or make one for your own article with: explorer bundle FILE -o my-explorer.html).',
            ], false);
            return;
          }
          fail('The explorer could not be started', [String(err && err.message ? err.message : err)]);
        });
      return {};  // exports arrive through receiveInstance
    };
  }

  // Alt+Left / Alt+Right walk the explorer's history, not the browser's.
  window.addEventListener('keydown', (event) => {
    if (loaded && event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) event.preventDefault();
  }, true);

  // The page has no context menu of its own to offer, and a kiosk must not show the
  // browser's, zoom the page, select text or drag things out of it.
  canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  if (kioskRequested) {
    document.documentElement.classList.add('wwe-kiosk');
    for (const type of ['contextmenu', 'selectstart', 'dragstart', 'gesturestart']) {
      document.addEventListener(type, (event) => event.preventDefault(), { capture: true });
    }
    window.addEventListener('keydown', (event) => {
      const zoomKey = ['+', '-', '=', '0'].includes(event.key);
      if ((event.ctrlKey || event.metaKey) && zoomKey) event.preventDefault();  // page zoom
      if (event.altKey && (event.key === 'Home' || event.key === 'ArrowLeft')) event.preventDefault();  // navigation
    }, true);
    window.addEventListener('wheel', (event) => {
      if (event.ctrlKey) event.preventDefault();  // pinch-zoom of the page on touchpads
    }, { passive: false, capture: true });
    // Runs for days: a script error sends the explorer home instead of leaving it half-way.
    window.addEventListener('error', (event) => {
      if (loaded) call('wwe_home', `a page error: ${event.message}`);
    });
  }

  // Ctrl+F / Cmd+F searches the article (the mirror focuses its search field), not the
  // page; in the embed preview it is the browser's own find.
  const inPreview = (node) => !!(node && node.closest && node.closest('#wwe-preview'));
  window.addEventListener('keydown', (event) => {
    if (loaded && (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f' &&
        !inPreview(event.target)) {
      event.preventDefault();
    }
  }, true);
  // Esc closes the embed preview. (A window listener that runs before the mirror's, which
  // keeps keys typed outside the explorer from the app: library_mirror.js.)
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && inPreview(event.target)) dismissPreview();
  }, true);

  // --- embed preview (the Share dialog) ------------------------------------------------------
  let previewReturn = null;  // what had the focus before the preview (the mirror's button)
  function dismissPreview() {
    const box = document.getElementById('wwe-preview');
    if (!box) return;
    box.remove();
    const back = previewReturn && previewReturn.isConnected ? previewReturn : canvas;
    previewReturn = null;
    back.focus({ preventScroll: true });
  }

  function showPreview(url, width, height) {
    if (!document.getElementById('wwe-preview')) previewReturn = document.activeElement;
    document.getElementById('wwe-preview')?.remove();
    const box = document.createElement('div');
    box.id = 'wwe-preview';
    box.className = 'wwe-preview';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', 'Preview of the embed');
    const bar = document.createElement('div');
    bar.className = 'wwe-preview-bar';
    const caption = document.createElement('span');
    caption.textContent = `Preview: the embed as a course page shows it (${width} \u00d7 ${height} px)`;
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close preview';
    const frame = document.createElement('iframe');
    frame.src = url;
    frame.title = 'Embed preview';
    frame.width = String(width);
    frame.height = String(height);
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    close.addEventListener('click', dismissPreview);
    bar.append(caption, close);
    box.append(bar, frame);
    document.body.append(box);
    close.focus();
  }

  // --- host-page protocol (postMessage) ------------------------------------------------------
  function post(type, fields) {
    if (!framed) return;
    const message = { protocol: PROTOCOL, version: PROTOCOL_VERSION, type, embed: embed.id, ...fields };
    // With configured origins, only those may read what we post; otherwise the parent,
    // whatever its origin (the explorer shows a public article).
    for (const target of restricted() ? embed.origins : ['*']) {
      try {
        window.parent.postMessage(message, target);
      } catch (err) {
        console.warn(`Win-Win Explorer: could not post to ${target}: ${err && err.message ? err.message : err}`);
      }
    }
  }

  // ?origins= given: only the origins it lists (none valid: no host at all, never any host).
  const restricted = () => embed.origins_restricted === true || embed.origins.length > 0;

  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

  // JSON text of a state, request or message given as a JS value. A Map, a Set or another
  // class's instance would be written as {} (a Map of facets would clear the filters), so
  // such a value is refused by its JSON pointer: throws an Error with `pointer` and
  // `problem` ("/facets: expected a plain object or array, found a Map"). A value too deep
  // or cyclic for JSON.stringify is refused the same way (pointer "").
  function jsonText(value) {
    const refuse = (pointer, found) => {
      const problem = `${pointer || '(the whole value)'}: expected a plain object or array (JSON), found ${found}`;
      const error = new Error(problem);
      error.pointer = pointer;
      error.problem = problem;
      throw error;
    };
    // Walked without recursion and only as deep as the core reads (it refuses what is
    // deeper by its own depth limit), each object once.
    const seen = new WeakSet();
    const stack = [[value, '', 0]];
    while (stack.length) {
      const [v, pointer, depth] = stack.pop();
      if (v === null || typeof v !== 'object' || seen.has(v) || typeof v.toJSON === 'function') continue;
      seen.add(v);
      const proto = Object.getPrototypeOf(v);
      if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) {
        const name = v.constructor && typeof v.constructor.name === 'string' && v.constructor.name ? v.constructor.name : 'Object';
        refuse(pointer, /^[AEIOU]/.test(name) ? `an ${name}` : `a ${name}`);
      }
      if (depth >= 20) continue;
      for (const key of Object.keys(v))
        stack.push([v[key], `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1]);
    }
    try {
      return JSON.stringify(value);
    } catch (err) {  // too deep for the browser's own JSON writer (RangeError) or cyclic (TypeError)
      return refuse('', err instanceof RangeError ? 'one nested too deeply to write as JSON' : 'a value that is not JSON (cyclic?)');
    }
  }

  // A requestId a reply may echo (as the core checks it): a short string or a finite number.
  const echoable = (id) => (typeof id === 'string' && id.length <= 200) || (typeof id === 'number' && Number.isFinite(id)) ? id : null;

  // A message of our protocol: the core reads it (size and depth limits, every member
  // checked), applies it as the host's intents and gives the reply (core/host_protocol.hpp).
  // A load message whose article needs the stemmers module holds it and the messages after
  // it until the module is there (they are obeyed in order).
  let messagesHeld = null;
  function receive(event) {
    if (messagesHeld) {
      messagesHeld = messagesHeld.then(() => receiveNow(event));
      return;
    }
    const m = event.data;
    const wait = isObject(m) && m.type === 'load' && typeof m.text === 'string' ? stemmersFor(m.text) : null;
    if (!wait) {
      receiveNow(event);
      return;
    }
    const held = wait.then(() => receiveNow(event)).then(() => {
      if (messagesHeld === held) messagesHeld = null;
    });
    messagesHeld = held;
  }
  function receiveNow(event) {
    if (restricted() && !embed.origins.includes(event.origin)) {
      console.warn(`Win-Win Explorer: ignored a message from ${event.origin} (not among ?origins=)`);
      return;
    }
    if (!loaded) {
      const problem = 'no article is loaded';
      post('error', { requestId: null, message: `Message not obeyed: ${problem}`, problems: [problem] });
      return;
    }
    let text = '';
    try {
      text = jsonText(event.data);
    } catch (err) {
      // A Map or Set (which JSON would write as {}), a cycle, or a depth the browser cannot
      // write: refused whole, nothing applied, answered with its requestId.
      const problem = `message: ${err.problem}`;
      post('error', { requestId: echoable(event.data.requestId), message: `Message not obeyed: ${problem}`, problems: [problem] });
      return;
    }
    const { type, ...fields } = JSON.parse(call('wwe_host_message', text));
    post(type, fields);
  }

  window.addEventListener('message', (event) => {
    if (!framed || event.source !== window.parent) return;  // only the host page speaks
    const m = event.data;
    if (!isObject(m) || m.protocol !== PROTOCOL) return;    // another library's message
    if (!loaded && !failed) {
      if (pendingMessages.length < 100) pendingMessages.push(event);
      return;
    }
    receive(event);
  });
  // A message the browser could not read back (too deep for its structured clone, say):
  // there is no requestId to read, but the host still hears that it was not obeyed.
  window.addEventListener('messageerror', (event) => {
    if (!framed || event.source !== window.parent) return;
    if (restricted() && !embed.origins.includes(event.origin)) return;
    const problem = 'message: expected a message the browser can read (plain objects and arrays, nested at most 16 levels deep), found one it could not';
    post('error', { requestId: null, message: `Message not obeyed: ${problem}`, problems: [problem] });
  });

  // --- window.explorer ----------------------------------------------------------------------
  const frameWaiters = [];  // explorer.nextFrame() promises, resolved after the next frame
  const idleWaiters = [];   // explorer.idle() promises, resolved when drawing stops
  window.explorer = Object.freeze({
    ready,
    // Resolves with the frame count after the next frame is drawn (one is requested).
    nextFrame() {
      requireLoaded();
      return new Promise((resolve) => {
        frameWaiters.push(resolve);
        Module._wwe_request_frame();
      });
    },
    // Resolves once the app draws no more: nothing moves, nothing is due, no input waits.
    idle() {
      requireLoaded();
      return new Promise((resolve) => {
        if (Module._wwe_is_idle()) resolve();
        else idleWaiters.push(resolve);
      });
    },
    // Moves the app's clock `seconds` ahead (idle timeouts, tour stops, the search text
    // settling, easing); resolves after the frame drawn at the new time.
    advanceClock(seconds) {
      requireLoaded();
      return new Promise((resolve) => {
        frameWaiters.push(resolve);
        Module._wwe_advance_clock(Number(seconds) || 0);
      });
    },
    // What changed since the last call, in words (the controller's announcements).
    announcements() {
      requireLoaded();
      return JSON.parse(call('wwe_announcements'));
    },
    getState() {
      requireLoaded();
      return JSON.parse(call('wwe_get_state'));
    },
    setState(state) {
      requireLoaded();
      let text;
      try {
        text = jsonText(state === undefined ? null : state);
      } catch (err) {  // refused whole: the view and the filters stay as they are
        const error = new Error(`Win-Win Explorer setState: ${err.problem}; nothing was changed`);
        error.problems = [`error: ${err.problem}`];
        throw error;
      }
      return JSON.parse(call('wwe_set_state', text));
    },
    query(request) {
      requireLoaded();
      let text;
      try {
        text = jsonText(request === undefined ? {} : request);
      } catch (err) {
        const error = new Error(`Win-Win Explorer query: ${err.problem}`);
        error.problems = [`error: ${err.problem}`];
        throw error;
      }
      const envelope = JSON.parse(call('wwe_query', text));
      if (envelope.problems.length) {  // an unknown facet or value is an error, not an empty filter
        const error = new Error(`Win-Win Explorer query: ${envelope.problems.join('; ')}`);
        error.problems = envelope.problems;
        throw error;
      }
      return envelope.result;
    },
    // Opens another article or a text: `text` the file's contents, options.name its file
    // name (the kind: .json, .txt, .md; default "article.json"), options.date its date.
    // Resolves after the next frame with {opened, summary, problems, article}; when the
    // file is unusable, opened is false and the article shown stays.
    load(text, options = {}) {
      requireLoaded();
      return openText(String(text), String(options.name || 'article.json'), String(options.date || ''), 0);
    },
    // The article shown and the last open: {name, kind, opened, summary, problems, article:
    // {id, title, language, passages, facets: [{id, label, values: [{id, label}]}]}}.
    article() {
      requireLoaded();
      return JSON.parse(call('wwe_article'));
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
    // The notebook: {format, version, article, entries: [{passage, note, query, from}]}.
    notebook() {
      requireLoaded();
      return JSON.parse(call('wwe_export', 'notebook'));
    },
    // Adds a passage (its id) with a note; returns the problems ([] when added).
    addToNotebook(passageId, note) {
      requireLoaded();
      return JSON.parse(call('wwe_notebook_add', String(passageId), String(note === undefined ? '' : note)));
    },
    // "markdown" (cited), "html" or "csl-json" (for Zotero).
    exportNotebook(format) {
      requireLoaded();
      return call('wwe_export', 'notebook-' + String(format || 'markdown'));
    },
    highlight(nodeId) {
      requireLoaded();
      return JSON.parse(call('wwe_highlight', String(nodeId)));
    },
    fragment() {
      requireLoaded();
      return call('wwe_fragment');
    },
    embedOptions() {
      requireLoaded();
      return JSON.parse(call('wwe_embed'));
    },
    notice() {
      requireLoaded();
      return JSON.parse(call('wwe_notice'));
    },
    display() {
      requireLoaded();
      return JSON.parse(call('wwe_display'));
    },
    textScale() {
      requireLoaded();
      return Module._wwe_text_scale();
    },
    memory() {
      requireLoaded();
      return JSON.parse(call('wwe_memory'));
    },
    mapNodes() {
      requireLoaded();
      const rect = canvas.getBoundingClientRect();
      return JSON.parse(call('wwe_export', 'map-nodes')).map((n) => ({
        ...n,
        x: n.x + rect.left,
        y: n.y + rect.top,
        label_box: n.label_box && { ...n.label_box, x: n.label_box.x + rect.left, y: n.label_box.y + rect.top },
      }));
    },
  });
})();
