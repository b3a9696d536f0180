/* test-chart-view.c: the interactive chart widget
 *
 * With MC_TEST_SCREENSHOT_DIR set, the tests also save what the widget
 * shows as PNG files there, to be looked at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "mc-bundled.h"
#include "mc-chart-view.h"
#include "mc-display-image.h"
#include "mc-hit.h"
#include "mc-loader.h"
#include "mc-render.h"
#include "mc-test-gui.h"

#ifdef GDK_WINDOWING_X11
#include <cairo-xlib.h>
#include <gdk/x11/gdkx.h>
#endif

typedef struct
{
  GtkWindow    *window;
  McChartView  *view;
  McDataset    *dataset;
  McChartModel *chart;
} Fixture;

/* Helpers */

static McChartModel *
chart_new (McDataset  *dataset,
           const char *chart_id)
{
  g_autoptr(GError) error = NULL;
  const McChartSpec *spec = mc_dataset_lookup_chart (dataset, chart_id);
  McChartModel *chart;

  g_assert_nonnull (spec);
  chart = mc_chart_model_new (dataset, spec, &error);
  g_assert_no_error (error);
  return chart;
}

/* The dataset written in @json, which it frees. */
static McDataset *
load_json (GString    *json,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  McDataset *dataset = mc_loader_load_data (json->str, json->len, name, NULL, &error);

  g_assert_no_error (error);
  g_string_free (json, TRUE);
  return dataset;
}

/* Three regions over five years of months, on a time axis. */
static McDataset *
trend_dataset (void)
{
  GString *json = g_string_new (NULL);

  g_string_append (json,
                   "{ \"format\": \"market-charts/1\", \"id\": \"trend\", \"title\": \"Trend\","
                   "  \"source\": { \"name\": \"Test data\" },"
                   "  \"columns\": ["
                   "    { \"id\": \"month\", \"label\": \"Month\", \"type\": \"date\" },"
                   "    { \"id\": \"north\", \"label\": \"North\", \"type\": \"number\", \"unit\": \"USD\", \"scale\": \"billion\" },"
                   "    { \"id\": \"south\", \"label\": \"South\", \"type\": \"number\", \"unit\": \"USD\", \"scale\": \"billion\" },"
                   "    { \"id\": \"east\", \"label\": \"East\", \"type\": \"number\", \"unit\": \"USD\", \"scale\": \"billion\" }"
                   "  ],"
                   "  \"rows\": [");
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (json, "%s[\"%u-%02u\", %u, %u, %u]", i ? ", " : "",
                            2020 + i / 12, i % 12 + 1, 40 + i, 30 + (i * 7) % 25, 10 + i / 2);
  g_string_append (json,
                   "  ],"
                   "  \"charts\": [ { \"id\": \"trend\", \"type\": \"line\", \"title\": \"Revenue by region\","
                   "                  \"x\": \"month\", \"y\": [\"north\", \"south\", \"east\"] } ] }");
  return load_json (json, "trend.json");
}

/* A long zigzag line: 30,000 rows, more than the view keeps as drawing
 * commands, so that the view shows it as an image. */
static McDataset *
long_line_dataset (void)
{
  GString *json = g_string_new (NULL);

  g_string_append (json,
                   "{ \"format\": \"market-charts/1\", \"id\": \"long\", \"title\": \"Long\","
                   "  \"source\": { \"name\": \"Test data\" },"
                   "  \"columns\": ["
                   "    { \"id\": \"day\", \"label\": \"Day\", \"type\": \"number\" },"
                   "    { \"id\": \"price\", \"label\": \"Price\", \"type\": \"number\" }"
                   "  ],"
                   "  \"rows\": [");
  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (json, "%s[%u, %u]", i ? ", " : "", i, 100 + (i * 37) % 50 + i / 600);
  g_string_append (json,
                   "  ],"
                   "  \"charts\": [ { \"id\": \"long\", \"type\": \"line\", \"title\": \"Long line\","
                   "                  \"x\": \"day\", \"y\": [\"price\"] } ] }");
  return load_json (json, "long.json");
}

