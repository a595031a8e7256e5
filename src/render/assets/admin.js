// Newsroom islands: live Markdown preview with the site's own renderer, and autosave of drafts.
// The editor works without this script (plain form posts); this only adds convenience.
(function () {
  'use strict';
  var form = document.querySelector('form[data-editor]');
  if (!form) return;
  var body = form.querySelector('textarea[name="bodyMd"]');
  var preview = document.getElementById('preview');
  var revision = form.querySelector('input[name="revision"]');
  var status = document.getElementById('autosave-status');
  var csrf = form.querySelector('input[name="_csrf"]').value;
  var timer = null;
  var dirty = false;
  var stopped = false;

  function post(url, data) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf },
      body: new URLSearchParams(data).toString(),
    });
  }

  function refreshPreview() {
    if (!preview || !body) return;
    post('/admin/preview', { _csrf: csrf, bodyMd: body.value })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (result) { if (result) preview.innerHTML = result.html; })
      .catch(function () {});
  }

  function autosave() {
    var url = form.getAttribute('data-autosave');
    if (!url || !dirty || stopped) return;
    dirty = false;
    var data = new FormData(form);
    data.set('_csrf', csrf);
    post(url, data).then(function (response) {
      return response.json().then(function (result) {
        if (response.ok) {
          revision.value = String(result.revision);
          if (status) status.textContent = 'Draft saved ' + new Date().toLocaleTimeString();
        } else {
          stopped = true;
          if (status) status.textContent = result.message || 'Autosave stopped.';
        }
      });
    }).catch(function () { dirty = true; });
  }

  form.addEventListener('input', function () {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(refreshPreview, 300);
  });
  setInterval(autosave, 15000);
})();
