// payment_provider.hpp — how civic-server asks for a fee and learns that it was paid.
//
// The citizen pays outside civic-server, at a payment provider (in Bulgaria the state's
// e-payment module, pay.egov.bg, or a bank's card gateway). civic-server creates a payment
// request there, sends the citizen to the provider's page, and learns the outcome from the
// provider's callback, which carries an HMAC-SHA256 of its body made with a key agreed with
// the provider (keys/payment_callback.key). A callback that is forged, replayed, for
// another amount or for a request no longer awaiting payment changes nothing
// (payment_routes.hpp). An adapter for a real provider implements this interface; see
// docs/payments.md for what it must do.
#pragma once

#include <cstdint>
#include <string>

#include "civic/result.hpp"

namespace civic::server {

// What civic-server asks the citizen to pay.
struct PaymentRequest {
  std::string payment_id;     // ours: the reference the payment carries (a submission reference)
  std::string submission_id;  // the submission the fee is for
  std::int64_t amount_cents;  // in EUR cents
  std::string service;        // what is paid for, as the payer sees it (the form's title)
  std::string expires_at;     // "YYYY-MM-DDTHH:MM:SSZ": the request is void after it
};

// The provider's answer to a new request.
struct PaymentCreated {
  std::string pay_url;  // where the citizen pays (absolute, or a path on this server)
};

// A callback's news, once its signature was checked.
struct PaymentEvent {
  std::string payment_id;
  std::string transaction;  // the provider's id of the payment: counted at most once
  std::string outcome;      // "paid" or "failed"
  std::int64_t amount_cents = 0;
};

class PaymentProvider {
 public:
  virtual ~PaymentProvider() = default;

  // Registers the request with the provider. Errors: payment.provider_unavailable.
  virtual Result<PaymentCreated> create(const PaymentRequest& request) = 0;

  // Checks the callback's signature (`signature`: the hex HMAC the provider sent) and reads
  // it. Errors: payment.bad_signature (forged or changed), payment.bad_callback (malformed).
  virtual Result<PaymentEvent> read_callback(const std::string& body,
                                             const std::string& signature) const = 0;
};

}  // namespace civic::server
