/* mc-table-column.c: what the cells of one column of a new table say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the table builder (mc-table-builder.c): each cell narrows what
 * its column can be (number, date, boolean, an amount as people write it,
 * or text), and the first cell that makes a column of numbers text is
 * kept for the warning that says so. Once every cell is seen, the column
 * gets its type, unit and scale.
 */
#include "config.h"

#include "mc-table-builder-private.h"

#include <glib/gi18n.h>

#include "mc-csv.h"
#include "mc-date-text.h"
#include "mc-header-unit.h"
#include "mc-ids.h"
#include "mc-loader-error.h"
#include "mc-text.h"

/* A column of text stops counting its numeric values once this many
 * more values are text: it can no longer be mostly numbers. */
#define COUNTING_MARGIN 100

void
mc_table_column_start (McTableColumn *column)
{
  column->n_values = 0;
  column->number = TRUE;
  column->date = TRUE;
  column->boolean = TRUE;
  column->amount = TRUE;
  column->point_ok = TRUE;
  column->comma_ok = TRUE;
  column->unit = NULL;
  memset (column->magnitudes, 0, sizeof column->magnitudes);
  column->years = TRUE;
  column->keep = MC_TABLE_KEEP_NUMBERS;
  column->kept = g_array_new (FALSE, FALSE, sizeof (double));
  column->n_kept = 0;
  mc_decimals_clear (&column->decimals);
  column->progression = FALSE;
  column->kept_finest = MC_DATE_YEAR;
  column->n_numeric = 0;
  column->counting = FALSE;
  column->break_unit = NULL;
  column->date_orders = MC_DATE_ORDER_EITHER;
  g_clear_pointer (&column->numeric_date, g_free);
  g_clear_pointer (&column->break_text, g_free);
  g_clear_pointer (&column->break_where, g_free);
}

void
mc_table_column_forget (McTableColumn *column)
{
  g_clear_pointer (&column->kept, g_array_unref);
  g_clear_pointer (&column->texts, g_ptr_array_unref);
  mc_decimals_clear (&column->decimals);
  column->progression = FALSE;
  column->keep = MC_TABLE_KEEP_NOTHING;
}

void
mc_table_column_expect_dates (McTableColumn *column)
{
  column->number = column->amount = column->boolean = FALSE;
  column->keep = MC_TABLE_KEEP_DATES;
  column->kept_finest = MC_DATE_DAY;
}

void
mc_table_column_keep_decimals (McTableColumn *column,
                               double         value,
                               int            decimals)
{
  if (isnan (value))
    mc_decimals_append_missing (&column->decimals);
  else
    mc_decimals_append (&column->decimals, column->n_kept, decimals);
}

/* Kept values in parts */

double
mc_table_column_get_kept (const McTableColumn *column,
                          guint                index)
{
  if (column->progression)
    return column->start + index * column->step;
  return g_array_index (column->kept, double, index);
}

/**
 * mc_table_column_reserve:
 *
 * Makes room for @n_values kept values in all, for a reader that can
 * tell how many values there will be: a long array is best made once.
 */
void
mc_table_column_reserve (McTableColumn *column,
                         guint          n_values)
{
  if (column->kept != NULL && n_values > column->kept->len)
    g_array_set_size (column->kept, n_values);
}

/* The progression so far becomes an array, to which values that do not
 * follow it are appended. */
void
mc_table_column_end_progression (McTableColumn *column)
{
  if (!column->progression)
    return;
  g_array_set_size (column->kept, MAX (column->kept->len, column->n_kept));
  for (guint i = 0; i < column->n_kept; i++)
    g_array_index (column->kept, double, i) = column->start + i * column->step;
  column->progression = FALSE;
}

/* Whether @value is exactly @expected, to the sign of a zero: the same
 * bits, as @expected, a value of a progression from a finite start by a
 * finite step, is never NAN. One comparison of integers, which the
 * processor makes four of at once (follow_progression()). */
static inline gboolean
same_double (double value,
             double expected)
{
  guint64 a, b;

  memcpy (&a, &value, sizeof a);
  memcpy (&b, &expected, sizeof b);
  return a == b;
}

