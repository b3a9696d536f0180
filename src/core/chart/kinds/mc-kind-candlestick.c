/* mc-kind-candlestick.c: candlesticks and OHLC bars of prices, with an
 * optional volume panel under the same time axis
 *
 * A candle spans its period's low to high (the wick) and its open to
 * close (the body): hollow when the price closed higher than it opened,
 * filled when lower, so that rises and falls differ without colour.
 * Where a day's candle would be thinner than 3 pixels, the days are
 * combined into weekly, monthly, quarterly or yearly candles, and the
 * chart says so; over centuries, into candles of ten or a hundred years,
 * never thinner than a pixel and hiding each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mc-format.h"
#include "mc-parallel.h"
#include "mc-render-private.h"
#include "mc-transform.h"

/* The thinnest body a candle may have, in pixels. */
#define MC_CANDLE_MIN_WIDTH 3.0
/* Share of its period a candle's body takes. */
#define MC_CANDLE_SHARE 0.7
/* Share of the plot's height the volume panel takes. */
#define MC_VOLUME_SHARE 0.22
#define MC_VOLUME_LIGHTEN 0.35
/* Price axes include zero when the prices come this close to it. */
#define MC_CANDLE_ZOOM_THRESHOLD 0.4

typedef enum
{
  PERIOD_ROW,        /* one candle per row: a day, or what a row holds */
  PERIOD_DAY,        /* of rows shorter than a day (prices by the minute) */
  PERIOD_WEEK,
  PERIOD_MONTH,
  PERIOD_QUARTER,
  PERIOD_YEAR,
  PERIOD_DECADE,     /* 1990 to 1999 */
  PERIOD_CENTURY,    /* 1900 to 1999 */
  N_PERIODS,
} Period;

typedef struct
{
  double first;      /* the first and last day of its rows */
  double last;
  double open;
  double high;
  double low;
  double close;
  double volume;     /* in its column's scale; NAN without a volume column */
  guint  row;        /* its first row */
} Candle;

/* The rows' own candles, read from the model's columns when asked for
 * rather than copied: a million rows would be 56 MB to make again at
 * every edit. */
typedef struct
{
  const double *x;        /* the days; NULL when they are x_start + row * x_step */
  double        x_start;
  double        x_step;
  const double *open;
  const double *high;
  const double *low;
  const double *close;
  const double *volume;   /* NULL without a volume column */
  GArray       *order;    /* the rows with a candle (guint), in time order;
                           * NULL when that is every row, in order */
  guint         len;
} RowCandles;

/* What a candlestick chart prepares: its candles at every period. */
typedef struct
{
  RowCandles  rows;
  GArray     *candles[N_PERIODS];  /* Candle, in order of time; none for PERIOD_ROW,
                                    * nor for PERIOD_DAY when each row is a day
                                    * of its own (day_at()) */
  double      row_days;            /* the usual days between rows */
  gboolean    has_volume;
} CandleData;

typedef struct
{
  McRender         *r;
  McChartModel     *chart;
  const CandleData *data;
  Period            period;
  guint             first;      /* the candles in the zoom window */
  guint             end;
  McTimeScale       x;
  McLinearScale     price;
  McLinearScale     volume;
  McRect            plot;
  McRect            volume_plot;
  McColumn         *volume_column;  /* the shown volumes' label and scale */
  double            volume_factor;  /* from the candles' volumes to those */
  gboolean          log;
  gboolean          ohlc;
} Candles;

static const char *
column_option (McChartModel *chart,
               const char   *key)
{
  return mc_chart_spec_get_string (chart->spec, key);
}

/* Preparing */

static void
candle_data_free (gpointer data)
{
  CandleData *candles = data;

  for (guint p = 0; p < N_PERIODS; p++)
    g_clear_pointer (&candles->candles[p], g_array_unref);
  g_clear_pointer (&candles->rows.order, g_array_unref);
  g_free (candles);
}

/* The values of the column that option @key of @chart names, or NULL
 * when it names none. */
static const double *
option_values (McChartModel *chart,
               const char   *key)
{
  const char *id = column_option (chart, key);

  return id != NULL ? mc_column_get_values (mc_chart_model_get_column (chart, id), NULL) : NULL;
}

static double
row_day (const RowCandles *rows,
         guint             row)
{
  return rows->x != NULL ? rows->x[row] : rows->x_start + row * rows->x_step;
}

/* The candle of the @i-th row in time order. */
static inline Candle
row_candle (const RowCandles *rows,
            guint             i)
{
  guint row = rows->order != NULL ? g_array_index (rows->order, guint, i) : i;
  Candle candle;

  candle.first = candle.last = row_day (rows, row);
  candle.open = rows->open[row];
  candle.high = rows->high[row];
  candle.low = rows->low[row];
  candle.close = rows->close[row];
  candle.volume = rows->volume != NULL ? rows->volume[row] : NAN;
  candle.row = row;
  return candle;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const RowCandles *rows = user_data;
  guint ra = *(const guint *) a, rb = *(const guint *) b;

  return mc_compare_keyed (row_day (rows, ra), ra, row_day (rows, rb), rb);
}

/* Whether prices make a candle: the high the highest of the four, the
 * low the lowest. A missing price is not held against them. */
static inline gboolean
prices_make_candle (double open,
                    double high,
                    double low,
                    double close)
{
  return !(high < open || low > open || high < close || low > close);
}

/* Whether a row has a date and its four prices. */
static gboolean
candle_is_whole (const Candle *candle)
{
  return !isnan (candle->first) && !isnan (candle->open) && !isnan (candle->high)
         && !isnan (candle->low) && !isnan (candle->close);
}

/* The columns of the rows' candles, taken to be every row, in the order
 * of rows: combine_rows_by_day() finds out whether they are. */
static void
init_row_candles (McChartModel *chart,
                  RowCandles   *rows)
{
  rows->len = mc_dataset_get_n_rows (chart->data);
  rows->open = option_values (chart, "open");
  rows->high = option_values (chart, "high");
  rows->low = option_values (chart, "low");
  rows->close = option_values (chart, "close");
  rows->volume = option_values (chart, "volume");
  /* Days a day apart need no array. */
  if (!mc_column_get_progression (chart->x_column, &rows->x_start, &rows->x_step))
    rows->x = mc_column_get_values (chart->x_column, NULL);
}

/* The rows with a date and four prices, in time order, listed. FALSE
 * when a row left out has prices that make no candle (those listed are
 * checked as they are combined). */
static gboolean
order_row_candles (RowCandles *rows)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), rows->len);
  gboolean all_candles = TRUE;

  for (guint row = 0; row < rows->len; row++)
    {
      Candle candle = row_candle (rows, row);

      if (candle_is_whole (&candle))
        g_array_append_val (order, row);
      else if (!prices_make_candle (candle.open, candle.high, candle.low, candle.close))
        all_candles = FALSE;
    }
  g_array_sort_with_data (order, compare_rows, rows);
  rows->order = order;
  rows->len = order->len;
  return all_candles;
}

/* The keys of the day and the week of @days (see period_keys()). */
static void
day_keys (double  days,
          gint64  keys[N_PERIODS])
{
  keys[PERIOD_DAY] = (gint64) days;
  /* 1 January 1970 was a Thursday: weeks start on Mondays. */
  keys[PERIOD_WEEK] = (gint64) floor ((days + 3) / 7);
}

/* The periods a day falls in, as numbers that change with them: @keys
 * of the day, week, month, quarter, year, decade and century. */
