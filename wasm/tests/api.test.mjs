import assert from 'node:assert/strict';
import { test } from 'node:test';

import { civic, civickit } from './package.mjs';

test('checkId decodes a valid EGN', () => {
  assert.deepEqual(civic.checkId('6101057509', { today: '2026-11-25' }), {
    input: '6101057509', kind: 'egn', valid: true, code: null,
    birth_date: '1961-01-05', sex: 'male', message: null,
  });
});

test('checkId explains a refusal in both languages', () => {
  const result = civic.checkId('7501010019', { today: '2026-11-25' });
  assert.equal(result.valid, false);
  assert.equal(result.code, 'egn.checksum');
  assert.match(result.message.bg, /ЕГН/);
  assert.match(result.message.en, /EGN/);
});

test('checkId honours a forced kind and defaults today to the local date', () => {
  assert.equal(civic.checkId('7111042925', { kind: 'lnch' }).valid, true);
  assert.equal(civic.checkId('175074752').kind, 'eik');
  assert.match(civickit.localToday(new Date(2026, 0, 5)), /^2026-01-05$/);
});

test('a malformed request throws a CivicError with the core code', () => {
  assert.throws(() => civic.checkId('7501020018', { kind: 'vat' }), (error) => {
    assert.ok(error instanceof civickit.CivicError);
    assert.equal(error.code, 'id.kind_unknown');
    assert.equal(error.path, '/kind');
    assert.ok(error.messages.bg.length > 0);
    return true;
  });
  assert.throws(() => civic.call('no.such', {}), { code: 'api.unknown_function' });
  assert.throws(() => civic.checkId('7501020018', { today: '2026-02-30' }), { code: 'date.not_real' });
});

test('callJson refuses text that is not JSON', () => {
  assert.equal(JSON.parse(civic.callJson('id.check', '{')).error.code, 'api.bad_json');
});

test('transliterate and foldForSearch', () => {
  assert.equal(civic.transliterate('Горна Оряховица'), 'Gorna Oryahovitsa');
  assert.equal(civic.transliterate('БЪЛГАРИЯ'), 'BULGARIA');
  assert.equal(civic.foldForSearch('бул. „Витоша“'), civic.foldForSearch('bul Vitosha'));
});

test('many calls do not leak: memory stays flat', () => {
  for (let i = 0; i < 20000; ++i) civic.checkId('7501020018', { today: '2026-11-25' });
  const before = process.memoryUsage().arrayBuffers;
  for (let i = 0; i < 20000; ++i) civic.checkId('7501020018', { today: '2026-11-25' });
  assert.ok(process.memoryUsage().arrayBuffers - before < 1 << 20);
});
