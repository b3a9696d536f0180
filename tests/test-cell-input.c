/* test-cell-input.c: cells typed in the table, read as the loader reads
 * cells, in the locale's way of writing numbers; columns read again as
 * another type; new charts for a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mc-cell-input.h"
#include "mc-column-convert.h"
#include "mc-default-chart.h"

static McColumn *
column_of (McColumnType  type,
           const char   *unit)
{
  McColumn *column = mc_column_new ("revenue", "Revenue", type);

  mc_column_set_unit (column, unit);
  return column;
}

static void
assert_number (const McColumn *column,
               const char     *text,
               double          expected)
{
  g_auto(McCellInput) input = { 0 };
  g_autoptr(GError) error = NULL;

  if (!mc_cell_input_read (column, text, &input, &error))
    g_error ("“%s”: %s", text, error->message);
  g_assert_false (input.missing);
  g_assert_cmpfloat_with_epsilon (input.value, expected, 1e-12);
}

static void
assert_refused (const McColumn *column,
                const char     *text,
                const char     *message)
{
  g_auto(McCellInput) input = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_cell_input_read (column, text, &input, &error));
  g_assert_error (error, MC_CELL_INPUT_ERROR, MC_CELL_INPUT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_missing (const McColumn *column,
                const char     *text)
{
  g_auto(McCellInput) input = { 0 };

  g_assert_true (mc_cell_input_read (column, text, &input, NULL));
  g_assert_true (input.missing);
}

static void
test_cell_input_numbers (void)
{
  g_autoptr(McColumn) number = column_of (MC_COLUMN_NUMBER, "USD");
  g_autoptr(McColumn) percent = column_of (MC_COLUMN_NUMBER, "percent");

  assert_number (number, "1234.5", 1234.5);
  assert_number (number, " 1,234.5 ", 1234.5);
  assert_number (number, "-3", -3);
  assert_number (number, "1.5e9", 1.5e9);
  assert_number (percent, "17%", 17);
  assert_missing (number, "");
  assert_missing (number, "NA");
  assert_refused (number, "9,2", "column “revenue” expects a number, found “9,2”");
  assert_refused (number, "ten", "column “revenue” expects a number, found “ten”");
  assert_refused (number, "1e400", "the number “1e400” is out of range; the largest number is "
                                    "about 1.8e308");
}

/* Amounts typed as people write them, in the column's scale; another
 * currency is refused. */
static void
test_cell_input_amounts (void)
{
  g_autoptr(McColumn) billions = column_of (MC_COLUMN_NUMBER, "USD");

  mc_column_set_scale (billions, MC_SCALE_BILLION);
  assert_number (billions, "$5 billion", 5);
  assert_number (billions, "USD 350 million", 0.35);
  assert_number (billions, "$5", 5);
  assert_number (billions, "(1.5)", -1.5);
  assert_refused (billions, "€5 billion", "column “revenue” is in USD; “€5 billion” is in EUR");
  assert_refused (billions, "5 apples", "column “revenue” expects a number, found “5 apples”");
}

static void
assert_decimals (const McColumn *column,
                 const char     *text,
                 int             decimals)
{
  g_auto(McCellInput) input = { 0 };

  g_assert_true (mc_cell_input_read (column, text, &input, NULL));
  g_assert_cmpint (input.decimals, ==, decimals);
}

/* A number keeps the decimals it is typed with: 36.0 is shown 36.0 in
 * the table after the edit, and "USD 350 million" is 0.350 in billions. */
static void
test_cell_input_written_decimals (void)
{
  g_autoptr(McColumn) percent = column_of (MC_COLUMN_NUMBER, "percent");
  g_autoptr(McColumn) billions = column_of (MC_COLUMN_NUMBER, "USD");
  g_autoptr(McDataset) dataset = mc_dataset_new ("typed");
  g_auto(McCellInput) input = { 0 };
  g_autoptr(McEdit) edit = NULL;
  McColumn *typed = column_of (MC_COLUMN_NUMBER, NULL);

  mc_column_set_scale (billions, MC_SCALE_BILLION);
  assert_decimals (percent, "36.0%", 1);
  assert_decimals (percent, "36", 0);
  assert_decimals (percent, "4.50", 2);
  assert_decimals (billions, "USD 350 million", 3);
  assert_decimals (billions, "$50.5 billion", 1);

  mc_column_append_written (typed, 35.8, 1);
  mc_dataset_add_column (dataset, typed);
  g_assert_true (mc_cell_input_read (typed, "36.0", &input, NULL));
  edit = mc_cell_input_make_edit (&input, 0, "revenue");
  g_assert_true (mc_edit_apply (edit, dataset, NULL, NULL));
  g_assert_cmpfloat (mc_column_get_value (typed, 0), ==, 36);
  g_assert_cmpint (mc_column_get_decimals (typed, 0), ==, 1);
}