static void
period_keys (double  days,
             gint64  keys[N_PERIODS])
{
  int y, m, d;

  mc_days_to_ymd (days, &y, &m, &d);
  day_keys (days, keys);
  keys[PERIOD_MONTH] = (gint64) y * 12 + m;
  keys[PERIOD_QUARTER] = (gint64) y * 4 + (m - 1) / 3;
  keys[PERIOD_YEAR] = y;
  keys[PERIOD_DECADE] = y / 10;   /* GDate's years start at 1 */
  keys[PERIOD_CENTURY] = y / 100;
}

static void
candle_merge (Candle       *into,
              const Candle *candle)
{
  into->last = candle->last;
  into->high = MAX (into->high, candle->high);
  into->low = MIN (into->low, candle->low);
  into->close = candle->close;
  if (!isnan (candle->volume))
    into->volume = isnan (into->volume) ? candle->volume : into->volume + candle->volume;
}

/* The rows' candles combined by day: the first open, the highest high,
 * the lowest low, the last close, the total volume. Into a candle held
 * apart rather than the array's last, which would make every merge wait
 * for the one before it through memory.
 *
 * Rows not yet ordered are taken to be candles in time order, as they
 * mostly are: read once for both. FALSE at the first of rows [@from,
 * @to) that is not. @days has room for a day a row; @n_days is how many
 * were made. The chart's check of each row's prices is made here too,
 * as the rows are read: @all_candles is cleared at a row that fails it. */
static gboolean
combine_rows_by_day (Candle           *days,
                     guint            *n_days,
                     gboolean         *all_candles,
                     const RowCandles *rows,
                     guint             from,
                     guint             to)
{
  /* A copy the compiler knows no store to @days changes. */
  const RowCandles columns = *rows;
  Candle day = { 0 };
  double day_end = -INFINITY;
  guint n = 0;

  for (guint i = from; i < to; i++)
    {
      Candle candle = row_candle (&columns, i);

      /* Earlier than the row before it, which may be another part's */
      if (columns.order == NULL
          && (!candle_is_whole (&candle)
              || (i > from ? candle.first < day.last
                           : i > 0 && candle.first < row_day (&columns, i - 1))))
        return FALSE;
      if (!prices_make_candle (candle.open, candle.high, candle.low, candle.close))
        *all_candles = FALSE;
      /* In time order, a row before the end of the day begun is in it. */
      if (candle.first < day_end)
        {
          candle_merge (&day, &candle);
          continue;
        }
      if (i > from)
        days[n++] = day;
      day = candle;
      day_end = floor (candle.first) + 1;
    }
  if (to > from)
    days[n++] = day;
  *n_days = n;
  return TRUE;
}

/* Rows per part of combining them by day: fewer are not worth a thread. */
#define MIN_ROWS_PER_PART 65536

typedef struct
{
  const RowCandles *rows;
  Candle           *days;
  guint             n_parts;
  guint             n_days[MC_PARALLEL_MAX_PARTS];
  gboolean          in_order[MC_PARALLEL_MAX_PARTS];
  gboolean          all_candles[MC_PARALLEL_MAX_PARTS];
} DayParts;

static guint
part_start (const DayParts *parts,
            guint           part)
{
  return (guint64) parts->rows->len * part / parts->n_parts;
}

static void
combine_part (guint    part,
              guint    n_parts,
              gpointer user_data)
{
  DayParts *parts = user_data;
  guint from = part_start (parts, part);

  parts->all_candles[part] = TRUE;
  parts->in_order[part] = combine_rows_by_day (parts->days + from, &parts->n_days[part],
                                               &parts->all_candles[part], parts->rows, from,
                                               part_start (parts, part + 1));
}

/* combine_rows_by_day() of every row on every processor at once: each
 * part of the rows makes its days where its rows would go in @days, and
 * the parts' days are then moved up to follow each other, a day cut by
 * the border of two parts made whole again. */
static gboolean
combine_days (GArray           *days,
              gboolean         *all_candles,
              const RowCandles *rows)
{
  DayParts parts = { rows, NULL, mc_parallel_count_parts (rows->len / MIN_ROWS_PER_PART) };
  Candle *day;
  guint n = 0;

  /* Pages of the room not written to are never touched. */
  g_array_set_size (days, rows->len);
  parts.days = day = &g_array_index (days, Candle, 0);
  mc_parallel_run (parts.n_parts, combine_part, &parts);
  for (guint part = 0; part < parts.n_parts; part++)
    {
      Candle *first = day + part_start (&parts, part);
      guint count = parts.n_days[part];

      if (!parts.in_order[part])
        return FALSE;
      *all_candles = *all_candles && parts.all_candles[part];
      if (n > 0 && count > 0 && floor (first->first) == floor (day[n - 1].first))
        {
          candle_merge (&day[n - 1], first);
          first++;
          count--;
        }
      if (first != day + n)
        memmove (day + n, first, count * sizeof (Candle));
      n += count;
    }
  g_array_set_size (days, n);
  return TRUE;
}

/* The days: their own array, or the rows when each row is a day of its
 * own (daily prices), whose candles are those of their rows. */
static guint
n_days (const CandleData *data)
{
  return data->candles[PERIOD_DAY] != NULL ? data->candles[PERIOD_DAY]->len : data->rows.len;
}

static Candle
day_at (const CandleData *data,
        guint             i)
{
  if (data->candles[PERIOD_DAY] == NULL)
    return row_candle (&data->rows, i);
  return g_array_index (data->candles[PERIOD_DAY], Candle, i);
}

/* The first day of the month of @days, and the first of the next. */
static void
month_of (double  days,
          double *first,
          double *next)
{
  int y, m, d;

  mc_days_to_ymd (days, &y, &m, &d);
  *first = days - (d - 1);
  *next = *first + g_date_get_days_in_month (m, y);
}

/* The days combined by each longer period in one pass, the periods of
 * a day found once: weeks, months, quarters and years. The calendar is
 * asked once a month, not once a day: for a million daily rows, its
 * dates were most of the preparation. */
static void
combine_periods (CandleData *data)
{
  gint64 keys[N_PERIODS], last_keys[N_PERIODS];
  double month_first = INFINITY, next_month = -INFINITY;
  guint n = n_days (data);

  for (Period p = PERIOD_WEEK; p < N_PERIODS; p++)
    last_keys[p] = G_MININT64;
  for (guint i = 0; i < n; i++)
    {
      Candle candle = day_at (data, i);
      const Candle *day = &candle;
      double number = floor (day->first);

      /* The same month, quarter and year as the day before */
      if (number >= month_first && number < next_month)
        day_keys (number, keys);
      else
        {
          period_keys (number, keys);
          month_of (number, &month_first, &next_month);
        }
      for (Period p = PERIOD_WEEK; p < N_PERIODS; p++)
        {
          GArray *candles = data->candles[p];

          if (keys[p] == last_keys[p])
            candle_merge (&g_array_index (candles, Candle, candles->len - 1), day);
          else
            g_array_append_val (candles, *day);
          last_keys[p] = keys[p];
        }
    }
}

/* The candles of the rows combined by each longer period: days of the
 * rows (one per row for daily prices, which never show them), then
 * weeks, months, quarters and years of the days. The rows are listed in
 * time order first if they need to be. FALSE when a row's prices make
 * no candle. */
static gboolean
combine_candles (CandleData *data)
{
  gboolean all_candles = TRUE;

  for (Period p = PERIOD_DAY; p < N_PERIODS; p++)
    data->candles[p] = g_array_new (FALSE, FALSE, sizeof (Candle));
  if (!combine_days (data->candles[PERIOD_DAY], &all_candles, &data->rows))
    {
      all_candles = order_row_candles (&data->rows);
      combine_days (data->candles[PERIOD_DAY], &all_candles, &data->rows);
    }
  /* Daily prices: the days are the rows, which need no copy. */
  if (data->candles[PERIOD_DAY]->len == data->rows.len)
    g_clear_pointer (&data->candles[PERIOD_DAY], g_array_unref);
  combine_periods (data);
  return all_candles;
}