static void
wait_for_draw (Fixture *f)
{
  gtk_widget_queue_draw (GTK_WIDGET (f->view));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_setup (Fixture    *f,
               McDataset  *dataset,
               const char *chart_id)
{
  f->dataset = dataset;
  f->chart = chart_new (dataset, chart_id);
  f->view = MC_CHART_VIEW (mc_chart_view_new ());
  mc_chart_view_set_chart (f->view, f->chart);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 500);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  wait_for_draw (f);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), >, 300);
}

static void
fixture_setup_bundled (Fixture    *f,
                       const char *dataset_id,
                       const char *chart_id)
{
  g_autoptr(GError) error = NULL;
  McDataset *dataset = mc_bundled_lookup (dataset_id, &error);

  g_assert_no_error (error);
  fixture_setup (f, dataset, chart_id);
}

static void
fixture_teardown (Fixture *f)
{
  gtk_window_destroy (f->window);
  g_assert_finalize_object (f->chart);
  g_object_unref (f->dataset);
}

/* Runs the key binding of the widget for @keyval, as a key press would. */
static gboolean
press_key (Fixture         *f,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 GTK_WIDGET (f->view),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_error ("No binding for key %s", gdk_keyval_name (keyval));
}

static GtkEventController *
find_controller (Fixture *f,
                 GType    type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_error ("No %s on the chart view", g_type_name (type));
}

/* The pointer moving to (@x, @y), through the widget's own handler. */
static void
move_pointer (Fixture *f,
              double   x,
              double   y)
{
  g_signal_emit_by_name (find_controller (f, GTK_TYPE_EVENT_CONTROLLER_MOTION), "motion", x, y);
}

static void
click (Fixture *f,
       double   x,
       double   y)
{
  g_signal_emit_by_name (find_controller (f, GTK_TYPE_GESTURE_CLICK), "released", 1, x, y);
}

/* Scans the widget for a hit that @match accepts. */
typedef gboolean (*HitMatch) (const McChartHit *hit, gconstpointer data);

static gboolean
find_hit (Fixture       *f,
          HitMatch       match,
          gconstpointer  data,
          double        *x,
          double        *y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (f->view));
  int height = gtk_widget_get_height (GTK_WIDGET (f->view));

  for (int py = 2; py < height; py += 3)
    for (int px = 2; px < width; px += 3)
      {
        g_auto(McChartHit) hit = { 0 };

        if (mc_chart_view_get_hit_at (f->view, px, py, &hit) && match (&hit, data))
          {
            *x = px;
            *y = py;
            return TRUE;
          }
      }
  return FALSE;
}

static gboolean
match_mark_label (const McChartHit *hit,
                  gconstpointer     label)
{
  return hit->kind == MC_CHART_HIT_MARK && g_strcmp0 (hit->label, label) == 0;
}

static gboolean
match_legend (const McChartHit *hit,
              gconstpointer     series)
{
  return hit->kind == MC_CHART_HIT_LEGEND && hit->series == GPOINTER_TO_UINT (series);
}

static GdkTexture *
render_view (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (f->view));
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (GTK_WIDGET (f->view));
  int height = gtk_widget_get_height (GTK_WIDGET (f->view));
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  return texture;
}

