/* main.c: the market-charts program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mc-allocator.h"
#include "mc-cli.h"
#include "mc-timing.h"
#include "mc-ui-module.h"

/* Next to the program in a build tree, else where it is installed. */
static char *
find_ui_module (void)
{
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);

  if (program != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (program);
      g_autofree char *path = g_build_filename (dir, MC_UI_MODULE_NAME, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  return g_build_filename (MC_UI_MODULE_DIR, MC_UI_MODULE_NAME, NULL);
}

/* Loads the window's module (with GTK) and hands it the command line. */
static int
run_application (int    argc,
                 char **argv)
{
  g_autofree char *path = find_ui_module ();
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);
  McUiMainFunc ui_main = NULL;

  if (module == NULL ||
      !g_module_symbol (module, MC_UI_MAIN_SYMBOL, (gpointer *) &ui_main))
    {
      g_printerr (_("%s: cannot load the window: %s\n"), g_get_prgname (), g_module_error ());
      return 1;
    }

  /* The module stays loaded until the process exits. */
  mc_timing_event ("ui-module-loaded");
  return ui_main (argc, argv);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("MC_LOCALEDIR");
  int status;

  /* MC_LOCALEDIR points an uninstalled build at its own translations:
   * meson compiles them into <builddir>/po/LANG/LC_MESSAGES. */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  mc_allocator_keep_large_blocks ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Market Charts"));
  mc_timing_event ("main");

  /* Exports, checks and lists run here, without GTK. */
  status = mc_cli_main (argc, argv);
  if (status >= 0)
    return status;

  return run_application (argc, argv);
}
