/* test-plain-csv.c: plain CSV files read in one pass where they can be
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Number and date columns of a plain CSV file are filled while their
 * types are inferred; text, boolean and year columns, and columns that
 * change their mind half-way, are read in a second pass. Either way the
 * dataset must be the same: these tests check types, values and missing
 * cells on files that take each path, and mixes of them.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "mc-csv-private.h"
#include "mc-date-text.h"
#include "mc-load-progress.h"
#include "mc-loader.h"
#include "mc-table-builder-private.h"
#include "mc-test-files.h"

/* A cell, in a format string, that the fast path leaves to the general
 * reader, which then reads the whole file: quoted, with a space after
 * its closing quote, which the general reader drops. A quoted number
 * alone the fast path reads. */
#define GENERAL_READER_CELL(format) "\"" format "\" "

static McDataset *
load (const char *csv)
{
  g_autoptr(GError) error = NULL;
  McDataset *d = mc_loader_load_data (csv, strlen (csv), "test.csv", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

static McColumn *
column (McDataset *d,
        guint      index,
        McColumnType type)
{
  McColumn *c = mc_dataset_get_column (d, index);

  g_assert_cmpint (mc_column_get_column_type (c), ==, type);
  g_assert_cmpuint (mc_column_get_n_rows (c), ==, mc_dataset_get_n_rows (d));
  return c;
}

static void
assert_values (McColumn     *c,
               const double *expected,
               guint         n)
{
  g_assert_cmpuint (mc_column_get_n_rows (c), ==, n);
  for (guint i = 0; i < n; i++)
    {
      if (isnan (expected[i]))
        g_assert_true (mc_column_is_missing (c, i));
      else
        g_assert_cmpfloat (mc_column_get_value (c, i), ==, expected[i]);
    }
}

static double
days (const char *date)
{
  double value = 0;
  McDatePrecision precision;

  g_assert_true (mc_loader_parse_date (date, &value, &precision));
  return value;
}

/* Numbers only, with missing cells first and in between. */
static void
test_numbers (void)
{
  g_autoptr(McDataset) d = load ("x,y\n"
                                 ",NA\n"
                                 "1,2.5\n"
                                 "2,-\n"
                                 "3,1e3\n");
  const double x[] = { NAN, 1, 2, 3 };
  const double y[] = { NAN, 2.5, NAN, 1000 };

  assert_values (column (d, 0, MC_COLUMN_NUMBER), x, 4);
  assert_values (column (d, 1, MC_COLUMN_NUMBER), y, 4);
}

/* Dates, the first after a missing cell, with the finest precision. */
static void
test_dates (void)
{
  g_autoptr(McDataset) d = load ("day,price\n"
                                 ",1\n"
                                 "2024-01-15,2\n"
                                 "2024-02,3\n"
                                 "n/a,4\n");
  McColumn *day = column (d, 0, MC_COLUMN_DATE);
  const double expected[] = { NAN, days ("2024-01-15"), days ("2024-02"), NAN };

  assert_values (day, expected, 4);
  g_assert_cmpint (mc_column_get_date_precision (day), ==, MC_DATE_DAY);
  column (d, 1, MC_COLUMN_NUMBER);
}

/* A column of numbers that turns out to be text, or dates, or codes. */
static void
test_second_pass (void)
{
  g_autoptr(McDataset) d = load ("a,b,c,d\n"
                                 "1,2024,12,5\n"
                                 "2,2025,0700,6\n"
                                 "x,2025-06,13,7\n");
  McColumn *a = column (d, 0, MC_COLUMN_STRING);
  McColumn *b = column (d, 1, MC_COLUMN_DATE);
  McColumn *c = column (d, 2, MC_COLUMN_STRING);
  const double expected_b[] = { days ("2024"), days ("2025"), days ("2025-06") };
  const double expected_d[] = { 5, 6, 7 };

  g_assert_cmpstr (mc_column_get_string (a, 0), ==, "1");
  g_assert_cmpstr (mc_column_get_string (a, 2), ==, "x");
  assert_values (b, expected_b, 3);
  g_assert_cmpint (mc_column_get_date_precision (b), ==, MC_DATE_MONTH);
  g_assert_cmpstr (mc_column_get_string (c, 1), ==, "0700");
  assert_values (column (d, 3, MC_COLUMN_NUMBER), expected_d, 3);
}

/* Years, booleans, percentages and text next to kept columns. */
static void
test_mixed (void)
{
  g_autoptr(McDataset) d = load ("year,listed,share,name,value\n"
                                 "2021,yes,12%,Alibaba,1.5\n"
                                 "2022,no,,\"Tencent, Inc.\",NA\n"
                                 "2023,yes,15.5%,,2.5\n");
  McColumn *year = column (d, 0, MC_COLUMN_DATE);
  McColumn *share = column (d, 2, MC_COLUMN_NUMBER);
  McColumn *name = column (d, 3, MC_COLUMN_STRING);
  const double expected_year[] = { days ("2021"), days ("2022"), days ("2023") };
  const double expected_share[] = { 12, NAN, 15.5 };
  const double expected_value[] = { 1.5, NAN, 2.5 };

  assert_values (year, expected_year, 3);
  g_assert_cmpint (mc_column_get_date_precision (year), ==, MC_DATE_YEAR);
  column (d, 1, MC_COLUMN_BOOLEAN);
  assert_values (share, expected_share, 3);
  g_assert_cmpstr (mc_column_get_unit (share), ==, "percent");
  g_assert_cmpstr (mc_column_get_string (name, 1), ==, "Tencent, Inc.");
  g_assert_null (mc_column_get_string (name, 2));
  assert_values (column (d, 4, MC_COLUMN_NUMBER), expected_value, 3);
}

/* A number out of range is reported where it is. */
static void
test_out_of_range (void)
{
  const char *csv = "x,y\n1,2\n3,1e999\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) d = mc_loader_load_data (csv, strlen (csv), "big.csv", NULL, &error);

  g_assert_null (d);
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "big.csv:3:3:"));
}

/* Many rows of random numbers: every value exactly as strtod reads it. */
static void
test_many_rows (void)
{
  GRand *rand = g_rand_new_with_seed (42);
  g_autoptr(GString) csv = g_string_new ("i,value,date\n");
  g_autoptr(McDataset) d = NULL;
  g_autofree double *expected = g_new (double, 20000);
  McColumn *value;

  for (guint i = 0; i < 20000; i++)
    {
      double v = g_rand_double_range (rand, -1e6, 1e6);
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (text, sizeof text, i % 3 == 0 ? "%.17g" : "%.4f", v);
      expected[i] = strtod (text, NULL);
      g_string_append_printf (csv, "%u,%s,2024-%02u-%02u\n", i, text, i % 12 + 1, i % 28 + 1);
    }
  d = load (csv->str);
  value = column (d, 1, MC_COLUMN_NUMBER);
  assert_values (value, expected, 20000);
  column (d, 0, MC_COLUMN_NUMBER);
  column (d, 2, MC_COLUMN_DATE);
  g_rand_free (rand);
}

/* A number that ends within eight bytes is read in one go
 * (mc_csv_scan_eight_bytes()): with the same digits, point and end as
 * the digit runs read, on random bytes around the eighth, with either
 * mark; most of them are taken so. */
static void
test_eight_byte_numbers (void)
{
  static const char others[] = ".,-+eE;\n x\xc3";
  GRand *rand = g_rand_new_with_seed (8);
  guint taken = 0, tried = 0;

  for (guint i = 0; i < 400000; i++)
    {
      char text[16];
      gsize length = g_rand_int_range (rand, 8, sizeof text);
      char mark = i % 2 ? ',' : '.';
      guint64 mantissa = 0, expected_mantissa = 0;
      gsize n_int, n_frac, expected_int, expected_frac;
      const char *end, *expected;

      for (gsize k = 0; k < length; k++)
        text[k] = g_rand_int_range (rand, 0, 100) < 75 ? '0' + g_rand_int_range (rand, 0, 10)
                                                       : others[g_rand_int_range (rand, 0, sizeof others - 1)];
      tried++;
      end = mc_csv_scan_eight_bytes (text, text + length, mark, &mantissa, &n_int, &n_frac);
      if (end == NULL)
        continue;
      taken++;
      expected = mc_csv_scan_digit_runs (text, text + length, mark, &expected_mantissa,
                                         &expected_int, &expected_frac);
      if (end != expected || mantissa != expected_mantissa || n_int != expected_int
          || n_frac != expected_frac)
        g_error ("“%.*s”, mark “%c”: %zd bytes, %" G_GUINT64_FORMAT ", %zu and %zu digits; "
                 "expected %zd, %" G_GUINT64_FORMAT ", %zu and %zu", (int) length, text, mark,
                 end - text, mantissa, n_int, n_frac, expected - text, expected_mantissa,
                 expected_int, expected_frac);
    }
  g_test_message ("%u of %u taken in one go", taken, tried);
  g_assert_cmpuint (taken, >, tried / 2);
  g_rand_free (rand);
}

/* The fast path's scan of a number with an exponent: the cells it takes
 * (the value as strtod reads it), and those it leaves to the general
 * reader. */