/* The usual number of days between rows, the median: 1 for daily prices
 * (a weekend is no gap in trading), 30 or so for monthly ones, 1/1440
 * for prices by the minute. */
static double
usual_gap (const RowCandles *rows)
{
  g_autofree double *days = NULL;
  double step;

  if (rows->order == NULL && rows->x == NULL)
    return rows->len >= 2 && rows->x_step > 0 ? rows->x_step : 1;
  if (rows->order == NULL)
    step = mc_usual_step (rows->x, rows->len);
  else
    {
      days = g_new (double, rows->len);
      for (guint i = 0; i < rows->len; i++)
        days[i] = row_day (rows, g_array_index (rows->order, guint, i));
      step = mc_usual_step (days, rows->len);
    }
  return isnan (step) ? 1 : step;
}

/* Volumes of millions read best in millions: "150 m" rather than
 * "150000000". The label and scale of volumes whose largest is @largest
 * (in the column's own scale), the scale that keeps it under a
 * thousand; @factor takes the volumes to it. */
static McColumn *
volume_column (McChartModel *chart,
               double        largest,
               double       *factor)
{
  const McColumn *column = mc_chart_model_get_column (chart, column_option (chart, "volume"));
  McColumn *volume = mc_column_new (mc_column_get_id (column), mc_column_get_label (column),
                                    MC_COLUMN_NUMBER);
  McScale scale = mc_column_get_scale (column);

  mc_column_set_unit (volume, mc_column_get_unit (column));
  largest *= mc_scale_get_factor (scale);
  while (scale < MC_SCALE_TRILLION && largest >= 1000 * mc_scale_get_factor (scale))
    scale++;
  *factor = mc_scale_get_factor (mc_column_get_scale (column)) / mc_scale_get_factor (scale);
  mc_column_set_scale (volume, scale);
  return volume;
}

/* The one series of the chart is its prices, whatever the close column
 * is called. */
static void
name_price_series (McChartModel *chart)
{
  McSeries *series = mc_chart_model_get_series (chart, 0);
  g_autofree char *unit = mc_format_unit (series->column);

  g_free (series->name);
  series->name = unit != NULL
                 /* Translators: the series of a candlestick chart, with its
                  * unit: "Price (HKD)" */
                 ? g_strdup_printf (_("Price (%s)"), unit)
                 : g_strdup (_("Price"));
}

static gpointer
candlestick_prepare (McChartModel  *chart,
                     GError       **error)
{
  CandleData *data = g_new0 (CandleData, 1);

  init_row_candles (chart, &data->rows);
  data->has_volume = column_option (chart, "volume") != NULL;
  /* The model left the check of each row's prices to this reading. */
  if (!combine_candles (data) && !mc_chart_model_check_rows (chart, error))
    {
      candle_data_free (data);
      return NULL;
    }
  data->row_days = usual_gap (&data->rows);
  name_price_series (chart);
  return data;
}

/* Mending after an edit */

/* At most this many rows edited at once are mended; more are read
 * again. */
#define MAX_ROWS_MENDED 64

/* The index of the last of @candles (in time order) that begins at or
 * before @day: the one holding it. */
static guint
find_candle_of (const GArray *candles,
                double        day)
{
  guint lo = 0, hi = candles->len;

  while (lo < hi)
    {
      guint middle = lo + (hi - lo) / 2;

      if (g_array_index (candles, Candle, middle).first <= day)
        lo = middle + 1;
      else
        hi = middle;
    }
  return lo > 0 ? lo - 1 : 0;
}

/* The day of row @row made again from its rows, as combine_rows_by_day()
 * made it: every row a whole candle, in time order. (A day that the
 * parts of combine_days() cut in two had its halves' volumes added: a
 * sum of volumes that are not whole numbers may differ in its last
 * bit.) Returns the day's index among the days. */
static guint
mend_day (CandleData *data,
          guint       row)
{
  const RowCandles *rows = &data->rows;
  GArray *days = data->candles[PERIOD_DAY];
  double day_number = floor (row_day (rows, row));
  guint from = row, to = row + 1, n_made, index;
  gboolean all_candles = TRUE;
  Candle day;

  while (from > 0 && floor (row_day (rows, from - 1)) == day_number)
    from--;
  while (to < rows->len && floor (row_day (rows, to)) == day_number)
    to++;
  combine_rows_by_day (&day, &n_made, &all_candles, rows, from, to);
  g_assert (n_made == 1);
  index = find_candle_of (days, day.first);
  g_array_index (days, Candle, index) = day;
  return index;
}

/* The number of days that begin before @day (days are in time order). */
static guint
days_before (const CandleData *data,
             double            day)
{
  guint lo = 0, hi = n_days (data);

  while (lo < hi)
    {
      guint middle = lo + (hi - lo) / 2;

      if (day_at (data, middle).first < day)
        lo = middle + 1;
      else
        hi = middle;
    }
  return lo;
}

/* The candle of @period holding day @index made again from its days,
 * as combine_periods() made it. The edit left the dates alone, so its
 * days are still those from its first to the next candle's: found by
 * their dates, not by asking the calendar of each of a century's days. */
static void
mend_period (CandleData *data,
             Period      period,
             guint       index)
{
  GArray *candles = data->candles[period];
  guint at = find_candle_of (candles, day_at (data, index).first);
  guint from = days_before (data, g_array_index (candles, Candle, at).first);
  guint to = at + 1 < candles->len
             ? days_before (data, g_array_index (candles, Candle, at + 1).first)
             : n_days (data);
  Candle candle = day_at (data, from);

  for (guint i = from + 1; i < to; i++)
    {
      Candle day = day_at (data, i);

      candle_merge (&candle, &day);
    }
  g_array_index (candles, Candle, at) = candle;
}

/* Whether candles prepared as @before can be mended after @change: the
 * rows were whole candles in time order (no list of rows), the edit
 * left their dates alone and changed a few rows, and the days are the
 * rows (daily prices) or much fewer (prices by the minute): copying as
 * many days as rows would cost as much as reading the rows. */
static gboolean
can_mend_candles (McChartModel     *chart,
                  const CandleData *before,
                  const McChange   *change)
{
  McColumn *edited;

  if (before->rows.order != NULL || before->rows.len != mc_dataset_get_n_rows (chart->data)
      || change->column < 0 || change->n_rows > MAX_ROWS_MENDED
      || (before->candles[PERIOD_DAY] != NULL
          && before->candles[PERIOD_DAY]->len > before->rows.len / 4))
    return FALSE;
  /* The change is in the table the chart draws, an aggregate's say */
  edited = mc_dataset_get_column (chart->data, change->column);
  return g_strcmp0 (mc_column_get_id (edited), mc_column_get_id (chart->x_column)) != 0;
}

static gpointer
candlestick_mend (McChartModel   *chart,
                  gconstpointer   before_data,
                  const McChange *change)
{
  const CandleData *before = before_data;
  CandleData *data;
  guint end = change->row + change->n_rows;

  if (!can_mend_candles (chart, before, change))
    return NULL;
  data = g_new0 (CandleData, 1);
  init_row_candles (chart, &data->rows);
  /* An edited row must still be a whole candle: else read all again,
   * which also says what is wrong. */
  for (guint row = change->row; row < end && row < data->rows.len; row++)
    {
      Candle candle = row_candle (&data->rows, row);

      if (!candle_is_whole (&candle)
          || !prices_make_candle (candle.open, candle.high, candle.low, candle.close))
        {
          candle_data_free (data);
          return NULL;
        }
    }
  data->has_volume = before->has_volume;
  data->row_days = before->row_days;
  for (Period p = PERIOD_DAY; p < N_PERIODS; p++)
    if (before->candles[p] != NULL)
      data->candles[p] = g_array_copy (before->candles[p]);
  for (guint row = change->row; row < end && row < data->rows.len; row++)
    {
      /* In time order, the rows' places are their numbers. */
      guint day = data->candles[PERIOD_DAY] != NULL ? mend_day (data, row) : row;

      for (Period p = PERIOD_WEEK; p < N_PERIODS; p++)
        mend_period (data, p, day);
    }
  name_price_series (chart);
  return data;
}

