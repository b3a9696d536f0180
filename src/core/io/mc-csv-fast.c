/* mc-csv-fast.c: the rows of a CSV file of numbers, dates and names,
 * read fast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most large CSV files are numbers, with perhaps a column of dates and
 * one of names (a ticker beside its prices): their rows are read without
 * the general CSV reader, in blocks of whole lines that several threads
 * read at once, each number parsed while its cell is found; the table
 * builder keeps the values (its fast path) and takes the blocks in, in
 * their order. A column is of names when its first cell makes it text
 * whatever follows (mc_table_column_decides_text()); its cells are kept
 * as they are, quoted or not. At anything else (quotes but around simple
 * names, text in a column of numbers, bytes beyond ASCII but in names,
 * text that is not UTF-8, a row of the wrong length) it gives up, and the
 * general reader starts over, which also reports any error where it is.
 * The CSV reader reads plain tables this way, and dataset files the CSV
 * files that hold their rows.
 */
#include "config.h"

#include "mc-csv-fast.h"

#include <string.h>

#include "mc-cell.h"
#include "mc-date-text.h"
#include "mc-loader-error.h"
#include "mc-table-builder-private.h"

/* What a column holds, as the first lines show */
typedef enum
{
  FAST_NUMBERS,
  FAST_DATES,
  FAST_COMMA_NUMBERS,  /* with decimal commas ("98,50"), in a table
                        * separated by semicolons */
  FAST_TEXT,           /* text, as its first cell decides ("AAPL") */
} FastKind;

/* The rows of a file of numbers and dates, read in blocks by several
 * threads: each block fills columns of its own, which the builder then
 * takes in, block after block. */
typedef struct
{
  McTableBuilder  *builder;
  char             separator;
  guint            n_columns;
  FastKind        *kinds;          /* of each column */
  McDateOrder     *orders;         /* of dates in numbers ("15/02/2024"), the
                                    * one order they are read in; else 0 */
  guint8           number_bytes[256];
  guint8           date_bytes[256];
  guint8           text_bytes[256];
  guint8           end_bytes[256];  /* the separator and line breaks */
  guint            n_rows;
  guint64          length;         /* of the text, when known; else 0 */
  McLoadProgress  *progress;
  /* Arrays of values the blocks merged kept, for the next blocks */
  GMutex           spare_lock;
  GPtrArray       *spare;
} FastTable;

