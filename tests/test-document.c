/* test-document.c: edits of a dataset through a document, undo and redo,
 * the dirty state, and copy-on-write columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mc-document.h"

/* Helpers */

/* Four years of revenue: a string, a number, a date and a boolean column,
 * with an estimate and notes, and a chart. */
static McDataset *
make_dataset (void)
{
  static const char * const years[] = { "2021", "2022", "2023", "2024" };
  static const double revenue[] = { 9.2, 10.5, 12.1, 15.4 };
  static const double launched[] = { 18628, 18993, NAN, 19723 };
  static const double profit[] = { 0, 1, 1, NAN };
  McDataset *dataset = mc_dataset_new ("revenue");
  McColumn *columns[4];
  McChartSpec *chart = mc_chart_spec_new ("bars", "bar");

  columns[0] = mc_column_new ("year", "Year", MC_COLUMN_STRING);
  columns[1] = mc_column_new ("revenue", "Revenue", MC_COLUMN_NUMBER);
  columns[2] = mc_column_new ("launched", "Launched", MC_COLUMN_DATE);
  columns[3] = mc_column_new ("profit", "Profit", MC_COLUMN_BOOLEAN);
  mc_column_set_unit (columns[1], "USD");
  mc_column_set_scale (columns[1], MC_SCALE_BILLION);
  for (guint row = 0; row < 4; row++)
    {
      mc_column_append_string (columns[0], years[row]);
      mc_column_append_value (columns[1], revenue[row]);
      mc_column_append_value (columns[2], launched[row]);
      mc_column_append_value (columns[3], profit[row]);
    }
  mc_column_set_annotation (columns[0], 2, FALSE, "Fiscal year");
  mc_column_set_annotation (columns[1], 3, TRUE, "Est.");
  mc_column_set_annotation (columns[3], 0, TRUE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_assert_true (mc_dataset_add_column (dataset, columns[i]));
  mc_chart_spec_set_string (chart, "x", "year");
  g_assert_true (mc_dataset_add_chart (dataset, chart));
  mc_dataset_set_title (dataset, "Revenue");
  return dataset;
}

/* A copy of @dataset made without edits, to compare with later. */
static McDataset *
copy_dataset (McDataset *dataset)
{
  McDataset *copy = mc_dataset_new (mc_dataset_get_id (dataset));
  g_autoptr(GPtrArray) columns = mc_dataset_copy_rows (dataset, 0, mc_dataset_get_n_rows (dataset));

  mc_dataset_set_title (copy, mc_dataset_get_title (dataset));
  while (columns->len > 0)
    g_assert_true (mc_dataset_add_column (copy, g_ptr_array_steal_index (columns, 0)));
  for (guint i = 0; i < mc_dataset_get_n_charts (dataset); i++)
    g_assert_true (mc_dataset_add_chart (copy, mc_chart_spec_copy (mc_dataset_get_chart (dataset, i))));
  g_assert_true (mc_dataset_equal (copy, dataset));
  return copy;
}

static McColumn *
column (McDocument *document,
        const char *id)
{
  McColumn *found = mc_dataset_lookup_column (mc_document_get_dataset (document), id);

  g_assert_nonnull (found);
  return found;
}

/* What a document said: its changes and notifications. */
typedef struct
{
  guint    n_changed;
  McChange last;
  guint    n_dirty;
  guint    n_can_undo;
  guint    n_can_redo;
} Watch;

static void
on_changed (McDocument     *document,
            const McChange *change,
            Watch          *watch)
{
  watch->n_changed++;
  watch->last = *change;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static McDocument *
watched_document (McDataset *dataset,
                  Watch     *watch)
{
  McDocument *document = mc_document_new (dataset);

  *watch = (Watch) { 0 };
  g_signal_connect (document, "changed", G_CALLBACK (on_changed), watch);
  g_signal_connect (document, "notify::dirty", G_CALLBACK (on_notify), &watch->n_dirty);
  g_signal_connect (document, "notify::can-undo", G_CALLBACK (on_notify), &watch->n_can_undo);
  g_signal_connect (document, "notify::can-redo", G_CALLBACK (on_notify), &watch->n_can_redo);
  return document;
}

static void
assert_change (const Watch  *watch,
               guint         n_changed,
               McChangeWhat  what,
               guint         row,
               guint         n_rows,
               int           column_index)
{
  McChange expected = { what, row, n_rows, column_index, -1 };

  g_assert_cmpuint (watch->n_changed, ==, n_changed);
  g_assert_cmpint (watch->last.what, ==, what);
  g_assert_cmpuint (watch->last.row, ==, row);
  g_assert_cmpuint (watch->last.n_rows, ==, n_rows);
  g_assert_cmpint (watch->last.column, ==, column_index);
  g_assert_true (mc_change_equal (&watch->last, &expected));
}

/* Applies @edit to the dataset of make_dataset(), checks it with
 * @check_applied, then undoes, redoes and undoes again, checking the
 * dataset and the one "changed" of each step. */
static void
check_round_trip (McEdit           *edit,
                  const char       *label,
                  void            (*check_applied) (McDataset *dataset),
                  const McChange   *applied,
                  const McChange   *reverted)
{
  g_autoptr(McDataset) original = make_dataset ();
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDataset) edited = NULL;
  g_autoptr(McDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  Watch watch;

  document = watched_document (dataset, &watch);
  g_assert_true (mc_document_apply (document, edit, &error));
  g_assert_no_error (error);
  g_assert_false (mc_dataset_equal (dataset, original));
  check_applied (dataset);
  edited = copy_dataset (dataset);
  assert_change (&watch, 1, applied->what, applied->row, applied->n_rows, applied->column);
  g_assert_true (mc_document_get_dirty (document));
  g_assert_cmpstr (mc_document_get_undo_label (document), ==, label);
  g_assert_null (mc_document_get_redo_label (document));

  g_assert_true (mc_document_undo (document));
  g_assert_true (mc_dataset_equal (dataset, original));
  assert_change (&watch, 2, reverted->what, reverted->row, reverted->n_rows, reverted->column);
  g_assert_false (mc_document_get_dirty (document));
  g_assert_cmpstr (mc_document_get_redo_label (document), ==, label);
  g_assert_false (mc_document_undo (document));

  g_assert_true (mc_document_redo (document));
  g_assert_true (mc_dataset_equal (dataset, edited));
  assert_change (&watch, 3, applied->what, applied->row, applied->n_rows, applied->column);
  g_assert_false (mc_document_redo (document));

  g_assert_true (mc_document_undo (document));
  g_assert_true (mc_dataset_equal (dataset, original));
  g_assert_cmpuint (watch.n_changed, ==, 4);
  g_assert_cmpuint (watch.n_dirty, ==, 4);
}

/* The same for an edit of rows: applying it inserts or removes @n_rows
 * rows from @index, and reverting it does the opposite. */
static void
check_rows_round_trip (McEdit      *edit,
                       const char  *label,
                       void       (*check_applied) (McDataset *dataset),
                       McChangeWhat what,
                       guint        index,
                       guint        n_rows)
{
  McChangeWhat opposite = what == MC_CHANGE_ROWS_INSERTED
                          ? MC_CHANGE_ROWS_REMOVED : MC_CHANGE_ROWS_INSERTED;
  McChange applied = { what, index, n_rows, -1, -1 };
  McChange reverted = { opposite, index, n_rows, -1, -1 };

  check_round_trip (edit, label, check_applied, &applied, &reverted);
}

/* Cells */

static void
check_revenue_set (McDataset *dataset)
{
  McColumn *revenue = mc_dataset_lookup_column (dataset, "revenue");

  g_assert_cmpfloat (mc_column_get_value (revenue, 3), ==, 16.25);
  /* The annotation stays with the cell. */
  g_assert_true (mc_column_is_estimate (revenue, 3));
  g_assert_cmpstr (mc_column_get_note (revenue, 3), ==, "Est.");
  g_assert_cmpfloat (mc_column_get_value (revenue, 2), ==, 12.1);
}

static void
test_document_set_value (void)
{
  g_autoptr(McEdit) edit = mc_edit_new_set_value (3, "revenue", 16.25);
  McChange change = { MC_CHANGE_CELLS, 3, 1, 1, -1 };

  check_round_trip (edit, "Edit Cell", check_revenue_set, &change, &change);
}

static void
check_year_set (McDataset *dataset)
{
  McColumn *year = mc_dataset_lookup_column (dataset, "year");

  g_assert_cmpstr (mc_column_get_string (year, 2), ==, "FY2023");
  g_assert_cmpstr (mc_column_get_note (year, 2), ==, "Fiscal year");
}

static void
test_document_set_string (void)
{
  g_autoptr(McEdit) edit = mc_edit_new_set_string (2, "year", "FY2023");
  McChange change = { MC_CHANGE_CELLS, 2, 1, 0, -1 };

  check_round_trip (edit, "Edit Cell", check_year_set, &change, &change);
}

static void
check_date_missing (McDataset *dataset)
{
  McColumn *launched = mc_dataset_lookup_column (dataset, "launched");

  g_assert_true (mc_column_is_missing (launched, 0));
  g_assert_false (mc_column_is_missing (launched, 1));
}

static void
test_document_set_missing (void)
{
  g_autoptr(McEdit) edit = mc_edit_new_set_missing (0, "launched");
  g_autoptr(McEdit) string_edit = mc_edit_new_set_missing (1, "year");
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDocument) document = mc_document_new (dataset);
  g_autoptr(GError) error = NULL;
  McChange change = { MC_CHANGE_CELLS, 0, 1, 2, -1 };

  check_round_trip (edit, "Edit Cell", check_date_missing, &change, &change);

  g_assert_true (mc_document_apply (document, string_edit, &error));
  g_assert_no_error (error);
  g_assert_null (mc_column_get_string (column (document, "year"), 1));
  g_assert_true (mc_document_undo (document));
  g_assert_cmpstr (mc_column_get_string (column (document, "year"), 1), ==, "2022");
}

/* Rows */

static void
check_rows_inserted (McDataset *dataset)
{
  McColumn *year = mc_dataset_lookup_column (dataset, "year");
  McColumn *revenue = mc_dataset_lookup_column (dataset, "revenue");

  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 6);
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      McColumn *cells = mc_dataset_get_column (dataset, i);

      g_assert_cmpuint (mc_column_get_n_rows (cells), ==, 6);
      g_assert_true (mc_column_is_missing (cells, 1));
      g_assert_true (mc_column_is_missing (cells, 2));
    }
  g_assert_cmpstr (mc_column_get_string (year, 0), ==, "2021");
  g_assert_cmpstr (mc_column_get_string (year, 3), ==, "2022");
  g_assert_cmpstr (mc_column_get_string (year, 5), ==, "2024");
  /* Annotations moved with their rows. */
  g_assert_null (mc_column_get_note (year, 2));
  g_assert_cmpstr (mc_column_get_note (year, 4), ==, "Fiscal year");
  g_assert_false (mc_column_is_estimate (revenue, 3));
  g_assert_true (mc_column_is_estimate (revenue, 5));
  g_assert_true (mc_column_is_estimate (mc_dataset_lookup_column (dataset, "profit"), 0));
}

