#include "civic/vote/proofs.hpp"

namespace civic::vote {

Scalar nonce(const Bytes32& seed, std::uint32_t index) {
  return Transcript("civic/vote/v1/proof-nonce").bytes(seed).u32(index).challenge();
}

Ciphertext encrypt(const FixedBase& joint_key, std::uint32_t message, const Scalar& nonce_value) {
  return Ciphertext{base_mul(nonce_value), joint_key.mul(nonce_value + scalar_from_u64(message))};
}

Ciphertext operator+(const Ciphertext& a, const Ciphertext& b) {
  return Ciphertext{a.alpha + b.alpha, a.beta + b.beta};
}

// For branch j: a_j = g^v_j * alpha^-c_j and b_j = K^(v_j + j c_j) * beta^-c_j.
// The honest prover, knowing r and m, gets the same points with one multiplication each:
// a_j = g^(v_j - c_j r), b_j = K^(v_j - c_j (r + m - j)).
RangeProof prove_range(Transcript transcript, const FixedBase& joint_key,
                       const Ciphertext& ciphertext, std::uint32_t lo, std::uint32_t hi,
                       std::uint32_t message, const Scalar& nonce_value,
                       const Bytes32& nonce_seed) {
  const std::uint32_t branches = hi - lo + 1;
  const std::uint32_t real = message - lo;
  RangeProof proof;
  proof.challenges.resize(branches);
  proof.responses.resize(branches);
  transcript.u32(lo).u32(hi).point(ciphertext.alpha).point(ciphertext.beta);
  const Scalar r_plus_m = nonce_value + scalar_from_u64(message);
  const Scalar commitment_nonce = nonce(nonce_seed, 2 * real);
  Scalar simulated_sum;
  for (std::uint32_t i = 0; i < branches; ++i) {
    if (i == real) {
      transcript.point(base_mul(commitment_nonce)).point(joint_key.mul(commitment_nonce));
      continue;
    }
    const Scalar c = nonce(nonce_seed, 2 * i);
    const Scalar v = nonce(nonce_seed, 2 * i + 1);
    proof.challenges[i] = c;
    proof.responses[i] = v;
    simulated_sum = simulated_sum + c;
    const Scalar exponent_b = v - c * (r_plus_m - scalar_from_u64(lo + i));
    transcript.point(base_mul(v - c * nonce_value)).point(joint_key.mul(exponent_b));
  }
  proof.challenges[real] = transcript.challenge() - simulated_sum;
  proof.responses[real] = commitment_nonce + proof.challenges[real] * nonce_value;
  return proof;
}

bool verify_range(Transcript transcript, const FixedBase& joint_key, const Ciphertext& ciphertext,
                  std::uint32_t lo, std::uint32_t hi, const RangeProof& proof) {
  if (hi < lo) return false;
  const std::size_t branches = std::size_t{hi} - lo + 1;
  if (proof.challenges.size() != branches || proof.responses.size() != branches) return false;
  transcript.u32(lo).u32(hi).point(ciphertext.alpha).point(ciphertext.beta);
  Scalar challenge_sum;
  for (std::size_t i = 0; i < branches; ++i) {
    const Scalar& c = proof.challenges[i];
    const Scalar& v = proof.responses[i];
    const Scalar j = scalar_from_u64(lo + i);
    transcript.point(base_mul_add_vartime(v, -c, ciphertext.alpha));
    transcript.point(mul_add_vartime(joint_key, v + j * c, -c, ciphertext.beta));
    challenge_sum = challenge_sum + c;
  }
  return transcript.challenge() == challenge_sum;
}

Proof prove_knowledge(Transcript transcript, const Point& public_key, const Scalar& secret,
                      const Bytes32& nonce_seed) {
  const Scalar u = nonce(nonce_seed, 0);
  const Scalar c = transcript.point(public_key).point(base_mul(u)).challenge();
  return Proof{c, u + c * secret};
}

bool verify_knowledge(Transcript transcript, const Point& public_key, const Proof& proof) {
  const Point commitment = base_mul_add_vartime(proof.response, -proof.challenge, public_key);
  return transcript.point(public_key).point(commitment).challenge() == proof.challenge;
}

Proof prove_equal_logs(Transcript transcript, const Point& public_key, const Point& base,
                       const Point& result, const Scalar& secret, const Bytes32& nonce_seed) {
  const Scalar w = nonce(nonce_seed, 0);
  transcript.point(public_key).point(base).point(result);
  const Scalar c = transcript.point(base_mul(w)).point(mul(w, base)).challenge();
  return Proof{c, w + c * secret};
}

bool verify_equal_logs(Transcript transcript, const Point& public_key, const Point& base,
                       const Point& result, const Proof& proof) {
  const Scalar minus_c = -proof.challenge;
  transcript.point(public_key).point(base).point(result);
  transcript.point(base_mul_add_vartime(proof.response, minus_c, public_key));
  transcript.point(mul(proof.response, base) + mul(minus_c, result));
  return transcript.challenge() == proof.challenge;
}

}  // namespace civic::vote
