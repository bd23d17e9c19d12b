// What this tab knows about one voter's visit, in memory only (a reload starts again with a
// new code): the election, the code request, the voting session the server opened, the
// ballot encrypted but not yet cast (its secret seed is kept only until the voter casts or
// checks it), and the receipts of ballots the server accepted.
import { nowUtc } from '../engine.mjs';
import { getElection } from './api.mjs';
import { encrypt } from './crypto.mjs';

const visits = new Map();

/** The visit for an election, created empty. */
export function visit(electionId) {
  if (!visits.has(electionId)) {
    visits.set(electionId, { electionId, election: null, request: null, session: null, selections: {}, encrypted: null, checked: null, receipts: [] });
  }
  return visits.get(electionId);
}

/** The election (GET /elections/{id}), fetched once per visit; {problem} when it cannot be. */
export async function electionOf(electionId) {
  const current = visit(electionId);
  if (current.election) return { election: current.election };
  const answer = await getElection(electionId);
  if (!answer.ok) return { problem: answer.problem, status: answer.status };
  current.election = answer.body;
  return { election: current.election };
}

/** The chain a new ballot continues (docs/vote-spec.md §6.3), as the session and receipts say. */
function chainOf(current) {
  const { session } = current;
  return { sequence: session.sequence ?? 0, voter_previous: session.voter_previous, previous: session.previous, device: session.device ?? 'web' };
}

/**
 * The voter's choice (`current.selections`) encrypted in the Worker as their next ballot;
 * `onStep` follows its progress. Throws the core's refusal.
 */
export function encryptNext(election, current, onStep) {
  return encrypt({
    manifest: election.manifest, joint_key: election.joint_key, selections: current.selections,
    credential_seed: current.session.credential_seed, time: nowUtc(), ...chainOf(current),
  }, onStep);
}

/**
 * The server accepted a ballot (cast or spoiled): the voter's chain moves on to it, and the
 * device's chain too.
 */
export function accepted(current, receipt) {
  current.session.sequence = receipt.sequence + 1;
  current.session.voter_previous = receipt.tracking_code;
  current.session.previous = receipt.tracking_code;
}

/** Forgets the ballot's secret: called once the voter has cast it (a cast ballot's seed must not survive). */
export function forgetSecret(current) {
  if (current.encrypted) delete current.encrypted.seed;
}
