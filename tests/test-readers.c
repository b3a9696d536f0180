/* test-readers.c: the data people have: JSON records, JSON Lines,
 * workbooks, CSV files as spreadsheets save them, and numbers as people
 * write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mc-amount.h"
#include "mc-csv.h"
#include "mc-date-text.h"
#include "mc-loader.h"
#include "mc-text.h"

static McDataset *
load_ok (const char *name,
         const char *text)
{
  g_autoptr(GError) error = NULL;
  McDataset *dataset = mc_loader_load_data (text, strlen (text), name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
assert_refused (const char    *name,
                const char    *text,
                McLoaderError  code,
                const char    *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = mc_loader_load_data (text, strlen (text), name, NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, MC_LOADER_ERROR, (int) code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
}

static gboolean
has_warning (McDataset  *dataset,
             const char *fragment)
{
  const char * const *warnings = mc_dataset_get_warnings (dataset);

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    if (strstr (warnings[i], fragment) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_number_column (McDataset    *dataset,
                      const char   *id,
                      const char   *unit,
                      McScale       scale,
                      const double *values,
                      guint         n_values)
{
  McColumn *column = mc_dataset_lookup_column (dataset, id);

  g_assert_nonnull (column);
  g_assert_cmpint (mc_column_get_column_type (column), ==, MC_COLUMN_NUMBER);
  g_assert_cmpstr (mc_column_get_unit (column), ==, unit);
  g_assert_cmpint (mc_column_get_scale (column), ==, scale);
  for (guint i = 0; i < n_values; i++)
    g_assert_cmpfloat_with_epsilon (mc_column_get_value (column, i), values[i], 1e-9);
}

/* Amounts */

static void
test_amount_notations (void)
{
  static const struct
  {
    const char    *text;
    McDecimalMark  mark;
    double         number;
    double         factor;
    const char    *unit;
  } cases[] = {
    { "$50 billion", MC_DECIMAL_POINT, 50, 1e9, "USD" },
    { "USD 35 bn", MC_DECIMAL_POINT, 35, 1e9, "USD" },
    { "HK$148", MC_DECIMAL_POINT, 148, 0, "HKD" },
    { "€1.234,5", MC_DECIMAL_COMMA, 1234.5, 0, "EUR" },
    { "9,2", MC_DECIMAL_COMMA, 9.2, 0, NULL },
    { "(1,234)", MC_DECIMAL_POINT, -1234, 0, NULL },
    { "17 %", MC_DECIMAL_POINT, 17, 0, "percent" },
    { "\xE2\x88\x92" "3.5", MC_DECIMAL_POINT, -3.5, 0, NULL },
    { "12亿元", MC_DECIMAL_POINT, 12, 1e8, "CNY" },
    { "3,5 Mrd. €", MC_DECIMAL_COMMA, 3.5, 1e9, "EUR" },
    { "1 234 567", MC_DECIMAL_POINT, 1234567, 0, NULL },
    { "£2.5m", MC_DECIMAL_POINT, 2.5, 1e6, "GBP" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      McAmount amount;

      g_test_message ("%s", cases[i].text);
      g_assert_true (mc_amount_parse (cases[i].text, strlen (cases[i].text), cases[i].mark,
                                      &amount));
      g_assert_cmpfloat_with_epsilon (amount.number, cases[i].number, 1e-9);
      g_assert_cmpfloat (amount.factor, ==, cases[i].factor);
      g_assert_cmpstr (amount.unit, ==, cases[i].unit);
    }
}

static void
test_amount_refused (void)
{
  static const char * const texts[] = {
    "0700", "1,23", "Q1 2024", "EPS 2.1", "$5 €", "12abc", "5 %bn", "2024-03", "", "$",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      McAmount amount;

      g_test_message ("%s", texts[i]);
      g_assert_false (mc_amount_parse (texts[i], strlen (texts[i]), MC_DECIMAL_POINT, &amount));
    }
}

/* Plain numbers in a column of amounts, with either decimal mark: the
 * number their digits say, exactly as the reader rounds it, without
 * notation; "05" (a code) and "1," are none. */
static void
test_amount_plain (void)
{
  static const char * const pieces[] = {
    "0", "1", "7", "05", "123", "1234", "9007199254740993", "12345678901234567890123",
  };
  GRand *rand = g_rand_new_with_seed (20261207);

  for (guint i = 0; i < 20000; i++)
    {
      McDecimalMark mark = g_rand_boolean (rand) ? MC_DECIMAL_POINT : MC_DECIMAL_COMMA;
      char decimal = mark == MC_DECIMAL_POINT ? '.' : ',';
      const char *whole = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];
      const char *fraction = g_rand_boolean (rand)
                             ? pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))] : NULL;
      gboolean negative = g_rand_int_range (rand, 0, 4) == 0;
      g_autofree char *text = g_strdup_printf ("%s%s%c%s", negative ? "-" : "", whole, decimal,
                                               fraction != NULL ? fraction : "");
      g_autofree char *c_text = g_strdup_printf ("%s.%s", whole, fraction != NULL ? fraction : "0");
      gsize length = strlen (text) - (fraction == NULL && g_rand_boolean (rand));
      gboolean valid = !(strlen (whole) > 1 && whole[0] == '0')
                       && (fraction != NULL || length < strlen (text));
      McAmount amount;
      double expected;

      if (g_test_verbose ())
        g_test_message ("%.*s", (int) length, text);
      g_assert_cmpint (mc_amount_parse (text, length, mark, &amount), ==, valid);
      if (!valid)
        continue;
      g_assert_cmpint (mc_csv_parse_number (c_text, strlen (c_text), &expected), ==,
                       MC_CSV_NUMBER_OK);
      if (negative)
        expected = -expected;
      g_assert_cmpmem (&amount.number, sizeof (double), &expected, sizeof (double));
      g_assert_cmpfloat (amount.factor, ==, 0);
      g_assert_null (amount.unit);
      g_assert_false (amount.notation);
    }
  g_rand_free (rand);
}