static void
test_document_insert_rows (void)
{
  g_autoptr(McEdit) edit = mc_edit_new_insert_rows (1, 2);

  check_rows_round_trip (edit, "Insert Rows", check_rows_inserted, MC_CHANGE_ROWS_INSERTED, 1, 2);
}

static void
check_rows_appended (McDataset *dataset)
{
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 5);
  g_assert_true (mc_column_is_missing (mc_dataset_lookup_column (dataset, "revenue"), 4));
  g_assert_cmpfloat (mc_column_get_value (mc_dataset_lookup_column (dataset, "revenue"), 3), ==, 15.4);
}

static void
test_document_append_row (void)
{
  g_autoptr(McEdit) edit = mc_edit_new_insert_rows (4, 1);

  check_rows_round_trip (edit, "Insert Row", check_rows_appended, MC_CHANGE_ROWS_INSERTED, 4, 1);
}

static void
check_rows_removed (McDataset *dataset)
{
  McColumn *year = mc_dataset_lookup_column (dataset, "year");
  McColumn *revenue = mc_dataset_lookup_column (dataset, "revenue");
  McColumn *profit = mc_dataset_lookup_column (dataset, "profit");

  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 2);
  g_assert_cmpstr (mc_column_get_string (year, 0), ==, "2021");
  g_assert_cmpstr (mc_column_get_string (year, 1), ==, "2024");
  g_assert_cmpfloat (mc_column_get_value (revenue, 1), ==, 15.4);
  /* The note of a removed row went with it; the estimate of the last row
   * followed its row; the first row kept its own. */
  g_assert_false (mc_column_has_annotations (year));
  g_assert_true (mc_column_is_estimate (revenue, 1));
  g_assert_cmpstr (mc_column_get_note (revenue, 1), ==, "Est.");
  g_assert_false (mc_column_is_estimate (revenue, 0));
  g_assert_true (mc_column_is_estimate (profit, 0));
  g_assert_false (mc_column_is_estimate (profit, 1));
}