typedef struct
{
  FastTable       *table;
  McTableColumn   *columns;
  guint            n_columns;
  guint            n_rows;
  gsize            length;         /* of its text */
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

/* Bytes that may be in a field of text: those of dates, and those of
 * characters beyond ASCII in UTF-8 (take_text_cell() checks them). */
static void
init_text_bytes (guint8 *text_bytes,
                 char    separator)
{
  init_date_bytes (text_bytes, separator);
  memset (text_bytes + 0x80, 1, 0x80);
}

/* Bytes that end a cell: the separator and line breaks. */
static void
init_end_bytes (guint8 *end_bytes,
                char    separator)
{
  memset (end_bytes, 0, 256);
  end_bytes[(guchar) separator] = end_bytes['\n'] = end_bytes['\r'] = 1;
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

/* A cell of a date column that is not in a usual form: missing, a date
 * in numbers read in the column's @order (when not 0), or a date
 * mc_date_text_parse() reads. No text is both of the last two. */
static gboolean
take_date_cell (McTableColumn *column,
                McDateOrder    order,
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
  if (length > MC_CSV_MAX_FIELD_LENGTH
      || !((order != 0 && mc_date_text_parse_numeric (text, length, order, &days, &precision))
           || mc_date_text_parse (text, length, &days, &precision)))
    return FALSE;
  column->kept_finest = MAX (column->kept_finest, precision);
  mc_table_column_take_date (column, days);
  return TRUE;
}

/* One lookup rather than three comparisons: the fast path asks it of
 * every cell. */
static inline gboolean
ends_cell (const FastTable *table,
           const char      *p,
           const char      *end)
{
  return p == end || table->end_bytes[(guchar) *p];
}

/* A cell of a short number and nothing else, with an exponent or
 * without (mc_csv_scan_marked_number()), and no code with leading
 * zeros. Returns its length, 0 when it is not one. */
static inline gsize
take_short_number (const FastTable *table,
                   McTableColumn   *column,
                   gboolean         exponents,
                   const char      *p,
                   const char      *end)
{
  double value;
  int decimals;
  gboolean leading_zero;
  gsize n = mc_csv_scan_marked_number (p, end, '.', exponents, &value, &decimals, &leading_zero);

  /* A code with leading zeros is for the slower path to take. */
  if (n == 0 || !ends_cell (table, p + n, end) || leading_zero)
    return 0;
  mc_table_column_take_scanned_number (column, p, n, value, decimals);
  return n;
}

/* The usual cell: a short number without an exponent, or a date in a
 * usual form, and nothing else. Returns its length, 0 when it is not
 * one. */
static inline gsize
take_usual_cell (const FastTable *table,
                 McTableColumn   *column,
                 gboolean         date,
                 McDateScan      *scan,
                 const char      *p,
                 const char      *end)
{
  double value;
  gsize n;

  if (!date)
    return take_short_number (table, column, FALSE, p, end);
  n = mc_date_text_scan (scan, p, end, &value);
  if (n == 0 || !ends_cell (table, p + n, end))
    return 0;
  mc_table_column_take_date (column, value);
  return n;
}

/* A number with an exponent, "1.234560e+02", which the usual cell's scan
 * stops at: read again with it, out of the usual cell's way (a test for
 * an exponent there slowed every number down). */
static G_GNUC_NO_INLINE gsize
take_exponent_cell (const FastTable *table,
                    McTableColumn   *column,
                    const char      *p,
                    const char      *end)
{
  return take_short_number (table, column, TRUE, p, end);
}

/* A cell of a column of numbers with decimal commas: a whole number, or
 * one with a comma and decimals ("-98,50"), read as the general reader
 * reads amounts in a table separated by semicolons, which prefers
 * decimal commas (mc_table_builder_prefer_decimal_comma()); or a missing
 * value. Returns where it ends; NULL for anything else (a point, a
 * thousands separator, a code with leading zeros), which the general
 * reader reads. */
static G_GNUC_NO_INLINE const char *
take_comma_cell (const FastTable *table,
                 McTableColumn   *column,
                 const char      *p,
                 const char      *end)
{
  double value;
  int decimals;
  gboolean leading_zero;
  gsize n = mc_csv_scan_marked_number (p, end, ',', FALSE, &value, &decimals, &leading_zero);

  if (n == 0)
    {
      /* Missing: nothing, or "-" */
      gsize sign = p < end && *p == '-';

      if (!ends_cell (table, p + sign, end))
        return NULL;
      mc_table_column_keep (column, NAN, MC_DECIMALS_UNKNOWN);
      return p + sign;
    }
  /* "7," is no amount, "05,5" a code */
  if (!ends_cell (table, p + n, end) || p[n - 1] == ',' || leading_zero)
    return NULL;
  if (memchr (p, ',', n) == NULL)
    mc_table_column_take_scanned_number (column, p, n, value, decimals);
  else
    mc_table_column_take_amount (column, value, decimals);
  return p + n;
}

/* A quoted cell at @p (its opening quote) of the simple kind, as most
 * quoted names are ("Smith, John"): no quote doubled within, no line
 * break, its closing quote ending the cell. Returns where it ends, NULL
 * for anything else; @text and @length are what the quotes hold, as the
 * general reader keeps it, and @bytes all its bytes or'ed. */
static const char *
scan_quoted (const FastTable *table,
             const char      *p,
             const char      *end,
             const char     **text,
             gsize           *length,
             guchar          *bytes)
{
  const char *q = p + 1;

  *bytes = 0;
  for (; q < end && *q != '"'; q++)
    {
      if (!table->text_bytes[(guchar) *q] && *q != table->separator)
        return NULL;
      *bytes |= (guchar) *q;
    }
  /* A doubled quote does not end the cell. */
  if (q == end || !ends_cell (table, q + 1, end))
    return NULL;
  *text = p + 1;
  *length = q - *text;
  return q + 1;
}

/* Whether what a cell's quotes hold (scan_quoted(), its bytes or'ed in
 * @bytes) reads as the same text unquoted would: ASCII, without the
 * spaces around it that quotes keep and an unquoted cell loses. */
static gboolean
reads_as_unquoted (const char *text,
                   gsize       length,
                   guchar      bytes)
{
  return (bytes & 0x80) == 0
         && !(length > 0 && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[length - 1])));
}

