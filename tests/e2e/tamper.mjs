// A man in the middle: changes a clear answer of an envelope to a value the form does not
// allow and recomputes the content hash (so only the server's re-validation can catch it).
import { join } from 'node:path';
import { root } from './harness.mjs';

const { load } = await import(join(process.env.CIVICKIT_PACKAGE ?? join(root, 'build/wasm/wasm/npm'), 'node.mjs'));
const civic = await load({ tools: true });

export async function tamper(envelope) {
  const [name] = Object.keys(envelope.answers);
  const changed = { ...envelope, answers: { ...envelope.answers, [name]: 'tampered' } };
  delete changed.content_hash;
  return { ...changed, content_hash: civic.call('envelope.hash', { envelope: changed }).content_hash };
}