/* A column of "$50 billion" is 50 in USD billions, and "$300 million"
 * in it is 0.3. */
static void
test_csv_amount_column (void)
{
  g_autoptr(McDataset) dataset = load_ok ("invest.csv",
                                          "Company,Investment\n"
                                          "Alibaba,$50 billion\n"
                                          "Microsoft,USD 80 bn\n"
                                          "Tiny,$300 million\n");
  static const double values[] = { 50, 80, 0.3 };

  assert_number_column (dataset, "investment", "USD", MC_SCALE_BILLION, values, 3);
  g_assert_cmpuint (mc_dataset_get_n_charts (dataset), ==, 1);
}

/* Spreadsheets where commas mark decimals write CSV with semicolons. */
static void
test_csv_semicolons_and_decimal_commas (void)
{
  g_autoptr(McDataset) dataset = load_ok ("umsatz.csv",
                                          "Jahr;Umsatz;Marge\n"
                                          "2021;9,2;(1,5)\n"
                                          "2022;11,8;17 %\n"
                                          "2023;1.013,3;2,5\n");
  static const double revenue[] = { 9.2, 11.8, 1013.3 };

  assert_number_column (dataset, "umsatz", NULL, MC_SCALE_NONE, revenue, 3);
  /* "Jahr" is years, whatever language names them */
  g_assert_cmpint (mc_column_get_column_type (mc_dataset_get_column (dataset, 0)), ==,
                   MC_COLUMN_DATE);
  g_assert_cmpint (mc_column_get_date_precision (mc_dataset_get_column (dataset, 0)), ==,
                   MC_DATE_YEAR);
}

static void
test_csv_pipes_and_given_delimiter (void)
{
  static const char text[] = "a|b\n1|2\n3|4\n";
  g_autoptr(McDataset) piped = load_ok ("piped.txt", text);
  g_autoptr(McLoadOptions) options = mc_load_options_new ();
  g_autoptr(McDataset) one = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (mc_dataset_get_n_columns (piped), ==, 2);
  options->delimiter = ',';
  one = mc_loader_load_data_with_options (text, strlen (text), "piped.txt", NULL, options,
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_dataset_get_n_columns (one), ==, 1);
}

/* A row that does not fit says which separator was assumed. */
static void
test_csv_row_names_separator (void)
{
  assert_refused ("x.csv", "a;b\n1;2\n3;4;5\n", MC_LOADER_ERROR_SHAPE,
                  "x.csv:3:5: this row has 3 fields, the header has 2 (fields separated by "
                  "semicolons)");
}

static void
test_csv_encodings (void)
{
  static const char utf16[] = "\xFF\xFE" "a\0,\0b\0\n\0" "1\0,\0" "2\0\n\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) wide = mc_loader_load_data (utf16, sizeof utf16 - 1, "u.csv", NULL,
                                                   &error);
  g_autoptr(McDataset) latin = load_ok ("l.csv", "city,n\nZ\xFCrich,1\nM\xFCnchen,2\n");

  g_assert_no_error (error);
  g_assert_cmpuint (mc_dataset_get_n_columns (wide), ==, 2);
  g_assert_cmpstr (mc_column_get_string (mc_dataset_get_column (latin, 0), 0), ==, "Zürich");
  g_assert_true (has_warning (latin, "read as Windows-1252"));
  g_clear_error (&error);
  g_assert_null (mc_loader_load_data ("\xFF\xFE\0\0a\0\0\0", 8, "w.csv", NULL, &error));
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "UTF-32"));
}

