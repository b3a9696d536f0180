/* test-window.c: the main window: sidebar, charts and table, files,
 * errors, export, clipboard, printing and settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <math.h>
#include <string.h>

#include "mc-application.h"
#include "mc-chart-switcher.h"
#include "mc-chart-view.h"
#include "mc-describe.h"
#include "mc-dataset-row.h"
#include "mc-document.h"
#include "mc-edit.h"
#include "mc-export-dialog.h"
#include "mc-font.h"
#include "mc-hit.h"
#include "mc-loading-view.h"
#include "mc-table-view.h"
#include "mc-test-files.h"
#include "mc-test-gui.h"
#include "mc-window.h"

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

static guint
find_dataset (McWindow   *window,
              const char *id)
{
  for (guint i = 0; i < count_datasets (window); i++)
    {
      if (g_strcmp0 (mc_dataset_get_id (get_dataset (window, i)), id) == 0)
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
      g_autoptr(GMenuModel) submenu = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;

      section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);
      if (submenu != NULL && menu_has_action (submenu, action))
        return TRUE;
    }

  return FALSE;
}

static guint
count_visible (GtkWidget *widget,
               GType      type)
{
  guint count = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    count++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_visible (child, type);

  return count;
}

static void
count_cb (GObject  *object,
          gpointer  arg,
          guint    *count)
{
  (*count)++;
}

static gboolean
marks_have_text (McMarks    *marks,
                 McTextRole  role)
{
  guint n;
  const McTextBox *boxes = mc_marks_get_text_boxes (marks, &n);

  for (guint i = 0; i < n; i++)
    if (boxes[i].role == role)
      return TRUE;
  return FALSE;
}

static McChartSwitcher *
get_chart_switcher (McWindow *window)
{
  GtkWidget *switcher = find_widget (GTK_WIDGET (window), MC_TYPE_CHART_SWITCHER);

  g_assert_nonnull (switcher);
  return MC_CHART_SWITCHER (switcher);
}

/* The visible buttons of a switcher, in order. */
static GPtrArray *
get_chart_buttons (McChartSwitcher *switcher)
{
  GPtrArray *buttons = g_ptr_array_new ();
  GtkWidget *box = find_widget (GTK_WIDGET (switcher), GTK_TYPE_BOX);

  g_assert_nonnull (box);
  if (!gtk_widget_get_visible (box))
    return buttons;
  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (buttons, child);

  return buttons;
}

static GtkWidget *
show_table (McWindow *window)
{
  GtkWidget *table = find_widget (GTK_WIDGET (window), MC_TYPE_TABLE_VIEW);

  activate (window, "win.show-view", "s", "table");
  gtk_test_widget_wait_for_draw (table);
  g_assert_true (gtk_widget_get_mapped (table));

  return table;
}

static GtkWidget *
show_dataset (McWindow   *window,
              const char *id)
{
  GtkWidget *table;

  mc_window_select_dataset (window, find_dataset (window, id));
  table = show_table (window);

  g_assert_cmpstr (mc_dataset_get_id (mc_window_get_selected_dataset (window)), ==, id);
  g_assert_true (mc_table_view_get_dataset (MC_TABLE_VIEW (table)) ==
                 mc_window_get_selected_dataset (window));

  return table;
}

static char *
test_file (const char *folder,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
}

/* The sidebar */

static void
test_window_sidebar (void)
{
  static const char * const titles[] = {
    "Cloud and AI investment commitments",
    "Alibaba Cloud revenue",
    "Alibaba share price and market value",
  };
  McWindow *window = create_window ();
  GtkWidget *sidebar = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
  GtkWidget *row;

  g_assert_cmpuint (count_datasets (window), ==, 3);
  g_assert_nonnull (sidebar);
  g_assert_true (gtk_widget_has_css_class (sidebar, "navigation-sidebar"));

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      McDataset *dataset = get_dataset (window, i);

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

  /* Bundled datasets cannot be closed: no close buttons on their rows. */
  g_assert_cmpuint (count_visible (sidebar, GTK_TYPE_BUTTON), ==, 0);

  destroy_window (window);
}

static void
test_window_first_selected (void)
{
  McWindow *window = create_window ();
  McDataset *first = get_dataset (window, 0);
  GtkWidget *content = find_widget (GTK_WIDGET (window), MC_TYPE_TABLE_VIEW);
  GtkWidget *page = gtk_widget_get_ancestor (content, GTK_TYPE_BOX);

  g_assert_true (mc_window_get_selected_dataset (window) == first);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, mc_dataset_get_title (first));

  /* The chart page shows first; the table is filled when it shows. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (get_chart_view (window))));
  g_assert_false (gtk_widget_get_mapped (content));
  g_assert_null (mc_table_view_get_dataset (MC_TABLE_VIEW (content)));
  show_table (window);
  g_assert_true (mc_table_view_get_dataset (MC_TABLE_VIEW (content)) == first);

  /* The table, which has no title of its own, is headed by the dataset's
   * title, description and source. */
  assert_label (page, mc_dataset_get_title (first));
  assert_label (page, mc_dataset_get_description (first));
  g_assert_nonnull (find_label_with_prefix (page, "Source: 1950.ai"));

  destroy_window (window);
}

/* Whether a label of @root, other than those of @except, reads @text:
 * the switcher names the charts, and may read as the dataset does. */
static gboolean
shows_outside (GtkWidget  *root,
               const char *text,
               GtkWidget  *except)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0
          && !gtk_widget_is_ancestor (label, except))
        return TRUE;
    }

  return FALSE;
}

/* The chart draws its title, subtitle and source: the page around it
 * repeats none of them, and names no dataset over it. */
static void
test_window_one_title (void)
{
  McWindow *window = create_window ();
  McChartView *view = get_chart_view (window);
  GtkWidget *switcher = GTK_WIDGET (get_chart_switcher (window));

  for (guint i = 0; i < count_datasets (window); i++)
    {
      McDataset *dataset = get_dataset (window, i);
      GtkWidget *page;
      McMarks *marks;

      mc_window_select_dataset (window, i);
      activate (window, "win.show-view", "s", "chart");
      gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
      page = gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK);
      marks = mc_chart_view_get_marks (view);

      g_assert_true (marks_have_text (marks, MC_TEXT_TITLE));
      g_assert_true (marks_have_text (marks, MC_TEXT_SOURCE));
      g_assert_null (find_label_with_prefix (GTK_WIDGET (window), "Source:"));
      g_assert_false (shows_outside (page, mc_dataset_get_title (dataset), switcher));
      g_assert_false (shows_outside (page, mc_dataset_get_description (dataset), switcher));
      g_assert_false (shows_outside (page, mc_dataset_get_chart (dataset, 0)->subtitle, switcher));
    }

  destroy_window (window);
}

