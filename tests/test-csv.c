/* test-csv.c: the RFC 4180 CSV reader and number parsing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mc-csv.h"
#include "mc-decimal.h"

/* Reads all of @text into rows joined as "a|b|c" with rows separated by
 * "\n", for compact assertions. */
static char *
read_all (const char  *text,
          gsize        length,
          char         separator,
          GError     **error)
{
  g_autoptr(McCsvReader) reader = mc_csv_reader_new (text, length, separator);
  GString *out = g_string_new (NULL);

  while (mc_csv_reader_next_row (reader, error))
    {
      for (guint i = 0; i < mc_csv_reader_get_n_fields (reader); i++)
        {
          gsize n;
          const char *field = mc_csv_reader_get_field (reader, i, &n);

          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append_len (out, field, n);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
assert_reads (const char *text,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = read_all (text, strlen (text), MC_CSV_SEPARATOR_AUTO, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rows, ==, expected);
}

static void
assert_fails (const char *text,
              gsize       length,
              McCsvError  code,
              const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = read_all (text, length, MC_CSV_SEPARATOR_AUTO, &error);

  g_assert_error (error, MC_CSV_ERROR, (int) code);
  if (!g_str_has_prefix (error->message, message))
    g_error ("“%s” does not start with “%s”", error->message, message);
}

static void
test_simple (void)
{
  assert_reads ("a,b,c\n1,2,3\n", "a|b|c\n1|2|3\n");
  assert_reads ("a,b,c\n1,2,3", "a|b|c\n1|2|3\n");
  assert_reads ("a\n", "a\n");
  assert_reads ("", "");
  assert_reads ("a,,c\n,,\n", "a||c\n||\n");
  assert_reads ("a,b,\n", "a|b|\n");
}

static void
test_line_endings (void)
{
  assert_reads ("a,b\r\n1,2\r\n", "a|b\n1|2\n");
  assert_reads ("a,b\r1,2\r", "a|b\n1|2\n");
  assert_reads ("a,b\n1,2\r\n3,4\r5,6", "a|b\n1|2\n3|4\n5|6\n");
}

static void
test_blank_lines (void)
{
  g_autoptr(McCsvReader) reader = NULL;
  static const char text[] = "a,b\n\n   \n1,2\n\n";

  assert_reads (text, "a|b\n1|2\n");

  reader = mc_csv_reader_new (text, strlen (text), ',');
  g_assert_true (mc_csv_reader_next_row (reader, NULL));
  g_assert_cmpuint (mc_csv_reader_get_line (reader), ==, 1);
  g_assert_true (mc_csv_reader_next_row (reader, NULL));
  g_assert_cmpuint (mc_csv_reader_get_line (reader), ==, 4);
  g_assert_false (mc_csv_reader_next_row (reader, NULL));
}

static void
test_bom (void)
{
  assert_reads ("\xEF\xBB\xBFname,value\nx,1\n", "name|value\nx|1\n");
}

static void
test_quotes (void)
{
  g_autoptr(McCsvReader) reader = NULL;
  static const char text[] = "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"\"\n";
  gsize n;
  const char *field;

  assert_reads (text, "a,b|say \"hi\"|two\nlines|\n");
  /* Quotes inside an unquoted field are literal; spaces before an opening
   * quote and after a closing one are tolerated. */
  assert_reads ("5'11\",x\n", "5'11\"|x\n");
  assert_reads ("a, \"b, c\" ,d\n", "a|b, c|d\n");
  assert_reads ("\"\"\"\"\n", "\"\n");
  assert_reads ("\"a\r\nb\"\r\n", "a\r\nb\n");

  reader = mc_csv_reader_new (text, strlen (text), ',');
  g_assert_true (mc_csv_reader_next_row (reader, NULL));
  g_assert_cmpuint (mc_csv_reader_get_n_fields (reader), ==, 4);
  g_assert_true (mc_csv_reader_field_is_quoted (reader, 0));
  field = mc_csv_reader_get_field (reader, 1, &n);
  g_assert_cmpmem (field, n, "say \"hi\"", 8);
  /* Unescaped fields point into the data itself. */
  field = mc_csv_reader_get_field (reader, 0, &n);
  g_assert_true (field == text + 1);
  g_assert_false (mc_csv_reader_next_row (reader, NULL));
}

static void
test_separators (void)
{
  g_autoptr(McCsvReader) tabs = mc_csv_reader_new ("a\tb\n1\t2\n", 8, MC_CSV_SEPARATOR_AUTO);
  g_autoptr(McCsvReader) both = mc_csv_reader_new ("a\tb,c\n", 6, MC_CSV_SEPARATOR_AUTO);
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  g_assert_cmpint (mc_csv_reader_get_separator (tabs), ==, '\t');
  g_assert_cmpint (mc_csv_reader_get_separator (both), ==, ',');
  assert_reads ("Company\tShare\nAlibaba, Inc.\t4.5\n", "Company|Share\nAlibaba, Inc.|4.5\n");

  rows = read_all ("a;b\n1;\"x;y\"\n", 12, ';', &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rows, ==, "a|b\n1|x;y\n");
}

static void
test_errors (void)
{
  assert_fails ("a,b\n1,\"open\n2,3\n", 16, MC_CSV_ERROR_SYNTAX,
                "2:3: the quoted field that starts here is never closed");
  assert_fails ("a,b\n\"x\"y,2\n", 10, MC_CSV_ERROR_SYNTAX,
                "2:4: unexpected text after the closing quote");
  assert_fails ("a,b\nZürich,\xff\n", 14, MC_CSV_ERROR_ENCODING,
                "2:8: invalid UTF-8 (byte 0xFF)");
  assert_fails ("a,b\n\"é\xc3\"\n", 10, MC_CSV_ERROR_ENCODING,
                "2:3: invalid UTF-8 (byte 0xC3)");
  assert_fails ("a,b\n1,2\0003\n", 10, MC_CSV_ERROR_ENCODING, "2:4: NUL byte");
  assert_fails ("a\n\"x\0\"\n", 7, MC_CSV_ERROR_ENCODING, "2:3: NUL byte");
  /* Overlong encodings and surrogates are not UTF-8 either. */
  assert_fails ("\xc0\xaf\n", 3, MC_CSV_ERROR_ENCODING, "1:1: invalid UTF-8");
  assert_fails ("\xed\xa0\x80\n", 4, MC_CSV_ERROR_ENCODING, "1:1: invalid UTF-8");
}

static void
test_limits (void)
{
  g_autoptr(GString) wide = g_string_new (NULL);
  g_autoptr(GString) longest = g_string_new ("\"");
  g_autoptr(GString) quoted = g_string_new ("\"");
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  for (guint i = 0; i < MC_CSV_MAX_FIELDS; i++)
    g_string_append (wide, i ? ",x" : "x");
  rows = read_all (wide->str, wide->len, ',', &error);
  g_assert_no_error (error);
  g_string_append (wide, ",x");
  assert_fails (wide->str, wide->len, MC_CSV_ERROR_TOO_LARGE, "1:8193: more than 4096 fields");

  for (guint i = 0; i < MC_CSV_MAX_FIELD_LENGTH; i++)
    g_string_append_c (longest, 'y');
  g_string_append (longest, "\"\n");
  g_clear_pointer (&rows, g_free);
  rows = read_all (longest->str, longest->len, ',', &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (rows), ==, MC_CSV_MAX_FIELD_LENGTH + 1);

  /* Doubled quotes count once each, after unescaping. */
  for (guint i = 0; i <= MC_CSV_MAX_FIELD_LENGTH; i++)
    g_string_append (quoted, "\"\"");
  g_string_append (quoted, "\"\n");
  assert_fails (quoted->str, quoted->len, MC_CSV_ERROR_TOO_LARGE,
                "1:1: field is longer than 64 KiB");
}

static void
test_positions (void)
{
  static const char text[] = "name,note,value\n\"Zürich\",\"a\nb\",1\nGenève,x,2";
  g_autoptr(McCsvReader) reader = mc_csv_reader_new (text, strlen (text), ',');
  guint line, column;

  g_assert_true (mc_csv_reader_next_row (reader, NULL));
  mc_csv_reader_get_field_position (reader, 2, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 11);

  g_assert_true (mc_csv_reader_next_row (reader, NULL));
  g_assert_cmpuint (mc_csv_reader_get_line (reader), ==, 2);
  mc_csv_reader_get_field_position (reader, 1, &line, &column);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 10);   /* counted in characters */
  mc_csv_reader_get_field_position (reader, 2, &line, &column);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 4);
  mc_csv_reader_get_end_position (reader, &line, &column);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 5);

  g_assert_true (mc_csv_reader_next_row (reader, NULL));
  g_assert_cmpuint (mc_csv_reader_get_line (reader), ==, 4);
  mc_csv_reader_get_field_position (reader, 2, &line, &column);
  g_assert_cmpuint (column, ==, 10);
  g_assert_false (mc_csv_reader_next_row (reader, NULL));

  mc_csv_reader_rewind (reader);
  g_assert_true (mc_csv_reader_next_row (reader, NULL));
  g_assert_cmpuint (mc_csv_reader_get_line (reader), ==, 1);
  g_assert_cmpuint (mc_csv_reader_get_n_fields (reader), ==, 3);
}

