/* test-edits.c: every kind of edit, the law that undoing an edit gives
 * back an equal dataset, what each edit says it changed, and the
 * document's check that keeps every chart drawable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mc-chart-kind.h"
#include "mc-document.h"

/* Four years of revenue in every type of column, with an estimate, notes,
 * unknown keys and two charts. */
static McDataset *
make_dataset (void)
{
  static const char * const years[] = { "2021", "2022", "2023", "2024" };
  static const double revenue[] = { 9.2, 10.5, 12.1, 15.4 };
  static const double share[] = { 19, 17, NAN, 17 };
  static const double launched[] = { 18628, 18993, NAN, 19723 };
  static const double profit[] = { 0, 1, 1, NAN };
  McDataset *dataset = mc_dataset_new ("revenue");
  McColumn *columns[5];
  McChartSpec *bars = mc_chart_spec_new ("bars", "bar");
  McChartSpec *lines = mc_chart_spec_new ("lines", "line");
  const char *y[] = { "revenue", NULL };

  columns[0] = mc_column_new ("year", "Year", MC_COLUMN_STRING);
  columns[1] = mc_column_new ("revenue", "Revenue", MC_COLUMN_NUMBER);
  columns[2] = mc_column_new ("share", "Share", MC_COLUMN_NUMBER);
  columns[3] = mc_column_new ("launched", "Launched", MC_COLUMN_DATE);
  columns[4] = mc_column_new ("profit", "Profit", MC_COLUMN_BOOLEAN);
  mc_column_set_unit (columns[1], "USD");
  mc_column_set_scale (columns[1], MC_SCALE_BILLION);
  mc_column_set_unit (columns[2], "percent");
  mc_column_set_date_precision (columns[3], MC_DATE_MONTH);
  mc_column_set_extra (columns[1], "colour", "\"red\"");
  for (guint row = 0; row < 4; row++)
    {
      mc_column_append_string (columns[0], years[row]);
      mc_column_append_value (columns[1], revenue[row]);
      mc_column_append_value (columns[2], share[row]);
      mc_column_append_value (columns[3], launched[row]);
      mc_column_append_value (columns[4], profit[row]);
    }
  mc_column_set_annotation (columns[0], 2, FALSE, "Fiscal year");
  mc_column_set_annotation (columns[1], 3, TRUE, "Est.");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_assert_true (mc_dataset_add_column (dataset, columns[i]));

  mc_chart_spec_set_title (bars, "Revenue");
  mc_chart_spec_set_subtitle (bars, "2024 is an estimate");
  mc_chart_spec_set_string (bars, "x", "year");
  mc_chart_spec_set_strv (bars, "y", y);
  g_assert_true (mc_dataset_add_chart (dataset, bars));
  mc_chart_spec_set_title (lines, "Share");
  mc_chart_spec_set_string (lines, "x", "year");
  y[0] = "share";
  mc_chart_spec_set_strv (lines, "y", y);
  g_assert_true (mc_dataset_add_chart (dataset, lines));

  mc_dataset_set_title (dataset, "Revenue");
  mc_dataset_set_description (dataset, "Four years");
  mc_dataset_set_source (dataset, "Annual reports", NULL, "2025-02");
  mc_dataset_set_extra (dataset, "author", "{\"name\":\"A. Writer\"}");
  return dataset;
}

/* Every kind of edit, made for the dataset above. */

static McEdit *
new_chart_spec_edit (void)
{
  g_autoptr(McChartSpec) spec = mc_chart_spec_new ("pie", "pie");
  const char *y[] = { "revenue", NULL };

  mc_chart_spec_set_title (spec, "Shares");
  mc_chart_spec_set_string (spec, "x", "year");
  mc_chart_spec_set_strv (spec, "y", y);
  return mc_edit_new_add_chart (1, spec, "New Chart");
}

static McEdit *
set_chart_edit (void)
{
  g_autoptr(McChartSpec) spec = mc_chart_spec_new ("bars", "line");
  const char *y[] = { "revenue", "share", NULL };

  mc_chart_spec_set_title (spec, "Revenue and share");
  mc_chart_spec_set_string (spec, "x", "year");
  mc_chart_spec_set_strv (spec, "y", y);
  return mc_edit_new_set_chart (spec, "Chart Type Change");
}