/* The chart on screen is @spec of @dataset: the window's and the view's
 * chart, drawn. */
static void
assert_chart_shown (McWindow          *window,
                    McDataset         *dataset,
                    const McChartSpec *spec)
{
  McChartView *view = get_chart_view (window);
  McChartModel *chart;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  chart = mc_chart_view_get_chart (view);
  g_assert_nonnull (chart);
  g_assert_true (chart == mc_window_get_chart (window));
  g_assert_true (mc_chart_model_get_dataset (chart) == dataset);
  g_assert_cmpstr (mc_chart_model_get_spec (chart)->id, ==, spec->id);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
}

/* A few charts are linked toggle buttons, one per chart, named by its
 * title for screen readers; activating one, as the keyboard does, shows
 * its chart and leaves it the only one pressed. */
static void
test_window_charts (void)
{
  McWindow *window = create_window ();
  McChartSwitcher *switcher = get_chart_switcher (window);

  for (guint i = 0; i < count_datasets (window); i++)
    {
      McDataset *dataset = get_dataset (window, i);
      guint n_charts = mc_dataset_get_n_charts (dataset);
      g_autoptr(GPtrArray) buttons = NULL;
      GtkWidget *group;

      mc_window_select_dataset (window, i);
      buttons = get_chart_buttons (switcher);
      g_assert_cmpuint (n_charts, >, 1);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (switcher)));
      g_assert_true (mc_chart_switcher_get_buttons (switcher));
      g_assert_cmpuint (buttons->len, ==, n_charts);
      group = gtk_widget_get_parent (buttons->pdata[0]);
      g_assert_true (gtk_widget_has_css_class (group, "linked"));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (group), GTK_ACCESSIBLE_ROLE_GROUP);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (group),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, "Charts");

      /* From the last, so that every activation changes the chart. */
      for (guint c = n_charts; c-- > 0;)
        {
          const McChartSpec *spec = mc_dataset_get_chart (dataset, c);
          GtkWidget *button = g_ptr_array_index (buttons, c);

          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                               GTK_ACCESSIBLE_PROPERTY_LABEL, spec->title);
          g_assert_true (gtk_widget_get_focusable (button));
          /* A button activated by the keyboard clicks after a moment. */
          gtk_widget_activate (button);
          WAIT_FOR (mc_chart_switcher_get_selected (switcher) == c);
          assert_chart_shown (window, dataset, spec);
          for (guint b = 0; b < n_charts; b++)
            g_assert_true (gtk_toggle_button_get_active (buttons->pdata[b]) == (b == c));
        }

      mc_window_select_chart (window, 0);
      assert_chart_shown (window, dataset, mc_dataset_get_chart (dataset, 0));
      g_assert_true (gtk_toggle_button_get_active (buttons->pdata[0]));

      /* Ctrl+Page Down and Up step from chart to chart, and stop at the
       * ends. */
      activate (window, "win.step-chart", "i", -1);
      g_assert_cmpuint (mc_chart_switcher_get_selected (switcher), ==, 0);
      activate (window, "win.step-chart", "i", 1);
      assert_chart_shown (window, dataset, mc_dataset_get_chart (dataset, 1));
      g_assert_true (gtk_toggle_button_get_active (buttons->pdata[1]));
      for (guint c = 0; c < n_charts; c++)
        activate (window, "win.step-chart", "i", 1);
      g_assert_cmpuint (mc_chart_switcher_get_selected (switcher), ==, n_charts - 1);
    }

  destroy_window (window);
}

/* A chart's short title names its button; its whole title stays in the
 * tooltip and for screen readers. Set by an edit, as the chart editor
 * does, it shows at once. */
static void
test_window_chart_short_title (void)
{
  McWindow *window = create_window ();
  McChartSwitcher *switcher = get_chart_switcher (window);
  McDocument *document;
  const McChartSpec *spec;
  g_autoptr(McEdit) edit = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *button;

  mc_window_select_dataset (window, find_dataset (window, "alibaba-cloud-revenue"));
  document = mc_window_get_selected_document (window);
  spec = mc_dataset_get_chart (mc_document_get_dataset (document), 1);
  edit = mc_edit_new_set_chart_option (spec->id, "short_title",
                                       g_variant_new_string ("Growth"), "Short Title");
  g_assert_true (mc_document_apply (document, edit, &error));
  g_assert_no_error (error);

  buttons = get_chart_buttons (switcher);
  button = g_ptr_array_index (buttons, 1);
  spec = mc_dataset_get_chart (mc_document_get_dataset (document), 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)))),
                   ==, "Growth");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, spec->title);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, spec->title);

  destroy_window (window);
}

/* More than a few charts are a drop-down list; one chart needs no choice. */
static void
test_window_chart_list (void)
{
  static const char * const many[] = { "A", "B", "C", "D", "E", "F", NULL };
  static const char * const few[] = { "A", "B", NULL };
  static const char * const one[] = { "A", NULL };
  McWindow *window = create_window ();
  McChartSwitcher *switcher = get_chart_switcher (window);
  GtkWidget *dropdown = find_widget (GTK_WIDGET (switcher), GTK_TYPE_DROP_DOWN);
  guint notified = 0;

  g_signal_connect (switcher, "notify::selected", G_CALLBACK (count_cb), &notified);
  mc_chart_switcher_set_titles (switcher, many, NULL, 5);
  g_assert_cmpuint (notified, ==, 0);
  g_assert_false (mc_chart_switcher_get_buttons (switcher));
  g_assert_true (gtk_widget_get_visible (dropdown));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))),
                    ==, 6);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 5);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dropdown),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Chart");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 2);
  g_assert_cmpuint (mc_chart_switcher_get_selected (switcher), ==, 2);
  g_assert_cmpuint (notified, ==, 1);

  mc_chart_switcher_set_titles (switcher, few, NULL, 1);
  g_assert_true (mc_chart_switcher_get_buttons (switcher));
  g_assert_false (gtk_widget_get_visible (dropdown));
  g_assert_cmpuint (mc_chart_switcher_get_selected (switcher), ==, 1);

  mc_chart_switcher_set_titles (switcher, one, NULL, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (switcher)));

  destroy_window (window);
}

