// Keeps every <time data-relative> true while a (possibly cached) page stays open: the same rule as the
// server's relativeTime(), in the page's language. Pages are complete without it.
(function () {
  'use strict';
  var UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];
  var lang = document.documentElement.lang || undefined;
  var format;
  try {
    format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  } catch {
    return;
  }
  function text(date, now) {
    var seconds = (date.getTime() - now) / 1000;
    for (var i = 0; i < UNITS.length; i++) {
      if (Math.abs(seconds) >= UNITS[i][1]) return format.format(Math.trunc(seconds / UNITS[i][1]), UNITS[i][0]);
    }
    return format.format(0, 'second');
  }
  function refresh() {
    var now = Date.now();
    var nodes = document.querySelectorAll('time[data-relative]');
    for (var i = 0; i < nodes.length; i++) {
      var date = new Date(nodes[i].getAttribute('datetime'));
      if (isNaN(date.getTime())) continue;
      var value = text(date, now);
      if (nodes[i].textContent !== value) nodes[i].textContent = value;
    }
    document.documentElement.setAttribute('data-relative-times', String(now));
  }
  refresh();
  setInterval(refresh, 30000);
})();
