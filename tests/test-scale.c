/* test-scale.c: nice ticks on linear and time axes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mc-format.h"
#include "mc-scale.h"

/* Is @step 1, 2 or 5 times a power of ten? */
static gboolean
is_nice (double step)
{
  double mantissa = step / pow (10, floor (log10 (step) + 1e-9));

  return fabs (mantissa - 1) < 1e-6 || fabs (mantissa - 2) < 1e-6 || fabs (mantissa - 5) < 1e-6;
}

static void
test_scale_nice_step (void)
{
  struct { double rough, nice; } cases[] = {
    { 0.7, 1 }, { 1, 1 }, { 1.3, 2 }, { 2, 2 }, { 2.1, 5 }, { 7, 10 },
    { 0.023, 0.05 }, { 380, 500 }, { 0, 1 }, { -3, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpfloat_with_epsilon (mc_nice_step (cases[i].rough), cases[i].nice, 1e-12);
}

static void
test_scale_linear_known (void)
{
  McLinearScale scale;

  /* Revenue 9.2..15.4 on a bar axis 330 px long, a tick per ~77 px. */
  mc_linear_scale_init (&scale, 9.2, 15.4, TRUE, 330, 77);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 20);
  g_assert_cmpfloat (scale.step, ==, 5);
  g_assert_cmpuint (mc_linear_scale_get_n_ticks (&scale), ==, 5);
  g_assert_cmpfloat (mc_linear_scale_get_tick (&scale, 4), ==, 20);

  /* Lines may zoom: no zero. */
  mc_linear_scale_init (&scale, 110, 148, FALSE, 330, 77);
  g_assert_cmpfloat (scale.min, >, 0);
  g_assert_cmpfloat (scale.min, <=, 110);
  g_assert_cmpfloat (scale.max, >=, 148);

  /* Negative values: the axis runs through zero, which is a tick. */
  mc_linear_scale_init (&scale, -3, 7, TRUE, 300, 75);
  g_assert_cmpfloat (scale.min, <, 0);
  {
    gboolean zero = FALSE;

    for (guint i = 0; i < mc_linear_scale_get_n_ticks (&scale); i++)
      zero |= mc_linear_scale_get_tick (&scale, i) == 0;
    g_assert_true (zero);
  }
}

/* Log axes: ticks at powers of ten (or 1, 2, 5, or 1 to 9 times them)
 * around the data; equal ratios take equal lengths. */
static void
test_scale_log (void)
{
  const struct { double lo, hi, length; } cases[] = {
    { 8.2, 2425, 400, }, { 0.03, 7.5, 300 }, { 96, 180, 400 }, { 1, 1e9, 200 },
    { 5, 5, 300 }, { 2.5e-4, 12, 900 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      McLinearScale scale;
      double previous = 0;

      mc_linear_scale_init_log (&scale, cases[c].lo, cases[c].hi, cases[c].length, 75);
      mc_linear_scale_set_range (&scale, cases[c].length, 0);
      g_assert_true (scale.log);
      g_assert_cmpfloat (scale.min, <=, cases[c].lo * (1 + 1e-9));
      g_assert_cmpfloat (scale.max, >=, cases[c].hi * (1 - 1e-9));
      g_assert_cmpuint (mc_linear_scale_get_n_ticks (&scale), >=, 2);
      g_assert_cmpuint (mc_linear_scale_get_n_ticks (&scale), <=, 51);
      for (guint i = 0; i < mc_linear_scale_get_n_ticks (&scale); i++)
        {
          double tick = mc_linear_scale_get_tick (&scale, i);
          double mantissa = tick / mc_linear_scale_get_tick_step (&scale, i);

          g_assert_cmpfloat (tick, >, previous);
          g_assert_cmpfloat (fabs (mantissa - round (mantissa)), <, 1e-6);
          previous = tick;
        }
      g_assert_cmpfloat_with_epsilon (mc_linear_scale_map (&scale, scale.min), cases[c].length,
                                      1e-6);
      g_assert_cmpfloat_with_epsilon (mc_linear_scale_map (&scale, scale.max), 0, 1e-6);
      g_assert_cmpfloat_with_epsilon (mc_linear_scale_map (&scale, sqrt (scale.min * scale.max)),
                                      cases[c].length / 2, 1e-6);
      g_assert_cmpfloat_with_epsilon (mc_linear_scale_invert (&scale, cases[c].length / 3),
                                      scale.min * pow (scale.max / scale.min, 2.0 / 3),
                                      1e-9 * scale.max);
    }

  /* Four decades on 400 px: a tick per decade, 100 px apart. */
  {
    McLinearScale scale;

    mc_linear_scale_init_log (&scale, 8.2, 2425, 400, 75);
    g_assert_cmpfloat (scale.min, ==, 1);
    g_assert_cmpfloat (scale.max, ==, 10000);
    g_assert_cmpfloat (mc_linear_scale_get_tick (&scale, 2), ==, 100);
  }
  /* Values at or below zero are not on the axis; no crash, no NAN. */
  {
    McLinearScale scale;

    mc_linear_scale_init_log (&scale, -5, 0, 300, 75);
    g_assert_cmpfloat (scale.min, >, 0);
    mc_linear_scale_set_range (&scale, 300, 0);
    g_assert_cmpfloat (mc_linear_scale_map (&scale, 0), ==, 300);
  }
}

static void
test_scale_linear_degenerate (void)
{
  McLinearScale scale;

  mc_linear_scale_init (&scale, NAN, NAN, TRUE, 300, 75);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 1);

  mc_linear_scale_init (&scale, 0, 0, TRUE, 300, 75);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, >, 0);

  /* One value on a zoomed axis gets room around it. */
  mc_linear_scale_init (&scale, 42, 42, FALSE, 300, 75);
  g_assert_cmpfloat (scale.min, <, 42);
  g_assert_cmpfloat (scale.max, >, 42);

  /* A tiny axis still has two ticks. */
  mc_linear_scale_init (&scale, 0, 100, TRUE, 10, 75);
  g_assert_cmpuint (mc_linear_scale_get_n_ticks (&scale), >=, 2);
}