/* Periods */

static double
period_days (const CandleData *data,
             Period            period)
{
  switch (period)
    {
    case PERIOD_DAY:
      return 1;
    case PERIOD_WEEK:
      return 7;
    case PERIOD_MONTH:
      return 365.25 / 12;
    case PERIOD_QUARTER:
      return 365.25 / 4;
    case PERIOD_YEAR:
      return 365.25;
    case PERIOD_DECADE:
      return 3652.5;
    case PERIOD_CENTURY:
      return 36525;
    case PERIOD_ROW:
    case N_PERIODS:
    default:
      return data->row_days;
    }
}

static guint
n_candles (const CandleData *data,
           Period            period)
{
  if (period == PERIOD_DAY)
    return n_days (data);
  return period == PERIOD_ROW ? data->rows.len : data->candles[period]->len;
}

static Candle
candle_of (const CandleData *data,
           Period            period,
           guint             i)
{
  if (period == PERIOD_DAY)
    return day_at (data, i);
  if (period == PERIOD_ROW)
    return row_candle (&data->rows, i);
  return g_array_index (data->candles[period], Candle, i);
}

/* The @i-th candle shown. */
static Candle
candle_at (Candles *c,
           guint    i)
{
  return candle_of (c->data, c->period, i);
}

static double
candle_middle (const Candle *candle)
{
  return (candle->first + candle->last) / 2;
}

/* The index of the first candle from @from on that ends on or after
 * @day (with @ends), or starts after it: candles are in time order, and
 * so are their first and their last days. */
