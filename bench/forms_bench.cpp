// Rules-engine benchmarks: full validation of a realistic 42-field address-change form with
// conditions, a repeat, cross-field rules and a computed fee; expression evaluation; an
// eligibility check. Aim: full validation <= 10 us natively.
//   build/forms/bench/civic_bench_forms
#include <benchmark/benchmark.h>

#include "civic/eligibility.hpp"
#include "civic/expr.hpp"
#include "civic/forms.hpp"

namespace {

using civic::expr::Json;

constexpr civic::Date kToday{2026, 11, 25};

// JSON text split over lines: the parser ignores the newlines between tokens only, so the
// chunks are joined before parsing.
Json parse_chunks(std::initializer_list<const char*> chunks) {
  std::string text;
  for (const char* chunk : chunks) text += chunk;
  return Json::parse(text, nullptr, false);
}

const Json& definition() {
  static const Json kForm = parse_chunks(
      {R"~({"id":"sofia_address_change_bench","version":1,"title":{"bg":"Адресна регистрация","en":"A)~",
       R"~(ddress registration"},"steps":[{"id":"declarant","title":{"bg":"Заявител","en":"Applicant")~",
       R"~(},"fields":[{"id":"role","type":"choice","label":{"bg":"Качество","en":"Your role"},"requi)~",
       R"~(red":true,"options":[{"value":"owner","label":{"bg":"owner","en":"owner"}},{"value":"tenan)~",
       R"~(t","label":{"bg":"tenant","en":"tenant"}},{"value":"parent","label":{"bg":"parent","en":"p)~",
       R"~(arent"}},{"value":"representative","label":{"bg":"representative","en":"representative"}},)~",
       R"~({"value":"foreigner","label":{"bg":"foreigner","en":"foreigner"}}]},{"id":"citizen","type")~",
       R"~(:"consent","label":{"bg":"Български гражданин","en":"Bulgarian citizen"}},{"id":"egn","typ)~",
       R"~(e":"egn","label":{"bg":"ЕГН","en":"EGN"},"visible_if":"role != \"foreigner\"","required":t)~",
       R"~(rue,"rules":[{"id":"adult","check":"age(self, today) >= 18","message":{"bg":"Трябва да сте)~",
       R"~( пълнолетен","en":"You must be 18 or over"}}]},{"id":"lnch","type":"lnch","label":{"bg":"Л)~",
       R"~(НЧ","en":"LNCh"},"visible_if":"role == \"foreigner\"","required":true},{"id":"first_name",)~",
       R"~("type":"text","label":{"bg":"Име","en":"First name"},"required":true,"max_length":40,"patt)~",
       R"~(ern":{"regex":"[А-Яа-я -]+","message":{"bg":"Само кирилица","en":"Cyrillic letters only"}})~",
       R"~(},{"id":"middle_name","type":"text","label":{"bg":"Презиме","en":"Middle name"},"max_lengt)~",
       R"~(h":40,"pattern":{"regex":"[А-Яа-я -]+","message":{"bg":"Само кирилица","en":"Cyrillic lett)~",
       R"~(ers only"}}},{"id":"last_name","type":"text","label":{"bg":"Фамилия","en":"Last name"},"re)~",
       R"~(quired":true,"max_length":40,"pattern":{"regex":"[А-Яа-я -]+","message":{"bg":"Само кирили)~",
       R"~(ца","en":"Cyrillic letters only"}}},{"id":"phone","type":"phone","label":{"bg":"Телефон",")~",
       R"~(en":"Telephone number"},"required":true},{"id":"email","type":"email","label":{"bg":"Имейл)~",
       R"~(","en":"Email address"}},{"id":"id_card","type":"text","label":{"bg":"Лична карта","en":"I)~",
       R"~(dentity card number"},"required":true,"pattern":{"regex":"[0-9]{9}","message":{"bg":"9 циф)~",
       R"~(ри","en":"9 digits"}}}]},{"id":"address","title":{"bg":"Адрес","en":"Address"},"fields":[{)~",
       R"~("id":"address_kind","type":"choice","label":{"bg":"Вид адрес","en":"Kind of address"},"req)~",
       R"~(uired":true,"options":[{"value":"permanent","label":{"bg":"permanent","en":"permanent"}},{)~",
       R"~("value":"current","label":{"bg":"current","en":"current"}}]},{"id":"new_address","type":"a)~",
       R"~(ddress","label":{"bg":"Нов адрес","en":"New address"},"required":true},{"id":"district","t)~",
       R"~(ype":"choice","label":{"bg":"Район","en":"District"},"required":true,"options":[{"value":")~",
       R"~(d01","label":{"bg":"d01","en":"d01"}},{"value":"d02","label":{"bg":"d02","en":"d02"}},{"va)~",
       R"~(lue":"d03","label":{"bg":"d03","en":"d03"}},{"value":"d04","label":{"bg":"d04","en":"d04"})~",
       R"~(},{"value":"d05","label":{"bg":"d05","en":"d05"}},{"value":"d06","label":{"bg":"d06","en":)~",
       R"~("d06"}},{"value":"d07","label":{"bg":"d07","en":"d07"}},{"value":"d08","label":{"bg":"d08")~",
       R"~(,"en":"d08"}},{"value":"d09","label":{"bg":"d09","en":"d09"}},{"value":"d10","label":{"bg")~",
       R"~(:"d10","en":"d10"}},{"value":"d11","label":{"bg":"d11","en":"d11"}},{"value":"d12","label")~",
       R"~(:{"bg":"d12","en":"d12"}},{"value":"d13","label":{"bg":"d13","en":"d13"}},{"value":"d14",")~",
       R"~(label":{"bg":"d14","en":"d14"}},{"value":"d15","label":{"bg":"d15","en":"d15"}},{"value":")~",
       R"~(d16","label":{"bg":"d16","en":"d16"}},{"value":"d17","label":{"bg":"d17","en":"d17"}},{"va)~",
       R"~(lue":"d18","label":{"bg":"d18","en":"d18"}},{"value":"d19","label":{"bg":"d19","en":"d19"})~",
       R"~(},{"value":"d20","label":{"bg":"d20","en":"d20"}},{"value":"d21","label":{"bg":"d21","en":)~",
       R"~("d21"}},{"value":"d22","label":{"bg":"d22","en":"d22"}},{"value":"d23","label":{"bg":"d23")~",
       R"~(,"en":"d23"}},{"value":"d24","label":{"bg":"d24","en":"d24"}}]},{"id":"postal_code","type")~",
       R"~(:"text","label":{"bg":"Пощенски код","en":"Postal code"},"required":true,"pattern":{"regex)~",
       R"~(":"1[0-9]{3}","message":{"bg":"4 цифри","en":"4 digits"}}},{"id":"move_date","type":"date")~",
       R"~(,"label":{"bg":"Дата на преместване","en":"Date of the move"},"required":true,"max":"today)~",
       R"~(","min":"birth_date(egn)"},{"id":"previous_address","type":"address","label":{"bg":"Предиш)~",
       R"~(ен адрес","en":"Previous address"},"required_if":"address_kind == \"permanent\""},{"id":"f)~",
       R"~(loor","type":"number","label":{"bg":"Етаж","en":"Floor"},"integer":true,"min":-2,"max":40})~",
       R"~(,{"id":"apartment","type":"text","label":{"bg":"Апартамент","en":"Apartment"},"max_length")~",
       R"~(:6},{"id":"residents","type":"number","label":{"bg":"Живущи","en":"Residents"},"integer":t)~",
       R"~(rue,"min":1,"max":30,"required":true},{"id":"area","type":"number","label":{"bg":"Площ","e)~",
       R"~(n":"Floor area"},"min":5,"max":2000,"rules":[{"id":"per_person","check":"self / residents )~",
       R"~(>= 2","message":{"bg":"Площта е малка","en":"The floor area is too small"}}]}]},{"id":"dwe)~",
       R"~(lling","title":{"bg":"Жилище","en":"Dwelling"},"fields":[{"id":"ownership","type":"choice")~",
       R"~(,"label":{"bg":"Собственост","en":"Ownership"},"required":true,"options":[{"value":"own",")~",
       R"~(label":{"bg":"own","en":"own"}},{"value":"rented","label":{"bg":"rented","en":"rented"}},{)~",
       R"~("value":"family","label":{"bg":"family","en":"family"}},{"value":"municipal","label":{"bg")~",
       R"~(:"municipal","en":"municipal"}}]},{"id":"owner_egn","type":"egn","label":{"bg":"ЕГН на соб)~",
       R"~(ственика","en":"Owner's EGN"},"visible_if":"ownership != \"own\"","required":true},{"id":")~",
       R"~(owner_name","type":"text","label":{"bg":"Собственик","en":"Owner's name"},"visible_if":"ow)~",
       R"~(nership != \"own\"","required":true,"max_length":80},{"id":"owner_consent","type":"consent)~",
       R"~(","label":{"bg":"Съгласие на собственика","en":"The owner agrees"},"visible_if":"ownership)~",
       R"~( != \"own\"","required":true},{"id":"contract_date","type":"date","label":{"bg":"Дата на д)~",
       R"~(оговора","en":"Date of the contract"},"visible_if":"ownership == \"rented\"","required":tr)~",
       R"~(ue,"max":"today"},{"id":"contract_months","type":"number","label":{"bg":"Срок","en":"Month)~",
       R"~(s"},"visible_if":"ownership == \"rented\"","integer":true,"min":1,"max":120},{"id":"uses",)~",
       R"~("type":"multi_choice","label":{"bg":"Ползване","en":"Uses"},"options":[{"value":"home","la)~",
       R"~(bel":{"bg":"home","en":"home"}},{"value":"office","label":{"bg":"office","en":"office"}},{)~",
       R"~("value":"storage","label":{"bg":"storage","en":"storage"}}],"max_items":2},{"id":"notes",")~",
       R"~(type":"text","label":{"bg":"Бележки","en":"Notes"},"max_length":500}]},{"id":"family","tit)~",
       R"~(le":{"bg":"Семейство","en":"Family"},"fields":[{"id":"has_children","type":"consent","labe)~",
       R"~(l":{"bg":"Имам деца под 18","en":"I have children under 18"}},{"id":"children","type":"rep)~",
       R"~(eat","label":{"bg":"Деца","en":"Children"},"visible_if":"has_children == true","required":)~",
       R"~(true,"max_items":6,"fields":[{"id":"egn","type":"egn","label":{"bg":"ЕГН на детето","en":")~",
       R"~(Child's EGN"},"required":true,"rules":[{"id":"minor","check":"age(self, today) < 18","mess)~",
       R"~(age":{"bg":"Детето трябва да е под 18","en":"The child must be under 18"}}]},{"id":"name",)~",
       R"~("type":"text","label":{"bg":"Име на детето","en":"Child's name"},"required":true,"max_leng)~",
       R"~(th":80},{"id":"relation","type":"choice","label":{"bg":"Родство","en":"Relation"},"require)~",
       R"~(d":true,"options":[{"value":"parent","label":{"bg":"parent","en":"parent"}},{"value":"guar)~",
       R"~(dian","label":{"bg":"guardian","en":"guardian"}}]},{"id":"second_parent_consent","type":"c)~",
       R"~(onsent","label":{"bg":"Съгласие на другия родител","en":"The other parent agrees"},"visibl)~",
       R"~(e_if":"item.relation == \"parent\"","required":true}]},{"id":"representative","type":"grou)~",
       R"~(p","label":{"bg":"Пълномощник","en":"Representative"},"visible_if":"role == \"representati)~",
       R"~(ve\"","fields":[{"id":"egn","type":"egn","label":{"bg":"ЕГН на пълномощника","en":"Represe)~",
       R"~(ntative's EGN"},"required":true},{"id":"poa_number","type":"text","label":{"bg":"Номер на )~",
       R"~(пълномощното","en":"Power of attorney number"},"required":true,"max_length":20},{"id":"poa)~",
       R"~(_date","type":"date","label":{"bg":"Дата на пълномощното","en":"Date of the power of attor)~",
       R"~(ney"},"required":true,"max":"today"}]}]},{"id":"confirm","title":{"bg":"Потвърждение","en")~",
       R"~(:"Confirmation"},"fields":[{"id":"delivery","type":"choice","label":{"bg":"Получаване","en)~",
       R"~(":"Delivery"},"required":true,"options":[{"value":"email","label":{"bg":"email","en":"emai)~",
       R"~(l"}},{"value":"post","label":{"bg":"post","en":"post"}},{"value":"office","label":{"bg":"o)~",
       R"~(ffice","en":"office"}}]},{"id":"delivery_email","type":"email","label":{"bg":"Имейл за пол)~",
       R"~(учаване","en":"Delivery email"},"visible_if":"delivery == \"email\"","required":true},{"id)~",
       R"~(":"truthful","type":"consent","label":{"bg":"Декларирам, че данните са верни","en":"I decl)~",
       R"~(are the information is true"},"required":true},{"id":"data_consent","type":"consent","labe)~",
       R"~(l":{"bg":"Съгласие за обработка","en":"Consent to processing"},"required":true}]}],"comput)~",
       R"~(ed":[{"id":"fee","value":"if(delivery == \"post\", 5, 0) + count(children, true) * 0"}],"r)~",
       R"~(ules":[{"id":"move_after_contract","path":"move_date","check":"contract_date == null or mo)~",
       R"~(ve_date >= contract_date","message":{"bg":"След договора","en":"After the contract"}},{"id)~",
       R"~(":"owner_not_self","path":"owner_egn","check":"owner_egn == null or owner_egn != egn","mes)~",
       R"~(sage":{"bg":"Различен собственик","en":"The owner must be someone else"}}]})~"});
  return kForm;
}

