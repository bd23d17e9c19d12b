// Not eligible: an explanation page with the reasons, not a field error.
import { h } from '../dom.mjs';
import { openDraft } from '../draft.mjs';
import { serviceOf } from '../engine.mjs';
import { t, tr } from '../i18n.mjs';
import { eligibilityOf, visibleSteps } from '../answers.mjs';
import { backLink, heading } from '../ui.mjs';
import { draftGone } from './applications.mjs';

export async function notEligiblePage(app, { args: [draftId] }) {
  const open = await openDraft(app, draftId);
  if (!open) return draftGone(app);
  const report = open.session.report;
  const { reasons } = eligibilityOf(app.engine, open.form, report, { final: true });
  const steps = visibleSteps(open.form, report);
  return {
    service: serviceOf(open.form.id),
    title: t('ineligible.title'),
    body: [
      backLink(`#/form/${draftId}/${steps[0].id}`),
      heading(t('ineligible.title')),
      h('p', {}, t('ineligible.because')),
      h('ul', { class: 'list list--bullet', id: 'reasons' }, reasons.map((r) => h('li', {}, tr(r.message ?? r)))),
      h('p', {}, t('ineligible.what_next')),
      h('p', {}, h('a', { href: `#/form/${draftId}/${steps[0].id}`, class: 'link' }, t('ineligible.change'))),
    ],
  };
}