static void
test_window_chart_and_table (void)
{
  McWindow *window = create_window ();
  McChartView *view = get_chart_view (window);
  GtkWidget *table;

  mc_window_select_dataset (window, find_dataset (window, "alibaba-cloud-revenue"));
  table = show_table (window);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  assert_label (table, "9.2");

  activate (window, "win.show-view", "s", "chart");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_false (gtk_widget_get_mapped (table));

  /* The page stays when another dataset is picked. */
  show_table (window);
  mc_window_select_dataset (window, find_dataset (window, "cloud-investment"));
  gtk_test_widget_wait_for_draw (table);
  g_assert_true (gtk_widget_get_mapped (table));
  assert_label (table, "Tencent Cloud");

  destroy_window (window);
}

/* A point on a bar, picked through the window, reads the bar's value. */
static void
test_window_hit_bar (void)
{
  McWindow *window = create_window ();
  McChartView *view = get_chart_view (window);
  g_auto(McChartHit) hit = { 0 };
  McChartItem item;
  McChartModel *chart;
  GtkWidget *picked;
  double wx, wy, vx, vy;

  mc_window_select_dataset (window, find_dataset (window, "alibaba-cloud-revenue"));
  mc_window_select_chart (window, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  chart = mc_window_get_chart (window);
  g_assert_cmpstr (mc_chart_model_get_spec (chart)->id, ==, "revenue");

  /* The bar of the first row (2021, USD 9.2 bn), a little below its top. */
  g_assert_true (mc_hit_item_first (mc_chart_view_get_marks (view), &item));
  while (item.index != 0)
    g_assert_true (mc_hit_item_move (mc_chart_view_get_marks (view), &item, MC_CHART_MOVE_NEXT));

  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (view), GTK_WIDGET (window),
                                                   item.x, item.y, &wx, &wy));
  picked = gtk_widget_pick (GTK_WIDGET (window), wx, wy, GTK_PICK_DEFAULT);
  g_assert_nonnull (picked);
  g_assert_true (picked == GTK_WIDGET (view) || gtk_widget_is_ancestor (picked, GTK_WIDGET (view)));
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (window), GTK_WIDGET (view),
                                                   wx, wy, &vx, &vy));

  g_assert_true (mc_chart_view_get_hit_at (view, vx, vy, &hit));
  g_assert_cmpint (hit.kind, ==, MC_CHART_HIT_MARK);
  g_assert_cmpuint (hit.index, ==, 0);
  g_assert_cmpstr (hit.label, ==, "2021");
  g_assert_cmpfloat_with_epsilon (hit.raw_value, 9.2, 1e-9);
  g_assert_nonnull (strstr (hit.value, "9.2"));

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
  /* The whole 2024 row is an estimate: revenue, rank and share. */
  g_assert_cmpuint (count_labels (table, "(Est.)"), ==, 3);
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

  /* Shares as the article writes them: 32, 23, 11, 4.5, 2.6, not 32.0. */
  assert_label (table, "32");
  assert_label (table, "23");
  assert_label (table, "11");
  assert_label (table, "4.5");
  assert_label (table, "2.6");
  g_assert_null (find_label (table, "32.0"));
  g_assert_null (find_label (table, "11.0"));

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

/* Menus, shortcuts and resources */

static void
test_window_primary_menu (void)
{
  static const char * const actions[] = {
    "win.open", "win.paste", "win.close-dataset", "win.export", "win.copy", "win.print",
    "win.show-sidebar", "win.vision", "win.show-help-overlay", "app.about", "app.quit",
  };
  McWindow *window = create_window ();
  GtkWidget *button = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu;

  g_assert_nonnull (button);
  /* A primary menu button opens with F10. */
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (button)));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (!menu_has_action (menu, actions[i]))
      g_error ("The primary menu has no %s", actions[i]);

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
    RESOURCE_PATH "/icons/scalable/actions/mc-chart-symbolic.svg",
    RESOURCE_PATH "/icons/scalable/actions/mc-export-symbolic.svg",
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
collect_accelerators (GtkWidget  *widget,
                      GHashTable *accelerators)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        g_hash_table_add (accelerators, g_steal_pointer (&accelerator));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, accelerators);
}

/* The shortcuts window lists every shortcut the window and the chart
 * view answer to. */
static void
test_window_shortcuts (void)
{
  static const char * const expected[] = {
    "<Control>o", "<Control>v", "<Control>w", "<Control>e", "<Control>c", "<Control>p",
    "F9", "F10", "<Control>question", "<Control>q", "plus", "minus", "0", "Left Right",
    "<Control>s", "<Control><Shift>s", "<Control>z", "<Control><Shift>z",
    "<Control>Page_Down <Control>Page_Up",
  };
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH
                                                                 "/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GHashTable) accelerators = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, NULL);

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  collect_accelerators (overlay, accelerators);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_hash_table_contains (accelerators, expected[i]))
      g_error ("The shortcuts window does not list %s", expected[i]);

  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* The chart is drawn in the family of the window's font, and follows it
 * when it changes. */
static gboolean
theme_uses_family (McChartView *view,
                   const char  *family)
{
  const char *families = mc_theme_get_font_family (mc_chart_view_get_theme (view));
  g_autofree char *first = g_strconcat (family, ",", NULL);

  return g_str_has_prefix (families, first);
}

static double
title_width (McChartView *view)
{
  guint n;
  const McTextBox *boxes;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  boxes = mc_marks_get_text_boxes (mc_chart_view_get_marks (view), &n);
  for (guint i = 0; i < n; i++)
    if (boxes[i].role == MC_TEXT_TITLE)
      return boxes[i].width;
  g_error ("The chart has no title");
}

static void
test_window_font (void)
{
  McWindow *window = create_window ();
  McChartView *view = get_chart_view (window);
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (window));
  g_autofree char *saved = NULL;
  double serif_width;

  g_object_get (settings, "gtk-font-name", &saved, NULL);
  g_object_set (settings, "gtk-font-name", "DejaVu Serif 11", NULL);
  WAIT_FOR (theme_uses_family (view, "DejaVu Serif"));
  serif_width = title_width (view);

  g_object_set (settings, "gtk-font-name", "DejaVu Sans Mono 11", NULL);
  WAIT_FOR (theme_uses_family (view, "DejaVu Sans Mono"));
  g_assert_cmpfloat (fabs (title_width (view) - serif_width), >, 1);

  g_object_set (settings, "gtk-font-name", saved, NULL);
  destroy_window (window);
}

