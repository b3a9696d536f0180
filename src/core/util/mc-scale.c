/* mc-scale.c: linear and time scales with "nice" ticks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-scale.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mc-format.h"

#define MC_UNIX_EPOCH_JULIAN 719163
#define MC_MAX_INTERVALS 50

/* Linear scales */

double
mc_nice_step (double rough)
{
  double magnitude;
  double mantissa;

  if (!(rough > 0) || !isfinite (rough))
    return 1;

  magnitude = pow (10, floor (log10 (rough)));
  mantissa = rough / magnitude;
  /* Allow for rounding: 2.0000000001 is a 2. */
  if (mantissa <= 1 + 1e-9)
    return magnitude;
  if (mantissa <= 2 + 1e-9)
    return 2 * magnitude;
  if (mantissa <= 5 + 1e-9)
    return 5 * magnitude;
  return 10 * magnitude;
}

/* The data bounds made usable: no NAN, zero included if asked, and a
 * domain that is never empty. */
static void
linear_data_bounds (double    data_min,
                    double    data_max,
                    gboolean  include_zero,
                    double   *lo,
                    double   *hi)
{
  if (!isfinite (data_min))
    data_min = data_max;
  if (!isfinite (data_max))
    data_max = data_min;
  if (!isfinite (data_min))
    data_min = data_max = 0;
  if (data_min > data_max)
    {
      double t = data_min;
      data_min = data_max;
      data_max = t;
    }
  if (include_zero)
    {
      data_min = MIN (data_min, 0);
      data_max = MAX (data_max, 0);
    }
  if (data_max - data_min <= fabs (data_max) * 1e-12)
    {
      double pad = data_max == 0 ? 1 : fabs (data_max) * 0.1;

      if (data_max == 0 || !include_zero)
        {
          data_min = (include_zero && data_min >= 0) ? data_min : data_min - pad;
          data_max = data_max + pad;
        }
    }
  *lo = data_min;
  *hi = data_max;
}

static void
linear_apply_step (McLinearScale *scale,
                   double         lo,
                   double         hi,
                   double         step)
{
  double first = floor (lo / step + 1e-9);
  double last = ceil (hi / step - 1e-9);

  scale->log = FALSE;
  scale->step = step;
  scale->min = first * step;
  scale->n_intervals = MAX (1, (guint) llround (last - first));
  scale->max = (first + scale->n_intervals) * step;
}

/* How good a step is: ticks near @spacing pixels apart, little empty
 * room at the ends of the axis. */
static double
linear_step_score (double lo,
                   double hi,
                   double step,
                   double length,
                   double spacing)
{
  double first = floor (lo / step + 1e-9);
  double last = ceil (hi / step - 1e-9);
  double n = MAX (1, last - first);
  double covered = n * step;

  if (n > MC_MAX_INTERVALS)
    return G_MAXDOUBLE;
  return fabs (log ((length / n) / spacing)) + 0.5 * (covered - (hi - lo)) / covered;
}

void
mc_linear_scale_init (McLinearScale *scale,
                      double         data_min,
                      double         data_max,
                      gboolean       include_zero,
                      double         length,
                      double         spacing)
{
  static const double mantissas[] = { 1, 2, 5 };
  double lo, hi, base, target;
  double best_step = 1, best_score = G_MAXDOUBLE;

  g_return_if_fail (scale != NULL);

  linear_data_bounds (data_min, data_max, include_zero, &lo, &hi);
  length = MAX (length, 1);
  spacing = MAX (spacing, 1);
  target = CLAMP (length / spacing, 1, MC_MAX_INTERVALS);
  base = pow (10, floor (log10 ((hi - lo) / target)));

  for (int e = -1; e <= 1; e++)
    for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
      {
        double step = mantissas[m] * base * pow (10, e);
        double score = linear_step_score (lo, hi, step, length, spacing);

        if (score < best_score)
          {
            best_score = score;
            best_step = step;
          }
      }

  linear_apply_step (scale, lo, hi, best_step);
  mc_linear_scale_set_range (scale, 0, length);
}

