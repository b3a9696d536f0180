/* mc-chart-kind.h: the forms a chart can take, and what each accepts
 *
 * A chart kind is one file in kinds/ and one entry of the table in
 * kinds/mc-chart-kinds.c. It says which options of a chart spec it takes
 * (the one source for checking a spec and for warning about options that
 * do not apply), checks a spec against the data, prepares what it draws,
 * draws it and describes it. Nothing outside kinds/ asks which kind a
 * chart is: it asks the kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-change.h"
#include "mc-chart-error.h"
#include "mc-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  MC_OPTION_COLUMN,          /* a column id */
  MC_OPTION_COLUMNS,         /* one column id or several: "as" */
  MC_OPTION_BOOLEAN,         /* "b" */
  MC_OPTION_NUMBER,          /* "d" */
  MC_OPTION_TEXT,            /* "s" */
  MC_OPTION_CHOICE,          /* "s", one of the option's choices */
  MC_OPTION_NAMES,           /* names of series or categories: "as" */
  MC_OPTION_COLORS,          /* a palette colour by series or category
                              * name: "a{ss}" */
  MC_OPTION_TEXTS,           /* one text or several: "as" */
  MC_OPTION_ANNOTATIONS,     /* events, reference lines, ranges and
                              * callouts (mc-annotation.h): "aa{sv}" */
} McOptionType;

typedef enum
{
  MC_OPTION_REQUIRED = 1 << 0,
  MC_OPTION_NUMERIC  = 1 << 1,   /* its columns must hold numbers */
  MC_OPTION_STRICT   = 1 << 2,   /* on a kind without it, an error rather
                                  * than a warning */
  MC_OPTION_DEFAULT_ON = 1 << 3, /* BOOLEAN: true when absent */
  MC_OPTION_SERIES   = 1 << 4,   /* its columns are the chart's series */
  MC_OPTION_RIGHT    = 1 << 5,   /* ... measured on the right value axis */
  MC_OPTION_ON_AXIS  = 1 << 6,   /* its values are read on the value axis */
  MC_OPTION_CHOSEN   = 1 << 7,   /* COLUMN: when absent, the chart chooses
                                  * one (else it goes without) */
} McOptionFlags;

/* One key a chart kind reads from its spec. Texts are untranslated
 * (N_()), translated where they are shown. */
typedef struct
{
  const char         *key;
  McOptionType        type;
  McOptionFlags       flags;
  const char         *description;  /* "a second value axis" */
  const char * const *choices;      /* CHOICE: the values it takes */
  const char         *invalid;      /* CHOICE: what it takes, for a message
                                     * about another value */
  const char         *missing;      /* REQUIRED: message when absent */
  const char         *label;        /* what an editor calls it: "Stacked";
                                     * NULL: its description */
  const char * const *choice_labels; /* CHOICE: what an editor calls each
                                      * choice; NULL: the choices */
  const char         *only_why;     /* STRICT: why other kinds refuse it */
  const char         *values_of;    /* TEXT, TEXTS: the COLUMN option
                                     * whose values they are, for an
                                     * editor to choose among: "filter" */
} McOptionInfo;

typedef enum
{
  MC_CHART_CAPS_NONE             = 0,
  MC_CHART_CAPS_CATEGORY_X       = 1 << 0,  /* x is always a category axis */
  MC_CHART_CAPS_ZOOM_X           = 1 << 1,  /* zooms a time or number x axis */
  MC_CHART_CAPS_HIDE_SERIES      = 1 << 2,  /* series can be hidden */
  MC_CHART_CAPS_CATEGORY_COLORS  = 1 << 3,  /* each category its colour */
  MC_CHART_CAPS_FEW_CATEGORY_COLORS = 1 << 4, /* the same for a single
                                             * series of a few entities */
  MC_CHART_CAPS_ZERO_BASELINE    = 1 << 5,  /* lengths from zero: the value
                                             * axis always shows zero */
  MC_CHART_CAPS_PANELS           = 1 << 6,  /* draws one panel per group of
                                             * series ("panels") */
  MC_CHART_CAPS_LINE_GAPS        = 1 << 7,  /* breaks its lines where a
                                             * series has no data for a
                                             * stretch (the model finds
                                             * them only for such kinds) */
} McChartCaps;

/* What a check found wrong, for messages that point at it: the key of the
 * spec (and the element of a list) or, with @key NULL, the chart. */