static void
test_document_remove_rows (void)
{
  g_autoptr(McEdit) edit = mc_edit_new_remove_rows (1, 2);

  check_rows_round_trip (edit, "Delete Rows", check_rows_removed, MC_CHANGE_ROWS_REMOVED, 1, 2);
}

static void
check_first_row_removed (McDataset *dataset)
{
  McColumn *year = mc_dataset_lookup_column (dataset, "year");
  McColumn *profit = mc_dataset_lookup_column (dataset, "profit");

  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 3);
  g_assert_cmpstr (mc_column_get_string (year, 0), ==, "2022");
  g_assert_cmpstr (mc_column_get_note (year, 1), ==, "Fiscal year");
  g_assert_false (mc_column_has_annotations (profit));
  g_assert_true (mc_column_is_estimate (mc_dataset_lookup_column (dataset, "revenue"), 2));
}

static void
test_document_remove_first_row (void)
{
  g_autoptr(McEdit) edit = mc_edit_new_remove_rows (0, 1);

  check_rows_round_trip (edit, "Delete Row", check_first_row_removed, MC_CHANGE_ROWS_REMOVED, 0, 1);
}

/* Edits that do not fit */

static void
check_refused (McEdit     *edit,
               McEditError code,
               const char *quoted)
{
  g_autoptr(McDataset) original = make_dataset ();
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  Watch watch;

  document = watched_document (dataset, &watch);
  g_assert_false (mc_document_apply (document, edit, &error));
  g_assert_error (error, MC_EDIT_ERROR, (int) code);
  g_test_message ("%s", error->message);
  if (quoted != NULL)
    g_assert_nonnull (strstr (error->message, quoted));
  g_assert_false (mc_edit_get_applied (edit));
  g_assert_true (mc_dataset_equal (dataset, original));
  g_assert_cmpuint (watch.n_changed, ==, 0);
  g_assert_cmpuint (watch.n_dirty + watch.n_can_undo + watch.n_can_redo, ==, 0);
  g_assert_false (mc_document_get_dirty (document));
  g_assert_false (mc_document_can_undo (document));
}

