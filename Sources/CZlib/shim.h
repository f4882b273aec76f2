#ifndef SIEVE_CZLIB_SHIM_H
#define SIEVE_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro; Swift cannot call it, so it is wrapped here.
static inline int sieve_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
