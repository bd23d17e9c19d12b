// The certificate of an approved declaration: fetched with the reference and status code
// (pages/status.mjs), checked on this device against the profile's receipt key, shown as a
// printable page and kept as the signed JSON for anyone to check again.
import { h } from '../dom.mjs';
import { formatTime, t, tr } from '../i18n.mjs';
import { formatAnswer } from '../format.mjs';
import { heading, summaryList, warning } from '../ui.mjs';
import { shown } from './sent.mjs';

// GET the certificate → { certificate } or { problem } (a text for the citizen).
export async function fetchCertificate(id, token) {
  try {
    const response = await fetch(`/api/v1/submissions/${encodeURIComponent(id)}/certificate`,
      { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
    if (response.status === 404) return { problem: t('status.not_found') };
    if (response.status === 409) return { problem: t('certificate.not_issued') };
    if (!response.ok) return { problem: t('status.unavailable') };
    return { certificate: await response.json() };
  } catch {
    return { problem: t('status.offline') };
  }
}

export async function certificatePage(app) {
  const certificate = app.certificate;
  if (!certificate) {
    return {
      title: t('certificate.title'),
      body: [heading(t('certificate.title')), h('p', {}, t('certificate.none')),
        h('p', {}, h('a', { href: '#/status', class: 'link' }, t('sent.check_status')))],
    };
  }
  const key = app.engine.bundle.keys?.receipt;
  const verified = Boolean(key) && app.engine.civic.verifyCertificate(certificate, key).valid === true;
  const form = app.engine.bundle.forms.find((f) => f.id === certificate.form.id);
  const district = app.engine.districtNames.get(certificate.district);
  const download = () => {
    const link = h('a', {
      href: URL.createObjectURL(new Blob([JSON.stringify(certificate, null, 2)], { type: 'application/json' })),
      download: `certificate-${certificate.submission_id}.json`,
    });
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return {
    title: tr(certificate.title),
    body: [
      h('div', { class: 'panel certificate' },
        h('h1', { class: 'panel__title', tabindex: '-1' }, tr(certificate.title)),
        h('div', { class: 'panel__body' }, tr(certificate.issuer), district && h('br'), district && tr(district))),
      h('p', { id: 'certificate-verification', class: verified ? 'verified' : 'not-verified', 'data-verified': String(verified) },
        verified ? t('certificate.verified') : t('certificate.not_verified')),
      !verified && warning(t('certificate.not_verified_advice')),
      summaryList([
        { key: t('sent.reference'), value: h('strong', { id: 'certificate-reference' }, shown(app.engine, certificate.submission_id, 'submission')) },
        { key: t('certificate.issued_at'), value: formatTime(certificate.issued_at) },
        ...certificate.statements.map((statement) => ({
          key: tr(statement.name),
          value: stated(form, statement, app.engine),
        })),
      ]),
      h('div', { class: 'button-group no-print' },
        h('button', { type: 'button', class: 'button', id: 'print-certificate', onclick: () => print() }, t('certificate.print')),
        h('button', { type: 'button', class: 'button button--secondary', id: 'download-certificate', onclick: download }, t('certificate.download'))),
      h('p', { class: 'no-print' }, t('certificate.check_offline')),
    ],
  };
}

// A statement's answer as the form shows it (option labels, dates, addresses); the raw value
// when this profile no longer has the field.
function stated(form, statement, engine) {
  const field = form?.steps.flatMap((step) => step.fields).find((f) => f.id === statement.field);
  if (field) return formatAnswer(field, statement.value, engine);
  return typeof statement.value === 'string' ? statement.value : JSON.stringify(statement.value);
}
