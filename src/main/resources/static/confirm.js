// Asks before submitting a form that carries data-confirm (e.g. removing a calendar day).
// A file of its own because the content security policy forbids inline scripts.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form && form.getAttribute && form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