/* The colour vision preview of the menu reaches the chart view. */
static void
test_window_vision (void)
{
  McWindow *window = create_window ();
  McChartView *view = get_chart_view (window);
  McVision vision;

  g_assert_cmpint (mc_chart_view_get_vision (view), ==, MC_VISION_NORMAL);
  activate (window, "win.vision", "s", "deuteranopia");
  g_assert_cmpint (mc_chart_view_get_vision (view), ==, MC_VISION_DEUTERANOPIA);
  g_object_get (window, "vision", &vision, NULL);
  g_assert_cmpint (vision, ==, MC_VISION_DEUTERANOPIA);

  /* It stays when another dataset is shown. */
  mc_window_select_dataset (window, 1);
  g_assert_cmpint (mc_chart_view_get_vision (view), ==, MC_VISION_DEUTERANOPIA);
  activate (window, "win.vision", "s", "normal");
  g_assert_cmpint (mc_chart_view_get_vision (view), ==, MC_VISION_NORMAL);

  destroy_window (window);
}

/* Narrow, the sidebar folds away and the switcher moves to the bottom;
 * F9 (win.show-sidebar) shows the sidebar instead of the content. */
static void
test_window_narrow (void)
{
  g_autoptr(GSettings) settings = mc_application_create_settings ();
  McWindow *window;
  GtkWidget *sidebar;
  GtkWidget *content;
  AdwViewSwitcherBar *bar;

  /* As it was left the last time. */
  reset_settings ();
  g_settings_set_int (settings, "window-width", 360);
  window = present_window ();
  sidebar = gtk_widget_get_ancestor (find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW),
                                     GTK_TYPE_BOX);
  content = gtk_widget_get_ancestor (GTK_WIDGET (get_chart_view (window)), GTK_TYPE_STACK);
  bar = ADW_VIEW_SWITCHER_BAR (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR));

  WAIT_FOR (!gtk_widget_get_visible (sidebar) && adw_view_switcher_bar_get_reveal (bar));
  g_assert_true (gtk_widget_get_mapped (content));
  g_assert_cmpint (gtk_widget_get_width (content), <=, 360);

  activate (window, "win.show-sidebar", NULL);
  WAIT_FOR (gtk_widget_get_mapped (sidebar) && !gtk_widget_get_mapped (content));

  /* Picking a dataset goes back to the content. */
  activate (window, "win.show-sidebar", NULL);
  WAIT_FOR (!gtk_widget_get_mapped (sidebar) && gtk_widget_get_mapped (content));

  /* Wide again, the sidebar comes back by itself. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 600);
  WAIT_FOR (gtk_widget_get_mapped (sidebar) && !adw_view_switcher_bar_get_reveal (bar));
  g_assert_true (gtk_widget_get_mapped (content));

  destroy_window (window);
}

/* Opening files */

static void
wait_for_datasets (McWindow *window,
                   guint     n_items)
{
  WAIT_FOR (count_datasets (window) == n_items);
}

static char *
write_dataset (const char *dir,
               const char *name,
               const char *title,
               const char *value)
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
                          "  \"rows\": [ [\"2023\", %s], [\"2024\", null] ],\n"
                          "  \"charts\": [ { \"id\": \"sales\", \"type\": \"bar\","
                          " \"title\": \"Sales\", \"x\": \"year\", \"y\": [\"sales\"] } ]\n"
                          "}\n", title, value);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static const char *
selected_title (McWindow *window)
{
  McDataset *dataset = mc_window_get_selected_dataset (window);

  return dataset != NULL ? mc_dataset_get_title (dataset) : NULL;
}

/* The pixels and the summary of @chart drawn @width wide. */
static char *
chart_as_drawn (McChartModel *chart,
                double        width)
{
  g_auto(McViewOptions) view = { 0 };
  McTheme *theme = mc_theme_new (MC_THEME_LIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, 400);
  cairo_t *cr = cairo_create (surface);
  McMarks *marks = mc_chart_render (chart, &view, cr, width, 400, theme);
  g_autofree char *summary = mc_chart_describe (chart, marks);
  g_autofree char *pixels = g_compute_checksum_for_data (G_CHECKSUM_SHA1,
                                                        cairo_image_surface_get_data (surface),
                                                        cairo_image_surface_get_stride (surface)
                                                        * 400);

  mc_marks_unref (marks);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  mc_theme_free (theme);
  return g_strdup_printf ("%s\n%s", pixels, summary);
}

/* Edits of prices the window shows as candles: the chart after each is
 * the one made anew from the data, although the window makes it from
 * the chart before the edit. */