/* A cell of a column of text: printable characters in UTF-8 (the text
 * was checked only in its first bytes: the general reader checks the
 * rest, or converts it), without quotes, or quoted (scan_quoted()).
 * Returns where it ends, NULL for anything else. */
static G_GNUC_NO_INLINE const char *
take_text_cell (const FastTable *table,
                McTableColumn   *column,
                const char      *p,
                const char      *end)
{
  const char *text = p;
  guchar bytes = 0;
  gsize length;

  if (p < end && *p == '"')
    {
      if ((p = scan_quoted (table, p, end, &text, &length, &bytes)) == NULL)
        return NULL;
    }
  else
    {
      for (; p < end && table->text_bytes[(guchar) *p]; p++)
        bytes |= (guchar) *p;
      if (!ends_cell (table, p, end))
        return NULL;
      length = p - text;
      trim_cell (&text, &length, table->separator);
    }
  if ((bytes & 0x80) != 0 && !g_utf8_validate_len (text, length, NULL))
    return NULL;
  if (length > MC_CSV_MAX_FIELD_LENGTH)
    return NULL;
  mc_table_column_take_text (column, text, length);
  return p;
}

/* The cell of column @i at @p, unquoted (but in a column of text), and
 * where it ends; NULL when the fast path can't take it. Always inlined:
 * called from the quoted cell's path too, it would otherwise be left a
 * call of its own in the fast path's loop, which then runs 7 % more
 * instructions (callgrind). */
G_ALWAYS_INLINE static inline const char *
take_plain_cell (const FastTable *table,
                 McTableColumn   *column,
                 guint            i,
                 McDateScan      *scan,
                 const char      *p,
                 const char      *end)
{
  FastKind kind = table->kinds[i];
  gboolean date = kind == FAST_DATES;
  const guint8 *bytes = date ? table->date_bytes : table->number_bytes;
  const char *start = p;
  gsize n;

  if (G_UNLIKELY (kind == FAST_COMMA_NUMBERS))
    return take_comma_cell (table, column, p, end);
  if (kind == FAST_TEXT)
    return take_text_cell (table, column, p, end);
  n = take_usual_cell (table, column, date, scan, p, end);
  if (G_LIKELY (n > 0))
    return p + n;
  if (!date && (n = take_exponent_cell (table, column, p, end)) > 0)
    return p + n;
  while (p < end && bytes[(guchar) *p])
    p++;
  if (!ends_cell (table, p, end)
      || !(date ? take_date_cell (column, table->orders[i], start, p - start, table->separator)
                : take_number_cell (column, start, p - start, table->separator)))
    return NULL;
  return p;
}

/* A quoted cell of a column of numbers or of dates ("42.5", as programs
 * that quote every field write them): what its quotes hold is read as
 * the same text unquoted, which is what the general reader does with it,
 * when it reads that way (reads_as_unquoted()) and holds no separator.
 * Returns where the cell ends, NULL for anything else. */
static G_GNUC_NO_INLINE const char *
take_quoted_cell (const FastTable *table,
                  McTableColumn   *column,
                  guint            i,
                  McDateScan      *scan,
                  const char      *p,
                  const char      *end)
{
  const char *text, *after;
  gsize length;
  guchar bytes;

  after = scan_quoted (table, p, end, &text, &length, &bytes);
  if (after == NULL || !reads_as_unquoted (text, length, bytes))
    return NULL;
  /* Its text wholly one cell, which a separator would have cut short */
  if (take_plain_cell (table, column, i, scan, text, text + length) != text + length)
    return NULL;
  return after;
}

