/* mc-marks-private.h: the contents of a render's marks, for the renderer,
 * the kinds and hit-testing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-chart-model-private.h"
#include "mc-marks.h"
#include "mc-scale.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} McRect;

typedef enum
{
  MC_MARK_RECT,
  MC_MARK_SLICE,
  MC_MARK_POINT,     /* a dot: hit near its centre (@box is around it) */
} McMarkShape;

/* A drawn mark, kept for hit-testing and the keyboard walk. A mark shows
 * a value of its series, or one the kind computed (the Other slice of a
 * pie), which it then carries itself. */
typedef struct _McMark
{
  McMarkShape  shape;
  guint        series;
  guint        point;       /* which mark of its series: the category of a
                             * bar, the slice of a pie */
  guint        row;         /* the dataset row it shows; the number of
                             * rows for a computed value */
  guint        datum;       /* its point in the series; G_MAXUINT for a
                             * computed value */
  guint        color;       /* palette index of its fill; G_MAXUINT for
                             * the neutral colour of a remainder */
  double       value;       /* a computed value */
  const char  *label;       /* the label of a computed value, or what
                             * names the mark in place of its x (a
                             * scatter point's name); interned */
  const char  *text;        /* its value as the kind writes it, or
                             * NULL; interned. A kind with thousands of
                             * marks a render leaves @label and @text
                             * to its mark_text() (candles). */
  gboolean     alias;       /* stands for another mark of the same point
                             * (a pie's table row): hit, but not walked */
  double       order;       /* the keyboard's order within the series */
  McRect       box;
  double       cx, cy;      /* slices */
  double       r0, r1;
  double       a0, a1;
} McMark;

typedef struct
{
  guint  series;
  McRect box;
} McLegendHit;

/* What an annotation says at the x values from @x0 to @x1 (on the x
 * axis, as series place their points), of one series or of all
 * (G_MAXUINT): the pointer and the keyboard say it there. */
typedef struct
{
  guint       series;
  double      x0;
  double      x1;
  const char *text;          /* interned */
} McMarkNote;

/* How values and x positions map to pixels in a render: the one place
 * that knows (mc_axes_map_x(), mc_axes_map_value()). */
typedef struct
{
  gboolean       has_plot;    /* lines and areas: points are found by x */
  gboolean       has_x_axis;  /* marks found by their shapes, over a time
                               * or number axis that @plot and the x
                               * scales map (candles) */
  McRect         plot;
  McXKind        x_kind;
  McTimeScale    x_time;
  McLinearScale  x_linear;
  double         x_band;      /* category: pixels per category */
  McLinearScale  y[2];
  gboolean       stacked;     /* areas: each series stacks on those before */
  gboolean       horizontal;  /* bars that run left to right */
} McAxes;

struct _McMarks
{
  gatomicrefcount  ref_count;
  McChartModel    *model;     /* not owned: it outlives its marks */
  McViewOptions    view;      /* as drawn: a window only where it applies */
  double           width;
  double           height;
  GArray          *boxes;     /* McTextBox */
  GStringChunk    *strings;
  GArray          *marks;     /* McMark */
  GArray          *legend;    /* McLegendHit */
  GArray          *notes;     /* McMarkNote */
  McRect           annotation_area; /* where annotations' labels stay */
  McAxes           axes;      /* of the chart, or of its last panel */
  GArray          *panels;    /* McAxes of each panel of small multiples */
  GArray          *series_panel;  /* guint per series: its panel, or
                                   * G_MAXUINT; NULL without panels */
  gpointer         kind_data;     /* what the kind's mark_text() needs of
                                   * the render; owned */
  GDestroyNotify   kind_data_free;
};

McMarks   *mc_marks_new            (McChartModel         *model,
                                    const McViewOptions  *view,
                                    double                width,
                                    double                height);
/* Whether series @series was drawn. */
gboolean   mc_marks_series_shown   (McMarks              *marks,
                                    guint                 series);
/* Keeps @data, which the kind's mark_text() reads, with the marks. */
void       mc_marks_set_kind_data  (McMarks              *marks,
                                    gpointer              data,
                                    GDestroyNotify        free_data);
/* Records the axes of a panel that drew @series. */
void       mc_marks_add_panel      (McMarks              *marks,
                                    const McAxes         *axes,
                                    const guint          *series,
                                    guint                 n_series);
/* The axes @series was drawn with: its panel's, or the chart's. */
const McAxes *mc_marks_get_series_axes (McMarks          *marks,
                                    guint                 series);

/* mc-axes.c */
double     mc_axes_map_x           (const McAxes         *axes,
                                    double                x);
double     mc_axes_map_value       (const McAxes         *axes,
                                    guint                 axis,
                                    double                value);

G_END_DECLS
