/* mc-chart-interact.h: what an interactive view needs from a chart: a
 * zoom window on the x axis, and stepping from mark to mark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-chart-model.h"

G_BEGIN_DECLS

/* One mark of the last render that a keyboard can step to: a bar, a
 * slice or a point of a line. */
typedef struct
{
  guint  series;      /* as in McChartHit */
  guint  index;       /* its dataset row, as in McChartHit and as
                       * mc_chart_set_highlight() takes it */
  guint  point;       /* which point of the series, category or slice */
  double x;           /* where it is drawn: the centre of a bar, the */
  double y;           /* middle of a slice, the point of a line */
} McChartItem;

typedef enum
{
  MC_CHART_MOVE_NEXT,           /* along the series */
  MC_CHART_MOVE_PREVIOUS,
  MC_CHART_MOVE_PAGE_NEXT,      /* a tenth of the series further */
  MC_CHART_MOVE_PAGE_PREVIOUS,
  MC_CHART_MOVE_FIRST,
  MC_CHART_MOVE_LAST,
  MC_CHART_MOVE_SERIES_UP,      /* to another series, at about the same x */
  MC_CHART_MOVE_SERIES_DOWN,
} McChartMove;

/* Zooming: lines and areas on a time or number axis. */
gboolean    mc_chart_can_zoom              (McChart            *chart);
gboolean    mc_chart_get_x_extent          (McChart            *chart,
                                            double             *min,
                                            double             *max);
/* Shows only [@min, @max] of the x axis on the next render: the value
 * axes fit the data inside it and the marks are clipped to the plot.
 * NAN (or @max <= @min) shows everything again. */
void        mc_chart_set_x_window          (McChart            *chart,
                                            double              min,
                                            double              max);
gboolean    mc_chart_get_x_window          (McChart            *chart,
                                            double             *min,
                                            double             *max);

/* Geometry of the last render. */
/* Whether the marks are the points of lines, found by x (rather than
 * bars or slices, found by their shapes). */
gboolean    mc_chart_has_point_marks       (McChart            *chart);
gboolean    mc_chart_get_render_size       (McChart            *chart,
                                            double             *width,
                                            double             *height);
gboolean    mc_chart_get_plot_area         (McChart            *chart,
                                            double             *x,
                                            double             *y,
                                            double             *width,
                                            double             *height);
double      mc_chart_get_x_at              (McChart            *chart,
                                            double              pixel);

/* Marks of the last render. */
gboolean    mc_chart_item_at               (McChart            *chart,
                                            double              x,
                                            double              y,
                                            McChartItem        *item);
gboolean    mc_chart_item_first            (McChart            *chart,
                                            McChartItem        *item);
gboolean    mc_chart_item_move             (McChart            *chart,
                                            McChartItem        *item,
                                            McChartMove         move);
gboolean    mc_chart_item_update           (McChart            *chart,
                                            McChartItem        *item);
gboolean    mc_chart_item_get_hit          (McChart            *chart,
                                            const McChartItem  *item,
                                            McChartHit         *hit);
/* 1-based position of @item in its series and the number of marks there,
 * for "3 of 5". */
void        mc_chart_item_get_position     (McChart            *chart,
                                            const McChartItem  *item,
                                            guint              *position,
                                            guint              *count);

G_END_DECLS
