// Text entry beyond the keyboard: input methods (composition), pasted text and typed
// Chinese reach the search box through the platform's hidden text field; copying writes
// the system clipboard. (src/platform/text_input.*)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { nextFrame, openExplorer, press, settle, useBrowser } from './browser.mjs';

const shared = useBrowser(before, after);

async function withSearchFocused(fn) {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server.url });
  try {
    const page = await openExplorer(context, shared.server.url);
    assert.equal(page.readyError, null);
    await page.mouse.move(640, 400);
    await page.keyboard.press('/');
    // The field takes the focus once the search box is active (a frame or two later).
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'wwe-text-input', null, {
      timeout: 5000,
    });
    await fn(page);
    const errors = page.consoleLines.filter((l) => l.startsWith('pageerror'));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

const state = (page) => page.evaluate(() => window.explorer.getState());

test('the search box takes focus into the hidden text field', async () => {
  await withSearchFocused(async (page) => {
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'wwe-text-input');
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

test('an IME composition commits its text once', async () => {
  await withSearchFocused(async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'yidai', selectionStart: 5, selectionEnd: 5 });
    await nextFrame(page, 2); // text sent while composing would be in the search box by now
    await settle(page);
    assert.equal((await state(page)).query, '', 'nothing is entered while composing');
    await cdp.send('Input.insertText', { text: '亚投行' });
    await settle(page);
    assert.equal((await state(page)).query, '亚投行');
  });
});

test('typing still works, characters arrive once', async () => {
  await withSearchFocused(async (page) => {
    await page.keyboard.type('belt road');
    await nextFrame(page);  // the frame that reads the last of them
    assert.equal((await state(page)).query, 'belt road');
    // At a person's pace: ImGui 1.86 has no input queue, so two presses of one key within
    // a single frame count once (the platform defers only releases); press() lets a frame
    // see the press and the next its release before the next press comes.
    for (let i = 0; i < 2; i++) await press(page, 'Backspace');
    assert.equal((await state(page)).query, 'belt ro');
  });
});

test('pasting (Ctrl+V) inserts the clipboard once; copying (Ctrl+A, Ctrl+C) writes it', async () => {
  await withSearchFocused(async (page) => {
    await page.evaluate(() => navigator.clipboard.writeText('AIIB'));
    await page.keyboard.press('Control+v');
    await settle(page);
    assert.equal((await state(page)).query, 'AIIB');
    await page.keyboard.type(' 一');  // (frames, not settle, from here: "AIIB 一" matches no passage)
    await nextFrame(page);
    await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await press(page, 'Control+a');
    await press(page, 'Control+c');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), (await state(page)).query);
  });
});
