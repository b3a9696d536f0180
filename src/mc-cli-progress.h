/* mc-cli-progress.h: long work on the command line, shown on a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-loader.h"

G_BEGIN_DECLS

/* Same as mc_loader_load_file_with_options(); on a terminal, a load that
 * takes longer than a quarter of a second says how far it has come on
 * stderr, on one line that it clears when done. Piped, it says nothing. */
McDataset  *mc_cli_progress_load   (GFile                *file,
                                    const McLoadOptions  *options,
                                    GError              **error);
/* On a terminal, "Exporting 3 of 7 charts: revenue" on that line. */
void        mc_cli_progress_step   (guint                 done,
                                    guint                 total,
                                    const char           *what);
/* Clears the line of mc_cli_progress_step(). */
void        mc_cli_progress_end    (void);

G_END_DECLS
