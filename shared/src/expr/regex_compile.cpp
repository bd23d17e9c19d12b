// Pattern text → Pike VM program. A recursive-descent parser builds a small tree; the
// emitter walks it (counted repetitions emit their operand several times).
#include <memory>

#include "../text/utf8.hpp"
#include "regex.hpp"

namespace civic::expr::regex {

namespace {

constexpr std::size_t kMaxPattern = 512;
constexpr std::size_t kMaxProgram = 2000;
constexpr int kMaxNesting = 32;
constexpr int kMaxCount = 100;
constexpr int kUnbounded = -1;

struct Node {
  enum class Kind : std::uint8_t { character, any, set, concat, alternation, repeat };
  Kind kind = Kind::concat;
  char32_t character = 0;
  bool negated = false;
  std::uint32_t set = 0;
  int min = 0;
  int max = 0;  // kUnbounded for no upper limit
  std::vector<std::unique_ptr<Node>> children;
};
using NodePtr = std::unique_ptr<Node>;

NodePtr make(Node::Kind kind) {
  auto node = std::make_unique<Node>();
  node->kind = kind;
  return node;
}

Error regex_error(std::size_t position, const char* expected_bg, const char* expected_en) {
  return Error{"expr.bad_regex",
               "",
               {std::string("Шаблонът не може да се разчете: очаква се ") + expected_bg,
                std::string("The pattern cannot be read: expected ") + expected_en},
               {{"position", position}, {"expected", expected_en}}};
}

}  // namespace

class Compiler {
 public:
  explicit Compiler(std::string_view pattern) : pattern_(pattern) {}

  Result<Regex> run() {
    if (pattern_.size() > kMaxPattern) {
      return regex_error(kMaxPattern, "до 512 знака", "at most 512 characters");
    }
    if (!pattern_.empty() && pattern_.front() == '^') pos_ = 1;
    NodePtr root = alternation();
    if (error_) return *std::move(error_);
    if (!at_end()) return regex_error(pos_, "край на шаблона", "the end of the pattern");
    emit(*root);
    regex_.program_.push_back({});  // match
    if (too_big_) return regex_error(0, "по-кратък шаблон", "a shorter pattern");
    return std::move(regex_);
  }

 private:
  bool at_end() const { return pos_ >= pattern_.size() || at_final_dollar(); }
  bool at_final_dollar() const { return pos_ + 1 == pattern_.size() && pattern_[pos_] == '$'; }
  char peek() const { return pattern_[pos_]; }

  NodePtr fail(const char* bg, const char* en) {
    if (!error_) error_ = regex_error(pos_, bg, en);
    return make(Node::Kind::concat);
  }

  NodePtr alternation() {
    if (++depth_ > kMaxNesting) return fail("по-малко влагане", "less nesting");
    NodePtr first = sequence();
    if (!at_end() && peek() == '|') {
      NodePtr alt = make(Node::Kind::alternation);
      alt->children.push_back(std::move(first));
      while (!error_ && !at_end() && peek() == '|') {
        ++pos_;
        alt->children.push_back(sequence());
      }
      first = std::move(alt);
    }
    --depth_;
    return first;
  }

  NodePtr sequence() {
    NodePtr seq = make(Node::Kind::concat);
    while (!error_ && !at_end() && peek() != '|' && peek() != ')') {
      seq->children.push_back(quantified());
    }
    return seq;
  }

  NodePtr quantified() {
    NodePtr atom_node = atom();
    while (!error_ && !at_end()) {
      int min = 0, max = 0;
      const char c = peek();
      if (c == '*') {
        max = kUnbounded;
      } else if (c == '+') {
        min = 1, max = kUnbounded;
      } else if (c == '?') {
        max = 1;
      } else if (c == '{') {
        if (!counts(min, max))
          return fail("{n}, {n,} или {n,m} с m ≤ 100", "{n}, {n,} or {n,m} with m <= 100");
        --pos_;  // counts() stopped on '}'
      } else {
        break;
      }
      ++pos_;
      NodePtr repeat = make(Node::Kind::repeat);
      repeat->min = min;
      repeat->max = max;
      repeat->children.push_back(std::move(atom_node));
      atom_node = std::move(repeat);
    }
    return atom_node;
  }

  bool number(int& out) {
    const std::size_t start = pos_;
    out = 0;
    while (pos_ < pattern_.size() && peek() >= '0' && peek() <= '9' && out <= kMaxCount) {
      out = out * 10 + (peek() - '0');
      ++pos_;
    }
    return pos_ > start && out <= kMaxCount;
  }

  // Parses "{n}", "{n,}" or "{n,m}", leaving pos_ on the closing brace.
  bool counts(int& min, int& max) {
    ++pos_;
    if (!number(min)) return false;
    max = min;
    if (pos_ < pattern_.size() && peek() == ',') {
      ++pos_;
      max = kUnbounded;
      if (pos_ < pattern_.size() && peek() != '}' && (!number(max) || max < min)) return false;
    }
    if (pos_ >= pattern_.size() || peek() != '}') return false;
    ++pos_;
    return true;
  }

  NodePtr atom() {
    const char c = peek();
    if (c == '(') {
      ++pos_;
      NodePtr inner = alternation();
      if (error_) return inner;
      if (pos_ >= pattern_.size() || peek() != ')') return fail("„)“", "\")\"");
      ++pos_;
      return inner;
    }
    if (c == '*' || c == '+' || c == '?' || c == '{' || c == ')') {
      return fail("знак или група преди повторението", "a character or group before a repetition");
    }
    if (c == '.') {
      ++pos_;
      return make(Node::Kind::any);
    }
    if (c == '[') return set();
    if (c == '\\') return escape();
    NodePtr node = make(Node::Kind::character);
    node->character = utf8::next(pattern_, pos_);
    return node;
  }

