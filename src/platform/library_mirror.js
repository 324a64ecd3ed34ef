// Win-Win Explorer platform: the semantic layer's DOM mirror (an Emscripten JS library,
// linked with --js-library after library_wwe.js, whose header lists the whole protocol).
//
// The app draws everything on one canvas. This library lays an accessible copy of the
// interface over it, as PDF.js lays its text layer over a page and Flutter's web engine
// keeps semantic DOM nodes over its canvas:
//
//   - the mirror: one element per node of core/semantics.hpp's tree (real <button>s,
//     headings, lists, tables, a <input type="search"> ...), kept up to date by the ops of
//     App::take_semantics (add, update, remove, order, title, place, unplace, pieces,
//     announce, focus, style, reset). Placed elements sit exactly over what the canvas
//     drew (CSS px, relative to the nearest placed ancestor); the others stay readable in
//     normal flow but invisible. Nothing here runs per frame: only ops cause DOM work.
//   - the keyboard: Tab and Shift+Tab are the browser's own (in and out of the explorer);
//     a window capture listener installed before GLFW's keeps GLFW from seeing keys typed
//     in the mirror or outside the explorer (GLFW cancels every Tab, and would also type
//     into ImGui what was meant for the page). Within the mirror: roving tab stops with
//     arrow keys (tabs, a facet's values, a passage's links, lists, tables), Enter and
//     Space activate, and the explorer's shortcuts become App::semantic_key names.
//   - the text layer: a passage's text runs, while drawn, are laid out line by line as
//     transparent spans (the "pieces") that take the mouse: a drag selects the words, Copy
//     puts exactly the selected words on the clipboard, and the mouse is forwarded to the
//     app (wwe_pointer) so hovering and clicking mentions still work.
//   - without WebGL 2 (flow(), from wwe_js_no_webgl): the mirror is the page itself, in
//     normal flow and visible ("wwe-flow", web/style.css): places and pieces are ignored,
//     the page scrolls as pages do, and the keys that would go to the canvas are the
//     mirror's.
//   - embeds: the wheel over an embedded map or timeline scrolls the host page unless
//     Ctrl/Cmd is held or the map was clicked first (a hint says so); the keys of the
//     explorer never scroll the host page; focus is moved only in answer to the user's own
//     action in the explorer.
//
// Settings read from the page's URL: ?keys=off switches the single-character shortcuts
// ("/", "?", 1-7) off. Names and texts from the app are set with textContent and
// attributes only (never markup): they come from the article.
//
// Nothing here uses eval, new Function or inline handlers (the page's CSP); the styles are
// in web/style.css ("The mirror"), inline style properties are set through the CSSOM.

