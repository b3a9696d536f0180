/* mc-chart-model-private.h: the prepared data of a chart, for its kind,
 * the renderer and hit-testing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-annotation.h"
#include "mc-chart-model.h"
#include "mc-transform.h"
#include "mc-view-options.h"

G_BEGIN_DECLS

/* How the x column places data. */
typedef enum
{
  MC_X_CATEGORY,    /* evenly spaced bands or points, in order */
  MC_X_TIME,        /* dates on a time scale */
  MC_X_NUMBER,      /* numbers on a linear scale */
} McXKind;

/* One series: its points in dataset order. For category charts x is the
 * category index. */
typedef struct
{
  char           *name;
  const McColumn *column;     /* unit, scale and label of the values */
  McColumn       *derived;    /* owned column of a transform, or NULL */
  gboolean        computed;   /* rates computed by the chart, not given
                               * by the data: its axis says so */
  guint           axis;       /* 0 left, 1 right */
  guint           color;      /* palette index */
  int             decimals;   /* most decimals a label shows */
  gboolean        x_sorted;   /* x never decreases: binary search, decimation */
  GArray         *x;          /* double; NULL when x is x_column's values */
  const McColumn *x_column;   /* the model's x column, whose values are x
                               * (a series that is its columns) */
  GArray         *y;          /* double, NAN = missing */
  GArray         *rows;       /* guint, dataset row of each point; NULL when
                               * point i is row i (mc_series_get_row()) */
  GArray         *estimate;   /* guint8; NULL when none is an estimate */
  /* Series that share their columns' values (millions of rows) know these
   * from their columns' summaries, so that drawing need not go through
   * every point. */
  gboolean        stats_known;
  gboolean        y_gaps;     /* some y is NAN */
  double          y_min;      /* of the values that are not NAN; NAN if none */
  double          y_max;
  McValueSummary *summary;    /* of y: the extremes of any run of points
                               * in a few steps */
  GArray         *gaps;       /* guint: the points after which the next
                               * comes far later than usual, a stretch
                               * without data; NULL for none */
  /* Indexed to 100 ("transform": "index"): each value was divided by
   * the value of this point and multiplied by 100. */
  guint           index_point;
  double          index_base;
} McSeries;

static inline guint
mc_series_get_row (const McSeries *series,
                   guint           index)
{
  return series->rows != NULL ? g_array_index (series->rows, guint, index) : index;
}

/* An annotation placed on the chart's axes (see mc-annotation.h). */
typedef struct
{
  McAnnotationType  type;
  char             *label;     /* nullable */
  double            x0;        /* on the x axis: a category's index, */
  double            x1;        /* days or a number; NAN for none */
  double            v0;        /* on the value axis; NAN for none */
  double            v1;
  guint             axis;      /* 0 left, 1 right */
  guint             series;    /* CALLOUT: the point it points at */
  guint             point;
} McAnnotation;

/* A model keeps what it draws as it was when it was made: snapshots of
 * the columns it reads (sharing their values, copy-on-write) and of the
 * texts it shows, so that an edit of the dataset meanwhile, or a render
 * in another thread, sees a model that never changes. */
struct _McChartModel
{
  GObject            parent_instance;

  McDataset         *dataset;
  McDataset         *data;            /* the table drawn: the dataset, or
                                       * what the spec's transforms make of
                                       * it (mc-transform.h) */
  McTableOrigin     *data_origin;     /* how @data's rows come from the
                                       * dataset's, when it can be mended
                                       * after an edit; else NULL */
  gboolean           data_mended;     /* from the model before an edit */
  gboolean           series_mended;   /* the series of the model before
                                       * an edit, mended */
  McChange           data_change;     /* then the edit, in @data's rows */
  GHashTable        *columns;         /* id → McColumn, snapshots of @data */
  char              *title;           /* the spec's or the dataset's */
  char              *source_name;
  char              *source_date;
  McChartSpec       *spec;
  const McChartKind *kind;
  gpointer           prepared;        /* what the kind prepared, or NULL */
  const McColumn    *x_column;
  McXKind            x_kind;
  int                x_decimals;      /* of x's numbers, found once (0 for others) */
  GPtrArray         *categories;      /* char *, category charts */
  GArray            *category_days;   /* double, each category's date or NAN */
  double             category_step;   /* their usual step, NAN if none */
  GPtrArray         *series;          /* McSeries */
  GArray            *category_colors; /* guint palette index per category */
  gboolean           color_by_category;
  gboolean           colors_by_category; /* its own way, before a highlight */
  gboolean           has_estimates;
  gboolean           highlighted;     /* the spec's highlight greys what
                                       * it leaves out */
  GArray            *annotations;     /* McAnnotation, those that could
                                       * be placed */
  double             x_min;           /* the x range of present values, */
  double             x_max;           /* NAN without a continuous x axis */
  double             index_x;         /* where the series are indexed to 100 */
  /* "top": the series made, kept or folded into Other, in the order
   * they were made: whether each was kept, and its weight; and the
   * series folded, whose x and rows (not their values, which edits
   * since may have changed) tell where Other's points come from. NULL
   * when none were folded. */
  GArray            *fold_kept;       /* gboolean */
  GArray            *fold_weights;    /* double */
  GPtrArray         *folded;          /* McSeries */
  GArray            *other_values;    /* double: Other's points before
                                       * the index, where the series are
                                       * indexed; else NULL */
};

