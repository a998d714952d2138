// Numbers and DOM helpers. Numbers are formatted exactly as Numbers.java does, so the page, the
// Markdown and the images agree. Every text from the data goes into the DOM as a text node.

const MISSING = '\u2014';

function fmt(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return MISSING;
  if (!Number.isFinite(v)) return v > 0 ? '\u221e' : '-\u221e';
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1e9 || a < 1e-4) return v.toExponential(3).replace(/\.?0+e/, 'e').replace('e+', 'e');
  if (a >= 1000) return v.toFixed(0);
  return String(Number(v.toPrecision(4)));
}

/** Axis ticks: compact (250k, 1.5M), so that labels stay short. */
function fmtAxis(v) {
  const a = Math.abs(v);
  if (a >= 1e9) return fmt(v / 1e9) + 'G';
  if (a >= 1e6) return fmt(v / 1e6) + 'M';
  if (a >= 1e4) return fmt(v / 1e3) + 'k';
  return fmt(v);
}

/** A ratio: three significant digits. */
function fmtRatio(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return MISSING;
  return String(Number(v.toPrecision(3)));
}

function fmtInterval(est, lo, hi) {
  if (lo === null || hi === null || lo === undefined || hi === undefined) return fmt(est);
  return fmt(est) + ' [' + fmt(lo) + ', ' + fmt(hi) + ']';
}

function fmtP(p) {
  if (p === null || p === undefined) return MISSING;
  return p < 1e-4 ? '< 0.0001' : String(Number(p.toPrecision(2)));
}

function fmtChange(ratio) {
  if (ratio === null || ratio === undefined) return MISSING;
  const pct = 100 * (ratio - 1);
  return (pct > 0 ? '+' : '') + fmt(pct) + '%';
}

function fmtBytes(b) {
  if (Number.isNaN(b)) return MISSING;
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (Math.abs(b) >= 1024 && i < units.length - 1) { b /= 1024; i++; }
  return (i === 0 ? String(b) : b.toFixed(1)) + ' ' + units[i];
}

function fmtTime(unixSeconds) {
  if (Number.isNaN(unixSeconds)) return MISSING;
  return new Date(unixSeconds * 1000).toISOString().replace('T', ' ').slice(0, 19);
}

/** el('a', {href: url, class: 'x'}, 'text', child, …): attributes by setAttribute, strings as text nodes. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) {
    for (const k of Object.keys(attrs)) {
      if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, String(attrs[k]));
    }
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

/** A link to a file of a run directory; the run id is one percent-encoded path segment. */
function runLink(runId, file) {
  return PAGE.runsBase + encodeURIComponent(runId) + '/' + file;
}

function unitSuffix(unit) {
  return unit ? ' (' + unit + ')' : '';
}

function goalText(goal) {
  return goal === 'min' ? 'lower is better' : goal === 'max' ? 'higher is better' : '';
}