/* Over many random ranges and lengths: the step is nice, the domain
 * covers the data and ends on ticks, ticks are near the wanted spacing. */
static void
test_scale_linear_properties (void)
{
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 2000; i++)
    {
      double magnitude = pow (10, g_rand_double_range (rand, -4, 9));
      double a = g_rand_double_range (rand, -1, 1) * magnitude;
      double b = g_rand_double_range (rand, -1, 1) * magnitude;
      double lo = MIN (a, b), hi = MAX (a, b);
      gboolean zero = g_rand_boolean (rand);
      double length = g_rand_double_range (rand, 150, 2000);
      double spacing = g_rand_double_range (rand, 60, 90);
      McLinearScale scale;
      double px;

      mc_linear_scale_init (&scale, lo, hi, zero, length, spacing);
      g_assert_true (is_nice (scale.step));
      g_assert_cmpfloat (scale.min, <=, lo + scale.step * 1e-9);
      g_assert_cmpfloat (scale.max, >=, hi - scale.step * 1e-9);
      if (zero)
        g_assert_true (scale.min <= 0 && scale.max >= 0);
      g_assert_cmpfloat_with_epsilon (scale.min + scale.n_intervals * scale.step, scale.max,
                                      scale.step * 1e-6);
      px = length / scale.n_intervals;
      if (px > spacing * 2.5 || px < spacing / 2.5)
        g_test_message ("lo %g hi %g zero %d length %g spacing %g: %g..%g step %g", lo, hi, zero,
                        length, spacing, scale.min, scale.max, scale.step);
      /* A 1-2-5 sequence can always land within a factor 2.5 of the
       * wanted spacing. */
      g_assert_cmpfloat (px, >=, spacing / 2.5);
      g_assert_cmpfloat (px, <=, spacing * 2.5);
    }
  g_rand_free (rand);
}

static void
test_scale_linear_fixed (void)
{
  McLinearScale scale;

  /* Market capitalisation on a right axis that must have 4 intervals. */
  mc_linear_scale_init_fixed (&scale, 250, 340, FALSE, 4);
  g_assert_cmpuint (scale.n_intervals, ==, 4);
  g_assert_cmpfloat (scale.min, ==, 250);
  g_assert_cmpfloat (scale.step, ==, 25);
  g_assert_cmpfloat (scale.max, ==, 350);

  mc_linear_scale_init_fixed (&scale, 3, 97, TRUE, 5);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, >=, 97);
  g_assert_cmpuint (scale.n_intervals, ==, 5);
}