/* The cell of column @i at @p, and where it ends; NULL when the fast
 * path can't take it. */
static inline const char *
take_cell (const FastTable *table,
           McTableColumn   *column,
           guint            i,
           McDateScan      *scan,
           const char      *p,
           const char      *end)
{
  if (G_UNLIKELY (p < end && *p == '"') && table->kinds[i] != FAST_TEXT)
    return take_quoted_cell (table, column, i, scan, p, end);
  return take_plain_cell (table, column, i, scan, p, end);
}

/* The first column of a table of rows often counts them: row numbers,
 * days, years ("0", "1", "2", ...). Once a cell of it holds a whole
 * number, the text of the next one is known before it is read; when the
 * next cell is that text, one comparison takes it, where scanning would
 * read its digits and convert them. A cell that is anything else is
 * scanned as usual, and ends the counting unless many came before it
 * (days counted with a gap of a weekend count on from the gap). */
typedef struct
{
  char     digits[24];  /* of the next number, in ASCII */
  guint    length;      /* of its digits; 0 when not counting */
  guint64  mask;        /* of their bytes in a load of eight; 0 past eight */
  double   value;       /* the next number */
  guint    run;         /* numbers counted since the last start, and
                         * not yet kept */
} NextNumber;

/* A count of this many numbers or more goes on after a cell that breaks
 * it (a gap); a shorter one stops there. */
#define NEXT_NUMBER_RUN 16

static void
next_number_set_mask (NextNumber *next)
{
  next->mask = next->length > 8 ? 0
               : next->length == 8 ? G_MAXUINT64
               : (G_GUINT64_CONSTANT (1) << (8 * next->length)) - 1;
}

/* Counting from @value, the number a cell of the column just held: from
 * a whole number that is not negative (nor -0), far enough below 2^53
 * that a double holds every number a block can count from it exactly (a
 * block has fewer rows than G_MAXUINT32). */
static void
next_number_start (NextNumber *next,
                   double      value)
{
  next->length = 0;
  next->run = 0;
  if (!(value >= 0 && !signbit (value)
        && value < (double) (MC_CSV_MAX_EXACT_INTEGER - G_MAXUINT32 - 1)
        && value == floor (value)))
    return;
  next->value = value + 1;
  next->length = g_snprintf (next->digits, sizeof next->digits, "%" G_GUINT64_FORMAT,
                             (guint64) next->value);
  next_number_set_mask (next);
}

/* On to the number after the next, in its digits too. */
static void
next_number_carry (NextNumber *next)
{
  guint i = next->length;

  while (i > 0 && next->digits[i - 1] == '9')
    next->digits[--i] = '0';
  if (i > 0)
    next->digits[i - 1]++;
  else
    {
      memmove (next->digits + 1, next->digits, next->length);
      next->digits[0] = '1';
      next->length++;
      next_number_set_mask (next);
    }
}

static inline void
next_number_advance (NextNumber *next)
{
  /* Nine times in ten, the last digit goes up by one */
  if (G_LIKELY (next->digits[next->length - 1] != '9'))
    next->digits[next->length - 1]++;
  else
    next_number_carry (next);
  next->value += 1;
  next->run++;
}

/* The column keeps the numbers counted since the last start; @last when
 * no other cell of the block's column follows them. */
static void
next_number_keep_run (NextNumber    *next,
                      McTableColumn *column,
                      gboolean       last)
{
  mc_table_column_take_counted (column, next->value - next->run, next->run, last);
  next->run = 0;
}

/* Whether the cell at @p is the digits of the next number and nothing
 * else: eight bytes at a time, one comparison where there are eight. */
static inline gboolean
next_number_is_at (const FastTable  *table,
                   const NextNumber *next,
                   const char       *p,
                   const char       *end)
{
  if (G_LIKELY (next->mask != 0 && end - p >= 8))
    {
      guint64 text, digits;

      memcpy (&text, p, sizeof text);
      memcpy (&digits, next->digits, sizeof digits);
      if (((GUINT64_FROM_LE (text) ^ GUINT64_FROM_LE (digits)) & next->mask) != 0)
        return FALSE;
    }
  else if ((gsize) (end - p) < next->length || memcmp (p, next->digits, next->length) != 0)
    return FALSE;
  return ends_cell (table, p + next->length, end);
}

