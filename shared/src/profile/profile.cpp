// Profile's accessors and its forms' context.
#include "state.hpp"

namespace civic::profile {

Profile::Profile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Profile::~Profile() = default;

const std::string& Profile::id() const { return impl_->id; }
const std::string& Profile::version() const { return impl_->version; }
const std::vector<District>& Profile::districts() const { return impl_->core->districts; }
const address::Register& Profile::address_register() const { return impl_->core->reg.whole(); }
const std::vector<geo::Polygon>& Profile::boundary() const { return impl_->boundary; }
const expr::Registry& Profile::functions() const { return impl_->core->functions; }
// A register set aside by load_text goes back into the bundle on the first call.
const Json& Profile::bundle() const {
  std::call_once(impl_->bundle_read, [this] {
    if (impl_->bundle.contains("register")) impl_->core->reg.put_back(impl_->bundle["register"]);
  });
  return impl_->bundle;
}

const District* Profile::district(std::string_view id) const {
  for (const District& district : impl_->core->districts) {
    if (district.id == id) return &district;
  }
  return nullptr;
}

std::shared_ptr<const forms::Form> Profile::form(std::string_view id) const {
  const auto found = impl_->forms.find(id);
  return found == impl_->forms.end() ? nullptr : found->second;
}

std::vector<std::shared_ptr<const forms::Form>> Profile::forms() const {
  std::vector<std::shared_ptr<const forms::Form>> all;
  for (const auto& [id, form] : impl_->forms) all.push_back(form);
  return all;
}

std::shared_ptr<const eligibility::Policy> Profile::policy(std::string_view id) const {
  const auto found = impl_->policies.find(id);
  return found == impl_->policies.end() ? nullptr : found->second;
}

forms::Context Profile::context(Date today) const {
  std::shared_ptr<const Core> core = impl_->core;
  return forms::Context{today,
                        [core](const Json& address) { return check_address(*core, address); }};
}

}  // namespace civic::profile
