/* mc-application.h: the Market Charts application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MC_TYPE_APPLICATION (mc_application_get_type ())
G_DECLARE_FINAL_TYPE (McApplication, mc_application, MC, APPLICATION, AdwApplication)

McApplication  *mc_application_new              (void);

/* The settings, or NULL when their schema is not installed (the program
 * run from its build folder without GSETTINGS_SCHEMA_DIR): nothing is
 * remembered then, and nothing else changes. */
GSettings      *mc_application_create_settings  (void);

G_END_DECLS