/* Numbers */

static void
assert_number (const char *text,
               double      expected)
{
  double value = 0;

  g_test_message ("%s", text);
  g_assert_cmpint (mc_csv_parse_number (text, strlen (text), &value), ==, MC_CSV_NUMBER_OK);
  g_assert_cmpfloat (value, ==, expected);
  g_assert_cmpint (signbit (value), ==, signbit (expected));
}

static void
test_numbers (void)
{
  static const char * const invalid[] = {
    "", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "0x10",
    "inf", "nan", "Infinity", "1_000", "--1", "1e5.5", "$5",
  };
  double value;

  assert_number ("0", 0.0);
  assert_number ("-0", -0.0);
  assert_number ("9.2", 9.2);
  assert_number ("-3.5", -3.5);
  assert_number ("+7", 7);
  assert_number (".25", 0.25);
  assert_number ("5.", 5);
  assert_number ("1e3", 1000);
  assert_number ("6.02214076E23", 6.02214076e23);
  assert_number ("1.7976931348623157e308", 1.7976931348623157e308);
  assert_number ("2.2250738585072014e-308", 2.2250738585072014e-308);
  assert_number ("4.9e-324", 4.9e-324);
  assert_number ("1e-400", 0.0);
  assert_number ("0.1", 0.1);
  assert_number ("123456789012345678901234567890", 123456789012345678901234567890.0);
  assert_number ("0.000000000000000000000000000001", 1e-30);
  assert_number ("9007199254740993", 9007199254740992.0);   /* ties to even */
  assert_number ("00012", 12);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("%s", invalid[i]);
      g_assert_cmpint (mc_csv_parse_number (invalid[i], strlen (invalid[i]), &value),
                       ==, MC_CSV_NUMBER_INVALID);
    }
  g_assert_cmpint (mc_csv_parse_number ("1e400", 5, &value), ==, MC_CSV_NUMBER_RANGE);
  g_assert_cmpint (mc_csv_parse_number ("-1.8e308", 8, &value), ==, MC_CSV_NUMBER_RANGE);
  /* Not NUL-terminated: only @length bytes count. */
  g_assert_cmpint (mc_csv_parse_number ("12,34", 2, &value), ==, MC_CSV_NUMBER_OK);
  g_assert_cmpfloat (value, ==, 12);
}

