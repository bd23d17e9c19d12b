// The municipality's services as its profile describes them (the core's catalogue,
// docs/profile.md "Service catalogue"): each form with a "service" block, and one entry per open
// election; how a service is described (what you need, how long, the fee, the legal basis);
// and the search over them, folded by the core so Cyrillic and Latin find the same words.
import { h } from './dom.mjs';
import { formatEuro, t, tr } from './i18n.mjs';
import { summaryList } from './ui.mjs';
import { listElections } from './vote/api.mjs';

/**
 * The catalogue's groups with their services: [{ id, title, services: [{ id, title, href,
 * details }] }], the profile's order; a group offering elections lists each open one.
 */
export async function catalogueGroups(engine) {
  const groups = engine.catalogue.life_events;
  const elections = groups.some((group) => group.elections) ? await openElections() : [];
  return groups.map((group) => ({
    id: group.id,
    title: group.title,
    services: [
      ...group.services.map((service) => ({
        id: service.form, title: service.title, href: `#/start/${service.form}`, details: service,
      })),
      ...(group.elections ? elections.map((election) => ({
        id: `vote-${election.id}`, title: election.title ?? { bg: election.id, en: election.id },
        href: `#/vote/${election.id}`, details: group.elections,
      })) : []),
    ],
  }));
}

// The open elections; none when the server cannot be reached (the page works offline).
async function openElections() {
  const answer = await listElections();
  return answer.ok ? (answer.body.elections ?? []).filter((election) => election.state === 'open') : [];
}

/** The catalogue's entry of form `formId`, or undefined when it is not a service. */
export function serviceOfForm(engine, formId) {
  return engine.catalogue.life_events.flatMap((group) => group.services).find((s) => s.form === formId);
}

/** "2,56 € – 5,11 €", or the profile's text. */
export function feeText(fee) {
  if (fee.text) return tr(fee.text);
  return fee.min_eur === fee.max_eur ? formatEuro(fee.min_eur)
    : t('service.fee_range', { min: formatEuro(fee.min_eur), max: formatEuro(fee.max_eur) });
}

/** What you need, how long it takes, the fee and the legal basis, as a summary list. */
export function serviceDetails(details) {
  const basis = details.legal_basis;
  return summaryList([
    { key: t('service.you_need'), value: h('ul', { class: 'list list--bullet' }, details.you_need.map((need) => h('li', {}, tr(need)))) },
    { key: t('service.duration'), value: tr(details.duration) },
    { key: t('service.fee'), value: feeText(details.fee) },
    { key: t('service.legal_basis'), value: basis.url ? h('a', { href: basis.url, class: 'link', rel: 'noopener' }, tr(basis.text)) : tr(basis.text) },
  ]);
}

/** Each service with the folded words it is found by: its title, summary and needs, its group's title, in both languages and in Latin letters. */
export function searchKeys(engine, groups) {
  return groups.flatMap((group) => group.services.map((service) => {
    const texts = [service.title, service.details.summary, ...service.details.you_need, group.title]
      .flatMap((text) => [text.bg, text.en]);
    const latin = texts.map((text) => engine.civic.transliterate(text));
    return { id: service.id, key: engine.civic.foldForSearch([...texts, ...latin].join(' ')) };
  }));
}

/** The ids of the services whose key holds every folded word of `query` (all for an empty one). */
export function searchServices(engine, keyed, query) {
  const words = engine.civic.foldForSearch(query).split(/\s+/).filter(Boolean);
  return new Set(keyed.filter(({ key }) => words.every((word) => key.includes(word))).map(({ id }) => id));
}