static McEdit *
group_edit (void)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_edit_unref);

  g_ptr_array_add (edits, mc_edit_new_set_value (0, "revenue", 1));
  g_ptr_array_add (edits, mc_edit_new_set_string (1, "year", "FY22"));
  g_ptr_array_add (edits, mc_edit_new_set_missing (2, "share"));
  return mc_edit_new_group (edits, "Paste Cells");
}

typedef struct
{
  const char   *name;
  McEdit     *(*make) (void);
  McChangeWhat  what;
} EditCase;

#define EDIT(name, what, ...) \
  static McEdit *make_##name (void) { return __VA_ARGS__; }
EDIT (set_value, MC_CHANGE_CELLS, mc_edit_new_set_value (1, "revenue", 11.5))
EDIT (set_date, MC_CHANGE_CELLS, mc_edit_new_set_date (2, "launched", 19403, MC_DATE_DAY))
EDIT (set_string, MC_CHANGE_CELLS, mc_edit_new_set_string (0, "year", "FY21"))
EDIT (set_missing, MC_CHANGE_CELLS, mc_edit_new_set_missing (3, "revenue"))
EDIT (set_boolean, MC_CHANGE_CELLS, mc_edit_new_set_value (3, "profit", 1))
EDIT (set_estimate, MC_CHANGE_CELLS, mc_edit_new_set_estimate (1, "share", TRUE))
EDIT (clear_estimate, MC_CHANGE_CELLS, mc_edit_new_set_estimate (3, "revenue", FALSE))
EDIT (set_note, MC_CHANGE_CELLS, mc_edit_new_set_note (0, "revenue", "Restated"))
EDIT (clear_note, MC_CHANGE_CELLS, mc_edit_new_set_note (2, "year", NULL))
EDIT (insert_rows, MC_CHANGE_ROWS_INSERTED, mc_edit_new_insert_rows (1, 2))
EDIT (remove_rows, MC_CHANGE_ROWS_REMOVED, mc_edit_new_remove_rows (2, 2))
EDIT (move_rows_down, MC_CHANGE_CELLS, mc_edit_new_move_rows (0, 2, 2))
EDIT (move_rows_up, MC_CHANGE_CELLS, mc_edit_new_move_rows (3, 1, 0))
EDIT (insert_column, MC_CHANGE_COLUMNS, mc_edit_new_insert_column (2, "margin", "Margin",
                                                                   MC_COLUMN_NUMBER))
EDIT (remove_column, MC_CHANGE_COLUMNS, mc_edit_new_remove_column ("profit"))
EDIT (move_column, MC_CHANGE_COLUMNS, mc_edit_new_move_column ("year", 3))
EDIT (rename_column, MC_CHANGE_COLUMNS, mc_edit_new_set_column_label ("revenue", "Sales"))
EDIT (set_unit, MC_CHANGE_COLUMNS, mc_edit_new_set_column_unit ("revenue", "EUR"))
EDIT (clear_unit, MC_CHANGE_COLUMNS, mc_edit_new_set_column_unit ("revenue", NULL))
EDIT (set_scale, MC_CHANGE_COLUMNS, mc_edit_new_set_column_scale ("revenue", MC_SCALE_MILLION))
EDIT (add_chart, MC_CHANGE_CHARTS, new_chart_spec_edit ())
EDIT (remove_chart, MC_CHANGE_CHARTS, mc_edit_new_remove_chart ("bars"))
EDIT (move_chart, MC_CHANGE_CHARTS, mc_edit_new_move_chart ("lines", 0))
EDIT (set_chart, MC_CHANGE_CHARTS, set_chart_edit ())
EDIT (set_title, MC_CHANGE_CHARTS,
      mc_edit_new_set_chart_option ("bars", "title", g_variant_new_string ("Sales"), "Title"))
EDIT (clear_subtitle, MC_CHANGE_CHARTS,
      mc_edit_new_set_chart_option ("bars", "subtitle", NULL, "Subtitle"))
