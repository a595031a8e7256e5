// The article list's bulk form, a little easier: a box that ticks every row of the page, and only the field the
// chosen action needs (a section to move to, a tag to add). Without this script the form works the same: every
// field shows, and the server uses the one the action needs.
(function () {
  'use strict';
  var form = document.querySelector('form.bulk-form');
  if (!form) return;
  var rows = Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"][name="ids"]'));
  var header = form.querySelector('th[data-pick-all]');
  if (header && rows.length > 0) {
    var label = document.createElement('label');
    var all = document.createElement('input');
    all.type = 'checkbox';
    label.appendChild(all);
    label.appendChild(document.createTextNode(' All'));
    header.textContent = '';
    header.appendChild(label);
    all.addEventListener('change', function () {
      rows.forEach(function (row) { row.checked = all.checked; });
    });
    form.addEventListener('change', function (event) {
      if (event.target === all || rows.indexOf(event.target) < 0) return;
      var ticked = rows.filter(function (row) { return row.checked; }).length;
      all.checked = ticked === rows.length;
      all.indeterminate = ticked > 0 && ticked < rows.length;
    });
  }
  var action = form.querySelector('select[name="action"]');
  var section = form.querySelector('select[name="section"]');
  var tag = form.querySelector('input[name="tag"]');
  function showWhatTheActionNeeds() {
    if (section) section.closest('label').hidden = action.value !== 'move';
    if (tag) tag.closest('label').hidden = action.value !== 'tag';
    if (section) section.required = action.value === 'move';
    if (tag) tag.required = action.value === 'tag';
  }
  if (action) {
    action.addEventListener('change', showWhatTheActionNeeds);
    showWhatTheActionNeeds();
  }
})();
