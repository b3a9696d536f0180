/* mc-test-view.c: a chart as a view shows it, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-test-view.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#include "mc-bundled.h"
#include "mc-marks-private.h"

static void
options_free (gpointer data)
{
  McViewOptions *options = data;

  mc_view_options_clear (options);
  g_free (options);
}

McViewOptions *
mc_test_view_options (McChartModel *chart)
{
  McViewOptions *options = g_object_get_data (G_OBJECT (chart), "mc-test-view-options");

  if (options == NULL)
    {
      options = g_new0 (McViewOptions, 1);
      mc_view_options_init (options);
      g_object_set_data_full (G_OBJECT (chart), "mc-test-view-options", options, options_free);
    }
  return options;
}

McMarks *
mc_test_view_render (McChartModel  *chart,
                     cairo_t       *cr,
                     double         width,
                     double         height,
                     const McTheme *theme)
{
  McMarks *marks = mc_chart_render (chart, mc_test_view_options (chart), cr, width, height,
                                                                 theme);

  g_object_set_data_full (G_OBJECT (chart), "mc-test-view-marks", marks,
                          (GDestroyNotify) mc_marks_unref);
  return marks;
}

McMarks *
mc_test_view_marks (McChartModel *chart)
{
  return g_object_get_data (G_OBJECT (chart), "mc-test-view-marks");
}

McDataset *
mc_test_bundled (const char *id)
{
  g_autoptr(GError) error = NULL;
  McDataset *dataset = mc_bundled_lookup (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

McChartModel *
mc_test_bundled_chart (McDataset  *dataset,
                       const char *chart_id)
{
  g_autoptr(GError) error = NULL;
  const McChartSpec *spec = mc_dataset_lookup_chart (dataset, chart_id);
  McChartModel *chart;

  g_assert_nonnull (spec);
  chart = mc_chart_model_new (dataset, spec, &error);
  g_assert_no_error (error);
  return chart;
}

/* @columns: ids separated by commas */
void
mc_test_set_columns (McChartSpec *spec,
                     const char  *key,
                     const char  *columns)
{
  g_auto(GStrv) ids = g_strsplit (columns, ",", -1);

  mc_chart_spec_set_strv (spec, key, (const char * const *) ids);
}

McChartSpec *
mc_test_spec_new (const char *id,
                  const char *type,
                  const char *x,
                  const char *y)
{
  McChartSpec *spec = mc_chart_spec_new (id, type);

  mc_chart_spec_set_title (spec, id);
  mc_chart_spec_set_string (spec, "x", x);
  mc_test_set_columns (spec, "y", y);
  return spec;
}

