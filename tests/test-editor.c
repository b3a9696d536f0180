/* test-editor.c: making and changing charts in the window, with the real
 * widgets: the chart editor, the editable table, undo and redo, saving,
 * unsaved changes, drafts kept after the program is killed, the
 * dashboard and Export All
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>

#include "mc-application.h"
#include "mc-chart-editor.h"
#include "mc-dashboard.h"
#include "mc-loader.h"
#include "mc-table-view.h"
#include "mc-test-files.h"
#include "mc-test-gui.h"

static char *state_folder;

/* Helpers */

/* Applies @edit, which it takes, to @document. */
static void
apply_edit (McDocument *document,
            McEdit     *edit)
{
  g_autoptr(McEdit) owned = edit;

  g_assert_true (mc_document_apply (document, owned, NULL));
}

static McDocument *
shown_document (McWindow *window)
{
  McDocument *document = mc_window_get_selected_document (window);

  g_assert_nonnull (document);
  return document;
}

static McChartEditor *
show_editor (McWindow *window)
{
  GtkWidget *editor = find_widget (GTK_WIDGET (window), MC_TYPE_CHART_EDITOR);

  g_assert_nonnull (editor);
  activate (window, "win.show-editor", NULL);
  g_assert_true (gtk_widget_get_visible (editor));
  return MC_CHART_EDITOR (editor);
}

/* The rows of a chart's kind are made in an idle after a change. */
static GtkWidget *
editor_row (McChartEditor *editor,
            const char    *key)
{
  WAIT_FOR (mc_chart_editor_get_row (editor, key) != NULL);
  return mc_chart_editor_get_row (editor, key);
}

static const McChartSpec *
shown_spec (McWindow *window)
{
  return mc_chart_model_get_spec (mc_window_get_chart (window));
}

/* The label of the Undo item of the main menu. */
static char *
undo_label (McWindow *window)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (window),
                                                        GTK_TYPE_MENU_BUTTON));
  GMenuModel *menu = gtk_menu_button_get_menu_model (button);
  g_autoptr(GMenuModel) history = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  char *label = NULL;

  g_assert_true (g_menu_model_get_item_attribute (history, 0, G_MENU_ATTRIBUTE_LABEL, "s",
                                                  &label));
  return label;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A button of the banner that asks something now. */
static GtkWidget *
find_banner_button (GtkWidget  *root,
                    const char *label)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (GTK_IS_INFO_BAR (root))
    return gtk_info_bar_get_revealed (GTK_INFO_BAR (root)) ? find_button (root, label) : NULL;
  G_GNUC_END_IGNORE_DEPRECATIONS
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_banner_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A copy of a good test file in a folder of its own. */
static GFile *
copy_test_file (const char *dir,
                const char *name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, length, NULL));
  return g_file_new_for_path (target);
}

static McDocument *
open_file (McWindow *window,
           GFile    *file)
{
  GListModel *documents = mc_window_get_documents (window);
  guint n = g_list_model_get_n_items (documents);

  mc_window_open_file (window, file);
  WAIT_FOR (g_list_model_get_n_items (documents) == n + 1
            && mc_window_get_selected_document (window) != NULL
            && mc_document_get_file (mc_window_get_selected_document (window)) != NULL
            && g_file_equal (mc_document_get_file (mc_window_get_selected_document (window)),
                             file));
  return shown_document (window);
}

/* The index of @value in a row of columns or choices, or -1. */
static int
choice_index (GtkWidget  *row,
              const char *value)
{
  GPtrArray *values = row != NULL ? g_object_get_data (G_OBJECT (row), "mc-values") : NULL;

  for (guint i = 0; values != NULL && i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
      return i;
  return -1;
}

/* The label of choice @i in the row of @key. */
static const char *
row_label (McChartEditor *editor,
           const char    *key,
           guint          i)
{
  GListModel *labels = adw_combo_row_get_model (ADW_COMBO_ROW (editor_row (editor, key)));

  return gtk_string_list_get_string (GTK_STRING_LIST (labels), i);
}

/* Chooses @value in the row of @key, once the rows of the chart shown
 * offer it. */
static void
choose (McChartEditor *editor,
        const char    *key,
        const char    *value)
{
  WAIT_FOR (choice_index (mc_chart_editor_get_row (editor, key), value) >= 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (mc_chart_editor_get_row (editor, key)),
                              choice_index (mc_chart_editor_get_row (editor, key), value));
}

/* The check of @value in a row of texts, names or columns. */
static GtkCheckButton *
find_check (GtkWidget  *row,
            const char *value)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (row), "mc-checks");

  for (guint i = 0; i < checks->len; i++)
    if (g_str_equal (g_object_get_data (g_ptr_array_index (checks, i), "mc-value"), value))
      return g_ptr_array_index (checks, i);
  return NULL;
}

