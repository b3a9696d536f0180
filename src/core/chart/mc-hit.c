/* mc-hit.c: what lies under the pointer, and stepping from mark to mark
 *
 * One module answers the pointer and the keyboard for every kind of
 * chart, from the marks of a render: bars and slices are found by their
 * shapes, the points of lines by their x, through the axes the render
 * used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-hit.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mc-format.h"
#include "mc-marks-private.h"
#include "mc-string-util.h"

/* Points of lines are found within this many pixels of the pointer's x,
 * or half a category. */
#define MC_HIT_TOLERANCE 24
/* Dots are found within this many pixels of their centre. */
#define MC_POINT_TOLERANCE 8

/* Filling in hits */

static void
hit_init (McChartHit *hit)
{
  memset (hit, 0, sizeof *hit);
  hit->raw_value = NAN;
}

static void
hit_set_box (McChartHit   *hit,
             const McRect *box)
{
  hit->x = box->x;
  hit->y = box->y;
  hit->width = box->width;
  hit->height = box->height;
}

/* The notes of annotations at the x of a point: "Est." and a note of
 * the data first, then what the annotations there say. */
static void
append_notes (McMarks    *marks,
              McChartHit *hit,
              guint       series_index,
              double      x)
{
  g_autoptr(GString) text = g_string_new (hit->note);

  for (guint i = 0; i < marks->notes->len; i++)
    {
      const McMarkNote *note = &g_array_index (marks->notes, McMarkNote, i);

      if ((note->series != G_MAXUINT && note->series != series_index)
          || x < MIN (note->x0, note->x1) || x > MAX (note->x0, note->x1))
        continue;
      if (text->len > 0)
        /* Translators: separates the notes said of one point */
        g_string_append (text, _("; "));
      g_string_append (text, note->text);
    }
  if (text->len == 0)
    return;
  g_free (hit->note);
  hit->note = g_string_free (g_steal_pointer (&text), FALSE);
}

/* The exact value of a point: with the decimals its source wrote it with
 * where they are known ("36.0%"), else with as many as it needs. */
static char *
format_point_value (const McSeries *series,
                    guint           point,
                    double          value)
{
  guint row = mc_series_get_row (series, point);
  int decimals = mc_format_value_decimals (value, series->derived ? series->decimals : 6);

  if (series->derived == NULL && row < mc_column_get_n_rows (series->column)
      && mc_column_get_value (series->column, row) == value)
    decimals = mc_format_row_decimals (series->column, row, decimals);
  return mc_format_value (series->column, value, decimals);
}

/* Point @point of series @series_index, as drawn. */
static void
hit_fill_point (McMarks    *marks,
                McChartHit *hit,
                guint       series_index,
                guint       point)
{
  McChartModel *chart = marks->model;
  McSeries *series = mc_chart_model_get_series (chart, series_index);
  double value = mc_series_get_y (series, point);
  guint row = mc_series_get_row (series, point);
  /* Derived values (growth) carry no notes of their own. */
  const McColumn *note_column = series->derived ? NULL : series->column;

  hit->kind = MC_CHART_HIT_MARK;
  hit->series = series_index;
  hit->index = row;
  hit->series_name = g_strdup (series->name);
  hit->label = mc_chart_model_format_x (chart, series, point);
  hit->value = format_point_value (series, point, value);
  hit->raw_value = value;
  hit->estimate = mc_series_is_estimate (series, point);
  hit->note = note_column ? g_strdup (mc_column_get_note (note_column, row)) : NULL;
  append_notes (marks, hit, series_index, mc_series_get_x (series, point));
}

/* A mark: the point of its series it shows, or the value the kind
 * computed for it, such as the Other slice of a pie; the kind may name
 * it and write its value itself. */
