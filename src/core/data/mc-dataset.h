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
McDataset       *mc_dataset_copy                (McDataset       *self);
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
/* The id of the reader that read the dataset ("dataset", "csv"), NULL
 * for a dataset made in memory: only a dataset file is saved in place. */
const char      *mc_dataset_get_reader          (McDataset       *self);
void             mc_dataset_set_reader          (McDataset       *self,
                                                 const char      *reader);
/* The CSV file a dataset file keeps its rows in ("prices.csv"), NULL
 * when the rows are in the dataset file. */
const char      *mc_dataset_get_rows_file       (McDataset       *self);
void             mc_dataset_set_rows_file       (McDataset       *self,
                                                 const char      *name);
/* Top-level keys of its file that this version does not know, as JSON
 * text (see mc-extras.h); NULL when there are none. */
GHashTable      *mc_dataset_get_extras          (McDataset       *self);
void             mc_dataset_set_extra           (McDataset       *self,
                                                 const char      *key,
                                                 const char      *json);

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
void             mc_dataset_set_written_value   (McDataset       *self,
                                                 guint            row,
                                                 guint            column,
                                                 double           value,
                                                 int              decimals);
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
void             mc_dataset_move_column         (McDataset       *self,
                                                 guint            from,
                                                 guint            to);

guint            mc_dataset_get_n_charts        (McDataset       *self);
const McChartSpec *mc_dataset_get_chart         (McDataset       *self,
                                                 guint            index);
const McChartSpec *mc_dataset_lookup_chart      (McDataset       *self,
                                                 const char      *id);
int              mc_dataset_get_chart_index     (McDataset       *self,
                                                 const char      *id);
/* Takes ownership of @spec; fails if the id is already taken. */
gboolean         mc_dataset_add_chart           (McDataset       *self,
                                                 McChartSpec     *spec);
/* Takes ownership of @spec; fails, freeing it, if the id is taken. */
gboolean         mc_dataset_insert_chart        (McDataset       *self,
                                                 guint            index,
                                                 McChartSpec     *spec);
McChartSpec     *mc_dataset_steal_chart         (McDataset       *self,
                                                 guint            index);
/* Puts @spec (transfer full) in place of the chart at @index, whose spec
 * it returns (transfer full). */
McChartSpec     *mc_dataset_replace_chart       (McDataset       *self,
                                                 guint            index,
                                                 McChartSpec     *spec);
void             mc_dataset_move_chart          (McDataset       *self,
                                                 guint            from,
                                                 guint            to);

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
