#!/usr/bin/env node
// A self-trial of issue 10's "Done when", for a person to read (not a test: it asserts
// nothing): what a keyboard and screen-reader user meets (each Tab stop as Chromium's
// accessibility tree names it, the live region's announcements, the view as a screen
// reader's virtual cursor reads it), a sentence selected with the mouse and pasted into
// another page, and Tab through the example course page's two embeds. Screenshots go to
// test-results/trial/; look at them.
//
//   node tools/a11y-trial.mjs [reader|copy|embeds]      (dist/ built; all three by default)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const WT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { launch, serveDist } = await import(`${WT}/tests/browser/browser.mjs`);
const { axTree, find, findAll, focused, settle, textOf, squash } = await import(`${WT}/tests/browser/a11y.mjs`);
const OUT = path.join(WT, 'test-results', 'trial');
fs.mkdirSync(OUT, { recursive: true });
const server = await serveDist();
const browser = await launch();
const log = (...a) => console.log(...a);
const part = process.argv[2] || 'all';

// What the screen reader hears for the focused element: from the AX tree (role, name, states).
async function hear(page, frame) {
  const cdp = await page.context().newCDPSession(page);
  try {
    // The focused node: the AX tree's node with focused=true.
    const { nodes } = await cdp.send('Accessibility.getFullAXTree', frame ? { frameId: frame } : {});
    const f = nodes.filter((n) => n.role?.value !== 'RootWebArea' && (n.properties || []).some((p) => p.name === 'focused' && p.value.value)).pop();
    if (!f) return '(nothing focused in the AX tree)';
    const props = (f.properties || []).filter((p) => !['focusable', 'focused', 'settable', 'editable', 'readonly'].includes(p.name))
      .map((p) => `${p.name}=${JSON.stringify(p.value.value)}`);
    return `${f.role?.value} "${f.name?.value || ''}"${f.description?.value ? ` (${f.description.value})` : ''}${f.value?.value !== undefined ? ` value=${JSON.stringify(f.value.value)}` : ''} ${props.join(' ')}`;
  } finally {
    await cdp.detach();
  }
}

// Live-region log: every text the live regions got (with time), to see repeats.
const LIVE = () => {
  window.__live = [];
  for (const r of document.querySelectorAll('.wwe-mirror .wwe-live')) {
    new MutationObserver(() => {
      const t = r.textContent.trim();
      if (t) window.__live.push({ key: r.getAttribute('aria-live'), text: t, at: Math.round(performance.now()) });
    }).observe(r, { subtree: true, childList: true, characterData: true });
  }
};
const liveLog = async (page) => page.evaluate(() => { const l = window.__live.filter((x) => x.key !== 'off' && !x.text.startsWith('Loading the article')); window.__live = []; return l; });

