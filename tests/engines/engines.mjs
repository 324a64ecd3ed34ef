// The engines besides Chromium, behind one small interface the checks (checks.mjs) use:
//   Firefox: Debian's firefox-esr through WebDriver BiDi (npm puppeteer-core, which never
//            downloads a browser), with a window: WebGL 2 needs a display (Xvfb), headless
//            Firefox has none;
//   WebKit:  Debian's webkit2gtk-driver (WebKitWebDriver + MiniBrowser, W3C WebDriver over
//            HTTP, webdriver.mjs), with a window too.
// tools/test-browser.sh --engines runs them under xvfb-run when there is no display.
//
// An engine: {name, page: {goto, evaluate, press, type, drag, move, screenshot}, close()}.
import fs from 'node:fs';
import puppeteer from 'puppeteer-core';
import { launchWebKit, miniBrowserPath } from './webdriver.mjs';

export const WIDTH = 1280, HEIGHT = 800;

// Firefox's binary: WWE_FIREFOX, else Debian's (the real binary behind /usr/bin/firefox-esr).
export function firefoxPath() {
  if (process.env.WWE_FIREFOX) return process.env.WWE_FIREFOX;
  for (const file of ['/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr', '/usr/lib/firefox/firefox']) {
    if (fs.existsSync(file)) return file;
  }
  return null;
}

// Why this machine cannot run the engine tests ('' when it can).
export function missing(name) {
  const problems = [];
  if (!process.env.DISPLAY) problems.push('no X display (run under xvfb-run, as tools/test-browser.sh --engines does)');
  if (name === 'firefox' && !firefoxPath()) problems.push('Firefox not found (Debian package firefox-esr, or set WWE_FIREFOX)');
  if (name === 'webkit' && !miniBrowserPath()) problems.push('MiniBrowser not found (Debian packages webkit2gtk-driver, libwebkit2gtk-4.1-0)');
  return problems.join('; ');
}

const PUPPETEER_KEYS = { Space: ' ' };

export async function launchFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: false,
    args: [`--width=${WIDTH}`, `--height=${HEIGHT + 120}`],
    extraPrefsFirefox: {
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
    },
  });
  const page = await browser.newPage();
  await page.setViewport({ width: WIDTH, height: HEIGHT });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  return {
    name: 'firefox',
    version: await browser.version(),
    errors,
    page: {
      goto: (url) => page.goto(url),
      evaluate: (fn, ...args) => page.evaluate(fn, ...args),
      async press(key) {
        const keys = key.split('+').map((k) => PUPPETEER_KEYS[k] ?? k);
        for (const k of keys) await page.keyboard.down(k);
        for (const k of keys.reverse()) await page.keyboard.up(k);
      },
      type: (text) => page.keyboard.type(text),
      async drag(x0, y0, x1, y1, steps = 12) {
        await page.mouse.move(x0 - 5, y0);
        await page.mouse.move(x0, y0);
        await page.mouse.down();
        await page.mouse.move(x1, y1, { steps });
        await page.mouse.up();
      },
      move: (x, y) => page.mouse.move(x, y),
      screenshot: async () => Buffer.from(await page.screenshot()),
    },
    close: () => browser.close(),
  };
}

export async function launchWebKitEngine() {
  const { session, close } = await launchWebKit({ width: WIDTH, height: HEIGHT });
  return {
    name: 'webkit',
    version: `${session.capabilities.browserName} ${session.capabilities.browserVersion}`,
    errors: [],
    page: {
      goto: (url) => session.goto(url),
      evaluate: (fn, ...args) => session.evaluate(fn, ...args),
      press: (key) => session.press(key),
      type: (text) => session.type(text),
      drag: (x0, y0, x1, y1, steps) => session.drag(x0, y0, x1, y1, steps),
      move: (x, y) => session.move(x, y),
      screenshot: () => session.screenshot(),
    },
    close,
  };
}
