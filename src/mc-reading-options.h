/* mc-reading-options.h: how to read a file that opened badly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-load-options.h"

G_BEGIN_DECLS

#define MC_TYPE_READING_OPTIONS (mc_reading_options_get_type ())
G_DECLARE_FINAL_TYPE (McReadingOptions, mc_reading_options, MC, READING_OPTIONS, AdwWindow)

/* A dialog to change how @file is read, showing @options (nullable).
 * Reload emits ::apply (the file, and the McLoadOptions chosen) and
 * closes the dialog. */
McReadingOptions  *mc_reading_options_new          (GtkWindow            *parent,
                                                    GFile                *file,
                                                    const McLoadOptions  *options);
GFile             *mc_reading_options_get_file     (McReadingOptions     *self);
/* (transfer full): the options as the dialog shows them */
McLoadOptions     *mc_reading_options_get_options  (McReadingOptions     *self);
void               mc_reading_options_set_options  (McReadingOptions     *self,
                                                    const McLoadOptions  *options);

G_END_DECLS