/* Whether @value can start a progression: its row 0 is read back as
 * value + 0 × step, which makes -0 a 0. */
static gboolean
starts_progression (double value)
{
  return isfinite (value) && !(value == 0 && signbit (value));
}

/* Whether @value is row @row of the progression from @start by @step. */
static inline gboolean
follows (double value,
         double start,
         double step,
         guint  row)
{
  return same_double (value, start + row * step);
}

/* How many of @values continue the progression of @column (which a first
 * value starts and a second gives its step). */
static guint
follow_progression (McTableColumn *column,
                    const double  *values,
                    guint          n_values)
{
  guint i = 0, n_kept;
  double start, step;

  if (column->n_kept == 0 && n_values > 0 && starts_progression (values[0]))
    {
      column->progression = TRUE;
      column->start = values[0];
      column->step = 0;
      column->n_kept = 1;
      i = 1;
    }
  if (!column->progression)
    return 0;
  if (column->n_kept == 1 && i < n_values && isfinite (values[i] - column->start))
    column->step = values[i] - column->start;
  start = column->start;
  step = column->step;
  n_kept = column->n_kept;
  /* Four at a time, with one test: most of a long column's rows follow
   * it. */
  for (; i + 4 <= n_values; i += 4, n_kept += 4)
    if (!(follows (values[i], start, step, n_kept) & follows (values[i + 1], start, step, n_kept + 1)
          & follows (values[i + 2], start, step, n_kept + 2)
          & follows (values[i + 3], start, step, n_kept + 3)))
      break;
  for (; i < n_values && follows (values[i], start, step, n_kept); i++)
    n_kept++;
  column->n_kept = n_kept;
  return i;
}

/* Keeps @n_values values at once, as a progression while they follow
 * one. */
static void
keep_values (McTableColumn *column,
             const double  *values,
             guint          n_values)
{
  guint followed = follow_progression (column, values, n_values);

  if (followed < n_values)
    {
      guint n_new = n_values - followed;

      mc_table_column_end_progression (column);
      /* Twice the room, at least: growing copies what is kept. */
      if (column->n_kept + n_new > column->kept->len)
        mc_table_column_reserve (column, MAX (column->n_kept + n_new, 2 * column->kept->len));
      memcpy (&g_array_index (column->kept, double, column->n_kept), values + followed,
              n_new * sizeof (double));
      column->n_kept += n_new;
    }
}

/* Whether @column's values are whole numbers from a whole @start by
 * one, which a double holds exactly (and so adds up exactly): counted
 * ones (mc_table_column_keep_counted()). */
static gboolean
counts_by_one (const McTableColumn *column)
{
  return column->progression && column->step == 1 && column->start >= 0
         && column->start == floor (column->start)
         && column->start + column->n_kept < (double) (G_GUINT64_CONSTANT (1) << 53);
}

/**
 * mc_table_column_keep_counted:
 * @last: whether these are the last values of the part of the column
 *
 * The last values of a column of a block whose values before them are
 * just its first, @first - 1, are kept as a progression from it by one,
 * without an array: the merge takes such a block's values at once
 * (keep_part()). Other values are written in the column's array.
 */
void
mc_table_column_keep_counted (McTableColumn *column,
                              double         first,
                              guint          n,
                              gboolean       last)
{
  double *values;

  if (last && column->n_kept == 1 && !column->progression && column->decimals.all == 0
      && starts_progression (g_array_index (column->kept, double, 0))
      && g_array_index (column->kept, double, 0) == first - 1)
    {
      column->progression = TRUE;
      column->start = first - 1;
      column->step = 1;
      column->n_kept += n;
      return;
    }
  mc_table_column_end_progression (column);
  if (column->decimals.all != 0)
    {
      for (guint i = 0; i < n; i++)
        mc_table_column_keep (column, first + i, 0);
      return;
    }
  if (column->n_kept + n > column->kept->len)
    mc_table_column_reserve (column, MAX (column->n_kept + n, 2 * column->kept->len));
  values = &g_array_index (column->kept, double, column->n_kept);
  for (guint i = 0; i < n; i++)
    values[i] = first + i;
  column->n_kept += n;
}

