/* mc-chart-interact.c: what an interactive view needs from a chart: a
 * zoom window on the x axis, and stepping from mark to mark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-hit.h"

#include <math.h>
#include <string.h>

#include "mc-render-private.h"
#include "mc-format.h"

/* The zoom window */

static gboolean
has_continuous_x (McChart *chart)
{
  return (chart->kind->caps & MC_CHART_CAPS_ZOOM_X)
         && (chart->x_kind == MC_X_TIME || chart->x_kind == MC_X_NUMBER);
}

/**
 * mc_chart_get_x_extent:
 * @chart: a chart
 * @min: (out): the smallest x of a present value
 * @max: (out): the largest
 *
 * The x range of all series, hidden ones included, so that hiding a
 * series doesn't move the limits of zooming.
 *
 * Returns: %FALSE if the chart has no continuous x axis or no data
 */
gboolean
mc_chart_get_x_extent (McChart *chart,
                       double  *min,
                       double  *max)
{
  double lo = NAN, hi = NAN;

  g_return_val_if_fail (MC_IS_CHART (chart), FALSE);

  if (!has_continuous_x (chart))
    return FALSE;
  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = mc_chart_get_series_data (chart, s);

      for (guint i = 0; i < mc_series_get_n_points (series); i++)
        {
          double x = mc_series_get_x (series, i);

          if (isnan (mc_series_get_y (series, i)) || !isfinite (x))
            continue;
          lo = isnan (lo) ? x : MIN (lo, x);
          hi = isnan (hi) ? x : MAX (hi, x);
        }
    }
  if (isnan (lo))
    return FALSE;
  *min = lo;
  *max = hi;
  return TRUE;
}

/**
 * mc_chart_can_zoom:
 * @chart: a chart
 *
 * Returns: whether mc_chart_set_x_window() has an effect: lines and
 *   areas over a time or number axis with more than one x value
 */
gboolean
mc_chart_can_zoom (McChart *chart)
{
  double min, max;

  g_return_val_if_fail (MC_IS_CHART (chart), FALSE);
  return mc_chart_get_x_extent (chart, &min, &max) && max > min;
}

void
mc_chart_set_x_window (McChart *chart,
                       double   min,
                       double   max)
{
  g_return_if_fail (MC_IS_CHART (chart));

  chart->has_x_window = isfinite (min) && isfinite (max) && max > min;
  chart->x_window_min = chart->has_x_window ? min : 0;
  chart->x_window_max = chart->has_x_window ? max : 0;
}

/**
 * mc_chart_get_x_window:
 * @chart: a chart
 * @min: (out) (optional): the first x shown
 * @max: (out) (optional): the last x shown
 *
 * Returns: %FALSE when the whole x range is shown
 */
gboolean
mc_chart_get_x_window (McChart *chart,
                       double  *min,
                       double  *max)
{
  g_return_val_if_fail (MC_IS_CHART (chart), FALSE);

  if (!chart->has_x_window || !has_continuous_x (chart))
    return FALSE;
  if (min)
    *min = chart->x_window_min;
  if (max)
    *max = chart->x_window_max;
  return TRUE;
}

/* For the renderer of lines */

gboolean
mc_chart_x_in_window (McChart *chart,
                      double   x)
{
  return !chart->has_x_window || (x >= chart->x_window_min && x <= chart->x_window_max);
}

/* The points of @series worth drawing: those in the window and one on
 * each side, so lines run out to the edges of the plot. */
void
mc_chart_window_points (McChart        *chart,
                        const McSeries *series,
                        guint          *start,
                        guint          *end)
{
  guint n = mc_series_get_n_points (series);
  guint lo = 0, hi = n;

  *start = 0;
  *end = n;
  if (!chart->has_x_window || !series->x_sorted)
    return;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (mc_series_get_x (series, mid) < chart->x_window_min)
        lo = mid + 1;
      else
        hi = mid;
    }
  *start = lo > 0 ? lo - 1 : 0;
  hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (mc_series_get_x (series, mid) <= chart->x_window_max)
        lo = mid + 1;
      else
        hi = mid;
    }
  *end = MIN (n, lo + 1);
}