cairo_surface_t *
mc_test_render_image (McChartModel *chart,
                      double        width,
                      double        height,
                      double        scale,
                      gboolean      dark)
{
  g_autoptr(McTheme) theme = mc_theme_new (dark ? MC_THEME_DARK : MC_THEME_LIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) ceil (width * scale),
                                                         (int) ceil (height * scale));
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  mc_test_view_render (chart, cr, width, height, theme);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Lays out without rasterising: a recording surface is enough. */
void
mc_test_render_layout (McChartModel *chart,
                       double        width,
                       double        height,
                       gboolean      dark)
{
  g_autoptr(McTheme) theme = mc_theme_new (dark ? MC_THEME_DARK : MC_THEME_LIGHT);
  cairo_rectangle_t extents = { 0, 0, width, height };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (surface);

  mc_test_view_render (chart, cr, width, height, theme);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

const McTextBox *
mc_test_view_find_box (McChartModel *chart,
                       McTextRole    role,
                       const char   *text)
{
  guint n;
  const McTextBox *boxes = mc_marks_get_text_boxes (mc_test_view_marks (chart), &n);

  for (guint i = 0; i < n; i++)
    if (boxes[i].role == role && (text == NULL || g_strcmp0 (boxes[i].text, text) == 0))
      return &boxes[i];
  return NULL;
}

guint
mc_test_view_count_boxes (McChartModel *chart,
                          McTextRole    role)
{
  guint n, count = 0;
  const McTextBox *boxes = mc_marks_get_text_boxes (mc_test_view_marks (chart), &n);

  for (guint i = 0; i < n; i++)
    count += boxes[i].role == role;
  return count;
}

cairo_surface_t *
mc_test_view_draw (McChartModel *chart,
                   int           width,
                   int           height)
{
  return mc_test_render_image (chart, width, height, 1, FALSE);
}

static gboolean
box_inside (const McTextBox *box,
            const McRect    *plot)
{
  double x0, y0, x1, y1;

  mc_text_box_get_bounds (box, &x0, &y0, &x1, &y1);
  return x0 >= plot->x - 0.5 && y0 >= plot->y - 0.5 && x1 <= plot->x + plot->width + 0.5
         && y1 <= plot->y + plot->height + 0.5;
}

/* An annotation's label stays inside the plot, off its edges; in small
 * multiples, inside the plot of one panel. */
static void
check_inside (const McTextBox *box,
              McMarks         *marks,
              const char      *what)
{
  const McRect *plot = &marks->annotation_area;
  double x0, y0, x1, y1;

  for (guint p = 0; marks->panels != NULL && p < marks->panels->len; p++)
    if (box_inside (box, &g_array_index (marks->panels, McAxes, p).plot))
      return;
  if (marks->panels == NULL && box_inside (box, plot))
    return;
  mc_text_box_get_bounds (box, &x0, &y0, &x1, &y1);
  g_error ("%s: the annotation “%s” (%g,%g)-(%g,%g) leaves the plot (%g,%g %gx%g)", what,
           box->text, x0, y0, x1, y1, plot->x, plot->y, plot->width, plot->height);
}

/* Whether value labels @a and @b side by side are closer than half an
 * em, where they would read as one ("USD 50 bn USD 50 bn"): a line of
 * text is about 1.2 em, so half an em is over 0.4 of the smaller line.
 * (Values one above the other, such as the rows of a pie's key, are
 * lines of a table.) */
static gboolean
value_labels_crowd (const McTextBox *a,
                    const McTextBox *b)
{
  McTextBox grown = *a;
  double gap = 0.4 * MIN (a->height, b->height);

  if (a->role != MC_TEXT_VALUE_LABEL || b->role != MC_TEXT_VALUE_LABEL
      || a->angle != 0 || b->angle != 0
      || a->y >= b->y + b->height || b->y >= a->y + a->height)
    return FALSE;
  grown.x -= gap;
  grown.width += 2 * gap;
  return mc_text_box_overlaps (&grown, b);
}

/* Labels under an axis keep the outer padding, as the title does (it
 * stands in the top left corner, inside the padding): the first and
 * last, centred on ticks near the plot's ends, are moved inward, not
 * onto the canvas's edges. */
static void
check_x_label_padding (McChartModel    *chart,
                       const McTextBox *box,
                       double           width,
                       const char      *what)
{
  const McTextBox *title = mc_test_view_find_box (chart, MC_TEXT_TITLE, NULL);
  double x0, y0, x1, y1;

  if (title == NULL
      || (box->role != MC_TEXT_TICK_LABEL && box->role != MC_TEXT_CATEGORY_LABEL))
    return;
  mc_text_box_get_bounds (box, &x0, &y0, &x1, &y1);
  if (x0 < title->x - 0.5 || x1 > width - title->x + 0.5)
    g_error ("%s at %g wide: the label “%s” (%g to %g) is in the padding of %g",
             what, width, box->text, x0, x1, title->x);
}

void
mc_test_view_check_texts (McChartModel *chart,
                          double        width,
                          double        height,
                          const char   *what)
{
  guint n;
  const McTextBox *boxes = mc_marks_get_text_boxes (mc_test_view_marks (chart), &n);

  for (guint i = 0; i < n; i++)
    {
      double x0, y0, x1, y1;

      mc_text_box_get_bounds (&boxes[i], &x0, &y0, &x1, &y1);
      if (x0 < -0.5 || y0 < -0.5 || x1 > width + 0.5 || y1 > height + 0.5)
        g_error ("%s at %gx%g: “%s” (%g,%g)-(%g,%g) leaves the canvas",
                 what, width, height, boxes[i].text, x0, y0, x1, y1);
      check_x_label_padding (chart, &boxes[i], width, what);
      for (guint j = i + 1; j < n; j++)
        {
          if (mc_text_box_overlaps (&boxes[i], &boxes[j]))
            g_error ("%s at %gx%g: “%s” overlaps “%s”", what, width, height,
                     boxes[i].text, boxes[j].text);
          if (value_labels_crowd (&boxes[i], &boxes[j]))
            g_error ("%s at %gx%g: the values “%s” and “%s” are less than half an em apart",
                     what, width, height, boxes[i].text, boxes[j].text);
        }
      if (boxes[i].role == MC_TEXT_ANNOTATION)
        check_inside (&boxes[i], mc_test_view_marks (chart), what);
    }
}

/* The texts fit (mc_test_view_check_texts()), and the title and the
 * source are there; the source's last two words are bound, so that it
 * never leaves one word alone on its last line. */
void
mc_test_check_layout (McChartModel *chart,
                      double        width,
                      double        height,
                      const char   *what)
{
  const McTextBox *source = mc_test_view_find_box (chart, MC_TEXT_SOURCE, NULL);
  const char *bound;

  mc_test_view_check_texts (chart, width, height, what);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_TITLE, NULL));
  g_assert_nonnull (source);
  bound = strstr (source->text, "\u00a0");
  if (strchr (source->text, ' ') != NULL || bound != NULL)
    {
      g_assert_nonnull (bound);
      g_assert_null (strchr (bound, ' '));
    }
}