/* Charts colour each category (e.g. each company) when there are at most
 * this many; the palette has MC_CHART_PALETTE_SIZE colours. */
#define MC_CHART_MAX_CATEGORY_COLORS 7
#define MC_CHART_PALETTE_SIZE 7

/* mc-series-transform.c: what a spec changes in the series once they
 * are made */
/* Points in the order of their x ("sort" on a time or number axis). */
void           mc_chart_sort_series_by_x       (McChartModel        *chart);
/* At most "top" series: the rest folded into one "Other" series. */
void           mc_chart_fold_series            (McChartModel        *chart);
/* Forgets what the fold made (after a fold that could not be mended). */
void           mc_chart_clear_fold             (McChartModel        *chart);
/* After @edit (in the rows of the model's table) of @values, the
 * column the series draw, what the fold of @before made, mended in
 * @chart, whose series are copies of @before's: FALSE when the chart
 * must be made again. */
gboolean       mc_chart_mend_fold              (McChartModel        *chart,
                                                McChartModel        *before,
                                                const McColumn      *values,
                                                const McChange      *edit,
                                                gboolean             rows_rise);
/* Each series rebased to 100 ("transform": "index"). */
gboolean       mc_chart_index_series           (McChartModel        *chart,
                                                GError             **error);
/* The series' column of values indexed to 100 at @x, "Index (2 Jan
 * 2024 = 100)": made for the first, shared by the others. Also for
 * series copied from a model so indexed. */
void           mc_chart_set_index_column       (McChartModel        *chart,
                                                double               x);
/* Each value as a share of the total of its x ("percent"). */
void           mc_chart_share_series           (McChartModel        *chart);
/* @value of @series, indexed as its other values are. */
double         mc_series_rebase                (const McSeries      *series,
                                                double               value);
/* @series, indexed to 100, indexed again after an edit of its base
 * point, whose value is now @base: each point the value of its row in
 * @values over @base, as mc_chart_index_series() makes them. FALSE when
 * @base is not above zero (the chart, made again, says why). */
gboolean       mc_series_reindex               (McSeries            *series,
                                                const McColumn      *values,
                                                double               base);
/* No two series of one chart in the same palette colour. */
void           mc_chart_distinct_colors        (McChartModel        *chart);

/* mc-chart-prepare.c */
/* @before and @change, when not NULL: a model of the dataset before an
 * edit, which the kind may mend (its mend()) rather than prepare anew. */
gboolean       mc_chart_data_prepare           (McChartModel        *chart,
                                                McChartModel        *before,
                                                const McChange      *change,
                                                GError             **error);
/* For a kind's prepare that read a row its check_rows() refuses: the
 * check's error, named as the chart's model names it. TRUE when the
 * dataset's rows pass after all (the spec's transforms made the row). */
gboolean       mc_chart_model_check_rows       (McChartModel        *chart,
                                                GError             **error);
/* Entity name -> palette index, for every chart of @dataset and @spec. */
GHashTable    *mc_chart_data_collect_entities  (McDataset           *dataset,
                                                const McChartSpec   *spec);

/* mc-chart-series.c */
/* A step of x more than this many times the usual one leaves a stretch
 * without data. */
#define MC_GAP_FACTOR 4
/* The usual step between @n sorted x values: the lower median of the
 * steps that move forward (of a sample of them for long series); NAN
 * without any. A lone step is the usual one, and no gap: no step is
 * MC_GAP_FACTOR times itself. */
double         mc_usual_step                   (const double        *x,
                                                guint                n);
/* Finds the gaps of a series sorted by x (see McSeries). */
void           mc_series_find_gaps             (McSeries            *series);
gboolean       mc_series_share_gaps            (McSeries            *series,
                                                const McSeries      *other);
