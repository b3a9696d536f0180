/* fuzz-xlsx.c: the reader of Excel workbooks on arbitrary sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An input that starts as a zip archive does ("PK") is read as a whole
 * workbook; any other is the XML of the sheet of a workbook made around
 * it, so that the fuzzer works on the XML rather than on deflated bytes.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "mc-test-workbook.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) book = NULL;
  gsize length;
  const char *bytes;

  fuzz_init ();
  if (size >= 2 && memcmp (data, "PK", 2) == 0)
    {
      fuzz_load ((const char *) data, size, "fuzz.xlsx", "xlsx");
      return 0;
    }
  if (size == 0)
    return 0;
  book = mc_test_xlsx_new ((const char *) data, size);
  bytes = g_bytes_get_data (book, &length);
  fuzz_load (bytes, length, "fuzz.xlsx", "xlsx");
  return 0;
}
