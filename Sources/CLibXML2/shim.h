#include <libxml/xmlversion.h>
// libxml2's headers pull in the system ICU when it was built with ICU; Foundation carries its own
// ICU module, and the two cannot meet in one Swift module. Nothing here uses libxml2's ICU fields
// (they sit behind pointers), so the ICU part of the headers is left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
