// The service catalogue: the profile's life events, its election service, and the catalogue
// JSON that groups the services of its forms (docs/profile.md "Service catalogue").
#include <set>

#include "../core/json_read.hpp"
#include "../forms/service_read.hpp"
#include "state.hpp"

namespace civic::profile {

namespace {

Json message_json(const Message& message) { return Json{{"bg", message.bg}, {"en", message.en}}; }

Error bad_life_events(const std::string& path, const char* expected_bg, const char* expected_en) {
  return Error{"profile.bad_bundle",
               path,
               {std::string("Профилът е неправилен: тук се очаква ") + expected_bg,
                std::string("The profile is malformed: expected ") + expected_en},
               {{"expected", expected_en}}};
}

// "life_events": [{"id", "title": {"bg","en"}}], ids unique.
void read_life_events(const Json& bundle, Profile::Impl& impl, std::vector<Error>& errors) {
  const Json* list = json_read::member(bundle, "life_events");
  if (list == nullptr) return;
  if (!list->is_array()) {
    errors.push_back(bad_life_events("/life_events", "списък", "an array"));
    return;
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = "/life_events/" + std::to_string(i);
    std::vector<Error> found;
    forms::Reader read(found);
    std::optional<std::string> id;
    std::optional<Message> title;
    if (read.object((*list)[i], "", {"id", "title"})) {
      id = read.id((*list)[i], "", "id");
      title = read.message((*list)[i], "", "title", true);
    }
    for (Error& error : found) {
      error.path = path + error.path;
      errors.push_back(std::move(error));
    }
    if (!id || !title) continue;
    if (!ids.insert(*id).second) {
      errors.push_back(Error{"profile.duplicate_life_event",
                             path + "/id",
                             {"Житейското събитие „" + *id + "“ е описано повече от веднъж",
                              "The life event \"" + *id + "\" is listed more than once"},
                             {{"life_event", *id}}});
      continue;
    }
    impl.life_events.push_back({std::move(*id), std::move(*title)});
  }
}

// "election_service": a service block whose fee is a text (no form computes it).
void read_election_service(const Json& bundle, Profile::Impl& impl, std::vector<Error>& errors) {
  const Json* block = json_read::member(bundle, "election_service");
  if (block == nullptr) return;
  std::vector<Error> found;
  forms::Reader read(found);
  impl.election_service = forms::read_service(read, *block, "", nullptr);
  for (Error& error : found) {
    error.path = "/election_service" + error.path;
    errors.push_back(std::move(error));
  }
}

void check_life_event(const Profile::Impl& impl, const service::Service& service,
                      const std::string& path, std::vector<Error>& errors) {
  for (const service::LifeEvent& event : impl.life_events) {
    if (event.id == service.life_event) return;
  }
  errors.push_back(Error{"profile.unknown_life_event",
                         path + "/life_event",
                         {"Профилът няма житейско събитие „" + service.life_event + "“",
                          "The profile has no life event \"" + service.life_event + "\""},
                         {{"life_event", service.life_event}}});
}

// The forms of the bundle in its order, with their index there.
template <typename Visit>
void for_each_form(const Profile::Impl& impl, const Json& bundle, Visit visit) {
  const Json* list = json_read::member(bundle, "forms");
  if (list == nullptr || !list->is_array()) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto found = impl.forms.find(json_read::string_or((*list)[i], "id"));
    if (found != impl.forms.end()) visit(i, *found->second);
  }
}

Json service_json(const service::Service& service) {
  Json needs = Json::array();
  for (const Message& need : service.you_need) needs.push_back(message_json(need));
  Json fee = service.fee.text ? Json{{"text", message_json(*service.fee.text)}}
                              : Json{{"min_eur", service.fee.min_eur->to_json()},
                                     {"max_eur", service.fee.max_eur->to_json()}};
  Json legal = {{"text", message_json(service.legal_basis.text)}};
  if (!service.legal_basis.url.empty()) legal["url"] = service.legal_basis.url;
  return Json{{"summary", message_json(service.summary)},
              {"you_need", std::move(needs)},
              {"duration", message_json(service.duration)},
              {"fee", std::move(fee)},
              {"legal_basis", std::move(legal)}};
}

}  // namespace

void read_catalogue(const Json& bundle, Profile::Impl& impl, std::vector<Error>& errors) {
  read_life_events(bundle, impl, errors);
  read_election_service(bundle, impl, errors);
  if (impl.election_service) {
    check_life_event(impl, *impl.election_service, "/election_service", errors);
  }
  for_each_form(impl, bundle, [&](std::size_t index, const forms::Form& form) {
    if (const auto& service = forms::form_service(form)) {
      check_life_event(impl, *service, "/forms/" + std::to_string(index) + "/service", errors);
    }
  });
}

const std::vector<service::LifeEvent>& Profile::life_events() const { return impl_->life_events; }

const std::optional<service::Service>& Profile::election_service() const {
  return impl_->election_service;
}

Json catalogue_json(const Profile& profile) {
  Json events = Json::array();
  for (const service::LifeEvent& event : profile.life_events()) {
    Json services = Json::array();
    // The forms in the bundle's order, without bundle(): it would read every register.
    for (const Json& definition : json_read::member_or_null(profile.impl_->bundle, "forms")) {
      const auto form = profile.form(json_read::string_or(definition, "id"));
      const auto& service = forms::form_service(*form);
      if (!service || service->life_event != event.id) continue;
      Json entry = {{"form", forms::form_id(*form)},
                    {"title", message_json(forms::form_title(*form))}};
      entry.update(service_json(*service));
      services.push_back(std::move(entry));
    }
    Json group = {{"id", event.id}, {"title", message_json(event.title)}, {"services", services}};
    const auto& elections = profile.election_service();
    if (elections && elections->life_event == event.id)
      group["elections"] = service_json(*elections);
    events.push_back(std::move(group));
  }
  return Json{{"life_events", std::move(events)}};
}

}  // namespace civic::profile