const Json& answers() {
  static const Json kAnswers = parse_chunks(
      {R"~({"role":"parent","citizen":true,"egn":"6101057509","first_name":"Иван","middle_name":"Петр)~",
       R"~(ов","last_name":"Иванов","phone":"0888 123 456","email":"ivan@example.bg","id_card":"64512)~",
       R"~(3456","address_kind":"permanent","new_address":{"settlement":"София","street":"бул. Витоша)~",
       R"~(","number":"12"},"district":"d05","postal_code":"1000","move_date":"2026-03-01","previous_)~",
       R"~(address":{"settlement":"Пловдив","street":"ул. Гладстон","number":"3"},"floor":3,"apartmen)~",
       R"~(t":"12","residents":4,"area":85.5,"ownership":"rented","owner_egn":"0550290476","owner_nam)~",
       R"~(e":"Мария Георгиева","owner_consent":true,"contract_date":"2026-02-15","contract_months":1)~",
       R"~(2,"uses":["home"],"notes":"","has_children":true,"children":[{"egn":"1548010010","name":"П)~",
       R"~(етър","relation":"parent","second_parent_consent":true},{"egn":"1548010010","name":"Ана",")~",
       R"~(relation":"guardian"}],"delivery":"email","delivery_email":"ivan@example.bg","truthful":tr)~",
       R"~(ue,"data_consent":true})~"});
  return kAnswers;
}

