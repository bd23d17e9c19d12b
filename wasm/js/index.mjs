// civickit — the idiomatic JavaScript face of the wasm core.
//
//   import { load } from 'civickit';
//   const civic = await load();
//   civic.checkId('7501020018');        // { valid: true, kind: 'egn', birth_date: ... }
//   civic.transliterate('София');       // 'Sofia'
//
// Every function is synchronous once loaded. Results are plain objects. Misuse (a
// malformed request) throws a CivicError carrying the core's code, path and messages;
// a refused *input* (an EGN with a wrong check digit) is a result, not an exception.
import createCivickitModule from './civickit.mjs';

/** An error reported by the core: `.code` is stable, `.messages` has `bg` and `en`. */
export class CivicError extends Error {
  constructor(error) {
    super(error.message.en);
    this.name = 'CivicError';
    this.code = error.code;
    this.path = error.path;
    this.messages = error.message;
    this.params = error.params;
  }
}

// A refused request is {"error": ERROR} and nothing else (docs/api.md); some results carry
// an "error" member of their own (vote.verify_ballot's null or reason).
function isRefusal(output) {
  return output !== null && typeof output === 'object' && output.error !== null &&
      typeof output.error === 'object' && Object.keys(output).length === 1;
}

/** Today's date in the local time zone as "YYYY-MM-DD" (the core never reads a clock). */
export function localToday(date = new Date()) {
  const pad = (n, width) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

export class Civickit {
  #module;

  constructor(module) {
    this.#module = module;
  }

  /** The JSON API as text: the exact bytes the native core gives for the same input. */
  callJson(fn, inputJson) {
    return this.#module.call(fn, inputJson);
  }

  /** The JSON API on values; throws CivicError when the core refuses the request. */
  call(fn, input) {
    const output = JSON.parse(this.callJson(fn, JSON.stringify(input)));
    if (isRefusal(output)) throw new CivicError(output.error);
    return output;
  }

  /** Checks an EGN, LNCh or EIK. `kind` forces the kind; `today` defaults to the local date. */
  checkId(number, { kind, today = localToday() } = {}) {
    return this.call('id.check', kind === undefined ? { number, today } : { number, kind, today });
  }

  /** Bulgarian Cyrillic → Latin per the Transliteration Act ("София" → "Sofia"). */
  transliterate(text) {
    return this.call('text.translit', { text }).text;
  }

  /** A script-, case- and abbreviation-insensitive key ("бул. Витоша" → "bul vitosha"). */
  foldForSearch(text) {
    return this.call('text.fold', { text }).text;
  }

  /** Evaluates an expression (docs/expressions.md) against optional answers. */
  evaluate(expression, { answers, today = localToday() } = {}) {
    return this.call('expr.evaluate', answers === undefined ? { expression, today } : { expression, answers, today });
  }

  /** Every problem in a form definition: { valid, errors }. */
  checkFormDefinition(form) {
    return this.call('form.check_definition', { form });
  }

  /** Validates answers once. For a form being filled in, use openFormSession(). */
  validateForm(form, answers, { today = localToday(), answersVersion } = {}) {
    const input = { form, answers, today };
    if (answersVersion !== undefined) input.answers_version = answersVersion;
    return this.call('form.validate', input);
  }

  /**
   * Opens a form for filling in: the definition is read once and every change re-validates.
   * Call `close()` when done (it frees wasm memory). A draft made against an older version
   * of the form is migrated (pass `answersVersion`) or refused with `form.needs_review`.
   */
  openFormSession(form, { answers, answersVersion, today = localToday() } = {}) {
    const request = { form, today };
    if (answers !== undefined) request.answers = answers;
    if (answersVersion !== undefined) request.answers_version = answersVersion;
    const handle = new this.#module.FormSessionJson(JSON.stringify(request));
    const status = JSON.parse(handle.status());
    if (status.error) {
      handle.delete();
      throw new CivicError(status.error);
    }
    return new FormSession(handle);
  }

  /** Checks a subject against an eligibility policy: { eligible, reasons, rules }. */
  checkEligibility(policy, subject, { today = localToday() } = {}) {
    return this.call('eligibility.check', { policy, subject, today });
  }

  /**
   * Encrypts a participatory-budget ballot (docs/vote-spec.md). `manifest` is the manifest's
   * JSON text exactly as published; `selections` maps contest ids to chosen option ids.
   * Returns { ballot, tracking_code, seed }: keep `seed` only until the voter casts (then
   * erase it) or spoils the ballot (spoilBallot needs it). Run it in a Web Worker.
   */
  encryptBallot(manifest, jointKey, selections, { credentialSeed, device, time, previous, seed = randomHex(32) }) {
    const input = { manifest, joint_key: jointKey, selections, seed, credential_seed: credentialSeed, device, time };
    if (previous !== undefined) input.previous = previous;
    return { ...this.call('vote.encrypt', input), seed };
  }

  /** Spoils a ballot (Benaloh challenge): reveals its nonces so anyone can check the choices. */
  spoilBallot(manifest, jointKey, ballot, seed) {
    return this.call('vote.spoil', { manifest, joint_key: jointKey, ballot, seed });
  }

  /** Checks one ballot's proofs and signature: { valid, tracking_code, error }. */
  verifyBallot(manifest, jointKey, ballot) {
    return this.call('vote.verify_ballot', { manifest, joint_key: jointKey, ballot });
  }

  /**
   * Checks a server's receipt offline against the municipality's receipt key (the profile
   * bundle's keys.receipt): { valid: true }, or { valid: false, error } with the core's error
   * (receipt.bad_signature, receipt.malformed, ...).
   */
  verifyReceipt(receipt, publicKeyHex) {
    const output = JSON.parse(this.callJson('receipt.verify', JSON.stringify({ receipt, public_key: publicKeyHex })));
    return isRefusal(output) ? { valid: false, error: output.error } : output;
  }
}

/** A form being filled in (see Civickit#openFormSession). Reports are plain objects. */
export class FormSession {
  #handle;

  constructor(handle) {
    this.#handle = handle;
  }

  #report(json) {
    const output = JSON.parse(json);
    if (isRefusal(output)) throw new CivicError(output.error);
    return output;
  }

  get report() {
    return this.#report(this.#handle.report());
  }

  get answers() {
    return this.#report(this.#handle.answers());
  }

  /** Sets one answer at a JSON pointer ("/applicant/egn"); undefined or null removes it. */
  setAnswer(pointer, value) {
    return this.#report(this.#handle.setAnswer(pointer, JSON.stringify(value ?? null)));
  }

  setAnswers(answers) {
    return this.#report(this.#handle.setAnswers(JSON.stringify(answers)));
  }

  setToday(today) {
    return this.#report(this.#handle.setToday(today));
  }

  close() {
    if (!this.#handle.isDeleted()) this.#handle.delete();
  }
}

/** `bytes` random bytes as hex, from the platform's CSPRNG (Web Crypto). */
export function randomHex(bytes) {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  return Array.from(buffer, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Loads the wasm module. In a browser or bundler `civickit.wasm` is fetched next to this
 * file; pass Emscripten options such as `locateFile` or `wasmBinary` to override.
 */
export async function load(options = {}) {
  return new Civickit(await createCivickitModule({ getRandomValue: randomUint32, ...options }));
}

// libsodium's randombytes source inside the module. Its own lookup only knows `window`,
// `self` and CommonJS `require`, so it fails in Node ES modules: hand it Web Crypto.
function randomUint32() {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0];
}