/* Keeps the values of @part: a block's whole numbers counted by one
 * that go on with the column's own progression at once, other values
 * one by one (keep_values()). */
static void
keep_part (McTableColumn *column,
           McTableColumn *part)
{
  if (counts_by_one (part) && part->n_kept >= 2
      && (column->n_kept == 0
          || (counts_by_one (column) && column->n_kept >= 2
              && part->start == column->start + column->n_kept)))
    {
      if (column->n_kept == 0)
        {
          column->progression = TRUE;
          column->start = part->start;
          column->step = 1;
        }
      column->n_kept += part->n_kept;
      return;
    }
  mc_table_column_end_progression (part);
  keep_values (column, (const double *) (gpointer) part->kept->data, part->n_kept);
}

static void merge_texts (McTableColumn *column,
                         McTableColumn *part);

/**
 * mc_table_column_merge:
 *
 * Takes in what @part found in the rows after those of @column: part and
 * column were started the same way (mc_table_column_start(), and
 * mc_table_column_expect_dates() for both or neither), and only a
 * reader's fast path (mc_table_column_take_number(),
 * mc_table_column_take_date()) has kept values in @part.
 */
void
mc_table_column_merge (McTableColumn *column,
                       McTableColumn *part)
{
  if (column->keep == MC_TABLE_KEEP_TEXTS && part->keep == MC_TABLE_KEEP_TEXTS)
    {
      merge_texts (column, part);
      return;
    }
  column->n_values += part->n_values;
  column->n_numeric += part->n_numeric;
  column->number = column->number && part->number;
  column->years = column->years && part->years;
  column->kept_finest = MAX (column->kept_finest, part->kept_finest);
  if (column->keep == MC_TABLE_KEEP_NOTHING)
    return;
  if (part->keep != column->keep)
    {
      mc_table_column_forget (column);
      return;
    }
  mc_decimals_append_all (&column->decimals, column->n_kept, &part->decimals, part->n_kept);
  keep_part (column, part);
}

/* Whether the values of an array are an even progression. */
static gboolean
is_progression (const double *values,
                guint         n_values,
                double       *start,
                double       *step)
{
  if (n_values < 2 || !starts_progression (values[0]))
    return FALSE;
  *start = values[0];
  *step = values[1] - values[0];
  if (!isfinite (*step))
    return FALSE;
  for (guint i = 1; i < n_values; i++)
    if (!same_double (values[i], *start + i * *step))
      return FALSE;
  return TRUE;
}

/**
 * mc_table_column_give_kept:
 *
 * Hands the kept values, which are the column's, to @to: as a
 * progression when they are one, else as an array with its summary,
 * made here, in the reader's thread, rather than when a chart first
 * asks for it.
 */
void
mc_table_column_give_kept (McTableColumn *column,
                           McColumn      *to)
{
  const double *values;
  double start, step;

  if (column->keep == MC_TABLE_KEEP_TEXTS)
    {
      mc_column_take_strings (to, g_steal_pointer (&column->texts));
      mc_table_column_forget (column);
      return;
    }
  if (column->progression)
    {
      mc_column_take_progression (to, column->start, column->step, column->n_kept);
      mc_column_take_decimals (to, &column->decimals);
      mc_table_column_forget (column);
      return;
    }
  g_array_set_size (column->kept, column->n_kept);
  values = (const double *) (gpointer) column->kept->data;
  if (is_progression (values, column->n_kept, &start, &step))
    mc_column_take_progression (to, start, step, column->n_kept);
  else
    mc_column_take_summarised_values (to, g_steal_pointer (&column->kept),
                                      mc_value_summary_new_for_values (values, column->n_kept));
  mc_column_take_decimals (to, &column->decimals);
  mc_table_column_forget (column);
}

void
mc_table_column_clear (McTableColumn *column)
{
  mc_table_column_forget (column);
  g_clear_pointer (&column->label, g_free);
  g_clear_pointer (&column->numeric_date, g_free);
  g_clear_pointer (&column->break_text, g_free);
  g_clear_pointer (&column->break_where, g_free);
}

