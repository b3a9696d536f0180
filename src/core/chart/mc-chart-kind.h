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

#include "mc-dataset.h"

G_BEGIN_DECLS

#define MC_CHART_ERROR (mc_chart_error_quark ())

typedef enum
{
  MC_CHART_ERROR_COLUMN,     /* a column is missing or has the wrong type */
  MC_CHART_ERROR_NEGATIVE,   /* a pie with negative values */
  MC_CHART_ERROR_NO_DATA,    /* nothing to draw */
  MC_CHART_ERROR_INVALID,    /* a combination the chart kind can't draw */
} McChartError;

typedef enum
{
  MC_OPTION_COLUMN,          /* a column id */
  MC_OPTION_COLUMNS,         /* one column id or several: "as" */
  MC_OPTION_BOOLEAN,         /* "b" */
  MC_OPTION_NUMBER,          /* "d" */
  MC_OPTION_TEXT,            /* "s" */
  MC_OPTION_CHOICE,          /* "s", one of the option's choices */
  MC_OPTION_TEXTS,           /* one text or several: "as" */
} McOptionType;

typedef enum
{
  MC_OPTION_REQUIRED = 1 << 0,
  MC_OPTION_NUMERIC  = 1 << 1,   /* its columns must hold numbers */
  MC_OPTION_STRICT   = 1 << 2,   /* on a kind without it, an error rather
                                  * than a warning */
  MC_OPTION_SERIES   = 1 << 3,   /* its columns are the chart's series */
  MC_OPTION_RIGHT    = 1 << 4,   /* ... measured on the right value axis */
  MC_OPTION_ON_AXIS  = 1 << 5,   /* its values are read on the value axis */
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
  const char         *only_why;     /* STRICT: why other kinds refuse it */
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
  MC_CHART_CAPS_PANELS           = 1 << 5,  /* draws one panel per group of
                                             * series ("panels") */
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

typedef struct
{
  const char         *id;          /* its name in dataset files: "bar" */
  const char         *name;        /* N_("a bar chart") */
  const char         *plural;      /* N_("bar charts") */
  McChartCaps         caps;
  const McOptionInfo * const *options;  /* NULL-terminated */

  /* Checks what the common checks of options leave to the kind (NULL
   * when nothing is left); @problem says where the fault is. */
  gboolean  (*check)    (const McChartSpec  *spec,
                         McDataset          *dataset,
                         McSpecProblem      *problem,
                         GError            **error);
  /* What the kind draws beyond the chart's series (slices of a pie);
   * NULL when it draws the series as they are. */
  gpointer  (*prepare)  (McChartModel       *model,
                         GError            **error);
  GDestroyNotify free_prepared;
  /* Draws the chart in the body of the frame, recording its marks. */
  void      (*draw)     (McRender           *render,
                         gconstpointer       prepared,
                         McMarks            *out);
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

GQuark               mc_chart_error_quark      (void);

/* Every kind, in the order dataset files list them. */
const McChartKind * const *mc_chart_kinds_get_all (void);
const McChartKind   *mc_chart_kind_lookup      (const char          *id);
const McOptionInfo  *mc_chart_kind_get_option  (const McChartKind   *kind,
                                                const char          *key);
/* The option @key of any kind, the first that takes it; NULL for a key no
 * kind takes. */
const McOptionInfo  *mc_chart_option_lookup    (const char          *key);
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

G_END_DECLS
