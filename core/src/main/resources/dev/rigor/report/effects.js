// The comparison sections: a chart per metric, then one table with every comparison — a row per
// (panel, candidate), a column per metric, each cell the ratio with its interval, coloured by verdict.

function effectTable(section) {
  const charts = section.charts;
  if (charts.length === 0) return null;
  const A = charts[0].axes;
  const keys = new Map();
  for (const c of charts) {
    for (const r of c.rows) {
      const key = [c.axes.facets[r.f], c.axes.xs[r.x], c.axes.colors[r.c]];
      const k = JSON.stringify(key);
      if (!keys.has(k)) keys.set(k, {key: key, cells: new Map()});
      keys.get(k).cells.set(c.metric, r);
    }
  }
  const head = el('tr');
  if (A.facet) head.appendChild(el('th', null, A.facet));
  head.appendChild(el('th', null, A.x || 'candidate'));
  if (A.color) head.appendChild(el('th', null, A.color));
  for (const c of charts) {
    head.appendChild(el('th', {title: goalText(c.goal)}, c.metric + (c.goal ? (c.goal === 'min' ? ' \u2193' : ' \u2191') : '')));
  }
  const body = el('tbody');
  for (const {key, cells} of keys.values()) {
    const tr = el('tr');
    if (A.facet) tr.appendChild(el('td', null, key[0]));
    tr.appendChild(el('td', null, key[1]));
    if (A.color) tr.appendChild(el('td', null, key[2]));
    for (const c of charts) {
      const r = cells.get(c.metric);
      tr.appendChild(r ? effectCell(r) : el('td', {class: 'num'}, MISSING));
    }
    body.appendChild(tr);
  }
  return el('div', {class: 'scroll-x'}, el('table', {class: 'effects'}, el('thead', null, head), body));
}

function effectCell(r) {
  const verdict = VERDICT_CLASSES.has(r.verdict) ? r.verdict : '';
  const title = r.verdictText + ' \u00b7 p adj ' + fmtP(r.p) + ' \u00b7 means ' + fmt(r.meanCandidate) + ' vs ' + fmt(r.meanControl)
    + ' \u00b7 n = ' + r.nCandidate + ' vs ' + r.nControl + (r.paired ? ', paired' : ', unpaired');
  const td = el('td', {class: 'num ' + verdict, title: title});
  td.appendChild(document.createTextNode(r.est === null ? MISSING : fmtRatio(r.est) + '\u00d7 [' + fmtRatio(r.lo) + ', ' + fmtRatio(r.hi) + '] '));
  td.appendChild(el('span', {class: 'verdict ' + verdict}, SHORT_VERDICT[r.verdict] || ''));
  return td;
}

const VERDICT_CLASSES = new Set(['better', 'worse', 'higher', 'lower', 'no_difference', 'insufficient']);
const SHORT_VERDICT = {better: 'better', worse: 'worse', higher: 'higher', lower: 'lower', no_difference: '', insufficient: 'n too small'};

function renderEffectSection(section, container, prefix) {
  if (!section) return;
  const grid = el('div', {class: 'charts'});
  container.appendChild(grid);
  for (const c of section.charts) {
    const sub = [goalText(c.goal), 'ratio of means with ' + Math.round(100 * PAGE.confidence) + '% CI'].filter(Boolean).join(' \u00b7 ');
    chartCard(grid, c.id, c.metric + ': ' + (prefix === 'ablation' ? 'ablation \u00f7 baseline' : 'candidate \u00f7 control'), sub,
      () => effectOption(c), null, c.axes.facets.length > 1);
  }
  const table = effectTable(section);
  if (table) {
    container.appendChild(el('h3', null, 'Every comparison (ratio [CI], verdict; hover a cell for p-value and n)'));
    container.appendChild(table);
  }
  if (section.notes.length) {
    const list = el('ul', {class: 'notes'});
    section.notes.forEach(n => list.appendChild(el('li', null, n)));
    container.appendChild(el('details', {class: 'notes', open: section.charts.length === 0 ? '' : null}, el('summary', null,
      'How the runs were paired, and what was left out (' + section.notes.length + ' notes)'), list));
  }
}
