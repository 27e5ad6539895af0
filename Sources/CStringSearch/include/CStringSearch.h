// glibc's memmem, which Swift's Glibc module leaves out (it is declared only under _GNU_SOURCE).
#ifndef CSTRINGSEARCH_H
#define CSTRINGSEARCH_H
#include <stddef.h>

/// The first occurrence of `needle` in `haystack`, or NULL.
const void *cs_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