/* A number axis ends on the window, not on the nice ticks around it, or
 * zooming would jump from tick to tick. */
void
mc_chart_fit_x_window (McChart       *chart,
                       McLinearScale *scale)
{
  double first;

  if (!chart->has_x_window || !(scale->step > 0))
    return;
  scale->min = chart->x_window_min;
  scale->max = chart->x_window_max;
  first = round (scale->min / scale->step) * scale->step;
  scale->n_intervals = (guint) MAX (0, ceil ((scale->max - first) / scale->step));
}

void
mc_render_clip_x_window (McRender     *r,
                         const McRect *plot)
{
  if (!r->chart->has_x_window)
    return;
  cairo_rectangle (r->cr, plot->x, 0, plot->width, r->height);
  cairo_clip (r->cr);
}

/* Geometry of the last render */

gboolean
mc_chart_get_render_size (McChart *chart,
                          double  *width,
                          double  *height)
{
  g_return_val_if_fail (MC_IS_CHART (chart), FALSE);

  if (chart->state == NULL)
    return FALSE;
  *width = chart->state->width;
  *height = chart->state->height;
  return TRUE;
}

gboolean
mc_chart_has_point_marks (McChart *chart)
{
  g_return_val_if_fail (MC_IS_CHART (chart), FALSE);
  return chart->state != NULL && chart->state->has_plot;
}

/**
 * mc_chart_get_plot_area:
 *
 * The rectangle of the plot of a line or area chart in the last render.
 *
 * Returns: %FALSE for other charts, or before the first render
 */
gboolean
mc_chart_get_plot_area (McChart *chart,
                        double  *x,
                        double  *y,
                        double  *width,
                        double  *height)
{
  g_return_val_if_fail (MC_IS_CHART (chart), FALSE);

  if (chart->state == NULL || !chart->state->has_plot)
    return FALSE;
  *x = chart->state->plot.x;
  *y = chart->state->plot.y;
  *width = chart->state->plot.width;
  *height = chart->state->plot.height;
  return TRUE;
}

/**
 * mc_chart_get_x_at:
 *
 * Returns: the x value under @pixel in the last render, or NAN if the
 *   chart has no continuous x axis
 */
double
mc_chart_get_x_at (McChart *chart,
                   double   pixel)
{
  g_return_val_if_fail (MC_IS_CHART (chart), NAN);

  if (chart->state == NULL || !chart->state->has_plot)
    return NAN;
  switch (chart->state->x_kind)
    {
    case MC_X_TIME:
      return mc_time_scale_invert (&chart->state->x_time, pixel);
    case MC_X_NUMBER:
      return mc_linear_scale_invert (&chart->state->x_linear, pixel);
    case MC_X_CATEGORY:
    default:
      return NAN;
    }
}

/* Marks of bars and pies: the hit-test marks of the last render, in
 * reading order */

typedef struct
{
  McChartItem item;
  double      key;        /* order within the series */
} MarkItem;

static const McMark *
get_mark (McChart *chart,
          guint    i)
{
  return &g_array_index (chart->state->marks, McMark, i);
}

static void
slice_middle (const McMark *mark,
              double       *x,
              double       *y)
{
  double angle = (mark->a0 + mark->a1) / 2;
  double radius = (mark->r0 + mark->r1) / 2;

  *x = mark->cx + radius * cos (angle);
  *y = mark->cy + radius * sin (angle);
}

/* The mark an alias stands for: the one of the same point that is not
 * an alias (a pie's slice for its table row). */
static const McMark *
primary_mark (McChart      *chart,
              const McMark *mark)
{
  if (!mark->alias)
    return mark;
  for (guint i = 0; i < chart->state->marks->len; i++)
    {
      const McMark *other = get_mark (chart, i);

      if (!other->alias && other->series == mark->series && other->point == mark->point)
        return other;
    }
  return NULL;
}