/* The smallest step of 1, 2, 2.5 or 5 × 10^n whose @n_intervals,
 * starting on a tick, cover [@lo, @hi]. A fixed count of intervals fits
 * the data loosely with 1-2-5 alone, so 2.5 is allowed here. */
static double
fixed_step (double lo,
            double hi,
            guint  n_intervals)
{
  static const double mantissas[] = { 1, 2, 2.5, 5 };
  double base = pow (10, floor (log10 ((hi - lo) / n_intervals)) - 1);

  for (int e = 0; e < 4; e++)
    for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
      {
        double step = mantissas[m] * base * pow (10, e);

        if (floor (lo / step + 1e-9) * step + n_intervals * step >= hi - step * 1e-9)
          return step;
      }
  return base * 1e4;
}

void
mc_linear_scale_init_fixed (McLinearScale *scale,
                            double         data_min,
                            double         data_max,
                            gboolean       include_zero,
                            guint          n_intervals)
{
  double lo, hi, step;

  g_return_if_fail (scale != NULL);

  linear_data_bounds (data_min, data_max, include_zero, &lo, &hi);
  n_intervals = MAX (1, n_intervals);
  step = fixed_step (lo, hi, n_intervals);
  scale->log = FALSE;
  scale->step = step;
  scale->min = floor (lo / step + 1e-9) * step;
  scale->n_intervals = n_intervals;
  scale->max = scale->min + n_intervals * step;
  mc_linear_scale_set_range (scale, 0, 1);
}

/* Logarithmic scales */

/* The ticks of a decade: 1, 2, 5; 1 to 9; and finer for narrow ranges
 * of prices. */
static const double log_mantissas_3[] = { 1, 2, 5 };
static const double log_mantissas_15[] = {
  1, 1.2, 1.4, 1.6, 1.8, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 9
};

/* Tick @k of the infinite sequence of a scale: 10^k with one tick per
 * decade, else the mantissas of its table times 10^n. */
static double
log_sequence (int   k,
              guint per_decade)
{
  int decade = (int) floor ((double) k / per_decade);
  int place = k - decade * (int) per_decade;

  if (per_decade == 3)
    return log_mantissas_3[place] * pow (10, decade);
  if (per_decade == 15)
    return log_mantissas_15[place] * pow (10, decade);
  return (place + 1) * pow (10, decade);
}

/* The index in the sequence of the last tick at or below @value, or
 * (@up) the first at or above it. */
static int
log_index (double   value,
           guint    per_decade,
           gboolean up)
{
  int k = (int) floor (log10 (value)) * (int) per_decade;

  while (log_sequence (k + 1, per_decade) <= value * (1 + 1e-9))
    k++;
  while (log_sequence (k, per_decade) > value * (1 + 1e-9))
    k--;
  if (up && log_sequence (k, per_decade) < value * (1 - 1e-9))
    k++;
  return k;
}

typedef struct
{
  guint per_decade;
  guint step;         /* with one tick per decade: decades apart */
} LogTicks;

static void
log_apply (McLinearScale  *scale,
           double          lo,
           double          hi,
           const LogTicks *ticks)
{
  int first = log_index (lo, ticks->per_decade, FALSE);
  int last = log_index (hi, ticks->per_decade, TRUE);

  if (ticks->per_decade == 1)
    {
      first = (int) floor ((double) first / ticks->step) * (int) ticks->step;
      last = (int) ceil ((double) last / ticks->step) * (int) ticks->step;
    }
  scale->log = TRUE;
  scale->log_per_decade = ticks->per_decade;
  scale->step = ticks->step;
  scale->log_first = first;
  scale->n_intervals = MAX (1, (guint) ((last - first) / (int) ticks->step));
  scale->min = log_sequence (first, ticks->per_decade);
  scale->max = log_sequence (first + (int) (scale->n_intervals * ticks->step),
                             ticks->per_decade);
}

