/* mc-default-chart.c: the chart a dataset without declared charts gets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the table builder's work: once it has decided what the columns
 * hold, it chooses a chart for them, as an analyst would: the form the
 * data asks for (candles for prices, a scatter for two measures of named
 * things, lines over dates, bars over categories), never two units on one
 * axis, never more series than colours. Each choice is noted with its
 * reason (--check --verbose prints them); each column left out is named
 * in a warning. A dataset file that declares no chart gets one the same
 * way.
 */
#include "config.h"

#include "mc-default-chart.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mc-loader-error.h"
#include "mc-row-keys.h"
#include "mc-text.h"

/* A default chart shows at most this many number columns. */
#define MAX_SERIES 6
/* More series than this don't get a colour each. */
#define MAX_COLORED_SERIES 8
/* Kept series when there are more, the rest folded into "Other". */
#define TOP_SERIES 7
/* Series of measures that don't add up are panels up to this many. */
#define MAX_PANELS 12
/* Columns whose largest values differ more than this many times don't
 * share a value axis: the smaller ones would be slivers. */
#define MAX_MAGNITUDE_RATIO 20.0
/* Whole numbers with at most this many distinct values, each repeated,
 * are codes of categories rather than values. */
#define MAX_CODES 12
/* A scatter chart needs enough points to show a relation. */
#define MIN_SCATTER_ROWS 8
/* A bar chart of more categories than this draws bars far thinner than
 * a pixel and takes a second or more to lay out at every frame (a
 * table of ten million named rows took minutes). */
#define MAX_BAR_CATEGORIES 10000
/* Prices whose series differ more than this many times in size are
 * indexed, to compare their moves. */
#define INDEX_RATIO 3.0

typedef struct
{
  McDataset  *dataset;
  const char *name;
  McColumn   *date;        /* the finest date column */
  McColumn   *year;        /* without a full date: a year and a month */
  McColumn   *month;
  McColumn   *label;       /* text that names each row */
  McColumn   *text;        /* the first text column */
  GPtrArray  *categories;  /* McColumn *: text and codes whose values repeat */
  GPtrArray  *values;      /* McColumn *: numbers that are measures */
  GPtrArray  *left_out;    /* McColumn *: values the chart doesn't show */
  McColumn   *too_many;    /* categories too many for bars */
  GHashTable *distinct;    /* McColumn * → how many distinct values it
                            * holds, once counted to its end */
  McColumn   *numbered;    /* the series column of @series_numbers */
  guint      *series_numbers;
  guint       n_series;
  McChartSpec *spec;
} Table;

/* A note (why the chart is what it is) or a warning (what it leaves
 * out) on the table, for a table with a name. */
static void
add_message (Table      *t,
             gboolean    warning,
             const char *format,
             va_list     args)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;

  if (t->name == NULL)
    return;
  message = g_strdup_vprintf (format, args);
  full = mc_loader_format_message (t->name, 0, 0, message);
  if (warning)
    mc_dataset_add_warning (t->dataset, full);
  else
    mc_dataset_add_note (t->dataset, full);
}

G_GNUC_PRINTF (2, 3)
static void
note (Table      *t,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  add_message (t, FALSE, format, args);
  va_end (args);
}

G_GNUC_PRINTF (2, 3)
static void
warn (Table      *t,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  add_message (t, TRUE, format, args);
  va_end (args);
}

static char *
shown (McColumn *column)
{
  return mc_text_shown (mc_column_get_label (column));
}

/* What a column is */

/* Whether the id or the label of @column holds one of @words as a word:
 * "month", "Sales month", "sales_month". */
static gboolean
named (McColumn           *column,
       const char * const *words)
{
  const char *names[] = { mc_column_get_id (column), mc_column_get_label (column) };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *lower = g_ascii_strdown (names[n] ? names[n] : "", -1);
      g_auto(GStrv) tokens = g_regex_split_simple ("[^a-z0-9]+", lower, 0, 0);

      for (guint i = 0; tokens[i] != NULL; i++)
        if (g_strv_contains (words, tokens[i]))
          return TRUE;
    }
  return FALSE;
}

/* The bits of a double, for a hash table of values: every two doubles
 * of different bits are different values but NANs, which are missing
 * values. */
static guint
value_bits_hash (gconstpointer key)
{
  guint64 bits;

  memcpy (&bits, key, sizeof bits);
  return (guint) (bits ^ (bits >> 32));
}

static gboolean
value_bits_equal (gconstpointer a,
                  gconstpointer b)
{
  return memcmp (a, b, sizeof (double)) == 0;
}

/* count_distinct() of a column of texts: their codes, which the chart
 * of a long table asks for again (mc_column_get_text_codes()). Texts
 * are counted to the end whatever the limit: whether they name the
 * rows asks for every one of them to differ. */