/* Nothing is lost silently */

static void
test_text_column_warns (void)
{
  g_autoptr(McDataset) dataset = load_ok ("w.csv",
                                          "name,price\n"
                                          "a,1\nb,2\nc,approx. 3\nd,4\n");

  g_assert_cmpint (mc_column_get_column_type (mc_dataset_get_column (dataset, 1)), ==,
                   MC_COLUMN_STRING);
  g_assert_true (has_warning (dataset, "w.csv:4:3: column “price” is read as text: "
                                       "“approx. 3” is not a number"));
}

static void
test_mixed_units_warn (void)
{
  g_autoptr(McDataset) dataset = load_ok ("m.csv", "name,price\na,$5\nb,€6\n");

  g_assert_true (has_warning (dataset, "m.csv:3:3: column “price” is read as text: “€6” is "
                                       "in EUR, the values before it in USD"));
}

static void
test_left_out_column_warns (void)
{
  g_autoptr(McDataset) dataset = load_ok ("l.csv",
                                          "name,Revenue (USD m),Customers\n"
                                          "a,5100,12\nb,300,30\n");

  g_assert_true (has_warning (dataset, "column “Customers” is not in the default chart"));
}

/* Years from the values, whatever the header */
static void
test_years_from_values (void)
{
  g_autoptr(McDataset) dataset = load_ok ("y.csv", "年,v\n2021,1\n2022,2\n2023,3\n");
  g_autoptr(McDataset) unnamed = load_ok ("u.csv", "period,v\n2019,1\n2020,2\n2021,3\n");
  g_autoptr(McDataset) prices = load_ok ("p.csv", "price,v\n2019,1\n1500,2\n2021,3\n");

  g_assert_cmpint (mc_column_get_column_type (mc_dataset_get_column (dataset, 0)), ==,
                   MC_COLUMN_DATE);
  g_assert_cmpint (mc_column_get_column_type (mc_dataset_get_column (unnamed, 0)), ==,
                   MC_COLUMN_DATE);
  g_assert_cmpint (mc_column_get_column_type (mc_dataset_get_column (prices, 0)), ==,
                   MC_COLUMN_NUMBER);
}

/* Quarters and months are found from their values, whatever the header
 * says, and are written back as they are read. */
static void
test_quarters_and_months (void)
{
  static const char * const quarters[] = {
    "Zeitraum,Umsatz\nQ1 2024,1\nQ2 2024,2\nQ3 2024,3\n",
    "period,v\n2024 Q1,1\n2024 Q2,2\n2024 Q3,3\n",
    "x,v\n2024-Q1,1\n2024-Q2,2\n2024-q3,3\n",
  };
  static const char * const months[] = {
    "Monat,v\n2024-01,1\n2024-02,2\n2024-03,3\n",
    "x,v\nJan 2024,1\nFeb 2024,2\nMar 2024,3\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    {
      g_autoptr(McDataset) dataset = load_ok ("q.csv", quarters[i]);
      McColumn *column = mc_dataset_get_column (dataset, 0);
      g_autofree char *text = NULL;

      g_assert_cmpint (mc_column_get_column_type (column), ==, MC_COLUMN_DATE);
      g_assert_cmpint (mc_column_get_date_precision (column), ==, MC_DATE_QUARTER);
      /* 2024-07-01 */
      g_assert_cmpfloat (mc_column_get_value (column, 2), ==, 19905);
      text = mc_date_text_format (mc_column_get_value (column, 2), MC_DATE_QUARTER);
      g_assert_cmpstr (text, ==, "2024-Q3");
    }
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_autoptr(McDataset) dataset = load_ok ("m.csv", months[i]);
      McColumn *column = mc_dataset_get_column (dataset, 0);

      g_assert_cmpint (mc_column_get_date_precision (column), ==, MC_DATE_MONTH);
      g_assert_cmpfloat (mc_column_get_value (column, 2), ==, 19783);
    }
  g_assert_false (mc_date_text_parse ("Q5 2024", 7, NULL, NULL));
  g_assert_false (mc_date_text_parse ("Q1 24", 5, NULL, NULL));
}

/* JSON records */

