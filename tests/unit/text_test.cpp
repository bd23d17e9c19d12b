#include "civic/text.hpp"

#include <gtest/gtest.h>

namespace civic {
namespace {

TEST(Transliterate, FollowsTheActsLetterTable) {
  EXPECT_EQ(transliterate("абвгдежзийклмнопрстуфхцчшщъьюя"),
            "abvgdezhziyklmnoprstufhtschshshtayyuya");
  EXPECT_EQ(transliterate("Ѝ ѝ"), "I i");
}

TEST(Transliterate, ReferenceExamples) {
  EXPECT_EQ(transliterate("Средец"), "Sredets");
  EXPECT_EQ(transliterate("Подуяне"), "Poduyane");
  EXPECT_EQ(transliterate("Красна поляна"), "Krasna polyana");
  EXPECT_EQ(transliterate("Красно село"), "Krasno selo");
  EXPECT_EQ(transliterate("Възраждане"), "Vazrazhdane");
  EXPECT_EQ(transliterate("Кърджали"), "Kardzhali");
  EXPECT_EQ(transliterate("Горна Оряховица"), "Gorna Oryahovitsa");
  EXPECT_EQ(transliterate("Златни пясъци"), "Zlatni pyasatsi");
  EXPECT_EQ(transliterate("Стара планина"), "Stara planina");
  EXPECT_EQ(transliterate("гр. София, ул. Тракия."), "gr. Sofia, ul. Trakia.");
}

TEST(Transliterate, IyaOnlyAtTheEndOfAWord) {
  EXPECT_EQ(transliterate("София"), "Sofia");
  EXPECT_EQ(transliterate("Мария"), "Maria");
  EXPECT_EQ(transliterate("Вилияна"), "Viliyana");
  EXPECT_EQ(transliterate("месията"), "mesiyata");
  EXPECT_EQ(transliterate("Ия"), "Ia");
}

TEST(Transliterate, BulgariaIsTheTraditionalException) {
  EXPECT_EQ(transliterate("България"), "Bulgaria");
  EXPECT_EQ(transliterate("БЪЛГАРИЯ"), "BULGARIA");
  EXPECT_EQ(transliterate("българия"), "bulgaria");
}

TEST(Transliterate, CaseFollowsTheWord) {
  EXPECT_EQ(transliterate("ЖЕЗЪЛ"), "ZHEZAL");
  EXPECT_EQ(transliterate("ЩАСТИЕ"), "SHTASTIE");
  EXPECT_EQ(transliterate("СОФИЯ"), "SOFIA");
  EXPECT_EQ(transliterate("Щит"), "Shtit");
  EXPECT_EQ(transliterate("Щ. Юрий"), "Sht. Yuriy");
  EXPECT_EQ(transliterate("ул. ЦАР Шишман"), "ul. TSAR Shishman");
}

TEST(Transliterate, LeavesOtherTextAlone) {
  EXPECT_EQ(transliterate("Sofia 1000, №5 — ok"), "Sofia 1000, №5 — ok");
  EXPECT_EQ(transliterate("ЫЭ"), "ЫЭ");
  EXPECT_EQ(transliterate(""), "");
}

TEST(Transliterate, MalformedUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(transliterate("a\xFF"
                          "б"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(transliterate("\xD0"), "\xEF\xBF\xBD");                  // truncated sequence
  EXPECT_EQ(transliterate("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
}

TEST(FoldForSearch, MatchesScriptsCaseAndAbbreviations) {
  EXPECT_EQ(fold_for_search("бул. „Витоша“"), "bul vitosha");
  EXPECT_EQ(fold_for_search("bul Vitosha"), "bul vitosha");
  EXPECT_EQ(fold_for_search("БУЛЕВАРД ВИТОША"), "bul vitosha");
  EXPECT_EQ(fold_for_search("Vitoša"), "vitosha");
  EXPECT_EQ(fold_for_search("ж.к. Младост 1, бл.12, вх. А, ет. 3, ап. 9"),
            "zhk mladost 1 bl 12 vh a et 3 ap 9");
  EXPECT_EQ(fold_for_search("жк Младост"), fold_for_search("Жилищен комплекс „Младост“"));
  EXPECT_EQ(fold_for_search("улица Граф Игнатиев"), fold_for_search("ул. Граф Игнатиев"));
  EXPECT_EQ(fold_for_search("пл. Славейков"), fold_for_search("площад Славейков"));
  EXPECT_EQ(fold_for_search("кв. Лозенец"), fold_for_search("квартал Lozenets"));
}

TEST(FoldForSearch, FoldsLatinSpellingVariants) {
  EXPECT_EQ(fold_for_search("Sofiya"), "sofia");
  EXPECT_EQ(fold_for_search("Witosha"), "vitosha");
  EXPECT_EQ(fold_for_search("Tzar Osvoboditel"), fold_for_search("Цар Освободител"));
  EXPECT_EQ(fold_for_search("Jana"), fold_for_search("Яна"));
  EXPECT_EQ(fold_for_search("  ...  "), "");
}

}  // namespace
}  // namespace civic