/* Breaks: the first value that makes a column of numbers text */

static gboolean
note_break (McTableColumn *column,
            const char    *text,
            gsize          length)
{
  if (column->break_text != NULL)
    return FALSE;
  column->break_text = mc_loader_describe_text (text, length);
  column->counting = TRUE;
  return TRUE;
}

static void
stop_counting_when_hopeless (McTableColumn *column)
{
  if (column->counting &&
      column->n_values - column->n_numeric > column->n_numeric + COUNTING_MARGIN)
    column->counting = FALSE;
}

/* A value of another unit than the ones before it ("€5" under "$4")
 * makes the column text. Returns whether that is the column's break. */
static gboolean
merge_unit (McTableColumn *column,
            const char    *unit,
            const char    *text,
            gsize          length)
{
  gboolean broke;

  if (unit == NULL || column->unit == NULL || g_str_equal (unit, column->unit))
    {
      column->unit = column->unit ? column->unit : unit;
      return FALSE;
    }
  broke = note_break (column, text, length);
  if (broke)
    column->break_unit = unit;
  column->number = FALSE;
  column->amount = FALSE;
  column->years = FALSE;
  return broke;
}

/* Inferring from text */

/* Returns whether the value is a plain number in range, in @value. */
static gboolean
infer_number (McTableColumn *column,
              const char    *text,
              gsize          length,
              double        *value)
{
  gboolean percent = mc_cell_strip_percent (&text, &length);
  McCsvNumberResult result = mc_csv_parse_number (text, length, value);

  /* A number out of range still makes a number column, whose conversion
   * then says which cell is out of range, rather than a text column. */
  if (result == MC_CSV_NUMBER_RANGE)
    {
      column->years = FALSE;
      return FALSE;
    }
  if (result != MC_CSV_NUMBER_OK || mc_cell_has_leading_zero (text, length))
    {
      column->number = FALSE;
      return FALSE;
    }
  if (column->years &&
      (percent || *value != floor (*value) || *value < 1000 || *value > 9999 ||
       memchr (text, '.', length) != NULL || memchr (text, 'e', length) != NULL))
    column->years = FALSE;
  return TRUE;
}

/* Narrows the decimal marks the column's amounts can be read with. */
static gboolean
infer_amount (McTableColumn  *column,
              const char     *text,
              gsize           length,
              McAmount       *amount)
{
  McAmount with_comma;
  gboolean point = column->point_ok && mc_amount_parse (text, length, MC_DECIMAL_POINT,
                                                        amount);
  gboolean comma = column->comma_ok && mc_amount_parse (text, length, MC_DECIMAL_COMMA,
                                                        &with_comma);

  if (!point && !comma)
    {
      column->amount = FALSE;
      return FALSE;
    }
  if (!point)
    *amount = with_comma;
  column->point_ok = point;
  column->comma_ok = comma;
  if (amount->factor != 0)
    column->magnitudes[mc_amount_scale_of_factor (amount->factor)]++;
  return TRUE;
}

/* A date ISO 8601 or English writes, or one of numbers in an order the
 * column's dates so far allow ("01/02/2024"), which narrows it. The
 * values of a column of such dates are read again once their order is
 * known. */
static gboolean
infer_date (McTableColumn   *column,
            const char      *text,
            gsize            length,
            double          *days,
            McDatePrecision *precision)
{
  McDateOrder fits;

  if (mc_date_text_parse (text, length, days, precision))
    return TRUE;
  fits = mc_date_text_parse_numeric (text, length, column->date_orders, days, precision);
  if (fits == 0)
    return FALSE;
  column->date_orders = fits;
  if (column->numeric_date == NULL)
    column->numeric_date = mc_loader_describe_text (text, length);
  mc_table_column_forget (column);
  return TRUE;
}

/* Whether a value of a column that is text already looks like a number,
 * a date or an amount, for the warning. */
