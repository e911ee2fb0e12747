#include "CMemory.h"

// Any C library header defines __GLIBC__ under glibc (musl, Darwin and Windows do not).
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>

int kestractl_set_mmap_threshold(int bytes) { return mallopt(M_MMAP_THRESHOLD, bytes); }

int kestractl_set_trim_threshold(int bytes) { return mallopt(M_TRIM_THRESHOLD, bytes); }
#else
int kestractl_set_mmap_threshold(int bytes) {
    (void)bytes;
    return 0;
}

int kestractl_set_trim_threshold(int bytes) {
    (void)bytes;
    return 0;
}
#endif