static McDocument *
open_forms_file (McWindow   *window,
                 const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "forms", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return open_file (window, file);
}

/* The chart editor */

/* A new title in the editor: the chart is drawn with it, screen readers
 * are told, the window says there are unsaved changes, and the Undo
 * item says what it undoes. Typing it is one step. */
static void
test_editor_title (void)
{
  static const char * const typed[] = { "C", "Cl", "Cloud spending grows" };
  McWindow *window = create_window ();
  McChartEditor *editor = show_editor (window);
  GtkWidget *title = editor_row (editor, "title");
  McChartView *view = get_chart_view (window);
  const char *old_title = g_strdup (shown_spec (window)->title);
  g_autofree char *label = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    gtk_editable_set_text (GTK_EDITABLE (title), typed[i]);
  g_assert_cmpstr (shown_spec (window)->title, ==, "Cloud spending grows");
  g_assert_cmpstr (mc_chart_model_get_title (mc_chart_view_get_chart (view)), ==,
                   "Cloud spending grows");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Cloud spending grows");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  label = undo_label (window);
  g_assert_cmpstr (label, ==, "_Undo Title Change");

  activate (window, "win.undo", NULL);
  g_assert_cmpstr (shown_spec (window)->title, ==, old_title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, old_title);
  g_assert_false (mc_document_get_dirty (shown_document (window)));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  activate (window, "win.redo", NULL);
  g_assert_cmpstr (shown_spec (window)->title, ==, "Cloud spending grows");
  g_free ((char *) old_title);
  destroy_window (window);
}

/* The type: the chart changes kind at once, as one step of the history;
 * its options are made to fit the new kind. */
static void
test_editor_type (void)
{
  McWindow *window = create_window ();
  McChartEditor *editor = show_editor (window);
  AdwComboRow *type = ADW_COMBO_ROW (editor_row (editor, "type"));
  McDocument *document = shown_document (window);

  g_assert_cmpstr (shown_spec (window)->type, ==, "bar");
  adw_combo_row_set_selected (type, 1);
  g_assert_cmpstr (shown_spec (window)->type, ==, "line");
  g_assert_cmpstr (mc_document_get_undo_label (document), ==, "Chart Type Change");
  /* The rows are those of a line chart now. */
  editor_row (editor, "y2");
  g_assert_null (mc_chart_editor_get_row (editor, "horizontal"));
  adw_combo_row_set_selected (type, 3);
  g_assert_cmpstr (shown_spec (window)->type, ==, "pie");
  activate (window, "win.undo", NULL);
  activate (window, "win.undo", NULL);
  g_assert_cmpstr (shown_spec (window)->type, ==, "bar");
  g_assert_cmpuint (adw_combo_row_get_selected (type), ==, 0);
  destroy_window (window);
}

/* A bar chart's axis keeps zero: the pane says why, nothing changes. */
static void
test_editor_refused (void)
{
  McWindow *window = create_window ();
  McChartEditor *editor = show_editor (window);
  GtkWidget *min = editor_row (editor, "min");

  gtk_editable_set_text (GTK_EDITABLE (min), "20");
  g_signal_emit_by_name (min, "apply");
  g_assert_nonnull (mc_chart_editor_get_error (editor));
  g_assert_nonnull (strstr (mc_chart_editor_get_error (editor), "measures from zero"));
  g_assert_false (mc_chart_spec_has_option (shown_spec (window), "min"));
  g_assert_false (mc_document_get_dirty (shown_document (window)));
  WAIT_FOR (find_label_containing (GTK_WIDGET (editor), "measures from zero") != NULL);

  /* A maximum is fine, and the error goes. */
  gtk_editable_set_text (GTK_EDITABLE (min), "");
  gtk_editable_set_text (GTK_EDITABLE (editor_row (editor, "max")), "100");
  g_signal_emit_by_name (editor_row (editor, "max"), "apply");
  g_assert_null (mc_chart_editor_get_error (editor));
  g_assert_cmpfloat (mc_chart_spec_get_number (shown_spec (window), "max"), ==, 100);
  destroy_window (window);
}

