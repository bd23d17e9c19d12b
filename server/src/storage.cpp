#include "storage.hpp"

namespace civic::server {

Error storage_failed(const std::exception& failure) {
  return Error{"storage.failed",
               "",
               {"Сървърът не можа да запише данните; опитайте отново",
                "The server could not store the data; please try again"},
               {{"detail", failure.what()}}};
}

}  // namespace civic::server