/* Saves what the widget shows when MC_TEST_SCREENSHOT_DIR is set. */
static void
screenshot (Fixture    *f,
            const char *name)
{
  const char *dir = g_getenv ("MC_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    return;
  wait_for_draw (f);
  texture = render_view (f);
  file = g_strconcat ("chart-view-", name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Tests */

static void
test_chart_view_hit_bar (void)
{
  Fixture f = { 0 };
  g_auto(McChartHit) hit = { 0 };
  double x = 0, y = 0;

  fixture_setup_bundled (&f, "cloud-investment", "investment");

  g_assert_true (find_hit (&f, match_mark_label, "Tencent Cloud", &x, &y));
  g_assert_true (mc_chart_view_get_hit_at (f.view, x, y, &hit));
  g_assert_cmpstr (hit.label, ==, "Tencent Cloud");
  g_assert_cmpstr (hit.value, ==, "USD 70 bn");
  g_assert_cmpfloat (hit.raw_value, ==, 70);

  /* Hovering it shows the value beside the pointer. */
  move_pointer (&f, x, y);
  g_assert_nonnull (mc_chart_view_get_hovered (f.view));
  g_assert_nonnull (strstr (mc_chart_view_get_hovered (f.view), "Tencent Cloud"));
  g_assert_nonnull (strstr (mc_chart_view_get_hovered (f.view), "USD 70 bn"));
  screenshot (&f, "hover-bar");

  /* Nothing above the title. */
  move_pointer (&f, 1, 1);
  g_assert_null (mc_chart_view_get_hovered (f.view));

  fixture_teardown (&f);
}

static char *
expected_description (McChartView *view,
                      guint        position,
                      guint        count)
{
  g_auto(McChartHit) hit = { 0 };

  g_assert_true (mc_chart_view_get_hovered_hit (view, &hit));
  g_assert_false (hit.estimate);
  if (hit.note != NULL)
    return g_strdup_printf ("%s, %s: %s, %s, %u of %u", hit.label, hit.series_name, hit.value,
                            hit.note, position, count);
  return g_strdup_printf ("%s, %s: %s, %u of %u", hit.label, hit.series_name, hit.value,
                          position, count);
}

static void
test_chart_view_keyboard (void)
{
  Fixture f = { 0 };
  g_auto(McChartHit) first = { 0 };
  g_auto(McChartHit) second = { 0 };
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  guint renders;

  fixture_setup_bundled (&f, "cloud-investment", "investment");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (f.view), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f.view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Alibaba’s USD 50 bn is among the largest AI "
                                       "and cloud commitments");
  summary = mc_chart_describe (f.chart, mc_chart_view_get_marks (f.view));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f.view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f.view)));

  /* The first arrow press goes to the first bar: sorted, the largest. */
  renders = mc_chart_view_get_n_renders (f.view);
  g_assert_true (press_key (&f, GDK_KEY_Right, 0));
  g_assert_true (mc_chart_view_get_hovered_hit (f.view, &first));
  g_assert_cmpstr (first.label, ==, "Tencent Cloud");
  g_assert_cmpstr (first.value, ==, "USD 70 bn");
  description = expected_description (f.view, 1, 5);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f.view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  /* Highlighted on screen: drawn again with the others dimmed. */
  wait_for_draw (&f);
  g_assert_cmpuint (mc_chart_view_get_n_renders (f.view), ==, renders + 1);
  gtk_widget_grab_focus (GTK_WIDGET (f.view));
  gtk_window_set_focus_visible (f.window, TRUE);
  screenshot (&f, "keyboard-bar");

  g_assert_true (press_key (&f, GDK_KEY_Right, 0));
  g_assert_true (mc_chart_view_get_hovered_hit (f.view, &second));
  g_assert_cmpstr (second.label, !=, first.label);
  g_assert_cmpfloat (second.raw_value, <=, first.raw_value);
  g_clear_pointer (&description, g_free);
  description = expected_description (f.view, 2, 5);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f.view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);

  /* End goes to the last bar, past which Right stays put. */
  g_assert_true (press_key (&f, GDK_KEY_End, 0));
  g_clear_pointer (&description, g_free);
  description = expected_description (f.view, 5, 5);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f.view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_true (press_key (&f, GDK_KEY_Right, 0));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f.view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_true (press_key (&f, GDK_KEY_Home, 0));
  mc_chart_hit_clear (&second);
  g_assert_true (mc_chart_view_get_hovered_hit (f.view, &second));
  g_assert_cmpstr (second.label, ==, "Tencent Cloud");

  /* Escape clears, and the summary comes back; a second one is left to
   * the window. */
  g_assert_true (press_key (&f, GDK_KEY_Escape, 0));
  g_assert_null (mc_chart_view_get_hovered (f.view));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f.view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
  g_assert_false (press_key (&f, GDK_KEY_Escape, 0));

  fixture_teardown (&f);
}

