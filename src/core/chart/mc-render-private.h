/* mc-render-private.h: what the files of the renderer and the chart
 * kinds share: one render's context and the helpers that lay out text,
 * the frame, legends and axes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "mc-chart-kind.h"
#include "mc-chart-model-private.h"
#include "mc-marks-private.h"
#include "mc-scale.h"
#include "mc-theme.h"

G_BEGIN_DECLS

/* One panel of small multiples, as the kind drawing it sees it: what it
 * leaves to the panels around it and the value domain they share. */
typedef struct
{
  gboolean  measuring;      /* a first pass, which only collects domains */
  gboolean  shared;         /* the panels share their value axis */
  gboolean  has_domain;     /* the union of the panels' domains */
  double    lo;
  double    hi;
  gboolean  zero;
  gboolean  hide_x_labels;  /* a panel below shows them */
  gboolean  hide_y_labels;  /* a panel on the left shows them */
  gboolean  first;          /* the first panel: labels of annotations
                             * across all panels go there */
} McPanel;

/* Everything one render needs: the chart and what the view shows of it,
 * the surface, sizes derived from the canvas, the region still free for
 * layout, and the marks being recorded. */
struct _McRender
{
  McChartModel        *chart;
  const McViewOptions *view;        /* as drawn, kept in @out */
  cairo_t             *cr;
  const McTheme       *theme;
  PangoContext        *pango;
  McMarks             *out;
  double               width;
  double               height;
  double               body;        /* body text size, px */
  double               unit;        /* the 4 px grid unit, scaled */
  double               pad;         /* outer padding */
  double               line;        /* hairline width */
  double               device_scale;
  gboolean             vector;      /* SVG / PDF: no pixel grid to snap to */
  double               columns;     /* pixel columns per unit, for decimation */
  gboolean             show_values; /* value labels wanted */
  McRect               body_area;   /* free area under the header */
  McPanel             *panel;       /* the panel of small multiples being
                                     * drawn, or NULL */
};

typedef enum
{
  MC_FONT_BODY,
  MC_FONT_TITLE,
  MC_FONT_SMALL,
  MC_FONT_BODY_BOLD,
} McFont;

/* mc-describe.c: pieces of the summaries kinds write */
GString       *mc_describe_begin             (McChartModel     *chart,
                                              const char       *kind_name);
void           mc_describe_append_categories (McChartModel     *chart,
                                              GString          *out);
void           mc_describe_append_series     (McChartModel     *chart,
                                              GString          *out);

/* mc-render-text.c */
PangoLayout   *mc_render_layout              (McRender         *r,
                                              const char       *text,
                                              McFont            font,
                                              double            max_width,
                                              int               max_lines);
void           mc_render_layout_size         (PangoLayout      *layout,
                                              double           *width,
                                              double           *height);
/* The size of one line of @text, not wrapped: the one measure of text. */
double         mc_render_text_width          (McRender         *r,
                                              const char       *text,
                                              McFont            font,
                                              double           *height);
double         mc_render_line_height         (McRender         *r,
                                              McFont            font);
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
double         mc_render_text_x_in_padding   (McRender         *r,
                                              double            x,
                                              double            width);
gboolean       mc_render_box_is_clear        (McRender         *r,
                                              const McTextBox  *box,
                                              double            margin);
gboolean       mc_render_value_label_is_clear (McRender        *r,
                                              const McTextBox  *box);
void           mc_render_set_color           (McRender         *r,
                                              const McColor    *color);

/* mc-frame.c */
void           mc_render_frame               (McRender         *r);
/* Says why there is no chart: no data, or (@has_data) no room. */
void           mc_render_empty               (McRender         *r,
                                              const McRect     *area,
                                              gboolean          has_data);

/* mc-panels.c */
gboolean       mc_render_panels              (McRender         *r);

/* mc-annotations.c: the chart's annotations on a plot, as a kind
 * drew its axes. */
typedef struct
{
  const McAxes *axes;        /* the plot, the x and the value maps */
  const guint  *slots;       /* category → its place, where the kind
                              * reorders them (sorted bars); NULL */
  gboolean      horizontal;  /* categories down, values across */
  /* Where point @point of @series is drawn; NULL: at its value. */
  gboolean    (*anchor)  (gpointer      data,
                          guint         series,
                          guint         point,
                          double       *x,
                          double       *y);
  /* Whether @rect covers data the kind drew (a line, candles); NULL:
   * the rectangles of its marks (bars) are what it drew. */
  gboolean    (*covers)  (gpointer      data,
                          const McRect *rect);
  gpointer      data;
} McAnnotationFrame;

void           mc_render_annotations_under   (McRender         *r,
                                              const McAnnotationFrame *frame);
void           mc_render_annotations_over    (McRender         *r,
                                              const McAnnotationFrame *frame);
