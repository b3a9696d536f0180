/* mc-chart-view.c: the interactive chart: hover values, keyboard walking,
 * legend toggling, zooming time axes, colour vision previews
 *
 * The chart is drawn by the core renderer into a render node that is
 * kept until something it shows changes (size, theme, chart, highlight,
 * series, zoom, vision). What follows the pointer (the crosshair, the
 * point marker, the value bubble) and the focus ring are drawn on top of
 * it on every frame, without the renderer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mc-chart-view"

#include "config.h"

#include "mc-chart-view.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mc-chart.h"
#include "mc-display-image.h"
#include "mc-font.h"
#include "mc-timing.h"

/* Zoom steps of the keyboard and of one wheel click. */
#define MC_ZOOM_STEP 1.5
#define MC_WHEEL_ZOOM_STEP 1.2
/* Lines of more rows than this are not dimmed on hover (see
 * get_highlight()). */
#define MC_MAX_DIMMED_ROWS 20000
/* Charts of more rows are kept as an image rather than as their drawing,
 * which the cairo renderer replays on every frame: for a million points
 * that is some 40 ms a frame, the image a copy. */
#define MC_MAX_VECTOR_ROWS 20000
/* Zoomed in at most this many times over the whole x range. */
#define MC_MAX_ZOOM 1000.0
/* The value bubble: distance from the pointer, padding, corner radius. */
#define MC_BUBBLE_OFFSET 16.0
#define MC_BUBBLE_PAD_X 10.0
#define MC_BUBBLE_PAD_Y 7.0
#define MC_BUBBLE_RADIUS 6.0

typedef enum
{
  ITEM_NONE,
  ITEM_POINTER,
  ITEM_KEYBOARD,
} ItemSource;

struct _McChartView
{
  GtkWidget      parent_instance;

  McChartModel  *chart;
  McViewOptions  view;          /* hidden series and the zoom window */
  McTheme       *theme;
  const char    *font_family;   /* of the interface, interned; nullable */
  McVision       vision;
  GdkRGBA        accent;

  /* The rendered chart, without and with the current highlight, and what
   * was drawn where (the same in both). */
  GskRenderNode *base_node;
  McMarks       *marks;
  GskRenderNode *highlight_node;
  int            highlight_series;
  int            highlight_index;
  guint          n_renders;
  gint64         render_time;   /* of all renders, in microseconds */

  /* The mark the pointer or the keyboard is on. */
  ItemSource     source;
  McChartItem    item;
  McChartHit     hit;
  char          *hovered;
  double         pointer_x;
  double         pointer_y;

  /* Panning and pinching start from the window they began with. */
  double         gesture_min;
  double         gesture_max;
  double         gesture_anchor;
  double         gesture_scale;   /* data units per pixel */
  gboolean       panning;
};