static void
test_window_edit_candles (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("market-charts-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "minutes.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("time,open,high,low,close,volume\n");
  g_autoptr(GFile) file = NULL;
  McWindow *window = create_window ();
  McDocument *document;
  McDataset *dataset;

  g_assert_no_error (error);
  for (guint i = 0; i < 30 * 390; i++)
    {
      double open = 100 + i * 7919 % 500 / 10.0;

      g_string_append_printf (csv, "2024-03-%02uT%02u:%02u:00,%.1f,%.1f,%.1f,%.1f,%u\n",
                              1 + i / 390, 9 + (30 + i % 390) / 60, (30 + i % 390) % 60, open,
                              open + 2, open - 2, open + 1, 1000 + i % 77);
    }
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  mc_window_open_file (window, file);
  wait_for_datasets (window, 4);
  document = mc_window_get_selected_document (window);
  dataset = mc_document_get_dataset (document);
  g_assert_cmpstr (mc_chart_model_get_kind (mc_window_get_chart (window))->id, ==, "candlestick");

  for (guint e = 0; e < 3; e++)
    {
      g_autoptr(McEdit) low = mc_edit_new_set_value (1000 + 3000 * e, "low", 40);
      g_autoptr(McEdit) edit = mc_edit_new_set_value (1000 + 3000 * e, e == 1 ? "high" : "close",
                                                      e == 1 ? 400 : 50 + e);
      g_autoptr(McChartModel) made = NULL;

      if (e != 1)
        g_assert_true (mc_document_apply (document, low, NULL));
      g_assert_true (mc_document_apply (document, edit, &error));
      g_assert_no_error (error);
      made = mc_chart_model_new (dataset, mc_dataset_get_chart (dataset, 0), &error);
      g_assert_no_error (error);
      for (guint w = 0; w < 2; w++)
        {
          g_autofree char *shown = chart_as_drawn (mc_window_get_chart (window), w ? 200 : 1200);
          g_autofree char *expected = chart_as_drawn (made, w ? 200 : 1200);

          g_assert_cmpstr (shown, ==, expected);
        }
    }

  destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
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
  GtkWidget *sidebar = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
  GtkWidget *table;

  g_assert_no_error (error);
  path = write_dataset (dir, "opened.json", "Opened sales", "41.5");
  file = g_file_new_for_path (path);

  mc_window_open_file (window, file);
  wait_for_datasets (window, 4);
  g_assert_cmpstr (selected_title (window), ==, "Opened sales");
  /* The rows listed before still show their datasets. */
  gtk_test_widget_wait_for_draw (sidebar);
  assert_label (sidebar, "Alibaba Cloud revenue");
  assert_label (sidebar, "Opened sales");

  table = show_table (window);
  assert_label (table, "41.5");
  assert_label (table, "Sales (EUR\u00a0m)");

  g_free (write_dataset (dir, "opened.json", "Opened sales, revised", "41.5"));
  mc_window_open_file (window, file);
  WAIT_FOR (g_strcmp0 (selected_title (window), "Opened sales, revised") == 0);
  g_assert_cmpuint (count_datasets (window), ==, 4);
  /* The sidebar row follows. */
  assert_label (sidebar, "Opened sales, revised");

  destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

/* A file that takes long to open shows how far it has come where its
 * chart will appear; cancelled, it leaves the window as it was. A pipe
 * that nobody writes to yet is such a file. */
static void
test_window_loading (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("market-charts-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "slow.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  McWindow *window = create_window ();
  GtkWidget *chart = GTK_WIDGET (get_chart_view (window));
  const char *title = selected_title (window);
  GtkWidget *cancel;
  McFileLoad *load;
  int fd;

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  WAIT_FOR (gtk_widget_get_mapped (chart));

  mc_window_open_file (window, file);
  /* Not at once: most files open before anyone would notice. */
  g_assert_null (find_label (GTK_WIDGET (window), "Opening “slow.csv”…"));
  WAIT_FOR (find_label (GTK_WIDGET (window), "Opening “slow.csv”…") != NULL);
  g_assert_false (gtk_widget_get_mapped (chart));

  cancel = find_widget (GTK_WIDGET (window), MC_TYPE_LOADING_VIEW);
  /* Its last reference is the loader's thread's, until its result came
   * back. */
  load = mc_loading_view_get_load (MC_LOADING_VIEW (cancel));
  g_object_add_weak_pointer (G_OBJECT (load), (gpointer *) &load);
  g_assert_true (gtk_widget_activate_action (cancel, "loading.cancel", NULL));
  WAIT_FOR (gtk_widget_get_mapped (chart));
  g_assert_null (find_label (GTK_WIDGET (window), "Opening “slow.csv”…"));
  g_assert_cmpstr (selected_title (window), ==, title);

  /* The loader's thread reads an empty file, which nobody hears of. */
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  WAIT_FOR (load == NULL);
  g_assert_null (find_label_with_prefix (GTK_WIDGET (window), "Could Not Open"));
  g_assert_cmpuint (count_datasets (window), ==, 3);

  destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

/* Every good test file, JSON or CSV, opens and shows a chart or says why
 * it has none. */
static void
test_window_open_good_files (void)
{
  g_autofree char *folder = test_file ("good", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  McWindow *window = create_window ();
  McChartView *view = get_chart_view (window);
  guint n_items = 3;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      McDataset *dataset;

      if (!g_str_has_suffix (name, ".json") && !g_str_has_suffix (name, ".csv") &&
          !g_str_has_suffix (name, ".tsv"))
        continue;

      mc_window_open_file (window, file);
      wait_for_datasets (window, ++n_items);
      dataset = mc_window_get_selected_dataset (window);
      g_assert_true (g_file_equal (mc_dataset_get_file (dataset), file));

      if (mc_dataset_get_n_charts (dataset) > 0)
        {
          g_assert_nonnull (mc_window_get_chart (window));
          g_assert_true (mc_chart_model_get_dataset (mc_chart_view_get_chart (view)) == dataset);
        }
      else
        {
          g_assert_null (mc_window_get_chart (window));
          gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
          assert_label (GTK_WIDGET (window), "No Charts");
        }
    }

  g_assert_cmpuint (n_items, >=, 10);
  destroy_window (window);
}

/* A bad file is reported in a toast with its file:line:column, and the
 * window keeps what it showed. */
static void
test_window_open_bad_files (void)
{
  g_autofree char *expected_path = test_file ("bad", "expected.txt");
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  McWindow *window = create_window ();
  guint revenue = find_dataset (window, "alibaba-cloud-revenue");
  guint n_checked = 0;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  lines = g_strsplit (expected, "\n", -1);
  mc_window_select_dataset (window, revenue);

  /* Every seventh case keeps the test short and still covers JSON and CSV
   * syntax, schema and reference errors. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      const char *position;

      if (lines[i][0] == '#' || lines[i][0] == '\0' || i % 7 != 0)
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), >=, 3);
      path = test_file ("bad", fields[0]);
      file = g_file_new_for_path (path);
      position = fields[2];

      mc_window_open_file (window, file);
      WAIT_FOR (find_label_containing (GTK_WIDGET (window), position) != NULL);
      g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "Could Not Open"));

      g_assert_cmpuint (count_datasets (window), ==, 3);
      g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (
        gtk_list_view_get_model (GTK_LIST_VIEW (find_widget (GTK_WIDGET (window),
                                                            GTK_TYPE_LIST_VIEW))))), ==, revenue);
      g_assert_cmpstr (mc_chart_model_get_spec (mc_window_get_chart (window))->id, ==, "revenue");
      n_checked++;
    }

  g_assert_cmpuint (n_checked, >=, 10);
  destroy_window (window);
}

static gboolean
table_shows (McWindow   *window,
             const char *text)
{
  GtkWidget *table = find_widget (GTK_WIDGET (window), MC_TYPE_TABLE_VIEW);

  return find_label (table, text) != NULL;
}

/* A file changed on disk is reloaded; a change that breaks it keeps the
 * last good data on screen and says why. */
static void
test_window_reload (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("market-charts-window-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  McWindow *window = create_window ();
  McDataset *last_good;
  guint n_changed = 0;
  guint n_charts = 0;

  g_assert_no_error (error);
  path = write_dataset (dir, "watched.json", "Watched", "41.5");
  file = g_file_new_for_path (path);
  mc_window_open_file (window, file);
  wait_for_datasets (window, 4);
  show_table (window);
  WAIT_FOR (table_shows (window, "41.5"));
  g_signal_connect (mc_window_get_selected_document (window), "changed",
                    G_CALLBACK (count_cb), &n_changed);
  g_signal_connect (get_chart_view (window), "notify::chart", G_CALLBACK (count_cb), &n_charts);

  g_free (write_dataset (dir, "watched.json", "Watched", "57.25"));
  WAIT_FOR (table_shows (window, "57.25"));
  g_assert_cmpstr (selected_title (window), ==, "Watched");
  g_assert_cmpuint (count_datasets (window), ==, 4);
  /* One new chart for each change of the document, not one for each of
   * its notifications. */
  g_assert_cmpuint (n_changed, >=, 1);
  g_assert_cmpuint (n_charts, ==, n_changed);
  last_good = mc_window_get_selected_dataset (window);

  g_assert_true (g_file_set_contents (path, "{ \"format\": \"market-charts/1\", \"id\": ", -1,
                                      &error));
  g_assert_no_error (error);
  WAIT_FOR (find_label_containing (GTK_WIDGET (window), "Could Not Reload") != NULL);
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "watched.json:1:"));
  g_assert_true (mc_window_get_selected_dataset (window) == last_good);
  g_assert_true (table_shows (window, "57.25"));

  destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_window_close_dataset (void)
{
  g_autofree char *path = test_file ("good", "years.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  McWindow *window = create_window ();

  mc_window_select_dataset (window, 1);
  /* Bundled datasets stay: Ctrl+W does nothing to them. */
  activate (window, "win.close-dataset", NULL);
  g_assert_cmpuint (count_datasets (window), ==, 3);

  mc_window_open_file (window, file);
  wait_for_datasets (window, 4);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (
    gtk_list_view_get_model (GTK_LIST_VIEW (find_widget (GTK_WIDGET (window),
                                                        GTK_TYPE_LIST_VIEW))))), ==, 3);
  activate (window, "win.close-dataset", NULL);
  wait_for_datasets (window, 3);
  g_assert_nonnull (mc_window_get_selected_dataset (window));
  g_assert_true (mc_dataset_get_bundled (mc_window_get_selected_dataset (window)));

  destroy_window (window);
}

/* Export, clipboard and printing */

typedef struct
{
  gboolean  done;
  GFile    *file;
  GError   *error;
} ExportResult;

static void
on_export_finished_cb (McExportDialog *dialog,
                       GFile          *file,
                       const GError   *error,
                       ExportResult   *result)
{
  result->done = TRUE;
  g_set_object (&result->file, file);
  result->error = error != NULL ? g_error_copy (error) : NULL;
}

static void
assert_file_starts_with (const char *path,
                         const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, magic, strlen (magic)) == 0);
}

/* The dialog's export writes each format, with its options, and keeps
 * them in the settings. */
static void
test_window_export (void)
{
  static const struct
  {
    McExportFormat format;
    const char    *name;
    const char    *magic;
  } cases[] = {
    { MC_EXPORT_PNG, "chart.png", "\x89PNG\r\n" },
    { MC_EXPORT_SVG, "chart.svg", "<?xml" },
    { MC_EXPORT_PDF, "chart.pdf", "%PDF-" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("market-charts-export-XXXXXX", &error);
  g_autoptr(GSettings) settings = NULL;
  McWindow *window = create_window ();
  McExportOptions options;

  g_assert_no_error (error);
  settings = mc_application_create_settings ();
  g_settings_reset (settings, "export-font");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      McExportDialog *dialog = mc_export_dialog_new (GTK_WINDOW (window),
                                                     mc_window_get_chart (window), NULL,
                                                     settings);
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      ExportResult result = { 0 };

      g_signal_connect (dialog, "finished", G_CALLBACK (on_export_finished_cb), &result);
      mc_export_dialog_set_format (dialog, cases[i].format);
      mc_export_options_init (&options);
      options.width = 1200;
      options.height = 750;
      options.scale = 2;
      options.dark = TRUE;
      /* The font as first shown is the desktop's, and not remembered. */
      if (i > 0)
        options.font_family = "DejaVu Serif";
      mc_export_dialog_set_options (dialog, &options);
      gtk_window_present (GTK_WINDOW (dialog));

      mc_export_dialog_export (dialog, file);
      WAIT_FOR (result.done);
      g_assert_no_error (result.error);
      g_assert_true (g_file_equal (result.file, file));
      assert_file_starts_with (path, cases[i].magic);

      g_assert_cmpint (g_settings_get_enum (settings, "export-format"), ==, cases[i].format);
      {
        g_autofree char *font = g_settings_get_string (settings, "export-font");

        g_assert_cmpstr (font, ==, i > 0 ? "DejaVu Serif" : "");
      }
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_clear_object (&result.file);
      g_remove (path);
    }

  /* A PNG at 2× of 1200 × 750 has 2400 × 1500 pixels. */
  g_assert_cmpint (g_settings_get_int (settings, "export-width"), ==, 1200);
  g_assert_cmpint (g_settings_get_int (settings, "export-height"), ==, 750);
  g_assert_cmpfloat (g_settings_get_double (settings, "export-scale"), ==, 2.0);
  g_assert_cmpint (g_settings_get_enum (settings, "export-theme"), ==, 1);

  /* A new dialog starts from them. */
  {
    McExportDialog *dialog = mc_export_dialog_new (GTK_WINDOW (window),
                                                   mc_window_get_chart (window), NULL,
                                                   settings);

    mc_export_dialog_get_options (dialog, &options);
    g_assert_cmpfloat (options.width, ==, 1200);
    g_assert_cmpfloat (options.height, ==, 750);
    g_assert_cmpfloat (options.scale, ==, 2);
    g_assert_true (options.dark);
    g_assert_cmpint (mc_export_dialog_get_format (dialog), ==, MC_EXPORT_PDF);
    g_assert_cmpstr (options.font_family, ==, "DejaVu Serif");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  /* A family no longer installed gives way to the window's. */
  g_settings_set_string (settings, "export-font", "No Such Family Anywhere");
  {
    McExportDialog *dialog = mc_export_dialog_new (GTK_WINDOW (window),
                                                   mc_window_get_chart (window), NULL,
                                                   settings);

    g_autofree char *path = g_build_filename (dir, "interface.png", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *font = NULL;
    ExportResult result = { 0 };

    mc_export_dialog_get_options (dialog, &options);
    g_assert_cmpstr (options.font_family, ==,
                     mc_font_get_interface_family (G_OBJECT (gtk_widget_get_settings (GTK_WIDGET (window)))));
    /* Given back, the interface's family is none chosen: not kept. */
    mc_export_dialog_set_options (dialog, &options);
    g_signal_connect (dialog, "finished", G_CALLBACK (on_export_finished_cb), &result);
    mc_export_dialog_set_format (dialog, MC_EXPORT_PNG);
    gtk_window_present (GTK_WINDOW (dialog));
    mc_export_dialog_export (dialog, file);
    WAIT_FOR (result.done);
    g_assert_no_error (result.error);
    font = g_settings_get_string (settings, "export-font");
    g_assert_cmpstr (font, ==, "");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_clear_object (&result.file);
    g_remove (path);
  }
  g_settings_reset (settings, "export-font");

  destroy_window (window);
  g_rmdir (dir);
}

static McExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (MC_IS_EXPORT_DIALOG (window))
        return MC_EXPORT_DIALOG (window);
    }

  return NULL;
}

/* The export dialog draws in the window's font family, or in one chosen
 * in its font row, and the exported file is drawn in it. */
static void
test_window_export_font (void)
{
  g_autofree char *dir = mc_test_make_temp_dir ("market-charts-export-font");
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  McWindow *window = create_window ();
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (window));
  g_autofree char *saved = NULL;
  g_autofree char *shown = NULL;
  McExportDialog *dialog;
  GtkWidget *button;
  McExportOptions options;
  ExportResult result = { 0 };

  g_object_get (settings, "gtk-font-name", &saved, NULL);
  g_object_set (settings, "gtk-font-name", "DejaVu Sans Mono 11", NULL);
  dialog = mc_export_dialog_new (GTK_WINDOW (window), mc_window_get_chart (window), NULL, NULL);
  button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_FONT_BUTTON);
  g_assert_nonnull (button);
  mc_export_dialog_get_options (dialog, &options);
  g_assert_cmpstr (options.font_family, ==, "DejaVu Sans Mono");
  shown = gtk_font_chooser_get_font (GTK_FONT_CHOOSER (button));
  g_assert_true (g_str_has_prefix (shown, "DejaVu Sans Mono"));

  /* Chosen as the font chooser does. */
  gtk_font_chooser_set_font (GTK_FONT_CHOOSER (button), "DejaVu Serif 11");
  g_signal_emit_by_name (button, "font-set");
  mc_export_dialog_get_options (dialog, &options);
  g_assert_cmpstr (options.font_family, ==, "DejaVu Serif");

  g_signal_connect (dialog, "finished", G_CALLBACK (on_export_finished_cb), &result);
  mc_export_dialog_set_format (dialog, MC_EXPORT_PDF);
  mc_export_dialog_export (dialog, file);
  WAIT_FOR (result.done);
  g_assert_no_error (result.error);
  g_assert_true (mc_test_pdf_has_font (path, "DejaVuSerif"));
  g_assert_false (mc_test_pdf_has_font (path, "DejaVuSansMono"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&result.file);
  g_object_set (settings, "gtk-font-name", saved, NULL);
  mc_test_remove_dir (dir);
  destroy_window (window);
}

/* Ctrl+E opens the dialog for the chart on screen; a finished export
 * shows a toast that offers to open the file. */
static void
test_window_export_action (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("market-charts-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "revenue.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  McWindow *window = create_window ();
  McExportDialog *dialog;
  GtkWidget *focus;

  mc_window_select_dataset (window, find_dataset (window, "alibaba-cloud-revenue"));
  activate (window, "win.export", NULL);
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (mc_export_dialog_get_chart (dialog) == mc_window_get_chart (window));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  /* Enter exports: the focus starts on the Export button, not Cancel. */
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "_Export…");

  mc_export_dialog_set_format (dialog, MC_EXPORT_SVG);
  mc_export_dialog_export (dialog, file);
  WAIT_FOR (find_label_containing (GTK_WIDGET (window), "Exported “revenue.svg”") != NULL);
  assert_file_starts_with (path, "<?xml");

  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

static void
on_read_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GInputStream **stream = user_data;
  g_autoptr(GError) error = NULL;

  *stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source_object), result, NULL, &error);
  g_assert_no_error (error);
}

