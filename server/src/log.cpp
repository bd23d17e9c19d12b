#include "log.hpp"

#include <cstdio>
#include <mutex>

#include "civic/api.hpp"
#include "random.hpp"

namespace civic::server {

void log_event(std::string_view level, std::string_view event,
               const nlohmann::ordered_json& fields) {
  nlohmann::ordered_json line{
      {"ts", utc_timestamp(unix_now())}, {"level", level}, {"event", event}};
  for (const auto& field : fields.items()) line[field.key()] = field.value();
  const std::string text = api::dump(line) + "\n";
  static std::mutex mutex;
  const std::lock_guard lock(mutex);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

}  // namespace civic::server
