// Charts with ECharts (canvas renderer: every label is drawn, never parsed as HTML). Tooltips are
// built as DOM nodes with el(), because ECharts puts a formatter's string into innerHTML.

const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1', '#edc948', '#ff9da7', '#9c755f', '#7f7f7f'];
const VERDICT_COLOR = {better: '#1f8a4c', worse: '#c0392b', higher: '#2f5fd0', lower: '#2f5fd0',
  no_difference: '#8a94a6', insufficient: '#c3c9d4'};
const SIGNIFICANT = new Set(['better', 'worse', 'higher', 'lower']);
const DASHES = ['solid', 'dashed', 'dotted', [8, 3, 2, 3]];
const CHARTS = new Map();
const PANEL_HEIGHT = 220;

function color(i) {
  return PALETTE[i % PALETTE.length];
}

/** Panels side by side, at most three to a row; returns grid boxes and the chart's height in px. */
function panels(count, legendRows) {
  const cols = Math.min(Math.max(count, 1), 3);
  const top0 = 34 + 22 * legendRows;
  const boxes = [];
  for (let i = 0; i < count; i++) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    boxes.push({left: 1 + c * (98 / cols), width: 98 / cols - 2, top: top0 + r * (PANEL_HEIGHT + 62), height: PANEL_HEIGHT});
  }
  const rows = Math.ceil(Math.max(count, 1) / cols);
  return {boxes: boxes, height: top0 + rows * (PANEL_HEIGHT + 62) - 14};
}

/** Grids, axes and facet titles of a faceted chart with categories on x. */
function categoryFrame(axes, legendRows, logScale) {
  const layout = panels(axes.facets.length, legendRows);
  const X = axes.xs.length;
  const ticks = axes.xs.map((x, i) => i);
  const rotate = X * Math.max(...axes.xs.map(x => x.length)) > 64 / Math.min(axes.facets.length, 3) * 2;
  const frame = {layout: layout, grid: [], xAxis: [], yAxis: [], title: []};
  layout.boxes.forEach((b, f) => {
    frame.grid.push({left: b.left + '%', width: b.width + '%', top: b.top, height: b.height, containLabel: true});
    frame.xAxis.push({type: 'value', gridIndex: f, min: -0.5, max: X - 0.5, splitLine: {show: false},
      axisLine: {onZero: false}, axisTick: {customValues: ticks}, name: axes.x, nameLocation: 'middle', nameGap: rotate ? 48 : 28,
      axisLabel: {customValues: ticks, rotate: rotate ? 25 : 0, fontSize: 11, hideOverlap: false,
        formatter: v => (Number.isInteger(v) && v >= 0 && v < X) ? axes.xs[v] : ''}});
    const y = {type: 'value', gridIndex: f, scale: true, axisLine: {show: true, onZero: false},
      axisLabel: {formatter: v => fmtAxis(v), fontSize: 11}, splitLine: {lineStyle: {color: '#eef1f5'}}};
    if (logScale !== null) Object.assign(y, ratioRange(logScale));
    frame.yAxis.push(y);
    if (axes.facet) {
      frame.title.push({text: axes.facet + ' = ' + axes.facets[f], left: (b.left + b.width / 2) + '%', top: b.top - 24,
        textAlign: 'center', textStyle: {fontSize: 12, fontWeight: 600, color: '#1d2433'}});
    }
  });
  return frame;
}

/** Horizontal offset of colour k of C within a category, so that groups sit side by side. */
function dodge(k, C) {
  const w = C > 1 ? Math.min(0.72 / C, 0.22) : 0;
  return (k - (C - 1) / 2) * w;
}

function errorBar(params, api) {
  const lo = api.value(1);
  const hi = api.value(2);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  const a = api.coord([api.value(0), lo]);
  const b = api.coord([api.value(0), hi]);
  const style = {stroke: api.visual('color'), lineWidth: 1.6, fill: null};
  const cap = 5;
  return {type: 'group', children: [
    {type: 'line', shape: {x1: a[0], y1: a[1], x2: b[0], y2: b[1]}, style: style},
    {type: 'line', shape: {x1: a[0] - cap, y1: a[1], x2: a[0] + cap, y2: a[1]}, style: style},
    {type: 'line', shape: {x1: b[0] - cap, y1: b[1], x2: b[0] + cap, y2: b[1]}, style: style}]};
}

