#include "civic/io/profile_dir.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "civic/register_import.hpp"

namespace civic::io {

namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

Error failure(const char* code, const std::string& file, const std::string& bg,
              const std::string& en, Json params = Json::object()) {
  return Error{code, file, {bg, en}, std::move(params)};
}

class Folder {
 public:
  explicit Folder(fs::path root) : root_(std::move(root)) {}

  Result<std::string> text(const std::string& relative) const {
    std::ifstream in(root_ / relative, std::ios::binary);
    if (!in) {
      return failure("profile.read_failed", relative,
                     "Файлът „" + relative + "“ не може да се прочете",
                     "Cannot read the file \"" + relative + "\"");
    }
    return std::string((std::istreambuf_iterator<char>(in)), {});
  }

  Result<Json> json(const std::string& relative) const {
    auto content = text(relative);
    if (!content) return std::move(content).error();
    Json parsed = Json::parse(*content, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) return bad_json(relative, "валиден JSON", "valid JSON");
    return parsed;
  }

  // The files of `directory` ending in `extension`, relative to the root, sorted by name.
  Result<std::vector<std::string>> files(const std::string& directory,
                                         const std::string& extension) const {
    std::error_code error;
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(root_ / directory, error)) {
      if (entry.is_regular_file() && entry.path().extension() == extension) {
        out.push_back((fs::path(directory) / entry.path().filename()).generic_string());
      }
    }
    if (error) {
      return failure("profile.read_failed", directory,
                     "Папката „" + directory + "“ не може да се прочете",
                     "Cannot read the folder \"" + directory + "\"");
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // The JSON documents of `directory`, as an array.
  Result<Json> documents(const std::string& directory) const {
    auto names = files(directory, ".json");
    if (!names) return std::move(names).error();
    Json out = Json::array();
    for (const std::string& name : *names) {
      auto document = json(name);
      if (!document) return std::move(document).error();
      out.push_back(std::move(document).value());
    }
    return out;
  }

  static Error bad_json(const std::string& file, const std::string& expected_bg,
                        const std::string& expected_en) {
    return failure("profile.bad_json", file, "„" + file + "“ трябва да е " + expected_bg,
                   "\"" + file + "\" must be " + expected_en, {{"expected", expected_en}});
  }

 private:
  fs::path root_;
};

// The register of one district: its CSV's rows, its name and settlements.
Result<Json> district_register(const Folder& folder, const std::string& file,
                               const Json& district) {
  auto csv = folder.text(file);
  if (!csv) return std::move(csv).error();
  const std::string id = district["id"].get<std::string>();
  address::ImportReport report = address::import_csv(id, *csv);
  if (!report.ok()) {
    return failure("profile.register_import", file,
                   "Регистърът „" + file + "“ има отхвърлени редове",
                   "The register \"" + file + "\" has refused rows",
                   {{"report", address::report_to_json(report)}});
  }
  Json out = address::to_json(report.district);
  out["name"] = district["name"];
  out["settlements"] = district.value("settlements", Json::array());
  return out;
}

// "districts" and "register": each district of the districts file, live when it has a CSV.
Result<Unit> districts(const Folder& folder, const Json& parts, Json& bundle) {
  const std::string districts_file = parts.value("districts", "");
  auto list = folder.json(districts_file);
  if (!list) return std::move(list).error();
  if (!list->is_array()) return Folder::bad_json(districts_file, "списък", "an array");
  auto listed = folder.files(parts.value("register", ""), ".csv");
  if (!listed) return std::move(listed).error();
  std::vector<std::string> csvs = std::move(listed).value();
  Json summary = Json::array();
  Json registers = Json::array();
  for (const Json& district : *list) {
    if (!district.is_object() || !district.value("id", Json()).is_string()) {
      return Folder::bad_json(districts_file, "списък от райони с „id“",
                              "an array of districts with an \"id\"");
    }
    const std::string id = district["id"].get<std::string>();
    const auto csv = std::find_if(csvs.begin(), csvs.end(), [&](const std::string& file) {
      return fs::path(file).stem() == id;
    });
    Json entry = {
        {"id", id}, {"name", district.value("name", Json())}, {"live", csv != csvs.end()}};
    for (const char* part : {"settlements", "places"}) {
      if (district.contains(part)) entry[part] = district[part];
    }
    summary.push_back(std::move(entry));
    if (csv == csvs.end()) continue;
    auto reg = district_register(folder, *csv, district);
    if (!reg) return std::move(reg).error();
    registers.push_back(std::move(reg).value());
    csvs.erase(csv);
  }
  if (!csvs.empty()) {
    return failure(
        "profile.unknown_district", csvs.front(),
        "Регистърът „" + csvs.front() + "“ е за район, който не е в " + districts_file,
        "The register \"" + csvs.front() + "\" is for a district not in " + districts_file);
  }
  bundle["districts"] = std::move(summary);
  bundle["register"] = std::move(registers);
  return Unit{};
}

}  // namespace

Result<Json> read_profile_dir(const fs::path& root) {
  const Folder folder(root);
  auto profile = folder.json("profile.json");
  if (!profile) return std::move(profile).error();
  const Json parts = profile->is_object() ? profile->value("parts", Json()) : Json();
  if (!parts.is_object()) {
    return Folder::bad_json("profile.json", "обект с „parts“", "an object with \"parts\"");
  }
  for (const char* part :
       {"districts", "register", "forms", "policies", "elections", "boundary", "facts"}) {
    if (!parts.value(part, Json()).is_string()) {
      return Folder::bad_json("profile.json", std::string("обект с „parts.") + part + "“",
                              std::string("an object with \"parts.") + part + "\"");
    }
  }
  Json bundle = Json::object();
  for (const auto& [name, value] : profile->items()) {
    if (name != "parts") bundle[name] = value;
  }
  if (auto done = districts(folder, parts, bundle); !done) return std::move(done).error();
  for (const char* part : {"forms", "policies", "elections"}) {
    auto list = folder.documents(parts[part].get<std::string>());
    if (!list) return std::move(list).error();
    bundle[part] = std::move(list).value();
  }
  for (const char* part : {"boundary", "facts"}) {
    auto document = folder.json(parts[part].get<std::string>());
    if (!document) return std::move(document).error();
    bundle[part] = std::move(document).value();
  }
  return bundle;
}

}  // namespace civic::io
