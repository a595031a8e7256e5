/* global AbortController */
// Suggestions under a search box while a reader types: the WAI-ARIA combobox pattern with a listbox popup
// (focus stays in the box; aria-activedescendant names the highlighted suggestion). It enhances any
// <input data-suggest> inside a search form; without this script the form submits to /search as it is.
// Keys: Down/Up move through the suggestions, Enter opens the highlighted one (or submits the form when none
// is highlighted), Escape closes the list. Requests wait until typing pauses, and a late answer to an older
// query is dropped.
(function () {
  'use strict';

  var DEBOUNCE_MS = 200;
  var MIN_CHARS = 2;
  var ENDPOINT = '/search/suggest';
  var seq = 0;

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function enhance(input) {
    var form = input.form;
    if (!form || !window.fetch || typeof AbortController === 'undefined') return;
    var id = input.id || 'search-suggest-' + (++seq);
    input.id = id;
    var listId = id + '-suggestions';
    var options = [];
    var active = -1;
    var timer = null;
    var pending = null;
    var asked = '';

    var list = el('ul', { id: listId, role: 'listbox', class: 'suggest__list', hidden: '' });
    var label = form.querySelector('label[for="' + id + '"]');
    if (label) {
      if (!label.id) label.id = id + '-label';
      list.setAttribute('aria-labelledby', label.id);
    } else {
      list.setAttribute('aria-label', 'Suggestions');
    }
    // Says how many suggestions there are, without moving focus (a polite live region).
    var status = el('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('autocomplete', 'off');
    // The list lies over the page just under the box's own row.
    input.parentElement.classList.add('suggest');
    input.insertAdjacentElement('afterend', list);
    form.appendChild(status);

    function announce(text) {
      // The same words twice in a row are not read again unless the text changes: clear it first.
      if (status.textContent === text) status.textContent = '';
      status.textContent = text;
    }

    function highlight(index) {
      if (active >= 0 && options[active]) options[active].node.setAttribute('aria-selected', 'false');
      active = index;
      if (active >= 0 && options[active]) {
        var node = options[active].node;
        node.setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', node.id);
        if (node.scrollIntoView) node.scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function isOpen() {
      return input.getAttribute('aria-expanded') === 'true';
    }

    function open() {
      if (options.length === 0) return;
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function close() {
      highlight(-1);
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    }

    function cancel() {
      clearTimeout(timer);
      timer = null;
      if (pending) pending.abort();
      pending = null;
    }

    function go(option) {
      close();
      window.location.assign(option.href);
    }

    function show(suggestions) {
      list.textContent = '';
      options = suggestions.map(function (suggestion, index) {
        var node = el('li', { id: listId + '-' + index, role: 'option', class: 'suggest__option', 'aria-selected': 'false' });
        node.appendChild(el('span', { class: 'suggest__title' }, suggestion.title));
        if (suggestion.section) node.appendChild(el('span', { class: 'suggest__section' }, suggestion.section));
        var option = { node: node, href: suggestion.href };
        // mousedown would move focus out of the box and close the list before the click lands.
        node.addEventListener('mousedown', function (event) { event.preventDefault(); });
        node.addEventListener('click', function () { go(option); });
        list.appendChild(node);
        return option;
      });
      active = -1;
      input.removeAttribute('aria-activedescendant');
      if (options.length > 0) {
        open();
        announce(options.length === 1 ? '1 suggestion' : options.length + ' suggestions');
      } else {
        close();
        announce('No suggestions');
      }
    }

    function ask(value) {
      if (pending) pending.abort();
      var controller = new AbortController();
      pending = controller;
      asked = value;
      fetch(ENDPOINT + '?q=' + encodeURIComponent(value), { headers: { accept: 'application/json' }, signal: controller.signal })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (body) {
          // An answer to anything but the latest question is stale.
          if (controller !== pending || input.value !== value) return;
          pending = null;
          show(Array.isArray(body.suggestions) ? body.suggestions : []);
        })
        .catch(function () { /* aborted, or offline: the form still submits */ });
    }

    input.addEventListener('input', function () {
      cancel();
      var value = input.value;
      if (value.trim().length < MIN_CHARS) {
        asked = '';
        options = [];
        list.textContent = '';
        close();
        return;
      }
      timer = setTimeout(function () { ask(value); }, DEBOUNCE_MS);
    });

    input.addEventListener('keydown', function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      switch (event.key) {
        case 'ArrowDown':
        case 'Down':
          if (options.length === 0) return;
          event.preventDefault();
          if (!isOpen()) open();
          highlight(active + 1 < options.length ? active + 1 : 0);
          break;
        case 'ArrowUp':
        case 'Up':
          if (options.length === 0) return;
          event.preventDefault();
          if (!isOpen()) open();
          highlight(active > 0 ? active - 1 : options.length - 1);
          break;
        case 'Enter':
          if (isOpen() && active >= 0 && options[active]) {
            event.preventDefault();
            go(options[active]);
          } else {
            cancel();
            close();
          }
          break;
        case 'Escape':
        case 'Esc':
          if (isOpen()) {
            event.preventDefault();
            close();
          }
          break;
        case 'Tab':
          close();
          break;
      }
    });

    input.addEventListener('blur', function () { close(); });
    input.addEventListener('focus', function () {
      if (options.length > 0 && input.value === asked) open();
    });
    // Coming back to a page kept in the back/forward cache: start closed.
    window.addEventListener('pageshow', function () { close(); });
  }

  function start() {
    var inputs = document.querySelectorAll('input[data-suggest]');
    for (var i = 0; i < inputs.length; i++) enhance(inputs[i]);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
