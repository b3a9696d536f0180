/* test-window-readers.c: the window with the files people have: the
 * sheets of workbooks, reading options, tables pasted from web pages,
 * the warnings of a reading and the data written out again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "mc-loader.h"
#include "mc-reading-options.h"
#include "mc-sheet-chooser.h"
#include "mc-test-files.h"
#include "mc-test-gui.h"
#include "mc-warning-banner.h"
#include "mc-window-private.h"

static McWindow *
open_window_with (const char *path)
{
  McWindow *window = create_window ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  mc_window_open_file (window, file);
  return window;
}

static gboolean
selected_title_is (McWindow   *window,
                   const char *title)
{
  McDataset *dataset = mc_window_get_selected_dataset (window);

  return dataset != NULL && g_strcmp0 (mc_dataset_get_title (dataset), title) == 0;
}

static char *
write_temp_file (const char *dir,
                 const char *name,
                 const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* Sheets */

/* A workbook of several sheets asks which, and opens the one chosen;
 * nothing opens before. */
static void
test_sheet_chooser (void)
{
  g_autofree char *path = data_path ("workbooks", "market-book.ods");
  McWindow *window = open_window_with (path);
  guint n = count_datasets (window);
  McSheetChooser *chooser;
  McDataset *dataset;

  WAIT_FOR (find_toplevel (MC_TYPE_SHEET_CHOOSER) != NULL);
  chooser = MC_SHEET_CHOOSER (find_toplevel (MC_TYPE_SHEET_CHOOSER));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (chooser));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (chooser), "Targets"));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (chooser), "market-book.ods"));
  g_assert_cmpuint (count_datasets (window), ==, n);

  mc_sheet_chooser_choose (chooser, 1);
  WAIT_FOR (count_datasets (window) == n + 1);
  dataset = mc_window_get_selected_dataset (window);
  g_assert_cmpuint (mc_dataset_get_n_columns (dataset), ==, 3);
  g_assert_cmpstr (mc_column_get_label (mc_dataset_get_column (dataset, 1)), ==, "Open");
  g_assert_null (find_toplevel (MC_TYPE_SHEET_CHOOSER));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Reading options */

/* A CSV file read with the wrong separator is read again with the one
 * the user gives, from the menu. */
static void
test_reading_options (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-window-readers");
  g_autofree char *path = write_temp_file (dir, "rates.csv", "region;rate,low\n"
                                                             "north;1,5\nsouth;2,5\n");
  McWindow *window = open_window_with (path);
  g_autoptr(McLoadOptions) options = mc_load_options_new ();
  McReadingOptions *dialog;
  McDataset *dataset;

  WAIT_FOR (selected_title_is (window, "Rates"));
  g_assert_cmpuint (mc_dataset_get_n_columns (mc_window_get_selected_dataset (window)), ==, 2);
  g_assert_cmpstr (mc_column_get_label (mc_dataset_get_column (
    mc_window_get_selected_dataset (window), 0)), ==, "region;rate");

  activate (window, "win.reading-options", NULL);
  dialog = MC_READING_OPTIONS (find_toplevel (MC_TYPE_READING_OPTIONS));
  g_assert_nonnull (dialog);
  options->delimiter = ';';
  mc_reading_options_set_options (dialog, options);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "reading.apply", NULL));
  WAIT_FOR (mc_dataset_get_n_columns (mc_window_get_selected_dataset (window)) == 2
            && g_strcmp0 (mc_column_get_label (mc_dataset_get_column (
                 mc_window_get_selected_dataset (window), 0)), "Region") == 0);
  dataset = mc_window_get_selected_dataset (window);
  g_assert_cmpfloat (mc_column_get_value (mc_dataset_get_column (dataset, 1), 1), ==, 2.5);

  gtk_window_destroy (GTK_WINDOW (window));
  mc_test_remove_dir (dir);
}

/* A file that does not open says why, and offers the reading options:
 * the records at the path given there open. */
