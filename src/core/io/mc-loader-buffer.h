/* mc-loader-buffer.h: a file read into memory, within a size limit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-load-progress.h"

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
                                         McLoadProgress   *progress,
                                         GCancellable     *cancellable,
                                         GError          **error);
void        mc_loader_buffer_clear      (McLoaderBuffer   *buffer);
gboolean    mc_loader_check_size        (const char       *name,
                                         guint64           size,
                                         gsize             max_size,
                                         GError          **error);
void        mc_loader_set_read_error    (GError          **error,
                                         const char       *name,
                                         GError           *read_error);

G_END_DECLS
