// A checked ballot (#/vote/<id>/checked): the choices its opening holds, decrypted here, so
// the voter sees the device encrypted what they chose. That ballot is spoiled and will never
// count; the voter encrypts again (a fresh ballot, the next in their chain) to vote.
import { h } from '../dom.mjs';
import { t, tr } from '../i18n.mjs';
import { button, errorSummary, heading, summaryList } from '../ui.mjs';
import { electionOf, encryptNext, visit } from '../vote/state.mjs';
import { ballotState, electionTitle, progressView, trackingCode } from '../vote/ui.mjs';
import { unavailable } from './vote-start.mjs';

export async function voteCheckedPage(app, { args: [electionId] }) {
  const { election, problem } = await electionOf(electionId);
  if (!election) return unavailable(problem);
  const current = visit(electionId);
  if (!current.session || !current.checked) return app.navigate(`#/vote/${electionId}/ballot`);
  const shown = app.voteErrors?.page === 'checked' ? app.voteErrors.errors : [];
  const progress = progressView();
  const { code, selections } = current.checked;

  const again = async (event) => {
    event.preventDefault();
    event.submitter?.setAttribute('disabled', '');
    try {
      current.encrypted = await encryptNext(election, current, (step) => progress.show(step));
    } catch (error) {
      app.voteErrors = { page: 'checked', errors: [{ path: '/ballot', href: '#ballot-state', message: error.message }] };
      return app.render();
    }
    app.voteErrors = null;
    app.navigate(`#/vote/${electionId}/encrypted`);
  };

  return {
    service: t('pb.service'),
    title: t('vote.checked_title'),
    hasErrors: shown.length > 0,
    body: [
      shown.length > 0 && errorSummary(shown),
      heading(t('vote.checked_title'), electionTitle(election, electionId)),
      ballotState('checked'),
      h('p', {}, t('vote.checked_code'), ' ', trackingCode(code, 'checked-code')),
      h('h2', { class: 'heading-m' }, t('vote.checked_holds')),
      h('div', { id: 'checked-choices' }, election.manifest.contests.map((contest) => [
        h('h3', { class: 'heading-s' }, tr(contest.title)),
        summaryList([{ key: t('vote.checked_chosen'), value: chosenTitles(contest, selections[contest.id] ?? []) }]),
      ])),
      h('p', {}, t('vote.checked_compare')),
      h('form', { onsubmit: again, novalidate: true },
        progress.view,
        button(t('vote.encrypt_again'), { id: 'encrypt-again' })),
      h('p', {}, h('a', { href: `#/vote/${electionId}/ballot`, class: 'link', id: 'change-choice' }, t('vote.change_choice'))),
    ],
  };
}

function chosenTitles(contest, ids) {
  if (ids.length === 0) return t('vote.checked_none');
  return h('ul', { class: 'list' }, ids.map((id) => h('li', { 'data-option': id }, tr(contest.options.find((o) => o.id === id)?.title) || id)));
}
