// The cast ballot (#/vote/<id>/cast): only now, after the server accepted it, the signed
// receipt with the tracking code. The voter may vote again until voting closes; the last
// cast ballot counts and the board marks the earlier ones superseded.
import { h } from '../dom.mjs';
import { formatTime, t } from '../i18n.mjs';
import { heading, summaryList, warning } from '../ui.mjs';
import { verifyBallotReceipt } from '../vote/receipt.mjs';
import { electionOf, visit } from '../vote/state.mjs';
import { ballotState, electionTitle, trackingCode } from '../vote/ui.mjs';
import { unavailable } from './vote-start.mjs';

export async function voteCastPage(app, { args: [electionId] }) {
  const { election, problem } = await electionOf(electionId);
  if (!election) return unavailable(problem);
  const current = visit(electionId);
  const signed = current.receipts.at(-1);
  if (!signed) return app.navigate(`#/vote/${electionId}`);
  const { receipt } = signed;
  const verified = await verifyBallotReceipt(app.engine, signed, signed.ballotCode);
  const download = () => {
    const link = h('a', { href: URL.createObjectURL(new Blob([JSON.stringify(signed, null, 2)], { type: 'application/json' })), download: `vote-receipt-${receipt.tracking_code.slice(0, 8)}.json` });
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return {
    service: t('pb.service'),
    title: t('vote.cast_title'),
    body: [
      h('div', { class: 'panel' },
        h('h1', { class: 'panel__title', tabindex: '-1' }, t('vote.cast_title')),
        h('div', { class: 'panel__body' }, electionTitle(election, electionId))),
      ballotState('cast'),
      h('p', { id: 'receipt-verification', class: verified ? 'verified' : 'not-verified', 'data-verified': String(verified) },
        verified ? t('vote.receipt_verified') : t('sent.not_verified')),
      !verified && warning(t('vote.receipt_not_verified_advice')),
      summaryList([
        { key: t('vote.tracking_code'), value: trackingCode(receipt.tracking_code, 'receipt-code') },
        { key: t('vote.received_at'), value: formatTime(receipt.received_at) },
        { key: t('vote.board_position'), value: String(receipt.position) },
        { key: t('vote.signature'), value: h('code', { class: 'signature', id: 'receipt-signature' }, signed.signature) },
        signed.key_id && { key: t('vote.key_id'), value: h('code', {}, signed.key_id) },
      ].filter(Boolean)),
      h('p', {}, t('vote.receipt_keep')),
      h('div', { class: 'button-group no-print' },
        h('button', { type: 'button', class: 'button', onclick: () => print() }, t('sent.print')),
        h('button', { type: 'button', class: 'button button--secondary', id: 'download-receipt', onclick: download }, t('sent.download'))),
      h('h2', { class: 'heading-m' }, t('vote.next_title')),
      h('p', {}, h('a', { href: `#/board/${electionId}?code=${receipt.tracking_code}`, class: 'link', id: 'find-on-board' }, t('vote.find_on_board'))),
      h('p', {}, t('vote.revote_explain'), ' ', h('a', { href: `#/vote/${electionId}/ballot`, class: 'link', id: 'vote-again' }, t('vote.vote_again'))),
    ],
  };
}