static void
test_scale_linear_map (void)
{
  McLinearScale scale;

  mc_linear_scale_init (&scale, 0, 100, TRUE, 400, 80);
  mc_linear_scale_set_range (&scale, 450, 50);
  g_assert_cmpfloat (mc_linear_scale_map (&scale, 0), ==, 450);
  g_assert_cmpfloat (mc_linear_scale_map (&scale, scale.max), ==, 50);
  g_assert_cmpfloat_with_epsilon (mc_linear_scale_invert (&scale, mc_linear_scale_map (&scale, 37)),
                                  37, 1e-9);
}

static double
ymd (int y, int m, int d)
{
  return mc_days_from_ymd (y, m, d);
}

static void
check_ticks_inside (const McTimeScale *scale)
{
  for (guint i = 0; i < scale->n_ticks; i++)
    {
      g_assert_cmpfloat (scale->ticks[i], >=, scale->min);
      g_assert_cmpfloat (scale->ticks[i], <=, scale->max);
      if (i > 0)
        g_assert_cmpfloat (scale->ticks[i], >, scale->ticks[i - 1]);
    }
}

static void
test_scale_time_months (void)
{
  McTimeScale scale;
  g_autofree char *first = NULL;

  /* The share price: January 2024 to February 2025, 700 px wide. */
  mc_time_scale_init (&scale, ymd (2024, 1, 1), ymd (2025, 2, 1), MC_DATE_MONTH, 700, 75);
  g_assert_cmpint (scale.unit, ==, MC_TIME_UNIT_MONTH);
  g_assert_cmpuint (scale.n_ticks, >=, 4);
  check_ticks_inside (&scale);

  first = mc_time_scale_get_label (&scale, 0);
  g_assert_cmpstr (first, ==, "Jan 2024");
  for (guint i = 1; i < scale.n_ticks; i++)
    {
      g_autofree char *label = mc_time_scale_get_label (&scale, i);
      int y, m, d;

      mc_days_to_ymd (scale.ticks[i], &y, &m, &d);
      /* The year only where it changes: "Mar", ..., "2025". */
      if (m == 1)
        g_assert_cmpstr (label, ==, "2025");
      else
        g_assert_null (strstr (label, "202"));
    }
}

static void
test_scale_time_years (void)
{
  McTimeScale scale;

  mc_time_scale_init (&scale, ymd (2021, 1, 1), ymd (2024, 1, 1), MC_DATE_YEAR, 700, 75);
  g_assert_cmpint (scale.unit, ==, MC_TIME_UNIT_YEAR);
  g_assert_cmpuint (scale.n_ticks, ==, 4);
  for (guint i = 0; i < scale.n_ticks; i++)
    {
      g_autofree char *label = mc_time_scale_get_label (&scale, i);
      g_autofree char *expected = g_strdup_printf ("%u", 2021 + i);

      g_assert_cmpstr (label, ==, expected);
    }

  /* A century on a short axis: decades or more, aligned. */
  mc_time_scale_init (&scale, ymd (1901, 6, 1), ymd (2020, 1, 1), MC_DATE_DAY, 500, 75);
  g_assert_cmpint (scale.unit, ==, MC_TIME_UNIT_YEAR);
  g_assert_cmpuint (scale.step, >=, 10);
  check_ticks_inside (&scale);
  {
    int y, m, d;

    mc_days_to_ymd (scale.ticks[0], &y, &m, &d);
    g_assert_cmpint (y % scale.step, ==, 0);
  }
}

/* Quarters: ticks on the first day of a quarter, every one or two
 * quarters, never a month inside one, labelled "Q1 2024", "Q2", …;
 * on a short axis, whole years. */