G_DEFINE_FINAL_TYPE (McChartView, mc_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_VISION,
  PROP_DARK,
  PROP_HOVERED,
  PROP_ZOOMED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_accessible (McChartView *self);
static void refresh_item (McChartView *self);

/* Rendering and its cache */

static void
drop_highlight_node (McChartView *self)
{
  g_clear_pointer (&self->highlight_node, gsk_render_node_unref);
  self->highlight_series = self->highlight_index = -1;
}

static void
drop_cache (McChartView *self)
{
  g_clear_pointer (&self->base_node, gsk_render_node_unref);
  g_clear_pointer (&self->marks, mc_marks_unref);
  drop_highlight_node (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Colour vision previews need pixels, and long charts are cheaper to
 * repaint as pixels: the chart is drawn into an image at the display's
 * scale and the simulation, if any, is applied to it. */
static const cairo_user_data_key_t recorded_image_key;

static GskRenderNode *
render_simulated (McChartView          *self,
                  const McViewOptions  *view,
                  int                   width,
                  int                   height,
                  McMarks             **marks)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GtkSnapshot *snapshot;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = mc_display_image_new (GTK_WIDGET (self), width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  *marks = mc_chart_render (self->chart, view, cr, width, height, self->theme);
  cairo_destroy (cr);
  mc_vision_transform_surface (self->vision, surface);

  /* A cairo node that paints the image: GTK 4.8's cairo renderer copies a
   * texture node's pixels into a new surface on every frame (9 ms for a
   * 1200 × 800 chart), but paints an image surface directly. The node's
   * recording keeps the image until it is freed itself: cairo would copy
   * an image let go while a recording still paints it (0.4 ms). */
  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_surface_set_user_data (cairo_get_target (cr), &recorded_image_key, surface,
                               (cairo_destroy_func_t) cairo_surface_destroy);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (snapshot);
}

/* Whether the chart is kept as an image: for a colour vision preview,
 * for a long chart, and for one of a row every two pixel columns or
 * closer, whose lines are dense: the line rasteriser draws those into an
 * image (2,000 points of noise: 8 ms), where cairo's stroke, replayed at
 * every repaint of the drawing, takes 66 ms. */
static gboolean
renders_to_image (McChartView *self)
{
  guint n_rows = mc_dataset_get_n_rows (mc_chart_model_get_dataset (self->chart));

  return self->vision != MC_VISION_NORMAL || n_rows > MC_MAX_VECTOR_ROWS
         || 2 * (double) n_rows >= gtk_widget_get_width (GTK_WIDGET (self));
}

/* Renders the chart with the view's options and, for this render only,
 * a highlight; @marks gets what was drawn where. */
static GskRenderNode *
render_chart (McChartView  *self,
              int           series,
              int           index,
              McMarks     **marks)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_auto(McViewOptions) view = { 0 };
  GskRenderNode *node;
  gint64 started = g_get_monotonic_time ();

  if (self->chart == NULL || width <= 0 || height <= 0)
    return NULL;

  mc_view_options_copy (&view, &self->view);
  mc_view_options_set_highlight (&view, series, index);
  if (renders_to_image (self))
    node = render_simulated (self, &view, width, height, marks);
  else
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      *marks = mc_chart_render (self->chart, &view, cr, width, height, self->theme);
      cairo_destroy (cr);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  self->n_renders++;
  self->render_time += g_get_monotonic_time () - started;
  return node;
}

/* The chart drawn at the widget's size, without highlight; its marks are
 * where the pointer and the keyboard find things. */
static gboolean
ensure_rendered (McChartView *self)
{
  if (self->chart == NULL)
    return FALSE;
  if (self->base_node != NULL)
    return TRUE;
  g_clear_pointer (&self->marks, mc_marks_unref);
  self->base_node = render_chart (self, -1, -1, &self->marks);
  return self->base_node != NULL;
}

/* Lines and areas: the marks are the points of their series, found by x. */
static gboolean
is_line_chart (McChartView *self)
{
  return self->marks != NULL && mc_marks_has_points (self->marks);
}

static gboolean
series_visible (McChartView *self,
                guint        series)
{
  return !mc_chart_model_can_hide_series (self->chart)
         || mc_view_options_get_series_visible (&self->view, series);
}

static guint
count_visible_series (McChartView *self)
{
  guint count = 0;

  for (guint s = 0; s < mc_chart_model_get_n_series (self->chart); s++)
    count += series_visible (self, s);
  return count;
}

/* Bars and slices dim all other marks; a line dims the other lines (its
 * point is marked on top). A lone line needs no highlight at all, nor do
 * long series: drawing half a million points again takes a quarter of a
 * second, too slow to follow the pointer from line to line. */
static void
get_highlight (McChartView *self,
               int         *series,
               int         *index)
{
  *series = *index = -1;
  if (self->source == ITEM_NONE)
    return;
  if (!is_line_chart (self))
    {
      *series = self->item.series;
      *index = self->item.index;
    }
  else if (count_visible_series (self) > 1
           && mc_dataset_get_n_rows (mc_chart_model_get_dataset (self->chart))
              <= MC_MAX_DIMMED_ROWS)
    *series = self->item.series;
}

static GskRenderNode *
get_chart_node (McChartView *self)
{
  g_autoptr(McMarks) marks = NULL;
  int series, index;

  if (!ensure_rendered (self))
    return NULL;
  get_highlight (self, &series, &index);
  if (series < 0)
    return self->base_node;
  if (self->highlight_node == NULL || series != self->highlight_series
      || index != self->highlight_index)
    {
      drop_highlight_node (self);
      /* The same layout as the base: its marks are not needed. */
      self->highlight_node = render_chart (self, series, index, &marks);
      self->highlight_series = series;
      self->highlight_index = index;
    }
  return self->highlight_node;
}

/* The current mark */

static char *
format_hit_text (const McChartHit *hit)
{
  GString *text = g_string_new (hit->label);

  g_string_append_c (text, '\n');
  /* Translators: a series and its value, as in "Investment: USD 70 bn" */
  g_string_append_printf (text, _("%s: %s"), hit->series_name, hit->value);
  if (hit->estimate)
    g_string_append_printf (text, "\n%s", _("Estimate"));
  if (hit->note && *hit->note && g_strcmp0 (hit->note, _("Est.")) != 0)
    g_string_append_printf (text, "%s%s", hit->estimate ? " · " : "\n", hit->note);
  return g_string_free (text, FALSE);
}

static void
set_hovered (McChartView *self,
             char        *text)
{
  if (g_strcmp0 (self->hovered, text) == 0)
    {
      g_free (text);
      return;
    }
  g_free (self->hovered);
  self->hovered = text;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED]);
}

