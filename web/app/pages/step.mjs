// One step of the form per page. Errors show on Continue (never while typing); every change
// re-validates in the wasm core, which decides what is visible, and is autosaved.
import { stepErrors, valueAt, visibleSteps, eligibilityOf, within } from '../answers.mjs';
import { attachFile, detachFile } from '../attachments.mjs';
import { h } from '../dom.mjs';
import { changeAnswer, saveDraft } from '../draft.mjs';
import { serviceOf } from '../engine.mjs';
import { renderField } from '../fields.mjs';
import { t, tr } from '../i18n.mjs';
import { backLink, button, errorSummary, heading, warning } from '../ui.mjs';
import { editableDraft } from './applications.mjs';

const SUGGESTIONS = 8;

export async function stepPage(app, { args: [draftId, stepId], returnTo }) {
  const { open, page } = await editableDraft(app, draftId);
  if (!open) return page;
  const { form } = open;
  const report = open.session.report;
  const steps = visibleSteps(form, report);
  const index = steps.findIndex((s) => s.id === stepId);
  if (index < 0) return app.navigate(`#/form/${draftId}/${steps[0].id}`);
  const step = steps[index];
  const shown = app.shownErrors?.step === step.id ? app.shownErrors.errors : [];

  const ctx = {
    value: (pointer) => valueAt(open.session.answers, pointer),
    error: (pointer) => shown.find((e) => e.path === pointer),
    errorWithin: (pointer) => shown.find((e) => within(e.path, pointer)),
    change: (pointer, value) => updateVisibility(changeAnswer(app, open, pointer, value)),
    rerender: (focusPointer) => app.render(focusPointer),
    suggestAddresses: (text) => suggestions(app, text),
    settlements: app.engine.settlements,
    districts: app.engine.districts,
    visible: new Set(report.visible),
    // <main data-attaching> names the field while a file is checked and sealed (tests wait for it).
    attachFile: async (pointer, file, options) => {
      const main = document.getElementById('main');
      main.dataset.attaching = pointer;
      try {
        const { refusal } = await attachFile(app, open, pointer, file, options);
        // A refused file is said at once, as an error of the step (summary on top, focused).
        app.shownErrors = refusal ? { step: step.id, errors: [{ ...refusal, path: pointer }] } : null;
        await app.render(refusal ? null : pointer);
      } finally {
        delete main.dataset.attaching;
      }
    },
    detachFile: async (pointer, index) => {
      await detachFile(app, open, pointer, index);
      app.shownErrors = null;
      app.render(pointer);
    },
  };

  const proceed = async (event) => {
    event.preventDefault();
    const now = open.session.report;
    const errors = stepErrors(now, step);
    if (errors.length) {
      app.shownErrors = { step: step.id, errors };
      return app.render();
    }
    app.shownErrors = null;
    if (!eligibilityOf(app.engine, form, now, { final: false }).eligible) {
      await saveDraft(app);
      return app.navigate(`#/form/${draftId}/not-eligible`);
    }
    const after = visibleSteps(form, now);
    const next = returnTo === 'check' ? null : after[after.findIndex((s) => s.id === step.id) + 1];
    open.draft.step = next ? next.id : 'check';
    await saveDraft(app);
    app.navigate(next ? `#/form/${draftId}/${next.id}` : `#/form/${draftId}/check`);
  };

  const back = returnTo === 'check' ? `#/form/${draftId}/check` : index > 0 ? `#/form/${draftId}/${steps[index - 1].id}` : `#/start/${form.id}`;
  const body = [
    backLink(back),
    shown.length > 0 && errorSummary(shown),
    open.draft.needsReview && warning(t('draft.needs_review')),
    heading(tr(step.title), `${tr(form.title)} — ${t('step.counter', { n: index + 1, total: steps.length })}`),
    step.help && h('p', { class: 'hint' }, tr(step.help)),
    h('form', { onsubmit: proceed, novalidate: true, id: 'step-form' },
      step.fields.map((field) => renderField(field, `/${field.id}`, ctx)),
      button(t('step.continue'), { id: 'continue' }),
      h('p', {}, h('a', { href: '#/applications' }, t('step.save_later')))),
  ];
  return { service: serviceOf(form.id), title: tr(step.title), body, hasErrors: shown.length > 0 };
}

// Shows exactly the fields the core reports visible (hidden ones keep their place in the DOM).
function updateVisibility(report) {
  if (!report) return;
  const visible = new Set(report.visible);
  for (const group of document.querySelectorAll('#step-form [data-pointer]')) {
    group.hidden = !visible.has(group.dataset.pointer);
  }
}

function suggestions(app, text) {
  const { profile, settlements, districtNames } = app.engine;
  const names = new Map(settlements.map((s) => [s.ekatte, s.name]));
  return profile.suggestAddresses({ text, limit: SUGGESTIONS }).map((s) => ({
    ...s, settlementName: tr(names.get(s.settlement)), districtName: tr(districtNames.get(s.district)),
  }));
}
