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

#include "mc-cell.h"
#include "mc-csv-rows.h"
#include "mc-date-text.h"
#include "mc-line-blocks.h"
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

/* Files of numbers and dates: the fast path */

typedef enum
{
  FAST_DONE,
  FAST_FAILED,      /* cancelled, or the file could not be read */
  FAST_GIVE_UP,     /* something else than numbers: the general reader */
} FastResult;

/* The rows of a file of numbers and dates, read in blocks by several
 * threads: each block fills columns of its own, which the builder then
 * takes in, block after block. */
typedef struct
{
  McTableBuilder  *builder;
  char             separator;
  guint            n_columns;
  gboolean        *dates;          /* the columns of dates */
  guint8           number_bytes[256];
  guint8           date_bytes[256];
  guint            n_rows;
  McLoadProgress  *progress;
} FastTable;

typedef struct
{
  McTableColumn   *columns;
  guint            n_rows;
} FastBlock;

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

/* Bytes that may be in a field of dates written otherwise than the
 * usual ISO forms: printable ASCII but for quotes (and the separator). */
static void
init_date_bytes (guint8 *date_bytes,
                 char    separator)
{
  for (guint c = 0; c < 256; c++)
    date_bytes[c] = c >= ' ' && c < 0x7f && c != '"';
  if (separator != '\t')
    date_bytes['\t'] = 1;
  date_bytes[(guchar) separator] = 0;
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

/* A cell without the spaces around it, as the general reader finds it. */
static void
trim_cell (const char **text,
           gsize       *length,
           char         separator)
{
  while (*length > 0 && (**text == ' ' || (**text == '\t' && separator != '\t')))
    (*text)++, (*length)--;
  while (*length > 0 && ((*text)[*length - 1] == ' '
                         || ((*text)[*length - 1] == '\t' && separator != '\t')))
    (*length)--;
}

/* A cell of number bytes. */
static gboolean
take_number_cell (McTableColumn *column,
                  const char    *text,
                  gsize          length,
                  char           separator)
{
  /* Most cells start and end with a digit: no spaces to trim. */
  if (!(length > 0 && (guint) (*text - '0') < 10 && (guint) (text[length - 1] - '0') < 10))
    trim_cell (&text, &length, separator);
  return length <= MC_CSV_MAX_FIELD_LENGTH
         && mc_table_column_take_number_text (column, text, length);
}

/* A cell of a date column that is not in a usual form: missing, or a
 * date mc_date_text_parse() reads. */
static gboolean
take_date_cell (McTableColumn *column,
                const char    *text,
                gsize          length,
                char           separator)
{
  McDatePrecision precision;
  double days;

  trim_cell (&text, &length, separator);
  if (length == 0 || mc_cell_is_missing (text, length))
    {
      mc_table_column_keep (column, NAN, MC_DECIMALS_UNKNOWN);
      return TRUE;
    }
  if (length > MC_CSV_MAX_FIELD_LENGTH || !mc_date_text_parse (text, length, &days, &precision))
    return FALSE;
  column->kept_finest = MAX (column->kept_finest, precision);
  mc_table_column_take_date (column, days);
  return TRUE;
}

static inline gboolean
ends_cell (const char *p,
           const char *end,
           char        separator)
{
  return p == end || *p == separator || *p == '\n' || *p == '\r';
}

/* The usual cell: a short number, or a date in a usual form, and nothing
 * else. Returns its length, 0 when it is not one. */
static inline gsize
take_usual_cell (const FastTable *table,
                 McTableColumn   *column,
                 gboolean         date,
                 McDateScan      *scan,
                 const char      *p,
                 const char      *end)
{
  double value;
  int decimals;
  gsize n;

  if (date)
    {
      n = mc_date_text_scan (scan, p, end, &value);
      if (n == 0 || !ends_cell (p + n, end, table->separator))
        return 0;
      mc_table_column_take_date (column, value);
      return n;
    }
  n = mc_table_scan_number (p, end, &value, &decimals);
  if (n == 0 || !ends_cell (p + n, end, table->separator)
      || !mc_table_column_take_number (column, p, n, value, decimals))
    return 0;
  return n;
}

/* The rows of a block of numbers, dates and empty cells, read without
 * the general reader: the same cells for the builder, at a fraction of
 * the cost. At anything else (quotes, text, markers other than "-",
 * percentages, codes with leading zeros, a row of the wrong length,
 * bytes beyond ASCII) it gives up. One loop, in a function of its own:
 * so compiled, it takes as few instructions per number as the scanners
 * allow. */
static G_GNUC_NO_INLINE gboolean
read_block_fast (const FastTable *table,
                 FastBlock       *block,
                 const char      *p,
                 const char      *end)
{
  char separator = table->separator;
  McTableColumn *columns = block->columns;
  guint n_columns = table->n_columns;
  McDateScan scan = { { 0, }, 0 };

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

      block->n_rows++;
      for (guint i = 0; i < n_columns; i++)
        {
          gboolean date = table->dates[i];
          const guint8 *bytes = date ? table->date_bytes : table->number_bytes;
          const char *start = p;
          gsize n = take_usual_cell (table, &columns[i], date, &scan, p, end);

          if (n == 0)
            {
              while (p < end && bytes[(guchar) *p])
                p++;
              if (!ends_cell (p, end, separator)
                  || !(date ? take_date_cell (&columns[i], start, p - start, separator)
                            : take_number_cell (&columns[i], start, p - start, separator)))
                return FALSE;
            }
          else
            p += n;
          if (i + 1 < n_columns ? (p == end || *p != separator)
                                : (p < end && *p == separator))
            return FALSE;
          if (i + 1 < n_columns)
            p++;
        }
      p = skip_line_break (p, end);
    }
  return TRUE;
}

