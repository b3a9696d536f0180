/* mc-readers.c: the table of readers
 *
 * A new format of dataset file is a file in this folder that defines its
 * McReader, and a line in each list below. Readers sniff in this order;
 * the one without a sniff function takes what no other claims. Of the
 * readers of one suffix (".json"), the last takes what the others do not
 * recognize.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-reader.h"

extern const McReader mc_reader_xlsx;
extern const McReader mc_reader_ods;
extern const McReader mc_reader_html;
extern const McReader mc_reader_json_lines;
extern const McReader mc_reader_records;
extern const McReader mc_reader_dataset;
extern const McReader mc_reader_csv;

static const McReader * const readers[] = {
  &mc_reader_xlsx,
  &mc_reader_ods,
  &mc_reader_html,
  &mc_reader_json_lines,
  &mc_reader_records,
  &mc_reader_dataset,
  &mc_reader_csv,
  NULL
};

const McReader * const *
mc_readers_get_all (void)
{
  return readers;
}
