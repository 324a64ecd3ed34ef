// The benchmark corpora, generated from a seed: the same passages and queries for our
// search (as an article file, docs/data-format.md) and for the JavaScript peers.
//
//   passages(n, seed) ... n paragraphs of ~80 words drawn from a Zipf distribution
//                         (exponent 1) over a vocabulary of 20,000 made-up words
//   articleJson(...) .... those passages as a version-1 article (sections of 50 passages,
//                         one facet with 8 values, 10 concepts named by mid-rank words)
//   queries(...) ........ one-word and two-word queries, words at log-uniform ranks
//                         (frequent, middling and rare words alike)
//
// Words are consonant-vowel syllables without "e" and "y", so our stemmer and lunr's leave
// nearly all of them alone, and none is an English stop word.

export const VOCABULARY = 20000;
export const ZIPF_EXPONENT = 1;
export const WORDS_PER_PASSAGE = 80;

// mulberry32: a small seeded PRNG.
export function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONSONANTS = "bdfghklmnprstvz";
const VOWELS = "aiou";

// The vocabulary, rank 1 first: distinct words of 2-4 syllables (shorter words for the
// frequent ranks, as in natural text).
export function vocabulary(seed = 1) {
  const random = rng(seed);
  const words = [];
  const seen = new Set();
  while (words.length < VOCABULARY) {
    const rank = words.length + 1;
    const syllables = rank < 200 ? 2 : rank < 5000 ? 3 : 4;
    let w = "";
    for (let s = 0; s < syllables; s++)
      w += CONSONANTS[Math.floor(random() * CONSONANTS.length)] + VOWELS[Math.floor(random() * VOWELS.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words;
}

// Cumulative Zipf weights, for drawing a rank by binary search.
function zipfCdf() {
  const cdf = new Float64Array(VOCABULARY);
  let sum = 0;
  for (let r = 1; r <= VOCABULARY; r++) {
    sum += 1 / Math.pow(r, ZIPF_EXPONENT);
    cdf[r - 1] = sum;
  }
  for (let i = 0; i < VOCABULARY; i++) cdf[i] /= sum;
  return cdf;
}

function drawRank(cdf, u) {
  let lo = 0, hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;  // 0-based
}

// n passages of 60-100 words (mean 80), as sentences: capitalised first word, full stops.
export function passages(n, seed = 42) {
  const words = vocabulary();
  const cdf = zipfCdf();
  const random = rng(seed);
  const out = new Array(n);
  for (let p = 0; p < n; p++) {
    const length = WORDS_PER_PASSAGE - 20 + Math.floor(random() * 41);
    let text = "";
    let sentence = 0;
    for (let k = 0; k < length; k++) {
      let w = words[drawRank(cdf, random())];
      if (sentence === 0) w = w[0].toUpperCase() + w.slice(1);
      text += w;
      sentence++;
      if (k === length - 1) text += ".";
      else if (sentence >= 8 && random() < 0.15) {
        text += ". ";
        sentence = 0;
      } else text += " ";
    }
    out[p] = text;
  }
  return out;
}

export const FACET_VALUES = 8;

// The passages as an article file (JSON text) that our loader accepts without warnings.
export function articleJson(texts, seed = 42) {
  const random = rng(seed + 1);
  const words = vocabulary();
  const nSections = Math.max(1, Math.ceil(texts.length / 50));
  const sections = Array.from({ length: nSections }, (_, i) => ({
    id: `s${i + 1}`, number: i + 1, heading: `Section ${i + 1}`, label: `S${i + 1}`,
  }));
  const values = Array.from({ length: FACET_VALUES }, (_, i) => ({ id: `v${i + 1}`, label: `Value ${i + 1}`, description: "A generated value." }));
  const article = {
    format: "win-win-explorer/article",
    version: 1,
    meta: {
      title: `Generated corpus, ${texts.length} passages`,
      author: { name: "bench/corpus.mjs" },
      outlet: "benchmark",
      published: "2026",
      source: "generated (Zipf words, seeded)",
      language: "en",
    },
    sections,
    passages: texts.map((text, i) => ({
      id: `p${i + 1}`,
      section: sections[Math.floor(i / 50)].id,
      text,
      facets: { topic: [values[Math.floor(random() * FACET_VALUES)].id] },
    })),
    facets: [{ id: "topic", label: "Topic", description: "A generated facet.", values }],
    node_types: [{ id: "idea", label: "Idea", kind: "concept", description: "A generated type." }],
    concepts: Array.from({ length: 10 }, (_, i) => ({
      id: `c${i + 1}`, label: words[100 + i], type: "idea", description: "A generated concept.",
    })),
    entities: [],
    relation_types: [],
    relations: [],
  };
  return JSON.stringify(article);
}

// `count` queries of `terms` words each, lower-case, words at log-uniform ranks 1..20,000.
export function queries(count, terms, seed = 7) {
  const words = vocabulary();
  const random = rng(seed + terms * 1000);
  const out = [];
  for (let i = 0; i < count; i++) {
    const q = [];
    while (q.length < terms) {
      const rank = Math.floor(Math.exp(random() * Math.log(VOCABULARY)));  // 1..VOCABULARY
      const w = words[Math.min(rank, VOCABULARY) - 1];
      if (!q.includes(w)) q.push(w);
    }
    out.push(q.join(" "));
  }
  return out;
}