static void
test_chart_view_pie (void)
{
  Fixture f = { 0 };
  g_auto(McChartHit) hit = { 0 };
  guint count = 1;

  fixture_setup_bundled (&f, "cloud-investment", "market-share");

  /* Slices clockwise from the largest, the computed rest last. */
  g_assert_true (press_key (&f, GDK_KEY_Right, 0));
  g_assert_true (mc_chart_view_get_hovered_hit (f.view, &hit));
  for (;;)
    {
      g_auto(McChartHit) next = { 0 };

      g_assert_true (press_key (&f, GDK_KEY_Right, 0));
      g_assert_true (mc_chart_view_get_hovered_hit (f.view, &next));
      if (g_strcmp0 (next.label, hit.label) == 0)
        break;
      if (g_strcmp0 (next.label, "Rest of market, computed") != 0)
        g_assert_cmpfloat (next.raw_value, <=, hit.raw_value);
      mc_chart_hit_clear (&hit);
      hit = next;
      next = (McChartHit) { 0 };
      count++;
    }
  g_assert_cmpstr (hit.label, ==, "Rest of market, computed");
  g_assert_cmpuint (count, >=, 4);
  /* Up and Down: a pie has no other series. */
  g_assert_true (press_key (&f, GDK_KEY_Up, 0));
  mc_chart_hit_clear (&hit);
  g_assert_true (mc_chart_view_get_hovered_hit (f.view, &hit));
  g_assert_cmpstr (hit.label, ==, "Rest of market, computed");
  screenshot (&f, "keyboard-pie");

  fixture_teardown (&f);
}

static void
test_chart_view_crosshair (void)
{
  Fixture f = { 0 };
  g_auto(McChartHit) hit = { 0 };
  g_auto(McChartHit) below = { 0 };
  double px, py, pw, ph;

  fixture_setup (&f, trend_dataset (), "trend");
  g_assert_true (mc_marks_get_plot_area (mc_chart_view_get_marks (f.view), &px, &py, &pw, &ph));

  /* Anywhere over the plot, the nearest point in x. */
  move_pointer (&f, px + pw / 2, py + 2);
  g_assert_true (mc_chart_view_get_hovered_hit (f.view, &hit));
  g_assert_cmpint (hit.kind, ==, MC_CHART_HIT_MARK);
  g_assert_nonnull (hit.label);
  screenshot (&f, "crosshair");

  /* Down goes to the line drawn below at the same date. */
  g_assert_true (press_key (&f, GDK_KEY_Down, 0));
  g_assert_true (mc_chart_view_get_hovered_hit (f.view, &below));
  g_assert_cmpstr (below.label, ==, hit.label);
  g_assert_cmpuint (below.series, !=, hit.series);
  g_assert_cmpfloat (below.raw_value, <, hit.raw_value);

  fixture_teardown (&f);
}

static void
test_chart_view_legend (void)
{
  Fixture f = { 0 };
  double x = 0, y = 0;
  guint renders;

  fixture_setup (&f, trend_dataset (), "trend");
  g_assert_true (mc_chart_view_get_series_visible (f.view, 1));

  g_assert_true (find_hit (&f, match_legend, GUINT_TO_POINTER (1), &x, &y));
  renders = mc_chart_view_get_n_renders (f.view);
  click (&f, x, y);
  g_assert_false (mc_chart_view_get_series_visible (f.view, 1));
  wait_for_draw (&f);
  g_assert_cmpuint (mc_chart_view_get_n_renders (f.view), >, renders);
  screenshot (&f, "legend-hidden");

  /* Its entry stays, to show it again. */
  g_assert_true (find_hit (&f, match_legend, GUINT_TO_POINTER (1), &x, &y));
  click (&f, x, y);
  g_assert_true (mc_chart_view_get_series_visible (f.view, 1));

  /* The last visible series stays. */
  mc_chart_view_set_series_visible (f.view, 0, FALSE);
  mc_chart_view_set_series_visible (f.view, 1, FALSE);
  g_assert_true (find_hit (&f, match_legend, GUINT_TO_POINTER (2), &x, &y));
  click (&f, x, y);
  g_assert_true (mc_chart_view_get_series_visible (f.view, 2));

  fixture_teardown (&f);
}

