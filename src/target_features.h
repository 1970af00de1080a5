/*
 * target_features.h: target features as the "target-features" attribute spells
 * them ("+sse2,-avx"), which features a target CPU implies, and which
 * features imply others.  Pure functions, no LLVM contact.
 *
 * The tables cover x86-64 and AArch64; they come from LLVM's own
 * definitions (llvm/lib/Target/X86/X86.td, ProcessorFeatures; and
 * llvm/lib/Target/AArch64/AArch64Features.td and AArch64Processors.td,
 * LLVM 22), which follow the x86-64 psABI's micro-architecture levels.
 */
#ifndef TARGET_FEATURES_H
#define TARGET_FEATURES_H

#include "buf.h"

/*
 * Whether a helper with helper_cpu and helper_features may be inlined into
 * a caller with caller_cpu and caller_features.  Returns 1 when it may:
 * every feature the helper enables (none: always), the caller has,
 * explicitly, through a feature that implies it, or through its CPU.  Returns 0 and lists the
 * features the caller lacks in missing ("+sse4.2,+popcnt") when it may
 * not.  Returns -1 when it cannot tell: an architecture without tables.
 */
int features_compatible(const char *triple, const char *caller_cpu,
                        const char *caller_features, const char *helper_cpu,
                        const char *helper_features, struct buf *missing);

/* The features a CPU implies on triple's architecture, as "+a,+b", into
 * out; -1 when helperlink has no table for it. */
int features_of_cpu(const char *triple, const char *cpu, struct buf *out);

/*
 * The features code that calls the LLVM intrinsic name needs, on triple's
 * architecture, as "a,b" without signs: "" for a target-independent
 * intrinsic or one that needs none, NULL for a target intrinsic
 * helperlink has no table for.
 */
const char *features_of_intrinsic(const char *triple, const char *name);

#endif
