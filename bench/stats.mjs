// Statistics and formatting shared by the benchmarks.

export function quantile(values, q) {
  const a = [...values].sort((x, y) => x - y);
  if (a.length === 0) return NaN;
  const pos = (a.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return a[lo] + (a[hi] - a[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);

// A measurement repeated: the best of the repeats (the machine is shared: another process
// only ever adds time) and the noise, half the range of the repeats relative to that (±%).
export function summarize(values) {
  const m = Math.min(...values);
  const noise = values.length > 1 && m > 0 ? (Math.max(...values) - m) / 2 / m : NaN;
  return { value: m, noise, n: values.length };
}

// Query latencies: times[round][query]. Each query's time is its best over the rounds (a
// pre-emption by another process hits one round, not all); p50 and p95 are taken over
// those, i.e. over the query mix. The noise is the spread of the same percentile computed
// round by round, relative to it.
export function latency(times) {
  const nq = times[0].length;
  const perQuery = Array.from({ length: nq }, (_, i) => Math.min(...times.map((r) => r[i])));
  const out = {};
  for (const [name, q] of [["p50", 0.5], ["p95", 0.95]]) {
    const rounds = times.map((r) => quantile(r, q));
    const value = quantile(perQuery, q);
    out[name] = { value, noise: value > 0 ? (Math.max(...rounds) - Math.min(...rounds)) / 2 / value : NaN, n: times.length };
  }
  return out;
}

// Least-squares slope of log(cost) over log(size): cost ∝ size^k.
export function growth(sizes, costs) {
  const pts = sizes.map((s, i) => [Math.log(s), Math.log(costs[i])]).filter(([, y]) => Number.isFinite(y));
  if (pts.length < 2) return NaN;
  const mx = pts.reduce((s, [x]) => s + x, 0) / pts.length;
  const my = pts.reduce((s, [, y]) => s + y, 0) / pts.length;
  let num = 0, den = 0;
  for (const [x, y] of pts) {
    num += (x - mx) * (y - my);
    den += (x - mx) * (x - mx);
  }
  return num / den;
}

export function fmtNumber(v) {
  if (!Number.isFinite(v)) return "–";
  const a = Math.abs(v);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4;
  return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function fmtMs(m) {
  if (!m || !Number.isFinite(m.value)) return "–";
  const noise = Number.isFinite(m.noise) ? ` ±${Math.round(m.noise * 100)}%` : "";
  return `${fmtNumber(m.value)} ms${noise}`;
}

export function fmtBytes(b) {
  if (!Number.isFinite(b)) return "–";
  return `${fmtNumber(b / 1e6)} MB`;
}

export function fmtRatio(r) {
  if (!Number.isFinite(r)) return "–";
  if (r < 0.1) return `1/${fmtNumber(1 / r)}×`;  // e.g. "1/680×": the peer is 680 times faster
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2)}×`;
}

export function fmtExp(k) {
  return Number.isFinite(k) ? k.toFixed(2) : "–";
}

export function table(header, rows, align) {
  const lines = [`| ${header.join(" | ")} |`, `|${header.map((_, i) => (align?.[i] === "l" ? "---" : "---:")).join("|")}|`];
  for (const r of rows) lines.push(`| ${r.join(" | ")} |`);
  return lines.join("\n");
}