/* The cell of the first column at @p, and where it ends (NULL when the
 * fast path can't take it): the next number counted, or any other cell
 * the usual way, which may start the counting again. */
static inline const char *
take_first_cell (const FastTable *table,
                 McTableColumn   *column,
                 NextNumber      *next,
                 McDateScan      *scan,
                 const char      *p,
                 const char      *end)
{
  gboolean counting = next->length > 0;
  guint run = next->run;

  if (G_LIKELY (counting) && next_number_is_at (table, next, p, end))
    {
      p += next->length;
      next_number_advance (next);
      return p;
    }
  if (counting)
    next_number_keep_run (next, column, FALSE);
  p = take_cell (table, column, 0, scan, p, end);
  /* The first row of the block, or a gap in a long count */
  if (p != NULL && table->kinds[0] == FAST_NUMBERS && column->n_kept > 0
      && (!counting ? column->n_kept == 1 : run >= NEXT_NUMBER_RUN))
    next_number_start (next, g_array_index (column->kept, double, column->n_kept - 1));
  else if (counting)
    next->length = 0;
  return p;
}

/* The rows of a block of numbers, dates, names and empty cells, read
 * without the general reader: the same cells for the builder, at a
 * fraction of the cost. At anything else (quotes but around simple
 * names, text in a column of numbers, markers other than "-",
 * percentages, codes with leading zeros, a row of the wrong length,
 * bytes beyond ASCII but in names) it gives up. One loop, in a
 * function of its own: so compiled, it takes as few instructions per
 * number as the scanners allow. */
static G_GNUC_NO_INLINE gboolean
read_block_fast (const FastTable *table,
                 FastBlock       *block,
                 const char      *p,
                 const char      *end)
{
  char separator = table->separator;
  McTableColumn *columns = block->columns;
  guint last = table->n_columns - 1;
  McDateScan scan = { { 0, }, 0 };
  NextNumber next = { { 0, }, 0 };

  g_return_val_if_fail (table->n_columns > 0, FALSE);
  while (p < end)
    {
      /* Lines of nothing but spaces are skipped, as the reader does;
       * most lines start with a digit, and are none. */
      if ((guchar) *p <= ' ')
        {
          const char *q = p;

          while (q < end && (*q == ' ' || (*q == '\t' && separator != '\t')))
            q++;
          if (q == end)
            break;
          if (*q == '\n' || *q == '\r')
            {
              p = skip_line_break (q, end);
              continue;
            }
        }

      block->n_rows++;
      p = take_first_cell (table, &columns[0], &next, &scan, p, end);
      for (guint i = 1; i <= last; i++)
        {
          if (p == NULL || p == end || *p != separator)
            return FALSE;
          p = take_cell (table, &columns[i], i, &scan, p + 1, end);
        }
      if (p == NULL || (p < end && *p == separator))
        return FALSE;
      p = skip_line_break (p, end);
    }
  next_number_keep_run (&next, &columns[0], TRUE);
  return TRUE;
}

/* An array of values that a merged block kept, or NULL. Its pages are
 * the process's already: new ones cost about as much as reading the
 * numbers that fill them. */
static GArray *
take_spare_array (FastTable *table)
{
  GArray *array = NULL;

  g_mutex_lock (&table->spare_lock);
  if (table->spare->len > 0)
    array = g_ptr_array_steal_index_fast (table->spare, table->spare->len - 1);
  g_mutex_unlock (&table->spare_lock);
  return array;
}

static void
give_spare_array (FastTable *table,
                  GArray    *array)
{
  g_mutex_lock (&table->spare_lock);
  g_ptr_array_add (table->spare, array);
  g_mutex_unlock (&table->spare_lock);
}

static void
fast_block_free (gpointer data)
{
  FastBlock *block = data;

  for (guint i = 0; i < block->n_columns; i++)
    {
      if (block->columns[i].kept != NULL)
        give_spare_array (block->table, g_steal_pointer (&block->columns[i].kept));
      mc_table_column_clear (&block->columns[i]);
    }
  g_free (block->columns);
  g_free (block);
}