static void
test_document_refused (void)
{
  struct { McEdit *edit; McEditError code; const char *quoted; } cases[] = {
    { mc_edit_new_set_value (4, "revenue", 1), MC_EDIT_ERROR_ROW, "Row 5 does not exist: the table has 4 rows" },
    { mc_edit_new_set_value (G_MAXUINT - 1, "revenue", 1), MC_EDIT_ERROR_ROW, "4 rows" },
    { mc_edit_new_set_value (0, "profits", 1), MC_EDIT_ERROR_COLUMN, "“profits”" },
    { mc_edit_new_set_missing (0, ""), MC_EDIT_ERROR_COLUMN, "“”" },
    { mc_edit_new_set_string (0, "revenue", "12"), MC_EDIT_ERROR_TYPE, "holds numbers, not text" },
    { mc_edit_new_set_string (0, "launched", "2021"), MC_EDIT_ERROR_TYPE, "holds dates" },
    { mc_edit_new_set_string (0, "profit", "yes"), MC_EDIT_ERROR_TYPE, "true or false" },
    { mc_edit_new_set_value (0, "year", 2021), MC_EDIT_ERROR_TYPE, "holds text, not numbers" },
    { mc_edit_new_set_value (0, "profit", 2), MC_EDIT_ERROR_VALUE, "not 2" },
    { mc_edit_new_set_value (0, "revenue", INFINITY), MC_EDIT_ERROR_VALUE, "infinite" },
    { mc_edit_new_insert_rows (5, 1), MC_EDIT_ERROR_ROW, "row 6" },
    { mc_edit_new_insert_rows (4, G_MAXUINT), MC_EDIT_ERROR_ROW, NULL },
    { mc_edit_new_remove_rows (4, 1), MC_EDIT_ERROR_ROW, "Row 5 does not exist" },
    { mc_edit_new_remove_rows (3, 2), MC_EDIT_ERROR_ROW, "Row 5 does not exist" },
    { mc_edit_new_remove_rows (1, G_MAXUINT), MC_EDIT_ERROR_ROW, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      check_refused (cases[i].edit, cases[i].code, cases[i].quoted);
      mc_edit_unref (cases[i].edit);
    }
}

static void
test_document_refused_long_id (void)
{
  g_autofree char *id = g_strnfill (10000, 'x');
  g_autoptr(McEdit) edit = mc_edit_new_set_value (0, id, 1);
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDocument) document = mc_document_new (dataset);
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_document_apply (document, edit, &error));
  g_assert_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_COLUMN);
  g_assert_cmpuint (strlen (error->message), <, 100);
}

static void
test_document_refused_no_columns (void)
{
  g_autoptr(McDataset) dataset = mc_dataset_new ("empty");
  g_autoptr(McDocument) document = mc_document_new (dataset);
  g_autoptr(McEdit) edit = mc_edit_new_insert_rows (0, 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_document_apply (document, edit, &error));
  g_assert_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_COLUMN);
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 0);
}

/* History and dirty state */

static void
apply_value (McDocument *document,
             guint       row,
             double      value)
{
  g_autoptr(McEdit) edit = mc_edit_new_set_value (row, "revenue", value);
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_document_apply (document, edit, &error));
  g_assert_no_error (error);
}

static double
revenue_at (McDocument *document,
            guint       row)
{
  return mc_column_get_value (column (document, "revenue"), row);
}