static void
clear_item (McChartView *self)
{
  if (self->source == ITEM_NONE)
    return;
  self->source = ITEM_NONE;
  mc_chart_hit_clear (&self->hit);
  set_hovered (self, NULL);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_item (McChartView       *self,
          const McChartItem *item,
          ItemSource         source)
{
  gboolean same = self->source != ITEM_NONE && self->item.series == item->series
                  && self->item.point == item->point;
  ItemSource old_source = self->source;

  self->item = *item;
  self->source = source;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (same)
    {
      /* The keyboard says where it is even on the mark under the pointer. */
      if (source != old_source)
        update_accessible (self);
      return;
    }
  mc_chart_hit_clear (&self->hit);
  if (!mc_hit_item_get_hit (self->marks, item, &self->hit))
    {
      clear_item (self);
      return;
    }
  set_hovered (self, format_hit_text (&self->hit));
  update_accessible (self);
}

/* After a render, the mark may have moved, or gone with its series. */
static void
refresh_item (McChartView *self)
{
  McChartItem item = self->item;

  if (self->source == ITEM_NONE || !ensure_rendered (self))
    return;
  if (!mc_hit_item_update (self->marks, &item))
    {
      clear_item (self);
      return;
    }
  self->item = item;
}

/* Accessibility: the title names the chart; its description is the
 * summary, or the mark the keyboard or pointer is on, so that moving
 * from mark to mark is read out. */

static char *
describe_item (McChartView *self)
{
  g_autofree char *lines = format_hit_text (&self->hit);
  g_auto(GStrv) parts = g_strsplit (lines, "\n", -1);
  /* Lines of the bubble, read as one sentence. */
  g_autofree char *text = g_strjoinv (", ", parts);
  guint position, count;

  if (self->source != ITEM_KEYBOARD)
    return g_steal_pointer (&text);
  mc_hit_item_get_position (self->marks, &self->item, &position, &count);
  if (count == 0)
    return g_steal_pointer (&text);
  /* Translators: a chart's mark and where it is, as in "Tencent Cloud,
   * Investment: USD 70 bn, 1 of 5" */
  return g_strdup_printf (_("%s, %u of %u"), text, position, count);
}

static void
update_accessible (McChartView *self)
{
  g_autofree char *description = NULL;

  if (self->chart == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  if (self->source != ITEM_NONE && ensure_rendered (self))
    description = describe_item (self);
  else
    description = mc_chart_describe (self->chart, self->marks);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  mc_chart_model_get_title (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Zooming */

static double
minimum_span (McChartView *self,
              double       full)
{
  const McColumn *column = mc_chart_model_get_x_column (self->chart);
  double unit = 0;

  /* Never closer than one step of the data's dates. */
  if (column && mc_column_get_column_type (column) == MC_COLUMN_DATE)
    switch (mc_column_get_date_precision (column))
      {
      case MC_DATE_YEAR:
        unit = 365;
        break;
      case MC_DATE_MONTH:
        unit = 28;
        break;
      case MC_DATE_DAY:
      default:
        unit = 1;
        break;
      }
  return MAX (full / MC_MAX_ZOOM, unit);
}

static gboolean
get_extent (McChartView *self,
            double      *min,
            double      *max)
{
  return self->chart != NULL && mc_chart_model_can_zoom (self->chart)
         && mc_chart_model_get_x_extent (self->chart, min, max);
}

static void
update_zoom_actions (McChartView *self)
{
  double lo = 0, hi = 0, min = 0, max = 0;
  gboolean can_zoom = get_extent (self, &lo, &hi);
  gboolean zoomed = mc_chart_view_get_x_window (self, &min, &max);

  if (!zoomed)
    min = lo, max = hi;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.zoom-in",
                                 can_zoom && max - min > minimum_span (self, hi - lo) * 1.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.zoom-out", zoomed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.zoom-reset", zoomed);
}

/* Shows [@min, @max], kept inside the data and no narrower than the
 * minimum span; the whole range means no window at all. */
static void
set_window (McChartView *self,
            double       min,
            double       max)
{
  double lo, hi, span, old_min = NAN, old_max = NAN;
  gboolean was_zoomed = mc_chart_view_get_x_window (self, &old_min, &old_max);
  gboolean zoomed;

  if (!get_extent (self, &lo, &hi) || !(max > min))
    return;
  span = CLAMP (max - min, minimum_span (self, hi - lo), hi - lo);
  min = CLAMP (min, lo, hi - span);
  max = min + span;
  zoomed = span < (hi - lo) * (1 - 1e-9);
  if (zoomed ? (was_zoomed && min == old_min && max == old_max) : !was_zoomed)
    return;

  if (zoomed)
    mc_view_options_set_x_window (&self->view, min, max);
  else
    mc_view_options_set_x_window (&self->view, NAN, NAN);
  drop_cache (self);
  refresh_item (self);
  update_zoom_actions (self);
  if (zoomed != was_zoomed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOMED]);
}

static gboolean
get_shown_range (McChartView *self,
                 double      *min,
                 double      *max)
{
  return mc_chart_view_get_x_window (self, min, max) || get_extent (self, min, max);
}

/* The x value under @x, or the middle of what is shown. */
static double
anchor_value (McChartView *self,
              double       x,
              double       min,
              double       max)
{
  double value = NAN;

  if (isfinite (x) && ensure_rendered (self))
    value = mc_marks_get_x_at (self->marks, x);
  return isfinite (value) ? CLAMP (value, min, max) : (min + max) / 2;
}

static void
zoom_around (McChartView *self,
             double       min,
             double       max,
             double       anchor,
             double       factor)
{
  double span = (max - min) / factor;
  double fraction = max > min ? (anchor - min) / (max - min) : 0.5;

  set_window (self, anchor - fraction * span, anchor - fraction * span + span);
}

static double
pixels_to_data (McChartView *self,
                double       min,
                double       max)
{
  double x, y, width, height;

  if (!ensure_rendered (self) || !mc_marks_get_plot_area (self->marks, &x, &y, &width, &height))
    return 0;
  return (max - min) / MAX (1, width);
}

static void
zoom_in_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  mc_chart_view_zoom (MC_CHART_VIEW (widget), MC_ZOOM_STEP, NAN);
}

static void
zoom_out_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  mc_chart_view_zoom (MC_CHART_VIEW (widget), 1 / MC_ZOOM_STEP, NAN);
}

static void
zoom_reset_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  mc_chart_view_reset_zoom (MC_CHART_VIEW (widget));
}

/* Pointer */

static void
update_cursor (McChartView *self,
               gboolean     over_legend)
{
  const char *name = NULL;

  if (self->panning)
    name = "grabbing";
  else if (over_legend)
    name = "pointer";
  else if (mc_chart_view_get_zoomed (self))
    name = "grab";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              McChartView              *self)
{
  g_auto(McChartHit) hit = { 0 };
  McChartItem item;
  gboolean legend;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->panning || !ensure_rendered (self))
    return;
  legend = mc_hit_test (self->marks, x, y, &hit) && hit.kind == MC_CHART_HIT_LEGEND;
  update_cursor (self, legend);
  if (!legend && mc_hit_item_at (self->marks, x, y, &item))
    set_item (self, &item, ITEM_POINTER);
  else if (self->source == ITEM_POINTER)
    clear_item (self);
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             McChartView              *self)
{
  if (self->source == ITEM_POINTER)
    clear_item (self);
}

