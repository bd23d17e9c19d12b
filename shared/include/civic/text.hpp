// civic/text.hpp — Bulgarian text: official transliteration and search folding.
//
// All strings are UTF-8. Malformed UTF-8 is never dropped: each bad byte passes
// through as U+FFFD, so output length never silently shrinks an input.
#pragma once

#include <string>
#include <string_view>

namespace civic {

// Cyrillic → Latin per the Bulgarian Transliteration Act (Streamlined System):
// щ→sht, ъ→a, ь→y, ю→yu, я→ya, ц→ts, ж→zh, ч→ch, ш→sh, й→y, ѝ→i; "ия" at the end of a
// word → "ia" (София → Sofia), "България" → "Bulgaria". Case follows each word: an
// all-capital word of two or more letters gives capitals (ЩИТ → SHTIT), otherwise
// only the first Latin letter of a capital Cyrillic letter is capital (Щит → Shtit).
// Everything that is not Cyrillic passes through unchanged.
std::string transliterate(std::string_view text);

// A key for matching what people type against names: script-, case- and
// abbreviation-insensitive. Transliterates, lower-cases, turns punctuation into
// single spaces, and maps address words and their abbreviations to one token
// (ул./улица → "ul", бул./булевард → "bul", пл./площад → "pl", ж.к./жк/жилищен
// комплекс → "zhk", кв./квартал → "kv", бл./блок → "bl", вх./вход → "vh", ет./етаж → "et",
// ап./апартамент → "ap"). Common Latin spelling variants fold too: w→v, ja→ya,
// ju→yu, tz→ts, c→ts (but not in "ch": "Lozenec" → "lozenets"), "iya" at a word's end → "ia".
//   fold_for_search("бул. „Витоша“") == fold_for_search("bul Vitosha") == "bul vitosha"
std::string fold_for_search(std::string_view text);

}  // namespace civic
