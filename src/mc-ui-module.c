/* mc-ui-module.c: the window, in a module the program loads on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line modes (export, check, list) need only the core: the
 * program runs them without loading GTK and libadwaita, whose dynamic
 * linking alone takes longer than a small export. Everything the window
 * needs is in this module, which main.c loads when a window is to open.
 */
#include "config.h"

#include "mc-ui-module.h"

#include "mc-application.h"

int
mc_ui_main (int    argc,
            char **argv)
{
  g_autoptr(McApplication) app = mc_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
