// The compiled form of an expression (internal to the expr module): a flat array of nodes,
// children before parents, the root last.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "civic/expr.hpp"
#include "regex.hpp"

namespace civic::expr::detail {

enum class Op : std::uint8_t {
  literal,  // value
  list,     // [args...]
  path,     // root then steps
  call,     // function(args...)
  if_then,  // if(args[0], args[1], args[2])
  count,    // count(args[0], args[1]) — args[1] evaluated per item
  matches,  // matches(args[0], regex)
  negate,   // -args[0]
  logical_not,
  logical_and,
  logical_or,
  equal,
  not_equal,
  less,
  less_equal,
  greater,
  greater_equal,
  in,
  add,
  subtract,
  multiply,
  divide,
  remainder,
};

enum class Root : std::uint8_t { name, self, item };

// `.name` (index < 0) or `[index]`.
struct PathStep {
  std::string name;
  std::int64_t index = -1;
};

struct Node {
  Op op = Op::literal;
  Type type = Type::any;  // static type
  std::uint32_t begin = 0, end = 0;
  std::vector<std::uint32_t> args;
  Value value;  // literal
  // path
  Root root = Root::name;
  std::string name;
  int slot = -1;
  std::vector<PathStep> steps;
  // call / matches
  const Function* function = nullptr;
  std::shared_ptr<const regex::Regex> regex;
  bool traced = false;  // recorded in a trace
};

struct Program {
  std::string source;
  std::vector<Node> nodes;
  std::uint32_t max_steps = 0;
};

}  // namespace civic::expr::detail
