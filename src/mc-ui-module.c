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
#include "mc-timing.h"

/* MC_DEBUG_TIMING: the steps to the first window, for bench.py --window. */
static void
log_event (GApplication *app,
           gpointer      user_data)
{
  mc_timing_event (user_data);
}

static void
log_open (GApplication  *app,
          GFile        **files,
          int            n_files,
          const char    *hint,
          gpointer       user_data)
{
  mc_timing_event ("open");
}

/* With the cairo renderer forced (GSK_RENDERER=cairo, as on remote
 * displays, in virtual machines and in tests), nothing draws with GL, yet
 * GTK 4.8 loads the GL driver when it opens an X11 display: with Mesa's
 * software rasteriser that is about 60 MB and a sixth of a second before
 * the first frame. GDK is told to leave GL alone then. */
static void
skip_unused_gl (void)
{
#if GTK_CHECK_VERSION (4, 16, 0)
  const char *variable = "GDK_DISABLE";
  const char *flag = "gl";
#else
  const char *variable = "GDK_DEBUG";
  const char *flag = "gl-disable";
#endif
  const char *value = g_getenv (variable);
  g_autofree char *flags = NULL;

  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") != 0)
    return;
  if (value == NULL || *value == '\0')
    flags = g_strdup (flag);
  else
    flags = g_strconcat (value, ",", flag, NULL);
  g_setenv (variable, flags, TRUE);
}

int
mc_ui_main (int    argc,
            char **argv)
{
  g_autoptr(McApplication) app = NULL;

  skip_unused_gl ();
  app = mc_application_new ();

  if (mc_timing_enabled ())
    {
      g_signal_connect_after (app, "startup", G_CALLBACK (log_event), (gpointer) "startup");
      g_signal_connect_after (app, "activate", G_CALLBACK (log_event), (gpointer) "activate");
      g_signal_connect_after (app, "open", G_CALLBACK (log_open), NULL);
    }
  return g_application_run (G_APPLICATION (app), argc, argv);
}