/** A deterministic jitter in [-1, 1) for a run, so points do not hide each other and do not move between loads. */
function jitter(row) {
  const x = Math.sin(row * 12.9898 + 78.233) * 43758.5453;
  return 2 * (x - Math.floor(x)) - 1;
}

function legendFor(axes) {
  if (!axes.color || axes.colors.length < 2) return {show: false};
  return {show: true, type: 'scroll', top: 4, left: 'center', data: axes.colors, textStyle: {fontSize: 12}};
}

function tooltipBox(lines) {
  const box = el('div', {class: 'tip'});
  lines.forEach((l, i) => {
    if (i > 0) box.appendChild(el('br'));
    box.appendChild(i === 0 ? el('b', null, l) : document.createTextNode(l));
  });
  return box;
}

function metricOption(c) {
  const A = c.axes;
  const C = A.colors.length;
  const frame = categoryFrame(A, C > 1 ? 1 : 0, null);
  const series = [];
  for (let k = 0; k < C; k++) {
    for (let f = 0; f < A.facets.length; f++) {
      const bars = c.bars.filter(b => b.c === k && b.f === f);
      const name = A.colors[k];
      const common = {name: name, xAxisIndex: f, yAxisIndex: f, itemStyle: {color: color(k)}};
      const dx = dodge(k, C);
      const spread = C > 1 ? Math.min(0.72 / C, 0.22) * 0.3 : 0.12;
      const many = bars.some(b => b.pts.length > 40);
      series.push({type: 'scatter', name: name, xAxisIndex: f, yAxisIndex: f, symbolSize: many ? 3 : 5, z: 2,
        itemStyle: {color: color(k), opacity: many ? 0.2 : 0.45},
        data: [].concat(...bars.map(b => b.pts.map(p => [b.x + dx + spread * jitter(p[0]), p[1], p[0]])))});
      series.push(Object.assign({type: 'custom', renderItem: errorBar, z: 3, encode: {x: 0, y: [1, 2]}, silent: true,
        tooltip: {show: false}, data: bars.map(b => [b.x + dx, b.lo, b.hi])}, common));
      series.push(Object.assign({}, common, {type: 'scatter', symbol: 'rect', symbolSize: [18, 4], z: 4,
        itemStyle: {color: color(k), borderColor: '#1d2433', borderWidth: 1},
        data: bars.map(b => ({value: [b.x + dx, b.mean], bar: b}))}));
    }
  }
  return {animation: false, title: frame.title, legend: legendFor(A), grid: frame.grid, xAxis: frame.xAxis, yAxis: frame.yAxis,
    series: series, tooltip: {trigger: 'item', confine: true, formatter: p => metricTip(c, p)}, height: frame.layout.height};
}

/** Whether a chart event is about one run's dot (its data is [x, value, row]). */
function isRunPoint(p) {
  return p.seriesType === 'scatter' && Array.isArray(p.value) && p.value.length === 3;
}

function metricTip(c, p) {
  const unit = c.unit ? ' ' + c.unit : '';
  if (p.data && p.data.bar) {
    const b = p.data.bar;
    return tooltipBox([b.g, 'mean ' + fmt(b.mean) + unit, PAGE.confidence * 100 + '% CI ' + (b.lo === null ? MISSING
      : '[' + fmt(b.lo) + ', ' + fmt(b.hi) + ']'), 'n = ' + b.n + ' runs']);
  }
  if (isRunPoint(p)) {
    const row = p.value[2];
    const id = RUNS !== null && row >= 0 ? RUNS.ids[row] : 'run #' + row;
    return tooltipBox([id, c.metric + ' = ' + fmt(p.value[1]) + unit, 'click to show it in the runs table']);
  }
  return tooltipBox([c.metric]);
}

/**
 * A ratio axis always shows 1 (no change); when the ratios are positive and span more than 4x it is
 * logarithmic in base 2, so that halving and doubling look alike.
 */
function ratioRange(log) {
  if (log) {
    return {type: 'log', logBase: 2, min: v => Math.pow(2, Math.floor(Math.log2(Math.min(v.min, 1)) - 0.3)),
      max: v => Math.pow(2, Math.ceil(Math.log2(Math.max(v.max, 1)) + 0.3))};
  }
  const pad = v => Math.max(0.02, 0.1 * (Math.max(v.max, 1) - Math.min(v.min, 1)));
  return {min: v => Math.min(v.min, 1) - pad(v), max: v => Math.max(v.max, 1) + pad(v)};
}