static void
test_open_failed (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-window-readers");
  g_autofree char *path = write_temp_file (dir, "api.json", "{\"draft\": [{\"day\": "
                                                            "\"2024-01-02\", \"close\": 72.5}, "
                                                            "\"pending\"], \"final\": "
                                                            "[{\"day\": \"2024-01-02\", "
                                                            "\"close\": 72.5}, {\"day\": "
                                                            "\"2024-01-03\", \"close\": "
                                                            "70.9}]}");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  McWindow *window = open_window_with (path);
  guint n = count_datasets (window);
  g_autoptr(McLoadOptions) options = mc_load_options_new ();
  McReadingOptions *dialog;

  WAIT_FOR (find_label_containing (GTK_WIDGET (window), "record 2 must be an "
                                                        "object") != NULL);
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "Could Not Open"));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "Reading Options…"));
  g_assert_cmpuint (count_datasets (window), ==, n);

  activate (window, "win.reading-options-file", "s", uri);
  dialog = MC_READING_OPTIONS (find_toplevel (MC_TYPE_READING_OPTIONS));
  g_assert_nonnull (dialog);
  g_assert_true (g_file_equal (mc_reading_options_get_file (dialog), file));
  mc_load_options_set_records (options, "final");
  mc_reading_options_set_options (dialog, options);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "reading.apply", NULL));
  WAIT_FOR (count_datasets (window) == n + 1);
  g_assert_cmpuint (mc_dataset_get_n_rows (mc_window_get_selected_dataset (window)), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  mc_test_remove_dir (dir);
}

/* Every new kind of file opens in the window (as a drop of it does). */
static void
test_open_kinds (void)
{
  static const struct
  {
    const char *folder;
    const char *name;
    const char *title;
  } files[] = {
    { "good", "market-share.html", "Cloud infrastructure market share, 2024" },
    { "workbooks", "market-book.html", "Alibaba Cloud revenue" },
  };
  g_autofree char *dir = mc_test_make_temp_dir ("mc-window-readers");
  g_autofree char *records = write_temp_file (dir, "records.json", "[{\"year\": 2023, "
                                                                   "\"v\": 1}, {\"year\": "
                                                                   "2024, \"v\": 2}]");
  g_autofree char *lines = write_temp_file (dir, "lines.jsonl", "{\"year\": 2023, \"v\": 1}\n"
                                                                "{\"year\": 2024, \"v\": 2}\n");
  McWindow *window = create_window ();
  const char *paths[] = { records, lines };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);

      mc_window_open_file (window, file);
      WAIT_FOR (selected_title_is (window, i == 0 ? "Records" : "Lines"));
      g_assert_nonnull (mc_window_get_chart (window));
    }
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = data_path (files[i].folder, files[i].name);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      mc_window_open_file (window, file);
      WAIT_FOR (selected_title_is (window, files[i].title));
      g_assert_nonnull (mc_window_get_chart (window));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  mc_test_remove_dir (dir);
}

/* Pasting */

/* A table copied from a web page arrives as HTML and keeps its header
 * rows; the text beside it is not read. */
static void
test_paste_html (void)
{
  static const char html[] =
    "<meta charset=\"utf-8\"><table><thead><tr><th rowspan=\"2\">Provider</th>"
    "<th colspan=\"2\">Share</th></tr><tr><th>Q1</th><th>Q4</th></tr></thead>"
    "<tr><td>AWS</td><td>31 %</td><td>30 %</td></tr>"
    "<tr><td>Azure</td><td>25 %</td><td>21 %</td></tr></table>";
  McWindow *window = create_window ();
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, strlen (html));
  GdkContentProvider *providers[2] = {
    gdk_content_provider_new_for_bytes ("text/html", bytes),
    gdk_content_provider_new_typed (G_TYPE_STRING, "not\ta\ntable\n"),
  };
  g_autoptr(GdkContentProvider) content = gdk_content_provider_new_union (providers, 2);
  guint n = count_datasets (window);
  McDataset *dataset;

  gdk_clipboard_set_content (clipboard, content);
  activate (window, "win.paste", NULL);
  WAIT_FOR (count_datasets (window) == n + 1);
  dataset = mc_window_get_selected_dataset (window);
  g_assert_cmpuint (mc_dataset_get_n_columns (dataset), ==, 3);
  g_assert_cmpstr (mc_column_get_label (mc_dataset_get_column (dataset, 2)), ==, "Share Q4");
  g_assert_cmpstr (mc_column_get_unit (mc_dataset_get_column (dataset, 2)), ==, "percent");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Warnings */

