#include "elections/location.hpp"

#include <cmath>

#include "problem.hpp"

namespace civic::server::elections {

namespace {

bool coordinate(const nlohmann::ordered_json& value, double limit) {
  return value.is_number() && std::isfinite(value.get<double>()) &&
         std::fabs(value.get<double>()) <= limit;
}

}  // namespace

std::optional<Error> check_location(const nlohmann::ordered_json& location,
                                    const std::vector<geo::Polygon>& boundary) {
  if (!location.is_object() || !coordinate(location.value("lat", nlohmann::ordered_json()), 90) ||
      !coordinate(location.value("lon", nlohmann::ordered_json()), 180)) {
    return server_error(
        "vote.location.missing", "/location",
        "Нужно е местоположението Ви: разрешете достъпа до местоположението в браузъра и опитайте "
        "отново (гласуването изисква да сте в Столична община)",
        "Your location is needed: allow location access in your browser and try again (voting "
        "requires being in Sofia Municipality)");
  }
  const geo::Point point{location["lon"].get<double>(), location["lat"].get<double>()};
  if (!geo::inside(point, boundary)) {
    return server_error("vote.location.outside", "/location",
                        "Местоположението Ви е извън Столична община",
                        "Your location is outside Sofia Municipality");
  }
  return std::nullopt;
}

}  // namespace civic::server::elections
