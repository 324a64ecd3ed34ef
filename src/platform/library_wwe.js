// Win-Win Explorer platform: the JS half of the program (an Emscripten JS library, linked
// with --js-library by cmake/web.cmake). This header is the whole C++ <-> JS protocol.
//
// Conventions: strings cross as UTF-8 pointers into the wasm heap. A pointer passed as an
// argument belongs to the caller and is only valid during the call. CSS px are the page's
// pixels; backing-store px are the canvas's (CSS px x devicePixelRatio). Flags are ints
// (0 or 1).
//
// (a) JS functions the C++ calls: this library (declared in src/platform/js_bridge.hpp)
//   URL (url_state.cpp)
//     wwe_js_listen_url()                   popstate/hashchange -> _wwe_url_changed()
//     wwe_js_read_location(part) -> char*   0 fragment (no "#"), 1 query (no "?"), 2 the
//                                           address without both; malloc'ed, caller frees
//     wwe_js_write_fragment(text, push)     the URL's "#..." (pushState when push, else
//                                           replaceState; nothing when it is already so)
//     wwe_js_preferences() -> int           the reader's system settings, bits: 1
//                                           prefers-color-scheme: dark, 2
//                                           prefers-reduced-motion: reduce, 4
//                                           prefers-contrast: more, 8 forced-colors: active
//     wwe_js_listen_preferences()           -> _wwe_preferences_changed(bits) whenever one
//                                           of those media queries changes
//     wwe_js_framed() -> int                the page is in a frame
//     wwe_js_state_changed(committed)       -> Module.wweOnStateChange(bool)
//   Browser storage (storage.cpp)
//     wwe_js_storage_available() -> int     localStorage can be read and written (0 in a
//                                           sandboxed frame, with storage blocked, ...)
//     wwe_js_storage_read(key) -> char*     the stored text, malloc'ed (caller frees);
//                                           0 when nothing is stored or storage fails
//     wwe_js_storage_write(key, text) -> int  1 when written; 0 when storage refused it
//                                           (quota, blocked): the app keeps it in memory
//     wwe_js_storage_remove(key)            removes the key (the notebook's old one)
//   Text entry and clipboard (text_input.cpp)
//     wwe_js_install_text_input()           the hidden <input id="wwe-text-input"> beside
//                                           the canvas; what it receives -> _wwe_text_input
//     wwe_js_place_text_input(focus, x, y, h)  move it to the caret (CSS px in the canvas):
//                                           focus 1 focuses it (only when the user just
//                                           activated an ImGui text box), 0 blurs it, -1
//                                           only moves it; its blur -> _wwe_request_frame
//                                           (the frame then lets ImGui's box go)
//     wwe_js_text_input_focused() -> int    it has the focus
//     wwe_js_write_clipboard(text)          Clipboard API, else execCommand('copy')
//   Frames and downloads (web_main.cpp)
//     wwe_js_watch_viewport()               -> _wwe_set_viewport now and whenever the
//                                           canvas's CSS size or devicePixelRatio changes
//     wwe_js_save_text(filename, mime, text)   saves a text file (a Blob download)
//     wwe_js_save_svg_as_png(filename, svg, scale)  rasterises an SVG and saves it as PNG
//                                           (backing-store px; call in the task that drew)
//     wwe_js_set_cursor(css)                the canvas's CSS cursor ("text", "pointer", ...)
//     wwe_js_watch_fullscreen()             -> _wwe_fullscreen_changed(available, on) now
//                                           and on each fullscreenchange
//     wwe_js_toggle_fullscreen()            enters or leaves full screen (the document)
//     wwe_js_open_file_picker()             -> Module.wweOpenFilePicker (Open...: the page's
//                                           file picker; the file comes back via _wwe_open)
//     wwe_js_show_preview(url, w, h)        -> Module.wwePreview (the Share dialog's embed
//                                           preview; w, h in CSS px)
//     wwe_js_platform_ready()               -> Module.wweOnPlatformReady
//     wwe_js_first_frame()                  -> Module.wweOnFirstFrame
//     wwe_js_frame_drawn(frames)            -> Module.wweOnFrame(frames): after each frame
//     wwe_js_idle(frames)                   -> Module.wweOnIdle(frames): drawing stopped
//     wwe_js_fatal(message)                 -> Module.wweOnFatal (GLFW could not start, ...)
//     wwe_js_no_webgl()                     no WebGL 2 context: the mirror becomes the page
//                                           (defined in library_mirror.js), then
//                                           -> Module.wweOnNoWebGL (the page shows it)
//     wwe_js_wake_after(ms)                 the frame loop stopped: _wwe_request_frame
//                                           after ms (the controller's next timer),
//                                           replacing the last one; ms < 0: none
//     wwe_js_report_error(message)          console.error("Win-Win Explorer: " + message)
//     wwe_js_heap_size() -> double          the WebAssembly memory's size, bytes
//     wwe_js_language_names(tags) -> char*  {tag: English name} of a JSON array of BCP 47
//                                           tags, from Intl.DisplayNames (null without it)
//     wwe_js_fetch_font(file)               fetches fonts/<file> next to explorer.js ->
//                                           _wwe_font_arrived(file, bytes, size) (bytes
//                                           _malloc'ed, the program keeps them; 0, 0 when
//                                           it failed: offline, file://, 404)
//   Stemmers (stemmer_web.c; Snowball's stemmers but English's are in modules/stemmers.wasm)
//     wwe_js_stemmer_new(algorithm) -> int  a handle (> 0) of the module's stemmer for
//                                           `algorithm` ("french", ...); 0 when the module
//                                           is not loaded or has none
//     wwe_js_stem(handle, word, size, out, cap) -> int  the stem's length in bytes,
//                                           copied to out when it fits in cap bytes (else
//                                           nothing is copied); -1 when it failed
//                                           Their postset gives the page
//                                           Module.wweStemmersFor(text) -> Promise or null:
//                                           fetches and starts the module when the article
//                                           `text` (a string or bytes) may need it and it is
//                                           not there yet (shell.js awaits it before
//                                           wwe_load, wwe_open and a load message)
//     wwe_js_rasterise_glyphs(cps, n, size, ascent, bold, cell_w, cell_h, alpha, advance)
//                                           draws n code points (uint32 at cps) with the
//                                           browser's own sans-serif fonts on a 2D canvas:
//                                           cell_w x cell_h alpha bytes each into alpha,
//                                           baseline `ascent` px below the cell's top, pen
//                                           at x = round(0.25 size); advances (float32) into
//                                           advance, -1 where the browser has no glyph (it
//                                           drew the same box as for an unassigned code point)
//   The semantic layer (web_main.cpp; defined in src/platform/library_mirror.js)
//     wwe_js_mirror_install() -> int        first thing in main, before glfwInit: the
//                                           accessible mirror over the canvas, its live
//                                           regions, its window capture key listener (runs
//                                           before GLFW's: keys typed in the mirror or
//                                           outside the explorer never reach GLFW; Tab
//                                           never does); 1: the page shows its own search
//                                           field over the canvas's search box
//     wwe_js_mirror_apply(ops_json)         the ops of App::take_semantics (add, update,
//                                           remove, order, title, place + pieces, unplace,
//                                           announce, focus, style, reset), in order; only
//                                           called when there are some (no work per frame)
//
// (b) C functions JS calls: the EMSCRIPTEN_KEEPALIVE exports (and _main, _malloc, _free).
//     Arguments are UTF-8 strings the caller allocates (_malloc) and frees after the call;
//     a returned const char* is UTF-8 owned by the program and valid until the next call
//     of any export that returns a string (copy it with UTF8ToString at once). JSON in,
//     JSON out; problems are arrays of strings.
//   From web/shell.js (web_main.cpp):
//     wwe_load(json) -> {"ok", "errors", "warnings"}   the article; once, before all else
//     wwe_get_state() -> the view state ("null" before loading)
//     wwe_set_state(json) -> problems                  a partial view state (the page's)
//     wwe_host_message(json) -> reply                  a host-page message, read and applied
//                                                      by the core: {"type": "result" |
//                                                      "error", ...} to post back
//     wwe_query(json) -> {"problems", "result"}        a query; the view stays
//     wwe_export(name) -> text      "svg", "markdown", "csv", "map-nodes" (JSON; else "")
//     wwe_highlight(id) -> problems                    selects a concept or entity
//     wwe_notice() -> {"title", "plain", "problems"}   the notice shown (empty: none)
//     wwe_fragment() -> text                           the deep link, without "#"
//     wwe_embed() -> the embed options in effect (core/embed.hpp)
//     wwe_display() -> {"theme", "reducedMotion", "background"}  how it is drawn now
//     wwe_memory() -> {"heap", "used"}                 bytes
//     wwe_text_scale() -> double                       the reader's text size (1: default)
//     wwe_home(reason)                                 back home after a page error
//     wwe_request_frame()                              draw a frame (input arrived)
//     wwe_advance_clock(seconds)                       the app's clock jumps ahead (tests)
//     wwe_is_idle() -> int                             the app draws nothing now
//     wwe_announcements() -> [text]                    what changed, in words, since the
//                                                      last call (screen readers)
//   From this library:
//     wwe_set_viewport(css_w, css_h, dpr)              doubles: the canvas's CSS size, DPR
//     wwe_url_changed()                                the URL changed: open it (url_state.cpp)
//     wwe_preferences_changed(bits)                    a system setting changed (url_state.cpp;
//                                                      bits as wwe_js_preferences)
//     wwe_text_input(utf8)                             text from the hidden field (text_input.cpp)
//   From library_mirror.js (web_main.cpp), each asks for a frame:
//     wwe_semantic_action(id)                          a mirror element was activated (click,
//                                                      Enter, Space, a screen reader's action)
//     wwe_semantic_focus(id)                           the page's focus is on it ("" = left)
//     wwe_semantic_key(name)                           "escape", "help", "back", "forward",
//                                                      "undo", "view-1".."view-7",
//                                                      "page-down", "page-up", "home", "end",
//                                                      "down", "up", "close-menus",
//                                                      "context-menu" (Shift+F10, the
//                                                      menu key: the focused passage's menu)
//                                                      (App::semantic_key)
//     wwe_semantic_value(id, text, caret)              another field's value (the Share
//                                                      dialog's size, scale, name); caret
//                                                      >= 0: still typed, the caret there
//                                                      (the drawn field shows it); -1: done
//     wwe_semantic_input(text, typing)                 the search field's text (typing 1:
//                                                      still at it; 0: Enter or blur)
//     wwe_pointer(type, x, y, dx, dy, touch)           the mouse over the text layer: 0 move,
//                                                      1 press, 2 release, 3 leave, 4 wheel
//                                                      (dx, dy CSS px); CSS px of the canvas
//
// (c) Hooks the page (web/shell.js) sets on Module
//     canvas                      the <canvas> (Emscripten's GLFW and html5 use it, and so
//                                 does this library)
//     print, printErr, onAbort, instantiateWasm   Emscripten's own (console, the error
//                                 screen, the download with a progress bar)
//     wweOnPlatformReady()        main() has set up GL, ImGui, the listeners and the
//                                 viewport: the page may call wwe_load now
//     wweOnFirstFrame()           the first frame after loading was drawn (once)
//     wweOnFrame(frames)          a frame was drawn (tests wait for frames with it)
//     wweOnIdle(frames)           drawing stopped: the screen is still (tests wait for it)
//     wweOnStateChange(committed) after a frame that changed the view state; committed:
//                                 a history step, not only scrolling or panning
//     wwePreview(url, w, h)       the Share dialog asked for an embed preview
//     wweOnFatal(message)         the program cannot run (no GLFW)
//     wweOnNoWebGL()              no WebGL 2: the app runs without drawing; the page shows
//                                 the mirror as its content (and says why)
//     Each is optional: a page without it just does not hear of the event.
//
// An item of this library is linked in when the wasm imports it or a linked item names it
// in __deps, so the helpers ($-prefixed) and the exports used here are named there (an
// export missing from the wasm is then a link error, not a runtime one). Nothing here uses
// eval or new Function (-sDYNAMIC_EXECUTION=0, the page's CSP).