/* Switches, choices, and the highlight of one category. */
static void
test_editor_options (void)
{
  McWindow *window = create_window ();
  McChartEditor *editor = show_editor (window);
  GtkWidget *labels = editor_row (editor, "value_labels");
  GtkWidget *highlight = editor_row (editor, "highlight");
  GtkSwitch *toggle = g_object_get_data (G_OBJECT (labels), "mc-switch");
  GPtrArray *checks = g_object_get_data (G_OBJECT (highlight), "mc-checks");
  guint color;

  g_assert_true (gtk_switch_get_active (toggle));
  gtk_switch_set_active (toggle, FALSE);
  g_assert_false (mc_chart_spec_get_flag (shown_spec (window), &mc_chart_option_value_labels));

  /* Alibaba highlighted: the others grey. */
  for (guint i = 0; i < checks->len; i++)
    if (g_str_equal (g_object_get_data (g_ptr_array_index (checks, i), "mc-value"), "Alibaba"))
      gtk_check_button_set_active (g_ptr_array_index (checks, i), TRUE);
  g_assert_true (mc_chart_model_get_name_color (mc_window_get_chart (window), "Tencent Cloud",
                                                &color));
  g_assert_cmpuint (color, ==, MC_THEME_NEUTRAL);
  g_assert_true (mc_chart_model_get_name_color (mc_window_get_chart (window), "Alibaba", &color));
  g_assert_cmpuint (color, !=, MC_THEME_NEUTRAL);
  destroy_window (window);
}

/* "+" makes a chart the data suits and shows it; duplicate, move and
 * delete. */
static void
test_editor_charts (void)
{
  McWindow *window = create_window ();
  McChartEditor *editor = show_editor (window);
  McDataset *dataset = mc_window_get_selected_dataset (window);
  guint n = mc_dataset_get_n_charts (dataset);
  g_autofree char *copy_id = NULL;

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.new-chart", NULL);
  g_assert_cmpuint (mc_dataset_get_n_charts (dataset), ==, n + 1);
  g_assert_cmpstr (shown_spec (window)->id, ==, mc_dataset_get_chart (dataset, 1)->id);
  g_assert_cmpstr (shown_spec (window)->type, ==, "bar");

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.duplicate-chart", NULL);
  copy_id = g_strdup (shown_spec (window)->id);
  g_assert_true (g_str_has_suffix (copy_id, "-copy"));
  g_assert_true (g_str_has_suffix (shown_spec (window)->title, "(copy)"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.move-chart", "i", -1);
  g_assert_cmpstr (mc_dataset_get_chart (dataset, 1)->id, ==, copy_id);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-chart", NULL);
  g_assert_null (mc_dataset_lookup_chart (dataset, copy_id));
  g_assert_cmpuint (mc_dataset_get_n_charts (dataset), ==, n + 1);
  while (mc_document_can_undo (shown_document (window)))
    activate (window, "win.undo", NULL);
  g_assert_cmpuint (mc_dataset_get_n_charts (dataset), ==, n);
  destroy_window (window);
}

/* On a narrow window the editor goes under the chart. */
static void
test_editor_narrow (void)
{
  g_autoptr(GSettings) settings = NULL;
  McWindow *window;
  GtkWidget *paned;

  reset_settings ();
  settings = mc_application_create_settings ();
  g_settings_set_int (settings, "window-width", 700);
  window = present_window ();
  show_editor (window);
  paned = gtk_widget_get_parent (find_widget (GTK_WIDGET (window), MC_TYPE_CHART_EDITOR));
  WAIT_FOR (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)) == GTK_ORIENTATION_VERTICAL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  WAIT_FOR (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)) == GTK_ORIENTATION_HORIZONTAL);
  destroy_window (window);
}

/* The table */

static GtkWidget *
find_cell (GtkWidget  *root,
           guint       row,
           const char *column_id)
{
  const char *id = g_object_get_data (G_OBJECT (root), "mc-column-id");

  if (id != NULL && gtk_widget_get_mapped (root) && g_str_equal (id, column_id)
      && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (root), "mc-row")) == row)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, row, column_id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
show_table (McWindow *window)
{
  GtkWidget *table = find_widget (GTK_WIDGET (window), MC_TYPE_TABLE_VIEW);

  activate (window, "win.show-view", "s", "table");
  gtk_test_widget_wait_for_draw (table);
  return table;
}

