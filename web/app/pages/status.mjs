// Status check: reference number + status code (the receipt's status_token).
import { withoutFiles } from '../attachments.mjs';
import { h } from '../dom.mjs';
import { formatTime, t, tr } from '../i18n.mjs';
import { button, errorSummary, heading, summaryList } from '../ui.mjs';
import { createDraft } from '../draft.mjs';
import { fetchCertificate } from './certificate.mjs';
import { shown } from './sent.mjs';

export async function statusPage(app, { args: [submissionId] }) {
  const record = submissionId ? await app.store.get('receipts', submissionId) : null;
  const state = app.statusState ?? {};
  app.statusState = null;
  const check = async (event) => {
    event.preventDefault();
    const id = document.getElementById('f-reference').value.trim();
    const token = document.getElementById('f-token').value.trim();
    const reference = typed(app.engine, id, 'submission', '/reference', t('status.missing_reference'));
    const code = typed(app.engine, token, 'status', '/token', t('status.missing_token'));
    const errors = [reference.error, code.error].filter(Boolean);
    app.statusState = { id, token, errors, result: errors.length ? null : await fetchStatus(reference.value, code.value) };
    if (app.statusState.result?.status) {
      app.statusState.result.access = { id: reference.value, token: code.value };
      app.statusState.result.fee = await paymentOf(reference.value, code.value, 'GET');
    }
    app.render();
  };
  // A new draft that names the declaration it corrects, from the answers this device sent
  // (opened at "Check your answers", where the citizen changes what is missing). Files are
  // attached again: those sent belong to the first declaration, and left this device with it.
  const startCorrection = async (access) => {
    const sent = await app.store.get('receipts', access.id);
    const form = app.engine.forms.get(sent?.formId) ?? app.engine.form;
    const draft = await createDraft(app, form, {
      answers: withoutFiles(form, sent?.answers ?? {}), formVersion: sent?.answers ? sent.formVersion : undefined, corrects: access,
    });
    app.navigate(sent?.answers ? `#/form/${draft.id}/check` : `#/form/${draft.id}/${app.engine.form.steps[0].id}`);
  };
  // Asks the server for the fee's payment request, then goes to the provider's page.
  const pay = async (access) => {
    const { payment } = await paymentOf(access.id, access.token, 'POST');
    if (payment?.pay_url) {
      location.assign(payment.pay_url);
      return;
    }
    app.statusState = { ...state, id, token, errors: [], result: { ...state.result, paymentProblem: t('payment.unavailable') } };
    app.render();
  };
  const getCertificate = async ({ id: submission, token: statusCode }) => {
    const fetched = await fetchCertificate(submission, statusCode);
    if (fetched.certificate) {
      app.certificate = fetched.certificate;
      app.navigate('#/certificate');
      return;
    }
    app.statusState = { ...state, id, token, errors: [], result: { ...state.result, certificateProblem: fetched.problem } };
    app.render();
  };
  const id = state.id ?? (record ? shown(app.engine, record.submission_id, 'submission') : '');
  const token = state.token ?? (record ? shown(app.engine, record.receipt.status_token, 'status') : '');
  const error = (path) => state.errors?.find((e) => e.path === path);
  const field = (name, label, value) => h('div', { class: `form-group${error(`/${name}`) ? ' form-group--error' : ''}` },
    h('label', { class: 'label', for: `f-${name}` }, label),
    error(`/${name}`) && h('p', { class: 'error-message', id: `f-${name}-error` }, tr(error(`/${name}`).message)),
    h('input', { id: `f-${name}`, class: 'input', type: 'text', value, spellcheck: 'false', autocomplete: 'off',
      'aria-describedby': error(`/${name}`) ? `f-${name}-error` : null }));
  return {
    title: t('status.title'),
    hasErrors: Boolean(state.errors?.length),
    body: [
      state.errors?.length > 0 && errorSummary(state.errors),
      heading(t('status.title')),
      h('p', {}, t('status.intro')),
      h('form', { onsubmit: check, novalidate: true },
        field('reference', t('sent.reference'), id), field('token', t('sent.status_code'), token),
        button(t('status.button'), { id: 'check-status' })),
      state.result && h('div', { id: 'status-result', role: 'status' }, result(state.result, { getCertificate, startCorrection, pay, kept: Boolean(record?.answers) })),
    ],
  };
}

