/* xxHash, as a library: the implementation in the installed xxhash.h
 * (libxxhash-dev), compiled into this crate's static library. */
#define XXH_STATIC_LINKING_ONLY
#define XXH_IMPLEMENTATION
#include <xxhash.h>
