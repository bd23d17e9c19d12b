// The rules engine and the municipality's profile: the wasm core (npm package civickit,
// copied into vendor/ by the build) and the bundle from GET /api/v1/profile (cached by the
// service worker, so both load offline after one visit).
import { load, localToday } from '../vendor/civickit/index.mjs';
import { t, useTransliteration } from './i18n.mjs';

export const FORM_ID = 'address_change';
export const PROPOSAL_FORM_ID = 'pb_proposal';

// The service a form belongs to, named in the header (message key); the address change's
// is the app's own name (service.name).
const SERVICE_OF_FORM = { [PROPOSAL_FORM_ID]: 'pb.service' };

/** The name of the service `formId` belongs to, or null for the app's own. */
export function serviceOf(formId) {
  return SERVICE_OF_FORM[formId] ? t(SERVICE_OF_FORM[formId]) : null;
}

export async function loadEngine() {
  const [civic, bundle] = await Promise.all([load(), fetchProfile()]);
  const profile = civic.loadProfile(bundle);
  useTransliteration((text) => civic.transliterate(text));
  const forms = new Map(bundle.forms.map((f) => [f.id, f]));
  const form = forms.get(FORM_ID);
  if (!form) throw new Error(`the profile has no form ${FORM_ID}`);
  return {
    civic, profile, bundle, form, forms, catalogue: profile.catalogue(), settlements: settlementsOf(bundle, civic), districtNames: districtNames(bundle),
    districts: bundle.districts ?? [],
  };
}

async function fetchProfile() {
  const response = await fetch('/api/v1/profile');
  if (!response.ok) throw new Error(`profile: HTTP ${response.status}`);
  return response.json();
}

export function today() {
  return localToday();
}

/** "2026-11-25T09:41:07Z": the creation time an envelope carries. */
export function nowUtc() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// Every settlement of the municipality for the address's settlement list (districts.json's
// settlements, which the bundle carries; a register's where it does not): the city first, then
// in alphabetical order, each name in Bulgarian and in Latin letters.
function settlementsOf(bundle, civic) {
  const seen = new Map();
  const sources = [...(bundle.districts ?? []), ...(bundle.register ?? [])];
  for (const source of sources) {
    for (const s of source.settlements ?? []) {
      if (!seen.has(s.ekatte)) seen.set(s.ekatte, { ekatte: s.ekatte, name: { bg: s.name, en: civic.transliterate(s.name) } });
    }
  }
  const city = bundle.municipality?.ekatte;
  return [...seen.values()]
    .sort((a, b) => (b.ekatte === city) - (a.ekatte === city) || a.name.bg.localeCompare(b.name.bg, 'bg'));
}

function districtNames(bundle) {
  return new Map((bundle.districts ?? []).map((d) => [d.id, d.name]));
}
