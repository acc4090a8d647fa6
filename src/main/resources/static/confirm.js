// Asks before submitting a form that carries data-confirm (irreversible steps, removing a calendar day).
// Where the page has a <dialog id="confirm-dialog">, the question shows in it (a modal that does
// not block the page's scripts or browser tests); otherwise window.confirm asks.
// A file of its own because the content security policy forbids inline scripts.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form && form.getAttribute && form.getAttribute('data-confirm');
  if (!question || event.defaultPrevented) {
    return;
  }
  if (form.getAttribute('data-confirmed') === 'yes') {
    form.removeAttribute('data-confirmed');
    return;
  }
  var dialog = document.getElementById('confirm-dialog');
  if (!dialog || typeof dialog.showModal !== 'function') {
    if (!window.confirm(question)) {
      event.preventDefault();
    }
    return;
  }
  event.preventDefault();
  var submitter = event.submitter && event.submitter.form === form ? event.submitter : null;
  dialog.querySelector('[data-confirm-question]').textContent = question;
  dialog.returnValue = '';
  dialog.onclose = function () {
    dialog.onclose = null;
    if (dialog.returnValue !== 'ok') {
      if (submitter) {
        submitter.focus();
      }
      return;
    }
    form.setAttribute('data-confirmed', 'yes');
    if (form.requestSubmit) {
      form.requestSubmit(submitter || undefined);
    } else {
      form.submit();
    }
  };
  dialog.showModal();
});
