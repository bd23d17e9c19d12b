// The one-time code and the location (#/vote/<id>/code): the code the SMS brought, then the
// browser's location, checked on this device against the municipality's boundary before
// the server checks both and opens a voting session.
import { h } from '../dom.mjs';
import { t } from '../i18n.mjs';
import { backLink, button, errorSummary, heading, insetText } from '../ui.mjs';
import { openSession } from '../vote/api.mjs';
import { locate } from '../vote/location.mjs';
import { problemOf } from '../vote/problems.mjs';
import { electionOf, visit } from '../vote/state.mjs';
import { electionTitle, textField } from '../vote/ui.mjs';
import { unavailable } from './vote-start.mjs';

// What a location state asks of the voter (denied and unavailable explain what to do).
const LOCATION_PROBLEMS = new Set(['denied', 'unavailable', 'unsupported', 'outside']);

export async function voteCodePage(app, { args: [electionId] }) {
  const { election, problem } = await electionOf(electionId);
  if (!election) return unavailable(problem);
  const current = visit(electionId);
  if (!current.request) return app.navigate(`#/vote/${electionId}`);
  const shown = app.voteErrors?.page === 'code' ? app.voteErrors.errors : [];
  const located = app.voteErrors?.page === 'code' ? app.voteErrors.location : null;
  const error = (path) => shown.find((e) => e.path === path);

  const confirm = async (event) => {
    event.preventDefault();
    const code = document.getElementById('f-code').value.replace(/\s+/g, '');
    current.typedCode = code;
    if (!/^\d{4,10}$/.test(code)) {
      app.voteErrors = { page: 'code', errors: [{ path: '/code', message: t(code ? 'vote.code_format' : 'vote.code_missing') }] };
      return app.render();
    }
    event.submitter?.setAttribute('disabled', '');
    const status = document.getElementById('location-status');
    status.textContent = t('vote.locating');
    const where = await locate(app.engine);
    if (where.state !== 'inside') {
      app.voteErrors = { page: 'code', location: where.state, errors: [{ path: '/location', href: '#location-help', message: t(`vote.location.${where.state}`) }] };
      return app.render();
    }
    status.textContent = t('vote.checking_code');
    const answer = await openSession(electionId, current.request.request, code, where.location);
    if (!answer.ok) {
      const refused = problemOf(answer.problem);
      const onCode = refused.code?.startsWith('vote.code.');
      app.voteErrors = { page: 'code', location: refused.code?.startsWith('vote.location.') ? 'outside' : null, errors: [{ path: onCode ? '/code' : '/location', href: onCode ? null : '#location-help', ...refused }] };
      return app.render();
    }
    current.session = answer.body;
    app.voteErrors = null;
    app.navigate(`#/vote/${electionId}/ballot`);
  };

  return {
    service: t('pb.service'),
    title: t('vote.code_title'),
    hasErrors: shown.length > 0,
    body: [
      backLink(`#/vote/${electionId}`),
      shown.length > 0 && errorSummary(shown),
      heading(t('vote.code_title'), electionTitle(election, electionId)),
      h('p', {}, t('vote.code_sent', { phone: current.phone ?? '' })),
      LOCATION_PROBLEMS.has(located) && locationHelp(located),
      h('form', { onsubmit: confirm, novalidate: true },
        textField({ name: 'code', label: t('vote.code'), hint: t('vote.code_hint'), value: current.typedCode ?? '', error: error('/code'), inputmode: 'numeric', autocomplete: 'one-time-code', spellcheck: 'false' }),
        h('h2', { class: 'heading-m' }, t('vote.location_title')),
        h('p', {}, t('vote.location_why')),
        insetText(t('vote.location_limits')),
        h('p', { id: 'location-status', role: 'status' }),
        button(t('vote.confirm'), { id: 'confirm-code' })),
      h('p', {}, h('a', { href: `#/vote/${electionId}`, class: 'link' }, t('vote.new_code'))),
    ],
  };
}

// Why the location was not accepted and what the voter can do.
function locationHelp(state) {
  return h('section', { id: 'location-help', class: 'location-help', 'data-location': state, 'aria-labelledby': 'location-help-title', tabindex: '-1' },
    h('h2', { class: 'heading-m', id: 'location-help-title' }, t(`vote.location.${state}_title`)),
    h('p', {}, t(`vote.location.${state}_body`)),
    state === 'denied' && h('ol', { class: 'list list--number' }, ['1', '2', '3'].map((n) => h('li', {}, t(`vote.location.denied_step${n}`)))));
}
