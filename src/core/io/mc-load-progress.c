/* mc-load-progress.c: how far the loading of a file has come
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-load-progress.h"

struct _McLoadProgress
{
  GMutex   lock;
  guint64  size;
  guint64  bytes_read;
  guint64  rows;
};

McLoadProgress *
mc_load_progress_new (void)
{
  McLoadProgress *progress = g_new0 (McLoadProgress, 1);

  g_mutex_init (&progress->lock);
  return progress;
}

void
mc_load_progress_free (McLoadProgress *progress)
{
  if (progress == NULL)
    return;
  g_mutex_clear (&progress->lock);
  g_free (progress);
}

void
mc_load_progress_set_size (McLoadProgress *progress,
                           guint64         size)
{
  if (progress == NULL)
    return;
  g_mutex_lock (&progress->lock);
  progress->size = size;
  g_mutex_unlock (&progress->lock);
}

void
mc_load_progress_add_bytes (McLoadProgress *progress,
                            guint64         n_bytes)
{
  if (progress == NULL)
    return;
  g_mutex_lock (&progress->lock);
  progress->bytes_read += n_bytes;
  g_mutex_unlock (&progress->lock);
}

void
mc_load_progress_add_rows (McLoadProgress *progress,
                           guint64         n_rows)
{
  if (progress == NULL)
    return;
  g_mutex_lock (&progress->lock);
  progress->rows += n_rows;
  g_mutex_unlock (&progress->lock);
}

void
mc_load_progress_get (McLoadProgress *progress,
                      guint64        *bytes_read,
                      guint64        *size,
                      guint64        *rows)
{
  g_mutex_lock (&progress->lock);
  if (bytes_read)
    *bytes_read = progress->bytes_read;
  if (size)
    *size = progress->size;
  if (rows)
    *rows = progress->rows;
  g_mutex_unlock (&progress->lock);
}

double
mc_load_progress_get_fraction (McLoadProgress *progress)
{
  guint64 bytes_read, size;

  mc_load_progress_get (progress, &bytes_read, &size, NULL);
  if (size == 0)
    return -1;
  return MIN (1.0, (double) bytes_read / size);
}