static guint
count_distinct_texts (McColumn *column,
                      guint     limit)
{
  guint n = mc_text_codes_get_n_texts (mc_column_get_text_codes (column));

  return MIN (n, limit == G_MAXUINT ? n : limit + 1);
}

/* The distinct values of @column (texts by their content, numbers by
 * their bits), counted up to @limit + 1, without writing a text of
 * each: the cells of a million rows were a tenth of reading them. */
static guint
count_distinct_values (McColumn *column,
                       guint     limit)
{
  guint n = mc_column_get_n_rows (column);
  g_autoptr(GHashTable) seen = NULL;
  const double *values;
  double start, step;

  if (mc_column_get_column_type (column) == MC_COLUMN_STRING)
    return count_distinct_texts (column, limit);
  if (mc_column_get_progression (column, &start, &step))
    return n == 0 ? 0 : step == 0 ? 1 : n <= limit ? n : limit + 1;
  seen = g_hash_table_new (value_bits_hash, value_bits_equal);
  values = mc_column_get_values (column, &n);
  for (guint row = 0; row < n; row++)
    {
      if (isnan (values[row]))
        continue;
      g_hash_table_add (seen, (gpointer) &values[row]);
      if (g_hash_table_size (seen) > limit)
        break;
    }
  return g_hash_table_size (seen);
}

/* count_distinct_values(), counted to the end once per column: the
 * choice asks it of a column of tickers several times, each a pass
 * through a million texts. */
static guint
count_distinct (Table    *t,
                McColumn *column,
                guint     limit)
{
  gpointer known;
  guint n;

  if (g_hash_table_lookup_extended (t->distinct, column, NULL, &known))
    return limit < GPOINTER_TO_UINT (known) ? limit + 1 : GPOINTER_TO_UINT (known);
  n = count_distinct_values (column, limit);
  /* Fewer than the limit: counted to the end */
  if (n <= limit)
    g_hash_table_insert (t->distinct, column, GUINT_TO_POINTER (n));
  return n;
}

static guint
count_present (McColumn *column)
{
  guint n = 0;

  for (guint row = 0; row < mc_column_get_n_rows (column); row++)
    n += !mc_column_is_missing (column, row);
  return n;
}

static gboolean
whole_numbers (McColumn *column)
{
  guint n = mc_column_get_n_rows (column);
  const double *values;
  double start, step;

  /* Without making the values of a progression. */
  if (mc_column_get_progression (column, &start, &step))
    return n == 0 || (start == floor (start) && (n == 1 || step == floor (step)));
  values = mc_column_get_values (column, &n);
  for (guint i = 0; i < n; i++)
    if (isfinite (values[i]) && values[i] != floor (values[i]))
      return FALSE;
  return TRUE;
}

/* Whole numbers that name groups: a cluster, a code, an age; or a few
 * values, each of many rows. */
static gboolean
holds_codes (Table    *t,
             McColumn *column)
{
  static const char * const words[] = {
    "code", "codes", "id", "cluster", "group", "class", "category", "type", "segment",
    "rank", "quintile", "decile", "age", "zip", "postcode", NULL
  };
  guint distinct;

  if (!whole_numbers (column) || mc_column_get_unit (column) != NULL)
    return FALSE;
  if (named (column, words))
    return TRUE;
  distinct = count_distinct (t, column, MAX_CODES);
  return distinct >= 2 && distinct <= MAX_CODES && count_present (column) >= 4 * distinct;
}

