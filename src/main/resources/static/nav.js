// The main menu: on a phone the whole menu opens from one button; its groups are <details>, of which
// one is open at a time and which close on Escape or a click elsewhere. A file (not inline) for the CSP.
document.addEventListener('DOMContentLoaded', function () {
  var toggle = document.getElementById('nav-toggle');
  var nav = document.getElementById('main-nav');
  if (!toggle || !nav) {
    return;
  }
  toggle.addEventListener('click', function () {
    var open = nav.classList.toggle('open');
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
  var groups = nav.querySelectorAll('details');
  groups.forEach(function (d) {
    d.addEventListener('toggle', function () {
      if (d.open) {
        groups.forEach(function (other) { if (other !== d) { other.open = false; } });
      }
    });
  });
  function closeAll() { groups.forEach(function (d) { d.open = false; }); }
  document.addEventListener('click', function (e) { if (!nav.contains(e.target)) { closeAll(); } });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { closeAll(); } });
});
