/* render.c: how long the chart's own render takes, without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   render FILE.csv|FILE.json [--size WIDTHxHEIGHT] [--runs N]
 *
 * Loads the file, makes the model of its first chart, and renders it
 * again and again into an image the size of the chart view, as the view
 * renders a long chart: no display, no frame around it. What "render"
 * in bench/redraw is, apart from the frame's floor under Xvfb, and
 * which valgrind --tool=callgrind can count in instructions, whatever
 * else the machine is doing (a few runs are enough there).
 *
 * It prints the median and the least of the renders' wall times, in
 * milliseconds.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "mc-allocator.h"
#include "mc-chart-model.h"
#include "mc-loader.h"
#include "mc-marks.h"
#include "mc-render.h"

static int
compare_durations (gconstpointer a,
                   gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* One render of @chart into a new image, as the chart view makes one:
 * its wall time in microseconds. */
static gint64
time_render (McChartModel  *chart,
             const McTheme *theme,
             int            width,
             int            height)
{
  g_auto(McViewOptions) view = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  McMarks *marks;
  gint64 started = g_get_monotonic_time (), ended;

  mc_view_options_init (&view);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  marks = mc_chart_render (chart, &view, cr, width, height, theme);
  cairo_destroy (cr);
  ended = g_get_monotonic_time ();
  mc_marks_unref (marks);
  cairo_surface_destroy (surface);
  return ended - started;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(McChartModel) chart = NULL;
  g_autoptr(McTheme) theme = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree gint64 *durations = NULL;
  g_autofree char *size = NULL;
  int runs = 40, width = 1200, height = 800;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "Chart size (default 1200x800)", "WxH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Renders (default 40)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("render: %s\n", error != NULL ? error->message : "which file?");
      return 2;
    }
  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    {
      g_printerr ("render: bad size %s\n", size);
      return 2;
    }
  runs = CLAMP (runs, 1, 10000);
  /* As the program does, before any large block. */
  mc_allocator_keep_large_blocks ();

  file = g_file_new_for_commandline_arg (argv[1]);
  dataset = mc_loader_load_file (file, NULL, &error);
  if (dataset != NULL)
    chart = mc_chart_model_new (dataset, mc_dataset_get_chart (dataset, 0), &error);
  if (chart == NULL)
    {
      g_printerr ("render: %s\n", error->message);
      return 1;
    }
  theme = mc_theme_new (MC_THEME_LIGHT);
  durations = g_new (gint64, runs);
  for (int i = 0; i < runs; i++)
    durations[i] = time_render (chart, theme, width, height);
  qsort (durations, runs, sizeof (gint64), compare_durations);
  g_print ("%u rows, chart %d x %d px: render median %.3f ms, least %.3f ms (%d runs)\n",
           mc_dataset_get_n_rows (dataset), width, height, durations[runs / 2] / 1000.0,
           durations[0] / 1000.0, runs);
  return 0;
}
