// Confirmation: the signed receipt, verified here against the profile's receipt key.
import { h } from '../dom.mjs';
import { serviceOf } from '../engine.mjs';
import { formatTime, t, tf } from '../i18n.mjs';
import { heading, summaryList, warning } from '../ui.mjs';

export async function sentPage(app, { args: [submissionId] }) {
  const record = await app.store.get('receipts', submissionId);
  if (!record) {
    return { title: t('gone.title'), body: [heading(t('gone.title')), h('p', {}, t('sent.unknown'))] };
  }
  const { receipt } = record;
  const verified = verify(app.engine, record);
  const download = () => {
    const link = h('a', { href: URL.createObjectURL(new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' })), download: `receipt-${submissionId}.json` });
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return {
    service: serviceOf(record.formId),
    title: tf(record.formId, 'sent.title'),
    body: [
      h('div', { class: 'panel' },
        h('h1', { class: 'panel__title', tabindex: '-1' }, tf(record.formId, 'sent.title')),
        h('div', { class: 'panel__body' }, t('sent.reference'), h('br'),
          h('strong', { id: 'reference', 'data-reference': submissionId }, shown(app.engine, submissionId, 'submission')))),
      h('p', { id: 'receipt-verification', class: verified ? 'verified' : 'not-verified', 'data-verified': String(verified) },
        verified ? t('sent.verified') : t('sent.not_verified')),
      !verified && warning(t('sent.not_verified_advice')),
      summaryList([
        { key: t('sent.received_at'), value: formatTime(receipt.received_at) },
        { key: t('sent.status_code'), value: h('code', { id: 'status-token' }, shown(app.engine, receipt.status_token, 'status')) },
        signature(app.engine, record),
      ].filter(Boolean)),
      h('p', {}, t('sent.keep_code')),
      h('div', { class: 'button-group no-print' },
        h('button', { type: 'button', class: 'button', id: 'print-receipt', onclick: () => print() }, t('sent.print')),
        h('button', { type: 'button', class: 'button button--secondary', onclick: download }, t('sent.download'))),
      h('h2', { class: 'heading-m' }, t('sent.next_title')),
      h('p', {}, tf(record.formId, 'sent.next')),
      h('p', {}, h('a', { href: `#/status/${submissionId}`, class: 'link' }, t('sent.check_status'))),
    ],
  };
}

// A reference or status code as a person reads it ("7K2M-Q9XA-B3W"); the hex codes of
// receipts issued before references existed are shown as they are.
export function shown(engine, code, kind) {
  const parsed = engine.civic.parseReference(code, kind);
  return parsed.valid ? parsed.display : code;
}

// The qualified e-signature the receipt names (inside its signed bytes, so verified with it);
// a declaration of a form that asks for one, received without, is signed at the desk.
function signature(engine, record) {
  const signed = record.receipt.signed_with;
  if (signed) {
    return { key: t('sent.signed_title'), value: h('span', { id: 'signed-with' }, t('sent.signed_with', signed)) };
  }
  if (!engine.forms.get(record.formId)?.signature) return null;
  return { key: t('sent.signed_title'), value: h('span', { id: 'signed-with' }, t('sent.unsigned')) };
}

// Signed by the municipality's receipt key and about the envelope this device sent.
function verify(engine, record) {
  const key = engine.bundle.keys?.receipt;
  if (!key || typeof engine.civic.verifyReceipt !== 'function') return false;
  if (record.receipt.envelope_hash !== record.envelopeHash) return false;
  return engine.civic.verifyReceipt(record.receipt, key).valid === true;
}
