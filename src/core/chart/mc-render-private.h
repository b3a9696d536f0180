/* mc-chart-private.h: internals shared by the files of the chart renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "mc-chart-model.h"
#include "mc-hit.h"
#include "mc-chart-kind.h"
#include "mc-scale.h"

G_BEGIN_DECLS

/* How the x column places data. */
typedef enum
{
  MC_X_CATEGORY,    /* evenly spaced bands or points, in order */
  MC_X_TIME,        /* dates on a time scale */
  MC_X_NUMBER,      /* numbers on a linear scale */
} McXKind;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} McRect;

/* The lowest and the highest value of a block of MC_SERIES_BLOCK points
 * (indices of their first occurrence, leaving out NAN; G_MAXUINT when all
 * are NAN): decimation then looks at blocks rather than at every point. */
#define MC_SERIES_BLOCK 256

typedef struct
{
  guint low;
  guint high;
} McSeriesBlock;

/* One series: its points in dataset order. For category charts x is the
 * category index. */
typedef struct
{
  char           *name;
  const McColumn *column;     /* unit, scale and label of the values */
  McColumn       *derived;    /* owned column of a transform, or NULL */
  guint           axis;       /* 0 left, 1 right */
  guint           color;      /* palette index */
  gboolean        visible;
  int             decimals;   /* most decimals a label shows */
  gboolean        x_sorted;   /* x never decreases: binary search, decimation */
  GArray         *x;          /* double */
  GArray         *y;          /* double, NAN = missing */
  GArray         *rows;       /* guint, dataset row of each point; NULL when
                               * point i is row i (mc_series_get_row()) */
  GArray         *estimate;   /* guint8; NULL when none is an estimate */
  /* Series that share their columns' values (millions of rows) know these
   * from the start, so that drawing need not go through every point. */
  gboolean        stats_known;
  gboolean        y_gaps;     /* some y is NAN */
  double          y_min;      /* of the values that are not NAN; NAN if none */
  double          y_max;
  GArray         *blocks;     /* McSeriesBlock; NULL for short series */
} McSeries;

static inline guint
mc_series_get_row (const McSeries *series,
                   guint           index)
{
  return series->rows != NULL ? g_array_index (series->rows, guint, index) : index;
}

typedef enum
{
  MC_MARK_RECT,
  MC_MARK_SLICE,
} McMarkShape;

/* A drawn mark, kept for hit-testing and the keyboard walk. A mark shows
 * a value of its series, or one the kind computed (the Other slice of a
 * pie), which it then carries itself. */
typedef struct
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
  const char  *label;       /* the label of a computed value */
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

/* Geometry of the last render, for hit-testing. */
typedef struct
{
  double         width;
  double         height;
  GArray        *boxes;       /* McTextBox */
  GStringChunk  *strings;
  GArray        *marks;       /* McMark */
  GArray        *legend;      /* McLegendHit */
  gboolean       has_plot;    /* lines and areas: points are hit by x */
  McRect         plot;
  McXKind        x_kind;
  McTimeScale    x_time;
  McLinearScale  x_linear;
  double         x_band;      /* category: pixels per category */
  McLinearScale  y[2];
  gboolean       stacked;     /* areas: each series stacks on those before */
  gboolean       horizontal;
} McRenderState;

struct _McChart
{
  GObject         parent_instance;

  McDataset      *dataset;
  McChartSpec    *spec;
  const McChartKind *kind;
  gpointer        prepared;      /* what the kind prepared, or NULL */
  const McColumn *x_column;
  McXKind         x_kind;
  GPtrArray      *categories;    /* char *, category charts */
  GArray         *category_days; /* double, the date of each category or NAN */
  GPtrArray      *series;        /* McSeries */
  GArray         *category_colors;   /* guint palette index per category */
  gboolean        color_by_category;
  gboolean        has_estimates;
  int             highlight_series;
  int             highlight_index;
  gboolean        decimate;
  McRenderState  *state;
  gboolean        has_x_window;  /* zoomed: only [min, max] of x is shown */
  double          x_window_min;
  double          x_window_max;
};