/* The fast path must round exactly like strtod, which is correctly
 * rounded in the C library, on many random decimals. */
static void
test_numbers_rounding (void)
{
  GRand *rand = g_rand_new_with_seed (20250228);

  for (guint i = 0; i < 200000; i++)
    {
      g_autoptr(GString) text = g_string_new (g_rand_boolean (rand) ? "-" : "");
      int n_digits = g_rand_int_range (rand, 1, 21);
      int point = g_rand_int_range (rand, 0, n_digits + 1);
      double expected, value;

      for (int d = 0; d < n_digits; d++)
        {
          if (d == point)
            g_string_append_c (text, '.');
          g_string_append_c (text, '0' + g_rand_int_range (rand, 0, 10));
        }
      if (g_rand_int_range (rand, 0, 3) > 0)
        g_string_append_printf (text, "e%d", g_rand_int_range (rand, -40, 41));

      expected = strtod (text->str, NULL);
      g_assert_cmpint (mc_csv_parse_number (text->str, text->len, &value), ==, MC_CSV_NUMBER_OK);
      if (value != expected)
        g_error ("%s: got %.17g, expected %.17g", text->str, value, expected);
    }
  g_rand_free (rand);
}

/* Edge cases of the fast path and of the switch to strtod: every one
 * must give what strtod gives, bit for bit. */
