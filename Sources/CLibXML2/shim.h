#ifndef SIEVE_CLIBXML2_SHIM_H
#define SIEVE_CLIBXML2_SHIM_H
// Debian's libxml2 headers pull in ICU headers that clash with Foundation's copy; Sieve never uses
// libxml2's ICU support, so it is switched off before the other headers are read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/parser.h>
#include <libxml/uri.h>

/// `xmlFree` is a global function pointer; Swift 6 rejects touching it directly.
static inline void sieve_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
