// The encrypted ballot (#/vote/<id>/encrypted): NOT cast. Its tracking code, then the two
// choices: cast it, or check it (the Benaloh challenge: it is opened to show the choices it
// holds, and can then never be counted).
import { h } from '../dom.mjs';
import { t } from '../i18n.mjs';
import { backLink, button, errorSummary, heading } from '../ui.mjs';
import { castBallot, spoilBallot } from '../vote/api.mjs';
import { spoil } from '../vote/crypto.mjs';
import { problemOf } from '../vote/problems.mjs';
import { accepted, electionOf, forgetSecret, visit } from '../vote/state.mjs';
import { ballotState, electionTitle, progressView, trackingCode } from '../vote/ui.mjs';
import { unavailable } from './vote-start.mjs';

const RESTART = new Set(['vote.session.unknown', 'vote.ballot.stale']);

export async function voteEncryptedPage(app, { args: [electionId] }) {
  const { election, problem } = await electionOf(electionId);
  if (!election) return unavailable(problem);
  const current = visit(electionId);
  const shown = app.voteErrors?.page === 'encrypted' ? app.voteErrors.errors : [];
  if (!current.session && !shown.length) return app.navigate(`#/vote/${electionId}`);
  if (!current.encrypted?.seed) return app.navigate(`#/vote/${electionId}/ballot`);
  const progress = progressView();
  const { ballot, tracking_code: code } = current.encrypted;

  // A session that expired, or a chain that moved on (a ballot from another tab or device):
  // the voter starts again with a new code; the ballot was not cast.
  const refused = (answer) => {
    const problem = problemOf(answer.problem);
    const restart = RESTART.has(problem.code);
    if (restart) current.session = null;
    app.voteErrors = { page: 'encrypted', errors: [{ path: '/ballot', href: restart ? `#/vote/${electionId}` : '#ballot-state', ...problem }] };
    app.render();
  };
  const cast = async (event) => {
    event.preventDefault();
    disable();
    const answer = await castBallot(electionId, current.session.session, ballot);
    if (!answer.ok) return refused(answer);
    forgetSecret(current);
    current.receipts.push({ ...answer.body, ballotCode: code });
    accepted(current, answer.body.receipt);
    current.encrypted = null;
    app.voteErrors = null;
    app.navigate(`#/vote/${electionId}/cast`);
  };
  const check = async () => {
    disable();
    let opened;
    try {
      opened = await spoil({ manifest: election.manifest, joint_key: election.joint_key, ballot, seed: current.encrypted.seed, credential_seed: current.session.credential_seed }, (step) => progress.show(step));
    } catch (error) {
      app.voteErrors = { page: 'encrypted', errors: [{ path: '/ballot', href: '#ballot-state', message: error.message }] };
      return app.render();
    }
    const answer = await spoilBallot(electionId, current.session.session, opened.entry);
    if (!answer.ok) return refused(answer);
    accepted(current, answer.body.receipt);
    current.checked = { code, selections: opened.selections, receipt: answer.body.receipt };
    current.encrypted = null;
    app.voteErrors = null;
    app.navigate(`#/vote/${electionId}/checked`);
  };

  return {
    service: t('pb.service'),
    title: t('vote.encrypted_title'),
    hasErrors: shown.length > 0,
    body: [
      backLink(`#/vote/${electionId}/ballot`),
      shown.length > 0 && errorSummary(shown),
      heading(t('vote.encrypted_title'), electionTitle(election, electionId)),
      ballotState('encrypted'),
      h('p', {}, t('vote.tracking_intro')),
      h('p', { class: 'body-l' }, trackingCode(code)),
      h('p', {}, t('vote.tracking_note')),
      current.session ? [
        h('h2', { class: 'heading-m' }, t('vote.what_now')),
        h('form', { onsubmit: cast, novalidate: true },
          h('p', {}, t('vote.cast_explain')),
          button(t('vote.cast'), { id: 'cast' })),
        h('h2', { class: 'heading-m' }, t('vote.check_title')),
        h('p', {}, t('vote.check_explain')),
        progress.view,
        h('button', { type: 'button', class: 'button button--secondary', id: 'check-ballot', onclick: check }, t('vote.check')),
        h('p', {}, h('a', { href: `#/vote/${electionId}/ballot`, class: 'link' }, t('vote.change_choice'))),
      ] : h('p', {}, h('a', { href: `#/vote/${electionId}`, class: 'link', id: 'start-again' }, t('vote.start_again'))),
    ],
  };
}

function disable() {
  for (const button of document.querySelectorAll('#cast, #check-ballot')) button.setAttribute('disabled', '');
}
