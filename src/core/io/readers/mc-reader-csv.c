/* mc-reader-csv.c: the reader of plain CSV and TSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CSV file with a header row, opened on its own. The reader finds the
 * cells; the table builder decides what they hold. Most large files are
 * numbers only: their rows are read without the general CSV reader, each
 * number parsed while its cell is found, and the builder takes the
 * numbers directly (its fast path). At anything else the general reader
 * starts over, which also reports any error where it is.
 */
#include "config.h"

#include "mc-reader.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-csv-rows.h"
#include "mc-loader-error.h"
#include "mc-table-builder-private.h"
#include "mc-text-encoding.h"

static gboolean
read_header (McCsvRows       *rows,
             McTableBuilder  *builder,
             GError         **error)
{
  if (!mc_csv_rows_read_header (rows, error))
    return FALSE;
  for (guint i = 0; i < rows->n_header; i++)
    {
      gsize length;
      const char *text = mc_csv_rows_get_cell (rows, i, &length);

      mc_table_builder_add_column (builder, text, length);
    }
  return TRUE;
}

/* Files of numbers: the fast path */

typedef enum
{
  FAST_DONE,
  FAST_FAILED,      /* cancelled */
  FAST_GIVE_UP,     /* something else than numbers: the general reader */
} FastResult;

/* Bytes that may be in a field of numbers: digits, signs, points,
 * exponents and the spaces around them. */
static void
init_number_bytes (guint8 *number_bytes,
                   char    separator)
{
  memset (number_bytes, 0, 256);
  for (const char *c = "0123456789.+-eE "; *c; c++)
    number_bytes[(guchar) *c] = 1;
  if (separator != '\t')
    number_bytes['\t'] = 1;
  number_bytes[(guchar) separator] = 0;
}

static const char *
skip_line_break (const char *p,
                 const char *end)
{
  if (p < end && *p == '\r')
    p++;
  if (p < end && *p == '\n')
    p++;
  return p;
}

/* A cell of number bytes, as the general reader would find it: without
 * the spaces around it. */
static gboolean
take_number_cell (McTableColumn *column,
                  const char    *text,
                  gsize          length,
                  char           separator)
{
  /* Most cells start and end with a digit: no spaces to trim. */
  if (length > 0 && (guint) (*text - '0') < 10 && (guint) (text[length - 1] - '0') < 10)
    ;
  else
    {
      while (length > 0 && (*text == ' ' || (*text == '\t' && separator != '\t')))
        text++, length--;
      while (length > 0 && (text[length - 1] == ' '
                            || (text[length - 1] == '\t' && separator != '\t')))
        length--;
    }
  return length <= MC_CSV_MAX_FIELD_LENGTH
         && mc_table_column_take_number_text (column, text, length);
}

/* The rows of a file of numbers and empty cells, read without the general
 * reader: the same cells for the builder, at a fraction of the cost. At
 * anything else (quotes, text, markers other than "-", percentages,
 * codes with leading zeros, a row of the wrong length, bytes beyond
 * ASCII) it gives up. One loop, in a function of its own: so compiled,
 * it takes as few instructions per number as the scanner allows. */
static G_GNUC_NO_INLINE FastResult
read_numbers_fast (McCsvRows       *rows,
                   McTableBuilder  *builder,
                   const char      *text,
                   gsize            length,
                   GError         **error)
{
  char separator = mc_csv_reader_get_separator (rows->reader);
  const char *p = text + mc_csv_reader_get_offset (rows->reader);
  const char *end = text + length;
  McTableColumn *columns = mc_table_builder_get_columns (builder);
  guint n_columns = mc_table_builder_get_n_columns (builder);
  guint8 number_bytes[256];

  init_number_bytes (number_bytes, separator);
  while (p < end)
    {
      const char *q = p;

      /* Lines of nothing but spaces are skipped, as the reader does. */
      while (q < end && (*q == ' ' || (*q == '\t' && separator != '\t')))
        q++;
      if (q == end)
        break;
      if (*q == '\n' || *q == '\r')
        {
          p = skip_line_break (q, end);
          continue;
        }

      if (++rows->n_rows > MC_LOADER_MAX_ROWS)
        return FAST_GIVE_UP;
      if (rows->n_rows % MC_CSV_ROWS_CANCEL_CHECK == 0 &&
          g_cancellable_set_error_if_cancelled (rows->cancellable, error))
        return FAST_FAILED;

      for (guint i = 0; i < n_columns; i++)
        {
          const char *start = p;
          double value;
          gsize n = mc_table_scan_number (p, end, &value);

          /* The usual cell: a short number and nothing else. */
          if (n > 0 && (p + n == end || p[n] == separator || p[n] == '\n' || p[n] == '\r'))
            {
              if (!mc_table_column_take_number (&columns[i], p, n, value))
                return FAST_GIVE_UP;
              p += n;
              if (i + 1 < n_columns ? (p == end || *p != separator)
                                    : (p < end && *p == separator))
                return FAST_GIVE_UP;
              if (i + 1 < n_columns)
                p++;
              continue;
            }

          while (p < end && number_bytes[(guchar) *p])
            p++;
          if (i + 1 < n_columns ? (p == end || *p != separator)
                                : (p < end && *p != '\n' && *p != '\r'))
            return FAST_GIVE_UP;
          if (!take_number_cell (&columns[i], start, p - start, separator))
            return FAST_GIVE_UP;
          if (i + 1 < n_columns)
            p++;
        }
      p = skip_line_break (p, end);
    }
  return FAST_DONE;
}

