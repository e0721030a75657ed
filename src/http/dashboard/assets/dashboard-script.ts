/**
 * The dashboard's one script, served as /dashboard/assets/dashboard.js (no inline scripts: the CSP
 * allows scripts from Lotse only). Progressive enhancement only — every page works without it:
 * forms with `data-confirm="Frage?"` ask before they are sent, and an error summary gets the focus
 * so that screen readers announce it.
 */
export const DASHBOARD_SCRIPT = `'use strict';
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('.error-summary');
  if (summary) {
    summary.setAttribute('tabindex', '-1');
    summary.focus();
  }
});
`;