static void
test_records_array (void)
{
  g_autoptr(McDataset) dataset = load_ok ("r.json",
                                          "[{\"date\": \"2024-01-02T09:30:00Z\", "
                                          "\"price\": {\"close\": 72.5}, \"volume\": null},"
                                          " {\"date\": \"2024-01-03T09:30:00Z\", "
                                          "\"price\": {\"close\": 70.9}, \"volume\": 12}]");
  McColumn *volume = mc_dataset_lookup_column (dataset, "volume");

  g_assert_cmpint (mc_column_get_column_type (mc_dataset_get_column (dataset, 0)), ==,
                   MC_COLUMN_DATE);
  /* A path reads as words; the id keeps its words apart the id's way. */
  g_assert_cmpstr (mc_column_get_label (mc_dataset_get_column (dataset, 1)), ==,
                   "Price close");
  g_assert_cmpstr (mc_column_get_id (mc_dataset_get_column (dataset, 1)), ==, "price_close");
  g_assert_true (mc_column_is_missing (volume, 0));
  g_assert_cmpfloat (mc_column_get_value (volume, 1), ==, 12);
  g_assert_cmpuint (mc_dataset_get_n_charts (dataset), ==, 1);
}

static void
test_records_columns_and_keys (void)
{
  g_autoptr(McDataset) columns = load_ok ("c.json", "{\"year\": [2021, 2022], "
                                                    "\"v\": [\"$1 bn\", \"$2 bn\"]}");
  g_autoptr(McDataset) keyed = load_ok ("k.json", "{\"meta\": {\"n\": 2}, \"data\": "
                                                  "[{\"a\": 1}, {\"a\": 2}], \"more\": "
                                                  "[{\"b\": 1}]}");
  g_autoptr(McLoadOptions) options = mc_load_options_new ();
  g_autoptr(McDataset) chosen = NULL;
  g_autoptr(GError) error = NULL;
  static const char keyed_text[] = "{\"data\": [{\"a\": 1}], \"more\": [{\"b\": 1}, {\"b\": 2}]}";

  g_assert_cmpint (mc_column_get_scale (mc_dataset_get_column (columns, 1)), ==,
                   MC_SCALE_BILLION);
  g_assert_cmpstr (mc_column_get_id (mc_dataset_get_column (keyed, 0)), ==, "a");
  g_assert_true (has_warning (keyed, "the records are read from “data”; the file has more "
                                     "at “more”"));
  mc_load_options_set_records (options, "more");
  chosen = mc_loader_load_data_with_options (keyed_text, strlen (keyed_text), "k.json", NULL,
                                             options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_dataset_get_n_rows (chosen), ==, 2);
  assert_refused ("n.json", "{\"a\": {\"b\": 1}}", MC_LOADER_ERROR_MISSING, "found no records");
  assert_refused ("s.json", "{\"a\": [1, 2], \"b\": [1]}", MC_LOADER_ERROR_SHAPE,
                  "column “b” has 1 values, column “a” has 2");
}

/* A file of many places of records under long keys: the warning and the
 * error that list them quote each shortened, and at most six, then how
 * many there are. */
static void
test_records_many_places (void)
{
  g_autoptr(GString) json = g_string_new ("{");
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(McDataset) refused = NULL;
  g_autoptr(McLoadOptions) options = mc_load_options_new ();
  g_autoptr(GError) error = NULL;
  const char *warning = NULL;

  for (guint i = 0; i < 9; i++)
    {
      g_string_append_printf (json, "%s\"k%u", i > 0 ? ", " : "", i);
      for (guint k = 0; k < 200; k++)
        g_string_append_c (json, 'x');
      g_string_append (json, "\": [{\"a\": 1}]");
    }
  g_string_append (json, "}");
  dataset = load_ok ("m.json", json->str);
  for (const char * const *w = mc_dataset_get_warnings (dataset); w != NULL && *w != NULL; w++)
    if (strstr (*w, "the file has more at") != NULL)
      warning = *w;
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, ", … (8 places in all)"));
  g_assert_cmpuint (g_utf8_strlen (warning, -1), <, 8 * (MC_TEXT_MAX_QUOTED + 4) + 120);

  mc_load_options_set_records (options, "nowhere");
  refused = mc_loader_load_data_with_options (json->str, json->len, "m.json", NULL, options,
                                              &error);
  g_assert_null (refused);
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, ", … (9 places in all)"));
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 8 * (MC_TEXT_MAX_QUOTED + 4) + 120);
}

