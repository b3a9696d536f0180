/* mc-marks.c: what one render of a chart drew, and where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-marks-private.h"

#include <math.h>

/**
 * mc_marks_new: (skip)
 *
 * Empty marks of a render of @model with @view at @width × @height.
 */
McMarks *
mc_marks_new (McChartModel        *model,
              const McViewOptions *view,
              double               width,
              double               height)
{
  McMarks *marks = g_new0 (McMarks, 1);

  g_atomic_ref_count_init (&marks->ref_count);
  marks->model = model;
  mc_view_options_copy (&marks->view, view);
  marks->width = width;
  marks->height = height;
  marks->boxes = g_array_new (FALSE, TRUE, sizeof (McTextBox));
  marks->strings = g_string_chunk_new (256);
  marks->marks = g_array_new (FALSE, TRUE, sizeof (McMark));
  marks->legend = g_array_new (FALSE, TRUE, sizeof (McLegendHit));
  marks->notes = g_array_new (FALSE, TRUE, sizeof (McMarkNote));
  return marks;
}

McMarks *
mc_marks_ref (McMarks *marks)
{
  g_return_val_if_fail (marks != NULL, NULL);

  g_atomic_ref_count_inc (&marks->ref_count);
  return marks;
}

void
mc_marks_unref (McMarks *marks)
{
  g_return_if_fail (marks != NULL);

  if (!g_atomic_ref_count_dec (&marks->ref_count))
    return;
  mc_view_options_clear (&marks->view);
  g_array_unref (marks->boxes);
  g_string_chunk_free (marks->strings);
  g_array_unref (marks->marks);
  g_array_unref (marks->legend);
  g_array_unref (marks->notes);
  g_clear_pointer (&marks->panels, g_array_unref);
  g_clear_pointer (&marks->series_panel, g_array_unref);
  if (marks->kind_data_free != NULL)
    marks->kind_data_free (marks->kind_data);
  g_free (marks);
}

void
mc_marks_set_kind_data (McMarks        *marks,
                        gpointer        data,
                        GDestroyNotify  free_data)
{
  g_return_if_fail (marks->kind_data == NULL);

  marks->kind_data = data;
  marks->kind_data_free = free_data;
}

void
mc_marks_add_panel (McMarks      *marks,
                    const McAxes *axes,
                    const guint  *series,
                    guint         n_series)
{
  guint n = mc_chart_model_get_n_series (marks->model);
  guint none = G_MAXUINT;

  if (marks->panels == NULL)
    {
      marks->panels = g_array_new (FALSE, FALSE, sizeof (McAxes));
      marks->series_panel = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint s = 0; s < n; s++)
        g_array_append_val (marks->series_panel, none);
    }
  for (guint i = 0; i < n_series; i++)
    if (series[i] < n)
      g_array_index (marks->series_panel, guint, series[i]) = marks->panels->len;
  g_array_append_val (marks->panels, *axes);
}

const McAxes *
mc_marks_get_series_axes (McMarks *marks,
                          guint    series)
{
  guint panel;

  if (marks->series_panel == NULL || series >= marks->series_panel->len)
    return &marks->axes;
  panel = g_array_index (marks->series_panel, guint, series);
  return panel != G_MAXUINT ? &g_array_index (marks->panels, McAxes, panel) : &marks->axes;
}

McChartModel *
mc_marks_get_model (McMarks *marks)
{
  g_return_val_if_fail (marks != NULL, NULL);
  return marks->model;
}

const McViewOptions *
mc_marks_get_options (McMarks *marks)
{
  g_return_val_if_fail (marks != NULL, NULL);
  return &marks->view;
}

void
mc_marks_get_size (McMarks *marks,
                   double  *width,
                   double  *height)
{
  g_return_if_fail (marks != NULL);

  if (width)
    *width = marks->width;
  if (height)
    *height = marks->height;
}

const McTextBox *
mc_marks_get_text_boxes (McMarks *marks,
                         guint   *n_boxes)
{
  g_return_val_if_fail (marks != NULL, NULL);

  if (n_boxes)
    *n_boxes = marks->boxes->len;
  return (const McTextBox *) (gpointer) marks->boxes->data;
}

gboolean
mc_marks_has_points (McMarks *marks)
{
  g_return_val_if_fail (marks != NULL, FALSE);
  return marks->axes.has_plot;
}

