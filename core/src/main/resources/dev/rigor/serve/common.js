/* rigor serve: helpers shared by the pages. Everything from runs goes into the page as text
   (textContent, attribute values through setAttribute), never as markup. */
(function () {
  'use strict';

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { e.textContent = attrs[k] == null ? '' : String(attrs[k]); }
        else if (k === 'cls') { e.className = attrs[k]; }
        else if (attrs[k] != null) { e.setAttribute(k, String(attrs[k])); }
      });
    }
    (children || []).forEach(function (c) { if (c != null) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }

  function num(v) {
    if (v == null || !isFinite(v)) { return '—'; }
    var a = Math.abs(v);
    if (a !== 0 && (a >= 1e6 || a < 1e-3)) { return v.toExponential(3); }
    if (Number.isInteger(v)) { return v.toLocaleString('en-US'); }
    return v.toLocaleString('en-US', {maximumSignificantDigits: 4});
  }

  function duration(s) {
    if (s == null || !isFinite(s)) { return '—'; }
    s = Math.max(0, s);
    if (s < 60) { return s.toFixed(s < 10 ? 1 : 0) + ' s'; }
    var m = Math.floor(s / 60), h = Math.floor(m / 60), d = Math.floor(h / 24);
    if (d > 0) { return d + ' d ' + (h % 24) + ' h'; }
    if (h > 0) { return h + ' h ' + (m % 60) + ' min'; }
    return m + ' min ' + Math.floor(s % 60) + ' s';
  }

  function ago(unix, now) {
    if (unix == null) { return '—'; }
    return duration((now || Date.now() / 1000) - unix) + ' ago';
  }

  function params(p) {
    return Object.keys(p || {}).map(function (k) {
      var v = p[k];
      return k + '=' + (typeof v === 'object' ? JSON.stringify(v) : String(v));
    }).join('  ');
  }

  function status(s) {
    return el('span', {cls: 'status ' + String(s).replace(/[^a-z_]/g, ''), text: s});
  }

  /** A stacked bar: ok, failed, running, out of total. */
  function progress(bar, ok, failed, running, total) {
    bar.textContent = '';
    var left = 0;
    [['ok', ok], ['bad', failed], ['run', running]].forEach(function (part) {
      var w = total > 0 ? 100 * part[1] / total : 0;
      bar.appendChild(el('span', {cls: part[0], style: 'left:' + left + '%;width:' + w + '%'}));
      left += w;
    });
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  /**
   * Follows an event stream: calls onState with each pushed state, shows whether the stream is live.
   * The browser's EventSource reconnects by itself after a network error; nothing polls.
   */
  function follow(url, onState) {
    var live = document.getElementById('live');
    var source = new EventSource(url);
    source.addEventListener('state', function (e) {
      live.textContent = 'live';
      live.className = 'live on';
      onState(JSON.parse(e.data));
    });
    source.onerror = function () {
      live.textContent = source.readyState === EventSource.CLOSED ? 'disconnected (reload to retry)' : 'reconnecting…';
      live.className = 'live off';
    };
    return source;
  }

  function spendText(spend) {
    if (!spend) { return ''; }
    return num(spend.spent) + (spend.limit != null ? ' / ' + num(spend.limit) : '') + ' ' + spend.metric;
  }

  window.rigorServe = {el: el, num: num, duration: duration, ago: ago, params: params, status: status, progress: progress,
    clear: clear, follow: follow, spendText: spendText};
})();
