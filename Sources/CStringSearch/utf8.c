#include <stdint.h>
#include <string.h>
#include "CStringSearch.h"

int cs_utf8_valid(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        // Plain ASCII, sixteen bytes at a time.
        while (i + 16 <= n) {
            uint64_t a, b;
            memcpy(&a, s + i, 8);
            memcpy(&b, s + i + 8, 8);
            if ((a | b) & 0x8080808080808080ULL) break;
            i += 16;
        }
        if (i >= n) break;
        unsigned char c = s[i];
        if (c < 0x80) {
            i += 1;
            continue;
        }
        if (c < 0xC2) return 0;  // a continuation byte first, or an overlong two-byte form
        if (c < 0xE0) {
            if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return 0;
            i += 2;
            continue;
        }
        if (c < 0xF0) {
            if (i + 2 >= n) return 0;
            unsigned char c1 = s[i + 1], c2 = s[i + 2];
            if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return 0;
            if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
            if (c == 0xED && c1 > 0x9F) return 0;  // a surrogate
            i += 3;
            continue;
        }
        if (c < 0xF5) {
            if (i + 3 >= n) return 0;
            unsigned char c1 = s[i + 1], c2 = s[i + 2], c3 = s[i + 3];
            if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80 || (c3 & 0xC0) != 0x80) return 0;
            if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
            if (c == 0xF4 && c1 > 0x8F) return 0;  // above U+10FFFF
            i += 4;
            continue;
        }
        return 0;
    }
    return 1;
}
