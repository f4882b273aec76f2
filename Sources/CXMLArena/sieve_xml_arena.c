// See include/sieve_xml_arena.h for what this is and its rules.
#define _GNU_SOURCE
#include "sieve_xml_arena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

// 64 slots of 16 MiB: 1 GiB of address space, reserved without memory (PROT_NONE) and committed as the
// arenas fill. A page's tree takes a few MB; a larger one than a slot goes on in malloc (overflow). The
// reservation is kept small because some cluster managers limit virtual memory (YARN's vmem check allows
// 2.1 times a container's memory by default), and it counts in every worker process.
enum { SLOT_SHIFT = 24, SLOT_COUNT = 64 };
#define SLOT_SIZE ((size_t)1 << SLOT_SHIFT)
// Committed in steps of 1 MiB; a closed arena keeps its first 8 MiB committed (and in memory) for the next
// page when it is one of the first 4 slots (the ones reused: an open takes the lowest free slot), and
// gives everything else back to the system.
#define COMMIT_STEP ((size_t)1 << 20)
#define KEEP_BYTES ((size_t)8 << 20)
enum { KEEPING_SLOTS = 4 };
// Each block is preceded by its size (8 bytes); the block itself starts 16-byte aligned.
#define HEADER 8

struct sieve_xml_arena {
    char *top;         // where the next block's header goes (8 past a multiple of 16)
    char *committed;   // end of the read-write part of the slot
    char *start, *end; // the slot
    int overflowed;
    int index;
};

static char *range_base;
static size_t range_size; // 0 without a reservation: no pointer is an arena's
static sieve_xml_arena arenas[SLOT_COUNT];
static uint64_t free_slots[SLOT_COUNT / 64]; // a bit per slot, set when free
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t reserve_once = PTHREAD_ONCE_INIT;
// initial-exec: a plain load, no call (the code is linked into the executable, never dlopen'ed).
static _Thread_local sieve_xml_arena *current __attribute__((tls_model("initial-exec")));

// Under AddressSanitizer (scripts/fuzz --asan) there are no arenas: it sees libxml2's blocks one by one, so
// a read of a freed tree is caught.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SIEVE_XML_ARENA_OFF 1
#endif
#endif

static void reserve(void) {
#ifdef SIEVE_XML_ARENA_OFF
    return;
#endif
    size_t size = (size_t)SLOT_COUNT << SLOT_SHIFT;
    void *base = mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) return;
    range_base = base;
    for (int index = 0; index < SLOT_COUNT; index++) {
        sieve_xml_arena *arena = &arenas[index];
        arena->start = range_base + ((size_t)index << SLOT_SHIFT);
        arena->end = arena->start + SLOT_SIZE;
        arena->committed = arena->start;
        arena->index = index;
    }
    memset(free_slots, 0xff, sizeof free_slots);
    range_size = size;
}

int sieve_xml_arena_reserve(void) {
    pthread_once(&reserve_once, reserve);
    return range_size != 0;
}

int sieve_xml_arena_owns(const void *pointer) {
    return (uintptr_t)pointer - (uintptr_t)range_base < range_size;
}

sieve_xml_arena *sieve_xml_arena_open(void) {
    if (range_size == 0) return NULL;
    int index = -1;
    pthread_mutex_lock(&slots_lock);
    for (int word = 0; word < SLOT_COUNT / 64; word++) {
        if (free_slots[word] != 0) {
            int bit = __builtin_ctzll(free_slots[word]);
            free_slots[word] &= ~((uint64_t)1 << bit);
            index = word * 64 + bit;
            break;
        }
    }
    pthread_mutex_unlock(&slots_lock);
    if (index < 0) return NULL;
    sieve_xml_arena *arena = &arenas[index];
    arena->top = arena->start + HEADER;
    arena->overflowed = 0;
    return arena;
}

