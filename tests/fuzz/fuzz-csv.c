/* fuzz-csv.c: the CSV reader and CSV loading on arbitrary text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is read three ways: field by field with the reader (twice,
 * to check that rewinding reads the same rows), as a plain CSV file
 * opened on its own, and as the CSV data of a JSON dataset that declares
 * one column of each type.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fuzz-common.h"
#include "mc-cell.h"
#include "mc-csv-data.h"
#include "mc-csv.h"
#include "mc-date-text.h"
#include "mc-loader.h"

static void
check_field (McCsvReader *reader,
             guint        index,
             guint        row_line)
{
  g_autofree char *copy = NULL;
  const char *text;
  gsize length;
  guint line, column;
  McDatePrecision precision;
  double value;
  gboolean flag;

  text = mc_csv_reader_get_field (reader, index, &length);
  g_assert_nonnull (text);
  g_assert_cmpuint (length, <=, MC_CSV_MAX_FIELD_LENGTH);
  g_assert_true (g_utf8_validate_len (text, length, NULL));

  copy = mc_csv_reader_dup_field (reader, index);
  g_assert_cmpuint (strlen (copy), ==, length);
  g_assert_true (memcmp (copy, text, length) == 0);

  mc_csv_reader_get_field_position (reader, index, &line, &column);
  g_assert_cmpuint (line, >=, row_line);
  g_assert_cmpuint (column, >=, 1);

  if (mc_csv_parse_number (text, length, &value) == MC_CSV_NUMBER_OK)
    g_assert_true (isfinite (value));
  if (mc_date_text_parse (text, length, &value, &precision))
    g_assert_true (isfinite (value) && precision <= MC_DATE_DAY);
  mc_cell_parse_boolean (text, length, &flag);
}

/* Reads every row; returns the number of rows and whether it ended on an
 * error. */
static guint
read_rows (McCsvReader *reader,
           gboolean    *failed)
{
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;
  guint last_line = 0;

  while (mc_csv_reader_next_row (reader, &error))
    {
      guint n_fields = mc_csv_reader_get_n_fields (reader);
      guint line = mc_csv_reader_get_line (reader);
      guint end_line, end_column;

      g_assert_cmpuint (n_fields, >=, 1);
      g_assert_cmpuint (n_fields, <=, MC_CSV_MAX_FIELDS);
      g_assert_cmpuint (line, >, last_line);
      last_line = line;
      for (guint i = 0; i < n_fields; i++)
        check_field (reader, i, line);
      mc_csv_reader_get_end_position (reader, &end_line, &end_column);
      g_assert_cmpuint (end_line, >=, line);
      n_rows++;
    }
  *failed = error != NULL;
  if (error != NULL)
    fuzz_check_error (error, MC_CSV_ERROR, NULL);
  return n_rows;
}

static void
fuzz_reader (const char *text,
             gsize       length,
             char        separator)
{
  g_autoptr(McCsvReader) reader = mc_csv_reader_new (text, length, separator);
  gboolean failed, failed_again;
  guint n_rows;

  n_rows = read_rows (reader, &failed);
  mc_csv_reader_rewind (reader);
  g_assert_cmpuint (read_rows (reader, &failed_again), ==, n_rows);
  g_assert_true (failed == failed_again);
}

static void
fuzz_plain_csv (const char *text,
                gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = NULL;

  dataset = mc_loader_load_data (text, length, "fuzz.csv", NULL, &error);
  if (dataset == NULL)
    fuzz_check_error (error, MC_LOADER_ERROR, "fuzz.csv");
  else
    fuzz_check_dataset (dataset);
}

static McDataset *
declared_dataset (void)
{
  McDataset *dataset = mc_dataset_new ("fuzz");
  McColumn *share = mc_column_new ("share", "Share", MC_COLUMN_NUMBER);

  mc_column_set_unit (share, "percent");
  mc_dataset_add_column (dataset, mc_column_new ("date", "Date", MC_COLUMN_DATE));
  mc_dataset_add_column (dataset, mc_column_new ("symbol", "Symbol", MC_COLUMN_STRING));
  mc_dataset_add_column (dataset, mc_column_new ("close", "Close", MC_COLUMN_NUMBER));
  mc_dataset_add_column (dataset, share);
  mc_dataset_add_column (dataset, mc_column_new ("halted", "Halted", MC_COLUMN_BOOLEAN));
  return dataset;
}

static void
fuzz_csv_data (const char *text,
               gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = declared_dataset ();

  if (mc_csv_data_read (dataset, "fuzz.csv", "fuzz.json", text, length, NULL, &error))
    {
      g_assert_no_error (error);
      fuzz_check_dataset (dataset);
    }
  else
    fuzz_check_error (error, MC_LOADER_ERROR, "fuzz.csv");
}

/* The separator the reader would not choose itself, to read the input
 * once more with other field boundaries. */
static char
other_separator (const char *text,
                 gsize       length)
{
  g_autoptr(McCsvReader) reader = mc_csv_reader_new (text, length, MC_CSV_SEPARATOR_AUTO);

  return mc_csv_reader_get_separator (reader) == ',' ? ';' : ',';
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;

  fuzz_init ();
  fuzz_reader (text, size, MC_CSV_SEPARATOR_AUTO);
  fuzz_reader (text, size, other_separator (text, size));
  fuzz_plain_csv (text, size);
  fuzz_csv_data (text, size);
  return 0;
}
