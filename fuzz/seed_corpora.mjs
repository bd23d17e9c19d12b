// Writes the seed corpora (fuzz/corpus/<input>/seed_*) from tests/vectors and the Sofia profile.
// Files named fuzz_* (inputs fuzzing found worth keeping) are left alone.
//   node fuzz/seed_corpora.mjs build/native/cli/civic
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const civic = process.argv[2];
if (!civic) throw new Error('usage: node fuzz/seed_corpora.mjs CIVIC_BINARY');

const vectors = (name) =>
  JSON.parse(fs.readFileSync(path.join(root, 'tests/vectors', `${name}.json`), 'utf8'));
const inputs = (name, member) =>
  vectors(name).cases.map((c) => c.input[member]).filter((v) => v !== undefined);
const sofia = (file) =>
  JSON.parse(fs.readFileSync(path.join(root, 'shared/profiles/sofia', file), 'utf8'));
const unique = (texts) => [...new Set(texts)];

function write(input, texts) {
  const dir = path.join(root, 'fuzz/corpus', input);
  fs.mkdirSync(dir, { recursive: true });
  for (const file of fs.readdirSync(dir)) {
    if (file.startsWith('seed_')) fs.rmSync(path.join(dir, file));
  }
  unique(texts).forEach((text, i) => {
    fs.writeFileSync(path.join(dir, `seed_${String(i + 1).padStart(2, '0')}`), text);
  });
}
const json = (values) => values.map((v) => JSON.stringify(v));

// The Sofia bundle with each district's register cut to a few streets and blocks.
function sofiaBundle() {
  const bundle = JSON.parse(execFileSync(civic, ['profile', 'bundle',
    path.join(root, 'shared/profiles/sofia')], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  for (const reg of bundle.register) {
    reg.streets = reg.streets.slice(0, 3);
    reg.blocks = reg.blocks.slice(0, 2);
  }
  return bundle;
}

// A whole bulletin board made by the CLI: a 2-of-3 ceremony, two voters (the first also spoils
// a ballot), tally and result; as one object of its records.
function sampleBoard() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-board-'));
  const board = path.join(dir, 'board');
  const vote = (command, ...args) =>
    execFileSync(civic, ['vote', command, board, ...args], { encoding: 'utf8' });
  const manifest = path.join(dir, 'manifest.json');
  fs.writeFileSync(manifest, JSON.stringify(vectors('vote-manifest-hash').cases[0].input.manifest));
  vote('create', '--manifest', manifest);
  vote('ceremony', '--threshold', '2', '--trustees', '3', '--secrets', `${dir}/trustees`,
    '--seed', '11'.repeat(32));
  vote('credentials', '--count', '2', '--secrets', `${dir}/voters`, '--seed', '22'.repeat(32));
  const [first, second] = JSON.parse(fs.readFileSync(`${dir}/voters/credentials.json`, 'utf8'));
  vote('encrypt', '--credential', first.seed, '--select', 'city=p1', '--select', 'district=s1',
    '--spoil', '--seed', '33'.repeat(32));
  vote('encrypt', '--credential', first.seed, '--select', 'city=p1,p2', '--select', 'district=s2',
    '--seed', '44'.repeat(32));
  vote('encrypt', '--credential', second.seed, '--select', 'district=s1', '--seed', '55'.repeat(32));
  vote('tally');
  vote('decrypt', '--trustee', `${dir}/trustees/trustee-1.json`, '--trustee',
    `${dir}/trustees/trustee-3.json`, '--seed', '66'.repeat(32));
  const record = (name) => JSON.parse(fs.readFileSync(path.join(board, name), 'utf8'));
  const ballots = fs.readFileSync(path.join(board, 'ballots.jsonl'), 'utf8').split('\n')
    .filter((line) => line).map((line) => JSON.parse(line));
  const whole = { manifest: record('manifest.json'), ceremony: record('ceremony.json'),
    credentials: record('credentials.json'), ballots, tally: record('tally.json'),
    result: record('result.json') };
  fs.rmSync(dir, { recursive: true });
  return whole;
}

const api = [];
for (const file of fs.readdirSync(path.join(root, 'tests/vectors')).filter((f) => f.endsWith('.json'))) {
  const suite = JSON.parse(fs.readFileSync(path.join(root, 'tests/vectors', file), 'utf8'));
  for (const c of suite.cases.slice(0, 3)) api.push(`${suite.function}\n${JSON.stringify(c.input)}`);
}
write('api', api);
write('form_definition', json([...inputs('forms_definition', 'form'), ...inputs('forms', 'form'),
  ...fs.readdirSync(path.join(root, 'shared/profiles/sofia/forms')).map((f) => sofia(`forms/${f}`))]));
write('form_answers', json(inputs('forms', 'answers')));
write('profile', json([...inputs('profile-check', 'bundle'), sofiaBundle()]));
write('register_csv', inputs('register-import', 'csv'));
write('register_json', json([...inputs('address', 'register'), sofiaBundle().register]));
write('geojson', json([...inputs('geo', 'polygon'), sofia('boundary.geojson')]));
write('envelope_open', json(inputs('envelope-open', 'envelope')));
write('jcs', json([...inputs('jcs', 'value'), ...inputs('envelope-hash', 'envelope')]));
write('receipt', json(inputs('receipt-verify', 'receipt')));
write('vote_manifest', json([...inputs('vote-manifest-hash', 'manifest'),
  ...inputs('vote-verify-ballot', 'manifest')]));
write('ballot', json(inputs('vote-verify-ballot', 'ballot')));
const board = sampleBoard();
write('board', json([board, { ...board, result: null }, { ...board, ballots: board.ballots.slice(1) }]));