/* The pixels between the two closest ticks of @scale on @length. */
static double
log_min_gap (const McLinearScale *scale,
             double               length)
{
  double span = log10 (scale->max / scale->min), gap = G_MAXDOUBLE;

  for (guint i = 0; i < scale->n_intervals; i++)
    gap = MIN (gap, log10 (mc_linear_scale_get_tick (scale, i + 1)
                           / mc_linear_scale_get_tick (scale, i)));
  return span > 0 ? gap / span * length : length;
}

void
mc_linear_scale_init_log (McLinearScale *scale,
                          double         data_min,
                          double         data_max,
                          double         length,
                          double         spacing)
{
  static const LogTicks candidates[] = {
    { 15, 1 }, { 9, 1 }, { 3, 1 }, { 1, 1 }, { 1, 2 }, { 1, 3 }, { 1, 5 }, { 1, 10 }, { 1, 20 },
  };
  double best_score = G_MAXDOUBLE;
  const LogTicks *best = &candidates[1];

  g_return_if_fail (scale != NULL);

  if (!(data_min > 0) || !isfinite (data_min))
    data_min = data_max;
  if (!(data_max > 0) || !isfinite (data_max))
    data_min = data_max = 1;
  if (data_min > data_max)
    {
      double t = data_min;

      data_min = data_max;
      data_max = t;
    }
  length = MAX (length, 1);
  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      McLinearScale trial = { 0 };
      double score;

      log_apply (&trial, data_min, data_max, &candidates[c]);
      if (trial.n_intervals > MC_MAX_INTERVALS)
        continue;
      /* Ticks 1, 2, 5 are uneven on a log axis: judged by their
       * closest pair. */
      score = fabs (log (log_min_gap (&trial, length) / spacing));
      if (trial.n_intervals < 2)
        score += 2;
      if (score < best_score)
        {
          best_score = score;
          best = &candidates[c];
        }
    }
  log_apply (scale, data_min, data_max, best);
  mc_linear_scale_set_range (scale, 0, length);
}

/* The step of one of two aligned axes with @below intervals under zero
 * and @above over it; 0 when they can't hold the data. */
static double
aligned_step (double lo,
              double hi,
              guint  below,
              guint  above)
{
  double need = 0;

  if ((lo < 0 && below == 0) || (hi > 0 && above == 0))
    return 0;
  if (lo < 0)
    need = MAX (need, -lo / below);
  if (hi > 0)
    need = MAX (need, hi / above);
  /* Same as fixed_step(): 1, 2, 2.5 or 5 × 10^n. */
  return need > 0 ? fixed_step (0, need, 1) : 1;
}

void
mc_linear_scale_init_aligned (McLinearScale  scales[2],
                              const double   data_min[2],
                              const double   data_max[2],
                              double         length,
                              double         spacing)
{
  double lo[2], hi[2], best = G_MAXDOUBLE;

  for (guint a = 0; a < 2; a++)
    linear_data_bounds (data_min[a], data_max[a], TRUE, &lo[a], &hi[a]);
  length = MAX (length, 1);
  for (guint n = 2; n <= 10; n++)
    for (guint below = 0; below <= n; below++)
      {
        double steps[2], waste = 0, score;

        for (guint a = 0; a < 2; a++)
          {
            steps[a] = aligned_step (lo[a], hi[a], below, n - below);
            waste += steps[a] > 0 ? 1 - (hi[a] - lo[a]) / (n * steps[a]) : G_MAXDOUBLE;
          }
        score = waste + fabs (log (length / n / MAX (spacing, 1)));
        if (score >= best)
          continue;
        best = score;
        for (guint a = 0; a < 2; a++)
          {
            scales[a].log = FALSE;
            scales[a].step = steps[a];
            scales[a].n_intervals = n;
            scales[a].min = -(double) below * steps[a];
            scales[a].max = (double) (n - below) * steps[a];
            mc_linear_scale_set_range (&scales[a], 0, length);
          }
      }
}