static gboolean
holds_months (McColumn *column)
{
  static const char * const words[] = { "month", "months", "mon", "mo", NULL };
  static const char * const names[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  if (!named (column, words))
    return FALSE;
  for (guint row = 0; row < mc_column_get_n_rows (column); row++)
    {
      gboolean month = mc_column_is_missing (column, row);

      if (mc_column_get_column_type (column) == MC_COLUMN_NUMBER)
        month = month || (mc_column_get_value (column, row) >= 1
                          && mc_column_get_value (column, row) <= 12);
      for (guint m = 0; !month && m < G_N_ELEMENTS (names)
           && mc_column_get_column_type (column) == MC_COLUMN_STRING; m++)
        month = g_ascii_strncasecmp (mc_column_get_string (column, row), names[m], 3) == 0;
      if (!month)
        return FALSE;
    }
  return TRUE;
}

/* Text whose values all differ names the rows; text whose values repeat
 * groups them. */
static gboolean
names_rows (Table    *t,
            McColumn *column)
{
  guint present = count_present (column);

  return present >= 1 && count_distinct (t, column, present) == present;
}

static gboolean
repeats (Table    *t,
         McColumn *column)
{
  guint distinct = count_distinct (t, column, G_MAXUINT);

  return distinct >= 2 && count_present (column) >= 2 * distinct;
}

/* Values that add up: amounts and counts, not prices, rates, shares or
 * averages, whose sum means nothing. */
static gboolean
adds_up (McColumn *column)
{
  static const char * const words[] = {
    "price", "prices", "close", "open", "high", "low", "rate", "rates", "ratio", "average",
    "avg", "mean", "median", "index", "per", "share", "yield", "return", "returns",
    "expectancy", "temperature", "temp", "score", NULL
  };
  const char *unit = mc_column_get_unit (column);

  return g_strcmp0 (unit, "percent") != 0 && g_strcmp0 (unit, "%") != 0 && !named (column, words);
}

static gboolean
is_currency (McColumn *column)
{
  const char *unit = mc_column_get_unit (column);

  return unit != NULL && strlen (unit) == 3 && g_ascii_isupper (unit[0])
         && g_ascii_isupper (unit[1]) && g_ascii_isupper (unit[2]);
}

/* Sorting the columns */

/* The finest date column is the x axis; coarser ones (a "year" next to
 * a "date") are its parts. */
static void
add_date (Table    *t,
          McColumn *column)
{
  if (t->date == NULL
      || mc_column_get_date_precision (column) > mc_column_get_date_precision (t->date))
    t->date = column;
}

static void
classify (Table *t)
{
  static const char * const year_words[] = { "year", "yr", "fy", NULL };

  for (guint i = 0; i < mc_dataset_get_n_columns (t->dataset); i++)
    {
      McColumn *column = mc_dataset_get_column (t->dataset, i);

      switch (mc_column_get_column_type (column))
        {
        case MC_COLUMN_DATE:
          add_date (t, column);
          break;
        case MC_COLUMN_NUMBER:
          if (holds_months (column))
            t->month = column;
          else if (holds_codes (t, column))
            g_ptr_array_add (t->categories, column);
          else
            g_ptr_array_add (t->values, column);
          break;
        case MC_COLUMN_STRING:
          t->text = t->text != NULL ? t->text : column;
          if (holds_months (column))
            t->month = column;
          else if (t->label == NULL && names_rows (t, column))
            t->label = column;
          else if (repeats (t, column))
            g_ptr_array_add (t->categories, column);
          break;
        case MC_COLUMN_BOOLEAN:
        default:
          break;
        }
    }
  /* A year and a month, without a full date, date the rows together. */
  if (t->month != NULL && t->date != NULL
      && mc_column_get_date_precision (t->date) == MC_DATE_YEAR && named (t->date, year_words))
    {
      t->year = t->date;
      t->date = NULL;
    }
  else
    t->month = NULL;
}

static McColumn *
value_at (Table *t,
          guint  i)
{
  return g_ptr_array_index (t->values, i);
}

static double
largest_magnitude (McColumn *column)
{
  const McValueSummary *summary = mc_column_get_summary (column);
  double min, max;

  if (!mc_value_summary_get_range (summary, &min, &max))
    return 0;
  /* Infinities are no size to compare. */
  min = isfinite (min) ? fabs (min) : 0;
  max = isfinite (max) ? fabs (max) : 0;
  return MAX (min, max);
}

/* Whether @a and @b can be read on one axis: the same unit and scale,
 * and values of a similar size. */
static gboolean
columns_comparable (McColumn *a,
                    McColumn *b)
{
  double ma = largest_magnitude (a), mb = largest_magnitude (b);

  if (g_strcmp0 (mc_column_get_unit (a), mc_column_get_unit (b)) != 0
      || mc_column_get_scale (a) != mc_column_get_scale (b))
    return FALSE;
  if (ma == 0 || mb == 0)
    return TRUE;
  return MAX (ma, mb) / MIN (ma, mb) <= MAX_MAGNITUDE_RATIO;
}

/* Leaves out the value columns from @keep on, into the left-out ones. */
static void
leave_out_from (Table *t,
                guint  keep)
{
  while (t->values->len > keep)
    g_ptr_array_add (t->left_out, g_ptr_array_steal_index (t->values, keep));
}

/* Keeps the values that share the first one's axis, at most @max. */
static void
keep_comparable (Table *t,
                 guint  max)
{
  for (guint i = t->values->len; i > 1; i--)
    if (!columns_comparable (value_at (t, 0), value_at (t, i - 1)))
      g_ptr_array_insert (t->left_out, 0, g_ptr_array_steal_index (t->values, i - 1));
  leave_out_from (t, max);
}

/* Specs */

static McChartSpec *
spec_new (Table      *t,
          const char *type,
          McColumn   *x)
{
  McChartSpec *spec = mc_chart_spec_new ("chart", type);

  mc_chart_spec_set_title (spec, mc_dataset_get_title (t->dataset));
  if (x != NULL)
    mc_chart_spec_set_string (spec, "x", mc_column_get_id (x));
  return spec;
}

static void
set_values (McChartSpec *spec,
            const char  *key,
            GPtrArray   *columns)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < columns->len; i++)
    g_strv_builder_add (builder, mc_column_get_id (g_ptr_array_index (columns, i)));
  ids = g_strv_builder_end (builder);
  mc_chart_spec_set_strv (spec, key, (const char * const *) ids);
}