void BM_FormValidateFull(benchmark::State& state) {
  const auto form = civic::forms::load(definition()).form;
  const civic::forms::Context context{kToday, {}};
  for (auto _ : state) {
    civic::forms::Report report = civic::forms::validate(*form, answers(), context);
    benchmark::DoNotOptimize(report);
  }
  state.counters["errors"] =
      static_cast<double>(civic::forms::validate(*form, answers(), context).errors.size());
}
BENCHMARK(BM_FormValidateFull);

void BM_FormSessionSetAnswer(benchmark::State& state) {
  civic::forms::FormSession session(civic::forms::load(definition()).form, {kToday, {}});
  session.set_answers(answers());
  bool flip = false;
  for (auto _ : state) {
    flip = !flip;
    auto done = session.set_answer("/first_name", flip ? "Георги" : "Иван");
    benchmark::DoNotOptimize(done);
  }
}
BENCHMARK(BM_FormSessionSetAnswer);

void BM_FormLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto loaded = civic::forms::load(definition());
    benchmark::DoNotOptimize(loaded);
  }
}
BENCHMARK(BM_FormLoad);

void BM_ExprEvaluate(benchmark::State& state) {
  auto expression = civic::expr::Expression::compile(
      "age(egn, today) >= 18 and role in [\"owner\", \"tenant\", \"parent\"] and "
      "count(children, age(item.egn, today) < 18) > 0");
  civic::expr::Env env;
  env.answers = &answers();
  env.today = kToday;
  for (auto _ : state) {
    auto value = expression->evaluate(env);
    benchmark::DoNotOptimize(value);
  }
}
BENCHMARK(BM_ExprEvaluate);

void BM_ExprCompile(benchmark::State& state) {
  for (auto _ : state) {
    auto expression = civic::expr::Expression::compile(
        "age(egn, today) >= 18 and matches(phone, \"(\\\\+359|0)[0-9]{9}\")");
    benchmark::DoNotOptimize(expression);
  }
}
BENCHMARK(BM_ExprCompile);

void BM_EligibilityCheck(benchmark::State& state) {
  const Json policy = Json::parse(R"({"id":"pb_voter","version":1,
    "title":{"bg":"Гласуване","en":"Voting"},"constants":{"min_age":16,"district":"d05"},
    "rules":[{"id":"age","check":"age(egn, today) >= min_age","reason":{"bg":"16+","en":"16+"}},
             {"id":"resident","check":"district == district","reason":{"bg":"Район","en":"District"}},
             {"id":"citizen","check":"citizen or lnch != null","reason":{"bg":"Гр.","en":"Citizen"}}]})");
  const auto loaded = civic::eligibility::load(policy);
  for (auto _ : state) {
    auto decision = civic::eligibility::check(*loaded.policy, answers(), kToday);
    benchmark::DoNotOptimize(decision);
  }
}
BENCHMARK(BM_EligibilityCheck);

}  // namespace