static gboolean
looks_numeric (const char *text,
               gsize       length)
{
  McAmount amount;

  return mc_amount_parse (text, length, MC_DECIMAL_POINT, &amount)
         || mc_amount_parse (text, length, MC_DECIMAL_COMMA, &amount)
         || mc_date_text_parse (text, length, NULL, NULL)
         || mc_date_text_parse_numeric (text, length, MC_DATE_ORDER_EITHER, NULL, NULL) != 0;
}

/* Keeps the value of a cell that is not missing. */
static void
keep_cell (McTableColumn   *column,
           gboolean         is_number,
           double           number,
           int              decimals,
           gboolean         is_date,
           double           days,
           McDatePrecision  precision)
{
  /* The first value that is not a number may still start a date column,
   * when only missing values came before it. */
  if (column->keep == MC_TABLE_KEEP_NUMBERS && !column->number &&
      column->n_values == 1 && is_date)
    column->keep = MC_TABLE_KEEP_DATES;

  if (column->keep == MC_TABLE_KEEP_NUMBERS && is_number)
    mc_table_column_keep (column, number, decimals);
  else if (column->keep == MC_TABLE_KEEP_DATES && is_date)
    {
      column->kept_finest = MAX (column->kept_finest, precision);
      mc_table_column_keep (column, days, MC_DECIMALS_UNKNOWN);
    }
  else if (column->keep != MC_TABLE_KEEP_NOTHING)
    mc_table_column_forget (column);
}

/* Counts a value, and notes the first that is not numeric. */
static gboolean
count_value (McTableColumn *column,
             gboolean       numeric,
             const char    *text,
             gsize          length)
{
  gboolean broke = FALSE;

  if (numeric)
    column->n_numeric++;
  else
    broke = note_break (column, text, length);
  stop_counting_when_hopeless (column);
  return broke;
}

/**
 * mc_table_column_infer_text:
 *
 * Narrows what @column can be by one cell written as text.
 *
 * Returns: whether this cell is the first that makes a column of
 *   numbers text: the builder then notes where it is
 */
gboolean
mc_table_column_infer_text (McTableColumn *column,
                            const char    *text,
                            gsize          length)
{
  gboolean alive = column->number || column->date || column->amount;
  gboolean unused, is_number = FALSE, is_date = FALSE, is_amount = FALSE;
  double number = NAN, days = NAN;
  McDatePrecision precision = MC_DATE_YEAR;
  McAmount amount = { 0, };
  gboolean broke = FALSE;

  if (length == 0 || mc_cell_is_missing (text, length))
    {
      mc_table_column_keep (column, NAN, MC_DECIMALS_UNKNOWN);
      return FALSE;
    }

  column->n_values++;
  if (column->number)
    is_number = infer_number (column, text, length, &number);
  if (column->date)
    column->date = is_date = infer_date (column, text, length, &days, &precision);
  if (column->amount)
    is_amount = infer_amount (column, text, length, &amount);
  if (column->boolean && !mc_cell_parse_boolean (text, length, &unused))
    column->boolean = FALSE;
  if (column->keep != MC_TABLE_KEEP_NOTHING)
    keep_cell (column, is_number, number, mc_cell_written_decimals (text, length, '.'),
               is_date, days, precision);

  if (alive || column->counting)
    broke = count_value (column, is_number || is_date || is_amount
                                 || (!alive && looks_numeric (text, length)),
                         text, length);
  if (is_amount)
    broke |= merge_unit (column, amount.unit, text, length);
  return broke;
}

/* Texts kept by a reader's fast path */

gboolean
mc_table_column_decides_text (const char *text,
                              gsize       length)
{
  McTableColumn scratch = { 0, };
  gboolean text_only;

  mc_table_column_start (&scratch);
  mc_table_column_infer_text (&scratch, text, length);
  text_only = scratch.n_values > 0
              && !(scratch.number || scratch.date || scratch.amount || scratch.boolean);
  mc_table_column_clear (&scratch);
  return text_only;
}

void
mc_table_column_expect_text (McTableColumn *column)
{
  mc_table_column_forget (column);
  column->number = column->date = column->amount = column->boolean = FALSE;
  column->years = FALSE;
  column->keep = MC_TABLE_KEEP_TEXTS;
  column->texts = g_ptr_array_new_with_free_func (g_free);
}

