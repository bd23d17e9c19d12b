// A district's search keys, folded on first use (civic/address.hpp LazySearchKeys).
#include <utility>

#include "civic/address.hpp"
#include "civic/text.hpp"
#include "join.hpp"

namespace civic::address {

namespace {

SearchKeys fold_keys(const DistrictRegister& district) {
  SearchKeys keys;
  keys.streets.reserve(district.streets.size());
  for (const Street& street : district.streets) {
    keys.streets.push_back(
        {fold_for_search(join({street.type, " ", street.name})), fold_for_search(street.name)});
  }
  keys.blocks.reserve(district.blocks.size());
  for (const Block& block : district.blocks) {
    keys.blocks.push_back({fold_for_search(block.complex),
                           fold_for_search(join({block.complex, " бл. ", block.number}))});
  }
  return keys;
}

}  // namespace

// A moved-from register stays usable: it gets keys of its own, folded on its first use.
LazySearchKeys::LazySearchKeys(LazySearchKeys&& other) noexcept
    : state_(std::exchange(other.state_, std::make_unique<State>())) {}

LazySearchKeys& LazySearchKeys::operator=(LazySearchKeys&& other) noexcept {
  state_ = std::exchange(other.state_, std::make_unique<State>());
  return *this;
}

LazySearchKeys& LazySearchKeys::operator=(const LazySearchKeys&) {
  state_ = std::make_unique<State>();
  return *this;
}

LazySearchKeys::~LazySearchKeys() = default;

const SearchKeys& LazySearchKeys::get(const DistrictRegister& district) const {
  std::call_once(state_->once, [&] { state_->keys = fold_keys(district); });
  return state_->keys;
}

}  // namespace civic::address