/* Types in the cell's popover and presses Enter; returns the popover's
 * entry. */
static GtkWidget *
type_in_cell (GtkWidget  *table,
              GtkWidget  *cell,
              guint       row,
              const char *column_id,
              const char *text)
{
  GtkWidget *popover;
  GtkWidget *entry;

  gtk_widget_grab_focus (cell);
  gtk_widget_activate_action (table, "table.edit-cell", "(us)", row, column_id);
  popover = find_widget (cell, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  entry = find_widget (popover, GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  return entry;
}

/* A cell typed as the locale writes numbers; a value that is not one
 * stays in its popover with the reason, and is not committed. The chart
 * is drawn again once. */
static void
test_editor_table_cell (void)
{
  McWindow *window = create_window ();
  GtkWidget *table = show_table (window);
  McDataset *dataset = mc_window_get_selected_dataset (window);
  McColumn *investment = mc_dataset_lookup_column (dataset, "investment");
  McChartView *view = get_chart_view (window);
  McChartModel *before = mc_chart_view_get_chart (view);
  GtkWidget *cell = find_cell (table, 0, "investment");
  double original = mc_column_get_value (investment, 0);
  GtkWidget *entry;

  g_assert_nonnull (cell);
  entry = type_in_cell (table, cell, 0, "investment", "seventy");
  g_assert_cmpfloat (mc_column_get_value (investment, 0), ==, original);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (find_label_containing (gtk_widget_get_parent (entry),
                                           "expects a number, found “seventy”"));
  g_assert_false (mc_document_get_dirty (shown_document (window)));

  gtk_editable_set_text (GTK_EDITABLE (entry), "75.5");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpfloat (mc_column_get_value (investment, 0), ==, 75.5);
  g_assert_true (mc_chart_view_get_chart (view) != before);
  g_assert_cmpstr (mc_document_get_undo_label (shown_document (window)), ==, "Edit Cell");
  WAIT_FOR (find_cell (table, 0, "investment") != NULL
            && find_label (find_cell (table, 0, "investment"), "75.5") != NULL);

  activate (window, "win.undo", NULL);
  g_assert_cmpfloat (mc_column_get_value (investment, 0), ==, original);
  destroy_window (window);
}

static void
on_table_error_cb (McTableView *table,
                   const char  *heading,
                   const char  *message,
                   GPtrArray   *messages)
{
  g_ptr_array_add (messages, g_strdup (message));
}

/* Rows and columns from the table's actions; a column that a chart plots
 * cannot be deleted, and the window says why. */
static void
test_editor_table_rows_and_columns (void)
{
  McWindow *window = create_window ();
  GtkWidget *table = show_table (window);
  McDataset *dataset = mc_window_get_selected_dataset (window);
  guint n_rows = mc_dataset_get_n_rows (dataset);
  guint n_columns = mc_dataset_get_n_columns (dataset);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (table, "error", G_CALLBACK (on_table_error_cb), errors);
  gtk_widget_activate_action (table, "table.add-row", NULL);
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, n_rows + 1);
  gtk_widget_activate_action (table, "table.delete-row", "u", n_rows);
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, n_rows);
  gtk_widget_activate_action (table, "table.toggle-estimate", "(us)", 1, "investment");
  g_assert_true (mc_column_is_estimate (mc_dataset_lookup_column (dataset, "investment"), 1));

  gtk_widget_activate_action (table, "table.delete-column", "s", "investment");
  g_assert_cmpuint (mc_dataset_get_n_columns (dataset), ==, n_columns);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (errors, 0), "could no longer be drawn"));
  WAIT_FOR (find_label_containing (GTK_WIDGET (window), "could no longer be drawn") != NULL);

  gtk_widget_activate_action (table, "table.set-column-type", "(ss)", "company", "number");
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 1),
                                   "Row 1: column “company” expects a number"));
  gtk_widget_activate_action (table, "table.set-column-scale", "(ss)", "investment", "million");
  g_assert_cmpint (mc_column_get_scale (mc_dataset_lookup_column (dataset, "investment")), ==,
                   MC_SCALE_MILLION);
  destroy_window (window);
}

/* Saving */

/* An opened CSV file, shaped into a chart and a changed value, saved as
 * a dataset file, opened again: the same chart and the same value. */