static void
toggle_series (McChartView *self,
               guint        series)
{
  gboolean visible = !series_visible (self, series);

  /* Keep one series: an empty chart has nothing left to click. */
  if (!visible && count_visible_series (self) <= 1)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  mc_chart_view_set_series_visible (self, series, visible);
}

static void
on_click_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     McChartView     *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      McChartView     *self)
{
  g_auto(McChartHit) hit = { 0 };

  if (!ensure_rendered (self) || !mc_hit_test (self->marks, x, y, &hit)
      || hit.kind != MC_CHART_HIT_LEGEND)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  toggle_series (self, hit.series);
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  McChartView    *self)
{
  self->panning = FALSE;
  if (!mc_chart_view_get_x_window (self, &self->gesture_min, &self->gesture_max))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->gesture_scale = pixels_to_data (self, self->gesture_min, self->gesture_max);
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          dx,
                   double          dy,
                   McChartView    *self)
{
  if (!self->panning)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
        return;
      self->panning = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      clear_item (self);
      update_cursor (self, FALSE);
    }
  set_window (self, self->gesture_min - dx * self->gesture_scale,
              self->gesture_max - dx * self->gesture_scale);
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                McChartView    *self)
{
  if (!self->panning)
    return;
  self->panning = FALSE;
  update_cursor (self, FALSE);
}

static void
on_zoom_begin_cb (GtkGesture       *gesture,
                  GdkEventSequence *sequence,
                  McChartView      *self)
{
  double x, y;

  if (!get_shown_range (self, &self->gesture_min, &self->gesture_max))
    {
      gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    x = NAN;
  self->gesture_anchor = anchor_value (self, x, self->gesture_min, self->gesture_max);
}

static void
on_zoom_scale_changed_cb (GtkGestureZoom *gesture,
                          double          scale,
                          McChartView    *self)
{
  if (scale > 0)
    zoom_around (self, self->gesture_min, self->gesture_max, self->gesture_anchor, scale);
}

/* Ctrl+scroll zooms around the pointer, as in GNOME's viewers; sideways
 * scrolling pans a zoomed chart; plain scrolling is left to the page. */
static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              McChartView              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean surface = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE;
  double min, max;

  if (!get_shown_range (self, &min, &max))
    return FALSE;
  if (state & GDK_CONTROL_MASK)
    {
      if (dy != 0)
        mc_chart_view_zoom (self, pow (MC_WHEEL_ZOOM_STEP, -dy / (surface ? 10 : 1)),
                            self->pointer_x);
      return TRUE;
    }
  if (dx != 0 && mc_chart_view_get_zoomed (self))
    {
      mc_chart_view_pan (self, surface ? dx : dx * 40);
      return TRUE;
    }
  return FALSE;
}

/* Keyboard */

static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  McChartView *self = MC_CHART_VIEW (widget);
  McChartMove move = g_variant_get_int32 (args);
  McChartItem item = self->item;

  if (!ensure_rendered (self))
    return FALSE;
  if (self->source == ITEM_NONE || !mc_hit_item_update (self->marks, &item))
    {
      if (!mc_hit_item_first (self->marks, &item))
        return FALSE;
      if (move == MC_CHART_MOVE_LAST)
        mc_hit_item_move (self->marks, &item, move);
    }
  else if (!mc_hit_item_move (self->marks, &item, move))
    {
      gtk_widget_error_bell (widget);
      /* Still say where we are: the mark may have come from the pointer. */
      set_item (self, &self->item, ITEM_KEYBOARD);
      return TRUE;
    }
  set_item (self, &item, ITEM_KEYBOARD);
  return TRUE;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  McChartView *self = MC_CHART_VIEW (widget);

  if (self->source == ITEM_NONE)
    return FALSE;
  clear_item (self);
  return TRUE;
}

static gboolean
toggle_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  McChartView *self = MC_CHART_VIEW (widget);

  /* Space or Enter on a mark shows or hides its series, as a click on
   * its legend entry does; pies have no series to hide. */
  if (self->source == ITEM_NONE || !mc_chart_model_can_hide_series (self->chart)
      || mc_chart_model_get_n_series (self->chart) < 2)
    return FALSE;
  toggle_series (self, self->item.series);
  return TRUE;
}

/* Overlays */

static void
color_to_rgba (const McColor *color,
               GdkRGBA       *rgba)
{
  rgba->red = color->red;
  rgba->green = color->green;
  rgba->blue = color->blue;
  rgba->alpha = color->alpha;
}

static void
series_rgba (McChartView *self,
             guint        series,
             GdkRGBA     *rgba)
{
  McColor color;

  mc_chart_model_get_series_color (self->chart, series, self->theme, &color);
  mc_vision_transform_color (self->vision, &color);
  color_to_rgba (&color, rgba);
}

static void
snapshot_circle (GtkSnapshot   *snapshot,
                 double         x,
                 double         y,
                 double         radius,
                 const GdkRGBA *color)
{
  GskRoundedRect circle;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x - radius, y - radius, 2 * radius, 2 * radius);

  gsk_rounded_rect_init_from_rect (&circle, &bounds, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, color, &bounds);
  gtk_snapshot_pop (snapshot);
}