static void
test_exponent_scan (void)
{
  static const char * const taken[] = {
    "1e5", ".5e1", "-0e5", "0.0e0", "1E+003", "-2.5E-3", "9007199254740992e-22",
    "1.234560e+02", "6.02214076e23", "1e23", "1e-23", "9007199254740993e0",
    "1.7976931348623157e308", "2.2250738585072014e-308",
  };
  /* Not short, or subnormal, zero or infinite: strtod's. */
  static const char * const left[] = {
    "5.e3", "1e0005", "4.25e", "1e+", "e5", "4.9e-324", "1e-400", "0e30", "1e309",
  };

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      const char *text = taken[i];
      double value = NAN, expected = g_ascii_strtod (text, NULL);
      int decimals;

      g_assert_cmpuint (mc_csv_scan_short_number (text, text + strlen (text), TRUE,
                                                  &value, &decimals), ==, strlen (text));
      g_assert_cmpmem (&value, sizeof value, &expected, sizeof expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (left); i++)
    {
      const char *text = left[i];
      double value;
      int decimals;

      g_assert_cmpuint (mc_csv_scan_short_number (text, text + strlen (text), TRUE,
                                                  &value, &decimals), !=, strlen (text));
    }
}

/* Numbers written with exponents ("1.234560e+02", "-7E-5"), of every
 * length the fast path takes and beyond: each value exactly as strtod
 * reads it, with the decimals the general reader finds (the same file
 * with a column of quoted text). The column of row numbers, a
 * progression, shows that the fast path read the file. */
static void
test_exponents_exact (void)
{
  GRand *rand = g_rand_new_with_seed (20261207);
  g_autoptr(GString) csv = g_string_new ("i,value\n");
  g_autoptr(GString) mixed = g_string_new ("i,value,name\n");
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(McDataset) d = NULL;
  g_autoptr(McDataset) general = NULL;
  McColumn *value, *general_value;

  for (guint i = 0; i < 20000; i++)
    {
      guint n_int = g_rand_int_range (rand, 1, 10), n_frac = g_rand_int_range (rand, 0, 10);
      GString *text = g_string_new (g_rand_boolean (rand) ? "-" : "");

      g_string_append_c (text, (char) ('1' + g_rand_int_range (rand, 0, 9)));
      for (guint k = 1; k < n_int + n_frac; k++)
        {
          if (k == n_int)
            g_string_append_c (text, '.');
          g_string_append_c (text, (char) ('0' + g_rand_int_range (rand, 0, 10)));
        }
      g_string_append_printf (text, "%c%s%0*d", g_rand_boolean (rand) ? 'e' : 'E',
                              g_rand_boolean (rand) ? "-" : g_rand_boolean (rand) ? "+" : "",
                              g_rand_int_range (rand, 1, 4), g_rand_int_range (rand, 0, 40));
      g_string_append_printf (csv, "%u,%s\n", i, text->str);
      g_string_append_printf (mixed, "%u,%s,\"n%u\"\n", i, text->str, i);
      g_ptr_array_add (texts, g_string_free (text, FALSE));
    }
  d = load (csv->str);
  general = load (mixed->str);
  g_assert_true (mc_column_get_progression (column (d, 0, MC_COLUMN_NUMBER), NULL, NULL));
  value = column (d, 1, MC_COLUMN_NUMBER);
  general_value = column (general, 1, MC_COLUMN_NUMBER);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      double expected = g_ascii_strtod (text, NULL);

      if (mc_column_get_value (value, i) != expected
          || signbit (mc_column_get_value (value, i)) != signbit (expected))
        g_error ("%s read as %.17g, not %.17g", text, mc_column_get_value (value, i), expected);
      g_assert_cmpint (mc_column_get_decimals (value, i), ==,
                       mc_column_get_decimals (general_value, i));
    }
  g_rand_free (rand);
}

/* The same numbers read by the fast path (a file of numbers only) and by
 * the general reader (the same file with a quoted text column): the same
 * columns, bit for bit. */
static void
test_fast_path_same_values (void)
{
  static const char * const numbers[] = {
    "0", "-0", "+7", ".5", "5.", "1e3", "-2.5E-3", "  12  ", "\t3.25", "-", "",
    "123456789012345678901234", "0.1", "9007199254740993", "4.9e-324", "1999",
    "-17.125", "1234567.891", "0.000001",
  };
  GRand *rand = g_rand_new_with_seed (11);
  g_autoptr(GString) plain = g_string_new ("a,b\r\n");
  g_autoptr(GString) mixed = g_string_new ("a,b,name\r\n");
  g_autoptr(McDataset) fast = NULL;
  g_autoptr(McDataset) general = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      const char *a = numbers[g_rand_int_range (rand, 0, G_N_ELEMENTS (numbers))];
      char b[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (b, sizeof b, "%.6f", g_rand_double_range (rand, -1e4, 1e4));
      g_string_append_printf (plain, "%s,%s\r\n", a, b);
      g_string_append_printf (mixed, "%s,%s,\"n%u\"\r\n", a, b, i);
      if (i % 700 == 0)
        {
          g_string_append (plain, "   \r\n");
          g_string_append (mixed, "   \r\n");
        }
    }
  fast = load (plain->str);
  general = load (mixed->str);
  g_assert_cmpuint (mc_dataset_get_n_rows (fast), ==, 3000);
  g_assert_cmpuint (mc_dataset_get_n_rows (general), ==, 3000);
  for (guint c = 0; c < 2; c++)
    {
      McColumn *x = mc_dataset_get_column (fast, c);
      McColumn *y = mc_dataset_get_column (general, c);

      g_assert_cmpint (mc_column_get_column_type (x), ==, mc_column_get_column_type (y));
      g_assert_cmpint (mc_column_get_column_type (x), ==, MC_COLUMN_NUMBER);
      g_assert_cmpmem (mc_column_get_values (x, NULL), 3000 * sizeof (double),
                       mc_column_get_values (y, NULL), 3000 * sizeof (double));
    }
  g_rand_free (rand);
}

/* Numbers for a long while, then something else: the general reader
 * starts over and gets it right. */
static void
test_fast_path_gives_up (void)
{
  g_autoptr(GString) csv = g_string_new ("x,y\n");
  g_autoptr(McDataset) d = NULL;
  g_autoptr(GError) error = NULL;
  McColumn *y;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (csv, "%u,%u\n", i, i * 2);
  g_string_append (csv, "5000,NA\n5001,\"7\"\n");
  d = load (csv->str);
  y = column (d, 1, MC_COLUMN_NUMBER);
  g_assert_true (mc_column_is_missing (y, 5000));
  g_assert_cmpfloat (mc_column_get_value (y, 5001), ==, 7);
  g_assert_cmpfloat (mc_column_get_value (y, 4999), ==, 9998);
  g_clear_object (&d);

  /* A code with a leading zero makes a text column. */
  g_string_truncate (csv, 0);
  g_string_append (csv, "code\n");
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "%u\n", 100000 + i);
  g_string_append (csv, "070000\n");
  d = load (csv->str);
  g_assert_cmpstr (mc_column_get_string (column (d, 0, MC_COLUMN_STRING), 3000), ==, "070000");
  g_clear_object (&d);

  /* A short row is reported where it is. */
  g_string_truncate (csv, 0);
  g_string_append (csv, "x,y\n");
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "%u,%u\n", i, i);
  g_string_append (csv, "1\n");
  d = mc_loader_load_data (csv->str, csv->len, "short.csv", NULL, &error);
  g_assert_null (d);
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_SHAPE);
  g_assert_true (g_str_has_prefix (error->message, "short.csv:3002:2:"));
}

/* Random files of numbers, blanks, markers and mistakes, read twice: as
 * they are (the fast path, until it meets what it does not take) and with
 * the first field quoted (the general reader from the first row). Both
 * give the same dataset, or errors on the same line. */

static const char * const random_fields[] = {
  "0", "1", "7", "42", "-3", "+5", "12.5", ".5", "5.", "-0", "1e3", "00", "0.0001",
  "123456789", "9007199254740993", "1234567890123456789012", "-", "", " 3 ", "\t4",
  "97.1234", "1.2.3", "--1", "e", "1-2", "99999999.99999999", "NA", "2024",
  "1.5e-3", "2.50E+10", "-3e22", "7e-23", "1e308", "9007199254740993e-5", "4.25e", "5.e3",
  "1e+0004", "6.02214076e23", "1.0e-22", "123456789012345678e3", "8E-2x",
  "99.76423164975387", "-0.30000000000000004", "12345678901234567.8",
};

/* The first ten are safe to quote: quoting keeps their meaning. */
#define N_QUOTABLE 10

/* Dates as the fast path reads them, and as it leaves to the general
 * reader's date parser: fractions, zones, months, impossible days. */
static const char * const random_dates[] = {
  "2024-01-15", "1999-12-31T23:59", "2024-02-29 10:30:05", "2024-03-10T08:00:00Z",
  "2025-07-04", "2024-01-15", "", "-", "NA", "2024-02-30", "2024-13-01",
  "2024-01-15T09:30:05.250", "2024-01-15T09:30+01:00", "2024-02", "2024",
  "2024-01-15T24:00", " 2024-01-16 ", "2024-1-5", "15 Feb 2024", "x", "12.5",
  "15/01/2024", "01/15/2024", "03.04.2024", "1/2/2024", "31-12-1999", "13/13/2024",
};

/* The first five are safe to quote. */
#define N_QUOTABLE_DATES 5

