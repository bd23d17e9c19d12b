// A refusal from the server (problem+json with core errors carrying bg and en messages) or
// from this device, as one message to show: {code, message: {bg, en} | string}.
import { t, tn, tr } from '../i18n.mjs';

export function problemOf(problem) {
  const error = problem?.errors?.[0];
  if (error?.message) {
    const params = error.params ?? {};
    // A wrong code says how many tries are left (vote.code.wrong, params.attempts_left).
    const message = params.attempts_left > 0
      ? `${tr(error.message)}. ${tn('vote.attempts_left', params.attempts_left)}` : error.message;
    return { code: error.code, message, params };
  }
  const code = problem?.code ?? 'unknown';
  const known = t(`vote.problem.${code}`);
  return { code, message: known === `vote.problem.${code}` ? t('vote.problem.unknown') : known, params: {} };
}
