/* mc-load-progress.c: how far the loading of a file has come
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-load-progress.h"

#include <glib/gi18n.h>

#include "mc-format.h"

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
mc_load_progress_reread (McLoadProgress *progress)
{
  if (progress == NULL)
    return;
  g_mutex_lock (&progress->lock);
  progress->bytes_read = 0;
  g_mutex_unlock (&progress->lock);
}

void
mc_load_progress_set_rows (McLoadProgress *progress,
                           guint64         n_rows)
{
  if (progress == NULL)
    return;
  g_mutex_lock (&progress->lock);
  progress->rows = MAX (progress->rows, n_rows);
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

/* "52.3 MB of 171.0 MB" */
static char *
describe_bytes (guint64 bytes_read,
                guint64 size)
{
  g_autofree char *read = g_format_size (bytes_read);
  g_autofree char *total = NULL;

  if (size == 0)
    return g_steal_pointer (&read);
  total = g_format_size (size);
  /* Translators: how much of a file was read: "52.3 MB of 171.0 MB" */
  return g_strdup_printf (_("%s of %s"), read, total);
}

/**
 * mc_load_progress_describe:
 *
 * Returns: (transfer full): how far the load has come, for a person:
 *   "52.3 MB of 171.0 MB, 3,400,000 rows"
 */
char *
mc_load_progress_describe (McLoadProgress *progress)
{
  g_autofree char *bytes = NULL;
  g_autofree char *rows_text = NULL;
  guint64 bytes_read, size, rows;

  g_return_val_if_fail (progress != NULL, NULL);

  mc_load_progress_get (progress, &bytes_read, &size, &rows);
  bytes = describe_bytes (bytes_read, size);
  if (rows == 0)
    return g_steal_pointer (&bytes);
  rows_text = mc_format_number ((double) rows, 0);
  /* Translators: how far the reading of a file has come: "52.3 MB of
   * 171.0 MB, 3,400,000 rows" */
  return g_strdup_printf (ngettext ("%s, %s row", "%s, %s rows", (gulong) MIN (rows, G_MAXULONG)),
                          bytes, rows_text);
}
