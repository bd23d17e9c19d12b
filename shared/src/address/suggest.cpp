// Autocomplete of streets and blocks over each district's folded keys (SearchKeys).
#include <algorithm>
#include <optional>

#include "civic/address.hpp"
#include "civic/text.hpp"
#include "match.hpp"

namespace civic::address {

namespace {

constexpr int kNoMatch = 3;
constexpr size_t kTypoMinLength = 4;

bool is_street_word(std::string_view prefix) {
  return prefix == "ul" || prefix == "bul" || prefix == "pl";
}

// A street's rank with one search in most cases: its key is usually "type name", so a
// match at the name's offset is a name prefix (rank 0).
int street_rank(const SearchKeys::StreetKeys& street, std::string_view query) {
  const std::string& key = street.key;
  const std::string& name = street.name;
  const bool name_is_tail =
      key.size() >= name.size() && key.compare(key.size() - name.size(), name.size(), name) == 0;
  if (!name_is_tail) return std::min(rank_in(name, query), rank_in(key, query));
  const int rank = rank_in(key, query);
  if (rank == 1 && key.compare(key.size() - name.size(), query.size(), query) == 0) return 0;
  return rank;
}

// The query, read once: what streets and blocks are matched against.
struct Wanted {
  TypedAddress typed;
  std::string street;       // prefix + name: street keys hold the type
  std::string with_number;  // name + the number: "mladost 1" for ж.к. Младост 1
  bool streets;
  bool blocks;
};

Wanted wanted_of(const SuggestQuery& query) {
  Wanted w{read_typed(query.text), {}, {}, query.streets, query.blocks};
  const TypedAddress& t = w.typed;
  w.street = t.prefix.empty() || !is_street_word(t.prefix) ? t.name : t.prefix + " " + t.name;
  if (!t.name.empty() && !t.number.empty())
    w.with_number = t.name + " " + fold_for_search(t.number);
  w.streets = w.streets && !t.name.empty() && !t.blocks_only &&
              (t.prefix.empty() || is_street_word(t.prefix));
  w.blocks = w.blocks && (t.prefix.empty() || !is_street_word(t.prefix)) &&
             (!t.name.empty() || t.blocks_only);
  return w;
}

struct Match {
  int rank;
  int number_fit;  // 0: the typed number is there (or none typed), 1: not
};

// Exactly (0 start, 1 word start, 2 inside a word: rank_in) or, with `typo`, one typo away
// from the start of a word (0).
int rank_of(bool typo, std::string_view key, std::string_view query,
            size_t end = std::string_view::npos) {
  if (!typo) return rank_in(key, query, end);
  return query.size() >= kTypoMinLength && one_typo_from(key.substr(0, end), query) ? 0 : kNoMatch;
}

std::optional<Match> match_street(const Street& street, const SearchKeys::StreetKeys& keys,
                                  const Wanted& w, bool typo) {
  const int rank = typo ? rank_of(true, keys.key, w.street) : street_rank(keys, w.street);
  if (rank == kNoMatch) return std::nullopt;
  const std::string& number = w.typed.number;
  const bool has = number.empty() || std::find(street.numbers.begin(), street.numbers.end(),
                                               number) != street.numbers.end();
  return Match{rank, has ? 0 : 1};
}

std::optional<Match> match_block(const Block& block, const std::string& complex_key,
                                 const Wanted& w, bool typo) {
  const TypedAddress& t = w.typed;
  std::string_view number = t.block;
  int rank = 0;
  if (!t.name.empty()) {
    // The complex's part of "complex bl N"; a typed number may belong to its name.
    const size_t end = block.complex.empty() ? 0 : complex_key.rfind(" bl ");
    rank = w.with_number.empty() ? kNoMatch : rank_of(typo, complex_key, w.with_number, end);
    if (rank == kNoMatch) {
      rank = rank_of(typo, complex_key, t.name, end);
      if (number.empty()) number = t.number;
    }
  } else if (typo) {
    return std::nullopt;
  }
  if (rank == kNoMatch || !block.number.starts_with(number)) return std::nullopt;
  return Match{rank, block.number == number || number.empty() ? 0 : 1};
}

struct Ranked {
  int other_district;
  Match match;
  const std::string* key;
  size_t order;  // position in the register: the last tie-break
  Suggestion suggestion;
};

bool before(const Ranked& a, const Ranked& b) {
  if (a.other_district != b.other_district) return a.other_district < b.other_district;
  if (a.match.rank != b.match.rank) return a.match.rank < b.match.rank;
  if (a.match.number_fit != b.match.number_fit) return a.match.number_fit < b.match.number_fit;
  if (*a.key != *b.key) return natural_less(*a.key, *b.key);
  return a.order < b.order;
}

// Every entry matching as typed, or (typo) give or take one typo; unsorted.
std::vector<Ranked> matching(const Wanted& w, const std::string& preferred, const Register& reg,
                             bool typo) {
  std::vector<Ranked> found;
  for (const DistrictRegister& district : reg.districts) {
    const int other = district.id == preferred ? 0 : 1;
    const SearchKeys& keys = district.keys();
    if (w.streets) {
      for (size_t i = 0; i < district.streets.size(); ++i) {
        const Street& street = district.streets[i];
        if (auto found_match = match_street(street, keys.streets[i], w, typo)) {
          found.push_back({other,
                           *found_match,
                           &keys.streets[i].key,
                           found.size(),
                           {SuggestionKind::street, &district, &street, nullptr, {}}});
        }
      }
    }
    if (w.blocks) {
      for (size_t i = 0; i < district.blocks.size(); ++i) {
        const Block& block = district.blocks[i];
        const std::string& complex_key = keys.blocks[i].complex_block;
        if (auto found_match = match_block(block, complex_key, w, typo)) {
          found.push_back({other,
                           *found_match,
                           &complex_key,
                           found.size(),
                           {SuggestionKind::block, &district, nullptr, &block, {}}});
        }
      }
    }
  }
  return found;
}

void keep_best(std::vector<Ranked>& found, size_t limit, std::vector<Suggestion>& out) {
  const size_t keep = std::min(limit, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(),
                    before);
  for (size_t i = 0; i < keep; ++i) out.push_back(found[i].suggestion);
}

// What choosing the suggestion fills in.
Address filled_in(const Suggestion& suggestion, const TypedAddress& typed) {
  Address a;
  a.district = suggestion.district->id;
  const std::vector<std::string>* codes = nullptr;
  if (suggestion.kind == SuggestionKind::street) {
    const Street& street = *suggestion.street;
    a.settlement = street.settlement;
    a.street_type = street.type;
    a.street = street.name;
    a.number = typed.number;
    codes = &street.postal_codes;
  } else {
    const Block& block = *suggestion.block;
    a.settlement = block.settlement;
    a.complex = block.complex;
    a.block = block.number;
    codes = &block.postal_codes;
  }
  a.entrance = typed.entrance;
  a.floor = typed.floor;
  a.apartment = typed.apartment;
  if (codes->size() == 1) a.postal_code = codes->front();
  return a;
}

}  // namespace

std::vector<Suggestion> suggest(const SuggestQuery& query, const Register& reg) {
  std::vector<Suggestion> out;
  const Wanted wanted = wanted_of(query);
  if (query.limit == 0 || (!wanted.streets && !wanted.blocks)) return out;
  std::vector<Ranked> found = matching(wanted, query.district, reg, false);
  keep_best(found, query.limit, out);
  if (out.empty()) {
    found = matching(wanted, query.district, reg, true);
    keep_best(found, query.limit, out);
  }
  for (Suggestion& suggestion : out) suggestion.address = filled_in(suggestion, wanted.typed);
  return out;
}

}  // namespace civic::address
