// The Pike VM: all threads advance in lock step over the text, one list per position.
#include <algorithm>
#include <array>
#include <span>

#include "../text/utf8.hpp"
#include "regex.hpp"

namespace civic::expr::regex {

namespace {

bool in_set(const std::vector<Range>& ranges, char32_t c) {
  return std::any_of(ranges.begin(), ranges.end(),
                     [c](const Range& r) { return r.low <= c && c <= r.high; });
}

// The working memory of one match, in one block (on the stack for small programs): the threads
// alive at the current and the next text position, each instruction at most once per list, and
// the stack add() walks with.
class Threads {
 public:
  explicit Threads(const std::vector<Instruction>& program) : program_(program) {
    const std::size_t n = program.size();
    std::uint32_t* memory = local_.data();
    if (5 * n + 1 > local_.size()) {
      heap_.resize(5 * n + 1);
      memory = heap_.data();
    }
    std::fill_n(memory, n, 0);
    seen_ = memory;
    current_ = memory + n;
    next_ = memory + 2 * n;
    stack_ = memory + 3 * n;
  }

  // Starts the list of the next text position.
  void advance() {
    std::swap(current_, next_);
    current_size_ = next_size_;
    next_size_ = 0;
    ++generation_;
  }
  std::span<const std::uint32_t> current() const { return {current_, current_size_}; }

  // Adds `pc` and everything reachable from it without consuming input to the next position;
  // each instruction reached costs one unit of `budget`. Only the instructions that read a
  // character or match wait in the list (jumps and splits are followed here). False when the
  // budget ran out.
  bool add(std::uint32_t pc, std::uint32_t& budget) {
    std::size_t top = 0;
    stack_[top++] = pc;
    while (top > 0) {
      const std::uint32_t at = stack_[--top];
      if (seen_[at] == generation_) continue;
      seen_[at] = generation_;
      if (budget == 0) return false;
      --budget;
      const Instruction& in = program_[at];
      if (in.op == Instruction::Op::jump) {
        stack_[top++] = in.x;
      } else if (in.op == Instruction::Op::split) {
        stack_[top++] = in.y;
        stack_[top++] = in.x;
      } else {
        next_[next_size_++] = at;
      }
    }
    return true;
  }

 private:
  const std::vector<Instruction>& program_;
  std::array<std::uint32_t, 256> local_;
  std::vector<std::uint32_t> heap_;
  std::uint32_t* seen_;  // the generation of the list each instruction was last added to
  std::uint32_t* current_;
  std::uint32_t* next_;
  std::uint32_t* stack_;  // at most 2 entries per instruction added, plus the first
  std::size_t current_size_ = 0;
  std::size_t next_size_ = 0;
  std::uint32_t generation_ = 1;
};

}  // namespace

std::optional<bool> Regex::matches(std::string_view text, std::uint32_t& budget) const {
  Threads threads(program_);
  if (!threads.add(0, budget)) return std::nullopt;
  threads.advance();
  std::size_t pos = 0;
  while (pos < text.size() && !threads.current().empty()) {
    const char32_t c = utf8::next(text, pos);
    for (const std::uint32_t pc : threads.current()) {
      const Instruction& in = program_[pc];
      bool step = false;
      if (in.op == Instruction::Op::character) step = in.character == c;
      if (in.op == Instruction::Op::any) step = true;
      if (in.op == Instruction::Op::set) step = in_set(sets_[in.x], c) != in.negated;
      if (step && !threads.add(pc + 1, budget)) return std::nullopt;
    }
    threads.advance();
  }
  if (pos < text.size()) return false;
  const auto current = threads.current();
  return std::any_of(current.begin(), current.end(), [this](std::uint32_t pc) {
    return program_[pc].op == Instruction::Op::match;
  });
}

}  // namespace civic::expr::regex
