// CSV → district register, with a report of every refused, duplicate or conflicting row.
#include "civic/register_import.hpp"

#include <array>
#include <map>

#include "civic/text.hpp"
#include "csv.hpp"
#include "join.hpp"

namespace civic::address {

namespace {

constexpr std::array<std::string_view, 8> kColumns = {"settlement", "street_type", "street",
                                                      "number",     "complex",     "block",
                                                      "entrances",  "postal_code"};
enum Column { kSettlement, kStreetType, kStreet, kNumber, kComplex, kBlock, kEntrances, kPostal };

Error row_error(size_t row, std::string_view column, const char* code, const char* bg,
                const char* en) {
  std::string path = join({"/rows/", std::to_string(row)});
  if (!column.empty()) path.append("/").append(column);
  return Error{code, std::move(path), {bg, en}, {{"row", row}}};
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  for (char c : join({text, ";"})) {
    if (c == ';') {
      std::string normalised = normalise_number(item);
      if (!normalised.empty()) out.push_back(std::move(normalised));
      item.clear();
    } else {
      item += c;
    }
  }
  return out;
}

bool is_ekatte(std::string_view text) {
  if (text.size() != 5) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The first problem of a row's fields, if any.
std::optional<Error> check_row(const csv::Record& record) {
  const size_t row = record.line;
  const auto& f = record.fields;
  if (record.bad_quote) {
    return row_error(row, "", "register.quote", "Кавичките в реда не са затворени правилно",
                     "The quotes in this row are not closed properly");
  }
  if (f.size() != kColumns.size()) {
    return row_error(row, "", "register.columns", "Редът трябва да има 8 колони",
                     "The row must have 8 columns");
  }
  if (!is_ekatte(f[kSettlement])) {
    return row_error(row, kColumns[kSettlement], "register.settlement_format",
                     "Населеното място се задава с 5-цифрен код по ЕКАТТЕ",
                     "The settlement must be a 5-digit EKATTE code");
  }
  const bool street = !f[kStreet].empty(), block = !f[kBlock].empty();
  if (!(street && !f[kNumber].empty()) && !block) {
    return row_error(row, "", "register.street_or_block_required",
                     "Редът трябва да има улица и номер или блок",
                     "The row needs a street and number, or a block");
  }
  if (!f[kNumber].empty() && !is_building_number(normalise_number(f[kNumber]))) {
    return row_error(row, kColumns[kNumber], "address.number_format",
                     "Номерът се пише с число и по желание буква",
                     "The number must be digits and an optional letter");
  }
  if (block && !is_building_number(normalise_number(f[kBlock]))) {
    return row_error(row, kColumns[kBlock], "address.number_format",
                     "Блокът се пише с число и по желание буква",
                     "The block must be digits and an optional letter");
  }
  for (const std::string& entrance : split_list(f[kEntrances])) {
    if (!is_entrance(entrance)) {
      return row_error(row, kColumns[kEntrances], "address.entrance_format",
                       "Входовете са букви или числа, разделени с ;",
                       "Entrances are letters or numbers separated by ;");
    }
  }
  if (!is_postal_code(f[kPostal])) {
    return row_error(row, kColumns[kPostal], "address.postal_code_format",
                     "Пощенският код трябва да е 4 цифри", "A postal code must be 4 digits");
  }
  return std::nullopt;
}

struct Seen {
  size_t row;
  std::string postal_code;
};

template <typename T>
T& entry(std::vector<T>& list, std::map<std::string, size_t>& index, const std::string& key) {
  const auto [it, inserted] = index.emplace(key, list.size());
  if (inserted) list.emplace_back();
  return list[it->second];
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

ImportReport import_csv(std::string_view district, std::string_view csv_text) {
  ImportReport report;
  report.district.id = std::string(district);
  const std::vector<csv::Record> records = csv::parse(csv_text);
  if (records.empty() || records[0].fields.size() != kColumns.size() ||
      !std::equal(kColumns.begin(), kColumns.end(), records[0].fields.begin())) {
    report.errors.push_back(row_error(1, "", "register.header",
                                      "Първият ред трябва да е: settlement,street_type,street,"
                                      "number,complex,block,entrances,postal_code",
                                      "The first line must be: settlement,street_type,street,"
                                      "number,complex,block,entrances,postal_code"));
    return report;
  }
  std::map<std::string, Seen> buildings;  // building key → first row
  std::map<std::string, size_t> street_index, block_index;
  std::map<std::string, size_t> settlement_index;
  for (size_t i = 1; i < records.size(); ++i) {
    const csv::Record& record = records[i];
    ++report.rows;
    if (auto problem = check_row(record)) {
      report.errors.push_back(std::move(*problem));
      continue;
    }
    const auto& f = record.fields;
    const std::string number = normalise_number(f[kNumber]);
    const std::string block = normalise_number(f[kBlock]);
    const std::string key =
        block.empty() ? join({f[kSettlement], "|", fold_for_search(f[kStreet]), "|", number})
                      : join({f[kSettlement], "|", fold_for_search(f[kComplex]), "|бл.", block});
    const auto [seen, first] = buildings.emplace(key, Seen{record.line, f[kPostal]});
    if (!first) {
      Json item{{"row", record.line}, {"first_row", seen->second.row}, {"key", key}};
      if (seen->second.postal_code == f[kPostal]) {
        report.duplicates.push_back(std::move(item));
      } else {
        item["postal_code"] = f[kPostal];
        item["first_postal_code"] = seen->second.postal_code;
        report.postal_conflicts.push_back(std::move(item));
      }
      continue;
    }
    ++report.accepted;
    Settlement& settlement = entry(report.district.settlements, settlement_index, f[kSettlement]);
    settlement.ekatte = f[kSettlement];
    add_unique(settlement.postal_codes, f[kPostal]);
    if (!f[kStreet].empty()) {
      Street& street = entry(report.district.streets, street_index,
                             join({f[kSettlement], "|", fold_for_search(f[kStreet])}));
      if (street.name.empty()) {
        street.settlement = f[kSettlement];
        street.type = f[kStreetType];
        street.name = f[kStreet];
      }
      if (!number.empty()) add_unique(street.numbers, number);
      add_unique(street.postal_codes, f[kPostal]);
    }
    if (!block.empty()) {
      Block& entry_block =
          entry(report.district.blocks, block_index,
                join({f[kSettlement], "|", fold_for_search(f[kComplex]), "|", block}));
      if (entry_block.number.empty()) {
        entry_block.settlement = f[kSettlement];
        entry_block.complex = f[kComplex];
        entry_block.number = block;
      }
      for (const std::string& entrance : split_list(f[kEntrances])) {
        add_unique(entry_block.entrances, entrance);
      }
      add_unique(entry_block.postal_codes, f[kPostal]);
    }
  }
  return report;
}

Json report_to_json(const ImportReport& report) {
  Json errors = Json::array();
  for (const Error& error : report.errors) {
    errors.push_back({{"code", error.code},
                      {"path", error.path},
                      {"message", {{"bg", error.message.bg}, {"en", error.message.en}}},
                      {"params", error.params}});
  }
  return Json{{"district", report.district.id},
              {"rows", report.rows},
              {"accepted", report.accepted},
              {"ok", report.ok()},
              {"errors", errors},
              {"duplicates", report.duplicates},
              {"postal_conflicts", report.postal_conflicts},
              {"streets", report.district.streets.size()},
              {"blocks", report.district.blocks.size()}};
}

}  // namespace civic::address
