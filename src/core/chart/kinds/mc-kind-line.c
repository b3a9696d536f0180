/* mc-chart-line.c: lines and areas, on a time, number or category axis,
 * with an optional second value axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mc-format.h"
#include "mc-line-raster.h"
#include "mc-render-private.h"

/* Markers and a label at every point only on short series. */
#define MC_MAX_MARKED_POINTS 12
/* Direct labels at the line ends for up to this many series. */
#define MC_MAX_END_LABELS 6
/* A line axis includes zero when the data comes this close to it
 * (minimum under 40 % of the maximum): zooming would exaggerate. */
#define MC_ZOOM_THRESHOLD 0.4
#define MC_AREA_ALPHA 0.22
#define MC_STACKED_AREA_ALPHA 0.85

typedef struct
{
  McRender      *r;
  McChartModel  *chart;
  gboolean       area;
  gboolean       log;           /* a logarithmic value axis */
  gboolean       has_y2;
  gboolean       end_labels;
  gboolean       mark_gaps;     /* stretches without data drawn dotted */
  guint         *visible;
  guint          n_visible;
  McAxes         axes;          /* the plot and how it maps x and values */
  McLabelFit     fit;
  guint         *order;         /* identity order of categories */
  double         x_label_height;
  double         headroom;      /* pixels above the highest point, for its label */
  GArray        *points;        /* scratch: decimated (x, y) pairs */
  gboolean       dense;         /* whether run_points() found them dense:
                                 * decimated, or more than half the pixel
                                 * columns, x never decreasing */
  gboolean       y_known[2];    /* y_range() of each axis, computed once */
  double         y_lo[2];
  double         y_hi[2];
} Lines;

/* Mapping */

static inline double
map_x (Lines  *l,
       double  x)
{
  return mc_axes_map_x (&l->axes, x);
}

static McSeries *
series_at (Lines *l,
           guint  i)
{
  return mc_chart_model_get_series (l->chart, l->visible[i]);
}

static McSeries *axis_series (Lines *l,
                               guint  axis,
                               guint *count);

/* Data ranges */

/* Stacked areas stack point by point: only series that share their x
 * positions (columns of one table) can be stacked. */