/* mc_row_keys_number() of @series, worked out once: finding duplicates,
 * the order of each series' x and their first values each go through
 * every row of a long table by its series. */
static const guint *
series_numbers (Table    *t,
                McColumn *series,
                guint    *n_series)
{
  if (t->numbered != series)
    {
      g_free (t->series_numbers);
      t->series_numbers = mc_row_keys_number (series, &t->n_series);
      t->numbered = series;
    }
  *n_series = t->n_series;
  return t->series_numbers;
}

/* Whether @column never decreases down the rows of each value of
 * @series (or of the whole column without one). */
static gboolean
ordered_by (Table    *t,
            McColumn *column,
            McColumn *series)
{
  g_autofree double *last = NULL;
  const guint *numbers;
  guint n_series;

  if (series == NULL)
    {
      double previous = NAN;

      /* Known from the column's summary when it has no gaps. */
      if (mc_value_summary_is_sorted (mc_column_get_summary (column)))
        return TRUE;
      for (guint row = 0; row < mc_column_get_n_rows (column); row++)
        {
          double x = mc_column_get_value (column, row);

          if (x < previous)
            return FALSE;
          if (!isnan (x))
            previous = x;
        }
      return TRUE;
    }

  numbers = series_numbers (t, series, &n_series);
  /* Each series' last x, NAN before its first */
  last = g_new (double, MAX (n_series, 1));
  for (guint k = 0; k < n_series; k++)
    last[k] = NAN;
  for (guint row = 0; row < mc_column_get_n_rows (column); row++)
    {
      double x = mc_column_get_value (column, row);

      /* A row without an x or without a series is on no line. */
      if (isnan (x) || (mc_column_get_column_type (series) == MC_COLUMN_STRING
                        && mc_column_get_string (series, row) == NULL))
        continue;
      if (x < last[numbers[row]])
        return FALSE;
      last[numbers[row]] = x;
    }
  return TRUE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  /* NAN last and -0 before 0, so that the same keys are next to each
   * other. */
  if (isnan (x) || isnan (y))
    return (isnan (x) != 0) - (isnan (y) != 0);
  if (x == y)
    return (signbit (y) != 0) - (signbit (x) != 0);
  return (x > y) - (x < y);
}

/* Whether @values, in order, has the same key twice in a row; whether
 * it had -0 and 0 among equal values, which may then be apart. */
static gboolean
same_keys_in_a_row (const double *values,
                    guint         n,
                    gboolean     *signs_mixed)
{
  for (guint i = 1; i < n; i++)
    {
      if (mc_row_keys_same_value (values[i - 1], values[i]))
        return TRUE;
      if (values[i - 1] == values[i])
        *signs_mixed = TRUE;
    }
  return FALSE;
}

/* has_duplicates() of a number or date column alone, without making a
 * text of each of its (millions of) values. */
static gboolean
has_duplicate_values (McColumn *x)
{
  double start, step;
  guint n;
  const double *values;
  g_autofree double *sorted = NULL;

  if (mc_column_get_progression (x, &start, &step))
    return step == 0 && mc_column_get_n_rows (x) > 1;
  values = mc_column_get_values (x, &n);
  if (mc_value_summary_is_sorted (mc_column_get_summary (x)))
    {
      gboolean signs_mixed = FALSE;

      if (same_keys_in_a_row (values, n, &signs_mixed))
        return TRUE;
      if (!signs_mixed)
        return FALSE;
    }
  sorted = g_memdup2 (values, n * sizeof (double));
  qsort (sorted, n, sizeof (double), compare_keys);
  {
    gboolean signs_mixed = FALSE;

    return same_keys_in_a_row (sorted, n, &signs_mixed);
  }
}

/* The series whose numbers of @x each rise down the rows, as most long
 * tables are written (day after day, a row for each ticker): those hold
 * no two rows of the same x and series, which they tell without a hash
 * table of every row. Returns TRUE with @duplicates set when it could
 * tell (a series' x the same twice in a row is one), FALSE when it
 * could not (an x that is not higher than the one before it in its
 * series). */