/* A German desktop writes 1.234,5; files write 1234.5: both read. */
static void
test_cell_input_numbers_german (void)
{
  g_autoptr(McColumn) number = column_of (MC_COLUMN_NUMBER, NULL);
  g_autofree char *text = NULL;

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no German locale");
      return;
    }
  assert_number (number, "1.234,5", 1234.5);
  assert_number (number, "9,2", 9.2);
  assert_number (number, "9.2", 9.2);
  assert_number (number, "1.500", 1500);
  assert_number (number, "1\xc2\xa0" "234,5", 1234.5);

  /* The text to edit reads back as the same value. */
  mc_column_append_value (number, 0.1 + 0.2);
  text = mc_cell_input_text (number, 0);
  g_assert_cmpstr (text, ==, "0,30000000000000004");
  assert_number (number, text, 0.1 + 0.2);
  setlocale (LC_NUMERIC, "C.UTF-8");
}

static void
test_cell_input_dates (void)
{
  g_autoptr(McColumn) date = column_of (MC_COLUMN_DATE, NULL);
  g_auto(McCellInput) month = { 0 };
  g_auto(McCellInput) day = { 0 };

  g_assert_true (mc_cell_input_read (date, "Feb 2024", &month, NULL));
  g_assert_cmpint (month.precision, ==, MC_DATE_MONTH);
  g_assert_cmpfloat (month.value, ==, 19754);
  g_assert_true (mc_cell_input_read (date, "2024-02-15", &day, NULL));
  g_assert_cmpint (day.precision, ==, MC_DATE_DAY);
  g_assert_cmpfloat (day.value, ==, 19768);
  assert_refused (date, "2024-13", "“2024-13” is not a date; expected e.g. 2024, 2024-02 or "
                                   "2024-02-15");
  assert_missing (date, " ");
}

static void
test_cell_input_other_types (void)
{
  g_autoptr(McColumn) flag = column_of (MC_COLUMN_BOOLEAN, NULL);
  g_autoptr(McColumn) text = column_of (MC_COLUMN_STRING, NULL);
  g_auto(McCellInput) input = { 0 };

  assert_number (flag, "yes", 1);
  assert_number (flag, "false", 0);
  assert_refused (flag, "maybe", "column “revenue” expects true or false (or yes or no), "
                                 "found “maybe”");
  g_assert_true (mc_cell_input_read (text, " Alibaba Cloud ", &input, NULL));
  g_assert_cmpstr (input.string, ==, "Alibaba Cloud");
  /* In a text column, "NA" is a text. */
  mc_cell_input_clear (&input);
  g_assert_true (mc_cell_input_read (text, "NA", &input, NULL));
  g_assert_false (input.missing);
}

/* What is typed becomes an edit of the cell, a date with its precision. */
static void
test_cell_input_edit (void)
{
  g_autoptr(McDataset) dataset = mc_dataset_new ("d");
  McColumn *date = column_of (MC_COLUMN_DATE, NULL);
  g_auto(McCellInput) input = { 0 };
  g_autoptr(McEdit) edit = NULL;
  g_autofree char *text = NULL;

  mc_column_set_date_precision (date, MC_DATE_YEAR);
  mc_column_append_value (date, 19723);
  g_assert_true (mc_dataset_add_column (dataset, date));
  g_assert_true (mc_cell_input_read (date, "2024-03-01", &input, NULL));
  edit = mc_cell_input_make_edit (&input, 0, "revenue");
  g_assert_true (mc_edit_apply (edit, dataset, NULL, NULL));
  g_assert_cmpint (mc_column_get_date_precision (date), ==, MC_DATE_DAY);
  text = mc_cell_input_text (date, 0);
  g_assert_cmpstr (text, ==, "2024-03-01");
}

/* Converting columns */

static McColumn *
strings (const char * const *values)
{
  McColumn *column = mc_column_new ("year", "Year", MC_COLUMN_STRING);

  for (guint i = 0; values[i] != NULL; i++)
    mc_column_append_string (column, *values[i] ? values[i] : NULL);
  return column;
}

