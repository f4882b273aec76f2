#ifndef SIEVE_CLD2_H
#define SIEVE_CLD2_H
// A C face for CLD2, Google's Compact Language Detector 2 (Debian libcld2-dev), whose API is C++.

#ifdef __cplusplus
extern "C" {
#endif

/// What CLD2 says about a text.
typedef struct {
    /// CLD2's code of the most likely language ("en", "zh", "zh-Hant", "iw" ...); "un" when unknown.
    char language[16];
    /// Share of the scored text in that language, 0-100.
    int percent;
    /// The runner-up's code and share ("un" and 0 when none).
    char second[16];
    int second_percent;
    /// Bytes of letters CLD2 scored (markup, digits and punctuation are not counted).
    int text_bytes;
    /// 1 when CLD2 judges the answer reliable (enough text, clearly ahead of the runner-up), else 0 (a best
    /// effort on a few words).
    int reliable;
} sieve_cld2_result;

/// Detects the language of `length` bytes of UTF-8 plain text. Returns 0, or -1 when the bytes are not valid
/// UTF-8 (CLD2 then scores nothing) or an argument is NULL. Thread-safe.
int sieve_cld2_detect(const char *utf8, int length, sieve_cld2_result *result);

#ifdef __cplusplus
}
#endif
#endif
