#ifndef SIEVE_CUCHARDET_SHIM_H
#define SIEVE_CUCHARDET_SHIM_H
// Mozilla's universal charset detector, as packaged by freedesktop.org (Debian libuchardet-dev).
#include <uchardet.h>
#endif
