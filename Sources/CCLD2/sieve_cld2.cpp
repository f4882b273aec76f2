// The C face of CLD2 declared in include/sieve_cld2.h.
#include <cstdio>  // compact_lang_det.h uses FILE without including it
#include <cstring>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include "sieve_cld2.h"

namespace {
void copyCode(char *target, size_t size, CLD2::Language language) {
    const char *code = CLD2::LanguageCode(language);
    std::strncpy(target, code ? code : "un", size - 1);
    target[size - 1] = '\0';
}
}

extern "C" int sieve_cld2_detect(const char *utf8, int length, sieve_cld2_result *result) {
    if (utf8 == nullptr || result == nullptr || length < 0) return -1;
    // No hints: CLD2's hint boosts misfire (a "zh" hint turns Traditional Chinese into Japanese); the
    // caller weighs a declared language against the result instead.
    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE};
    int percent3[3] = {0, 0, 0};
    double scores3[3] = {0, 0, 0};
    int textBytes = 0;
    bool reliable = false;
    int validPrefix = 0;
    CLD2::ExtDetectLanguageSummaryCheckUTF8(utf8, length, true, &hints, 0, language3, percent3, scores3, nullptr,
                                            &textBytes, &reliable, &validPrefix);
    if (language3[0] == CLD2::UNKNOWN_LANGUAGE && textBytes > 0 && validPrefix == length) {
        // Too little text for a verdict: take CLD2's best effort, never reliable.
        CLD2::ExtDetectLanguageSummaryCheckUTF8(utf8, length, true, &hints, CLD2::kCLDFlagBestEffort, language3, percent3,
                                                scores3, nullptr, &textBytes, &reliable, &validPrefix);
        reliable = false;
    }
    copyCode(result->language, sizeof result->language, language3[0]);
    copyCode(result->second, sizeof result->second, language3[1]);
    result->percent = percent3[0];
    result->second_percent = percent3[1];
    result->text_bytes = textBytes;
    result->reliable = reliable ? 1 : 0;
    return validPrefix < length ? -1 : 0;
}
