// Helpers of the accessibility tests: Chromium's accessibility tree (CDP), the focused
// element, axe-core, contrast ratios.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// Chromium's full accessibility tree of the page's main frame (or of `frameId`): the root
// node, each node {role, name, props, children, parent, ignored, backendId}.
export async function axTree(page, frameId) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree', frameId ? { frameId } : {});
    const byId = new Map();
    for (const n of nodes) {
      const props = {};
      for (const p of n.properties || []) props[p.name] = p.value && p.value.value;
      byId.set(n.nodeId, {
        id: n.nodeId,
        role: n.role ? n.role.value : '',
        name: n.name ? n.name.value : '',
        description: n.description ? n.description.value : '',
        value: n.value ? n.value.value : undefined,
        ignored: !!n.ignored,
        props,
        childIds: n.childIds || [],
        backendId: n.backendDOMNodeId,
        children: [],
        parent: null,
      });
    }
    for (const n of byId.values()) {
      for (const c of n.childIds) {
        const child = byId.get(c);
        if (!child) continue;
        n.children.push(child);
        child.parent = n;
      }
    }
    return byId.get(nodes[0].nodeId);
  } finally {
    await cdp.detach();
  }
}

// Every node under `node` (itself included), in document order, that `predicate` accepts.
export function findAll(node, predicate, out = []) {
  if (predicate(node)) out.push(node);
  for (const c of node.children) findAll(c, predicate, out);
  return out;
}
export const find = (node, predicate) => findAll(node, predicate)[0] || null;

// The text a screen reader reads inside `node`: its StaticText leaves, in order.
export function textOf(node) {
  return findAll(node, (n) => n.role === 'StaticText' && !n.ignored).map((n) => n.name).join('');
}

export const squash = (s) => s.replace(/\s+/g, ' ').trim();

// What has the focus in `frame` (a page or frame): {tag, id, role, name, text, dialog,
// landmark}.
export function focused(frame) {
  return frame.evaluate(() => {
    const el = document.activeElement;
    if (!el) return null;
    const landmark = el.closest('main, aside, [role="search"], [role="toolbar"], section, [role="dialog"]');
    return {
      tag: el.tagName,
      id: el.getAttribute('data-id') || el.id || '',
      role: el.getAttribute('role') || '',
      type: el.type || '',
      name: el.getAttribute('aria-label') || el.textContent,
      group: el.closest('[role="group"]')?.getAttribute('aria-label') || '',
      dialog: !!el.closest('[role="dialog"]'),
      landmark: landmark ? landmark.getAttribute('data-id') : '',
      inMirror: !!el.closest('.wwe-mirror'),
    };
  });
}

// Runs axe-core on the page (the page's CSP must be bypassed by the context: bypassCSP);
// resolves to the violations of impact "serious" or "critical".
export async function axeSerious(page) {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

// WCAG contrast ratio of two "#rrggbb" colours.
export function contrast(a, b) {
  const lum = (hex) => {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

// Waits until the app has drawn what the last input asked for.
export async function settle(frame) {
  await frame.evaluate(() => window.explorer.nextFrame());
  await frame.evaluate(() => window.explorer.idle());
}
