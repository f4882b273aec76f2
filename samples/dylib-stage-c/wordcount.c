/*
 * wordcount: a Sieve stage in C, loaded at run time with `--stage dylib:path=./libwordcount.so`.
 *
 * Adds `fields.word_count` (words in the article text: runs of bytes between ASCII whitespace) and drops
 * articles with fewer than `min_words` words (option in `config`, default 0).
 * Build: cc -shared -fPIC -O2 -o libwordcount.so wordcount.c
 *
 * It edits the JSON text directly, relying on what Sieve guarantees about the documents it sends: keys in
 * schema order, `text` before `blocks`, `fields` always present as an object. A real stage would use a JSON
 * library such as cJSON or yyjson.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sieve_stage.h"

typedef struct { long min_words; } wordcount_state;

static char *copy_text(const char *text, size_t *length) {
    size_t size = strlen(text);
    char *buffer = malloc(size + 1);
    if (buffer) memcpy(buffer, text, size + 1);
    if (length) *length = size;
    return buffer;
}

/* Finds `needle` in the first `length` bytes of `haystack`. */
static const char *find(const char *haystack, size_t length, const char *needle) {
    size_t size = strlen(needle);
    for (size_t i = 0; i + size <= length; i++) {
        if (memcmp(haystack + i, needle, size) == 0) return haystack + i;
    }
    return NULL;
}

static void *wordcount_create(const char *options, size_t length, char **error) {
    wordcount_state *state = calloc(1, sizeof *state);
    if (!state) { *error = copy_text("out of memory", NULL); return NULL; }
    const char *key = find(options, length, "\"min_words\":");
    if (key) {
        char *end = NULL;
        state->min_words = strtol(key + strlen("\"min_words\":"), &end, 10);
        if (end == key + strlen("\"min_words\":") || state->min_words < 0) {
            free(state);
            *error = copy_text("min_words must be a whole number, 0 or more", NULL);
            return NULL;
        }
    }
    return state;
}

/* Counts words in the JSON string starting at `text` (just after its opening quote). */
static long count_words(const char *text, const char *end) {
    long words = 0;
    int in_word = 0;
    for (const char *p = text; p < end && *p != '"'; p++) {
        int space = *p == ' ';
        if (*p == '\\' && p + 1 < end) {
            p++;
            space = *p == 'n' || *p == 't' || *p == 'r' || *p == 'f';
            if (*p == 'u') p += 4 < end - p ? 4 : end - p - 1;
        }
        if (space) { in_word = 0; } else if (!in_word) { in_word = 1; words++; }
    }
    return words;
}

static int32_t wordcount_apply(void *opaque, const char *document, size_t length, char **out, size_t *out_length) {
    const wordcount_state *state = opaque;
    const char *text = find(document, length, "\"text\":\"");
    const char *fields = find(document, length, "\"fields\":{");
    if (!text || !fields) {
        *out = copy_text("the document has no text or fields member", out_length);
        return SIEVE_ERROR;
    }
    long words = count_words(text + strlen("\"text\":\""), document + length);
    if (words < state->min_words) {
        char reason[96];
        snprintf(reason, sizeof reason, "%ld words, fewer than min_words=%ld", words, state->min_words);
        *out = copy_text(reason, out_length);
        return SIEVE_DROP;
    }
    char member[48];
    const char *open = fields + strlen("\"fields\":{");
    int member_length = snprintf(member, sizeof member, "\"word_count\":%ld%s", words, *open == '}' ? "" : ",");
    size_t head = (size_t)(open - document);
    char *result = malloc(length + (size_t)member_length);
    if (!result) { *out = copy_text("out of memory", out_length); return SIEVE_ERROR; }
    memcpy(result, document, head);
    memcpy(result + head, member, (size_t)member_length);
    memcpy(result + head + member_length, open, length - head);
    *out = result;
    *out_length = length + (size_t)member_length;
    return SIEVE_KEEP;
}

static void wordcount_free(char *buffer) { free(buffer); }

static void wordcount_destroy(void *state) { free(state); }

static const sieve_stage_api_v1 api = {
    .abi_version = SIEVE_STAGE_ABI_VERSION,
    .reserved = 0,
    .name = "wordcount-c",
    .create = wordcount_create,
    .apply = wordcount_apply,
    .free_buffer = wordcount_free,
    .destroy = wordcount_destroy,
};

const sieve_stage_api_v1 *sieve_stage_v1(void) { return &api; }
