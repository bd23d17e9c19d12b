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
  constructor(error: CoreError);
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

/** A loaded module. All methods are synchronous. */
export class Civickit {
  private constructor();
  /** The JSON API as text: byte-identical to the native core's output. */
  callJson(fn: string, inputJson: string): string;
  /** The JSON API on values; throws CivicError when the request is refused. */
  call<T = unknown>(fn: string, input: object): T;
  checkId(number: string, options?: IdCheckOptions): IdCheckResult;
  /** Bulgarian Cyrillic → Latin per the Transliteration Act ("София" → "Sofia"). */
  transliterate(text: string): string;
  /** A script-, case- and abbreviation-insensitive key ("бул. Витоша" → "bul vitosha"). */
  foldForSearch(text: string): string;
}

/** Emscripten module options accepted by load(). */
export interface LoadOptions {
  /** The bytes of civickit.wasm, when you fetch or bundle them yourself. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Maps "civickit.wasm" to the URL it is served from. */
  locateFile?: (path: string, prefix: string) => string;
}

export function load(options?: LoadOptions): Promise<Civickit>;

/** Today's local date as "YYYY-MM-DD". */
export function localToday(date?: Date): string;