static void
test_numbers_edges (void)
{
  static const char * const cases[] = {
    /* subnormals and the smallest normal */
    "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
    "2.2250738585072011e-308", "2.2250738585072012e-308", "1e-310", "-3e-320",
    "0.0000000000000000000000000000000000000000000000000000000000001e-260",
    /* 16, 17 and more significant digits around 2^53 */
    "9007199254740991", "9007199254740992", "9007199254740993", "9007199254740994",
    "9007199254740995", "18014398509481985", "1234567890123456.7",
    "0.30000000000000004", "3.0000000000000004", "123456789012345678",
    "1234567890123456789", "12345678901234567890", "99999999999999999999",
    "1.00000000000000011102230246251565404236316680908203125",
    "1.00000000000000011102230246251565404236316680908203124",
    "1.00000000000000011102230246251565404236316680908203126",
    /* halfway between two doubles, and next to it */
    "9007199254740993.0000000000000000001", "2.5000000000000002220446049250313e-1",
    "0.500000000000000166533453693773481063544750213623046875",
    "7.2057594037927933e16", "72057594037927933", "72057594037927935",
    /* exponents near the limits and the exact powers of ten */
    "1e22", "1e23", "9e22", "1.7976931348623157e308", "1.7976931348623158e308",
    "8.98846567431158e307", "1e308", "0.1e309", "100000000000000000000000e-5",
    "1e-22", "1e-23", "123e25", "9007199254740991e22", "9007199254740993e15",
    "900719925474099e16", "4503599627370496e23", "4503599627370497e23",
    /* many digits and zeros around the switch from short to long input */
    "1234567890123456789", "12345678901234567.8", "0.000000000000000001",
    "00000000000000000000001", "10000000000000000000000", "1000000000000000000000.5",
    "-0.0000000000000000000", "0e999999", "0.0e-999999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double expected = strtod (cases[i], NULL);
      double value = 0;

      g_test_message ("%s", cases[i]);
      g_assert_cmpint (mc_csv_parse_number (cases[i], strlen (cases[i]), &value),
                       ==, MC_CSV_NUMBER_OK);
      if (memcmp (&value, &expected, sizeof value) != 0)
        g_error ("%s: got %a, expected %a", cases[i], value, expected);
    }
}

/* Compares mc_decimal_to_double() with strtod, bit for bit, for
 * @digits × 10^@exponent: it must answer for every normal double, and
 * give what strtod gives. */
static void
assert_decimal (guint64 digits,
                int     exponent)
{
  char text[64];
  double expected, value = 0;

  g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT "e%d", digits, exponent);
  expected = strtod (text, NULL);
  if (!mc_decimal_to_double (digits, exponent, &value))
    {
      /* Left to strtod: only what is not a normal double. */
      if (isnormal (expected))
        g_error ("%s: no answer for %a", text, expected);
      return;
    }
  if (memcmp (&value, &expected, sizeof value) != 0)
    g_error ("%s: got %a, expected %a", text, value, expected);
}

/* Numbers of 16 to 19 digits, as programs write doubles, are rounded
 * without strtod: at every power of ten a double reaches, and exactly
 * halfway between two doubles, where ties go to the even one. */
