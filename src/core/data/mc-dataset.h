/* mc-dataset.h: a typed table with metadata and chart specifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  MC_COLUMN_STRING,
  MC_COLUMN_NUMBER,
  MC_COLUMN_DATE,
  MC_COLUMN_BOOLEAN,
} McColumnType;

/* The multiplier a column's numbers are written in ("billion" USD). */
typedef enum
{
  MC_SCALE_NONE,
  MC_SCALE_THOUSAND,
  MC_SCALE_MILLION,
  MC_SCALE_BILLION,
  MC_SCALE_TRILLION,
} McScale;

/* How finely a date column's values are known: "2024", "2024-02" or
 * "2024-02-15". Dates are stored as days since 1970-01-01 (a double, so
 * that time of day could be added later); a year is stored as its first
 * day, a month as the first day of the month. */
typedef enum
{
  MC_DATE_YEAR,
  MC_DATE_MONTH,
  MC_DATE_DAY,
} McDatePrecision;

typedef enum
{
  MC_CHART_BAR,
  MC_CHART_LINE,
  MC_CHART_AREA,
  MC_CHART_PIE,
} McChartType;

typedef enum
{
  MC_TRANSFORM_NONE,
  MC_TRANSFORM_GROWTH,   /* percent change against the previous row */
} McTransform;

/* One chart of a dataset, as declared in its file. Column references are
 * column ids that the loader has checked exist. */
typedef struct
{
  char        *id;
  char        *title;
  char        *subtitle;      /* nullable */
  McChartType  type;
  gboolean     horizontal;    /* bar: bars run left to right */
  gboolean     stacked;       /* bar, area: series stack instead of grouping */
  gboolean     donut;         /* pie: draw a ring */
  char        *x;             /* category or time column */
  char       **y;             /* value columns on the left axis, at least one */
  char       **y2;            /* value columns on a second right axis; nullable */
  char        *series;        /* long tables: column whose distinct values make
                               * one series each of y[0]; nullable */
  McTransform  transform;
  double       total;         /* pie: the whole (e.g. 100 for percent shares);
                               * the remainder is drawn as "Other"; NAN if none */
  char        *other_label;   /* pie: label of the remainder; nullable = "Other" */
  gboolean     sort;          /* bar, pie: order categories by value */
} McChartSpec;

typedef struct _McColumn McColumn;

#define MC_TYPE_DATASET (mc_dataset_get_type ())
G_DECLARE_FINAL_TYPE (McDataset, mc_dataset, MC, DATASET, GObject)

/* Columns. Numbers, dates and booleans live in one array of doubles per
 * column (NAN marks a missing value; booleans are 0 or 1), strings in an
 * array of strings (NULL marks a missing value). Estimates and notes are
 * rare, so they are kept per row in a small table. */
McColumn        *mc_column_new                  (const char      *id,
                                                 const char      *label,
                                                 McColumnType     type);
void             mc_column_free                 (McColumn        *column);
const char      *mc_column_get_id               (const McColumn  *column);
const char      *mc_column_get_label            (const McColumn  *column);
McColumnType     mc_column_get_column_type      (const McColumn  *column);
const char      *mc_column_get_unit             (const McColumn  *column);
void             mc_column_set_unit             (McColumn        *column,
                                                 const char      *unit);
McScale          mc_column_get_scale            (const McColumn  *column);
void             mc_column_set_scale            (McColumn        *column,
                                                 McScale          scale);
McDatePrecision  mc_column_get_date_precision   (const McColumn  *column);
void             mc_column_set_date_precision   (McColumn        *column,
                                                 McDatePrecision  precision);
const char      *mc_column_get_description      (const McColumn  *column);
void             mc_column_set_description      (McColumn        *column,
                                                 const char      *description);
guint            mc_column_get_n_rows           (const McColumn  *column);
void             mc_column_append_value         (McColumn        *column,
                                                 double           value);
void             mc_column_append_string        (McColumn        *column,
                                                 const char      *value);
void             mc_column_append_missing       (McColumn        *column);
/* Replaces the values of a number, date or boolean column with @values
 * (doubles, NAN for missing), taking ownership: for loaders that fill a
 * whole column at once. */
