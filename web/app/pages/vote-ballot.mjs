// The ballot (#/vote/<id>/ballot): the contests of the election's manifest (the admitted
// proposals), chosen within each contest's limits. "Encrypt" hands the choice to the Web
// Worker: the core refuses a choice outside the limits; otherwise the ballot is encrypted,
// its proofs checked, and the voter sees its tracking code — NOT yet cast.
import { h } from '../dom.mjs';
import { formatEuro, t, tr } from '../i18n.mjs';
import { backLink, button, errorSummary, heading, insetText } from '../ui.mjs';
import { electionOf, encryptNext, visit } from '../vote/state.mjs';
import { electionTitle, progressView } from '../vote/ui.mjs';
import { unavailable } from './vote-start.mjs';

export async function voteBallotPage(app, { args: [electionId] }) {
  const { election, problem } = await electionOf(electionId);
  if (!election) return unavailable(problem);
  const current = visit(electionId);
  if (!current.session) return app.navigate(`#/vote/${electionId}`);
  const shown = app.voteErrors?.page === 'ballot' ? app.voteErrors.errors : [];
  const progress = progressView();

  const encryptChoice = async (event) => {
    event.preventDefault();
    current.selections = chosen(election.manifest);
    event.submitter?.setAttribute('disabled', '');
    try {
      current.encrypted = await encryptNext(election, current, (step) => progress.show(step));
    } catch (error) {
      app.voteErrors = { page: 'ballot', errors: [{ path: contestPath(error.path), message: error.message ?? t('vote.problem.unknown') }] };
      return app.render();
    }
    current.checked = null;
    app.voteErrors = null;
    app.navigate(`#/vote/${electionId}/encrypted`);
  };

  const hasCast = current.receipts.some((r) => r.receipt.status === 'cast');
  return {
    service: t('pb.service'),
    title: t('vote.ballot_title'),
    hasErrors: shown.length > 0,
    body: [
      backLink('#/vote'),
      shown.length > 0 && errorSummary(shown),
      heading(t('vote.ballot_title'), electionTitle(election, electionId)),
      hasCast && insetText(h('span', { id: 'revote-note' }, t('vote.revote_note'))),
      h('p', {}, t('vote.ballot_intro')),
      h('form', { onsubmit: encryptChoice, novalidate: true, id: 'ballot-form' },
        election.manifest.contests.map((contest) => contestView(contest, current.selections[contest.id] ?? [], shown)),
        h('p', {}, t('vote.encrypt_explain')),
        progress.view,
        button(t('vote.encrypt'), { id: 'encrypt' })),
    ],
  };
}

// One contest: radios when exactly one may be chosen, else checkboxes; its limits in words.
function contestView(contest, selected, shown) {
  const id = `f-selections-${contest.id}`;
  const error = shown.find((e) => e.path === `/selections/${contest.id}`);
  const single = contest.max === 1;
  return h('div', { class: `form-group${error ? ' form-group--error' : ''}` },
    h('fieldset', { class: 'fieldset', id, tabindex: '-1', 'data-contest': contest.id, 'aria-describedby': `${id}-hint${error ? ` ${id}-error` : ''}` },
      h('legend', { class: 'fieldset__legend heading-m' }, tr(contest.title)),
      h('div', { class: 'hint', id: `${id}-hint` }, limits(contest)),
      error && h('p', { class: 'error-message', id: `${id}-error` }, tr(error.message)),
      h('div', { class: single ? 'radios' : 'checkboxes' }, contest.options.map((option) => {
        const inputId = `${id}-${option.id}`;
        return h('div', { class: single ? 'radios__item' : 'checkboxes__item' },
          h('input', { id: inputId, class: single ? 'radios__input' : 'checkboxes__input', type: single ? 'radio' : 'checkbox', name: contest.id, value: option.id, checked: selected.includes(option.id) }),
          h('label', { class: 'label label--choice', for: inputId }, tr(option.title),
            typeof option.cost === 'number' && h('span', { class: 'hint option-cost' }, ` ${formatEuro(option.cost)}`)));
      }))));
}

function limits({ min, max, options }) {
  if (min === max) return t('vote.limit_exactly', { count: min });
  if (min === 0) return t('vote.limit_up_to', { max: Math.min(max, options.length) });
  return t('vote.limit_between', { min, max });
}

/** What the voter ticked: {contest id: [option ids]} (a contest with nothing ticked is empty). */
function chosen(manifest) {
  const form = document.getElementById('ballot-form');
  return Object.fromEntries(manifest.contests.map((contest) => [contest.id,
    [...form.querySelectorAll(`input[name="${CSS.escape(contest.id)}"]:checked`)].map((input) => input.value)]));
}

// The core names the contest a refused choice is about (/selections/<contest>[/...]).
function contestPath(path) {
  const match = /^\/selections\/([^/]+)/.exec(path ?? '');
  return match ? `/selections/${match[1]}` : '/selections';
}
