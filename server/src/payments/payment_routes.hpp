// payment_routes.hpp — the fee of a submission, paid through the PaymentProvider.
//
//   POST /api/v1/submissions/{id}/payment   (status code, as for the status) the request to
//        pay: an awaiting or paid one is answered as it is; otherwise (none yet, failed,
//        expired) a new one for the form's computed "fee" (EUR), valid kPaymentHours.
//        409 payment.no_fee when the form computes no fee; 503 payment.unavailable when no
//        provider is configured.
//   GET  /api/v1/submissions/{id}/payment   the latest request; 404 payment.none when none
//        was made yet, 409 payment.no_fee when the form computes no fee
//   POST /api/v1/payments/callback          the provider's news (X-Payment-Signature: hex
//        HMAC-SHA256 of the body). Forged → 401 payment.bad_signature; another amount →
//        409 payment.amount_mismatch; an expired request → 409 payment.expired; replayed,
//        or a transaction already counted → 200 with "counted": false. Only a callback that
//        settles an awaiting request changes anything (audited).
//   GET, POST /dev/pay/{payment}            the development provider's "bank" (--payments
//        development only).
// A request is answered as {"payment_id","amount_eur","state","pay_url","expires_at",
// "updated_at"}, state awaiting_payment | paid | failed | expired.
#pragma once

#include "app.hpp"
#include "payments/payment_storage.hpp"
#include "router.hpp"

namespace civic::server {

inline constexpr int kPaymentHours = 24;

void add_payment_routes(Router& router, App& app);

// The JSON of a payment as the citizen and the operator see it (an awaiting request past its
// expiry shows as expired).
Json payment_json(const Payment& payment, std::int64_t now);

}  // namespace civic::server
