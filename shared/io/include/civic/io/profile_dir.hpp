// civic/io/profile_dir.hpp — a profile folder on disk → the profile bundle (native only).
//
// The core reads no files (civic/profile.hpp takes the bundle); this library, used by the
// CLI and the server, assembles the bundle from a folder such as shared/profiles/sofia/:
//
//   profile.json        {"format","id","version","name","municipality","parts":{...}}
//   parts.districts [{"id","name":{"bg","en"},"settlements":[{"ekatte","name","postal_codes"}]}]
//   parts.register      a folder of operators' CSV files, one per prepared district,
//                       named <district id>.csv (docs/register-csv.md)
//   parts.forms, parts.policies, parts.elections   folders of *.json, read in file-name order
//   parts.boundary      GeoJSON Feature with properties.source
//   parts.facts         {"name": {"value","status","note","source"}}
//
// Bundle: profile.json's members except "parts" (in their order), then "districts"
// ({"id","name","live"}: live = it has a CSV), "register" (one DistrictRegister JSON per CSV,
// in file-name order, with the district's name and settlements from the districts file),
// "forms", "policies", "elections", "boundary", "facts". Paths in parts are relative to the
// folder. The result is not checked beyond what assembling needs: profile::load checks it.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>

#include "civic/result.hpp"

namespace civic::io {

// Errors (path = the file, relative to the folder): profile.read_failed (missing or
// unreadable), profile.bad_json (not JSON, or not the expected shape), profile.register_import
// (a CSV with refused rows or postal-code conflicts; params.report = the import report),
// profile.unknown_district (a CSV named after no district of the districts file).
Result<nlohmann::ordered_json> read_profile_dir(const std::filesystem::path& folder);

}  // namespace civic::io
