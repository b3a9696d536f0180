/* mc-chart.h: lays out and draws one chart of a dataset on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "mc-chart-kind.h"
#include "mc-dataset.h"
#include "mc-theme.h"

G_BEGIN_DECLS

/* What a text box placed during layout is: tests use the roles to check
 * that nothing overlaps, the window may use them for tooltips. */
typedef enum
{
  MC_TEXT_TITLE,
  MC_TEXT_SUBTITLE,
  MC_TEXT_SOURCE,
  MC_TEXT_AXIS_TITLE,
  MC_TEXT_TICK_LABEL,
  MC_TEXT_CATEGORY_LABEL,
  MC_TEXT_VALUE_LABEL,
  MC_TEXT_SERIES_LABEL,      /* direct label at the end of a line */
  MC_TEXT_LEGEND,
  MC_TEXT_NOTE,              /* "Est.", empty chart message */
} McTextRole;

/* A text placed by the last render, in the coordinates of that render:
 * the rectangle (@x, @y, @width, @height) turned by @angle (radians,
 * clockwise as on screen) around its corner (@x, @y). */
typedef struct
{
  McTextRole  role;
  const char *text;          /* owned by the chart */
  double      x;
  double      y;
  double      width;
  double      height;
  double      angle;
} McTextBox;

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
  guint           series;        /* index for mc_chart_get_series_name() */
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

#define MC_TYPE_CHART (mc_chart_get_type ())
G_DECLARE_FINAL_TYPE (McChart, mc_chart, MC, CHART, GObject)

McChart           *mc_chart_new                  (McDataset          *dataset,
                                                  const McChartSpec  *spec,
                                                  GError            **error);
McDataset         *mc_chart_get_dataset          (McChart            *chart);
const McChartSpec *mc_chart_get_spec             (McChart            *chart);
const char        *mc_chart_get_title            (McChart            *chart);

/* Draws the whole chart into the rectangle (0, 0, @width, @height) of
 * @cr, in user units (CSS pixels); any device scale works. */
void               mc_chart_render               (McChart            *chart,
                                                  cairo_t            *cr,
                                                  double              width,
                                                  double              height,
                                                  const McTheme      *theme);

/* The mark under (@x, @y) in the coordinates of the last render: a bar or
 * slice containing the point, or the data point nearest to the pointer's
 * x (within a tolerance) for lines and areas. */
gboolean           mc_chart_hit_test             (McChart            *chart,
                                                  double              x,
                                                  double              y,
                                                  McChartHit         *hit);
void               mc_chart_hit_clear            (McChartHit         *hit);

/* The column of the x axis. */
const McColumn    *mc_chart_get_x_column         (McChart            *chart);
/* Whether series can be hidden: not the slices of a pie, which are one
 * whole. */
gboolean           mc_chart_can_hide_series      (McChart            *chart);

/* Series: one per y column, or one per distinct value of the series
 * column of a long table. A pie has a single series. */
guint              mc_chart_get_n_series         (McChart            *chart);
const char        *mc_chart_get_series_name      (McChart            *chart,
                                                  guint               series);
void               mc_chart_get_series_color     (McChart            *chart,
                                                  guint               series,
                                                  const McTheme      *theme,
                                                  McColor            *color);
gboolean           mc_chart_get_series_visible   (McChart            *chart,
                                                  guint               series);
/* Hidden series are left out of the next render and of the value axis. */
void               mc_chart_set_series_visible   (McChart            *chart,
                                                  guint               series,
                                                  gboolean            visible);

/* Highlights one mark (@series, @index as in McChartHit) or, with @index
 * -1, a whole series, dimming everything else on the next render. Pass
 * @series -1 to clear. */
void               mc_chart_set_highlight        (McChart            *chart,
                                                  int                 series,
                                                  int                 index);

/* A short summary for screen readers: "Bar chart, 5 companies, Tencent
 * Cloud highest at USD 70 bn, Microsoft Azure lowest at USD 10 bn". */
char              *mc_chart_describe             (McChart            *chart);

/* The texts placed by the last render. */
const McTextBox   *mc_chart_get_text_boxes       (McChart            *chart,
                                                  guint              *n_boxes);

/* The axis-aligned bounds of @box, and whether two boxes overlap (by
 * more than a hair: boxes that touch do not). */
void               mc_text_box_get_bounds        (const McTextBox    *box,
                                                  double             *x0,
                                                  double             *y0,
                                                  double             *x1,
                                                  double             *y1);
gboolean           mc_text_box_overlaps          (const McTextBox    *a,
                                                  const McTextBox    *b);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (McChartHit, mc_chart_hit_clear)

G_END_DECLS
