// Voting starts here: the elections (#/vote), then for one election the voter's personal
// number and phone (#/vote/<id>), to which the server sends a one-time code if the voter is
// on the eligibility register.
import { h } from '../dom.mjs';
import { t, tr } from '../i18n.mjs';
import { backLink, button, errorSummary, heading, insetText } from '../ui.mjs';
import { listElections, requestCode } from '../vote/api.mjs';
import { problemOf } from '../vote/problems.mjs';
import { electionOf, visit } from '../vote/state.mjs';
import { electionTitle, textField } from '../vote/ui.mjs';

export async function electionsPage() {
  const answer = await listElections();
  const elections = answer.ok ? answer.body.elections ?? [] : [];
  const row = (e) => h('li', { 'data-election': e.id }, h('h2', { class: 'heading-s' }, tr(e.title) || e.id),
    h('p', {}, t(`vote.election_state.${e.state}`)),
    h('p', {}, e.state === 'open' && h('a', { href: `#/vote/${e.id}`, class: 'link' }, t('vote.go_vote')), ' ',
      h('a', { href: `#/board/${e.id}`, class: 'link' }, t('board.link')), ' ',
      ['tallied', 'published'].includes(e.state) && h('a', { href: `#/results/${e.id}`, class: 'link' }, t('results.link'))));
  return {
    service: t('pb.service'),
    title: t('vote.elections_title'),
    body: [
      heading(t('vote.elections_title')),
      !answer.ok && h('p', { id: 'elections-unavailable' }, t('vote.unavailable')),
      answer.ok && elections.length === 0 && h('p', {}, t('vote.no_elections')),
      h('ul', { class: 'list elections' }, elections.map(row)),
      h('p', {}, h('a', { href: '#/proposals', class: 'link' }, t('proposals.link'))),
    ],
  };
}

export async function voteStartPage(app, { args: [electionId] }) {
  const { election, problem } = await electionOf(electionId);
  if (!election) return unavailable(problem);
  const current = visit(electionId);
  const shown = app.voteErrors?.page === 'start' ? app.voteErrors.errors : [];
  const error = (path) => shown.find((e) => e.path === path);
  const send = async (event) => {
    event.preventDefault();
    const number = document.getElementById('f-personal_number').value.trim();
    const phone = document.getElementById('f-phone').value.trim();
    current.typed = { number, phone };
    const errors = checkIdentity(app.engine, number, phone);
    if (errors.length === 0) {
      event.submitter?.setAttribute('disabled', '');
      const answer = await requestCode(electionId, number, phone);
      if (answer.ok) {
        current.request = answer.body;
        current.phone = phone;
        app.voteErrors = null;
        return app.navigate(`#/vote/${electionId}/code`);
      }
      errors.push({ path: '/personal_number', ...problemOf(answer.problem) });
    }
    app.voteErrors = { page: 'start', errors };
    app.render();
  };
  const open = election.state === 'open';
  return {
    service: t('pb.service'),
    title: t('vote.start_title'),
    hasErrors: shown.length > 0,
    body: [
      backLink('#/vote'),
      shown.length > 0 && errorSummary(shown),
      heading(t('vote.start_title'), electionTitle(election, electionId)),
      !open && insetText(h('span', { id: 'election-not-open' }, t(`vote.election_state.${election.state}`))),
      h('p', {}, t('vote.start_intro')),
      h('ul', { class: 'list list--bullet' }, ['number', 'phone', 'location'].map((k) => h('li', {}, t(`vote.need_${k}`)))),
      h('p', {}, t('vote.start_secret')),
      open && h('form', { onsubmit: send, novalidate: true },
        textField({ name: 'personal_number', label: t('vote.personal_number'), hint: t('vote.personal_number_hint'), value: current.typed?.number ?? '', error: error('/personal_number'), inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false' }),
        textField({ name: 'phone', label: t('vote.phone'), hint: t('vote.phone_hint'), value: current.typed?.phone ?? '', error: error('/phone'), type: 'tel', autocomplete: 'tel' }),
        button(t('vote.send_code'), { id: 'send-code' })),
    ],
  };
}

// The personal number (an EGN or LNCh) and the phone, checked by the core before anything is sent.
function checkIdentity(engine, number, phone) {
  const errors = [];
  if (!number) errors.push({ path: '/personal_number', message: t('vote.personal_number_missing') });
  else {
    const id = engine.civic.checkId(number);
    // Nine or thirteen digits read as a company's EIK: a person's number has ten.
    if (id.kind === 'eik') errors.push({ path: '/personal_number', message: t('vote.personal_number_length') });
    else if (!id.valid) errors.push({ path: '/personal_number', message: id.message });
  }
  if (!phone) errors.push({ path: '/phone', message: t('vote.phone_missing') });
  else {
    const report = engine.civic.validateForm(PHONE_FORM, { phone });
    const problem = report.errors.find((e) => e.path === '/phone');
    if (problem) errors.push({ path: '/phone', message: problem.message });
  }
  return errors;
}

// One phone field: the core's own phone rule (docs/forms.md) decides what a phone number is.
const PHONE_FORM = {
  id: 'vote_phone', version: 1, title: { bg: 'Телефон', en: 'Phone' },
  steps: [{ id: 'phone', title: { bg: 'Телефон', en: 'Phone' }, fields: [{ id: 'phone', type: 'phone', label: { bg: 'Телефон', en: 'Phone' }, required: true }] }],
};

/** The page when the election cannot be read. */
export function unavailable(problem) {
  const text = problem?.code === 'network' || !problem ? t('vote.unavailable') : tr(problemOf(problem).message);
  return { service: t('pb.service'), title: t('vote.unavailable_title'), body: [backLink('#/vote'), heading(t('vote.unavailable_title')), h('p', { id: 'vote-unavailable' }, text)] };
}
