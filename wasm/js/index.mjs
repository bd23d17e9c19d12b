// civickit — the idiomatic JavaScript face of the wasm core.
//
//   import { load } from 'civickit';
//   const civic = await load();
//   civic.checkId('7501020018');        // { valid: true, kind: 'egn', birth_date: ... }
//   civic.transliterate('София');       // 'Sofia'
//   const voting = await load({ vote: true });  // also loads the vote module (civickit-vote)
//   await civic.loadTools();            // the tools module (civickit-tools), when a page needs it
//
// Every function is synchronous once loaded. Results are plain objects. Misuse (a
// malformed request) throws a CivicError carrying the core's code, path and messages;
// a refused *input* (an EGN with a wrong check digit) is a result, not an exception.
import createCivickitModule from './civickit.mjs';

/** An error reported by the core: `.code` is stable, `.messages` has `bg` and `en`. */
export class CivicError extends Error {
  constructor(error, errors = [error]) {
    super(error.message.en);
    this.name = 'CivicError';
    this.code = error.code;
    this.path = error.path;
    this.messages = error.message;
    this.params = error.params;
    /** Every problem when the core reports several (a refused profile bundle). */
    this.errors = errors;
  }
}

// A refused request is {"error": ERROR} and nothing else (docs/api.md); some results carry
// an "error" member of their own (vote.verify_ballot's null or reason).
function isRefusal(output) {
  return output !== null && typeof output === 'object' && output.error !== null &&
      typeof output.error === 'object' && Object.keys(output).length === 1;
}

/** Today's date in the local time zone as "YYYY-MM-DD" (the core never reads a clock). */
// The parsed output of a core call; throws CivicError when it is a refusal.
function resultOf(json) {
  const output = JSON.parse(json);
  if (isRefusal(output)) throw new CivicError(output.error);
  return output;
}

// The hot calls (checkId, transliterate, foldForSearch) go to the module's direct entry points
// for well-formed strings; anything else takes the JSON API, which refuses it as it always has.
function isText(value) {
  return typeof value === 'string' && (value.isWellFormed?.() ?? !/\p{Cs}/u.test(value));
}

// The CivicError of the module's last refused call (one that answered null).
function refusalError(module) {
  return new CivicError(JSON.parse(module.refusal()).error);
}

// A module handle (js/citizen.js) still in use; 0 once freed.
function live(handle, what) {
  if (handle === 0) throw new Error(`civickit: the ${what} was used after it was freed`);
  return handle;
}

// Wraps a form session handle, or throws (and frees it) when the core refused to open it.
function formSession(module, session) {
  const status = JSON.parse(module.sessionStatus(session));
  if (status.error) {
    module.sessionDelete(session);
    throw new CivicError(status.error);
  }
  return new FormSession(module, session);
}

// The request of a form session: { today, answers?, answers_version? } + `extra`.
function sessionRequest(extra, { answers, answersVersion, today = localToday() }) {
  const request = { ...extra, today };
  if (answers !== undefined) request.answers = answers;
  if (answersVersion !== undefined) request.answers_version = answersVersion;
  return JSON.stringify(request);
}