static void
test_json_lines (void)
{
  g_autoptr(McDataset) dataset = load_ok ("l.jsonl", "{\"timestamp\": 1704067200, \"v\": 1}\n"
                                                     "\n{\"timestamp\": 1704153600, \"v\": 2}\n");

  /* Seconds since 1970 under a header of times are dates */
  g_assert_cmpint (mc_column_get_column_type (mc_dataset_get_column (dataset, 0)), ==,
                   MC_COLUMN_DATE);
  g_assert_cmpfloat (mc_column_get_value (mc_dataset_get_column (dataset, 0), 0), ==, 19723);
  assert_refused ("b.jsonl", "{\"v\": 1}\n{\"v\" 2}\n", MC_LOADER_ERROR_SYNTAX, "b.jsonl:2:6: ");
  assert_refused ("c.jsonl", "{\"v\": 1}\n[2]\n", MC_LOADER_ERROR_TYPE, "c.jsonl:2:1: ");
}

/* Workbooks */

static McDataset *
load_workbook (const char  *file,
               const char  *sheet,
               GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "workbooks", file, NULL);
  g_autoptr(GFile) location = g_file_new_for_path (path);
  g_autoptr(McLoadOptions) options = mc_load_options_new ();

  mc_load_options_set_sheet (options, sheet);
  return mc_loader_load_file_with_options (location, options, NULL, error);
}

static McDataset *
load_book (const char  *sheet,
           GError     **error)
{
  return load_workbook ("revenue-book.xlsx", sheet, error);
}

static void
test_xlsx (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) revenue = load_book ("Revenue", &error);
  g_autoptr(McDataset) prices = NULL;
  static const double dollars[] = { 9.2, 11.8, 13.3 };
  static const double shares[] = { 19, 17, 17 };

  g_assert_no_error (error);
  /* the title row above the header is left out */
  g_assert_cmpuint (mc_dataset_get_n_rows (revenue), ==, 3);
  g_assert_cmpint (mc_column_get_column_type (mc_dataset_get_column (revenue, 0)), ==,
                   MC_COLUMN_DATE);
  assert_number_column (revenue, "revenue", "USD", MC_SCALE_NONE, dollars, 3);
  assert_number_column (revenue, "share", "percent", MC_SCALE_NONE, shares, 3);
  /* Written as their number formats show them: "$#,##0.0" and "0%"; the
   * years, in "General", say nothing. */
  for (guint row = 0; row < 3; row++)
    {
      g_assert_cmpint (mc_column_get_decimals (mc_dataset_lookup_column (revenue, "revenue"),
                                               row), ==, 1);
      g_assert_cmpint (mc_column_get_decimals (mc_dataset_lookup_column (revenue, "share"),
                                               row), ==, 0);
    }

  prices = load_book ("2", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (mc_column_get_value (mc_dataset_get_column (prices, 0), 0), ==, 19724);
}

static void
test_xlsx_asks_for_a_sheet (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) none = load_book (NULL, &error);

  g_assert_null (none);
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_CHOICE);
  g_assert_cmpstr (error->message, ==, "revenue-book.xlsx: the workbook has 2 sheets: "
                                       "1 “Revenue”, 2 “Prices”; choose one");
  g_clear_error (&error);
  g_assert_null (load_book ("Costs", &error));
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_MISSING);
}

/* A workbook LibreOffice wrote (tests/data/workbooks/make-market-book.py) */