static void
test_editor_save_and_reopen (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-editor");
  g_autofree char *saved_path = g_build_filename (dir, "years.json", NULL);
  g_autoptr(GFile) csv = copy_test_file (dir, "years.csv");
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(McDataset) before_save = NULL;
  g_autoptr(GError) error = NULL;
  McWindow *window = create_window ();
  McChartEditor *editor = show_editor (window);
  McDocument *document = open_file (window, csv);
  McDataset *reopened;

  gtk_editable_set_text (GTK_EDITABLE (editor_row (editor, "title")), "Years in review");
  gtk_editable_set_text (GTK_EDITABLE (editor_row (editor, "footnote")), "Rounded.");
  apply_edit (document, mc_edit_new_set_value (0, "revenue", 99.5));
  g_assert_true (mc_document_get_dirty (document));

  g_assert_true (mc_window_save_document (window, document, saved, &error));
  g_assert_no_error (error);
  g_assert_false (mc_document_get_dirty (document));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  before_save = mc_dataset_copy (mc_document_get_dataset (document));
  destroy_window (window);

  window = create_window ();
  open_file (window, saved);
  reopened = mc_window_get_selected_dataset (window);
  g_assert_true (mc_dataset_equal (before_save, reopened));
  g_assert_cmpstr (shown_spec (window)->title, ==, "Years in review");
  g_assert_cmpstr (mc_chart_spec_get_string (shown_spec (window), "footnote"), ==, "Rounded.");
  g_assert_cmpfloat (mc_column_get_value (mc_dataset_lookup_column (reopened, "revenue"), 0), ==,
                     99.5);
  destroy_window (window);
  mc_test_remove_dir (dir);
}

/* Closing a dataset with unsaved changes asks; Cancel keeps it. */
static void
test_editor_close_asks (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-editor");
  g_autoptr(GFile) csv = copy_test_file (dir, "years.csv");
  McWindow *window = create_window ();
  McDocument *document = open_file (window, csv);
  GListModel *documents = mc_window_get_documents (window);
  guint n = g_list_model_get_n_items (documents);
  AdwMessageDialog *dialog;

  apply_edit (document, mc_edit_new_set_value (0, "revenue", 1));
  activate (window, "win.close-dataset", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  adw_message_dialog_response (dialog, "cancel");
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n);

  activate (window, "win.close-dataset", NULL);
  adw_message_dialog_response (find_dialog (), "discard");
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n - 1);

  /* Closing the window asks too. */
  apply_edit (mc_window_get_selected_document (window),
              mc_edit_new_set_dataset_text (MC_DATASET_TEXT_TITLE, "x"));
  gtk_window_close (GTK_WINDOW (window));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  destroy_window (window);
  mc_test_remove_dir (dir);
}