static gboolean
mark_to_item (McChart      *chart,
              const McMark *mark,
              McChartItem  *item)
{
  if ((mark = primary_mark (chart, mark)) == NULL)
    return FALSE;
  item->series = mark->series;
  item->point = mark->point;
  item->index = mark->row;
  if (mark->shape == MC_MARK_SLICE)
    slice_middle (mark, &item->x, &item->y);
  else
    {
      item->x = mark->box.x + mark->box.width / 2;
      item->y = mark->box.y + mark->box.height / 2;
    }
  return TRUE;
}

static int
compare_mark_items (gconstpointer a,
                    gconstpointer b)
{
  const MarkItem *ma = a, *mb = b;

  if (ma->item.series != mb->item.series)
    return ma->item.series < mb->item.series ? -1 : 1;
  return ma->key < mb->key ? -1 : ma->key > mb->key;
}

static GArray *
collect_mark_items (McChart *chart)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (MarkItem));

  for (guint i = 0; i < chart->state->marks->len; i++)
    {
      const McMark *mark = get_mark (chart, i);
      MarkItem m;

      if (mark->alias || !mark_to_item (chart, mark, &m.item))
        continue;
      m.key = mark->order;
      g_array_append_val (items, m);
    }
  g_array_sort (items, compare_mark_items);
  return items;
}

static int
find_mark_item (GArray            *items,
                const McChartItem *item)
{
  for (guint i = 0; i < items->len; i++)
    {
      const McChartItem *other = &g_array_index (items, MarkItem, i).item;

      if (other->series == item->series && other->point == item->point)
        return i;
    }
  return -1;
}

static void
series_bounds (GArray *items,
               guint   at,
               guint  *first,
               guint  *last)
{
  guint series = g_array_index (items, MarkItem, at).item.series;

  *first = *last = at;
  while (*first > 0 && g_array_index (items, MarkItem, *first - 1).item.series == series)
    (*first)--;
  while (*last + 1 < items->len && g_array_index (items, MarkItem, *last + 1).item.series == series)
    (*last)++;
}

/* The mark of the nearest other series in @direction, at the same
 * category if it has one there, else the nearest along the axis. */
static int
mark_other_series (GArray *items,
                   guint   at,
                   int     direction)
{
  const MarkItem *from = &g_array_index (items, MarkItem, at);
  guint first, last;
  int best = -1;
  double best_distance = G_MAXDOUBLE;

  series_bounds (items, at, &first, &last);
  if (direction > 0 ? last + 1 >= items->len : first == 0)
    return -1;
  series_bounds (items, direction > 0 ? last + 1 : first - 1, &first, &last);
  for (guint i = first; i <= last; i++)
    {
      const MarkItem *m = &g_array_index (items, MarkItem, i);
      double distance = m->item.point == from->item.point ? -1 : fabs (m->key - from->key);

      if (distance < best_distance)
        best = i, best_distance = distance;
    }
  return best;
}

static int
mark_move_target (GArray      *items,
                  guint        at,
                  McChartMove  move)
{
  guint first, last, page;

  series_bounds (items, at, &first, &last);
  page = MAX (1, (last - first + 1) / 10);
  switch (move)
    {
    case MC_CHART_MOVE_NEXT:
      return at < last ? (int) at + 1 : -1;
    case MC_CHART_MOVE_PREVIOUS:
      return at > first ? (int) at - 1 : -1;
    case MC_CHART_MOVE_PAGE_NEXT:
      return at < last ? (int) MIN (last, at + page) : -1;
    case MC_CHART_MOVE_PAGE_PREVIOUS:
      return at > first ? (int) (at - MIN (at - first, page)) : -1;
    case MC_CHART_MOVE_FIRST:
      return at != first ? (int) first : -1;
    case MC_CHART_MOVE_LAST:
      return at != last ? (int) last : -1;
    case MC_CHART_MOVE_SERIES_UP:
      return mark_other_series (items, at, 1);
    case MC_CHART_MOVE_SERIES_DOWN:
      return mark_other_series (items, at, -1);
    default:
      g_return_val_if_reached (-1);
    }
}

