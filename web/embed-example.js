// The example course page's script: drives two embedded explorers through their
// postMessage protocol (docs/embedding.md, "Host-page API") and shows what they report.
(function () {
  'use strict';

  const PROTOCOL = 'win-win-explorer';
  const frames = {
    map: document.getElementById('map'),
    reader: document.getElementById('reader'),
  };
  const ready = { map: false, reader: false };
  let nextRequest = 1;

  // Sends one message to an embed; the answer comes back as a "result" with this requestId.
  function send(target, type, fields) {
    const requestId = `${target}-${nextRequest++}`;
    // The explorer is served from this page's own origin here; a page on another origin
    // names the explorer's origin instead of location.origin.
    frames[target].contentWindow.postMessage({ protocol: PROTOCOL, version: 1, type, requestId, ...fields },
      location.origin === 'null' ? '*' : location.origin);
    return requestId;
  }

  // The facets the buttons ask about come from each embed's article (its ready message),
  // so the page works with any article: a button whose facet or value the article does not
  // have is disabled and says why, instead of asking a question the article cannot answer.
  const articles = { map: null, reader: null };
  function facetValue(target, facetId, valueId) {
    const article = articles[target];
    const facet = article && article.facets.find((f) => f.id === facetId);
    const value = facet && facet.values.find((v) => v.id === valueId);
    return facet && value ? { facet, value } : null;
  }
  const showFacet = (target, facet, value, view) => () => {
    const found = facetValue(target, facet, value);
    if (found) send(target, 'setState', { state: { ...(view ? { view } : {}), facets: { [facet]: [value] } } });
  };
  const actions = {
    economic: showFacet('map', 'front', 'economic', 'map'),
    'security-front': showFacet('map', 'front', 'security', 'map'),
    'highlight-aiib': () => send('map', 'highlight', { node: 'aiib' }),
    'highlight-bri': () => send('map', 'highlight', { node: 'belt-and-road' }),
    'search-confrontation': () => send('reader', 'setState', { state: { query: 'confrontation' } }),
    'clear-search': () => send('reader', 'setState', { state: { query: '' } }),
    'count-partnership': () => {
      const found = facetValue('reader', 'dimension', 'partnership');
      if (found) send('reader', 'query', { request: { facets: { dimension: ['partnership'] } } });
    },
  };

  const buttons = document.querySelectorAll('button[data-action]');
  function enableButtons() {
    for (const button of buttons) {
      const target = button.dataset.target;
      const { facet, value } = button.dataset;
      const missing = ready[target] && facet && !facetValue(target, facet, value);
      button.disabled = !ready[target] || !!missing;
      button.title = missing ? `The article in this embed has no value \u201C${value}\u201D of a facet \u201C${facet}\u201D` : '';
    }
  }
  for (const button of buttons) {
    button.addEventListener('click', () => actions[button.dataset.action]());
  }
  enableButtons();

  function log(text) {
    const item = document.createElement('li');
    item.textContent = text;
    const list = document.getElementById('log');
    list.prepend(item);
    while (list.children.length > 50) list.lastChild.remove();
  }

  function describe(state) {
    const parts = [`view ${state.view}`];
    for (const [facet, values] of Object.entries(state.facets)) parts.push(`${facet}: ${values.join(', ')}`);
    if (state.query) parts.push(`search “${state.query}”`);
    if (state.selection) parts.push(`selected ${state.selection.id}`);
    return parts.join(' · ');
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object' || m.protocol !== PROTOCOL) return;
    const target = Object.keys(frames).find((name) => frames[name].contentWindow === event.source);
    if (!target) return;  // not one of our embeds
    const status = document.getElementById(`${target}-status`);
    switch (m.type) {
      case 'ready':
        ready[target] = true;
        articles[target] = m.article || { facets: [] };
        enableButtons();
        status.textContent = `Ready: ${describe(m.state)}`;
        break;
      case 'stateChanged':
        status.textContent = `Showing: ${describe(m.state)}`;
        break;
      case 'result':
        if (m.request === 'query' && m.result && !(m.problems && m.problems.length)) {
          const found = facetValue('reader', 'dimension', 'partnership');
          document.getElementById('reader-answer').textContent =
            `Answer: ${m.result.paragraphs.length} passages of the whole article are on ${found ? found.value.label.toLowerCase() : 'partnership'}.`;
        }
        if (m.problems && m.problems.length) status.textContent = `Problem: ${m.problems.join('; ')}`;
        break;
      case 'error':
        status.textContent = `Error: ${m.message}`;
        break;
      default:
        break;
    }
    log(`${target} → ${m.type}${m.requestId ? ` (${m.requestId})` : ''}${m.state ? `: ${describe(m.state)}` : ''}`);
  });
})();