typedef enum
{
  MC_SPEC_FAULT_VALUE,
  MC_SPEC_FAULT_MISSING,
  MC_SPEC_FAULT_REFERENCE,
} McSpecFault;

typedef struct
{
  const char  *key;
  int          index;        /* -1: the key as a whole */
  McSpecFault  fault;
} McSpecProblem;

typedef struct _McChartModel McChartModel;
typedef struct _McRender McRender;
typedef struct _McMarks McMarks;
typedef struct _McMark McMark;

typedef struct
{
  const char         *id;          /* its name in dataset files: "bar" */
  const char         *name;        /* N_("a bar chart") */
  const char         *plural;      /* N_("bar charts") */
  const char         *label;       /* N_("Bar Chart"), for a chooser */
  McChartCaps         caps;
  const McOptionInfo * const *options;  /* NULL-terminated */

  /* Checks what the common checks of options leave to the kind (NULL
   * when nothing is left); @problem says where the fault is. */
  gboolean  (*check)    (const McChartSpec  *spec,
                         McDataset          *dataset,
                         McSpecProblem      *problem,
                         GError            **error);
  /* Checks rows [@from, @to) of the dataset (@to may be past its end),
   * for a kind whose rows must agree across columns (a candle's high
   * above its open and close), or NULL. A row's verdict depends on that
   * row alone: after an edit of a few cells, only their rows are checked
   * again. A chart's model leaves this check to the kind's prepare,
   * which reads the rows anyway: that calls mc_chart_model_check_rows()
   * when a row fails. */
  gboolean  (*check_rows) (const McChartSpec  *spec,
                           McDataset          *dataset,
                           guint               from,
                           guint               to,
                           McSpecProblem      *problem,
                           GError            **error);
  /* What the kind draws beyond the chart's series (slices of a pie);
   * NULL when it draws the series as they are. */
  gpointer  (*prepare)  (McChartModel       *model,
                         GError            **error);
  GDestroyNotify free_prepared;
  /* What prepare() would make after an edit of cells (@change), made
   * from what it made before it (@before, for a model of the same spec
   * and dataset, drawn from the rows as they are): after an edit of one
   * price, a few candles mended rather than a million rows read again.
   * NULL when it cannot: the model is then prepared anew, which also
   * says what is wrong with the rows edited. */
  gpointer  (*mend)     (McChartModel       *model,
                         gconstpointer       before,
                         const McChange     *change);
  /* Draws the chart in the body of the frame, recording its marks. */
  void      (*draw)     (McRender           *render,
                         gconstpointer       prepared,
                         McMarks            *out);
  /* The name of mark @mark and its value, for a kind that leaves them
   * out of its marks rather than write them for each of thousands at
   * every render, when only the one under the pointer is asked for;
   * NULL when its marks carry them. */
  void      (*mark_text) (McMarks           *marks,
                          const McMark      *mark,
                          char             **label,
                          char             **text);
  /* A summary for screen readers, as drawn in @marks when there are any
   * (mc-describe.c adds the estimates). */
  char     *(*describe) (McChartModel       *model,
                         gconstpointer       prepared,
                         McMarks            *marks);
} McChartKind;

/* Options that several kinds take, for their tables. */
extern const McOptionInfo mc_chart_option_x;
extern const McOptionInfo mc_chart_option_y;
extern const McOptionInfo mc_chart_option_series;
extern const McOptionInfo mc_chart_option_transform;
extern const McOptionInfo mc_chart_option_stacked;
extern const McOptionInfo mc_chart_option_sort;
extern const McOptionInfo mc_chart_option_log;
extern const McOptionInfo mc_chart_option_index_at;
extern const McOptionInfo mc_chart_option_percent;
extern const McOptionInfo mc_chart_option_panels;
/* Transforms of the rows a chart draws (mc-transform.c) */
extern const McOptionInfo mc_chart_option_filter;
extern const McOptionInfo mc_chart_option_filter_values;
extern const McOptionInfo mc_chart_option_month;
extern const McOptionInfo mc_chart_option_aggregate;
extern const McOptionInfo mc_chart_option_top;

/* The options that choose, date and combine the rows a chart draws, for
 * the tables of kinds. */
#define MC_CHART_OPTIONS_ROWS \
  &mc_chart_option_filter, \
  &mc_chart_option_filter_values, \
  &mc_chart_option_month, \
  &mc_chart_option_aggregate
