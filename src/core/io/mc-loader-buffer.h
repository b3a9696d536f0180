/* mc-loader-buffer.h: a file read into memory, within a size limit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-load-progress.h"

G_BEGIN_DECLS

/* The contents of a file, read into memory. (Not mapped: the readers of
 * whole texts would read zeros where another program cut the file short
 * (mc-mapped-file.c), and the window reloads files when they change on
 * disk. Large files of rows are mapped, and read in blocks that check.) */
typedef struct
{
  const char   *data;
  gsize         length;
  GBytes       *bytes;
} McLoaderBuffer;

/* Files longer than this are read, where their reader can, while they
 * arrive, never whole: their first bytes (the head) choose the reader. */
#define MC_LOADER_STREAM_HEAD_SIZE (1024 * 1024)

/* The size of a regular file, 0 when not known or not a regular file. */
guint64       mc_loader_regular_file_size (GFile          *file,
                                           GCancellable   *cancellable);
/* Opens @file and reads its head (MC_LOADER_STREAM_HEAD_SIZE bytes, or
 * all of a shorter file) into @head: the stream goes on with the rest.
 * NULL, and no error, when the file cannot be read so (the whole read
 * says why). */
GInputStream *mc_loader_read_head         (GFile          *file,
                                           GCancellable   *cancellable,
                                           char          **head,
                                           gsize          *length);

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
