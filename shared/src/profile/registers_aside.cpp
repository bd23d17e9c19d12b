// Setting a bundle's registers aside by scanning its text (registers_aside.hpp).
#include "registers_aside.hpp"

namespace civic::profile {

namespace {

// Walks JSON text by its structure only: strings (with their escapes), brackets and the
// separators between members. Every step returns false on text it cannot walk.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a byte order mark, as the parser
  }

  size_t pos() const { return pos_; }
  std::string_view between(size_t begin, size_t end) const {
    return text_.substr(begin, end - begin);
  }

  void space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  // Skips `c` (after white space) when it is next.
  bool skip(char c) {
    space();
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  bool at(char c) {
    space();
    return pos_ < text_.size() && text_[pos_] == c;
  }

  // A string: its raw contents (escapes as written) in `contents`.
  bool string(std::string_view& contents) {
    if (!at('"')) return false;
    const size_t begin = ++pos_;
    if (!skip_string()) return false;
    contents = text_.substr(begin, pos_ - 1 - begin);
    return true;
  }

  // Any one value.
  bool value() {
    space();
    if (pos_ >= text_.size()) return false;
    const char first = text_[pos_];
    if (first == '"') {
      ++pos_;
      return skip_string();
    }
    if (first != '{' && first != '[') return scalar();
    const std::string_view text = text_;  // locals, so that the loop keeps them in registers
    size_t pos = pos_;
    size_t depth = 0;
    while (pos < text.size()) {
      const char c = text[pos++];
      if (c == '"') {
        pos = string_end(text, pos);
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        pos_ = pos;
        return true;
      }
    }
    return false;
  }

  // The members of an object (the scanner at its '{'): `member(name)` walks each value.
  template <typename Member>
  bool object(Member member) {
    if (!skip('{')) return false;
    if (skip('}')) return true;
    do {
      std::string_view name;
      if (!string(name) || !skip(':') || !member(name)) return false;
    } while (skip(','));
    return skip('}');
  }

  // The items of an array (the scanner at its '['): `item()` walks each.
  template <typename Item>
  bool array(Item item) {
    if (!skip('[')) return false;
    if (skip(']')) return true;
    do {
      space();
      if (!item()) return false;
    } while (skip(','));
    return skip(']');
  }

 private:
  // Past the closing quote of the string the scanner is in.
  bool skip_string() {
    pos_ = string_end(text_, pos_);
    return pos_ <= text_.size();
  }

  // The position after the closing quote of the string `pos` is in; past the end when none.
  static size_t string_end(std::string_view text, size_t pos) {
    while (pos < text.size()) {
      const char c = text[pos++];
      if (c == '"') return pos;
      if (c == '\\') ++pos;
    }
    return text.size() + 1;
  }

  bool scalar() {
    const size_t begin = pos_;
    while (pos_ < text_.size() &&
           std::string_view(",}] \t\n\r").find(text_[pos_]) == std::string_view::npos) {
      ++pos_;
    }
    return pos_ > begin;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

bool plain(std::string_view contents) { return contents.find('\\') == std::string_view::npos; }

struct Item {
  size_t begin;
  size_t end;
  std::optional<std::string_view> district;  // set aside when known
};

// A register item: an object whose only "district" is a plain string can be set aside.
bool register_item(Scanner& scan, std::vector<Item>& items) {
  Item item{scan.pos(), 0, std::nullopt};
  bool usable = scan.at('{');
  bool walked;
  if (usable) {
    size_t districts = 0;
    walked = scan.object([&](std::string_view name) {
      if (!plain(name)) usable = false;
      if (name != "district") return scan.value();
      std::string_view id;
      ++districts;
      if (!scan.at('"')) usable = false;
      if (!usable) return scan.value();
      if (!scan.string(id)) return false;
      if (!plain(id)) usable = false;
      item.district = id;
      return true;
    });
    if (districts != 1) usable = false;
  } else {
    walked = scan.value();
  }
  item.end = scan.pos();
  if (!usable) item.district.reset();
  items.push_back(item);
  return walked;
}

}  // namespace

std::optional<RegistersAside> set_registers_aside(std::string_view text) {
  Scanner scan(text);
  std::vector<Item> items;
  size_t registers = 0;
  const bool walked = scan.object([&](std::string_view name) {
    if (!plain(name)) return false;
    if (name != "register") return scan.value();
    ++registers;
    if (!scan.at('[')) return scan.value();
    return scan.array([&] { return register_item(scan, items); });
  });
  scan.space();
  if (!walked || scan.pos() != text.size() || registers != 1) return std::nullopt;
  RegistersAside aside;
  aside.rest.reserve(text.size());
  size_t copied = 0;
  for (const Item& item : items) {
    if (!item.district) {
      aside.registers.emplace_back();
      continue;
    }
    aside.rest.append(text.substr(copied, item.begin - copied));
    aside.rest.append("{\"district\":\"").append(*item.district).append("\"}");
    copied = item.end;
    aside.registers.emplace_back(std::string(scan.between(item.begin, item.end)));
  }
  if (copied == 0) return std::nullopt;
  aside.rest.append(text.substr(copied));
  return aside;
}

}  // namespace civic::profile
