#include <algorithm>
#include <cmath>

#include "civic/vote/tally.hpp"

namespace civic::vote {

namespace {

std::uint64_t key_of(const Point& p) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 8; ++i) key |= std::uint64_t{p.bytes()[i]} << (8 * i);
  return key;
}

std::uint64_t ceil_sqrt(std::uint64_t n) {
  auto root = static_cast<std::uint64_t>(std::sqrt(static_cast<double>(n)));
  while (root * root < n) ++root;
  while (root > 0 && (root - 1) * (root - 1) >= n) --root;
  return root;
}

}  // namespace

DiscreteLog::DiscreteLog(const Point& base, std::uint64_t max)
    : max_(max), step_(std::max<std::uint64_t>(1, ceil_sqrt(max + 1))) {
  points_.reserve(static_cast<std::size_t>(step_));
  baby_.reserve(static_cast<std::size_t>(step_));
  Point power = identity();
  for (std::uint64_t j = 0; j < step_; ++j) {
    points_.push_back(power);
    baby_.emplace_back(key_of(power), j);
    power = power + base;
  }
  giant_ = power;  // base^m
  std::sort(baby_.begin(), baby_.end());
}

std::optional<std::uint64_t> DiscreteLog::solve(const Point& target) const {
  Point current = target;  // target / base^(m·i)
  for (std::uint64_t i = 0; i * step_ <= max_; ++i) {
    const std::uint64_t key = key_of(current);
    auto it = std::lower_bound(baby_.begin(), baby_.end(), std::make_pair(key, std::uint64_t{0}));
    for (; it != baby_.end() && it->first == key; ++it) {
      const std::uint64_t x = i * step_ + it->second;
      if (points_[static_cast<std::size_t>(it->second)] == current && x <= max_) return x;
    }
    current = current - giant_;
  }
  return std::nullopt;
}

}  // namespace civic::vote