/* Works on one block in any thread: its columns start as the table's. */
static gpointer
fast_block_work (const char *text,
                 gsize       length,
                 gpointer    user_data)
{
  FastTable *table = user_data;
  FastBlock *block = g_new0 (FastBlock, 1);

  block->table = table;
  block->columns = g_new0 (McTableColumn, table->n_columns);
  block->n_columns = table->n_columns;
  block->length = length;
  for (guint i = 0; i < table->n_columns; i++)
    {
      GArray *spare;

      mc_table_column_start (&block->columns[i]);
      if (table->kinds[i] == FAST_TEXT)
        {
          mc_table_column_expect_text (&block->columns[i]);
          continue;
        }
      spare = take_spare_array (table);
      /* Its length is its room (mc_table_column_keep()). */
      if (spare != NULL)
        {
          g_array_unref (block->columns[i].kept);
          block->columns[i].kept = spare;
        }
      if (table->kinds[i] == FAST_DATES)
        mc_table_column_expect_dates (&block->columns[i]);
    }
  if (!read_block_fast (table, block, text, text + length))
    {
      fast_block_free (block);
      return NULL;
    }
  return block;
}

/* The length of the text of @source, its head and what its stream has
 * left, when it can tell (the stream reads a file); else 0. */
static guint64
text_length (const McLineBlocksSource *source)
{
  g_autoptr(GFileInfo) info = NULL;
  goffset read;

  if (source->stream == NULL)
    return source->head_length;
  if (!G_IS_FILE_INPUT_STREAM (source->stream))
    return 0;
  info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (source->stream),
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  read = g_seekable_tell (G_SEEKABLE (source->stream));
  if (info == NULL || g_file_info_get_size (info) < read)
    return 0;
  return source->head_length + (g_file_info_get_size (info) - read);
}

/* Room in the builder's columns for the rows the whole text seems to
 * hold, judged by its first block: a long column is best made at once,
 * not doubled twenty times. A column of row numbers or days needs none. */
static void
reserve_columns (FastTable       *table,
                 const FastBlock *first)
{
  McTableColumn *columns = mc_table_builder_get_columns (table->builder);
  double rows;

  if (table->length == 0 || first->n_rows == 0 || first->length == 0)
    return;
  /* A little more, for rows that get shorter further on (more of them
   * in the same bytes); room that is never written costs no memory. */
  rows = (double) table->length / first->length * first->n_rows * 1.0625 + 1024;
  for (guint i = 0; i < table->n_columns; i++)
    if (!columns[i].progression)
      mc_table_column_reserve (&columns[i], (guint) MIN (rows, MC_LOADER_MAX_ROWS));
}

/* The builder takes in a block's columns, in the order of the blocks. */
static gboolean
fast_block_merge (gpointer result,
                  gpointer user_data)
{
  FastTable *table = user_data;
  FastBlock *block = result;
  gboolean first = table->n_rows == 0;

  table->n_rows += block->n_rows;
  if (table->n_rows > MC_LOADER_MAX_ROWS)
    return FALSE;
  mc_table_builder_merge (table->builder, block->columns);
  if (first)
    reserve_columns (table, block);
  mc_load_progress_set_rows (table->progress, table->n_rows);
  return TRUE;
}

static const McLineBlocksFuncs fast_funcs = {
  fast_block_work,
  fast_block_merge,
  fast_block_free,
};

#define HEAD_LENGTH (64 * 1024)

/* What the first lines after the header (HEAD_LENGTH at most) tell of
 * the columns that are not dates in a usual form, in one pass over their
 * cells: the order of dates in numbers ("15/02/2024", day first), once a
 * day above 12 shows it (0 when they don't tell, or hold anything but
 * such dates and missing values: only then is it the order the general
 * reader finds, and the fast path reads every date in it or gives up);
 * and, with @commas, whether a cell has a decimal comma. A quoted cell
 * tells as its text unquoted does; one that does not read that way
 * (reads_as_unquoted()) stops the look, but around a simple name in a
 * column of text: the columns are then what their first cells make
 * them. */
