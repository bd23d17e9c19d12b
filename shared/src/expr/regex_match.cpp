// The Pike VM: all threads advance in lock step over the text, one list per position.
#include <algorithm>

#include "../text/utf8.hpp"
#include "regex.hpp"

namespace civic::expr::regex {

namespace {

bool in_set(const std::vector<Range>& ranges, char32_t c) {
  return std::any_of(ranges.begin(), ranges.end(),
                     [c](const Range& r) { return r.low <= c && c <= r.high; });
}

// The threads alive at one text position: instruction indices, each at most once.
class ThreadList {
 public:
  explicit ThreadList(std::size_t size) : seen_(size, 0) {}
  void clear() {
    ++generation_;
    pcs_.clear();
  }
  bool insert(std::uint32_t pc) {
    if (seen_[pc] == generation_) return false;
    seen_[pc] = generation_;
    pcs_.push_back(pc);
    return true;
  }
  const std::vector<std::uint32_t>& pcs() const { return pcs_; }

 private:
  std::vector<std::uint32_t> seen_;
  std::vector<std::uint32_t> pcs_;
  std::uint32_t generation_ = 1;
};

// Adds `pc` and everything reachable from it without consuming input.
bool add_thread(const std::vector<Instruction>& program, ThreadList& list, std::uint32_t pc,
                std::vector<std::uint32_t>& stack, std::uint32_t& budget) {
  stack.assign(1, pc);
  while (!stack.empty()) {
    const std::uint32_t at = stack.back();
    stack.pop_back();
    if (!list.insert(at)) continue;
    if (budget == 0) return false;
    --budget;
    const Instruction& in = program[at];
    if (in.op == Instruction::Op::jump) {
      stack.push_back(in.x);
    } else if (in.op == Instruction::Op::split) {
      stack.push_back(in.y);
      stack.push_back(in.x);
    }
  }
  return true;
}

}  // namespace

std::optional<bool> Regex::matches(std::string_view text, std::uint32_t& budget) const {
  ThreadList current(program_.size()), next(program_.size());
  std::vector<std::uint32_t> stack;
  current.clear();
  if (!add_thread(program_, current, 0, stack, budget)) return std::nullopt;
  std::size_t pos = 0;
  while (pos < text.size() && !current.pcs().empty()) {
    const char32_t c = utf8::next(text, pos);
    next.clear();
    for (const std::uint32_t pc : current.pcs()) {
      const Instruction& in = program_[pc];
      bool step = false;
      if (in.op == Instruction::Op::character) step = in.character == c;
      if (in.op == Instruction::Op::any) step = true;
      if (in.op == Instruction::Op::set) step = in_set(sets_[in.x], c) != in.negated;
      if (step && !add_thread(program_, next, pc + 1, stack, budget)) return std::nullopt;
    }
    std::swap(current, next);
  }
  if (pos < text.size()) return false;
  return std::any_of(current.pcs().begin(), current.pcs().end(), [this](std::uint32_t pc) {
    return program_[pc].op == Instruction::Op::match;
  });
}

}  // namespace civic::expr::regex