static McDataset *
load_ods (const char *sheet)
{
  g_autoptr(GError) error = NULL;
  McDataset *dataset = load_workbook ("market-book.ods", sheet, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
assert_texts (McColumn           *column,
              const char * const *texts)
{
  g_assert_cmpint (mc_column_get_column_type (column), ==, MC_COLUMN_STRING);
  for (guint i = 0; texts[i] != NULL; i++)
    g_assert_cmpstr (mc_column_get_string (column, i), ==, texts[i]);
}

/* The title merged over the table is left out; the merged header names
 * both its columns; "$" numbers are dollars, cached results of formulas
 * are values, and the formatted cell far below the table adds nothing. */
static void
test_ods_revenue (void)
{
  g_autoptr(McDataset) revenue = load_ods ("Revenue");
  static const double dollars[] = { 9.2, 11.8, 13.3, 15.4 };
  static const double shares[] = { 19, 17, 17, 17 };
  static const char * const regions[] = { "Asia  Pacific", "Asia  Pacific", NULL };

  g_assert_cmpuint (mc_dataset_get_n_rows (revenue), ==, 4);
  g_assert_cmpuint (mc_dataset_get_n_columns (revenue), ==, 5);
  /* The title row above the table is its title */
  g_assert_cmpstr (mc_dataset_get_title (revenue), ==, "Alibaba Cloud revenue");
  g_assert_cmpint (mc_column_get_column_type (mc_dataset_get_column (revenue, 0)), ==,
                   MC_COLUMN_DATE);
  assert_number_column (revenue, "revenue", "USD", MC_SCALE_NONE, dollars, 4);
  assert_number_column (revenue, "share", "percent", MC_SCALE_NONE, shares, 4);
  /* As their number styles show them: "$#,##0.0" and "0%" */
  g_assert_cmpint (mc_column_get_decimals (mc_dataset_lookup_column (revenue, "revenue"), 3),
                   ==, 1);
  g_assert_cmpint (mc_column_get_decimals (mc_dataset_lookup_column (revenue, "share"), 3),
                   ==, 0);
  g_assert_cmpstr (mc_column_get_label (mc_dataset_get_column (revenue, 3)), ==, "Region");
  g_assert_cmpstr (mc_column_get_label (mc_dataset_get_column (revenue, 4)), ==, "Region");
  assert_texts (mc_dataset_get_column (revenue, 4), regions);
}

/* Dates as days and as months, euros, an error of a formula as a gap,
 * two paragraphs as two lines, the comment on a cell left out, and equal
 * cells and rows written once with a count read as many. */
static void
test_ods_types_and_repeats (void)
{
  g_autoptr(McDataset) prices = load_ods ("Prices");
  g_autoptr(McDataset) months = load_ods ("Months");
  g_autoptr(McDataset) targets = load_ods ("3");
  static const double closes[] = { 72.5, 71.5, 70.9, 70.9 };
  static const double euros[] = { 1200.5, 1300.25, 1250 };
  static const double lows[] = { 5, 5, 5, 5 };
  static const double highs[] = { 5, 5, 5, 7 };
  static const char * const labels[] = { "line one\nline two", "plain", NULL };
  McColumn *date = mc_dataset_get_column (prices, 0);
  McColumn *month = mc_dataset_get_column (months, 0);

  g_assert_cmpint (mc_column_get_column_type (date), ==, MC_COLUMN_DATE);
  g_assert_cmpint (mc_column_get_date_precision (date), ==, MC_DATE_DAY);
  g_assert_cmpfloat (mc_column_get_value (date, 0), ==, 19724);
  assert_number_column (prices, "close", NULL, MC_SCALE_NONE, closes, 4);
  g_assert_cmpint (mc_column_get_date_precision (month), ==, MC_DATE_MONTH);
  assert_number_column (months, "sales", "EUR", MC_SCALE_NONE, euros, 3);
  g_assert_true (mc_column_is_missing (mc_dataset_get_column (months, 2), 1));
  g_assert_cmpfloat (mc_column_get_value (mc_dataset_get_column (months, 2), 2), ==, 1.25);
  assert_texts (mc_dataset_get_column (months, 3), labels);
  assert_number_column (targets, "low", NULL, MC_SCALE_NONE, lows, 4);
  assert_number_column (targets, "high", NULL, MC_SCALE_NONE, highs, 4);
  /* A sheet without a title row, one of several, is named by its sheet */
  g_assert_cmpstr (mc_dataset_get_title (prices), ==, "Prices");
  g_assert_cmpstr (mc_dataset_get_title (targets), ==, "Targets");
}

/* What a chooser offers: the names of the sheets, in their order; a
 * file of one table has none. */
static void
test_list_sheets (void)
{
  g_autofree char *ods_path = g_test_build_filename (G_TEST_DIST, "data", "workbooks",
                                                     "market-book.ods", NULL);
  g_autofree char *xlsx_path = g_test_build_filename (G_TEST_DIST, "data", "workbooks",
                                                      "revenue-book.xlsx", NULL);
  g_autofree char *csv_path = g_test_build_filename (G_TEST_DIST, "data", "good", "years.csv",
                                                     NULL);
  g_autoptr(GFile) ods = g_file_new_for_path (ods_path);
  g_autoptr(GFile) xlsx = g_file_new_for_path (xlsx_path);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_auto(GStrv) ods_sheets = mc_loader_list_sheets (ods, NULL, NULL);
  g_auto(GStrv) xlsx_sheets = mc_loader_list_sheets (xlsx, NULL, NULL);
  g_auto(GStrv) csv_sheets = mc_loader_list_sheets (csv, NULL, NULL);
  static const char * const in_ods[] = { "Revenue", "Prices", "Targets", "Months", NULL };
  static const char * const in_xlsx[] = { "Revenue", "Prices", NULL };

  g_assert_true (g_strv_equal ((const char * const *) ods_sheets, in_ods));
  g_assert_true (g_strv_equal ((const char * const *) xlsx_sheets, in_xlsx));
  g_assert_cmpuint (g_strv_length (csv_sheets), ==, 0);
}

static void
test_ods_asks_for_a_sheet (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) none = load_workbook ("market-book.ods", NULL, &error);

  g_assert_null (none);
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_CHOICE);
  g_assert_cmpstr (error->message, ==, "market-book.ods: the workbook has 4 sheets: "
                                       "1 “Revenue”, 2 “Prices”, 3 “Targets”, 4 “Months”; "
                                       "choose one");
}

