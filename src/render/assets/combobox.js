/* global Event, AbortController */
// Choosing tags and bylines in the editor: a combobox with a list of suggestions (WAI-ARIA 1.2 combobox
// pattern with a listbox popup and aria-activedescendant), the chosen values shown as removable chips.
// It enhances a plain comma-separated text field marked data-lookup="tags" or data-lookup="people": that
// field stays in the form (hidden) and keeps the comma-separated value the server reads, so the form posts
// exactly what it posts without this script.
(function () {
  'use strict';

  var KINDS = {
    tags: { url: '/admin/lookup/tags', one: 'tag', many: 'tags', create: true },
    people: { url: '/admin/lookup/people', one: 'person', many: 'people in the byline', create: false },
  };
  var DEBOUNCE_MS = 150;
  var seq = 0;

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function split(value) {
    return value.split(',').map(function (part) { return part.trim(); }).filter(Boolean);
  }

  function same(a, b) {
    return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
  }

  function enhance(field) {
    var kind = KINDS[field.getAttribute('data-lookup')];
    if (!kind) return;
    var id = 'combobox-' + (++seq);
    var label = document.querySelector('label[for="' + field.id + '"]');
    /** Chosen values in order: { value, label }. */
    var chosen = split(field.value).map(function (value) { return { value: value, label: value }; });
    var options = [];
    var active = -1;
    var timer = null;
    var pending = null;

    var wrapper = el('div', { class: 'combobox' });
    // Unnamed on purpose: each chip's button says what it removes, and the field keeps the one name its label gives.
    var chips = el('ul', { class: 'combobox__chips' });
    var input = el('input', {
      id: id,
      type: 'text',
      class: 'combobox__input',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': id + '-listbox',
      autocomplete: 'off',
      spellcheck: 'false',
    });
    var hint = el('span', { id: id + '-hint', class: 'visually-hidden' },
      'Type to find ' + kind.many + '; arrow keys move through the suggestions, Enter adds one, Escape closes the list.' +
      (kind.create ? ' A name not in the list can be added as a new ' + kind.one + '.' : ''));
    input.setAttribute('aria-describedby', id + '-hint');
    var listbox = el('ul', { id: id + '-listbox', role: 'listbox', class: 'combobox__listbox', 'aria-label': 'Suggestions' });
    listbox.hidden = true;
    var live = el('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });

    var field_ = el('div', { class: 'combobox__field' });
    field_.appendChild(input);
    field_.appendChild(listbox);
    wrapper.appendChild(chips);
    wrapper.appendChild(field_);
    wrapper.appendChild(hint);
    wrapper.appendChild(live);
    field.insertAdjacentElement('afterend', wrapper);
    field.hidden = true;
    if (label) label.setAttribute('for', id);

    function announce(text) {
      // A fresh text each time, so a repeated message is read again.
      live.textContent = '';
      setTimeout(function () { live.textContent = text; }, 30);
    }

    function sync() {
      field.value = chosen.map(function (item) { return item.value; }).join(', ');
      // The editor's own script (autosave, unsaved-changes warning) listens for input on the form.
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }

    function renderChips() {
      chips.textContent = '';
      chips.hidden = chosen.length === 0;
      chosen.forEach(function (item, index) {
        var chip = el('li', { class: 'chip' });
        chip.appendChild(el('span', { class: 'chip__label' }, item.label));
        var remove = el('button', { type: 'button', class: 'chip__remove' });
        remove.appendChild(el('span', { 'aria-hidden': 'true' }, '×'));
        remove.appendChild(el('span', { class: 'visually-hidden' }, 'Remove ' + item.label));
        remove.addEventListener('click', function () {
          chosen.splice(index, 1);
          renderChips();
          sync();
          announce(item.label + ' removed.');
          input.focus();
        });
        chip.appendChild(remove);
        chips.appendChild(chip);
      });
    }

    function setActive(index) {
      active = index;
      Array.prototype.forEach.call(listbox.children, function (option, i) {
        option.setAttribute('aria-selected', i === index ? 'true' : 'false');
      });
      if (index >= 0 && listbox.children[index]) {
        input.setAttribute('aria-activedescendant', listbox.children[index].id);
        listbox.children[index].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      setActive(-1);
    }

    function isChosen(value) {
      return chosen.some(function (item) { return same(item.value, value); });
    }

    function renderOptions(items, text, activeFirst) {
      options = items.filter(function (item) { return !isChosen(item.value); });
      var typed = text.trim();
      if (kind.create && typed && !isChosen(typed) && !items.some(function (item) { return same(item.value, typed); })) {
        options.push({ value: typed, label: 'Create ' + kind.one + ' “' + typed + '”', create: true });
      }
      listbox.textContent = '';
      options.forEach(function (item, index) {
        var option = el('li', { id: id + '-option-' + index, role: 'option', class: 'combobox__option' + (item.create ? ' combobox__option--create' : ''), 'aria-selected': 'false' });
        option.appendChild(el('span', {}, item.label));
        if (item.detail) option.appendChild(el('span', { class: 'combobox__detail' }, ' ' + item.detail));
        option.addEventListener('mousedown', function (event) { event.preventDefault(); });
        option.addEventListener('click', function () { choose(index); });
        listbox.appendChild(option);
      });
      if (options.length === 0) {
        close();
        announce(typed ? 'No suggestions.' : '');
        return;
      }
      listbox.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      setActive(activeFirst ? 0 : -1);
      announce(options.length === 1 ? '1 suggestion.' : options.length + ' suggestions.');
    }

    function lookup(activeFirst) {
      var text = input.value;
      if (pending) pending.abort();
      pending = new AbortController();
      var url = kind.url + '?q=' + encodeURIComponent(text.trim());
      return fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' }, signal: pending.signal })
        .then(function (response) { return response.ok ? response.json() : { items: [] }; })
        .then(function (result) {
          if (input.value !== text) return; // Typing went on: a newer answer is coming.
          renderOptions(result.items || [], text, activeFirst);
        })
        .catch(function () {});
    }

    function add(item) {
      if (!item.value || isChosen(item.value)) return;
      chosen.push({ value: item.value, label: item.create ? item.value : item.label });
      renderChips();
      sync();
      announce((item.create ? 'New ' + kind.one + ' ' : '') + (item.create ? item.value : item.label) + ' added.');
    }

    function choose(index) {
      var item = options[index];
      if (!item) return;
      add(item);
      input.value = '';
      close();
      input.focus();
    }

    /** Text typed but not chosen: for tags it becomes a tag (as the plain field would), for people only an exact match. */
    function commitTyped() {
      var typed = input.value.trim();
      if (!typed) return;
      if (kind.create) add({ value: typed, label: typed });
      else {
        var match = options.filter(function (item) { return same(item.value, typed) || same(item.label, typed); })[0];
        if (match) add(match);
        else return;
      }
      input.value = '';
      close();
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      if (kind.create && input.value.indexOf(',') >= 0) {
        // A comma ends a name, as in the plain field.
        var parts = input.value.split(',');
        input.value = parts.pop();
        parts.forEach(function (part) { if (part.trim()) add({ value: part.trim(), label: part.trim() }); });
      }
      if (input.value.trim() === '') {
        close();
        return;
      }
      timer = setTimeout(function () { lookup(false); }, DEBOUNCE_MS);
    });

    input.addEventListener('keydown', function (event) {
      var open = !listbox.hidden;
      switch (event.key) {
        case 'ArrowDown':
          event.preventDefault();
          if (!open) lookup(true);
          else setActive(active + 1 >= options.length ? 0 : active + 1);
          break;
        case 'ArrowUp':
          event.preventDefault();
          if (!open) lookup(true).then(function () { if (!listbox.hidden) setActive(options.length - 1); });
          else setActive(active <= 0 ? options.length - 1 : active - 1);
          break;
        case 'Enter':
          if (open && active >= 0) {
            event.preventDefault();
            choose(active);
          } else if (input.value.trim() !== '') {
            // Never submits the form with a half-chosen value.
            event.preventDefault();
            commitTyped();
          }
          break;
        case 'Escape':
          if (open) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = '';
          }
          break;
        case 'Backspace':
          if (input.value === '' && chosen.length > 0) {
            var last = chosen.pop();
            renderChips();
            sync();
            announce(last.label + ' removed.');
          }
          break;
        case 'Tab':
          close();
          break;
      }
    });

    input.addEventListener('blur', function () { setTimeout(close, 100); });
    // Whatever is still typed when the form is sent counts, as it would in the plain field.
    if (field.form) field.form.addEventListener('submit', commitTyped);

    renderChips();
    // Bylines hold slugs: show the people's names.
    if (!kind.create && chosen.length > 0) {
      var values = chosen.map(function (item) { return item.value; }).join(',');
      fetch(kind.url + '?values=' + encodeURIComponent(values), { credentials: 'same-origin', headers: { accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : { items: [] }; })
        .then(function (result) {
          (result.items || []).forEach(function (found) {
            chosen.forEach(function (item) { if (item.value === found.value) item.label = found.label; });
          });
          renderChips();
        })
        .catch(function () {});
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll('input[data-lookup]'), enhance);
})();
