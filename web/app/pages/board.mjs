// The public board (#/board/<id>[?code=…]): anyone finds a ballot by its tracking code and
// sees its status (cast, superseded by a later ballot of the same voter, or spoiled), and
// downloads the whole board to check it with `civic vote verify`.
import { h } from '../dom.mjs';
import { t } from '../i18n.mjs';
import { backLink, button, errorSummary, heading, summaryList } from '../ui.mjs';
import { boardDownloadUrl, findOnBoard } from '../vote/api.mjs';
import { problemOf } from '../vote/problems.mjs';
import { electionOf } from '../vote/state.mjs';
import { electionTitle, textField, trackingCode } from '../vote/ui.mjs';
import { unavailable } from './vote-start.mjs';

export async function boardPage(app, { args: [electionId, given] }) {
  const { election, problem } = await electionOf(electionId);
  if (!election) return unavailable(problem);
  const state = app.boardState?.electionId === electionId ? app.boardState : { electionId, typed: given ?? '' };
  app.boardState = null;
  if (given && !state.result && !state.errors) {
    Object.assign(state, await lookUp(electionId, given));
  }
  const find = async (event) => {
    event.preventDefault();
    const typed = document.getElementById('f-tracking_code').value;
    app.boardState = { electionId, typed, ...(await lookUp(electionId, typed)) };
    app.render();
  };
  const errors = state.errors ?? [];
  return {
    service: t('pb.service'),
    title: t('board.title'),
    hasErrors: errors.length > 0,
    body: [
      backLink('#/vote'),
      errors.length > 0 && errorSummary(errors),
      heading(t('board.title'), electionTitle(election, electionId)),
      h('p', {}, t('board.intro')),
      h('form', { onsubmit: find, novalidate: true, role: 'search' },
        textField({ name: 'tracking_code', label: t('vote.tracking_code'), hint: t('board.code_hint'), value: state.typed, error: errors[0], autocomplete: 'off', spellcheck: 'false' }),
        button(t('board.find'), { id: 'find-code' })),
      state.result && h('div', { id: 'board-result', role: 'status', 'data-status': state.result.status ?? 'absent' }, result(state.result)),
      h('h2', { class: 'heading-m' }, t('board.download_title')),
      h('p', {}, t('board.download_intro')),
      h('p', {}, h('a', { href: boardDownloadUrl(electionId), class: 'link', id: 'board-download', download: `${electionId}-board.tar` }, t('board.download'))),
      verifyInstructions(electionId),
    ],
  };
}

// A typed code (spaces and case ignored) → {result} from the board, or {errors} for the summary.
async function lookUp(electionId, typed) {
  const code = typed.replace(/\s+/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(code)) return { errors: [{ path: '/tracking_code', message: t(code ? 'board.code_format' : 'board.code_missing') }] };
  const answer = await findOnBoard(electionId, code);
  if (answer.ok) return { result: { code, ...answer.body } };
  if (answer.status === 404) return { result: { code, status: null } };
  return { errors: [{ path: '/tracking_code', ...problemOf(answer.problem) }] };
}

function result({ code, status, position }) {
  if (!status) return [h('h2', { class: 'heading-m' }, t('board.absent_title')), h('p', {}, t('board.absent'))];
  return [
    h('h2', { class: 'heading-m' }, t('board.found_title')),
    summaryList([
      { key: t('vote.tracking_code'), value: trackingCode(code, 'board-code') },
      { key: t('board.status'), value: h('strong', { class: 'tag', id: 'board-status', 'data-status': status }, t(`board.status_${status}`)) },
      position !== undefined && { key: t('vote.board_position'), value: String(position) },
    ].filter(Boolean)),
    h('p', {}, t(`board.status_${status}_detail`)),
  ];
}

/** How anyone checks the whole election on their own computer. */
export function verifyInstructions(electionId) {
  return h('section', { 'aria-labelledby': 'verify-title' },
    h('h2', { class: 'heading-m', id: 'verify-title' }, t('board.verify_title')),
    h('p', {}, t('board.verify_intro')),
    h('pre', { class: 'code-block', tabindex: '0', 'aria-label': t('board.verify_commands') },
      h('code', {}, [`mkdir ${electionId} && cd ${electionId}`,
        `curl -fsSL ${location.origin}${boardDownloadUrl(electionId)} | tar -x`,
        'civic vote verify board'].join('\n'))),
    h('p', {}, t('board.verify_outcome')));
}
