// civic/vote.hpp — verifiable participatory-budget voting (module `vote`).
//
// End-to-end verifiable ballots on ristretto255 with libsodium only; the protocol,
// every byte of every hash and the verifier's checklist are in docs/vote-spec.md.
//
//   vote/group.hpp       points, scalars, canonical decoding, operation counters
//   vote/transcript.hpp  domain-separated BLAKE2b hashing (Fiat-Shamir, codes)
//   vote/manifest.hpp    the election manifest and its base hash
//   vote/proofs.hpp      exponential ElGamal, range (disjunctive) and Chaum-Pedersen proofs
//   vote/ceremony.hpp    k-of-n trustees with Feldman verifiable secret sharing
//   vote/ballot.hpp      encrypt, seal (tracking code + credential signature), verify, spoil
//   vote/tally.hpp       homomorphic tally, threshold decryption, baby-step giant-step
//   vote/json_codec.hpp  the JSON form of every artefact
//   vote/board.hpp       the bulletin board and its numbered verifier
//   vote/voter_keys.hpp  keyed hashes naming voters and phones (the eligibility register)
//
// Randomness only through civic::Rng&; nothing throws; every refusal is an Error.
#pragma once

#include "civic/vote/ballot.hpp"
#include "civic/vote/board.hpp"
#include "civic/vote/ceremony.hpp"
#include "civic/vote/for_each.hpp"
#include "civic/vote/group.hpp"
#include "civic/vote/json_codec.hpp"
#include "civic/vote/manifest.hpp"
#include "civic/vote/proofs.hpp"
#include "civic/vote/tally.hpp"
#include "civic/vote/transcript.hpp"
#include "civic/vote/voter_keys.hpp"
