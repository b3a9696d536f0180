/* fuzz-xlsx.c: the reader of Excel workbooks on arbitrary sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An input that starts as a zip archive does is read as a whole
 * workbook; any other is the XML of the sheet of a workbook made around
 * it (fuzz_load_workbook()).
 */
#include "config.h"

#include "fuzz-common.h"
#include "mc-test-workbook.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_init ();
  fuzz_load_workbook (data, size, "fuzz.xlsx", "xlsx", mc_test_xlsx_new);
  return 0;
}