static const char *
random_field (GRand    *rand,
              gboolean  dates,
              gboolean  quotable)
{
  if (dates)
    return random_dates[g_rand_int_range (rand, 0, quotable ? N_QUOTABLE_DATES
                                                   : (int) G_N_ELEMENTS (random_dates))];
  return random_fields[g_rand_int_range (rand, 0, quotable ? N_QUOTABLE
                                                 : (int) G_N_ELEMENTS (random_fields))];
}

static void
random_csv (GRand   *rand,
            GString *plain,
            GString *quoted)
{
  int n_columns = g_rand_int_range (rand, 1, 4);
  int n_rows = g_rand_int_range (rand, 1, 30);
  /* Now and then a column of dates. */
  gboolean dates[4] = { g_rand_int_range (rand, 0, 4) == 0, g_rand_int_range (rand, 0, 4) == 0,
                        g_rand_int_range (rand, 0, 4) == 0, FALSE };

  for (int c = 0; c < n_columns; c++)
    g_string_append_printf (plain, "%sc%d", c > 0 ? "," : "", c);
  g_string_append (plain, g_rand_boolean (rand) ? "\r\n" : "\n");
  g_string_append (quoted, plain->str);
  for (int r = 0; r < n_rows; r++)
    {
      /* Now and then a row of the wrong length. */
      int n_fields = n_columns + (g_rand_int_range (rand, 0, 40) == 0
                                  ? g_rand_int_range (rand, -1, 2) : 0);
      const char *end = g_rand_int_range (rand, 0, 10) == 0 ? "\r"
                        : g_rand_boolean (rand) ? "\n" : "\r\n";

      for (int c = 0; c < n_fields; c++)
        {
          const char *field = random_field (rand, dates[MIN (c, 3)], r == 0 && c == 0);

          g_string_append_printf (plain, "%s%s", c > 0 ? "," : "", field);
          if (r == 0 && c == 0)
            g_string_append_printf (quoted, GENERAL_READER_CELL ("%s"), field);
          else
            g_string_append_printf (quoted, "%s%s", c > 0 ? "," : "", field);
        }
      if (r + 1 < n_rows || g_rand_boolean (rand))
        {
          g_string_append (plain, end);
          g_string_append (quoted, end);
        }
      if (g_rand_int_range (rand, 0, 15) == 0)
        {
          g_string_append (plain, "  \n");
          g_string_append (quoted, "  \n");
        }
    }
}

static char *
error_line (const GError *error)
{
  /* "test.csv:LINE:COLUMN: ...": quoting moves columns, not lines. */
  g_auto(GStrv) parts = g_strsplit (error->message, ":", 3);

  return g_strdup_printf ("%d %s", error->code, parts[1] != NULL ? parts[1] : "");
}

/* Whether both texts loaded, which their columns are then compared
 * for; if not, both failed at the same line, in the same way. */
static gboolean
loaded_alike (McDataset    *a,
              const GError *a_error,
              McDataset    *b,
              const GError *b_error)
{
  g_autofree char *line_a = NULL;
  g_autofree char *line_b = NULL;

  g_assert_true ((a == NULL) == (b == NULL));
  if (a != NULL)
    return TRUE;
  line_a = error_line (a_error);
  line_b = error_line (b_error);
  g_assert_cmpstr (line_a, ==, line_b);
  return FALSE;
}

static void
assert_same_columns (McDataset *a,
                     McDataset *b)
{
  g_assert_cmpuint (mc_dataset_get_n_columns (a), ==, mc_dataset_get_n_columns (b));
  g_assert_cmpuint (mc_dataset_get_n_rows (a), ==, mc_dataset_get_n_rows (b));
  for (guint c = 0; c < mc_dataset_get_n_columns (a); c++)
    {
      McColumn *x = mc_dataset_get_column (a, c);
      McColumn *y = mc_dataset_get_column (b, c);
      guint n = mc_column_get_n_rows (x);

      g_assert_cmpint (mc_column_get_column_type (x), ==, mc_column_get_column_type (y));
      g_assert_cmpstr (mc_column_get_unit (x), ==, mc_column_get_unit (y));
      if (mc_column_get_column_type (x) == MC_COLUMN_DATE)
        g_assert_cmpint (mc_column_get_date_precision (x), ==, mc_column_get_date_precision (y));
      for (guint i = 0; i < n; i++)
        {
          if (mc_column_get_column_type (x) == MC_COLUMN_STRING)
            {
              /* Row 0 of column 0 was quoted, which keeps spaces. */
              if (i > 0 || c > 0)
                g_assert_cmpstr (mc_column_get_string (x, i), ==, mc_column_get_string (y, i));
              continue;
            }
          if (isnan (mc_column_get_value (x, i)))
            g_assert_true (isnan (mc_column_get_value (y, i)));
          else
            g_assert_cmpmem (&mc_column_get_values (x, NULL)[i], sizeof (double),
                             &mc_column_get_values (y, NULL)[i], sizeof (double));
          if (mc_column_get_column_type (x) == MC_COLUMN_NUMBER)
            g_assert_cmpint (mc_column_get_decimals (x, i), ==, mc_column_get_decimals (y, i));
        }
    }
}

/* Loads @plain, which the fast path may read, and @quoted, the same
 * with its first cell quoted, which the general reader reads, and checks
 * that they load alike. Returns what @plain loaded, if anything. */
static McDataset *
assert_fast_like_general (const GString *plain,
                          const GString *quoted)
{
  g_autoptr(GError) plain_error = NULL;
  g_autoptr(GError) quoted_error = NULL;
  g_autoptr(McDataset) a = mc_loader_load_data (plain->str, plain->len, "test.csv", NULL,
                                                &plain_error);
  g_autoptr(McDataset) b = mc_loader_load_data (quoted->str, quoted->len, "test.csv", NULL,
                                                &quoted_error);

  if (g_test_verbose ())
    g_test_message ("%s", plain->str);
  if (!loaded_alike (a, plain_error, b, quoted_error))
    return NULL;
  assert_same_columns (a, b);
  return g_steal_pointer (&a);
}

static void
test_fast_path_random (void)
{
  GRand *rand = g_rand_new_with_seed (20261126);

  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(GString) plain = g_string_new (NULL);
      g_autoptr(GString) quoted = g_string_new (NULL);

      g_autoptr(McDataset) loaded = NULL;

      random_csv (rand, plain, quoted);
      loaded = assert_fast_like_general (plain, quoted);
    }
  g_rand_free (rand);
}

static McDataset *
load_file (const char  *dir,
           const char  *name,
           GString     *contents,
           GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, contents->str, contents->len, NULL));
  return mc_loader_load_file (file, NULL, error);
}

/* Texts */

/* The warnings of @a and @b, the same but for the columns of their
 * positions ("test.csv:2:7: …"), which a quoted first cell moves. */
static void
assert_same_warnings (McDataset *a,
                      McDataset *b)
{
  const char * const *x = mc_dataset_get_warnings (a);
  const char * const *y = mc_dataset_get_warnings (b);
  g_autoptr(GRegex) column = g_regex_new ("^([^:]*:[0-9]+):[0-9]+:", 0, 0, NULL);

  g_assert_cmpuint (x ? g_strv_length ((char **) x) : 0, ==, y ? g_strv_length ((char **) y) : 0);
  for (guint i = 0; x != NULL && x[i] != NULL; i++)
    {
      g_autofree char *u = g_regex_replace (column, x[i], -1, 0, "\\1:", 0, NULL);
      g_autofree char *v = g_regex_replace (column, y[i], -1, 0, "\\1:", 0, NULL);

      g_assert_cmpstr (u, ==, v);
    }
}

static const char * const text_cells[] = {
  "AAPL", "MSFT", "Apple Inc", "BRK.B", " GOOG ", "\tTab", "x y  z", "e", "NA", "", "-",
  "Total", "n/a", "3M", "$5", "12.5", "1e3", "2024-01-15", "yes", "1.2.3", "7",
  "\"Apple, Inc.\"", "\" spaced \"", "\"\"", "\"NA\"", "\"42\"",
};

/* A table whose column "symbol" is text from its first cell: @numeric
 * of every hundred of its other cells look like numbers; with @odd (a
 * cell the fast path may leave to the general reader) at row @odd_row.
 * Its days follow each other, written day first ("13/01/2024"). */
static void
texts_table (GRand      *rand,
             guint       n_rows,
             int         numeric,
             const char *odd,
             guint       odd_row,
             GString    *plain,
             GString    *quoted)
{
  static const char * const numbers[] = { "3M", "$5", "12.5", "1e3", "7", "-2" };
  GDate *date = g_date_new_dmy (1, G_DATE_JANUARY, 2024);

  g_string_append (plain, "n,symbol,price,date\n");
  g_string_append (quoted, plain->str);
  for (guint i = 0; i < n_rows; i++)
    {
      const char *symbol = i == odd_row && odd != NULL ? odd
                           : i == 0 ? "AAPL"
                           : g_rand_int_range (rand, 0, 100) < numeric
                           ? numbers[g_rand_int_range (rand, 0, G_N_ELEMENTS (numbers))]
                           : text_cells[g_rand_int_range (rand, 0, G_N_ELEMENTS (text_cells))];
      char day[32];
      g_autofree char *rest = NULL;

      g_date_add_days (date, i > 0);
      g_date_strftime (day, sizeof day, "%d/%m/%Y", date);
      rest = g_strdup_printf (",%s,%u.%02u,%s\n", symbol, 100 + i % 50, i % 100, day);
      g_string_append_printf (plain, "%u%s", i, rest);
      g_string_append_printf (quoted, i == 0 ? GENERAL_READER_CELL ("%u") "%s" : "%u%s", i, rest);
    }
  g_date_free (date);
}

