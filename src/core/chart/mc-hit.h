/* mc-hit.h: what lies under the pointer, and stepping from mark to mark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-marks.h"

G_BEGIN_DECLS

typedef enum
{
  MC_CHART_HIT_NONE,
  MC_CHART_HIT_MARK,         /* a bar, a slice, or the nearest data point */
  MC_CHART_HIT_LEGEND,       /* a legend entry or direct series label */
} McChartHitKind;

/* What lies under a point. Strings are owned by the hit: clear it with
 * mc_chart_hit_clear(). */
typedef struct
{
  McChartHitKind  kind;
  guint           series;        /* for mc_chart_model_get_series_name() */
  guint           index;         /* row of the dataset; for the "Other"
                                  * slice of a pie, the number of rows */
  char           *series_name;
  char           *label;         /* category or x value, formatted */
  char           *value;         /* "USD 50 bn", "17%", "—" */
  double          raw_value;     /* in the column's units; NAN if missing */
  gboolean        estimate;
  char           *note;          /* nullable */
  gboolean        outline;       /* the box is the mark's own outline (a
                                  * bar), not just around it (a point) */
  double          x;             /* bounding box of the mark, to highlight */
  double          y;
  double          width;
  double          height;
} McChartHit;

/* One mark a keyboard can step to: a bar, a slice or a point of a line. */
typedef struct
{
  guint  series;      /* as in McChartHit */
  guint  index;       /* its dataset row, as in McChartHit and as
                       * mc_view_options_set_highlight() takes it */
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

/* The legend entry, bar or slice under (@x, @y), or the data point
 * nearest to the pointer's x (within a tolerance) for lines and areas. */
gboolean    mc_hit_test                (McMarks            *marks,
                                        double              x,
                                        double              y,
                                        McChartHit         *hit);
void        mc_chart_hit_clear         (McChartHit         *hit);

/* The mark under (@x, @y) as mc_hit_test() finds it; legend entries are
 * not items. */
gboolean    mc_hit_item_at             (McMarks            *marks,
                                        double              x,
                                        double              y,
                                        McChartItem        *item);
gboolean    mc_hit_item_first          (McMarks            *marks,
                                        McChartItem        *item);
gboolean    mc_hit_item_move           (McMarks            *marks,
                                        McChartItem        *item,
                                        McChartMove         move);
gboolean    mc_hit_item_update         (McMarks            *marks,
                                        McChartItem        *item);
gboolean    mc_hit_item_get_hit        (McMarks            *marks,
                                        const McChartItem  *item,
                                        McChartHit         *hit);
/* The plot @item is drawn in: the chart's, or its panel's among small
 * multiples. FALSE for charts without a plot of x (bars, pies). */
gboolean    mc_hit_item_get_plot_area  (McMarks            *marks,
                                        const McChartItem  *item,
                                        double             *x,
                                        double             *y,
                                        double             *width,
                                        double             *height);
/* 1-based position of @item in its series and the number of marks there,
 * for "3 of 5". */
void        mc_hit_item_get_position   (McMarks            *marks,
                                        const McChartItem  *item,
                                        guint              *position,
                                        guint              *count);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (McChartHit, mc_chart_hit_clear)

G_END_DECLS