static void
on_splice_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_output_stream_splice_finish (G_OUTPUT_STREAM (source_object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static GBytes *
read_clipboard (GdkClipboard *clipboard,
                const char   *mime_type)
{
  const char *mime_types[] = { mime_type, NULL };
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  gboolean done = FALSE;

  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, on_read_cb, &stream);
  WAIT_FOR (stream != NULL);
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_splice_cb, &done);
  WAIT_FOR (done);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
on_read_text_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source_object), result, NULL);
  g_assert_nonnull (*text);
}

/* One copy offers the chart as PNG and SVG and its data as CSV and as
 * tab-separated text. */
static void
test_window_copy (void)
{
  McWindow *window = create_window ();
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  GdkContentFormats *formats;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *text = NULL;

  mc_window_select_dataset (window, find_dataset (window, "cloud-investment"));
  activate (window, "win.copy", NULL);

  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/csv"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8"));

  png = read_clipboard (clipboard, "image/png");
  g_assert_cmpuint (g_bytes_get_size (png), >, 1000);
  g_assert_true (memcmp (g_bytes_get_data (png, NULL), "\x89PNG", 4) == 0);
  svg = read_clipboard (clipboard, "image/svg+xml");
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "<svg"));

  csv = read_clipboard (clipboard, "text/csv");
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv),
                                  "Company,"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv),
                                  "\r\nTencent Cloud,70,"));

  gdk_clipboard_read_text_async (clipboard, NULL, on_read_text_cb, &text);
  WAIT_FOR (text != NULL);
  g_assert_nonnull (strstr (text, "\r\nTencent Cloud\t70\t"));

  assert_label (GTK_WIDGET (window), "Chart copied, with its data");
  destroy_window (window);
}