/**
 * mc_marks_get_plot_area:
 *
 * The rectangle of the plot of a chart over a time or number axis: lines,
 * areas, candles.
 *
 * Returns: %FALSE for other charts
 */
gboolean
mc_marks_get_plot_area (McMarks *marks,
                        double  *x,
                        double  *y,
                        double  *width,
                        double  *height)
{
  g_return_val_if_fail (marks != NULL, FALSE);

  if (!marks->axes.has_plot && !marks->axes.has_x_axis)
    return FALSE;
  *x = marks->axes.plot.x;
  *y = marks->axes.plot.y;
  *width = marks->axes.plot.width;
  *height = marks->axes.plot.height;
  return TRUE;
}

double
mc_marks_get_x_at (McMarks *marks,
                   double   pixel)
{
  g_return_val_if_fail (marks != NULL, NAN);

  if (!marks->axes.has_plot && !marks->axes.has_x_axis)
    return NAN;
  switch (marks->axes.x_kind)
    {
    case MC_X_TIME:
      return mc_time_scale_invert (&marks->axes.x_time, pixel);
    case MC_X_NUMBER:
      return mc_linear_scale_invert (&marks->axes.x_linear, pixel);
    case MC_X_CATEGORY:
    default:
      return NAN;
    }
}

gboolean
mc_marks_series_shown (McMarks *marks,
                       guint    series)
{
  return series < mc_chart_model_get_n_series (marks->model)
         && mc_view_options_get_series_visible (&marks->view, series);
}

/* Text boxes: rectangles turned around their corner */

static void
box_corners (const McTextBox *box,
             double           xs[4],
             double           ys[4])
{
  double c = cos (box->angle), s = sin (box->angle);
  double lx[4] = { 0, box->width, box->width, 0 };
  double ly[4] = { 0, 0, box->height, box->height };

  for (guint i = 0; i < 4; i++)
    {
      xs[i] = box->x + lx[i] * c - ly[i] * s;
      ys[i] = box->y + lx[i] * s + ly[i] * c;
    }
}

void
mc_text_box_get_bounds (const McTextBox *box,
                        double          *x0,
                        double          *y0,
                        double          *x1,
                        double          *y1)
{
  double xs[4], ys[4];

  g_return_if_fail (box != NULL);

  box_corners (box, xs, ys);
  *x0 = *x1 = xs[0];
  *y0 = *y1 = ys[0];
  for (guint i = 1; i < 4; i++)
    {
      *x0 = MIN (*x0, xs[i]);
      *x1 = MAX (*x1, xs[i]);
      *y0 = MIN (*y0, ys[i]);
      *y1 = MAX (*y1, ys[i]);
    }
}

/* Separating axis test on the two edge directions of each box. */
static gboolean
boxes_separated_along (const double  axs[4],
                       const double  ays[4],
                       const double  bxs[4],
                       const double  bys[4],
                       double        nx,
                       double        ny)
{
  double amin = G_MAXDOUBLE, amax = -G_MAXDOUBLE;
  double bmin = G_MAXDOUBLE, bmax = -G_MAXDOUBLE;
  const double tolerance = 0.05;

  for (guint i = 0; i < 4; i++)
    {
      double pa = axs[i] * nx + ays[i] * ny;
      double pb = bxs[i] * nx + bys[i] * ny;

      amin = MIN (amin, pa);
      amax = MAX (amax, pa);
      bmin = MIN (bmin, pb);
      bmax = MAX (bmax, pb);
    }
  return amax <= bmin + tolerance || bmax <= amin + tolerance;
}

gboolean
mc_text_box_overlaps (const McTextBox *a,
                      const McTextBox *b)
{
  double axs[4], ays[4], bxs[4], bys[4];
  const double angles[] = { a->angle, a->angle + G_PI_2, b->angle, b->angle + G_PI_2 };

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->width <= 0 || a->height <= 0 || b->width <= 0 || b->height <= 0)
    return FALSE;
  box_corners (a, axs, ays);
  box_corners (b, bxs, bys);
  for (guint i = 0; i < G_N_ELEMENTS (angles); i++)
    if (boxes_separated_along (axs, ays, bxs, bys, cos (angles[i]), sin (angles[i])))
      return FALSE;
  return TRUE;
}
