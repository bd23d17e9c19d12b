// Page parts the voting pages share: the field with its error, the stage banner that says in
// words and colour whether a ballot is only encrypted or cast, the progress of the worker.
import { h } from '../dom.mjs';
import { t, tr } from '../i18n.mjs';

/** A labelled text input with hint and error, id f-<name> (the error summary links to it). */
export function textField({ name, label, hint, value = '', error, ...attributes }) {
  const id = `f-${name}`;
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || null;
  return h('div', { class: `form-group${error ? ' form-group--error' : ''}` },
    h('label', { class: 'label', for: id }, label),
    hint && h('div', { class: 'hint', id: `${id}-hint` }, hint),
    error && h('p', { class: 'error-message', id: `${id}-error` }, h('span', { class: 'visually-hidden' }, `${t('error.prefix')}: `), tr(error.message)),
    h('input', { id, name, class: `input${error ? ' input--error' : ''}`, type: 'text', value, 'aria-describedby': described, ...attributes }));
}

/**
 * Where the voter's ballot stands, never ambiguous: 'encrypted' (a warning: NOT cast yet),
 * 'checked' (opened, will never count) or 'cast' (counted unless replaced).
 */
export function ballotState(state) {
  return h('p', { class: `ballot-state ballot-state--${state}`, id: 'ballot-state', 'data-state': state },
    h('strong', {}, t(`vote.state.${state}`)), ' ', t(`vote.state.${state}_detail`));
}

/** The worker's progress as a <progress> bar with its stage in words (announced politely). */
export function progressView() {
  const bar = h('progress', { id: 'vote-progress', max: '3', value: '0', 'aria-labelledby': 'vote-progress-label' });
  const label = h('p', { id: 'vote-progress-label', role: 'status' }, '');
  const view = h('div', { class: 'vote-progress', hidden: true }, label, bar);
  return {
    view,
    show(progress) {
      view.hidden = false;
      bar.max = progress.total;
      bar.value = progress.step;
      label.textContent = t('vote.progress', { step: progress.step, total: progress.total, stage: t(`vote.stage.${progress.stage}`) });
    },
    hide() { view.hidden = true; },
  };
}

/** A tracking code for people: groups of 4 hex digits ("3f9a 0c1e …"). */
export function trackingCode(code, id = 'tracking-code') {
  return h('code', { class: 'tracking-code', id, 'data-code': code }, code.match(/.{1,4}/g).join(' '));
}

/** What the election is called, or its id. */
export function electionTitle(election, id) {
  return election ? tr(election.title ?? election.manifest?.title) || id : id;
}
