/* mc-export-private.h: what the writers of PDF, SVG and PNG files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Where cairo writes a file: a stream, and the first error writing it. */
typedef struct
{
  GOutputStream *stream;
  GError        *error;
} McExportWriter;

/* A cairo_write_func_t over an McExportWriter. */
cairo_status_t  mc_export_write_to_stream  (void                *closure,
                                            const unsigned char *data,
                                            unsigned int         length);
/* An error of writing @file as MC_EXPORT_ERROR_WRITE, naming the file. */
void            mc_export_prefix_error     (GError             **error,
                                            GFile               *file);

G_END_DECLS
