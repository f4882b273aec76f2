/*
 * sieve_stage.h: the C interface of a Sieve stage loaded at run time (the `dylib` stage), ABI version 1.
 *
 * A library exports one function, `sieve_stage_v1`, returning a pointer to a static `sieve_stage_api_v1`.
 * Documents cross as UTF-8 JSON (schema sieve-document/1, the same as `sieve convert --to jsonl` writes);
 * no Swift or C++ types cross. Sieve never unloads the library.
 */
#ifndef SIEVE_STAGE_H
#define SIEVE_STAGE_H

#include <stddef.h>
#include <stdint.h>

#define SIEVE_STAGE_ABI_VERSION 1

/* What `apply` returns. */
enum { SIEVE_KEEP = 0, SIEVE_DROP = 1, SIEVE_ERROR = 2 };

typedef struct sieve_stage_api_v1 {
    /* Must be SIEVE_STAGE_ABI_VERSION; Sieve refuses any other value before touching the rest. */
    uint32_t abi_version;
    /* Must be 0. */
    uint32_t reserved;
    /* The stage's name, for logs and error messages. */
    const char *name;
    /* Builds the stage's state from its options, a JSON object of `options_len` bytes (the `config` option).
       On failure returns NULL and sets *error to a message allocated for `free_buffer`. */
    void *(*create)(const char *options_json, size_t options_len, char **error);
    /* Applies the stage to one document (`document_len` bytes of JSON). Sets *out and *out_len to a buffer
       allocated for `free_buffer`: the new document (SIEVE_KEEP), a drop reason (SIEVE_DROP) or an error
       message (SIEVE_ERROR). Called from several threads at once with the same state. */
    int32_t (*apply)(void *state, const char *document_json, size_t document_len, char **out, size_t *out_len);
    /* Frees a buffer handed out by `create` or `apply`. */
    void (*free_buffer)(char *buffer);
    /* Frees the state at the end of the run. */
    void (*destroy)(void *state);
} sieve_stage_api_v1;

/* The entry point Sieve looks up with dlsym. */
const sieve_stage_api_v1 *sieve_stage_v1(void);

#endif
