// Type declarations for civickit (hand-kept; checked with tsc by the test suite).

/** A message for a person, Bulgarian first. */
export interface Messages {
  bg: string;
  en: string;
}

/** One reason the core refused an input or a request. */
export interface CoreError {
  /** Stable machine-readable code, e.g. "egn.checksum". Never show it to citizens. */
  code: string;
  /** JSON pointer into the request, "" for the whole of it. */
  path: string;
  message: Messages;
  params: Record<string, unknown>;
}

/** Thrown when the core refuses a request (not an input: see IdCheckResult.valid). */
export class CivicError extends Error {
  readonly name: 'CivicError';
  readonly code: string;
  readonly path: string;
  readonly messages: Messages;
  readonly params: Record<string, unknown>;
  /** Every problem, when the core reports several (a refused profile bundle); else [this error]. */
  readonly errors: CoreError[];
  constructor(error: CoreError, errors?: CoreError[]);
}

export type IdKind = 'egn' | 'lnch' | 'eik';

/** Stable codes of id.check refusals. */
export type IdCode =
  | 'egn.length' | 'egn.non_digit' | 'egn.bad_date' | 'egn.future_date' | 'egn.checksum'
  | 'lnch.length' | 'lnch.non_digit' | 'lnch.checksum'
  | 'eik.length' | 'eik.non_digit' | 'eik.checksum';

export interface IdCheckResult {
  /** The number exactly as given. */
  input: string;
  kind: IdKind;
  valid: boolean;
  /** null when valid. */
  code: IdCode | null;
  /** "YYYY-MM-DD" for a valid EGN, else null. */
  birth_date: string | null;
  sex: 'male' | 'female' | null;
  /** What to tell the person when not valid, else null. */
  message: Messages | null;
}

export interface IdCheckOptions {
  /** Force the kind; otherwise 9/13 digits → eik, else egn, else lnch when that fits. */
  kind?: IdKind;
  /** "YYYY-MM-DD"; defaults to the local date. An EGN born after it is refused. */
  today?: string;
}

/** A form validation report (docs/forms.md). */
export interface FormReport {
  form: string;
  version: number;
  valid: boolean;
  /** At most one per field, in definition order; `path` points into the answers. */
  errors: CoreError[];
  steps: { id: string; visible: boolean; complete: boolean }[];
  /** JSON pointers of the fields to show. */
  visible: string[];
  computed: Record<string, unknown>;
  /** The canonical answers: visible fields only, normalised. What gets submitted. */
  answers: Record<string, unknown>;
}

/** A form being filled in: the definition is read once, each change re-validates. */
export class FormSession {
  private constructor();
  readonly report: FormReport;
  /** The answers as given (hidden ones included). */
  readonly answers: Record<string, unknown>;
  /** Sets one answer at a JSON pointer; undefined or null removes it. */
  setAnswer(pointer: string, value: unknown): FormReport;
  setAnswers(answers: Record<string, unknown>): FormReport;
  setToday(today: string): FormReport;
  /** Frees the session's wasm memory; call it in `finally`. */
  close(): void;
}

export interface FormSessionOptions {
  answers?: Record<string, unknown>;
  /** The form version the answers were made against: migrated, or CivicError form.needs_review. */
  answersVersion?: number;
  today?: string;
}

export interface EligibilityDecision {
  policy: string;
  version: number;
  eligible: boolean;
  /** Every failed rule's reason, for the person. */
  reasons: Messages[];
  rules: { rule: string; outcome: string; trace: { expr: string; value: unknown }[] }[];
}

export interface EncryptBallotOptions {
  /** 64 hex digits: the voter's credential secret (its public key is on the credential list). */
  credentialSeed: string;
  /** Names the encrypting device (≤ 128 bytes); hashed into the tracking code. */
  device: string;
  /** The device clock, e.g. "2026-11-25T09:00:00Z" (≤ 64 bytes). */
  time: string;
  /** Tracking code of this device's previous ballot; defaults to the chain start. */
  previous?: string;
  /** How many ballots this voter submitted before (last receipt's sequence + 1); default 0. */
  sequence?: number;
  /** Tracking code of this voter's previous ballot; defaults to the voter's chain start. */
  voterPrevious?: string;
  /** 64 hex digits of randomness; defaults to fresh Web Crypto bytes. */
  seed?: string;
}