static void
fast_block_free (gpointer data)
{
  FastBlock *block = data;

  for (guint i = 0; block->columns != NULL && block->columns[i].kept != NULL; i++)
    mc_table_column_clear (&block->columns[i]);
  g_free (block->columns);
  g_free (block);
}

/* Works on one block in any thread: its columns start as the table's. */
static gpointer
fast_block_work (const char *text,
                 gsize       length,
                 gpointer    user_data)
{
  const FastTable *table = user_data;
  FastBlock *block = g_new0 (FastBlock, 1);

  /* One more column, zeroed, ends the list for fast_block_free(). */
  block->columns = g_new0 (McTableColumn, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    {
      mc_table_column_start (&block->columns[i]);
      if (table->dates[i])
        mc_table_column_expect_dates (&block->columns[i]);
    }
  if (!read_block_fast (table, block, text, text + length))
    {
      fast_block_free (block);
      return NULL;
    }
  return block;
}

/* The builder takes in a block's columns, in the order of the blocks. */
static gboolean
fast_block_merge (gpointer result,
                  gpointer user_data)
{
  FastTable *table = user_data;
  FastBlock *block = result;

  table->n_rows += block->n_rows;
  if (table->n_rows > MC_LOADER_MAX_ROWS)
    return FALSE;
  mc_table_builder_merge (table->builder, block->columns);
  mc_load_progress_add_rows (table->progress, block->n_rows);
  return TRUE;
}

static const McLineBlocksFuncs fast_funcs = {
  fast_block_work,
  fast_block_merge,
  fast_block_free,
};

/* The columns whose first cell is a date in a usual form are dates; the
 * others numbers. */
static void
find_date_columns (FastTable  *table,
                   const char *p,
                   const char *end)
{
  McDateScan scan = { { 0, }, 0 };

  while (p < end && (*p == '\n' || *p == '\r' || *p == ' '))
    p++;
  for (guint i = 0; i < table->n_columns && p < end; i++)
    {
      double days;
      gsize n = mc_date_text_scan (&scan, p, end, &days);

      table->dates[i] = n > 0 && ends_cell (p + n, end, table->separator);
      while (p < end && !ends_cell (p, end, table->separator))
        p++;
      if (p == end || *p != table->separator)
        break;
      p++;
    }
  for (guint i = 0; i < table->n_columns; i++)
    if (table->dates[i])
      mc_table_column_expect_dates (&mc_table_builder_get_columns (table->builder)[i]);
}

/* Reads the rows of @source, which starts after the header, the fast way
 * if they allow: numbers and dates, in blocks, in several threads. */
static FastResult
read_fast (McCsvRows                *rows,
           McTableBuilder           *builder,
           const McLineBlocksSource *source,
           GError                  **error)
{
  FastTable table = { builder, mc_csv_reader_get_separator (rows->reader),
                      mc_table_builder_get_n_columns (builder) };
  g_autofree gboolean *dates = g_new0 (gboolean, table.n_columns);

  table.dates = dates;
  table.progress = source->progress;
  init_number_bytes (table.number_bytes, table.separator);
  init_date_bytes (table.date_bytes, table.separator);
  find_date_columns (&table, source->head, source->head + source->head_length);
  switch (mc_line_blocks_run (source, &fast_funcs, &table, error))
    {
    case MC_LINE_BLOCKS_DONE:
      rows->n_rows = table.n_rows;
      return FAST_DONE;
    case MC_LINE_BLOCKS_FAILED:
      return FAST_FAILED;
    case MC_LINE_BLOCKS_GAVE_UP:
    default:
      mc_table_builder_restart (builder);
      return FAST_GIVE_UP;
    }
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
                                input->name, input->progress, input->cancellable };

  /* A stream must go on after a whole header line. */
  if (stream != NULL && offset == input->length)
    fast = FALSE;
  switch (fast ? read_fast (rows, builder, &source, error) : FAST_GIVE_UP)
    {
    case FAST_DONE:
      return TRUE;
    case FAST_FAILED:
      return FALSE;
    case FAST_GIVE_UP:
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
  if (read_header (&rows, builder, error)
      && read_rows (&rows, builder, input, stream, fast, fast_only, gave_up, error)
      && check_has_rows (&rows, error))
    {
      mc_table_builder_decide (builder);
      /* The second pass needs the whole text. */
      if (stream != NULL && needs_second_pass (builder))
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