/* Whether the fast path read @d: only it keeps days written in numbers
 * that follow each other as a progression (the general reader reads
 * them once the whole column tells their order). */
static gboolean
read_fast (McDataset *d)
{
  return mc_column_get_progression (column (d, 3, MC_COLUMN_DATE), NULL, NULL);
}

/* A column of text, its first cell a name: the fast path reads it, with
 * every cell as the general reader finds it (spaces around it trimmed
 * but in quotes, "NA" a text, an empty cell missing). */
static void
test_fast_path_texts (void)
{
  GRand *rand = g_rand_new_with_seed (20261207);
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GString) quoted = g_string_new (NULL);
  g_autoptr(McDataset) fast = NULL;
  g_autoptr(McDataset) general = NULL;
  McColumn *symbol;

  texts_table (rand, 5000, 10, NULL, 0, plain, quoted);
  fast = assert_fast_like_general (plain, quoted);
  general = load (quoted->str);
  g_assert_nonnull (fast);
  g_assert_true (read_fast (fast));
  g_assert_false (read_fast (general));
  assert_same_warnings (fast, general);
  symbol = column (fast, 1, MC_COLUMN_STRING);
  g_assert_cmpuint (mc_column_get_n_rows (symbol), ==, 5000);
  g_assert_cmpstr (mc_column_get_string (symbol, 0), ==, "AAPL");
  g_rand_free (rand);
}

/* Where the fast path reads a column of text, and where it leaves it to
 * the general reader: a column mostly of numbers after its first cell
 * (whose warning says where that cell is), quoted cells but simple ones,
 * a short table. A text not in UTF-8 is converted first, or, in a file
 * read while it arrives, past the first bytes checked, left to the
 * general reader at that cell. The same dataset as the general reader's,
 * warnings too. */
static void
test_fast_path_texts_cases (void)
{
  static const struct
  {
    guint       n_rows;
    int         numeric;
    const char *odd;
    guint       odd_row;
    const char *expected;  /* at odd_row, in the column */
    gboolean    fast;
  } cases[] = {
    { 3000, 95, NULL, 0, NULL, FALSE },
    { 3000, 10, "Nestlé", 2500, "Nestlé", TRUE },
    { 3000, 10, "  Société Générale ", 1, "Société Générale", TRUE },
    { 3000, 10, "Nestl\xe9", 2500, "Nestlé", TRUE },
    { 3000, 10, "\"Smith, John\"", 2999, "Smith, John", TRUE },
    { 3000, 10, "\"  Apple, Inc. \"", 0, "  Apple, Inc. ", TRUE },
    { 3000, 10, "\"\"", 10, NULL, TRUE },
    { 3000, 10, "\"12\"", 0, "12", FALSE },
    { 3000, 10, "\"a \"\"b\"\"\"", 1500, "a \"b\"", FALSE },
    { 3000, 10, "\"two\nlines\"", 1500, "two\nlines", FALSE },
    { 3000, 10, "\"x\" ", 1500, "x", FALSE },
    { 3000, 10, "a\"b", 1500, "a\"b", FALSE },
    { 60, 10, NULL, 0, NULL, FALSE },
  };

  g_autofree char *dir = mc_test_make_temp_dir ("mc-texts");

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      GRand *rand = g_rand_new_with_seed (k);
      g_autoptr(GString) plain = g_string_new (NULL);
      g_autoptr(GString) quoted = g_string_new (NULL);
      g_autoptr(McDataset) fast = NULL;
      g_autoptr(McDataset) general = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", k);
      texts_table (rand, cases[k].n_rows, cases[k].numeric, cases[k].odd, cases[k].odd_row,
                   plain, quoted);
      fast = assert_fast_like_general (plain, quoted);
      general = load (quoted->str);
      g_assert_nonnull (fast);
      g_assert_cmpint (read_fast (fast), ==, cases[k].fast);
      g_assert_false (read_fast (general));
      assert_same_warnings (fast, general);
      if (cases[k].expected != NULL)
        g_assert_cmpstr (mc_column_get_string (column (fast, 1, MC_COLUMN_STRING),
                                               cases[k].odd_row), ==, cases[k].expected);
      if (cases[k].odd != NULL)
        {
          g_autoptr(McDataset) streamed = load_file (dir, "test.csv", plain, &error);

          g_assert_no_error (error);
          assert_same_columns (streamed, fast);
          assert_same_warnings (streamed, fast);
        }
      g_rand_free (rand);
    }
  mc_test_remove_dir (dir);
}

/* A table of row numbers, days written in numbers, day first, and
 * prices, whose numbers are quoted after the first lines (the head whose
 * dates tell their order, which a quote there would stop), with @odd as
 * the price of row @odd_row; all quoted when @all_quoted, with ISO days.
 * @general gets the same with its first cell for the general reader. */
static void
quoted_table (const char *odd,
              guint       odd_row,
              gboolean    all_quoted,
              GString    *plain,
              GString    *general)
{
  GDate *date = g_date_new_dmy (1, G_DATE_JANUARY, 2024);

  g_string_append (plain, all_quoted ? "\"n\",\"day\",\"price\"\n" : "n,day,price\n");
  g_string_append (general, plain->str);
  for (guint i = 0; i < 5000; i++)
    {
      gboolean quoted = all_quoted || i >= 3000;
      const char *q = quoted ? "\"" : "";
      g_autofree char *price = g_strdup_printf ("%s%u.%02u%s", q, 100 + i % 70, i % 100, q);
      g_autofree char *n = g_strdup_printf ("%s%u%s", q, i, q);
      g_autofree char *rest = NULL;
      char day[32];

      g_date_add_days (date, i > 0);
      g_date_strftime (day, sizeof day, all_quoted ? "\"%Y-%m-%d\"" : "%d/%m/%Y", date);
      rest = g_strdup_printf (",%s,%s\n", day, i == odd_row && odd != NULL ? odd : price);
      g_string_append_printf (plain, "%s%s", n, rest);
      if (i == 0)
        g_string_append_printf (general, GENERAL_READER_CELL ("%u") "%s", i, rest);
      else
        g_string_append_printf (general, "%s%s", n, rest);
    }
  g_date_free (date);
}

/* Quoted numbers and dates are read the fast way, as the same texts
 * unquoted; quoted cells that the general reader reads otherwise
 * (spaces the quotes keep, thousands separators, codes) leave the file
 * to it. The same datasets either way. */
static void
test_fast_path_quoted (void)
{
  static const struct
  {
    const char *odd;
    gboolean    fast;
  } cases[] = {
    { NULL, TRUE },
    { "\"\"", TRUE },
    { "\"-\"", TRUE },
    { "\"-12.5\"", TRUE },
    { "\"1.5e3\"", TRUE },
    { "12.5", TRUE },
    { "\" 12.5\"", FALSE },
    { "\"12.5 \"", FALSE },
    { "\"1,234.5\"", FALSE },
    { "\"007\"", FALSE },
    { "\"12\"\"5\"", FALSE },
    { "\"$5\"", FALSE },
    { "\"12.5\" ", FALSE },
  };

  for (guint k = 0; k < 2 * G_N_ELEMENTS (cases); k++)
    {
      gboolean all_quoted = k >= G_N_ELEMENTS (cases);
      guint c = k % G_N_ELEMENTS (cases);
      g_autoptr(GString) plain = g_string_new (NULL);
      g_autoptr(GString) general = g_string_new (NULL);
      g_autoptr(McDataset) fast = NULL;

      g_test_message ("case %u%s: %s", c, all_quoted ? ", all quoted" : "",
                      cases[c].odd != NULL ? cases[c].odd : "(none)");
      quoted_table (cases[c].odd, 4000, all_quoted, plain, general);
      fast = assert_fast_like_general (plain, general);
      g_assert_nonnull (fast);
      /* Only the fast path keeps days written in numbers as a
       * progression (the texts' tests, above). */
      if (!all_quoted)
        g_assert_cmpint (mc_column_get_progression (column (fast, 1, MC_COLUMN_DATE), NULL, NULL),
                         ==, cases[c].fast);
    }
}

/* Tables of text columns of many shapes, as the fast path and as the
 * general reader read them: the same datasets, warnings and errors. */
static void
test_fast_path_texts_random (void)
{
  GRand *rand = g_rand_new_with_seed (7122026);
  guint n_fast = 0;

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GString) plain = g_string_new (NULL);
      g_autoptr(GString) quoted = g_string_new (NULL);
      g_autoptr(McDataset) fast = NULL;
      g_autoptr(McDataset) general = NULL;
      int numeric = (int[]) { 0, 5, 40, 60, 100 }[g_rand_int_range (rand, 0, 5)];

      texts_table (rand, g_rand_int_range (rand, 90, 900), numeric, NULL, 0, plain, quoted);
      fast = assert_fast_like_general (plain, quoted);
      general = load (quoted->str);
      assert_same_warnings (fast, general);
      n_fast += read_fast (fast);
    }
  /* Both ways were taken. */
  g_test_message ("%u of 300 read fast", n_fast);
  g_assert_cmpuint (n_fast, >, 50);
  g_assert_cmpuint (n_fast, <, 250);
  g_rand_free (rand);
}