void sieve_xml_arena_close(sieve_xml_arena *arena) {
    if (arena == NULL) return;
    char *keep = arena->start + (arena->index < KEEPING_SLOTS ? KEEP_BYTES : 0);
    if (arena->committed > keep) {
        // A fresh mapping over the part past `keep`: its memory goes back to the system, unreserved again.
        void *released = mmap(keep, (size_t)(arena->committed - keep), PROT_NONE,
                              MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
        if (released != MAP_FAILED) arena->committed = keep;
    }
    int index = arena->index;
    pthread_mutex_lock(&slots_lock);
    free_slots[index / 64] |= (uint64_t)1 << (index % 64);
    pthread_mutex_unlock(&slots_lock);
}

sieve_xml_arena *sieve_xml_arena_enter(sieve_xml_arena *arena) {
    sieve_xml_arena *previous = current;
    current = arena;
    return previous;
}

void sieve_xml_arena_leave(sieve_xml_arena *previous) { current = previous; }

int sieve_xml_arena_overflowed(const sieve_xml_arena *arena) { return arena->overflowed; }

/// The room a block of `size` bytes takes after its header: with the header, a multiple of 16, so that the
/// next header is 8 past a multiple of 16 again and its block aligned.
static inline size_t room_for(size_t size) { return ((size + HEADER + 15) & ~(size_t)15) - HEADER; }

/// Makes the slot read-write up to `end` (in whole steps). 0 when `end` is past the slot or the system
/// refuses.
__attribute__((noinline)) static int commit(sieve_xml_arena *arena, char *end) {
    if (end > arena->end) return 0;
    size_t length = ((size_t)(end - arena->committed) + COMMIT_STEP - 1) & ~(COMMIT_STEP - 1);
    if (length > (size_t)(arena->end - arena->committed)) length = (size_t)(arena->end - arena->committed);
    if (mprotect(arena->committed, length, PROT_READ | PROT_WRITE) != 0) return 0;
    arena->committed += length;
    return 1;
}

/// A block of `size` bytes past the committed part of `arena`'s slot: commits more, or when the slot is
/// full takes the block from malloc and marks the arena overflowed. Out of line: the allocation that
/// commits is one in tens of thousands.
__attribute__((noinline, cold)) static void *take_committing(sieve_xml_arena *arena, size_t size) {
    char *header = arena->top;
    if (size <= SLOT_SIZE) {
        char *next = header + HEADER + room_for(size);
        if (commit(arena, next)) {
            *(size_t *)header = size;
            arena->top = next;
            return header + HEADER;
        }
    }
    arena->overflowed = 1;
    return malloc(size);
}

void *sieve_xml_malloc(size_t size) {
    sieve_xml_arena *arena = current;
    if (arena == NULL) return malloc(size);
    char *header = arena->top;
    // In integers: for a huge size the sum may wrap, which the first test catches.
    uintptr_t next = (uintptr_t)header + HEADER + room_for(size);
    if (size <= SLOT_SIZE && next <= (uintptr_t)arena->committed) {
        *(size_t *)header = size;
        arena->top = (char *)next;
        return header + HEADER;
    }
    return take_committing(arena, size);
}

void sieve_xml_free(void *pointer) {
    if (!sieve_xml_arena_owns(pointer)) free(pointer);
}

void *sieve_xml_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return sieve_xml_malloc(size);
    // A malloc block stays in malloc.
    if (!sieve_xml_arena_owns(pointer)) return realloc(pointer, size);
    size_t *header = (size_t *)pointer - 1;
    size_t old = *header;
    if (size <= room_for(old)) {
        *header = size;
        return pointer;
    }
    sieve_xml_arena *arena = current;
    // The last block of the current arena grows where it is.
    if (arena != NULL && (char *)pointer + room_for(old) == arena->top && size <= SLOT_SIZE) {
        char *next = (char *)pointer + room_for(size);
        if (next <= arena->committed || commit(arena, next)) {
            *header = size;
            arena->top = next;
            return pointer;
        }
    }
    void *moved = sieve_xml_malloc(size);
    if (moved != NULL) memcpy(moved, pointer, old);
    return moved;
}

char *sieve_xml_strdup(const char *string) {
    if (string == NULL) return NULL;
    size_t size = strlen(string) + 1;
    char *copy = sieve_xml_malloc(size);
    if (copy != NULL) memcpy(copy, string, size);
    return copy;
}