static void
test_document_dirty (void)
{
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDocument) document = NULL;
  Watch watch;

  document = watched_document (dataset, &watch);
  g_assert_false (mc_document_get_dirty (document));
  g_assert_false (mc_document_can_undo (document));
  g_assert_false (mc_document_can_redo (document));

  apply_value (document, 0, 1);
  g_assert_true (mc_document_get_dirty (document));
  g_assert_cmpuint (watch.n_dirty, ==, 1);
  g_assert_cmpuint (watch.n_can_undo, ==, 1);
  apply_value (document, 1, 2);
  /* Nothing that stayed the same is notified. */
  g_assert_cmpuint (watch.n_dirty, ==, 1);
  g_assert_cmpuint (watch.n_can_undo, ==, 1);
  g_assert_cmpuint (watch.n_can_redo, ==, 0);

  mc_document_mark_saved (document);
  g_assert_false (mc_document_get_dirty (document));
  g_assert_cmpuint (watch.n_dirty, ==, 2);
  mc_document_mark_saved (document);
  g_assert_cmpuint (watch.n_dirty, ==, 2);

  apply_value (document, 2, 3);
  g_assert_true (mc_document_get_dirty (document));
  g_assert_true (mc_document_undo (document));
  g_assert_false (mc_document_get_dirty (document));
  g_assert_cmpuint (watch.n_can_redo, ==, 1);
  g_assert_true (mc_document_undo (document));
  g_assert_true (mc_document_get_dirty (document));
  g_assert_true (mc_document_redo (document));
  g_assert_false (mc_document_get_dirty (document));
  g_assert_cmpfloat (revenue_at (document, 1), ==, 2);
  g_assert_cmpfloat (revenue_at (document, 2), ==, 12.1);
  g_assert_cmpuint (watch.n_dirty, ==, 6);
  g_assert_cmpuint (watch.n_changed, ==, 6);
}

static void
test_document_saved_out_of_reach (void)
{
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDocument) document = mc_document_new (dataset);

  apply_value (document, 0, 1);
  mc_document_mark_saved (document);
  g_assert_true (mc_document_undo (document));
  g_assert_true (mc_document_get_dirty (document));

  /* A new edit drops the redo step that led to the saved state. */
  apply_value (document, 1, 2);
  g_assert_false (mc_document_can_redo (document));
  g_assert_true (mc_document_get_dirty (document));
  g_assert_true (mc_document_undo (document));
  g_assert_true (mc_document_get_dirty (document));
  g_assert_cmpfloat (revenue_at (document, 0), ==, 9.2);

  mc_document_mark_saved (document);
  g_assert_false (mc_document_get_dirty (document));
}

static void
test_document_redo_cleared (void)
{
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDocument) document = NULL;
  g_autoptr(McEdit) insert = mc_edit_new_insert_rows (0, 1);
  Watch watch;

  document = watched_document (dataset, &watch);
  apply_value (document, 0, 1);
  g_assert_true (mc_document_undo (document));
  g_assert_true (mc_document_can_redo (document));
  g_assert_true (mc_document_apply (document, insert, NULL));
  g_assert_false (mc_document_can_redo (document));
  g_assert_cmpuint (watch.n_can_redo, ==, 2);
  g_assert_cmpstr (mc_document_get_undo_label (document), ==, "Insert Row");
  g_assert_true (mc_document_undo (document));
  g_assert_false (mc_document_can_undo (document));
  g_assert_cmpfloat (revenue_at (document, 0), ==, 9.2);
}

static void
test_document_many_steps (void)
{
  g_autoptr(McDataset) original = make_dataset ();
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDocument) document = mc_document_new (dataset);
  g_autoptr(McEdit) insert = mc_edit_new_insert_rows (2, 3);
  g_autoptr(McEdit) remove = mc_edit_new_remove_rows (0, 4);
  g_autoptr(McEdit) year = mc_edit_new_set_string (1, "year", "later");
  guint n = 0;

  g_assert_true (mc_document_apply (document, insert, NULL));
  g_assert_true (mc_document_apply (document, year, NULL));
  g_assert_true (mc_document_apply (document, remove, NULL));
  apply_value (document, 2, 99);
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 3);
  g_assert_cmpfloat (revenue_at (document, 2), ==, 99);
  g_assert_true (mc_column_is_estimate (column (document, "revenue"), 3 + 3 - 4));

  while (mc_document_undo (document))
    n++;
  g_assert_cmpuint (n, ==, 4);
  g_assert_true (mc_dataset_equal (dataset, original));
  while (mc_document_redo (document))
    n--;
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpfloat (revenue_at (document, 2), ==, 99);
  g_assert_null (mc_column_get_string (column (document, "year"), 0));
  g_assert_cmpstr (mc_column_get_string (column (document, "year"), 1), ==, "2023");
}

