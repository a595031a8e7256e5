// The import page, live: asks the server how far the import got once a second and moves the bar and the line
// under it (a polite live region, so a screen reader hears the changes). When the import ends, the page is
// loaded again to show the report. Without this script the page says to reload it.
(function () {
  'use strict';
  var box = document.querySelector('[data-import-progress]');
  if (!box || !window.fetch) return;
  var address = box.getAttribute('data-import-progress');
  var state = box.querySelector('[data-import-state]');
  var bar = box.querySelector('[data-import-bar]');
  var failures = 0;
  function tick() {
    fetch(address, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        return response.json();
      })
      .then(function (run) {
        failures = 0;
        if (run.status === 'done' || run.status === 'failed') {
          window.location.reload();
          return;
        }
        if (state && state.textContent !== run.state) state.textContent = run.state;
        if (bar) {
          bar.max = Math.max(run.total, 1);
          bar.value = run.done;
          bar.textContent = run.total > 0 ? Math.round((run.done / run.total) * 100) + ' %' : '';
        }
        window.setTimeout(tick, 1000);
      })
      .catch(function () {
        failures += 1;
        // The server may be restarting: keep asking, more slowly.
        window.setTimeout(tick, Math.min(30000, 1000 * Math.pow(2, failures)));
      });
  }
  window.setTimeout(tick, 1000);
})();
