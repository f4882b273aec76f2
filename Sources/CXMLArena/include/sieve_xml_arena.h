#ifndef SIEVE_XML_ARENA_H
#define SIEVE_XML_ARENA_H
// A bump allocator for libxml2 trees: a page's tree is tens of thousands of small blocks made and freed
// together, so they are carved from one arena and dropped with it, instead of one malloc and one free each
// (and xmlFreeDoc's walk of the tree).
//
// libxml2's memory functions (xmlMemSetup: process-wide) are pointed at sieve_xml_malloc & co. They take
// from the arena made current on the calling thread (sieve_xml_arena_enter), else from malloc. Arenas live
// in one range of address space reserved up front, so any pointer can be told apart by its address alone:
// free() of an arena block is a no-op, at any time on any thread (even after the arena is gone), and any
// other block goes to free(). Blocks are 16-byte aligned and carry their size (for realloc).
//
// An arena is a fixed slot of the range, committed as it fills. A parse that outgrows its slot goes on in
// malloc and marks the arena overflowed: its owner must then free the tree (xmlFreeDoc, which skips the
// arena's blocks) before closing the arena.

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sieve_xml_arena sieve_xml_arena;

/// Reserves the address range, once; 1 when arenas are available (0 when the reservation failed, e.g.
/// under a low RLIMIT_AS: every call then uses malloc). Thread-safe.
int sieve_xml_arena_reserve(void);

/// An empty arena, or NULL when there is no reservation or every slot is taken (the caller then parses
/// with malloc). Thread-safe.
sieve_xml_arena *sieve_xml_arena_open(void);

/// Drops every block of the arena at once and gives its slot back. Nothing may read its blocks after this
/// (freeing them stays harmless). Thread-safe, from any thread, but not while the arena is current anywhere.
void sieve_xml_arena_close(sieve_xml_arena *arena);

/// Makes `arena` (or NULL: none) the calling thread's current arena; returns the previous one, for
/// sieve_xml_arena_leave.
sieve_xml_arena *sieve_xml_arena_enter(sieve_xml_arena *arena);
void sieve_xml_arena_leave(sieve_xml_arena *previous);

/// Whether an allocation did not fit the arena's slot and went to malloc.
int sieve_xml_arena_overflowed(const sieve_xml_arena *arena);

/// Whether `pointer` lies in an arena slot (any arena, open or closed).
int sieve_xml_arena_owns(const void *pointer);

/// libxml2's memory functions (for xmlMemSetup).
void *sieve_xml_malloc(size_t size);
void *sieve_xml_realloc(void *pointer, size_t size);
void sieve_xml_free(void *pointer);
char *sieve_xml_strdup(const char *string);

#ifdef __cplusplus
}
#endif

#endif
