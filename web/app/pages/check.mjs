// Check your answers: every visible answer with a Change link back to its step, then send (a
// form that asks for a qualified e-signature goes to the sign step first, pages/sign.mjs).
import { stepOf, valueAt, visibleSteps, eligibilityOf } from '../answers.mjs';
import { h } from '../dom.mjs';
import { serviceOf } from '../engine.mjs';
import { formatAnswer } from '../format.mjs';
import { formatEuro, t, tf, tr } from '../i18n.mjs';
import { submitDraft } from '../submit.mjs';
import { backLink, button, errorSummary, heading, summaryList, warning } from '../ui.mjs';
import { editableDraft } from './applications.mjs';

export async function checkPage(app, { args: [draftId] }) {
  const { open, page } = await editableDraft(app, draftId);
  if (!open) return page;
  const { form } = open;
  const report = open.session.report;
  const steps = visibleSteps(form, report);
  const visible = new Set(report.visible);
  const shown = app.shownErrors?.step === 'check' ? app.shownErrors.errors : [];

  const send = async (event) => {
    event.preventDefault();
    const now = open.session.report;
    if (!now.valid) {
      app.shownErrors = { step: 'check', errors: now.errors };
      return app.render();
    }
    if (!eligibilityOf(app.engine, form, now, { final: true }).eligible) return app.navigate(`#/form/${draftId}/not-eligible`);
    const progress = document.getElementById('send-progress');
    if (form.signature && !navigator.onLine) return progress.replaceChildren(h('span', { id: 'sign-offline' }, t('sign.needs_connection')));
    progress.replaceChildren();  // a notice from an earlier attempt no longer holds
    event.submitter?.setAttribute('disabled', '');
    let result;
    try {
      result = await submitDraft(app, open, { onProgress: ({ sent, total }) => progress.replaceChildren(t('check.sending_files', { sent, total })) });
    } catch (error) {
      if (error.code !== 'submission.invalid') throw error;
      app.shownErrors = { step: 'check', errors: error.params.report.errors };
      return app.render();
    }
    if (result.outcome === 'sign') return app.navigate(`#/form/${draftId}/sign`);
    if (result.outcome === 'sent') return app.navigate(`#/sent/${result.record.submission_id}`);
    if (result.outcome === 'failed') return app.navigate('#/applications');
    if (result.outcome === 'gone') return app.navigate('#/applications');
    return app.navigate(`#/form/${draftId}/queued`);
  };

  const change = (step, label) => h('a', { href: `#/form/${draftId}/${step.id}?return=check`, class: 'link' },
    t('check.change'), h('span', { class: 'visually-hidden' }, ` ${label}`));
  const sections = steps.map((step) => [
    h('h2', { class: 'heading-m' }, tr(step.title)),
    summaryList(step.fields.filter((f) => visible.has(`/${f.id}`)).map((field) => ({
      key: tr(field.label),
      value: formatAnswer(field, valueAt(report.answers, `/${field.id}`), app.engine),
      action: change(step, tr(field.label)),
    }))),
  ]);
  const linkedErrors = shown.map((error) => {
    const step = stepOf(form, error.path);
    return step ? { ...error, href: `#/form/${draftId}/${step.id}?return=check` } : error;
  });
  return {
    service: serviceOf(form.id),
    title: tf(form.id, 'check.title'),
    body: [
      backLink(`#/form/${draftId}/${steps[steps.length - 1].id}`),
      shown.length > 0 && errorSummary(linkedErrors),
      open.draft.needsReview && warning(t('draft.needs_review')),
      heading(tf(form.id, 'check.title'), tr(form.title)),
      sections,
      fee(report.computed?.fee),
      h('h2', { class: 'heading-m' }, tf(form.id, 'check.declaration_title')),
      h('p', {}, tf(form.id, 'check.declaration')),
      form.signature && h('p', { id: 'sign-next' }, t('check.sign_next')),
      h('form', { onsubmit: send, novalidate: true }, button(tf(form.id, 'check.submit'), { id: 'submit' }),
        h('p', { id: 'send-progress', role: 'status' })),
    ],
    hasErrors: shown.length > 0,
  };
}

// The fee the form computes (docs/forms.md: a computed value named `fee`), and the truth
// about paying it: nothing is paid here; the district administration asks for it.
function fee(amount) {
  if (typeof amount !== 'number') return null;
  return h('section', { 'aria-labelledby': 'fee-title', id: 'fee' },
    h('h2', { class: 'heading-m', id: 'fee-title' }, t('check.fee_title')),
    h('p', { class: 'body-l' }, h('strong', {}, formatEuro(amount))),
    h('p', {}, t('check.fee_how')));
}
