// Autocomplete of streets and blocks over folded keys precomputed at load.
#include <algorithm>

#include "civic/address.hpp"
#include "civic/text.hpp"

namespace civic::address {

namespace {

// 0: a key starts with the query; 1: a word of a key does; 2: a key contains it; 3: no match.
int rank_in(const std::string& key, const std::string& query) {
  const size_t at = key.find(query);
  if (at == std::string::npos) return 3;
  if (at == 0) return 0;
  for (size_t from = at; from != std::string::npos; from = key.find(query, from + 1)) {
    if (key[from - 1] == ' ') return 1;
  }
  return 2;
}

// A street's rank with one search in most cases: its key is usually "type name", so a
// match at the name's offset is a name prefix (rank 0).
int street_rank(const Street& street, const std::string& query) {
  const std::string& key = street.key;
  const std::string& name = street.name_key;
  const bool name_is_tail =
      key.size() >= name.size() && key.compare(key.size() - name.size(), name.size(), name) == 0;
  if (!name_is_tail) return std::min(rank_in(name, query), rank_in(key, query));
  const int rank = rank_in(key, query);
  if (rank == 1 && key.compare(key.size() - name.size(), query.size(), query) == 0) return 0;
  return rank;
}

struct Ranked {
  int other_district;
  int rank;
  const std::string* key;
  size_t order;  // position in the register: the last tie-break
  Suggestion suggestion;
};

}  // namespace

std::vector<Suggestion> suggest(const SuggestQuery& query, const Register& reg) {
  const std::string folded = fold_for_search(query.text);
  std::vector<Suggestion> out;
  if (folded.empty() || query.limit == 0) return out;
  std::vector<Ranked> found;
  for (const DistrictRegister& district : reg.districts) {
    const int other = district.id == query.district ? 0 : 1;
    if (query.streets) {
      for (const Street& street : district.streets) {
        const int rank = street_rank(street, folded);
        if (rank < 3) {
          found.push_back({other,
                           rank,
                           &street.key,
                           found.size(),
                           {SuggestionKind::street, &district, &street, nullptr}});
        }
      }
    }
    if (query.blocks) {
      for (const Block& block : district.blocks) {
        const int rank = std::min(rank_in(block.key, folded), rank_in(block.complex_key, folded));
        if (rank < 3) {
          found.push_back({other,
                           rank,
                           &block.complex_key,
                           found.size(),
                           {SuggestionKind::block, &district, nullptr, &block}});
        }
      }
    }
  }
  const size_t keep = std::min(query.limit, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(),
                    [](const Ranked& a, const Ranked& b) {
                      if (a.other_district != b.other_district) {
                        return a.other_district < b.other_district;
                      }
                      if (a.rank != b.rank) return a.rank < b.rank;
                      if (*a.key != *b.key) return *a.key < *b.key;
                      return a.order < b.order;
                    });
  for (size_t i = 0; i < keep; ++i) out.push_back(found[i].suggestion);
  return out;
}

}  // namespace civic::address
