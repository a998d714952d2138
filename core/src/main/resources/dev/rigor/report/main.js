// Draws the sections the page has, then the runs table once the charts are on screen.

function section(id) {
  return document.getElementById(id + '-body');
}

function renderMetrics() {
  const body = section('metrics');
  if (!body) return;
  const grid = el('div', {class: 'charts'});
  body.appendChild(grid);
  for (const c of PAGE.metrics) {
    const sub = [goalText(c.goal), c.interval, c.axes.facet ? 'panels: ' + c.axes.facet : null,
      c.axes.color && c.axes.colors.length > 1 ? 'colours: ' + c.axes.color : null].filter(Boolean).join(' \u00b7 ');
    chartCard(grid, c.id, c.metric + unitSuffix(c.unit), sub, () => metricOption(c), p => {
      if (isRunPoint(p)) Table.showRun(p.value[2]);
    }, c.axes.facets.length > 1);
  }
}

function renderCurves() {
  const body = section('curves');
  if (!body) return;
  const grid = el('div', {class: 'charts'});
  body.appendChild(grid);
  for (const c of PAGE.curves) {
    const sub = 'mean across runs with its ' + Math.round(100 * PAGE.confidence) + '% band'
      + (c.axes.color === 'ablation' ? ' \u00b7 line style: ablation (only the baseline is shown at first; click the legend)' : '');
    chartCard(grid, c.id, c.metric + unitSuffix(c.unit), sub, () => curveOption(c), null, c.axes.facets.length > 1);
  }
}

function renderVariance() {
  const body = section('variance');
  if (!body) return;
  for (const v of PAGE.variance) {
    const grid = el('div', {class: 'charts'});
    body.appendChild(grid);
    const sub = 'CV of the mean of n runs, with its 10\u201390% band; dashed: ' + fmt(100 * v.threshold) + '%'
      + (v.axes.color === 'ablation' ? ' \u00b7 only the baseline is shown at first; click the legend' : '');
    chartCard(grid, v.id, v.metric, sub, () => varianceOption(v), null, true);
    body.appendChild(varianceTable(v));
  }
}

/** Per group: the runs there are, and how many give a CV of the mean at or under the threshold. */
function varianceTable(v) {
  const A = v.axes;
  const head = el('tr');
  [A.facet, A.x || 'group', A.color].filter(Boolean).forEach(t => head.appendChild(el('th', null, t)));
  head.appendChild(el('th', null, 'runs'));
  head.appendChild(el('th', {title: 'the smallest n from which the bootstrap CV of the mean stays under the threshold'},
    'runs for CV \u2264 ' + fmt(100 * v.threshold) + '%'));
  head.appendChild(el('th', {title: 'the same on the 90th percentile of the band: enough even for an unlucky set of runs'},
    'even when unlucky'));
  const body = el('tbody');
  const needed = (n, g) => n === null ? 'more than ' + g.maxN : String(n);
  for (const g of v.groups) {
    const tr = el('tr');
    if (A.facet) tr.appendChild(el('td', null, A.facets[g.f]));
    tr.appendChild(el('td', null, A.xs[g.x]));
    if (A.color) tr.appendChild(el('td', null, A.colors[g.c]));
    tr.appendChild(el('td', {class: 'num'}, String(g.n)));
    tr.appendChild(el('td', {class: 'num ' + (g.minN !== null && g.minN <= g.n ? 'better' : 'worse')}, needed(g.minN, g)));
    tr.appendChild(el('td', {class: 'num'}, needed(g.minNUpper, g)));
    body.appendChild(tr);
  }
  return el('details', {class: 'notes'}, el('summary', null, 'Runs needed per variation'),
    el('div', {class: 'scroll-x'}, el('table', {class: 'effects'}, el('thead', null, head), body)));
}

function guarded(name, f) {
  try {
    f();
  } catch (e) {
    console.error('rigor report: cannot draw ' + name, e);
    const body = section(name);
    if (body) body.appendChild(el('p', {class: 'empty'}, 'This section could not be drawn: ' + e.message));
  }
}

function boot() {
  guarded('metrics', renderMetrics);
  guarded('control', () => renderEffectSection(PAGE.control, section('control'), 'control'));
  guarded('ablations', () => renderEffectSection(PAGE.ablations, section('ablations'), 'ablation'));
  guarded('curves', renderCurves);
  guarded('variance', renderVariance);
  // The table's data is the bulk of the page: decode it after the first paint.
  requestAnimationFrame(() => setTimeout(() => guarded('runs', () => {
    Table.init(section('runs'));
    document.documentElement.setAttribute('data-ready', 'true');
    performance.mark('rigor-ready');
  }), 0));
}

window.rigorReport = {charts: CHARTS, drawAll: drawAll, table: Table.api, page: PAGE};
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', boot);
} else {
  boot();
}