static void
test_chart_view_zoom (void)
{
  Fixture f = { 0 };
  double lo, hi, min, max, min2, max2;
  g_auto(McChartHit) hit = { 0 };

  fixture_setup (&f, trend_dataset (), "trend");
  g_assert_true (mc_chart_model_get_x_extent (f.chart, &lo, &hi));
  g_assert_false (mc_chart_view_get_zoomed (f.view));
  g_assert_false (mc_chart_view_get_x_window (f.view, NULL, NULL));

  /* The keyboard zooms in around the middle. */
  g_assert_true (press_key (&f, GDK_KEY_plus, 0));
  g_assert_true (mc_chart_view_get_x_window (f.view, &min, &max));
  g_assert_true (mc_chart_view_get_zoomed (f.view));
  g_assert_cmpfloat_with_epsilon (max - min, (hi - lo) / 1.5, 1e-6);
  g_assert_cmpfloat_with_epsilon ((min + max) / 2, (lo + hi) / 2, 1e-6);
  wait_for_draw (&f);

  /* Hover finds only points inside the window. */
  move_pointer (&f, 5, gtk_widget_get_height (GTK_WIDGET (f.view)) / 2.0);
  if (mc_chart_view_get_hovered_hit (f.view, &hit))
    g_assert_cmpfloat (hit.raw_value, >=, 0);
  screenshot (&f, "zoomed");

  /* Panning moves the window, and stops at the end of the data. */
  mc_chart_view_pan (f.view, 100);
  g_assert_true (mc_chart_view_get_x_window (f.view, &min2, &max2));
  g_assert_cmpfloat (min2, >, min);
  g_assert_cmpfloat_with_epsilon (max2 - min2, max - min, 1e-6);
  mc_chart_view_pan (f.view, 100000);
  g_assert_true (mc_chart_view_get_x_window (f.view, &min2, &max2));
  g_assert_cmpfloat_with_epsilon (max2, hi, 1e-6);

  /* Zooming out far enough shows everything; reset too. */
  gtk_widget_activate_action (GTK_WIDGET (f.view), "chart.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f.view), "chart.zoom-out", NULL);
  g_assert_true (mc_chart_view_get_zoomed (f.view));
  g_assert_true (press_key (&f, GDK_KEY_0, 0));
  g_assert_false (mc_chart_view_get_zoomed (f.view));
  g_assert_false (mc_view_options_get_x_window (mc_chart_view_get_options (f.view), NULL, NULL));

  /* Not below a month of monthly data. */
  mc_chart_view_zoom (f.view, 1e6, NAN);
  g_assert_true (mc_chart_view_get_x_window (f.view, &min, &max));
  g_assert_cmpfloat (max - min, >=, 28);
  mc_chart_view_zoom (f.view, 1e-6, NAN);
  g_assert_false (mc_chart_view_get_zoomed (f.view));

  fixture_teardown (&f);
}

static void
test_chart_view_no_zoom_for_bars (void)
{
  Fixture f = { 0 };

  fixture_setup_bundled (&f, "cloud-investment", "investment");
  gtk_widget_activate_action (GTK_WIDGET (f.view), "chart.zoom-in", NULL);
  g_assert_false (mc_chart_view_get_zoomed (f.view));
  fixture_teardown (&f);
}

static void
test_chart_view_cache (void)
{
  Fixture f = { 0 };
  guint renders;

  fixture_setup_bundled (&f, "alibaba-cloud-revenue", "revenue");
  /* The X server's pointer may rest over the chart: a hover would rightly
   * render a highlight whenever its crossing event arrives. Counting
   * renders of an unchanged chart needs no pointer. */
  gtk_widget_set_can_target (GTK_WIDGET (f.view), FALSE);
  /* The first frames may still see the window settle to its final size
   * and style (slowly on a loaded machine), which rightly renders again:
   * start counting once a frame has passed with no new size and no new
   * rendering. */
  for (guint i = 0; i < 20; i++)
    {
      int width = gtk_widget_get_width (GTK_WIDGET (f.view));
      int height = gtk_widget_get_height (GTK_WIDGET (f.view));
      guint before = mc_chart_view_get_n_renders (f.view);

      wait_for_draw (&f);
      if (width == gtk_widget_get_width (GTK_WIDGET (f.view)) &&
          height == gtk_widget_get_height (GTK_WIDGET (f.view)) &&
          before == mc_chart_view_get_n_renders (f.view))
        break;
    }
  renders = mc_chart_view_get_n_renders (f.view);
  g_assert_cmpuint (renders, >=, 1);

  /* Frames without changes reuse the rendering. */
  wait_for_draw (&f);
  wait_for_draw (&f);
  g_assert_cmpuint (mc_chart_view_get_n_renders (f.view), ==, renders);

  /* A new size needs a new one. */
  gtk_widget_set_size_request (GTK_WIDGET (f.view), 900, 560);
  wait_for_draw (&f);
  g_assert_cmpuint (gtk_widget_get_width (GTK_WIDGET (f.view)), >=, 900);
  g_assert_cmpuint (mc_chart_view_get_n_renders (f.view), >, renders);
  renders = mc_chart_view_get_n_renders (f.view);
  wait_for_draw (&f);
  g_assert_cmpuint (mc_chart_view_get_n_renders (f.view), ==, renders);

  /* So does another chart. */
  {
    g_autoptr(McChartModel) growth = chart_new (f.dataset, "revenue-growth");

    mc_chart_view_set_chart (f.view, growth);
    wait_for_draw (&f);
    g_assert_cmpuint (mc_chart_view_get_n_renders (f.view), ==, renders + 1);
    mc_chart_view_set_chart (f.view, f.chart);
  }

  fixture_teardown (&f);
}

static void
test_chart_view_dark (void)
{
  Fixture f = { 0 };
  AdwStyleManager *manager = adw_style_manager_get_default ();
  guint renders;

  fixture_setup_bundled (&f, "alibaba-share-price", "price-and-market-cap");
  g_assert_false (mc_chart_view_get_dark (f.view));
  renders = mc_chart_view_get_n_renders (f.view);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_draw (&f);
  g_assert_true (mc_chart_view_get_dark (f.view));
  g_assert_true (mc_theme_is_dark (mc_chart_view_get_theme (f.view)));
  g_assert_cmpuint (mc_chart_view_get_n_renders (f.view), >, renders);
  g_assert_true (press_key (&f, GDK_KEY_Right, 0));
  g_assert_true (press_key (&f, GDK_KEY_Right, 0));
  screenshot (&f, "dark-keyboard-line");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  wait_for_draw (&f);
  g_assert_false (mc_chart_view_get_dark (f.view));

  fixture_teardown (&f);
}

static void
test_chart_view_vision (void)
{
  Fixture f = { 0 };
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int width, height;
  guint coloured = 0;

  fixture_setup_bundled (&f, "cloud-investment", "investment");
  g_assert_cmpint (mc_chart_view_get_vision (f.view), ==, MC_VISION_NORMAL);

  /* As the window's menu sets it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "chart.vision", "s",
                                             "deuteranopia"));
  g_assert_cmpint (mc_chart_view_get_vision (f.view), ==, MC_VISION_DEUTERANOPIA);
  screenshot (&f, "deuteranopia");

  /* Greyscale leaves no colour at all. */
  g_object_set (f.view, "vision", MC_VISION_GREYSCALE, NULL);
  g_assert_cmpint (mc_chart_view_get_vision (f.view), ==, MC_VISION_GREYSCALE);
  wait_for_draw (&f);
  texture = render_view (&f);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      const guchar *p = pixels + i * 4;

      if (abs (p[0] - p[1]) > 2 || abs (p[1] - p[2]) > 2)
        coloured++;
    }
  g_assert_cmpuint (coloured, ==, 0);
  screenshot (&f, "greyscale");

  /* Back to normal, the bars are coloured again. */
  mc_chart_view_set_vision (f.view, MC_VISION_NORMAL);
  wait_for_draw (&f);
  g_clear_object (&texture);
  texture = render_view (&f);
  gdk_texture_download (texture, pixels, width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      const guchar *p = pixels + i * 4;

      if (abs (p[0] - p[1]) > 2 || abs (p[1] - p[2]) > 2)
        coloured++;
    }
  g_assert_cmpuint (coloured, >, 1000);

  fixture_teardown (&f);
}