static gboolean
rising_in_series (McColumn    *x,
                  const guint *numbers,
                  guint        n_series,
                  gboolean    *duplicates)
{
  g_autofree double *last = g_new (double, MAX (n_series, 1));
  g_autofree guint8 *met = g_new0 (guint8, MAX (n_series, 1));

  *duplicates = FALSE;
  for (guint row = 0; row < mc_column_get_n_rows (x); row++)
    {
      double value = mc_column_get_value (x, row);
      guint k = numbers[row];

      if (!met[k])
        {
          if (isnan (value))
            return FALSE;
          met[k] = TRUE;
          last[k] = value;
          continue;
        }
      if (value > last[k])
        last[k] = value;
      else if (mc_row_keys_same_value (value, last[k]))
        return *duplicates = TRUE;
      else
        return FALSE;
    }
  return TRUE;
}

/* Whether two rows share their x (with its month) and series: they
 * must be combined. */
static gboolean
has_duplicates (Table    *t,
                McColumn *x,
                McColumn *month,
                McColumn *series)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autofree McRowKey *keys = NULL;
  McColumn *columns[3] = { x, };
  guint n_columns = 1;
  gboolean duplicates;

  if (month == NULL && series == NULL && mc_column_get_column_type (x) != MC_COLUMN_STRING)
    return has_duplicate_values (x);
  if (month == NULL && series != NULL && mc_column_get_column_type (x) != MC_COLUMN_STRING)
    {
      guint n_series;
      const guint *numbers = series_numbers (t, series, &n_series);

      if (rising_in_series (x, numbers, n_series, &duplicates))
        return duplicates;
    }
  if (month != NULL)
    columns[n_columns++] = month;
  if (series != NULL)
    columns[n_columns++] = series;
  keys = mc_row_keys_new (columns, n_columns);
  seen = g_hash_table_new (mc_row_key_hash, mc_row_key_equal);
  for (guint row = 0; row < mc_column_get_n_rows (x); row++)
    if (!g_hash_table_add (seen, &keys[row]))
      return TRUE;
  return FALSE;
}

/* The category with the fewest values (@fewest) or the most: the
 * series are the one with the fewest (sex rather than age), which the
 * others are combined over; bars run along the one with the most. */
static McColumn *
category_by_size (Table    *t,
                  gboolean  fewest)
{
  McColumn *best = NULL;
  guint best_distinct = 0;

  for (guint i = 0; i < t->categories->len; i++)
    {
      McColumn *column = g_ptr_array_index (t->categories, i);
      guint distinct = count_distinct (t, column, G_MAXUINT);

      if (best == NULL || (fewest ? distinct < best_distinct : distinct > best_distinct))
        {
          best = column;
          best_distinct = distinct;
        }
    }
  return best;
}

static McColumn *
series_column (Table *t)
{
  return category_by_size (t, TRUE);
}

/* Rows that share their x and series are summed when their values add
 * up, else averaged. */
static void
combine_duplicates (Table    *t,
                    McColumn *x,
                    McColumn *series)
{
  g_autofree char *x_shown = shown (x);
  gboolean sum = adds_up (value_at (t, 0));

  if (!has_duplicates (t, x, t->month, series))
    return;
  mc_chart_spec_set_string (t->spec, "aggregate", sum ? "sum" : "mean");
  if (series != NULL)
    {
      g_autofree char *series_shown = shown (series);

      note (t, sum ? _("rows with the same “%s” and “%s” are added up")
                   : _("rows with the same “%s” and “%s” are averaged"), x_shown, series_shown);
    }
  else
    note (t, sum ? _("rows with the same “%s” are added up") : _("rows with the same “%s” are "
                                                                  "averaged"), x_shown);
}

/* Candles */

static McColumn *
value_named (Table      *t,
             const char *word)
{
  const char * const words[] = { word, NULL };

  for (guint i = 0; i < t->values->len; i++)
    if (named (value_at (t, i), words))
      return value_at (t, i);
  return NULL;
}

static void
take_value (Table    *t,
            McColumn *column)
{
  g_ptr_array_remove (t->values, column);
}

/* Open, high, low and close over dates make candles, the volume a panel
 * under them; of several tickers, the first. */