EDIT (set_option, MC_CHANGE_CHARTS,
      mc_edit_new_set_chart_option ("bars", "horizontal", g_variant_new_boolean (TRUE), "H"))
EDIT (remove_option, MC_CHANGE_CHARTS,
      mc_edit_new_set_chart_option ("lines", "x", NULL, "X"))
EDIT (set_dataset_title, MC_CHANGE_METADATA,
      mc_edit_new_set_dataset_text (MC_DATASET_TEXT_TITLE, "Sales"))
EDIT (clear_description, MC_CHANGE_METADATA,
      mc_edit_new_set_dataset_text (MC_DATASET_TEXT_DESCRIPTION, NULL))
EDIT (set_source_url, MC_CHANGE_METADATA,
      mc_edit_new_set_dataset_text (MC_DATASET_TEXT_SOURCE_URL, "https://example.org"))
EDIT (group, MC_CHANGE_CELLS, group_edit ())
#undef EDIT

/* A replaced column must have the dataset's rows: four missing ones. */
static McEdit *
make_replace_column_filled (void)
{
  McColumn *column = mc_column_new ("profit", "Profit", MC_COLUMN_STRING);

  mc_column_insert_missing (column, 0, 4);
  return mc_edit_new_replace_column (column, "Change Column Type");
}

static const EditCase edit_cases[] = {
  { "set-value", make_set_value, MC_CHANGE_CELLS },
  { "set-date", make_set_date, MC_CHANGE_CELLS },
  { "set-string", make_set_string, MC_CHANGE_CELLS },
  { "set-missing", make_set_missing, MC_CHANGE_CELLS },
  { "set-boolean", make_set_boolean, MC_CHANGE_CELLS },
  { "set-estimate", make_set_estimate, MC_CHANGE_CELLS },
  { "clear-estimate", make_clear_estimate, MC_CHANGE_CELLS },
  { "set-note", make_set_note, MC_CHANGE_CELLS },
  { "clear-note", make_clear_note, MC_CHANGE_CELLS },
  { "insert-rows", make_insert_rows, MC_CHANGE_ROWS_INSERTED },
  { "remove-rows", make_remove_rows, MC_CHANGE_ROWS_REMOVED },
  { "move-rows-down", make_move_rows_down, MC_CHANGE_CELLS },
  { "move-rows-up", make_move_rows_up, MC_CHANGE_CELLS },
  { "insert-column", make_insert_column, MC_CHANGE_COLUMNS },
  { "remove-column", make_remove_column, MC_CHANGE_COLUMNS },
  { "move-column", make_move_column, MC_CHANGE_COLUMNS },
  { "rename-column", make_rename_column, MC_CHANGE_COLUMNS },
  { "set-unit", make_set_unit, MC_CHANGE_COLUMNS },
  { "clear-unit", make_clear_unit, MC_CHANGE_COLUMNS },
  { "set-scale", make_set_scale, MC_CHANGE_COLUMNS },
  { "replace-column", make_replace_column_filled, MC_CHANGE_COLUMNS },
  { "add-chart", make_add_chart, MC_CHANGE_CHARTS },
  { "remove-chart", make_remove_chart, MC_CHANGE_CHARTS },
  { "move-chart", make_move_chart, MC_CHANGE_CHARTS },
  { "set-chart", make_set_chart, MC_CHANGE_CHARTS },
  { "set-title", make_set_title, MC_CHANGE_CHARTS },
  { "clear-subtitle", make_clear_subtitle, MC_CHANGE_CHARTS },
  { "set-option", make_set_option, MC_CHANGE_CHARTS },
  { "remove-option", make_remove_option, MC_CHANGE_CHARTS },
  { "set-dataset-title", make_set_dataset_title, MC_CHANGE_METADATA },
  { "clear-description", make_clear_description, MC_CHANGE_METADATA },
  { "set-source-url", make_set_source_url, MC_CHANGE_METADATA },
  { "group", make_group, MC_CHANGE_CELLS },
};

/* The law: an edit changes the dataset, its undo gives back a dataset
 * equal to the one before, and its redo one equal to the one after. The
 * document says what changed once per step. */