static void
replace_file (GFile      *file,
              const char *contents)
{
  g_assert_true (g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
}

/* A file with unsaved edits changes on disk: a banner asks, and keeping
 * the edits keeps them; reloading takes the file. */
static void
test_editor_changed_on_disk (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-editor");
  g_autoptr(GFile) csv = copy_test_file (dir, "years.csv");
  McWindow *window = create_window ();
  McDocument *document = open_file (window, csv);
  McColumn *revenue;

  apply_edit (document, mc_edit_new_set_value (0, "revenue", 1));
  replace_file (csv, "year,revenue\n2020,5\n2021,6\n");
  WAIT_FOR (find_banner_button (GTK_WIDGET (window), "_Keep Mine") != NULL);
  WAIT_FOR (find_label_containing (GTK_WIDGET (window), "“years.csv” changed on disk") != NULL);
  g_signal_emit_by_name (find_banner_button (GTK_WIDGET (window), "_Keep Mine"), "clicked");
  g_assert_null (find_banner_button (GTK_WIDGET (window), "_Keep Mine"));
  revenue = mc_dataset_lookup_column (mc_document_get_dataset (document), "revenue");
  g_assert_cmpfloat (mc_column_get_value (revenue, 0), ==, 1);
  g_assert_true (mc_document_get_dirty (document));

  replace_file (csv, "year,revenue\n2020,7\n2021,8\n");
  WAIT_FOR (find_banner_button (GTK_WIDGET (window), "_Reload") != NULL);
  g_signal_emit_by_name (find_banner_button (GTK_WIDGET (window), "_Reload"), "clicked");
  WAIT_FOR (!mc_document_get_dirty (document));
  revenue = mc_dataset_lookup_column (mc_document_get_dataset (document), "revenue");
  g_assert_cmpfloat (mc_column_get_value (revenue, 0), ==, 7);
  destroy_window (window);
  mc_test_remove_dir (dir);
}

/* Drafts: the program is killed while a title is edited; the next start
 * offers the edit back. The child is this program, run for the path
 * /mc/editor/draft-child. */

static void
test_editor_draft_child (void)
{
  McWindow *window;
  McChartEditor *editor;
  g_autofree char *draft = NULL;

  if (g_getenv ("MC_TEST_DRAFT_CHILD") == NULL)
    {
      g_test_skip ("run by /mc/editor/draft-after-kill");
      return;
    }
  window = create_window ();
  editor = show_editor (window);
  gtk_editable_set_text (GTK_EDITABLE (editor_row (editor, "title")), "Unsaved headline");
  draft = g_build_filename (g_get_user_state_dir (), "market-charts", "drafts",
                            "bundled-cloud-investment.draft", NULL);
  WAIT_FOR (g_file_test (draft, G_FILE_TEST_EXISTS));
  g_print ("ready\n");
  fflush (stdout);
  /* Until killed. */
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_editor_draft_after_kill (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "test-editor", NULL);
  McWindow *window;
  McDataset *dataset;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "MC_TEST_DRAFT_CHILD", "1", TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, program, "-p", "/mc/editor/draft-child",
                                       NULL);
  g_assert_no_error (error);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  do
    {
      g_free (line);
      line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
    }
  while (line != NULL && !g_str_equal (line, "ready"));
  g_assert_cmpstr (line, ==, "ready");

  /* kill -9: no chance to save or clean up. */
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));

  window = create_window ();
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window),
                                           "Unsaved changes to “Cloud and AI investment "
                                           "commitments” were kept"));
  g_signal_emit_by_name (find_banner_button (GTK_WIDGET (window), "_Restore"), "clicked");
  dataset = mc_window_get_selected_dataset (window);
  g_assert_cmpstr (mc_dataset_get_id (dataset), ==, "cloud-investment");
  g_assert_cmpstr (shown_spec (window)->title, ==, "Unsaved headline");
  g_assert_true (mc_document_get_dirty (shown_document (window)));
  /* Discarded now, it is gone for good. */
  mc_document_mark_saved (shown_document (window));
  destroy_window (window);
  window = create_window ();
  g_assert_null (find_label_containing (GTK_WIDGET (window), "were kept"));
  destroy_window (window);
}

/* The dashboard and Export All */

/* Cards side by side on the first line. */
/* The rows a chart draws, chosen by the values of a column: choosing the
 * column starts with its first value, as a filter needs one; the values
 * are those of the column, written as a dataset file writes them. */
static void
test_editor_filter (void)
{
  McWindow *window = create_window ();
  McChartEditor *editor = show_editor (window);
  McDocument *document = open_forms_file (window, "population.json");
  GtkWidget *filter_values;
  const char **values;

  g_assert_cmpstr (shown_spec (window)->id, ==, "by-sex");
  /* Without a filter the chart goes without; without an x, it chooses. */
  g_assert_cmpstr (row_label (editor, "filter", 0), ==, "None");
  g_assert_cmpstr (row_label (editor, "x", 0), ==, "Automatic");
  choose (editor, "filter", "sex");
  choose (editor, "filter", NULL);
  filter_values = editor_row (editor, "filter_values");
  g_assert_false (gtk_widget_get_sensitive (filter_values));
  choose (editor, "filter", "age");
  g_assert_cmpstr (mc_chart_spec_get_string (shown_spec (window), "filter"), ==, "age");
  values = mc_chart_spec_get_strv (shown_spec (window), "filter_values");
  g_assert_cmpstr (values[0], ==, "0–3");
  g_assert_null (values[1]);
  g_free (values);
  g_assert_cmpstr (mc_document_get_undo_label (document), ==, "Filter Column Change");

  /* The list of values is made anew for the column. */
  WAIT_FOR (mc_chart_editor_get_row (editor, "filter_values") != NULL
            && find_check (mc_chart_editor_get_row (editor, "filter_values"), "96–99") != NULL);
  filter_values = mc_chart_editor_get_row (editor, "filter_values");
  g_assert_true (gtk_widget_get_sensitive (filter_values));
  g_assert_true (gtk_check_button_get_active (find_check (filter_values, "0–3")));
  gtk_check_button_set_active (find_check (filter_values, "96–99"), TRUE);
  g_assert_cmpuint (mc_chart_spec_get_strv_length (shown_spec (window), "filter_values"), ==, 2);
  g_assert_null (mc_chart_editor_get_error (editor));

  /* No value at all draws nothing: refused, with the reason. */
  gtk_check_button_set_active (find_check (filter_values, "0–3"), FALSE);
  gtk_check_button_set_active (find_check (filter_values, "96–99"), FALSE);
  g_assert_nonnull (mc_chart_editor_get_error (editor));
  g_assert_nonnull (strstr (mc_chart_editor_get_error (editor), "filter_values"));
  g_assert_cmpuint (mc_chart_spec_get_strv_length (shown_spec (window), "filter_values"), ==, 1);

  /* Another column: its own first value, not the old ones. */
  choose (editor, "filter", "year");
  values = mc_chart_spec_get_strv (shown_spec (window), "filter_values");
  g_assert_cmpstr (values[0], ==, "2005");
  g_assert_null (values[1]);
  g_free (values);
  /* No filter: no values either. */
  choose (editor, "filter", NULL);
  g_assert_false (mc_chart_spec_has_option (shown_spec (window), "filter"));
  g_assert_false (mc_chart_spec_has_option (shown_spec (window), "filter_values"));

  /* Where series are indexed to 100: a value of x, chosen among them. */
  choose (editor, "transform", "index");
  choose (editor, "index_at", "2010");
  g_assert_cmpstr (mc_chart_spec_get_string (shown_spec (window), "index_at"), ==, "2010");
  destroy_window (window);
}

