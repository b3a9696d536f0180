/* mc-scale.h: linear and time scales with "nice" ticks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-dataset.h"

G_BEGIN_DECLS

/* A value axis. The domain [min, max] ends on ticks: min, min + step, ...,
 * max, with step 1, 2 or 5 × 10^n. A logarithmic one (@log) maps the
 * logarithms of values, and its ticks are powers of ten, or 1, 2 and 5
 * times them, or every whole multiple of them, or finer steps for narrow
 * ranges (1.2, 1.4, …). */
typedef struct
{
  double   min;
  double   max;
  double   step;
  guint    n_intervals;    /* ticks = n_intervals + 1 */
  double   range0;         /* pixel of min */
  double   range1;         /* pixel of max */
  gboolean log;
  int      log_first;      /* log: the first tick's place in the sequence */
  guint    log_per_decade; /* log: 1 (with @step decades apart), 3, 9 or
                            * 15 ticks a decade */
} McLinearScale;

/* The smallest 1-2-5 × 10^n step that is at least @rough. */
double      mc_nice_step                  (double               rough);

/* Chooses ticks for data in [@data_min, @data_max] on an axis @length
 * pixels long, about one tick per @spacing pixels (60–90 px at body text
 * size 12–13 px). @include_zero extends the domain to zero, as bar and
 * area axes must. NAN bounds (no data) give the domain 0..1. */
void        mc_linear_scale_init          (McLinearScale       *scale,
                                           double               data_min,
                                           double               data_max,
                                           gboolean             include_zero,
                                           double               length,
                                           double               spacing);

/* Same, with exactly @n_intervals intervals, so that a second axis lines
 * up with the grid of the first. */
void        mc_linear_scale_init_fixed    (McLinearScale       *scale,
                                           double               data_min,
                                           double               data_max,
                                           gboolean             include_zero,
                                           guint                n_intervals);

/* A logarithmic scale for positive data in [@data_min, @data_max], its
 * ticks about @spacing pixels apart. */
void        mc_linear_scale_init_log      (McLinearScale       *scale,
                                           double               data_min,
                                           double               data_max,
                                           double               length,
                                           double               spacing);

/* Two scales whose zeros and grids line up, for two value axes: both
 * include zero, both have the same number of intervals, as many of them
 * below zero, with ticks about @spacing pixels apart on @length. */
void        mc_linear_scale_init_aligned  (McLinearScale        scales[2],
                                           const double         data_min[2],
                                           const double         data_max[2],
                                           double               length,
                                           double               spacing);

void        mc_linear_scale_set_range     (McLinearScale       *scale,
                                           double               range0,
                                           double               range1);
double      mc_linear_scale_map           (const McLinearScale *scale,
                                           double               value);
double      mc_linear_scale_invert        (const McLinearScale *scale,
                                           double               pixel);
guint       mc_linear_scale_get_n_ticks   (const McLinearScale *scale);
double      mc_linear_scale_get_tick      (const McLinearScale *scale,
                                           guint                index);
/* The step of tick @index, for the decimals of its label: the scale's
 * step, or on a logarithmic scale the power of ten below the tick. */
double      mc_linear_scale_get_tick_step (const McLinearScale *scale,
                                           guint                index);

typedef enum
{
  MC_TIME_UNIT_DAY,
  MC_TIME_UNIT_MONTH,
  MC_TIME_UNIT_YEAR,
} McTimeUnit;

#define MC_TIME_SCALE_MAX_TICKS 64

/* A time axis over dates in days since 1970-01-01. Ticks fall on the
 * first day of a year or month, or on a day, every @step units. */
typedef struct
{
  double     min;
  double     max;
  double     range0;
  double     range1;
  McTimeUnit unit;
  guint      step;
  gboolean   quarters;   /* months 3 or 6 apart, labelled "Q1 2024" */
  guint      n_ticks;
  double     ticks[MC_TIME_SCALE_MAX_TICKS];
} McTimeScale;

/* Chooses the unit and step from the span: the finest one whose ticks
 * are at least @min_spacing pixels apart on an axis @length pixels long,
 * and never finer than the data's @precision. */
void        mc_time_scale_init            (McTimeScale         *scale,
                                           double               min_days,
                                           double               max_days,
                                           McDatePrecision      precision,
                                           double               length,
                                           double               min_spacing);
void        mc_time_scale_set_range       (McTimeScale         *scale,
                                           double               range0,
                                           double               range1);
double      mc_time_scale_map             (const McTimeScale   *scale,
                                           double               days);
double      mc_time_scale_invert          (const McTimeScale   *scale,
                                           double               pixel);

/* The label of tick @index. The year is written only on the first tick
 * and where it changes: "Feb 2024", "Mar", ..., "2025". */
char       *mc_time_scale_get_label       (const McTimeScale   *scale,
                                           guint                index);

/* An order of doubles, for g_array_sort() and qsort(): medians, the gaps
 * between dates, the x of points. */
int         mc_compare_doubles            (gconstpointer        a,
                                           gconstpointer        b);
/* The order of items @a and @b (indexes) by their keys, and by their
 * indexes where the keys are equal: a stable sort of indexes. */
static inline int
mc_compare_keyed (double key_a,
                  guint  a,
                  double key_b,
                  guint  b)
{
  if (key_a != key_b)
    return key_a < key_b ? -1 : 1;
  return a < b ? -1 : a > b;
}

/* Calendar helpers on days since 1970-01-01. */
void        mc_days_to_ymd                (double               days,
                                           int                 *year,
                                           int                 *month,
                                           int                 *day);
double      mc_days_from_ymd              (int                  year,
                                           int                  month,
                                           int                  day);

G_END_DECLS