export interface EncryptedBallot {
  ballot: Record<string, unknown>;
  tracking_code: string;
  /** Keep only until the ballot is cast (then erase) or spoiled (spoilBallot needs it). */
  seed: string;
}

/** A district of a profile; `live` when its address register is loaded. */
export interface ProfileDistrict {
  id: string;
  name: Messages;
  live: boolean;
}

/** A profile bundle (docs/profile.md): what GET /api/v1/profile serves. */
export interface ProfileBundle {
  format: 'civickit-profile/1';
  id: string;
  version: string;
  name: Messages;
  municipality: { ekatte: string; code: string; name: Messages };
  /** The service catalogue's groups, in order. */
  life_events?: { id: string; title: Messages }[];
  districts: ProfileDistrict[];
  register: Record<string, unknown>[];
  forms: Record<string, unknown>[];
  policies: Record<string, unknown>[];
  elections: Record<string, unknown>[];
  boundary: Record<string, unknown>;
  /** How open elections appear in the catalogue (a service block with a text fee). */
  election_service?: Record<string, unknown>;
  facts: Record<string, { value: unknown; status: 'sourced' | 'GUESS' | 'NOT FOUND'; note?: string; source?: string }>;
  /** Added by the server: X25519 (envelope) and Ed25519 (receipt) public keys, hex. */
  keys?: { envelope: string; receipt: string };
}

/** An address answer (civic/address.hpp); every part optional. */
export interface AddressAnswer {
  district?: string;
  settlement?: string;
  complex?: string;
  street_type?: string;
  street?: string;
  number?: string;
  block?: string;
  entrance?: string;
  floor?: string;
  apartment?: string;
  postal_code?: string;
}

export interface AddressSuggestQuery {
  /** What the person typed: Cyrillic or Latin, any case, a name then "12", "бл. 3", "вх. А" ... */
  text: string;
  /** Preferred district: its streets and blocks come first. */
  district?: string;
  streets?: boolean;
  blocks?: boolean;
  /** 1..50, default 10. */
  limit?: number;
}

/**
 * A street or block of the register, or (Profile#suggestAddresses only, after those) a place
 * or settlement of a district that is not live yet. `address` is what choosing it fills in,
 * with the number, block, entrance, floor and apartment the person typed ("Витоша 12").
 */
export type AddressSuggestion =
  | { kind: 'street'; district: string; label: string; settlement: string; type: string; name: string; numbers: string[]; postal_codes: string[]; address: AddressAnswer }
  | { kind: 'block'; district: string; label: string; settlement: string; complex: string; block: string; entrances: string[]; postal_codes: string[]; address: AddressAnswer }
  | { kind: 'place' | 'settlement'; district: string; label: string; settlement: string; address: AddressAnswer };

export interface SealOptions {
  today?: string;
  /** "YYYY-MM-DDTHH:MM:SSZ"; defaults to now (UTC). */
  createdAt?: string;
  /** X25519 public key, 64 hex digits; defaults to the bundle's keys.envelope. */
  publicKey?: string;
}

/**
 * One file being sealed to the municipality (Civickit#sealFile), format
 * civickit-sealed-file/1 (docs/files.md). Chunks may be sealed in any order and again (the
 * same bytes come out); the SHA-256 counts them only when sealed in order. Call delete() when done.
 */
export class FileSealer {
  private constructor();
  /** Plaintext bytes of every chunk but the last (262144). */
  readonly chunkBytes: number;
  /** The header the server needs first (96 bytes). */
  readonly header: Uint8Array;
  /** The upload id: 64 lower-case hex digits, named by the file's answer (`upload`). */
  readonly upload: string;
  /** ceil(size / chunkBytes). */
  readonly chunkCount: number;
  /** Sealed chunk `index` of exactly that chunk's plaintext bytes (16 bytes longer); throws sealed_file.bad_index / bad_chunk_size. */
  sealChunk(index: number, plaintext: Uint8Array): Uint8Array;
  /** Hex SHA-256 of the whole file once chunks 0..n-1 were sealed in order; throws sealed_file.incomplete before. */
  sha256(): string;
  delete(): void;
}