/* A table of @n_rows daily dates written by @format ("%m/%d/%Y") from
 * @first_day on, with a price, separated by @separator, the first cell
 * quoted when @quote_first (for the general reader); @odd_row, when not
 * 0, holds @odd_date instead. */
static GString *
numeric_dates_table (const char *format,
                     char        separator,
                     int         first_day,
                     guint       n_rows,
                     gboolean    quote_first,
                     gboolean    quote_all,
                     guint       odd_row,
                     const char *odd_date)
{
  GString *csv = g_string_new (NULL);
  GDate *date = g_date_new_julian (first_day);

  g_string_append_printf (csv, "date%cprice\n", separator);
  for (guint i = 0; i < n_rows; i++)
    {
      char text[64];

      g_date_strftime (text, sizeof text, format, date);
      if (i == odd_row && odd_date != NULL)
        g_strlcpy (text, odd_date, sizeof text);
      g_string_append_printf (csv, quote_first && i == 0 ? GENERAL_READER_CELL ("%s") "%c%u.%02u\n"
                                   : quote_all ? "\"%s\"%c\"%u.%02u\"\n" : "%s%c%u.%02u\n",
                              text, separator, 100 + i % 7, i % 100);
      g_date_add_days (date, 1);
    }
  g_date_free (date);
  return csv;
}

/* Dates in numbers ("01/15/2024", "15.01.2024") whose order the first
 * lines tell are read by the fast path, as the general reader reads
 * them; where the lines don't tell, or a later date contradicts them,
 * both read the same, whatever that is. */
static void
test_numeric_dates (void)
{
  static const struct
  {
    const char *format;
    char        separator;
    int         first_day;  /* Julian, from 1 January of year 1 */
    guint       odd_row;
    const char *odd_date;
    gboolean    fast;       /* read by the fast path */
  } cases[] = {
    { "%m/%d/%Y", ',', 738886, 0, NULL, TRUE },            /* 2024-01-01 on */
    { "%d.%m.%Y", ';', 738886, 0, NULL, TRUE },
    { "%d-%m-%Y", '\t', 657072, 0, NULL, TRUE },          /* 1800-01-01 on */
    { "%m/%d/%Y", ',', 738886, 500, "", TRUE },             /* a missing date */
    { "%m/%d/%Y", ',', 738886, 500, "NA", TRUE },
    { "%m/%d/%Y", ',', 738886, 700, "2025-12-07", TRUE },   /* ISO among them */
    { "%d/%m/%Y", ',', 738886, 900, "02/13/2026", FALSE },  /* fits only the other order */
    { "%d/%m/%Y", ',', 738886, 900, "31/02/2026", FALSE },  /* no such day */
    { "%m/01/%Y", ',', 738886, 0, NULL, FALSE },            /* never tells: text */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) plain = numeric_dates_table (cases[i].format, cases[i].separator,
                                                      cases[i].first_day, 1000, FALSE, FALSE,
                                                      cases[i].odd_row, cases[i].odd_date);
      g_autoptr(GString) quoted = numeric_dates_table (cases[i].format, cases[i].separator,
                                                       cases[i].first_day, 1000, TRUE, FALSE,
                                                       cases[i].odd_row, cases[i].odd_date);
      g_autoptr(GString) all_quoted = numeric_dates_table (cases[i].format, cases[i].separator,
                                                           cases[i].first_day, 1000, FALSE, TRUE,
                                                           cases[i].odd_row, cases[i].odd_date);
      g_autoptr(McDataset) fast = load (plain->str);
      g_autoptr(McDataset) general = load (quoted->str);
      g_autoptr(McDataset) fast_quoted = load (all_quoted->str);
      McColumn *date = mc_dataset_get_column (fast, 0);

      g_test_message ("case %u: %s", i, cases[i].format);
      assert_same_columns (fast, general);
      /* Every cell quoted: the same, read the same way */
      assert_same_columns (fast_quoted, general);
      g_assert_cmpint (mc_column_get_progression (mc_dataset_get_column (fast_quoted, 0), NULL, NULL),
                       ==, mc_column_get_progression (date, NULL, NULL));
      /* Only the fast path keeps dates a day apart as a progression. */
      g_assert_cmpint (mc_column_get_progression (mc_dataset_get_column (general, 0), NULL, NULL),
                       ==, FALSE);
      if (cases[i].fast && cases[i].odd_date == NULL)
        {
          double start, step;

          g_assert_cmpint (mc_column_get_column_type (date), ==, MC_COLUMN_DATE);
          g_assert_true (mc_column_get_progression (date, &start, &step));
          g_assert_cmpfloat (start, ==, cases[i].first_day == 738886 ? days ("2024-01-01")
                                                                      : days ("1800-01-01"));
          g_assert_cmpfloat (step, ==, 1);
        }
      else if (cases[i].fast)
        g_assert_cmpint (mc_column_get_column_type (date), ==, MC_COLUMN_DATE);
    }
}

/* Tables separated by semicolons, with decimal commas: the fast path
 * reads a column whose first lines have a comma as the general reader
 * reads amounts there, or leaves the table to it (points, thousands
 * separators, codes, signs it does not read). Their dates, a day apart
 * from 13 January on, tell their order from the first row, and only the
 * fast path keeps them as a progression: the general reader reads such
 * dates again one by one once it knows their order. */
static void
test_decimal_commas (void)
{
  static const char * const cells[] = {
    "98,50", "-3,25", "0,5", "2000,0", "1,234", "", "-", "1999", "17", "100,25",
    /* rarer: most of these make the fast path give up */
    "1.5", "1.234", "1.234,5", "05,5", "7,", "1,2,3", "NA", "+5,5", "1e3", "12 %", ",5",
    "-,5", "-05", "12345678901234567,89",
  };
  /* Whole numbers of seconds since 1970 make dates under such a header;
   * amounts don't. */
  static const char * const times[] = { "1700000000,0", "1700086400", "1700172800", "" };
  GRand *rand = g_rand_new_with_seed (20261207);
  guint n_fast = 0, n_fast_quoted = 0;

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(McDataset) loaded = NULL;
      GDate *date = g_date_new_dmy (13, G_DATE_JANUARY, 2024);
      gboolean epoch = i % 2 == 0;
      const char *header = epoch ? "row;Datum;Kurs;created_at\n" : "row;Datum;Kurs;Year\n";
      g_autoptr(GString) plain = g_string_new (header);
      g_autoptr(GString) quoted = g_string_new (header);
      g_autoptr(GString) all_quoted = g_string_new (header);
      g_autoptr(McDataset) loaded_quoted = NULL;
      guint n_rows = g_rand_int_range (rand, 1, 30);
      /* Most tables only of the usual cells */
      int n_cells = g_rand_int_range (rand, 0, 3) > 0 ? 10 : G_N_ELEMENTS (cells);

      for (guint r = 0; r < n_rows; r++)
        {
          const char *price = cells[g_rand_int_range (rand, 0, n_cells)];
          const char *last = epoch ? times[g_rand_int_range (rand, 0, G_N_ELEMENTS (times))]
                                   : cells[g_rand_int_range (rand, 0, n_cells)];
          g_autofree char *row = g_strdup_printf (";%02u.%02u.%u;%s;%s\n",
                                                  g_date_get_day (date), g_date_get_month (date),
                                                  g_date_get_year (date), price, last);

          g_string_append_printf (plain, "%u%s", r, row);
          g_string_append_printf (quoted, r == 0 ? GENERAL_READER_CELL ("%u") "%s" : "%u%s", r, row);
          g_string_append_printf (all_quoted, "\"%u\";\"%02u.%02u.%u\";\"%s\";\"%s\"\n", r,
                                  g_date_get_day (date), g_date_get_month (date),
                                  g_date_get_year (date), price, last);
          g_date_add_days (date, 1);
        }
      g_date_free (date);
      loaded = assert_fast_like_general (plain, quoted);
      if (loaded != NULL
          && mc_column_get_progression (mc_dataset_get_column (loaded, 1), NULL, NULL))
        n_fast++;
      /* Every cell quoted, as some programs write them: the same */
      loaded_quoted = assert_fast_like_general (all_quoted, quoted);
      if (loaded_quoted != NULL
          && mc_column_get_progression (mc_dataset_get_column (loaded_quoted, 1), NULL, NULL))
        n_fast_quoted++;
    }
  g_assert_cmpuint (n_fast, >, 1000);
  g_assert_cmpuint (n_fast_quoted, ==, n_fast);
  g_rand_free (rand);
}

/* Many blocks of rows, read by several threads and merged in order:
 * the same columns as the general reader's, bit for bit, with a column
 * of row numbers and one of days kept as progressions. */
static GString *
long_table (guint    n_rows,
            gboolean quote_first)
{
  GRand *rand = g_rand_new_with_seed (n_rows);
  GString *csv = g_string_new ("row,day,minute,price,volume\n");

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *day = mc_date_text_format (19000 + i, MC_DATE_DAY);
      char price[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (price, sizeof price, i % 5 == 0 ? "%.17g" : "%.3f",
                       g_rand_double_range (rand, 1, 1000));
      g_string_append_printf (csv, quote_first && i == 0 ? GENERAL_READER_CELL ("%u") : "%u", i);
      g_string_append_printf (csv, ",%s,%sT%02u:%02u:%02u,%s,%s\n", day, day, i % 24,
                              i % 60, i % 61, price, i % 97 == 0 ? "" : "12");
    }
  g_rand_free (rand);
  return csv;
}

