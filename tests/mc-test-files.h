/* mc-test-files.h: temporary folders, and files that cannot be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A new folder in the temporary folder, named after @prefix. */
char  *mc_test_make_temp_dir  (const char *prefix);
/* Removes @path and everything in it. */
void   mc_test_remove_dir     (const char *path);
/* The names in @path, sorted, joined by spaces. */
char  *mc_test_list_dir       (const char *path);
/* Whether the PDF at @path embeds a font of @family, by its PostScript
 * name ("DejaVuSerif" for DejaVu Serif and its bold). */
gboolean mc_test_pdf_has_font (const char *path,
                               const char *family);

/* A function that writes a file atomically, under test: when it cannot,
 * the old file stays as it was, nothing else is left behind, and the
 * error, in @domain and @code, names the file. */
typedef struct
{
  gboolean   (*write)      (GFile     *file,
                            gpointer   user_data,
                            GError   **error);
  gpointer     user_data;
  const char  *name;       /* of the file it writes: "chart.png" */
  GQuark       domain;
  int          code;
} McTestWriter;

/* Each checks one failure and returns the error (transfer full). */
GError  *mc_test_write_into_missing_folder    (const McTestWriter *writer);
GError  *mc_test_write_into_read_only_folder  (const McTestWriter *writer);
GError  *mc_test_write_onto_device            (const McTestWriter *writer);
/* A full disk, as the process sees it: a file size limit of @limit bytes
 * makes the write of the temporary file fail half-way. */
GError  *mc_test_write_onto_full_disk         (const McTestWriter *writer,
                                               guint64             limit);

G_END_DECLS