/* Points of lines and areas */

static double
map_x (McRenderState *state,
       double         x)
{
  switch (state->x_kind)
    {
    case MC_X_TIME:
      return mc_time_scale_map (&state->x_time, x);
    case MC_X_NUMBER:
      return mc_linear_scale_map (&state->x_linear, x);
    case MC_X_CATEGORY:
    default:
      return state->plot.x + (x + 0.5) * state->x_band;
    }
}

static gboolean
series_shown (McChart *chart,
              guint    series)
{
  return series < chart->series->len && mc_chart_get_series_data (chart, series)->visible;
}

static gboolean
point_valid (McChart *chart,
             guint    series,
             guint    point)
{
  McSeries *data = mc_chart_get_series_data (chart, series);

  return point < mc_series_get_n_points (data) && !isnan (mc_series_get_y (data, point))
         && mc_chart_x_in_window (chart, mc_series_get_x (data, point));
}

/* The value as drawn: stacked areas stack the visible series below. */
static double
drawn_value (McChart *chart,
             guint    series,
             guint    point)
{
  double total = 0;

  if (!chart->state->stacked)
    return mc_series_get_y (mc_chart_get_series_data (chart, series), point);
  for (guint s = 0; s <= series; s++)
    {
      McSeries *data = mc_chart_get_series_data (chart, s);

      if (!data->visible)
        continue;
      if (point >= mc_series_get_n_points (data) || isnan (mc_series_get_y (data, point)))
        return NAN;
      total += mc_series_get_y (data, point);
    }
  return total;
}

static gboolean
point_item (McChart     *chart,
            guint        series,
            guint        point,
            McChartItem *item)
{
  McRenderState *state = chart->state;
  McSeries *data;
  double value;

  if (!series_shown (chart, series) || !point_valid (chart, series, point))
    return FALSE;
  data = mc_chart_get_series_data (chart, series);
  value = drawn_value (chart, series, point);
  if (isnan (value))
    return FALSE;
  item->series = series;
  item->point = point;
  item->index = mc_series_get_row (data, point);
  item->x = map_x (state, mc_series_get_x (data, point));
  item->y = mc_linear_scale_map (&state->y[data->axis], value);
  return TRUE;
}

