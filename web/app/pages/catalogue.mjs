// The start page: the municipality's e-services from its profile, grouped by life event and
// searched as you type (Cyrillic or Latin, the core's fold), each a card linking to its start;
// the drafts to continue and the "shared or public computer" option.
import { h } from '../dom.mjs';
import { editableDrafts } from '../store.mjs';
import { t, tn, tr } from '../i18n.mjs';
import { catalogueGroups, searchKeys, searchServices, serviceDetails } from '../services.mjs';
import { heading } from '../ui.mjs';
import { publicComputerOption } from './start.mjs';

export async function cataloguePage(app) {
  const groups = (await catalogueGroups(app.engine)).filter((group) => group.services.length > 0);
  const keyed = searchKeys(app.engine, groups);
  const drafts = await editableDrafts(app.store);
  const sections = groups.map((group) => h('section', { class: 'services', 'data-life-event': group.id, 'aria-labelledby': `life-event-${group.id}` },
    h('h2', { class: 'heading-m', id: `life-event-${group.id}` }, tr(group.title)),
    h('ul', { class: 'services__list' }, group.services.map(card))));
  const count = h('p', { id: 'service-count', role: 'status' });
  const show = (query) => {
    const found = searchServices(app.engine, keyed, query);
    for (const section of sections) {
      let shown = 0;
      for (const item of section.querySelectorAll('[data-service]')) {
        item.hidden = !found.has(item.dataset.service);
        if (!item.hidden) shown += 1;
      }
      section.hidden = shown === 0;
    }
    count.textContent = found.size === 0 ? t('catalogue.none', { query: query.trim() }) : tn('catalogue.count', found.size);
  };
  show('');
  return {
    service: t('catalogue.service'),
    title: t('catalogue.title'),
    body: [
      heading(t('catalogue.title'), tr(app.engine.bundle.name)),
      h('p', { class: 'body-l' }, t('catalogue.intro')),
      drafts.length > 0 && h('p', {}, h('a', { href: '#/applications' }, t('start.drafts', { count: drafts.length }))),
      h('div', { class: 'form-group', role: 'search' },
        h('label', { class: 'label', for: 'service-search' }, t('catalogue.search')),
        h('div', { class: 'hint', id: 'service-search-hint' }, t('catalogue.search_hint')),
        h('input', {
          id: 'service-search', class: 'input', type: 'search', autocomplete: 'off', spellcheck: 'false',
          'aria-describedby': 'service-search-hint', 'aria-controls': 'services', oninput: (event) => show(event.target.value),
        })),
      count,
      h('div', { id: 'services' }, sections),
      publicComputerOption(app),
    ],
  };
}

function card(service) {
  return h('li', { class: 'service-card', 'data-service': service.id },
    h('h3', { class: 'heading-s' }, h('a', { href: service.href, class: 'link' }, tr(service.title))),
    h('p', {}, tr(service.details.summary)),
    serviceDetails(service.details));
}
