/* main.c: the market-charts program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mc-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(McApplication) app = NULL;
  const char *localedir = g_getenv ("MC_LOCALEDIR");

  /* MC_LOCALEDIR points an uninstalled build at its own translations:
   * meson compiles them into <builddir>/po/LANG/LC_MESSAGES. */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Market Charts"));

  app = mc_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