static void
test_edits_undo_law (gconstpointer data)
{
  const EditCase *edit_case = data;
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDataset) before = mc_dataset_copy (dataset);
  g_autoptr(McDocument) document = mc_document_new (dataset);
  g_autoptr(McEdit) edit = edit_case->make ();
  g_autoptr(McDataset) after = NULL;
  g_autoptr(GError) error = NULL;
  McChange change = { 0 };

  g_assert_true (mc_dataset_equal (before, dataset));

  g_assert_true (mc_edit_apply (edit, dataset, &change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (change.what, ==, edit_case->what);
  g_assert_false (mc_dataset_equal (before, dataset));
  after = mc_dataset_copy (dataset);

  mc_edit_revert (edit, dataset, &change);
  g_assert_true (mc_dataset_equal (before, dataset));

  g_assert_true (mc_edit_apply (edit, dataset, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mc_dataset_equal (after, dataset));

  /* The same through the document's history. */
  mc_edit_revert (edit, dataset, NULL);
  g_assert_true (mc_document_apply (document, edit, &error));
  g_assert_no_error (error);
  g_assert_true (mc_dataset_equal (after, dataset));
  g_assert_true (mc_document_undo (document));
  g_assert_true (mc_dataset_equal (before, dataset));
  g_assert_false (mc_document_get_dirty (document));
  g_assert_true (mc_document_redo (document));
  g_assert_true (mc_dataset_equal (after, dataset));
}

/* All the edits one after the other, then all undone. */
static void
test_edits_undo_all (void)
{
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDataset) before = mc_dataset_copy (dataset);
  g_autoptr(McDocument) document = mc_document_new (dataset);
  guint applied = 0;

  for (guint i = 0; i < G_N_ELEMENTS (edit_cases); i++)
    {
      g_autoptr(McEdit) edit = edit_cases[i].make ();

      /* Some no longer fit what the ones before did: they change nothing. */
      if (mc_document_apply (document, edit, NULL))
        applied++;
    }
  g_assert_cmpuint (applied, >, G_N_ELEMENTS (edit_cases) / 2);
  while (mc_document_undo (document))
    ;
  g_assert_true (mc_dataset_equal (before, dataset));
}

/* Edits that do not fit change nothing and say why. */
static void
assert_refused (McDataset  *dataset,
                McEdit     *edit,
                int         code,
                const char *message)
{
  g_autoptr(McDataset) before = mc_dataset_copy (dataset);
  g_autoptr(McEdit) owned = edit;
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_edit_apply (edit, dataset, NULL, &error));
  g_assert_error (error, MC_EDIT_ERROR, code);
  if (!g_str_has_prefix (error->message, message))
    g_error ("“%s” does not start with “%s”", error->message, message);
  g_assert_true (mc_dataset_equal (before, dataset));
}

static void
test_edits_refused (void)
{
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McChartSpec) lines = mc_chart_spec_new ("lines", "line");
  g_autoptr(GPtrArray) group = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_edit_unref);

  assert_refused (dataset, mc_edit_new_insert_column (0, "year", NULL, MC_COLUMN_NUMBER),
                  MC_EDIT_ERROR_DUPLICATE, "There is already a column “year”");
  assert_refused (dataset, mc_edit_new_insert_column (9, "new", NULL, MC_COLUMN_NUMBER),
                  MC_EDIT_ERROR_COLUMN, "A column cannot go at place 10: the table has 5 columns");
  assert_refused (dataset, mc_edit_new_set_chart_option ("nope", "title", NULL, "Title"),
                  MC_EDIT_ERROR_CHART, "There is no chart “nope”");
  assert_refused (dataset, mc_edit_new_add_chart (0, lines, "New Chart"),
                  MC_EDIT_ERROR_DUPLICATE, "There is already a chart “lines”");
  assert_refused (dataset, mc_edit_new_move_chart ("lines", 2),
                  MC_EDIT_ERROR_CHART, "A chart cannot go at place 3: the dataset has 2 charts");
  assert_refused (dataset, mc_edit_new_replace_column (mc_column_new ("revenue", NULL,
                                                                      MC_COLUMN_STRING), "T"),
                  MC_EDIT_ERROR_ROW, "The new column “revenue” does not have as many rows");
  assert_refused (dataset, mc_edit_new_set_dataset_text (MC_DATASET_TEXT_TITLE, ""),
                  MC_EDIT_ERROR_VALUE, "A dataset needs a title");
  assert_refused (dataset, mc_edit_new_set_estimate (0, "nope", TRUE),
                  MC_EDIT_ERROR_COLUMN, "There is no column “nope”");
  /* A group that fails half way puts back what it did. */
  g_ptr_array_add (group, mc_edit_new_set_value (0, "revenue", 1));
  g_ptr_array_add (group, mc_edit_new_move_rows (3, 2, 0));
  assert_refused (dataset, mc_edit_new_group (group, "Paste Cells"),
                  MC_EDIT_ERROR_ROW, "Row 5 does not exist");
}

