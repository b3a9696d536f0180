/* test-format.c: numbers, units and dates as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mc-format.h"

static McColumn *
number_column (const char *unit,
               McScale     scale,
               const double *values,
               guint        n)
{
  McColumn *column = mc_column_new ("value", "Value", MC_COLUMN_NUMBER);

  mc_column_set_unit (column, unit);
  mc_column_set_scale (column, scale);
  for (guint i = 0; i < n; i++)
    mc_column_append_value (column, values[i]);
  return column;
}

static void
test_format_number_c (void)
{
  g_autofree char *a = mc_format_number (1234567.891, 2);
  g_autofree char *b = mc_format_number (-5, 0);
  g_autofree char *c = mc_format_number (-0.001, 1);
  g_autofree char *d = mc_format_number (2.5, 0);
  g_autofree char *e = mc_format_number (NAN, 1);
  g_autofree char *f = mc_format_number (0.125, 9);

  /* C.UTF-8 has no grouping and a full stop. */
  g_assert_cmpstr (a, ==, "1234567.89");
  /* A real minus sign, and never "−0". */
  g_assert_cmpstr (b, ==, "−5");
  g_assert_cmpstr (c, ==, "0.0");
  g_assert_cmpstr (d, ==, "2");
  g_assert_cmpstr (e, ==, "—");
  /* Decimals are capped at six. */
  g_assert_cmpstr (f, ==, "0.125000");
}

static gboolean
try_locale (const char *name)
{
  return setlocale (LC_ALL, name) != NULL;
}

