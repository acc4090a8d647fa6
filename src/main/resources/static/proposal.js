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

  // A part loaded after the page (htmx) that is refused (the case changed meanwhile: 409) or cannot be
  // reached keeps no endless loading line: it says so, from the page's bundle text.
  function loadFailed(event) {
    var slot = event.detail && event.detail.elt;
    if (!slot || !slot.hasAttribute || !slot.hasAttribute('data-load-failed')) {
      return;
    }
    var line = slot.querySelector('.loading') || slot;
    line.textContent = slot.getAttribute('data-load-failed');
    line.classList.remove('loading');
    line.classList.add('error');
    line.setAttribute('role', 'alert');
  }
  document.addEventListener('htmx:responseError', loadFailed);
  document.addEventListener('htmx:sendError', loadFailed);

  // A refused form is further down a long page: bring its message into view.
  document.addEventListener('DOMContentLoaded', function () {
    var failed = document.querySelector('[data-failed]');
    if (failed && failed.scrollIntoView) {
      failed.scrollIntoView({ block: 'center' });
    }
  });

  // Files over the limit never reach the server (which would drop the connection): say so at once.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form || !form.querySelectorAll) {
      return;
    }
    form.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
      var file = input.files && input.files[0];
      var message = document.getElementById(input.id + '-toolarge');
      var tooLarge = file && file.size > Number(input.getAttribute('data-max-bytes'));
      if (message) {
        message.hidden = !tooLarge;
      }
      if (tooLarge) {
        event.preventDefault();
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      }
    });
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