/* A number typed as 36.0 keeps its decimal; undone, the cell is written
 * as before again (4.50), and redone as typed; a snapshot taken before
 * keeps what it held. */
static void
test_edits_written_decimals (void)
{
  g_autoptr(McDataset) dataset = mc_dataset_new ("shares");
  g_autoptr(McDocument) document = NULL;
  McColumn *share = mc_column_new ("share", NULL, MC_COLUMN_NUMBER);
  g_autoptr(McColumn) snapshot = NULL;
  g_autoptr(McEdit) edit = mc_edit_new_set_written_value (1, "share", 36, 1);

  mc_column_append_written (share, 32, 0);
  mc_column_append_written (share, 4.5, 2);
  mc_column_append_missing (share);
  g_assert_true (mc_dataset_add_column (dataset, share));
  g_assert_true (mc_column_has_row_decimals (share));
  snapshot = mc_column_snapshot (share);
  document = mc_document_new (dataset);

  g_assert_true (mc_document_apply (document, edit, NULL));
  share = mc_dataset_lookup_column (dataset, "share");
  g_assert_cmpfloat (mc_column_get_value (share, 1), ==, 36);
  g_assert_cmpint (mc_column_get_decimals (share, 1), ==, 1);
  g_assert_cmpint (mc_column_get_decimals (snapshot, 1), ==, 2);
  g_assert_true (mc_document_undo (document));
  g_assert_cmpfloat (mc_column_get_value (share, 1), ==, 4.5);
  g_assert_cmpint (mc_column_get_decimals (share, 1), ==, 2);
  g_assert_cmpint (mc_column_get_decimals (share, 0), ==, 0);
  g_assert_true (mc_document_redo (document));
  g_assert_cmpint (mc_column_get_decimals (share, 1), ==, 1);
}

static void
test_edits_last_column (void)
{
  g_autoptr(McDataset) dataset = mc_dataset_new ("one");
  g_autoptr(McEdit) edit = mc_edit_new_remove_column ("only");
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_dataset_add_column (dataset, mc_column_new ("only", NULL, MC_COLUMN_NUMBER)));
  g_assert_false (mc_edit_apply (edit, dataset, NULL, &error));
  g_assert_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_COLUMN);
  g_assert_cmpuint (mc_dataset_get_n_columns (dataset), ==, 1);
}

/* What moved where. */
static void
test_edits_moves (void)
{
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McEdit) rows = mc_edit_new_move_rows (0, 1, 3);
  g_autoptr(McEdit) column = mc_edit_new_move_column ("profit", 0);
  g_autoptr(McEdit) chart = mc_edit_new_move_chart ("lines", 0);
  McColumn *year = mc_dataset_lookup_column (dataset, "year");
  McChange change;

  g_assert_true (mc_edit_apply (rows, dataset, &change, NULL));
  g_assert_cmpstr (mc_column_get_string (year, 0), ==, "2022");
  g_assert_cmpstr (mc_column_get_string (year, 3), ==, "2021");
  /* The note moves with its cell. */
  g_assert_cmpstr (mc_column_get_note (year, 1), ==, "Fiscal year");
  g_assert_cmpuint (change.row, ==, 0);
  g_assert_cmpuint (change.n_rows, ==, 4);

  g_assert_true (mc_edit_apply (column, dataset, NULL, NULL));
  g_assert_cmpstr (mc_column_get_id (mc_dataset_get_column (dataset, 0)), ==, "profit");
  g_assert_true (mc_edit_apply (chart, dataset, NULL, NULL));
  g_assert_cmpstr (mc_dataset_get_chart (dataset, 0)->id, ==, "lines");
}

