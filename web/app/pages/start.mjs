// Start page: what the service is, what you need, how long it takes; public-computer option.
import { h } from '../dom.mjs';
import { createDraft } from '../draft.mjs';
import { editableDrafts } from '../store.mjs';
import { t, tr } from '../i18n.mjs';
import { button, heading } from '../ui.mjs';

export async function startPage(app) {
  const { form } = app.engine;
  const drafts = await editableDrafts(app.store);
  const start = async (event) => {
    event.preventDefault();
    const draft = await createDraft(app);
    app.navigate(`#/form/${draft.id}/${form.steps[0].id}`);
  };
  return {
    title: tr(form.title),
    body: [
      heading(tr(form.title)),
      form.help && h('p', { class: 'body-l' }, tr(form.help)),
      h('p', {}, t('start.intro')),
      h('h2', { class: 'heading-m' }, t('start.need_title')),
      h('ul', { class: 'list list--bullet' }, ['egn', 'address', 'contact'].map((k) => h('li', {}, t(`start.need_${k}`)))),
      h('p', {}, t('start.time')),
      h('p', {}, t('start.offline')),
      drafts.length > 0 && h('p', {}, h('a', { href: '#/applications' }, t('start.drafts', { count: drafts.length }))),
      h('form', { onsubmit: start, novalidate: true },
        h('div', { class: 'form-group' }, h('div', { class: 'checkboxes__item' },
          h('input', {
            id: 'public-computer', type: 'checkbox', class: 'checkboxes__input', checked: app.publicComputer,
            'aria-describedby': 'public-computer-hint', onchange: (event) => app.setPublicComputer(event.target.checked),
          }),
          h('label', { class: 'label label--choice', for: 'public-computer' }, t('start.public')),
          h('div', { class: 'hint checkboxes__hint', id: 'public-computer-hint' }, t('start.public_hint')))),
        button(t('start.button'), { class: 'button button--start', id: 'start' })),
    ],
  };
}