const Size mc_test_layout_sizes[MC_TEST_N_LAYOUT_SIZES] = {
  { 320, 240 }, { 800, 500 }, { 2400, 1500 }, { 333, 517 }, { 1001, 301 },
  { 640, 640 }, { 4000, 3000 }, { 100, 100 }, { 1280, 720 }, { 480, 900 },
};

void
mc_test_check_layouts (McChartModel *chart,
                       const char   *what)
{
  for (guint s = 0; s < MC_TEST_N_LAYOUT_SIZES; s++)
    for (int dark = 0; dark <= 1; dark++)
      {
        const Size *size = &mc_test_layout_sizes[s];

        mc_test_render_layout (chart, size->width, size->height, dark);
        mc_test_check_layout (chart, size->width, size->height, what);
      }
}

/* Golden images */

static char *
resolved_font_family (void)
{
  g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_LIGHT);
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  const char *family_list = mc_theme_get_font_family (theme);
  PangoFontDescription *desc = pango_font_description_from_string (family_list);
  PangoFont *font;
  PangoFontDescription *found;
  char *family;

  pango_font_description_set_absolute_size (desc, 13 * PANGO_SCALE);
  font = pango_font_map_load_font (map, context, desc);
  found = pango_font_describe (font);
  family = g_strdup (pango_font_description_get_family (found));
  pango_font_description_free (found);
  pango_font_description_free (desc);
  g_object_unref (font);
  g_object_unref (context);
  return family;
}

/* Counts pixels whose channels differ by more than a small tolerance. */
static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  int stride_a = cairo_image_surface_get_stride (a), stride_b = cairo_image_surface_get_stride (b);
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  guint count = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      for (int c = 0; c < 4; c++)
        if (abs ((int) da[y * stride_a + 4 * x + c] - (int) db[y * stride_b + 4 * x + c]) > 24)
          {
            count++;
            break;
          }
  return count;
}

static void
compare_golden (McChartModel *chart,
                const char   *name,
                gboolean      update)
{
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", file, NULL);
  cairo_surface_t *rendered = mc_test_render_image (chart, 800, 500, 1, FALSE);
  cairo_surface_t *golden;
  guint differing;

  if (update)
    {
      g_assert_cmpint (cairo_surface_write_to_png (rendered, path), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (rendered);
      return;
    }
  golden = cairo_image_surface_create_from_png (path);
  if (cairo_surface_status (golden) != CAIRO_STATUS_SUCCESS)
    g_error ("cannot read the golden image %s", path);
  g_assert_cmpint (cairo_image_surface_get_width (golden), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (golden), ==, 500);
  differing = count_differences (rendered, golden);
  g_test_message ("%s: %u pixels differ", name, differing);
  /* Font rasterisation may differ slightly between builds of the same
   * font stack; a changed label or mark is far more. */
  if (differing > 40)
    {
      g_autofree char *actual = g_strdup_printf ("%s/%s-actual.png", g_get_tmp_dir (), name);

      cairo_surface_write_to_png (rendered, actual);
      g_error ("%s: %u pixels differ from the golden image; see %s", name, differing, actual);
    }
  cairo_surface_destroy (golden);
  cairo_surface_destroy (rendered);
}

/**
 * mc_test_golden_ready:
 *
 * Whether the golden images were drawn with the font this system
 * draws with (the test is skipped otherwise); with @update, records the
 * font for the images about to be drawn.
 */
gboolean
mc_test_golden_ready (gboolean update)
{
  g_autofree char *font_path = g_test_build_filename (G_TEST_DIST, "golden", "FONT", NULL);
  g_autofree char *expected_font = NULL;
  g_autofree char *font = resolved_font_family ();

  if (update)
    {
      g_autofree char *line = g_strdup_printf ("%s\n", font);

      g_assert_true (g_file_set_contents (font_path, line, -1, NULL));
    }
  g_assert_true (g_file_get_contents (font_path, &expected_font, NULL, NULL));
  g_strstrip (expected_font);
  if (g_strcmp0 (expected_font, font) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("golden images were drawn with %s, this system "
                                                 "draws with %s", expected_font, font);

      g_test_skip (reason);
      return FALSE;
    }
  return TRUE;
}

/* Every chart of @dataset against its golden image, DATASET-CHART.png;
 * with @update, drawn anew. */
void
mc_test_compare_golden_charts (McDataset *dataset,
                               gboolean   update)
{
  for (guint c = 0; c < mc_dataset_get_n_charts (dataset); c++)
    {
      g_autoptr(GError) error = NULL;
      const McChartSpec *spec = mc_dataset_get_chart (dataset, c);
      g_autoptr(McChartModel) chart = mc_chart_model_new (dataset, spec, &error);
      g_autofree char *name = g_strdup_printf ("%s-%s", mc_dataset_get_id (dataset), spec->id);

      g_assert_no_error (error);
      compare_golden (chart, name, update);
    }
}