#ifdef GDK_WINDOWING_X11
/* The pixels the X server shows for @f's view, as an RGB24 image the
 * view's size. */
static cairo_surface_t *
read_view_from_screen (Fixture *f)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  Window xid = gdk_x11_surface_get_xid (surface);
  int width = gtk_widget_get_width (GTK_WIDGET (f->view));
  int height = gtk_widget_get_height (GTK_WIDGET (f->view));
  XWindowAttributes attributes;
  graphene_point_t origin;
  double surface_x, surface_y;
  cairo_surface_t *window, *pixels;
  cairo_t *cr;

  g_assert_true (XGetWindowAttributes (xdisplay, xid, &attributes));
  gtk_native_get_surface_transform (GTK_NATIVE (f->window), &surface_x, &surface_y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (f->view), GTK_WIDGET (f->window),
                                           &GRAPHENE_POINT_INIT (0, 0), &origin));
  window = cairo_xlib_surface_create (xdisplay, xid, attributes.visual,
                                      attributes.width, attributes.height);
  pixels = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (pixels);
  cairo_set_source_surface (cr, window, -(origin.x + surface_x), -(origin.y + surface_y));
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (window);
  cairo_surface_flush (pixels);
  return pixels;
}
#endif

#ifdef GDK_WINDOWING_X11
/* Whether the X server of @widget's display shares memory with its
 * clients (MIT-SHM), as a local Xvfb or Xorg does. */
