// A small W3C WebDriver client (plain HTTP, fetch) and WebKit through Debian's
// webkit2gtk-driver: WebKitWebDriver drives MiniBrowser --automation. Only what the engine
// tests use: a session, navigation, scripts (sync and async), key and pointer actions, the
// window size, screenshots.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

// Where Debian puts MiniBrowser (libwebkit2gtk-4.1-0; WWE_MINIBROWSER overrides).
export function miniBrowserPath() {
  if (process.env.WWE_MINIBROWSER) return process.env.WWE_MINIBROWSER;
  for (const lib of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']) {
    for (const api of ['webkit2gtk-4.1', 'webkitgtk-6.0', 'webkit2gtk-4.0']) {
      const file = `${lib}/${api}/MiniBrowser`;
      if (fs.existsSync(file)) return file;
    }
  }
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// WebDriver's names of the keys the tests press (the spec's "normalised key values").
const KEYS = {
  Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', Shift: '\uE008', Control: '\uE009', Alt: '\uE00A',
  Backspace: '\uE003', PageDown: '\uE00F', PageUp: '\uE00E', ArrowDown: '\uE015', ArrowUp: '\uE013',
  ArrowLeft: '\uE012', ArrowRight: '\uE014', Home: '\uE011', End: '\uE010', Space: ' ',
};
// 'Shift+Tab' -> the key values to press, in order (released in reverse).
const chord = (key) => key.split('+').map((k) => KEYS[k] ?? k);

export class WebDriverSession {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  async send(method, path, body) {
    const response = await fetch(`${this.base}/session/${this.id}${path}`, {
      method,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => ({ value: { error: `HTTP ${response.status}`, message: 'not JSON' } }));
    if (!response.ok) {
      const v = json.value || {};
      throw new Error(`WebDriver ${method} ${path}: ${v.error}: ${v.message}`);
    }
    return json.value;
  }

  goto(url) {
    return this.send('POST', '/url', { url });
  }

  // Runs `fn(...args)` in the page and resolves to its (awaited) result; a rejection or a
  // throw there is thrown here with its message.
  async evaluate(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn.toString()})(...Array.prototype.slice.call(arguments, 0, -1)))
        .then((value) => done({ value: value === undefined ? null : value }),
              (error) => done({ error: String(error && error.stack || error) }));`;
    const out = await this.send('POST', '/execute/async', { script, args });
    if (out && out.error) throw new Error(`in the page: ${out.error}`);
    return out ? out.value : null;
  }

  // Runs a synchronous script (a function body with `arguments`).
  executeSync(script, args = []) {
    return this.send('POST', '/execute/sync', { script, args });
  }

  async actions(list) {
    await this.send('POST', '/actions', { actions: list });
    await this.send('DELETE', '/actions');
  }

  // Presses and releases `key` ('/', 'Tab', 'Shift+Tab', ...).
  press(key) {
    const keys = chord(key);
    const steps = [...keys.map((value) => ({ type: 'keyDown', value })), ...keys.reverse().map((value) => ({ type: 'keyUp', value }))];
    return this.actions([{ type: 'key', id: 'keyboard', actions: steps }]);
  }

  // Types `text` one character after the other.
  type(text) {
    const steps = [];
    for (const ch of text) steps.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
    return this.actions([{ type: 'key', id: 'keyboard', actions: steps }]);
  }

  // A mouse drag with the primary button from (x0, y0) to (x1, y1), CSS px of the viewport.
  drag(x0, y0, x1, y1, steps = 12) {
    const moves = [];
    for (let i = 1; i <= steps; i++) {
      moves.push({ type: 'pointerMove', duration: 16, origin: 'viewport',
                   x: Math.round(x0 + ((x1 - x0) * i) / steps), y: Math.round(y0 + ((y1 - y0) * i) / steps) });
    }
    return this.actions([{
      type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [
        { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x0) - 5, y: Math.round(y0) },
        { type: 'pointerMove', duration: 16, origin: 'viewport', x: Math.round(x0), y: Math.round(y0) },
        { type: 'pointerDown', button: 0 },
        ...moves,
        { type: 'pointerUp', button: 0 },
      ],
    }]);
  }

  move(x, y) {
    return this.actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
                           actions: [{ type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) }] }]);
  }

  async screenshot() {
    return Buffer.from(await this.send('GET', '/screenshot'), 'base64');
  }

  setWindowSize(width, height) {
    return this.send('POST', '/window/rect', { width, height });
  }

  setScriptTimeout(ms) {
    return this.send('POST', '/timeouts', { script: ms });
  }

  close() {
    return this.send('DELETE', '');
  }
}

// Starts WebKitWebDriver on a free port and opens a MiniBrowser session; resolves to
// {session, close()}. Fails with a clear message when the driver or the browser is missing.
export async function launchWebKit({ width = 1280, height = 800 } = {}) {
  const binary = miniBrowserPath();
  if (!binary) throw new Error('WebKit: MiniBrowser not found (Debian package libwebkit2gtk-4.1-0, with webkit2gtk-driver; or set WWE_MINIBROWSER)');
  const port = await freePort();
  const log = [];
  const driver = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [driver.stdout, driver.stderr]) stream.on('data', (d) => log.push(String(d)));
  const exited = new Promise((resolve) => driver.once('exit', resolve));
  const spawned = new Promise((resolve, reject) => {
    driver.once('spawn', resolve);
    driver.once('error', (e) => reject(new Error(`WebKit: WebKitWebDriver could not start (Debian package webkit2gtk-driver): ${e.message}`)));
  });
  await spawned;
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (driver.exitCode === null && driver.signalCode === null) {
      driver.kill('SIGTERM');
      await exited;
    }
  };
  try {
    const started = Date.now();
    for (;;) {
      const ok = await fetch(`${base}/status`).then((r) => r.ok, () => false);
      if (ok) break;
      if (driver.exitCode !== null) throw new Error(`WebKit: WebKitWebDriver exited: ${log.join('')}`);
      if (Date.now() - started > 20_000) throw new Error(`WebKit: WebKitWebDriver did not answer on ${base}: ${log.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const response = await fetch(`${base}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary, args: ['--automation'] } } } }),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`WebKit: no session: ${json.value && json.value.message} ${log.join('')}`);
    const session = new WebDriverSession(base, json.value.sessionId);
    session.capabilities = json.value.capabilities;
    await session.setScriptTimeout(120_000);
    await session.setWindowSize(width, height);
    return {
      session,
      async close() {
        await session.close().catch(() => {});
        await stop();
      },
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