static void
test_blocks (void)
{
  g_autoptr(GString) plain = long_table (150000, FALSE);
  g_autoptr(GString) quoted = long_table (150000, TRUE);
  g_autoptr(McDataset) fast = load (plain->str);
  g_autoptr(McDataset) general = load (quoted->str);
  McColumn *row = column (fast, 0, MC_COLUMN_NUMBER);
  McColumn *day = column (fast, 1, MC_COLUMN_DATE);
  double start, step;

  g_assert_cmpuint (plain->len, >, 4 * 1024 * 1024);
  g_assert_cmpuint (mc_dataset_get_n_rows (fast), ==, 150000);
  column (fast, 2, MC_COLUMN_DATE);
  column (fast, 3, MC_COLUMN_NUMBER);
  assert_same_columns (fast, general);
  g_assert_true (mc_column_get_progression (row, &start, &step));
  g_assert_cmpfloat (start, ==, 0);
  g_assert_cmpfloat (step, ==, 1);
  g_assert_true (mc_column_get_progression (day, &start, &step));
  g_assert_cmpfloat (start, ==, 19000);
  g_assert_false (mc_column_get_progression (mc_dataset_get_column (fast, 2), NULL, NULL));
  g_assert_cmpint (mc_column_get_date_precision (day), ==, MC_DATE_DAY);
}

/* A first column that counts its rows, as row numbers, days and years
 * do: the fast path takes the next number from its text without
 * scanning it. Tables of @n_rows rows whose first column counts from
 * @start, but at the rows @odd_every rows apart (from @odd_from on),
 * which hold @odd; a second column of prices. @plain is read the fast
 * way, @quoted (its first cell quoted) by the general reader. */
static void
counted_table (guint64     start,
               guint       n_rows,
               const char *odd,
               guint       odd_from,
               guint       odd_every,
               GString    *plain,
               GString    *quoted)
{
  g_string_append (plain, "n,price\n");
  g_string_append (quoted, "n,price\n");
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *cell = NULL;
      char price[32];

      if (odd != NULL && i >= odd_from && (i - odd_from) % odd_every == 0)
        cell = g_strdup (odd);
      else
        cell = g_strdup_printf ("%" G_GUINT64_FORMAT, start + i);
      g_snprintf (price, sizeof price, ",%u.%02u\n", 100 + i % 37, i % 100);
      g_string_append_printf (plain, "%s%s", cell, price);
      g_string_append_printf (quoted, i == 0 ? GENERAL_READER_CELL ("%s") "%s" : "%s%s", cell,
                              price);
    }
}

static void
test_fast_path_counts (void)
{
  static const struct
  {
    guint64     start;
    guint       n_rows;
    const char *odd;       /* a cell other than the count, or NULL */
    guint       odd_from;
    guint       odd_every;
    int         progression;  /* whether the column is one; -1 either */
  } cases[] = {
    /* Counted over several blocks, a progression with no array */
    { 0, 300000, NULL, 0, 1, TRUE },
    { 1, 40, NULL, 0, 1, TRUE },
    /* Years: the column of dates the builder makes of them */
    { 1990, 35, NULL, 0, 1, FALSE },
    /* Digits carried: 9 to 10, 99 to 100, eight digits to nine */
    { 5, 200, NULL, 0, 1, TRUE },
    { 99999990, 30, NULL, 0, 1, TRUE },
    { 999999990, 30, NULL, 0, 1, TRUE },
    /* Near the largest whole number a double holds each one of, and
     * past it, where both readers round to even */
    { (G_GUINT64_CONSTANT (1) << 53) - 100, 200, NULL, 0, 1, -1 },
    { (G_GUINT64_CONSTANT (1) << 53) - G_MAXUINT32 - 10, 100, NULL, 0, 1, TRUE },
    /* Cells that look like the next number and are not */
    { 0, 5000, "007", 100, 1000, FALSE },
    { 0, 5000, "12.0", 100, 1000, FALSE },
    { 0, 5000, "1e3", 100, 1000, FALSE },
    { 0, 5000, " 42", 100, 1000, FALSE },
    { 0, 5000, "", 100, 1000, FALSE },
    { 0, 5000, "-", 100, 1000, FALSE },
    { 0, 5000, "-3", 100, 1000, FALSE },
    /* A first cell of -0, whose sign the column keeps */
    { 0, 5000, "-0", 0, 100000, FALSE },
    { 0, 5000, "99", 3, 2, FALSE },
    /* A gap after a long count, now and then, and often */
    { 0, 200000, "5", 50000, 70000, FALSE },
    { 0, 5000, "1", 20, 3, FALSE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GString) plain = g_string_new (NULL);
      g_autoptr(GString) quoted = g_string_new (NULL);
      g_autoptr(McDataset) fast = NULL;
      double start, step;

      counted_table (cases[c].start, cases[c].n_rows, cases[c].odd, cases[c].odd_from,
                     cases[c].odd_every, plain, quoted);
      fast = assert_fast_like_general (plain, quoted);
      g_assert_nonnull (fast);
      g_assert_cmpuint (mc_dataset_get_n_rows (fast), ==, cases[c].n_rows);
      if (cases[c].progression >= 0)
        g_assert_cmpint (mc_column_get_progression (mc_dataset_get_column (fast, 0), &start,
                                                    &step), ==, cases[c].progression);
      if (cases[c].progression > 0)
        {
          g_assert_cmpfloat (start, ==, (double) cases[c].start);
          g_assert_cmpfloat (step, ==, 1);
        }
    }
}

/* Blocks whose first column counted every row keep it as a
 * progression by one; merged in order, each that goes on with the
 * column's own is taken at once, and one that does not (a count that
 * starts again elsewhere) makes the column an array of every value. */
static void
test_counted_parts (void)
{
  static const guint64 starts[] = { 0, 100, 200, 1000, 1100 };
  McTableColumn column = { 0, };

  mc_table_column_start (&column);
  for (guint b = 0; b < G_N_ELEMENTS (starts); b++)
    {
      McTableColumn part = { 0, };
      g_autofree char *first = g_strdup_printf ("%" G_GUINT64_FORMAT, starts[b]);

      mc_table_column_start (&part);
      mc_table_column_take_scanned_number (&part, first, strlen (first), starts[b], 0);
      mc_table_column_take_counted (&part, starts[b] + 1, 99, TRUE);
      g_assert_true (part.progression);
      g_assert_cmpuint (part.n_kept, ==, 100);
      mc_table_column_merge (&column, &part);
      mc_table_column_clear (&part);
      /* A progression until the count starts again at 1000 */
      g_assert_cmpint (column.progression, ==, b < 3);
      g_assert_cmpuint (column.n_kept, ==, 100 * (b + 1));
    }
  for (guint i = 0; i < column.n_kept; i++)
    g_assert_cmpfloat (mc_table_column_get_kept (&column, i), ==, starts[i / 100] + i % 100);
  g_assert_cmpuint (column.n_values, ==, 500);
  g_assert_false (column.years);
  mc_table_column_clear (&column);
}

/* A file whose first megabyte holds long rows and the rest short ones:
 * its columns are made for the rows the first block suggests, and grow
 * well past that, in memory and in a file read while it arrives, with
 * every value where it belongs. */
static void
test_rows_grow_shorter (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-grow");
  g_autoptr(GString) csv = g_string_new ("n,value\n");
  g_autoptr(McDataset) streamed = NULL;
  g_autoptr(McDataset) whole = NULL;
  g_autoptr(GError) error = NULL;
  guint n_long = 0, n_rows = 0;

  while (csv->len < 2 * 1024 * 1024)
    g_string_append_printf (csv, "%u,%u.25000000000000000\n", n_rows, n_rows % 1000), n_rows++;
  n_long = n_rows;
  while (n_rows < 2000000)
    g_string_append_printf (csv, "%u,%u\n", n_rows, n_rows % 1000), n_rows++;

  whole = load (csv->str);
  streamed = load_file (dir, "shorter.csv", csv, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < 2; k++)
    {
      McDataset *dataset = k == 0 ? whole : streamed;
      McColumn *value = column (dataset, 1, MC_COLUMN_NUMBER);

      g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, n_rows);
      for (guint i = 0; i < n_rows; i++)
        if (mc_column_get_value (value, i) != i % 1000 + (i < n_long ? 0.25 : 0))
          g_error ("row %u of %s: %g", i, k == 0 ? "the text" : "the file",
                   mc_column_get_value (value, i));
    }
  mc_test_remove_dir (dir);
}

/* A file read while it arrives: the same dataset as its text read whole;
 * at text after millions of bytes of numbers, the general reader; at a
 * short row there, an error where it is. */
static void
test_stream_as (gboolean mapped)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-stream");
  g_autoptr(GString) csv = long_table (100000, FALSE);
  g_autoptr(McDataset) streamed = NULL;
  g_autoptr(McDataset) whole = load (csv->str);
  g_autoptr(McDataset) text = NULL;
  g_autoptr(GError) error = NULL;
  McColumn *price;

  /* Read through a mapping, or in blocks read() copies */
  g_setenv ("MC_DEBUG_NO_MAPPING", mapped ? "0" : "1", TRUE);
  streamed = load_file (dir, "long.csv", csv, &error);
  g_assert_no_error (error);
  assert_same_columns (streamed, whole);

  g_string_append (csv, "100000,2024-01-01,2024-01-01T00:00,n/a,sold out\n");
  text = load_file (dir, "text.csv", csv, &error);
  g_assert_no_error (error);
  price = column (text, 3, MC_COLUMN_NUMBER);
  g_assert_true (mc_column_is_missing (price, 100000));
  g_assert_cmpstr (mc_column_get_string (column (text, 4, MC_COLUMN_STRING), 100000), ==,
                   "sold out");

  g_string_append (csv, "100001,2024-01-02\n");
  g_assert_null (load_file (dir, "short.csv", csv, &error));
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_SHAPE);
  g_assert_true (g_str_has_prefix (error->message, "short.csv:100003:"));

  g_unsetenv ("MC_DEBUG_NO_MAPPING");
  mc_test_remove_dir (dir);
}

