// The Sofia profile through the npm module: loaded once, forms opened on it, addresses
// validated and suggested from its register, submissions sealed. The bundle is assembled in
// Node from shared/profiles/sofia by wasm/tools/profile-bundle.mjs (CSV registers through
// the wasm core's register.import); the native suite checks that it equals
// `civic profile bundle` byte for byte.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { assembleProfile } from '../tools/profile-bundle.mjs';
import { civic, civickit } from './package.mjs';

const here = (path) => new URL(path, import.meta.url).pathname;
const bundle = assembleProfile(here('../../shared/profiles/sofia'), (input) => civic.call('register.import', input));
const owner = JSON.parse(readFileSync(here('../../tests/profile/sofia/owner.json'), 'utf8'));
const today = '2026-11-25';
const profile = civic.loadProfile(bundle);
process.on('exit', () => profile.delete());

test('loadProfile reads the Sofia bundle once: id, version, 24 districts, the live ones', () => {
  assert.equal(profile.id, 'sofia');
  assert.equal(profile.version, bundle.version);
  assert.equal(profile.districts.length, 24);
  assert.deepEqual(profile.districts.filter((d) => d.live).map((d) => d.id),
      bundle.register.map((r) => r.district));
  const fromText = civic.loadProfile(JSON.stringify(bundle));
  assert.deepEqual(fromText.bundle, bundle);
  fromText.delete();
  fromText.delete();  // deleting twice is harmless
  assert.throws(() => fromText.catalogue(), /Profile was used after it was freed/);
  assert.throws(() => fromText.openForm('address_change'), /Profile was used after it was freed/);
});

test('catalogue groups the services of the forms by life event, as the API answers for the bundle', () => {
  const catalogue = profile.catalogue();
  assert.deepEqual(catalogue.life_events.map((e) => [e.id, e.services.map((s) => s.form)]),
      [['moving_home', ['address_change']], ['city_life', ['pb_proposal']]]);
  assert.deepEqual(catalogue.life_events[0].services[0].fee, { min_eur: 2.56, max_eur: 5.11 });
  assert.ok(catalogue.life_events[1].elections.you_need.length > 0);
  assert.deepEqual(civic.call('profile.catalogue', { bundle }), catalogue);
});

test('loadProfile refuses a broken bundle with every problem in .errors', () => {
  const broken = { ...bundle, version: 7, districts: [...bundle.districts, bundle.districts[0]] };
  assert.throws(() => civic.loadProfile(broken), (error) => {
    assert.ok(error instanceof civickit.CivicError);
    assert.deepEqual(error.errors.map((e) => `${e.code} ${e.path}`),
        ['profile.bad_bundle /version', 'profile.duplicate_district /districts/24/id']);
    assert.equal(error.code, 'profile.bad_bundle');
    return true;
  });
  assert.throws(() => civic.loadProfile('{'), { code: 'api.bad_json' });
});

test('openForm: the address-change form on the register, same report as profile.validate_form', () => {
  const session = profile.openForm('address_change', { today, answers: owner });
  try {
    const report = session.report;
    assert.equal(report.valid, true, JSON.stringify(report.errors));
    assert.equal(report.computed.district, '68134-16');
    assert.deepEqual(report, civic.call('profile.validate_form', { bundle, form: 'address_change', answers: owner, today }));
    const moved = session.setAnswer('/new_address/number', '9999');
    assert.deepEqual(moved.errors.map((e) => `${e.code} ${e.path}`), ['address.number_unknown /new_address/number']);
    assert.equal(moved.computed.district, null);
  } finally {
    session.close();
  }
  assert.throws(() => profile.openForm('dog_licence', { today }), { code: 'profile.unknown_form' });
});