static gboolean
point_step (McChart *chart,
            guint    series,
            guint    from,
            int      step,
            guint   *point)
{
  guint n = mc_series_get_n_points (mc_chart_get_series_data (chart, series));

  for (gint64 i = (gint64) from + step; i >= 0 && i < n; i += step)
    if (point_valid (chart, series, (guint) i))
      {
        *point = (guint) i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
point_end (McChart *chart,
           guint    series,
           gboolean last,
           guint   *point)
{
  McSeries *data = mc_chart_get_series_data (chart, series);
  guint start, end;

  mc_chart_window_points (chart, data, &start, &end);
  if (end == start)
    return FALSE;
  if (last)
    return point_valid (chart, series, end - 1) ? (*point = end - 1, TRUE)
                                                : point_step (chart, series, end - 1, -1, point);
  return point_valid (chart, series, start) ? (*point = start, TRUE)
                                            : point_step (chart, series, start, 1, point);
}

/* The valid point of @series whose x is drawn nearest to @px. */
static gboolean
nearest_point (McChart *chart,
               guint    series,
               double   px,
               guint   *point)
{
  McSeries *data = mc_chart_get_series_data (chart, series);
  guint start, end;
  double best = G_MAXDOUBLE;
  gboolean found = FALSE;

  mc_chart_window_points (chart, data, &start, &end);
  if (data->x_sorted && end - start > 256)
    {
      guint lo = start, hi = end;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (map_x (chart->state, mc_series_get_x (data, mid)) < px)
            lo = mid + 1;
          else
            hi = mid;
        }
      start = lo > start + 64 ? lo - 64 : start;
      end = MIN (end, lo + 64);
    }
  for (guint i = start; i < end; i++)
    {
      double d = fabs (map_x (chart->state, mc_series_get_x (data, i)) - px);

      if (d < best && point_valid (chart, series, i) && !isnan (drawn_value (chart, series, i)))
        best = d, *point = i, found = TRUE;
    }
  return found;
}

/* Up and down between lines go to the line drawn just above or below at
 * about the same x. */
static gboolean
point_other_series (McChart     *chart,
                    McChartItem *item,
                    int          direction)
{
  McChartItem best = { 0 };
  double best_distance = G_MAXDOUBLE;

  for (guint s = 0; s < chart->series->len; s++)
    {
      McChartItem other;
      guint point;
      double dy;
      gboolean beyond;

      if (s == item->series || !series_shown (chart, s) || !nearest_point (chart, s, item->x, &point)
          || !point_item (chart, s, point, &other))
        continue;
      dy = other.y - item->y;
      /* Equal heights go by series order. */
      beyond = direction > 0 ? (dy < 0 || (dy == 0 && s > item->series))
                             : (dy > 0 || (dy == 0 && s < item->series));
      if (beyond && fabs (dy) + fabs (other.x - item->x) < best_distance)
        {
          best = other;
          best_distance = fabs (dy) + fabs (other.x - item->x);
        }
    }
  if (best_distance == G_MAXDOUBLE)
    return FALSE;
  *item = best;
  return TRUE;
}

static gboolean
point_move (McChart     *chart,
            McChartItem *item,
            McChartMove  move)
{
  McSeries *data = mc_chart_get_series_data (chart, item->series);
  guint start, end, point = item->point;
  gboolean found = FALSE;
  int page;

  mc_chart_window_points (chart, data, &start, &end);
  page = MAX (1, (int) (end - start) / 10);
  switch (move)
    {
    case MC_CHART_MOVE_NEXT:
    case MC_CHART_MOVE_PREVIOUS:
      found = point_step (chart, item->series, item->point,
                          move == MC_CHART_MOVE_NEXT ? 1 : -1, &point);
      break;
    case MC_CHART_MOVE_PAGE_NEXT:
    case MC_CHART_MOVE_PAGE_PREVIOUS:
      {
        int step = move == MC_CHART_MOVE_PAGE_NEXT ? 1 : -1;
        gint64 target = CLAMP ((gint64) item->point + step * page, 0,
                               (gint64) mc_series_get_n_points (data) - 1);

        found = target != item->point
                && (point_valid (chart, item->series, (guint) target)
                    ? (point = (guint) target, TRUE)
                    : point_step (chart, item->series, (guint) target, -step, &point))
                && point != item->point;
      }
      break;
    case MC_CHART_MOVE_FIRST:
    case MC_CHART_MOVE_LAST:
      found = point_end (chart, item->series, move == MC_CHART_MOVE_LAST, &point)
              && point != item->point;
      break;
    case MC_CHART_MOVE_SERIES_UP:
    case MC_CHART_MOVE_SERIES_DOWN:
      return point_other_series (chart, item, move == MC_CHART_MOVE_SERIES_UP ? 1 : -1);
    default:
      g_return_val_if_reached (FALSE);
    }
  return found && point_item (chart, item->series, point, item);
}

static gboolean
point_at (McChart     *chart,
          double       x,
          double       y,
          McChartItem *item)
{
  McRenderState *state = chart->state;
  double tolerance = MAX (24, state->x_band / 2);
  double best_dx = G_MAXDOUBLE, best_dy = G_MAXDOUBLE;
  gboolean found = FALSE;

  if (x < state->plot.x - tolerance || x > state->plot.x + state->plot.width + tolerance
      || y < state->plot.y - tolerance || y > state->plot.y + state->plot.height + tolerance)
    return FALSE;
  for (guint s = 0; s < chart->series->len; s++)
    {
      McChartItem candidate;
      guint point;
      double dx, dy;

      if (!series_shown (chart, s) || !nearest_point (chart, s, x, &point)
          || !point_item (chart, s, point, &candidate))
        continue;
      /* Points clipped away by a zoom window are not there to hit. */
      if (candidate.x < state->plot.x - 0.5 || candidate.x > state->plot.x + state->plot.width + 0.5)
        continue;
      dx = round (fabs (candidate.x - x) * 2) / 2;
      dy = fabs (candidate.y - y);
      if (dx < best_dx || (dx == best_dx && dy < best_dy))
        {
          best_dx = dx, best_dy = dy;
          *item = candidate;
          found = TRUE;
        }
    }
  return found && best_dx <= tolerance;
}

/* Public stepping */

static gboolean
has_points (McChart *chart)
{
  return chart->state != NULL && chart->state->has_plot;
}

static gboolean
point_in_mark (const McMark *mark,
               double        x,
               double        y)
{
  if (mark->shape == MC_MARK_SLICE)
    {
      double distance = hypot (x - mark->cx, y - mark->cy);
      double angle = atan2 (y - mark->cy, x - mark->cx);

      if (distance < mark->r0 || distance > mark->r1)
        return FALSE;
      while (angle < mark->a0)
        angle += 2 * G_PI;
      return angle <= mark->a1;
    }
  return x >= mark->box.x && x <= mark->box.x + mark->box.width
         && y >= mark->box.y && y <= mark->box.y + mark->box.height;
}

/**
 * mc_chart_item_at:
 * @chart: a rendered chart
 * @x: x in the coordinates of the last render
 * @y: y
 * @item: (out): the mark there
 *
 * The bar or slice under the point, or the point of a line nearest to
 * the pointer's x, as mc_chart_hit_test() finds it; legend entries are
 * not items.
 *
 * Returns: whether there is one
 */
gboolean
mc_chart_item_at (McChart     *chart,
                  double       x,
                  double       y,
                  McChartItem *item)
{
  g_return_val_if_fail (MC_IS_CHART (chart), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (chart->state == NULL)
    return FALSE;
  /* Last drawn first: it is on top. */
  for (guint i = chart->state->marks->len; i > 0; i--)
    {
      const McMark *mark = get_mark (chart, i - 1);

      if (point_in_mark (mark, x, y) && mark_to_item (chart, mark, item))
        return TRUE;
    }
  return has_points (chart) && point_at (chart, x, y, item);
}

/**
 * mc_chart_item_first:
 *
 * The first mark of the first visible series: the leftmost bar or point,
 * the topmost horizontal bar, the first slice clockwise from 12 o'clock.
 */
gboolean
mc_chart_item_first (McChart     *chart,
                     McChartItem *item)
{
  g_return_val_if_fail (MC_IS_CHART (chart), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (chart->state == NULL)
    return FALSE;
  if (has_points (chart))
    {
      for (guint s = 0; s < chart->series->len; s++)
        {
          guint point;

          if (series_shown (chart, s) && point_end (chart, s, FALSE, &point)
              && point_item (chart, s, point, item))
            return TRUE;
        }
      return FALSE;
    }
  {
    g_autoptr(GArray) items = collect_mark_items (chart);

    if (items->len == 0)
      return FALSE;
    *item = g_array_index (items, MarkItem, 0).item;
    return TRUE;
  }
}

/**
 * mc_chart_item_move:
 * @chart: a rendered chart
 * @item: (inout): the current mark; on success, the one moved to
 *
 * Returns: %FALSE, leaving @item alone, when there is nowhere to go
 */
gboolean
mc_chart_item_move (McChart     *chart,
                    McChartItem *item,
                    McChartMove  move)
{
  g_autoptr(GArray) items = NULL;
  int at, target;

  g_return_val_if_fail (MC_IS_CHART (chart), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (chart->state == NULL || !mc_chart_item_update (chart, item))
    return FALSE;
  if (has_points (chart))
    return point_move (chart, item, move);
  items = collect_mark_items (chart);
  at = find_mark_item (items, item);
  if (at < 0 || (target = mark_move_target (items, at, move)) < 0)
    return FALSE;
  *item = g_array_index (items, MarkItem, target).item;
  return TRUE;
}

/**
 * mc_chart_item_update:
 * @chart: a chart rendered again since @item was found
 * @item: (inout): a mark; its position is brought up to date
 *
 * Returns: %FALSE if the mark is no longer drawn (its series was hidden,
 *   or zooming left it out)
 */
gboolean
mc_chart_item_update (McChart     *chart,
                      McChartItem *item)
{
  g_autoptr(GArray) items = NULL;
  int at;

  g_return_val_if_fail (MC_IS_CHART (chart), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (chart->state == NULL)
    return FALSE;
  if (has_points (chart))
    return point_item (chart, item->series, item->point, item);
  items = collect_mark_items (chart);
  at = find_mark_item (items, item);
  if (at < 0)
    return FALSE;
  *item = g_array_index (items, MarkItem, at).item;
  return TRUE;
}

static void
fill_point_hit (McChart           *chart,
                const McChartItem *item,
                McChartHit        *hit)
{
  McSeries *series = mc_chart_get_series_data (chart, item->series);
  double value = mc_series_get_y (series, item->point);
  guint row = mc_series_get_row (series, item->point);
  /* Derived values (growth) carry no notes of their own. */
  const McColumn *note_column = series->derived ? NULL : series->column;
  int decimals = series->derived ? series->decimals : 6;
  double radius = MAX (6, chart->state->plot.height * 0.02);

  hit->kind = MC_CHART_HIT_MARK;
  hit->series = item->series;
  hit->index = row;
  hit->series_name = g_strdup (series->name);
  hit->label = mc_chart_format_x (chart, series, item->point);
  hit->value = mc_format_value (series->column, value, mc_format_value_decimals (value, decimals));
  hit->raw_value = value;
  hit->estimate = mc_series_is_estimate (series, item->point);
  hit->note = note_column ? g_strdup (mc_column_get_note (note_column, row)) : NULL;
  hit->x = item->x - radius;
  hit->y = item->y - radius;
  hit->width = hit->height = 2 * radius;
}

/**
 * mc_chart_item_get_hit:
 * @chart: a rendered chart
 * @item: a mark
 * @hit: (out caller-allocates): what mc_chart_hit_test() tells of it
 *
 * Returns: %FALSE if the mark is not drawn
 */
gboolean
mc_chart_item_get_hit (McChart           *chart,
                       const McChartItem *item,
                       McChartHit        *hit)
{
  McChartItem current;

  g_return_val_if_fail (MC_IS_CHART (chart), FALSE);
  g_return_val_if_fail (item != NULL && hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  hit->raw_value = NAN;
  current = *item;
  if (!mc_chart_item_update (chart, &current))
    return FALSE;
  if (has_points (chart))
    {
      fill_point_hit (chart, &current, hit);
      return TRUE;
    }
  /* A bar's centre or a slice's middle is inside its mark only. */
  return mc_chart_hit_test (chart, current.x, current.y, hit) && hit->kind == MC_CHART_HIT_MARK;
}

void
mc_chart_item_get_position (McChart           *chart,
                            const McChartItem *item,
                            guint             *position,
                            guint             *count)
{
  g_return_if_fail (MC_IS_CHART (chart));
  g_return_if_fail (item != NULL && position != NULL && count != NULL);

  *position = *count = 0;
  if (chart->state == NULL || item->series >= chart->series->len)
    return;
  if (has_points (chart))
    {
      McSeries *data = mc_chart_get_series_data (chart, item->series);
      guint start, end;

      mc_chart_window_points (chart, data, &start, &end);
      for (guint i = start; i < end; i++)
        if (point_valid (chart, item->series, i))
          {
            (*count)++;
            if (i <= item->point)
              (*position)++;
          }
      return;
    }
  {
    g_autoptr(GArray) items = collect_mark_items (chart);
    int at = find_mark_item (items, item);
    guint first, last;

    if (at < 0)
      return;
    series_bounds (items, at, &first, &last);
    *position = at - first + 1;
    *count = last - first + 1;
  }
}
