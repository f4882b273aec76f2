#ifndef SIEVE_CSQLITE_SHIM_H
#define SIEVE_CSQLITE_SHIM_H
#include <sqlite3.h>

/// `SQLITE_TRANSIENT` is a macro casting -1 to a function pointer, which Swift cannot import: SQLite copies
/// a value bound with it before the call returns.
static inline sqlite3_destructor_type sieve_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}
#endif
