/* test-window.c: the main window, its sidebar and the table view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "mc-dataset-row.h"
#include "mc-table-view.h"
#include "mc-window.h"

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The label on screen whose text is @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_text (label), text) == 0)
        return GTK_WIDGET (label);
    }

  return NULL;
}

static GtkWidget *
find_label_with_prefix (GtkWidget  *root,
                        const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (g_str_has_prefix (gtk_label_get_text (label), prefix))
        return GTK_WIDGET (label);
    }

  return NULL;
}

static guint
count_labels (GtkWidget  *root,
              const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint count = 0;

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
        count++;
    }

  return count;
}

static void
assert_label (GtkWidget  *root,
              const char *text)
{
  if (find_label (root, text) == NULL)
    g_error ("No visible label “%s”", text);
}

static McWindow *
create_window (void)
{
  McWindow *window = mc_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static void
destroy_window (McWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
find_dataset (McWindow   *window,
              const char *id)
{
  GListModel *datasets = mc_window_get_datasets (window);

  for (guint i = 0; i < g_list_model_get_n_items (datasets); i++)
    {
      g_autoptr(McDataset) dataset = g_list_model_get_item (datasets, i);

      if (g_strcmp0 (mc_dataset_get_id (dataset), id) == 0)
        return i;
    }

  g_error ("No dataset “%s” in the sidebar", id);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;

      section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
show_dataset (McWindow   *window,
              const char *id)
{
  GtkWidget *table;

  mc_window_select_dataset (window, find_dataset (window, id));
  table = find_widget (GTK_WIDGET (window), MC_TYPE_TABLE_VIEW);
  g_assert_nonnull (table);
  gtk_test_widget_wait_for_draw (table);

  g_assert_cmpstr (mc_dataset_get_id (mc_window_get_selected_dataset (window)), ==, id);
  g_assert_true (mc_table_view_get_dataset (MC_TABLE_VIEW (table)) ==
                 mc_window_get_selected_dataset (window));

  return table;
}

static void
test_window_sidebar (void)
{
  static const char * const titles[] = {
    "Cloud and AI investment commitments",
    "Alibaba Cloud revenue",
    "Alibaba share price and market value",
  };
  McWindow *window = create_window ();
  GListModel *datasets = mc_window_get_datasets (window);
  GtkWidget *sidebar = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
  GtkWidget *row;

  g_assert_cmpuint (g_list_model_get_n_items (datasets), ==, 3);
  g_assert_nonnull (sidebar);
  g_assert_true (gtk_widget_has_css_class (sidebar, "navigation-sidebar"));

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(McDataset) dataset = g_list_model_get_item (datasets, i);

      g_assert_cmpstr (mc_dataset_get_title (dataset), ==, titles[i]);
      assert_label (sidebar, titles[i]);
    }

  /* Descriptions show under the titles. */
  g_assert_nonnull (find_label_with_prefix (sidebar, "Annual revenue, global rank"));

  /* Screen readers get the dataset's title as the row's name. */
  row = find_widget (sidebar, MC_TYPE_DATASET_ROW);
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       titles[0]);

  destroy_window (window);
}

static void
test_window_first_selected (void)
{
  McWindow *window = create_window ();
  g_autoptr(McDataset) first = g_list_model_get_item (mc_window_get_datasets (window), 0);
  GtkWidget *content = find_widget (GTK_WIDGET (window), MC_TYPE_TABLE_VIEW);

  g_assert_true (mc_window_get_selected_dataset (window) == first);
  g_assert_true (mc_table_view_get_dataset (MC_TABLE_VIEW (content)) == first);
  assert_label (GTK_WIDGET (window), mc_dataset_get_description (first));
  g_assert_nonnull (find_label_with_prefix (GTK_WIDGET (window), "Source: 1950.ai"));

  destroy_window (window);
}

static void
test_window_revenue_table (void)
{
  McWindow *window = create_window ();
  GtkWidget *table = show_dataset (window, "alibaba-cloud-revenue");
  GtkWidget *estimate;
  GtkWidget *mark;

  assert_label (table, "9.2");
  assert_label (table, "13.3");
  assert_label (table, "2021");

  /* The estimate is styled and marked "(Est.)" beside it, once. */
  estimate = find_label (table, "15.4");
  g_assert_nonnull (estimate);
  g_assert_true (gtk_widget_has_css_class (estimate, "estimate"));
  g_assert_true (gtk_widget_has_css_class (estimate, "numeric"));
  mark = gtk_widget_get_next_sibling (estimate);
  g_assert_true (GTK_IS_LABEL (mark));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (mark)), ==, "(Est.)");
  g_assert_true (gtk_widget_get_mapped (mark));
  g_assert_cmpuint (count_labels (table, "(Est.)"), ==, 1);
  g_assert_false (gtk_widget_has_css_class (find_label (table, "9.2"), "estimate"));

  /* Numbers are right-aligned, labels left-aligned. */
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (estimate)), ==, 1.0f);
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (find_label (table, "2021"))), ==, 0.0f);

  /* The headers carry the units; long ones break onto two lines. */
  assert_label (table, "Revenue (USD\u00a0bn)");
  assert_label (table, "Asia-Pacific\nmarket share (%)");
  assert_label (table, "Global rank");

  destroy_window (window);
}