  // A class escape (\d \w \s and negations) as ranges; false for a literal escape.
  static bool class_escape(char c, std::vector<Range>& ranges, bool& negated) {
    const char lower = static_cast<char>(c | 0x20);
    negated = c >= 'A' && c <= 'Z';
    if (lower == 'd') {
      ranges.push_back({'0', '9'});
    } else if (lower == 'w') {
      ranges.insert(ranges.end(), {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}});
    } else if (lower == 's') {
      ranges.insert(ranges.end(), {{'\t', '\r'}, {' ', ' '}});
    } else {
      return false;
    }
    return true;
  }

  NodePtr escape() {
    ++pos_;
    if (pos_ >= pattern_.size()) return fail("знак след „\\“", "a character after \"\\\"");
    std::vector<Range> ranges;
    bool negated = false;
    if (class_escape(peek(), ranges, negated)) {
      ++pos_;
      return set_node(std::move(ranges), negated);
    }
    NodePtr node = make(Node::Kind::character);
    node->character = utf8::next(pattern_, pos_);
    return node;
  }

  NodePtr set_node(std::vector<Range> ranges, bool negated) {
    NodePtr node = make(Node::Kind::set);
    node->set = static_cast<std::uint32_t>(regex_.sets_.size());
    node->negated = negated;
    regex_.sets_.push_back(std::move(ranges));
    return node;
  }

  // One member of a class: a code point, or an escaped one.
  bool class_char(char32_t& out) {
    if (pos_ >= pattern_.size()) return false;
    if (peek() == '\\') {
      ++pos_;
      if (pos_ >= pattern_.size()) return false;
    }
    out = utf8::next(pattern_, pos_);
    return true;
  }

  NodePtr set() {
    ++pos_;
    bool negated = false;
    if (pos_ < pattern_.size() && peek() == '^') {
      negated = true;
      ++pos_;
    }
    std::vector<Range> ranges;
    bool first = true;
    while (pos_ < pattern_.size() && (peek() != ']' || first)) {
      first = false;
      bool escaped_negation = false;
      if (peek() == '\\' && pos_ + 1 < pattern_.size() &&
          class_escape(pattern_[pos_ + 1], ranges, escaped_negation)) {
        if (escaped_negation) return fail("\\d, \\w или \\s в клас", "\\d, \\w or \\s in a class");
        pos_ += 2;
        continue;
      }
      char32_t low = 0;
      if (!class_char(low)) break;
      char32_t high = low;
      if (pos_ + 1 < pattern_.size() && peek() == '-' && pattern_[pos_ + 1] != ']') {
        ++pos_;
        if (!class_char(high) || high < low)
          return fail("обхват от по-малък към по-голям знак",
                      "a range from a lower to a higher character");
      }
      ranges.push_back({low, high});
    }
    if (pos_ >= pattern_.size()) return fail("„]“", "\"]\"");
    ++pos_;
    return set_node(std::move(ranges), negated);
  }

  std::uint32_t here() const { return static_cast<std::uint32_t>(regex_.program_.size()); }

  std::uint32_t push(Instruction instruction) {
    if (regex_.program_.size() >= kMaxProgram) {
      too_big_ = true;
      return here();
    }
    regex_.program_.push_back(instruction);
    return here() - 1;
  }

  void patch(std::uint32_t at, std::uint32_t x, std::uint32_t y) {
    if (at < regex_.program_.size()) {
      regex_.program_[at].x = x;
      regex_.program_[at].y = y;
    }
  }

  void emit(const Node& node) {
    using Op = Instruction::Op;
    if (too_big_) return;
    switch (node.kind) {
      case Node::Kind::character: push({Op::character, false, node.character, 0, 0}); break;
      case Node::Kind::any: push({Op::any, false, 0, 0, 0}); break;
      case Node::Kind::set: push({Op::set, node.negated, 0, node.set, 0}); break;
      case Node::Kind::concat:
        for (const auto& child : node.children) emit(*child);
        break;
      case Node::Kind::alternation: emit_alternation(node, 0); break;
      case Node::Kind::repeat: emit_repeat(node); break;
    }
  }

  void emit_alternation(const Node& node, std::size_t from) {
    if (from + 1 == node.children.size()) return emit(*node.children[from]);
    const std::uint32_t split = push({Instruction::Op::split, false, 0, 0, 0});
    emit(*node.children[from]);
    const std::uint32_t jump = push({Instruction::Op::jump, false, 0, 0, 0});
    const std::uint32_t second = here();
    emit_alternation(node, from + 1);
    patch(split, split + 1, second);
    patch(jump, here(), 0);
  }

  void emit_repeat(const Node& node) {
    using Op = Instruction::Op;
    const Node& body = *node.children.front();
    for (int i = 0; i < node.min; ++i) emit(body);
    if (node.max == kUnbounded) {
      const std::uint32_t split = push({Op::split, false, 0, 0, 0});
      emit(body);
      push({Op::jump, false, 0, split, 0});
      patch(split, split + 1, here());
      return;
    }
    for (int i = node.min; i < node.max && !too_big_; ++i) {
      const std::uint32_t split = push({Op::split, false, 0, 0, 0});
      emit(body);
      patch(split, split + 1, here());
    }
  }

  std::string_view pattern_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  bool too_big_ = false;
  std::optional<Error> error_;
  Regex regex_;
};

Result<Regex> Regex::compile(std::string_view pattern) { return Compiler(pattern).run(); }

}  // namespace civic::expr::regex
