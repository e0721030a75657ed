/**
 * The dashboard's one stylesheet, served as /dashboard/assets/dashboard.css (no inline styles:
 * the CSP allows styles from Lotse only). Colours meet WCAG 2.1 AA: text >= 4.5:1, the focus
 * outline and control borders >= 3:1 against their background.
 */
export const DASHBOARD_STYLESHEET = `
:root {
  --text: #1b1b1b;
  --muted: #4a4f55;
  --background: #ffffff;
  --surface: #f3f5f7;
  --border: #6b7178;
  --primary: #0b4f8a;
  --primary-dark: #083a66;
  --header: #0b3d6b;
  --focus: #0b0c0c;
  --focus-on-dark: #ffdd00;
  --error: #b00020;
  --ok-bg: #e3f2e8;   --ok-text: #0b5a2a;
  --soon-bg: #fff1c7; --soon-text: #5c4300;
  --late-bg: #fde3e5; --late-text: #9a1b24;
  --note-bg: #fff8e1; --note-border: #8a5a00;
  --advisor-bg: #eef4fa;
  --line: #d0d4d8;
}
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--text); background: var(--background);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1rem; line-height: 1.5;
}
a { color: var(--primary); text-decoration: underline; text-underline-offset: 0.15em; }
a:hover { color: var(--primary-dark); text-decoration-thickness: 0.15em; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main:focus { outline: none; }
main:focus-visible { outline: 3px solid var(--focus); outline-offset: 4px; }
code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; background: var(--surface); padding: 0 0.25em; border-radius: 3px; word-break: break-all; }

.skip-link {
  position: absolute; left: 0.5rem; top: -4rem; z-index: 10;
  padding: 0.5rem 1rem; background: var(--focus-on-dark); color: #0b0c0c; font-weight: 700;
}
.skip-link:focus, .skip-link:focus-visible { top: 0.5rem; outline: 3px solid var(--focus); }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}

.site-header { background: var(--header); color: #ffffff; }
.site-header a { color: #ffffff; }
.site-header :focus-visible { outline-color: var(--focus-on-dark); }
.site-header__bar {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.75rem;
  max-width: 72rem; margin: 0 auto; padding: 0.75rem 1rem;
}
.brand { font-size: 1.375rem; font-weight: 700; text-decoration: none; }
.brand__sub { font-weight: 400; }
.account { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; }
.account__sign-out { margin: 0; }
.site-header .button-secondary { background: transparent; color: #ffffff; border-color: #ffffff; }
.site-header .button-secondary:hover { background: rgba(255, 255, 255, 0.15); }
.site-nav { border-top: 1px solid rgba(255, 255, 255, 0.35); }
.site-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; max-width: 72rem; margin: 0 auto; padding: 0.5rem 1rem; list-style: none; }
.site-nav a { display: inline-block; padding: 0.25rem 0; text-decoration: none; border-bottom: 3px solid transparent; }
.site-nav a:hover { border-bottom-color: rgba(255, 255, 255, 0.6); }
.site-nav a[aria-current="page"] { font-weight: 700; border-bottom-color: #ffffff; }

main { display: block; max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
p, ul, ol { max-width: 48rem; }
.hint, .field-hint { color: var(--muted); }
.field-hint { margin: 0 0 0.25rem; }
details > summary { cursor: pointer; }
.site-footer { border-top: 1px solid #d0d4d8; color: var(--muted); }
.site-footer p { max-width: 72rem; margin: 0 auto; padding: 1rem; }

.notice:empty { display: none; }
.notice p {
  margin: 0 0 1rem; padding: 0.75rem 1rem; max-width: none;
  background: var(--ok-bg); color: var(--ok-text); border-left: 5px solid var(--ok-text);
}
.error-summary { margin: 0 0 1.5rem; padding: 1rem; border: 3px solid var(--error); }
.error-summary h2 { margin-top: 0; font-size: 1.25rem; }
.notice-inline { padding: 0.75rem 1rem; background: var(--soon-bg); color: var(--soon-text); border-left: 5px solid var(--soon-text); }

.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; padding: 0; list-style: none; max-width: none; }
.cards li { padding: 1rem; background: var(--surface); border: 1px solid #d0d4d8; border-radius: 4px; }
.cards a { font-weight: 700; font-size: 1.125rem; }
.cards p { margin: 0.25rem 0 0; }
.links { padding-left: 1.25rem; }

.button {
  display: inline-block; padding: 0.5rem 1rem; min-height: 2.75rem;
  font: inherit; font-weight: 600; line-height: 1.6; text-decoration: none; cursor: pointer;
  background: var(--primary); color: #ffffff; border: 2px solid var(--primary); border-radius: 4px;
}
.button:hover { background: var(--primary-dark); border-color: var(--primary-dark); color: #ffffff; }
.button-secondary { background: #ffffff; color: var(--primary); }
.button-secondary:hover { background: var(--surface); color: var(--primary-dark); }
.button:disabled { opacity: 0.6; cursor: not-allowed; }

.form-field { margin: 0 0 1.25rem; max-width: 40rem; }
.form-field label, .form-field legend { display: block; font-weight: 600; margin-bottom: 0.25rem; }
fieldset.form-field { border: 0; padding: 0; }
.form-field input[type="text"], .form-field input[type="search"], .form-field input[type="email"],
.form-field input[type="number"], .form-field input[type="date"], .form-field select, .form-field textarea {
  display: block; width: 100%; padding: 0.5rem; font: inherit; color: var(--text);
  background: #ffffff; border: 2px solid var(--border); border-radius: 3px;
}
.form-field textarea { min-height: 8rem; resize: vertical; }
.form-field--error input, .form-field--error select, .form-field--error textarea, [aria-invalid="true"] { border-color: var(--error); }
.field-error { margin: 0 0 0.25rem; color: var(--error); font-weight: 600; }
.checkbox { display: flex; align-items: flex-start; gap: 0.5rem; margin: 0.25rem 0; }
.checkbox input { width: 1.25rem; height: 1.25rem; margin-top: 0.15rem; accent-color: var(--primary); }
.checkbox label { font-weight: 400; margin: 0; }

.filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.75rem 1rem; margin: 0 0 1.5rem; padding: 1rem; background: var(--surface); border-radius: 4px; }
.filters .form-field { margin: 0; min-width: 12rem; flex: 0 1 auto; }
.filters fieldset { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.75rem 1rem; flex: 1 1 100%; min-width: 0; margin: 0; padding: 0; border: 0; }
.filters legend { padding: 0; margin: 0 0 0.5rem; font-weight: 700; font-size: 1.125rem; }
.filters .checkbox { align-self: center; min-width: 0; }

.table-wrap { overflow-x: auto; max-width: 100%; }
.table { width: 100%; border-collapse: collapse; margin: 0 0 1.5rem; }
.table caption { text-align: left; font-weight: 600; padding: 0 0 0.5rem; }
.table th, .table td { padding: 0.5rem 0.75rem; text-align: left; vertical-align: top; border-bottom: 1px solid #c5cacf; }
.table thead th { background: var(--surface); border-bottom: 2px solid var(--border); white-space: nowrap; }
.table tbody tr:hover { background: #f8f9fa; }
.table .number, .table .numeric { text-align: right; font-variant-numeric: tabular-nums; }
.table td:first-child, .table th[scope="row"] > a[href^="/dashboard/tickets/"] { white-space: nowrap; }
.table ul { margin: 0; padding-left: 1.25rem; }
.table form { margin: 0; }

.badge, .badge-ok, .badge-due_soon, .badge-breached {
  display: inline-block; padding: 0.1rem 0.5rem; border-radius: 999px; font-size: 0.875rem; font-weight: 600; white-space: nowrap;
}
.badge { background: var(--surface); color: var(--text); border: 1px solid var(--border); }
.badge-ok { background: var(--ok-bg); color: var(--ok-text); }
.badge-due_soon { background: var(--soon-bg); color: var(--soon-text); }
.badge-breached { background: var(--late-bg); color: var(--late-text); }

.pager { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin: 1rem 0; padding: 0; list-style: none; }
.pager ul { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin: 0; padding: 0; list-style: none; }
.pager a, .pager span { display: inline-block; padding: 0.25rem 0.5rem; }
.pager [aria-current="page"] { font-weight: 700; border: 2px solid var(--primary); border-radius: 3px; }

/* Ticket pages: facts, request, thread (internal notes never by colour alone: they carry their label), forms. */
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.5rem; margin: 0 0 1.5rem; max-width: 48rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.status-counts { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; margin: 0 0 1rem; padding: 0; list-style: none; max-width: none; }
.status-counts a { display: inline-block; padding: 0.125rem 0.5rem; border: 2px solid transparent; border-radius: 3px; }
.status-counts a[aria-current="true"] { font-weight: 700; border-color: var(--primary); }
.suggestions { padding-left: 1.5rem; }
.suggestions li { margin: 0.25rem 0; }
.ticket-description { max-width: 48rem; overflow-wrap: anywhere; }
.original-question { margin: 0 0 1rem; padding: 0.5rem 1rem; max-width: 48rem; background: var(--surface); border-left: 5px solid var(--border); overflow-wrap: anywhere; }
.original-question p { margin: 0; }
.thread { margin: 0 0 1.5rem; padding: 0; list-style: none; max-width: 48rem; }
.message { margin: 0 0 1rem; padding: 0.75rem 1rem; border: 1px solid var(--line); border-left-width: 5px; border-radius: 4px; }
.message-requester { background: var(--surface); border-left-color: var(--border); }
.message-advisor { background: var(--advisor-bg); border-left-color: var(--primary); }
.message-internal { background: var(--note-bg); border: 2px dashed var(--note-border); border-left: 5px solid var(--note-border); }
.message-internal .message-meta strong { color: var(--soon-text); }
.message-meta { margin: 0 0 0.25rem; color: var(--muted); font-size: 0.9375rem; }
.message-meta strong { color: var(--text); }
.message-text { margin: 0; overflow-wrap: anywhere; }
.ticket-form { margin: 0 0 1.25rem; padding: 1rem; max-width: 48rem; border: 1px solid var(--line); border-left: 5px solid var(--border); border-radius: 4px; }
.ticket-form h3 { margin-top: 0; }
.ticket-form-claim, .ticket-form-reply { border-left-color: var(--primary); }
.ticket-form-note { background: var(--note-bg); border-left-color: var(--note-border); }
.ticket-form-status, .ticket-form-priority, .ticket-form-route { background: var(--surface); }
.inline-form { display: inline; }

/* Knowledge pages: the answer preview as a Teams card. */
.teams-preview { margin: 2rem 0 0; }
.teams-card { max-width: 36rem; margin: 0 0 1rem; padding: 1rem; background: #ffffff; border: 1px solid var(--line); border-top: 4px solid var(--primary); border-radius: 6px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.15); overflow-wrap: anywhere; }
.teams-card-title { margin-top: 0; font-size: 1.125rem; }
.teams-card-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.125rem 1rem; margin: 0.75rem 0; color: var(--muted); font-size: 0.9375rem; }
.teams-card-facts dt { font-weight: 600; }
.teams-card-facts dd { margin: 0; }

/* Insight pages (knowledge gaps, analytics): charts, report blocks, gap groups. */
.chart { display: block; width: 100%; max-width: 40rem; height: auto; }
.chart .chart-bar { fill: #1f5f99; }
.chart .chart-item:hover .chart-bar { fill: #163f66; }
.chart .chart-label, .chart .chart-value, .chart .chart-empty { fill: var(--text); font-size: 12px; font-family: inherit; }
.chart .chart-axis { stroke: #555555; stroke-width: 1; }
.chart .chart-grid { stroke: #cccccc; stroke-width: 1; stroke-dasharray: 4 3; }
.report-block { margin: 2rem 0; }
.report-chart { margin: 0 0 1rem; }
.report-period { color: var(--muted); }
.report-data > summary { margin: 0.5rem 0; }
.report-download { margin: 0.5rem 0 0; }
.report-definitions dt { font-weight: 700; margin-top: 0.75rem; }
.report-definitions dd { margin-left: 0; }
.gap-summary { font-weight: 600; }
.gap-groups { padding-left: 1.5rem; max-width: none; }
.gap-group { margin: 1.5rem 0; padding: 1rem; border: 1px solid var(--line); border-radius: 4px; }
.gap-group h2 { font-size: 1.15rem; margin-top: 0; overflow-wrap: anywhere; }
.gap-group h3 { font-size: 1rem; }
.gap-meta { color: var(--muted); }
.gap-examples li { overflow-wrap: anywhere; }
.gap-actions { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-end; margin-top: 1rem; }
.gap-action { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; }
.gap-action .form-field { margin: 0; }
.gap-action select { max-width: 28rem; }

@media (max-width: 40rem) {
  h1 { font-size: 1.625rem; }
  .site-header__bar { flex-direction: column; align-items: flex-start; }
  .filters { flex-direction: column; align-items: stretch; }
  .button { width: 100%; text-align: center; }
  .account .button, .filters .button { width: auto; }
  .facts, .teams-card-facts { grid-template-columns: 1fr; }
  .table th, .table td { padding: 0.375rem 0.25rem; overflow-wrap: anywhere; }
  .table thead th, .table td:first-child, .table th[scope="row"] > a[href^="/dashboard/tickets/"] { white-space: normal; }
  .facts dd, .teams-card-facts dd { margin-bottom: 0.5rem; }
}
@media (forced-colors: active) {
  .chart .chart-bar, .chart .chart-label, .chart .chart-value, .chart .chart-empty { fill: CanvasText; }
  .message-internal { border-style: dashed; }
}
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
@media print { .site-header, .site-footer, .skip-link, .filters, .pager, .ticket-form { display: none; } }
`;