/* Web tables */

static McDataset *
load_test_file (const char *folder,
                const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  McDataset *dataset = mc_loader_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

/* A table as a web page writes it: two header rows make one ("Share
 * Q1"), a header spans rows and columns, footnote marks and hidden sort
 * keys are not values, the caption is the title (of the chart too), and
 * the largest table of the page is the one read. */
static void
test_html_page (void)
{
  g_autoptr(McDataset) dataset = load_test_file ("good", "market-share.html");
  static const double q1[] = { 31, 25, 11, 4 };
  static const double revenue[] = { 107.6, 75.1, 43.2, 15.4 };
  static const char * const providers[] = { "Amazon Web Services", "Microsoft Azure", NULL };

  g_assert_cmpstr (mc_dataset_get_title (dataset), ==, "Cloud infrastructure market share, 2024");
  g_assert_cmpuint (mc_dataset_get_n_columns (dataset), ==, 4);
  assert_texts (mc_dataset_get_column (dataset, 0), providers);
  g_assert_cmpstr (mc_column_get_label (mc_dataset_get_column (dataset, 1)), ==, "Share Q1");
  assert_number_column (dataset, "share_q1", "percent", MC_SCALE_NONE, q1, 4);
  g_assert_cmpstr (mc_column_get_label (mc_dataset_get_column (dataset, 3)), ==, "Revenue");
  assert_number_column (dataset, "revenue_usd_bn", "USD", MC_SCALE_BILLION, revenue, 4);
  /* The total in the table's footer is no market share: left out, and
   * said so */
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 4);
  g_assert_true (has_warning (dataset, "market-share.html: the footer row of the table "
                                       "(“Total”) is left out"));
  g_assert_cmpstr (mc_dataset_get_chart (dataset, 0)->title, ==,
                   "Cloud infrastructure market share, 2024");
}

/* What LibreOffice writes as HTML (and puts on the clipboard): the title
 * row above the table left out, a merged header cell naming both its
 * columns, amounts and percentages as shown. */
static void
test_html_libreoffice (void)
{
  g_autoptr(McDataset) dataset = load_test_file ("workbooks", "market-book.html");
  static const double dollars[] = { 9.2, 11.8, 13.3, 15.4 };

  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 4);
  assert_number_column (dataset, "revenue", "USD", MC_SCALE_NONE, dollars, 4);
  g_assert_cmpstr (mc_column_get_label (mc_dataset_get_column (dataset, 4)), ==, "Region");
}

/* A paste: a fragment without <html>, its reader named by the clipboard's
 * type; a cell spanning rows is in each of them. */
static void
test_html_paste (void)
{
  static const char fragment[] =
    "<meta charset=\"utf-8\"><table><tr><th>Segment</th><th>Year</th><th>Revenue</th></tr>"
    "<tr><td rowspan=\"2\">Cloud</td><td>2023</td><td>$13.3 bn</td></tr>"
    "<tr><td>2024</td><td>$15.4 bn</td></tr>"
    "<tr><td>Commerce</td><td>2024</td><td>$70 bn</td></tr></table>";
  g_autoptr(McLoadOptions) options = mc_load_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = NULL;
  static const double revenue[] = { 13.3, 15.4, 70 };
  static const char * const segments[] = { "Cloud", "Cloud", "Commerce", NULL };

  mc_load_options_set_format (options, "html");
  dataset = mc_loader_load_data_with_options (fragment, strlen (fragment), "Pasted table", NULL,
                                              options, &error);
  g_assert_no_error (error);
  assert_texts (mc_dataset_get_column (dataset, 0), segments);
  assert_number_column (dataset, "revenue", "USD", MC_SCALE_BILLION, revenue, 3);
  assert_refused ("page.html", "<html><body><p>No table here</p></body></html>",
                  MC_LOADER_ERROR_MISSING, "page.html: the page has no table");
}

