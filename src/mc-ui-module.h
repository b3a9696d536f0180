/* mc-ui-module.h: the window, in a module the program loads on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gmodule.h>

G_BEGIN_DECLS

/* The module's file name; it is installed in MC_UI_MODULE_DIR and built
 * next to the program. */
#define MC_UI_MODULE_NAME "market-charts-ui." G_MODULE_SUFFIX

#define MC_UI_MAIN_SYMBOL "mc_ui_main"

typedef int (*McUiMainFunc) (int    argc,
                             char **argv);

/* Runs the application (the window) on the command line; returns the
 * exit status. */
G_MODULE_EXPORT int  mc_ui_main  (int    argc,
                                  char **argv);

G_END_DECLS
