// The accounts page: "select all on this page" and the count of selected members.
// A file of its own because the content security policy forbids inline scripts.
(function () {
  var all = document.querySelector('[data-select-all]');
  if (!all) {
    return;
  }
  var name = all.getAttribute('data-select-all');
  var boxes = function () {
    return Array.prototype.slice.call(document.querySelectorAll('input[type=checkbox][name="' + name + '"]'));
  };
  var count = document.getElementById('accounts-selected');
  var update = function () {
    var list = boxes();
    var n = list.filter(function (b) { return b.checked; }).length;
    all.checked = n > 0 && n === list.length;
    all.indeterminate = n > 0 && n < list.length;
    if (count) {
      count.textContent = count.getAttribute('data-template').replace('{n}', n);
    }
  };
  all.addEventListener('change', function () {
    boxes().forEach(function (b) { b.checked = all.checked; });
    update();
  });
  boxes().forEach(function (b) { b.addEventListener('change', update); });
  update();
})();
