// The ballot's cryptography, off the page's thread: a module Web Worker with the civickit
// vote module (docs/vote-spec.md §11). Messages in: {id, op, input}; out: {id, progress:
// {step, total, stage}} while it works, then {id, output} or {id, error}.
//   encrypt  {manifest, joint_key, selections, credential_seed, device, time, sequence,
//             voter_previous} → {ballot, tracking_code, seed}, checked by vote.verify_ballot
//   spoil    {manifest, joint_key, ballot, seed, credential_seed} → the spoiled entry and the
//             choices its opening shows, checked by vote.verify_spoiled
import { load } from '../../vendor/civickit/index.mjs';

let voting = null;

async function civic(report) {
  if (!voting) {
    report('loading');
    voting = await load({ vote: true });
  }
  return voting;
}

const OPERATIONS = {
  async encrypt(input, report) {
    const core = await civic(report);
    report('encrypting');
    const { manifest, joint_key: jointKey, selections } = input;
    const encrypted = core.encryptBallot(manifest, jointKey, selections, {
      credentialSeed: input.credential_seed, device: input.device, time: input.time,
      previous: input.previous, sequence: input.sequence, voterPrevious: input.voter_previous,
    });
    report('checking');
    const check = core.call('vote.verify_ballot', { manifest, joint_key: jointKey, ballot: encrypted.ballot });
    if (!check.valid || check.tracking_code !== encrypted.tracking_code) throw { code: 'vote.client.self_check', message: SELF_CHECK };
    return encrypted;
  },
  async spoil(input, report) {
    const core = await civic(report);
    report('opening');
    const entry = core.spoilBallot(input.manifest, input.joint_key, input.ballot, input.seed, input.credential_seed);
    report('checking');
    const opened = core.call('vote.verify_spoiled', { manifest: input.manifest, joint_key: input.joint_key, ballot: entry.ballot, opening: entry.opening });
    if (!opened.valid) throw { code: 'vote.client.self_check', message: SELF_CHECK };
    return { entry, selections: opened.selections };
  },
};

// A ballot that fails the device's own check is never offered for casting.
const SELF_CHECK = {
  bg: 'Бюлетината не премина проверката на това устройство. Не гласувайте от него и съобщете на общината.',
  en: 'The ballot failed the check on this device. Do not vote from it, and tell the municipality.',
};

const STAGES = { encrypt: ['loading', 'encrypting', 'checking'], spoil: ['loading', 'opening', 'checking'] };

self.onmessage = async ({ data: { id, op, input } }) => {
  const stages = STAGES[op] ?? [];
  const report = (stage) => self.postMessage({ id, progress: { step: stages.indexOf(stage) + 1, total: stages.length, stage } });
  try {
    const operation = OPERATIONS[op];
    if (!operation) throw { code: 'vote.client.unknown_operation', message: { en: op } };
    self.postMessage({ id, output: await operation(input, report) });
  } catch (error) {
    self.postMessage({ id, error: { code: error.code ?? 'vote.client.failed', message: error.messages ?? error.message ?? { en: String(error) }, path: error.path ?? null } });
  }
};