static void
test_window_investment_table (void)
{
  McWindow *window = create_window ();
  GtkWidget *table = show_dataset (window, "cloud-investment");

  assert_label (table, "Microsoft Azure");
  assert_label (table, "Tencent Cloud");
  assert_label (table, "70");

  /* Notes are visible without hovering, including the note of a missing
   * value. */
  assert_label (table, "OpenAI partnership");
  assert_label (table, "Ongoing");
  assert_label (table, "—");
  g_assert_true (gtk_widget_has_css_class (find_label (table, "—"), "missing"));

  assert_label (table, "Investment\n(USD\u00a0bn)");
  assert_label (table, "Company");

  destroy_window (window);
}

static void
test_window_switch_datasets (void)
{
  McWindow *window = create_window ();
  GtkWidget *table = show_dataset (window, "alibaba-share-price");

  assert_label (table, "Share price\n(HKD)");
  assert_label (table, "148");
  g_assert_null (find_label (table, "OpenAI partnership"));
  assert_label (GTK_WIDGET (window), "Alibaba share price and market value");

  table = show_dataset (window, "cloud-investment");
  g_assert_null (find_label (table, "148"));
  assert_label (table, "OpenAI partnership");

  destroy_window (window);
}

/* The primary menu offers the shortcuts, About and Quit. */
static void
test_window_primary_menu (void)
{
  McWindow *window = create_window ();
  GtkWidget *button = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu;

  g_assert_nonnull (button);
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (button)));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  g_assert_true (menu_has_action (menu, "app.about"));
  g_assert_true (menu_has_action (menu, "app.quit"));
  g_assert_true (menu_has_action (menu, "win.show-help-overlay"));

  destroy_window (window);
}

/* What GtkApplication loads from the resource base path by itself. */
static void
test_window_resources (void)
{
  static const char * const paths[] = {
    RESOURCE_PATH "/style.css",
    RESOURCE_PATH "/gtk/help-overlay.ui",
    RESOURCE_PATH "/icons/scalable/apps/io.github.marketcharts.MarketCharts.svg",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (paths[i], 0, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
    }
}

static void
wait_for_datasets (McWindow *window,
                   guint     n_items)
{
  GListModel *datasets = mc_window_get_datasets (window);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (datasets) != n_items &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (datasets), ==, n_items);
}

static char *
write_dataset (const char *dir,
               const char *name,
               const char *title)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  json = g_strdup_printf ("{\n"
                          "  \"format\": \"market-charts/1\",\n"
                          "  \"id\": \"opened\",\n"
                          "  \"title\": \"%s\",\n"
                          "  \"columns\": [\n"
                          "    { \"id\": \"year\", \"label\": \"Year\", \"type\": \"string\" },\n"
                          "    { \"id\": \"sales\", \"label\": \"Sales\", \"type\": \"number\","
                          " \"unit\": \"EUR\", \"scale\": \"million\" }\n"
                          "  ],\n"
                          "  \"rows\": [ [\"2023\", 41.5], [\"2024\", null] ],\n"
                          "  \"charts\": [ { \"id\": \"sales\", \"type\": \"bar\","
                          " \"title\": \"Sales\", \"x\": \"year\", \"y\": [\"sales\"] } ]\n"
                          "}\n", title);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* An opened file joins the sidebar and is selected; opening it again
 * replaces it instead of adding a copy. */
static void
test_window_open_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("market-charts-window-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  McWindow *window = create_window ();
  GtkWidget *table;

  g_assert_no_error (error);
  path = write_dataset (dir, "opened.json", "Opened sales");
  file = g_file_new_for_path (path);

  mc_window_open_file (window, file);
  wait_for_datasets (window, 4);
  g_assert_cmpstr (mc_dataset_get_title (mc_window_get_selected_dataset (window)), ==,
                   "Opened sales");

  table = find_widget (GTK_WIDGET (window), MC_TYPE_TABLE_VIEW);
  gtk_test_widget_wait_for_draw (table);
  assert_label (table, "41.5");
  assert_label (table, "Sales (EUR\u00a0m)");

  g_free (write_dataset (dir, "opened.json", "Opened sales, revised"));
  mc_window_open_file (window, file);
  while (g_strcmp0 (mc_dataset_get_title (mc_window_get_selected_dataset (window)),
                    "Opened sales, revised") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (mc_window_get_datasets (window)), ==, 4);

  destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

/* The message dialog on screen, if any (GTK holds a reference to it). */
static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return window;
    }

  return NULL;
}

/* A bad file is reported in a dialog that names the problem, and the
 * sidebar is left as it was. */
static void
test_window_open_bad_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("market-charts-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "broken.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  McWindow *window = create_window ();
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWindow *dialog;

  g_assert_no_error (error);
  g_file_set_contents (path, "{ \"format\": ", -1, &error);
  g_assert_no_error (error);

  mc_window_open_file (window, file);
  while ((dialog = find_dialog ()) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                            "broken.json"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "broken.json"));
  g_assert_cmpuint (g_list_model_get_n_items (mc_window_get_datasets (window)), ==, 3);

  gtk_window_destroy (dialog);
  destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* As gtk_test_init(), but a missing display skips the tests. */
  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }

  adw_init ();

  g_test_add_func ("/mc/window/sidebar", test_window_sidebar);
  g_test_add_func ("/mc/window/first-selected", test_window_first_selected);
  g_test_add_func ("/mc/window/revenue-table", test_window_revenue_table);
  g_test_add_func ("/mc/window/investment-table", test_window_investment_table);
  g_test_add_func ("/mc/window/switch-datasets", test_window_switch_datasets);
  g_test_add_func ("/mc/window/primary-menu", test_window_primary_menu);
  g_test_add_func ("/mc/window/resources", test_window_resources);
  g_test_add_func ("/mc/window/open-file", test_window_open_file);
  g_test_add_func ("/mc/window/open-bad-file", test_window_open_bad_file);

  return g_test_run ();
}