/** How a service appears in the catalogue (docs/forms.md "Service"). */
export interface CatalogueService {
  summary: Messages;
  you_need: Messages[];
  duration: Messages;
  /** A text, or the range of the form's fixed amounts in euro. */
  fee: { text: Messages } | { min_eur: number; max_eur: number };
  legal_basis: { text: Messages; url?: string };
}

/** The municipality's catalogue of e-services (docs/profile.md "Service catalogue"). */
export interface Catalogue {
  life_events: {
    id: string;
    title: Messages;
    services: (CatalogueService & { form: string; title: Messages })[];
    /** How this life event offers the open elections, when it does. */
    elections?: CatalogueService;
  }[];
}

/** A loaded profile (Civickit#loadProfile). Call delete() when done. */
export class Profile {
  private constructor();
  readonly id: string;
  readonly version: string;
  readonly districts: ProfileDistrict[];
  readonly bundle: ProfileBundle;
  /** One of the profile's forms; addresses are checked against its register (computed district_of). */
  openForm(formId: string, options?: FormSessionOptions): FormSession;
  /** Every problem of the address ([] when registered); paths relative to the address. */
  validateAddress(address: AddressAnswer): CoreError[];
  suggestAddresses(query: AddressSuggestQuery): AddressSuggestion[];
  checkEligibility(policyId: string, subject: Record<string, unknown>, options?: { today?: string }): EligibilityDecision;
  /** The catalogue of e-services: the forms with a "service" block, grouped by life event. */
  catalogue(): Catalogue;
  /** The submission envelope (docs/envelope.md). Throws CivicError submission.invalid (params.report) when the answers have errors. */
  sealSubmission(formId: string, answers: Record<string, unknown>, options?: SealOptions): Record<string, unknown>;
  delete(): void;
}

/** The server's signed acknowledgement of a submission (shared/include/civic/receipt.hpp). */
/** What the municipality issues when it approves a submission (GET /api/v1/submissions/{id}/certificate). */
export interface Certificate {
  format: 'civickit-certificate/1';
  submission_id: string;
  /** The approved envelope's content_hash. */
  envelope_hash: string;
  form: { id: string; version: string | number };
  title: Messages;
  issuer: Messages;
  district: string;
  issued_at: string;
  /** The fields the form's definition names under "certificate", with the answers as submitted. */
  statements: { field: string; name: Messages; value: unknown }[];
  signature: string;
}

export interface Receipt {
  /** 2 is what civic-server issues; 1 (hex id and token) is still verified. */
  format: 'civickit-receipt/2' | 'civickit-receipt/1';
  /** The reference, canonical ("7K2MQ9XAB3W"); parseReference gives its display form. */
  submission_id: string;
  envelope_hash: string;
  form: { id: string; version: string | number };
  received_at: string;
  /** The citizen's secret for asking the submission's status. */
  status_token: string;
  signature: string;
}