gboolean
mc_table_column_done_counting (const McTableColumn *column)
{
  return column->break_text != NULL && !column->counting;
}

/* Takes in the texts of @part, the rows after @column's, and counts
 * their values in order as the general reader's cells infer them
 * (mc_table_column_infer_text()): the first is the column's break, and
 * those after it are counted, numeric or not, until the column can no
 * longer be mostly numbers, which is soon in a column of names. */
static void
merge_texts (McTableColumn *column,
             McTableColumn *part)
{
  for (guint i = 0; i < part->texts->len && !mc_table_column_done_counting (column); i++)
    {
      const char *text = g_ptr_array_index (part->texts, i);
      gsize length = text != NULL ? strlen (text) : 0;

      if (length == 0 || mc_cell_is_missing (text, length))
        continue;
      column->n_values++;
      count_value (column, column->break_text != NULL && looks_numeric (text, length),
                   text, length);
    }
  g_ptr_array_extend_and_steal (column->texts, g_steal_pointer (&part->texts));
}

/* Inferring typed values (JSON, spreadsheets) */

/**
 * mc_table_column_infer_number:
 * @unit: (nullable): the unit a spreadsheet's number format gives it
 *
 * Returns: whether the value makes a column of numbers text
 */
gboolean
mc_table_column_infer_number (McTableColumn *column,
                              double         value,
                              int            decimals,
                              const char    *unit,
                              const char    *text,
                              gsize          length)
{
  gboolean broke;

  column->n_values++;
  column->date = FALSE;
  column->boolean = FALSE;
  if (column->years && (value != floor (value) || value < 1000 || value > 9999 || unit))
    column->years = FALSE;
  if (column->keep == MC_TABLE_KEEP_NUMBERS && column->number)
    mc_table_column_keep (column, value, decimals);
  else
    mc_table_column_forget (column);
  broke = count_value (column, TRUE, text, length);
  return merge_unit (column, unit, text, length) || broke;
}

gboolean
mc_table_column_infer_boolean (McTableColumn *column,
                               const char    *text,
                               gsize          length)
{
  gboolean alive = column->number || column->date || column->amount;

  column->n_values++;
  column->number = column->date = column->amount = FALSE;
  mc_table_column_forget (column);
  return alive && count_value (column, FALSE, text, length);
}

gboolean
mc_table_column_infer_date (McTableColumn   *column,
                            double           days,
                            McDatePrecision  precision,
                            const char      *text,
                            gsize            length)
{
  gboolean alive = column->number || column->date || column->amount;

  column->n_values++;
  column->number = column->amount = column->boolean = FALSE;
  keep_cell (column, FALSE, NAN, MC_DECIMALS_UNKNOWN, column->date, days, precision);
  return (alive || column->counting) && count_value (column, TRUE, text, length);
}

/* Deciding */

/* Headers that name years, in the languages tables come in: "Year",
 * "Fiscal year", "report_year", "FY", "Jahr", "Année", "年份". */
static gboolean
names_years (const char *id,
             const char *label)
{
  static const char * const words[] = {
    "jahr", "geschäftsjahr", "année", "annee", "año", "ano", "anno", "jaar", "år",
    "年", "年份", "年度", "财年", "財年",
  };
  g_autofree char *folded = g_utf8_strdown (label, -1);

  if (g_str_equal (id, "year") || g_str_has_suffix (id, "_year") || g_str_equal (id, "yr")
      || g_str_equal (id, "fy") || g_str_equal (id, "date"))
    return TRUE;
  g_strstrip (folded);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (folded, words[i]))
      return TRUE;
  return FALSE;
}

/* Whole numbers that run through the years in one direction, by steps of
 * at most ten ("2021, 2022, 2023", or repeated for each series of a long
 * table sorted by year): years, whatever the header says. */
