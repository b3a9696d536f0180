/* mc-dataset.h: a table of typed columns with its metadata and the
 * specifications of its charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-chart-spec.h"
#include "mc-column.h"

G_BEGIN_DECLS

#define MC_TYPE_DATASET (mc_dataset_get_type ())
G_DECLARE_FINAL_TYPE (McDataset, mc_dataset, MC, DATASET, GObject)

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

/* Changes to cells, rows and columns; charts are left as they are. */
void             mc_dataset_set_value           (McDataset       *self,
                                                 guint            row,
                                                 guint            column,
                                                 double           value);
void             mc_dataset_set_string          (McDataset       *self,
                                                 guint            row,
                                                 guint            column,
                                                 const char      *value);
void             mc_dataset_set_missing         (McDataset       *self,
                                                 guint            row,
                                                 guint            column);
void             mc_dataset_set_annotation      (McDataset       *self,
                                                 guint            row,
                                                 guint            column,
                                                 gboolean         estimate,
                                                 const char      *note);
void             mc_dataset_insert_rows         (McDataset       *self,
                                                 guint            index,
                                                 guint            n_rows);
GPtrArray       *mc_dataset_copy_rows           (McDataset       *self,
                                                 guint            index,
                                                 guint            n_rows);
void             mc_dataset_insert_rows_from    (McDataset       *self,
                                                 guint            index,
                                                 GPtrArray       *rows);
void             mc_dataset_remove_rows         (McDataset       *self,
                                                 guint            index,
                                                 guint            n_rows);
/* Takes ownership of @column; fails if the id is taken or the number of
 * rows differs. */
gboolean         mc_dataset_insert_column       (McDataset       *self,
                                                 guint            index,
                                                 McColumn        *column);
McColumn        *mc_dataset_steal_column        (McDataset       *self,
                                                 guint            index);

guint            mc_dataset_get_n_charts        (McDataset       *self);
const McChartSpec *mc_dataset_get_chart         (McDataset       *self,
                                                 guint            index);
const McChartSpec *mc_dataset_lookup_chart      (McDataset       *self,
                                                 const char      *id);
/* Takes ownership of @spec; fails if the id is already taken. */
gboolean         mc_dataset_add_chart           (McDataset       *self,
                                                 McChartSpec     *spec);

gboolean         mc_dataset_equal               (McDataset       *a,
                                                 McDataset       *b);

/* Non-fatal remarks made while loading (unknown keys, ...). */
const char * const *mc_dataset_get_warnings     (McDataset       *self);
void             mc_dataset_add_warning         (McDataset       *self,
                                                 const char      *message);
/* What reading decided for the user, and why: the chart chosen for a
 * table without one (--check --verbose prints them). NULL-terminated. */
const char * const *mc_dataset_get_notes        (McDataset       *self);
void             mc_dataset_add_note            (McDataset       *self,
                                                 const char      *message);

G_END_DECLS
