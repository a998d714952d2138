// The page's data: chart data (small, parsed at once) and the runs table (large, decoded into typed
// arrays when first needed). Both come from <script type="application/json"> elements: JSON.parse,
// never eval.

const PAGE = JSON.parse(document.getElementById('rigor-page').textContent);
let RUNS = null;

function bytesOf(base64) {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function decodeColumn(c, n) {
  const bytes = bytesOf(c.type === 'cat' ? c.codes : c.data);
  if (c.type === 'cat') {
    const codes = c.width === 1 ? bytes : c.width === 2 ? new Uint16Array(bytes.buffer) : new Uint32Array(bytes.buffer);
    return {name: c.name, group: c.group, visible: c.visible, type: 'cat', dict: c.dict, codes: codes};
  }
  const values = new Float64Array(n);
  if (c.enc === 'i32') {
    const raw = new Int32Array(bytes.buffer);
    for (let i = 0; i < n; i++) values[i] = raw[i] === -2147483648 ? NaN : raw[i];
  } else {
    const raw = new Float32Array(bytes.buffer);
    const offset = c.offset || 0;
    for (let i = 0; i < n; i++) values[i] = raw[i] + offset;
  }
  return {name: c.name, group: c.group, visible: c.visible, type: 'num', kind: c.kind, values: values};
}

/** The runs table, decoded on first use. */
function runs() {
  if (RUNS === null) {
    const node = document.getElementById('rigor-runs');
    const raw = JSON.parse(node.textContent);
    RUNS = {n: raw.n, ids: raw.ids, columns: raw.columns.map(c => decodeColumn(c, raw.n))};
  }
  return RUNS;
}
