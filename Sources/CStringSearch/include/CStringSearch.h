// Byte-string helpers: glibc's memmem, which Swift's Glibc module leaves out (it is declared only under
// _GNU_SOURCE), and a UTF-8 validator that passes over ASCII sixteen bytes at a time.
#ifndef CSTRINGSEARCH_H
#define CSTRINGSEARCH_H
#include <stddef.h>

/// The first occurrence of `needle` in `haystack`, or NULL.
const void *cs_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// 1 when the `n` bytes at `s` are well-formed UTF-8 (no overlong forms, surrogates or code points
/// above U+10FFFF, no sequence cut off at the end), else 0.
int cs_utf8_valid(const unsigned char *s, size_t n);

#endif