void
mc_linear_scale_set_range (McLinearScale *scale,
                           double         range0,
                           double         range1)
{
  g_return_if_fail (scale != NULL);

  scale->range0 = range0;
  scale->range1 = range1;
}

double
mc_linear_scale_map (const McLinearScale *scale,
                     double               value)
{
  double span = scale->max - scale->min;

  if (scale->log)
    {
      /* Values at or below zero are not on a log axis: below its end. */
      if (!(value > 0))
        return isnan (value) ? NAN : scale->range0;
      span = log10 (scale->max / scale->min);
      return span == 0 ? scale->range0
                       : scale->range0 + log10 (value / scale->min) / span
                                         * (scale->range1 - scale->range0);
    }
  if (span == 0)
    return scale->range0;
  return scale->range0 + (value - scale->min) / span * (scale->range1 - scale->range0);
}

double
mc_linear_scale_invert (const McLinearScale *scale,
                        double               pixel)
{
  double range = scale->range1 - scale->range0;
  double fraction;

  if (range == 0)
    return scale->min;
  fraction = (pixel - scale->range0) / range;
  if (scale->log)
    return scale->min * pow (scale->max / scale->min, fraction);
  return scale->min + fraction * (scale->max - scale->min);
}

guint
mc_linear_scale_get_n_ticks (const McLinearScale *scale)
{
  return scale->n_intervals + 1;
}

double
mc_linear_scale_get_tick (const McLinearScale *scale,
                          guint                index)
{
  double tick;

  g_return_val_if_fail (index <= scale->n_intervals, NAN);

  if (scale->log)
    return log_sequence (scale->log_first + (int) (index * scale->step), scale->log_per_decade);
  /* Computed from the index, not accumulated, so rounding can't drift;
   * a tick that is zero up to rounding is exactly zero. */
  tick = (round (scale->min / scale->step) + index) * scale->step;
  if (fabs (tick) < scale->step * 1e-9)
    tick = 0;
  return tick;
}

double
mc_linear_scale_get_tick_step (const McLinearScale *scale,
                               guint                index)
{
  double tick, step;

  if (!scale->log)
    return scale->step;
  tick = mc_linear_scale_get_tick (scale, index);
  step = pow (10, floor (log10 (tick) + 1e-9));
  /* 1.2 × 10^n needs a decimal more than 2 × 10^n. */
  return fabs (tick / step - round (tick / step)) > 1e-6 ? step / 10 : step;
}

int
mc_compare_doubles (gconstpointer a,
                    gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

/* Calendar helpers */

void
mc_days_to_ymd (double  days,
                int    *year,
                int    *month,
                int    *day)
{
  GDate date;
  double julian = floor (days) + MC_UNIX_EPOCH_JULIAN;

  julian = CLAMP (julian, 1, 3000000);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) julian);
  *year = g_date_get_year (&date);
  *month = g_date_get_month (&date);
  *day = g_date_get_day (&date);
}

double
mc_days_from_ymd (int year,
                  int month,
                  int day)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_dmy (day, month, year), NAN);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return (double) g_date_get_julian (&date) - MC_UNIX_EPOCH_JULIAN;
}

/* Time scales */

typedef struct
{
  McTimeUnit unit;
  guint      step;
} TimeStep;