static void
test_cell_input_convert (void)
{
  static const char * const years[] = { "2021", "2022", "", "2024", NULL };
  static const char * const words[] = { "9.2", "n/a", "abc", NULL };
  g_autoptr(McColumn) text = strings (years);
  g_autoptr(McColumn) bad = strings (words);
  g_autoptr(McColumn) date = NULL;
  g_autoptr(McColumn) back = NULL;
  g_autoptr(McColumn) number = NULL;
  g_autoptr(GError) error = NULL;

  mc_column_set_annotation (text, 3, TRUE, "Forecast");
  date = mc_column_convert (text, MC_COLUMN_DATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_column_get_column_type (date), ==, MC_COLUMN_DATE);
  g_assert_cmpint (mc_column_get_date_precision (date), ==, MC_DATE_YEAR);
  g_assert_cmpfloat (mc_column_get_value (date, 0), ==, 18628);
  g_assert_true (mc_column_is_missing (date, 2));
  g_assert_true (mc_column_is_estimate (date, 3));
  g_assert_cmpstr (mc_column_get_label (date), ==, "Year");

  /* And back: the same texts. */
  back = mc_column_convert (date, MC_COLUMN_STRING, &error);
  g_assert_no_error (error);
  g_assert_true (mc_column_equal (back, text));

  number = mc_column_convert (bad, MC_COLUMN_NUMBER, &error);
  g_assert_null (number);
  g_assert_error (error, MC_CELL_INPUT_ERROR, MC_CELL_INPUT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Row 3: column “year” expects a number, found “abc”");
}

/* A new chart, as a plain CSV file gets, under an id of its own. */
static void
test_cell_input_new_chart (void)
{
  static const char * const names[] = { "AWS", "Azure", NULL };
  g_autoptr(McDataset) dataset = mc_dataset_new ("d");
  McColumn *share = mc_column_new ("share", "Share", MC_COLUMN_NUMBER);
  g_autoptr(McChartSpec) first = NULL;
  g_autoptr(McChartSpec) second = NULL;
  const char *y[] = { "share", NULL };
  g_autofree const char **first_y = NULL;

  mc_column_append_value (share, 31);
  mc_column_append_value (share, 25);
  g_assert_true (mc_dataset_add_column (dataset, strings (names)));
  g_assert_true (mc_dataset_add_column (dataset, share));
  first = mc_default_chart_new (dataset);
  g_assert_nonnull (first);
  g_assert_cmpstr (first->id, ==, "chart");
  g_assert_cmpstr (first->type, ==, "bar");
  first_y = mc_chart_spec_get_strv (first, "y");
  g_assert_cmpstrv (first_y, y);
  g_assert_true (mc_dataset_add_chart (dataset, mc_chart_spec_copy (first)));
  second = mc_default_chart_new (dataset);
  g_assert_cmpstr (second->id, ==, "chart-2");
}

/* A block copied from a spreadsheet: tab-separated, pasted at a cell,
 * adding the rows it needs, as one step. */
static void
test_cell_input_paste (void)
{
  static const char * const names[] = { "AWS", "Azure", NULL };
  g_autoptr(McDataset) dataset = mc_dataset_new ("d");
  g_autoptr(McDataset) before = NULL;
  McColumn *share = mc_column_new ("share", "Share", MC_COLUMN_NUMBER);
  McColumn *name = NULL;
  g_autoptr(McEdit) edit = NULL;
  g_autoptr(McEdit) bad = NULL;
  g_autoptr(McEdit) wide = NULL;
  g_autoptr(GError) error = NULL;

  mc_column_append_value (share, 31);
  mc_column_append_value (share, 25);
  g_assert_true (mc_dataset_add_column (dataset, strings (names)));
  g_assert_true (mc_dataset_add_column (dataset, share));
  name = mc_dataset_get_column (dataset, 0);
  before = mc_dataset_copy (dataset);

  edit = mc_cell_input_paste (dataset, 1, 0, "Google\t11\r\nAlibaba\t4\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_edit_get_label (edit), ==, "Paste Cells");
  g_assert_true (mc_edit_apply (edit, dataset, NULL, &error));
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 3);
  g_assert_cmpstr (mc_column_get_string (name, 1), ==, "Google");
  g_assert_cmpstr (mc_column_get_string (name, 2), ==, "Alibaba");
  g_assert_cmpfloat (mc_column_get_value (share, 2), ==, 4);
  mc_edit_revert (edit, dataset, NULL);
  g_assert_true (mc_dataset_equal (before, dataset));

  /* A cell that does not fit its column, named by row and column. */
  bad = mc_cell_input_paste (dataset, 0, 0, "x\ty\n", &error);
  g_assert_null (bad);
  g_assert_error (error, MC_CELL_INPUT_ERROR, MC_CELL_INPUT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Row 1, column “Share”: column “share” expects a number, "
                                      "found “y”");
  g_clear_error (&error);
  wide = mc_cell_input_paste (dataset, 0, 1, "1\t2\n", &error);
  g_assert_null (wide);
  g_assert_cmpstr (error->message, ==, "The pasted cells are 2 columns wide; from this column "
                                      "on the table has 1");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/cell-input/numbers", test_cell_input_numbers);
  g_test_add_func ("/mc/cell-input/numbers-german", test_cell_input_numbers_german);
  g_test_add_func ("/mc/cell-input/amounts", test_cell_input_amounts);
  g_test_add_func ("/mc/cell-input/written-decimals", test_cell_input_written_decimals);
  g_test_add_func ("/mc/cell-input/dates", test_cell_input_dates);
  g_test_add_func ("/mc/cell-input/other-types", test_cell_input_other_types);
  g_test_add_func ("/mc/cell-input/edit", test_cell_input_edit);
  g_test_add_func ("/mc/cell-input/convert", test_cell_input_convert);
  g_test_add_func ("/mc/cell-input/new-chart", test_cell_input_new_chart);
  g_test_add_func ("/mc/cell-input/paste", test_cell_input_paste);

  return g_test_run ();
}
