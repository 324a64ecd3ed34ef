// Shared helpers of the browser tests: Chromium (headless, WebGL2 through SwiftShader),
// the static server, PNG decoding for "is the canvas drawn" checks.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import { serve } from '../../tools/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.WWE_DIST_DIR || path.join(ROOT, 'dist');
const CHROMIUM = process.env.WWE_CHROMIUM || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run',
];

// Launches headless Chromium (Playwright gives each launch a fresh temporary profile).
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

// The base URL of dist/: WWE_BASE_URL (tools/test-browser.sh serves it), else a server
// started here. Resolves to { url, close() }.
export async function serveDist() {
  if (process.env.WWE_BASE_URL) return { url: process.env.WWE_BASE_URL.replace(/\/?$/, '/'), close: async () => {} };
  const { server, url } = await serve({ root: DIST, port: 0 });
  return {
    url,
    close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
  };
}

// Decodes an 8-bit, non-interlaced PNG (what Chromium's screenshots are) into RGBA.
// Saves the concept map as PNG through the mirror's Export menu, by keyboard (the command
// the canvas's menu item sends); resolves with the download.
export async function exportMapPng(page) {
  await page.focus('.wwe-mirror [data-id="export"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.wwe-mirror [data-id="export/png"]');
  await page.focus('.wwe-mirror [data-id="export/png"]');
  const download = page.waitForEvent('download', { timeout: 20_000 });
  await page.keyboard.press('Enter');
  return download;
}

export function decodePng(buffer) {
  if (buffer.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0, height = 0, colorType = 0, depth = 0, interlace = 0;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8];
      colorType = data[9];
      interlace = data[12];
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
  if (depth !== 8 || interlace !== 0 || !channels) throw new Error(`unsupported PNG (depth ${depth}, colour ${colorType})`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels] : 0;
      const b = prev[x];
      const c = x >= channels ? prev[x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[x] = v & 0xff;
    }
  }
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels;
    if (channels >= 3) {
      rgba[i * 4] = pixels[s]; rgba[i * 4 + 1] = pixels[s + 1]; rgba[i * 4 + 2] = pixels[s + 2];
    } else {
      rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = pixels[s];
    }
    rgba[i * 4 + 3] = channels === 4 ? pixels[s + 3] : channels === 2 ? pixels[s + 1] : 255;
  }
  return { width, height, rgba };
}

// Number of distinct colours (quantised to 5 bits per channel) in a PNG screenshot.
export function distinctColours(png) {
  const { rgba } = decodePng(png);
  const seen = new Set();
  for (let i = 0; i < rgba.length; i += 4) seen.add(((rgba[i] >> 3) << 10) | ((rgba[i + 1] >> 3) << 5) | (rgba[i + 2] >> 3));
  return seen.size;
}

// Opens `url` in a fresh context of `browser` (viewport/DPR from `options`); resolves to
// the page once explorer.ready settled, with `page.readyError` set on a rejection.
export async function openExplorer(context, url, { route } = {}) {
  const page = await context.newPage();
  page.consoleLines = [];
  page.on('console', (m) => page.consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => page.consoleLines.push(`pageerror: ${e.message}`));
  if (route) await page.route(route.pattern, route.handler);
  await page.goto(url);
  page.readyError = await page.evaluate(() => window.explorer.ready.then(() => null, (e) => ({ message: e.message, problems: e.problems })));
  return page;
}

