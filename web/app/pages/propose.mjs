// Start page of a proposal for the participatory budget: what is asked, what is published,
// then a new draft of the profile's pb_proposal form (the same drafts, outbox and sealed
// envelope path as the address change).
import { h } from '../dom.mjs';
import { createDraft } from '../draft.mjs';
import { PROPOSAL_FORM_ID } from '../engine.mjs';
import { t, tr } from '../i18n.mjs';
import { button, heading, insetText } from '../ui.mjs';

export async function proposePage(app) {
  const form = app.engine.forms.get(PROPOSAL_FORM_ID);
  if (!form) return { service: t('pb.service'), title: t('pb.none_title'), body: [heading(t('pb.none_title')), h('p', {}, t('pb.none_body'))] };
  const start = async (event) => {
    event.preventDefault();
    const draft = await createDraft(app, form);
    app.navigate(`#/form/${draft.id}/${form.steps[0].id}`);
  };
  return {
    service: t('pb.service'),
    title: tr(form.title),
    body: [
      heading(tr(form.title)),
      h('p', { class: 'body-l' }, t('propose.intro')),
      h('h2', { class: 'heading-m' }, t('start.need_title')),
      h('ul', { class: 'list list--bullet' }, ['idea', 'cost', 'egn'].map((k) => h('li', {}, t(`propose.need_${k}`)))),
      form.help && insetText(tr(form.help)),
      h('p', {}, t('start.time')),
      h('form', { onsubmit: start, novalidate: true }, button(t('start.button'), { class: 'button button--start', id: 'start' })),
      h('p', {}, h('a', { href: '#/proposals', class: 'link' }, t('proposals.link'))),
    ],
  };
}