static gboolean
kept_years_sequence (const McTableColumn *column)
{
  double previous = NAN;
  int direction = 0;
  guint n_distinct = 0;

  if (column->keep != MC_TABLE_KEEP_NUMBERS || column->kept == NULL)
    return FALSE;
  for (guint i = 0; i < column->n_kept; i++)
    {
      double value = mc_table_column_get_kept (column, i);
      double step;

      if (isnan (value))
        continue;
      if (value < 1800 || value > 2200)
        return FALSE;
      step = isnan (previous) ? 0 : value - previous;
      if (fabs (step) > 10 || (direction != 0 && step * direction < 0))
        return FALSE;
      if (step != 0 || isnan (previous))
        n_distinct++;
      if (step != 0)
        direction = step > 0 ? 1 : -1;
      previous = value;
    }
  return n_distinct >= 2;
}

/* Headers of times that APIs write as seconds or milliseconds since 1970:
 * "timestamp", "time", "date", "created_at", "ts". */
static gboolean
names_times (const char *id)
{
  return strstr (id, "time") != NULL || strstr (id, "date") != NULL
         || g_str_has_suffix (id, "_at") || g_str_equal (id, "ts") || g_str_equal (id, "epoch");
}

/* Whole numbers between 2000 and 2100 as seconds, or milliseconds, since
 * 1970: how many of them a day has, 0 when they are not. */
static double
kept_epoch_units_per_day (const McTableColumn *column)
{
  static const double units[] = { 86400.0, 86400000.0 };

  if (column->keep != MC_TABLE_KEEP_NUMBERS || column->kept == NULL)
    return 0;
  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      gboolean all = TRUE;

      for (guint i = 0; all && i < column->n_kept; i++)
        {
          double kept = mc_table_column_get_kept (column, i);
          double value = kept / units[u];

          all = isnan (value) || (value >= 10957 && value <= 47482 && kept == floor (kept));
        }
      if (all)
        return units[u];
    }
  return 0;
}

/**
 * mc_table_column_decide_type:
 *
 * Returns: the type of the column, from what its cells said
 */
McColumnType
mc_table_column_decide_type (McTableColumn *column,
                             const char    *id)
{
  if (column->n_values == 0)
    return MC_COLUMN_STRING;
  if (column->number && column->years && column->unit == NULL
      && (names_years (id, column->label) || kept_years_sequence (column)))
    return MC_COLUMN_DATE;
  if (column->number && column->unit == NULL && names_times (id)
      && (column->epoch = kept_epoch_units_per_day (column)) != 0)
    return MC_COLUMN_DATE;
  if (column->number)
    return MC_COLUMN_NUMBER;
  if (column->amount && (column->point_ok || column->comma_ok))
    {
      column->amounts = TRUE;
      return MC_COLUMN_NUMBER;
    }
  /* Dates of numbers whose order none of them tells stay text: reading
   * them either way could be wrong. */
  if (column->date && !(column->numeric_date != NULL
                        && column->date_orders == MC_DATE_ORDER_EITHER))
    return MC_COLUMN_DATE;
  if (column->boolean)
    return MC_COLUMN_BOOLEAN;
  return MC_COLUMN_STRING;
}

/* The scale most of the column's amounts are written in; the larger of
 * two as common. */
static McScale
usual_magnitude (const McTableColumn *column)
{
  McScale best = MC_SCALE_NONE;

  for (guint i = MC_SCALE_THOUSAND; i <= MC_SCALE_TRILLION; i++)
    if (column->magnitudes[i] > 0 && column->magnitudes[i] >= column->magnitudes[best])
      best = i;
  return best;
}

/* A column labelled by its header as people read it: a program's id
 * ("net_generation") reads "Net generation". */
static McColumn *
column_new_labelled (const char   *id,
                     const char   *header,
                     McColumnType  type)
{
  g_autofree char *readable = mc_id_to_label (header);

  return mc_column_new (id, readable != NULL ? readable : header, type);
}

/**
 * mc_table_column_new_column:
 * @prefer_comma: read amounts with a decimal comma when both marks fit
 *
 * Makes the dataset's column. A number column takes its unit and scale
 * from its header ("Revenue (USD m)"), unless its values say otherwise
 * ("17%" or "€5" under it), else from its values ("$50 billion").
 */