// `deps` plus the runtime's string helpers. Emscripten 3.1.6 has UTF8ToString,
// stringToUTF8 and lengthBytesUTF8 in its runtime (always present; naming them in __deps is
// an error there); newer releases made them library symbols ($UTF8ToString, ...) that must
// be listed. So those that exist as library symbols are listed. (A new array each time:
// the compiler may append to a __deps array.)
function wweWithStrings(deps) {
  return deps.concat(['$UTF8ToString', '$stringToUTF8', '$lengthBytesUTF8'].filter(
    (name) => name in LibraryManager.library));
}

mergeInto(LibraryManager.library, {
  //----------------------------------------------------------------------------------------
  // Helpers
  //----------------------------------------------------------------------------------------

  // A malloc'ed UTF-8 copy of `text` (0 when out of memory); the receiver frees it.
  $wweNewUTF8__deps: wweWithStrings(['malloc']),
  $wweNewUTF8: function (text) {
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    if (ptr) stringToUTF8(text, ptr, size);
    return ptr;
  },

  // Calls the export `fn` with `text` as a temporary UTF-8 string.
  $wweCallWithUTF8__deps: ['$wweNewUTF8', 'free'],
  $wweCallWithUTF8: function (fn, text) {
    const ptr = wweNewUTF8(text);
    if (!ptr) return;
    try {
      fn(ptr);
    } finally {
      _free(ptr);
    }
  },

  // Saves `blob` as a download named `filename`.
  $wweSaveBlob: function (blob, filename) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  },

  // The hidden text field, once installed.
  $wweText: { field: null },

  //----------------------------------------------------------------------------------------
  // URL (url_state.cpp)
  //----------------------------------------------------------------------------------------

  wwe_js_listen_url__deps: ['wwe_url_changed'],
  wwe_js_listen_url__sig: 'v',
  wwe_js_listen_url: function () {
    const changed = () => _wwe_url_changed();
    window.addEventListener('popstate', changed);
    window.addEventListener('hashchange', changed);
  },

  wwe_js_read_location__deps: ['$wweNewUTF8'],
  wwe_js_read_location__sig: 'ii',
  wwe_js_read_location: function (part) {
    let text = location.hash.slice(1);
    if (part === 1) text = location.search.slice(1);
    if (part === 2) text = location.href.split('#')[0].split('?')[0];
    return wweNewUTF8(text);
  },

  wwe_js_write_fragment__deps: wweWithStrings([]),
  wwe_js_write_fragment__sig: 'vii',
  wwe_js_write_fragment: function (fragment, push) {
    const url = '#' + UTF8ToString(fragment);
    if (location.hash === url) return;
    try {
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    } catch (e) {
      // The History API may be refused (sandboxed frames): links still work on load.
    }
  },

  // The media queries of the reader's system settings, in the order of their bits.
  $wwePreferenceQueries: [
    '(prefers-color-scheme: dark)',
    '(prefers-reduced-motion: reduce)',
    '(prefers-contrast: more)',
    '(forced-colors: active)',
    '(pointer: coarse)',
  ],

  wwe_js_preferences__deps: ['$wwePreferenceQueries'],
  wwe_js_preferences__sig: 'i',
  wwe_js_preferences: function () {
    let bits = 0;
    wwePreferenceQueries.forEach((query, i) => {
      try {
        if (window.matchMedia(query).matches) bits |= 1 << i;
      } catch (e) {
        // An engine without matchMedia or this query: the setting is off.
      }
    });
    return bits;
  },

  wwe_js_listen_preferences__deps: ['$wwePreferenceQueries', 'wwe_js_preferences', 'wwe_preferences_changed'],
  wwe_js_listen_preferences__sig: 'v',
  wwe_js_listen_preferences: function () {
    const changed = () => _wwe_preferences_changed(_wwe_js_preferences());
    wwePreferenceQueries.forEach((query) => {
      try {
        const list = window.matchMedia(query);
        if (list.addEventListener) list.addEventListener('change', changed);
        else if (list.addListener) list.addListener(changed);  // older WebKit
      } catch (e) {
        // Not supported: the setting read at start stays.
      }
    });
  },

  wwe_js_framed__sig: 'i',
  wwe_js_framed: function () {
    try {
      return window.parent !== window ? 1 : 0;
    } catch (e) {
      return 1;  // a parent we may not even compare: a frame
    }
  },

  wwe_js_state_changed__sig: 'vi',
  wwe_js_state_changed: function (committed) {
    if (Module.wweOnStateChange) Module.wweOnStateChange(committed !== 0);
  },

  //----------------------------------------------------------------------------------------
  // Text entry and the clipboard (text_input.cpp)
  //----------------------------------------------------------------------------------------

  wwe_js_install_text_input__deps: ['$wweText', '$wweCallWithUTF8', 'wwe_text_input', 'wwe_request_frame'],
  wwe_js_install_text_input__sig: 'v',
  wwe_js_install_text_input: function () {
    const canvas = Module.canvas;
    if (!canvas || wweText.field) return;
    const field = document.createElement('input');
    field.type = 'text';
    field.id = 'wwe-text-input';
    field.setAttribute('aria-hidden', 'true');
    field.setAttribute('autocomplete', 'off');
    field.setAttribute('autocapitalize', 'off');
    field.setAttribute('autocorrect', 'off');
    field.spellcheck = false;
    field.tabIndex = -1;
    Object.assign(field.style, {
      position: 'absolute', left: '0px', top: '0px', width: '2px', height: '16px', padding: '0', border: '0',
      margin: '0', opacity: '0', background: 'transparent', color: 'transparent', caretColor: 'transparent',
      outline: 'none', pointerEvents: 'none', zIndex: '0', fontSize: '16px',
    });
    const parent = canvas.parentElement || document.body;
    if (getComputedStyle(parent).position === 'static') parent.style.position = 'relative';
    parent.appendChild(field);
    let composing = false;
    const send = (text) => {
      if (text) wweCallWithUTF8(_wwe_text_input, text);
    };
    field.addEventListener('compositionstart', () => {
      composing = true;
    });
    field.addEventListener('compositionend', (e) => {
      composing = false;
      send(e.data || field.value);
      field.value = '';
    });
    field.addEventListener('input', (e) => {
      if (composing || e.isComposing) return;
      if (e.inputType && e.inputType !== 'insertText' && e.inputType !== 'insertReplacementText') {
        field.value = '';
        return;
      }
      send(field.value);
      field.value = '';
    });
    // Losing the focus (the user went elsewhere): a frame, in which ImGui lets go of its
    // text box (text_input.cpp) rather than taking the focus back.
    field.addEventListener('blur', () => _wwe_request_frame());
    field.addEventListener('paste', (e) => {
      const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      e.preventDefault();
      send(text.replace(/\r?\n/g, ' '));  // one line
    });
    wweText.field = field;
  },

  wwe_js_place_text_input__deps: ['$wweText'],
  wwe_js_place_text_input__sig: 'vifff',
  wwe_js_place_text_input: function (focus, x, y, h) {
    const field = wweText.field;
    if (!field) return;
    field.style.left = (Module.canvas.offsetLeft + x) + 'px';
    field.style.top = (Module.canvas.offsetTop + y) + 'px';
    field.style.height = Math.max(8, h) + 'px';
    if (focus === 1 && document.activeElement !== field) field.focus({ preventScroll: true });
    if (focus === 0 && document.activeElement === field) field.blur();
  },

  wwe_js_text_input_focused__deps: ['$wweText'],
  wwe_js_text_input_focused__sig: 'i',
  wwe_js_text_input_focused: function () {
    return wweText.field && document.activeElement === wweText.field ? 1 : 0;
  },

  wwe_js_write_clipboard__deps: wweWithStrings([]),
  wwe_js_write_clipboard__sig: 'vi',
  wwe_js_write_clipboard: function (text) {
    const value = UTF8ToString(text);
    // execCommand works where the Clipboard API is refused (frames without clipboard-write).
    const fallback = () => {
      const area = document.createElement('textarea');
      area.value = value;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      try {
        document.execCommand('copy');
      } catch (e) {
        // nothing more to try
      }
      area.remove();
      if (Module.canvas) Module.canvas.focus({ preventScroll: true });
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(value).catch(fallback);
    } else {
      fallback();
    }
  },

  //----------------------------------------------------------------------------------------
  // Viewport (web_main.cpp): Emscripten 3.1.6's GLFW sees neither resizes nor the DPR
  //----------------------------------------------------------------------------------------

  wwe_js_watch_viewport__deps: ['wwe_set_viewport'],
  wwe_js_watch_viewport__sig: 'v',
  wwe_js_watch_viewport: function () {
    const canvas = Module.canvas;
    if (!canvas) return;
    const push = () => {
      if (canvas.hidden) return;  // the page shows its error screen instead
      const rect = canvas.getBoundingClientRect();
      _wwe_set_viewport(rect.width, rect.height, window.devicePixelRatio || 1);
    };
    // A resolution query stops matching when the page moves to a screen with another
    // ratio, or on browser zoom: push, and watch the new ratio.
    const watchRatio = () => {
      const query = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
      query.addEventListener('change', () => {
        push();
        watchRatio();
      }, { once: true });
    };
    push();
    if (typeof ResizeObserver === 'function') new ResizeObserver(push).observe(canvas);
    window.addEventListener('resize', push);
    watchRatio();
  },

  //----------------------------------------------------------------------------------------
  // Downloads (web_main.cpp: the export menu)
  //----------------------------------------------------------------------------------------

  wwe_js_watch_fullscreen__deps: ['wwe_fullscreen_changed'],
  wwe_js_watch_fullscreen__sig: 'v',
  wwe_js_watch_fullscreen: function () {
    const tell = () => _wwe_fullscreen_changed(document.fullscreenEnabled ? 1 : 0, document.fullscreenElement ? 1 : 0);
    document.addEventListener('fullscreenchange', tell);
    tell();
  },

  wwe_js_toggle_fullscreen__sig: 'v',
  wwe_js_toggle_fullscreen: function () {
    const done = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    if (done && done.catch) {
      done.catch((e) => console.error('Win-Win Explorer: full screen refused (' + (e && e.message) + ')'));
    }
  },

  wwe_js_open_file_picker__sig: 'v',
  wwe_js_open_file_picker: function () {
    if (Module.wweOpenFilePicker) Module.wweOpenFilePicker();
  },

  wwe_js_save_text__deps: wweWithStrings(['$wweSaveBlob']),
  wwe_js_save_text__sig: 'viii',
  wwe_js_save_text: function (filename, mime, text) {
    const type = UTF8ToString(mime) + ';charset=utf-8';
    wweSaveBlob(new Blob([UTF8ToString(text)], { type: type }), UTF8ToString(filename));
  },

  wwe_js_save_svg_as_png__deps: wweWithStrings(['$wweSaveBlob']),
  wwe_js_save_svg_as_png__sig: 'viid',
  wwe_js_save_svg_as_png: function (filename, svg, scale) {
    const name = UTF8ToString(filename);
    const text = UTF8ToString(svg);
    const fail = (why) => console.error('Win-Win Explorer: saving ' + name + ' failed: ' + why);
    // The size the SVG says (CSS px), read before the browser decodes it.
    const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(text);
    if (!size) { fail('the drawing has no size'); return; }
    const w = Number(size[1]), h = Number(size[2]);
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      const out = document.createElement('canvas');
      out.width = Math.max(1, Math.round(w * scale));
      out.height = Math.max(1, Math.round(h * scale));
      const g = out.getContext('2d');
      g.scale(scale, scale);
      g.drawImage(img, 0, 0, w, h);
      out.toBlob((blob) => {
        if (blob) wweSaveBlob(blob, name);
        else fail('the browser could not encode the picture');
      }, 'image/png');
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      fail('the browser could not draw the map');
    };
    img.src = url;
  },

  //----------------------------------------------------------------------------------------
  // The page: cursor, preview, notifications, diagnostics (web_main.cpp)
  //----------------------------------------------------------------------------------------

  wwe_js_set_cursor__deps: wweWithStrings([]),
  wwe_js_set_cursor__sig: 'vi',
  wwe_js_set_cursor: function (css) {
    if (Module.canvas) Module.canvas.style.cursor = UTF8ToString(css);
  },

  wwe_js_show_preview__deps: wweWithStrings([]),
  wwe_js_show_preview__sig: 'viii',
  wwe_js_show_preview: function (url, width, height) {
    if (Module.wwePreview) Module.wwePreview(UTF8ToString(url), width, height);
  },

  wwe_js_platform_ready__sig: 'v',
  wwe_js_platform_ready: function () {
    if (Module.wweOnPlatformReady) Module.wweOnPlatformReady();
  },

  wwe_js_first_frame__sig: 'v',
  wwe_js_first_frame: function () {
    if (Module.wweOnFirstFrame) Module.wweOnFirstFrame();
  },

  wwe_js_frame_drawn__sig: 'vd',
  wwe_js_frame_drawn: function (frames) {
    if (Module.wweOnFrame) Module.wweOnFrame(frames);
  },

  wwe_js_idle__sig: 'vd',
  wwe_js_idle: function (frames) {
    if (Module.wweOnIdle) Module.wweOnIdle(frames);
  },

  $wweWake: { timer: 0 },
  wwe_js_wake_after__deps: ['$wweWake', 'wwe_request_frame'],
  wwe_js_wake_after__sig: 'vd',
  wwe_js_wake_after: function (ms) {
    if (wweWake.timer) clearTimeout(wweWake.timer);
    wweWake.timer = 0;
    if (ms >= 0 && ms < 2147483647) {
      wweWake.timer = setTimeout(() => {
        wweWake.timer = 0;
        _wwe_request_frame();
      }, ms);
    }
  },

  wwe_js_fatal__deps: wweWithStrings([]),
  wwe_js_fatal__sig: 'vi',
  wwe_js_fatal: function (message) {
    if (Module.wweOnFatal) Module.wweOnFatal(UTF8ToString(message));
  },

  wwe_js_report_error__deps: wweWithStrings([]),
  wwe_js_report_error__sig: 'vi',
  wwe_js_report_error: function (message) {
    console.error('Win-Win Explorer: ' + UTF8ToString(message));
  },

  //----------------------------------------------------------------------------------------
  // Browser storage (storage.cpp): every access guarded, since merely reading
  // window.localStorage throws in a sandboxed frame without allow-same-origin.
  //----------------------------------------------------------------------------------------

  wwe_js_storage_available__sig: 'i',
  wwe_js_storage_available: function () {
    try {
      const store = window.localStorage;
      const probe = 'win-win-explorer.probe';
      store.setItem(probe, '1');
      store.removeItem(probe);
      return 1;
    } catch (err) {
      return 0;
    }
  },

  wwe_js_storage_read__deps: wweWithStrings(['$wweNewUTF8']),
  wwe_js_storage_read__sig: 'ii',
  wwe_js_storage_read: function (key) {
    try {
      const text = window.localStorage.getItem(UTF8ToString(key));
      return text === null ? 0 : wweNewUTF8(text);
    } catch (err) {
      return 0;
    }
  },

  wwe_js_storage_write__deps: wweWithStrings([]),
  wwe_js_storage_write__sig: 'iii',
  wwe_js_storage_write: function (key, text) {
    try {
      window.localStorage.setItem(UTF8ToString(key), UTF8ToString(text));
      return 1;
    } catch (err) {
      return 0;
    }
  },

  wwe_js_storage_remove__sig: 'vi',
  wwe_js_storage_remove: function (key) {
    try {
      window.localStorage.removeItem(UTF8ToString(key));
    } catch (err) {
      // refused: nothing to remove
    }
  },

  wwe_js_heap_size__sig: 'd',
  wwe_js_heap_size: function () {
    return HEAP8.length;
  },

  wwe_js_language_names__deps: wweWithStrings(['$wweNewUTF8']),
  wwe_js_language_names__sig: 'ii',
  wwe_js_language_names: function (tags) {
    if (typeof Intl === 'undefined' || !Intl.DisplayNames) return 0;
    var names = {};
    try {
      var display = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
      JSON.parse(UTF8ToString(tags)).forEach(function (tag) {
        try {
          var name = display.of(tag);
          if (name) names[tag] = name;
        } catch (e) { /* not a well-formed tag: the core's table or the tag itself */ }
      });
    } catch (e) {
      return 0;
    }
    return wweNewUTF8(JSON.stringify(names));
  },

  wwe_js_fetch_font__deps: wweWithStrings(['wwe_font_arrived', 'malloc', 'free']),
  wwe_js_fetch_font__sig: 'vi',
  wwe_js_fetch_font: function (file) {
    var name = UTF8ToString(file);
    var base = typeof scriptDirectory === 'string' ? scriptDirectory : '';
    var done = function (bytes) {
      var n = lengthBytesUTF8(name) + 1;
      var str = _malloc(n);
      stringToUTF8(name, str, n);
      var data = 0;
      if (bytes && bytes.length) {
        data = _malloc(bytes.length);
        if (data) HEAPU8.set(bytes, data);
      }
      _wwe_font_arrived(str, data, data ? bytes.length : 0);
      _free(str);
    };
    try {
      fetch(base + 'fonts/' + name).then(function (r) {
        if (!r.ok) throw new Error(r.status + ' ' + r.statusText);
        return r.arrayBuffer();
      }).then(function (buffer) { done(new Uint8Array(buffer)); }, function (e) {
        console.warn('Win-Win Explorer: the font ' + name + ' could not be fetched (' + e + '); the browser\'s fonts draw its characters');
        done(null);
      });
    } catch (e) {
      done(null);
    }
  },

  // The stemmers module: fetched once, when an article may need it. Languages with a
  // Snowball stemmer other than English: the primary subtags of TextRules::for_language
  // (src/core/text.cpp), which this list must follow.
  $wweStemmers: {
    languages: ['ar', 'ca', 'da', 'de', 'el', 'es', 'eu', 'fi', 'fr', 'ga', 'hi', 'hu', 'hy',
      'id', 'it', 'lt', 'ne', 'nl', 'no', 'nb', 'nn', 'pt', 'ro', 'ru', 'sr', 'sv', 'ta', 'tr', 'yi'],
    exports: null,   // the module's exports once it runs
    loading: null,   // its Promise
    handles: [0],    // handle -> the module's sb_stemmer pointer
    scratch: 0, scratchSize: 0,
    // True unless `input` is an article whose language is known to need no module
    // (English, or one Snowball lacks): plain text and anything unreadable may need it.
    needs: function (input) {
      var text = input;
      try {
        if (typeof text !== 'string') text = new TextDecoder('utf-8').decode(text);
        var article = JSON.parse(text);
        var language = article && article.meta && article.meta.language;
        if (typeof language !== 'string') return true;
        return wweStemmers.languages.indexOf(language.split(/[-_]/)[0].toLowerCase()) >= 0;
      } catch (e) {
        return true;  // not JSON (a .txt or .md: the core guesses its language)
      }
    },
    load: function () {
      if (wweStemmers.loading) return wweStemmers.loading;
      var base = typeof scriptDirectory === 'string' ? scriptDirectory : '';
      wweStemmers.loading = fetch(base + 'modules/stemmers.wasm').then(function (r) {
        if (!r.ok) throw new Error(r.status + ' ' + r.statusText);
        return r.arrayBuffer();
      }).then(function (buffer) {
        return WebAssembly.compile(buffer);
      }).then(function (module) {
        // A standalone module: whatever it imports (WASI, memory growth notices) is stubbed.
        var imports = {};
        WebAssembly.Module.imports(module).forEach(function (i) {
          imports[i.module] = imports[i.module] || {};
          if (i.kind === 'function') imports[i.module][i.name] = function () { return 0; };
        });
        return WebAssembly.instantiate(module, imports);
      }).then(function (instance) {
        if (instance.exports._initialize) instance.exports._initialize();
        wweStemmers.exports = instance.exports;
      }, function (e) {
        console.error('Win-Win Explorer: modules/stemmers.wasm could not be loaded (' + e +
          '); words of this article are not stemmed');
        wweStemmers.loading = null;  // the next article tries again
      });
      return wweStemmers.loading;
    },
  },

  wwe_js_stemmer_new__deps: wweWithStrings(['$wweStemmers']),
  wwe_js_stemmer_new__postset: 'Module["wweStemmersFor"] = function (input) {' +
    ' return wweStemmers.exports || !wweStemmers.needs(input) ? null : wweStemmers.load(); };',
  wwe_js_stemmer_new__sig: 'ii',
  wwe_js_stemmer_new: function (algorithm) {
    var ex = wweStemmers.exports;
    if (!ex) {
      console.error('Win-Win Explorer: the stemmer ' + UTF8ToString(algorithm) + ' was asked for before modules/stemmers.wasm was loaded');
      return 0;
    }
    var name = UTF8ToString(algorithm);
    var bytes = new TextEncoder().encode(name + '\0');
    var p = ex.malloc(bytes.length);
    if (!p) return 0;
    new Uint8Array(ex.memory.buffer, p, bytes.length).set(bytes);
    var stemmer = ex.wwe_stemmer_new(p);
    ex.free(p);
    if (!stemmer) return 0;
    wweStemmers.handles.push(stemmer);
    return wweStemmers.handles.length - 1;
  },

  wwe_js_stem__deps: ['$wweStemmers'],
  wwe_js_stem__sig: 'iiiiii',
  wwe_js_stem: function (handle, word, size, out, cap) {
    var S = wweStemmers, ex = S.exports;
    var stemmer = ex && S.handles[handle];
    if (!stemmer) return -1;
    if (size > S.scratchSize) {
      if (S.scratch) ex.free(S.scratch);
      S.scratchSize = Math.max(64, size * 2);
      S.scratch = ex.malloc(S.scratchSize);
      if (!S.scratch) { S.scratchSize = 0; return -1; }
    }
    new Uint8Array(ex.memory.buffer, S.scratch, size).set(HEAPU8.subarray(word, word + size));
    var r = ex.wwe_stemmer_stem(stemmer, S.scratch, size);
    if (!r) return -1;
    var n = ex.sb_stemmer_length(stemmer);
    if (n <= cap) HEAPU8.set(new Uint8Array(ex.memory.buffer, r, n), out);
    return n;
  },

  wwe_js_rasterise_glyphs__sig: 'viiddiiiii',
  wwe_js_rasterise_glyphs: function (cps, n, size, ascent, bold, cellW, cellH, alpha, advance) {
    var canvas = document.createElement('canvas');
    var cols = Math.max(1, Math.floor(2048 / cellW));
    var rowsPerBatch = Math.max(1, Math.floor(1024 / cellH));
    canvas.width = cols * cellW;
    canvas.height = rowsPerBatch * cellH;
    var ctx = canvas.getContext('2d', { willReadFrequently: true });
    var font = (bold ? 'bold ' : '') + size + 'px sans-serif';
    var pen = Math.round(0.25 * size);
    var cellAlpha = function (data, col, row) {  // one cell's alpha bytes
      var out = new Uint8Array(cellW * cellH);
      for (var y = 0; y < cellH; ++y) {
        var src = ((row * cellH + y) * canvas.width + col * cellW) * 4 + 3;
        for (var x = 0; x < cellW; ++x) out[y * cellW + x] = data[src + 4 * x];
      }
      return out;
    };
    var same = function (a, b) {
      if (!a || !b || a.length !== b.length) return false;
      for (var i = 0; i < a.length; ++i) if (a[i] !== b[i]) return false;
      return true;
    };
    var draw = function (list) {  // list of strings -> [{alpha, advance}]
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.font = font;
      ctx.fillStyle = '#fff';
      ctx.textBaseline = 'alphabetic';
      for (var k = 0; k < list.length; ++k) {
        ctx.fillText(list[k], (k % cols) * cellW + pen, Math.floor(k / cols) * cellH + ascent);
      }
      var data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      var out = [];
      for (var k = 0; k < list.length; ++k) {
        out.push({ alpha: cellAlpha(data, k % cols, Math.floor(k / cols)), advance: ctx.measureText(list[k]).width });
      }
      return out;
    };
    // The browser's box for a code point it cannot draw: unassigned U+0378 and U+E0080.
    var none = draw([String.fromCodePoint(0x378), String.fromCodePoint(0xE0080)]);
    var batch = cols * rowsPerBatch;
    for (var first = 0; first < n; first += batch) {
      var list = [];
      for (var k = first; k < Math.min(n, first + batch); ++k) list.push(String.fromCodePoint(HEAPU32[(cps >> 2) + k]));
      var got = draw(list);
      for (var k = 0; k < got.length; ++k) {
        var i = first + k;
        var missing = none.some(function (b) { return same(b.alpha, got[k].alpha) && b.advance === got[k].advance; });
        HEAPU8.set(got[k].alpha, alpha + i * cellW * cellH);
        HEAPF32[(advance >> 2) + i] = missing ? -1 : got[k].advance;
      }
    }
  },
});