static void
test_stream (void)
{
  test_stream_as (TRUE);
  test_stream_as (FALSE);
}

/* A dataset file that declares @n_columns columns of numbers or dates
 * (@dates), named @ids (or c0, c1, …), and keeps its rows in @csv, both
 * written into @dir, loaded, and removed again (replacing a file that
 * exists costs an fsync, which made a test of many files take seconds). */
static McDataset *
load_declared (const char         *dir,
               const char         *csv_name,
               GString            *csv,
               guint               n_columns,
               const char * const *ids,
               const gboolean     *dates,
               GError            **error)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"market-charts/1\", \"id\": \"d\", "
                                          "\"title\": \"D\", \"columns\": [");
  g_autofree char *csv_path = g_build_filename (dir, csv_name, NULL);
  g_autofree char *json_name = g_strconcat (csv_name, ".json", NULL);
  g_autofree char *json_path = g_build_filename (dir, json_name, NULL);
  McDataset *dataset;

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *id = ids != NULL ? g_strdup (ids[c]) : g_strdup_printf ("c%u", c);

      g_string_append_printf (json, "%s{ \"id\": \"%s\", \"type\": \"%s\" }",
                              c > 0 ? ", " : "", id, dates[c] ? "date" : "number");
    }
  g_string_append_printf (json, "], \"data\": { \"csv\": \"%s\" } }\n", csv_name);
  g_assert_true (g_file_set_contents (csv_path, csv->str, csv->len, NULL));
  dataset = load_file (dir, json_name, json, error);
  g_remove (csv_path);
  g_remove (json_path);
  return dataset;
}

/* A dataset file whose rows are in a CSV file of numbers and dates reads
 * them the fast way: the same columns as cell by cell (a quoted first
 * cell makes the general reader read them), or the same error. */
static void
test_declared_fast_path (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-declared");
  GRand *rand = g_rand_new_with_seed (20261207);
  guint n_fast = 0;

  for (guint i = 0; i < 1500; i++)
    {
      g_autoptr(GString) plain = g_string_new (NULL);
      g_autoptr(GString) quoted = g_string_new (NULL);
      g_autoptr(GError) plain_error = NULL;
      g_autoptr(GError) quoted_error = NULL;
      g_autoptr(McDataset) a = NULL;
      g_autoptr(McDataset) b = NULL;
      guint n_columns = g_rand_int_range (rand, 2, 5);
      guint n_rows = g_rand_int_range (rand, 2, 40);
      gboolean dates[4] = { FALSE, };

      /* Column 0 numbers the rows: only the fast way keeps such a column
       * as a progression, which tells that it read the file. */
      for (guint c = 0; c < n_columns; c++)
        {
          dates[c] = c > 0 && g_rand_int_range (rand, 0, 3) == 0;
          g_string_append_printf (plain, "%sc%u", c > 0 ? "," : "", c);
        }
      g_string_append_c (plain, '\n');
      g_string_append (quoted, plain->str);
      for (guint r = 0; r < n_rows; r++)
        {
          g_string_append_printf (plain, "%u", r);
          g_string_append_printf (quoted, r == 0 ? GENERAL_READER_CELL ("%u") : "%u", r);
          for (guint c = 1; c < n_columns; c++)
            {
              /* Values of the column's type, mostly plain ones, now and
               * then of the other type. */
              gboolean other = g_rand_int_range (rand, 0, 40) == 0;
              gboolean plain_value = g_rand_int_range (rand, 0, 8) > 0;
              const char *field = random_field (rand, other ? !dates[c] : dates[c],
                                                plain_value);

              g_string_append_printf (plain, ",%s", field);
              g_string_append_printf (quoted, ",%s", field);
            }
          g_string_append_c (plain, '\n');
          g_string_append_c (quoted, '\n');
        }
      a = load_declared (dir, "plain.csv", plain, n_columns, NULL, dates, &plain_error);
      b = load_declared (dir, "quoted.csv", quoted, n_columns, NULL, dates, &quoted_error);
      if (g_test_verbose ())
        g_test_message ("%s", plain->str);
      if (!loaded_alike (a, plain_error, b, quoted_error))
        continue;
      assert_same_columns (a, b);
      g_assert_false (mc_column_get_progression (mc_dataset_get_column (b, 0), NULL, NULL));
      if (mc_column_get_progression (mc_dataset_get_column (a, 0), NULL, NULL))
        n_fast++;
    }
  /* Dates of months are months, whichever way they were read. */
  {
    g_autoptr(GString) months = g_string_new ("c0,c1\n2024-01,1.5\n2024-02,2\n2024-03,\n");
    g_autoptr(McDataset) d = NULL;
    g_autoptr(GError) error = NULL;
    gboolean month_dates[] = { TRUE, FALSE };
    const double values[] = { 1.5, 2, NAN };

    d = load_declared (dir, "months.csv", months, 2, NULL, month_dates, &error);
    g_assert_no_error (error);
    g_assert_cmpint (mc_column_get_date_precision (mc_dataset_get_column (d, 0)), ==,
                     MC_DATE_MONTH);
    g_assert_cmpfloat (mc_column_get_value (mc_dataset_get_column (d, 0), 1), ==,
                       days ("2024-02-01"));
    assert_values (mc_dataset_get_column (d, 1), values, 3);
    g_assert_cmpint (mc_column_get_decimals (mc_dataset_get_column (d, 1), 0), ==, 1);
  }
  /* Many files were read the fast way, and compared. */
  g_test_message ("%u of 1500 read the fast way", n_fast);
  g_assert_cmpuint (n_fast, >, 300);
  g_rand_free (rand);
  mc_test_remove_dir (dir);
}

/* A dataset file's numbers are written with points: in rows separated by
 * semicolons, "1,5" is refused, the fast way as cell by cell (a quoted
 * first cell). */
static void
test_declared_decimal_commas (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-declared-commas");
  g_autoptr(GString) plain = g_string_new ("c0;c1\n1;1,5\n2;2,5\n");
  g_autoptr(GString) quoted = g_string_new ("c0;c1\n\"1\";1,5\n2;2,5\n");
  static const gboolean numbers[] = { FALSE, FALSE };
  g_autoptr(GError) plain_error = NULL;
  g_autoptr(GError) quoted_error = NULL;
  g_autoptr(McDataset) a = load_declared (dir, "plain.csv", plain, 2, NULL, numbers, &plain_error);
  g_autoptr(McDataset) b = load_declared (dir, "quoted.csv", quoted, 2, NULL, numbers,
                                          &quoted_error);

  g_assert_null (a);
  g_assert_null (b);
  g_assert_nonnull (strstr (plain_error->message, "expects a number, found “1,5”"));
  g_assert_false (loaded_alike (a, plain_error, b, quoted_error));
  mc_test_remove_dir (dir);
}

/* A long CSV file of a dataset file is read while it arrives: the same
 * columns as read cell by cell; text far into it makes the general
 * reader read it whole, which finds an error where it is. */
static void
test_declared_stream (void)
{
  static const char * const long_ids[] = { "row", "day", "minute", "price", "volume" };
  static const gboolean long_dates[] = { FALSE, TRUE, TRUE, FALSE, FALSE };
  g_autofree char *dir = mc_test_make_temp_dir ("mc-declared-stream");
  g_autoptr(GString) csv = long_table (100000, FALSE);
  g_autoptr(GString) quoted = long_table (100000, TRUE);
  g_autoptr(McDataset) streamed = NULL;
  g_autoptr(McDataset) whole = NULL;
  g_autoptr(McDataset) text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (csv->len, >, 2 * 1024 * 1024);
  /* Read in blocks read() copies, then through a mapping (below) */
  g_setenv ("MC_DEBUG_NO_MAPPING", "1", TRUE);
  streamed = load_declared (dir, "long.csv", csv, G_N_ELEMENTS (long_dates), long_ids,
                            long_dates, &error);
  g_assert_no_error (error);
  g_unsetenv ("MC_DEBUG_NO_MAPPING");
  {
    g_autoptr(McDataset) mapped = load_declared (dir, "long.csv", csv, G_N_ELEMENTS (long_dates),
                                                 long_ids, long_dates, &error);

    g_assert_no_error (error);
    assert_same_columns (mapped, streamed);
  }
  whole = load_declared (dir, "long.csv", quoted, G_N_ELEMENTS (long_dates), long_ids,
                         long_dates, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_dataset_get_n_rows (streamed), ==, 100000);
  assert_same_columns (streamed, whole);
  /* Only the fast way keeps row numbers as a progression. */
  g_assert_true (mc_column_get_progression (mc_dataset_get_column (streamed, 0), NULL, NULL));
  g_assert_false (mc_column_get_progression (mc_dataset_get_column (whole, 0), NULL, NULL));

  g_string_append (csv, "100000,2024-01-01,2024-01-01T00:00,n/a,12\n");
  text = load_declared (dir, "long.csv", csv, G_N_ELEMENTS (long_dates), long_ids, long_dates,
                        &error);
  g_assert_no_error (error);
  g_assert_true (mc_column_is_missing (mc_dataset_get_column (text, 3), 100000));

  g_string_append (csv, "100001,2024-01-02,2024-01-02T00:00,sold out,12\n");
  g_assert_null (load_declared (dir, "long.csv", csv, G_N_ELEMENTS (long_dates), long_ids,
                                long_dates, &error));
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_TYPE);
  g_assert_true (g_str_has_prefix (error->message, "long.csv:100003:36:"));
  mc_test_remove_dir (dir);
}