static const TimeStep time_steps[] = {
  { MC_TIME_UNIT_DAY, 1 },
  { MC_TIME_UNIT_DAY, 2 },
  { MC_TIME_UNIT_DAY, 7 },
  { MC_TIME_UNIT_DAY, 14 },
  { MC_TIME_UNIT_MONTH, 1 },
  { MC_TIME_UNIT_MONTH, 2 },
  { MC_TIME_UNIT_MONTH, 3 },
  { MC_TIME_UNIT_MONTH, 6 },
  { MC_TIME_UNIT_YEAR, 1 },
  { MC_TIME_UNIT_YEAR, 2 },
  { MC_TIME_UNIT_YEAR, 5 },
  { MC_TIME_UNIT_YEAR, 10 },
  { MC_TIME_UNIT_YEAR, 20 },
  { MC_TIME_UNIT_YEAR, 50 },
  { MC_TIME_UNIT_YEAR, 100 },
  { MC_TIME_UNIT_YEAR, 200 },
  { MC_TIME_UNIT_YEAR, 500 },
  { MC_TIME_UNIT_YEAR, 1000 },
};

static double
time_unit_days (McTimeUnit unit)
{
  switch (unit)
    {
    case MC_TIME_UNIT_DAY: return 1;
    case MC_TIME_UNIT_MONTH: return 365.25 / 12;
    case MC_TIME_UNIT_YEAR:
    default: return 365.25;
    }
}

static McTimeUnit
unit_of_precision (McDatePrecision precision)
{
  switch (precision)
    {
    case MC_DATE_YEAR: return MC_TIME_UNIT_YEAR;
    case MC_DATE_QUARTER:
    case MC_DATE_MONTH: return MC_TIME_UNIT_MONTH;
    case MC_DATE_DAY:
    default: return MC_TIME_UNIT_DAY;
    }
}

static void
time_add_tick (McTimeScale *scale,
               double       days)
{
  if (scale->n_ticks < MC_TIME_SCALE_MAX_TICKS)
    scale->ticks[scale->n_ticks++] = days;
}

static void
time_ticks_years (McTimeScale *scale)
{
  int y, m, d;
  int first;

  mc_days_to_ymd (scale->min, &y, &m, &d);
  first = (m == 1 && d == 1) ? y : y + 1;
  /* Align to the step: 2020, 2025, 2030, not 2021, 2026. */
  first = (int) (ceil ((double) first / scale->step) * scale->step);
  for (int year = first; year <= 9999; year += scale->step)
    {
      double days = mc_days_from_ymd (year, 1, 1);

      if (days > scale->max + 1e-9 || scale->n_ticks == MC_TIME_SCALE_MAX_TICKS)
        break;
      time_add_tick (scale, days);
    }
}

static void
time_ticks_months (McTimeScale *scale)
{
  int y, m, d;
  int index;

  mc_days_to_ymd (scale->min, &y, &m, &d);
  index = y * 12 + (m - 1) + (d == 1 && floor (scale->min) == scale->min ? 0 : 1);
  index = (int) (ceil ((double) index / scale->step) * scale->step);
  for (; index / 12 <= 9999; index += scale->step)
    {
      double days = mc_days_from_ymd (index / 12, index % 12 + 1, 1);

      if (days > scale->max + 1e-9 || scale->n_ticks == MC_TIME_SCALE_MAX_TICKS)
        break;
      time_add_tick (scale, days);
    }
}

static void
time_ticks_days (McTimeScale *scale)
{
  /* Weekly ticks fall on Mondays; 1970-01-05 was one. */
  double origin = scale->step >= 7 ? 4 : 0;
  double days = origin + ceil ((scale->min - origin) / scale->step - 1e-9) * scale->step;

  for (; days <= scale->max + 1e-9; days += scale->step)
    {
      if (scale->n_ticks == MC_TIME_SCALE_MAX_TICKS)
        break;
      time_add_tick (scale, days);
    }
}