void           mc_render_annotations_domain  (McRender         *r,
                                              guint             axis,
                                              double           *lo,
                                              double           *hi);

/* mc-legend.c */
typedef enum
{
  MC_LEGEND_AUTO,
  MC_LEGEND_TOP,
  MC_LEGEND_BOTTOM,
  MC_LEGEND_NONE,
} McLegendPlace;

double         mc_render_legend              (McRender         *r,
                                              const McRect     *area,
                                              const guint      *series,
                                              guint             n_series);
double         mc_render_legend_above        (McRender         *r,
                                              McRect           *area);
McLegendPlace  mc_render_get_legend_place    (McRender         *r);
double         mc_render_place_legend        (McRender         *r,
                                              McRect           *area,
                                              const guint      *series,
                                              guint             n_series,
                                              gboolean          wanted);

/* mc-render-paint.c */
double         mc_render_snap                (McRender         *r,
                                              double            coordinate,
                                              double            width);
/* A rectangle on the device's pixels, except in vector files. */
McRect         mc_render_snap_rect           (McRender         *r,
                                              const McRect     *rect);
void           mc_render_bar                 (McRender         *r,
                                              const McRect     *box,
                                              const McColor    *fill,
                                              const McColor    *stroke,
                                              gboolean          estimate);
void           mc_render_series_color        (McRender         *r,
                                              guint             series,
                                              guint             category,
                                              McColorRole       role,
                                              McColor          *color);
/* Whether the mark of @series at dataset row @index (G_MAXUINT for the
 * series as a whole) is dimmed by the view's highlight. */
gboolean       mc_render_is_dimmed           (McRender         *r,
                                              guint             series,
                                              guint             index);
void           mc_render_dim                 (McRender         *r,
                                              McColor          *color);
/* Whether the view shows @series (a pie always shows its one). */
gboolean       mc_render_series_visible      (McRender         *r,
                                              guint             series);
void           mc_render_add_mark            (McRender         *r,
                                              const McMark     *mark);
/* A copy of @text that lives as long as the render's result. */
const char    *mc_render_intern              (McRender         *r,
                                              const char       *text);

/* mc-axes.c */
/* Widens a value domain to the one the panels share; in a first pass,
 * collects it. Without panels, nothing. */
void           mc_render_panel_domain        (McRender         *r,
                                              double           *lo,
                                              double           *hi,
                                              gboolean         *zero);
char          *mc_render_column_title        (const McColumn   *column);
void           mc_render_axis_title_above    (McRender         *r,
                                              PangoLayout      *layout,
                                              McRect           *area);
gboolean       mc_render_value_limits        (McRender         *r,
                                              double           *lo,
                                              double           *hi);
void           mc_render_clip_plot           (McRender         *r,
                                              const McRect     *plot,
                                              double            margin);
void           mc_render_init_value_scale    (McRender         *r,
                                              McLinearScale    *scale,
                                              double            lo,
                                              double            hi,
                                              gboolean          include_zero,
                                              double            length,
                                              double            spacing);
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
void           mc_render_log_scale           (McRender         *r,
                                              McLinearScale    *scale,
                                              double            lo,
                                              double            hi,
                                              double            length);
char          *mc_render_log_title           (const char       *title);
double         mc_render_value_ticks_width   (McRender         *r,
                                              const McLinearScale *scale,
                                              const McSeries   *series);
void           mc_render_value_ticks         (McRender         *r,
                                              const McLinearScale *scale,
                                              const McSeries   *series,
                                              const McRect     *plot,
                                              gboolean          right,
                                              const McColor    *color);
void           mc_render_time_scale          (McRender         *r,
                                              McTimeScale      *scale,
                                              double            lo,
                                              double            hi,
                                              McDatePrecision   precision,
                                              const McRect     *plot);
void           mc_render_x_time_ticks        (McRender         *r,
                                              const McTimeScale *scale,
                                              const McRect     *plot);
void           mc_render_x_tick              (McRender         *r,
                                              const McRect     *plot,
                                              double            x,
                                              const char       *text);
void           mc_render_x_value_ticks       (McRender         *r,
                                              const McLinearScale *scale,
                                              const McColumn   *column,
                                              const McRect     *plot);
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

/* The zoom window, for the renderer of lines */
void           mc_render_fit_x_window        (McRender         *r,
                                              McLinearScale    *scale);
void           mc_render_clip_x_window       (McRender         *r,
                                              const McRect     *plot);

/* kinds/mc-kind-line.c, for tests */
typedef void (*McPointFunc) (double x, double y, gpointer user_data);
void           mc_decimate_run               (const double     *px,
                                              const double     *py,
                                              guint             n,
                                              double            columns_per_unit,
                                              McPointFunc       emit,
                                              gpointer          user_data);

G_END_DECLS