static void
test_document_merge (void)
{
  g_autoptr(McDataset) original = make_dataset ();
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDocument) document = mc_document_new (dataset);
  g_autoptr(McEdit) first = mc_edit_new_set_value (1, "revenue", 1);
  g_autoptr(McEdit) second = mc_edit_new_set_value (1, "revenue", 12);
  g_autoptr(McEdit) other_cell = mc_edit_new_set_value (2, "revenue", 5);
  g_autoptr(McEdit) after_save = mc_edit_new_set_value (2, "revenue", 6);

  g_assert_true (mc_document_apply_merged (document, first, NULL));
  g_assert_true (mc_document_apply_merged (document, second, NULL));
  g_assert_cmpfloat (revenue_at (document, 1), ==, 12);
  g_assert_true (mc_document_apply_merged (document, other_cell, NULL));
  mc_document_mark_saved (document);
  /* The saved step stays as it was saved. */
  g_assert_true (mc_document_apply_merged (document, after_save, NULL));

  g_assert_true (mc_document_undo (document));
  g_assert_false (mc_document_get_dirty (document));
  g_assert_cmpfloat (revenue_at (document, 2), ==, 5);
  g_assert_true (mc_document_undo (document));
  g_assert_cmpfloat (revenue_at (document, 2), ==, 12.1);
  g_assert_true (mc_document_undo (document));
  g_assert_false (mc_document_can_undo (document));
  g_assert_true (mc_dataset_equal (dataset, original));
}

static void
test_document_replace (void)
{
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDataset) reloaded = make_dataset ();
  g_autoptr(McDocument) document = NULL;
  guint n_dataset = 0;
  Watch watch;

  document = watched_document (dataset, &watch);
  g_signal_connect (document, "notify::dataset", G_CALLBACK (on_notify), &n_dataset);
  apply_value (document, 0, 1);
  apply_value (document, 1, 1);
  g_assert_true (mc_document_undo (document));

  mc_document_replace_dataset (document, reloaded);
  g_assert_true (mc_document_get_dataset (document) == reloaded);
  g_assert_cmpuint (n_dataset, ==, 1);
  g_assert_cmpuint (watch.n_changed, ==, 4);
  g_assert_cmpint (watch.last.what, ==, MC_CHANGE_ALL);
  g_assert_false (mc_document_get_dirty (document));
  g_assert_false (mc_document_can_undo (document));
  g_assert_false (mc_document_can_redo (document));
  g_assert_cmpuint (watch.n_dirty, ==, 2);
  g_assert_cmpuint (watch.n_can_undo, ==, 2);
  g_assert_cmpuint (watch.n_can_redo, ==, 2);
}

static void
test_document_file (void)
{
  g_autoptr(McDataset) bundled = make_dataset ();
  g_autoptr(McDataset) opened = make_dataset ();
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/revenue.json");
  g_autoptr(GFile) saved_as = g_file_new_for_path ("/tmp/my-revenue.json");
  g_autoptr(McDocument) document = NULL;
  g_autoptr(McDocument) opened_document = NULL;
  guint n_file = 0, n_read_only = 0;

  mc_dataset_set_file (bundled, file);
  mc_dataset_set_bundled (bundled, TRUE);
  document = mc_document_new (bundled);
  g_assert_true (mc_document_get_read_only (document));
  g_assert_null (mc_document_get_file (document));

  g_signal_connect (document, "notify::file", G_CALLBACK (on_notify), &n_file);
  g_signal_connect (document, "notify::read-only", G_CALLBACK (on_notify), &n_read_only);
  mc_document_set_file (document, saved_as);
  mc_document_set_file (document, saved_as);
  g_assert_true (mc_document_get_file (document) == saved_as);
  g_assert_false (mc_document_get_read_only (document));
  g_assert_cmpuint (n_file, ==, 1);
  g_assert_cmpuint (n_read_only, ==, 1);

  mc_dataset_set_file (opened, file);
  opened_document = mc_document_new (opened);
  g_assert_false (mc_document_get_read_only (opened_document));
  g_assert_true (mc_document_get_file (opened_document) == file);
}

/* Copy-on-write */

static void
test_document_cow_shared (void)
{
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDocument) document = mc_document_new (dataset);
  McColumn *revenue = column (document, "revenue");
  g_autoptr(GArray) held = mc_column_ref_values (revenue);
  g_autoptr(GArray) held_after = NULL;
  const double *copied;

  apply_value (document, 1, 42);
  g_assert_cmpuint (held->len, ==, 4);
  g_assert_cmpfloat (g_array_index (held, double, 1), ==, 10.5);
  g_assert_cmpfloat (revenue_at (document, 1), ==, 42);
  copied = mc_column_get_values (revenue, NULL);
  g_assert_true (copied != (const double *) (gpointer) held->data);

  /* The copy is the column's own: the next edit changes it in place. */
  apply_value (document, 2, 43);
  g_assert_true (mc_column_get_values (revenue, NULL) == copied);
  g_assert_cmpfloat (g_array_index (held, double, 2), ==, 12.1);

  /* Undo does not write into a snapshot either. */
  held_after = mc_column_ref_values (revenue);
  g_assert_true (mc_document_undo (document));
  g_assert_true (mc_document_undo (document));
  g_assert_cmpfloat (g_array_index (held_after, double, 1), ==, 42);
  g_assert_cmpfloat (g_array_index (held_after, double, 2), ==, 43);
  g_assert_cmpfloat (revenue_at (document, 1), ==, 10.5);
}