/* A table copied from a spreadsheet (tab-separated, header row) pasted
 * into the window becomes a dataset; text that is not a table says why. */
static void
test_window_paste (void)
{
  McWindow *window = create_window ();
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  McDataset *dataset;
  GtkWidget *table;

  gdk_clipboard_set_text (clipboard, "Company\tShare\tRank\n"
                                     "Amazon AWS\t32\t1\n"
                                     "Microsoft Azure\t23\t2\n"
                                     "Google Cloud\t11\t3\n");
  activate (window, "win.paste", NULL);
  wait_for_datasets (window, 4);

  dataset = mc_window_get_selected_dataset (window);
  g_assert_cmpstr (mc_dataset_get_title (dataset), ==, "Pasted table");
  g_assert_null (mc_dataset_get_file (dataset));
  g_assert_cmpuint (mc_dataset_get_n_columns (dataset), ==, 3);
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 3);
  g_assert_nonnull (mc_window_get_chart (window));
  table = show_table (window);
  assert_label (table, "Microsoft Azure");
  assert_label (table, "23");

  /* A second paste gets a title of its own; pasted tables can be closed. */
  activate (window, "win.paste", NULL);
  wait_for_datasets (window, 5);
  g_assert_cmpstr (selected_title (window), ==, "Pasted table 2");
  activate (window, "win.close-dataset", NULL);
  wait_for_datasets (window, 4);

  gdk_clipboard_set_text (clipboard, "Company\tShare\nAmazon AWS\t32\tx\n");
  activate (window, "win.paste", NULL);
  WAIT_FOR (find_label_containing (GTK_WIDGET (window), "Pasted table:2:") != NULL);
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "Could Not Paste the Table"));
  g_assert_cmpuint (count_datasets (window), ==, 4);

  destroy_window (window);
}