static void
test_format_number_german (void)
{
  if (!try_locale ("de_DE.UTF-8") && !try_locale ("de_DE.utf8"))
    {
      g_test_skip ("the de_DE locale is not installed");
      return;
    }
  {
    g_autofree char *a = mc_format_number (1234567.891, 2);
    g_autofree char *b = mc_format_number (-1234.5, 1);
    g_autofree char *date = mc_format_date (19754, MC_DATE_MONTH);   /* 2024-02-01 */

    g_assert_cmpstr (a, ==, "1.234.567,89");
    g_assert_cmpstr (b, ==, "−1.234,5");
    g_assert_nonnull (strstr (date, "2024"));
  }
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_format_number_chinese (void)
{
  if (!try_locale ("zh_CN.UTF-8") && !try_locale ("zh_CN.utf8"))
    {
      g_test_skip ("the zh_CN locale is not installed");
      return;
    }
  {
    g_autofree char *a = mc_format_number (1234567.5, 1);
    g_autofree char *date = mc_format_date (19754, MC_DATE_MONTH);

    g_assert_cmpstr (a, ==, "1,234,567.5");
    g_assert_nonnull (strstr (date, "2024"));
    /* The month name is the locale's, not "Feb". */
    g_assert_null (strstr (date, "Feb"));
  }
  setlocale (LC_ALL, "C.UTF-8");
}

/* Dollars counted one by one, shown in billions as a chart chose: the
 * decimals a value needs there, the scale in the unit, ticks in it. */
static void
test_format_display_scale (void)
{
  const double dollars[] = { 3e9, 7.5e9, 2e10 };
  g_autoptr(McColumn) usd = number_column ("USD", MC_SCALE_NONE, dollars, 3);
  g_autofree char *before = mc_format_unit (usd);
  g_autofree char *value = NULL;
  g_autofree char *rounded = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *tick = NULL;

  g_assert_cmpstr (before, ==, "USD");
  mc_column_set_display_scale (usd, MC_SCALE_BILLION);
  value = mc_format_value (usd, 7.5e9, -1);
  rounded = mc_format_value (usd, 2e10, 0);
  unit = mc_format_unit (usd);
  tick = mc_format_tick (usd, 2e10, 5e9);
  g_assert_cmpstr (value, ==, "USD 7.5 bn");
  g_assert_cmpstr (rounded, ==, "USD 20 bn");
  g_assert_cmpstr (unit, ==, "USD bn");
  g_assert_cmpstr (tick, ==, "20");
  g_assert_cmpfloat (mc_column_get_value (usd, 1), ==, 7.5e9);
}

static void
test_format_value_units (void)
{
  const double billions[] = { 50, 15.4, 9.25 };
  const double prices[] = { 110, 148 };
  const double shares[] = { 17, 4.5 };
  const double years[] = { 3, 5 };
  g_autoptr(McColumn) usd = number_column ("USD", MC_SCALE_BILLION, billions, 3);
  g_autoptr(McColumn) hkd = number_column ("HKD", MC_SCALE_NONE, prices, 2);
  g_autoptr(McColumn) percent = number_column ("percent", MC_SCALE_NONE, shares, 2);
  g_autoptr(McColumn) time = number_column ("years", MC_SCALE_NONE, years, 2);
  g_autoptr(McColumn) plain = number_column (NULL, MC_SCALE_MILLION, years, 2);
  struct { McColumn *column; double value; int decimals; const char *expected; } cases[] = {
    { usd, 50, 0, "USD 50 bn" },
    { usd, 15.4, 1, "USD 15.4 bn" },
    { usd, 50, -1, "USD 50.00 bn" },       /* as many decimals as the column has */
    { hkd, 148, -1, "HKD 148" },
    { percent, 17, 0, "17%" },
    { percent, 4.5, -1, "4.5%" },
    { time, 5, -1, "5 years" },
    { plain, 3, 0, "3 m" },
    { usd, NAN, 1, "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = mc_format_value (cases[i].column, cases[i].value, cases[i].decimals);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_unit (void)
{
  const double one[] = { 1 };
  g_autoptr(McColumn) usd = number_column ("USD", MC_SCALE_BILLION, one, 1);
  g_autoptr(McColumn) hkd = number_column ("HKD", MC_SCALE_NONE, one, 1);
  g_autoptr(McColumn) percent = number_column ("percent", MC_SCALE_NONE, one, 1);
  g_autoptr(McColumn) years = number_column ("years", MC_SCALE_NONE, one, 1);
  g_autoptr(McColumn) none = number_column (NULL, MC_SCALE_NONE, one, 1);
  g_autoptr(McColumn) thousands = number_column (NULL, MC_SCALE_THOUSAND, one, 1);
  g_autofree char *a = mc_format_unit (usd);
  g_autofree char *b = mc_format_unit (hkd);
  g_autofree char *c = mc_format_unit (percent);
  g_autofree char *d = mc_format_unit (years);
  g_autofree char *e = mc_format_unit (none);
  g_autofree char *f = mc_format_unit (thousands);

  g_assert_cmpstr (a, ==, "USD bn");
  g_assert_cmpstr (b, ==, "HKD");
  g_assert_cmpstr (c, ==, "%");
  g_assert_cmpstr (d, ==, "years");
  g_assert_null (e);
  g_assert_cmpstr (f, ==, "k");
  g_assert_cmpstr (mc_format_scale_suffix (MC_SCALE_TRILLION), ==, "tn");
  g_assert_cmpstr (mc_format_scale_suffix (MC_SCALE_NONE), ==, "");
}

static void
test_format_decimals (void)
{
  const double revenue[] = { 9.2, 11.8, 13.3, 15.4 };
  const double whole[] = { 50, 35, NAN, 70 };
  const double mixed[] = { 1, 2.25, 3.5 };
  g_autoptr(McColumn) a = number_column (NULL, MC_SCALE_NONE, revenue, 4);
  g_autoptr(McColumn) b = number_column (NULL, MC_SCALE_NONE, whole, 4);
  g_autoptr(McColumn) c = number_column (NULL, MC_SCALE_NONE, mixed, 3);

  g_assert_cmpint (mc_format_column_decimals (a), ==, 1);
  g_assert_cmpint (mc_format_column_decimals (b), ==, 0);
  g_assert_cmpint (mc_format_column_decimals (c), ==, 2);
  g_assert_cmpint (mc_format_value_decimals (28.2608695, 1), ==, 1);
  g_assert_cmpint (mc_format_value_decimals (32, 1), ==, 0);
  g_assert_cmpint (mc_format_value_decimals (0.1 + 0.2, 6), ==, 1);
}

static void
test_format_tick (void)
{
  const double one[] = { 1 };
  g_autoptr(McColumn) percent = number_column ("percent", MC_SCALE_NONE, one, 1);
  g_autoptr(McColumn) usd = number_column ("USD", MC_SCALE_BILLION, one, 1);
  g_autofree char *a = mc_format_tick (percent, 20, 5);
  g_autofree char *b = mc_format_tick (usd, 2.5, 0.5);
  g_autofree char *c = mc_format_tick (usd, 1e-17, 0.2);
  g_autofree char *d = mc_format_tick (usd, 0.05, 0.05);

  g_assert_cmpstr (a, ==, "20%");
  /* Other units are named by the axis title, not on each tick. */
  g_assert_cmpstr (b, ==, "2.5");
  g_assert_cmpstr (c, ==, "0.0");
  g_assert_cmpstr (d, ==, "0.05");
}

/* Axes group the digits as the locale does, so that nobody counts the
 * zeros of 50000; the percent sign and decimals stay as they were. */
static void
assert_ticks_grouped (const char *locale,
                      const char *fifty_thousand,
                      const char *one_and_a_half_million)
{
  const double one[] = { 1 };
  g_autoptr(McColumn) plain = number_column (NULL, MC_SCALE_NONE, one, 1);
  g_autoptr(McColumn) percent = number_column ("percent", MC_SCALE_NONE, one, 1);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  if (!try_locale (locale))
    {
      g_autofree char *why = g_strdup_printf ("the %s locale is not installed (Debian: "
                                              "locales, then localedef -i %.5s -f UTF-8 %s)",
                                              locale, locale, locale);

      g_test_skip (why);
      return;
    }
  a = mc_format_tick (plain, 50000, 10000);
  b = mc_format_tick (plain, 1500000, 500000);
  c = mc_format_tick (plain, 999, 1);
  d = mc_format_tick (percent, 20, 5);
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpstr (a, ==, fifty_thousand);
  g_assert_cmpstr (b, ==, one_and_a_half_million);
  g_assert_cmpstr (c, ==, "999");
  g_assert_cmpstr (d, ==, "20%");
}

static void
test_format_tick_english (void)
{
  assert_ticks_grouped ("en_US.UTF-8", "50,000", "1,500,000");
}

static void
test_format_tick_german (void)
{
  assert_ticks_grouped ("de_DE.UTF-8", "50.000", "1.500.000");
}

static void
test_format_dates (void)
{
  double days;
  McDatePrecision precision;
  g_autofree char *year = NULL;
  g_autofree char *month = NULL;
  g_autofree char *day = NULL;

  g_assert_true (mc_format_parse_iso_date ("2024-02-15", &days, &precision));
  g_assert_cmpfloat (days, ==, 19768);
  g_assert_cmpint (precision, ==, MC_DATE_DAY);
  g_assert_true (mc_format_parse_iso_date ("2024", &days, &precision));
  g_assert_cmpfloat (days, ==, 19723);
  g_assert_cmpint (precision, ==, MC_DATE_YEAR);
  g_assert_true (mc_format_parse_iso_date ("1970-01", &days, &precision));
  g_assert_cmpfloat (days, ==, 0);
  g_assert_cmpint (precision, ==, MC_DATE_MONTH);
  g_assert_false (mc_format_parse_iso_date ("2024-13", &days, &precision));
  g_assert_false (mc_format_parse_iso_date ("2023-02-29", &days, &precision));
  g_assert_false (mc_format_parse_iso_date ("24-02", &days, &precision));
  g_assert_false (mc_format_parse_iso_date ("2024-02-15x", &days, &precision));

  year = mc_format_date (19768, MC_DATE_YEAR);
  month = mc_format_date (19768, MC_DATE_MONTH);
  day = mc_format_date (19768, MC_DATE_DAY);
  g_assert_cmpstr (year, ==, "2024");
  g_assert_cmpstr (month, ==, "Feb 2024");
  g_assert_cmpstr (day, ==, "15 Feb 2024");
}

static void
test_format_cell (void)
{
  g_autoptr(McColumn) revenue = mc_column_new ("revenue", "Revenue", MC_COLUMN_NUMBER);
  g_autoptr(McColumn) company = mc_column_new ("company", "Company", MC_COLUMN_STRING);
  g_autoptr(McColumn) date = mc_column_new ("date", "Date", MC_COLUMN_DATE);
  g_autoptr(McColumn) flag = mc_column_new ("flag", "Flag", MC_COLUMN_BOOLEAN);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL;

  mc_column_set_unit (revenue, "USD");
  mc_column_set_scale (revenue, MC_SCALE_BILLION);
  mc_column_append_value (revenue, 13.3);
  mc_column_append_value (revenue, 15.4);
  mc_column_append_missing (revenue);
  mc_column_set_annotation (revenue, 1, TRUE, "Estimate");
  mc_column_append_string (company, "Alibaba");
  mc_column_set_date_precision (date, MC_DATE_MONTH);
  mc_column_append_value (date, 19754);
  mc_column_append_value (flag, 1);

  a = mc_format_cell (revenue, 0);
  b = mc_format_cell (revenue, 1);
  c = mc_format_cell (revenue, 2);
  d = mc_format_cell (company, 0);
  e = mc_format_cell (date, 0);
  f = mc_format_cell (flag, 0);
  g_assert_cmpstr (a, ==, "USD 13.3 bn");
  g_assert_cmpstr (b, ==, "USD 15.4 bn (Est.)");
  g_assert_cmpstr (c, ==, "—");
  g_assert_cmpstr (d, ==, "Alibaba");
  g_assert_cmpstr (e, ==, "Feb 2024");
  g_assert_cmpstr (f, ==, "Yes");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/format/number-c", test_format_number_c);
  g_test_add_func ("/mc/format/number-german", test_format_number_german);
  g_test_add_func ("/mc/format/number-chinese", test_format_number_chinese);
  g_test_add_func ("/mc/format/value-units", test_format_value_units);
  g_test_add_func ("/mc/format/display-scale", test_format_display_scale);
  g_test_add_func ("/mc/format/unit", test_format_unit);
  g_test_add_func ("/mc/format/decimals", test_format_decimals);
  g_test_add_func ("/mc/format/tick", test_format_tick);
  g_test_add_func ("/mc/format/tick/english", test_format_tick_english);
  g_test_add_func ("/mc/format/tick/german", test_format_tick_german);
  g_test_add_func ("/mc/format/dates", test_format_dates);
  g_test_add_func ("/mc/format/cell", test_format_cell);

  return g_test_run ();
}
