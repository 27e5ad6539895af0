// The declaration in include/ is all this target provides; libFuzzer itself is linked by -sanitize=fuzzer.
#include "CLibFuzzer.h"