/* Infers the column types from the rows after the header, the fast way
 * if the file allows. */
static gboolean
infer_types_and_values (McCsvRows       *rows,
                        McTableBuilder  *builder,
                        const char      *text,
                        gsize            length,
                        GError         **error)
{
  switch (read_numbers_fast (rows, builder, text, length, error))
    {
    case FAST_DONE:
      return TRUE;
    case FAST_FAILED:
      return FALSE;
    case FAST_GIVE_UP:
    default:
      break;
    }

  mc_table_builder_restart (builder);
  return mc_csv_rows_rewind (rows, error) && mc_csv_rows_infer (rows, builder, error);
}

/* The file */

static gboolean
check_has_rows (McCsvRows  *rows,
                GError    **error)
{
  if (rows->n_rows > 0)
    return TRUE;
  mc_loader_set_error (error, MC_LOADER_ERROR_SHAPE, rows->name, 1, 1,
                       _("the file has a header row but no data rows"));
  return FALSE;
}

/* Columns whose values were kept while inferring are complete; the
 * others take their cells in a second pass. */
static gboolean
read_values (McCsvRows       *rows,
             McTableBuilder  *builder,
             GError         **error)
{
  guint n_columns = mc_table_builder_get_n_columns (builder);
  g_autofree int *map = g_new (int, n_columns);
  gboolean second_pass = FALSE;

  for (guint i = 0; i < n_columns; i++)
    {
      map[i] = mc_table_builder_needs_cells (builder, i) ? (int) i : -1;
      second_pass |= map[i] >= 0;
    }
  if (!second_pass)
    return TRUE;
  return mc_csv_rows_rewind (rows, error) && mc_csv_rows_fill (rows, builder, map, error);
}

static McDataset *
load_table (McCsvRows       *rows,
            McTableBuilder  *builder,
            const char      *text,
            gsize            length,
            GError         **error)
{
  if (!read_header (rows, builder, error) ||
      !infer_types_and_values (rows, builder, text, length, error) ||
      !check_has_rows (rows, error))
    return NULL;

  mc_table_builder_decide (builder);
  if (!read_values (rows, builder, error))
    return NULL;
  mc_table_builder_finish (builder);
  return g_object_ref (mc_table_builder_get_dataset (builder));
}

/* A text that was not UTF-8 says so with the dataset. */
static void
warn_converted (McDataset      *dataset,
                const char     *name,
                McTextEncoding  encoding)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;

  if (encoding == MC_TEXT_UTF8 || encoding == MC_TEXT_UTF16LE || encoding == MC_TEXT_UTF16BE)
    return;
  message = g_strdup_printf (_("the text is not UTF-8; it was read as %s"),
                             mc_text_encoding_name (encoding));
  full = mc_loader_format_message (name, 0, 0, message);
  mc_dataset_add_warning (dataset, full);
}

/* Loads a CSV file with a header row as a dataset of its own: the builder
 * infers the column types and chooses a default chart. The text is made
 * UTF-8 first; the separator is the user's or the one the first lines
 * use, and a file separated by semicolons is from where commas mark
 * decimals. */
static McDataset *
load (const McReaderInput  *input,
      GError              **error)
{
  g_autoptr(McTableBuilder) builder = mc_table_builder_new (input->name);
  g_autoptr(GBytes) converted = NULL;
  McTextEncoding encoding;
  const char *text = input->data;
  gsize length = input->length;
  McCsvRows rows;
  McDataset *dataset;
  char separator;

  if (!mc_text_encoding_to_utf8 (input->name, text, length, &converted, &encoding, error))
    return NULL;
  if (converted != NULL)
    text = g_bytes_get_data (converted, &length);
  separator = input->options->delimiter ? input->options->delimiter
                                        : mc_csv_detect_separator (text, length);
  mc_table_builder_prefer_decimal_comma (builder, separator == ';');
  mc_csv_rows_init (&rows, input->name, text, length, separator, input->cancellable);
  dataset = load_table (&rows, builder, text, length, error);
  mc_csv_rows_clear (&rows);
  if (dataset != NULL)
    warn_converted (dataset, input->name, encoding);
  return dataset;
}

static const char * const suffixes[] = { ".csv", ".tsv", ".tab", ".psv", ".txt", NULL };
static const char * const mime_types[] = {
  "text/csv", "text/tab-separated-values", "text/plain", NULL
};

const McReader mc_reader_csv = {
  .id = "csv",
  .name = N_("CSV or TSV table"),
  .suffixes = suffixes,
  .mime_types = mime_types,
  .sniff = NULL,
  .max_size = MC_LOADER_MAX_CSV_SIZE,
  .load = load,
};
