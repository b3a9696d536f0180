/* mc-table-builder-private.h: the builder's fast path for plain numbers,
 * which readers inline in their loops
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>
#include <string.h>

#include "mc-amount.h"
#include "mc-cell.h"
#include "mc-csv-private.h"
#include "mc-date-text.h"
#include "mc-table-builder.h"

G_BEGIN_DECLS

/* The values of a column are kept while its type is inferred: as long as
 * every value is a number (or, from the first one on, a date), a table of
 * numbers and dates is read in one pass; so is a column of text whose
 * first cell decides that it is text, in a reader's fast path. Other
 * columns (text, booleans, years, out-of-range numbers) take their
 * cells a second time. */
typedef enum
{
  MC_TABLE_KEEP_NUMBERS,
  MC_TABLE_KEEP_DATES,
  MC_TABLE_KEEP_TEXTS,
  MC_TABLE_KEEP_NOTHING,
} McTableKeep;

/* A column of the table being built. The fields the fast path touches
 * for every cell come first. */
typedef struct
{
  /* The values kept while inferring: doubles, NAN for missing; len is
   * the capacity, n_kept the count */
  McTableKeep      keep;
  guint            n_kept;
  GArray          *kept;
  McDecimals       decimals;     /* of the kept numbers, as written */
  GPtrArray       *texts;        /* the kept texts (char *, NULL for an
                                  * empty cell), when keeping texts */
  /* Values kept in parts (mc_table_column_merge()) that are an even
   * progression so far are only its start and step, and kept stays
   * empty: a column of row numbers or of days needs no array. */
  gboolean         progression;
  double           start;
  double           step;
  /* What every value so far could be */
  guint            n_values;
  gboolean         years;        /* every number is a whole year 1000..9999 */
  gboolean         number;
  gboolean         date;
  gboolean         boolean;
  McDatePrecision  kept_finest;
  char            *label;
  /* Dates written in numbers ("01/02/2024"): the orders every one so far
   * can be read in, and the first of them, for a message */
  McDateOrder      date_orders;
  char            *numeric_date;
  /* Numbers as people write them ("$50 bn", "9,2"), which are read when
   * the plain numbers above are not: what every value so far allows */
  gboolean         amount;
  gboolean         point_ok;     /* read with a decimal point */
  gboolean         comma_ok;     /* read with a decimal comma */
  const char      *unit;         /* of the values so far, static */
  guint            magnitudes[MC_SCALE_TRILLION + 1];
  /* Why a column of numbers is read as text, for the warning: the first
   * value that is no number, date or amount, or has another unit */
  guint            n_numeric;
  gboolean         counting;     /* counting numeric values after a break */
  char            *break_text;
  char            *break_where;
  const char      *break_unit;
  /* Once decided */
  McColumn        *column;       /* the dataset's */
  gboolean         filled;       /* with the kept values */
  McDatePrecision  finest;       /* of the dates appended */
  gboolean         amounts;      /* values are read with mc_amount_parse() */
  McDecimalMark    mark;
  double           factor;       /* of the column's scale */
  double           epoch;        /* numbers are times since 1970 in 1/epoch days */
} McTableColumn;

McTableColumn  *mc_table_builder_get_columns       (McTableBuilder  *self);
void            mc_table_builder_merge             (McTableBuilder  *self,
                                                    McTableColumn   *parts);

/* mc-table-column.c: what the cells of one column say. The inferring
 * functions return whether the cell is the first that makes a column of
 * numbers text. */
void            mc_table_column_start              (McTableColumn   *column);
void            mc_table_column_forget             (McTableColumn   *column);
void            mc_table_column_clear              (McTableColumn   *column);
/* The state of a column at its first date, for a reader that knows it
 * reads dates (mc_table_column_take_date()). */
void            mc_table_column_expect_dates       (McTableColumn   *column);
/* Whether @text, the first cell of a column, makes it a column of text
 * whatever the cells after it are. */
gboolean        mc_table_column_decides_text       (const char      *text,
                                                    gsize            length);
/* The state of a column that keeps texts, for a reader that knows its
 * first cell decides it is text (mc_table_column_take_text()). */
void            mc_table_column_expect_text        (McTableColumn   *column);
/* Whether a column that keeps texts has counted its numeric values to
 * the end: then no warning can say it was mostly numbers, and the reader
 * needs not know where its first cell was. */
gboolean        mc_table_column_done_counting      (const McTableColumn *column);
/* Takes in what @part, a column started the same way, found in the next
 * rows: its values follow @column's. */
void            mc_table_column_merge              (McTableColumn   *column,
                                                    McTableColumn   *part);
double          mc_table_column_get_kept           (const McTableColumn *column,
                                                    guint            index);
/* Room for @n_values kept values in all. */
void            mc_table_column_reserve            (McTableColumn   *column,
                                                    guint            n_values);
/* Makes kept values that are a progression an array. */
void            mc_table_column_end_progression    (McTableColumn   *column);
/* Hands the kept values to the dataset's column: as a progression, or an
 * array with its summary. */
void            mc_table_column_give_kept          (McTableColumn   *column,
                                                    McColumn        *to);
gboolean        mc_table_column_infer_text         (McTableColumn   *column,
                                                    const char      *text,
                                                    gsize            length);
gboolean        mc_table_column_infer_number       (McTableColumn   *column,
                                                    double           value,
                                                    int              decimals,
                                                    const char      *unit,
                                                    const char      *text,
                                                    gsize            length);
