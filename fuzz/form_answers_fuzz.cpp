// Fuzz target: any JSON as the answers to a fixed form (the form of the first form.validate
// vector: every field type, rules, a repeat group, computed values). Input: the answers.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.hpp"

namespace {

const civic::fuzz::Json& fixed_request() {
  static const civic::fuzz::Json kRequest = {
      {"form",
       civic::fuzz::Json::parse(
           R"json({"id":"vector_form","version":3,"title":{"bg":"Примерен формуляр",)json"
           R"json("en":"Example form"},"steps":[{"id":"person","title":{"bg":"Лице","en":"Person"},)json"
           R"json("fields":[{"id":"role","type":"choice","label":{"bg":"Качество","en":"Your role"},)json"
           R"json("required":true,"options":[{"value":"owner","label":{"bg":"Собственик",)json"
           R"json("en":"Owner"}},{"value":"tenant","label":{"bg":"Наемател","en":"Tenant"}}]},)json"
           R"json({"id":"name","type":"text","label":{"bg":"Име","en":"Full name"},"required":true,)json"
           R"json("min_length":2,"max_length":20,"pattern":{"regex":"[А-Яа-я -]+","message":{"bg":"Името трябва да е само с букви на кирилица",)json"
           R"json("en":"Full name must only include Cyrillic letters"}}},{"id":"egn","type":"egn",)json"
           R"json("label":{"bg":"ЕГН","en":"EGN"},"required":true,"rules":[{"id":"adult","check":"age(self,)json"
           R"json( today) >= 18","message":{"bg":"Трябва да сте навършили 18 години",)json"
           R"json("en":"You must be 18 or over"}}]},{"id":"lnch","type":"lnch","label":{"bg":"ЛНЧ",)json"
           R"json("en":"LNCh"}},{"id":"owner_consent","type":"consent","label":{"bg":"Собственикът е съгласен",)json"
           R"json("en":"The owner agrees"},"visible_if":"role == \"tenant\"","required_if":"role == \"tenant\""},)json"
           R"json({"id":"email","type":"email","label":{"bg":"Имейл","en":"Email address"}},{"id":"phone",)json"
           R"json("type":"phone","label":{"bg":"Телефон","en":"Telephone number"}}]},{"id":"home",)json"
           R"json("title":{"bg":"Жилище","en":"Home"},"fields":[{"id":"address","type":"address",)json"
           R"json("label":{"bg":"Адрес","en":"Address"},"required":true},{"id":"move_date","type":"date",)json"
           R"json("label":{"bg":"Дата на преместване","en":"Date of the move"},"required":true,)json"
           R"json("min":"birth_date(egn)","max":"today"},{"id":"since","type":"date","label":{"bg":"Живеете от",)json"
           R"json("en":"Living there since"},"min":"2000-01-01"},{"id":"residents","type":"number",)json"
           R"json("label":{"bg":"Брой живущи","en":"Number of residents"},"integer":true,)json"
           R"json("min":1,"max":20},{"id":"area","type":"number","label":{"bg":"Площ","en":"Floor area"},)json"
           R"json("rules":[{"id":"per_person","check":"self / residents >= 1","message":{"bg":"Площта е твърде малка за живущите",)json"
           R"json("en":"The floor area is too small for the residents"}}]},{"id":"uses","type":"multi_choice",)json"
           R"json("label":{"bg":"Ползване","en":"Uses"},"min_items":2,"max_items":3,"options":[{"value":"home",)json"
           R"json("label":{"bg":"Жилище","en":"Home"}},{"value":"office","label":{"bg":"Офис",)json"
           R"json("en":"Office"}},{"value":"shop","label":{"bg":"Магазин","en":"Shop"}},{"value":"storage",)json"
           R"json("label":{"bg":"Склад","en":"Storage"}}]},{"id":"children","type":"repeat","label":{"bg":"Деца",)json"
           R"json("en":"Children"},"max_items":2,"fields":[{"id":"egn","type":"egn","label":{"bg":"ЕГН на детето",)json"
           R"json("en":"Child's EGN"},"required":true},{"id":"second_parent_consent","type":"consent",)json"
           R"json("label":{"bg":"Другият родител е съгласен","en":"The other parent agrees"},)json"
           R"json("visible_if":"age(item.egn, today) < 14","required":true}]}]}],"computed":[{"id":"fee",)json"
           R"json("value":"if(count(children, true) > 1, 5.5, 0)"}],"rules":[{"id":"move_after_since",)json"
           R"json("path":"move_date","check":"since == null or move_date >= since","message":{"bg":"Датата на преместване трябва да е след датата,)json"
           R"json( от която живеете там","en":"Date of the move must be after the date you started living there"}}],)json"
           R"json("migrations":[{"from":1,"to":2,"rename":{"tel":"phone"}},{"from":2,"to":3,"remove":["fax"]}]})json")},
      {"today", "2026-11-25"}};
  return kRequest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto answers = civic::fuzz::parse(data, size);
  if (!answers) return 0;
  civic::fuzz::call_with("form.validate", fixed_request(), "answers", std::move(*answers));
  return 0;
}
