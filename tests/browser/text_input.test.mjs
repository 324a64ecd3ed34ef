// Text entry beyond the keyboard: the search field is a real <input type="search"> of the
// page's mirror (src/platform/library_mirror.js) over the canvas's search box, so input
// methods (composition), dictation, pasting and copying are the browser's own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { nextFrame, openExplorer, press, useBrowser } from './browser.mjs';

const shared = useBrowser(before, after);

const isSearchField = () => document.activeElement && document.activeElement.matches('.wwe-mirror input[type="search"]');

async function withSearchFocused(fn) {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server.url });
  try {
    const page = await openExplorer(context, shared.server.url);
    assert.equal(page.readyError, null);
    await page.mouse.move(640, 400);
    await page.keyboard.press('/');
    await page.waitForFunction(isSearchField, null, { timeout: 5000 });
    await fn(page);
    const errors = page.consoleLines.filter((l) => l.startsWith('pageerror'));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

const state = (page) => page.evaluate(() => window.explorer.getState());
const settle = async (page) => {
  await page.evaluate(() => window.explorer.nextFrame());
  await page.evaluate(() => window.explorer.idle());
};

test('"/" focuses the search field: a real text field, visible over the canvas\'s search box', async () => {
  await withSearchFocused(async (page) => {
    const field = await page.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return { type: el.type, label: el.getAttribute('aria-label'), x: r.x, y: r.y, w: r.width, h: r.height,
               colour: s.color, font: parseFloat(s.fontSize) };
    });
    assert.equal(field.type, 'search');
    assert.equal(field.label, 'Search the article');
    assert.ok(field.y < 80 && field.h >= 20 && field.w > 200, `over the search bar: ${JSON.stringify(field)}`);
    assert.notEqual(field.colour, 'rgba(0, 0, 0, 0)', 'its text is visible');
    assert.ok(field.font >= 12 && field.font <= 20, `font ${field.font}px`);
    assert.notEqual(await page.evaluate(() => document.activeElement.id), 'wwe-text-input');
  });
});

test('text inserted as an input method or dictation would (一带一路) searches', async () => {
  await withSearchFocused(async (page) => {
    await page.keyboard.insertText('一带一路');
    await settle(page);
    assert.equal((await state(page)).query, '一带一路');
    const result = await page.evaluate(() => window.explorer.query({ text: '一带一路' }));
    assert.ok(result.paragraphs.length > 0);
  });
});

test('an IME composition shows in the field and commits its text once', async () => {
  await withSearchFocused(async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'yidai', selectionStart: 5, selectionEnd: 5 });
    await settle(page);
    assert.equal(await page.evaluate(() => document.activeElement.value), 'yidai', 'the composition is visible');
    assert.equal((await state(page)).query, '', 'nothing is searched while composing');
    await cdp.send('Input.insertText', { text: '亚投行' });
    await settle(page);
    assert.equal((await state(page)).query, '亚投行');
    assert.equal(await page.evaluate(() => document.activeElement.value), '亚投行');
  });
});

test('typing works, characters arrive once; the field follows changes made elsewhere', async () => {
  await withSearchFocused(async (page) => {
    await page.keyboard.type('belt road');
    await settle(page);
    assert.equal((await state(page)).query, 'belt road');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await settle(page);
    assert.equal((await state(page)).query, 'belt ro');
    // The page's script changes the search: the focused field shows it, caret at the end.
    await page.evaluate(() => window.explorer.setState({ query: 'trade' }));
    await settle(page);
    assert.deepEqual(await page.evaluate(() => [document.activeElement.value, document.activeElement.selectionStart]), ['trade', 5]);
    await page.keyboard.type('s');
    await settle(page);
    assert.equal((await state(page)).query, 'trades');
    // Esc is the explorer's (it clears the search), not the field's own.
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal((await state(page)).query, '');
    assert.equal(await page.evaluate(() => document.activeElement.value), '');
  });
});

test('pasting (Ctrl+V) inserts the clipboard once; copying (Ctrl+A, Ctrl+C) writes it', async () => {
  await withSearchFocused(async (page) => {
    await page.evaluate(() => navigator.clipboard.writeText('AIIB'));
    await page.keyboard.press('Control+v');
    await settle(page);
    assert.equal((await state(page)).query, 'AIIB');
    await page.keyboard.type(' 一');
    await nextFrame(page);
    await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await settle(page);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), (await state(page)).query);
  });
});

test('a tap on the search field focuses it (on touch screens the on-screen keyboard opens)', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 800, height: 600 }, hasTouch: true, isMobile: true });
  try {
    const page = await openExplorer(context, shared.server.url);
    assert.equal(page.readyError, null);
    const box = await page.locator('.wwe-mirror input[type="search"]').boundingBox();
    assert.ok(box && box.width > 50, 'the field is placed over the canvas');
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(isSearchField, null, { timeout: 5000 });
    await page.keyboard.insertText('belt');
    await settle(page);
    assert.equal((await state(page)).query, 'belt');
  } finally {
    await context.close();
  }
});
