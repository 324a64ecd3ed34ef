// Phone feel (issue 12): on a touch screen rows, check boxes and menu items are a finger's
// height (44 CSS px); a flick in a list or the reader coasts on after the finger lifts and
// slows down, a touch stops it, and prefers-reduced-motion turns it off; a pinch re-lays
// out the reader's text with its headings and passage numbers. Waits are for the app's
// events (explorer.idle, nextFrame), never fixed sleeps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { finger, openExplorer, pinch, settle, swipe, useBrowser } from './browser.mjs';

const shared = useBrowser(before, after);
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

async function withPhone(hash, fn, options = {}) {
  const context = await shared.browser.newContext({ ...PHONE, ...options });
  try {
    const page = await openExplorer(context, `${shared.server.url}index.html${hash}`);
    assert.equal(page.readyError, null);
    await settle(page);
    await fn(page);
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror')), []);
    assert.deepEqual(page.consoleLines.filter((l) => /unpopped/.test(l)), [], 'every ImGui push has its pop');
  } finally {
    await context.close();
  }
}

// The boxes of the mirror's elements whose id matches `pattern` that the app placed.
const boxes = (page, pattern) => page.evaluate((p) => [...document.querySelectorAll('.wwe-mirror [data-id]')]
  .filter((el) => new RegExp(p).test(el.dataset.id) && el.classList.contains('wwe-placed'))
  .map((el) => { const r = el.getBoundingClientRect(); return { id: el.dataset.id, x: r.x, y: r.y, width: r.width, height: r.height }; }),
pattern);
const mirrorClick = (page, id) => page.evaluate((i) => document.querySelector(`.wwe-mirror [data-id="${i}"]`).click(), id);

test('touch: facet check boxes and menu items are at least 44 px tall (a mouse keeps them compact)', async () => {
  await withPhone('', async (page) => {
    await mirrorClick(page, 'show-filters');
    await settle(page);
    const checks = await boxes(page, '^facet/[^/]+/[^/]+$');
    assert.ok(checks.length >= 4, `the facet check boxes are placed (${checks.length})`);
    for (const c of checks) assert.ok(c.height >= 44, `${c.id}: ${c.height} px`);
    await mirrorClick(page, 'show-filters');  // back to the view (the same button: "Filters", expanded)
    await settle(page);
    await page.focus('.wwe-mirror [data-id="export"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.wwe-mirror [data-id="export/png"]');
    await settle(page);
    const items = await boxes(page, '^export/');
    assert.ok(items.length >= 3, `the Export menu's items are placed (${items.map((i) => i.id)})`);
    for (const i of items) assert.ok(i.height >= 44, `${i.id}: ${i.height} px`);
  });
  // The same page with a mouse: compact rows (the touch size is the touch screen's).
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openExplorer(context, `${shared.server.url}index.html`);
    await settle(page);
    const checks = await boxes(page, '^facet/[^/]+/[^/]+$');
    assert.ok(checks.length >= 4 && checks.every((c) => c.height < 44), `compact with a mouse: ${checks.map((c) => c.height)}`);
  } finally {
    await context.close();
  }
});

// The first row of the Terms list in view (its index): rows scrolled away are not placed.
async function firstTerm(page) {
  const rows = await boxes(page, '^terms/row/\\d+/search$');
  return Math.min(...rows.map((r) => Number(r.id.split('/')[2])));
}

test('touch: a flick in a list coasts on and slows down; a touch stops it; reduced motion: no coasting', async () => {
  await withPhone('#v=terms', async (page) => {
    const start = await firstTerm(page);
    await swipe(page, 200, 700, 200, 520, 3);  // fast: 60 px a frame
    const released = await firstTerm(page);
    assert.ok(released > start, `the drag scrolled the list (${start} -> ${released})`);
    await settle(page);  // the coasting is over
    const coasted = await firstTerm(page);
    assert.ok(coasted > released + 2, `the list coasts on after the finger lifts (${released} -> ${coasted})`);

    // A touch catches it: where it is when the finger lands, it stays.
    await swipe(page, 200, 700, 200, 520, 3);
    await finger(page, 'touchstart', 200, 600);
    const caught = await firstTerm(page);
    await settle(page);
    assert.ok(Math.abs((await firstTerm(page)) - caught) <= 1, 'a touch stops the coasting');
    await finger(page, 'touchend', 200, 600);
    await settle(page);
  });
  await withPhone('#v=terms', async (page) => {
    await swipe(page, 200, 700, 200, 520, 3);
    const released = await firstTerm(page);
    await settle(page);
    assert.equal(await firstTerm(page), released, 'no coasting with prefers-reduced-motion');
  }, { reducedMotion: 'reduce' });
});