mergeInto(LibraryManager.library, {
  // The one mirror (null until installed).
  $wweMirrorState: { mirror: null },

  // Builds the mirror over Module.canvas and returns its interface ({apply(text)}).
  $wweCreateMirror__deps: ['$wweCallWithUTF8', '$wweNewUTF8', 'free', 'wwe_semantic_action', 'wwe_semantic_focus',
                           'wwe_semantic_key', 'wwe_semantic_input', 'wwe_semantic_value', 'wwe_pointer', 'wwe_request_frame',
                           'wwe_citation'].concat(['$UTF8ToString'].filter((name) => name in LibraryManager.library)),
  $wweCreateMirror: function () {
    const canvas = Module.canvas;
    const parent = canvas.parentElement || document.body;
    const query = new URLSearchParams(location.search);
    const keysOff = query.get('keys') === 'off';
    const kiosk = /(^|[?&])kiosk(=|&|$)/.test(location.search.slice(1)) ||
                  document.documentElement.classList.contains('wwe-kiosk');
    const framed = (() => {
      try {
        return window.parent !== window;
      } catch (e) {
        return true;
      }
    })();
    const mac = /Mac|iPhone|iPad/.test(navigator.platform || '');
    let flowing = false;  // no WebGL 2: the mirror is the page (flow())

    //--------------------------------------------------------------------------------------
    // Calls into the program
    //--------------------------------------------------------------------------------------
    const action = (id) => wweCallWithUTF8(_wwe_semantic_action, id);
    let focusSent = null;
    const tellFocus = (id) => {
      if (id === focusSent) return;
      focusSent = id;
      wweCallWithUTF8(_wwe_semantic_focus, id);
    };
    const semanticKey = (name) => wweCallWithUTF8(_wwe_semantic_key, name);
    let sentValue = null;  // the search text last sent
    const semanticInput = (text, typing) => {
      sentValue = text;
      const ptr = wweNewUTF8(text);
      if (!ptr) return;
      try {
        _wwe_semantic_input(ptr, typing ? 1 : 0);
      } finally {
        _free(ptr);
      }
    };
    // Another field's value (the Share dialog's size, scale, name).
    const semanticValue = (id, text, caret) => {
      const idPtr = wweNewUTF8(id);
      const textPtr = idPtr ? wweNewUTF8(text) : 0;
      try {
        if (idPtr && textPtr) _wwe_semantic_value(idPtr, textPtr, typeof caret === 'number' ? caret : -1);
      } finally {
        if (idPtr) _free(idPtr);
        if (textPtr) _free(textPtr);
      }
    };
    // Pointer types of wwe_pointer (web_main.cpp).
    const POINTER_MOVE = 0, POINTER_DOWN = 1, POINTER_UP = 2, POINTER_LEAVE = 3, POINTER_WHEEL = 4;
    const pointer = (type, event, dx, dy, touch) => {
      const r = canvas.getBoundingClientRect();
      _wwe_pointer(type, event.clientX - r.left, event.clientY - r.top, dx || 0, dy || 0, touch ? 1 : 0);
    };

    //--------------------------------------------------------------------------------------
    // The container, the live regions, the wheel hint
    //--------------------------------------------------------------------------------------
    if (getComputedStyle(parent).position === 'static') parent.style.position = 'relative';
    const container = document.createElement('div');
    container.className = 'wwe-mirror';
    const live = (politeness) => {
      const region = document.createElement('div');
      region.className = 'wwe-live';
      region.setAttribute('aria-live', politeness);
      region.setAttribute('aria-atomic', 'true');
      container.appendChild(region);
      return { region, pending: [], timer: 0 };
    };
    const polite = live('polite');
    const assertive = live('assertive');
    const hint = document.createElement('div');
    hint.className = 'wwe-wheel-hint';
    hint.setAttribute('aria-hidden', 'true');
    hint.textContent = (mac ? '\u2318' : 'Ctrl') + ' + wheel to zoom, or click the map first';
    container.appendChild(hint);
    parent.appendChild(container);
    // The canvas is drawn for the eyes; the mirror is what assistive technology and the
    // keyboard use.
    canvas.setAttribute('aria-hidden', 'true');
    canvas.tabIndex = -1;

    // The container keeps the canvas's box (written only when the canvas moves or resizes).
    const fit = () => {
      if (flowing) return;
      const c = canvas.getBoundingClientRect();
      const p = parent.getBoundingClientRect();
      const left = c.left - p.left - parent.clientLeft + parent.scrollLeft;
      const top = c.top - p.top - parent.clientTop + parent.scrollTop;
      container.style.left = left + 'px';
      container.style.top = top + 'px';
      container.style.width = c.width + 'px';
      container.style.height = c.height + 'px';
    };
    fit();
    if (typeof ResizeObserver === 'function') new ResizeObserver(fit).observe(canvas);
    window.addEventListener('resize', fit);

    //--------------------------------------------------------------------------------------
    // Elements
    //--------------------------------------------------------------------------------------
    // Entry: {id, role, el, body (where children go), text (the name's Text node, for roles
    // named by their content), name, flags (Set), activatable, place ({x, y, w, h} | null),
    // pieces (bool)}.
    const entries = new Map();
    const entryOfElement = new WeakMap();
    let root = null;

    // Roles named by aria-label; the others show their name as their text. (A list item's
    // name is what it holds first, said by list navigation: not shown twice.)
    const LABELLED = new Set(['root', 'search', 'searchbox', 'toolbar', 'tablist', 'complementary', 'main', 'region',
                              'group', 'list', 'listitem', 'table', 'dialog', 'menu', 'radiogroup', 'slider',
                              'spinbutton', 'textbox']);
    // Fields other than the search box: their value goes to the app (wwe_semantic_value).
    const FIELDS = new Set(['slider', 'spinbutton', 'textbox']);
    // Landmarks that clip what they hold while placed (the panels).
    const clips = (entry) => entry.role === 'main' || entry.role === 'complementary' ||
                             (entry.role === 'region' && entry.id === 'details');

    function createElement(role, level) {
      const make = (tag, attrs) => {
        const el = document.createElement(tag);
        // (No destructuring here: Emscripten 3.1.6's JS printer mangles it in for-of.)
        for (const k of Object.keys(attrs || {})) el.setAttribute(k, attrs[k]);
        return el;
      };
      switch (role) {
        case 'root': return make('div', { role: 'region' });
        case 'search': return make('div', { role: 'search' });
        case 'searchbox': return make('input', { type: 'search', autocomplete: 'off', spellcheck: 'false' });
        case 'status': return make('div', { role: 'status', 'aria-live': 'off' });  // spoken via announce ops
        case 'alert': return make('div', { role: 'alert', 'aria-live': 'off' });
        case 'toolbar': return make('div', { role: 'toolbar' });
        case 'button': return make('button', { type: 'button' });
        case 'tablist': return make('div', { role: 'tablist' });
        case 'tab': return make('button', { type: 'button', role: 'tab', 'aria-selected': 'false' });
        case 'complementary': return make('aside');
        case 'main': return make('main');
        case 'region': return make('section');
        case 'group': return make('div', { role: 'group' });
        case 'checkbox': return make('button', { type: 'button', role: 'checkbox', 'aria-checked': 'false' });
        case 'heading': return make('h' + Math.min(6, Math.max(1, level || 2)));
        case 'paragraph': return make('p');
        case 'text': return make('span');
        // A span, not <a href>: no link drag when a selection starts on it, no "#" URL.
        case 'link': return make('span', { role: 'link' });
        case 'list': return make('ul');
        case 'listitem': return make('li');
        case 'table': return make('table');
        case 'row': return make('tr');
        case 'columnheader': return make('th', { scope: 'col' });
        case 'rowheader': return make('th', { scope: 'row' });
        case 'cell': return make('td');
        case 'dialog': return make('div', { role: 'dialog', 'aria-modal': 'true' });
        case 'menu': return make('div', { role: 'menu' });
        case 'menuitem': return make('button', { type: 'button', role: 'menuitem' });
        case 'radiogroup': return make('div', { role: 'radiogroup' });
        case 'radio': return make('button', { type: 'button', role: 'radio', 'aria-checked': 'false' });
        case 'slider': return make('input', { type: 'range' });
        // A text field, not type="number" (whose caret the page cannot read): the canvas draws
        // the caret where the user moved it. Up and Down step it (installField).
        case 'spinbutton': return make('input', { type: 'text', role: 'spinbutton', inputmode: 'numeric',
                                                  autocomplete: 'off', spellcheck: 'false' });
        case 'textbox': return make('input', { type: 'text', autocomplete: 'off', spellcheck: 'false' });
        default: return make('span');
      }
    }

    function createEntry(op) {
      const el = createElement(op.role, op.level);
      el.classList.add('wwe-e');
      el.setAttribute('data-id', op.id);  // for tests and debugging
      const entry = { id: op.id, role: op.role, level: op.level || 0, el, body: el, text: null, name: '',
                      description: '', flags: new Set(), activatable: false, place: null, pieces: false,
                      seen: new Set() };
      if (op.role === 'table') {
        entry.body = document.createElement('tbody');
        el.appendChild(entry.body);
      } else if (!LABELLED.has(op.role)) {
        entry.text = document.createTextNode('');
        el.appendChild(entry.text);
      }
      if (clips(entry)) el.classList.add('wwe-clip');
      if (op.role === 'searchbox') installSearchBox(entry);
      if (FIELDS.has(op.role)) installField(entry);
      entryOfElement.set(el, entry);
      entries.set(op.id, entry);
      return entry;
    }

    // A state flag as ARIA, by role (what Chromium's accessibility tree exposes correctly).
    function setFlag(entry, flag, on) {
      const el = entry.el;
      const attr = (name, value) => (value === null ? el.removeAttribute(name) : el.setAttribute(name, value));
      const seen = entry.seen;
      if (on) seen.add(flag);
      switch (flag) {
        case 'checked':
          if (entry.role === 'checkbox' || entry.role === 'radio') attr('aria-checked', on ? 'true' : 'false');
          break;
        case 'selected':
          if (entry.role === 'tab') attr('aria-selected', on ? 'true' : 'false');
          else if (entry.role === 'row') attr('aria-selected', on ? 'true' : null);
          // A selected node or mention: the current one of its set (buttons and links have
          // no aria-selected).
          else if (!entry.flags.has('current')) attr('aria-current', on ? 'true' : null);
          break;
        case 'pressed':
          if (entry.role === 'button') attr('aria-pressed', on ? 'true' : seen.has('pressed') ? 'false' : null);
          break;
        case 'disabled':
          attr('aria-disabled', on ? 'true' : null);  // still focusable
          break;
        case 'current':
          attr('aria-current', on || entry.flags.has('selected') ? 'true' : null);
          break;
        case 'expanded':
          attr('aria-expanded', on ? 'true' : seen.has('expanded') || entry.flags.has('expandable') ? 'false' : null);
          break;
        case 'expandable':  // says collapsed from the start (a menu button, a disclosure)
          attr('aria-expanded', entry.flags.has('expanded') ? 'true' : on ? 'false' : null);
          break;
        case 'popup-menu':
          attr('aria-haspopup', on ? 'menu' : null);
          break;
        case 'popup-dialog':
          attr('aria-haspopup', on ? 'dialog' : null);
          break;
        case 'readonly':  // a text to select and copy (the Share dialog's link, its embed code)
          if (entry.role === 'textbox') el.readOnly = on;
          break;
        case 'focusable':
          if (on) {
            el.classList.add('wwe-f');
            if (!NATIVE_FOCUS.has(entry.role)) {
              if (!el.hasAttribute('tabindex')) el.tabIndex = 0;
            }
          } else {
            el.classList.remove('wwe-f');
            if (BUTTONS.has(entry.role)) el.tabIndex = -1;
            else el.removeAttribute('tabindex');
          }
          break;
        default:
          break;
      }
    }

    const FLAGS = ['checked', 'selected', 'pressed', 'disabled', 'current', 'expandable', 'expanded', 'popup-menu',
                   'popup-dialog', 'readonly', 'focusable'];
    // Elements the browser focuses by themselves (<button>s and <input>s).
    const BUTTONS = new Set(['button', 'tab', 'checkbox', 'menuitem', 'radio']);
    const NATIVE_FOCUS = new Set([...BUTTONS, 'searchbox', ...FIELDS]);

    function update(entry, op) {
      const el = entry.el;
      const name = op.name || '';
      if (name !== entry.name) {
        entry.name = name;
        if (LABELLED.has(entry.role)) {
          if (name) el.setAttribute('aria-label', name);
          else el.removeAttribute('aria-label');
        } else if (entry.text) {
          if (entry.pieces) clearPieces(entry);
          entry.text.data = name;
        }
        if (entry.role === 'searchbox') updatePlaceholder(entry);
      }
      const lang = op.lang || '';  // text in another language than the article's
      if (lang !== (entry.lang || '')) {
        entry.lang = lang;
        if (lang) el.setAttribute('lang', lang);
        else el.removeAttribute('lang');
      }
      const description = op.description || '';
      if (description !== entry.description) {
        entry.description = description;
        if (description) el.setAttribute('aria-description', description);
        else el.removeAttribute('aria-description');
      }
      const flags = new Set(op.flags || []);
      // "selected" and "current" share aria-current: apply "current" last.
      for (const flag of FLAGS) {
        const on = flags.has(flag);
        if (on !== entry.flags.has(flag)) {
          if (on) entry.flags.add(flag);
          else entry.flags.delete(flag);
          setFlag(entry, flag, on);
        }
      }
      entry.activatable = !!op.activatable;
      if (entry.role === 'searchbox' && typeof op.value === 'string') setSearchValue(entry, op.value);
      if (FIELDS.has(entry.role)) setFieldValue(entry, op);
    }

    // Removes an entry's element and forgets it and everything in it.
    function removeEntry(entry) {
      const forget = (el) => {
        const e = entryOfElement.get(el);
        if (!e) return;
        if (entries.get(e.id) === e) entries.delete(e.id);
        if (e === root) root = null;
        if (e === searchEntry) searchEntry = null;
      };
      forget(entry.el);
      for (const el of entry.el.querySelectorAll('.wwe-e')) forget(el);
      entry.el.remove();
    }

    // The children of `entry` are `ids`, in this order.
    function order(entry, ids) {
      const box = entry.body;
      let cur = entry.text ? entry.text.nextSibling : box.firstChild;
      for (const id of ids) {
        const child = entries.get(id);
        if (!child) continue;
        if (child.el === cur) {
          cur = cur.nextSibling;
          continue;
        }
        box.insertBefore(child.el, cur);
      }
      while (cur) {  // elements no longer listed here (removed or moved elsewhere)
        const next = cur.nextSibling;
        if (cur.nodeType === 1 && entryOfElement.has(cur)) cur.remove();
        cur = next;
      }
    }

    //--------------------------------------------------------------------------------------
    // Places and pieces
    //--------------------------------------------------------------------------------------
    function place(entry, op) {
      if (flowing) return;  // nothing is drawn: the elements stay in the page's flow
      const s = entry.el.style;
      s.left = op.x + 'px';
      s.top = op.y + 'px';
      s.width = op.w + 'px';
      s.height = op.h + 'px';
      if (!entry.place) entry.el.classList.add('wwe-placed');
      entry.place = { x: op.x, y: op.y, w: op.w, h: op.h };
      if (op.pieces) setPieces(entry, op.pieces);
      else if (entry.pieces) clearPieces(entry);
      if (entry.role === 'searchbox') styleSearchBox(entry);
    }

    function unplace(entry) {
      if (!entry.place) return;
      const s = entry.el.style;
      s.left = s.top = s.width = s.height = '';
      entry.el.classList.remove('wwe-placed');
      entry.place = null;
      if (entry.pieces) clearPieces(entry);
    }

    // Text widths for the pieces, measured as the browser draws the pieces' font (a canvas
    // context: no layout is read), so each piece can be stretched to the canvas's width.
    const PIECE_FONT = '"Noto Sans", sans-serif';
    let measure = null;
    const textWidth = (text, size) => {
      if (!measure) measure = document.createElement('canvas').getContext('2d');
      if (!measure) return 0;
      measure.font = size + 'px ' + PIECE_FONT;
      return measure.measureText(text).width;
    };

    // The run's lines as drawn. Lines the reader's clip cut away have no piece: their text
    // stays (unplaced, before or after the pieces), so the run still reads in full.
    function setPieces(entry, pieces) {
      const el = entry.el;
      for (const old of el.querySelectorAll(':scope > .wwe-piece')) old.remove();
      if (entry.tail) entry.tail.remove();
      entry.tail = null;
      if (!entry.text) return;
      const drawn = pieces.map((p) => p.text).join('');
      const at = Math.max(0, entry.name.indexOf(drawn));
      entry.text.data = entry.name.slice(0, at);
      const passage = /^passage\/[^/]+/.exec(entry.id);
      for (const p of pieces) {
        const span = document.createElement('span');
        span.className = 'wwe-piece';
        span.textContent = p.text;
        const s = span.style;
        s.left = p.x + 'px';
        s.top = p.y + 'px';
        s.width = p.w + 'px';
        s.height = p.h + 'px';
        s.lineHeight = p.h + 'px';
        // The canvas's size is ImGui's (the font's whole height, not its em): the em that
        // gives the drawn width, then a stretch for what is left (close to 1, so that no
        // engine paints the selection of a much scaled box wrongly: WebKit scales its
        // highlight twice). The space a line wraps at (`gap`, ASCII) is in the text but not
        // drawn.
        const shown = p.gap > 0 ? p.text.slice(0, Math.max(0, p.text.length - p.gap)) : p.text;
        let size = p.size;
        const natural = textWidth(shown, size);
        if (natural > 0 && p.w > 0) {
          size = p.size * Math.min(1, p.w / natural);
          const fitted = textWidth(shown, size);
          if (fitted > 0) s.transform = 'scaleX(' + (p.w / fitted).toFixed(4) + ')';
        }
        s.fontSize = size.toFixed(2) + 'px';
        span.wwePassage = passage ? passage[0] : '';
        if (entry.role === 'link') span.classList.add('wwe-piece-link');
        el.appendChild(span);
      }
      const rest = entry.name.slice(at + drawn.length);
      if (rest) entry.tail = el.appendChild(document.createTextNode(rest));
      entry.pieces = true;
    }

    function clearPieces(entry) {
      for (const old of entry.el.querySelectorAll(':scope > .wwe-piece')) old.remove();
      if (entry.tail) entry.tail.remove();
      entry.tail = null;
      entry.text.data = entry.name;
      entry.pieces = false;
    }

    //--------------------------------------------------------------------------------------
    // The search field
    //--------------------------------------------------------------------------------------
    let searchEntry = null;
    let composing = false;

    function installSearchBox(entry) {
      const input = entry.el;
      searchEntry = entry;
      input.addEventListener('compositionstart', () => {
        composing = true;
      });
      input.addEventListener('compositionend', () => {
        composing = false;
        semanticInput(input.value, true);
      });
      input.addEventListener('input', (e) => {
        if (composing || e.isComposing) return;
        semanticInput(input.value, true);
      });
      input.addEventListener('blur', () => semanticInput(input.value, false));
      // On touch screens the field is focused in the touch's own handler (a real tap on a
      // real <input>), so the on-screen keyboard opens.
    }

    // The Share dialog's fields: a slider sends each step; a number or a name is sent as it
    // is typed, with the caret (the canvas draws the text typed in its own field, under this
    // transparent one), and once more when done (Enter, leaving the field): then the value
    // the app kept (clamped, filtered) comes back into the field.
    function installField(entry) {
      const input = entry.el;
      const send = () => {
        if (input.readOnly) return;  // nothing typed there
        entry.done = true;  // the next value from the app is set even while focused
        semanticValue(entry.id, input.value, -1);
        // The app's value as it last said (clamped as typed): an unchanged value sends no op.
        if (entry.role !== 'slider' && typeof entry.lastValue === 'string') input.value = entry.lastValue;
      };
      if (entry.role === 'slider') {
        input.addEventListener('input', send);
      } else {
        // What is typed, with the caret where it is (moved by the arrow keys, Home, End, a
        // click), so that the canvas draws it there.
        // (With a selection, as Tab into the field makes of its whole text, the caret is at
        // its moving end: after the text, not before it.)
        const typing = () => {
          if (input.readOnly) return;
          const caret = input.selectionDirection === 'backward' ? input.selectionStart : input.selectionEnd;
          const at = typeof caret === 'number' ? caret : input.value.length;
          entry.done = false;
          semanticValue(entry.id, input.value, at);
        };
        for (const type of ['focus', 'input', 'select']) {
          input.addEventListener(type, () => {
            if (document.activeElement === input) typing();
          });
        }
        // Keys do not reach the field's own listeners (onKey stops them at the window): a
        // released key sends the caret where the key left it (arrows, Home, End).
        input.wweCaret = typing;
        if (entry.role === 'spinbutton') {
          // Up and Down step the number (as a number input does), within its range.
          input.wweStep = (up) => {
            const num = (k, fallback) => {
              const v = parseFloat(input.getAttribute(k));
              return Number.isFinite(v) ? v : fallback;
            };
            const step = num('data-step', 1) || 1;
            const now = parseInt(input.value, 10);
            const from = Number.isFinite(now) ? now : num('data-min', 0);
            const next = Math.min(num('data-max', Infinity), Math.max(num('data-min', -Infinity), from + (up ? step : -step)));
            input.value = String(next);
            input.setSelectionRange(input.value.length, input.value.length);
            typing();
          };
        }
        input.addEventListener('change', send);
        input.addEventListener('blur', send);
      }
      input.wweSend = send;
    }

    function setFieldValue(entry, op) {
      const input = entry.el;
      if (entry.role === 'slider') {
        for (const k of ['min', 'max', 'step']) if (typeof op[k] === 'number') input.setAttribute(k, String(op[k]));
      } else if (entry.role === 'spinbutton') {  // a text field: its range for the keys and ARIA
        for (const k of ['min', 'max', 'step']) if (typeof op[k] === 'number') input.setAttribute('data-' + k, String(op[k]));
        if (typeof op.min === 'number') input.setAttribute('aria-valuemin', String(op.min));
        if (typeof op.max === 'number') input.setAttribute('aria-valuemax', String(op.max));
      }
      // Not while the user is typing in it (a number half typed is not clamped away), but
      // once done (the value the app kept, clamped or filtered).
      if (typeof op.value !== 'string') return;
      entry.lastValue = op.value;
      if (entry.role === 'spinbutton') input.setAttribute('aria-valuenow', op.value);
      if (input.value !== op.value && (entry.role === 'slider' || entry.done || document.activeElement !== input)) {
        input.value = op.value;
        entry.done = false;
      }
    }

    // (None while a dialog is open: the field hides under it, and its hint is neither shown
    // over the dialog nor read by an engine that does not honour inert.)
    function updatePlaceholder(entry) {
      const wide = entry.place && entry.place.w > 420;
      const text = container.classList.contains('wwe-modal') ? ''
        : entry.name + (wide ? '   ( / or ' + (mac ? '\u2318F' : 'Ctrl+F') + ' )' : '');
      if (entry.el.placeholder !== text) entry.el.placeholder = text;
    }

    let searchFont = 0;  // CSS px of the canvas's text in the search box (the style op), 0: unknown
    function styleSearchBox(entry) {
      // The canvas draws the frame (its height: the font size plus its padding, 5 + 5 px
      // with a mouse, more for fingers, times the embed's scale): the text inside matches
      // the canvas's font, as the style op gives it.
      const h = entry.place.h;
      const s = entry.el.style;
      s.fontSize = (searchFont > 0 ? Math.min(searchFont, h * 16 / 26) : h * 16 / 26).toFixed(1) + 'px';
      s.paddingLeft = s.paddingRight = (h * 8 / 26).toFixed(1) + 'px';
      updatePlaceholder(entry);
    }

    // The state's search text; set even while focused when it differs (a chip, Esc, undo, a
    // link changed it), the caret then at the end.
    function setSearchValue(entry, value) {
      const input = entry.el;
      if (composing || input.value === value) return;
      const focused = document.activeElement === input;
      if (focused && value === sentValue) return;  // our own text coming back
      input.value = value;
      if (focused) input.setSelectionRange(value.length, value.length);
    }

    function focusSearch() {
      if (!searchEntry || !searchEntry.el.isConnected) return false;
      searchEntry.el.focus({ preventScroll: !flowing });
      searchEntry.el.select();
      return true;
    }

    //--------------------------------------------------------------------------------------
    // Applying ops
    //--------------------------------------------------------------------------------------
    let applying = false;
    let lastUserAction = -1e9;  // performance.now() of the user's last key or click here
    const userActed = () => {
      lastUserAction = performance.now();
    };
    // Focus moves only as the answer to the user's own action in the explorer, and never
    // away from the host page (or anything outside the explorer).
    const mayMoveFocus = () => {
      if (!document.hasFocus() || performance.now() - lastUserAction > 3000) return false;
      const active = document.activeElement;
      return !active || active === document.body || active === canvas || container.contains(active);
    };

    const composites = new Set();  // roving groups touched by this batch

    function apply(text) {
      let ops;
      try {
        ops = JSON.parse(text);
      } catch (e) {
        console.error('Win-Win Explorer mirror: ops are not JSON: ' + e.message);
        return;
      }
      applying = true;
      const active = document.activeElement;
      const activeEntry = container.contains(active) ? closestEntry(active) : null;
      let lost = null;  // where the focus was when its element went
      let focusTo = null;
      try {
        for (const op of ops) {
          const entry = op.id !== undefined ? entries.get(op.id) : undefined;
          switch (op.op) {
            case 'add': {
              if (entry) removeEntry(entry);
              const created = createEntry(op);
              update(created, op);
              if (op.role === 'root' || op.parent === null) {
                if (root && root !== created) removeEntry(root);
                root = created;
                container.insertBefore(created.el, container.firstChild);
              }
              noteComposite(created.el);
              break;
            }
            case 'update':
              if (!entry) break;
              update(entry, op);
              noteComposite(entry.el);
              break;
            case 'remove':
              if (!entry) break;
              if (activeEntry && entry.el.contains(active) && !lost) lost = whereFocusWas(entry, activeEntry);
              noteComposite(entry.el.parentElement);
              removeEntry(entry);
              break;
            case 'order': {
              const target = op.id === '' || op.id === undefined ? root : entry;
              if (!target) break;
              order(target, op.children || []);
              noteComposite(target.el);
              break;
            }
            case 'title':
              document.title = op.text || '';
              break;
            case 'place':
              if (entry) place(entry, op);
              break;
            case 'unplace':
              if (entry) unplace(entry);
              break;
            case 'announce':
              announce(op.assertive ? assertive : polite, op.text || '');
              break;
            case 'focus':
              focusTo = op.id;
              break;
            case 'style':
              style(op);
              break;
            case 'reset':
              for (const e of [...entries.values()]) if (e.el.isConnected || e === root) removeEntry(e);
              entries.clear();
              root = null;
              break;
            default:
              break;
          }
        }
        // A dialog drawn over the canvas covers the search field too (which is the page's,
        // above the canvas): the field hides while one is open.
        const dialog = openDialog();
        if (container.classList.contains('wwe-modal') !== (dialog !== null)) {
          container.classList.toggle('wwe-modal', dialog !== null);
          if (searchEntry) updatePlaceholder(searchEntry);
        }
        // Behind an open dialog nothing is there for assistive technology, the keyboard or
        // find-in-page (inert); all of it comes back when the dialog closes.
        if (root) {
          for (const child of root.body.children) {
            const inert = dialog !== null && child !== dialog;
            if (child.inert !== inert) child.inert = inert;
          }
        }
        // Now that everything is in its place, the outermost composite of each one touched.
        const touched = new Set();
        for (const el of composites) if (el.isConnected) touched.add(compositeOf(el));
        for (const el of touched) if (el) fixRoving(el);
        composites.clear();
        let moved = false;
        if (focusTo !== null && mayMoveFocus()) {
          const target = entries.get(focusTo);
          if (target && target.el.isConnected) {
            // (An element that is no control, such as a passage opened from a list, takes the
            // focus as a landing point: out of the Tab order.)
            if (!target.el.classList.contains('wwe-f') && !target.el.hasAttribute('tabindex')) target.el.tabIndex = -1;
            target.el.focus({ preventScroll: !flowing });
            moved = document.activeElement === target.el;
          }
        }
        if (!moved && lost && !container.contains(document.activeElement)) refocus(lost);
      } finally {
        applying = false;
      }
      const now = document.activeElement;
      if (container.contains(now)) {
        const e = closestEntry(now);
        if (e) tellFocus(e.id);
      }
    }

    // Where the focus was, for putting it back near there after `removed` went: the id of
    // the focused element, its parent's id, and the focusable ids after it in the parent.
    function whereFocusWas(removed, focused) {
      const parentEl = removed.el.parentElement;
      const parentEntry = parentEl ? closestEntry(parentEl) : null;
      const after = [];
      if (parentEntry) {
        let passed = false;
        for (const el of parentEntry.el.querySelectorAll('.wwe-f')) {
          if (removed.el.contains(el)) {
            passed = true;
            continue;
          }
          if (passed) after.push(entryOfElement.get(el).id);
          if (after.length > 20) break;
        }
      }
      const chain = [];
      for (let el = parentEl; el && el !== container; el = el.parentElement) {
        const e = entryOfElement.get(el);
        if (e) chain.push(e.id);
      }
      return { id: focused.id, after, chain };
    }

    function refocus(lost) {
      const focusable = (e) => e && e.el.isConnected && e.el.classList.contains('wwe-f');
      let target = entries.get(lost.id);
      if (!focusable(target)) target = lost.after.map((id) => entries.get(id)).find(focusable);
      if (!target) {
        for (const id of lost.chain) {
          const up = entries.get(id);
          if (!up || !up.el.isConnected) continue;
          target = [...up.el.querySelectorAll('.wwe-f')].map((el) => entryOfElement.get(el)).find(focusable) || up;
          break;
        }
      }
      if (!target) return;
      if (!target.el.classList.contains('wwe-f') && !target.el.hasAttribute('tabindex')) target.el.tabIndex = -1;
      target.el.focus({ preventScroll: !flowing });
    }

    function announce(live, text) {
      if (!text) return;
      live.pending.push(text);
      if (live.timer) return;
      // Cleared first and set a moment later, so that a text said twice is said again.
      live.region.textContent = '';
      live.timer = setTimeout(() => {
        live.timer = 0;
        live.region.textContent = live.pending.join(' ');
        live.pending = [];
      }, 80);
    }

    function style(op) {
      const s = container.style;
      const set = (name, value) => {
        if (typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value)) s.setProperty(name, value);
      };
      set('--wwe-text', op.text);
      set('--wwe-muted', op.muted);
      set('--wwe-background', op.background);
      set('--wwe-surface', op.surface);
      set('--wwe-accent', op.accent);
      container.classList.toggle('wwe-dark', !!op.dark);
      container.classList.toggle('wwe-contrast', op.theme === 'contrast');
      if (typeof op.theme === 'string') container.dataset.theme = op.theme;
      if (typeof op.font === 'number' && op.font > 0 && op.font !== searchFont) {
        searchFont = op.font;
        for (const e of entries.values()) if (e.role === 'searchbox' && e.place) styleSearchBox(e);
      }
    }

    //--------------------------------------------------------------------------------------
    // Roving tab stops
    //--------------------------------------------------------------------------------------
    // A composite: one tab stop, arrow keys within. The outermost such ancestor counts (a
    // passage holds its tag list, a table its cells' lists).
    function compositeKind(el) {
      const entry = entryOfElement.get(el);
      if (!entry) return null;
      if (entry.role === 'toolbar') return 'toolbar';
      if (entry.role === 'menu') return 'menu';
      if (entry.role === 'radiogroup') return 'radios';
      if (entry.role === 'tablist') return 'tabs';
      if (entry.role === 'table') return 'table';
      if (entry.role === 'group' && /^facet\//.test(entry.id)) return 'values';
      if (entry.role === 'group' && /^passage\/[^/]+$/.test(entry.id)) return 'passage';
      if (entry.role === 'list') return 'list';
      return null;
    }

    // (A dialog is the end: its groups are composites of their own; so is a menu, such as a
    // passage's menu inside the passage.)
    function compositeOf(el) {
      let found = null;
      for (let at = el; at && at !== container; at = at.parentElement) {
        if (compositeKind(at)) found = at;
        const role = at.getAttribute && at.getAttribute('role');
        if (role === 'dialog' || role === 'menu') break;
      }
      return found;
    }

    function noteComposite(el) {
      if (!el) return;
      const c = compositeOf(el);
      if (c) composites.add(c);
    }

    const items = (comp) => [...comp.querySelectorAll('.wwe-f')];
    const isDisabled = (el) => el.getAttribute('aria-disabled') === 'true';

    // One tab stop per composite: the focused item, else (tabs) the selected tab, else the
    // one last focused, else the first.
    function fixRoving(comp) {
      const list = items(comp);
      if (!list.length) return;
      // (A toolbar starts at its first control, not at the selected tab inside it; radios at
      // the checked one.)
      // A disabled item (Back with nothing to go back to) is never the stop unless focused.
      const kind = compositeKind(comp);
      const usable = list.filter((el) => !isDisabled(el));
      const stop = list.find((el) => el === document.activeElement) ||
                   (kind !== 'toolbar' && usable.find((el) => el.getAttribute('aria-selected') === 'true')) ||
                   (kind === 'radios' && usable.find((el) => el.getAttribute('aria-checked') === 'true')) ||
                   usable.find((el) => el === comp.wweStop && !comp.wweAuto) || usable[0] || list[0];
      for (const el of list) {
        const want = el === stop ? 0 : -1;
        if (el.tabIndex !== want) el.tabIndex = want;
      }
      // (A stop chosen here, not by the user, is chosen again next time: Back becomes the
      // toolbar's stop once there is something to go back to.)
      if (stop !== comp.wweStop) comp.wweAuto = stop !== document.activeElement;
      comp.wweStop = stop;
    }

    function moveTo(comp, el) {
      if (!el) return;
      comp.wweStop = el;
      comp.wweAuto = false;
      for (const item of items(comp)) item.tabIndex = item === el ? 0 : -1;
      el.focus({ preventScroll: !flowing });
    }

    // Arrow keys, Home and End within a composite; true when the key was used.
    function roving(comp, el, key) {
      const kind = compositeKind(comp);
      // (The toolbar's arrows pass over what cannot be used now, such as Back and Forward
      // with no history: a group's disabled items, a locked facet value, are still heard.)
      const list = items(comp).filter((i) => kind !== 'toolbar' || i === el || !isDisabled(i));
      const at = list.indexOf(el);
      if (at < 0) return false;
      const step = (d) => list[(at + d + list.length) % list.length];
      const next = key === 'ArrowRight' || key === 'ArrowDown';
      const prev = key === 'ArrowLeft' || key === 'ArrowUp';
      if (kind === 'table') return tableKey(comp, el, key);
      if (kind === 'passage' && (key === 'ArrowUp' || key === 'ArrowDown')) {
        // Up and Down go to the passage before or after (the reader scrolls there).
        const passages = [...comp.parentElement.children].filter((c) => compositeKind(c) === 'passage' && items(c).length);
        const to = passages[passages.indexOf(comp) + (key === 'ArrowDown' ? 1 : -1)];
        if (to) moveTo(to, items(to).find((i) => i.tabIndex === 0) || items(to)[0]);
        return true;
      }
      if ((kind === 'tabs' || kind === 'toolbar') && (key === 'ArrowUp' || key === 'ArrowDown')) return false;
      if (kind === 'menu' && (key === 'ArrowLeft' || key === 'ArrowRight')) return true;  // nothing beside
      if (kind === 'radios' && (next || prev)) {  // the radio pattern: moving chooses
        const to = step(next ? 1 : -1);
        moveTo(comp, to);
        activate(closestEntry(to));
        return true;
      }
      if (next || prev) {
        moveTo(comp, step(next ? 1 : -1));
        return true;
      }
      if (key === 'Home' || key === 'End') {
        moveTo(comp, key === 'Home' ? list[0] : list[list.length - 1]);
        return true;
      }
      return false;
    }

    // Tables: Up and Down go to the row above or below (the same column where it has a
    // control), Left and Right within the row, Home and End to the first and last row.
    function tableKey(table, el, key) {
      const rows = [...table.querySelectorAll('tr')].filter((r) => r.querySelector('.wwe-f'));
      const row = el.closest('tr');
      const r = rows.indexOf(row);
      if (r < 0) return false;
      const inRow = [...row.querySelectorAll('.wwe-f')];
      const cell = el.closest('td, th');
      const column = cell ? cell.cellIndex : 0;
      const pick = (tr) => {
        const controls = [...tr.querySelectorAll('.wwe-f')];
        let best = controls[0], distance = Infinity;
        for (const c of controls) {
          const at = c.closest('td, th');
          const d = Math.abs((at ? at.cellIndex : 0) - column);
          if (d < distance) {
            best = c;
            distance = d;
          }
        }
        return best;
      };
      const i = inRow.indexOf(el);
      if (key === 'ArrowDown' && r + 1 < rows.length) moveTo(table, pick(rows[r + 1]));
      else if (key === 'ArrowUp' && r > 0) moveTo(table, pick(rows[r - 1]));
      else if (key === 'ArrowRight' && i + 1 < inRow.length) moveTo(table, inRow[i + 1]);
      else if (key === 'ArrowLeft' && i > 0) moveTo(table, inRow[i - 1]);
      else if (key === 'Home') moveTo(table, pick(rows[0]));
      else if (key === 'End') moveTo(table, pick(rows[rows.length - 1]));
      return ['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(key);
    }

    //--------------------------------------------------------------------------------------
    // Keys
    //--------------------------------------------------------------------------------------
    const closestEntry = (node) => {
      for (let el = node && node.nodeType === 1 ? node : node && node.parentElement; el && el !== container;
           el = el.parentElement) {
        const e = entryOfElement.get(el);
        if (e) return e;
      }
      return null;
    };
    // The canvas itself, its hidden text field (ImGui's text boxes) and the page's body
    // when nothing has the focus: keys there are the canvas's (GLFW's).
    const onCanvas = (t) => t === canvas || t === document.body || t === document.documentElement ||
                            t === document || t === window || (t && t.id === 'wwe-text-input');
    const typing = (t) => t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
    const currentView = () => {
      const view = entries.get('view');
      const m = view && /^(\w+) view$/.exec(view.name);
      return m ? m[1].toLowerCase() : '';
    };
    const SCROLL_KEYS = { PageDown: 'page-down', PageUp: 'page-up', Home: 'home', End: 'end', ArrowDown: 'down',
                          ArrowUp: 'up' };
    const inDialog = (el) => el && el.closest && el.closest('[role="dialog"]');
    const openDialog = () => (root ? root.el.querySelector(':scope > [role="dialog"]') : null);
    const glfwDown = new Set();  // keys GLFW saw pressed (their releases go to it too)

    function activate(entry) {
      if (!entry || !entry.activatable || entry.flags.has('disabled')) return;
      userActed();
      action(entry.id);
    }

    // Keys typed in the mirror. Returns nothing; prevents the default of what it uses.
    function mirrorKey(e) {
      const t = e.target;
      const entry = closestEntry(t);
      const command = e.ctrlKey || e.metaKey;
      const key = e.key;
      if (e.altKey && !command && (key === 'ArrowLeft' || key === 'ArrowRight')) {
        e.preventDefault();  // the explorer's history, not the browser's
        semanticKey(key === 'ArrowLeft' ? 'back' : 'forward');
        return;
      }
      if (command && !e.altKey && key.toLowerCase() === 'f') {
        e.preventDefault();
        focusSearch();
        return;
      }
      if (typing(t) && entry && FIELDS.has(entry.role)) {  // a dialog's field: the browser edits it
        if (key === 'Escape') {
          e.preventDefault();
          if (t.wweSend) t.wweSend();  // what was typed counts
          semanticKey('escape');
        } else if (key === 'Enter') {
          e.preventDefault();
          if (t.wweSend) t.wweSend();
        } else if ((key === 'ArrowUp' || key === 'ArrowDown') && t.wweStep && !command && !e.altKey) {
          e.preventDefault();
          t.wweStep(key === 'ArrowUp');
        }
        return;
      }
      if (typing(t)) {  // the search field: the browser edits; a few keys are the explorer's
        if (key === 'Escape') {
          e.preventDefault();  // not the field's own clearing: the explorer decides (App)
          semanticKey('escape');
        } else if (key === 'Enter') {
          e.preventDefault();
          semanticInput(t.value, false);
        } else if ((key === 'PageDown' || key === 'PageUp') && !flowing) {
          e.preventDefault();
          if (currentView() === 'reader') semanticKey(SCROLL_KEYS[key]);
        }
        return;
      }
      if (command && !e.altKey && !e.shiftKey && key.toLowerCase() === 'z') {
        e.preventDefault();
        semanticKey('undo');
        return;
      }
      if (!command && !e.altKey && (key === 'ContextMenu' || (key === 'F10' && e.shiftKey))) {
        e.preventDefault();  // the focused passage's (or Contexts row's) actions, not the browser's menu
        semanticKey('context-menu');
        return;
      }
      if (command || e.altKey) return;  // the browser's (copy, select all, ...)
      if ((key === 'Enter' || key === ' ') && entry && entry.activatable) {
        e.preventDefault();
        if (!e.repeat) activate(entry);
        return;
      }
      const comp = compositeOf(t);
      // Down on a toolbar's menu button (Export, Tour) opens its menu, as the menu button
      // pattern has it (the focus goes to its first item).
      if (key === 'ArrowDown' && entry && entry.flags.has('popup-menu') && !entry.flags.has('expanded') && comp &&
          compositeKind(comp) === 'toolbar') {
        e.preventDefault();
        activate(entry);
        return;
      }
      if (comp && roving(comp, t, key)) {
        e.preventDefault();
        return;
      }
      if (key === 'Escape') {
        e.preventDefault();
        semanticKey('escape');
        return;
      }
      // Firefox's Quick Find ("/" and "'") stays closed while the explorer has the focus.
      if (key === '/' || key === "'") e.preventDefault();
      if (!keysOff) {
        if (key === '/') {
          focusSearch();
          return;
        }
        if (key === '?') {
          e.preventDefault();
          semanticKey('help');
          return;
        }
        if (key >= '1' && key <= '9' && key.length === 1) {
          e.preventDefault();
          semanticKey('view-' + key);
          return;
        }
      }
      if (flowing) return;  // the page scrolls as any page does
      if (SCROLL_KEYS[key] || key === ' ' || key === 'ArrowLeft' || key === 'ArrowRight') {
        // Never the host page's scrolling; in the main view, the reader's.
        e.preventDefault();
        const view = entries.get('view');
        if (SCROLL_KEYS[key] && currentView() === 'reader' && view && view.el.contains(t)) {
          semanticKey(SCROLL_KEYS[key]);
        }
      }
    }

    // Keys on the canvas (nothing focused, or the canvas): GLFW gets them, except what the
    // page handles here.
    function canvasKey(e) {
      const t = e.target;
      if (t && t.id === 'wwe-text-input') return;  // ImGui's text box: all of it is ImGui's
      const command = e.ctrlKey || e.metaKey;
      const key = e.key;
      const stop = () => {
        e.preventDefault();
        e.stopImmediatePropagation();
      };
      if (command && !e.altKey && key.toLowerCase() === 'f') {
        if (focusSearch()) stop();
        return;
      }
      if (command || e.altKey) return;
      if (key === '/' || key === "'") {
        e.preventDefault();  // Quick Find
        if (!keysOff && key === '/' && focusSearch()) stop();
        else if (keysOff) e.stopImmediatePropagation();
        return;
      }
      if (key === '?' || (key.length === 1 && key >= '1' && key <= '9')) {
        if (keysOff) e.stopImmediatePropagation();
        else if (key === '?') {
          stop();
          semanticKey('help');
        }
        return;
      }
      if (SCROLL_KEYS[key] || key === ' ') {
        stop();  // not the host page's scrolling
        if (SCROLL_KEYS[key] && currentView() === 'reader') semanticKey(SCROLL_KEYS[key]);
      }
    }

    function onKey(e) {
      const t = e.target;
      const mine = container.contains(t);
      if (e.type === 'keyup') {
        // A field's caret, where the key moved it (the canvas draws it there).
        if (mine && t.wweCaret && document.activeElement === t && e.key !== 'Enter') t.wweCaret();
        // Releases go to GLFW only for keys it saw pressed (no key stays down in ImGui).
        if (glfwDown.has(e.keyCode)) glfwDown.delete(e.keyCode);
        else e.stopImmediatePropagation();
        return;
      }
      if (!mine && !onCanvas(t)) {  // the page's own (the preview, a host's input)
        e.stopImmediatePropagation();
        return;
      }
      if (e.type === 'keydown') userActed();
      if (e.key === 'Tab') {
        // The browser's focus navigation (GLFW would cancel it); a dialog keeps it inside.
        e.stopImmediatePropagation();
        if (e.type === 'keydown') trapTab(e);
        return;
      }
      if (mine || flowing) {  // (no canvas to take keys without WebGL 2)
        e.stopImmediatePropagation();
        if (e.type === 'keydown') mirrorKey(e);
        return;
      }
      if (e.type === 'keydown') {
        canvasKey(e);
        if (!e.cancelBubble) glfwDown.add(e.keyCode);  // GLFW sees this one
      }
    }

    function trapTab(e) {
      const dialog = openDialog();
      if (!dialog) return;
      const list = [...dialog.querySelectorAll('.wwe-f')].filter((el) => el.tabIndex >= 0);
      if (!list.length) return;
      const at = list.indexOf(document.activeElement);
      if (!inDialog(document.activeElement)) {
        e.preventDefault();
        list[0].focus({ preventScroll: !flowing });
      } else if (e.shiftKey && at === 0) {
        e.preventDefault();
        list[list.length - 1].focus({ preventScroll: !flowing });
      } else if (!e.shiftKey && at === list.length - 1) {
        e.preventDefault();
        list[0].focus({ preventScroll: !flowing });
      }
    }

    // Before glfwInit (main() calls the install first): these run before GLFW's own
    // window listeners.
    for (const type of ['keydown', 'keypress', 'keyup']) window.addEventListener(type, onKey, true);

    //--------------------------------------------------------------------------------------
    // Activation, focus
    //--------------------------------------------------------------------------------------
    const isPiece = (t) => t && t.classList && t.classList.contains('wwe-piece');
    // A mouse press on the text layer went to the app (wwe_pointer): the click that ends
    // it is the canvas's, wherever the browser sends it (two pieces' common ancestor).
    let pieceGesture = false;
    container.addEventListener('click', (e) => {
      const entry = closestEntry(e.target);
      if (!entry) return;
      e.preventDefault();
      if (pieceGesture) {
        pieceGesture = false;
        return;
      }
      activate(entry);
    });
    window.addEventListener('mousedown', (e) => {
      pieceGesture = isPiece(e.target) && e.button === 0;
    }, true);
    window.addEventListener('keydown', () => {
      pieceGesture = false;
    }, true);
    container.addEventListener('focusin', (e) => {
      const entry = closestEntry(e.target);
      if (!entry) return;
      const comp = compositeOf(entry.el);
      if (comp && entry.el.classList.contains('wwe-f') && (comp.wweStop !== entry.el || comp.wweAuto)) {
        comp.wweStop = entry.el;
        comp.wweAuto = false;
        for (const item of items(comp)) item.tabIndex = item === entry.el ? 0 : -1;
      }
      if (!applying) tellFocus(entry.id);
    });
    container.addEventListener('focusout', (e) => {
      // The focus left an open menu for something else (Tab, a click): the menu closes.
      const menu = e.target && e.target.closest ? e.target.closest('[role="menu"]') : null;
      if (!applying && menu && !(e.relatedTarget && menu.contains(e.relatedTarget))) {
        const entry = entryOfElement.get(menu);
        const button = entry && entries.get(entry.id === 'export-menu' ? 'export' : 'tours');
        if (!(button && e.relatedTarget === button.el)) semanticKey('close-menus');
      }
      if (applying || container.contains(e.relatedTarget)) return;
      tellFocus('');
    });

    //--------------------------------------------------------------------------------------
    // The text layer's mouse, and copying
    //--------------------------------------------------------------------------------------
    // The pieces take a mouse (selection); touches and pens go to the canvas (scrolling,
    // taps), as everything does in a kiosk.
    let mouseMode = false;
    window.addEventListener('pointermove', (e) => {
      const mouse = e.pointerType === 'mouse' && !kiosk;
      if (mouse !== mouseMode && (mouse || e.pointerType)) {
        mouseMode = mouse;
        container.classList.toggle('wwe-mouse', mouse);
      }
    }, { capture: true, passive: true });
    window.addEventListener('pointerdown', (e) => {
      if (e.pointerType !== 'mouse' && mouseMode) {
        mouseMode = false;
        container.classList.remove('wwe-mouse');
      }
    }, { capture: true, passive: true });

    let pieceDown = false;
    container.addEventListener('mousemove', (e) => {
      if (!isPiece(e.target)) return;
      if (pieceDown && !(e.buttons & 1)) {  // released outside the frame
        pieceDown = false;
        pointer(POINTER_UP, e);
      }
      pointer(POINTER_MOVE, e);
    });
    container.addEventListener('mousedown', (e) => {
      if (!isPiece(e.target) || e.button !== 0) return;
      userActed();
      pieceDown = true;
      pointer(POINTER_MOVE, e);
      pointer(POINTER_DOWN, e);  // not prevented: the browser starts selecting
    });
    window.addEventListener('mouseup', (e) => {
      if (pieceDown && e.button === 0) pieceDown = false;  // the app hears it from web_main
    }, true);
    // A triple click selects the passage (its text as drawn), not the one line a piece is
    // (each piece is a box of its own, which is all the browser would select).
    container.addEventListener('click', (e) => {
      if (e.detail !== 3 || e.button !== 0 || !isPiece(e.target)) return;
      const text = e.target.closest('[data-id^="passage/"][data-id$="/text"]');
      const pieces = text ? [...text.querySelectorAll('.wwe-piece')].filter((p) => p.firstChild) : [];
      if (!pieces.length) return;
      const last = pieces[pieces.length - 1].firstChild;
      const range = document.createRange();
      range.setStart(pieces[0].firstChild, 0);
      range.setEnd(last, last.length);
      const selection = document.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    });
    container.addEventListener('mouseout', (e) => {
      if (isPiece(e.target) && !isPiece(e.relatedTarget) && e.relatedTarget !== canvas) pointer(POINTER_LEAVE, e);
    });
    container.addEventListener('wheel', (e) => {
      if (!isPiece(e.target)) return;
      e.preventDefault();  // the reader scrolls, not the page
      let px = 1;
      if (e.deltaMode === 1) px = 20;
      if (e.deltaMode === 2) px = canvas.clientHeight * 0.9;
      pointer(POINTER_WHEEL, e, e.deltaX * px, e.deltaY * px);
    }, { passive: false });
    // A finger on a piece (a touch screen beside a mouse): the canvas's single-finger
    // handling, forwarded.
    let touchId = null;
    const onTouch = (e) => {
      if (!isPiece(e.target)) return;
      e.preventDefault();
      for (const t of e.changedTouches) {
        if (e.type === 'touchstart' && touchId === null) {
          touchId = t.identifier;
          pointer(POINTER_MOVE, t, 0, 0, true);
          pointer(POINTER_DOWN, t, 0, 0, true);
        } else if (t.identifier === touchId) {
          pointer(POINTER_MOVE, t, 0, 0, true);
          if (e.type === 'touchend' || e.type === 'touchcancel') {
            pointer(POINTER_UP, t, 0, 0, true);
            pointer(POINTER_LEAVE, t, 0, 0, true);
            touchId = null;
          }
        }
      }
    };
    for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel']) {
      container.addEventListener(type, onTouch, { passive: false });
    }

    // The selected parts of the pieces in document order, nothing in between (the pieces
    // carry their spaces), passages separated by a blank line; and the passages (indices)
    // they come from. {text: '', passages: []} when nothing of the text layer is selected.
    const selectedText = () => {
      const none = { text: '', passages: [] };
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || !selection.rangeCount) return none;
      const ranges = [];
      for (let i = 0; i < selection.rangeCount; ++i) {
        const r = selection.getRangeAt(i);
        if (r.intersectsNode(container)) ranges.push(r);
      }
      if (!ranges.length) return none;
      let text = '';
      const passages = [];
      for (const piece of container.querySelectorAll('.wwe-piece')) {
        const node = piece.firstChild;
        if (!node) continue;
        for (const r of ranges) {
          if (!r.intersectsNode(node)) continue;
          const begin = r.startContainer === node ? r.startOffset : 0;
          const end = r.endContainer === node ? r.endOffset : node.data.length;
          if (end <= begin) continue;
          const last = passages[passages.length - 1];
          if (last !== undefined && piece.wwePassage !== last) text += '\n\n';
          if (piece.wwePassage !== last) passages.push(piece.wwePassage);
          text += node.data.slice(begin, end);
        }
      }
      return text ? { text, passages } : none;
    };

    // "Copy with citation": a button by the end of a selection in the text layer; it copies
    // the words, then a line citing the passages they come from (the exports' citations).
    const cite = document.createElement('button');
    cite.type = 'button';
    cite.className = 'wwe-cite';
    cite.textContent = 'Copy with citation';
    cite.hidden = true;
    container.appendChild(cite);
    let citeNext = false;
    const placeCite = () => {
      const selection = document.getSelection();
      const shown = selection && !selection.isCollapsed && selection.rangeCount > 0 &&
                    selectedText().text !== '';
      if (!shown) {
        if (document.activeElement !== cite) cite.hidden = true;
        return;
      }
      const rects = selection.getRangeAt(selection.rangeCount - 1).getClientRects();
      const last = rects[rects.length - 1];
      if (!last) return;
      const box = container.getBoundingClientRect();
      cite.hidden = false;
      const x = Math.min(Math.max(0, last.right - box.left - cite.offsetWidth), Math.max(0, box.width - cite.offsetWidth));
      const below = last.bottom - box.top + 4;
      const y = below + cite.offsetHeight <= box.height ? below : Math.max(0, last.top - box.top - cite.offsetHeight - 4);
      cite.style.left = `${Math.round(x)}px`;
      cite.style.top = `${Math.round(y)}px`;
    };
    document.addEventListener('selectionchange', placeCite);
    cite.addEventListener('mousedown', (e) => e.preventDefault());  // keeps the selection
    cite.addEventListener('click', () => {
      citeNext = true;
      const copied = document.execCommand('copy');
      citeNext = false;
      announce(polite, copied ? 'Copied with its citation.' : 'Could not copy: the browser refused.');
      cite.hidden = true;
    });

    document.addEventListener('copy', (e) => {
      const { text, passages } = selectedText();
      if (!text || !e.clipboardData) return;
      let out = text;
      if (citeNext) {
        const cites = passages.map((p) => UTF8ToString(_wwe_citation(p))).filter((c) => c);
        if (cites.length) out += `\n\n\u2014 ${cites.join('; ')}`;
      }
      e.clipboardData.setData('text/plain', out);
      e.preventDefault();
    });

    //--------------------------------------------------------------------------------------
    // The canvas's mouse: the wheel in embeds, clearing the text selection
    //--------------------------------------------------------------------------------------
    let wheelArmed = false;  // the map was clicked: the wheel zooms it
    let hintTimer = 0;
    const overView = (e) => {
      const view = entries.get('view');
      if (!view || !view.place) return false;
      const x = e.offsetX, y = e.offsetY, p = view.place;
      return x >= p.x && y >= p.y && x < p.x + p.w && y < p.y + p.h;
    };
    const zooms = () => currentView() === 'map' || currentView() === 'timeline';
    canvas.addEventListener('wheel', (e) => {
      if (!framed || e.ctrlKey || e.metaKey || wheelArmed || !zooms() || !overView(e)) return;
      // Neither GLFW nor the app sees it: the host page scrolls.
      e.stopImmediatePropagation();
      const view = entries.get('view').place;
      hint.style.left = view.x + view.w / 2 + 'px';
      hint.style.top = view.y + view.h / 2 + 'px';
      hint.classList.add('wwe-shown');
      clearTimeout(hintTimer);
      hintTimer = setTimeout(() => hint.classList.remove('wwe-shown'), 1500);
    }, { capture: true, passive: true });
    canvas.addEventListener('mousedown', (e) => {
      userActed();
      // A press on the canvas is the user choosing the explorer: in a frame, its window
      // takes the keyboard (the browser does not move it when the press's default is
      // prevented, as GLFW does), so that Ctrl+Z or the arrows reach the explorer next.
      if (framed && !document.hasFocus()) window.focus();
      if (framed && overView(e)) wheelArmed = true;
      hint.classList.remove('wwe-shown');
      const selection = document.getSelection();
      if (selection && !selection.isCollapsed && selection.rangeCount &&
          container.contains(selection.getRangeAt(0).commonAncestorContainer)) {
        selection.removeAllRanges();
      }
    }, true);
    canvas.addEventListener('mouseleave', () => {
      wheelArmed = false;
    });
    canvas.addEventListener('touchstart', userActed, { capture: true, passive: true });

    // No WebGL 2: the canvas shows nothing, so the mirror becomes the page's content.
    function flow() {
      if (flowing) return;
      flowing = true;
      for (const entry of entries.values()) unplace(entry);
      container.style.left = container.style.top = container.style.width = container.style.height = '';
      container.classList.add('wwe-flow');
      container.classList.remove('wwe-mouse');
    }

    return { apply, flow };
  },

  //----------------------------------------------------------------------------------------
  // The functions the C++ calls (js_bridge.hpp)
  //----------------------------------------------------------------------------------------

  wwe_js_mirror_install__deps: ['$wweMirrorState', '$wweCreateMirror'],
  wwe_js_mirror_install__sig: 'i',
  wwe_js_mirror_install: function () {
    if (!Module.canvas || wweMirrorState.mirror) return wweMirrorState.mirror ? 1 : 0;
    try {
      wweMirrorState.mirror = wweCreateMirror();
    } catch (e) {
      console.error('Win-Win Explorer: the accessible mirror could not be set up: ' + e.message);
      return 0;
    }
    return 1;
  },

  wwe_js_no_webgl__deps: ['$wweMirrorState'],
  wwe_js_no_webgl__sig: 'v',
  wwe_js_no_webgl: function () {
    if (wweMirrorState.mirror) wweMirrorState.mirror.flow();
    if (Module.wweOnNoWebGL) Module.wweOnNoWebGL();
  },

  wwe_js_mirror_apply__deps: ['$wweMirrorState'].concat(
    ['$UTF8ToString'].filter((name) => name in LibraryManager.library)),
  wwe_js_mirror_apply__sig: 'vi',
  wwe_js_mirror_apply: function (ops) {
    if (wweMirrorState.mirror) wweMirrorState.mirror.apply(UTF8ToString(ops));
  },
});
