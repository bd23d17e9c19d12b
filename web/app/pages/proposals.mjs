// The public list of admitted proposals: title, district, cost and topic, searchable in
// Cyrillic or Latin (the core's fold). Nothing about the proposer is ever shown.
import { h } from '../dom.mjs';
import { formatEuro, t, tn, tr } from '../i18n.mjs';
import { describe, fetchProposals, search, searchKey, titleOf } from '../pb/proposals.mjs';
import { heading, summaryList } from '../ui.mjs';

export async function proposalsPage(app) {
  let proposals;
  try {
    proposals = await fetchProposals();
  } catch {
    return { service: t('pb.service'), title: t('proposals.title'), body: [heading(t('proposals.title')), h('p', { id: 'proposals-unavailable' }, t('proposals.unavailable'))] };
  }
  const keyed = proposals.map((p) => {
    const described = describe(app.engine, p);
    return { proposal: described, key: searchKey(app.engine, described) };
  });
  const list = h('ol', { class: 'proposals', id: 'proposal-list' });
  const count = h('p', { id: 'proposal-count', role: 'status' });
  const show = (query) => {
    const found = search(app.engine, keyed, query);
    list.replaceChildren(...found.map(({ proposal }) => card(proposal)));
    count.textContent = tn('proposals.count', found.length);
  };
  const input = h('input', {
    id: 'proposal-search', class: 'input', type: 'search', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'proposal-search-hint', oninput: (event) => show(event.target.value),
  });
  show('');
  return {
    service: t('pb.service'),
    title: t('proposals.title'),
    body: [
      heading(t('proposals.title')),
      h('p', {}, t('proposals.intro')),
      h('div', { class: 'form-group', role: 'search' },
        h('label', { class: 'label', for: 'proposal-search' }, t('proposals.search')),
        h('div', { class: 'hint', id: 'proposal-search-hint' }, t('proposals.search_hint')),
        input),
      count,
      list,
      h('p', {}, h('a', { href: '#/propose', class: 'link' }, t('proposals.propose'))),
    ],
  };
}

function card(proposal) {
  return h('li', { class: 'proposal', 'data-id': proposal.id },
    h('h2', { class: 'heading-s' }, titleOf(proposal)),
    proposal.description && h('p', { class: 'proposal__description' }, proposal.description),
    summaryList([
      { key: t('proposals.district'), value: proposal.districtName ? tr(proposal.districtName) : t('proposals.whole_city') },
      { key: t('proposals.cost'), value: formatEuro(proposal.cost_eur) },
      { key: t('proposals.topic'), value: tr(proposal.topicName) },
    ]));
}