gboolean        mc_table_column_infer_boolean      (McTableColumn   *column,
                                                    const char      *text,
                                                    gsize            length);
gboolean        mc_table_column_infer_date         (McTableColumn   *column,
                                                    double           days,
                                                    McDatePrecision  precision,
                                                    const char      *text,
                                                    gsize            length);
McColumnType    mc_table_column_decide_type        (McTableColumn   *column,
                                                    const char      *id);
McColumn       *mc_table_column_new_column         (McTableColumn   *inferred,
                                                    const char      *id,
                                                    McColumnType     type,
                                                    gboolean         prefer_comma);
gboolean        mc_table_column_read_amount        (const McTableColumn *column,
                                                    const char      *text,
                                                    gsize            length,
                                                    double          *value,
                                                    int             *decimals);
char           *mc_table_column_describe_text      (const McTableColumn *column);
/* A cell of digits, signs, points and exponents: FALSE when it is not a
 * number the fast path takes, and the reader must start over with
 * mc_table_builder_restart() and mc_table_builder_infer_cell(). */
gboolean        mc_table_column_take_number_text   (McTableColumn   *column,
                                                    const char      *text,
                                                    gsize            length);

/* Whether the cells of the column can still change what its type is or
 * keep its values. */
static inline gboolean
mc_table_column_wants_cell (const McTableColumn *column)
{
  return column->number || column->date || column->boolean || column->amount
         || column->counting;
}

/* Keeps the whole numbers from @first on, @n of them, each one more
 * than the one before, written without decimals. */
void            mc_table_column_keep_counted       (McTableColumn   *column,
                                                    double           first,
                                                    guint            n,
                                                    gboolean         last);

/* Notes the decimals of a kept value that the column's one number for
 * them all does not say. */
void            mc_table_column_keep_decimals      (McTableColumn   *column,
                                                    double           value,
                                                    int              decimals);

/* Keeps @value, written with @decimals (MC_DECIMALS_UNKNOWN for a
 * date or a missing value). */
static inline void
mc_table_column_keep (McTableColumn *column,
                      double         value,
                      int            decimals)
{
  if (column->keep == MC_TABLE_KEEP_NOTHING)
    return;
  if (column->n_kept == column->kept->len)
    g_array_set_size (column->kept, MAX (1024, 2 * column->kept->len));
  /* Most numbers of a column are written alike: no call for them. */
  if (G_UNLIKELY (column->decimals.all != decimals))
    mc_table_column_keep_decimals (column, value, decimals);
  g_array_index (column->kept, double, column->n_kept++) = value;
}

/* A cell that holds @value and nothing else, written with @decimals, as
 * scanned, and is no code with leading zeros. */
static inline void
mc_table_column_take_scanned_number (McTableColumn *column,
                                     const char    *text,
                                     gsize          length,
                                     double         value,
                                     int            decimals)
{
  column->n_values++;
  column->n_numeric++;
  if (column->years &&
      (value != floor (value) || value < 1000 || value > 9999 ||
       memchr (text, '.', length) != NULL || memchr (text, 'e', length) != NULL ||
       memchr (text, 'E', length) != NULL))
    column->years = FALSE;
  mc_table_column_keep (column, value, decimals);
}

/* @n cells that held the whole numbers from @first on, each one more
 * than the one before, as the fast path counts them from their text:
 * what mc_table_column_take_scanned_number() would have kept of each,
 * kept at once (mc_table_column_keep_counted()). With @last, no cell
 * follows them in this part of the column, which may then keep them
 * without an array. */
static inline void
mc_table_column_take_counted (McTableColumn *column,
                              double         first,
                              guint          n,
                              gboolean       last)
{
  if (n == 0)
    return;
  column->n_values += n;
  column->n_numeric += n;
  if (column->years && (first < 1000 || first + (n - 1) > 9999))
    column->years = FALSE;
  if (column->keep != MC_TABLE_KEEP_NOTHING)
    mc_table_column_keep_counted (column, first, n, last);
}

/* The same, FALSE when it is a code with leading zeros ("0700"), which
 * is not a number. */
static inline gboolean
mc_table_column_take_number (McTableColumn *column,
                             const char    *text,
                             gsize          length,
                             double         value,
                             int            decimals)
{
  if (mc_cell_has_leading_zero (text, length))
    return FALSE;
  mc_table_column_take_scanned_number (column, text, length, value, decimals);
  return TRUE;
}

/* A cell of an amount with a decimal comma ("98,50"), as the general
 * reader reads it where a table prefers decimal commas: its column is
 * no longer one of plain numbers (no years, no seconds since 1970). */
static inline void
mc_table_column_take_amount (McTableColumn *column,
                             double         value,
                             int            decimals)
{
  column->number = FALSE;
  column->years = FALSE;
  column->n_values++;
  column->n_numeric++;
  mc_table_column_keep (column, value, decimals);
}

/* A cell of a column that keeps texts, as the general reader finds it
 * (without the spaces around it); the merge counts its values
 * (mc_table_column_merge()). */
static inline void
mc_table_column_take_text (McTableColumn *column,
                           const char    *text,
                           gsize          length)
{
  g_ptr_array_add (column->texts, length > 0 ? g_strndup (text, length) : NULL);
}

/* A date column's cell: its days since 1970, as mc_date_text_parse()
 * reads it. */
static inline void
mc_table_column_take_date (McTableColumn *column,
                           double         days)
{
  column->n_values++;
  column->n_numeric++;
  mc_table_column_keep (column, days, MC_DECIMALS_UNKNOWN);
}

G_END_DECLS
