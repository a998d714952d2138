// The runs table: virtualized (only the rows in view exist in the DOM, so 100,000 runs scroll
// smoothly), sorted and filtered on typed arrays and an index permutation, columns chosen by the user.

const Table = (function () {
  const WIDTH = {id: 330, files: 150, status: 84, cat: 120, num: 104};
  const STATUSES = new Set(['ok', 'failed', 'timeout', 'cost_limit', 'error', 'interrupted', 'cancelled', 'running']);
  const OVERSCAN = 12;
  let data = null;
  let cols = [];
  let shown = [];
  let order = new Uint32Array(0);
  let sortCol = -1;
  let sortDir = 1;
  const filters = new Map();
  let search = '';
  let lowerIds = null;
  let highlighted = -1;
  let rowHeight = 27;
  let lastSortMs = NaN;
  let dom = null;
  let frame = 0;

  function init(container) {
    data = runs();
    cols = [{name: 'run_id', group: 'run', type: 'id', visible: true}, {name: 'files', group: 'run', type: 'files', visible: true}]
      .concat(data.columns);
    shown = cols.map((c, i) => c.visible ? i : -1).filter(i => i >= 0);
    dom = build(container);
    apply();
    header();
    draw();
  }

  function build(container) {
    const input = el('input', {type: 'search', placeholder: 'search run ids and text columns…', 'aria-label': 'search runs'});
    input.addEventListener('input', debounce(() => { search = input.value.trim().toLowerCase(); refresh(); }, 120));
    const count = el('span', {class: 'count'});
    const chooser = el('details', {class: 'columns'}, el('summary', null, 'Columns'), el('div', {class: 'menu'}));
    const reset = el('button', {type: 'button'}, 'Reset');
    reset.addEventListener('click', () => {
      filters.clear();
      search = '';
      input.value = '';
      sortCol = -1;
      highlighted = -1;
      refresh();
      header();
    });
    const tools = el('div', {class: 'table-tools'}, input, chooser, reset, count);
    const colgroup = el('colgroup');
    const names = el('tr', {class: 'names'});
    const inputs = el('tr', {class: 'filters'});
    const tbody = el('tbody');
    const table = el('table', null, colgroup, el('thead', null, names, inputs), tbody);
    const scroller = el('div', {class: 'vt', tabindex: '0'}, table);
    scroller.addEventListener('scroll', () => {
      if (!frame) frame = requestAnimationFrame(() => { frame = 0; draw(); });
    });
    container.appendChild(tools);
    container.appendChild(scroller);
    return {input: input, count: count, chooser: chooser, colgroup: colgroup, names: names, inputs: inputs, tbody: tbody,
      table: table, scroller: scroller};
  }

  function debounce(f, ms) {
    let t = 0;
    return () => { clearTimeout(t); t = setTimeout(f, ms); };
  }

  function width(c) {
    if (c.type === 'id' || c.type === 'files') return WIDTH[c.type];
    if (c.name === 'status') return WIDTH.status;
    return c.type === 'cat' ? WIDTH.cat : WIDTH.num;
  }

  /** Header cells, filter inputs and the column chooser, for the shown columns. */
  function header() {
    const d = dom;
    d.colgroup.textContent = '';
    d.names.textContent = '';
    d.inputs.textContent = '';
    let total = 0;
    for (const i of shown) {
      const c = cols[i];
      total += width(c);
      d.colgroup.appendChild(el('col', {style: 'width:' + width(c) + 'px'}));
      const arrow = i === sortCol ? (sortDir > 0 ? ' \u25b2' : ' \u25bc') : '';
      const th = el('th', {class: c.type === 'num' ? 'num' : '', title: c.name + ' (' + c.group + ')', tabindex: '0',
        'data-col': c.name, 'aria-sort': i === sortCol ? (sortDir > 0 ? 'ascending' : 'descending') : 'none'}, c.name,
        el('span', {class: 'arrow'}, arrow));
      if (c.type !== 'files') {
        th.addEventListener('click', () => sortBy(i));
        th.addEventListener('keydown', e => { if (e.key === 'Enter') sortBy(i); });
      }
      d.names.appendChild(th);
      d.inputs.appendChild(el('th', null, c.type === 'files' ? null : filterInput(i)));
    }
    d.table.style.width = total + 'px';
    chooser();
  }

  function filterInput(i) {
    const c = cols[i];
    const input = el('input', {type: 'text', 'data-col': c.name, 'aria-label': 'filter ' + c.name,
      placeholder: c.type === 'num' ? '>5, 1..3' : 'contains'});
    input.value = filters.get(i) || '';
    input.addEventListener('input', debounce(() => {
      const text = input.value.trim();
      if (text) filters.set(i, text); else filters.delete(i);
      input.classList.toggle('bad', text !== '' && predicate(i, text) === null);
      refresh();
    }, 120));
    return input;
  }

  function chooser() {
    const menu = dom.chooser.querySelector('.menu');
    menu.textContent = '';
    const find = el('input', {type: 'search', placeholder: 'find a column…', 'aria-label': 'find a column'});
    menu.appendChild(find);
    const list = el('div');
    menu.appendChild(list);
    const fill = () => {
      list.textContent = '';
      const q = find.value.trim().toLowerCase();
      let group = null;
      cols.forEach((c, i) => {
        if (c.type === 'id' || (q && !c.name.toLowerCase().includes(q))) return;
        if (c.group !== group) {
          group = c.group;
          list.appendChild(el('div', {class: 'grp'}, group));
        }
        const box = el('input', {type: 'checkbox', 'data-col': c.name});
        box.checked = shown.includes(i);
        box.addEventListener('change', () => {
          shown = box.checked ? shown.concat([i]).sort((a, b) => a - b) : shown.filter(j => j !== i);
          if (!box.checked) filters.delete(i);
          refresh();
          header();
        });
        list.appendChild(el('label', {title: c.name}, box, ' ' + c.name));
      });
    };
    find.addEventListener('input', fill);
    fill();
    dom.chooser.querySelector('summary').textContent = 'Columns (' + shown.length + ' of ' + cols.length + ')';
  }

  /** A row predicate for a column's filter text, or null when the text does not parse. */
  function predicate(i, text) {
    const c = cols[i];
    if (c.type === 'id') {
      const t = text.toLowerCase();
      const ids = idsLower();
      return r => ids[r].includes(t);
    }
    if (c.type === 'cat') {
      const exact = text.startsWith('=');
      const negate = text.startsWith('!');
      const t = (exact || negate ? text.slice(1) : text).toLowerCase();
      const match = new Uint8Array(c.dict.length);
      c.dict.forEach((v, k) => {
        const s = v.toLowerCase();
        match[k] = (exact ? s === t : s.includes(t)) !== negate ? 1 : 0;
      });
      return r => match[c.codes[r]] === 1;
    }
    return numberPredicate(c.values, text);
  }

  function numberPredicate(values, text) {
    const num = '(-?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[-+]?\\d+)?)';
    const t = text.replace(/\s+/g, '').toLowerCase();
    if (t === 'missing' || t === '-' || t === MISSING) return r => Number.isNaN(values[r]);
    const range = new RegExp('^' + num + '\\.\\.' + num + '$').exec(t);
    if (range) {
      const lo = Number(range[1]);
      const hi = Number(range[2]);
      return r => values[r] >= lo && values[r] <= hi;
    }
    const cmp = new RegExp('^(<=|>=|<|>|!=|=)?' + num + '$').exec(t);
    if (!cmp) return null;
    const x = Number(cmp[2]);
    const close = v => Math.abs(v - x) <= 1e-6 * Math.max(1, Math.abs(x));
    switch (cmp[1]) {
      case '<': return r => values[r] < x;
      case '<=': return r => values[r] <= x || close(values[r]);
      case '>': return r => values[r] > x;
      case '>=': return r => values[r] >= x || close(values[r]);
      case '!=': return r => !close(values[r]);
      default: return r => close(values[r]);
    }
  }

  function idsLower() {
    if (lowerIds === null) lowerIds = data.ids.map(s => s.toLowerCase());
    return lowerIds;
  }

  /** Recomputes the rows shown: filter (every column's filter and the search box), then sort. */
  function apply() {
    const tests = [];
    for (const [i, text] of filters) {
      const p = predicate(i, text);
      if (p !== null) tests.push(p);
    }
    if (search) tests.push(searchPredicate(search));
    const n = data.n;
    let idx = new Uint32Array(n);
    let m = 0;
    outer: for (let r = 0; r < n; r++) {
      for (let k = 0; k < tests.length; k++) {
        if (!tests[k](r)) continue outer;
      }
      idx[m++] = r;
    }
    idx = idx.slice(0, m);
    if (sortCol >= 0) sortRows(idx, cols[sortCol], sortDir);
    order = idx;
  }

  function searchPredicate(t) {
    const ids = idsLower();
    const cats = shown.map(i => cols[i]).filter(c => c.type === 'cat').map(c => {
      const match = new Uint8Array(c.dict.length);
      c.dict.forEach((v, k) => { match[k] = v.toLowerCase().includes(t) ? 1 : 0; });
      return {codes: c.codes, match: match};
    });
    return r => {
      if (ids[r].includes(t)) return true;
      for (const c of cats) if (c.match[c.codes[r]]) return true;
      return false;
    };
  }

  /** Sorts row indices by a column; missing values last in both directions; ties keep run-id order. */
  function sortRows(idx, c, dir) {
    if (c.type === 'id') {
      if (dir < 0) idx.reverse();
      return;
    }
    const key = c.type === 'cat' ? c.codes : c.values;
    idx.sort((a, b) => {
      const x = key[a];
      const y = key[b];
      if (x === y) return a - b;
      if (x !== x) return y !== y ? a - b : 1;
      if (y !== y) return -1;
      return x < y ? -dir : dir;
    });
  }

  function sortBy(i, dir) {
    const t0 = performance.now();
    if (dir !== undefined) {
      sortDir = dir;
    } else {
      sortDir = i === sortCol ? -sortDir : 1;
    }
    sortCol = i;
    apply();
    dom.scroller.scrollTop = 0;
    header();
    draw();
    lastSortMs = performance.now() - t0;
    return lastSortMs;
  }

  function refresh() {
    apply();
    dom.scroller.scrollTop = 0;
    draw();
  }

  /** Renders the rows in view (and a few around them) between two spacer rows. */
  function draw() {
    const d = dom;
    const n = order.length;
    d.count.textContent = n === data.n ? n.toLocaleString('en') + ' runs'
      : n.toLocaleString('en') + ' of ' + data.n.toLocaleString('en') + ' runs';
    const top = d.scroller.scrollTop;
    const view = d.scroller.clientHeight || 600;
    const start = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
    const end = Math.min(n, Math.ceil((top + view) / rowHeight) + OVERSCAN);
    const frag = document.createDocumentFragment();
    frag.appendChild(spacer(start * rowHeight));
    for (let k = start; k < end; k++) frag.appendChild(row(order[k]));
    frag.appendChild(spacer((n - end) * rowHeight));
    d.tbody.textContent = '';
    d.tbody.appendChild(frag);
    if (n === 0) {
      d.tbody.appendChild(el('tr', null, el('td', {colspan: String(shown.length), class: 'empty'}, 'no run matches the filters')));
    }
    const first = d.tbody.children[1];
    if (first && first.offsetHeight > 0 && Math.abs(first.offsetHeight - rowHeight) > 0.5 && n > 0) {
      rowHeight = first.offsetHeight;
      draw();
    }
  }

  function spacer(h) {
    const tr = el('tr', {class: 'spacer', 'aria-hidden': 'true'});
    tr.style.height = h + 'px';
    return tr;
  }

  function row(r) {
    const tr = el('tr', {'data-row': String(r)});
    if (r === highlighted) tr.className = 'hit';
    for (const i of shown) tr.appendChild(cell(cols[i], r));
    return tr;
  }

  function cell(c, r) {
    const id = data.ids[r];
    if (c.type === 'id') return el('td', {class: 'id', title: id}, el('a', {href: runLink(id, '')}, id));
    if (c.type === 'files') {
      return el('td', null, el('span', {class: 'files'}, el('a', {href: runLink(id, 'meta.json')}, 'meta'),
        el('a', {href: runLink(id, 'stdout.txt')}, 'stdout'), el('a', {href: runLink(id, 'stderr.txt')}, 'stderr')));
    }
    if (c.type === 'cat') {
      const v = c.dict[c.codes[r]];
      if (c.name === 'status') return el('td', null, el('span', {class: 'status ' + (STATUSES.has(v) ? v : '')}, v));
      return el('td', {title: v}, v);
    }
    return el('td', {class: 'num'}, numberText(c, c.values[r]));
  }

  function numberText(c, v) {
    if (Number.isNaN(v)) return MISSING;
    switch (c.kind) {
      case 'integer': return String(v);
      case 'bytes': return fmtBytes(v);
      case 'timestamp': return fmtTime(v);
      default: return fmt(v);
    }
  }

  /** Shows one run (from a chart): clears the filters, searches its id, scrolls to it. */
  function showRun(r) {
    if (r < 0 || r >= data.n) return;
    filters.clear();
    sortCol = -1;
    search = data.ids[r].toLowerCase();
    dom.input.value = data.ids[r];
    highlighted = r;
    header();
    refresh();
    document.getElementById('runs').scrollIntoView({behavior: 'auto', block: 'start'});
  }

  /** For tests and the curious (window.rigorReport.table). */
  const api = {
    rows: () => order.length,
    visibleRunIds: () => Array.from(dom.tbody.querySelectorAll('tr[data-row]')).map(tr => data.ids[Number(tr.getAttribute('data-row'))]),
    sortBy: (name, dir) => sortBy(cols.findIndex(c => c.name === name), dir),
    lastSortMs: () => lastSortMs,
    columns: () => shown.map(i => cols[i].name),
    runId: r => data.ids[r],
    showRun: showRun
  };

  return {init: init, showRun: showRun, api: api};
})();