static void
scan_head (FastTable  *table,
           gboolean    commas,
           const char *p,
           const char *end)
{
  g_autofree McDateOrder *orders = g_new (McDateOrder, table->n_columns);
  g_autofree gboolean *has_comma = g_new0 (gboolean, table->n_columns);
  gboolean quoted = FALSE;

  for (guint i = 0; i < table->n_columns; i++)
    orders[i] = table->kinds[i] == FAST_DATES ? 0 : MC_DATE_ORDER_EITHER;
  end = p + MIN ((gsize) (end - p), HEAD_LENGTH);
  while (p < end && !quoted)
    {
      const char *line_end = memchr (p, '\n', end - p);
      guint i = 0;

      if (line_end == NULL)
        break;
      for (; i < table->n_columns && p <= line_end; i++)
        {
          const char *text = p, *cell_end;
          gsize length;
          guchar bytes;

          if (p < line_end && *p == '"')
            {
              /* What the quotes hold tells as the same text unquoted
               * (take_quoted_cell()), or it is a simple name. */
              cell_end = scan_quoted (table, p, end, &text, &length, &bytes);
              quoted = cell_end == NULL || (table->kinds[i] != FAST_TEXT
                                            && !reads_as_unquoted (text, length, bytes));
              if (quoted)
                break;
              p = *cell_end == table->separator ? cell_end + 1 : line_end + 1;
            }
          else
            {
              cell_end = memchr (p, table->separator, line_end - p);
              if (cell_end == NULL)
                cell_end = line_end;
              p = cell_end + 1;
              /* The last cell of a line that ends in "\r\n" */
              if (cell_end == line_end && cell_end > text && cell_end[-1] == '\r')
                cell_end--;
              length = cell_end - text;
              trim_cell (&text, &length, table->separator);
            }
          has_comma[i] = has_comma[i] || memchr (text, ',', length) != NULL;
          if (orders[i] == MC_DATE_ORDER_EITHER && length > 0
              && !mc_cell_is_missing (text, length))
            orders[i] = mc_date_text_parse_numeric (text, length, orders[i], NULL, NULL);
        }
      if (quoted)
        break;
      /* A line of fewer cells tells nothing of the rest. */
      for (; i < table->n_columns; i++)
        orders[i] = orders[i] == MC_DATE_ORDER_EITHER ? 0 : orders[i];
      p = line_end + 1;
    }
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (table->kinds[i] == FAST_DATES || table->kinds[i] == FAST_TEXT)
        continue;
      if (!quoted && (orders[i] == MC_DATE_ORDER_DAY_FIRST
                      || orders[i] == MC_DATE_ORDER_MONTH_FIRST))
        {
          table->kinds[i] = FAST_DATES;
          table->orders[i] = orders[i];
        }
      else if (commas && has_comma[i])
        table->kinds[i] = FAST_COMMA_NUMBERS;
    }
}

/* The columns whose first cell is a date in a usual form, or in numbers
 * in an order the first lines tell, are dates; the others numbers, with
 * decimal commas in a table separated by semicolons when the first lines
 * have one in the column. */