static void
hit_fill_mark (McMarks      *marks,
               McChartHit   *hit,
               const McMark *mark)
{
  McSeries *series = mc_chart_model_get_series (marks->model, mark->series);

  if (mark->datum != G_MAXUINT)
    hit_fill_point (marks, hit, mark->series, mark->datum);
  else
    {
      hit->kind = MC_CHART_HIT_MARK;
      hit->series = mark->series;
      hit->index = mark->row;
      hit->series_name = g_strdup (series->name);
      hit->value = mc_series_format_value (series, mark->value, TRUE);
      hit->raw_value = mark->value;
    }
  if (marks->model->kind->mark_text != NULL)
    {
      g_clear_pointer (&hit->label, g_free);
      g_clear_pointer (&hit->value, g_free);
      marks->model->kind->mark_text (marks, mark, &hit->label, &hit->value);
    }
  if (mark->label != NULL)
    mc_set_str (&hit->label, mark->label);
  if (mark->text != NULL)
    mc_set_str (&hit->value, mark->text);
  hit->outline = mark->shape != MC_MARK_SLICE;
  hit_set_box (hit, &mark->box);
}

static gboolean
hit_test_legend (McMarks    *marks,
                 double      x,
                 double      y,
                 McChartHit *hit)
{
  for (guint i = 0; i < marks->legend->len; i++)
    {
      const McLegendHit *entry = &g_array_index (marks->legend, McLegendHit, i);
      const char *name;

      if (!(x >= entry->box.x && x <= entry->box.x + entry->box.width
            && y >= entry->box.y && y <= entry->box.y + entry->box.height))
        continue;
      name = mc_chart_model_get_series_name (marks->model, entry->series);
      hit->kind = MC_CHART_HIT_LEGEND;
      hit->series = entry->series;
      hit->series_name = g_strdup (name);
      hit->label = g_strdup (name);
      hit_set_box (hit, &entry->box);
      return TRUE;
    }
  return FALSE;
}

/* Marks of bars and slices: found by their shapes */

typedef struct
{
  McChartItem item;
  double      key;        /* order within the series */
} MarkItem;