async function trialReader() {
  log('\n=== 1. keyboard + screen reader: the passages about the cultural front ===');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') log('console', m.type(), m.text()); });
  page.on('pageerror', (e) => log('pageerror', e.message));
  await page.goto(server.url);
  await page.evaluate(() => window.explorer.ready);
  await settle(page);
  await page.evaluate(LIVE);
  log('title:', await page.title());
  // Tab through, saying what is heard, until the Cultural checkbox of the Front group.
  const heard = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    const h = await hear(page);
    heard.push(`Tab ${i + 1}: ${h}   [${f.landmark}/${f.group}]`);
    if (f.group === 'Front') break;
  }
  log(heard.join('\n'));
  // Within the group, arrows to Cultural.
  for (let i = 0; i < 6; i++) {
    const f = await focused(page);
    if (/cultural/i.test(f.name)) break;
    await page.keyboard.press('ArrowDown');
    log('  ArrowDown:', await hear(page));
  }
  await page.screenshot({ path: path.join(OUT, '1-front-cultural-focus.png') });
  await page.keyboard.press('Space');
  await settle(page);
  log('  Space:', await hear(page));
  log('  live:', JSON.stringify(await liveLog(page)));
  log('  state:', JSON.stringify(await page.evaluate(() => window.explorer.getState().facets)));
  await page.screenshot({ path: path.join(OUT, '1-cultural-ticked.png') });
  // On to the reader: Tab until a passage paragraph or the view landmark.
  const more = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    more.push(`Tab: ${await hear(page)}   [${f.landmark}]`);
    if (f.landmark === 'view') break;
  }
  log(more.join('\n'));
  log('  live:', JSON.stringify(await liveLog(page)));
  await page.screenshot({ path: path.join(OUT, '1-reader-focus.png') });
  // Read the view as a screen reader's virtual cursor would: the main landmark's content.
  const tree = await axTree(page);
  const main = find(tree, (n) => n.role === 'main' && !n.ignored);
  log('main:', main?.name);
  const walk = (n, depth, out) => {
    if (!n.ignored && !['generic', 'none', 'StaticText', 'InlineTextBox'].includes(n.role)) {
      const t = n.role === 'paragraph' ? squash(textOf(n)).slice(0, 90) : '';
      out.push(`${'  '.repeat(depth)}${n.role} "${(n.name || '').slice(0, 80)}"${n.description ? ` (${n.description.slice(0, 60)})` : ''}${t ? ' :: ' + t : ''}`);
      depth++;
    }
    for (const c of n.children) walk(c, depth, out);
    return out;
  };
  if (main) log(walk(main, 0, []).slice(0, 80).join('\n'));
  const paras = main ? findAll(main, (n) => n.role === 'paragraph' && !n.ignored) : [];
  log(`paragraphs in main: ${paras.length}`);
  // Arrow keys down through the passages, hearing each.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('ArrowDown');
    await settle(page);
    log('  ArrowDown:', (await hear(page)).slice(0, 200));
  }
  log('  live:', JSON.stringify(await liveLog(page)));
  await page.screenshot({ path: path.join(OUT, '1-reading.png') });
  // Search by typing instead: "/" then "cultural".
  await page.keyboard.press('/');
  await settle(page);
  log('  "/":', await hear(page));
  await page.keyboard.type('cultural exchanges');
  await settle(page);
  await page.keyboard.press('Enter');
  await settle(page);
  log('  typed + Enter:', await hear(page));
  log('  live:', JSON.stringify(await liveLog(page)));
  await page.keyboard.press('Tab');
  log('  Tab:', await hear(page));
  await page.keyboard.press('Tab');
  log('  Tab:', await hear(page));
  await page.screenshot({ path: path.join(OUT, '1-search.png') });
  // Open a mention and the details, by keyboard.
  await context.close();
}