static gboolean
server_shares_memory (GtkWidget *widget)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  int opcode, event, error;

  return XQueryExtension (xdisplay, "MIT-SHM", &opcode, &event, &error);
}
#endif

/* On X11 with the cairo renderer (the tests' setting), the view's images
 * are of the X server's shared memory where it shares any, else plain;
 * a widget outside a window gets a plain image. */
static void
test_chart_view_display_image (void)
{
#ifdef GDK_WINDOWING_X11
  Fixture f = { 0 };
  GtkWidget *unshown = g_object_ref_sink (gtk_label_new (NULL));
  cairo_surface_t *image;

  fixture_setup (&f, long_line_dataset (), "long");
  if (!GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (f.view))))
    {
      fixture_teardown (&f);
      g_object_unref (unshown);
      g_test_skip ("Not an X11 display");
      return;
    }

  image = mc_display_image_new (GTK_WIDGET (f.view), 800, 500);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_get_type (image), ==, CAIRO_SURFACE_TYPE_IMAGE);
  g_assert_cmpint (cairo_image_surface_get_format (image), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 500);
  if (server_shares_memory (GTK_WIDGET (f.view)))
    {
      g_assert_nonnull (cairo_surface_get_device (image));
      g_assert_cmpint (cairo_device_get_type (cairo_surface_get_device (image)), ==,
                       CAIRO_DEVICE_TYPE_XLIB);
    }
  else
    g_assert_null (cairo_surface_get_device (image));
  cairo_surface_destroy (image);

  image = mc_display_image_new (unshown, 800, 500);
  g_assert_cmpint (cairo_surface_get_type (image), ==, CAIRO_SURFACE_TYPE_IMAGE);
  g_assert_null (cairo_surface_get_device (image));
  cairo_surface_destroy (image);

  g_object_unref (unshown);
  fixture_teardown (&f);
#else
  g_test_skip ("Built without X11");
#endif
}

