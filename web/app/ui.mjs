// Shared page parts: GOV.UK error summary, back link, buttons, panels, summary lists.
import { h, idFor } from './dom.mjs';
import { t, tr } from './i18n.mjs';

/** The error summary: focused on Continue; each item links to its field (or to `error.href`). */
export function errorSummary(errors) {
  return h('div', { class: 'error-summary', tabindex: '-1', 'aria-labelledby': 'error-summary-title' },
    h('h2', { class: 'error-summary__title', id: 'error-summary-title' }, t('error.summary_title')),
    h('ul', { class: 'error-summary__list' }, errors.map((error) => h('li', {},
      error.href ? h('a', { href: error.href }, tr(error.message))
        : h('a', { href: `#${idFor(error.path)}`, onclick: (event) => focusField(event, error.path) }, tr(error.message))))));
}

// Focuses the field a message is about, or the nearest enclosing one that is on the page.
function focusField(event, path) {
  event.preventDefault();
  for (let pointer = path; ; pointer = pointer.slice(0, pointer.lastIndexOf('/'))) {
    const target = document.getElementById(idFor(pointer));
    if (target) {
      target.closest('.form-group')?.scrollIntoView({ block: 'start' });
      target.focus();
      return;
    }
    if (!pointer) return;
  }
}

export function backLink(href) {
  return h('a', { href, class: 'back-link' }, t('nav.back'));
}

export function button(text, attributes = {}) {
  return h('button', { class: 'button', type: 'submit', ...attributes }, text);
}

export function heading(text, caption) {
  return [caption && h('span', { class: 'caption' }, caption), h('h1', { class: 'heading-l', tabindex: '-1' }, text)];
}

export function summaryList(rows) {
  return h('dl', { class: 'summary-list' }, rows.map((row) => h('div', { class: 'summary-list__row' },
    h('dt', { class: 'summary-list__key' }, row.key),
    h('dd', { class: 'summary-list__value' }, row.value),
    row.action && h('dd', { class: 'summary-list__actions' }, row.action))));
}

export function insetText(...children) {
  return h('div', { class: 'inset-text' }, ...children);
}

export function warning(...children) {
  return h('div', { class: 'warning-text' },
    h('span', { class: 'warning-text__icon', 'aria-hidden': 'true' }, '!'),
    h('strong', { class: 'warning-text__text' }, h('span', { class: 'visually-hidden' }, `${t('warning.prefix')}: `), ...children));
}