/* A day typed in a column of months makes it a column of days; undoing
 * it makes it a column of months again. */
static void
test_edits_date_precision (void)
{
  g_autoptr(McDataset) dataset = make_dataset ();
  McColumn *launched = mc_dataset_lookup_column (dataset, "launched");
  g_autoptr(McEdit) month = mc_edit_new_set_date (0, "launched", 19358, MC_DATE_MONTH);
  g_autoptr(McEdit) day = mc_edit_new_set_date (1, "launched", 19403, MC_DATE_DAY);

  g_assert_true (mc_edit_apply (month, dataset, NULL, NULL));
  g_assert_cmpint (mc_column_get_date_precision (launched), ==, MC_DATE_MONTH);
  g_assert_true (mc_edit_apply (day, dataset, NULL, NULL));
  g_assert_cmpint (mc_column_get_date_precision (launched), ==, MC_DATE_DAY);
  mc_edit_revert (day, dataset, NULL);
  g_assert_cmpint (mc_column_get_date_precision (launched), ==, MC_DATE_MONTH);
}

/* Typing a title, a label or a note is one step of the history. */
static void
test_edits_typing_merges (void)
{
  static const char * const typed[] = { "S", "Sa", "Sal", "Sales" };
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDocument) document = mc_document_new (dataset);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(McEdit) title = mc_edit_new_set_chart_option ("bars", "title",
                                                              g_variant_new_string (typed[i]),
                                                              "Title Change");
      g_autoptr(McEdit) label = mc_edit_new_set_column_label ("revenue", typed[i]);
      g_autoptr(McEdit) note = mc_edit_new_set_note (0, "revenue", typed[i]);

      g_assert_true (mc_document_apply_merged (document, title, NULL));
      g_assert_true (mc_document_apply_merged (document, label, NULL));
      g_assert_true (mc_document_apply_merged (document, note, NULL));
    }
  g_assert_cmpstr (mc_dataset_lookup_chart (dataset, "bars")->title, ==, "Sales");
  g_assert_cmpstr (mc_document_get_undo_label (document), ==, "Edit Note");

  /* Three kinds of edit, interleaved: each merges into the last step only
   * when it is of the same kind and key, so the history has one step per
   * keystroke and kind here. Typed in one field at a time, it is one. */
  while (mc_document_undo (document))
    ;
  {
    g_autoptr(McDataset) fresh = make_dataset ();

    g_assert_true (mc_dataset_equal (fresh, dataset));
  }
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(McEdit) title = mc_edit_new_set_chart_option ("bars", "title",
                                                              g_variant_new_string (typed[i]),
                                                              "Title Change");

      g_assert_true (mc_document_apply_merged (document, title, NULL));
    }
  g_assert_cmpstr (mc_document_get_undo_label (document), ==, "Title Change");
  g_assert_true (mc_document_undo (document));
  g_assert_false (mc_document_can_undo (document));
  g_assert_cmpstr (mc_dataset_lookup_chart (dataset, "bars")->title, ==, "Revenue");
}

/* What the document last told its check: whether the dataset passed it
 * before the edit. */
static gboolean last_passed_before;

/* The document's check: an edit that breaks a chart is reverted, and the
 * document fails with the check's message. */
static gboolean
charts_drawable (McDataset       *dataset,
                 const McChange  *change,
                 gboolean         passed_before,
                 GError         **error)
{
  last_passed_before = passed_before;
  for (guint i = 0; i < mc_dataset_get_n_charts (dataset); i++)
    if (!mc_chart_spec_check (mc_dataset_get_chart (dataset, i), dataset, NULL, error))
      return FALSE;
  return TRUE;
}

static void
count_changes (McDocument     *document,
               const McChange *change,
               guint          *count)
{
  (*count)++;
}

