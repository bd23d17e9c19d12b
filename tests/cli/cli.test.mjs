// The civic CLI as operators use it: $CIVIC_BIN is the built binary (set by ctest).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const civic = process.env.CIVIC_BIN;
if (!civic) throw new Error('set CIVIC_BIN to the built civic binary');
const run = (args, input) => spawnSync(civic, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });

test('id check NUMBER prints the six documented fields in order', () => {
  const { status, stdout } = run(['id', 'check', '--today', '2026-11-25', '0550290476']);
  assert.equal(status, 0);
  assert.equal(stdout, '{"input":"0550290476","kind":"egn","valid":true,"code":null,' +
      '"birth_date":"2005-10-29","sex":"female"}\n');
});

test('id check - answers one line per input line, in order, stripping only the newline', () => {
  const input = ['7501020018', '7111042925', '175074752', '7501010019', '', ' 501020018', '7501020018\r', 'x'].join('\n');
  const { status, stdout } = run(['id', 'check', '--today', '2026-11-25', '-'], input + '\n');
  assert.equal(status, 0);
  const rows = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(rows.map((r) => r.input), input.split('\n'));
  assert.deepEqual(rows.map((r) => r.kind), ['egn', 'lnch', 'eik', 'egn', 'egn', 'egn', 'egn', 'egn']);
  assert.deepEqual(rows.map((r) => r.code),
      [null, null, null, 'egn.checksum', 'egn.length', 'egn.non_digit', 'egn.length', 'egn.length']);
  assert.deepEqual(Object.keys(rows[0]), ['input', 'kind', 'valid', 'code', 'birth_date', 'sex']);
});

test('id check - handles a last line without a newline and bytes that are not UTF-8', () => {
  const { stdout } = run(['id', 'check', '--today', '2026-11-25', '-'], Buffer.from('7501020018\n75\xff', 'latin1'));
  const rows = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
  assert.equal(rows.length, 2);
  assert.equal(rows[1].input, '75\ufffd');
  assert.equal(rows[1].code, 'egn.length');
});

test('id check --kind forces the kind; a future birth date is measured against --today', () => {
  assert.equal(JSON.parse(run(['id', 'check', '--kind', 'lnch', '7501020018']).stdout).code, 'lnch.checksum');
  const future = JSON.parse(run(['id', 'check', '--today', '2075-01-31', '7542011030']).stdout);
  assert.equal(future.code, 'egn.future_date');
  const born = JSON.parse(run(['id', 'check', '--today', '2075-02-01', '7542011030']).stdout);
  assert.equal(born.valid, true);
});

test('id check processes 100,000 lines', () => {
  const lines = Array.from({ length: 100000 }, (_, i) => String(7501020018 + i));
  const { status, stdout } = run(['id', 'check', '-'], lines.join('\n') + '\n');
  assert.equal(status, 0);
  assert.equal(stdout.split('\n').length - 1, 100000);
});

test('usage errors exit 2 with a one-line usage message', () => {
  for (const args of [[], ['id'], ['id', 'check'], ['id', 'verify', '1'], ['id', 'check', '--kind', 'vat', '1'],
    ['id', 'check', '--today', 'tomorrow', '1'], ['id', 'check', '1', '2'], ['translit'], ['frobnicate']]) {
    const { status, stderr, stdout } = run(args);
    assert.equal(status, 2, args.join(' '));
    assert.equal(stdout, '');
    assert.match(stderr.trimEnd().split('\n').at(-1), /^usage: civic/);
  }
});

test('translit and translit --fold', () => {
  assert.equal(run(['translit', 'Столична община']).stdout, 'Stolichna obshtina\n');
  assert.equal(run(['translit', '--fold', 'бул. „Витоша“']).stdout, 'bul vitosha\n');
});

test('api calls the JSON API and exits 1 on a refused request', () => {
  const ok = run(['api', 'text.translit', '{"text":"София"}']);
  assert.equal(ok.status, 0);
  assert.equal(ok.stdout, '{"text":"Sofia"}\n');
  assert.equal(run(['api', 'text.translit', '{}']).status, 1);
});

const sofia = new URL('../../shared/profiles/sofia', import.meta.url).pathname;

test('profile check DIR: the Sofia profile is sound', () => {
  const { status, stdout } = run(['profile', 'check', sofia]);
  assert.equal(stdout, '{"ok":true,"errors":[]}\n');
  assert.equal(status, 0);
});

test('profile check DIR: a folder that cannot be assembled, and usage', () => {
  const { status, stdout } = run(['profile', 'check', '/nonexistent']);
  assert.equal(status, 1);
  assert.equal(JSON.parse(stdout).errors[0].code, 'profile.read_failed');
  assert.equal(run(['profile', 'check']).status, 2);
  assert.equal(run(['profile', 'pack', sofia]).status, 2);
});

test('profile bundle DIR: the bundle, equal byte for byte to the Node assembler (wasm tests use it)', () => {
  const { status, stdout } = run(['profile', 'bundle', sofia]);
  assert.equal(status, 0);
  const bundle = JSON.parse(stdout);
  assert.deepEqual(Object.keys(bundle), ['format', 'id', 'version', 'name', 'municipality', 'life_events',
    'election_service', 'districts', 'register', 'forms', 'policies', 'elections', 'boundary', 'facts']);
  assert.equal(bundle.districts.length, 24);
  assert.deepEqual(bundle.register.map((r) => r.district), bundle.districts.filter((d) => d.live).map((d) => d.id));
  const tool = new URL('../../wasm/tools/profile-bundle.mjs', import.meta.url).pathname;
  const node = spawnSync(process.execPath, [tool, sofia, civic], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(node.status, 0, node.stderr);
  assert.equal(node.stdout, stdout);
});

test('form validate --profile DIR --form ID: the register-backed report, exit 1 when invalid', () => {
  const owner = new URL('../profile/sofia/owner.json', import.meta.url).pathname;
  const validate = (form, today) => run(['form', 'validate', '--profile', sofia, '--form', form, '--today', today, owner]);
  const valid = validate('address_change', '2026-11-25');
  assert.equal(valid.status, 0, valid.stdout);
  const report = JSON.parse(valid.stdout);
  assert.equal(report.valid, true);
  assert.equal(report.computed.district, '68134-16');
  const early = JSON.parse(validate('address_change', '2026-09-01').stdout);  // the move date is after "today"
  assert.equal(early.valid, false);
  const unknown = validate('dog_licence', '2026-11-25');
  assert.equal(unknown.status, 1);
  assert.equal(JSON.parse(unknown.stdout).error.code, 'profile.unknown_form');
});