/** Whether ratios span so much that a log scale reads better (and they are all positive, so it can). */
function wideRatios(rows) {
  const v = [];
  rows.forEach(r => [r.lo, r.hi, r.est].forEach(x => { if (x !== null) v.push(x); }));
  if (v.length === 0 || v.some(x => x <= 0)) return false;
  return Math.max(...v, 1) / Math.min(...v, 1) > 4;
}

/** Effects (ratios candidate ÷ control) with their intervals; filled = significant after correction. */
function effectOption(c) {
  const A = c.axes;
  const C = A.colors.length;
  const byVerdict = C < 2;
  const frame = categoryFrame(A, C > 1 ? 1 : 0, wideRatios(c.rows));
  const series = [];
  for (let k = 0; k < C; k++) {
    for (let f = 0; f < A.facets.length; f++) {
      const rows = c.rows.filter(r => r.c === k && r.f === f && r.est !== null);
      const dx = dodge(k, C);
      const base = {name: A.colors[k], xAxisIndex: f, yAxisIndex: f};
      series.push(Object.assign({type: 'custom', renderItem: errorBar, z: 3, encode: {x: 0, y: [1, 2]}, silent: true,
        tooltip: {show: false}, itemStyle: {color: byVerdict ? '#5b6475' : color(k)}, data: rows.map(r => [r.x + dx, r.lo, r.hi])}, base));
      series.push(Object.assign({type: 'scatter', symbol: 'circle', symbolSize: 10, z: 4,
        markLine: k === 0 ? {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#6b7280'},
          label: {show: false}, data: [{yAxis: 1}]} : undefined,
        data: rows.map(r => {
          const col = byVerdict ? VERDICT_COLOR[r.verdict] : color(k);
          return {value: [r.x + dx, r.est], row: r,
            itemStyle: {color: SIGNIFICANT.has(r.verdict) ? col : '#ffffff', borderColor: col, borderWidth: 2}};
        })}, base));
    }
  }
  return {animation: false, title: frame.title, legend: legendFor(A), grid: frame.grid, xAxis: frame.xAxis, yAxis: frame.yAxis,
    series: series, tooltip: {trigger: 'item', confine: true, formatter: p => effectTip(c, p)}, height: frame.layout.height};
}

function effectTip(c, p) {
  if (!p.data || !p.data.row) return tooltipBox([c.metric]);
  const r = p.data.row;
  const A = c.axes;
  const where = [A.facet ? A.facet + '=' + A.facets[r.f] : null, A.xs[r.x], A.color ? A.colors[r.c] : null].filter(Boolean).join(' · ');
  return tooltipBox([where, c.metric + ': ' + fmtRatio(r.est) + '\u00d7 [' + fmtRatio(r.lo) + ', ' + fmtRatio(r.hi) + '] (' + fmtChange(r.est) + ')',
    'verdict: ' + r.verdictText + ' (p adj ' + fmtP(r.p) + ')',
    'means ' + fmt(r.meanCandidate) + ' vs ' + fmt(r.meanControl) + ' (n = ' + r.nCandidate + ' vs ' + r.nControl + ', '
      + (r.paired ? 'paired' : 'unpaired') + ')']);
}

function curveLabel(axes, line) {
  return [axes.xs[line.x], axes.color ? axes.colors[line.c] : null].filter(s => s !== null && s !== '' && s !== 'all')
    .join(' \u00b7 ') || 'all runs';
}

/** A confidence band: one quadrilateral between each two consecutive steps where both bounds exist. */
function band(xs, lo, hi, col) {
  const ok = j => j >= 0 && j < xs.length && lo[j] !== null && hi[j] !== null;
  return {type: 'custom', silent: true, z: 1, clip: true, tooltip: {show: false}, encode: {x: 0, y: [1, 2]}, itemStyle: {color: col},
    data: xs.map((x, j) => [x, lo[j], hi[j]]),
    renderItem: (params, api) => {
      const j = params.dataIndex;
      if (!ok(j) || !ok(j + 1)) return null;
      const pts = [api.coord([xs[j], lo[j]]), api.coord([xs[j + 1], lo[j + 1]]), api.coord([xs[j + 1], hi[j + 1]]),
        api.coord([xs[j], hi[j]])];
      return {type: 'polygon', shape: {points: pts}, style: {fill: col, opacity: 0.15, stroke: null}};
    }};
}

