// development_provider.hpp — a payment provider for development and tests (--payments
// development): the "bank" is a page of civic-server itself, /dev/pay/{payment}, with a
// button that pays and one that fails. Either makes a callback signed with the callback key,
// exactly as a real provider would send it, and hands it to the same handler. Never enable it
// on a server that takes real fees.
#pragma once

#include "callback_signature.hpp"
#include "payment_provider.hpp"

namespace civic::server {

class DevelopmentPaymentProvider final : public PaymentProvider {
 public:
  explicit DevelopmentPaymentProvider(const CallbackKey& key) : key_(key) {}

  Result<PaymentCreated> create(const PaymentRequest& request) override;
  Result<PaymentEvent> read_callback(const std::string& body,
                                     const std::string& signature) const override;

  // The callback body the "bank" sends for `event`, and its signature.
  std::string callback_body(const PaymentEvent& event) const;
  std::string sign(const std::string& body) const { return callback_signature(key_, body); }

 private:
  CallbackKey key_;
};

}  // namespace civic::server
