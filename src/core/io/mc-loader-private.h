/* mc-loader-private.h: helpers shared by the JSON and CSV halves of the loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-csv.h"
#include "mc-loader.h"

G_BEGIN_DECLS

/* The contents of a file, read into memory. (Not mapped: a mapped file
 * that another program truncates gives SIGBUS, and the window reloads
 * files when they change on disk.) */
typedef struct
{
  const char   *data;
  gsize         length;
  GBytes       *bytes;
} McLoaderBuffer;

gboolean    mc_loader_buffer_load       (McLoaderBuffer   *buffer,
                                         GFile            *file,
                                         const char       *name,
                                         gsize             max_size,
                                         GCancellable     *cancellable,
                                         GError          **error);
void        mc_loader_buffer_clear      (McLoaderBuffer   *buffer);

void        mc_loader_position          (const char       *text,
                                         gsize             length,
                                         gsize             offset,
                                         guint            *line,
                                         guint            *column);
/* Sets "name:line:column: message" (or "name: message" when @line is 0). */
void        mc_loader_set_error         (GError          **error,
                                         McLoaderError     code,
                                         const char       *name,
                                         guint             line,
                                         guint             column,
                                         const char       *format,
                                         ...) G_GNUC_PRINTF (6, 7);
char       *mc_loader_format_message    (const char       *name,
                                         guint             line,
                                         guint             column,
                                         const char       *message);
/* Turns an MC_CSV_ERROR ("line:col: message") into an MC_LOADER_ERROR. */
void        mc_loader_propagate_csv_error (GError        **error,
                                         GError           *csv_error,
                                         const char       *name);
gboolean    mc_loader_check_text        (const char       *name,
                                         const char       *text,
                                         gsize             length,
                                         GError          **error);
char       *mc_loader_describe_text     (const char       *text,
                                         gsize             length);

gboolean    mc_loader_parse_date_len    (const char       *text,
                                         gsize             length,
                                         double           *days,
                                         McDatePrecision  *precision);
gboolean    mc_loader_parse_boolean     (const char       *text,
                                         gsize             length,
                                         gboolean         *value);
char       *mc_loader_make_id           (const char       *text,
                                         const char       *fallback);
gboolean    mc_loader_id_is_valid       (const char       *id);

void        mc_loader_add_default_chart (McDataset        *dataset,
                                         const char       *name);

McDataset  *mc_loader_load_json         (const char       *name,
                                         const char       *text,
                                         gsize             length,
                                         GFile            *base,
                                         GCancellable     *cancellable,
                                         GError          **error);
McDataset  *mc_loader_load_plain_csv    (const char       *name,
                                         const char       *text,
                                         gsize             length,
                                         GCancellable     *cancellable,
                                         GError          **error);
/* Fills the declared columns of @dataset from a CSV file's text whose
 * header names the column ids. @json_name names the dataset file. */
gboolean    mc_loader_read_csv_data     (McDataset        *dataset,
                                         const char       *name,
                                         const char       *json_name,
                                         const char       *text,
                                         gsize             length,
                                         GCancellable     *cancellable,
                                         GError          **error);

G_END_DECLS
