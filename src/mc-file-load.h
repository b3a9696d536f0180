/* mc-file-load.h: a file being opened, which a person can watch and
 * cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-load-progress.h"

G_BEGIN_DECLS

#define MC_TYPE_FILE_LOAD (mc_file_load_get_type ())
G_DECLARE_FINAL_TYPE (McFileLoad, mc_file_load, MC, FILE_LOAD, GObject)

/* The loader counts its progress from its thread; anyone reads it. Emits
 * ::cancelled (once) when cancelled. */
McFileLoad      *mc_file_load_new              (GFile       *file);
GFile           *mc_file_load_get_file         (McFileLoad  *self);
McLoadProgress  *mc_file_load_get_progress     (McFileLoad  *self);
GCancellable    *mc_file_load_get_cancellable  (McFileLoad  *self);
/* Microseconds since it started. */
gint64           mc_file_load_get_elapsed      (McFileLoad  *self);
void             mc_file_load_cancel           (McFileLoad  *self);

G_END_DECLS
