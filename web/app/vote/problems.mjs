// A refusal from the server (problem+json with core errors carrying bg and en messages) or
// from this device, as one message to show: {code, message: {bg, en} | string}.
import { t } from '../i18n.mjs';

export function problemOf(problem) {
  const error = problem?.errors?.[0];
  if (error?.message) return { code: error.code, message: error.message, params: error.params ?? {} };
  const code = problem?.code ?? 'unknown';
  const known = t(`vote.problem.${code}`);
  return { code, message: known === `vote.problem.${code}` ? t('vote.problem.unknown') : known, params: {} };
}
