// checkId, transliterate and foldForSearch take the module's direct entry points for
// well-formed strings: they must answer exactly what the JSON API answers, refusals included.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { civic, civickit } from './package.mjs';

const texts = ['', 'София', 'ж.к. „Младост“ 1, бл. 12, вх. А', 'бул. Витоша 12', 'Щастлива Ъгъл Юлия Ябълка',
  'ÀÉÎõü straße', '\u{1F3E0} дом', 'a\u0000b', ' x '.repeat(500), 'Sofia'.repeat(6) + 'xy', 'Sofia'.repeat(6) + 'xyz',
  'Sofia'.repeat(6) + 'xж'];

test('transliterate and foldForSearch answer as text.translit and text.fold', () => {
  for (const text of texts) {
    assert.equal(civic.transliterate(text), civic.call('text.translit', { text }).text, text);
    assert.equal(civic.foldForSearch(text), civic.call('text.fold', { text }).text, text);
  }
});

test('text the module passes through comes back as it went in, short (encoded in JavaScript) or long', () => {
  for (const text of ['é', 'ߐ€\uFFFF', '\u{1F3E0}\u{10FFFF}', 'Ω é € \u{1F3E0} ы', 'Ω é € \u{1F3E0} ы'.repeat(9)]) {
    assert.equal(civic.transliterate(text), text);
  }
});

test('long text after a longer one (the input buffer replaced, and the memory grown) answers as before', () => {
  const texts = ['ж.к. „Младост“ 1, бл. 12, вх. А, ет. 3, ап. 9, 1784 София', 'Щ'.repeat(40000), 'ж'.repeat(400000)];
  for (const text of [...texts, ...texts.reverse()]) {
    assert.equal(civic.transliterate(text), civic.call('text.translit', { text }).text, text.slice(0, 9));
    assert.equal(civic.foldForSearch(text), civic.call('text.fold', { text }).text, text.slice(0, 9));
  }
});

test('a lone surrogate or a non-string takes the JSON API and is refused as before', () => {
  for (const text of ['\ud800', 'а\udfff', 'ж'.repeat(40) + '\udc00', 42, null]) {
    assert.throws(() => civic.transliterate(text), civickit.CivicError);
    assert.throws(() => civic.foldForSearch(text), civickit.CivicError);
  }
});

test('checkId answers as id.check, for valid, invalid and refused requests', () => {
  const requests = [
    ['7501020018', {}], ['7501010019', {}], ['7111042925', { kind: 'lnch' }], ['175074752', {}],
    ['175074752', { kind: 'egn' }], ['', {}], ['75010200１8', {}], ['7501020018', { today: '1975-01-01' }],
  ];
  for (const [number, options] of requests) {
    const today = options.today ?? '2026-11-25';
    const request = options.kind === undefined ? { number, today } : { number, kind: options.kind, today };
    assert.deepEqual(civic.checkId(number, { ...options, today }), civic.call('id.check', request), number);
  }
  // Each error twice and in turns: the module decodes an error's message once and then reuses it.
  const invalid = ['75010200', '7501020019', '75010200x8', '7513020018', '7605050000', '7501020018', '175074753',
    '1750747530000', 'x75074752', '7111042920', '71110429x5', '', 'Я'];
  for (const number of [...invalid, ...invalid]) {
    for (const kind of [undefined, 'egn', 'lnch', 'eik']) {
      const request = kind === undefined ? { number, today: '1976-01-01' } : { number, kind, today: '1976-01-01' };
      assert.deepEqual(civic.checkId(number, { kind, today: '1976-01-01' }), civic.call('id.check', request),
        `${number} ${kind}`);
    }
  }
  for (const [options, code] of [[{ kind: 'vat' }, 'id.kind_unknown'], [{ kind: '' }, 'id.kind_unknown'],
    [{ today: '2026-13-01' }, null], [{ today: 7 }, 'api.bad_request']]) {
    const request = { number: '7501020018', today: '2026-11-25', ...options };
    const expected = (() => {
      try { return civic.call('id.check', request); } catch (error) { return error.code; }
    })();
    const actual = (() => {
      try { return civic.checkId('7501020018', { today: '2026-11-25', ...options }); } catch (error) { return error.code; }
    })();
    assert.deepEqual(actual, expected, JSON.stringify(options));
    if (code !== null) assert.equal(actual, code);
  }
});

test("checkId's answers are objects of their own, its messages too", () => {
  const first = civic.checkId('7501020019', { today: '2026-11-25' });
  first.message.bg = 'changed';
  first.code = 'changed';
  const second = civic.checkId('7501020019', { today: '2026-11-25' });
  assert.notEqual(second.message, first.message);
  assert.deepEqual(second, civic.call('id.check', { number: '7501020019', today: '2026-11-25' }));
});

test('mediaTypeOf tells a file by its bytes, not its name', () => {
  const bytes = (...values) => new Uint8Array(values);
  assert.equal(civic.mediaTypeOf(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj')), 'application/pdf');
  assert.equal(civic.mediaTypeOf(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)), 'image/jpeg');
  assert.equal(civic.mediaTypeOf(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)), 'image/png');
  assert.equal(civic.mediaTypeOf(bytes(0xd0, 0xcf, 0x11, 0xe0)), null);
  assert.equal(civic.mediaTypeOf(bytes()), null);
});
