/* redraw.c: how long one redraw of a long line chart takes in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   redraw [FILE.csv|FILE.json] [--size WIDTHxHEIGHT] [--runs N]
 *
 * Shows the chart view in a window (a display is needed: run it under
 * Xvfb, with GSK_RENDERER=cairo for stable numbers) and times redraws of
 * the whole chart, three kinds:
 *
 *   cached  the view's snapshot, which keeps the chart's render node, and
 *           all of that node drawn into an image the size of the view, as
 *           the cairo renderer paints a window: what a full repaint costs
 *           when the chart has not changed (an expose, say);
 *   frame   a frame after gtk_widget_queue_draw() on the view: GTK finds
 *           that nothing changed and repaints nothing;
 *   full    a frame after mc_chart_view_invalidate(): the renderer draws
 *           the whole chart again and GSK paints it (a resize, a theme
 *           change);
 *   zoom    the frames of a zoom gesture: twenty steps in towards the
 *           middle, twenty out again, each drawn at once;
 *   pan     the frames of a pan gesture across the zoomed chart;
 *   edit    a cell of the chart's first value column, in a row it draws,
 *           changed through its document (which checks that every chart
 *           can still be drawn), a new chart model made and drawn, as
 *           the window does on every edit: the edit and the new model,
 *           then the frame (not the wait for the frame clock's next tick
 *           between them, up to a display refresh); "work" is the part
 *           before the frame;
 *   floor   a drawing area of the chart's size in its place, which paints
 *           an image made once, as the view paints a long chart: what
 *           GTK takes to show a new image of that size, however fast the
 *           chart is drawn.
 * Frames are timed from the frame clock's "before-paint" to
 * "after-paint", in wall time and in the CPU time of the thread that
 * draws them (which another program's load does not stretch; the long
 * line's rasteriser lends part of its work to other threads, which it
 * leaves out); "render" is the part of the frame's wall time the chart
 * view spent rendering the chart, the rest is GTK's (layout, and
 * painting the window: with the cairo renderer on X11, sending the
 * window's pixels to the X server). A chart of fewer rows than the view
 * draws as an image (MC_MAX_VECTOR_ROWS) renders to drawing commands,
 * which GTK rasterises when it paints: its "render" leaves that out.
 *
 * Without a file it draws a random walk of a million points. It prints
 * the median and the range of each kind, in milliseconds, and how many
 * times the chart was rendered, to show which kind each was.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>
#include <time.h>

#include "mc-allocator.h"
#include "mc-chart-kind.h"
#include "mc-chart-view.h"
#include "mc-display-image.h"
#include "mc-document.h"
#include "mc-loader.h"
#include "mc-transform.h"

#define DEFAULT_POINTS 1000000
#define WAIT_SECONDS 20

typedef struct
{
  gint64   work;              /* what the step took before the frame, if anything */
  gint64   work_cpu;
  gint64   before_paint;
  gint64   before_paint_cpu;
  gint64   duration;
  gint64   cpu;
  gboolean painted;
} Frame;

/* The CPU time of this thread, in microseconds. */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
on_before_paint (GdkFrameClock *clock,
                 Frame         *frame)
{
  frame->before_paint = g_get_monotonic_time ();
  frame->before_paint_cpu = thread_cpu_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frame         *frame)
{
  if (frame->before_paint == 0)
    return;
  frame->duration = frame->work + g_get_monotonic_time () - frame->before_paint;
  frame->cpu = frame->work_cpu + thread_cpu_time () - frame->before_paint_cpu;
  frame->painted = TRUE;
}

static McDataset *
random_walk (guint n)
{
  McDataset *dataset = mc_dataset_new ("walk");
  McColumn *day = mc_column_new ("day", "Day", MC_COLUMN_NUMBER);
  McColumn *price = mc_column_new ("price", "Price", MC_COLUMN_NUMBER);
  g_autoptr(McChartSpec) spec = NULL;
  GRand *rand = g_rand_new_with_seed (n);
  double value = 100;

  for (guint i = 0; i < n; i++)
    {
      value = MAX (1.0, value + g_rand_double_range (rand, -1.7, 1.7));
      mc_column_append_value (day, i);
      mc_column_append_value (price, value);
    }
  mc_dataset_add_column (dataset, day);
  mc_dataset_add_column (dataset, price);
  spec = mc_chart_spec_new ("walk", "line");
  mc_chart_spec_set_title (spec, "Random walk");
  mc_chart_spec_set_string (spec, "x", "day");
  mc_chart_spec_set_strv (spec, "y", (const char *[]) { "price", NULL });
  mc_dataset_add_chart (dataset, g_steal_pointer (&spec));
  g_rand_free (rand);
  return dataset;
}

