// The admitted proposals (GET /api/v1/proposals) and their search: each proposal's words, in
// Bulgarian and in Latin letters, folded by the core (text.fold), so "velo", "вело" and
// "Velo" find the same cycle lane.
import { tr } from '../i18n.mjs';

/** The published proposals in the server's documented order (admission order). */
export async function fetchProposals() {
  const response = await fetch('/api/v1/proposals', { cache: 'no-store' });
  if (!response.ok) throw Object.assign(new Error(`proposals: HTTP ${response.status}`), { status: response.status });
  return (await response.json()).proposals ?? [];
}

/**
 * What a proposal shows: the server's public fields (id, title, description, category, scope,
 * district, cost_eur, admitted_at; server/openapi.yaml) with the district and the category
 * named as the profile names them, in both languages.
 */
export function describe(engine, proposal) {
  const form = engine.forms.get('pb_proposal');
  const field = (id) => form?.steps.flatMap((s) => s.fields).find((f) => f.id === id);
  const label = (id, value) => field(id)?.options?.find((o) => o.value === value)?.label ?? value;
  const district = proposal.district ? engine.districtNames.get(proposal.district) ?? proposal.district : null;
  return { ...proposal, districtName: district, topicName: label('category', proposal.category) };
}

/** The folded text a query is matched against. */
export function searchKey(engine, described) {
  const words = [described.title, described.description, described.districtName, described.topicName]
    .flatMap((text) => (text && typeof text === 'object' ? [text.bg, text.en] : [text]))
    .filter(Boolean);
  const latin = words.map((text) => engine.civic.transliterate(text));
  return engine.civic.foldForSearch([...words, ...latin].join(' '));
}

/** The proposals whose key holds every folded word of `query` (all of them for an empty query). */
export function search(engine, keyed, query) {
  const words = engine.civic.foldForSearch(query).split(/\s+/).filter(Boolean);
  return keyed.filter(({ key }) => words.every((word) => key.includes(word)));
}

/** A proposal's title as the page shows it (the proposer's text, or {bg, en}). */
export function titleOf(proposal) {
  return tr(proposal.title);
}