/* Printing renders the chart onto the page: here into a PDF. */
static void
test_window_print (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("market-charts-print-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  McWindow *window = create_window ();
  GtkPrintOperationResult result;

  g_assert_no_error (error);
  operation = mc_window_create_print_operation (window);
  g_assert_nonnull (operation);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  assert_file_starts_with (path, "%PDF-");

  destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

/* Settings */

static void
assert_setting (GSettings  *settings,
                const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static guint
count_recent_files (GSettings *settings)
{
  g_auto(GStrv) uris = g_settings_get_strv (settings, "recent-files");

  return g_strv_length (uris);
}

/* The window size, the dataset shown and the opened files come back in
 * the next window; opened files that are gone are dropped quietly. */
static void
test_window_settings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("market-charts-settings-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *uri = NULL;
  g_auto(GStrv) recent = NULL;
  McWindow *window = create_window ();
  int width, height;

  g_assert_no_error (error);
  settings = mc_application_create_settings ();
  path = write_dataset (dir, "kept.json", "Kept", "12");
  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  mc_window_select_dataset (window, find_dataset (window, "alibaba-share-price"));
  assert_setting (settings, "last-dataset", "alibaba-share-price");
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = present_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpstr (mc_dataset_get_id (mc_window_get_selected_dataset (window)), ==,
                   "alibaba-share-price");

  /* An opened file is remembered, and selected again next time. */
  mc_window_open_file (window, file);
  wait_for_datasets (window, 4);
  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpstr (recent[0], ==, uri);
  assert_setting (settings, "last-dataset", uri);
  gtk_window_close (GTK_WINDOW (window));

  window = present_window ();
  wait_for_datasets (window, 4);
  g_assert_cmpstr (selected_title (window), ==, "Kept");
  gtk_window_close (GTK_WINDOW (window));

  /* Gone: dropped from the list without a word. */
  g_remove (path);
  window = present_window ();
  WAIT_FOR (count_recent_files (settings) == 0);
  g_assert_cmpuint (count_datasets (window), ==, 3);
  g_assert_null (find_label_containing (GTK_WIDGET (window), "Could Not"));
  destroy_window (window);

  g_rmdir (dir);
}

/* Run from the build folder without its compiled schema, the window keeps
 * nothing but works: no abort from GSettings. */
static void
test_window_without_schema (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = test_file ("good", "years.csv");
      g_autoptr(GFile) file = g_file_new_for_path (path);
      McWindow *window;

      g_assert_null (mc_application_create_settings ());
      window = present_window ();
      mc_window_select_dataset (window, 1);
      mc_window_open_file (window, file);
      wait_for_datasets (window, 4);
      gtk_window_close (GTK_WINDOW (window));
      return;
    }

  g_setenv ("MC_TEST_WITHOUT_SCHEMA", "1", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("MC_TEST_WITHOUT_SCHEMA");
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = isolate_state_folder ();
  int status;

  /* Before anything reads a settings schema: only the system's schemas,
   * not the one compiled in the build (nor one installed under
   * /usr/local). */
  if (g_getenv ("MC_TEST_WITHOUT_SCHEMA") != NULL)
    {
      g_unsetenv ("GSETTINGS_SCHEMA_DIR");
      g_setenv ("XDG_DATA_DIRS", "/usr/share", TRUE);
    }

  if (!init_gui_test (&argc, &argv))
    {
      g_rmdir (state);
      return 77;
    }

  g_test_add_func ("/mc/window/sidebar", test_window_sidebar);
  g_test_add_func ("/mc/window/first-selected", test_window_first_selected);
  g_test_add_func ("/mc/window/one-title", test_window_one_title);
  g_test_add_func ("/mc/window/charts", test_window_charts);
  g_test_add_func ("/mc/window/chart-list", test_window_chart_list);
  g_test_add_func ("/mc/window/chart-short-title", test_window_chart_short_title);
  g_test_add_func ("/mc/window/chart-and-table", test_window_chart_and_table);
  g_test_add_func ("/mc/window/hit-bar", test_window_hit_bar);
  g_test_add_func ("/mc/window/revenue-table", test_window_revenue_table);
  g_test_add_func ("/mc/window/investment-table", test_window_investment_table);
  g_test_add_func ("/mc/window/switch-datasets", test_window_switch_datasets);
  g_test_add_func ("/mc/window/primary-menu", test_window_primary_menu);
  g_test_add_func ("/mc/window/resources", test_window_resources);
  g_test_add_func ("/mc/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/mc/window/font", test_window_font);
  g_test_add_func ("/mc/window/vision", test_window_vision);
  g_test_add_func ("/mc/window/narrow", test_window_narrow);
  g_test_add_func ("/mc/window/open-file", test_window_open_file);
  g_test_add_func ("/mc/window/edit-candles", test_window_edit_candles);
  g_test_add_func ("/mc/window/loading", test_window_loading);
  g_test_add_func ("/mc/window/open-good-files", test_window_open_good_files);
  g_test_add_func ("/mc/window/open-bad-files", test_window_open_bad_files);
  g_test_add_func ("/mc/window/reload", test_window_reload);
  g_test_add_func ("/mc/window/close-dataset", test_window_close_dataset);
  g_test_add_func ("/mc/window/export", test_window_export);
  g_test_add_func ("/mc/window/export-font", test_window_export_font);
  g_test_add_func ("/mc/window/export-action", test_window_export_action);
  g_test_add_func ("/mc/window/copy", test_window_copy);
  g_test_add_func ("/mc/window/paste", test_window_paste);
  g_test_add_func ("/mc/window/print", test_window_print);
  g_test_add_func ("/mc/window/settings", test_window_settings);
  g_test_add_func ("/mc/window/without-schema", test_window_without_schema);

  status = g_test_run ();
  g_rmdir (state);
  return status;
}