/* Lines: a vertical rule through the x of the mark, and the point drawn
 * larger in its series colour, ringed in the background colour. */
static void
snapshot_crosshair (McChartView *self,
                    GtkSnapshot *snapshot)
{
  double px, py, pw, ph;
  GdkRGBA rule, ring, fill;

  if (!is_line_chart (self)
      || !mc_hit_item_get_plot_area (self->marks, &self->item, &px, &py, &pw, &ph)
      || self->item.x < px - 0.5 || self->item.x > px + pw + 0.5)
    return;
  color_to_rgba (mc_theme_get_text_secondary (self->theme), &rule);
  rule.alpha = 0.55;
  gtk_snapshot_append_color (snapshot, &rule,
                             &GRAPHENE_RECT_INIT (round (self->item.x) - 0.5, py, 1, ph));
  color_to_rgba (mc_theme_get_background (self->theme), &ring);
  series_rgba (self, self->item.series, &fill);
  snapshot_circle (snapshot, self->item.x, self->item.y, 7, &ring);
  snapshot_circle (snapshot, self->item.x, self->item.y, 5, &fill);
}

/* Keyboard focus on a bar: an outline in the accent colour around it,
 * as focused items have across GNOME. */
static void
snapshot_item_focus (McChartView *self,
                     GtkSnapshot *snapshot)
{
  GskRoundedRect outline;
  graphene_rect_t bounds;
  float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA colors[4];

  if (self->source != ITEM_KEYBOARD || !self->hit.outline)
    return;
  bounds = GRAPHENE_RECT_INIT (self->hit.x - 3, self->hit.y - 3,
                               self->hit.width + 6, self->hit.height + 6);
  gsk_rounded_rect_init_from_rect (&outline, &bounds, 3);
  for (guint i = 0; i < 4; i++)
    colors[i] = self->accent;
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static PangoLayout *
bubble_layout (McChartView *self)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autofree char *label = g_markup_escape_text (self->hit.label, -1);
  g_autofree char *rest = g_markup_escape_text (strchr (self->hovered, '\n') + 1, -1);
  g_autofree char *markup = g_strdup_printf ("<b>%s</b>\n%s", label, rest);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Figures line up from one bubble to the next. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_spacing (layout, 2 * PANGO_SCALE);
  return layout;
}

/* Beside the pointer, or beside the mark for the keyboard, flipped to
 * the other side where it would leave the widget. */
static void
place_bubble (McChartView *self,
              double       width,
              double       height,
              double      *x,
              double      *y)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double ax, ay, left, top;

  if (self->source == ITEM_POINTER)
    ax = self->pointer_x, ay = self->pointer_y, left = ax, top = ay;
  else if (!self->hit.outline)
    ax = self->item.x, ay = self->item.y, left = ax, top = ay;
  else
    {
      /* Bars and slices: beside the mark's box, level with its top. */
      ax = self->hit.x + self->hit.width - MC_BUBBLE_OFFSET / 2;
      left = self->hit.x + MC_BUBBLE_OFFSET / 2;
      ay = top = self->hit.y + MIN (self->hit.height / 2, MC_BUBBLE_OFFSET);
    }
  *x = ax + MC_BUBBLE_OFFSET;
  if (*x + width > w - 4)
    *x = left - MC_BUBBLE_OFFSET - width;
  *y = ay + MC_BUBBLE_OFFSET;
  if (*y + height > h - 4)
    *y = top - MC_BUBBLE_OFFSET - height;
  *x = CLAMP (*x, 4, MAX (4, w - width - 4));
  *y = CLAMP (*y, 4, MAX (4, h - height - 4));
}

static void
bubble_colors (McChartView *self,
               GdkRGBA     *background,
               GdkRGBA     *border,
               GdkRGBA     *text)
{
  McColor surface = *mc_theme_get_background (self->theme);

  /* A raised surface: the view colour, lifted a little in the dark. */
  if (mc_theme_is_dark (self->theme))
    mc_color_mix (&surface, mc_theme_get_text (self->theme), 0.1, &surface);
  color_to_rgba (&surface, background);
  color_to_rgba (mc_theme_get_text (self->theme), border);
  border->alpha = mc_theme_is_dark (self->theme) ? 0.16 : 0.14;
  color_to_rgba (mc_theme_get_text (self->theme), text);
}

static void
snapshot_bubble (McChartView *self,
                 GtkSnapshot *snapshot)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle ink, logical;
  GskRoundedRect box;
  GdkRGBA background, border, text, shadow = { 0, 0, 0, 0.18 };
  double width, height, x, y;
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA borders[4];

  if (self->hovered == NULL || self->panning)
    return;
  layout = bubble_layout (self);
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  width = logical.width + 2 * MC_BUBBLE_PAD_X;
  height = logical.height + 2 * MC_BUBBLE_PAD_Y;
  place_bubble (self, width, height, &x, &y);
  x = round (x);
  y = round (y);
  bubble_colors (self, &background, &border, &text);
  for (guint i = 0; i < 4; i++)
    borders[i] = border;

  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x, y, width, height),
                                   MC_BUBBLE_RADIUS);
  gtk_snapshot_append_outset_shadow (snapshot, &box, &shadow, 0, 2, 0, 8);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, &background, &box.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &box, widths, borders);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + MC_BUBBLE_PAD_X,
                                                          y + MC_BUBBLE_PAD_Y));
  gtk_snapshot_append_layout (snapshot, layout, &text);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_focus_ring (McChartView *self,
                     GtkSnapshot *snapshot)
{
  GskRoundedRect ring;
  float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA colors[4];
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  if (!gtk_widget_has_visible_focus (GTK_WIDGET (self)) || w < 8 || h < 8)
    return;
  for (guint i = 0; i < 4; i++)
    {
      colors[i] = self->accent;
      colors[i].alpha *= 0.5;
    }
  gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (1, 1, w - 2, h - 2), 6);
  gtk_snapshot_append_border (snapshot, &ring, widths, colors);
}

