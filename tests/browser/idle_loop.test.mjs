// Idle costs nothing: once nothing moves, the app stops its animation-frame loop (not only
// its drawing), and input, a host message or the controller's next timer starts it again.
// The page's requestAnimationFrame is wrapped by an init script that counts the callbacks of
// everyone but the test itself (which waits on the browser's frames through the original).
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openExplorer, useBrowser, settle, clock } from './browser.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 90_000 }, fn);
const shared = useBrowser(before, after);

function countAnimationFrames() {
  const original = window.requestAnimationFrame.bind(window);
  window.__testFrame = original;  // the test's own waits, not counted
  window.__appFrames = 0;
  window.requestAnimationFrame = (callback) => original((t) => {
    window.__appFrames++;
    callback(t);
  });
}

async function withExplorer(url, fn) {
  const context = await shared.browser.newContext({ viewport: { width: 1100, height: 700 } });
  try {
    await context.addInitScript(countAnimationFrames);
    const page = await openExplorer(context, shared.server.url + url);
    assert.equal(page.readyError, null, JSON.stringify(page.readyError));
    await settle(page);
    await fn(page);
  } finally {
    await context.close();
  }
}

// Waits for `count` of the browser's animation frames (through the unwrapped function) and
// returns how many animation-frame callbacks the app ran meanwhile.
const appFramesOver = (page, count) => page.evaluate((n) => new Promise((resolve) => {
  const start = window.__appFrames;
  const step = () => (--n <= 0 ? resolve(window.__appFrames - start) : window.__testFrame(step));
  window.__testFrame(step);
}), count);

// The app's frames after `act` until it is still again (settle), then none while it stays so.
async function wakesAndSleeps(page, what, act) {
  const before = await page.evaluate(() => window.__appFrames);
  await act();
  await settle(page);
  const woke = (await page.evaluate(() => window.__appFrames)) - before;
  assert.ok(woke >= 1, `${what}: the loop ran again (${woke} animation frames)`);
  assert.equal(await appFramesOver(page, 30), 0, `${what}: then it stopped again`);
}

test('idle: no animation frames at all while nothing moves; a key, the wheel, a resize wake it', async () => {
  await withExplorer('', async (page) => {
    assert.equal(await appFramesOver(page, 60), 0, 'sixty browser frames, not one for the app');
    await wakesAndSleeps(page, 'a key press', () => page.keyboard.press('PageDown'));
    await wakesAndSleeps(page, 'the wheel', async () => {
      await page.mouse.move(640, 400);
      await page.mouse.wheel(0, 300);
    });
    await wakesAndSleeps(page, 'a resize', async () => {
      await page.setViewportSize({ width: 900, height: 650 });
      // The page's resize and ResizeObserver callbacks have reached the app: its canvas has the new size.
      await page.waitForFunction(() => document.querySelector('canvas').width === Math.round(
        document.querySelector('canvas').getBoundingClientRect().width * devicePixelRatio) && innerWidth === 900,
      null, { polling: 50 });
    });
  });
});

test('idle: a host page\'s message wakes an embedded explorer', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1000, height: 700 } });
  try {
    await context.addInitScript(countAnimationFrames);
    const page = await context.newPage();
    await page.setContent(`<iframe id="f" src="${shared.server.url}index.html?embed=t" width="900" height="600"></iframe>`);
    const frame = await (await page.$('#f')).contentFrame();
    await frame.waitForFunction(() => window.explorer);
    assert.equal(await frame.evaluate(() => window.explorer.ready.then(() => null, (e) => e.message)), null);
    await settle(frame);
    assert.equal(await appFramesOver(frame, 30), 0, 'the embed is still');
    await wakesAndSleeps(frame, 'a host message', () => page.evaluate(() => new Promise((resolve) => {
      window.addEventListener('message', function reply(e) {
        if (e.data && e.data.type === 'result') {
          window.removeEventListener('message', reply);
          resolve();
        }
      });
      document.getElementById('f').contentWindow.postMessage(
        { protocol: 'win-win-explorer', version: 1, type: 'setState', requestId: 'r1', state: { view: 'glossary' } }, '*');
    })));
    assert.equal((await frame.evaluate(() => window.explorer.getState())).view, 'glossary', 'the message was applied');
  } finally {
    await context.close();
  }
});

test('idle: the controller\'s timers still fire with the loop stopped (a kiosk goes home)', async () => {
  await withExplorer('?kiosk&idle=5#v=glossary', async (page) => {
    // Away from home: after the kiosk's idle timeout (5 s, real time here) it goes home and
    // plays its attract tour, woken by its timer alone.
    assert.equal((await page.evaluate(() => window.explorer.getState())).view, 'glossary');
    assert.equal(await appFramesOver(page, 20), 0, 'stopped while waiting for the timeout');
    const view = await page.evaluate(() => new Promise((resolve) => {
      const poll = () => {
        const s = window.explorer.getState();
        if (s.view !== 'glossary') resolve(s.view);
        else setTimeout(poll, 100);
      };
      poll();
    }));
    assert.notEqual(view, 'glossary', 'the kiosk went home by itself');
  });
});

test('idle: advancing the app\'s clock draws (explorer.idle() and advanceClock still work)', async () => {
  await withExplorer('', async (page) => {
    const before = await page.evaluate(() => window.__appFrames);
    await clock(page, 1);
    assert.ok((await page.evaluate(() => window.__appFrames)) > before, 'advanceClock drew a frame');
    await settle(page);
    assert.equal(await appFramesOver(page, 20), 0);
  });
});