/* Everything one render needs: the surface, sizes derived from the
 * canvas and the region still free for layout. */
struct _McRender
{
  McChart       *chart;
  cairo_t       *cr;
  const McTheme *theme;
  PangoContext  *pango;
  McRenderState *state;
  double         width;
  double         height;
  double         body;        /* body text size, px */
  double         unit;        /* the 4 px grid unit, scaled */
  double         pad;         /* outer padding */
  double         line;        /* hairline width */
  double         device_scale;
  gboolean       vector;      /* SVG / PDF: no pixel grid to snap to */
  double         columns;     /* pixel columns per unit, for decimation */
  gboolean       show_values; /* value labels wanted */
  McRect         body_area;   /* free area under the header */
};

typedef enum
{
  MC_FONT_BODY,
  MC_FONT_TITLE,
  MC_FONT_SMALL,
  MC_FONT_BODY_BOLD,
} McFont;

/* Charts colour each category (e.g. each company) when there are at most
 * this many; the palette has MC_CHART_PALETTE_SIZE colours. */
#define MC_CHART_MAX_CATEGORY_COLORS 7
#define MC_CHART_PALETTE_SIZE 7

/* mc-chart-data.c */
gboolean       mc_chart_data_prepare         (McChart          *chart,
                                              GError          **error);
GPtrArray     *mc_chart_data_new_series_array (void);
/* Entity name -> palette index, for every chart of @dataset and @spec. */
GHashTable    *mc_chart_data_collect_entities (McDataset        *dataset,
                                              const McChartSpec *spec);

/* mc-chart.c */
McSeries      *mc_chart_get_series_data      (McChart          *chart,
                                              guint             index);
guint          mc_chart_get_n_categories     (McChart          *chart);
const char    *mc_chart_get_category         (McChart          *chart,
                                              guint             index);
/* The date of a category of a date column; NAN otherwise. */
double         mc_chart_get_category_days    (McChart          *chart,
                                              guint             index);
guint          mc_chart_get_category_color   (McChart          *chart,
                                              guint             category,
                                              guint             series);
double         mc_series_get_y               (const McSeries   *series,
                                              guint             index);
gboolean       mc_series_is_estimate         (const McSeries   *series,
                                              guint             index);
guint          mc_series_get_n_points        (const McSeries   *series);
double         mc_series_get_x               (const McSeries   *series,
                                              guint             index);
char          *mc_series_format_value        (const McSeries   *series,
                                              double            value,
                                              gboolean          with_unit);
char          *mc_chart_format_x             (McChart          *chart,
                                              const McSeries   *series,
                                              guint             index);
/* For tests: draw every point instead of decimating long series. */
void           mc_chart_set_decimation       (McChart          *chart,
                                              gboolean          decimate);

/* mc-chart-describe.c: pieces of the summaries kinds write */
GString       *mc_describe_begin             (McChart          *chart,
                                              const char       *kind_name);
void           mc_describe_append_categories (McChart          *chart,
                                              GString          *out);
void           mc_describe_append_series     (McChart          *chart,
                                              GString          *out);

/* mc-chart-text.c */
PangoLayout   *mc_render_layout              (McRender         *r,
                                              const char       *text,
                                              McFont            font,
                                              double            max_width,
                                              int               max_lines);
void           mc_render_layout_size         (PangoLayout      *layout,
                                              double           *width,
                                              double           *height);
double         mc_render_font_size           (McRender         *r,
                                              McFont            font);
void           mc_render_show                (McRender         *r,
                                              PangoLayout      *layout,
                                              double            x,
                                              double            y,
                                              double            angle,
                                              McTextRole        role,
                                              const McColor    *color);
McTextBox      mc_render_box_for             (PangoLayout      *layout,
                                              double            x,
                                              double            y,
                                              double            angle);
gboolean       mc_render_box_is_free         (McRender         *r,
                                              const McTextBox  *box);
