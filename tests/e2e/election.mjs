// An open election on the e2e server, prepared as the election commission would (docs/vote-server.md):
// the admin creates it from the profile's sample manifest and loads the eligibility register,
// the trustees run their ceremony with the CLI (2 of 3), the registrar makes the voters'
// credentials, the admin opens it. closeAndPublish() closes it, has two trustees decrypt the
// downloaded board with the CLI and upload their shares, and publishes the result.
//   CIVIC_CLI   the civic CLI (default build/native/cli/civic)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './harness.mjs';

const cli = process.env.CIVIC_CLI ?? join(root, 'build/native/cli/civic');
const sample = JSON.parse(readFileSync(join(root, 'shared/profiles/sofia/elections/sofia-2026-sample.json'), 'utf8'));
const TRUSTEES = { threshold: 2, count: 3 };
const BUDGET_EUR = 400000;

/** A valid EGN for a birth date in the 1900s (yy, mm, dd) and a 3-digit serial. */
function egn(yy, mm, dd, serial) {
  const digits = `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}${String(dd).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  const weights = [2, 4, 8, 5, 10, 9, 7, 3, 6];
  const check = [...digits].reduce((sum, d, i) => sum + Number(d) * weights[i], 0) % 11;
  return `${digits}${check === 10 ? 0 : check}`;
}

/** Residents of Sofia (EKATTE 68134), adults, each with their own phone. */
export const VOTERS = [1, 2, 3, 4, 5].map((n) => ({
  number: egn(70 + n, n, 10 + n, 100 + n), birthDate: `19${70 + n}-0${n}-${10 + n}`, phone: `088800000${n}`,
}));

function run(args) {
  return execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** {option id: votes} for every option of the sample, from {voter number: selections}. */
export function countVotes(expected) {
  const counts = Object.fromEntries(sample.contests.flatMap((c) => c.options.map((o) => [o.id, 0])));
  for (const selections of Object.values(expected)) {
    for (const options of Object.values(selections)) for (const option of options) counts[option] += 1;
  }
  return counts;
}

export async function openElection(server) {
  const dir = mkdtempSync(join(tmpdir(), 'civic-e2e-election-'));
  const id = `e2e-${Date.now().toString(36)}`;
  const manifest = { ...sample, id };
  const board = join(dir, 'board');
  const secrets = join(dir, 'trustees');
  const state = (to) => server.admin('POST', `/api/v1/admin/elections/${id}/state`, { to });
  const today = new Date().toISOString().slice(0, 10);

  await server.admin('POST', '/api/v1/admin/elections', { manifest, budget_eur: BUDGET_EUR, election_day: today });
  // The municipality turns its clear list into the register of keyed hashes on its own machine.
  const people = join(dir, 'people.csv');
  writeFileSync(people, ['personal_number,birth_date,permanent_settlement,current_settlement',
    ...VOTERS.map((v) => `${v.number},${v.birthDate},68134,`)].join('\n') + '\n');
  run(['vote', 'eligible', people, '--key', join(server.data, 'keys/voter.key'), '--out', join(dir, 'eligible.csv')]);
  await server.admin('POST', `/api/v1/admin/elections/${id}/eligible`, readFileSync(join(dir, 'eligible.csv'), 'utf8'), 'text/csv');
  await state('ceremony');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  run(['vote', 'create', board, '--manifest', join(dir, 'manifest.json')]);
  run(['vote', 'ceremony', board, '--threshold', String(TRUSTEES.threshold), '--trustees', String(TRUSTEES.count), '--secrets', secrets]);
  await server.admin('POST', `/api/v1/admin/elections/${id}/ceremony`, JSON.parse(readFileSync(join(board, 'ceremony.json'), 'utf8')));
  // The registrar: one credential per voter, the seeds sealed to the server's envelope key.
  const { keys } = await (await fetch(`${server.base}/api/v1/profile`)).json();
  run(['vote', 'register', board, '--eligible', join(dir, 'eligible.csv'), '--server-key', keys.envelope, '--out', join(dir, 'upload.json')]);
  await server.admin('POST', `/api/v1/admin/elections/${id}/credentials`, JSON.parse(readFileSync(join(dir, 'upload.json'), 'utf8')));
  await state('open');

  const expected = {};
  return {
    id,
    /** What a voter's last cast ballot holds (every contest; an absent one is empty). */
    expect(voter, selections) { expected[voter.number] = selections; },
    expected: () => expected,
    async closeAndPublish() {
      await state('closed');
      const downloaded = join(dir, 'downloaded');
      const tar = await fetch(`${server.base}/api/v1/elections/${id}/board.tar`);
      if (!tar.ok) throw new Error(`board.tar: HTTP ${tar.status}`);
      writeFileSync(join(dir, 'board.tar'), Buffer.from(await tar.arrayBuffer()));
      execFileSync('mkdir', ['-p', downloaded]);
      execFileSync('tar', ['-xf', join(dir, 'board.tar'), '-C', downloaded]);
      const tallied = join(downloaded, 'board');
      run(['vote', 'tally', tallied]);
      for (let trustee = 1; trustee <= TRUSTEES.threshold; trustee++) {
        const out = join(dir, `partial-${trustee}.json`);
        run(['vote', 'decrypt', tallied, '--trustee', join(secrets, `trustee-${trustee}.json`), '--partial', out]);
        const uploaded = await fetch(`${server.base}/api/v1/elections/${id}/trustees/${trustee}/decryption`, {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: readFileSync(out),
        });
        if (!uploaded.ok) throw new Error(`trustee ${trustee}: HTTP ${uploaded.status} ${await uploaded.text()}`);
      }
      await state('tallied');
      await state('published');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