static gboolean
choose_candles (Table *t)
{
  const char *keys[] = { "open", "high", "low", "close" };
  McColumn *prices[4], *volume = value_named (t, "volume"), *ticker = series_column (t);

  if (t->date == NULL)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if ((prices[i] = value_named (t, keys[i])) == NULL && i < 3)
      return FALSE;
  /* Some sources call the close the price, or the last. */
  if (prices[3] == NULL)
    prices[3] = value_named (t, "price") != NULL ? value_named (t, "price")
                                                 : value_named (t, "last");
  if (prices[3] == NULL)
    return FALSE;
  if (volume == NULL)
    volume = value_named (t, "vol");
  t->spec = spec_new (t, "candlestick", t->date);
  for (guint i = 0; i < 4; i++)
    {
      mc_chart_spec_set_string (t->spec, keys[i], mc_column_get_id (prices[i]));
      take_value (t, prices[i]);
    }
  {
    g_autofree char *date = shown (t->date);

    note (t, _("columns of open, high, low and close prices over “%s”: a candlestick "
               "chart"), date);
  }
  if (volume != NULL)
    {
      mc_chart_spec_set_string (t->spec, "volume", mc_column_get_id (volume));
      take_value (t, volume);
      note (t, _("the volume is in a panel under the prices"));
    }
  if (ticker != NULL)
    {
      const char *first[] = { mc_column_get_string (ticker, 0), NULL };
      g_autofree char *ticker_shown = shown (ticker);

      if (first[0] != NULL && mc_column_get_column_type (ticker) == MC_COLUMN_STRING)
        {
          mc_chart_spec_set_string (t->spec, "filter", mc_column_get_id (ticker));
          mc_chart_spec_set_strv (t->spec, "filter_values", first);
          note (t, _("of the values of “%s”, the candles show the first, “%s”"), ticker_shown,
                first[0]);
        }
    }
  leave_out_from (t, 0);
  return TRUE;
}

/* Lines over time */

/* Lines of more than MAX_COLORED_SERIES series: the largest and one
 * "Other" when their values add up; else a panel each, when they are
 * not too many; else the largest and the mean of the others. */
static void
limit_series (Table    *t,
              McColumn *series)
{
  guint distinct = count_distinct (t, series, G_MAXUINT);
  g_autofree char *series_shown = shown (series);
  gboolean sum = adds_up (value_at (t, 0));

  if (distinct <= MAX_COLORED_SERIES)
    return;
  if (!sum && distinct <= MAX_PANELS)
    {
      mc_chart_spec_set_string (t->spec, "panels", "series");
      note (t, _("%u values of “%s” are too many colours for one chart: one panel each"),
            distinct, series_shown);
      return;
    }
  mc_chart_spec_set_number (t->spec, "top", TOP_SERIES);
  if (!sum && mc_chart_spec_get_string (t->spec, "aggregate") == NULL)
    mc_chart_spec_set_string (t->spec, "aggregate", "mean");
  note (t, sum ? _("%u values of “%s” are too many colours for one chart: the %d largest, "
                   "and the others added up as one")
               : _("%u values of “%s” are too many colours for one chart: the %d largest, "
                   "and the mean of the others as one"),
        distinct, series_shown, TOP_SERIES);
}

/* The lowest and highest of the first values of the series of @series
 * (G_MAXDOUBLE and 0 without any). */
static void
first_values_range (Table    *t,
                    McColumn *series,
                    McColumn *value,
                    double   *lo,
                    double   *hi)
{
  guint n_series;
  const guint *numbers = series_numbers (t, series, &n_series);
  g_autofree guint8 *seen = g_new0 (guint8, MAX (n_series, 1));

  *lo = G_MAXDOUBLE;
  *hi = 0;
  for (guint row = 0; row < mc_column_get_n_rows (value); row++)
    {
      double v = mc_column_get_value (value, row);

      if (isnan (v) || (mc_column_get_column_type (series) == MC_COLUMN_STRING
                        && mc_column_get_string (series, row) == NULL))
        continue;
      /* The series' first row */
      if (!seen[numbers[row]])
        {
          seen[numbers[row]] = TRUE;
          *lo = MIN (*lo, v);
          *hi = MAX (*hi, v);
        }
    }
}

/* Prices of series of different sizes are compared by their moves:
 * each series indexed to 100. */
static void
index_prices (Table    *t,
              McColumn *series,
              McColumn *value)
{
  double lo, hi;

  static const char * const words[] = { "price", "prices", "close", "last", NULL };

  if (adds_up (value) || (!is_currency (value) && !named (value, words)))
    return;
  first_values_range (t, series, value, &lo, &hi);
  if (!(lo > 0) || hi / lo <= INDEX_RATIO)
    return;
  mc_chart_spec_set_string (t->spec, "transform", "index");
  note (t, _("prices of very different sizes: each line is indexed to 100 at its start, so "
             "that their moves compare"));
}

/* Value columns of different units don't share an axis: one panel per
 * unit. Columns without a unit share one only when they are of a
 * similar size. */
static void
panels_by_unit (Table *t)
{
  gboolean one_axis = TRUE;

  leave_out_from (t, MAX_SERIES);
  for (guint i = 1; i < t->values->len; i++)
    one_axis = one_axis && columns_comparable (value_at (t, 0), value_at (t, i));
  if (one_axis)
    return;
  mc_chart_spec_set_string (t->spec, "panels", "unit");
  note (t, _("the columns are in different units, which never share an axis: one panel "
             "per unit"));
}