static const McMark *
get_mark (McMarks *marks,
          guint    i)
{
  return &g_array_index (marks->marks, McMark, i);
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

/* How far (@x, @y) is from a dot's centre, or G_MAXDOUBLE when it is
 * beyond the dot and the tolerance around it. */
static double
point_distance (const McMark *mark,
                double        x,
                double        y)
{
  double cx = mark->box.x + mark->box.width / 2, cy = mark->box.y + mark->box.height / 2;
  double distance = hypot (x - cx, y - cy);

  return distance <= MAX (mark->box.width / 2, MC_POINT_TOLERANCE) ? distance : G_MAXDOUBLE;
}

/* The mark under (@x, @y): the last drawn first, since it is on top;
 * else the dot nearest to it. */
static const McMark *
mark_at (McMarks *marks,
         double   x,
         double   y)
{
  const McMark *nearest = NULL;
  double best = G_MAXDOUBLE;

  for (guint i = marks->marks->len; i > 0; i--)
    {
      const McMark *mark = get_mark (marks, i - 1);
      double distance;

      if (mark->shape != MC_MARK_POINT)
        {
          if (point_in_mark (mark, x, y))
            return mark;
          continue;
        }
      distance = point_distance (mark, x, y);
      if (distance < best)
        {
          best = distance;
          nearest = mark;
        }
    }
  return nearest;
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
primary_mark (McMarks      *marks,
              const McMark *mark)
{
  if (!mark->alias)
    return mark;
  for (guint i = 0; i < marks->marks->len; i++)
    {
      const McMark *other = get_mark (marks, i);

      if (!other->alias && other->series == mark->series && other->point == mark->point)
        return other;
    }
  return NULL;
}

static gboolean
mark_to_item (McMarks      *marks,
              const McMark *mark,
              McChartItem  *item)
{
  if ((mark = primary_mark (marks, mark)) == NULL)
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

/* The marks the keyboard walks, series by series in their kind's order. */
static GArray *
collect_mark_items (McMarks *marks)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (MarkItem));

  for (guint i = 0; i < marks->marks->len; i++)
    {
      const McMark *mark = get_mark (marks, i);
      MarkItem m;

      if (mark->alias || !mark_to_item (marks, mark, &m.item))
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

/* Points of lines and areas: found by x */

static McSeries *
series_data (McMarks *marks,
             guint    series)
{
  return mc_chart_model_get_series (marks->model, series);
}

static gboolean
point_valid (McMarks *marks,
             guint    series,
             guint    point)
{
  McSeries *data = series_data (marks, series);

  return point < mc_series_get_n_points (data) && !isnan (mc_series_get_y (data, point))
         && mc_view_options_x_in_window (&marks->view, mc_series_get_x (data, point));
}

/* The values a point spans as drawn: its own, or in a stacked area its
 * band, from the shown layers below it that have a value there to that
 * sum plus its own (the rule the renderer draws by). */
static void
point_span (McMarks *marks,
            guint    series,
            guint    point,
            double  *base,
            double  *top)
{
  double value = mc_series_get_y (series_data (marks, series), point);
  const McAxes *axes = mc_marks_get_series_axes (marks, series);

  *base = 0;
  for (guint s = 0; axes->stacked && s < series; s++)
    {
      McSeries *below = series_data (marks, s);

      /* The layers under it in the same panel. */
      if (mc_marks_series_shown (marks, s) && mc_marks_get_series_axes (marks, s) == axes
          && point < mc_series_get_n_points (below)
          && !isnan (mc_series_get_y (below, point)))
        *base += mc_series_get_y (below, point);
    }
  *top = *base + value;
  if (!axes->stacked)
    *base = value;
}

static gboolean
point_item (McMarks     *marks,
            guint        series,
            guint        point,
            McChartItem *item)
{
  McSeries *data;
  double base, top;

  if (!mc_marks_series_shown (marks, series) || !point_valid (marks, series, point))
    return FALSE;
  data = series_data (marks, series);
  point_span (marks, series, point, &base, &top);
  item->series = series;
  item->point = point;
  item->index = mc_series_get_row (data, point);
  item->x = mc_axes_map_x (mc_marks_get_series_axes (marks, series), mc_series_get_x (data, point));
  item->y = mc_axes_map_value (mc_marks_get_series_axes (marks, series), data->axis, top);
  return TRUE;
}

static gboolean
point_step (McMarks *marks,
            guint    series,
            guint    from,
            int      step,
            guint   *point)
{
  guint n = mc_series_get_n_points (series_data (marks, series));

  for (gint64 i = (gint64) from + step; i >= 0 && i < n; i += step)
    if (point_valid (marks, series, (guint) i))
      {
        *point = (guint) i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
point_end (McMarks  *marks,
           guint     series,
           gboolean  last,
           guint    *point)
{
  guint start, end;

  mc_series_window_points (series_data (marks, series), &marks->view, &start, &end);
  if (end == start)
    return FALSE;
  if (last)
    return point_valid (marks, series, end - 1) ? (*point = end - 1, TRUE)
                                                : point_step (marks, series, end - 1, -1, point);
  return point_valid (marks, series, start) ? (*point = start, TRUE)
                                            : point_step (marks, series, start, 1, point);
}

/* The valid point of @series whose x is drawn nearest to @px. */
static gboolean
nearest_point (McMarks *marks,
               guint    series,
               double   px,
               guint   *point)
{
  McSeries *data = series_data (marks, series);
  const McAxes *axes = mc_marks_get_series_axes (marks, series);
  guint start, end;
  double best = G_MAXDOUBLE;
  gboolean found = FALSE;

  mc_series_window_points (data, &marks->view, &start, &end);
  if (data->x_sorted && end - start > 256)
    {
      guint lo = start, hi = end;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (mc_axes_map_x (axes, mc_series_get_x (data, mid)) < px)
            lo = mid + 1;
          else
            hi = mid;
        }
      /* Look around the insertion point for the nearest present value. */
      start = lo > start + 64 ? lo - 64 : start;
      end = MIN (end, lo + 64);
    }
  for (guint i = start; i < end; i++)
    {
      double d = fabs (mc_axes_map_x (axes, mc_series_get_x (data, i)) - px);

      if (d < best && point_valid (marks, series, i))
        best = d, *point = i, found = TRUE;
    }
  return found;
}

/* Up and down between lines go to the line drawn just above or below at
 * about the same x. */
static gboolean
point_other_series (McMarks     *marks,
                    McChartItem *item,
                    int          direction)
{
  McChartItem best = { 0 };
  double best_distance = G_MAXDOUBLE;

  for (guint s = 0; s < mc_chart_model_get_n_series (marks->model); s++)
    {
      McChartItem other;
      guint point;
      double dy;
      gboolean beyond;

      if (s == item->series || !nearest_point (marks, s, item->x, &point)
          || !point_item (marks, s, point, &other))
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
point_move (McMarks     *marks,
            McChartItem *item,
            McChartMove  move)
{
  McSeries *data = series_data (marks, item->series);
  guint start, end, point = item->point;
  gboolean found = FALSE;
  int page;

  mc_series_window_points (data, &marks->view, &start, &end);
  page = MAX (1, (int) (end - start) / 10);
  switch (move)
    {
    case MC_CHART_MOVE_NEXT:
    case MC_CHART_MOVE_PREVIOUS:
      found = point_step (marks, item->series, item->point,
                          move == MC_CHART_MOVE_NEXT ? 1 : -1, &point);
      break;
    case MC_CHART_MOVE_PAGE_NEXT:
    case MC_CHART_MOVE_PAGE_PREVIOUS:
      {
        int step = move == MC_CHART_MOVE_PAGE_NEXT ? 1 : -1;
        gint64 target = CLAMP ((gint64) item->point + step * page, 0,
                               (gint64) mc_series_get_n_points (data) - 1);

        found = target != item->point
                && (point_valid (marks, item->series, (guint) target)
                    ? (point = (guint) target, TRUE)
                    : point_step (marks, item->series, (guint) target, -step, &point))
                && point != item->point;
      }
      break;
    case MC_CHART_MOVE_FIRST:
    case MC_CHART_MOVE_LAST:
      found = point_end (marks, item->series, move == MC_CHART_MOVE_LAST, &point)
              && point != item->point;
      break;
    case MC_CHART_MOVE_SERIES_UP:
    case MC_CHART_MOVE_SERIES_DOWN:
      return point_other_series (marks, item, move == MC_CHART_MOVE_SERIES_UP ? 1 : -1);
    default:
      g_return_val_if_reached (FALSE);
    }
  return found && point_item (marks, item->series, point, item);
}

/* How far @y is from the band [@base, @top] of a point, in pixels. */
static double
span_distance (McMarks *marks,
               guint    series,
               guint    point,
               double   y)
{
  const McAxes *axes = mc_marks_get_series_axes (marks, series);
  guint axis = series_data (marks, series)->axis;
  double base, top, a, b;

  point_span (marks, series, point, &base, &top);
  a = mc_axes_map_value (axes, axis, base);
  b = mc_axes_map_value (axes, axis, top);
  if (y >= MIN (a, b) && y <= MAX (a, b))
    return 0;
  return MIN (fabs (y - a), fabs (y - b));
}

/* The point nearest to the pointer's x, the one nearest in y among
 * those at the same x: a point of a line, or the band of a stacked
 * area's layer the pointer is in. */
/* Whether (@x, @y) is near the plot of @axes. */
static gboolean
near_plot (const McAxes *axes,
           double        x,
           double        y,
           double        tolerance)
{
  const McRect *plot = &axes->plot;

  return x >= plot->x - tolerance && x <= plot->x + plot->width + tolerance
         && y >= plot->y - tolerance && y <= plot->y + plot->height + tolerance;
}

static gboolean
point_at (McMarks     *marks,
          double       x,
          double       y,
          McChartItem *item)
{
  double best_dx = G_MAXDOUBLE, best_dy = G_MAXDOUBLE, tolerance = MC_HIT_TOLERANCE;
  gboolean found = FALSE;

  for (guint s = 0; s < mc_chart_model_get_n_series (marks->model); s++)
    {
      const McAxes *axes = mc_marks_get_series_axes (marks, s);
      const McRect *plot = &axes->plot;
      McChartItem candidate;
      guint point;
      double dx, dy;

      /* The series of the panel the pointer is over. */
      if (!near_plot (axes, x, y, MAX (MC_HIT_TOLERANCE, axes->x_band / 2))
          || !nearest_point (marks, s, x, &point) || !point_item (marks, s, point, &candidate))
        continue;
      /* Points clipped away by a zoom window are not there to hit. */
      if (candidate.x < plot->x - 0.5 || candidate.x > plot->x + plot->width + 0.5)
        continue;
      dx = round (fabs (candidate.x - x) * 2) / 2;
      dy = span_distance (marks, s, point, y);
      if (dx < best_dx || (dx == best_dx && dy < best_dy))
        {
          best_dx = dx, best_dy = dy;
          tolerance = MAX (MC_HIT_TOLERANCE, axes->x_band / 2);
          *item = candidate;
          found = TRUE;
        }
    }
  return found && best_dx <= tolerance;
}

/* The hit of a point of a line: a marker's box around it. */
static void
fill_point_hit (McMarks           *marks,
                const McChartItem *item,
                McChartHit        *hit)
{
  double radius = MAX (6, mc_marks_get_series_axes (marks, item->series)->plot.height * 0.02);

  hit_fill_point (marks, hit, item->series, item->point);
  hit->x = item->x - radius;
  hit->y = item->y - radius;
  hit->width = hit->height = 2 * radius;
}

/* Public */

/**
 * mc_hit_test:
 * @marks: the marks of a render
 * @x: x in the coordinates of that render
 * @y: y
 * @hit: (out caller-allocates): what is there; clear it with
 *   mc_chart_hit_clear()
 *
 * Returns: %TRUE if something is under the point
 */
gboolean
mc_hit_test (McMarks    *marks,
             double      x,
             double      y,
             McChartHit *hit)
{
  const McMark *mark;
  McChartItem item;

  g_return_val_if_fail (marks != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  hit_init (hit);
  if (hit_test_legend (marks, x, y, hit))
    return TRUE;
  if ((mark = mark_at (marks, x, y)) != NULL)
    {
      hit_fill_mark (marks, hit, mark);
      return TRUE;
    }
  if (marks->axes.has_plot && point_at (marks, x, y, &item))
    {
      fill_point_hit (marks, &item, hit);
      return TRUE;
    }
  return FALSE;
}

void
mc_chart_hit_clear (McChartHit *hit)
{
  if (hit == NULL)
    return;
  g_clear_pointer (&hit->series_name, g_free);
  g_clear_pointer (&hit->label, g_free);
  g_clear_pointer (&hit->value, g_free);
  g_clear_pointer (&hit->note, g_free);
  hit->kind = MC_CHART_HIT_NONE;
  hit->raw_value = NAN;
}

/**
 * mc_hit_item_at:
 * @marks: the marks of a render
 * @x: x in the coordinates of that render
 * @y: y
 * @item: (out): the mark there
 *
 * Returns: whether there is one
 */
gboolean
mc_hit_item_at (McMarks     *marks,
                double       x,
                double       y,
                McChartItem *item)
{
  const McMark *mark;

  g_return_val_if_fail (marks != NULL, FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if ((mark = mark_at (marks, x, y)) != NULL)
    return mark_to_item (marks, mark, item);
  return marks->axes.has_plot && point_at (marks, x, y, item);
}

/**
 * mc_hit_item_first:
 *
 * The first mark of the first shown series: the leftmost bar or point,
 * the topmost horizontal bar, the first slice clockwise from 12 o'clock.
 */
gboolean
mc_hit_item_first (McMarks     *marks,
                   McChartItem *item)
{
  g_autoptr(GArray) items = NULL;

  g_return_val_if_fail (marks != NULL, FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (marks->axes.has_plot)
    {
      for (guint s = 0; s < mc_chart_model_get_n_series (marks->model); s++)
        {
          guint point;

          if (mc_marks_series_shown (marks, s) && point_end (marks, s, FALSE, &point)
              && point_item (marks, s, point, item))
            return TRUE;
        }
      return FALSE;
    }
  items = collect_mark_items (marks);
  if (items->len == 0)
    return FALSE;
  *item = g_array_index (items, MarkItem, 0).item;
  return TRUE;
}

/**
 * mc_hit_item_update:
 * @marks: the marks of a render since @item was found
 * @item: (inout): a mark; its position is brought up to date
 *
 * Returns: %FALSE if the mark is no longer drawn (its series was hidden,
 *   or zooming left it out)
 */
gboolean
mc_hit_item_update (McMarks     *marks,
                    McChartItem *item)
{
  g_autoptr(GArray) items = NULL;
  int at;

  g_return_val_if_fail (marks != NULL, FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (marks->axes.has_plot)
    return item->series < mc_chart_model_get_n_series (marks->model)
           && point_item (marks, item->series, item->point, item);
  items = collect_mark_items (marks);
  at = find_mark_item (items, item);
  if (at < 0)
    return FALSE;
  *item = g_array_index (items, MarkItem, at).item;
  return TRUE;
}

/**
 * mc_hit_item_move:
 * @marks: the marks of a render
 * @item: (inout): the current mark; on success, the one moved to
 *
 * Returns: %FALSE, leaving @item alone, when there is nowhere to go
 */
gboolean
mc_hit_item_move (McMarks     *marks,
                  McChartItem *item,
                  McChartMove  move)
{
  g_autoptr(GArray) items = NULL;
  McChartItem current;
  int at, target;

  g_return_val_if_fail (marks != NULL, FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  current = *item;
  if (!mc_hit_item_update (marks, &current))
    return FALSE;
  if (marks->axes.has_plot)
    {
      if (!point_move (marks, &current, move))
        return FALSE;
      *item = current;
      return TRUE;
    }
  items = collect_mark_items (marks);
  at = find_mark_item (items, &current);
  if (at < 0 || (target = mark_move_target (items, at, move)) < 0)
    return FALSE;
  *item = g_array_index (items, MarkItem, target).item;
  return TRUE;
}

/**
 * mc_hit_item_get_hit:
 * @marks: the marks of a render
 * @item: a mark
 * @hit: (out caller-allocates): what mc_hit_test() tells of it
 *
 * Returns: %FALSE if the mark is not drawn
 */
gboolean
mc_hit_item_get_hit (McMarks           *marks,
                     const McChartItem *item,
                     McChartHit        *hit)
{
  McChartItem current;

  g_return_val_if_fail (marks != NULL, FALSE);
  g_return_val_if_fail (item != NULL && hit != NULL, FALSE);

  hit_init (hit);
  current = *item;
  if (!mc_hit_item_update (marks, &current))
    return FALSE;
  if (marks->axes.has_plot)
    {
      fill_point_hit (marks, &current, hit);
      return TRUE;
    }
  /* A bar's centre or a slice's middle is inside its mark only. */
  return mc_hit_test (marks, current.x, current.y, hit) && hit->kind == MC_CHART_HIT_MARK;
}

void
mc_hit_item_get_position (McMarks           *marks,
                          const McChartItem *item,
                          guint             *position,
                          guint             *count)
{
  g_autoptr(GArray) items = NULL;
  guint first, last;
  int at;

  g_return_if_fail (marks != NULL);
  g_return_if_fail (item != NULL && position != NULL && count != NULL);

  *position = *count = 0;
  if (item->series >= mc_chart_model_get_n_series (marks->model))
    return;
  if (marks->axes.has_plot)
    {
      guint start, end;

      mc_series_window_points (series_data (marks, item->series), &marks->view, &start, &end);
      for (guint i = start; i < end; i++)
        if (point_valid (marks, item->series, i))
          {
            (*count)++;
            if (i <= item->point)
              (*position)++;
          }
      return;
    }
  items = collect_mark_items (marks);
  at = find_mark_item (items, item);
  if (at < 0)
    return;
  series_bounds (items, at, &first, &last);
  *position = at - first + 1;
  *count = last - first + 1;
}

gboolean
mc_hit_item_get_plot_area (McMarks           *marks,
                           const McChartItem *item,
                           double            *x,
                           double            *y,
                           double            *width,
                           double            *height)
{
  const McAxes *axes;

  g_return_val_if_fail (marks != NULL && item != NULL, FALSE);

  if (item->series >= mc_chart_model_get_n_series (marks->model))
    return FALSE;
  axes = mc_marks_get_series_axes (marks, item->series);
  if (!axes->has_plot && !axes->has_x_axis)
    return FALSE;
  *x = axes->plot.x;
  *y = axes->plot.y;
  *width = axes->plot.width;
  *height = axes->plot.height;
  return TRUE;
}