static void
test_scale_time_quarters (void)
{
  McTimeScale scale;
  static const guint widths[] = { 1400, 700, 320, 200 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      mc_time_scale_init (&scale, ymd (2022, 1, 1), ymd (2025, 1, 1), MC_DATE_QUARTER,
                          widths[w], 75);
      check_ticks_inside (&scale);
      for (guint i = 0; i < scale.n_ticks; i++)
        {
          g_autofree char *label = mc_time_scale_get_label (&scale, i);
          int y, m, d;

          mc_days_to_ymd (scale.ticks[i], &y, &m, &d);
          g_assert_cmpint (d, ==, 1);
          g_assert_cmpint ((m - 1) % 3, ==, 0);
          if (scale.unit == MC_TIME_UNIT_YEAR)
            g_assert_cmpint (m, ==, 1);
          else if (i == 0 || m == 1)
            g_assert_true (g_str_has_prefix (label, "Q") && strstr (label, " 202") != NULL);
          else
            g_assert_true (label[0] == 'Q' && label[2] == '\0');
        }
    }
  mc_time_scale_init (&scale, ymd (2022, 1, 1), ymd (2025, 1, 1), MC_DATE_QUARTER, 1400, 75);
  g_assert_cmpint (scale.unit, ==, MC_TIME_UNIT_MONTH);
  g_assert_cmpuint (scale.step, ==, 3);
  mc_time_scale_init (&scale, ymd (2022, 1, 1), ymd (2025, 1, 1), MC_DATE_QUARTER, 200, 75);
  g_assert_cmpint (scale.unit, ==, MC_TIME_UNIT_YEAR);
}

/* Years are never cut: a short axis over a few years has no tick between
 * them (no "2021.5"). */
static void
test_scale_time_whole_years (void)
{
  McTimeScale scale;

  for (double width = 60; width <= 2400; width *= 1.5)
    {
      mc_time_scale_init (&scale, ymd (2019, 1, 1), ymd (2024, 1, 1), MC_DATE_YEAR, width, 75);
      for (guint i = 0; i < scale.n_ticks; i++)
        {
          int y, m, d;

          mc_days_to_ymd (scale.ticks[i], &y, &m, &d);
          g_assert_cmpint (m, ==, 1);
          g_assert_cmpint (d, ==, 1);
        }
    }
}

static void
test_scale_time_days (void)
{
  McTimeScale scale;
  g_autofree char *first = NULL;

  mc_time_scale_init (&scale, ymd (2024, 2, 10), ymd (2024, 3, 20), MC_DATE_DAY, 700, 75);
  g_assert_cmpint (scale.unit, ==, MC_TIME_UNIT_DAY);
  check_ticks_inside (&scale);
  first = mc_time_scale_get_label (&scale, 0);
  g_assert_nonnull (strstr (first, "2024"));
  for (guint i = 1; i < scale.n_ticks; i++)
    {
      g_autofree char *label = mc_time_scale_get_label (&scale, i);

      g_assert_null (strstr (label, "2024"));
    }
}

/* Precision limits the unit: yearly data never gets month ticks. */
static void
test_scale_time_precision (void)
{
  McTimeScale scale;

  mc_time_scale_init (&scale, ymd (2021, 1, 1), ymd (2024, 1, 1), MC_DATE_YEAR, 5000, 40);
  g_assert_cmpint (scale.unit, ==, MC_TIME_UNIT_YEAR);
  mc_time_scale_init (&scale, ymd (2024, 1, 1), ymd (2024, 1, 1), MC_DATE_MONTH, 500, 75);
  g_assert_cmpfloat (scale.min, <, ymd (2024, 1, 1));
  g_assert_cmpfloat (scale.max, >, ymd (2024, 1, 1));
  mc_time_scale_set_range (&scale, 0, 500);
  g_assert_cmpfloat_with_epsilon (mc_time_scale_map (&scale, ymd (2024, 1, 1)), 250, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/scale/nice-step", test_scale_nice_step);
  g_test_add_func ("/mc/scale/linear-known", test_scale_linear_known);
  g_test_add_func ("/mc/scale/linear-degenerate", test_scale_linear_degenerate);
  g_test_add_func ("/mc/scale/linear-properties", test_scale_linear_properties);
  g_test_add_func ("/mc/scale/linear-fixed", test_scale_linear_fixed);
  g_test_add_func ("/mc/scale/linear-map", test_scale_linear_map);
  g_test_add_func ("/mc/scale/log", test_scale_log);
  g_test_add_func ("/mc/scale/time-months", test_scale_time_months);
  g_test_add_func ("/mc/scale/time-years", test_scale_time_years);
  g_test_add_func ("/mc/scale/time-days", test_scale_time_days);
  g_test_add_func ("/mc/scale/time-quarters", test_scale_time_quarters);
  g_test_add_func ("/mc/scale/time-whole-years", test_scale_time_whole_years);
  g_test_add_func ("/mc/scale/time-precision", test_scale_time_precision);

  return g_test_run ();
}