/* A cell of NUL bytes where a date is expected is no date (the fast
 * path's remembered day starts empty), and the file is refused as
 * binary where the NUL is. */
static void
test_nul_date (void)
{
  static const char csv[] = "date,v\n\0\0\0\0\0\0\0\0\0\0,1\n2024-01-02,2\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) d = mc_loader_load_data (csv, sizeof csv - 1, "nul.csv", NULL, &error);

  g_assert_null (d);
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "nul.csv:2:1:"));
}

/* A header longer than the first bytes checked for UTF-8, in Latin-1 at
 * its end, is converted as a short one is, not refused. */
static void
test_long_latin1_header (void)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(McDataset) d = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 1200; i++)
    g_string_append_printf (csv, "c%04u_%060u,", i, 0);
  g_string_append (csv, "Pr\xe9is\n");
  for (guint row = 0; row < 2; row++)
    {
      for (guint i = 0; i < 1200; i++)
        g_string_append (csv, "1,");
      g_string_append (csv, "2\n");
    }
  g_assert_cmpuint (csv->len, >, 64 * 1024);
  d = mc_loader_load_data (csv->str, csv->len, "latin1.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_dataset_get_n_columns (d), ==, 1201);
  g_assert_cmpstr (mc_column_get_label (mc_dataset_get_column (d, 1200)), ==, "Préis");
}

/* A file's progress counts each of its bytes once, and its rows, however
 * many passes read them: read the fast way, and read again by the
 * general reader after the fast way gave up at the last row. */
static void
test_progress_counts (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-progress");
  g_autoptr(GString) csv = long_table (60000, FALSE);

  /* Mapped (passes 0 and 1), and read in blocks read() copies */
  for (guint pass = 0; pass < 4; pass++)
    {
      g_autofree char *path = g_build_filename (dir, "p.csv", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(McLoadProgress) progress = mc_load_progress_new ();
      g_autoptr(GString) text = g_string_new_len (csv->str, csv->len);
      g_autoptr(McDataset) d = NULL;
      g_autoptr(GError) error = NULL;
      guint64 bytes, size, rows;

      g_setenv ("MC_DEBUG_NO_MAPPING", pass < 2 ? "0" : "1", TRUE);
      if (pass % 2 == 1)
        g_string_append (text, "60000,2024-01-01,2024-01-01T00:00,sold out,12\n");
      g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
      d = mc_loader_load_file_full (file, NULL, progress, NULL, &error);
      g_assert_no_error (error);
      mc_load_progress_get (progress, &bytes, &size, &rows);
      g_assert_cmpuint (size, ==, text->len);
      g_assert_cmpuint (bytes, ==, text->len);
      g_assert_cmpuint (rows, ==, mc_dataset_get_n_rows (d));
    }
  g_unsetenv ("MC_DEBUG_NO_MAPPING");
  mc_test_remove_dir (dir);
}

/* Headers that programs wrote read as words; those people wrote stay
 * as they are; the ids come from the headers either way. */
static void
test_labels_from_ids (void)
{
  static const struct
  {
    const char *id;
    const char *label;
  } expected[] = {
    { "net_generation", "Net generation" },
    { "gdp_per_capita", "GDP per capita" },
    { "year", "Year" },
    { "net_generation_gwh", "Net Generation" },   /* in GWh */
    { "ph", "pH" },
    { "q1_2024", "Q1 2024" },
    { "2023", "2023" },
    { "share_of_total", "Share of Total" },
  };
  g_autoptr(McDataset) d = load ("net_generation,gdp_per_capita,year,Net Generation (GWh),"
                                 "pH,q1_2024,2023,Share of Total\n"
                                 "1,2,2020,3,7,4,5,6\n"
                                 "2,3,2021,4,7,5,6,7\n");

  g_assert_cmpuint (mc_dataset_get_n_columns (d), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      McColumn *c = mc_dataset_get_column (d, i);

      g_assert_cmpstr (mc_column_get_id (c), ==, expected[i].id);
      g_assert_cmpstr (mc_column_get_label (c), ==, expected[i].label);
    }
}

/* Each number keeps the decimals it is written with ("32" and "4.5" in
 * one column, "$50.5 billion"), and a long column written alike keeps
 * one number for them all, not a byte a row. */
static void
test_written_decimals (void)
{
  g_autoptr(McDataset) d = load ("company,share,investment\n"
                                 "AWS,32,$35 billion\n"
                                 "Azure,23,$10.25 billion\n"
                                 "Alibaba,4.5,$50.5 billion\n"
                                 "Tencent,2.60,$700 million\n");
  McColumn *share = mc_dataset_lookup_column (d, "share");
  McColumn *investment = mc_dataset_lookup_column (d, "investment");
  g_autoptr(GString) csv = g_string_new ("x,value\n");
  g_autoptr(McDataset) long_table = NULL;
  g_autoptr(GError) error = NULL;
  const int share_decimals[] = { 0, 0, 1, 2 };
  /* $700 million is 0.700 in the column's billions: known to the million */
  const int investment_decimals[] = { 0, 2, 1, 3 };

  for (guint row = 0; row < 4; row++)
    {
      g_assert_cmpint (mc_column_get_decimals (share, row), ==, share_decimals[row]);
      g_assert_cmpint (mc_column_get_decimals (investment, row), ==, investment_decimals[row]);
    }
  g_assert_true (mc_column_has_row_decimals (share));

  for (guint i = 0; i < 1000000; i++)
    g_string_append_printf (csv, "%u,%u.%u\n", i, i % 1000, i % 10);
  long_table = mc_loader_load_data (csv->str, csv->len, "long.csv", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      McColumn *column = mc_dataset_get_column (long_table, i);

      g_assert_cmpuint (mc_column_get_n_rows (column), ==, 1000000);
      g_assert_false (mc_column_has_row_decimals (column));
      g_assert_cmpint (mc_column_get_decimals (column, 999999), ==, i);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/plain-csv/numbers", test_numbers);
  g_test_add_func ("/mc/plain-csv/written-decimals", test_written_decimals);
  g_test_add_func ("/mc/plain-csv/labels-from-ids", test_labels_from_ids);
  g_test_add_func ("/mc/plain-csv/dates", test_dates);
  g_test_add_func ("/mc/plain-csv/second-pass", test_second_pass);
  g_test_add_func ("/mc/plain-csv/mixed", test_mixed);
  g_test_add_func ("/mc/plain-csv/out-of-range", test_out_of_range);
  g_test_add_func ("/mc/plain-csv/many-rows", test_many_rows);
  g_test_add_func ("/mc/plain-csv/eight-byte-numbers", test_eight_byte_numbers);
  g_test_add_func ("/mc/plain-csv/exponent-scan", test_exponent_scan);
  g_test_add_func ("/mc/plain-csv/exponents-exact", test_exponents_exact);
  g_test_add_func ("/mc/plain-csv/fast-path-same-values", test_fast_path_same_values);
  g_test_add_func ("/mc/plain-csv/fast-path-gives-up", test_fast_path_gives_up);
  g_test_add_func ("/mc/plain-csv/fast-path-random", test_fast_path_random);
  g_test_add_func ("/mc/plain-csv/fast-path-texts", test_fast_path_texts);
  g_test_add_func ("/mc/plain-csv/fast-path-texts-cases", test_fast_path_texts_cases);
  g_test_add_func ("/mc/plain-csv/fast-path-texts-random", test_fast_path_texts_random);
  g_test_add_func ("/mc/plain-csv/fast-path-quoted", test_fast_path_quoted);
  g_test_add_func ("/mc/plain-csv/numeric-dates", test_numeric_dates);
  g_test_add_func ("/mc/plain-csv/decimal-commas", test_decimal_commas);
  g_test_add_func ("/mc/plain-csv/declared-decimal-commas", test_declared_decimal_commas);
  g_test_add_func ("/mc/plain-csv/blocks", test_blocks);
  g_test_add_func ("/mc/plain-csv/fast-path-counts", test_fast_path_counts);
  g_test_add_func ("/mc/plain-csv/counted-parts", test_counted_parts);
  g_test_add_func ("/mc/plain-csv/stream", test_stream);
  g_test_add_func ("/mc/plain-csv/rows-grow-shorter", test_rows_grow_shorter);
  g_test_add_func ("/mc/plain-csv/declared-fast-path", test_declared_fast_path);
  g_test_add_func ("/mc/plain-csv/declared-stream", test_declared_stream);
  g_test_add_func ("/mc/plain-csv/nul-date", test_nul_date);
  g_test_add_func ("/mc/plain-csv/long-latin1-header", test_long_latin1_header);
  g_test_add_func ("/mc/plain-csv/progress-counts", test_progress_counts);

  return g_test_run ();
}
