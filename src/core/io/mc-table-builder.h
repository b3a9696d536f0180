/* mc-table-builder.h: cells found by a reader, made into a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-dataset.h"
#include "mc-loader-error.h"

G_BEGIN_DECLS

typedef struct _McTableBuilder McTableBuilder;

/* Sets @error for a cell of @column that the builder cannot take, with
 * the position of the cell, which only the reader knows. */
typedef void (*McTableReportFunc) (gpointer        user_data,
                                   guint           column,
                                   McLoaderError   code,
                                   const char     *message,
                                   GError        **error);

/* "name:line:column" (or another position: "book.xlsx:Sheet1!B7") of the
 * cell of @column at hand, which only the reader knows. */
typedef char *(*McTableLocateFunc) (gpointer        user_data,
                                    guint           column);

/* A new table, whose types the builder infers, or the declared columns
 * of a dataset, which only take values. */
McTableBuilder  *mc_table_builder_new              (const char         *name);
McTableBuilder  *mc_table_builder_new_for_dataset  (McDataset          *dataset,
                                                    const char         *name);
void             mc_table_builder_free             (McTableBuilder     *self);
void             mc_table_builder_set_reporter     (McTableBuilder     *self,
                                                    McTableReportFunc   report,
                                                    gpointer            user_data);
void             mc_table_builder_set_locator      (McTableBuilder     *self,
                                                    McTableLocateFunc   locate,
                                                    gpointer            user_data);
void             mc_table_builder_prefer_decimal_comma (McTableBuilder *self,
                                                    gboolean            prefer);
gboolean         mc_table_builder_prefers_decimal_comma (McTableBuilder *self);
McDataset       *mc_table_builder_get_dataset      (McTableBuilder     *self);

/* A new table: the header, then every cell to infer the types, then the
 * decision, which makes the columns. */
void             mc_table_builder_add_column       (McTableBuilder     *self,
                                                    const char         *header,
                                                    gsize               length);
guint            mc_table_builder_get_n_columns    (McTableBuilder     *self);
gboolean         mc_table_builder_wants_cell       (McTableBuilder     *self,
                                                    guint               column);
void             mc_table_builder_infer_cell       (McTableBuilder     *self,
                                                    guint               column,
                                                    const char         *text,
                                                    gsize               length);
/* Values a reader found typed (JSON, spreadsheets); @text is the value
 * as written, for messages and for columns that turn out to be text. */
void             mc_table_builder_infer_number     (McTableBuilder     *self,
                                                    guint               column,
                                                    double              value,
                                                    int                 decimals,
                                                    const char         *unit,
                                                    const char         *text);
void             mc_table_builder_infer_boolean    (McTableBuilder     *self,
                                                    guint               column,
                                                    gboolean            value);
void             mc_table_builder_infer_date       (McTableBuilder     *self,
                                                    guint               column,
                                                    double              days,
                                                    McDatePrecision     precision,
                                                    const char         *text);
void             mc_table_builder_restart          (McTableBuilder     *self);
void             mc_table_builder_decide           (McTableBuilder     *self);

/* Values: after the decision, the cells of the columns that need them
 * once more; for declared columns, every cell. */
gboolean         mc_table_builder_needs_cells      (McTableBuilder     *self,
                                                    guint               column);
gboolean         mc_table_builder_append_cell      (McTableBuilder     *self,
                                                    guint               column,
                                                    const char         *text,
                                                    gsize               length,
                                                    GError            **error);
/* Cells a reader has found typed (JSON values, spreadsheet cells), in
 * whatever type their column was given. */
void             mc_table_builder_append_missing   (McTableBuilder     *self,
                                                    guint               column);
void             mc_table_builder_append_number    (McTableBuilder     *self,
                                                    guint               column,
                                                    double              value,
                                                    int                 decimals,
                                                    const char         *text);
void             mc_table_builder_append_date_days (McTableBuilder     *self,
                                                    guint               column,
                                                    double              days,
                                                    McDatePrecision     precision,
                                                    const char         *text);
void             mc_table_builder_append_boolean   (McTableBuilder     *self,
                                                    guint               column,
                                                    gboolean            value);
void             mc_table_builder_append_string    (McTableBuilder     *self,
                                                    guint               column,
                                                    const char         *text);
gboolean         mc_table_builder_append_date      (McTableBuilder     *self,
                                                    guint               column,
                                                    const char         *text,
                                                    gsize               length,
                                                    GError            **error);

/* Declared columns may take all their values at once from a builder of a
 * new table that kept them (a reader's fast path, before the decision),
 * where those are of the declared type: numbers for a number column,
 * dates read as dates for a date column. */
gboolean         mc_table_builder_can_take_kept    (McTableBuilder     *self,
                                                    guint               column,
                                                    McTableBuilder     *from,
                                                    guint               from_column);
void             mc_table_builder_take_kept        (McTableBuilder     *self,
                                                    guint               column,
                                                    McTableBuilder     *from,
                                                    guint               from_column);

/* The dates' precisions; for a new table, its default chart. */
void             mc_table_builder_finish           (McTableBuilder     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McTableBuilder, mc_table_builder_free)

G_END_DECLS
