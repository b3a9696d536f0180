/* mc-annotation.h: what a chart's "annotations" say, as its spec holds them
 *
 * An annotation is a dictionary (a{sv}) in the chart's "annotations"
 * option: its "type", its "label" and where it goes. This file knows
 * the types and their keys, for the loader, the check of a spec, the
 * model, descriptions and the chart editor; mc-annotations.c draws them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-dataset.h"

G_BEGIN_DECLS

/* The variant type of the "annotations" option. */
#define MC_ANNOTATIONS_VARIANT_TYPE (G_VARIANT_TYPE ("aa{sv}"))

typedef enum
{
  MC_ANNOTATION_EVENT,     /* a rule across the plot at an x: "x" */
  MC_ANNOTATION_LINE,      /* a reference line at a value: "value" */
  MC_ANNOTATION_RANGE,     /* a shaded period of x: "from", "to" */
  MC_ANNOTATION_BAND,      /* a shaded band of values: "from", "to" */
  MC_ANNOTATION_CALLOUT,   /* a text with a leader line to a data point:
                            * "x", and the "series" (the first by
                            * default) */
  MC_N_ANNOTATION_TYPES
} McAnnotationType;

/* One annotation of a spec, read from its dictionary: the texts belong
 * to the dictionary, the variants to this (mc_annotation_spec_clear()). */
typedef struct
{
  McAnnotationType  type;
  const char       *label;    /* nullable */
  GVariant         *x;        /* EVENT, CALLOUT: a text ("2025-02",
                               * "Alibaba") or a number; else NULL */
  GVariant         *from;     /* RANGE: x values; BAND: numbers */
  GVariant         *to;
  double            value;    /* LINE; NAN otherwise */
  const char       *series;   /* CALLOUT: a series' name or column id */
  gboolean          right;    /* LINE, BAND: on the right value axis */
} McAnnotationSpec;

/* The name of @type in files, "event"; and the type of a name. */
const char  *mc_annotation_type_to_string   (McAnnotationType   type);
gboolean     mc_annotation_type_from_string (const char        *name,
                                             McAnnotationType  *type);
/* "event, line, range, band, callout" */
char        *mc_annotation_list_types       (void);

/* Whether @key is one an annotation may have; whether its value is a
 * number, a text, or either (an x value). */
typedef enum
{
  MC_ANNOTATION_KEY_TEXT,
  MC_ANNOTATION_KEY_NUMBER,
  MC_ANNOTATION_KEY_X,
} McAnnotationKeyType;

gboolean     mc_annotation_lookup_key       (const char          *key,
                                             McAnnotationKeyType *type);

/* Checks one annotation on its own: a known type, the keys its type
 * needs, values of the right types. @key is set to the key at fault
 * ("type" for a missing type), or NULL for the annotation as a whole. */
gboolean     mc_annotation_check_fields     (GVariant           *annotation,
                                             const char        **key,
                                             GError            **error);

/* Reads annotation @annotation, which mc_annotation_check_fields()
 * accepted. */
void         mc_annotation_spec_read        (GVariant           *annotation,
                                             McAnnotationSpec   *spec);
void         mc_annotation_spec_clear       (McAnnotationSpec   *spec);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (McAnnotationSpec, mc_annotation_spec_clear)

/* An x value as a text: "2025-02", "Alibaba", "5". */
char        *mc_annotation_x_to_string      (GVariant           *x);

/* Checks that the x values of @annotation are in column @x of
 * @dataset and that its series is one the chart draws (@series_ids:
 * the columns of its series; @series_column: the column naming the
 * series of a long table, or NULL). @key is set to the key at fault. */
gboolean     mc_annotation_check_data       (const McAnnotationSpec *annotation,
                                             McDataset          *dataset,
                                             const char         *x_id,
                                             const char * const *series_ids,
                                             const char         *series_column,
                                             const char        **key,
                                             GError            **error);

/* Where x value @x lies on column @x_column: a date ("2025-02") as its
 * days, a number as itself; FALSE for a text, which names a category. */
gboolean     mc_annotation_x_position       (GVariant           *x,
                                             const McColumn     *x_column,
                                             double             *position);

G_END_DECLS
