#include "service_read.hpp"

#include <algorithm>

#include "civic/json_text.hpp"

namespace civic::forms {

namespace {

bool is_https_url(const std::string& url) {
  constexpr std::string_view kScheme = "https://";
  return url.size() > kScheme.size() && url.compare(0, kScheme.size(), kScheme) == 0 &&
         std::none_of(url.begin(), url.end(), [](unsigned char c) { return c <= ' ' || c == 127; });
}

// you_need: a non-empty list of {"bg","en"} texts.
std::optional<std::vector<Message>> read_needs(Reader& read, const Json& block,
                                               const std::string& path) {
  const Json* list = read.array(block, path, "you_need", true);
  if (!list) return std::nullopt;
  if (list->empty()) {
    read.error("definition.bad_service", path + "/you_need",
               {"Посочете поне едно нещо, което е нужно", "Name at least one thing needed"},
               {{"member", "you_need"}});
    return std::nullopt;
  }
  std::vector<Message> needs;
  bool good = true;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string index = std::to_string(i);
    auto text = read.message(Json{{index, (*list)[i]}}, path + "/you_need", index.c_str(), true);
    if (text) needs.push_back(std::move(*text));
    good = good && text.has_value();
  }
  if (!good) return std::nullopt;
  return needs;
}

// The fixed amount of the computed value `id`: its expression is a plain decimal number.
std::optional<expr::Decimal> fixed_amount(Reader& read, const std::vector<Computed>& computed,
                                          const Json& id, const std::string& at) {
  const auto found = std::find_if(computed.begin(), computed.end(), [&](const Computed& value) {
    return id.is_string() && value.id == id.get_ref<const std::string&>();
  });
  if (found == computed.end()) {
    const std::string name = id.is_string() ? id.get<std::string>() : json_text(id);
    read.error("definition.unknown_member", at,
               {"Формулярът няма изчислена стойност „" + name + "“",
                "The form has no computed value \"" + name + "\""},
               {{"member", id}});
    return std::nullopt;
  }
  auto amount = expr::Decimal::parse(found->value.source());
  if (!amount || *amount < expr::Decimal{}) {
    read.error("definition.bad_fee", at,
               {"Таксата трябва да е изчислена стойност с постоянна сума (например „2.56“)",
                "A fee must be a computed value with a fixed amount (such as \"2.56\")"},
               {{"computed", id}});
    return std::nullopt;
  }
  return amount;
}

// fee: {"text": {"bg","en"}} or {"computed": [ID...]} (a form's fixed amounts in euro).
std::optional<service::Fee> read_fee(Reader& read, const Json& block, const std::string& path,
                                     const std::vector<Computed>* computed) {
  const std::string at = path + "/fee";
  const auto member = block.find("fee");
  if (member == block.end()) {
    read.error("definition.missing_member", at, {"Липсва „fee“", "\"fee\" is missing"},
               {{"member", "fee"}});
    return std::nullopt;
  }
  if (!read.object(*member, at, {"text", "computed"})) return std::nullopt;
  const bool has_text = member->contains("text");
  if (has_text == member->contains("computed")) {
    read.error("definition.bad_fee", at,
               {"Таксата е или текст („text“), или изчислени суми („computed“)",
                "A fee is either a text (\"text\") or computed amounts (\"computed\")"},
               {});
    return std::nullopt;
  }
  service::Fee fee;
  if (has_text) {
    fee.text = read.message(*member, at, "text", true);
    if (!fee.text) return std::nullopt;
    return fee;
  }
  if (computed == nullptr) {
    read.error(
        "definition.bad_fee", at + "/computed",
        {"Само таксата на формуляр може да е изчислена", "Only a form's fee can be computed"}, {});
    return std::nullopt;
  }
  const Json* ids = read.array(*member, at, "computed", true);
  if (!ids) return std::nullopt;
  if (ids->empty()) {
    read.error("definition.bad_fee", at + "/computed",
               {"Посочете поне една изчислена сума", "Name at least one computed amount"}, {});
    return std::nullopt;
  }
  bool good = true;
  for (std::size_t i = 0; i < ids->size(); ++i) {
    auto amount = fixed_amount(read, *computed, (*ids)[i], at + "/computed/" + std::to_string(i));
    if (!amount) {
      good = false;
      continue;
    }
    fee.min_eur = fee.min_eur ? std::min(*fee.min_eur, *amount) : *amount;
    fee.max_eur = fee.max_eur ? std::max(*fee.max_eur, *amount) : *amount;
  }
  if (!good) return std::nullopt;
  return fee;
}

// legal_basis: {"text": {"bg","en"}, "url"?: "https://..."}.
std::optional<service::LegalBasis> read_legal_basis(Reader& read, const Json& block,
                                                    const std::string& path) {
  const std::string at = path + "/legal_basis";
  const auto member = block.find("legal_basis");
  if (member == block.end()) {
    read.error("definition.missing_member", at,
               {"Липсва „legal_basis“", "\"legal_basis\" is missing"}, {{"member", "legal_basis"}});
    return std::nullopt;
  }
  if (!read.object(*member, at, {"text", "url"})) return std::nullopt;
  auto text = read.message(*member, at, "text", true);
  auto url = read.string(*member, at, "url", false);
  if (url && !is_https_url(*url)) {
    read.error("definition.bad_url", at + "/url",
               {"Адресът трябва да започва с https:// и да е без интервали",
                "The address must start with https:// and contain no spaces"},
               {{"url", *url}});
    return std::nullopt;
  }
  if (!text) return std::nullopt;
  return service::LegalBasis{std::move(*text), url.value_or("")};
}

}  // namespace

std::optional<service::Service> read_service(Reader& read, const Json& block,
                                             const std::string& path,
                                             const std::vector<Computed>* computed) {
  if (!read.object(block, path,
                   {"life_event", "summary", "you_need", "duration", "fee", "legal_basis"})) {
    return std::nullopt;
  }
  auto life_event = read.id(block, path, "life_event");
  auto summary = read.message(block, path, "summary", true);
  auto needs = read_needs(read, block, path);
  auto duration = read.message(block, path, "duration", true);
  auto fee = read_fee(read, block, path, computed);
  auto legal_basis = read_legal_basis(read, block, path);
  if (!life_event || !summary || !needs || !duration || !fee || !legal_basis) return std::nullopt;
  return service::Service{std::move(*life_event), std::move(*summary), std::move(*needs),
                          std::move(*duration),   std::move(*fee),     std::move(*legal_basis)};
}

}  // namespace civic::forms
