/* fuzz-records.c: the readers of JSON records and JSON Lines on
 * arbitrary text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is read as JSON records (an array of records, an object of
 * column arrays, records under a key) and as JSON Lines, each with its
 * reader named, whatever the text looks like.
 */
#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_init ();
  fuzz_load ((const char *) data, size, "fuzz.json", "records");
  fuzz_load ((const char *) data, size, "fuzz.jsonl", "json-lines");
  return 0;
}