static void
find_column_kinds (FastTable  *table,
                   const char *head,
                   const char *end)
{
  McTableColumn *columns = mc_table_builder_get_columns (table->builder);
  McDateScan scan = { { 0, }, 0 };
  const char *p = head;

  while (p < end && (*p == '\n' || *p == '\r' || *p == ' '))
    p++;
  head = p;
  for (guint i = 0; i < table->n_columns && p < end; i++)
    {
      const char *cell = p;
      gsize length;
      double days;
      guchar bytes;
      gsize n;

      /* A quoted first cell tells by what it holds, as the same text
       * unquoted would (take_quoted_cell()). */
      if (*p == '"')
        {
          if ((p = scan_quoted (table, p, end, &cell, &length, &bytes)) == NULL)
            break;
          n = mc_date_text_scan (&scan, cell, cell + length, &days);
          if (n > 0 && n == length)
            table->kinds[i] = FAST_DATES;
          else if (mc_table_column_decides_text (cell, length))
            table->kinds[i] = FAST_TEXT;
          if (p == end || *p != table->separator)
            break;
          p++;
          continue;
        }
      n = mc_date_text_scan (&scan, p, end, &days);
      if (n > 0 && ends_cell (table, p + n, end))
        table->kinds[i] = FAST_DATES;
      while (p < end && !ends_cell (table, p, end))
        p++;
      length = p - cell;
      trim_cell (&cell, &length, table->separator);
      if (table->kinds[i] != FAST_DATES && mc_table_column_decides_text (cell, length))
        table->kinds[i] = FAST_TEXT;
      if (p == end || *p != table->separator)
        break;
      p++;
    }
  /* Decimal commas where the builder reads them (a plain table separated
   * by semicolons), not in a dataset file's declared numbers. */
  scan_head (table, table->separator == ';' && mc_table_builder_prefers_decimal_comma (table->builder),
             head, end);
  for (guint i = 0; i < table->n_columns; i++)
    if (table->kinds[i] == FAST_DATES)
      {
        mc_table_column_expect_dates (&columns[i]);
        if (table->orders[i] != 0)
          columns[i].date_orders = table->orders[i];
      }
    else if (table->kinds[i] == FAST_TEXT)
      mc_table_column_expect_text (&columns[i]);
}

/* Whether every column of text has counted its numeric values to the
 * end (mc_table_column_done_counting()): else it may be a column of
 * numbers after all but for its first cells, whose warning says where
 * they are, which the general reader knows. */
static gboolean
texts_counted (const FastTable *table)
{
  McTableColumn *columns = mc_table_builder_get_columns (table->builder);

  for (guint i = 0; i < table->n_columns; i++)
    if (table->kinds[i] == FAST_TEXT && !mc_table_column_done_counting (&columns[i]))
      return FALSE;
  return TRUE;
}

/**
 * mc_csv_fast_read:
 * @rows: a CSV file whose header was read
 * @builder: a builder of a new table, with a column for each field of the
 *   header
 * @source: the text after the header
 *
 * Reads the rows of @source the fast way if they allow: numbers, dates
 * and names, in blocks, in several threads. The builder keeps their
 * values.
 */
McCsvFastResult
mc_csv_fast_read (McCsvRows                *rows,
                  McTableBuilder           *builder,
                  const McLineBlocksSource *source,
                  guint                    *n_rows,
                  GError                  **error)
{
  FastTable table = { builder, mc_csv_reader_get_separator (rows->reader),
                      mc_table_builder_get_n_columns (builder) };
  g_autofree FastKind *kinds = g_new0 (FastKind, table.n_columns);
  g_autofree McDateOrder *orders = g_new0 (McDateOrder, table.n_columns);
  McLineBlocksResult result;

  table.kinds = kinds;
  table.orders = orders;
  table.length = text_length (source);
  table.progress = source->progress;
  g_mutex_init (&table.spare_lock);
  table.spare = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  init_number_bytes (table.number_bytes, table.separator);
  init_date_bytes (table.date_bytes, table.separator);
  init_text_bytes (table.text_bytes, table.separator);
  init_end_bytes (table.end_bytes, table.separator);
  find_column_kinds (&table, source->head, source->head + source->head_length);
  result = mc_line_blocks_run (source, &fast_funcs, &table, error);
  g_ptr_array_unref (table.spare);
  g_mutex_clear (&table.spare_lock);
  if (result == MC_LINE_BLOCKS_DONE && !texts_counted (&table))
    result = MC_LINE_BLOCKS_GAVE_UP;
  switch (result)
    {
    case MC_LINE_BLOCKS_DONE:
      *n_rows = table.n_rows;
      return MC_CSV_FAST_DONE;
    case MC_LINE_BLOCKS_FAILED:
      return MC_CSV_FAST_FAILED;
    case MC_LINE_BLOCKS_GAVE_UP:
    default:
      mc_table_builder_restart (builder);
      return MC_CSV_FAST_GAVE_UP;
    }
}
