// Forms validate as the user types: the browser's own checks (required, pattern, min, max)
// are shown next to the field and announced, before anything is sent. The server checks again.
document.addEventListener('DOMContentLoaded', () => {
  for (const form of document.querySelectorAll('form[data-validate]')) {
    form.setAttribute('novalidate', '');
    const show = (field) => {
      const box = document.getElementById(field.id + '-error');
      if (!box) return;
      const bad = !field.validity.valid;
      field.setAttribute('aria-invalid', bad ? 'true' : 'false');
      box.textContent = bad ? (field.dataset.message || field.validationMessage) : '';
      box.hidden = !bad;
    };
    form.addEventListener('input', (e) => { if (e.target.id) show(e.target); });
    form.addEventListener('change', (e) => { if (e.target.id) show(e.target); });
    form.addEventListener('submit', (e) => {
      const fields = [...form.elements].filter((f) => f.id && f.willValidate);
      fields.forEach(show);
      const first = fields.find((f) => !f.validity.valid);
      if (first) {
        e.preventDefault();
        first.focus();
      }
    });
  }
});