static void
time_choose_step (McTimeScale     *scale,
                  McDatePrecision  precision,
                  double           length,
                  double           min_spacing)
{
  McTimeUnit finest = unit_of_precision (precision);
  double span = scale->max - scale->min;

  scale->unit = MC_TIME_UNIT_YEAR;
  scale->step = 1000;
  for (guint i = 0; i < G_N_ELEMENTS (time_steps); i++)
    {
      const TimeStep *candidate = &time_steps[i];
      double step_days = candidate->step * time_unit_days (candidate->unit);

      /* Quarters are never split into months */
      if (candidate->unit < finest || (precision == MC_DATE_QUARTER
                                       && candidate->unit == MC_TIME_UNIT_MONTH
                                       && candidate->step % 3 != 0))
        continue;
      if (length * step_days / span >= min_spacing)
        {
          scale->unit = candidate->unit;
          scale->step = candidate->step;
          return;
        }
    }
}

void
mc_time_scale_init (McTimeScale     *scale,
                    double           min_days,
                    double           max_days,
                    McDatePrecision  precision,
                    double           length,
                    double           min_spacing)
{
  g_return_if_fail (scale != NULL);

  if (!isfinite (min_days) || !isfinite (max_days))
    min_days = max_days = 0;
  if (max_days <= min_days)
    {
      /* One date: give it room of half a unit of its precision on each
       * side, so it sits in the middle with a tick. */
      double pad = time_unit_days (unit_of_precision (precision)) / 2;

      min_days -= pad;
      max_days += pad;
    }

  scale->min = min_days;
  scale->max = max_days;
  scale->n_ticks = 0;
  time_choose_step (scale, precision, MAX (length, 1), MAX (min_spacing, 1));
  scale->quarters = precision == MC_DATE_QUARTER && scale->unit == MC_TIME_UNIT_MONTH;

  switch (scale->unit)
    {
    case MC_TIME_UNIT_YEAR:
      time_ticks_years (scale);
      break;
    case MC_TIME_UNIT_MONTH:
      time_ticks_months (scale);
      break;
    case MC_TIME_UNIT_DAY:
    default:
      time_ticks_days (scale);
      break;
    }
  mc_time_scale_set_range (scale, 0, length);
}

void
mc_time_scale_set_range (McTimeScale *scale,
                         double       range0,
                         double       range1)
{
  g_return_if_fail (scale != NULL);

  scale->range0 = range0;
  scale->range1 = range1;
}

double
mc_time_scale_map (const McTimeScale *scale,
                   double             days)
{
  double span = scale->max - scale->min;

  if (span == 0)
    return (scale->range0 + scale->range1) / 2;
  return scale->range0 + (days - scale->min) / span * (scale->range1 - scale->range0);
}

double
mc_time_scale_invert (const McTimeScale *scale,
                      double             pixel)
{
  double range = scale->range1 - scale->range0;

  if (range == 0)
    return scale->min;
  return scale->min + (pixel - scale->range0) / range * (scale->max - scale->min);
}

char *
mc_time_scale_get_label (const McTimeScale *scale,
                         guint              index)
{
  double days;
  int y, m, d;

  g_return_val_if_fail (index < scale->n_ticks, NULL);

  days = scale->ticks[index];
  mc_days_to_ymd (days, &y, &m, &d);

  switch (scale->unit)
    {
    case MC_TIME_UNIT_YEAR:
      return mc_format_date_with (days, "%Y");
    case MC_TIME_UNIT_MONTH:
      if (scale->quarters)
        return mc_format_quarter (days, index == 0 || m == 1);
      if (index == 0)
        /* Translators: first month tick of a time axis */
        return mc_format_date_with (days, C_("axis date", "%b %Y"));
      if (m == 1)
        return mc_format_date_with (days, "%Y");
      /* Translators: month tick of a time axis, after the first */
      return mc_format_date_with (days, C_("axis date", "%b"));
    case MC_TIME_UNIT_DAY:
    default:
      if (index == 0 || (m == 1 && d <= (int) scale->step))
        /* Translators: first day tick of a time axis, or first of a year */
        return mc_format_date_with (days, C_("axis date", "%-d %b %Y"));
      /* Translators: day tick of a time axis */
      return mc_format_date_with (days, C_("axis date", "%-d %b"));
    }
}