/* GtkWidget */

/* MC_DEBUG_TIMING: when each chart reached the screen, for
 * bench/bench.py --window: "chart-snapshot ID" when the view drew it,
 * "chart-painted ID" when that frame was painted. */
static void
log_chart_painted (GdkFrameClock *clock,
                   char          *event)
{
  mc_timing_event (event);
  g_signal_handlers_disconnect_by_func (clock, log_chart_painted, event);
  g_free (event);
}

static void
log_chart_drawn (McChartView *self)
{
  static gconstpointer last_chart = NULL;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  const char *id;
  g_autofree char *event = NULL;

  if (!mc_timing_enabled () || self->chart == last_chart)
    return;
  last_chart = self->chart;
  id = mc_dataset_get_id (mc_chart_model_get_dataset (self->chart));
  event = g_strconcat ("chart-snapshot ", id, NULL);
  mc_timing_event (event);
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (log_chart_painted),
                      g_strconcat ("chart-painted ", id, NULL));
}

static void
mc_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  McChartView *self = MC_CHART_VIEW (widget);
  GskRenderNode *node;

  if (self->chart == NULL || (node = get_chart_node (self)) == NULL)
    return;
  log_chart_drawn (self);
  gtk_snapshot_append_node (snapshot, node);
  if (self->source != ITEM_NONE)
    {
      refresh_item (self);
      if (self->source != ITEM_NONE)
        {
          snapshot_crosshair (self, snapshot);
          snapshot_item_focus (self, snapshot);
          snapshot_bubble (self, snapshot);
        }
    }
  snapshot_focus_ring (self, snapshot);
}

static void
mc_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  /* Small enough for narrow windows; the renderer says when a chart
   * doesn't fit. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 720;
    }
  else
    {
      *minimum = 150;
      *natural = 450;
    }
}

static void
mc_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  McChartView *self = MC_CHART_VIEW (widget);
  double w = -1, h = -1;

  if (self->marks != NULL)
    mc_marks_get_size (self->marks, &w, &h);
  if (self->base_node != NULL && self->marks != NULL && w == width && h == height)
    return;
  drop_cache (self);
}

/* The chart's theme follows the widget's style: light text means a dark
 * background; and it is drawn in the family of the interface's font, so
 * that the chart reads as part of the window. Only a change of variant
 * or family needs a new rendering. */
static void
read_style (McChartView *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  const char *family = mc_font_get_interface_family (G_OBJECT (settings));
  gboolean was_dark = self->theme != NULL && mc_theme_is_dark (self->theme);
  GdkRGBA foreground;
  McColor text;
  McThemeVariant variant;

  gtk_style_context_get_color (context, &foreground);
  if (!gtk_style_context_lookup_color (context, "accent_color", &self->accent))
    gdk_rgba_parse (&self->accent, "#3584e4");
  text = (McColor) { foreground.red, foreground.green, foreground.blue, 1 };
  variant = mc_color_get_luminance (&text) > 0.5 ? MC_THEME_DARK : MC_THEME_LIGHT;
  if (self->theme != NULL && mc_theme_get_variant (self->theme) == variant
      && family == self->font_family)
    return;
  g_clear_pointer (&self->theme, mc_theme_free);
  self->theme = mc_theme_new (variant);
  self->font_family = family;
  if (family != NULL)
    mc_theme_use_font_family (self->theme, family);
  drop_cache (self);
  if (was_dark != mc_theme_is_dark (self->theme))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

static void
mc_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (mc_chart_view_parent_class)->css_changed (widget, change);
  read_style (MC_CHART_VIEW (widget));
  gtk_widget_queue_draw (widget);
}

static void
on_scale_factor_changed_cb (McChartView *self)
{
  /* Previews and long charts are images at the display's scale. */
  if (self->chart != NULL && renders_to_image (self))
    drop_cache (self);
}

static void
mc_chart_view_dispose (GObject *object)
{
  McChartView *self = MC_CHART_VIEW (object);

  g_clear_pointer (&self->base_node, gsk_render_node_unref);
  g_clear_pointer (&self->highlight_node, gsk_render_node_unref);
  g_clear_pointer (&self->marks, mc_marks_unref);
  g_clear_object (&self->chart);
  mc_chart_hit_clear (&self->hit);
  g_clear_pointer (&self->hovered, g_free);

  G_OBJECT_CLASS (mc_chart_view_parent_class)->dispose (object);
}

static void
mc_chart_view_finalize (GObject *object)
{
  McChartView *self = MC_CHART_VIEW (object);

  g_clear_pointer (&self->theme, mc_theme_free);
  mc_view_options_clear (&self->view);

  G_OBJECT_CLASS (mc_chart_view_parent_class)->finalize (object);
}

