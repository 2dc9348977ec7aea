
(function () {
  'use strict';
  function reveal() {
    var el = document.getElementById(location.hash.slice(1)), opened = false;
    for (var p = el && el.parentElement; p; p = p.parentElement) {
      if (p.tagName === 'DETAILS' && !p.open) { p.open = true; opened = true; }
    }
    if (opened) { el.scrollIntoView(); }
  }
  window.addEventListener('hashchange', reveal);
  if (location.hash) { reveal(); }
  var closed = [];
  window.addEventListener('beforeprint', function () {
    closed = Array.prototype.filter.call(document.querySelectorAll('details'), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
})();
(function () {
  'use strict';
  var box = document.getElementById('filter');
  if (!box || !String.prototype.normalize || !Array.from || typeof Map !== 'function') { return; }
  var marks, gaps;
  try {
    marks = new RegExp('\\p{M}', 'gu');
    gaps = new RegExp('[^\\p{Alphabetic}\\p{N}]+', 'u');
  } catch (e) { return; }
  box.hidden = false;
  var text = document.getElementById('f-text');
  var need = document.getElementById('f-behov');
  var place = document.getElementById('f-kommun');
  var status = document.getElementById('f-antal');
  function fold(s) { return s.normalize('NFD').replace(marks, '').toLowerCase(); }
  var offerings = new Map();
  var rows = Array.prototype.map.call(document.querySelectorAll('#karta tr[data-id]'), function (r) {
    var id = r.getAttribute('data-id');
    var o = offerings.get(id);
    if (!o) {
      var t = fold(r.textContent + ' ' + (r.getAttribute('data-sok') || ''));
      var seen = new Map();
      t.split(gaps).forEach(function (w) { if (w && !seen.has(w)) { seen.set(w, Array.from(w)); } });
      o = { text: t, tokens: Array.from(seen), areas: (r.getAttribute('data-omraden') || '').split(' ') };
      offerings.set(id, o);
    }
    return { el: r, id: id, o: o };
  });
  // Levenshtein distance over code points; anything above `limit` is returned as limit + 1.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) { return limit + 1; }
    var prev = [], i, j;
    for (j = 0; j <= b.length; j++) { prev.push(j); }
    for (i = 0; i < a.length; i++) {
      var cur = [i + 1], low = i + 1;
      for (j = 0; j < b.length; j++) {
        cur.push(Math.min(prev[j] + (a[i] === b[j] ? 0 : 1), prev[j + 1] + 1, cur[j] + 1));
        low = Math.min(low, cur[j + 1]);
      }
      if (low > limit) { return limit + 1; }
      prev = cur;
    }
    return prev[b.length];
  }
  // Whether a folded word is in an offering's text, or a word of it is a typo away.
  function matcher(word) {
    var w = Array.from(word), n = w.length, limit = n >= 8 ? 2 : 1, memo = new Map();
    function close(tok) {
      return distance(w, tok, limit) <= limit ||
        (n >= 7 && tok.length > n && distance(w, tok.slice(0, n), 1) <= 1);
    }
    return function (o) {
      if (o.text.indexOf(word) >= 0) { return true; }
      if (n < 4) { return false; }
      return o.tokens.some(function (t) {
        if (!memo.has(t[0])) { memo.set(t[0], close(t[1])); }
        return memo.get(t[0]);
      });
    };
  }
  function reaches(list, inom) {
    return inom.some(function (c) { return list.indexOf(c) >= 0; });
  }
  function apply() {
    var words = fold(text.value).split(/\s+/).filter(Boolean).map(matcher);
    var b = need.value, k = place.value, shown = new Map();
    var inom = k ? place.options[place.selectedIndex].getAttribute('data-inom').split(' ') : [];
    rows.forEach(function (r) {
      r.el.hidden = !(words.every(function (m) { return m(r.o); }) && (!k || reaches(r.o.areas, inom)));
    });
    Array.prototype.forEach.call(document.querySelectorAll('#karta .kategori'), function (c) {
      var visible = c.querySelectorAll('tr[data-id]:not([hidden])');
      c.hidden = (b && c.getAttribute('data-kategori') !== b) || visible.length === 0;
      if (c.hidden) { return; }
      Array.prototype.forEach.call(visible, function (r) { shown.set(r.getAttribute('data-id'), 1); });
      if (words.length || b || k) {
        for (var p = c.parentElement; p; p = p.parentElement) { if (p.tagName === 'DETAILS') { p.open = true; } }
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll('#karta .grupp'), function (g) {
      g.hidden = !g.querySelector('.kategori:not([hidden])');
    });
    var n = shown.size, all = offerings.size;
    status.textContent = n === all ? 'Visar alla ' + all + (all === 1 ? ' insats.' : ' insatser.')
      : 'Visar ' + n + ' av ' + all + (all === 1 ? ' insats.' : ' insatser.');
  }
  [text, need, place].forEach(function (el) { el.addEventListener('input', apply); el.addEventListener('change', apply); });
  apply();
})();
