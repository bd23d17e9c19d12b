// civic vote verify / tally on several threads: $CIVIC_BIN is the built binary (set by ctest).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const civic = process.env.CIVIC_BIN;
if (!civic) throw new Error('set CIVIC_BIN to the built civic binary');
const run = (args) => spawnSync(civic, args, { encoding: 'utf8' });
const exampleBoard = new URL('../vectors/vote-board', import.meta.url).pathname;

// A copy of the worked example's board in a temporary folder, removed after `body`.
function withBoard(body) {
  const dir = mkdtempSync(join(tmpdir(), 'civic-vote-'));
  try {
    cpSync(exampleBoard, dir, { recursive: true });
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('verify prints the same report on 1 and 2 threads, and nothing on stderr when piped', () => {
  const one = run(['vote', 'verify', exampleBoard, '--jobs', '1']);
  const two = run(['vote', 'verify', exampleBoard, '--jobs', '2']);
  const every = run(['vote', 'verify', exampleBoard]);
  assert.equal(one.status, 0, one.stdout);
  assert.match(one.stdout, /board verified\n$/);
  assert.equal(two.stdout, one.stdout);
  assert.equal(every.stdout, one.stdout);
  assert.equal(one.stderr + two.stderr + every.stderr, '');
});

test('a tampered board fails with the same first failures on 1 and 2 threads', () => {
  withBoard((dir) => {
    const lines = readFileSync(join(dir, 'ballots.jsonl'), 'utf8').split('\n');
    const entry = JSON.parse(lines[1]);
    const proof = entry.ballot.contests[0].options[0].proof;
    [proof.challenges[0], proof.challenges[1]] = [proof.challenges[1], proof.challenges[0]];
    lines[1] = JSON.stringify(entry);
    writeFileSync(join(dir, 'ballots.jsonl'), lines.join('\n'));
    const one = run(['vote', 'verify', dir, '--jobs', '1']);
    const two = run(['vote', 'verify', dir, '--jobs', '2']);
    assert.equal(one.status, 1);
    // The tracking code hashes the proofs: check 8 finds the change first.
    assert.match(one.stdout, /FAIL  8\. .*\n.*first: vote\.ballot\.tracking_code at "\/ballots\/1\/ballot\/tracking_code"/);
    assert.equal(two.stdout, one.stdout);
  });
});

test('tally on 2 threads writes the tally the board publishes', () => {
  withBoard((dir) => {
    rmSync(join(dir, 'tally.json'));
    const tally = run(['vote', 'tally', dir, '--jobs', '2']);
    assert.equal(tally.status, 0, tally.stderr);
    assert.equal(tally.stdout, 'tallied 2 ballots (0 refused)\n');
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'tally.json'), 'utf8')),
        JSON.parse(readFileSync(join(exampleBoard, 'tally.json'), 'utf8')));
  });
});

test('--jobs must be a number of threads from 1 to 1024', () => {
  for (const jobs of ['0', '1025', 'two', '']) {
    const { status, stdout, stderr } = run(['vote', 'verify', exampleBoard, '--jobs', jobs]);
    assert.equal(status, 1, jobs);
    assert.equal(stdout, '');
    assert.match(stderr, /--jobs must be a number of threads from 1 to 1024/);
  }
});

test('on a terminal, a progress line is shown while ballots are checked, then erased', () => {
  // script(1) runs the command on a pseudo-terminal and copies what it prints.
  const { status, stdout } = spawnSync('script', ['-qec', `"${civic}" vote verify "${exampleBoard}" --jobs 2`, '/dev/null'],
      { encoding: 'utf8' });
  assert.equal(status, 0, stdout);
  assert.match(stdout, /\rverifying ballots 4\/4/);
  assert.match(stdout, /\r\x1b\[K/);
  assert.match(stdout, /board verified/);
});
