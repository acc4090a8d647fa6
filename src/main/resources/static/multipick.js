// A searchable multi-select over plain checkboxes (issue 17): a filter box, the chosen items as
// removable chips above the list, groups that hide when nothing in them matches. Without this
// script the form is the plain list of checkboxes, which submits the same way.
(function () {
  function setup(box) {
    var filter = box.querySelector('[data-pick-filter]');
    var chosen = box.querySelector('[data-pick-chosen]');
    var count = box.querySelector('[data-pick-count]');
    var inputs = Array.prototype.slice.call(box.querySelectorAll('input[type=checkbox]'));
    var removeLabel = box.getAttribute('data-remove-label') || 'Remove';
    box.classList.add('enhanced');
    if (filter) {
      filter.hidden = false;
    }

    function labelOf(input) {
      var label = input.closest('label');
      return label ? label.textContent.replace(/\s+/g, ' ').trim() : input.value;
    }

    function render() {
      var n = 0;
      if (chosen) {
        chosen.textContent = '';
      }
      inputs.forEach(function (input) {
        if (!input.checked) {
          return;
        }
        n++;
        if (!chosen) {
          return;
        }
        var chip = document.createElement('button');
        chip.type = 'button';
        chip.className = 'chip';
        chip.textContent = labelOf(input) + ' ×';
        chip.setAttribute('aria-label', removeLabel + ' ' + labelOf(input));
        chip.addEventListener('click', function () {
          input.checked = false;
          render();
          (filter || input).focus();
        });
        chosen.appendChild(chip);
      });
      if (count) {
        count.textContent = String(n);
      }
    }

    function narrow() {
      var words = filter.value.trim().toLowerCase();
      inputs.forEach(function (input) {
        var label = input.closest('label');
        if (label) {
          label.hidden = !!words && labelOf(input).toLowerCase().indexOf(words) < 0;
        }
      });
      box.querySelectorAll('.pick-group').forEach(function (group) {
        group.hidden = !group.querySelector('label:not([hidden])');
      });
    }

    box.addEventListener('change', render);
    if (filter) {
      filter.addEventListener('input', narrow);
      // Enter in the filter must not submit the form: it moves to the first match instead
      filter.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') {
          event.preventDefault();
          var first = box.querySelector('label:not([hidden]) input');
          if (first) {
            first.focus();
          }
        }
      });
    }
    render();
  }

  function init() {
    document.querySelectorAll('[data-multi-pick]').forEach(setup);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