static void
test_document_cow_rows (void)
{
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDocument) document = mc_document_new (dataset);
  g_autoptr(McEdit) remove = mc_edit_new_remove_rows (0, 2);
  g_autoptr(McEdit) insert = mc_edit_new_insert_rows (0, 3);
  g_autoptr(GArray) values = mc_column_ref_values (column (document, "revenue"));
  g_autoptr(GPtrArray) strings = mc_column_ref_strings (column (document, "year"));
  g_autoptr(GArray) values_after = NULL;

  g_assert_true (mc_document_apply (document, remove, NULL));
  g_assert_cmpuint (values->len, ==, 4);
  g_assert_cmpfloat (g_array_index (values, double, 0), ==, 9.2);
  g_assert_cmpuint (strings->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (strings, 0), ==, "2021");

  values_after = mc_column_ref_values (column (document, "revenue"));
  g_assert_true (mc_document_apply (document, insert, NULL));
  g_assert_cmpuint (values_after->len, ==, 2);
  g_assert_cmpfloat (g_array_index (values_after, double, 0), ==, 12.1);
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 5);
}

static void
test_document_cow_strings (void)
{
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDocument) document = mc_document_new (dataset);
  g_autoptr(McEdit) edit = mc_edit_new_set_string (0, "year", "FY2021");
  g_autoptr(GPtrArray) held = mc_column_ref_strings (column (document, "year"));

  g_assert_true (mc_document_apply (document, edit, NULL));
  g_assert_cmpstr (g_ptr_array_index (held, 0), ==, "2021");
  g_assert_cmpstr (mc_column_get_string (column (document, "year"), 0), ==, "FY2021");
  g_assert_true (mc_document_undo (document));
  g_assert_cmpstr (mc_column_get_string (column (document, "year"), 0), ==, "2021");
}

static void
test_document_cow_in_place (void)
{
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDocument) document = mc_document_new (dataset);
  const double *before = mc_column_get_values (column (document, "revenue"), NULL);

  apply_value (document, 1, 42);
  g_assert_true (mc_column_get_values (column (document, "revenue"), NULL) == before);
  g_assert_cmpfloat (before[1], ==, 42);
  g_assert_true (mc_document_undo (document));
  g_assert_true (mc_column_get_values (column (document, "revenue"), NULL) == before);
  g_assert_cmpfloat (before[1], ==, 10.5);
}

static void
test_document_cow_large (void)
{
  const guint n_rows = 1000000;
  g_autoptr(McDataset) dataset = mc_dataset_new ("prices");
  McColumn *prices = mc_column_new ("close", NULL, MC_COLUMN_NUMBER);
  GArray *values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_rows);
  g_autoptr(McDocument) document = NULL;
  g_autoptr(McEdit) edit = mc_edit_new_set_value (n_rows - 1, "close", -1);
  g_autoptr(McEdit) shared_edit = mc_edit_new_set_value (0, "close", -2);
  g_autoptr(GArray) held = NULL;
  const double *before;

  for (guint i = 0; i < n_rows; i++)
    {
      double value = i * 0.5;

      g_array_append_val (values, value);
    }
  mc_column_take_values (prices, values);
  g_assert_true (mc_dataset_add_column (dataset, prices));
  document = mc_document_new (dataset);

  before = mc_column_get_values (prices, NULL);
  g_assert_true (mc_document_apply (document, edit, NULL));
  g_assert_true (mc_column_get_values (prices, NULL) == before);
  g_assert_cmpfloat (before[n_rows - 1], ==, -1);

  held = mc_column_ref_values (prices);
  g_assert_true (mc_document_apply (document, shared_edit, NULL));
  g_assert_true (mc_column_get_values (prices, NULL) != before);
  g_assert_cmpfloat (g_array_index (held, double, 0), ==, 0);
  g_assert_cmpfloat (mc_column_get_value (prices, 0), ==, -2);
  g_assert_cmpfloat (mc_column_get_value (prices, n_rows - 1), ==, -1);
}

/* Datasets and columns */

