// A ballot receipt checked on this device: the server signs the RFC 8785 canonical form of
// `receipt` with Ed25519 (server/openapi.yaml, POST /elections/{id}/ballots) under the
// municipality's receipt key, which the profile bundle carries (keys.receipt). The core
// writes the canonical form (envelope.canonicalize); the browser's Web Crypto checks the
// signature. The receipt must also name the ballot this device encrypted.
const fromHex = (hex) => Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16));

/** → true when signed by the profile's receipt key and about `trackingCode`; false otherwise. */
export async function verifyBallotReceipt(engine, signed, trackingCode) {
  const key = engine.bundle.keys?.receipt;
  if (!key || !signed?.signature || signed.receipt?.tracking_code !== trackingCode) return false;
  try {
    const { canonical } = engine.civic.call('envelope.canonicalize', { value: signed.receipt });
    const publicKey = await crypto.subtle.importKey('raw', fromHex(key), { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, fromHex(signed.signature), new TextEncoder().encode(canonical));
  } catch {
    return false;  // no Ed25519 in this browser, or a malformed key or signature
  }
}