static guint
find_candle (Candles  *c,
             guint     from,
             gboolean  ends,
             double    day)
{
  guint lo = from, hi = n_candles (c->data, c->period);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      Candle candle = candle_at (c, mid);

      if (ends ? candle.last < day : candle.first <= day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The candles with a day in [@lo, @hi]. */
static void
window_candles (Candles *c,
                double   lo,
                double   hi)
{
  c->first = find_candle (c, 0, TRUE, lo);
  c->end = find_candle (c, c->first, FALSE, hi);
}

/* The days shown: the zoom window, or every candle and half of
 * @period on either side. */
static void
shown_days (Candles *c,
            Period   period,
            double  *lo,
            double  *hi)
{
  const RowCandles *rows = &c->data->rows;
  double half = period_days (c->data, period) / 2;

  if (mc_view_options_get_x_window (c->r->view, lo, hi))
    return;
  *lo = row_candle (rows, 0).first - half;
  *hi = row_candle (rows, rows->len - 1).last + half;
}

/* The shortest period whose candles are at least MC_CANDLE_MIN_WIDTH
 * wide on @width pixels for the days [@lo, @hi]. */
static Period
choose_period (Candles *c,
               double   lo,
               double   hi,
               double   width)
{
  /* A window of less than a row: as wide as one */
  double pixels_per_day = width / MAX (hi - lo, c->data->row_days);

  for (Period p = PERIOD_ROW; p < PERIOD_CENTURY; p++)
    if (MC_CANDLE_SHARE * period_days (c->data, p) * pixels_per_day >= MC_CANDLE_MIN_WIDTH
        && (p == PERIOD_ROW || period_days (c->data, p) > c->data->row_days))
      return p;
  return PERIOD_CENTURY;
}

static const char *
period_note (Period period)
{
  switch (period)
    {
    case PERIOD_DAY:
      return _("Daily candles: too many prices in a day to show one by one");
    case PERIOD_WEEK:
      return _("Weekly candles: too many days to show one by one");
    case PERIOD_MONTH:
      return _("Monthly candles: too many days to show one by one");
    case PERIOD_QUARTER:
      return _("Quarterly candles: too many days to show one by one");
    case PERIOD_YEAR:
      return _("Yearly candles: too many days to show one by one");
    case PERIOD_DECADE:
      return _("Candles of ten years: too many years to show one by one");
    case PERIOD_CENTURY:
      return _("Candles of a hundred years: too many years to show one by one");
    case PERIOD_ROW:
    case N_PERIODS:
    default:
      return NULL;
    }
}

/* The years of the decade or century (@span years) of @days:
 * "1990–1999". */
static char *
years_label (double days,
             int    span)
{
  int y, m, d, first;

  mc_days_to_ymd (days, &y, &m, &d);
  first = y - y % span;
  /* Translators: the years of a candle of ten or a hundred years, as in
   * "1990–1999" */
  return g_strdup_printf (_("%d–%d"), first, first + span - 1);
}

/* "15 Mar 2024", "Week of 11 Mar 2024", "Mar 2024", "Q1 2024", "2024",
 * "1990–1999" */
static char *
candle_label (Candles      *c,
              const Candle *candle)
{
  McDatePrecision precision = mc_column_get_date_precision (c->chart->x_column);
  g_autofree char *day = NULL;

  switch (c->period)
    {
    case PERIOD_DAY:
      return mc_format_date (candle->first, MC_DATE_DAY);
    case PERIOD_WEEK:
      day = mc_format_date (candle->first, MC_DATE_DAY);
      /* Translators: the period of a weekly candle */
      return g_strdup_printf (_("Week of %s"), day);
    case PERIOD_MONTH:
      return mc_format_date (candle->first, MC_DATE_MONTH);
    case PERIOD_QUARTER:
      return mc_format_date (candle->first, MC_DATE_QUARTER);
    case PERIOD_YEAR:
      return mc_format_date (candle->first, MC_DATE_YEAR);
    case PERIOD_DECADE:
      return years_label (candle->first, 10);
    case PERIOD_CENTURY:
      return years_label (candle->first, 100);
    case PERIOD_ROW:
    case N_PERIODS:
    default:
      return mc_format_date (candle->first, precision);
    }
}

/* Scales */

static void
price_range (Candles *c,
             double  *lo,
             double  *hi)
{
  *lo = *hi = NAN;
  for (guint i = c->first; i < c->end; i++)
    {
      Candle candle = candle_at (c, i);

      *lo = isnan (*lo) ? candle.low : MIN (*lo, candle.low);
      *hi = isnan (*hi) ? candle.high : MAX (*hi, candle.high);
    }
  mc_render_annotations_domain (c->r, 0, lo, hi);
}

static void
init_price_scale (Candles *c)
{
  double lo, hi, length = c->plot.height;
  gboolean zero;

  price_range (c, &lo, &hi);
  if (c->log)
    mc_render_log_scale (c->r, &c->price, lo, hi, length);
  else
    {
      zero = isnan (lo) || lo <= MC_CANDLE_ZOOM_THRESHOLD * hi;
      if (!zero)
        {
          double margin = (hi - lo) * 0.05;

          lo -= margin;
          hi += margin;
        }
      mc_render_value_scale (c->r, &c->price, lo, hi, zero, length, 0);
    }
  mc_linear_scale_set_range (&c->price, c->plot.y + c->plot.height, c->plot.y);
}

/* A candle's volume in the scale of those shown. */
static double
shown_volume (Candles      *c,
              const Candle *candle)
{
  return candle->volume * c->volume_factor;
}

/* The scale of the volumes shown (volume_column()), for the largest of
 * the candles shown: weeks and years add up to more than days, and "600"
 * millions read better than "600000" thousands. */
static void
choose_volume_scale (Candles *c)
{
  double largest = 0;

  for (guint i = c->first; i < c->end; i++)
    {
      Candle candle = candle_at (c, i);

      if (isfinite (candle.volume))
        largest = MAX (largest, candle.volume);
    }
  c->volume_column = volume_column (c->chart, largest, &c->volume_factor);
}

static void
init_volume_scale (Candles *c)
{
  double hi = 0;

  for (guint i = c->first; i < c->end; i++)
    {
      Candle candle = candle_at (c, i);

      if (!isnan (candle.volume))
        hi = MAX (hi, shown_volume (c, &candle));
    }
  /* A small panel: two or three ticks. */
  mc_linear_scale_init (&c->volume, 0, hi, TRUE, c->volume_plot.height, 2.5 * c->r->body);
  mc_linear_scale_set_range (&c->volume, c->volume_plot.y + c->volume_plot.height,
                             c->volume_plot.y);
}

static McSeries *
price_series (Candles *c)
{
  return mc_chart_model_get_series (c->chart, 0);
}

static double
ticks_width (Candles *c)
{
  double width = mc_render_value_ticks_width (c->r, &c->price, price_series (c));

  if (c->data->has_volume)
    {
      McSeries volume = *price_series (c);

      volume.column = c->volume_column;
      width = MAX (width, mc_render_value_ticks_width (c->r, &c->volume, &volume));
    }
  return width;
}

/* Drawing candles */

/* The candles drawn in one colour, a group at a time (paths of several
 * candles, rather than four operations a candle, which GTK replays at
 * every frame): risen or fallen, and dimmed or not beside a highlighted
 * candle. */
#define N_CANDLE_GROUPS 4

static guint
candle_group (Candles      *c,
              const Candle *candle)
{
  return (candle->close >= candle->open ? 0 : 1)
         | (mc_render_is_dimmed (c->r, 0, candle->row) ? 2 : 0);
}

static void
group_colors (Candles *c,
              guint    group,
              McColor *stroke,
              McColor *fill)
{
  McRender *r = c->r;
  guint index = group & 1 ? MC_COLOR_DOWN : MC_COLOR_UP;

  mc_theme_get_color (r->theme, index, MC_COLOR_ROLE_STROKE, stroke);
  mc_theme_get_color (r->theme, index, MC_COLOR_ROLE_FILL, fill);
  if (group & 2)
    {
      mc_render_dim (r, stroke);
      mc_render_dim (r, fill);
    }
}

static double
candle_width (Candles *c)
{
  double day = mc_time_scale_map (&c->x, 1) - mc_time_scale_map (&c->x, 0);

  return MAX (1, MC_CANDLE_SHARE * period_days (c->data, c->period) * day);
}

/* The candles' wicks, bodies and volume bars are as wide as their
 * periods allow; their lines thin with them. */
typedef struct
{
  double width;
  double line;
} CandleSize;

/* A candle's wick from the low to the high; or an OHLC bar, the open a
 * tick to the left and the close one to the right. */
static void
add_wick (Candles          *c,
          const Candle     *candle,
          double            x,
          const CandleSize *size)
{
  cairo_t *cr = c->r->cr;
  double cx = mc_render_snap (c->r, x, size->line);

  cairo_move_to (cr, cx, mc_linear_scale_map (&c->price, candle->high));
  cairo_line_to (cr, cx, mc_linear_scale_map (&c->price, candle->low));
  if (!c->ohlc)
    return;
  cairo_move_to (cr, cx - size->width / 2, mc_linear_scale_map (&c->price, candle->open));
  cairo_line_to (cr, cx, mc_linear_scale_map (&c->price, candle->open));
  cairo_move_to (cr, cx, mc_linear_scale_map (&c->price, candle->close));
  cairo_line_to (cr, cx + size->width / 2, mc_linear_scale_map (&c->price, candle->close));
}

/* A candle's body from the open to the close, at least a line high, so
 * a period that closed where it opened still shows. */
static void
add_body (Candles          *c,
          const Candle     *candle,
          double            x,
          const CandleSize *size)
{
  double top = mc_linear_scale_map (&c->price, MAX (candle->open, candle->close));
  double bottom = mc_linear_scale_map (&c->price, MIN (candle->open, candle->close));

  if (bottom - top < size->line)
    top = bottom - size->line;
  cairo_rectangle (c->r->cr, x - size->width / 2 + size->line / 2, top,
                   size->width - size->line, bottom - top);
}

static void
add_volume (Candles          *c,
            const Candle     *candle,
            double            x,
            const CandleSize *size)
{
  double top, bottom;

  if (isnan (candle->volume))
    return;
  top = mc_linear_scale_map (&c->volume, shown_volume (c, candle));
  bottom = mc_linear_scale_map (&c->volume, 0);
  cairo_rectangle (c->r->cr, x - size->width / 2, top, size->width, bottom - top);
}

typedef void (*AddShape) (Candles          *c,
                          const Candle     *candle,
                          double            x,
                          const CandleSize *size);

/* The colours of a group of candles. */
typedef struct
{
  McColor stroke;
  McColor fill;
  gboolean risen;
} GroupColors;

typedef void (*PaintShapes) (Candles           *c,
                             const GroupColors *colors);

static void
paint_volumes (Candles           *c,
               const GroupColors *colors)
{
  McColor light;

  mc_color_mix (&colors->fill, mc_theme_get_background (c->r->theme), MC_VOLUME_LIGHTEN, &light);
  mc_render_set_color (c->r, &light);
  cairo_fill (c->r->cr);
}

static void
paint_wicks (Candles           *c,
             const GroupColors *colors)
{
  mc_render_set_color (c->r, &colors->stroke);
  cairo_stroke (c->r->cr);
}

/* Hollow when they rose */
static void
paint_bodies (Candles           *c,
              const GroupColors *colors)
{
  McRender *r = c->r;

  mc_render_set_color (r, colors->risen ? mc_theme_get_background (r->theme) : &colors->fill);
  cairo_fill_preserve (r->cr);
  mc_render_set_color (r, &colors->stroke);
  cairo_stroke (r->cr);
}

/* Candles a path holds at most: a path of thousands of candles that
 * overlap, thinner than a pixel, costs cairo's rasteriser far more than
 * many paths of a few (2,700 candles 1,200 px wide: 46 ms in one path a
 * group, 11 in paths of 16). */
#define CANDLES_PER_PATH 16

/* A candle shown: which of its period's, where it is drawn, and its
 * group, found once for every pass over them. */
typedef struct
{
  Candle candle;
  guint  index;
  double x;
  guint  group;
} ShownCandle;

/* The shapes @add makes of the candles of @group in @shown, painted by
 * @paint CANDLES_PER_PATH at a time. */
static void
draw_shapes (Candles           *c,
             const GArray      *shown,
             guint              group,
             AddShape           add,
             PaintShapes        paint,
             const GroupColors *colors,
             const CandleSize  *size)
{
  guint n = 0;

  for (guint i = 0; i < shown->len; i++)
    {
      const ShownCandle *s = &g_array_index (shown, ShownCandle, i);

      if (s->group != group)
        continue;
      add (c, &s->candle, s->x, size);
      if (++n % CANDLES_PER_PATH == 0)
        paint (c, colors);
    }
  if (n % CANDLES_PER_PATH != 0)
    paint (c, colors);
}

/* The candles of @group: their volume bars, lighter; their wicks; their
 * bodies. */
static void
draw_group (Candles          *c,
            const GArray     *shown,
            guint             group,
            const CandleSize *size)
{
  GroupColors colors = { .risen = !(group & 1) };

  group_colors (c, group, &colors.stroke, &colors.fill);
  if (c->data->has_volume)
    draw_shapes (c, shown, group, add_volume, paint_volumes, &colors, size);
  cairo_set_line_width (c->r->cr, size->line);
  draw_shapes (c, shown, group, add_wick, paint_wicks, &colors, size);
  if (!c->ohlc)
    draw_shapes (c, shown, group, add_body, paint_bodies, &colors, size);
}

/* "open 148.5 · high 150.2 · low 146 · close 149.1; volume 12.3 m" */
static char *
candle_text (Candles      *c,
             const Candle *candle)
{
  McSeries *series = price_series (c);
  g_autofree char *open = mc_series_format_value (series, candle->open, FALSE);
  g_autofree char *high = mc_series_format_value (series, candle->high, FALSE);
  g_autofree char *low = mc_series_format_value (series, candle->low, FALSE);
  g_autofree char *close = mc_series_format_value (series, candle->close, FALSE);
  g_autofree char *volume = NULL;

  if (!c->data->has_volume || isnan (candle->volume))
    /* Translators: the prices of a candle in its value bubble */
    return g_strdup_printf (_("open %s · high %s · low %s · close %s"), open, high, low, close);
  volume = mc_format_value (c->volume_column, shown_volume (c, candle),
                            mc_format_value_decimals (shown_volume (c, candle), 1));
  /* Translators: the prices and the volume of a candle in its value
   * bubble */
  return g_strdup_printf (_("open %s · high %s · low %s · close %s; volume %s"), open, high, low,
                          close, volume);
}

/* What a render leaves with its marks for candle_mark_text(): the
 * period of the candles drawn, and the scale of their volumes. */
typedef struct
{
  Period    period;
  McColumn *volume_column;
  double    volume_factor;
} CandleMarks;

static void
candle_marks_free (gpointer data)
{
  CandleMarks *shown = data;

  g_clear_pointer (&shown->volume_column, mc_column_free);
  g_free (shown);
}

/* The candles' marks leave out their labels and values: the pointer
 * asks for one, and writing them for every candle of every render took a
 * third of the render's time. */
static void
candle_mark_text (McMarks       *marks,
                  const McMark  *mark,
                  char         **label,
                  char         **text)
{
  const CandleMarks *shown = marks->kind_data;
  Candles c = { 0 };
  Candle candle;

  c.chart = marks->model;
  c.data = marks->model->prepared;
  c.period = shown->period;
  c.volume_column = shown->volume_column;
  c.volume_factor = shown->volume_factor;
  candle = candle_at (&c, mark->point);
  *label = candle_label (&c, &candle);
  *text = candle_text (&c, &candle);
}

/* The candle's mark, and its volume bar's, which stands for it: each the
 * column of its period across its panel, so that the pointer finds a
 * candle anywhere above or below it, however thin. */
static void
add_candle_marks (Candles      *c,
                  const Candle *candle,
                  guint         index,
                  double        x,
                  double        width)
{
  McRender *r = c->r;
  double column = MAX (width / MC_CANDLE_SHARE, MC_CANDLE_MIN_WIDTH);
  McMark mark = { 0 };

  mark.shape = MC_MARK_RECT;
  mark.point = index;
  mark.row = candle->row;
  mark.datum = G_MAXUINT;
  mark.color = candle->close >= candle->open ? MC_COLOR_UP : MC_COLOR_DOWN;
  mark.value = candle->close;
  mark.order = x;
  mark.box = (McRect) { x - column / 2, c->plot.y, column, c->plot.height };
  mc_render_add_mark (r, &mark);
  if (!c->data->has_volume || c->volume_plot.height <= 0)
    return;
  mark.alias = TRUE;
  mark.box = (McRect) { x - column / 2, c->volume_plot.y, column, c->volume_plot.height };
  mc_render_add_mark (r, &mark);
}

static void
draw_candles (Candles *c)
{
  McRender *r = c->r;
  CandleSize size = { candle_width (c) };

  g_autoptr(GArray) shown = g_array_sized_new (FALSE, FALSE, sizeof (ShownCandle),
                                               c->end - c->first);

  size.line = MAX (r->line, MIN (size.width / 4, 1.5 * r->line));
  for (guint i = c->first; i < c->end; i++)
    {
      ShownCandle s = { candle_at (c, i), i };

      s.x = mc_time_scale_map (&c->x, candle_middle (&s.candle));
      s.group = candle_group (c, &s.candle);
      g_array_append_val (shown, s);
    }
  cairo_save (r->cr);
  cairo_rectangle (r->cr, c->plot.x, 0, c->plot.width, r->height);
  cairo_clip (r->cr);
  /* The dimmed first: a highlighted candle is drawn over them. */
  for (guint k = 0; k < N_CANDLE_GROUPS; k++)
    draw_group (c, shown, k ^ 2, &size);
  cairo_restore (r->cr);
  for (guint i = 0; i < shown->len; i++)
    {
      const ShownCandle *s = &g_array_index (shown, ShownCandle, i);

      /* A candle cut by the edge of a zoom window is not there to hit. */
      if (s->x >= c->plot.x && s->x <= c->plot.x + c->plot.width)
        add_candle_marks (c, &s->candle, s->index, s->x, size.width);
    }
}

/* Layout */

static PangoLayout *
price_title (Candles *c)
{
  const char *name = price_series (c)->name;
  g_autofree char *text = c->log ? mc_render_log_title (name) : g_strdup (name);

  return mc_render_layout (c->r, text, MC_FONT_BODY, c->r->body_area.width, 1);
}

/* The axis title at the left of the first row, the note of combined
 * candles at its right where there is room. Returns the row's height. */
static double
draw_header (Candles      *c,
             const McRect *area)
{
  McRender *r = c->r;
  g_autoptr(PangoLayout) title = price_title (c);
  const char *note = period_note (c->period);
  double w, h;

  mc_render_layout_size (title, &w, &h);
  mc_render_show (r, title, area->x, area->y, 0, MC_TEXT_AXIS_TITLE,
                  mc_theme_get_text_secondary (r->theme));
  if (note != NULL)
    {
      g_autoptr(PangoLayout) layout = mc_render_layout (r, note, MC_FONT_SMALL, -1, 0);
      McTextBox box;
      double nw, nh;

      mc_render_layout_size (layout, &nw, &nh);
      box = mc_render_box_for (layout, area->x + area->width - nw, area->y + (h - nh) / 2, 0);
      if (box.x > area->x + w + 2 * r->unit)
        mc_render_show (r, layout, box.x, box.y, 0, MC_TEXT_NOTE,
                        mc_theme_get_text_secondary (r->theme));
      else
        {
          /* No room beside the title: under it. */
          box = mc_render_box_for (layout, area->x, area->y + h + r->unit, 0);
          mc_render_show (r, layout, box.x, box.y, 0, MC_TEXT_NOTE,
                          mc_theme_get_text_secondary (r->theme));
          h += r->unit + nh;
        }
    }
  return h;
}

/* The price plot on top, the volume panel under it, each with its value
 * ticks at the left, the time axis under both. */
static void
layout_panels (Candles      *c,
               const McRect *area,
               PangoLayout  *volume_title)
{
  McRender *r = c->r;
  double gap = 2 * r->unit, tick_h, title_h = 0, w, bottom, left;

  mc_render_text_width (r, "0", MC_FONT_BODY, &tick_h);
  bottom = area->y + area->height - tick_h - gap;
  c->plot = (McRect) { area->x, area->y + tick_h / 2, area->width, 1 };
  c->plot.height = MAX (1, bottom - c->plot.y);
  if (volume_title != NULL)
    {
      double volume_h = MAX (3 * tick_h, MC_VOLUME_SHARE * c->plot.height);

      mc_render_layout_size (volume_title, &w, &title_h);
      c->volume_plot = (McRect) { area->x, bottom - volume_h, area->width, volume_h };
      c->plot.height = MAX (1, c->volume_plot.y - title_h - 2 * gap - tick_h / 2 - c->plot.y);
    }
  for (guint pass = 0; pass < 2; pass++)
    {
      init_price_scale (c);
      if (volume_title != NULL)
        init_volume_scale (c);
      left = ticks_width (c) + gap;
      c->plot.x = c->volume_plot.x = area->x + left;
      c->plot.width = c->volume_plot.width = MAX (1, area->width - left);
    }
}

static void
draw_axes (Candles     *c,
           PangoLayout *volume_title)
{
  McRender *r = c->r;
  const McRect *lowest = volume_title != NULL ? &c->volume_plot : &c->plot;

  mc_render_value_grid (r, &c->price, &c->plot, TRUE, !c->log);
  mc_render_value_ticks (r, &c->price, price_series (c), &c->plot, FALSE,
                         mc_theme_get_text_secondary (r->theme));
  if (volume_title != NULL)
    {
      McSeries volume = *price_series (c);
      double w, h;

      volume.column = c->volume_column;
      mc_render_layout_size (volume_title, &w, &h);
      mc_render_show (r, volume_title, r->body_area.x, c->volume_plot.y - h - 2 * r->unit, 0,
                      MC_TEXT_AXIS_TITLE, mc_theme_get_text_secondary (r->theme));
      mc_render_value_grid (r, &c->volume, &c->volume_plot, TRUE, TRUE);
      mc_render_value_ticks (r, &c->volume, &volume, &c->volume_plot, FALSE,
                             mc_theme_get_text_secondary (r->theme));
    }
  mc_render_x_time_ticks (r, &c->x, lowest);
}

static void
save_axes (Candles *c)
{
  McAxes *axes = &c->r->out->axes;

  axes->has_x_axis = TRUE;
  axes->plot = c->plot;
  axes->x_kind = MC_X_TIME;
  axes->x_time = c->x;
  axes->y[0] = axes->y[1] = c->price;
}

static PangoLayout *
volume_title_layout (Candles      *c,
                     const McRect *area)
{
  g_autofree char *text = NULL;

  /* A panel needs room for its ticks and bars. */
  if (!c->data->has_volume || area->height < 16 * c->r->body)
    return NULL;
  text = mc_render_column_title (c->volume_column);
  return mc_render_layout (c->r, text, MC_FONT_BODY, area->width, 1);
}

/* Whether a candle, from its high to its low, is under @rect:
 * annotations leave them in sight. */
static gboolean
candles_cover (gpointer      data,
               const McRect *rect)
{
  Candles *c = data;
  double half = candle_width (c) / 2;

  for (guint i = c->first; i < c->end; i++)
    {
      Candle candle = candle_at (c, i);
      double x = mc_time_scale_map (&c->x, candle_middle (&candle));
      double top = mc_linear_scale_map (&c->price, candle.high);
      double bottom = mc_linear_scale_map (&c->price, candle.low);

      if (x + half >= rect->x && x - half <= rect->x + rect->width
          && bottom >= rect->y && top <= rect->y + rect->height)
        return TRUE;
    }
  return FALSE;
}

static void
render_candles (Candles *c,
                McRect  *area)
{
  McRender *r = c->r;
  g_autoptr(PangoLayout) volume_title = NULL;
  McAnnotationFrame frame = { .axes = &r->out->axes, .covers = candles_cover, .data = c };
  const McRect whole = *area;
  double lo, hi, header;

  shown_days (c, PERIOD_ROW, &lo, &hi);
  /* The period depends on the width, the width on the ticks, the ticks
   * on the candles shown: the body's width is near enough to choose. */
  c->period = choose_period (c, lo, hi, area->width * 0.9);
  shown_days (c, c->period, &lo, &hi);
  header = draw_header (c, area);
  area->y += header + 2 * r->unit;
  area->height -= header + 2 * r->unit;
  window_candles (c, lo, hi);
  if (c->data->has_volume)
    {
      /* Its title says the scale of the volumes shown. */
      choose_volume_scale (c);
      volume_title = volume_title_layout (c, &whole);
    }
  layout_panels (c, area, volume_title);
  mc_render_time_scale (r, &c->x, lo, hi, mc_column_get_date_precision (c->chart->x_column),
                        &c->plot);
  save_axes (c);
  draw_axes (c, volume_title);
  mc_render_annotations_under (r, &frame);
  draw_candles (c);
  mc_render_annotations_over (r, &frame);
}

static void
candlestick_draw (McRender      *r,
                  gconstpointer  prepared,
                  McMarks       *out)
{
  Candles c = { 0 };
  McRect area = r->body_area;

  c.volume_factor = 1;
  c.r = r;
  c.chart = r->chart;
  c.data = prepared;
  c.log = mc_chart_spec_get_boolean (c.chart->spec, "log");
  c.ohlc = g_strcmp0 (mc_chart_spec_get_string (c.chart->spec, "style"), "ohlc") == 0;
  if (c.data->rows.len == 0
      || area.height < 6 * r->body || area.width < 8 * r->body)
    mc_render_empty (r, &area, c.data->rows.len > 0);
  else
    render_candles (&c, &area);
  if (out != NULL)
    {
      CandleMarks *shown = g_new0 (CandleMarks, 1);

      shown->period = c.period;
      shown->volume_column = g_steal_pointer (&c.volume_column);
      shown->volume_factor = c.volume_factor;
      mc_marks_set_kind_data (out, shown, candle_marks_free);
    }
  g_clear_pointer (&c.volume_column, mc_column_free);
}

/* Describing */

/* The candles of the row with the highest high and of the row with the
 * lowest low, the first of each in time order. When every row is a
 * candle, in order, the columns' summaries find them without reading a
 * million rows again at every edit. */
static void
find_extremes (McChartModel     *chart,
               const RowCandles *rows,
               Candle           *highest,
               Candle           *lowest)
{
  if (rows->order == NULL)
    {
      const McColumn *high = mc_chart_model_get_column (chart, column_option (chart, "high"));
      const McColumn *low = mc_chart_model_get_column (chart, column_option (chart, "low"));
      guint high_row, low_row, other;

      mc_value_summary_extremes (mc_column_get_summary (high), rows->high, 0, rows->len,
                                 &other, &high_row);
      mc_value_summary_extremes (mc_column_get_summary (low), rows->low, 0, rows->len,
                                 &low_row, &other);
      *highest = row_candle (rows, high_row);
      *lowest = row_candle (rows, low_row);
      return;
    }
  *highest = *lowest = row_candle (rows, 0);
  for (guint i = 1; i < rows->len; i++)
    {
      Candle candle = row_candle (rows, i);

      if (candle.high > highest->high)
        *highest = candle;
      if (candle.low < lowest->low)
        *lowest = candle;
    }
}

static char *
candlestick_describe (McChartModel  *chart,
                      gconstpointer  prepared,
                      McMarks       *marks)
{
  const CandleData *data = prepared;
  const RowCandles *rows = &data->rows;
  McSeries *series = mc_chart_model_get_series (chart, 0);
  McDatePrecision precision = mc_column_get_date_precision (chart->x_column);
  GString *out = mc_describe_begin (chart, _("Candlestick chart"));
  Candle first, last, highest, lowest;
  g_autofree char *from = NULL, *to = NULL, *open = NULL, *close = NULL;
  g_autofree char *high = NULL, *high_day = NULL, *low = NULL, *low_day = NULL;

  if (rows->len == 0)
    return g_string_free (out, FALSE);
  first = row_candle (rows, 0);
  last = row_candle (rows, rows->len - 1);
  find_extremes (chart, rows, &highest, &lowest);
  from = mc_format_date (first.first, precision);
  to = mc_format_date (last.last, precision);
  open = mc_series_format_value (series, first.open, TRUE);
  close = mc_series_format_value (series, last.close, TRUE);
  high = mc_series_format_value (series, highest.high, TRUE);
  high_day = mc_format_date (highest.first, precision);
  low = mc_series_format_value (series, lowest.low, TRUE);
  low_day = mc_format_date (lowest.first, precision);
  /* Translators: in a chart summary: ", 2 Jan 2024 to 31 Dec 2024,
   * opened at HKD 72.5, closed at HKD 84.1; highest HKD 90 on 3 May
   * 2024, lowest HKD 64.6 on 22 Jan 2024" */
  g_string_append_printf (out, _(", %s to %s, opened at %s, closed at %s; highest %s on %s, "
                                 "lowest %s on %s"),
                          from, to, open, close, high, high_day, low, low_day);
  if (data->has_volume)
    g_string_append (out, _("; with the volume traded under the prices"));
  return g_string_free (out, FALSE);
}

/* Checking */

/* Each row's prices must make a candle: its high the highest of the
 * four, its low the lowest. */
static gboolean
check_row_prices (const McChartSpec  *spec,
                  McDataset          *dataset,
                  guint               from,
                  guint               to,
                  McSpecProblem      *problem,
                  GError            **error)
{
  const char *keys[] = { "open", "close", "high", "low" };
  const double *values[4];
  g_autoptr(McRowFilter) filter = mc_row_filter_new (spec, dataset);
  guint end = MIN (to, mc_dataset_get_n_rows (dataset));

  for (guint k = 0; k < 4; k++)
    values[k] = mc_column_get_values (mc_dataset_lookup_column (dataset,
                                                                mc_chart_spec_get_string (spec, keys[k])),
                                      NULL);
  for (guint row = from; row < end; row++)
    {
      double v[4] = { values[0][row], values[1][row], values[2][row], values[3][row] };

      /* Most rows are within their high and low (a missing price is too). */
      if (prices_make_candle (v[0], v[2], v[3], v[1]) || !mc_row_filter_keeps (filter, row))
        continue;
      for (guint k = 0; k < 2; k++)
        {
          const char *at_fault = v[2] < v[k] ? "high" : v[3] > v[k] ? "low" : NULL;
          g_autofree char *value = NULL;
          g_autofree char *bound = NULL;

          if (at_fault == NULL)
            continue;
          value = mc_format_number (v[k], mc_format_value_decimals (v[k], 6));
          bound = mc_format_number (v[at_fault[0] == 'h' ? 2 : 3],
                                    mc_format_value_decimals (v[at_fault[0] == 'h' ? 2 : 3], 6));
          *problem = (McSpecProblem) { at_fault, -1, MC_SPEC_FAULT_VALUE };
          g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                       at_fault[0] == 'h'
                       /* Translators: row 12: the high, 148, is below the close, 150 */
                       ? _("row %u: the high, %s, is below the %s, %s")
                       /* Translators: row 12: the low, 151, is above the open, 150 */
                       : _("row %u: the low, %s, is above the %s, %s"),
                       row + 1, bound, k == 0 ? _("open") : _("close"), value);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
candlestick_check (const McChartSpec  *spec,
                   McDataset          *dataset,
                   McSpecProblem      *problem,
                   GError            **error)
{
  McColumn *x = mc_dataset_lookup_column (dataset, mc_chart_spec_get_x (spec, dataset));
  const char *volume = mc_chart_spec_get_string (spec, "volume");

  if (x == NULL || mc_column_get_column_type (x) != MC_COLUMN_DATE)
    {
      *problem = (McSpecProblem) { "x", -1, MC_SPEC_FAULT_VALUE };
      g_set_error_literal (error, MC_CHART_ERROR, MC_CHART_ERROR_COLUMN,
                           _("a candlestick chart draws prices over time: “x” must be a "
                             "column of dates"));
      return FALSE;
    }
  return volume == NULL
         || mc_chart_spec_check_positive (spec, dataset, volume, TRUE, "volume",
                                          _("a volume is zero or more"), problem, error);
}

static const char * const style_choices[] = { "candles", "ohlc", NULL };
/* Translators: how a candlestick chart draws each period's prices */
static const char * const style_labels[] = { N_("Candles"), N_("Bars (OHLC)"), NULL };

static const McOptionInfo candlestick_option_open = {
  "open", MC_OPTION_COLUMN, MC_OPTION_REQUIRED | MC_OPTION_NUMERIC | MC_OPTION_ON_AXIS,
  N_("the column of opening prices"), NULL, NULL,
  N_("a candlestick chart needs “open”, “high”, “low” and “close”, the columns of its "
     "prices"), N_("Open")
};

static const McOptionInfo candlestick_option_high = {
  "high", MC_OPTION_COLUMN, MC_OPTION_REQUIRED | MC_OPTION_NUMERIC | MC_OPTION_ON_AXIS,
  N_("the column of the highest prices"), NULL, NULL,
  N_("a candlestick chart needs “open”, “high”, “low” and “close”, the columns of its "
     "prices"), N_("High")
};

static const McOptionInfo candlestick_option_low = {
  "low", MC_OPTION_COLUMN, MC_OPTION_REQUIRED | MC_OPTION_NUMERIC | MC_OPTION_ON_AXIS,
  N_("the column of the lowest prices"), NULL, NULL,
  N_("a candlestick chart needs “open”, “high”, “low” and “close”, the columns of its "
     "prices"), N_("Low")
};

static const McOptionInfo candlestick_option_close = {
  "close", MC_OPTION_COLUMN,
  MC_OPTION_REQUIRED | MC_OPTION_NUMERIC | MC_OPTION_ON_AXIS | MC_OPTION_SERIES,
  N_("the column of closing prices"), NULL, NULL,
  N_("a candlestick chart needs “open”, “high”, “low” and “close”, the columns of its "
     "prices"), N_("Close")
};

static const McOptionInfo candlestick_option_volume = {
  "volume", MC_OPTION_COLUMN, MC_OPTION_NUMERIC,
  N_("the column of volumes traded, drawn in a panel under the prices"), NULL, NULL, NULL,
  N_("Volume")
};

static const McOptionInfo candlestick_option_style = {
  "style", MC_OPTION_CHOICE, 0,
  N_("“candles”, with bodies from the open to the close, or “ohlc”, bars with the open "
     "to the left and the close to the right"),
  style_choices, N_("expected “candles” or “ohlc”"), NULL, N_("Style"),
  style_labels
};

static const McOptionInfo * const candlestick_options[] = {
  &mc_chart_option_x,
  &candlestick_option_open,
  &candlestick_option_high,
  &candlestick_option_low,
  &candlestick_option_close,
  &candlestick_option_volume,
  &candlestick_option_style,
  &mc_chart_option_log,
  &mc_chart_option_filter,
  &mc_chart_option_filter_values,
  &mc_chart_option_annotations,
  NULL
};

const McChartKind mc_chart_kind_candlestick = {
  .id = "candlestick",
  .name = N_("a candlestick chart"),
  .plural = N_("candlestick charts"),
  .label = N_("Candlestick Chart"),
  .caps = MC_CHART_CAPS_ZOOM_X,
  .options = candlestick_options,
  .check = candlestick_check,
  .check_rows = check_row_prices,
  .prepare = candlestick_prepare,
  .free_prepared = candle_data_free,
  .mend = candlestick_mend,
  .draw = candlestick_draw,
  .mark_text = candle_mark_text,
  .describe = candlestick_describe,
};