void             mc_column_take_values          (McColumn        *column,
                                                 GArray          *values);
/* The values of a number, date or boolean column, with a reference added:
 * for readers that keep them as they are (the renderer's series). They
 * must not be changed. */
GArray          *mc_column_ref_values           (const McColumn  *column);
void             mc_column_set_annotation       (McColumn        *column,
                                                 guint            row,
                                                 gboolean         estimate,
                                                 const char      *note);
const double    *mc_column_get_values           (const McColumn  *column,
                                                 guint           *n_values);
double           mc_column_get_value            (const McColumn  *column,
                                                 guint            row);
const char      *mc_column_get_string           (const McColumn  *column,
                                                 guint            row);
gboolean         mc_column_is_missing           (const McColumn  *column,
                                                 guint            row);
gboolean         mc_column_is_estimate          (const McColumn  *column,
                                                 guint            row);
const char      *mc_column_get_note             (const McColumn  *column,
                                                 guint            row);
gboolean         mc_column_has_annotations      (const McColumn  *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McColumn, mc_column_free)

McChartSpec     *mc_chart_spec_new              (void);
McChartSpec     *mc_chart_spec_copy             (const McChartSpec *spec);
void             mc_chart_spec_free             (McChartSpec     *spec);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McChartSpec, mc_chart_spec_free)

const char      *mc_chart_type_to_string        (McChartType      type);
gboolean         mc_chart_type_from_string      (const char      *name,
                                                 McChartType     *type);
const char      *mc_column_type_to_string       (McColumnType     type);
gboolean         mc_column_type_from_string     (const char      *name,
                                                 McColumnType    *type);
const char      *mc_scale_to_string             (McScale          scale);
gboolean         mc_scale_from_string           (const char      *name,
                                                 McScale         *scale);
double           mc_scale_get_factor            (McScale          scale);

/* The dataset. */
McDataset       *mc_dataset_new                 (const char      *id);
const char      *mc_dataset_get_id              (McDataset       *self);
const char      *mc_dataset_get_title           (McDataset       *self);
void             mc_dataset_set_title           (McDataset       *self,
                                                 const char      *title);
const char      *mc_dataset_get_description     (McDataset       *self);
void             mc_dataset_set_description     (McDataset       *self,
                                                 const char      *description);
const char      *mc_dataset_get_source_name     (McDataset       *self);
const char      *mc_dataset_get_source_url      (McDataset       *self);
const char      *mc_dataset_get_source_date     (McDataset       *self);
void             mc_dataset_set_source          (McDataset       *self,
                                                 const char      *name,
                                                 const char      *url,
                                                 const char      *date);
GFile           *mc_dataset_get_file            (McDataset       *self);
void             mc_dataset_set_file            (McDataset       *self,
                                                 GFile           *file);
gboolean         mc_dataset_get_bundled         (McDataset       *self);
void             mc_dataset_set_bundled         (McDataset       *self,
                                                 gboolean         bundled);

guint            mc_dataset_get_n_rows          (McDataset       *self);
guint            mc_dataset_get_n_columns       (McDataset       *self);
McColumn        *mc_dataset_get_column          (McDataset       *self,
                                                 guint            index);
McColumn        *mc_dataset_lookup_column       (McDataset       *self,
                                                 const char      *id);
int              mc_dataset_get_column_index    (McDataset       *self,
                                                 const char      *id);
/* Takes ownership of @column; fails if the id is already taken. */
gboolean         mc_dataset_add_column          (McDataset       *self,
                                                 McColumn        *column);

guint            mc_dataset_get_n_charts        (McDataset       *self);
const McChartSpec *mc_dataset_get_chart         (McDataset       *self,
                                                 guint            index);
const McChartSpec *mc_dataset_lookup_chart      (McDataset       *self,
                                                 const char      *id);
/* Takes ownership of @spec; fails if the id is already taken. */
gboolean         mc_dataset_add_chart           (McDataset       *self,
                                                 McChartSpec     *spec);

/* Non-fatal remarks made while loading (unknown keys, ...). */
const char * const *mc_dataset_get_warnings     (McDataset       *self);
void             mc_dataset_add_warning         (McDataset       *self,
                                                 const char      *message);

G_END_DECLS