/** A loaded module. All methods are synchronous. */
export class Civickit {
  private constructor();
  /**
   * The JSON API as text: byte-identical to the native core's output. vote.* and geo.inside
   * need load({ vote: true }) or loadVote(), the tools functions (docs/api.md) load({ tools:
   * true }) or loadTools(); without them: api.vote_not_loaded, api.tools_not_loaded.
   */
  callJson(fn: string, inputJson: string): string;
  /** The JSON API on values; throws CivicError when the request is refused. */
  call<T = unknown>(fn: string, input: object): T;
  checkId(number: string, options?: IdCheckOptions): IdCheckResult;
  /** Bulgarian Cyrillic → Latin per the Transliteration Act ("София" → "Sofia"). */
  transliterate(text: string): string;
  /** A script-, case- and abbreviation-insensitive key ("бул. Витоша" → "bul vitosha"). */
  foldForSearch(text: string): string;
  /**
   * Loads the tools module (civickit-tools.wasm) unless loaded: registers, envelopes,
   * expressions, form definitions, standalone policies, bundles as JSON.
   */
  loadTools(): Promise<Civickit>;
  /** Loads the vote module (civickit-vote.wasm) unless loaded: ballots and geo.inside. */
  loadVote(): Promise<Civickit>;
  /** Evaluates an expression (docs/expressions.md): { value, type }. Needs the tools module. */
  evaluate(expression: string, options?: { answers?: Record<string, unknown>; today?: string }): { value: unknown; type: string };
  /** Every problem of a form definition. Needs the tools module. */
  checkFormDefinition(form: object): { valid: boolean; errors: CoreError[] };
  validateForm(form: object, answers: Record<string, unknown>, options?: { today?: string; answersVersion?: number }): FormReport;
  openFormSession(form: object, options?: FormSessionOptions): FormSession;
  /** Checks a subject against a standalone policy. Needs the tools module (Profile#checkEligibility does not). */
  checkEligibility(policy: object, subject: Record<string, unknown>, options?: { today?: string }): EligibilityDecision;
  /** Encrypts a ballot; `manifest` is the manifest's JSON text as published. Needs load({ vote: true }). */
  encryptBallot(manifest: string, jointKey: string, selections: Record<string, string[]>, options: EncryptBallotOptions): EncryptedBallot;
  /** Benaloh challenge: a spoiled board entry revealing the ballot's nonces. Needs load({ vote: true }). */
  spoilBallot(manifest: string, jointKey: string, ballot: Record<string, unknown>, seed: string, credentialSeed: string): { status: 'spoiled'; ballot: Record<string, unknown>; opening: Record<string, unknown> };
  /** Checks one ballot's proofs and signature. Needs load({ vote: true }). */
  verifyBallot(manifest: string, jointKey: string, ballot: Record<string, unknown>): { valid: boolean; tracking_code: string; error: CoreError | null };
  /** Loads a profile bundle (object or JSON text); throws CivicError with `.errors` when refused. */
  loadProfile(bundle: ProfileBundle | string): Profile;
  /** Checks a server receipt offline against the profile's keys.receipt (hex Ed25519). */
  verifyReceipt(receipt: Receipt, publicKeyHex: string): { valid: boolean; error?: CoreError };
  /** Checks the certificate of an approved submission offline against the same keys.receipt. */
  verifyCertificate(certificate: Certificate, publicKeyHex: string): { valid: boolean; error?: CoreError };
  /** What a file is by its first bytes (16 are enough), never its name; null when unknown. */
  mediaTypeOf(bytes: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/gif' | 'image/tiff' | 'image/webp' | null;
  /**
   * Starts sealing a file of `size` bytes to `publicKeyHex` (the bundle's keys.envelope). `seed`
   * (64 hex digits) defaults to the platform's CSPRNG. Throws CivicError sealed_file.bad_size or envelope.bad_key.
   */
  sealFile(size: number, publicKeyHex: string, options?: { seed?: string }): FileSealer;
  /** A typed reference or status code → its canonical and displayed forms, or the refusal. */
  parseReference(text: string, kind?: 'submission' | 'status'):
    | { valid: true; reference: string; display: string }
    | { valid: false; error: CoreError };
}

/** Emscripten module options accepted by load(). */
export interface LoadOptions {
  /**
   * Also load the vote module (civickit-vote.mjs + civickit-vote.wasm; or later, by
   * loadVote()) for encryptBallot, spoilBallot, verifyBallot, the vote.* functions and
   * geo.inside; without it they are refused with api.vote_not_loaded, and pages that do not
   * vote never download it.
   */
  vote?: boolean;
  /**
   * Also load the tools module (civickit-tools.mjs + civickit-tools.wasm; or later, by
   * loadTools()) for the JSON API's authoring, operator and server functions (docs/api.md);
   * without it they are refused with api.tools_not_loaded.
   */
  tools?: boolean;
  /** The bytes of civickit.wasm, when you fetch or bundle them yourself. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** The bytes of civickit-vote.wasm, likewise (for `vote: true` or loadVote()). */
  voteWasmBinary?: ArrayBuffer | Uint8Array;
  /** The bytes of civickit-tools.wasm, likewise (for `tools: true` or loadTools()). */
  toolsWasmBinary?: ArrayBuffer | Uint8Array;
  /** Maps "civickit.wasm" (and "civickit-vote.wasm", "civickit-tools.wasm") to the URL it is served from. */
  locateFile?: (path: string, prefix: string) => string;
}

export function load(options?: LoadOptions): Promise<Civickit>;

/** Today's local date as "YYYY-MM-DD". */
export function localToday(date?: Date): string;

/** `bytes` random bytes as hex, from Web Crypto. */
export function randomHex(bytes: number): string;