static void
mc_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  McChartView *self = MC_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, mc_chart_view_get_chart (self));
      break;
    case PROP_VISION:
      g_value_set_enum (value, mc_chart_view_get_vision (self));
      break;
    case PROP_DARK:
      g_value_set_boolean (value, mc_chart_view_get_dark (self));
      break;
    case PROP_HOVERED:
      g_value_set_string (value, mc_chart_view_get_hovered (self));
      break;
    case PROP_ZOOMED:
      g_value_set_boolean (value, mc_chart_view_get_zoomed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  McChartView *self = MC_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      mc_chart_view_set_chart (self, g_value_get_object (value));
      break;
    case PROP_VISION:
      mc_chart_view_set_vision (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           keypad_keyval,
                  McChartMove     move)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move_cb, "i", move);
  gtk_widget_class_add_binding (widget_class, keypad_keyval, 0, move_cb, "i", move);
}

static void
add_zoom_bindings (GtkWidgetClass *widget_class,
                   const char     *action,
                   const guint    *keyvals,
                   guint           n_keyvals)
{
  for (guint i = 0; i < n_keyvals; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, keyvals[i], 0, action, NULL);
      gtk_widget_class_add_binding_action (widget_class, keyvals[i], GDK_CONTROL_MASK, action,
                                           NULL);
    }
}

static void
mc_chart_view_class_init_bindings (GtkWidgetClass *widget_class)
{
  static const guint zoom_in_keys[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  static const guint zoom_out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };
  static const guint zoom_reset_keys[] = { GDK_KEY_0, GDK_KEY_KP_0 };

  gtk_widget_class_install_action (widget_class, "chart.zoom-in", NULL, zoom_in_cb);
  gtk_widget_class_install_action (widget_class, "chart.zoom-out", NULL, zoom_out_cb);
  gtk_widget_class_install_action (widget_class, "chart.zoom-reset", NULL, zoom_reset_cb);
  /* For a menu of radio items: "chart.vision" with targets "normal",
   * "protanopia", "deuteranopia", "tritanopia" and "greyscale". */
  gtk_widget_class_install_property_action (widget_class, "chart.vision", "vision");
  add_zoom_bindings (widget_class, "chart.zoom-in", zoom_in_keys, G_N_ELEMENTS (zoom_in_keys));
  add_zoom_bindings (widget_class, "chart.zoom-out", zoom_out_keys,
                     G_N_ELEMENTS (zoom_out_keys));
  add_zoom_bindings (widget_class, "chart.zoom-reset", zoom_reset_keys,
                     G_N_ELEMENTS (zoom_reset_keys));

  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, MC_CHART_MOVE_NEXT);
  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, MC_CHART_MOVE_PREVIOUS);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, MC_CHART_MOVE_SERIES_UP);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, MC_CHART_MOVE_SERIES_DOWN);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, MC_CHART_MOVE_FIRST);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, MC_CHART_MOVE_LAST);
  add_move_binding (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down,
                    MC_CHART_MOVE_PAGE_NEXT);
  add_move_binding (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up,
                    MC_CHART_MOVE_PAGE_PREVIOUS);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, toggle_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, toggle_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, toggle_cb, NULL);
}

static void
mc_chart_view_class_init (McChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_chart_view_dispose;
  object_class->finalize = mc_chart_view_finalize;
  object_class->get_property = mc_chart_view_get_property;
  object_class->set_property = mc_chart_view_set_property;

  widget_class->snapshot = mc_chart_view_snapshot;
  widget_class->measure = mc_chart_view_measure;
  widget_class->size_allocate = mc_chart_view_size_allocate;
  widget_class->css_changed = mc_chart_view_css_changed;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, MC_TYPE_CHART_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISION] =
    g_param_spec_enum ("vision", NULL, NULL, MC_TYPE_VISION, MC_VISION_NORMAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVERED] =
    g_param_spec_string ("hovered", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOMED] =
    g_param_spec_boolean ("zoomed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  mc_chart_view_class_init_bindings (widget_class);
  gtk_widget_class_set_css_name (widget_class, "chart");
  /* The marks are not widgets of their own: the chart is one image whose
   * description follows the keyboard from mark to mark. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mc_chart_view_init_controllers (McChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));
}

static void
mc_chart_view_init (McChartView *self)
{
  self->highlight_series = self->highlight_index = -1;
  self->pointer_x = self->pointer_y = NAN;
  self->theme = mc_theme_new (MC_THEME_LIGHT);
  gdk_rgba_parse (&self->accent, "#3584e4");

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  mc_chart_view_init_controllers (self);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed_cb), NULL);
  update_zoom_actions (self);
}

/* Public API */

GtkWidget *
mc_chart_view_new (void)
{
  return g_object_new (MC_TYPE_CHART_VIEW, NULL);
}

McChartModel *
mc_chart_view_get_chart (McChartView *self)
{
  g_return_val_if_fail (MC_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
mc_chart_view_set_chart (McChartView  *self,
                         McChartModel *chart)
{
  g_return_if_fail (MC_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || MC_IS_CHART_MODEL (chart));

  if (self->chart == chart)
    return;
  clear_item (self);
  /* The marks refer to the old model: they go first. */
  drop_cache (self);
  g_set_object (&self->chart, chart);
  /* What was shown of another chart does not apply to this one. */
  mc_view_options_clear (&self->view);
  update_zoom_actions (self);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOMED]);
}

McVision
mc_chart_view_get_vision (McChartView *self)
{
  g_return_val_if_fail (MC_IS_CHART_VIEW (self), MC_VISION_NORMAL);
  return self->vision;
}

void
mc_chart_view_set_vision (McChartView *self,
                          McVision     vision)
{
  g_return_if_fail (MC_IS_CHART_VIEW (self));
  g_return_if_fail (vision <= MC_VISION_GREYSCALE);

  if (self->vision == vision)
    return;
  self->vision = vision;
  drop_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISION]);
}

