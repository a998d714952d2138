/* rigor serve: one experiment, live. The server pushes the whole state (bounded) on every change;
   the page redraws what changed. Charts are ECharts on canvas; tooltips are DOM nodes built with
   textContent (ECharts would put a formatter's string into innerHTML). */
(function () {
  'use strict';
  var R = window.rigorServe, el = R.el;
  var PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1', '#edc948', '#ff9da7', '#9c755f', '#7f7f7f'];
  var name = decodeURIComponent(location.pathname.replace(/^\/experiments\//, ''));
  var api = '/api/experiments/' + encodeURIComponent(name);
  var charts = {};
  var drawn = {};
  var state = null;
  var runsPage = {offset: 0, limit: 50, status: ''};

  function $(id) { return document.getElementById(id); }

  function tooltip(lines) {
    var box = el('div');
    lines.forEach(function (l, i) { box.appendChild(el('div', {text: l, style: i === 0 ? 'font-weight:600' : null})); });
    return box;
  }

  function header(s) {
    document.title = s.title + ' — rigor';
    $('nav-name').textContent = s.title;
    $('title').textContent = s.title;
    $('description').hidden = !s.description;
    $('description').textContent = s.description || '';
    var total = s.planned != null ? s.planned : s.runs;
    R.progress($('progress'), s.ok, s.failed, s.running, total);
    $('progress-text').textContent = s.done + ' of ' + (total == null ? '?' : total) + ' trials done'
      + (total ? ' (' + Math.floor(100 * s.done / total) + '%)' : '');
    $('eta').textContent = s.active ? (s.eta_s != null ? 'ETA ' + R.duration(s.eta_s) : 'ETA: measuring…')
      : (total && s.done >= total ? 'finished' : 'no coordinator running');
    var tiles = R.clear($('tiles'));
    [['ok', s.ok, 'ok'], ['failed', s.failed, 'bad'], ['running', s.running, 'run'],
      ['planned', s.planned == null ? '—' : s.planned, ''], ['last activity', R.ago(s.last_activity_unix_s), '']]
      .forEach(function (t) {
        tiles.appendChild(el('div', {cls: 'tile ' + t[2]}, [el('div', {cls: 'v', text: typeof t[1] === 'number' ? R.num(t[1]) : t[1]}),
          el('div', {cls: 'k', text: t[0]})]));
      });
    var b = s.spend;
    $('budget').hidden = !b;
    if (b) {
      var frac = b.limit ? b.spent / b.limit : 0;
      $('budget').className = 'gauge' + (frac > 1 ? ' over' : '');
      $('budget-text').textContent = 'budget: ' + R.spendText(b);
      $('budget-left').textContent = b.limit != null ? Math.round(100 * frac) + '% spent' : '';
      R.clear($('budget-bar')).appendChild(el('span', {style: 'left:0;width:' + Math.min(100, 100 * frac) + '%'}));
    }
    var report = $('report-link');
    report.hidden = !s.report;
    report.setAttribute('href', '/files/' + encodeURIComponent(s.name) + '/report/index.html');
  }

  function running(s) {
    var body = R.clear(document.querySelector('#running-table tbody'));
    s.running_runs.forEach(function (r) {
      body.appendChild(el('tr', {'data-run': r.run_id}, [
        el('td', null, [el('span', {cls: 'mono', text: r.run_id})]), el('td', {cls: 'params', text: R.params(r.params)}),
        el('td', {cls: 'num', text: r.attempt}), el('td', {cls: 'num', text: r.turn == null ? '—' : r.turn}),
        el('td', {cls: 'num elapsed', 'data-start': r.start_time_unix_s, text: '—'})]));
    });
    $('running-count').textContent = s.running ? String(s.running) : '';
    $('running-empty').hidden = s.running_runs.length > 0;
    document.querySelector('#running-table').hidden = s.running_runs.length === 0;
    tick();
  }

  /** Elapsed times count up between pushes (the page's clock: the server's state may be older than now). */
  function tick() {
    var now = Date.now() / 1000;
    document.querySelectorAll('td.elapsed').forEach(function (td) {
      var start = parseFloat(td.getAttribute('data-start'));
      td.textContent = isFinite(start) ? R.duration(now - start) : '—';
    });
  }
  setInterval(tick, 1000);

  function failures(s) {
    var list = R.clear($('failure-list'));
    s.failures.forEach(function (f) {
      var meta = [f.status, f.exit_code != null ? 'exit ' + f.exit_code : null, 'attempt ' + f.attempt,
        f.wall_time_s != null ? R.duration(f.wall_time_s) : null].filter(Boolean).join(' · ');
      var card = el('div', {cls: 'failure', 'data-run': f.run_id}, [
        el('div', {cls: 'head'}, [R.status(f.status), el('span', {cls: 'id mono', text: f.run_id}), el('span', {cls: 'meta', text: meta})]),
        el('div', {cls: 'meta', text: R.params(f.params)})]);
      if (f.error) { card.appendChild(el('div', {cls: 'meta', text: f.error})); }
      card.appendChild(el('pre', {cls: 'stderr', text: f.stderr_tail.length ? f.stderr_tail.join('\n') : '(stderr is empty)'}));
      card.appendChild(el('a', {href: fileUrl(s.name, f.run_id, 'stderr.txt'), target: '_blank', rel: 'noopener', text: 'whole stderr'}));
      list.appendChild(card);
    });
    $('failures-count').textContent = s.failures_total ? String(s.failures_total) + (s.failures_total > s.failures.length
      ? ' (latest ' + s.failures.length + ' shown)' : '') : '';
    $('failures-empty').hidden = s.failures.length > 0;
  }

  function fileUrl(exp, run, file) {
    return '/files/' + encodeURIComponent(exp) + '/runs/' + encodeURIComponent(run) + '/' + file;
  }

  function chart(container, key, title, sub) {
    var card = document.querySelector('[data-chart="' + CSS.escape(key) + '"]');
    if (!card) {
      card = el('div', {cls: 'chart-card', 'data-chart': key}, [el('h3', {text: title}), el('div', {cls: 'sub', text: sub}),
        el('div', {cls: 'chart'})]);
      container.appendChild(card);
      charts[key] = echarts.init(card.querySelector('.chart'), null, {renderer: 'canvas'});
    }
    return charts[key];
  }

  function dropCharts(container, keep) {
    Array.prototype.slice.call(container.children).forEach(function (card) {
      var key = card.getAttribute('data-chart');
      if (keep.indexOf(key) < 0) { charts[key].dispose(); delete charts[key]; delete drawn[key]; card.remove(); }
    });
  }

  function means(s) {
    var sum = s.summary, rows = sum.rows || [];
    var groups = [];
    rows.forEach(function (r) { if (groups.indexOf(r.group) < 0) { groups.push(r.group); } });
    var metrics = sum.metrics || [];
    $('means-empty').hidden = rows.some(function (r) { return r.n > 0; });
    var keys = [];
    metrics.forEach(function (m) {
      var mine = rows.filter(function (r) { return r.metric === m; });
      if (!mine.some(function (r) { return r.n > 0; })) { return; }
      var key = 'mean:' + m;
      keys.push(key);
      var goal = (sum.goals || {})[m];
      var c = chart($('means-charts'), key, m, (goal ? 'goal: ' + goal + ' · ' : '') + 'mean and 95% interval per variation');
      var data = JSON.stringify(mine);
      if (drawn[key] === data) { return; }
      drawn[key] = data;
      var cats = mine.map(function (r) { return r.group || 'all'; });
      c.setOption({
        animation: false, grid: {left: 12, right: 24, top: 10, bottom: 28, containLabel: true},
        tooltip: {trigger: 'item', formatter: function (p) {
          var r = mine[p.dataIndex];
          return tooltip([r.group || 'all', m + ': ' + R.num(r.mean), '95% CI [' + R.num(r.low) + ', ' + R.num(r.high) + ']',
            'n = ' + r.n + ' ok of ' + r.finished + ' finished']);
        }},
        yAxis: {type: 'category', data: cats, inverse: true, axisLabel: {fontSize: 11, width: 220, overflow: 'truncate'}},
        xAxis: {type: 'value', scale: true, splitLine: {lineStyle: {color: '#eef1f5'}}},
        series: [
          {type: 'custom', renderItem: function (params, api) {
            var lo = api.value(1), hi = api.value(2);
            if (!isFinite(lo) || !isFinite(hi)) { return null; }
            var a = api.coord([lo, api.value(0)]), b = api.coord([hi, api.value(0)]);
            var style = {stroke: '#4e79a7', lineWidth: 1.8, fill: null};
            return {type: 'group', children: [
              {type: 'line', shape: {x1: a[0], y1: a[1], x2: b[0], y2: b[1]}, style: style},
              {type: 'line', shape: {x1: a[0], y1: a[1] - 5, x2: a[0], y2: a[1] + 5}, style: style},
              {type: 'line', shape: {x1: b[0], y1: b[1] - 5, x2: b[0], y2: b[1] + 5}, style: style}]};
          }, encode: {x: [1, 2], y: 0}, data: mine.map(function (r, i) { return [i, r.low == null ? NaN : r.low, r.high == null ? NaN : r.high]; }), z: 2},
          {type: 'scatter', symbolSize: 9, itemStyle: {color: '#2f5fd0'}, z: 3,
            data: mine.map(function (r, i) { return [r.mean == null ? NaN : r.mean, i]; })}]
      }, true);
      c.getDom().style.height = Math.max(160, 40 + 28 * cats.length) + 'px';
      c.resize();
    });
    dropCharts($('means-charts'), keys);
    table(metrics, groups, rows);
  }

  function table(metrics, groups, rows) {
    var head = R.clear(document.querySelector('#means-table thead')), body = R.clear(document.querySelector('#means-table tbody'));
    if (!rows.length) { return; }
    var tr = el('tr', null, [el('th', {text: 'variation'})]);
    metrics.forEach(function (m) { tr.appendChild(el('th', {cls: 'num', text: m})); });
    tr.appendChild(el('th', {cls: 'num', text: 'ok / finished'}));
    head.appendChild(tr);
    groups.forEach(function (g) {
      var row = el('tr', null, [el('td', {text: g || 'all'})]);
      var any;
      metrics.forEach(function (m) {
        var r = rows.filter(function (x) { return x.group === g && x.metric === m; })[0];
        any = any || r;
        row.appendChild(el('td', {cls: 'num', text: !r || r.mean == null ? '—' : R.num(r.mean) + (r.low != null
          ? '  [' + R.num(r.low) + ', ' + R.num(r.high) + ']' : '') + '  n=' + r.n}));
      });
      row.appendChild(el('td', {cls: 'num', text: any ? any.ok + ' / ' + any.finished : '—'}));
      body.appendChild(row);
    });
  }

  function curves(s) {
    var keys = [];
    (s.curves || []).forEach(function (cv) {
      var key = 'curve:' + cv.series;
      keys.push(key);
      var c = chart($('curve-charts'), key, cv.series, 'by step');
      var data = JSON.stringify(cv);
      if (drawn[key] === data) { return; }
      drawn[key] = data;
      var means = cv.lines.filter(function (l) { return l.kind === 'mean'; });
      c.setOption({
        animation: false, grid: {left: 12, right: 24, top: 36, bottom: 30, containLabel: true},
        legend: {type: 'scroll', top: 2, data: cv.lines.map(function (l) { return l.label; }), textStyle: {fontSize: 11}},
        tooltip: {trigger: 'item', formatter: function (p) {
          return tooltip([p.seriesName, 'step ' + R.num(p.value[0]), cv.series + ': ' + R.num(p.value[1])]);
        }},
        xAxis: {type: 'value', name: 'step', nameLocation: 'middle', nameGap: 24, scale: true, splitLine: {lineStyle: {color: '#eef1f5'}}},
        yAxis: {type: 'value', scale: true, splitLine: {lineStyle: {color: '#eef1f5'}}},
        series: cv.lines.map(function (l, i) {
          var k = l.kind === 'mean' ? means.indexOf(l) : i;
          return {name: l.label, type: 'line', showSymbol: false, data: l.points, z: l.kind === 'mean' ? 3 : 2,
            lineStyle: {width: l.kind === 'mean' ? 2.2 : 1.2, type: l.kind === 'mean' ? 'solid' : 'dashed', opacity: l.kind === 'mean' ? 1 : 0.8},
            itemStyle: {color: PALETTE[k % PALETTE.length]}};
        })
      }, true);
    });
    dropCharts($('curve-charts'), keys);
    $('curves-empty').hidden = keys.length > 0;
  }

  function loadRuns() {
    var q = '?offset=' + runsPage.offset + '&limit=' + runsPage.limit + (runsPage.status ? '&status=' + encodeURIComponent(runsPage.status) : '');
    fetch(api + '/runs' + q, {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (page) {
      var body = R.clear(document.querySelector('#runs-table tbody'));
      page.runs.forEach(function (r) {
        var metrics = Object.keys(r.metrics || {}).slice(0, 6).map(function (k) {
          var v = r.metrics[k];
          return k + '=' + (typeof v === 'number' ? R.num(v) : String(v));
        }).join('  ');
        body.appendChild(el('tr', {'data-run': r.run_id}, [el('td', null, [el('span', {cls: 'mono', text: r.run_id})]),
          el('td', null, [R.status(r.status)]), el('td', {cls: 'params', text: R.params(r.params)}), el('td', {cls: 'num', text: r.attempt}),
          el('td', {cls: 'num', text: r.wall_time_s == null ? '—' : R.duration(r.wall_time_s)}), el('td', {cls: 'params', text: metrics}),
          el('td', null, [el('a', {href: fileUrl(name, r.run_id, 'stdout.txt'), target: '_blank', rel: 'noopener', text: 'stdout'}), ' ',
            el('a', {href: fileUrl(name, r.run_id, 'stderr.txt'), target: '_blank', rel: 'noopener', text: 'stderr'})])]));
      });
      $('runs-count').textContent = String(page.total);
      $('runs-range').textContent = page.total ? (page.offset + 1) + '–' + Math.min(page.offset + page.limit, page.total) + ' of ' + page.total : 'none';
      $('runs-prev').disabled = page.offset === 0;
      $('runs-next').disabled = page.offset + page.limit >= page.total;
    }).catch(function () {
      $('runs-range').textContent = 'the runs could not be loaded (has the server stopped?)';
    });
  }
  $('runs-status').addEventListener('change', function (e) { runsPage.status = e.target.value; runsPage.offset = 0; loadRuns(); });
  $('runs-prev').addEventListener('click', function () { runsPage.offset = Math.max(0, runsPage.offset - runsPage.limit); loadRuns(); });
  $('runs-next').addEventListener('click', function () { runsPage.offset += runsPage.limit; loadRuns(); });

  /** The runs table follows pushes at most every two seconds (it is a page of a possibly huge list). */
  var runsDue = null, lastRunsLoad = 0;
  function runsLater() {
    if (runsDue) { return; }
    var wait = Math.max(0, 2000 - (Date.now() - lastRunsLoad));
    runsDue = setTimeout(function () { runsDue = null; lastRunsLoad = Date.now(); loadRuns(); }, wait);
  }

  function render(s) {
    state = s;
    $('gone').hidden = true;
    header(s);
    running(s);
    failures(s);
    means(s);
    curves(s);
    runsLater();
    document.documentElement.setAttribute('data-version', String(s.version));
    document.documentElement.setAttribute('data-ready', 'true');
  }

  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  var source = R.follow(api + '/events', render);
  source.addEventListener('error', function () {
    if (source.readyState === EventSource.CLOSED) {
      $('gone').hidden = false;
      $('gone').textContent = 'The experiment is no longer there (deleted?) or the server stopped.';
    }
  });
  window.rigorExperiment = {state: function () { return state; }};
})();
