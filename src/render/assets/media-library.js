// Media library islands. Every page works without this file: the focal point has number fields, the picker
// is a page of its own whose "Insert into body" shows the Markdown to copy.
// - A picture's page: a click on the picture fills the focal point's fields and moves the cross.
// - The article editor: "Choose from the library" opens the picker in a dialog, and "Insert into body" puts
//   the picture's Markdown into the body at the cursor (with an input event, so autosave notices).
(function () {
  'use strict';

  var round = function (value) {
    return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
  };

  function setupFocalPoint() {
    var figure = document.querySelector('[data-focal-figure]');
    var x = document.querySelector('[data-focal-x]');
    var y = document.querySelector('[data-focal-y]');
    if (!figure || !x || !y || x.disabled) return;
    var image = figure.querySelector('img');
    var across = figure.querySelector('.focal-cross__x');
    var down = figure.querySelector('.focal-cross__y');
    function show() {
      var fx = Number(x.value);
      var fy = Number(y.value);
      if (fx >= 0 && fx <= 1) {
        across.setAttribute('x1', String(fx));
        across.setAttribute('x2', String(fx));
      }
      if (fy >= 0 && fy <= 1) {
        down.setAttribute('y1', String(fy));
        down.setAttribute('y2', String(fy));
      }
    }
    figure.classList.add('focal-figure--active');
    image.addEventListener('click', function (event) {
      var box = image.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return;
      x.value = String(round((event.clientX - box.left) / box.width));
      y.value = String(round((event.clientY - box.top) / box.height));
      show();
    });
    x.addEventListener('input', show);
    y.addEventListener('input', show);
  }

  /** Puts `text` in place of the textarea's selection, as a paragraph of its own. */
  function insertAt(textarea, text) {
    var start = textarea.selectionStart;
    var end = textarea.selectionEnd;
    var before = textarea.value.slice(0, start);
    var after = textarea.value.slice(end);
    var lead = before === '' || /\n\n$/.test(before) ? '' : /\n$/.test(before) ? '\n' : '\n\n';
    var tail = after === '' || /^\n\n/.test(after) ? '' : /^\n/.test(after) ? '\n' : '\n\n';
    textarea.value = before + lead + text + tail + after;
    var caret = (before + lead + text).length;
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
    textarea.dispatchEvent(new window.Event('input', { bubbles: true }));
  }

  function setupPicker() {
    var body = document.querySelector('textarea[name="bodyMd"]');
    var openers = document.querySelectorAll('a[data-picture-picker]');
    if (!body || openers.length === 0 || typeof window.HTMLDialogElement !== 'function') return;
    var dialog = document.createElement('dialog');
    dialog.className = 'picker-dialog';
    dialog.setAttribute('aria-labelledby', 'picker-heading');
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'secondary picker-dialog__close';
    close.textContent = 'Close';
    close.addEventListener('click', function () {
      dialog.close();
    });
    var content = document.createElement('div');
    dialog.appendChild(close);
    dialog.appendChild(content);
    document.body.appendChild(dialog);
    dialog.addEventListener('close', function () {
      body.focus();
    });

    function load(url) {
      return fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } })
        .then(function (response) {
          if (!response.ok) throw new Error('The library did not answer (' + response.status + ').');
          return response.text();
        })
        .then(function (html) {
          var page = new window.DOMParser().parseFromString(html, 'text/html').querySelector('[data-picture-picker-page]');
          if (!page) throw new Error('The library page has no pictures list.');
          content.replaceChildren(document.importNode(page, true));
          enhance();
        });
    }

    function enhance() {
      var details = content.querySelectorAll('details.insert-markdown');
      for (var i = 0; i < details.length; i++) details[i].hidden = true;
      var buttons = content.querySelectorAll('button[data-insert-markdown]');
      for (var j = 0; j < buttons.length; j++) {
        buttons[j].hidden = false;
        buttons[j].addEventListener('click', function (event) {
          insertAt(body, event.currentTarget.getAttribute('data-insert-markdown'));
          dialog.close();
        });
      }
      var search = content.querySelector('form[role="search"]');
      if (search) {
        search.addEventListener('submit', function (event) {
          event.preventDefault();
          var query = new URLSearchParams(new FormData(search)).toString();
          load(search.getAttribute('action') + (query ? '?' + query : '')).then(function () {
            var field = content.querySelector('input[type="search"]');
            if (field) field.focus();
          });
        });
      }
      var links = content.querySelectorAll('.pager a');
      for (var k = 0; k < links.length; k++) {
        links[k].addEventListener('click', function (event) {
          event.preventDefault();
          load(event.currentTarget.getAttribute('href'));
        });
      }
      var back = content.querySelector('a[href^="/admin/articles/"]');
      if (back) {
        back.addEventListener('click', function (event) {
          event.preventDefault();
          dialog.close();
        });
      }
    }

    for (var i = 0; i < openers.length; i++) {
      openers[i].addEventListener('click', function (event) {
        var href = event.currentTarget.getAttribute('href');
        event.preventDefault();
        load(href)
          .then(function () {
            dialog.showModal();
            var field = content.querySelector('input[type="search"]');
            if (field) field.focus();
          })
          .catch(function () {
            window.location.href = href;
          });
      });
    }
  }

  setupFocalPoint();
  setupPicker();
})();