/* The kinds of the chart forms in the chooser, each with its rows: the
 * subtotals of a waterfall are chosen among its steps. */
static void
test_editor_forms (void)
{
  McWindow *window = create_window ();
  McChartEditor *editor = show_editor (window);
  static const char * const prices[] = { "open", "high", "low", "close" };
  const char **values;
  GtkWidget *totals;

  open_forms_file (window, "revenue-bridge.json");
  g_assert_cmpstr (shown_spec (window)->type, ==, "waterfall");
  WAIT_FOR (mc_chart_editor_get_row (editor, "totals") != NULL
            && find_check (mc_chart_editor_get_row (editor, "totals"), "Subtotal") != NULL);
  totals = mc_chart_editor_get_row (editor, "totals");
  g_assert_true (gtk_check_button_get_active (find_check (totals, "Subtotal")));
  g_assert_false (gtk_check_button_get_active (find_check (totals, "Public cloud")));
  gtk_check_button_set_active (find_check (totals, "Public cloud"), TRUE);
  g_assert_cmpuint (mc_chart_spec_get_strv_length (shown_spec (window), "totals"), ==, 2);

  open_forms_file (window, "ohlc-daily.json");
  g_assert_cmpstr (shown_spec (window)->type, ==, "candlestick");
  choose (editor, "style", "ohlc");
  g_assert_cmpstr (mc_chart_spec_get_string (shown_spec (window), "style"), ==, "ohlc");
  /* A line of its closes, and back. */
  choose (editor, "type", "line");
  g_assert_cmpstr (shown_spec (window)->type, ==, "line");
  values = mc_chart_spec_get_strv (shown_spec (window), "y");
  g_assert_cmpstr (values[0], ==, "close");
  g_free (values);
  /* Candles again: each price from the column of its name. */
  choose (editor, "type", "candlestick");
  g_assert_cmpstr (shown_spec (window)->type, ==, "candlestick");
  for (guint i = 0; i < G_N_ELEMENTS (prices); i++)
    g_assert_cmpstr (mc_chart_spec_get_string (shown_spec (window), prices[i]), ==, prices[i]);
  destroy_window (window);
}

static guint
cards_per_line (GtkFlowBox *grid)
{
  GtkFlowBoxChild *first = gtk_flow_box_get_child_at_index (grid, 0);
  GtkFlowBoxChild *second = gtk_flow_box_get_child_at_index (grid, 1);
  graphene_point_t a, b;

  if (second == NULL || !gtk_widget_compute_point (GTK_WIDGET (first), GTK_WIDGET (grid),
                                                   &GRAPHENE_POINT_INIT (0, 0), &a)
      || !gtk_widget_compute_point (GTK_WIDGET (second), GTK_WIDGET (grid),
                                    &GRAPHENE_POINT_INIT (0, 0), &b))
    return 1;
  return a.y == b.y ? 2 : 1;
}

