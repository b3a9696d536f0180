/* fuzz-html.c: the reader of web page tables on arbitrary text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is read as a web page (its largest table, with spans and
 * header rows), as a paste of the clipboard's HTML is.
 */
#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_init ();
  fuzz_load ((const char *) data, size, "fuzz.html", "html");
  return 0;
}