gboolean       mc_render_box_is_clear        (McRender         *r,
                                              const McTextBox  *box,
                                              double            margin);
void           mc_render_set_color           (McRender         *r,
                                              const McColor    *color);

/* mc-chart-layout.c */
void           mc_render_frame               (McRender         *r);
double         mc_render_legend              (McRender         *r,
                                              const McRect     *area,
                                              const guint      *series,
                                              guint             n_series);
double         mc_render_snap                (McRender         *r,
                                              double            coordinate,
                                              double            width);
void           mc_render_series_color        (McRender         *r,
                                              guint             series,
                                              guint             category,
                                              McColorRole       role,
                                              McColor          *color);
gboolean       mc_render_is_dimmed           (McRender         *r,
                                              guint             series,
                                              guint             index);
void           mc_render_dim                 (McRender         *r,
                                              McColor          *color);
void           mc_render_add_mark            (McRender         *r,
                                              const McMark     *mark);
/* A copy of @text that lives as long as the render's result. */
const char    *mc_render_intern              (McRender         *r,
                                              const char       *text);
char          *mc_render_axis_title          (McRender         *r,
                                              McSeries * const *series,
                                              guint             n_series);
void           mc_render_value_grid          (McRender         *r,
                                              const McLinearScale *scale,
                                              const McRect     *plot,
                                              gboolean          horizontal,
                                              gboolean          zero_is_baseline);
void           mc_render_value_scale         (McRender         *r,
                                              McLinearScale    *scale,
                                              double            lo,
                                              double            hi,
                                              gboolean          include_zero,
                                              double            length,
                                              double            headroom);
double         mc_render_value_ticks_width   (McRender         *r,
                                              const McLinearScale *scale,
                                              const McSeries   *series);
void           mc_render_value_ticks         (McRender         *r,
                                              const McLinearScale *scale,
                                              const McSeries   *series,
                                              const McRect     *plot,
                                              gboolean          right,
                                              const McColor    *color);
/* Says why there is no chart: no data, or (@has_data) no room. */
void           mc_render_empty               (McRender         *r,
                                              const McRect     *area,
                                              gboolean          has_data);
void           mc_render_hatch               (McRender         *r,
                                              const McRect     *rect,
                                              const McColor    *color);

/* Category labels along a horizontal axis. */
typedef enum
{
  MC_LABELS_FLAT,
  MC_LABELS_WRAPPED,
  MC_LABELS_ROTATED,
} McLabelMode;

typedef struct
{
  McLabelMode mode;
  guint       every;        /* 1: every label; 2: every other one, ... */
  double      height;       /* height the labels need below the axis */
  double      max_width;    /* wrap or ellipsize width */
} McLabelFit;

gboolean       mc_render_fit_categories      (McRender         *r,
                                              const guint      *order,
                                              double            band,
                                              double            max_height,
                                              gboolean          allow_rotate,
                                              McLabelFit       *fit);
double         mc_render_categories_left_overhang (McRender    *r,
                                              const McLabelFit *fit,
                                              const guint      *order,
                                              double            band);
void           mc_render_categories          (McRender         *r,
                                              const McLabelFit *fit,
                                              const guint      *order,
                                              double            first_center,
                                              double            band,
                                              double            y);

/* mc-chart-interact.c: the zoom window, for the renderer of lines */
gboolean       mc_chart_x_in_window          (McChart          *chart,
                                              double            x);
void           mc_chart_window_points        (McChart          *chart,
                                              const McSeries   *series,
                                              guint            *start,
                                              guint            *end);
void           mc_chart_fit_x_window         (McChart          *chart,
                                              McLinearScale    *scale);
void           mc_render_clip_x_window       (McRender         *r,
                                              const McRect     *plot);

/* mc-chart-line.c, for tests */
typedef void (*McPointFunc) (double x, double y, gpointer user_data);
void           mc_decimate_run               (const double     *px,
                                              const double     *py,
                                              guint             n,
                                              double            columns_per_unit,
                                              McPointFunc       emit,
                                              gpointer          user_data);

G_END_DECLS