static void
test_document_columns (void)
{
  g_autoptr(McDataset) original = make_dataset ();
  g_autoptr(McDataset) dataset = make_dataset ();
  McColumn *stolen = mc_dataset_steal_column (dataset, 1);
  McColumn *short_column = mc_column_new ("short", NULL, MC_COLUMN_NUMBER);

  g_assert_cmpstr (mc_column_get_id (stolen), ==, "revenue");
  g_assert_cmpuint (mc_dataset_get_n_columns (dataset), ==, 3);
  g_assert_null (mc_dataset_lookup_column (dataset, "revenue"));
  g_assert_true (mc_dataset_insert_column (dataset, 1, stolen));
  g_assert_true (mc_dataset_equal (dataset, original));

  /* Fails, and frees what it was given. */
  g_assert_false (mc_dataset_insert_column (dataset, 0, short_column));
  g_assert_false (mc_dataset_insert_column (dataset, 4, mc_column_copy_rows (stolen, 0, 4)));
  g_assert_true (mc_dataset_equal (dataset, original));
}

static void
test_document_column_rows (void)
{
  g_autoptr(McColumn) column_a = mc_column_new ("a", NULL, MC_COLUMN_STRING);
  g_autoptr(McColumn) slice = NULL;
  g_autoptr(McColumn) empty = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);

      mc_column_append_string (column_a, i == 3 ? NULL : text);
      mc_column_set_annotation (column_a, i, i % 2 == 0, text);
    }
  slice = mc_column_copy_rows (column_a, 1, 3);
  g_assert_cmpuint (mc_column_get_n_rows (slice), ==, 3);
  g_assert_cmpstr (mc_column_get_string (slice, 0), ==, "1");
  g_assert_null (mc_column_get_string (slice, 2));
  g_assert_true (mc_column_is_estimate (slice, 1));
  g_assert_cmpstr (mc_column_get_note (slice, 2), ==, "3");

  mc_column_remove_rows (column_a, 1, 3);
  g_assert_cmpuint (mc_column_get_n_rows (column_a), ==, 2);
  g_assert_cmpstr (mc_column_get_note (column_a, 1), ==, "4");
  g_assert_true (mc_column_is_estimate (column_a, 1));
  mc_column_insert_rows (column_a, 1, slice);
  g_assert_cmpstr (mc_column_get_string (column_a, 2), ==, "2");
  g_assert_cmpstr (mc_column_get_note (column_a, 4), ==, "4");

  empty = mc_column_copy_rows (column_a, 5, 0);
  g_assert_cmpuint (mc_column_get_n_rows (empty), ==, 0);
  mc_column_insert_rows (column_a, 5, empty);
  mc_column_insert_missing (column_a, 5, 2);
  g_assert_cmpuint (mc_column_get_n_rows (column_a), ==, 7);
  g_assert_true (mc_column_is_missing (column_a, 6));
  g_assert_false (mc_column_is_estimate (column_a, 6));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/document/set-value", test_document_set_value);
  g_test_add_func ("/mc/document/set-string", test_document_set_string);
  g_test_add_func ("/mc/document/set-missing", test_document_set_missing);
  g_test_add_func ("/mc/document/insert-rows", test_document_insert_rows);
  g_test_add_func ("/mc/document/append-row", test_document_append_row);
  g_test_add_func ("/mc/document/remove-rows", test_document_remove_rows);
  g_test_add_func ("/mc/document/remove-first-row", test_document_remove_first_row);
  g_test_add_func ("/mc/document/refused", test_document_refused);
  g_test_add_func ("/mc/document/refused-long-id", test_document_refused_long_id);
  g_test_add_func ("/mc/document/refused-no-columns", test_document_refused_no_columns);
  g_test_add_func ("/mc/document/dirty", test_document_dirty);
  g_test_add_func ("/mc/document/saved-out-of-reach", test_document_saved_out_of_reach);
  g_test_add_func ("/mc/document/redo-cleared", test_document_redo_cleared);
  g_test_add_func ("/mc/document/many-steps", test_document_many_steps);
  g_test_add_func ("/mc/document/merge", test_document_merge);
  g_test_add_func ("/mc/document/replace", test_document_replace);
  g_test_add_func ("/mc/document/file", test_document_file);
  g_test_add_func ("/mc/document/cow/shared", test_document_cow_shared);
  g_test_add_func ("/mc/document/cow/rows", test_document_cow_rows);
  g_test_add_func ("/mc/document/cow/strings", test_document_cow_strings);
  g_test_add_func ("/mc/document/cow/in-place", test_document_cow_in_place);
  g_test_add_func ("/mc/document/cow/large", test_document_cow_large);
  g_test_add_func ("/mc/document/columns", test_document_columns);
  g_test_add_func ("/mc/document/column-rows", test_document_column_rows);

  return g_test_run ();
}