#ifdef GDK_WINDOWING_X11
/* The chart as @f's view shows it now, drawn anew into a plain image. */
static cairo_surface_t *
draw_view_anew (Fixture *f)
{
  int width = gtk_widget_get_width (GTK_WIDGET (f->view));
  int height = gtk_widget_get_height (GTK_WIDGET (f->view));
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_auto(McViewOptions) options = { 0 };
  cairo_t *cr = cairo_create (image);

  mc_view_options_copy (&options, mc_chart_view_get_options (f->view));
  mc_view_options_set_highlight (&options, -1, -1);
  mc_marks_unref (mc_chart_render (f->chart, &options, cr, width, height,
                                   mc_chart_view_get_theme (f->view)));
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}
#endif

/* What the screen shows of a long chart, which the view draws into an
 * image, is the chart, pixel for pixel, render after render. */
static void
test_chart_view_on_screen (void)
{
#ifdef GDK_WINDOWING_X11
  Fixture f = { 0 };

  fixture_setup (&f, long_line_dataset (), "long");
  if (!GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (f.view))))
    {
      fixture_teardown (&f);
      g_test_skip ("Not an X11 display");
      return;
    }
  gtk_widget_set_can_target (GTK_WIDGET (f.view), FALSE);

  for (guint step = 0; step < 4; step++)
    {
      cairo_surface_t *drawn, *shown;
      guint renders = mc_chart_view_get_n_renders (f.view);
      guint compared = 0, different = 0;
      int width, height;

      /* A new render each step: zoomed in, twice, and out again. */
      if (step == 1 || step == 2)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "chart.zoom-in", NULL));
      else if (step == 3)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "chart.zoom-out", NULL));
      wait_for_draw (&f);
      wait_for_draw (&f);
      if (step > 0)
        g_assert_cmpuint (mc_chart_view_get_n_renders (f.view), >, renders);

      drawn = draw_view_anew (&f);
      shown = read_view_from_screen (&f);
      width = cairo_image_surface_get_width (drawn);
      height = cairo_image_surface_get_height (drawn);
      for (int y = 0; y < height; y++)
        {
          const guint32 *drawn_row = (const guint32 *) (cairo_image_surface_get_data (drawn)
                                                        + (gsize) y * cairo_image_surface_get_stride (drawn));
          const guint32 *shown_row = (const guint32 *) (cairo_image_surface_get_data (shown)
                                                        + (gsize) y * cairo_image_surface_get_stride (shown));

          for (int x = 0; x < width; x++)
            {
              /* Where the chart lets the window's background show
               * through, the screen shows that background. */
              if (drawn_row[x] >> 24 != 0xff)
                continue;
              compared++;
              if ((drawn_row[x] & 0xffffff) != (shown_row[x] & 0xffffff))
                different++;
            }
        }
      cairo_surface_destroy (drawn);
      cairo_surface_destroy (shown);
      g_assert_cmpuint (compared, >, (guint) (width * height / 2));
      g_assert_cmpuint (different, ==, 0);
    }

  fixture_teardown (&f);
#else
  g_test_skip ("Built without X11");
#endif
}

int
main (int   argc,
      char *argv[])
{
  if (!init_gui_test (&argc, &argv))
    return 77;

  g_test_add_func ("/mc/chart-view/hit-bar", test_chart_view_hit_bar);
  g_test_add_func ("/mc/chart-view/keyboard", test_chart_view_keyboard);
  g_test_add_func ("/mc/chart-view/pie", test_chart_view_pie);
  g_test_add_func ("/mc/chart-view/crosshair", test_chart_view_crosshair);
  g_test_add_func ("/mc/chart-view/legend", test_chart_view_legend);
  g_test_add_func ("/mc/chart-view/zoom", test_chart_view_zoom);
  g_test_add_func ("/mc/chart-view/no-zoom-for-bars", test_chart_view_no_zoom_for_bars);
  g_test_add_func ("/mc/chart-view/cache", test_chart_view_cache);
  g_test_add_func ("/mc/chart-view/dark", test_chart_view_dark);
  g_test_add_func ("/mc/chart-view/vision", test_chart_view_vision);
  g_test_add_func ("/mc/chart-view/display-image", test_chart_view_display_image);
  g_test_add_func ("/mc/chart-view/on-screen", test_chart_view_on_screen);

  return g_test_run ();
}