export function localToday(date = new Date()) {
  const pad = (n, width) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

// The JSON API's functions in the tools module (civickit-tools, civic::api::call_tools): what
// a citizen's pages never call.
const TOOLS_FUNCTIONS = new Set([
  'address.validate', 'address.suggest', 'register.import', 'envelope.hash', 'envelope.seal',
  'envelope.open', 'envelope.keypair', 'file.seal', 'expr.evaluate', 'form.check_definition',
  'eligibility.check', 'profile.check', 'profile.validate_form', 'profile.catalogue',
]);

// The optional module that answers `fn` ('vote': vote.* and geo.inside, the voter's location,
// civic::api::call_vote; 'tools'), or null for the core's own functions.
function moduleOf(fn) {
  if (fn.startsWith('vote.') || fn === 'geo.inside') return 'vote';
  return TOOLS_FUNCTIONS.has(fn) ? 'tools' : null;
}

// The refusals of a call whose module was not loaded, in the core's refusal shape.
const NOT_LOADED = {
  vote: {
    code: 'api.vote_not_loaded',
    message: {
      bg: 'Модулът за гласуване не е зареден: извикайте load({ vote: true }) или loadVote()',
      en: 'The vote module is not loaded: call load({ vote: true }) or loadVote()',
    },
  },
  tools: {
    code: 'api.tools_not_loaded',
    message: {
      bg: 'Модулът с инструменти не е зареден: извикайте load({ tools: true }) или loadTools()',
      en: 'The tools module is not loaded: call load({ tools: true }) or loadTools()',
    },
  },
};

function notLoaded(module, fn) {
  const { code, message } = NOT_LOADED[module];
  return JSON.stringify({ error: { code, path: '', message, params: { function: fn } } });
}

export class Civickit {
  #module;
  #modules;
  #settings;
  #loading = {};

  // `modules`: the vote and tools modules loaded with the core (null when not); `settings`:
  // what loadVote() and loadTools() hand their factories.
  constructor(module, { vote = null, tools = null } = {}, settings = { vote: {}, tools: {} }) {
    this.#module = module;
    this.#modules = { vote, tools };
    this.#settings = settings;
  }

  /**
   * The JSON API as text: the exact bytes the native core gives for the same input. vote.*
   * and geo.inside need the vote module (load({ vote: true }) or loadVote()), the tools
   * functions (docs/api.md) the tools module (load({ tools: true }) or loadTools()); without
   * them they are refused with api.vote_not_loaded or api.tools_not_loaded.
   */
  callJson(fn, inputJson) {
    const name = moduleOf(fn);
    if (name === null) return this.#module.call(fn, inputJson);
    const module = this.#modules[name];
    return module === null ? notLoaded(name, fn) : module.call(fn, inputJson);
  }

  /**
   * Loads the tools module (civickit-tools.mjs + civickit-tools.wasm) unless it is loaded:
   * the functions a citizen's pages do not need (registers, envelopes, expressions, form
   * definitions, standalone policies, profile bundles as JSON). Resolves to this object.
   */
  loadTools() {
    return this.#load('tools');
  }

  /** Loads the vote module (civickit-vote) unless it is loaded. Resolves to this object. */
  loadVote() {
    return this.#load('vote');
  }

  async #load(name) {
    this.#loading[name] ??= this.#modules[name] !== null ? Promise.resolve() :
      loadModule(name, this.#settings[name]).then(
        (module) => { this.#modules[name] = module; },
        (error) => { delete this.#loading[name]; throw error; });
    await this.#loading[name];
    return this;
  }

  /** The JSON API on values; throws CivicError when the core refuses the request. */
  call(fn, input) {
    return resultOf(this.callJson(fn, JSON.stringify(input)));
  }

  /** Checks an EGN, LNCh or EIK. `kind` forces the kind; `today` defaults to the local date. */
  checkId(number, { kind, today = localToday() } = {}) {
    const direct = isText(number) && isText(today) && (kind === undefined || (isText(kind) && kind !== ''));
    // null when id.check refuses the request: the JSON API says why.
    return (direct ? this.#module.checkId(number, kind ?? '', today) : null) ??
      this.call('id.check', kind === undefined ? { number, today } : { number, kind, today });
  }

  /** Bulgarian Cyrillic → Latin per the Transliteration Act ("София" → "Sofia"). */
  transliterate(text) {
    return isText(text) ? this.#module.transliterate(text) : this.call('text.translit', { text }).text;
  }

  /** A script-, case- and abbreviation-insensitive key ("бул. Витоша" → "bul vitosha"). */
  foldForSearch(text) {
    return isText(text) ? this.#module.foldForSearch(text) : this.call('text.fold', { text }).text;
  }

  /** Evaluates an expression (docs/expressions.md) against optional answers. Needs the tools module. */
  evaluate(expression, { answers, today = localToday() } = {}) {
    return this.call('expr.evaluate', answers === undefined ? { expression, today } : { expression, answers, today });
  }

  /** Every problem in a form definition: { valid, errors }. Needs the tools module. */
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
  openFormSession(form, options = {}) {
    return formSession(this.#module, this.#module.sessionNew(sessionRequest({ form }, options)));
  }

  /**
   * Loads a municipality profile bundle (an object or its JSON text; docs/profile.md) once:
   * its forms, policies and address register are then used without re-reading it. Throws
   * CivicError with `.errors` listing every problem of a refused bundle. Call `delete()`
   * when done (it frees wasm memory).
   */
  loadProfile(bundle) {
    const profile = this.#module.profileNew(typeof bundle === 'string' ? bundle : JSON.stringify(bundle));
    const status = JSON.parse(this.#module.profileStatus(profile));
    if (!status.ok) {
      this.#module.profileDelete(profile);
      throw new CivicError(status.errors[0], status.errors);
    }
    return new Profile(this.#module, profile, bundle);
  }

  /**
   * Checks a subject against an eligibility policy: { eligible, reasons, rules }. Needs the
   * tools module (a loaded profile's checkEligibility does not).
   */
  checkEligibility(policy, subject, { today = localToday() } = {}) {
    return this.call('eligibility.check', { policy, subject, today });
  }

  /**
   * Encrypts a participatory-budget ballot (docs/vote-spec.md). `manifest` is the manifest's
   * JSON text exactly as published; `selections` maps contest ids to chosen option ids.
   * Returns { ballot, tracking_code, seed }: the ballot is signed for casting; keep `seed`
   * only until the voter casts (then erase it) or spoils the ballot (spoilBallot needs it).
   * A voter's later ballot continues their chain: pass `sequence` (last receipt's + 1) and
   * `voterPrevious` (its tracking_code). Run it in a Web Worker.
   */
  encryptBallot(manifest, jointKey, selections, { credentialSeed, device, time, previous, sequence, voterPrevious, seed = randomHex(32) }) {
    const input = { manifest, joint_key: jointKey, selections, seed, credential_seed: credentialSeed, device, time };
    if (previous !== undefined) input.previous = previous;
    if (sequence !== undefined) input.sequence = sequence;
    if (voterPrevious !== undefined) input.voter_previous = voterPrevious;
    return { ...this.call('vote.encrypt', input), seed };
  }

  /**
   * Spoils a ballot (Benaloh challenge): the voter re-signs it with the choice "spoil" and its
   * nonces are revealed so anyone can check the choices.
   */
  spoilBallot(manifest, jointKey, ballot, seed, credentialSeed) {
    return this.call('vote.spoil', { manifest, joint_key: jointKey, ballot, seed, credential_seed: credentialSeed });
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

  /**
   * Checks a certificate the municipality issued for an approved submission, offline, against
   * the same receipt key: { valid: true }, or { valid: false, error } (certificate.bad_signature,
   * certificate.malformed, ...).
   */
  verifyCertificate(certificate, publicKeyHex) {
    const output = JSON.parse(this.callJson('certificate.verify', JSON.stringify({ certificate, public_key: publicKeyHex })));
    return isRefusal(output) ? { valid: false, error: output.error } : output;
  }

  /**
   * What a file is by its first bytes, never its name: 'application/pdf', 'image/jpeg',
   * 'image/png', 'image/gif', 'image/tiff', 'image/webp', or null. `bytes` is a Uint8Array of
   * the file's start (16 bytes are enough: `await file.slice(0, 16).arrayBuffer()`).
   */
  mediaTypeOf(bytes) {
    const head = Array.from(bytes.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
    return this.call('file.media_type', { head }).media_type;
  }

  /**
   * Starts sealing a file of `size` bytes to the municipality's key (`publicKeyHex`, the
   * profile bundle's keys.envelope), in the format civickit-sealed-file/1 (docs/files.md):
   * feed it the file chunk by chunk (`sealer.chunkBytes` each, the last shorter) and send
   * `header` then each sealed chunk. Randomness comes from `seed` (64 hex digits; default: the
   * platform's CSPRNG); a fixed seed gives fixed bytes. Throws CivicError sealed_file.bad_size
   * (0 bytes or over 4 GiB) or envelope.bad_key. Call `delete()` when done.
   */
  sealFile(size, publicKeyHex, { seed = randomHex(32) } = {}) {
    const sealer = this.#module.sealerNew(size, publicKeyHex, seed);
    if (sealer === 0) throw refusalError(this.#module);
    return new FileSealer(this.#module, sealer);
  }

  /**
   * What a person typed as a submission's reference (`kind` 'submission') or status code
   * ('status'): case, spaces and hyphens ignored, O read as 0, I and L as 1. → `{ valid:
   * true, reference, display }` ("7K2MQ9XAB3W", "7K2M-Q9XA-B3W"), or `{ valid: false, error }`
   * (reference.malformed, reference.check: a mistyped symbol).
   */
  parseReference(text, kind = 'submission') {
    const output = JSON.parse(this.callJson('reference.parse', JSON.stringify({ text, kind })));
    return isRefusal(output) ? { valid: false, error: output.error } : { valid: true, ...output };
  }
}

/** A form being filled in (see Civickit#openFormSession). Reports are plain objects. */
export class FormSession {
  #module;
  #session;

  constructor(module, session) {
    this.#module = module;
    this.#session = session;
  }

  get #open() {
    return live(this.#session, 'FormSession');
  }

  get report() {
    return resultOf(this.#module.sessionReport(this.#open));
  }

  get answers() {
    return resultOf(this.#module.sessionAnswers(this.#open));
  }

  /** Sets one answer at a JSON pointer ("/applicant/egn"); undefined or null removes it. */
  setAnswer(pointer, value) {
    return resultOf(this.#module.sessionSetAnswer(this.#open, String(pointer), JSON.stringify(value ?? null)));
  }

  setAnswers(answers) {
    return resultOf(this.#module.sessionSetAnswers(this.#open, JSON.stringify(answers)));
  }

  setToday(today) {
    return resultOf(this.#module.sessionSetToday(this.#open, String(today)));
  }

  close() {
    if (this.#session !== 0) this.#module.sessionDelete(this.#session);
    this.#session = 0;
  }
}

/**
 * One file being sealed (see Civickit#sealFile). Chunks may be sealed in any order and again
 * (the same bytes come out); the SHA-256 counts them only when sealed in order 0..n-1.
 */
export class FileSealer {
  #module;
  #sealer;

  constructor(module, sealer) {
    this.#module = module;
    this.#sealer = sealer;
    /** Plaintext bytes of every chunk but the last (262144). */
    this.chunkBytes = module.sealedFileChunkBytes();
    /** The header the server needs first (96 bytes). */
    this.header = module.sealerHeader(sealer);
    /** The upload id: 64 lower-case hex digits, named by the file's answer. */
    this.upload = module.sealerUploadId(sealer);
    /** How many chunks the file has: ceil(size / chunkBytes). */
    this.chunkCount = module.sealerChunkCount(sealer);
  }

  /**
   * Sealed chunk `index` (a new Uint8Array, 16 bytes longer) of `plaintext`: a Uint8Array of
   * exactly that chunk's bytes (`await file.slice(index * chunkBytes, (index + 1) *
   * chunkBytes).arrayBuffer()`). Throws CivicError sealed_file.bad_index or bad_chunk_size.
   */
  sealChunk(index, plaintext) {
    const sealed = this.#module.sealerSealChunk(live(this.#sealer, 'FileSealer'), index, plaintext);
    if (sealed === null) throw refusalError(this.#module);
    return sealed;
  }

  /** The file's SHA-256 (hex) once every chunk was sealed in order; else throws sealed_file.incomplete. */
  sha256() {
    const digest = this.#module.sealerSha256(live(this.#sealer, 'FileSealer'));
    if (digest === null) throw refusalError(this.#module);
    return digest;
  }

  delete() {
    if (this.#sealer !== 0) this.#module.sealerDelete(this.#sealer);
    this.#sealer = 0;
  }
}

/** A loaded profile (see Civickit#loadProfile). */
export class Profile {
  #module;
  #profile;
  #bundle;

  constructor(module, profile, bundle) {
    this.#module = module;
    this.#profile = profile;
    this.#bundle = bundle;
  }

  get #open() {
    return live(this.#profile, 'Profile');
  }

  /** The bundle as loaded (given as text, it is parsed on first use, not on every load). */
  get bundle() {
    if (typeof this.#bundle === 'string') this.#bundle = JSON.parse(this.#bundle);
    return this.#bundle;
  }

  get id() {
    return this.bundle.id;
  }

  get version() {
    return this.bundle.version;
  }

  /** [{ id, name: { bg, en }, live }] */
  get districts() {
    return this.bundle.districts;
  }

  /** Opens one of the profile's forms; addresses are checked against its register. */
  openForm(formId, options = {}) {
    return formSession(this.#module, this.#module.sessionNew(sessionRequest({ form: formId }, options), this.#open));
  }

  /** Every problem of an address (paths relative to it); [] when it is registered. */
  validateAddress(address) {
    return resultOf(this.#module.profileValidateAddress(this.#open, JSON.stringify(address))).errors;
  }

  /** Streets and blocks matching `text` (Cyrillic or Latin, any case), `district`'s first. */
  suggestAddresses({ text, district, streets = true, blocks = true, limit = 10 }) {
    const kinds = [...(streets ? ['street'] : []), ...(blocks ? ['block'] : [])];
    const query = { query: text, kinds, limit };
    if (district !== undefined) query.district = district;
    return resultOf(this.#module.profileSuggest(this.#open, JSON.stringify(query))).suggestions;
  }

  /**
   * The municipality's catalogue of e-services (docs/profile.md "Service catalogue"):
   * { life_events: [{ id, title, services: [{ form, title, summary, you_need, duration, fee,
   * legal_basis }], elections? }] }.
   */
  catalogue() {
    return resultOf(this.#module.profileCatalogue(this.#open));
  }

  /** Checks a subject against one of the profile's policies: { eligible, reasons, rules }. */
  checkEligibility(policyId, subject, { today = localToday() } = {}) {
    return resultOf(this.#module.profileCheckEligibility(this.#open, JSON.stringify({ policy: policyId, subject, today })));
  }

  /**
   * Validates the answers and seals them into a submission envelope (docs/envelope.md):
   * personal answers are encrypted to `publicKey` (default: the bundle's keys.envelope).
   * Throws CivicError `submission.invalid` with `params.report` when the answers have errors.
   */
  sealSubmission(formId, answers, { today = localToday(), createdAt = utcNow(), publicKey = this.bundle.keys?.envelope } = {}) {
    const request = { form: formId, answers, today, created_at: createdAt, public_key: publicKey, seed: randomHex(32) };
    return resultOf(this.#module.profileSeal(this.#open, JSON.stringify(request))).envelope;
  }

  delete() {
    if (this.#profile !== 0) this.#module.profileDelete(this.#profile);
    this.#profile = 0;
  }
}

// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
function utcNow() {
  return new Date().toISOString().slice(0, 19) + 'Z';
}

/** `bytes` random bytes as hex, from the platform's CSPRNG (Web Crypto). */
export function randomHex(bytes) {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  return Array.from(buffer, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Loads the wasm module. In a browser or bundler `civickit.wasm` is fetched next to this
 * file; pass Emscripten options such as `locateFile` or `wasmBinary` to override. With
 * `vote: true` the vote module (civickit-vote.mjs + civickit-vote.wasm, `voteWasmBinary`)
 * is loaded too, with `tools: true` the tools module (civickit-tools.mjs +
 * civickit-tools.wasm, `toolsWasmBinary`); or later, by loadVote() and loadTools(). Pages
 * that do not ask never download them.
 */
export async function load({ vote = false, tools = false, voteWasmBinary, toolsWasmBinary, ...options } = {}) {
  const settings = { getRandomValue: randomUint32, ...options };
  const moduleSettings = { vote: { ...settings, wasmBinary: voteWasmBinary }, tools: { ...settings, wasmBinary: toolsWasmBinary } };
  const [core, voteModule, toolsModule] = await Promise.all([
    createCivickitModule(settings),
    vote ? loadModule('vote', moduleSettings.vote) : null,
    tools ? loadModule('tools', moduleSettings.tools) : null,
  ]);
  return new Civickit(core, { vote: voteModule, tools: toolsModule }, moduleSettings);
}

// The vote and tools modules' factories, imported only when asked for (a bundler makes each
// a chunk of its own).
const FACTORIES = {
  vote: () => import('./civickit-vote.mjs'),
  tools: () => import('./civickit-tools.mjs'),
};

async function loadModule(name, settings) {
  const { default: create } = await FACTORIES[name]();
  return create(settings);
}

// libsodium's randombytes source inside the module. Its own lookup only knows `window`,
// `self` and CommonJS `require`, so it fails in Node ES modules: hand it Web Crypto.
function randomUint32() {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0];
}