static gboolean
series_aligned (Lines *l)
{
  McSeries *first;

  if (l->n_visible < 2)
    return TRUE;
  first = series_at (l, 0);
  for (guint i = 1; i < l->n_visible; i++)
    {
      McSeries *other = series_at (l, i);
      guint n = mc_series_get_n_points (first);

      if (mc_series_get_n_points (other) != n)
        return FALSE;
      if (first->x == NULL && first->x_column == other->x_column)
        continue;
      if (n > 0 && memcmp (mc_series_get_xs (other), mc_series_get_xs (first),
                           n * sizeof (double)) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Stacking with gaps. A missing value is a gap in its own layer, never a
 * zero, and it never hides the values above it: at each point a layer
 * stands on the sum of the layers below it that are present there, and
 * spans its own value. So that a stack missing a layer is not read as a
 * complete one, two neighbouring points of a layer are joined only when
 * the same layers are present below both; otherwise the band breaks, and
 * a point left without a neighbour is drawn as a thin column. */
static double
stack_base (Lines *l,
            guint  visible_index,
            guint  point)
{
  double total = 0;

  for (guint i = 0; i < visible_index; i++)
    {
      double v = mc_series_get_y (series_at (l, i), point);

      if (!isnan (v))
        total += v;
    }
  return total;
}

/* The top of a layer at @point; NAN where its own value is missing. */
static double
stacked_value (Lines *l,
               guint  visible_index,
               guint  point)
{
  double v = mc_series_get_y (series_at (l, visible_index), point);

  return isnan (v) ? NAN : stack_base (l, visible_index, point) + v;
}

/* Whether a layer's points @a and @b stand on the same layers. */
static gboolean
same_layers_below (Lines *l,
                   guint  visible_index,
                   guint  a,
                   guint  b)
{
  for (guint i = 0; i < visible_index; i++)
    {
      McSeries *below = series_at (l, i);

      if (isnan (mc_series_get_y (below, a)) != isnan (mc_series_get_y (below, b)))
        return FALSE;
    }
  return TRUE;
}

/* Widens [*lo, *hi] (NAN when empty) to the values of @series. */
static void
series_values_range (const McSeries *series,
                     double         *lo,
                     double         *hi)
{
  const double *y = (const double *) (gpointer) series->y->data;
  double min = G_MAXDOUBLE, max = -G_MAXDOUBLE;

  if (series->stats_known)
    {
      /* Known since the series was made. */
      min = isnan (series->y_min) ? G_MAXDOUBLE : series->y_min;
      max = isnan (series->y_max) ? -G_MAXDOUBLE : series->y_max;
    }
  else
    for (guint p = 0; p < series->y->len; p++)
      {
        if (isnan (y[p]))
          continue;
        min = MIN (min, y[p]);
        max = MAX (max, y[p]);
      }
  if (min > max)
    return;
  *lo = isnan (*lo) ? min : MIN (*lo, min);
  *hi = isnan (*hi) ? max : MAX (*hi, max);
}

/* Widens [*lo, *hi] to the values of a sorted series in the view's zoom
 * window: its points there found by bisection, their extremes by the
 * summary, in a few steps however many points the window holds. */
static void
window_values_range (const McSeries      *series,
                     const McViewOptions *view,
                     double              *lo,
                     double              *hi)
{
  const double *y = (const double *) (gpointer) series->y->data;
  guint start, end, low, high;

  mc_series_window_points (series, view, &start, &end);
  /* Without the neighbours outside the window. */
  if (start < end && !mc_view_options_x_in_window (view, mc_series_get_x (series, start)))
    start++;
  if (end > start && !mc_view_options_x_in_window (view, mc_series_get_x (series, end - 1)))
    end--;
  mc_value_summary_extremes (series->summary, y, start, end, &low, &high);
  if (low == G_MAXUINT)
    return;
  *lo = isnan (*lo) ? y[low] : MIN (*lo, y[low]);
  *hi = isnan (*hi) ? y[high] : MAX (*hi, y[high]);
}

static void y_range_scan (Lines  *l,
                          guint   axis,
                          double *lo,
                          double *hi);

static void
y_range (Lines  *l,
         guint   axis,
         double *lo,
         double *hi)
{
  /* Layout asks more than once; a million points are worth keeping it. */
  if (l->y_known[axis])
    {
      *lo = l->y_lo[axis];
      *hi = l->y_hi[axis];
      return;
    }
  y_range_scan (l, axis, lo, hi);
  l->y_known[axis] = TRUE;
  l->y_lo[axis] = *lo;
  l->y_hi[axis] = *hi;
}

static void
y_range_scan (Lines  *l,
              guint   axis,
              double *lo,
              double *hi)
{
  *lo = *hi = NAN;
  for (guint i = 0; i < l->n_visible; i++)
    {
      McSeries *series = series_at (l, i);

      if (series->axis != axis)
        continue;
      if (!l->axes.stacked && !l->r->view->has_x_window)
        {
          /* Every point counts: known from the summary, or one tight
           * pass. */
          series_values_range (series, lo, hi);
          continue;
        }
      if (!l->axes.stacked && series->x_sorted && series->summary != NULL)
        {
          window_values_range (series, l->r->view, lo, hi);
          continue;
        }
      for (guint p = 0; p < mc_series_get_n_points (series); p++)
        {
          double v = l->axes.stacked ? stacked_value (l, i, p) : mc_series_get_y (series, p);

          if (isnan (v) || !mc_view_options_x_in_window (l->r->view, mc_series_get_x (series, p)))
            continue;
          *lo = isnan (*lo) ? v : MIN (*lo, v);
          *hi = isnan (*hi) ? v : MAX (*hi, v);
        }
    }
}

static void
sorted_x_range (const McSeries *series,
                double         *lo,
                double         *hi)
{
  const double *y = (const double *) (gpointer) series->y->data;
  guint first = 0, last = mc_series_get_n_points (series);
  double x_first, x_last;

  while (first < last && isnan (y[first]))
    first++;
  while (last > first && isnan (y[last - 1]))
    last--;
  if (first == last)
    return;
  x_first = mc_series_get_x (series, first);
  x_last = mc_series_get_x (series, last - 1);
  *lo = isnan (*lo) ? x_first : MIN (*lo, x_first);
  *hi = isnan (*hi) ? x_last : MAX (*hi, x_last);
}

static void
data_x_range (Lines  *l,
              double *lo,
              double *hi)
{
  *lo = *hi = NAN;
  for (guint i = 0; i < l->n_visible; i++)
    {
      McSeries *series = series_at (l, i);

      if (series->x_sorted)
        {
          /* The first and the last point with a value. */
          sorted_x_range (series, lo, hi);
          continue;
        }
      for (guint p = 0; p < mc_series_get_n_points (series); p++)
        {
          double x = mc_series_get_x (series, p);

          if (isnan (mc_series_get_y (series, p)))
            continue;
          *lo = isnan (*lo) ? x : MIN (*lo, x);
          *hi = isnan (*hi) ? x : MAX (*hi, x);
        }
    }
}

/* What the x axis shows: the view's window, else every point. */
static void
x_range (Lines  *l,
         double *lo,
         double *hi)
{
  if (!mc_view_options_get_x_window (l->r->view, lo, hi))
    data_x_range (l, lo, hi);
}

/* Bar and area axes start at zero. Lines may zoom, except for
 * percentages (shares and rates read against zero), data that comes
 * close to zero anyway, and charts with two value axes (see
 * init_dual_scales()). */
static gboolean
include_zero (Lines  *l,
              guint   axis,
              double  lo,
              double  hi)
{
  guint count;
  McSeries *series = axis_series (l, axis, &count);
  const char *unit = series ? mc_column_get_unit (series->column) : NULL;

  if (l->area || l->has_y2 || isnan (lo) || g_strcmp0 (unit, "percent") == 0
      || g_strcmp0 (unit, "%") == 0)
    return TRUE;
  if (lo >= 0)
    return lo <= MC_ZOOM_THRESHOLD * hi;
  if (hi <= 0)
    return hi >= MC_ZOOM_THRESHOLD * lo;
  return TRUE;
}

static guint
max_points (Lines *l)
{
  guint max = 0;

  for (guint i = 0; i < l->n_visible; i++)
    max = MAX (max, mc_series_get_n_points (series_at (l, i)));
  return max;
}

/* Scales */

/* The value range of an axis; a zoomed axis gets a margin so the line
 * doesn't run along its edges. */
static gboolean
axis_range (Lines  *l,
            guint   axis,
            double *lo,
            double *hi)
{
  gboolean zero;

  y_range (l, axis, lo, hi);
  mc_render_annotations_domain (l->r, axis, lo, hi);
  /* Log ticks enclose the data already, and there is no zero. */
  if (l->log)
    {
      mc_render_value_limits (l->r, lo, hi);
      return FALSE;
    }
  /* Limits the spec sets are kept as they are: a minimum means the axis
   * starts there. */
  if (!l->has_y2 && mc_render_value_limits (l->r, lo, hi))
    return l->area || (isnan (mc_chart_spec_get_number (l->chart->spec, "min"))
                       && include_zero (l, axis, *lo, *hi));
  zero = include_zero (l, axis, *lo, *hi);
  if (!zero)
    {
      double margin = (*hi - *lo) * 0.05;

      *lo -= margin;
      *hi += margin;
    }
  return zero;
}

/* Two value axes.
 *
 * Zoomed each to its own data, two measures that move together (a share
 * price and the market value it makes) draw one line on top of the
 * other, markers hiding markers, and where the lines sit against each
 * other is an accident of the two zooms: a reader takes the crossing or
 * the gap for a finding. So both axes start at zero (see include_zero()),
 * and each line rises by as much as its measure does. The two axes share
 * one grid, chosen once from the data and never from the size of the
 * plot, so that the lines keep their order and their crossings at every
 * size: of the grids of 2 to 10 intervals, the one that leaves the least
 * of either axis empty (no more than a fifth where a grid can), with
 * about five intervals and the lines apart. Where the plot is too short
 * for every tick's label, every other one is left out. */

#define MC_DUAL_MIN_INTERVALS 2
#define MC_DUAL_MAX_INTERVALS 10
/* The most of an axis its data may leave empty. */
#define MC_DUAL_MAX_WASTE 0.2
/* Lines are compared at up to this many points per pair of series. */
#define MC_DUAL_SAMPLES 2000
/* Lines nearer than this share of the plot's height touch. */
#define MC_DUAL_NEAR 0.03

/* The share of points where a series of the left axis and one of the
 * right come closer than MC_DUAL_NEAR of the height, on scales mapped
 * to [0, 1]. */
static double
dual_overlap (Lines               *l,
              const McLinearScale  scales[2])
{
  guint close = 0, compared = 0;

  for (guint i = 0; i < l->n_visible; i++)
    for (guint j = 0; j < l->n_visible; j++)
      {
        McSeries *a = series_at (l, i), *b = series_at (l, j);
        guint n = MIN (mc_series_get_n_points (a), mc_series_get_n_points (b));
        guint stride = MAX (1, n / MC_DUAL_SAMPLES);

        if (a->axis != 0 || b->axis != 1)
          continue;
        for (guint p = 0; p < n; p += stride)
          {
            double ya = mc_series_get_y (a, p), yb = mc_series_get_y (b, p);

            if (isnan (ya) || isnan (yb) || mc_series_get_x (a, p) != mc_series_get_x (b, p))
              continue;
            compared++;
            close += fabs (mc_linear_scale_map (&scales[0], ya)
                           - mc_linear_scale_map (&scales[1], yb)) < MC_DUAL_NEAR;
          }
      }
  return compared ? (double) close / compared : 0;
}

/* The share of an axis its data leaves empty. */
static double
axis_waste (const McLinearScale *scale,
            double               lo,
            double               hi)
{
  double span = scale->max - scale->min;

  if (isnan (lo) || !(span > 0))
    return 0;
  return 1 - (MAX (hi, 0) - MIN (lo, 0)) / span;
}

static void
init_dual_scales (Lines *l)
{
  double lo[2], hi[2], best = G_MAXDOUBLE;
  double bottom = l->axes.plot.y + l->axes.plot.height;

  for (guint axis = 0; axis < 2; axis++)
    axis_range (l, axis, &lo[axis], &hi[axis]);
  for (guint n = MC_DUAL_MIN_INTERVALS; n <= MC_DUAL_MAX_INTERVALS; n++)
    {
      McLinearScale scales[2];
      double waste[2], score;

      for (guint axis = 0; axis < 2; axis++)
        {
          mc_linear_scale_init_fixed (&scales[axis], lo[axis], hi[axis], TRUE, n);
          mc_linear_scale_set_range (&scales[axis], 0, 1);
          waste[axis] = axis_waste (&scales[axis], lo[axis], hi[axis]);
        }
      score = waste[0] + waste[1] + 0.02 * fabs ((double) n - 5) + 2 * dual_overlap (l, scales)
              + (MAX (waste[0], waste[1]) > MC_DUAL_MAX_WASTE ? 1 : 0);
      if (score < best)
        {
          best = score;
          l->axes.y[0] = scales[0];
          l->axes.y[1] = scales[1];
        }
    }
  for (guint axis = 0; axis < 2; axis++)
    mc_linear_scale_set_range (&l->axes.y[axis], bottom, l->axes.plot.y);
}

static void
init_y_scales (Lines *l)
{
  double lo, hi;
  gboolean zero;

  if (l->has_y2)
    {
      init_dual_scales (l);
      return;
    }
  zero = axis_range (l, 0, &lo, &hi);
  if (l->log)
    mc_render_log_scale (l->r, &l->axes.y[0], lo, hi, l->axes.plot.height);
  else
    mc_render_value_scale (l->r, &l->axes.y[0], lo, hi, zero, l->axes.plot.height, l->headroom);
  mc_linear_scale_set_range (&l->axes.y[0], l->axes.plot.y + l->axes.plot.height, l->axes.plot.y);
  l->axes.y[1] = l->axes.y[0];
}

static void
init_x_scale (Lines *l)
{
  double lo, hi;

  x_range (l, &lo, &hi);
  switch (l->axes.x_kind)
    {
    case MC_X_TIME:
      mc_render_time_scale (l->r, &l->axes.x_time, lo, hi,
                            mc_column_get_date_precision (l->chart->x_column), &l->axes.plot);
      break;
    case MC_X_NUMBER:
      mc_linear_scale_init (&l->axes.x_linear, lo, hi, FALSE, l->axes.plot.width, 8 * l->r->body);
      mc_render_fit_x_window (l->r, &l->axes.x_linear);
      mc_linear_scale_set_range (&l->axes.x_linear, l->axes.plot.x,
                                 l->axes.plot.x + l->axes.plot.width);
      break;
    case MC_X_CATEGORY:
    default:
      l->axes.x_band = l->axes.plot.width / MAX (1, mc_chart_model_get_n_categories (l->chart));
      break;
    }
}

/* Axis titles: "Share price (HKD)" over the left axis and "Market
 * capitalisation (USD bn)" over the right one, each in its series' colour
 * when there are two axes. */

static McSeries *
axis_series (Lines *l,
             guint  axis,
             guint *count)
{
  McSeries *found = NULL;

  *count = 0;
  for (guint i = 0; i < l->n_visible; i++)
    if (series_at (l, i)->axis == axis)
      {
        found = found ? found : series_at (l, i);
        (*count)++;
      }
  return found;
}

static PangoLayout *
axis_title_layout (Lines  *l,
                   guint   axis,
                   double  max_width)
{
  g_autofree McSeries **series = g_new (McSeries *, l->n_visible + 1);
  g_autofree char *text = NULL;
  guint count = 0;

  for (guint i = 0; i < l->n_visible; i++)
    if (series_at (l, i)->axis == axis)
      series[count++] = series_at (l, i);
  text = mc_render_axis_title (l->r, series, count);
  if (text == NULL)
    return NULL;
  if (l->log)
    {
      g_autofree char *plain = g_steal_pointer (&text);

      text = mc_render_log_title (plain);
    }
  return mc_render_layout (l->r, text, MC_FONT_BODY, max_width, 1);
}

static void
axis_color (Lines   *l,
            guint    axis,
            McColor *color)
{
  guint count;
  McSeries *series = axis_series (l, axis, &count);

  if (l->has_y2 && series != NULL)
    mc_theme_get_color (l->r->theme, series->color, MC_COLOR_ROLE_TEXT, color);
  else
    *color = *mc_theme_get_text_secondary (l->r->theme);
}

/* Places the axis titles at the top of @area and returns the height
 * they take: one row, or two when both don't fit side by side. */
static double
place_axis_titles (Lines        *l,
                   const McRect *area)
{
  McRender *r = l->r;
  g_autoptr(PangoLayout) left = axis_title_layout (l, 0, area->width);
  g_autoptr(PangoLayout) right = l->has_y2 ? axis_title_layout (l, 1, area->width) : NULL;
  double lw = 0, lh = 0, rw = 0, rh = 0, right_y = area->y;
  McColor color;

  if (left)
    mc_render_layout_size (left, &lw, &lh);
  if (right)
    mc_render_layout_size (right, &rw, &rh);
  if (left)
    {
      axis_color (l, 0, &color);
      mc_render_show (r, left, area->x, area->y, 0, MC_TEXT_AXIS_TITLE, &color);
    }
  if (right)
    {
      if (lw + rw + 4 * r->unit > area->width)
        right_y += lh + r->unit;
      axis_color (l, 1, &color);
      mc_render_show (r, right, area->x + area->width - rw, right_y, 0, MC_TEXT_AXIS_TITLE, &color);
    }
  return MAX (area->y + lh, right_y + rh) - area->y;
}

/* Direct labels at the end of each line */

static gboolean
last_point (Lines          *l,
            const McSeries *series,
            guint          *point)
{
  guint start = 0, end = mc_series_get_n_points (series);

  /* A sorted series ends where the zoom window does, found by bisection:
   * not a walk back through millions of points after it. */
  if (series->x_sorted)
    mc_series_window_points (series, l->r->view, &start, &end);
  for (guint i = end; i > start; i--)
    if (!isnan (mc_series_get_y (series, i - 1))
        && mc_view_options_x_in_window (l->r->view, mc_series_get_x (series, i - 1)))
      {
        *point = i - 1;
        return TRUE;
      }
  return FALSE;
}

static gboolean
wants_end_labels (Lines *l)
{
  guint n = mc_chart_model_get_n_series (l->chart);

  if (l->has_y2 || n < 2 || n > MC_MAX_END_LABELS || l->n_visible != n)
    return FALSE;
  return TRUE;
}

static double
end_label_width (Lines  *l,
                 double  max_width)
{
  double widest = 0;

  for (guint i = 0; i < l->n_visible; i++)
    {
      g_autoptr(PangoLayout) layout = mc_render_layout (l->r, series_at (l, i)->name,
                                                        MC_FONT_BODY_BOLD, max_width, 1);
      double w, h;

      mc_render_layout_size (layout, &w, &h);
      widest = MAX (widest, w);
    }
  return widest;
}

typedef struct
{
  guint  index;
  double y;
  double height;
} EndLabel;

static int
compare_end_labels (gconstpointer a,
                    gconstpointer b)
{
  const EndLabel *la = a, *lb = b;

  return la->y < lb->y ? -1 : la->y > lb->y;
}

/* Spreads the labels so none overlaps, keeping each as near its line's
 * end as it can and all within the plot. FALSE if they can't fit. */
static gboolean
spread_end_labels (EndLabel *labels,
                   guint     n,
                   double    top,
                   double    bottom)
{
  double total = 0;

  qsort (labels, n, sizeof *labels, compare_end_labels);
  for (guint i = 0; i < n; i++)
    total += labels[i].height;
  if (total > bottom - top)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      double min = i ? labels[i - 1].y + labels[i - 1].height : top;

      labels[i].y = MAX (labels[i].y, min);
    }
  for (guint i = n; i > 0; i--)
    {
      double max = i < n ? labels[i].y - labels[i - 1].height : bottom - labels[i - 1].height;

      labels[i - 1].y = MIN (labels[i - 1].y, max);
    }
  return TRUE;
}

/* The labels at their lines' ends, before spreading: returns how many. */
static guint
collect_end_labels (Lines    *l,
                    double    max_width,
                    EndLabel *labels)
{
  guint n = 0;

  for (guint i = 0; i < l->n_visible; i++)
    {
      McSeries *series = series_at (l, i);
      g_autoptr(PangoLayout) layout = NULL;
      guint point;
      double w, y;

      if (!last_point (l, series, &point))
        continue;
      layout = mc_render_layout (l->r, series->name, MC_FONT_BODY_BOLD, max_width, 1);
      mc_render_layout_size (layout, &w, &labels[n].height);
      y = l->axes.stacked ? stacked_value (l, i, point) : mc_series_get_y (series, point);
      labels[n].index = i;
      labels[n].y = mc_linear_scale_map (&l->axes.y[series->axis], y) - labels[n].height / 2;
      n++;
    }
  return n;
}

static gboolean
draw_end_labels (Lines  *l,
                 double  max_width)
{
  McRender *r = l->r;
  g_autofree EndLabel *labels = g_new0 (EndLabel, l->n_visible + 1);
  guint n = collect_end_labels (l, max_width, labels);

  if (!spread_end_labels (labels, n, l->axes.plot.y - r->unit,
                          l->axes.plot.y + l->axes.plot.height + r->unit))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      McSeries *series = series_at (l, labels[i].index);
      g_autoptr(PangoLayout) layout = mc_render_layout (r, series->name, MC_FONT_BODY_BOLD,
                                                        max_width, 1);
      McLegendHit hit;
      McColor color;
      double w, h, x = l->axes.plot.x + l->axes.plot.width + 2 * r->unit;

      mc_render_layout_size (layout, &w, &h);
      mc_theme_get_color (r->theme, series->color, MC_COLOR_ROLE_TEXT, &color);
      if (mc_render_is_dimmed (r, l->visible[labels[i].index], G_MAXUINT)
          && l->r->view->highlight_index < 0)
        mc_render_dim (r, &color);
      mc_render_show (r, layout, x, labels[i].y, 0, MC_TEXT_SERIES_LABEL, &color);
      hit.series = l->visible[labels[i].index];
      hit.box = (McRect) { x, labels[i].y, w, h };
      g_array_append_val (r->out->legend, hit);
    }
  return TRUE;
}

/* Decimation: per pixel column, the first, lowest, highest and last
 * point, in their order. Joining those draws the same pixels as joining
 * every point, since within one column the line covers exactly the range
 * from the lowest to the highest value and enters and leaves at the first
 * and last. */

typedef struct
{
  double x[4];
  double y[4];
  guint  order[4];
  guint  n;
} Column;

static void
column_flush (Column      *column,
              McPointFunc  emit,
              gpointer     user_data)
{
  /* first, min, max, last: emit in order of appearance, once each. */
  guint idx[4] = { 0, 1, 2, 3 };

  if (column->n == 0)
    return;
  for (guint i = 1; i < 4; i++)
    for (guint j = i; j > 0 && column->order[idx[j]] < column->order[idx[j - 1]]; j--)
      {
        guint t = idx[j];
        idx[j] = idx[j - 1];
        idx[j - 1] = t;
      }
  for (guint i = 0; i < 4; i++)
    if (i == 0 || column->order[idx[i]] != column->order[idx[i - 1]])
      emit (column->x[idx[i]], column->y[idx[i]], user_data);
  column->n = 0;
}

static void
column_start (Column *column,
              double  x,
              double  y,
              guint   index)
{
  for (guint i = 0; i < 4; i++)
    {
      column->x[i] = x;
      column->y[i] = y;
      column->order[i] = index;
    }
  column->n = 1;
}

static void
column_add (Column *column,
            double  x,
            double  y,
            guint   index)
{
  /* In screen coordinates y grows downwards; either way the column keeps
   * its extremes. */
  if (y < column->y[1])
    column->x[1] = x, column->y[1] = y, column->order[1] = index;
  if (y > column->y[2])
    column->x[2] = x, column->y[2] = y, column->order[2] = index;
  column->x[3] = x;
  column->y[3] = y;
  column->order[3] = index;
  column->n++;
}

/* Decimation point by point, so that no array of every point in pixels
 * is needed. */
typedef struct
{
  Column       column;
  double       current;
  double       columns_per_unit;
  McPointFunc  emit;
  gpointer     user_data;
} Decimator;

static void
decimator_init (Decimator   *decimator,
                double       columns_per_unit,
                McPointFunc  emit,
                gpointer     user_data)
{
  decimator->column.n = 0;
  decimator->current = NAN;
  decimator->columns_per_unit = columns_per_unit;
  decimator->emit = emit;
  decimator->user_data = user_data;
}

static inline void
decimator_add (Decimator *decimator,
               double     x,
               double     y,
               guint      index)
{
  double c = floor (x * decimator->columns_per_unit);

  if (decimator->column.n > 0 && c == decimator->current)
    {
      column_add (&decimator->column, x, y, index);
      return;
    }
  column_flush (&decimator->column, decimator->emit, decimator->user_data);
  column_start (&decimator->column, x, y, index);
  decimator->current = c;
}

static void
decimator_finish (Decimator *decimator)
{
  column_flush (&decimator->column, decimator->emit, decimator->user_data);
}

void
mc_decimate_run (const double *px,
                 const double *py,
                 guint         n,
                 double        columns_per_unit,
                 McPointFunc   emit,
                 gpointer      user_data)
{
  Decimator decimator;

  decimator_init (&decimator, columns_per_unit, emit, user_data);
  for (guint i = 0; i < n; i++)
    decimator_add (&decimator, px[i], py[i], i);
  decimator_finish (&decimator);
}

/* Drawing lines */

typedef struct
{
  double x;
  double y;
} Point;

static void
collect_point (double   x,
               double   y,
               gpointer user_data)
{
  Point p = { x, y };

  g_array_append_val ((GArray *) user_data, p);
}

static double
point_y (Lines *l,
         guint  visible_index,
         guint  point)
{
  McSeries *series = series_at (l, visible_index);
  double v = l->axes.stacked ? stacked_value (l, visible_index, point)
                             : mc_series_get_y (series, point);

  return mc_linear_scale_map (&l->axes.y[series->axis], v);
}

/* A gap in the line: the value (or a stacked layer's) is missing. */
static inline gboolean
point_missing (Lines          *l,
               const McSeries *series,
               guint           visible_index,
               guint           point)
{
  if (l->axes.stacked)
    return isnan (point_y (l, visible_index, point));
  return isnan (g_array_index (series->y, double, point));
}

static double
base_y (Lines *l,
        guint  visible_index,
        guint  point)
{
  McSeries *series = series_at (l, visible_index);
  McLinearScale *scale = &l->axes.y[series->axis];
  double base = CLAMP (0, scale->min, scale->max);

  if (l->axes.stacked && visible_index > 0)
    base = stack_base (l, visible_index, point);
  return mc_linear_scale_map (scale, base);
}

static inline double
column_of (Lines  *l,
           double  x,
           double  columns)
{
  return floor (map_x (l, x) * columns);
}

/* The x of a series' points: an array, or an even progression, which
 * has none. */
typedef struct
{
  const double *values;   /* NULL for a progression */
  double        start;
  double        step;
  guint         base;     /* point 0 of the run is the series' point base */
} RunX;

static void
run_x_init (RunX           *x,
            const McSeries *series,
            guint           base)
{
  x->base = base;
  x->values = NULL;
  if (!mc_series_get_x_progression (series, &x->start, &x->step))
    x->values = mc_series_get_xs (series);
}

static inline double
x_at (const RunX *x,
      guint       i)
{
  return x->values != NULL ? x->values[x->base + i] : x->start + (x->base + i) * x->step;
}

/* The first point after @start whose pixel column is past @column: pixel
 * columns never decrease along a sorted run, so a gallop then a
 * bisection find it in a few steps. */
static guint
column_end (Lines      *l,
            const RunX *x,
            guint       start,
            guint       n,
            double      column,
            double      columns)
{
  guint lo = start + 1, hi = n, step = 1;

  while (lo < hi)
    {
      guint probe = lo + MIN (step, hi - lo) - 1;

      if (column_of (l, x_at (x, probe), columns) > column)
        {
          hi = probe;
          break;
        }
      lo = probe + 1;
      step *= 2;
    }
  while (lo < hi)
    {
      guint middle = lo + (hi - lo) / 2;

      if (column_of (l, x_at (x, middle), columns) > column)
        hi = middle;
      else
        lo = middle + 1;
    }
  return lo;
}

/* Decimation of a sorted run of plain values without mapping every point:
 * per pixel column, only the first, lowest, highest and last points are
 * mapped, as mc_decimate_run() would keep them. */
/* The first lowest and highest of y[from..to) (y is the series' values
 * from @base on): from the summary of the series' values, in a few steps
 * whatever the length, else point by point. */
static void
run_extremes (const McSeries *series,
              const double   *y,
              guint           base,
              guint           from,
              guint           to,
              guint          *low,
              guint          *high)
{
  if (series->summary != NULL)
    {
      mc_value_summary_extremes (series->summary, y - base, base + from, base + to,
                                 low, high);
      *low -= base;
      *high -= base;
      return;
    }
  *low = *high = from;
  for (guint k = from + 1; k < to; k++)
    {
      if (y[k] < y[*low])
        *low = k;
      if (y[k] > y[*high])
        *high = k;
    }
}

static void
decimate_sorted (Lines               *l,
                 const McSeries      *series,
                 const RunX          *x,
                 guint                n,
                 const McLinearScale *y_scale,
                 double               columns,
                 GArray              *out)
{
  const double *y = (const double *) (gpointer) series->y->data + x->base;
  guint i = 0;

  while (i < n)
    {
      guint end = column_end (l, x, i, n, column_of (l, x_at (x, i), columns), columns);
      guint picks[4] = { i, i, i, end - 1 };

      run_extremes (series, y, x->base, i, end, &picks[1], &picks[2]);
      if (picks[1] > picks[2])
        {
          guint t = picks[1];

          picks[1] = picks[2];
          picks[2] = t;
        }
      for (guint p = 0; p < 4; p++)
        if (p == 0 || picks[p] != picks[p - 1])
          collect_point (map_x (l, x_at (x, picks[p])),
                         mc_linear_scale_map (y_scale, y[picks[p]]), out);
      i = end;
    }
}

/* A run of points up and down the plot this many times over is dense
 * however far apart its points are: cairo's stroke meets as many edges
 * on each scan line (eight lines of 300 daily returns: 100 ms). At 32
 * heights, the lines of a panned chart of a thousand tickers (eight
 * lines of some 100 noisy days) were left to cairo: 14 ms a frame, 5 ms
 * by the rasteriser; six lines of 150 such days, exported, 19 to 27 ms
 * against 9. */
#define ZIGZAG_HEIGHTS 8

/* How far @points go up and down, in pixels. */
static double
vertical_travel (const GArray *points)
{
  double travel = 0;

  for (guint i = 1; i < points->len; i++)
    travel += fabs (g_array_index (points, Point, i).y - g_array_index (points, Point, i - 1).y);
  return travel;
}

/* The points of one run (no gaps, no estimates inside) in pixels,
 * decimated when there are more points than pixel columns. */
static void
run_points (Lines  *l,
            guint   visible_index,
            guint   start,
            guint   end,
            GArray *out)
{
  McSeries *series = series_at (l, visible_index);
  guint n = end - start;
  double columns = l->r->columns;
  const double *y = (const double *) (gpointer) series->y->data + start;
  const McLinearScale *y_scale = &l->axes.y[series->axis];
  gboolean decimate = !l->r->view->every_point && series->x_sorted
                      && n > 2 * l->axes.plot.width * columns;
  gboolean rising;
  Decimator decimator;
  RunX x;

  run_x_init (&x, series, start);
  g_array_set_size (out, 0);
  rising = series->x_sorted && n > 0 && map_x (l, x_at (&x, n - 1)) >= map_x (l, x_at (&x, 0));
  l->dense = decimate || (rising && n >= l->axes.plot.width * columns / 2);
  if (decimate && !l->axes.stacked && rising)
    {
      decimate_sorted (l, series, &x, n, y_scale, columns, out);
      return;
    }
  decimator_init (&decimator, columns, collect_point, out);
  for (guint i = 0; i < n; i++)
    {
      double px = map_x (l, x_at (&x, i));
      double py = l->axes.stacked ? point_y (l, visible_index, start + i)
                             : mc_linear_scale_map (y_scale, y[i]);

      if (decimate)
        decimator_add (&decimator, px, py, i);
      else
        collect_point (px, py, out);
    }
  decimator_finish (&decimator);
  if (rising && !l->dense)
    l->dense = vertical_travel (out) > ZIGZAG_HEIGHTS * l->axes.plot.height;
}

static void
series_colors (Lines   *l,
               guint    visible_index,
               McColor *stroke,
               McColor *fill)
{
  McRender *r = l->r;
  McSeries *series = series_at (l, visible_index);

  mc_theme_get_color (r->theme, series->color, MC_COLOR_ROLE_STROKE, stroke);
  mc_theme_get_color (r->theme, series->color, MC_COLOR_ROLE_FILL, fill);
  if (mc_render_is_dimmed (r, l->visible[visible_index], G_MAXUINT)
      && l->r->view->highlight_index < 0)
    {
      mc_render_dim (r, stroke);
      mc_render_dim (r, fill);
    }
}

/* How a segment is drawn: solid, dashed into or out of an estimate, or
 * dotted across a stretch without data. */
typedef enum
{
  SEGMENT_SOLID,
  SEGMENT_DASHED,
  SEGMENT_DOTTED,
} SegmentStyle;

static void
stroke_path (Lines         *l,
             GArray        *points,
             const McColor *color,
             SegmentStyle   style)
{
  cairo_t *cr = l->r->cr;
  double width = 2 * l->r->line;

  if (points->len < 2)
    return;
  mc_render_set_color (l->r, color);
  /* Decimated, a run is thousands of short segments, which cairo takes
   * tens of milliseconds to stroke: mc-line-raster.c draws them. So it
   * does a line of a point every two pixels or closer, whose segments
   * zigzag (2,000 daily returns: 70 ms by cairo, as many edges on a scan
   * line as zigzags across it). */
  if (l->dense && style == SEGMENT_SOLID)
    {
      mc_line_raster_stroke (cr, (const double *) (gpointer) points->data, points->len, width);
      return;
    }
  cairo_new_path (cr);
  for (guint i = 0; i < points->len; i++)
    {
      Point *p = &g_array_index (points, Point, i);

      cairo_line_to (cr, p->x, p->y);
    }
  cairo_set_line_width (cr, width);
  if (style == SEGMENT_DASHED)
    cairo_set_dash (cr, (double[]) { 2.5 * width, 2 * width }, 2, 0);
  else if (style == SEGMENT_DOTTED)
    /* Round dots: dashes of no length with the round caps of lines. */
    cairo_set_dash (cr, (double[]) { 0, 2.5 * width }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* The area under a run: down to the baseline (or the series below). */
static void
fill_run (Lines         *l,
          guint          visible_index,
          guint          start,
          guint          end,
          GArray        *points,
          const McColor *color)
{
  cairo_t *cr = l->r->cr;
  McSeries *series = series_at (l, visible_index);

  if (points->len < 2)
    return;
  cairo_new_path (cr);
  for (guint i = 0; i < points->len; i++)
    cairo_line_to (cr, g_array_index (points, Point, i).x, g_array_index (points, Point, i).y);
  for (guint i = end; i > start; i--)
    cairo_line_to (cr, map_x (l, mc_series_get_x (series, i - 1)),
                   base_y (l, visible_index, i - 1));
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue,
                         l->axes.stacked ? MC_STACKED_AREA_ALPHA : MC_AREA_ALPHA);
  cairo_fill (cr);
}

/* A segment that touches an estimate is dashed. */
static gboolean
segment_dashed (const McSeries *series,
                guint           i)
{
  const guint8 *estimate;

  if (series->estimate == NULL)
    return FALSE;
  estimate = (const guint8 *) series->estimate->data;
  return estimate[i] || estimate[i + 1];
}

/* An area point with no neighbour to join has no width to fill: a thin
 * column from its base to its value, capped with the line, keeps it in
 * sight without inventing a slope. */
static void
draw_lone_column (Lines         *l,
                  guint          visible_index,
                  guint          point,
                  const McColor *stroke,
                  const McColor *fill)
{
  cairo_t *cr = l->r->cr;
  McSeries *series = series_at (l, visible_index);
  double x = map_x (l, mc_series_get_x (series, point));
  double top = point_y (l, visible_index, point);
  double base = base_y (l, visible_index, point);
  double width = MAX (3 * l->r->line, 1.5 * l->r->unit);

  if (l->axes.x_kind == MC_X_CATEGORY)
    width = MIN (width, l->axes.x_band * 0.5);
  cairo_rectangle (cr, x - width / 2, MIN (top, base), width, fabs (base - top));
  cairo_set_source_rgba (cr, fill->red, fill->green, fill->blue,
                         l->axes.stacked ? MC_STACKED_AREA_ALPHA : MC_AREA_ALPHA);
  cairo_fill (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x - width / 2, top);
  cairo_line_to (cr, x + width / 2, top);
  mc_render_set_color (l->r, stroke);
  cairo_set_line_width (cr, 2 * l->r->line);
  cairo_stroke (cr);
}

static SegmentStyle
segment_style (Lines          *l,
               const McSeries *series,
               guint           i)
{
  if (l->mark_gaps && mc_series_is_gap (series, i))
    return SEGMENT_DOTTED;
  if (l->chart->has_estimates && segment_dashed (series, i))
    return SEGMENT_DASHED;
  return SEGMENT_SOLID;
}

/* One run of points between missing values: areas fill it, segments
 * that touch an estimate are dashed, those across a stretch without
 * data dotted. */
static void
draw_run (Lines         *l,
          guint          visible_index,
          guint          start,
          guint          end,
          const McColor *stroke,
          const McColor *fill)
{
  McSeries *series = series_at (l, visible_index);
  guint i = start;

  if (l->area)
    {
      run_points (l, visible_index, start, end, l->points);
      fill_run (l, visible_index, start, end, l->points, fill);
    }
  while (i + 1 < end)
    {
      SegmentStyle style = segment_style (l, series, i);
      guint j = i + 1;

      /* Without estimates or stretches without data the run is one
       * solid line. */
      if (!l->chart->has_estimates && !(l->mark_gaps && series->gaps != NULL))
        j = end - 1;
      while (j + 1 < end && style == segment_style (l, series, j))
        j++;
      run_points (l, visible_index, i, j + 1, l->points);
      stroke_path (l, l->points, stroke, style);
      i = j;
    }
  if (end - start == 1 && l->area)
    draw_lone_column (l, visible_index, start, stroke, fill);
  else if (end - start == 1)
    {
      /* A lone point between gaps would vanish: mark it with a dot
       * clearly wider than the line. */
      cairo_arc (l->r->cr, map_x (l, mc_series_get_x (series, start)),
                 point_y (l, visible_index, start), 2.5 * l->r->line, 0, 2 * G_PI);
      mc_render_set_color (l->r, stroke);
      cairo_fill (l->r->cr);
    }
}

static void
draw_series (Lines *l,
             guint  visible_index)
{
  McSeries *series = series_at (l, visible_index);
  McColor stroke, fill;
  guint start, n;

  /* Zoomed in, only the points in the window and their neighbours. */
  mc_series_window_points (series, l->r->view, &start, &n);
  series_colors (l, visible_index, &stroke, &fill);
  cairo_save (l->r->cr);
  cairo_set_line_join (l->r->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (l->r->cr, CAIRO_LINE_CAP_ROUND);
  /* Missing values are gaps; stacked layers also break where the layers
   * under them change (see stack_base()). A series known to have no gap
   * is one run. */
  if (!l->axes.stacked && series->stats_known && !series->y_gaps && start < n)
    {
      draw_run (l, visible_index, start, n, &stroke, &fill);
      start = n;
    }
  while (start < n)
    {
      guint end;

      while (start < n && point_missing (l, series, visible_index, start))
        start++;
      end = start;
      while (end < n && !point_missing (l, series, visible_index, end)
             && (end == start || !l->axes.stacked
                 || same_layers_below (l, visible_index, end - 1, end)))
        end++;
      if (end > start)
        draw_run (l, visible_index, start, end, &stroke, &fill);
      start = end;
    }
  cairo_restore (l->r->cr);
}

static void
draw_markers (Lines *l,
              guint  visible_index)
{
  McRender *r = l->r;
  McSeries *series = series_at (l, visible_index);
  double radius = MAX (2.5, r->body * 0.3);
  McColor stroke, fill;

  series_colors (l, visible_index, &stroke, &fill);
  cairo_set_line_width (r->cr, r->line * 1.5);
  for (guint i = 0; i < mc_series_get_n_points (series); i++)
    {
      double x = map_x (l, mc_series_get_x (series, i)), y = point_y (l, visible_index, i);
      guint row = mc_series_get_row (series, i);
      gboolean dimmed = mc_render_is_dimmed (r, l->visible[visible_index], row);
      McColor color = stroke;

      if (isnan (y))
        continue;
      if (dimmed && !mc_render_is_dimmed (r, l->visible[visible_index], G_MAXUINT))
        mc_render_dim (r, &color);
      cairo_new_path (r->cr);
      cairo_arc (r->cr, x, y, radius, 0, 2 * G_PI);
      /* Estimates are hollow; others filled, ringed in the background
       * colour to stand off the line. */
      if (mc_series_is_estimate (series, i))
        {
          mc_render_set_color (r, mc_theme_get_background (r->theme));
          cairo_fill_preserve (r->cr);
          mc_render_set_color (r, &color);
        }
      else
        {
          mc_render_set_color (r, &color);
          cairo_fill_preserve (r->cr);
          mc_render_set_color (r, mc_theme_get_background (r->theme));
        }
      cairo_stroke (r->cr);
    }
}

static PangoLayout *
point_label_layout (Lines          *l,
                    const McSeries *series,
                    guint           i)
{
  g_autofree char *text = mc_series_format_point (series, i, FALSE);

  if (mc_series_is_estimate (series, i))
    {
      /* Translators: a value label followed by the estimate mark */
      g_autofree char *with_note = g_strdup_printf (_("%s Est."), text);

      return mc_render_layout (l->r, with_note, MC_FONT_BODY, -1, 0);
    }
  return mc_render_layout (l->r, text, MC_FONT_BODY, -1, 0);
}

/* Widens [*top, *bottom] by the segment from (@ax, @ay) to (@bx, @by)
 * where it crosses x @at. */
static void
extend_at_crossing (double  ax,
                    double  ay,
                    double  bx,
                    double  by,
                    double  at,
                    double *top,
                    double *bottom)
{
  double y;

  if (isnan (ay) || isnan (by) || !(ax < at && at < bx))
    return;
  y = ay + (by - ay) * (at - ax) / (bx - ax);
  *top = MIN (*top, y);
  *bottom = MAX (*bottom, y);
}

/* The first of the sorted points [@lo, @hi) whose pixel x is past @x
 * (or at it, if @at_too), by bisection; @hi if none is. */
static guint
first_point_past (Lines          *l,
                  const McSeries *series,
                  guint           lo,
                  guint           hi,
                  double          x,
                  gboolean        at_too)
{
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      double px = map_x (l, mc_series_get_x (series, mid));

      if (px > x || (at_too && px == x))
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

/* Widens [*top, *bottom] by point @i of visible series @v if its pixel x
 * is within a pixel of [@x0, @x1]. */
static void
extend_by_point (Lines  *l,
                 guint   v,
                 guint   i,
                 double  x0,
                 double  x1,
                 double *top,
                 double *bottom)
{
  double px = map_x (l, mc_series_get_x (series_at (l, v), i)), py = point_y (l, v, i);

  if (px < x0 - 1 || px > x1 + 1 || isnan (py))
    return;
  *top = MIN (*top, py);
  *bottom = MAX (*bottom, py);
}

/* Widens [*top, *bottom] by the segment that ends at point @i of
 * visible series @v where it crosses @x0 or @x1. */
static void
extend_by_segment (Lines  *l,
                   guint   v,
                   guint   i,
                   double  x0,
                   double  x1,
                   double *top,
                   double *bottom)
{
  McSeries *series = series_at (l, v);
  double px = map_x (l, mc_series_get_x (series, i)), py = point_y (l, v, i);
  double qx = map_x (l, mc_series_get_x (series, i - 1)), qy = point_y (l, v, i - 1);

  extend_at_crossing (qx, qy, px, py, x0, top, bottom);
  extend_at_crossing (qx, qy, px, py, x1, top, bottom);
}

/* The highest and lowest pixels of the line between @x0 and @x1, so that
 * a label over that stretch clears the whole of it, not only its point:
 * its points there, and its segments where they cross the ends. A sorted
 * series finds its points there by bisection and, when it has a summary,
 * their extremes from it: a label's width can span a third of a million
 * points of a long series. */
static void
line_extent_between (Lines  *l,
                     guint   v,
                     double  x0,
                     double  x1,
                     double *top,
                     double *bottom)
{
  McSeries *series = series_at (l, v);
  guint start, end, lo, past;

  mc_series_window_points (series, l->r->view, &start, &end);
  if (!series->x_sorted)
    {
      for (guint i = start; i < end; i++)
        extend_by_point (l, v, i, x0, x1, top, bottom);
      return;
    }
  lo = first_point_past (l, series, start, end, x0, TRUE);
  past = lo < end ? first_point_past (l, series, lo + 1, end, x1, FALSE) : end;
  if (lo > start)
    extend_by_point (l, v, lo - 1, x0, x1, top, bottom);
  if (!l->axes.stacked && series->summary != NULL && past - lo > 2)
    {
      const double *y = (const double *) (gpointer) series->y->data;
      guint low, high;

      /* [lo, past) are within [x0, x1] but for lo, which is the only
       * point when it is beyond x1. */
      mc_value_summary_extremes (series->summary, y, lo, past, &low, &high);
      if (low != G_MAXUINT)
        {
          double y_low = point_y (l, v, low), y_high = point_y (l, v, high);

          *top = MIN (*top, MIN (y_low, y_high));
          *bottom = MAX (*bottom, MAX (y_low, y_high));
        }
    }
  else
    for (guint i = lo; i < past; i++)
      extend_by_point (l, v, i, x0, x1, top, bottom);
  /* The segments that cross x0 and x1: the one into lo, and the one
   * into the first point past x1 (lo itself, or past). */
  if (lo > start && lo < end)
    extend_by_segment (l, v, lo, x0, x1, top, bottom);
  if (past > start && past < end && past > lo)
    extend_by_segment (l, v, past, x0, x1, top, bottom);
}

/* The value of one point: on its line's side (@below), else, where
 * that side is taken, on the other, else none; clear of the line under
 * the label. A label pushed more than its own height away from its
 * point by a steep line would read as the value of the next point, so
 * it gives way instead. */
static void
draw_point_label (Lines    *l,
                  guint     v,
                  guint     i,
                  gboolean  below_first)
{
  McRender *r = l->r;
  McSeries *series = series_at (l, v);
  g_autoptr(PangoLayout) layout = point_label_layout (l, series, i);
  double radius = MAX (2.5, r->body * 0.3);
  double x, y, w, h, top, bottom;
  McColor color = *mc_theme_get_text (r->theme);

  mc_render_layout_size (layout, &w, &h);
  /* Labels of the first and last points stay over the plot. */
  x = CLAMP (map_x (l, mc_series_get_x (series, i)) - w / 2, l->axes.plot.x,
             MAX (l->axes.plot.x, l->axes.plot.x + l->axes.plot.width - w));
  y = top = bottom = point_y (l, v, i);
  if (mc_render_is_dimmed (r, l->visible[v], mc_series_get_row (series, i)))
    mc_render_dim (r, &color);
  line_extent_between (l, v, x, x + w, &top, &bottom);
  /* Its line's side, unless a steep line there would push the label far
   * from its point; then the other side. */
  for (int attempt = 0; attempt <= 1; attempt++)
    {
      gboolean below = (attempt == 1) != below_first;
      double ty = below ? MAX (y + radius, bottom + r->line) + r->unit
                        : MIN (y - radius, top - r->line) - r->unit - h;
      McTextBox box = mc_render_box_for (layout, x, ty, 0);

      if ((below ? bottom - y : y - top) > h)
        continue;
      /* Above the plot is fine where it is free; below it are the axis
       * labels. */
      if (ty + h <= l->axes.plot.y + l->axes.plot.height && ty >= l->axes.plot.y - h
          && mc_render_value_label_is_clear (r, &box))
        {
          mc_render_show (r, layout, x, ty, 0, MC_TEXT_VALUE_LABEL, &color);
          return;
        }
    }
}

/* Value labels of a single series: every point of a short one, which has
 * markers; on a longer one, a row of numbers would bury the line, so
 * only its latest value. */
static void
draw_point_labels (Lines *l)
{
  for (guint v = 0; v < l->n_visible; v++)
    {
      McSeries *series = series_at (l, v);
      gboolean below;
      guint last;

      if (max_points (l) > MC_MAX_MARKED_POINTS)
        {
          if (last_point (l, series, &last))
            draw_point_label (l, v, last, mc_series_is_dip (series, last));
          continue;
        }
      below = mc_series_mostly_dips (series);
      for (guint i = 0; i < mc_series_get_n_points (series); i++)
        if (!isnan (mc_series_get_y (series, i))
            && mc_view_options_x_in_window (l->r->view, mc_series_get_x (series, i)))
          draw_point_label (l, v, i, below);
    }
}

/* The x axis */

static void
draw_x_axis (Lines *l)
{
  McRender *r = l->r;

  switch (l->axes.x_kind)
    {
    case MC_X_TIME:
      mc_render_x_time_ticks (r, &l->axes.x_time, &l->axes.plot);
      break;
    case MC_X_NUMBER:
      mc_render_x_value_ticks (r, &l->axes.x_linear, l->chart->x_column, &l->axes.plot);
      break;
    case MC_X_CATEGORY:
    default:
      mc_render_categories (r, &l->fit, l->order,
                            l->axes.plot.x + l->axes.x_band / 2, l->axes.x_band,
                            l->axes.plot.y + l->axes.plot.height + 2 * r->unit);
      break;
    }
}

/* Layout */

static double
x_labels_height (Lines        *l,
                 const McRect *area)
{
  double h;

  if (l->axes.x_kind != MC_X_CATEGORY)
    {
      mc_render_text_width (l->r, "2024", MC_FONT_BODY, &h);
      return h;
    }
  mc_render_fit_categories (l->r, l->order, l->axes.x_band, area->height * 0.3, TRUE, &l->fit);
  return l->fit.height;
}

static double
right_reserve (Lines        *l,
               const McRect *area)
{
  McRender *r = l->r;

  if (l->has_y2)
    {
      guint count;
      McSeries *series = axis_series (l, 1, &count);

      return series ? mc_render_value_ticks_width (r, &l->axes.y[1], series) + 2 * r->unit : 0;
    }
  if (l->end_labels)
    return end_label_width (l, area->width * 0.25) + 2 * r->unit;
  /* Room for the last time label, centred on the end of the axis. */
  if (l->axes.x_kind != MC_X_TIME)
    return r->unit;
  return mc_render_text_width (r, "2024", MC_FONT_BODY, NULL) / 2;
}

/* How far the label of the last tick of a number axis, centred on it,
 * reaches right of @right; 0 where it doesn't. The axis is the one of
 * every point (@lo to @hi), whatever the view's window: zoomed in or
 * panned, the plot keeps the width it has unzoomed, rather than change
 * under the pointer as ticks come and go at its end. */
static double
last_x_label_overhang (Lines  *l,
                       double  lo,
                       double  hi,
                       double  right)
{
  McLinearScale scale;

  mc_linear_scale_init (&scale, lo, hi, FALSE, l->axes.plot.width, 8 * l->r->body);
  mc_linear_scale_set_range (&scale, l->axes.plot.x, l->axes.plot.x + l->axes.plot.width);
  for (guint i = mc_linear_scale_get_n_ticks (&scale); i > 0; i--)
    {
      double tick = mc_linear_scale_get_tick (&scale, i - 1);
      g_autofree char *text = NULL;

      /* The ticks drawn, as mc_render_x_value_ticks() draws them. */
      if (tick > scale.max)
        continue;
      if (tick < scale.min)
        return 0;
      text = mc_format_tick (l->chart->x_column, tick,
                             mc_linear_scale_get_tick_step (&scale, i - 1));
      return MAX (0, mc_linear_scale_map (&scale, tick)
                     + mc_render_text_width (l->r, text, MC_FONT_BODY, NULL) / 2 - right);
    }
  return 0;
}

/* The plot, the scales and the axis labels depend on each other: iterate
 * a few times until they settle. */
static void
layout_plot (Lines        *l,
             const McRect *area)
{
  McRender *r = l->r;
  double tick_h, gap = 2 * r->unit;
  guint count;
  McSeries *left = axis_series (l, 0, &count);
  double data_lo = NAN, data_hi = NAN;

  /* Once, not at every pass: unsorted points are gone through for it */
  if (l->axes.x_kind == MC_X_NUMBER)
    data_x_range (l, &data_lo, &data_hi);
  mc_render_text_width (r, "0", MC_FONT_BODY, &tick_h);
  l->axes.plot.y = area->y + tick_h / 2;
  l->axes.plot.x = area->x;
  l->axes.plot.width = area->width;
  l->x_label_height = tick_h;
  for (guint pass = 0; pass < 3; pass++)
    {
      double left_w, right_w, overhang;

      l->axes.plot.height = MAX (1, area->y + area->height - gap - l->x_label_height
                                    - l->axes.plot.y);
      init_y_scales (l);
      left_w = left ? mc_render_value_ticks_width (r, &l->axes.y[0], left) : 0;
      right_w = right_reserve (l, area);
      l->axes.plot.x = area->x + left_w + gap;
      l->axes.plot.width = MAX (1, area->x + area->width - right_w - l->axes.plot.x);
      init_x_scale (l);
      /* The last label of a number axis is centred on its tick, often
       * the end of the axis: the plot ends early enough for it to stay
       * there inside the padding, rather than be pushed off its tick,
       * or onto the label before it and left out. */
      overhang = l->axes.x_kind == MC_X_NUMBER
                 ? last_x_label_overhang (l, data_lo, data_hi, area->x + area->width) : 0;
      if (overhang > 0)
        {
          l->axes.plot.width = MAX (1, l->axes.plot.width - overhang);
          init_x_scale (l);
        }
      l->x_label_height = x_labels_height (l, area);
      if (l->axes.x_kind == MC_X_CATEGORY)
        {
          overhang = mc_render_categories_left_overhang (r, &l->fit, l->order, l->axes.x_band);
          if (l->axes.plot.x < area->x + overhang)
            {
              l->axes.plot.width -= area->x + overhang - l->axes.plot.x;
              l->axes.plot.x = area->x + overhang;
              init_x_scale (l);
            }
        }
    }
}

/* The axes as drawn, for hit-testing and the keyboard. */
static void
save_axes (Lines *l)
{
  l->axes.has_plot = TRUE;
  l->r->out->axes = l->axes;
}

/* The first series on top; a highlight's grey series under the others. */
static void
draw_all_series (Lines *l)
{
  for (guint neutral = 0; neutral < 2; neutral++)
    for (guint i = l->n_visible; i > 0; i--)
      if ((series_at (l, i - 1)->color == MC_THEME_NEUTRAL) == (neutral == 0))
        draw_series (l, i - 1);
}

/* Annotations */

static gboolean
lines_anchor (gpointer  data,
              guint     series,
              guint     point,
              double   *x,
              double   *y)
{
  Lines *l = data;

  for (guint v = 0; v < l->n_visible; v++)
    if (l->visible[v] == series)
      {
        *x = map_x (l, mc_series_get_x (series_at (l, v), point));
        *y = point_y (l, v, point);
        return isfinite (*x) && isfinite (*y);
      }
  return FALSE;
}

/* Whether the segment from (@x0, @y0) to (@x1, @y1) passes through
 * @rect. */
static gboolean
segment_crosses (const McRect *rect,
                 double        x0,
                 double        y0,
                 double        x1,
                 double        y1)
{
  double left = rect->x, right = rect->x + rect->width;
  double ya, yb;

  if (MAX (x0, x1) < left || MIN (x0, x1) > right)
    return FALSE;
  if (x1 == x0)
    ya = y0, yb = y1;
  else
    {
      double t0 = CLAMP ((left - x0) / (x1 - x0), 0, 1), t1 = CLAMP ((right - x0) / (x1 - x0), 0, 1);

      ya = y0 + (y1 - y0) * t0;
      yb = y0 + (y1 - y0) * t1;
    }
  return MAX (ya, yb) >= rect->y && MIN (ya, yb) <= rect->y + rect->height;
}

/* The point before the first one of a sorted series at or right of
 * pixel @x (the segment into it starts there), or 0. */
static guint
first_point_from (Lines *l,
                  guint  v,
                  double x)
{
  McSeries *series = series_at (l, v);
  guint first;

  if (!series->x_sorted)
    return 0;
  first = first_point_past (l, series, 0, mc_series_get_n_points (series), x, TRUE);
  return first > 0 ? first - 1 : 0;
}

/* Whether a line (or a marker on it) passes through @rect. */
static gboolean
lines_cover (gpointer      data,
             const McRect *rect)
{
  Lines *l = data;
  double radius = MAX (2.5, l->r->body * 0.3);
  McRect grown = { rect->x - radius, rect->y - radius,
                   rect->width + 2 * radius, rect->height + 2 * radius };

  for (guint v = 0; v < l->n_visible; v++)
    {
      McSeries *series = series_at (l, v);
      guint n = mc_series_get_n_points (series);
      double px = NAN, py = NAN;

      for (guint i = first_point_from (l, v, grown.x); i < n; i++)
        {
          double x = map_x (l, mc_series_get_x (series, i)), y = point_y (l, v, i);

          if (isnan (y))
            {
              px = py = NAN;
              continue;
            }
          if (isnan (px) ? segment_crosses (&grown, x, y, x, y)
                         : segment_crosses (&grown, px, py, x, y))
            return TRUE;
          if (series->x_sorted && x > grown.x + grown.width)
            break;
          px = x;
          py = y;
        }
    }
  return FALSE;
}

static void
annotation_frame (Lines             *l,
                  McAnnotationFrame *frame)
{
  *frame = (McAnnotationFrame) {
    .axes = &l->axes,
    .anchor = lines_anchor,
    .covers = lines_cover,
    .data = l,
  };
}

/* Stretches without data: "no data" over the middle of each dotted
 * segment wide enough for it, above the line or below it. They give
 * way to every other text. */

static void
draw_gap_note (Lines       *l,
               guint        v,
               guint        gap,
               PangoLayout *layout)
{
  McRender *r = l->r;
  McSeries *series = series_at (l, v);
  double x0 = map_x (l, mc_series_get_x (series, gap));
  double x1 = map_x (l, mc_series_get_x (series, gap + 1));
  double y = (point_y (l, v, gap) + point_y (l, v, gap + 1)) / 2, w, h;

  mc_render_layout_size (layout, &w, &h);
  if (x1 - x0 < w + 4 * r->unit || isnan (y))
    return;
  for (int below = 0; below <= 1; below++)
    {
      McTextBox box = mc_render_box_for (layout, (x0 + x1 - w) / 2,
                                         below ? y + 2 * r->unit : y - 2 * r->unit - h, 0);
      McRect rect = { box.x, box.y, box.width, box.height };

      if (box.y < l->axes.plot.y || box.y + h > l->axes.plot.y + l->axes.plot.height
          || !mc_render_box_is_clear (r, &box, r->unit / 2) || lines_cover (l, &rect))
        continue;
      mc_render_show (r, layout, box.x, box.y, 0, MC_TEXT_NOTE,
                      mc_theme_get_text_secondary (r->theme));
      return;
    }
}

/* Whether a series drawn before @v has the same stretch: one note says
 * it for all. */
static gboolean
gap_noted (Lines *l,
           guint  v,
           guint  gap)
{
  McSeries *series = series_at (l, v);
  double x0 = mc_series_get_x (series, gap), x1 = mc_series_get_x (series, gap + 1);

  for (guint u = 0; u < v; u++)
    {
      McSeries *other = series_at (l, u);

      for (guint i = 0; other->gaps != NULL && i < other->gaps->len; i++)
        {
          guint g = g_array_index (other->gaps, guint, i);

          if (mc_series_get_x (other, g) == x0 && mc_series_get_x (other, g + 1) == x1)
            return TRUE;
        }
    }
  return FALSE;
}

static void
draw_gap_notes (Lines *l)
{
  /* Translators: written over a dotted line that crosses a stretch of
   * time without data */
  g_autoptr(PangoLayout) layout = mc_render_layout (l->r, C_("gap in a line", "no data"),
                                                    MC_FONT_BODY, -1, 0);

  if (!l->mark_gaps)
    return;
  for (guint v = 0; v < l->n_visible; v++)
    {
      McSeries *series = series_at (l, v);

      for (guint i = 0; series->gaps != NULL && i < series->gaps->len; i++)
        if (!gap_noted (l, v, g_array_index (series->gaps, guint, i)))
          draw_gap_note (l, v, g_array_index (series->gaps, guint, i), layout);
    }
}

static gboolean
wants_point_labels (Lines *l)
{
  McRender *r = l->r;

  return r->show_values && l->n_visible == 1 && l->axes.plot.height >= 8 * r->body
         && !l->axes.stacked;
}

static void
draw_plot (Lines *l)
{
  McRender *r = l->r;
  guint count;
  McSeries *left = axis_series (l, 0, &count);
  McSeries *right = axis_series (l, 1, &count);
  double limit_lo = NAN, limit_hi = NAN;
  McAnnotationFrame frame;
  McColor color;

  annotation_frame (l, &frame);
  mc_render_value_grid (r, &l->axes.y[0], &l->axes.plot, TRUE, TRUE);
  mc_render_annotations_under (r, &frame);
  draw_x_axis (l);
  axis_color (l, 0, &color);
  if (left)
    mc_render_value_ticks (r, &l->axes.y[0], left, &l->axes.plot, FALSE, &color);
  axis_color (l, 1, &color);
  if (l->has_y2 && right)
    mc_render_value_ticks (r, &l->axes.y[1], right, &l->axes.plot, TRUE, &color);

  cairo_save (r->cr);
  mc_render_clip_x_window (r, &l->axes.plot);
  if (!l->has_y2 && mc_render_value_limits (r, &limit_lo, &limit_hi))
    mc_render_clip_plot (r, &l->axes.plot, 2 * r->unit);
  draw_all_series (l);
  if (max_points (l) <= MC_MAX_MARKED_POINTS && !l->axes.stacked)
    for (guint i = 0; i < l->n_visible; i++)
      draw_markers (l, i);
  cairo_restore (r->cr);
  if (l->end_labels && !draw_end_labels (l, l->r->width * 0.25))
    l->end_labels = FALSE;
  if (wants_point_labels (l))
    draw_point_labels (l);
  mc_render_annotations_over (r, &frame);
  draw_gap_notes (l);
  save_axes (l);
}

static const McOptionInfo line_option_mark_gaps = {
  .key = "mark_gaps",
  .type = MC_OPTION_BOOLEAN,
  .flags = MC_OPTION_DEFAULT_ON,
  .description = N_("a line across a stretch far longer than the usual step between its "
                    "points drawn dotted, with a “no data” note"),
  .label = N_("Mark Stretches Without Data"),
};

static void
lines_setup (Lines    *l,
             McRender *r,
             gboolean  area)
{
  McChartModel *chart = r->chart;
  guint n = mc_chart_model_get_n_series (chart);

  l->r = r;
  l->chart = chart;
  l->area = area;
  l->log = mc_chart_spec_get_boolean (chart->spec, "log");
  l->mark_gaps = mc_chart_spec_get_flag (chart->spec, &line_option_mark_gaps);
  l->axes.x_kind = chart->x_kind;
  l->visible = g_new (guint, n + 1);
  for (guint s = 0; s < n; s++)
    {
      McSeries *series = mc_chart_model_get_series (chart, s);

      if (mc_render_series_visible (r, s))
        l->visible[l->n_visible++] = s;
      if (series->axis == 1)
        l->has_y2 = TRUE;
    }
  l->axes.stacked = l->area && (mc_chart_spec_get_boolean (chart->spec, "stacked")
                                || mc_chart_spec_get_boolean (chart->spec, "percent"))
                    && series_aligned (l);
  l->end_labels = wants_end_labels (l);
  l->order = g_new (guint, mc_chart_model_get_n_categories (chart) + 1);
  for (guint c = 0; c < mc_chart_model_get_n_categories (chart); c++)
    l->order[c] = c;
  l->points = g_array_new (FALSE, FALSE, sizeof (Point));
}

/* Names at the line ends when there is room for them to stack, else a
 * legend (two axes name their series in their titles). A legend the
 * spec places replaces the names at the ends. */
static void
place_legend (Lines  *l,
              McRect *area)
{
  McRender *r = l->r;
  McLegendPlace place = mc_render_get_legend_place (r);
  guint n = mc_chart_model_get_n_series (r->chart);
  g_autofree guint *all = NULL;
  double h;

  if (place == MC_LEGEND_TOP || place == MC_LEGEND_BOTTOM)
    l->end_labels = FALSE;
  if (l->end_labels)
    {
      mc_render_text_width (r, "Ag", MC_FONT_BODY, &h);
      l->end_labels = l->n_visible * h * 1.2 <= area->height * 0.6;
    }

  all = g_new (guint, n + 1);
  for (guint i = 0; i < n; i++)
    all[i] = i;
  mc_render_place_legend (r, area, all, n, !l->end_labels && !l->has_y2 && n >= 2);
}

static gboolean
lines_have_data (Lines *l)
{
  double lo, hi;

  x_range (l, &lo, &hi);
  return !isnan (lo);
}

static void
render_lines (McRender *r,
              gboolean  filled)
{
  Lines l = { 0 };
  McRect area = r->body_area;

  lines_setup (&l, r, filled);
  place_legend (&l, &area);

  if (!lines_have_data (&l) || area.height < 4 * r->body || area.width < 8 * r->body)
    mc_render_empty (r, &area, lines_have_data (&l));
  else
    {
      double titles = place_axis_titles (&l, &area);
      double h;

      area.y += titles + 2 * r->unit;
      area.height -= titles + 2 * r->unit;
      l.axes.plot.height = area.height;
      if (wants_point_labels (&l))
        {
          mc_render_text_width (r, "0", MC_FONT_BODY, &h);
          l.headroom = h + MAX (2.5, r->body * 0.3) + 2 * r->unit;
        }
      layout_plot (&l, &area);
      draw_plot (&l);
    }

  g_free (l.visible);
  g_free (l.order);
  g_array_unref (l.points);
}

static void
line_draw (McRender      *r,
           gconstpointer  prepared,
           McMarks       *out)
{
  render_lines (r, FALSE);
}

static void
area_draw (McRender      *r,
           gconstpointer  prepared,
           McMarks       *out)
{
  render_lines (r, TRUE);
}

/* Describing */

static char *
line_describe (McChartModel  *chart,
               gconstpointer  prepared,
               McMarks       *marks)
{
  GString *out = mc_describe_begin (chart, _("Line chart"));

  mc_describe_append_series (chart, out);
  return g_string_free (out, FALSE);
}

static char *
area_describe (McChartModel  *chart,
               gconstpointer  prepared,
               McMarks       *marks)
{
  const char *name = _("Area chart");
  GString *out;

  if (mc_chart_spec_get_boolean (chart->spec, "percent"))
    name = _("Stacked area chart of shares");
  else if (mc_chart_spec_get_boolean (chart->spec, "stacked"))
    name = _("Stacked area chart");
  out = mc_describe_begin (chart, name);

  mc_describe_append_series (chart, out);
  return g_string_free (out, FALSE);
}

/* A long table's series column and a second axis don't go together: which
 * series would the second axis measure? */
static gboolean
line_check (const McChartSpec  *spec,
            McDataset          *dataset,
            McSpecProblem      *problem,
            GError            **error)
{
  if (!mc_chart_spec_has_option (spec, "y2"))
    return TRUE;
  if (mc_chart_spec_has_option (spec, "series"))
    {
      *problem = (McSpecProblem) { "y2", -1, MC_SPEC_FAULT_VALUE };
      g_set_error_literal (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                           _("a chart with a series column can't have a second y axis"));
      return FALSE;
    }
  if (mc_chart_spec_has_option (spec, "panels")
      && g_strcmp0 (mc_chart_spec_get_string (spec, "panels"), "none") != 0)
    {
      *problem = (McSpecProblem) { "y2", -1, MC_SPEC_FAULT_VALUE };
      g_set_error_literal (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                           _("small multiples show each measure on its own axis; a second "
                             "y axis is not for them"));
      return FALSE;
    }
  /* Two axes share one grid; a logarithmic one has a grid of its own. */
  if (mc_chart_spec_get_boolean (spec, "log"))
    {
      *problem = (McSpecProblem) { "log", -1, MC_SPEC_FAULT_VALUE };
      g_set_error_literal (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                           _("a logarithmic axis can't share its grid with a second y axis; "
                             "draw the two measures in two charts"));
      return FALSE;
    }
  return TRUE;
}

static const McOptionInfo line_option_y2 = {
  "y2", MC_OPTION_COLUMNS,
  MC_OPTION_NUMERIC | MC_OPTION_STRICT | MC_OPTION_SERIES | MC_OPTION_RIGHT | MC_OPTION_ON_AXIS,
  N_("a second value axis"), NULL, NULL, NULL, N_("Second Axis"), NULL
};

static const McOptionInfo line_option_sort = {
  "sort", MC_OPTION_BOOLEAN, 0, N_("points in the order of x, whatever the order of the rows"),
  NULL, NULL, NULL, N_("Points in Order of X"), NULL
};

static const McOptionInfo * const line_options[] = {
  &mc_chart_option_x,
  &mc_chart_option_y,
  &line_option_y2,
  &mc_chart_option_series,
  &mc_chart_option_transform,
  &mc_chart_option_index_at,
  &mc_chart_option_log,
  &line_option_sort,
  &line_option_mark_gaps,
  &mc_chart_option_min,
  &mc_chart_option_max,
  &mc_chart_option_value_labels,
  &mc_chart_option_legend,
  &mc_chart_option_annotations,
  &mc_chart_option_panels,
  MC_CHART_OPTIONS_ROWS,
  &mc_chart_option_top,
  NULL
};

static const McOptionInfo * const area_options[] = {
  &mc_chart_option_x,
  &mc_chart_option_y,
  &mc_chart_option_series,
  &mc_chart_option_transform,
  &mc_chart_option_stacked,
  &mc_chart_option_percent,
  &line_option_sort,
  &line_option_mark_gaps,
  &mc_chart_option_min,
  &mc_chart_option_max,
  &mc_chart_option_value_labels,
  &mc_chart_option_legend,
  &mc_chart_option_annotations,
  &mc_chart_option_panels,
  MC_CHART_OPTIONS_ROWS,
  &mc_chart_option_top,
  NULL
};

const McChartKind mc_chart_kind_line = {
  .id = "line",
  .name = N_("a line chart"),
  .plural = N_("line charts"),
  .label = N_("Line Chart"),
  .caps = MC_CHART_CAPS_ZOOM_X | MC_CHART_CAPS_HIDE_SERIES | MC_CHART_CAPS_PANELS
          | MC_CHART_CAPS_LINE_GAPS,
  .options = line_options,
  .check = line_check,
  .draw = line_draw,
  .describe = line_describe,
};

const McChartKind mc_chart_kind_area = {
  .id = "area",
  .name = N_("an area chart"),
  .plural = N_("area charts"),
  .label = N_("Area Chart"),
  .caps = MC_CHART_CAPS_ZOOM_X | MC_CHART_CAPS_HIDE_SERIES | MC_CHART_CAPS_ZERO_BASELINE
          | MC_CHART_CAPS_PANELS | MC_CHART_CAPS_LINE_GAPS,
  .options = area_options,
  .draw = area_draw,
  .describe = area_describe,
};
