#include "civic/vote/ceremony.hpp"

#include <sodium.h>

namespace civic::vote {

namespace {

Transcript commitment_context(const Bytes32& base_hash, std::uint32_t trustee,
                              std::uint32_t coefficient) {
  Transcript transcript("civic/vote/v1/coefficient-proof");
  transcript.bytes(base_hash).u32(trustee).u32(coefficient);
  return transcript;
}

Scalar random_scalar(Rng& rng) {
  std::array<std::uint8_t, 64> wide;
  rng.fill(wide);
  const Scalar s = scalar_from_wide(wide);
  sodium_memzero(wide.data(), wide.size());
  return s;
}

Bytes32 random_seed(Rng& rng) {
  Bytes32 seed;
  rng.fill(seed);
  return seed;
}

// f(x) by Horner's rule.
Scalar evaluate(const std::vector<Scalar>& coefficients, std::uint32_t x) {
  const Scalar point = scalar_from_u64(x);
  Scalar value;
  for (std::size_t j = coefficients.size(); j-- > 0;) value = value * point + coefficients[j];
  return value;
}

Error ceremony_error(const char* code, const std::string& path, const char* bg, const char* en) {
  return Error{std::string("vote.ceremony.") + code, path, {bg, en}, {}};
}

Error parameters_error() {
  return ceremony_error("parameters", "/threshold",
                        "Нужно е 1 ≤ k ≤ n ≤ 64 попечители с индекси 1..n",
                        "Need 1 <= k <= n <= 64 trustees, indexed 1..n, with k commitments each");
}

}  // namespace

Result<LocalCeremony> run_local_ceremony(const Bytes32& base_hash, std::uint32_t threshold,
                                         std::uint32_t trustees, Rng& rng) {
  if (threshold < 1 || threshold > trustees || trustees > kMaxTrustees) {
    return parameters_error();
  }
  std::vector<std::vector<Scalar>> polynomials(trustees);
  LocalCeremony out;
  out.ceremony.threshold = threshold;
  for (std::uint32_t i = 1; i <= trustees; ++i) {
    std::vector<Scalar>& coefficients = polynomials[i - 1];
    TrusteeKey key{i, {}, {}};
    for (std::uint32_t j = 0; j < threshold; ++j) {
      coefficients.push_back(random_scalar(rng));
      key.commitments.push_back(base_mul(coefficients[j]));
      key.proofs.push_back(prove_knowledge(commitment_context(base_hash, i, j), key.commitments[j],
                                           coefficients[j], random_seed(rng)));
    }
    out.ceremony.joint_key =
        i == 1 ? key.commitments[0] : out.ceremony.joint_key + key.commitments[0];
    out.ceremony.trustees.push_back(std::move(key));
  }
  for (std::uint32_t l = 1; l <= trustees; ++l) {
    TrusteeSecret secret{l, {}};
    for (std::uint32_t i = 1; i <= trustees; ++i) {
      const Scalar share = evaluate(polynomials[i - 1], l);
      if (!verify_share(out.ceremony.trustees[i - 1], l, share)) {
        return ceremony_error("share", "/trustees/" + std::to_string(i - 1),
                              "Дял не съответства на ангажиментите",
                              "A share does not match its dealer's commitments");
      }
      secret.share = secret.share + share;
    }
    out.secrets.push_back(secret);
  }
  for (auto& coefficients : polynomials) {
    sodium_memzero(coefficients.data(), coefficients.size() * sizeof(Scalar));
  }
  return out;
}

bool verify_share(const TrusteeKey& dealer, std::uint32_t recipient, const Scalar& share) {
  const Scalar x = scalar_from_u64(recipient);
  Scalar power = scalar_from_u64(1);
  Point expected = identity();
  for (const Point& commitment : dealer.commitments) {
    expected = expected + mul(power, commitment);
    power = power * x;
  }
  return base_mul(share) == expected;
}

Result<Unit> verify_ceremony(const Bytes32& base_hash, const Ceremony& ceremony) {
  const std::size_t n = ceremony.trustees.size();
  if (ceremony.threshold < 1 || ceremony.threshold > n || n > kMaxTrustees) {
    return parameters_error();
  }
  Point joint = identity();
  for (std::uint32_t i = 1; i <= n; ++i) {
    const TrusteeKey& key = ceremony.trustees[i - 1];
    if (key.index != i || key.commitments.size() != ceremony.threshold ||
        key.proofs.size() != ceremony.threshold) {
      return parameters_error();
    }
    for (std::uint32_t j = 0; j < ceremony.threshold; ++j) {
      if (!verify_knowledge(commitment_context(base_hash, i, j), key.commitments[j],
                            key.proofs[j])) {
        return ceremony_error("commitment_proof",
                              "/trustees/" + std::to_string(i - 1) + "/proofs/" + std::to_string(j),
                              "Доказателството за ангажимента е невалидно",
                              "A commitment proof is invalid");
      }
    }
    joint = joint + key.commitments[0];
  }
  if (joint != ceremony.joint_key || is_identity(joint)) {
    return ceremony_error("joint_key", "/joint_key",
                          "Общият ключ не е произведението на ангажиментите",
                          "The joint key is not the product of the trustees' commitments");
  }
  return Unit{};
}

Point trustee_public_share(const Ceremony& ceremony, std::uint32_t index) {
  const Scalar x = scalar_from_u64(index);
  Point share = identity();
  for (const TrusteeKey& key : ceremony.trustees) {
    Scalar power = scalar_from_u64(1);
    for (std::size_t j = 0; j < key.commitments.size(); ++j) {
      share = share + (j == 0 ? key.commitments[0] : mul(power, key.commitments[j]));
      power = power * x;
    }
  }
  return share;
}

}  // namespace civic::vote
