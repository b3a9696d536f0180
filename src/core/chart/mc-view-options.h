/* mc-view-options.h: what a view shows of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What one view shows of a chart model: its hidden series, its zoom
 * window on the x axis and its highlight. The view owns them and passes
 * them to each render; the model knows nothing of them, so an export
 * of the chart on screen is never dimmed by the pointer over it. */
typedef struct
{
  int       highlight_series;  /* -1: nothing highlighted */
  int       highlight_index;   /* a dataset row; -1: the whole series */
  gboolean  has_x_window;      /* only [x_window_min, x_window_max] shown */
  double    x_window_min;
  double    x_window_max;
  gboolean  every_point;       /* draw every point of long lines (tests) */
  GArray   *hidden;            /* guint8 per series; NULL: none hidden */
} McViewOptions;

void      mc_view_options_init                (McViewOptions        *options);
void      mc_view_options_clear               (McViewOptions        *options);
void      mc_view_options_copy                (McViewOptions        *dest,
                                               const McViewOptions  *src);
gboolean  mc_view_options_get_series_visible  (const McViewOptions  *options,
                                               guint                 series);
void      mc_view_options_set_series_visible  (McViewOptions        *options,
                                               guint                 series,
                                               gboolean              visible);
/* Highlights one mark (@series, and the dataset row @index) or, with
 * @index -1, a whole series, dimming everything else. A @series of -1
 * clears the highlight. */
void      mc_view_options_set_highlight       (McViewOptions        *options,
                                               int                   series,
                                               int                   index);
/* Shows only [@min, @max] of the x axis: the value axes fit the data
 * inside it and the marks are clipped to the plot. NAN (or @max <= @min)
 * shows everything again. */
void      mc_view_options_set_x_window        (McViewOptions        *options,
                                               double                min,
                                               double                max);
gboolean  mc_view_options_get_x_window        (const McViewOptions  *options,
                                               double               *min,
                                               double               *max);
gboolean  mc_view_options_x_in_window         (const McViewOptions  *options,
                                               double                x);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (McViewOptions, mc_view_options_clear)

G_END_DECLS