static void
note_time_x (Table *t)
{
  g_autofree char *x_shown = shown (t->year != NULL ? t->year : t->date);

  if (t->year != NULL)
    {
      g_autofree char *month_shown = shown (t->month);

      note (t, _("“%s” and “%s” date the rows together: a line over time"), x_shown,
            month_shown);
      mc_chart_spec_set_string (t->spec, "month", mc_column_get_id (t->month));
    }
  else
    note (t, _("“%s” holds dates: a line over time"), x_shown);
}

static gboolean
choose_lines (Table *t)
{
  McColumn *x = t->date != NULL ? t->date : t->year;
  McColumn *series = series_column (t);

  if (x == NULL || t->values->len == 0)
    return FALSE;
  t->spec = spec_new (t, "line", x);
  note_time_x (t);
  if (series != NULL)
    {
      g_autofree char *series_shown = shown (series);

      leave_out_from (t, 1);
      mc_chart_spec_set_string (t->spec, "series", mc_column_get_id (series));
      note (t, _("one line per value of “%s”"), series_shown);
      combine_duplicates (t, x, series);
      limit_series (t, series);
      index_prices (t, series, value_at (t, 0));
    }
  else
    {
      combine_duplicates (t, x, NULL);
      panels_by_unit (t);
    }
  /* Rows newest first still make a line from the oldest. */
  if (t->month == NULL && !ordered_by (t, x, series)
      && !mc_chart_spec_has_option (t->spec, "aggregate"))
    {
      mc_chart_spec_set_boolean (t->spec, "sort", TRUE);
      note (t, _("the rows are not in the order of their dates: the line joins them in that "
                 "order"));
    }
  set_values (t->spec, "y", t->values);
  return TRUE;
}

/* Scatter */

/* Two measures of named things, in different units or sizes: one dot
 * each, a third measure sizing them, a category colouring them. */
static gboolean
choose_scatter (Table *t)
{
  McColumn *x, *y, *size = NULL, *groups = series_column (t);
  g_autofree char *x_shown = NULL, *y_shown = NULL, *label_shown = NULL;
  guint n_rows = mc_dataset_get_n_rows (t->dataset);

  if (t->label == NULL || t->values->len < 2 || n_rows < MIN_SCATTER_ROWS
      || columns_comparable (value_at (t, 0), value_at (t, 1)))
    return FALSE;
  x = value_at (t, 0);
  y = value_at (t, 1);
  x_shown = shown (x);
  y_shown = shown (y);
  label_shown = shown (t->label);
  t->spec = spec_new (t, "scatter", x);
  mc_chart_spec_set_string (t->spec, "label", mc_column_get_id (t->label));
  note (t, _("“%s” names the rows, and “%s” and “%s” measure them: a scatter chart"),
        label_shown, x_shown, y_shown);
  if (t->values->len > 2 && largest_magnitude (value_at (t, 2)) > 0)
    {
      g_autofree char *size_shown = shown (value_at (t, 2));

      size = value_at (t, 2);
      mc_chart_spec_set_string (t->spec, "size", mc_column_get_id (size));
      note (t, _("the areas of the bubbles show “%s”"), size_shown);
    }
  if (groups != NULL)
    {
      g_autofree char *groups_shown = shown (groups);

      mc_chart_spec_set_string (t->spec, "series", mc_column_get_id (groups));
      note (t, _("the colours show “%s”"), groups_shown);
    }
  take_value (t, x);
  mc_chart_spec_set_strv (t->spec, "y", (const char * const []) { mc_column_get_id (y), NULL });
  take_value (t, y);
  if (size != NULL)
    take_value (t, size);
  leave_out_from (t, 0);
  return TRUE;
}

/* Bars and numbers */

static gboolean
choose_bars (Table *t)
{
  McColumn *x = t->label != NULL ? t->label : category_by_size (t, FALSE);
  McColumn *series = NULL;

  /* Text that neither names rows nor repeats still labels bars. */
  if (x == NULL)
    x = t->text;
  g_autofree char *x_shown = NULL;

  if (x == NULL || t->values->len == 0)
    return FALSE;
  x_shown = shown (x);
  if (count_distinct (t, x, MAX_BAR_CATEGORIES) > MAX_BAR_CATEGORIES)
    {
      /* Numbers alone may still make a chart (choose()); else
       * mc_default_chart_add() warns */
      t->too_many = x;
      return FALSE;
    }
  t->spec = spec_new (t, "bar", x);
  note (t, _("“%s” names categories: a bar chart"), x_shown);
  g_ptr_array_remove (t->categories, x);
  series = series_column (t);
  if (series != NULL)
    {
      g_autofree char *series_shown = shown (series);

      leave_out_from (t, 1);
      mc_chart_spec_set_string (t->spec, "series", mc_column_get_id (series));
      note (t, _("one bar per value of “%s” in each category"), series_shown);
    }
  else
    keep_comparable (t, MAX_SERIES);
  combine_duplicates (t, x, series);
  set_values (t->spec, "y", t->values);
  return TRUE;
}

