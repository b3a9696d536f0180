/* mc-reader-csv.c: the reader of plain CSV and TSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CSV file with a header row, opened on its own. The reader finds the
 * cells; the table builder decides what they hold. Most large files are
 * numbers only: their rows are read without the general CSV reader
 * (mc-csv-fast.c). At anything else the general reader starts over,
 * which also reports any error where it is.
 */
#include "config.h"

#include "mc-reader.h"

#include <glib/gi18n.h>

#include "mc-csv-fast.h"
#include "mc-csv-rows.h"
#include "mc-loader-error.h"
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

/* The general reader, from the first row after the header. */
static gboolean
infer_types_and_values (McCsvRows       *rows,
                        McTableBuilder  *builder,
                        GError         **error)
{
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

/* Whether a column takes its cells in a second pass. */
static gboolean
needs_second_pass (McTableBuilder *builder)
{
  for (guint i = 0; i < mc_table_builder_get_n_columns (builder); i++)
    if (mc_table_builder_needs_cells (builder, i))
      return TRUE;
  return FALSE;
}

/* The rows after the header: the fast way first when @fast, then the
 * general reader, unless @fast_only. */
static gboolean
read_rows (McCsvRows           *rows,
           McTableBuilder      *builder,
           const McReaderInput *input,
           GInputStream        *stream,
           gboolean             fast,
           gboolean             fast_only,
           gboolean            *gave_up,
           GError             **error)
{
  gsize offset = mc_csv_reader_get_offset (rows->reader);
  McLineBlocksSource source = { input->data + offset, input->length - offset, stream,
                                MC_LOADER_MAX_CSV_SIZE - MIN (offset, MC_LOADER_MAX_CSV_SIZE),
                                input->name, input->progress, input->cancellable,
                                input->mapped };
  guint n_rows;

  /* A stream must go on after a whole header line. */
  if (stream != NULL && offset == input->length)
    fast = FALSE;
  switch (fast ? mc_csv_fast_read (rows, builder, &source, &n_rows, error) : MC_CSV_FAST_GAVE_UP)
    {
    case MC_CSV_FAST_DONE:
      rows->n_rows = n_rows;
      return TRUE;
    case MC_CSV_FAST_FAILED:
      return FALSE;
    case MC_CSV_FAST_GAVE_UP:
    default:
      break;
    }
  *gave_up = fast_only;
  return !fast_only && infer_types_and_values (rows, builder, error);
}

/* Loads the table of @input->data (UTF-8), which @stream goes on with
 * when not NULL. The fast path takes the rows first when @fast; with
 * @fast_only (a text that is only known to be UTF-8 in its first bytes,
 * or a stream: the general reader would need it whole), the load stops
 * where the fast path gives up, and says so in @gave_up. */
static McDataset *
load_table (const McReaderInput  *input,
            GInputStream         *stream,
            gboolean              fast,
            gboolean              fast_only,
            gboolean             *gave_up,
            GError              **error)
{
  g_autoptr(McTableBuilder) builder = mc_table_builder_new (input->name);
  char separator = input->options->delimiter
                   ? input->options->delimiter
                   : mc_csv_detect_separator (input->data, input->length);
  McDataset *dataset = NULL;
  McCsvRows rows;

  *gave_up = FALSE;
  mc_table_builder_prefer_decimal_comma (builder, separator == ';');
  mc_csv_rows_init (&rows, input->name, input->data, input->length, separator,
                    input->cancellable);
  rows.progress = input->progress;
  /* Only the head was checked for UTF-8: a header longer than it (or
   * wrong otherwise) is for the reading of the whole text, which
   * converts it or says what is wrong. */
  if (!read_header (&rows, builder, fast_only ? NULL : error))
    *gave_up = fast_only;
  else if (read_rows (&rows, builder, input, stream, fast, fast_only, gave_up, error)
           && check_has_rows (&rows, error))
    {
      mc_table_builder_decide (builder);
      /* The second pass needs the whole text, read (a mapped file's
       * blocks alone are safe from its being cut short). */
      if ((stream != NULL || input->mapped != NULL) && needs_second_pass (builder))
        *gave_up = TRUE;
      else if (read_values (&rows, builder, error))
        {
          mc_table_builder_finish (builder);
          dataset = g_object_ref (mc_table_builder_get_dataset (builder));
        }
    }
  mc_csv_rows_clear (&rows);
  return dataset;
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

/* The first bytes a text is checked for being UTF-8 in, for the fast
 * path: it reads only ASCII, so a text whose start is UTF-8 (its header)
 * and whose rows the fast path reads is UTF-8 whole. */
#define HEAD_CHECK_LENGTH (64 * 1024)

static gboolean
head_is_utf8 (const char *text,
              gsize       length)
{
  gsize n = MIN (length, HEAD_CHECK_LENGTH);
  const char *valid_end;

  if (mc_text_encoding_detect (text, MIN (n, 256)) != MC_TEXT_UTF8)
    return FALSE;
  /* A character may be cut by the end of the head. */
  return g_utf8_validate_len (text, n, &valid_end)
         || (n < length && (gsize) (valid_end - text) + 4 > n);
}

/* Loads a CSV file with a header row as a dataset of its own: the builder
 * infers the column types and chooses a default chart. The text is made
 * UTF-8 first; the separator is the user's or the one the first lines
 * use, and a file separated by semicolons is from where commas mark
 * decimals. A file of numbers and dates is read the fast way, without
 * checking the whole text for UTF-8 or converting it. */
static McDataset *
load (const McReaderInput  *input,
      GError              **error)
{
  g_autoptr(GBytes) converted = NULL;
  McReaderInput utf8 = *input;
  McTextEncoding encoding;
  McDataset *dataset;
  gboolean tried_fast = head_is_utf8 (input->data, input->length);
  gboolean gave_up = TRUE;

  if (tried_fast)
    {
      dataset = load_table (input, NULL, TRUE, TRUE, &gave_up, error);
      if (!gave_up)
        return dataset;
    }

  if (!mc_text_encoding_to_utf8 (input->name, input->data, input->length, &converted,
                                 &encoding, error))
    return NULL;
  if (converted != NULL)
    utf8.data = g_bytes_get_data (converted, &utf8.length);
  dataset = load_table (&utf8, NULL, !tried_fast || converted != NULL, FALSE, &gave_up, error);
  if (dataset != NULL)
    warn_converted (dataset, input->name, encoding);
  return dataset;
}

/* A large file of numbers and dates, read while it arrives, never whole
 * in memory: @input->data holds its first bytes, @stream the rest. */
static McDataset *
load_stream (const McReaderInput  *input,
             GInputStream         *stream,
             gboolean             *gave_up,
             GError              **error)
{
  *gave_up = TRUE;
  if (!head_is_utf8 (input->data, input->length))
    return NULL;
  return load_table (input, stream, TRUE, TRUE, gave_up, error);
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
  .load_stream = load_stream,
};