// A typed reference or status code → {value} as the server stores it, or {error} for the
// summary. The core reads it (any case, spaces, hyphens; a mistyped symbol is caught by the
// check symbol, before anything is sent); 32 hex digits are a code from a format-1 receipt.
function typed(engine, text, kind, path, missing) {
  if (!text) return { error: { path, message: missing } };
  if (/^[0-9a-f]{32}$/i.test(text)) return { value: text.toLowerCase() };
  const parsed = engine.civic.parseReference(text, kind);
  return parsed.valid ? { value: parsed.reference } : { error: { path, message: parsed.error.message } };
}

// The states in which the fee can still be paid (the operator may wait for it).
const PAYABLE = new Set(['received', 'needs_correction', 'approved']);

// The fee's latest payment request (GET) or a new one (POST): { due, payment? }. `due` is
// false when the form computes no fee (409 payment.no_fee); an unknown state counts as due, so
// that the citizen can still try.
async function paymentOf(id, token, method) {
  try {
    const response = await fetch(`/api/v1/submissions/${encodeURIComponent(id)}/payment`,
      { method, headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
    if (response.ok) return { due: true, payment: await response.json() };
    return { due: response.status !== 409 };
  } catch {
    return { due: true };
  }
}

function paymentSection(payment, problem, pay) {
  const paid = payment?.state === 'paid';
  return [
    h('h3', { class: 'heading-s' }, t('payment.title')),
    payment && summaryList([
      { key: t('payment.amount'), value: `${payment.amount_eur.replace('.', ',')} €` },
      { key: t('payment.state'), value: h('strong', { id: 'payment-state', 'data-state': payment.state }, t(`payment.${payment.state}`)) },
    ]),
    problem && h('p', { class: 'inset-text', id: 'payment-problem' }, problem),
    !paid && h('button', { type: 'button', class: 'button', id: 'pay-fee', onclick: pay }, t('payment.pay')),
  ];
}

// What the citizen does next, for the states that ask something of them.
const NEXT_STEPS = new Set(['needs_correction', 'rejected']);

async function fetchStatus(id, token) {
  try {
    const response = await fetch(`/api/v1/submissions/${encodeURIComponent(id)}`, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
    if (response.status === 404 || response.status === 401 || response.status === 403) return { problem: t('status.not_found') };
    if (!response.ok) return { problem: t('status.unavailable') };
    return { status: await response.json() };
  } catch {
    return { problem: t('status.offline') };
  }
}

function result({ problem, status, access, fee, paymentProblem, certificateProblem }, { getCertificate, startCorrection, pay, kept }) {
  if (problem) return h('p', { class: 'inset-text' }, problem);
  return [
    h('h2', { class: 'heading-m' }, t('status.result_title')),
    summaryList([
      { key: t('status.state'), value: h('strong', { class: 'tag', 'data-status': status.status }, t(`status.${status.status}`)) },
      { key: t('status.updated'), value: formatTime(status.updated_at) },
      status.decision?.reason && { key: t('status.reason'), value: tr(status.decision.reason) },
      status.decision?.missing && { key: t('status.missing'), value: h('ul', { class: 'list', id: 'status-missing' }, status.decision.missing.map((m) => h('li', {}, tr(m.name)))) },
      status.corrected_by && { key: t('status.corrected_by'), value: h('a', { href: `#/status/${status.corrected_by}`, class: 'link', id: 'status-corrected-by' }, status.corrected_by) },
      status.corrects && { key: t('status.corrects'), value: status.corrects },
    ].filter(Boolean)),
    NEXT_STEPS.has(status.status) && [
      h('h3', { class: 'heading-s' }, t('status.next_title')),
      h('p', { id: 'status-next' }, t(`status.next_${status.status}`)),
    ],
    access && fee?.due && PAYABLE.has(status.status) && paymentSection(fee.payment, paymentProblem, () => pay(access)),
    status.status === 'needs_correction' && access && [
      h('p', { id: 'correction-start' }, kept ? t('status.correct_kept') : t('status.correct_retype')),
      h('button', { type: 'button', class: 'button', id: 'start-correction', onclick: () => startCorrection(access) }, t('status.correct')),
    ],
    status.status === 'approved' && access && [
      h('h3', { class: 'heading-s' }, t('certificate.title')),
      h('p', {}, t('certificate.intro')),
      certificateProblem && h('p', { class: 'inset-text', id: 'certificate-problem' }, certificateProblem),
      h('button', { type: 'button', class: 'button', id: 'get-certificate', onclick: () => getCertificate(access) }, t('certificate.get')),
    ],
  ];
}
