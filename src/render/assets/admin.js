// The editor's island: autosave, live Markdown preview with the site's own renderer, a warning
// before leaving with unsaved edits, and picture upload without reloading. The editor works without this
// script: one form whose every button saves first. The page keeps one revision number, which every save here
// moves on, so no later button or upload is refused as "someone else's" save.
(function () {
  'use strict';
  var form = document.querySelector('form[data-editor]');
  if (!form) return;
  var body = form.querySelector('textarea[name="bodyMd"]');
  var preview = document.getElementById('preview');
  var revision = form.querySelector('input[name="revision"]');
  var status = document.getElementById('autosave-status');
  var pendingBadge = document.getElementById('pending-badge');
  var uploader = document.querySelector('form[data-uploader]');
  var csrf = form.querySelector('input[name="_csrf"]').value;
  var live = form.getAttribute('data-live') === '1';
  var previewTimer = null;
  var dirty = false;
  var stopped = false;
  var saving = null;
  var submitting = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  function post(url, data) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf, accept: 'application/json' },
      body: new URLSearchParams(data).toString(),
    });
  }

  function setRevision(value) {
    revision.value = String(value);
    if (uploader) uploader.querySelector('input[name="revision"]').value = String(value);
  }

  function refreshPreview() {
    if (!body) return;
    post('/admin/preview', { _csrf: csrf, bodyMd: body.value })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (result) {
        if (!result) return;
        if (preview) preview.innerHTML = result.html;
      })
      .catch(function () {});
  }

  function stop(message, href) {
    stopped = true;
    if (!status) return;
    status.textContent = message + ' ';
    if (href) {
      var link = document.createElement('a');
      link.href = href;
      link.textContent = 'Compare and choose';
      status.appendChild(link);
    }
  }

  // Saves the form as it stands (what the Save button would send, without pressing anything); resolves when done.
  function autosave() {
    var url = form.getAttribute('data-autosave');
    if (!url || !dirty || stopped) return Promise.resolve();
    if (saving) return saving;
    dirty = false;
    var data = new FormData(form);
    data.delete('intent');
    data.set('_csrf', csrf);
    saving = post(url, data)
      .then(function (response) {
        return response.json().then(function (result) {
          if (response.ok) {
            setRevision(result.revision);
            if (pendingBadge) pendingBadge.hidden = !result.pending;
            var time = result.at || new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
            say((result.live ? 'Saved as unpublished changes at ' : 'Draft saved at ') + time);
          } else if (response.status === 409) {
            stop(result.message || 'Someone else saved this article; autosave stopped.', result.conflictUrl);
          } else {
            dirty = true;
            say(result.message || 'Autosave failed; your text is still here. Press Save.');
          }
        });
      })
      .catch(function () {
        dirty = true;
        say('Offline: not saved yet. Your text is still here.');
      })
      .then(function () { saving = null; });
    return saving;
  }

  form.addEventListener('input', function () {
    dirty = true;
    if (!stopped) say(live ? 'Unsaved changes (readers still see the published text)' : 'Unsaved changes');
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 300);
  });
  form.addEventListener('change', function () { dirty = true; });
  form.addEventListener('submit', function (event) {
    // A button pressed while an autosave is on its way waits for it, so the form names the newest revision.
    if (saving) {
      event.preventDefault();
      var button = event.submitter;
      saving.then(function () { form.requestSubmit(button || undefined); });
      return;
    }
    submitting = true;
  });
  setInterval(autosave, 10000);

  window.addEventListener('beforeunload', function (event) {
    if (submitting || !dirty) return;
    event.preventDefault();
    event.returnValue = '';
  });

  if (!uploader) return;
  // With this script the picture is uploaded in place: the edits are saved first, then the picture, and the
  // page carries on with the new revision. Without it, "Save and add a picture" leads to the picture page.
  uploader.hidden = false;
  var uploadStatus = document.getElementById('upload-status');
  uploader.addEventListener('submit', function (event) {
    event.preventDefault();
    if (stopped) {
      if (uploadStatus) uploadStatus.textContent = 'Resolve the other save first.';
      return;
    }
    if (uploadStatus) uploadStatus.textContent = 'Saving your edits…';
    var before = dirty ? autosave() : (saving || Promise.resolve());
    before
      .then(function () {
        if (stopped) throw new Error('Someone else saved this article; compare the versions first.');
        if (dirty) throw new Error('Your edits could not be saved; press Save, then upload.');
        if (uploadStatus) uploadStatus.textContent = 'Uploading…';
        var data = new FormData(uploader);
        data.set('revision', revision.value);
        return fetch(uploader.action, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json', 'x-csrf-token': csrf }, body: data });
      })
      .then(function (response) {
        return response.json().then(function (result) {
          if (!response.ok) throw new Error(result.message || 'The upload failed.');
          setRevision(result.revision);
          var holder = document.getElementById('picture-current');
          if (holder) {
            holder.textContent = '';
            var img = document.createElement('img');
            img.className = 'thumbnail';
            img.src = result.thumbnail;
            img.alt = result.alt;
            img.width = 400;
            holder.appendChild(img);
          }
          if (pendingBadge && live) pendingBadge.hidden = false;
          uploader.reset();
          if (uploadStatus) uploadStatus.textContent = live ? 'Picture uploaded; it goes live with the next Update.' : 'Picture uploaded and saved.';
        });
      })
      .catch(function (error) {
        if (uploadStatus) uploadStatus.textContent = error.message;
      });
  });
})();