/* A column read as text is named over the chart, with the value that
 * made it text; the button shows the table, and a dataset without
 * warnings has no banner. */
static void
test_banner (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-window-readers");
  g_autofree char *path = write_temp_file (dir, "sales.csv", "year,revenue,customers\n"
                                                             "2022,$11.8 bn,170\n"
                                                             "2023,$13.3 bn,about 180\n"
                                                             "2024,$15.4 bn,190\n");
  McWindow *window = open_window_with (path);
  McWarningBanner *banner;
  AdwViewStack *stack;

  WAIT_FOR (selected_title_is (window, "Sales"));
  banner = MC_WARNING_BANNER (find_widget (GTK_WIDGET (window), MC_TYPE_WARNING_BANNER));
  g_assert_true (mc_warning_banner_get_shown (banner));
  g_assert_nonnull (strstr (mc_warning_banner_get_text (banner),
                            "column “customers” is read as text: “about 180”"));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (banner), "win.show-view",
                                                     g_variant_new_string ("table")));
  stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "table");

  mc_window_select_dataset (window, 0);
  g_assert_false (mc_warning_banner_get_shown (banner));
  gtk_window_destroy (GTK_WINDOW (window));
  mc_test_remove_dir (dir);
}

/* Export data */

static void
select_dataset_by_id (McWindow   *window,
                      const char *id)
{
  for (guint i = 0; i < count_datasets (window); i++)
    if (g_strcmp0 (mc_dataset_get_id (get_dataset (window, i)), id) == 0)
      {
        mc_window_select_dataset (window, i);
        return;
      }
  g_error ("No dataset “%s”", id);
}

/* The selected dataset is written as CSV or as a dataset file, which
 * read back as the same data; estimates, which CSV cannot hold, and a
 * folder that is not there are said in a toast. */
static void
test_export_data (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("mc-window-readers");
  g_autofree char *csv_path = g_build_filename (dir, "prices.csv", NULL);
  g_autofree char *json_path = g_build_filename (dir, "revenue.json", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "missing", "prices.csv", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(McDataset) from_csv = NULL;
  g_autoptr(McDataset) from_json = NULL;
  g_autoptr(GError) error = NULL;
  McWindow *window = create_window ();
  McDataset *shown;

  select_dataset_by_id (window, "alibaba-share-price");
  shown = mc_window_get_selected_dataset (window);
  g_assert_true (mc_window_export_data (window, csv));
  from_csv = mc_loader_load_file (csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_dataset_get_n_rows (from_csv), ==, mc_dataset_get_n_rows (shown));
  g_assert_cmpuint (mc_dataset_get_n_columns (from_csv), ==, mc_dataset_get_n_columns (shown));
  g_assert_false (mc_window_export_data (window, bad));
  WAIT_FOR (find_label_containing (GTK_WIDGET (window), "missing") != NULL);

  select_dataset_by_id (window, "alibaba-cloud-revenue");
  shown = mc_window_get_selected_dataset (window);
  g_assert_true (mc_window_export_data (window, json));
  from_json = mc_loader_load_file (json, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_dataset_get_title (from_json), ==, mc_dataset_get_title (shown));
  g_assert_cmpuint (mc_dataset_get_n_charts (from_json), ==, mc_dataset_get_n_charts (shown));
  g_assert_false (mc_window_export_data (window, csv));
  WAIT_FOR (find_label_containing (GTK_WIDGET (window), "estimates or notes")
                    != NULL);
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window),
                                           "Could Not Export the Data"));
  gtk_window_destroy (GTK_WINDOW (window));
  mc_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!init_gui_test (&argc, &argv))
    return 77;

  g_test_add_func ("/mc/window-readers/sheet-chooser", test_sheet_chooser);
  g_test_add_func ("/mc/window-readers/reading-options", test_reading_options);
  g_test_add_func ("/mc/window-readers/open-failed", test_open_failed);
  g_test_add_func ("/mc/window-readers/open-kinds", test_open_kinds);
  g_test_add_func ("/mc/window-readers/paste-html", test_paste_html);
  g_test_add_func ("/mc/window-readers/banner", test_banner);
  g_test_add_func ("/mc/window-readers/export-data", test_export_data);

  return g_test_run ();
}
