// The results (#/results/<id>): turnout, votes per proposal as an SVG bar chart with a table
// holding the same figures (the chart's text equivalent), the proposals funded within the
// budget, and how anyone checks them.
import { h } from '../dom.mjs';
import { formatEuro, lang, t, tr } from '../i18n.mjs';
import { backLink, heading, summaryList } from '../ui.mjs';
import { getResults, openDataUrl } from '../vote/api.mjs';
import { problemOf } from '../vote/problems.mjs';
import { electionOf } from '../vote/state.mjs';
import { electionTitle } from '../vote/ui.mjs';
import { barChart } from '../vote/chart.mjs';
import { unavailable } from './vote-start.mjs';
import { verifyInstructions } from './board.mjs';

const OPEN_DATA = ['results.csv', 'results.json', 'board.csv', 'metadata.json'];

export async function resultsPage(app, { args: [electionId] }) {
  const { election, problem } = await electionOf(electionId);
  if (!election) return unavailable(problem);
  const answer = await getResults(electionId);
  if (!answer.ok) {
    const why = answer.status === 404 || answer.status === 409 ? t('results.not_yet') : tr(problemOf(answer.problem).message);
    return { service: t('pb.service'), title: t('results.title'), body: [backLink('#/vote'), heading(t('results.title'), electionTitle(election, electionId)), h('p', { id: 'results-unavailable' }, why)] };
  }
  const results = answer.body;
  const number = new Intl.NumberFormat(lang() === 'bg' ? 'bg-BG' : 'en-GB');
  const percent = new Intl.NumberFormat(lang() === 'bg' ? 'bg-BG' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 });
  const { voters_eligible: eligible, ballots_cast: cast } = results.turnout;
  const counts = [...results.counts].sort((a, b) => b.votes - a.votes);
  const funded = new Set(results.funded);
  const rows = counts.map((c) => ({ label: tr(c.title) || c.option_id, value: c.votes, funded: funded.has(c.option_id), id: c.option_id }));
  return {
    service: t('pb.service'),
    title: t('results.title'),
    body: [
      backLink('#/vote'),
      heading(t('results.title'), electionTitle(election, electionId)),
      h('h2', { class: 'heading-m' }, t('results.turnout_title')),
      summaryList([
        { key: t('results.ballots_cast'), value: h('span', { id: 'ballots-cast' }, number.format(cast)) },
        { key: t('results.eligible'), value: number.format(eligible) },
        { key: t('results.turnout'), value: eligible > 0 ? percent.format(cast / eligible) : '—' },
      ]),
      h('h2', { class: 'heading-m', id: 'votes-title' }, t('results.votes_title')),
      barChart(rows, { titleId: 'votes-title', describe: (row) => t(row.funded ? 'results.bar_funded' : 'results.bar', { label: row.label, votes: number.format(row.value) }) }),
      h('table', { class: 'table', id: 'votes-table' },
        h('caption', { class: 'table__caption' }, t('results.table_caption')),
        h('thead', {}, h('tr', {}, [t('results.proposal'), t('results.votes'), t('results.funded')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows.map((row) => h('tr', { 'data-option': row.id },
          h('th', { scope: 'row' }, row.label), h('td', { class: 'numeric', 'data-votes': row.value }, number.format(row.value)),
          h('td', {}, row.funded ? t('check.yes') : t('check.no')))))),
      h('h2', { class: 'heading-m' }, t('results.funded_title')),
      h('ul', { class: 'list list--bullet', id: 'funded' }, counts.filter((c) => funded.has(c.option_id)).map((c) => h('li', { 'data-option': c.option_id }, tr(c.title) || c.option_id))),
      summaryList([
        { key: t('results.budget'), value: formatEuro(results.budget_eur) },
        { key: t('results.spent'), value: formatEuro(results.spent_eur) },
      ]),
      h('p', {}, t('results.funding_rule')),
      results.tie_rule && tieRule(results.tie_rule),
      h('h2', { class: 'heading-m' }, t('results.open_data')),
      h('ul', { class: 'list list--bullet' }, OPEN_DATA.map((file) => h('li', {}, h('a', { href: openDataUrl(electionId, file), class: 'link' }, file)))),
      verifyInstructions(electionId),
    ],
  };
}

// The server states its tie rule in English (results.json, open data); the page says the
// documented rule in Bulgarian, and the server's own words in English.
function tieRule(rule) {
  return h('p', { id: 'tie-rule' }, t('results.tie_rule'), ' ',
    lang() === 'bg' ? t('results.tie_rule_text') : h('span', { lang: 'en' }, rule));
}