static gboolean
wait_for (gboolean (*done) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

static gboolean
frame_painted (gpointer data)
{
  return ((Frame *) data)->painted;
}

static gboolean
view_drawn (gpointer data)
{
  McChartView *view = data;

  return gtk_widget_get_width (GTK_WIDGET (view)) > 0 && mc_chart_view_get_n_renders (view) > 0;
}

static int
compare_durations (gconstpointer a,
                   gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
print_times (const char *label,
             gint64     *durations,
             gint64     *cpu,
             gint64     *render,
             guint       runs,
             guint       renders)
{
  qsort (durations, runs, sizeof (gint64), compare_durations);
  qsort (cpu, runs, sizeof (gint64), compare_durations);
  qsort (render, runs, sizeof (gint64), compare_durations);
  g_print ("redraw %-6s median %7.2f ms  min %7.2f  max %7.2f  cpu median %7.2f  max %7.2f"
           "  render median %7.2f  max %7.2f  (%u runs, %u chart renders)\n",
           label, durations[runs / 2] / 1000.0, durations[0] / 1000.0,
           durations[runs - 1] / 1000.0, cpu[runs / 2] / 1000.0, cpu[runs - 1] / 1000.0,
           render[runs / 2] / 1000.0, render[runs - 1] / 1000.0, runs, renders);
}

typedef enum
{
  STEP_QUEUE_DRAW,
  STEP_INVALIDATE,
  STEP_ZOOM,
  STEP_PAN,
  STEP_EDIT,
} Step;

/* The column of values the chart draws: its first "y", or the closing
 * prices of candles. */
static const char *
drawn_column (const McChartSpec *spec)
{
  g_autofree const char **ys = mc_chart_spec_get_strv (spec, "y");

  if (ys != NULL && ys[0] != NULL)
    return ys[0];
  if (mc_chart_spec_get_string (spec, "y") != NULL)
    return mc_chart_spec_get_string (spec, "y");
  return mc_chart_spec_get_string (spec, "close");
}

/* What the document's last edit changed, as the window hears it. */
static McChange last_change;

static void
keep_change (McDocument     *document,
             const McChange *change,
             gpointer        user_data)
{
  last_change = *change;
}

/* An edit of one cell of @document's dataset, and the chart made again
 * from it and the chart shown, as the window does. */
static void
edit_cell (McChartView *view,
           McDocument  *document,
           guint        i)
{
  McDataset *dataset = mc_document_get_dataset (document);
  const McChartSpec *spec = mc_dataset_get_chart (dataset, 0);
  const char *column = drawn_column (spec);
  guint n_rows = mc_dataset_get_n_rows (dataset);
  g_autoptr(McChartModel) chart = NULL;
  g_autoptr(McEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  const char *low = mc_chart_spec_get_string (spec, "low");
  const char *high = mc_chart_spec_get_string (spec, "high");
  g_autoptr(McRowFilter) filter = mc_row_filter_new (spec, dataset);
  guint row = (i * 7919) % n_rows;
  double value = 100 + i;

  if (column == NULL)
    g_error ("redraw: the chart draws no column of values to edit");
  /* A row the chart draws, of a chart of some rows */
  for (guint k = 0; k < n_rows && !mc_row_filter_keeps (filter, row); k++)
    row = (row + 1) % n_rows;
  /* A close must stay within the candle's low and high. */
  if (low != NULL && high != NULL)
    value = (mc_column_get_value (mc_dataset_lookup_column (dataset, low), row)
             + mc_column_get_value (mc_dataset_lookup_column (dataset, high), row)) / 2 + i * 1e-6;
  edit = mc_edit_new_set_value (row, column, value);
  if (!mc_document_apply (document, edit, &error))
    g_error ("redraw: %s", error->message);
  chart = mc_chart_model_new_edited (mc_chart_view_get_chart (view), dataset, spec, &last_change,
                                     &error);
  if (chart == NULL)
    g_error ("redraw: %s", error->message);
  mc_chart_view_set_chart (view, chart);
}

/* One step of a kind of redraw: zooming in for the first half of the
 * runs and out for the second, panning right then left. */
static void
take_step (McChartView *view,
           McDocument  *document,
           Step         step,
           guint        i,
           guint        runs)
{
  double middle = gtk_widget_get_width (GTK_WIDGET (view)) / 2.0;
  gboolean first_half = i < runs / 2;

  switch (step)
    {
    case STEP_QUEUE_DRAW:
      gtk_widget_queue_draw (GTK_WIDGET (view));
      break;
    case STEP_INVALIDATE:
      mc_chart_view_invalidate (view);
      break;
    case STEP_ZOOM:
      mc_chart_view_zoom (view, first_half ? 1.25 : 0.8, middle);
      break;
    case STEP_PAN:
      mc_chart_view_pan (view, first_half ? 25 : -25);
      break;
    case STEP_EDIT:
    default:
      edit_cell (view, document, i);
      break;
    }
}

/* Times @runs redraws, each after a step of @step. */
static gboolean
time_redraws (McChartView *view,
              McDocument  *document,
              Frame       *frame,
              Step         step,
              guint        runs,
              const char  *label)
{
  g_autofree gint64 *durations = g_new (gint64, runs);
  g_autofree gint64 *cpu = g_new (gint64, runs);
  g_autofree gint64 *render = g_new (gint64, runs);
  g_autofree gint64 *work = g_new (gint64, runs);
  guint renders = mc_chart_view_get_n_renders (view);

  for (guint i = 0; i < runs; i++)
    {
      gint64 render_before = mc_chart_view_get_render_time (view);

      gint64 started = g_get_monotonic_time (), started_cpu = thread_cpu_time ();

      *frame = (Frame) { 0 };
      take_step (view, document, step, i, runs);
      /* An edit's work before the frame counts; the wait for the frame
       * clock's next tick does not. */
      if (step == STEP_EDIT)
        {
          frame->work = g_get_monotonic_time () - started;
          frame->work_cpu = thread_cpu_time () - started_cpu;
        }
      if (!wait_for (frame_painted, frame))
        return FALSE;
      durations[i] = frame->duration;
      cpu[i] = frame->cpu;
      render[i] = mc_chart_view_get_render_time (view) - render_before;
      work[i] = frame->work;
    }
  print_times (label, durations, cpu, render, runs, mc_chart_view_get_n_renders (view) - renders);
  if (step == STEP_EDIT)
    {
      qsort (work, runs, sizeof (gint64), compare_durations);
      g_print ("redraw %-6s median %7.2f ms  min %7.2f  max %7.2f  (the edit and the new model "
               "before the frame, part of \"edit\")\n", "work", work[runs / 2] / 1000.0,
               work[0] / 1000.0, work[runs - 1] / 1000.0);
    }
  return TRUE;
}

/* The floor: a new node painting a ready image, every frame. */
static void
paint_image (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        image)
{
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
}

static gboolean
time_floor (GtkWidget *window,
            GtkWidget *view,
            Frame     *frame,
            guint      runs)
{
  int width = gtk_widget_get_width (view), height = gtk_widget_get_height (view);
  int scale = gtk_widget_get_scale_factor (view);
  g_autofree gint64 *durations = g_new (gint64, runs);
  g_autofree gint64 *cpu = g_new0 (gint64, runs);
  g_autofree gint64 *render = g_new0 (gint64, runs);
  /* The kind of image the view paints a long chart from. */
  cairo_surface_t *image = mc_display_image_new (view, width * scale, height * scale);
  GtkWidget *area = gtk_drawing_area_new ();
  cairo_t *cr = cairo_create (image);

  /* Any picture: a grey ramp. */
  for (int x = 0; x < width * scale; x += 4)
    {
      cairo_set_source_rgb (cr, x / (double) (width * scale), 0.5, 0.5);
      cairo_rectangle (cr, x, 0, 4, height * scale);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_surface_set_device_scale (image, scale, scale);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), paint_image, image, NULL);
  gtk_window_set_child (GTK_WINDOW (window), area);
  for (guint i = 0; i < runs + 1; i++)
    {
      *frame = (Frame) { 0 };
      gtk_widget_queue_draw (area);
      if (!wait_for (frame_painted, frame))
        {
          cairo_surface_destroy (image);
          return FALSE;
        }
      /* The first frame also lays the area out. */
      if (i > 0)
        {
          durations[i - 1] = frame->duration;
          cpu[i - 1] = frame->cpu;
        }
    }
  print_times ("floor", durations, cpu, render, runs, 0);
  cairo_surface_destroy (image);
  return TRUE;
}

/* Snapshots the view (its cached node) and draws all of it. */
static gboolean
time_cached_repaints (GtkWidget *view,
                      guint      runs)
{
  g_autofree gint64 *durations = g_new (gint64, runs);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (view);
  int width = gtk_widget_get_width (view), height = gtk_widget_get_height (view);
  int scale = gtk_widget_get_scale_factor (view);
  guint renders = mc_chart_view_get_n_renders (MC_CHART_VIEW (view));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         width * scale, height * scale);

  cairo_surface_set_device_scale (surface, scale, scale);
  for (guint i = 0; i < runs; i++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      gint64 start = g_get_monotonic_time ();
      cairo_t *cr;

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        {
          cairo_surface_destroy (surface);
          return FALSE;
        }
      cr = cairo_create (surface);
      gsk_render_node_draw (node, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      durations[i] = g_get_monotonic_time () - start;
    }
  cairo_surface_destroy (surface);
  qsort (durations, runs, sizeof (gint64), compare_durations);
  g_print ("redraw %-6s median %7.2f ms  min %7.2f  max %7.2f  (%u runs, %u chart renders)\n",
           "cached", durations[runs / 2] / 1000.0, durations[0] / 1000.0,
           durations[runs - 1] / 1000.0, runs,
           mc_chart_view_get_n_renders (MC_CHART_VIEW (view)) - renders);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(McChartModel) chart = NULL;
  g_autoptr(McDocument) document = NULL;
  g_autofree char *size = NULL;
  int runs = 15;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "Window size (default 1200x800)", "WxH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Redraws of each kind (default 15)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[FILE]");
  int width = 1200, height = 800;
  GtkWidget *window, *view;
  GdkFrameClock *clock;
  Frame frame = { 0 };
  gboolean ok;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("redraw: %s\n", error->message);
      return 2;
    }
  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    {
      g_printerr ("redraw: bad size %s\n", size);
      return 2;
    }
  runs = CLAMP (runs, 1, 1000);
  /* As the program does, before any large block. */
  mc_allocator_keep_large_blocks ();
  if (!gtk_init_check ())
    {
      g_printerr ("redraw: no display (run it under xvfb-run)\n");
      return 77;
    }

  if (argc > 1)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

      dataset = mc_loader_load_file (file, NULL, &error);
    }
  else
    dataset = random_walk (DEFAULT_POINTS);
  if (dataset == NULL)
    {
      g_printerr ("redraw: %s\n", error->message);
      return 1;
    }
  chart = mc_chart_model_new (dataset, mc_dataset_get_chart (dataset, 0), &error);
  if (chart == NULL)
    {
      g_printerr ("redraw: %s\n", error->message);
      return 1;
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  view = mc_chart_view_new ();
  mc_chart_view_set_chart (MC_CHART_VIEW (view), chart);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  if (!wait_for (view_drawn, view))
    {
      g_printerr ("redraw: the chart was never drawn\n");
      return 1;
    }

  clock = gtk_widget_get_frame_clock (view);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &frame);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint), &frame);
  g_print ("%u points, chart %d x %d px, renderer %s\n",
           mc_dataset_get_n_rows (dataset),
           gtk_widget_get_width (view), gtk_widget_get_height (view),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  document = mc_document_new (dataset);
  /* As the window's documents: an edit that would break a chart is
   * refused, which checks every chart after each edit. */
  mc_document_set_check (document, mc_chart_check_document);
  g_signal_connect (document, "changed", G_CALLBACK (keep_change), NULL);
  ok = time_cached_repaints (view, runs)
       && time_redraws (MC_CHART_VIEW (view), document, &frame, STEP_QUEUE_DRAW, runs, "frame")
       && time_redraws (MC_CHART_VIEW (view), document, &frame, STEP_INVALIDATE, runs, "full")
       && time_redraws (MC_CHART_VIEW (view), document, &frame, STEP_ZOOM, 40, "zoom");
  /* Panned in the middle of the zoom: half way in, drawn before the
   * first pan, which would otherwise render outside its frame. */
  for (guint i = 0; ok && i < 10; i++)
    mc_chart_view_zoom (MC_CHART_VIEW (view), 1.25, width / 2.0);
  frame = (Frame) { 0 };
  ok = ok && wait_for (frame_painted, &frame);
  ok = ok && time_redraws (MC_CHART_VIEW (view), document, &frame, STEP_PAN, 40, "pan");
  mc_chart_view_reset_zoom (MC_CHART_VIEW (view));
  ok = ok && time_redraws (MC_CHART_VIEW (view), document, &frame, STEP_EDIT, runs, "edit");
  ok = ok && time_floor (window, view, &frame, runs);
  gtk_window_destroy (GTK_WINDOW (window));
  if (!ok)
    {
      g_printerr ("redraw: a frame was never painted\n");
      return 1;
    }
  return 0;
}