static void
test_numbers_long_digits (void)
{
  GRand *rand = g_rand_new_with_seed (20261207);

  for (int exponent = -350; exponent <= 320; exponent++)
    for (guint i = 0; i < 200; i++)
      {
        guint64 low = 1000000000000000, high = G_GUINT64_CONSTANT (10000000000000000000);
        guint64 digits = low + (guint64) (g_rand_double (rand) * (double) (high - low));

        assert_decimal (digits, exponent);
        /* and as few digits as the first ones */
        assert_decimal (digits / 1000000000000, exponent);
      }
  /* Ties: an odd multiple of half the spacing between doubles there,
   * and the same digits (no longer ties) times powers of ten where other
   * products can be. */
  for (guint i = 0; i < 100000; i++)
    {
      guint64 mantissa = (G_GUINT64_CONSTANT (1) << 52) + g_rand_int (rand) * (guint64) 1048573;
      int shift = g_rand_int_range (rand, 0, 11);
      guint64 tie = (2 * mantissa + 1) << shift;

      assert_decimal (tie, 0);
      assert_decimal (tie, g_rand_int_range (rand, -4, 24));
      assert_decimal (tie + 1, 0);
      assert_decimal (tie - 1, 0);
    }
  /* At the ends of the table and of the doubles. */
  assert_decimal (17976931348623157, 292);
  assert_decimal (17976931348623158, 292);
  assert_decimal (22250738585072014, -324);
  assert_decimal (22250738585072011, -324);
  assert_decimal (1, -342);
  assert_decimal (G_MAXUINT64, 308);
  assert_decimal (G_MAXUINT64, -343);
  g_rand_free (rand);
}

/* mc_csv_scan_number() reads eight digits at a time where the data goes on
 * for eight more bytes: it must stop exactly at the first byte that is not
 * part of the number, whatever that byte is, and read the same value as
 * mc_csv_parse_number(). */
static void
test_scan_number (void)
{
  static const char * const numbers[] = {
    "0", "7", "-3", "+12", "1234567", "12345678", "123456789", "9007199254740992",
    "97.1234", "0.5", ".25", "5.", "-0.000001", "1234567.8901", "12345678.90123456",
    "99999999", "100000000", "3.14159265358979",
  };
  static const char terminators[] = { ',', '\t', '\n', '\r', '/', ':', ' ', 'e', '"',
                                      '\xb1', '\xff', '\x80', '\0' };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    for (guint t = 0; t < G_N_ELEMENTS (terminators); t++)
      {
        gsize length = strlen (numbers[i]);
        g_autofree char *data = g_malloc (length + 17);
        double value = 0, expected = strtod (numbers[i], NULL), parsed = 0;

        memcpy (data, numbers[i], length);
        data[length] = terminators[t];
        memcpy (data + length + 1, "0123456789abcdef", 16);
        g_test_message ("%s then 0x%02x", numbers[i], (guchar) terminators[t]);
        g_assert_cmpuint (mc_csv_scan_number (data, data + length + 17, &value), ==, length);
        g_assert_cmpfloat (value, ==, expected);
        g_assert_cmpint (mc_csv_parse_number (numbers[i], length, &parsed), ==,
                         MC_CSV_NUMBER_OK);
        g_assert_cmpfloat (parsed, ==, expected);
        /* With the data ending right after the number too. */
        g_assert_cmpuint (mc_csv_scan_number (data, data + length, &value), ==, length);
        g_assert_cmpfloat (value, ==, expected);
      }

  /* Not short numbers: no digit, or more than 19 characters. */
  {
    double value;
    const char *text = "12345678901234567890,";

    g_assert_cmpuint (mc_csv_scan_number ("-,1", "-,1" + 3, &value), ==, 0);
    g_assert_cmpuint (mc_csv_scan_number (".,12345678", ".,12345678" + 10, &value), ==, 0);
    g_assert_cmpuint (mc_csv_scan_number (text, text + strlen (text), &value), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/csv/simple", test_simple);
  g_test_add_func ("/mc/csv/line-endings", test_line_endings);
  g_test_add_func ("/mc/csv/blank-lines", test_blank_lines);
  g_test_add_func ("/mc/csv/bom", test_bom);
  g_test_add_func ("/mc/csv/quotes", test_quotes);
  g_test_add_func ("/mc/csv/separators", test_separators);
  g_test_add_func ("/mc/csv/errors", test_errors);
  g_test_add_func ("/mc/csv/limits", test_limits);
  g_test_add_func ("/mc/csv/positions", test_positions);
  g_test_add_func ("/mc/csv/numbers", test_numbers);
  g_test_add_func ("/mc/csv/numbers-rounding", test_numbers_rounding);
  g_test_add_func ("/mc/csv/numbers-edges", test_numbers_edges);
  g_test_add_func ("/mc/csv/numbers-long-digits", test_numbers_long_digits);
  g_test_add_func ("/mc/csv/scan-number", test_scan_number);

  return g_test_run ();
}