static void
test_edits_check (void)
{
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDataset) before = mc_dataset_copy (dataset);
  g_autoptr(McDocument) document = mc_document_new (dataset);
  g_autoptr(McEdit) remove = mc_edit_new_remove_column ("revenue");
  g_autoptr(McEdit) remove_free = mc_edit_new_remove_column ("profit");
  g_autoptr(McEdit) value = mc_edit_new_set_value (0, "revenue", 99);
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  mc_document_set_check (document, charts_drawable);
  g_signal_connect (document, "changed", G_CALLBACK (count_changes), &n_changed);

  g_assert_false (mc_document_apply (document, remove, &error));
  g_assert_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_CHECK);
  g_assert_nonnull (strstr (error->message, "revenue"));
  g_assert_true (mc_dataset_equal (before, dataset));
  g_assert_false (mc_document_can_undo (document));
  g_assert_false (mc_document_get_dirty (document));
  g_assert_cmpuint (n_changed, ==, 0);

  g_assert_false (last_passed_before);

  /* A column no chart uses can go. */
  g_assert_true (mc_document_apply (document, remove_free, NULL));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_false (last_passed_before);

  /* The check knows the dataset passed it after an edit it let through,
   * not after an undo, which may go back to the dataset as it was read. */
  g_assert_true (mc_document_apply (document, value, NULL));
  g_assert_true (last_passed_before);
  g_assert_true (mc_document_undo (document));
  g_assert_true (mc_document_apply (document, value, NULL));
  g_assert_false (last_passed_before);
}

/* A draft restored after a crash is unsaved: dirty, with no way back. */
static void
test_edits_restore_unsaved (void)
{
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDataset) draft = make_dataset ();
  g_autoptr(McDocument) document = mc_document_new (dataset);

  mc_dataset_set_title (draft, "Edited");
  mc_document_restore_unsaved (document, draft);
  g_assert_true (mc_document_get_dataset (document) == draft);
  g_assert_true (mc_document_get_dirty (document));
  g_assert_false (mc_document_can_undo (document));
  mc_document_mark_saved (document);
  g_assert_false (mc_document_get_dirty (document));
}

/* A copy shares nothing that an edit of the original could change. */
static void
test_edits_copy (void)
{
  g_autoptr(McDataset) dataset = make_dataset ();
  g_autoptr(McDataset) copy = mc_dataset_copy (dataset);
  g_autoptr(McEdit) value = mc_edit_new_set_value (0, "revenue", 99);
  g_autoptr(McEdit) title = mc_edit_new_set_chart_option ("bars", "title",
                                                          g_variant_new_string ("New"), "T");

  g_assert_true (mc_dataset_equal (dataset, copy));
  g_assert_true (mc_edit_apply (value, dataset, NULL, NULL));
  g_assert_true (mc_edit_apply (title, dataset, NULL, NULL));
  g_assert_cmpfloat (mc_column_get_value (mc_dataset_lookup_column (copy, "revenue"), 0), ==, 9.2);
  g_assert_cmpstr (mc_dataset_lookup_chart (copy, "bars")->title, ==, "Revenue");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edit_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/mc/edits/undo-law/%s", edit_cases[i].name);

      g_test_add_data_func (path, &edit_cases[i], test_edits_undo_law);
    }
  g_test_add_func ("/mc/edits/undo-all", test_edits_undo_all);
  g_test_add_func ("/mc/edits/refused", test_edits_refused);
  g_test_add_func ("/mc/edits/written-decimals", test_edits_written_decimals);
  g_test_add_func ("/mc/edits/last-column", test_edits_last_column);
  g_test_add_func ("/mc/edits/moves", test_edits_moves);
  g_test_add_func ("/mc/edits/date-precision", test_edits_date_precision);
  g_test_add_func ("/mc/edits/typing-merges", test_edits_typing_merges);
  g_test_add_func ("/mc/edits/check", test_edits_check);
  g_test_add_func ("/mc/edits/restore-unsaved", test_edits_restore_unsaved);
  g_test_add_func ("/mc/edits/copy", test_edits_copy);

  return g_test_run ();
}
