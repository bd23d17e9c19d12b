// Fuzz target: any JSON as a cast ballot, read and verified (vote.verify_ballot) against the
// fixed election of the vote.verify_ballot vectors. Input: the ballot.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.hpp"

namespace {

const civic::fuzz::Json& fixed_election() {
  static const civic::fuzz::Json kElection = {
      {"manifest",
       civic::fuzz::Json::parse(
           R"json({"id":"sofia-2026-vectors","title":{"bg":"София избира","en":"Sofia Chooses"},)json"
           R"json("contests":[{"id":"city","title":{"bg":"Общоградски","en":"City-wide"},)json"
           R"json("min":0,"max":2,"options":[{"id":"p1","title":{"bg":"Проект 1","en":"Project 1"},)json"
           R"json("cost":25000},{"id":"p2","title":{"bg":"Проект 2","en":"Project 2"},"cost":50000},)json"
           R"json({"id":"p3","title":{"bg":"Проект 3","en":"Project 3"},"cost":75000},{"id":"p4",)json"
           R"json("title":{"bg":"Проект 4","en":"Project 4"},"cost":100000}]},{"id":"district",)json"
           R"json("title":{"bg":"Район Средец","en":"Sredets district"},"min":1,"max":1,)json"
           R"json("options":[{"id":"s1","title":{"bg":"Градинка","en":"Small park"}},)json"
           R"json({"id":"s2","title":{"bg":"Площадка","en":"Playground"}}]}]})json")},
      {"joint_key", "d2c5b0e7a67df648002eeb6a7579c568d4623b14f56ecb5503a521fc7016cc71"}};
  return kElection;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto ballot = civic::fuzz::parse(data, size);
  if (!ballot) return 0;
  civic::fuzz::call_with("vote.verify_ballot", fixed_election(), "ballot", std::move(*ballot));
  return 0;
}
