// A service's start page (#/start/<form>): what it is, what you need, how long it takes, the
// fee and the legal basis (the form's "service" block), then a new draft of the form.
import { h } from '../dom.mjs';
import { createDraft } from '../draft.mjs';
import { serviceOf } from '../engine.mjs';
import { t, tf, tr } from '../i18n.mjs';
import { serviceDetails, serviceOfForm } from '../services.mjs';
import { backLink, button, heading, insetText } from '../ui.mjs';

export async function startPage(app, { args: [formId] }) {
  const form = app.engine.forms.get(formId);
  if (!form) return app.navigate('#/');
  const service = serviceOfForm(app.engine, formId);
  const start = async (event) => {
    event.preventDefault();
    const draft = await createDraft(app, form);
    app.navigate(`#/form/${draft.id}/${form.steps[0].id}`);
  };
  return {
    service: serviceOf(formId),
    title: tr(form.title),
    body: [
      backLink('#/'),
      heading(tr(form.title)),
      service && h('p', { class: 'body-l' }, tr(service.summary)),
      form.help && insetText(tr(form.help)),
      service && serviceDetails(service),
      h('p', {}, t('start.time')),
      h('p', {}, tf(formId, 'start.offline')),
      h('form', { onsubmit: start, novalidate: true },
        publicComputerOption(app),
        button(t('start.button'), { class: 'button button--start', id: 'start' })),
    ],
  };
}

/** "I am using a shared or public computer": nothing typed is kept after the page closes. */
export function publicComputerOption(app) {
  return h('div', { class: 'form-group' }, h('div', { class: 'checkboxes__item' },
    h('input', {
      id: 'public-computer', type: 'checkbox', class: 'checkboxes__input', checked: app.publicComputer,
      'aria-describedby': 'public-computer-hint', onchange: (event) => app.setPublicComputer(event.target.checked),
    }),
    h('label', { class: 'label label--choice', for: 'public-computer' }, t('start.public')),
    h('div', { class: 'hint checkboxes__hint', id: 'public-computer-hint' }, t('start.public_hint'))));
}
