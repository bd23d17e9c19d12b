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
    if (output !== null && typeof output === 'object' && 'error' in output) {
      throw new CivicError(output.error);
    }
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
}

/**
 * Loads the wasm module. In a browser or bundler `civickit.wasm` is fetched next to this
 * file; pass Emscripten options such as `locateFile` or `wasmBinary` to override.
 */
export async function load(options = {}) {
  return new Civickit(await createCivickitModule(options));
}