function curveOption(c) {
  const A = c.axes;
  const layout = panels(A.facets.length, 2);
  const grid = [];
  const xAxis = [];
  const yAxis = [];
  const title = [];
  layout.boxes.forEach((b, f) => {
    grid.push({left: b.left + '%', width: b.width + '%', top: b.top, height: b.height, containLabel: true});
    xAxis.push({type: 'value', gridIndex: f, min: 'dataMin', max: 'dataMax', name: 'step', nameLocation: 'middle', nameGap: 26,
      axisLine: {onZero: false}, axisLabel: {formatter: v => fmtAxis(v), fontSize: 11}, splitLine: {show: false}});
    yAxis.push({type: 'value', gridIndex: f, scale: true, axisLine: {show: true, onZero: false},
      axisLabel: {formatter: v => fmtAxis(v), fontSize: 11}, splitLine: {lineStyle: {color: '#eef1f5'}}});
    if (A.facet) {
      title.push({text: A.facet + ' = ' + A.facets[f], left: (b.left + b.width / 2) + '%', top: b.top - 24, textAlign: 'center',
        textStyle: {fontSize: 12, fontWeight: 600}});
    }
  });
  const series = [];
  const names = [];
  const selected = {};
  c.lines.forEach((l, i) => {
    const name = curveLabel(A, l);
    if (!names.includes(name)) {
      names.push(name);
      selected[name] = A.color !== 'ablation' || l.c === 0;
    }
    const col = color(l.x);
    const base = {name: name, xAxisIndex: l.f, yAxisIndex: l.f, symbol: 'none', type: 'line'};
    const zip = ys => l.steps.map((s, j) => [s, ys[j]]);
    series.push(Object.assign({lineStyle: {color: col, width: 2, type: DASHES[l.c % DASHES.length]}, itemStyle: {color: col},
      data: zip(l.mean)}, base));
    series.push(Object.assign(band(l.steps, l.lo, l.hi, col), {name: name, xAxisIndex: l.f, yAxisIndex: l.f}));
  });
  const order = c.lines.map(l => [l.c, l.x, curveLabel(A, l)]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(t => t[2]);
  const legendData = order.filter((n, i) => order.indexOf(n) === i);
  return {animation: false, title: title, grid: grid, xAxis: xAxis, yAxis: yAxis, series: series,
    legend: {type: 'scroll', top: 4, left: 'center', data: legendData, selected: selected, textStyle: {fontSize: 11}},
    tooltip: {trigger: 'axis', confine: true, formatter: ps => curveTip(c, ps)}, height: layout.height};
}

function curveTip(c, ps) {
  const lines = [];
  for (const p of ps) {
    if (p.seriesIndex % 2 !== 0) continue;
    const l = c.lines[p.seriesIndex / 2];
    const j = p.dataIndex;
    if (lines.length === 0) lines.push(c.metric + ' at step ' + fmt(l.steps[j]));
    lines.push(p.seriesName + ': ' + fmtInterval(l.mean[j], l.lo[j], l.hi[j]) + ' (n = ' + l.n[j] + ')');
  }
  return tooltipBox(lines.length ? lines : [c.metric]);
}

/** Variance-vs-n: the CV of the mean of n runs (%, log scale) per group, panels by facet, the threshold dashed. */
function varianceOption(v) {
  const A = v.axes;
  const layout = panels(A.facets.length, 2);
  const grid = [];
  const xAxis = [];
  const yAxis = [];
  const title = [];
  // The axis follows the curves, not their bands: a band's lower edge at n = 2 can be near zero.
  const central = [].concat(...v.groups.map(g => g.cv)).filter(x => x !== null && x > 0).map(x => 100 * x);
  const floor = central.length ? Math.pow(10, Math.floor(Math.log10(Math.min(...central, 100 * v.threshold))) - 1) : 0.01;
  layout.boxes.forEach((b, f) => {
    grid.push({left: b.left + '%', width: b.width + '%', top: b.top, height: b.height, containLabel: true});
    xAxis.push({type: 'value', gridIndex: f, min: 2, max: 'dataMax', name: 'runs n', nameLocation: 'middle', nameGap: 26,
      axisLine: {onZero: false}, splitLine: {show: false}});
    yAxis.push({type: 'log', gridIndex: f, min: floor, axisLine: {show: true, onZero: false},
      axisLabel: {formatter: x => fmt(x) + '%', fontSize: 11},
      splitLine: {lineStyle: {color: '#eef1f5'}}});
    if (A.facet) {
      title.push({text: A.facet + ' = ' + A.facets[f], left: (b.left + b.width / 2) + '%', top: b.top - 24, textAlign: 'center',
        textStyle: {fontSize: 12, fontWeight: 600}});
    }
  });
  const series = [];
  const selected = {};
  const pct = a => a.map(x => x === null || x <= 0 ? null : 100 * x);
  v.groups.forEach((g, i) => {
    const name = curveLabel(A, g);
    selected[name] = A.color !== 'ablation' || g.c === 0;
    const col = color(g.x);
    series.push({name: name, type: 'line', symbol: 'none', xAxisIndex: g.f, yAxisIndex: g.f,
      lineStyle: {color: col, width: 2, type: DASHES[g.c % DASHES.length]}, itemStyle: {color: col},
      data: g.ns.map((n, j) => [n, pct(g.cv)[j]]),
      markLine: {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#333'}, label: {show: false},
        data: [{yAxis: 100 * v.threshold}]}});
    const lo = pct(g.cvLo).map(x => x === null ? null : Math.max(x, floor));
    series.push(Object.assign(band(g.ns, lo, pct(g.cvHi), col), {name: name, xAxisIndex: g.f, yAxisIndex: g.f}));
  });
  const order = v.groups.map(g => [g.c, g.x, curveLabel(A, g)]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(t => t[2]);
  return {animation: false, title: title, grid: grid, xAxis: xAxis, yAxis: yAxis, series: series,
    legend: {type: 'scroll', top: 4, left: 'center', data: order.filter((n, i) => order.indexOf(n) === i), selected: selected,
      textStyle: {fontSize: 11}},
    tooltip: {trigger: 'axis', confine: true, formatter: ps => tooltipBox(ps.filter(p => p.seriesIndex % 2 === 0)
      .map(p => p.seriesName + ': n = ' + p.value[0] + ', CV of the mean ' + fmt(p.value[1]) + '%'))}, height: layout.height};
}

/** A card with a title, a subtitle and a chart drawn when it scrolls near the viewport. */
function chartCard(parent, id, heading, sub, option, onClick, wide) {
  const box = el('div', {class: 'chart', id: id});
  const card = el('div', {class: wide ? 'chart-card wide' : 'chart-card'}, el('h3', null, heading), sub ? el('div', {class: 'sub'}, sub) : null, box);
  parent.appendChild(card);
  const opt = option();
  box.style.height = opt.height + 'px';
  delete opt.height;
  const draw = () => {
    if (CHARTS.has(id)) return;
    const chart = echarts.init(box, null, {renderer: 'canvas'});
    chart.setOption(opt);
    if (onClick) chart.on('click', onClick);
    CHARTS.set(id, chart);
  };
  lazily(box, draw);
  return card;
}

const LAZY = new Map();
const OBSERVER = 'IntersectionObserver' in window ? new IntersectionObserver(entries => {
  for (const e of entries) {
    if (e.isIntersecting && LAZY.has(e.target)) {
      const draw = LAZY.get(e.target);
      LAZY.delete(e.target);
      OBSERVER.unobserve(e.target);
      draw();
    }
  }
}, {rootMargin: '400px 0px'}) : null;

function lazily(node, draw) {
  if (OBSERVER === null) {
    draw();
    return;
  }
  LAZY.set(node, draw);
  OBSERVER.observe(node);
}

/** Draws every chart not drawn yet (for printing, and for tests that look at all of them). */
function drawAll() {
  for (const [node, draw] of Array.from(LAZY.entries())) {
    LAZY.delete(node);
    if (OBSERVER) OBSERVER.unobserve(node);
    draw();
  }
}

window.addEventListener('resize', () => CHARTS.forEach(c => c.resize()));
window.addEventListener('beforeprint', drawAll);
