// The C heap settings kestractl changes (Sources/Commands/Support/MemoryPolicy.swift).
#ifndef KESTRACTL_CMEMORY_H
#define KESTRACTL_CMEMORY_H

/// Sets glibc's mmap threshold to `bytes` (which also stops glibc from raising it); returns 1 on
/// success, 0 where the C library has no such setting.
int kestractl_set_mmap_threshold(int bytes);

/// Sets glibc's trim threshold (free memory kept at the top of the heap) to `bytes`; returns 1 on
/// success, 0 where the C library has no such setting.
int kestractl_set_trim_threshold(int bytes);

#endif
