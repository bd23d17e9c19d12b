#include "development_provider.hpp"

#include <nlohmann/json.hpp>

namespace civic::server {

namespace {

using Json = nlohmann::ordered_json;

Error callback_error(const char* code, const char* bg, const char* en) {
  return Error{code, "", {bg, en}, {}};
}

}  // namespace

Result<PaymentCreated> DevelopmentPaymentProvider::create(const PaymentRequest& request) {
  return PaymentCreated{std::string("/dev/pay/").append(request.payment_id)};
}

std::string DevelopmentPaymentProvider::callback_body(const PaymentEvent& event) const {
  return Json{{"payment_id", event.payment_id},
              {"transaction", event.transaction},
              {"outcome", event.outcome},
              {"amount_cents", event.amount_cents}}
      .dump();
}

Result<PaymentEvent> DevelopmentPaymentProvider::read_callback(const std::string& body,
                                                               const std::string& signature) const {
  if (!callback_signature_matches(key_, body, signature)) {
    return callback_error("payment.bad_signature", "Известието за плащане не е автентично",
                          "The payment notice is not authentic");
  }
  const Json json = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  const auto text = [&](const char* name) {
    return json.is_object() && json.contains(name) && json[name].is_string() &&
           !json[name].get_ref<const std::string&>().empty();
  };
  if (!text("payment_id") || !text("transaction") || !text("outcome") ||
      !json.contains("amount_cents") || !json["amount_cents"].is_number_integer()) {
    return callback_error("payment.bad_callback", "Известието за плащане е непълно",
                          "The payment notice is incomplete");
  }
  PaymentEvent event{json["payment_id"].get<std::string>(), json["transaction"].get<std::string>(),
                     json["outcome"].get<std::string>(), json["amount_cents"].get<std::int64_t>()};
  if (event.outcome != "paid" && event.outcome != "failed") {
    return callback_error("payment.bad_callback", "Непознат изход на плащането",
                          "An unknown payment outcome");
  }
  return event;
}

}  // namespace civic::server