McColumn *
mc_table_column_new_column (McTableColumn *inferred,
                            const char    *id,
                            McColumnType   type,
                            gboolean       prefer_comma)
{
  g_autofree char *label = NULL;
  g_autofree char *unit = NULL;
  McScale scale = MC_SCALE_NONE;
  McColumn *column;

  if (type != MC_COLUMN_NUMBER)
    return column_new_labelled (id, inferred->label, type);
  if (!mc_header_unit_parse (inferred->label, &label, &unit, &scale)
      || (inferred->unit != NULL && g_strcmp0 (unit, inferred->unit) != 0))
    {
      g_clear_pointer (&label, g_free);
      g_clear_pointer (&unit, g_free);
      scale = MC_SCALE_NONE;
    }
  if (scale == MC_SCALE_NONE && inferred->amounts)
    scale = usual_magnitude (inferred);
  column = column_new_labelled (id, label ? label : inferred->label, type);
  mc_column_set_unit (column, inferred->unit ? inferred->unit : unit);
  mc_column_set_scale (column, scale);
  inferred->factor = mc_scale_get_factor (scale);
  inferred->mark = inferred->point_ok && !(prefer_comma && inferred->comma_ok)
                   ? MC_DECIMAL_POINT : MC_DECIMAL_COMMA;
  return column;
}

/**
 * mc_table_column_read_amount:
 *
 * Reads a value of a column of amounts in the column's scale: "$300
 * million" is 0.3 in a column of billions; a value without a magnitude
 * is in the column's scale already. Its @decimals are those of its
 * digits, in the column's scale: "$300 million" has three.
 */
gboolean
mc_table_column_read_amount (const McTableColumn *column,
                             const char          *text,
                             gsize                length,
                             double              *value,
                             int                 *decimals)
{
  McAmount amount;

  if (!mc_amount_parse (text, length, column->mark, &amount))
    return FALSE;
  if (amount.unit != NULL && g_strcmp0 (amount.unit, column->unit) != 0)
    return FALSE;
  *value = amount.factor != 0 ? amount.number * (amount.factor / column->factor)
                              : amount.number;
  *decimals = mc_amount_written_decimals (&amount, text, length, column->mark, column->factor);
  return isfinite (*value);
}

/**
 * mc_table_column_describe_text:
 *
 * Returns: (nullable): why a column whose values mostly look like
 *   numbers, dates or amounts is text, naming the value that decided it;
 *   %NULL for a column that is not
 */
char *
mc_table_column_describe_text (const McTableColumn *column)
{
  g_autofree char *name = NULL;

  if (mc_column_get_column_type (column->column) != MC_COLUMN_STRING)
    return NULL;
  /* Named as the file heads it, for whoever looks for it there. */
  name = mc_text_shown (column->label);
  if (column->date && column->numeric_date != NULL)
    /* Translators: "column “Date” is read as text: its dates, such as
     * “01/02/2024”, could be day/month or month/day; …" */
    return g_strdup_printf (_("column “%s” is read as text: its dates, such as %s, could be "
                              "day/month or month/day; write them as 2024-02-01 (year, month, "
                              "day)"),
                            name, column->numeric_date);
  if (column->break_text == NULL)
    return NULL;
  if (column->break_unit != NULL)
    /* Translators: "column “Price” is read as text: “€5” is in EUR, the
     * values before it in USD" */
    return g_strdup_printf (_("column “%s” is read as text: %s is in %s, the values "
                              "before it in %s"),
                            name, column->break_text,
                            mc_amount_unit_shown (column->break_unit),
                            mc_amount_unit_shown (column->unit));
  if (column->n_numeric * 2 <= column->n_values)
    return NULL;
  return g_strdup_printf (ngettext ("column “%s” is read as text: %s is not a number, a "
                                    "date or an amount, although %u of its %u value is",
                                    "column “%s” is read as text: %s is not a number, a "
                                    "date or an amount, although %u of its %u values are",
                                    column->n_values),
                          name, column->break_text, column->n_numeric, column->n_values);
}
