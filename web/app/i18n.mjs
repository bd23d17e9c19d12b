// Texts: the message catalogue (messages/bg.json, en.json) for the app's own words, and
// {bg, en} objects from the profile for everything the municipality wrote.
let catalogue = {};
let language = 'bg';
let latin = (text) => text;

export async function setLanguage(lang) {
  const response = await fetch(new URL(`../messages/${lang}.json`, import.meta.url));
  catalogue = await response.json();
  language = lang;
  document.documentElement.lang = lang;
}

export function lang() {
  return language;
}

/** A catalogue message with {name} placeholders filled in. */
export function t(key, params = {}) {
  const text = catalogue[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

/**
 * A catalogue message as a form says it: `KEY@FORM_ID` when the catalogue words it for that
 * form ("Send your proposal"), else KEY ("Send the declaration").
 */
export function tf(formId, key, params = {}) {
  return t(catalogue[`${key}@${formId}`] === undefined ? key : `${key}@${formId}`, params);
}

/** A catalogue message in the language's plural form for `count` (keys KEY.one, KEY.other). */
export function tn(key, count, params = {}) {
  const form = new Intl.PluralRules(language === 'bg' ? 'bg-BG' : 'en-GB').select(count);
  const chosen = catalogue[`${key}.${form}`] === undefined ? 'other' : form;
  return t(`${key}.${chosen}`, { ...params, count });
}

/** Sets how a Bulgarian name is written in Latin letters (the core's transliteration). */
export function useTransliteration(transliterate) {
  latin = transliterate;
}

/** A Bulgarian name (a street, a settlement) in the current language's script. */
export function nameIn(text) {
  return language === 'en' && text ? latin(text) : text;
}

/** The current language's text of a {bg, en} object (or a plain string); the other when it has only one. */
export function tr(messages) {
  if (messages === null || messages === undefined) return '';
  if (typeof messages === 'string') return messages;
  return messages[language] || messages.bg || messages.en || '';
}

/** "2026-11-25T10:00:00Z" → "25.11.2026, 10:00" / "25 November 2026, 10:00" in local time. */
export function formatTime(iso) {
  const date = new Date(iso);
  return new Intl.DateTimeFormat(language === 'bg' ? 'bg-BG' : 'en-GB', {
    day: 'numeric', month: language === 'bg' ? '2-digit' : 'long', year: 'numeric',
    hour: '2-digit', minute: '2-digit',
  }).format(date);
}

/** 2.56 → "2,56 €" / "€2.56" (the fees of a form's computed `fee`, in euro since 2026). */
export function formatEuro(amount) {
  return new Intl.NumberFormat(language === 'bg' ? 'bg-BG' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(amount);
}

/** A file's size in bytes, kB or MB as the language writes them (1536 → "1,5 kB" / "1.5 kB"). */
export function formatBytes(bytes) {
  const [value, unit] = bytes < 1024 ? [bytes, 'byte'] : bytes < 1048576 ? [bytes / 1024, 'kilobyte'] : [bytes / 1048576, 'megabyte'];
  return new Intl.NumberFormat(language === 'bg' ? 'bg-BG' : 'en-GB', { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** "2007-03-27" → "27.03.2007" / "27 March 2007", as docs/forms.md writes dates for people. */
export function formatDate(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'bg' ? 'bg-BG' : 'en-GB', {
    day: 'numeric', month: language === 'bg' ? '2-digit' : 'long', year: 'numeric', timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}