/* Not tables */

/* What a file is shows in its first bytes, whatever its name says. */
static void
test_not_a_table (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char ole2[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) image = mc_loader_load_data (png, sizeof png - 1, "prices.csv", NULL,
                                                    &error);

  g_assert_null (image);
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==, "prices.csv: this looks like a PNG image, not a table");
  g_clear_error (&error);
  g_assert_null (mc_loader_load_data (ole2, sizeof ole2 - 1, "clipboard", NULL, &error));
  g_assert_error (error, MC_LOADER_ERROR, MC_LOADER_ERROR_FORMAT);
  g_assert_true (strstr (error->message, "(XLS); save it as XLSX or CSV") != NULL);
}

/* Records whose shares are written 36.0, 32 and 4.50 keep one, no and
 * two decimals, whatever the order of their members. */
static void
assert_share_decimals (const char *name,
                       const char *text)
{
  g_autoptr(McDataset) d = load_ok (name, text);
  McColumn *share = mc_dataset_lookup_column (d, "share");
  static const int decimals[] = { 1, 0, 2 };

  for (guint row = 0; row < G_N_ELEMENTS (decimals); row++)
    g_assert_cmpint (mc_column_get_decimals (share, row), ==, decimals[row]);
}

static void
test_records_decimals (void)
{
  assert_share_decimals ("shares.json",
                         "[ { \"provider\": \"A\", \"share\": 36.0 },"
                         "  { \"share\": 32, \"provider\": \"B\" },"
                         "  { \"provider\": \"C\", \"share\": 4.50, \"rank\": 1e1 } ]");
}

/* The same in JSON Lines, one record a line. */
static void
test_json_lines_decimals (void)
{
  assert_share_decimals ("shares.jsonl",
                         "{ \"provider\": \"A\", \"share\": 36.0 }\n"
                         "{ \"share\": 32, \"provider\": \"B\" }\n"
                         "{ \"provider\": \"C\", \"share\": 4.50 }\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/readers/amount-notations", test_amount_notations);
  g_test_add_func ("/mc/readers/amount-refused", test_amount_refused);
  g_test_add_func ("/mc/readers/amount-plain", test_amount_plain);
  g_test_add_func ("/mc/readers/csv-amount-column", test_csv_amount_column);
  g_test_add_func ("/mc/readers/csv-semicolons", test_csv_semicolons_and_decimal_commas);
  g_test_add_func ("/mc/readers/csv-pipes", test_csv_pipes_and_given_delimiter);
  g_test_add_func ("/mc/readers/csv-row-names-separator", test_csv_row_names_separator);
  g_test_add_func ("/mc/readers/csv-encodings", test_csv_encodings);
  g_test_add_func ("/mc/readers/text-column-warns", test_text_column_warns);
  g_test_add_func ("/mc/readers/mixed-units-warn", test_mixed_units_warn);
  g_test_add_func ("/mc/readers/left-out-column-warns", test_left_out_column_warns);
  g_test_add_func ("/mc/readers/years-from-values", test_years_from_values);
  g_test_add_func ("/mc/readers/quarters-and-months", test_quarters_and_months);
  g_test_add_func ("/mc/readers/records-array", test_records_array);
  g_test_add_func ("/mc/readers/records-decimals", test_records_decimals);
  g_test_add_func ("/mc/readers/json-lines-decimals", test_json_lines_decimals);
  g_test_add_func ("/mc/readers/records-columns-and-keys", test_records_columns_and_keys);
  g_test_add_func ("/mc/readers/records-many-places", test_records_many_places);
  g_test_add_func ("/mc/readers/json-lines", test_json_lines);
  g_test_add_func ("/mc/readers/xlsx", test_xlsx);
  g_test_add_func ("/mc/readers/xlsx-asks-for-a-sheet", test_xlsx_asks_for_a_sheet);
  g_test_add_func ("/mc/readers/ods-revenue", test_ods_revenue);
  g_test_add_func ("/mc/readers/ods-types-and-repeats", test_ods_types_and_repeats);
  g_test_add_func ("/mc/readers/ods-asks-for-a-sheet", test_ods_asks_for_a_sheet);
  g_test_add_func ("/mc/readers/list-sheets", test_list_sheets);
  g_test_add_func ("/mc/readers/html-page", test_html_page);
  g_test_add_func ("/mc/readers/html-libreoffice", test_html_libreoffice);
  g_test_add_func ("/mc/readers/html-paste", test_html_paste);
  g_test_add_func ("/mc/readers/not-a-table", test_not_a_table);

  return g_test_run ();
}