/* Whether category @category + 1, a date, comes far later after
 * @category than categories usually follow each other: bars on either
 * side of a stretch without data. */
gboolean       mc_chart_model_category_break   (McChartModel        *chart,
                                                guint                category);
/* Whether the step after point @point is a gap. */
gboolean       mc_series_is_gap                (const McSeries      *series,
                                                guint                point);
McSeries      *mc_series_new                   (const char          *name,
                                                const McColumn      *column,
                                                guint                axis,
                                                guint                reserve);
void           mc_series_free                  (McSeries            *series);
McSeries      *mc_series_copy                  (const McSeries      *series);
/* The point of @row of a table's rows, FALSE when @series has none;
 * @rows_rise when its points are in the order of their rows. */
gboolean       mc_series_find_row              (const McSeries      *series,
                                                guint                row,
                                                gboolean             rows_rise,
                                                guint               *point);
/* Series of their own values (a long table's, or values a transform
 * made) of at least this many points get a summary, as series that are
 * their columns have their columns': drawing them then finds the
 * extremes of each pixel's points in a few steps, and knows their range
 * and whether they have gaps, rather than going through every point at
 * every frame. */
#define MC_SUMMARISED_POINTS 4096
/* The summary of @series' values made anew (none for a short series,
 * whose range is then found when asked), once its values are final. */
void           mc_series_summarise             (McSeries            *series);
/* A point's value changed after an edit, with the series' range. */
void           mc_series_set_y                 (McSeries            *series,
                                                guint                point,
                                                double               value);
void           mc_series_append                (McSeries            *series,
                                                double               x,
                                                double               y,
                                                guint                row,
                                                gboolean             estimate);
/* The model's snapshot of column @id of its dataset, made on first use. */
const McColumn *mc_chart_model_get_column      (McChartModel        *chart,
                                                const char          *id);
const char    *mc_chart_model_get_source_name  (McChartModel        *chart);
const char    *mc_chart_model_get_source_date  (McChartModel        *chart);
McSeries      *mc_chart_model_get_series       (McChartModel        *chart,
                                                guint                index);
guint          mc_chart_model_get_n_categories (McChartModel        *chart);
const char    *mc_chart_model_get_category     (McChartModel        *chart,
                                                guint                index);
/* The date of a category of a date column; NAN otherwise. */
double         mc_chart_model_get_category_days (McChartModel       *chart,
                                                guint                index);
guint          mc_chart_model_get_category_color (McChartModel      *chart,
                                                guint                category,
                                                guint                series);
gboolean       mc_series_is_dip                (const McSeries      *series,
                                                guint                point);
gboolean       mc_series_mostly_dips           (const McSeries      *series);
gboolean       mc_chart_model_greys            (McChartModel        *chart,
                                                guint                category,
                                                guint                series);
char          *mc_chart_model_format_x         (McChartModel        *chart,
                                                const McSeries      *series,
                                                guint                index);
double         mc_series_get_y                 (const McSeries      *series,
                                                guint                index);
gboolean       mc_series_is_estimate           (const McSeries      *series,
                                                guint                index);
guint          mc_series_get_n_points          (const McSeries      *series);
double         mc_series_get_x                 (const McSeries      *series,
                                                guint                index);
/* Whether x is an even progression, without an array. */
gboolean       mc_series_get_x_progression     (const McSeries      *series,
                                                double              *start,
                                                double              *step);
/* Every x, in an array (which a progression makes on first use). */
const double  *mc_series_get_xs                (const McSeries      *series);
char          *mc_series_format_value          (const McSeries      *series,
                                                double               value,
                                                gboolean             with_unit);
/* The value of @series at dataset row @row: written with the decimals
 * its source gave it where they are known ("36.0" stays 36.0), else as
 * mc_series_format_value() writes it. */
char          *mc_series_format_row_value      (const McSeries      *series,
                                                guint                row,
                                                double               value,
                                                gboolean             with_unit);
/* The same for point @index of @series. */
char          *mc_series_format_point          (const McSeries      *series,
                                                guint                index,
                                                gboolean             with_unit);
/* The points of @series worth drawing in the zoom window of @view: those
 * in it and one on each side, so lines run out to the edges of the plot. */
/* The first point of @series, sorted by x, whose x is not below @x */
guint          mc_series_find_x                (const McSeries      *series,
                                                double               x);
void           mc_series_window_points         (const McSeries      *series,
                                                const McViewOptions *view,
                                                guint               *start,
                                                guint               *end);

G_END_DECLS
