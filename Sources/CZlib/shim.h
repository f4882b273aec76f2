#ifndef SIEVE_CZLIB_SHIM_H
#define SIEVE_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro; Swift cannot call it, so it is wrapped here.
static inline int sieve_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

/// `deflateInit2` is a macro too: level, 8 (deflate), window bits (31 for a gzip wrapper), memory level 8,
/// the default strategy.
static inline int sieve_deflateInit2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
#endif
