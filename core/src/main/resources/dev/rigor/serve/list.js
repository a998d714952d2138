/* rigor serve: the experiments page. */
(function () {
  'use strict';
  var R = window.rigorServe, el = R.el;
  var body = document.querySelector('#experiments tbody');

  function row(x) {
    var total = x.planned != null ? x.planned : x.runs;
    var bar = el('div', {cls: 'progress'});
    R.progress(bar, x.ok, x.failed, x.running, total);
    var state = x.active ? el('span', {cls: 'status active', text: 'running'})
      : el('span', {cls: 'status', text: total > 0 && x.done >= total ? 'finished' : 'stopped'});
    var link = el('a', {href: '/experiments/' + encodeURIComponent(x.name), text: x.title});
    var name = el('td', null, [link]);
    if (x.title !== x.name) { name.appendChild(el('div', {cls: 'sub', text: x.name})); }
    return el('tr', {'data-name': x.name}, [
      name, el('td', null, [state]),
      el('td', null, [bar, el('div', {cls: 'sub', text: x.done + ' / ' + (total == null ? '?' : total) + ' done'})]),
      el('td', {cls: 'num', text: R.num(x.ok)}), el('td', {cls: 'num', text: R.num(x.failed)}),
      el('td', {cls: 'num', text: R.num(x.running)}), el('td', {cls: 'num', text: x.planned == null ? '—' : R.num(x.planned)}),
      el('td', {text: x.spend ? R.spendText(x.spend) : '—'}), el('td', {text: R.ago(x.last_activity_unix_s)})]);
  }

  function render(list) {
    R.clear(body);
    list.forEach(function (x) { body.appendChild(row(x)); });
    document.getElementById('empty').hidden = list.length > 0;
    document.documentElement.setAttribute('data-ready', 'true');
  }

  R.follow('/api/events', render);
})();