/* The value axis and its labels, and the legend: kinds with a value axis. */
extern const McOptionInfo mc_chart_option_min;
extern const McOptionInfo mc_chart_option_max;
extern const McOptionInfo mc_chart_option_value_labels;
extern const McOptionInfo mc_chart_option_legend;
/* Texts and marks on the plot (mc-annotation.h): kinds with axes. */
extern const McOptionInfo mc_chart_option_annotations;


/* Every kind, in the order dataset files list them. */
const McChartKind * const *mc_chart_kinds_get_all (void);
const McChartKind   *mc_chart_kind_lookup      (const char          *id);
/* The option @key of @kind: its own, or one every kind takes. */
const McOptionInfo  *mc_chart_kind_get_option  (const McChartKind   *kind,
                                                const char          *key);
/* Every option of @kind: its own in its order, then those every kind
 * takes (short title, footnote, source, colours, highlight).
 * NULL-terminated; free the array only. */
const McOptionInfo **mc_chart_kind_list_options (const McChartKind  *kind);
/* What an editor calls @info, translated: its label, or else its
 * description. */
char                *mc_chart_option_get_label (const McOptionInfo  *info);
/* What an editor calls choice @index of a CHOICE option, translated. */
const char          *mc_chart_option_get_choice_label (const McOptionInfo *info,
                                                guint                index);
/* A BOOLEAN option of @spec, or its default when absent. */
gboolean             mc_chart_spec_get_flag    (const McChartSpec   *spec,
                                                const McOptionInfo  *info);
/* The option @key of any kind, the first that takes it; NULL for a key no
 * kind takes. */
const McOptionInfo  *mc_chart_option_lookup    (const char          *key);
/* What a chooser of kinds calls @kind, translated: its label, or else
 * its id. */
const char          *mc_chart_kind_get_label   (const McChartKind   *kind);
/* "bar, line, area, pie" */
char                *mc_chart_kinds_list_ids   (void);

/* The x column of a chart: its "x" option or, without one, the first
 * column that it does not plot. */
const char          *mc_chart_spec_get_x       (const McChartSpec   *spec,
                                                McDataset           *dataset);
/* Whether the spec's "transform" asks for growth rates, or for series
 * indexed to 100. */
gboolean             mc_chart_spec_is_growth   (const McChartSpec   *spec);
gboolean             mc_chart_spec_is_indexed  (const McChartSpec   *spec);

/* For the checks of kinds: FALSE, with the problem at @key and a
 * message naming the row and saying @reason, when a row the spec draws
 * holds a value of column @id at or below zero (below zero, with
 * @zero_allowed). */
gboolean             mc_chart_spec_check_positive (const McChartSpec *spec,
                                                McDataset           *dataset,
                                                const char          *id,
                                                gboolean             zero_allowed,
                                                const char          *key,
                                                const char          *reason,
                                                McSpecProblem       *problem,
                                                GError             **error);

/* Checks a spec against its kind and the data it draws: the kind, the
 * options it takes (an option another kind takes is ignored unless it is
 * strict), the columns they name and their types, then the kind's own
 * rules. This is the one check of a spec: the loader reports its error
 * at the key @problem names, the chart says which chart it is. */
gboolean             mc_chart_spec_check       (const McChartSpec   *spec,
                                                McDataset           *dataset,
                                                McSpecProblem       *problem,
                                                GError             **error);

/* mc_chart_spec_check() but for the kind's check of each row, which a
 * chart's model leaves to the kind's prepare. */
gboolean             mc_chart_spec_check_but_rows (const McChartSpec *spec,
                                                McDataset           *dataset,
                                                McSpecProblem       *problem,
                                                GError             **error);

/* Whether every chart of @dataset can be drawn, the check a document
 * makes after each edit (an McDocumentCheck): the error names the chart
 * that cannot. */
gboolean             mc_chart_check_document   (McDataset           *dataset,
                                                const McChange      *change,
                                                gboolean             passed_before,
                                                GError             **error);

/* @spec as a chart of kind @type: the options @type does not take are
 * left out, and a list of columns that @type cannot draw is cut to its
 * first column, or a required column that is missing is chosen (for
 * numbers: the column named as the option, else one @spec drew as its
 * series, else the first no option names), until the chart can be
 * drawn. NULL, with the reason, if it cannot be. */
McChartSpec         *mc_chart_spec_fit_kind    (const McChartSpec   *spec,
                                                const char          *type,
                                                McDataset           *dataset,
                                                GError             **error);

G_END_DECLS