// Starts one static server and one browser for a test file, through that file's node:test
// `before`/`after` hooks; the returned object holds `browser` and `server` once started.
export function useBrowser(before, after) {
  const shared = { browser: null, server: null };
  before(async () => {
    shared.server = await serveDist();
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

// A second static server for host pages, on another port (so the explorer is cross-origin
// to them, as in a real course page), started and stopped with the test file: GET <path>
// answers `pages.get(path)`. Returns {pages, url} (url is set once the server listens).
export function useHostPages(beforeHook, afterHook) {
  const host = { pages: new Map(), url: '' };
  let server = null;
  beforeHook(async () => {
    server = createServer((req, res) => {
      const body = host.pages.get(new URL(req.url, 'http://x').pathname);
      if (body === undefined) res.writeHead(404).end('not found');
      else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    host.url = `http://127.0.0.1:${server.address().port}`;
  });
  afterHook(() => new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  }));
  return host;
}

// --- waiting for the app: events and the app's clock, never fixed sleeps ---------------------
// (web/shell.js, window.explorer: nextFrame, idle, advanceClock)

// Resolves once the app draws no more (layouts done and eased in, scrolling and coasting
// over, flashes faded, no input waiting): the wait after input of any kind. Fails when the
// app is still drawing after `timeout` ms (something animates for ever: a bug).

export const settle = (page, timeout = 15_000) => page.evaluate((ms) => new Promise((resolve, reject) => {
  const bound = setTimeout(() => reject(new Error(`the app still draws after ${ms} ms (explorer.idle())`)), ms);
  window.explorer.idle().then(() => {
    clearTimeout(bound);
    resolve();
  });
}), timeout);

// Asks the app for `count` frames, one after the other (what a finger moving is to the app:
// a frame per move).
export async function nextFrame(page, count = 1) {
  for (let i = 0; i < count; i++) await page.evaluate(() => window.explorer.nextFrame());
}

// Moves the app's clock `seconds` ahead (idle timeouts, tour stops, the typed search text
// settling, easing); resolves after the frame drawn at the new time, where what was due
// has happened.
export const clock = (page, seconds) => page.evaluate((s) => window.explorer.advanceClock(s), seconds);

// The same, then waits until the app is still again.
export async function advance(page, seconds) {
  await clock(page, seconds);
  await settle(page);
}

// Presses `key` (e.g. 'Alt+ArrowLeft') and waits for the frame that reads the press (a
// shortcut or view key acts in it) and the one that reads its release (after which a second
// press of the same key counts as one).
export async function press(page, key) {
  await page.keyboard.press(key);
  await nextFrame(page, 2);
}

// Types `text` one character at a time with a frame after each, as a person types as far as
// the app can tell (ImGui 1.86 has no input queue: within one frame, a second press of the
// same key would count once).
export async function typeText(page, text) {
  for (const ch of text) {
    await page.keyboard.type(ch);
    await nextFrame(page);
  }
}

// Waits for `count` of the browser's animation frames without asking the app for one: the
// app's frame loop runs on them, so each is a chance for it to draw (the "nothing is drawn"
// checks count draw calls over them).
export const browserFrames = (page, count) => page.evaluate((n) => new Promise((resolve) => {
  const step = () => (--n <= 0 ? resolve() : requestAnimationFrame(step));
  requestAnimationFrame(step);
}), count);

// Waits until `predicate(state)` holds for the view state (polled once per browser frame);
// resolves to that state, or fails after `timeout` ms naming `what` and the last state.
export async function waitState(page, predicate, what = 'the expected state', timeout = 15_000) {
  const started = Date.now();
  for (;;) {
    const state = await page.evaluate(() => window.explorer.getState());
    if (predicate(state)) return state;
    if (Date.now() - started > timeout) throw new Error(`${what}: not reached in ${timeout} ms; the state: ${JSON.stringify(state)}`);
    await browserFrames(page, 1);
  }
}

// Counts WebGL draw calls from now on; read the count with draws(page). (The app draws
// only on input or while something moves: the idle tests check that nothing is drawn.)
export async function countDraws(page) {
  await page.evaluate(() => {
    window.__draws = 0;
    const proto = WebGL2RenderingContext.prototype;
    const original = proto.drawElements;
    proto.drawElements = function (...args) {
      window.__draws++;
      return original.apply(this, args);
    };
  });
}
export const draws = (page) => page.evaluate(() => window.__draws);

// Takes `context` offline and aborts every request but file: and data: ones; returns the
// list the aborted URLs are collected in (the standalone page must make none).
export async function blockNetwork(context) {
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await context.setOffline(true);
  return requests;
}

// --- touch: a finger moving, two fingers pinching --------------------------------------------

// Touch points through CDP (a session per page, kept on it).
async function touch(page, type, points) {
  page.cdp ??= await page.context().newCDPSession(page);
  return page.cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: points.map(([x, y], id) => ({ x, y, id })),
  });
}

// One finger from (x0, y0) to (x1, y1) in `steps` moves, a frame apart, and lifted right
// after the last one: a finger moving, as the app sees it. These touch events are
// dispatched in the page: through CDP's input pipeline each one reaches a loaded machine's
// page 0.1-0.35 s late, and the app then rightly sees a finger resting before it lifts (no
// fling after 0.12 s held still). Resolves after the frame that saw the release.
export async function swipe(page, x0, y0, x1, y1, steps = 8) {
  await page.evaluate(async ([x0, y0, x1, y1, steps]) => {
    const canvas = document.getElementById('canvas');
    const fire = (type, x, y) => {
      const finger = new Touch({ identifier: 7, target: canvas, clientX: x, clientY: y, pageX: x, pageY: y, screenX: x, screenY: y });
      const down = type === 'touchend' ? [] : [finger];
      canvas.dispatchEvent(new TouchEvent(type, {
        touches: down, targetTouches: down, changedTouches: [finger], bubbles: true, cancelable: true,
      }));
    };
    fire('touchstart', x0, y0);
    await window.explorer.nextFrame();  // the finger lands: the pointer goes there,
    await window.explorer.nextFrame();  // then presses
    for (let i = 1; i <= steps; i++) {
      fire('touchmove', x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps);
      await window.explorer.nextFrame();
    }
    fire('touchend', x1, y1);
    await window.explorer.nextFrame();
  }, [x0, y0, x1, y1, steps]);
}

// Two fingers around (cx, cy), from `d0` apart to `d1` apart, a frame per move.
export async function pinch(page, cx, cy, d0, d1, steps = 8) {
  const at = (d) => [[cx - d / 2, cy], [cx + d / 2, cy]];
  await touch(page, 'touchStart', at(d0).slice(0, 1));
  await touch(page, 'touchStart', at(d0));
  await nextFrame(page);
  for (let i = 1; i <= steps; i++) {
    await touch(page, 'touchMove', at(d0 + ((d1 - d0) * i) / steps));
    await nextFrame(page);
  }
  await touch(page, 'touchEnd', at(d1).slice(0, 1));
  await touch(page, 'touchEnd', []);
}

// One finger put down (`type` 'touchstart') or lifted ('touchend') at (x, y), dispatched in
// the page as swipe does; resolves after the frames that saw it (the press is a frame late).
export async function finger(page, type, x, y) {
  await page.evaluate(async ([type, x, y]) => {
    const canvas = document.getElementById('canvas');
    const f = new Touch({ identifier: 8, target: canvas, clientX: x, clientY: y, pageX: x, pageY: y, screenX: x, screenY: y });
    const down = type === 'touchend' ? [] : [f];
    canvas.dispatchEvent(new TouchEvent(type, { touches: down, targetTouches: down, changedTouches: [f], bubbles: true, cancelable: true }));
    await window.explorer.nextFrame();
    await window.explorer.nextFrame();
  }, [type, x, y]);
}