test('validateAddress: [] for a registered address, the register\'s reasons otherwise', () => {
  assert.deepEqual(profile.validateAddress(owner.new_address), []);
  assert.deepEqual(profile.validateAddress({ ...owner.new_address, street: 'Несъществуваща' }).map((e) => e.code),
      ['address.street_unknown']);
  const notLive = profile.districts.find((d) => !d.live).id;
  assert.deepEqual(profile.validateAddress({ ...owner.new_address, district: notLive }).map((e) => e.code),
      ['profile.district_not_live']);
});

test('suggestAddresses: Latin or Cyrillic, the preferred district first, limited', () => {
  const cyrillic = profile.suggestAddresses({ text: 'Акад. Борис', district: '68134-16', limit: 5 });
  assert.ok(cyrillic.length > 0 && cyrillic.length <= 5);
  assert.equal(cyrillic[0].district, '68134-16');
  assert.equal(cyrillic[0].kind, 'street');
  assert.ok(Array.isArray(cyrillic[0].numbers));
  assert.deepEqual(profile.suggestAddresses({ text: 'akad. boris', district: '68134-16', limit: 5 }), cyrillic);
  const blocks = profile.suggestAddresses({ text: 'бл', streets: false, limit: 3 });
  assert.ok(blocks.every((s) => s.kind === 'block' && Array.isArray(s.entrances)));
  assert.deepEqual(profile.suggestAddresses({ text: '' }), []);
});

test('suggestAddresses: what was typed is filled in; districts without a register are recognised', () => {
  const [street] = profile.suggestAddresses({ text: 'Vitosha 12 ap 3', limit: 1 });
  assert.deepEqual(street.address, {
    district: '68134-01', settlement: '68134', street_type: 'бул.', street: 'Витоша', number: '12', apartment: '3', postal_code: '1000',
  });
  const [place] = profile.suggestAddresses({ text: 'ж.к. Младост 1 бл. 12', limit: 3 });
  assert.equal(place.kind, 'place');
  assert.deepEqual(place.address, { district: '68134-15', settlement: '68134', complex: 'Младост', block: '12' });
  assert.deepEqual(profile.validateAddress(place.address).map((e) => [e.code, e.params.name.en]),
      [['profile.district_not_live', 'Mladost']]);
  const [village] = profile.suggestAddresses({ text: 'Busmanci', limit: 3 });
  assert.deepEqual([village.kind, village.district, village.settlement], ['settlement', '68134-14', '07106']);
});

test('checkEligibility: the vote policy from the profile', () => {
  const subject = { egn: owner.egn, permanent_address_settlement: '68134' };
  assert.equal(profile.checkEligibility('pb_voter', subject, { today }).eligible, true);
  const child = profile.checkEligibility('pb_voter', { ...subject, egn: null, birth_date: '2015-01-01' }, { today });
  assert.equal(child.eligible, false);
  assert.throws(() => profile.checkEligibility('nope', subject, { today }), { code: 'profile.unknown_policy' });
});

test('sealSubmission: personal answers sealed, the municipality opens them; invalid answers refused', () => {
  const keys = civic.call('envelope.keypair', { seed: '11'.repeat(32) });
  const envelope = profile.sealSubmission('address_change', owner, { today, createdAt: '2026-11-25T10:00:00Z', publicKey: keys.public_key });
  assert.deepEqual(envelope.form, { id: 'address_change', version: bundle.forms.find((f) => f.id === 'address_change').version });
  assert.equal(JSON.stringify(envelope).includes(owner.egn), false);
  const opened = civic.call('envelope.open', { envelope, secret_key: keys.secret_key });
  assert.equal(opened.personal.egn, owner.egn);
  assert.throws(() => profile.sealSubmission('address_change', { ...owner, move_date: '2027-01-01' },
      { today, publicKey: keys.public_key }), (error) => {
    assert.equal(error.code, 'submission.invalid');
    assert.equal(error.params.report.valid, false);
    return true;
  });
  assert.throws(() => profile.sealSubmission('address_change', owner, { today }), { code: 'api.bad_request' });  // no key in the bundle
});