gboolean
mc_chart_view_get_dark (McChartView *self)
{
  g_return_val_if_fail (MC_IS_CHART_VIEW (self), FALSE);
  return mc_theme_is_dark (self->theme);
}

const McTheme *
mc_chart_view_get_theme (McChartView *self)
{
  g_return_val_if_fail (MC_IS_CHART_VIEW (self), NULL);
  return self->theme;
}

void
mc_chart_view_invalidate (McChartView *self)
{
  g_return_if_fail (MC_IS_CHART_VIEW (self));

  drop_cache (self);
  refresh_item (self);
  update_zoom_actions (self);
  update_accessible (self);
}

const char *
mc_chart_view_get_hovered (McChartView *self)
{
  g_return_val_if_fail (MC_IS_CHART_VIEW (self), NULL);
  return self->hovered;
}

static void
hit_copy (const McChartHit *from,
          McChartHit       *to)
{
  *to = *from;
  to->series_name = g_strdup (from->series_name);
  to->label = g_strdup (from->label);
  to->value = g_strdup (from->value);
  to->note = g_strdup (from->note);
}

/**
 * mc_chart_view_get_hovered_hit:
 * @hit: (out caller-allocates): the mark; clear it with mc_chart_hit_clear()
 *
 * Returns: %FALSE if neither the pointer nor the keyboard is on a mark
 */
gboolean
mc_chart_view_get_hovered_hit (McChartView *self,
                               McChartHit  *hit)
{
  g_return_val_if_fail (MC_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  if (self->source == ITEM_NONE)
    {
      *hit = (McChartHit) { .kind = MC_CHART_HIT_NONE, .raw_value = NAN };
      return FALSE;
    }
  hit_copy (&self->hit, hit);
  return TRUE;
}

gboolean
mc_chart_view_get_hit_at (McChartView *self,
                          double       x,
                          double       y,
                          McChartHit  *hit)
{
  g_return_val_if_fail (MC_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  *hit = (McChartHit) { .kind = MC_CHART_HIT_NONE, .raw_value = NAN };
  if (!ensure_rendered (self))
    return FALSE;
  return mc_hit_test (self->marks, x, y, hit);
}

gboolean
mc_chart_view_get_zoomed (McChartView *self)
{
  return mc_chart_view_get_x_window (self, NULL, NULL);
}

gboolean
mc_chart_view_get_x_window (McChartView *self,
                            double      *min,
                            double      *max)
{
  g_return_val_if_fail (MC_IS_CHART_VIEW (self), FALSE);

  return self->chart != NULL && mc_chart_model_can_zoom (self->chart)
         && mc_view_options_get_x_window (&self->view, min, max);
}

void
mc_chart_view_zoom (McChartView *self,
                    double       factor,
                    double       x)
{
  double min, max;

  g_return_if_fail (MC_IS_CHART_VIEW (self));
  g_return_if_fail (factor > 0);

  if (!get_shown_range (self, &min, &max))
    return;
  zoom_around (self, min, max, anchor_value (self, x, min, max), factor);
}

void
mc_chart_view_pan (McChartView *self,
                   double       dx)
{
  double min, max, step;

  g_return_if_fail (MC_IS_CHART_VIEW (self));

  if (!mc_chart_view_get_x_window (self, &min, &max))
    return;
  step = dx * pixels_to_data (self, min, max);
  set_window (self, min + step, max + step);
}

void
mc_chart_view_reset_zoom (McChartView *self)
{
  double lo, hi;

  g_return_if_fail (MC_IS_CHART_VIEW (self));

  if (get_extent (self, &lo, &hi))
    set_window (self, lo, hi);
}

/**
 * mc_chart_view_get_options:
 *
 * Returns: what the view shows of its chart: the hidden series and the
 *   zoom window (the highlight of the pointer is not part of it)
 */
const McViewOptions *
mc_chart_view_get_options (McChartView *self)
{
  g_return_val_if_fail (MC_IS_CHART_VIEW (self), NULL);
  return &self->view;
}

gboolean
mc_chart_view_get_series_visible (McChartView *self,
                                  guint        series)
{
  g_return_val_if_fail (MC_IS_CHART_VIEW (self), FALSE);
  return self->chart != NULL && series < mc_chart_model_get_n_series (self->chart)
         && series_visible (self, series);
}

/* Hidden series are left out of the drawing and of the value axis. A
 * pie's slices are one whole and can't be hidden. */
void
mc_chart_view_set_series_visible (McChartView *self,
                                  guint        series,
                                  gboolean     visible)
{
  g_return_if_fail (MC_IS_CHART_VIEW (self));

  if (self->chart == NULL || series >= mc_chart_model_get_n_series (self->chart)
      || !mc_chart_model_can_hide_series (self->chart)
      || series_visible (self, series) == !!visible)
    return;
  mc_view_options_set_series_visible (&self->view, series, visible);
  drop_cache (self);
  refresh_item (self);
  update_accessible (self);
}

McMarks *
mc_chart_view_get_marks (McChartView *self)
{
  g_return_val_if_fail (MC_IS_CHART_VIEW (self), NULL);
  return self->marks;
}

guint
mc_chart_view_get_n_renders (McChartView *self)
{
  g_return_val_if_fail (MC_IS_CHART_VIEW (self), 0);
  return self->n_renders;
}

gint64
mc_chart_view_get_render_time (McChartView *self)
{
  g_return_val_if_fail (MC_IS_CHART_VIEW (self), 0);
  return self->render_time;
}