async function trialCopy() {
  log('\n=== 2. a sentence selected with the mouse, pasted into another page ===');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.evaluate(() => window.explorer.ready);
  await settle(page);
  await page.mouse.move(640, 400);
  // The second sentence of the first passage with a sentence of more than one line.
  const plan = await page.evaluate(() => {
    for (const el of document.querySelectorAll('[data-id^="passage/"][data-id$="/text"]')) {
      const pieces = [...el.querySelectorAll('.wwe-piece')];
      if (pieces.length < 4) continue;
      // The text of the pieces in order with their nodes.
      let all = '';
      const map = [];
      for (const p of pieces) {
        const n = p.firstChild;
        map.push({ n, at: all.length });
        all += n.data;
      }
      const m = /(?<=[.?!]\s)[A-Z][^.?!]{60,}[.?!]/.exec(all);
      if (!m) continue;
      const locate = (i) => {
        let k = map.length - 1;
        while (map[k].at > i) k--;
        return { n: map[k].n, off: i - map[k].at };
      };
      const a = locate(m.index), b = locate(m.index + m[0].length - 1);
      const rect = (l, off) => {
        const r = document.createRange();
        r.setStart(l.n, off);
        r.setEnd(l.n, off + 1);
        return r.getBoundingClientRect();
      };
      const ra = rect(a, a.off), rb = rect(b, b.off);
      return { id: el.dataset.id, sentence: m[0], x0: ra.left + 1, y0: ra.top + ra.height / 2, x1: rb.right + 1, y1: rb.top + rb.height / 2 };
    }
    return null;
  });
  log('plan:', JSON.stringify(plan));
  await page.mouse.move(plan.x0, plan.y0);
  await page.mouse.down();
  await page.mouse.move(plan.x1, plan.y1, { steps: 15 });
  await page.mouse.up();
  await page.screenshot({ path: path.join(OUT, '2-selection.png') });
  log('selection:', JSON.stringify(await page.evaluate(() => String(getSelection()))));
  await page.keyboard.press('Control+c');
  // Another page: a textarea, pasted into with Ctrl+V.
  const other = await context.newPage();
  await other.setContent('<textarea id="t" rows="6" cols="80"></textarea>');
  await other.focus('#t');
  await other.keyboard.press('Control+v');
  const pasted = await other.evaluate(() => document.getElementById('t').value);
  log('pasted:', JSON.stringify(pasted));
  log(pasted === plan.sentence ? 'EXACT' : 'DIFFERS');
  // Double-click a word, triple-click a passage.
  await page.bringToFront();
  await page.mouse.dblclick(plan.x0 + 3, plan.y0);
  log('double-click:', JSON.stringify(await page.evaluate(() => String(getSelection()))));
  await page.mouse.click(plan.x0 + 3, plan.y0, { clickCount: 3 });
  log('triple-click:', JSON.stringify(await page.evaluate(() => String(getSelection()).slice(0, 200))));
  await page.screenshot({ path: path.join(OUT, '2-triple.png') });
  log('state after clicks:', JSON.stringify(await page.evaluate(() => window.explorer.getState().selection)));
  await context.close();
}

async function trialEmbeds() {
  log('\n=== 3. the course page: Tab through the host page, both embeds and out ===');
  const context = await browser.newContext({ viewport: { width: 1280, height: 1500 } });
  const page = await context.newPage();
  await page.goto(server.url + 'embed-example.html');
  await page.waitForFunction(() => [...document.querySelectorAll('button[data-action]')].every((b) => !b.disabled), null, { timeout: 90000 });
  const frames = page.frames().filter((f) => f !== page.mainFrame());
  for (const f of frames) { await f.evaluate(() => window.explorer.ready); await settle(f); }
  // From the top of the page (the address bar's Tab: focus the document first).
  await page.evaluate(() => document.activeElement?.blur());
  const seq = [];
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press('Tab');
    const w = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return { where: 'body' };
      if (a.tagName === 'IFRAME') return { where: `frame:${a.id || a.title}` };
      return { where: `host:${a.tagName.toLowerCase()} ${a.textContent.trim().slice(0, 40) || a.id}` };
    });
    let inner = '';
    if (w.where.startsWith('frame:')) {
      const idx = w.where === `frame:${await page.evaluate(() => document.querySelectorAll('iframe')[0].id)}` ? 0 : 1;
      const f = await focused(frames[idx]);
      inner = `${f.tag} ${f.role || f.type} "${(f.name || '').slice(0, 50)}" [${f.landmark}] ${f.inMirror ? '' : 'NOT-IN-MIRROR'}`;
    }
    seq.push(`${w.where}  ${inner}`);
    if (i > 3 && w.where === 'body') break;
  }
  log(seq.join('\n'));
  await page.screenshot({ path: path.join(OUT, '3-course-page.png'), fullPage: true });
  await context.close();
}

try {
  if (part === 'all' || part === 'reader') await trialReader();
  if (part === 'all' || part === 'copy') await trialCopy();
  if (part === 'all' || part === 'embeds') await trialEmbeds();
} finally {
  await browser.close();
  await server.close();
}
