// Small helpers of the proposal pages; a file of its own because the content security policy
// forbids inline scripts. Delegated, so that content swapped in by htmx works too.
(function () {
  function choose(selectId, value) {
    var select = document.getElementById(selectId);
    if (!select) {
      return;
    }
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    select.focus();
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!target || !target.closest) {
      return;
    }
    var category = target.closest('[data-apply-category]');
    if (category) {
      choose('category', category.getAttribute('data-apply-category'));
      return;
    }
    var unit = target.closest('[data-apply-unit]');
    if (unit) {
      choose('assign-leadUnitId', unit.getAttribute('data-apply-unit'));
      return;
    }
    if (target.closest('[data-print]')) {
      window.print();
    }
  });

  // The co-signer picker: typing narrows the list of members; checked ones always stay visible.
  document.addEventListener('input', function (event) {
    var box = event.target;
    var selector = box && box.getAttribute && box.getAttribute('data-filter');
    if (!selector) {
      return;
    }
    var words = box.value.trim().toLowerCase();
    document.querySelectorAll(selector).forEach(function (label) {
      var input = label.querySelector('input');
      var match = !words || label.textContent.toLowerCase().indexOf(words) >= 0 || (input && input.checked);
      label.hidden = !match;
    });
  });
})();
