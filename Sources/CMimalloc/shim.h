#ifndef SIEVE_CMIMALLOC_SHIM_H
#define SIEVE_CMIMALLOC_SHIM_H
// Microsoft's mimalloc (Debian libmimalloc-dev). Linked into the `sieve` executable it replaces malloc and
// free for the whole process, libxml2's trees included; nothing calls it by name.
#include <mimalloc.h>
#endif
