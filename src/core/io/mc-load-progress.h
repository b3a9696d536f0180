/* mc-load-progress.h: how far the loading of a file has come
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Long work shows how far it has come once it has taken this long (work
 * that ends sooner would only flash a progress bar), and its progress
 * is shown again this often: for loads, exports and reports, in the
 * window and on the command line. */
#define MC_PROGRESS_DELAY_US (G_USEC_PER_SEC / 4)
#define MC_PROGRESS_UPDATE_US (G_USEC_PER_SEC / 10)

/* The bytes read of a file and the rows found in it so far, written by
 * the loader's threads and read by anyone: a window's progress bar, the
 * command line's. Every setter takes NULL, for loads nobody watches. */
typedef struct _McLoadProgress McLoadProgress;

McLoadProgress  *mc_load_progress_new        (void);
void             mc_load_progress_free       (McLoadProgress  *progress);
void             mc_load_progress_set_size   (McLoadProgress  *progress,
                                              guint64          size);
void             mc_load_progress_add_bytes  (McLoadProgress  *progress,
                                              guint64          n_bytes);
/* The file is read again from its start (its reading while it arrived
 * gave up): its bytes count from 0 again. */
void             mc_load_progress_reread     (McLoadProgress  *progress);
/* Rows found so far, by a reader that counts them itself: a second pass
 * over the same rows does not add them again. */
void             mc_load_progress_set_rows   (McLoadProgress  *progress,
                                              guint64          n_rows);
void             mc_load_progress_get        (McLoadProgress  *progress,
                                              guint64         *bytes_read,
                                              guint64         *size,
                                              guint64         *rows);
/* The share of the file read, from 0 to 1; -1 when its size is unknown. */
double           mc_load_progress_get_fraction (McLoadProgress *progress);
char            *mc_load_progress_describe   (McLoadProgress  *progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McLoadProgress, mc_load_progress_free)

G_END_DECLS