/* Numbers alone: a line of the others over the first, when its values
 * are in order; else a scatter of the first two. */
static gboolean
choose_numbers (Table *t)
{
  McColumn *x;
  g_autofree char *x_shown = NULL;

  if (t->values->len < 2)
    return FALSE;
  x = g_ptr_array_steal_index (t->values, 0);
  x_shown = shown (x);
  if (ordered_by (t, x, NULL))
    {
      t->spec = spec_new (t, "line", x);
      note (t, _("“%s” rises down the rows: a line over it"), x_shown);
      keep_comparable (t, MAX_SERIES);
    }
  else
    {
      t->spec = spec_new (t, "scatter", x);
      note (t, _("“%s” is not in order: a scatter chart rather than a line"), x_shown);
      leave_out_from (t, 1);
    }
  set_values (t->spec, "y", t->values);
  return TRUE;
}

/* Nothing is lost silently: the value columns the chart does not show
 * are named. */
static void
warn_left_out (Table *t)
{
  for (guint i = 0; i < t->left_out->len; i++)
    {
      g_autofree char *label = shown (g_ptr_array_index (t->left_out, i));

      /* Translators: "column “Customers” is not in the default chart;
       * a chart of it can be declared in a dataset file" */
      warn (t, _("column “%s” is not in the default chart, which shows values that share its "
                 "axes; a chart of it can be declared in a dataset file"), label);
    }
}

static void
note_codes (Table *t)
{
  for (guint i = 0; i < t->categories->len; i++)
    {
      McColumn *column = g_ptr_array_index (t->categories, i);
      g_autofree char *column_shown = NULL;

      if (mc_column_get_column_type (column) != MC_COLUMN_NUMBER)
        continue;
      column_shown = shown (column);
      note (t, _("“%s” holds whole numbers that name groups: categories, not values"),
            column_shown);
    }
}

/* The chart, in t->spec, or FALSE when the columns allow none; the
 * notes say why when the table has a name. */
static gboolean
choose (Table *t)
{
  t->categories = g_ptr_array_new ();
  t->values = g_ptr_array_new ();
  t->left_out = g_ptr_array_new ();
  t->distinct = g_hash_table_new (NULL, NULL);
  classify (t);
  note_codes (t);
  if (choose_candles (t) || choose_lines (t) || choose_scatter (t) || choose_bars (t))
    return TRUE;
  if (!choose_numbers (t))
    return FALSE;
  if (t->too_many != NULL)
    {
      g_autofree char *column_shown = shown (t->too_many);

      note (t, _("“%s” has more than %d values: too many bars for one chart"), column_shown,
            MAX_BAR_CATEGORIES);
    }
  return TRUE;
}

static void
table_clear (Table *t)
{
  g_ptr_array_unref (t->categories);
  g_ptr_array_unref (t->values);
  g_ptr_array_unref (t->left_out);
  g_hash_table_unref (t->distinct);
  g_free (t->series_numbers);
}

/**
 * mc_default_chart_add:
 *
 * Adds the chart a dataset without declared charts gets, as an analyst
 * would choose it, and notes why (see docs/dataset-format.md, "Default
 * chart"): candles for open, high, low and close prices; lines over
 * dates (one per value of a category, in panels per unit, the largest
 * and "Other" beyond eight); a scatter for two measures of named rows;
 * bars over categories; a line or a scatter of numbers alone.
 */
void
mc_default_chart_add (McDataset  *dataset,
                      const char *name)
{
  Table t = { dataset, name };

  g_return_if_fail (name != NULL);

  if (choose (&t))
    {
      warn_left_out (&t);
      mc_dataset_add_chart (dataset, t.spec);
    }
  else if (t.too_many != NULL)
    {
      /* Bars were the only chart its columns allow */
      g_autofree char *column_shown = shown (t.too_many);

      warn (&t, _("no chart could be chosen: “%s” has more than %d values, too many bars for "
                  "one chart; a dataset file can declare a chart of some of them"),
            column_shown, MAX_BAR_CATEGORIES);
    }
  else
    warn (&t, _("no chart could be chosen: the data needs a number column and a column to "
                "plot it against"));
  table_clear (&t);
}

McChartSpec *
mc_default_chart_new (McDataset *dataset)
{
  Table t = { dataset, NULL };

  g_return_val_if_fail (MC_IS_DATASET (dataset), NULL);

  /* A chart added by hand notes and warns of nothing: the dataset stays
   * as it is. */
  if (choose (&t))
    for (guint n = 2; mc_dataset_lookup_chart (dataset, t.spec->id) != NULL; n++)
      {
        g_free (t.spec->id);
        t.spec->id = g_strdup_printf ("chart-%u", n);
      }
  table_clear (&t);
  return t.spec;
}