static void
test_editor_dashboard (void)
{
  McWindow *window = create_window ();
  McDashboard *dashboard = MC_DASHBOARD (find_widget (GTK_WIDGET (window), MC_TYPE_DASHBOARD));
  GtkFlowBox *grid = GTK_FLOW_BOX (find_widget (GTK_WIDGET (dashboard), GTK_TYPE_FLOW_BOX));
  McDataset *dataset = mc_window_get_selected_dataset (window);

  activate (window, "win.show-view", "s", "charts");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dashboard));
  g_assert_cmpuint (mc_dashboard_get_n_cards (dashboard), ==, mc_dataset_get_n_charts (dataset));
  WAIT_FOR (cards_per_line (grid) == 2);
  g_signal_emit_by_name (grid, "child-activated", gtk_flow_box_get_child_at_index (grid, 1));
  g_assert_cmpstr (shown_spec (window)->id, ==, mc_dataset_get_chart (dataset, 1)->id);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (get_chart_view (window))));

  /* One card a line on a narrow window. */
  activate (window, "win.show-view", "s", "charts");
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 700);
  WAIT_FOR (cards_per_line (grid) == 1);
  destroy_window (window);
}

static void
test_editor_export_all (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-editor");
  g_autofree char *report_path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "cloud-investment-market-share.svg", NULL);
  g_autoptr(GFile) report = g_file_new_for_path (report_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *data = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GSettings) settings = mc_application_create_settings ();
  McWindow *window = create_window ();

  /* In the family the export dialog chose last, as its exports are. */
  g_settings_set_string (settings, "export-font", "DejaVu Serif");
  mc_window_export_all (window, report, TRUE, MC_EXPORT_PDF);
  WAIT_FOR (find_label_containing (GTK_WIDGET (window), "Exported “report.pdf”") != NULL);
  g_assert_true (g_file_get_contents (report_path, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_true (mc_test_pdf_has_font (report_path, "DejaVuSerif"));
  g_remove (report_path);
  g_settings_reset (settings, "export-font");

  mc_window_export_all (window, folder, FALSE, MC_EXPORT_SVG);
  WAIT_FOR (g_file_test (svg_path, G_FILE_TEST_EXISTS));
  listing = mc_test_list_dir (dir);
  g_assert_cmpstr (listing, ==,
                   "cloud-investment-investment.svg cloud-investment-market-share.svg");
  destroy_window (window);
  mc_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The child keeps drafts where its parent will look: the parent's. */
  if (g_getenv ("MC_TEST_DRAFT_CHILD") == NULL)
    state_folder = isolate_state_folder ();
  if (!init_gui_test (&argc, &argv))
    {
      if (state_folder != NULL)
        mc_test_remove_dir (state_folder);
      return 77;
    }

  g_test_add_func ("/mc/editor/title", test_editor_title);
  g_test_add_func ("/mc/editor/type", test_editor_type);
  g_test_add_func ("/mc/editor/refused", test_editor_refused);
  g_test_add_func ("/mc/editor/options", test_editor_options);
  g_test_add_func ("/mc/editor/charts", test_editor_charts);
  g_test_add_func ("/mc/editor/filter", test_editor_filter);
  g_test_add_func ("/mc/editor/forms", test_editor_forms);
  g_test_add_func ("/mc/editor/narrow", test_editor_narrow);
  g_test_add_func ("/mc/editor/table-cell", test_editor_table_cell);
  g_test_add_func ("/mc/editor/table-rows-and-columns", test_editor_table_rows_and_columns);
  g_test_add_func ("/mc/editor/save-and-reopen", test_editor_save_and_reopen);
  g_test_add_func ("/mc/editor/close-asks", test_editor_close_asks);
  g_test_add_func ("/mc/editor/changed-on-disk", test_editor_changed_on_disk);
  g_test_add_func ("/mc/editor/draft-child", test_editor_draft_child);
  g_test_add_func ("/mc/editor/draft-after-kill", test_editor_draft_after_kill);
  g_test_add_func ("/mc/editor/dashboard", test_editor_dashboard);
  g_test_add_func ("/mc/editor/export-all", test_editor_export_all);

  status = g_test_run ();
  if (state_folder != NULL)
    mc_test_remove_dir (state_folder);
  return status;
}