// How far the reader is scrolled, as a number that grows with the scrolling: the first
// passage whose top is in view below the reader's top edge, then how far up it has moved.
async function reading(page) {
  const placed = await boxes(page, '^passage/p\\d+$');
  const clip = Math.min(...placed.map((b) => b.y));  // the top of the reader (a passage cut there)
  const tops = placed.filter((b) => b.y > clip + 1).map((b) => [Number(b.id.slice(9)), b.y]);
  tops.sort((a, b) => a[0] - b[0]);
  return tops.length ? tops[0][0] * 100000 - tops[0][1] : Infinity;
}

test('touch: the reader coasts after a flick (not with reduced motion); a pinch re-lays out headings and numbers too', async () => {
  // A tablet: several passages in view (a phone's first passage is longer than the screen).
  const tablet = { viewport: { width: 1280, height: 800 }, isMobile: false };
  await withPhone('', async (page) => {
    await swipe(page, 640, 700, 640, 450, 3);
    const released = await reading(page);
    await settle(page);
    const coasted = await reading(page);
    assert.ok(coasted > released + 5, `the reader coasts on (${released} -> ${coasted})`);
  }, tablet);
  await withPhone('', async (page) => {
    await swipe(page, 640, 700, 640, 450, 3);
    const released = await reading(page);
    await settle(page);
    assert.ok(Number.isFinite(released), 'passages in view');
    assert.ok(Math.abs((await reading(page)) - released) < 1, 'no coasting with prefers-reduced-motion');
  }, { ...tablet, reducedMotion: 'reduce' });
  // A tablet, reduced motion (the swipes that bring a heading into view do not coast).
  await withPhone('', async (page) => {
    // Swipes up until the heading `id` (or any, when none given) is wholly in view.
    const heading = async (id) => {
      for (let i = 0; i < 16; i++) {
        const shown = (await boxes(page, id ? `^${id}$` : '^section/')).filter((b) => b.y > 150 && b.y + b.height < 760);
        if (shown.length > 0) return shown[0];
        await swipe(page, 640, 600, 640, 400, 4);
        await settle(page);
      }
      return null;
    };
    const heading0 = await heading(null);
    assert.ok(heading0, 'a section heading in view');
    const scale0 = await page.evaluate(() => window.explorer.textScale());
    await pinch(page, 640, 450, 100, 200);
    await settle(page);
    const scale1 = await page.evaluate(() => window.explorer.textScale());
    assert.ok(scale1 > scale0 * 1.4, `the pinch made the text bigger (${scale0} -> ${scale1})`);
    const heading1 = await heading(heading0.id);
    assert.ok(heading1, `${heading0.id} in view again after the pinch`);
    const grew = heading1.height / heading0.height;
    assert.ok(grew > 1.25, `the heading grew with the text (${heading0.height} -> ${heading1.height} px, text x${scale1 / scale0})`);
  }, { ...tablet, reducedMotion: 'reduce' });
});

test('touch: the map at Fit on a phone: every node in the canvas, the hubs labelled, each label box in mapNodes()', async () => {
  await withPhone('#v=map', async (page) => {
    const canvas = await page.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; });
    const nodes = await page.evaluate(() => window.explorer.mapNodes());
    assert.ok(nodes.length > 10);
    for (const n of nodes) {
      assert.ok(n.visible, `${n.id} is in view`);
      assert.ok(n.x - n.r >= canvas.x && n.x + n.r <= canvas.x + canvas.w, `${n.id} fits across`);
      assert.equal(n.labelled, n.label_text !== null, `${n.id}: label_text null exactly when unlabelled`);
      assert.equal(n.labelled, n.label_box !== null, `${n.id}: label_box null exactly when unlabelled`);
      if (n.label_box) {
        const b = n.label_box;
        assert.ok(b.x >= canvas.x - 1 && b.x + b.w <= canvas.x + canvas.w + 1, `${n.id}'s label inside the canvas`);
      }
    }
    const dialogue = nodes.find((n) => n.id === 'dialogue');
    assert.ok(dialogue?.labelled, 'the hub "dialogue" is labelled');
  });
});

test('touch: two fingers pinch the timeline: apart zoom in, together zoom out, about their centre', async () => {
  await withPhone('#v=timeline', async (page) => {
    const span = async () => {
      const t = (await page.evaluate(() => window.explorer.getState())).timeline;
      return t ? t.end - t.begin : null;
    };
    assert.equal(await span(), null, 'fitted at first');
    await pinch(page, 195, 600, 80, 200);
    await settle(page);
    const zoomed = await span();
    assert.ok(zoomed !== null, 'the pinch set a range');
    await pinch(page, 195, 600, 200, 80);
    await settle(page);
    const back = await span();
    assert.ok(back > zoomed * 1.8, `fingers together zoom out (${zoomed} -> ${back} years)`);
  });
});
