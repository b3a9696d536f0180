/* test-chart-options.c: what a chart editor sets on a chart, as drawn:
 * footnote and source, value labels, the legend's place, the limits of
 * the value axis, chosen colours and the highlight; and changing the
 * kind of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mc-chart-model.h"
#include "mc-hit.h"
#include "mc-loader.h"
#include "mc-render-private.h"
#include "mc-test-data.h"
#include "mc-test-view.h"

/* The chart @id of the dataset, changed by @change when not NULL. */
static McChartModel *
make_chart (McDataset   *dataset,
            const char  *id,
            void       (*change) (McChartSpec *spec))
{
  g_autoptr(McChartSpec) spec = mc_chart_spec_copy (mc_dataset_lookup_chart (dataset, id));
  g_autoptr(GError) error = NULL;
  McChartModel *chart;

  if (change != NULL)
    change (spec);
  chart = mc_chart_model_new (dataset, spec, &error);
  g_assert_no_error (error);
  return chart;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

/* The colour at the middle of @box. */
static void
box_color (cairo_surface_t *surface,
           const McRect    *box,
           McColor         *color)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int x = box->x + box->width / 2;
  int y = box->y + box->height / 2;
  guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);

  *color = (McColor) { ((pixel >> 16) & 0xff) / 255.0, ((pixel >> 8) & 0xff) / 255.0,
                       (pixel & 0xff) / 255.0, 1 };
}

/* The colour at the middle of the first mark of category @category. */
static void
mark_color (McChartModel    *chart,
            cairo_surface_t *surface,
            guint            category,
            McColor         *color)
{
  GArray *marks = mc_test_view_marks (chart)->marks;

  for (guint i = 0; i < marks->len; i++)
    if (g_array_index (marks, McMark, i).point == category)
      {
        box_color (surface, &g_array_index (marks, McMark, i).box, color);
        return;
      }
  g_error ("no mark of category %u", category);
}

static gboolean
colors_close (const McColor *a,
              const McColor *b)
{
  return fabs (a->red - b->red) < 0.02 && fabs (a->green - b->green) < 0.02
         && fabs (a->blue - b->blue) < 0.02;
}

/* Footnote and source */

static void
test_options_footnote (void)
{
  static const int sizes[][2] = { { 320, 240 }, { 800, 500 }, { 2400, 1500 } };
  g_autoptr(McDataset) dataset = mc_test_load_good ("chart-options.json");
  g_autoptr(McChartModel) chart = make_chart (dataset, "bars", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(cairo_surface_t) surface = mc_test_view_draw (chart, sizes[i][0], sizes[i][1]);
      const McTextBox *footnote =
        mc_test_view_find_box (chart, MC_TEXT_FOOTNOTE,
                               "Others: more than 100 smaller\u00a0providers.");
      const McTextBox *source =
        mc_test_view_find_box (chart, MC_TEXT_SOURCE, "Source: Synergy Research, Dec\u00a02024");

      g_assert_nonnull (footnote);
      g_assert_nonnull (source);
      /* Above the source line, at the bottom left. */
      g_assert_cmpfloat (footnote->y + footnote->height, <=, source->y);
      g_assert_cmpfloat (footnote->x, ==, source->x);
      mc_test_view_check_texts (chart, sizes[i][0], sizes[i][1], "footnote");
    }
}

/* A chart's own source replaces the dataset's, without its date. */
static void
test_options_source (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("chart-options.json");
  g_autoptr(McChartModel) chart = make_chart (dataset, "grouped", NULL);
  g_autoptr(cairo_surface_t) surface = mc_test_view_draw (chart, 800, 500);

  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_SOURCE, "Source: Company\u00a0filings"));
  g_assert_null (mc_test_view_find_box (chart, MC_TEXT_FOOTNOTE, NULL));
}

/* Value labels */

static void
no_value_labels (McChartSpec *spec)
{
  mc_chart_spec_set_boolean (spec, "value_labels", FALSE);
}

static void
test_options_value_labels (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("chart-options.json");
  g_autoptr(McChartModel) shown = make_chart (dataset, "bars", NULL);
  g_autoptr(McChartModel) hidden = make_chart (dataset, "bars", no_value_labels);
  g_autoptr(cairo_surface_t) a = mc_test_view_draw (shown, 800, 500);
  g_autoptr(cairo_surface_t) b = mc_test_view_draw (hidden, 800, 500);

  g_assert_nonnull (mc_test_view_find_box (shown, MC_TEXT_VALUE_LABEL, "31%"));
  g_assert_cmpuint (mc_test_view_count_boxes (hidden, MC_TEXT_VALUE_LABEL), ==, 0);
}

/* The legend */

static void
legend_top (McChartSpec *spec)
{
  mc_chart_spec_set_string (spec, "legend", "top");
}

static void
legend_none (McChartSpec *spec)
{
  mc_chart_spec_set_string (spec, "legend", "none");
}

static void
test_options_legend (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("chart-options.json");
  g_autoptr(McChartModel) bottom = make_chart (dataset, "grouped", NULL);
  g_autoptr(McChartModel) top = make_chart (dataset, "grouped", legend_top);
  g_autoptr(McChartModel) none = make_chart (dataset, "grouped", legend_none);
  g_autoptr(cairo_surface_t) a = mc_test_view_draw (bottom, 800, 500);
  g_autoptr(cairo_surface_t) b = mc_test_view_draw (top, 800, 500);
  g_autoptr(cairo_surface_t) c = mc_test_view_draw (none, 800, 500);
  const McTextBox *category = mc_test_view_find_box (bottom, MC_TEXT_CATEGORY_LABEL, "AWS");
  const McTextBox *entry = mc_test_view_find_box (bottom, MC_TEXT_LEGEND, "Share");

  /* Under the category labels, or over the plot. */
  g_assert_nonnull (entry);
  g_assert_cmpfloat (entry->y, >, category->y + category->height);
  entry = mc_test_view_find_box (top, MC_TEXT_LEGEND, "Share");
  g_assert_nonnull (entry);
  g_assert_cmpfloat (entry->y, <, mc_test_view_find_box (top, MC_TEXT_CATEGORY_LABEL, "AWS")->y);
  g_assert_cmpuint (mc_test_view_count_boxes (none, MC_TEXT_LEGEND), ==, 0);
  mc_test_view_check_texts (bottom, 800, 500, "bottom");
}

/* The value axis */

static void
axis_limits (McChartSpec *spec)
{
  mc_chart_spec_set_number (spec, "min", -10);
  mc_chart_spec_set_number (spec, "max", 60);
}

static void
test_options_axis_limits (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("chart-options.json");
  g_autoptr(McChartModel) bars = make_chart (dataset, "bars", NULL);
  g_autoptr(McChartModel) wide = make_chart (dataset, "bars", axis_limits);
  g_autoptr(cairo_surface_t) a = mc_test_view_draw (bars, 800, 500);
  g_autoptr(cairo_surface_t) b = mc_test_view_draw (wide, 800, 500);

  /* "max": 40 ends the axis at 40, though the value labels would like
   * room above 31. */
  g_assert_nonnull (mc_test_view_find_box (bars, MC_TEXT_TICK_LABEL, "40%"));
  g_assert_null (mc_test_view_find_box (bars, MC_TEXT_TICK_LABEL, "50%"));
  g_assert_nonnull (mc_test_view_find_box (wide, MC_TEXT_TICK_LABEL, "−10%"));
  g_assert_nonnull (mc_test_view_find_box (wide, MC_TEXT_TICK_LABEL, "60%"));
}

static void
set_min (McChartSpec *spec,
         double       min)
{
  mc_chart_spec_set_number (spec, "min", min);
}

/* Bars and areas measure from zero: a minimum above zero is refused with
 * the reason; a line may start anywhere. */
static void
test_options_zero_baseline (void)
{
  static const char * const kinds[] = { "bar", "area", "line" };
  g_autoptr(McDataset) dataset = mc_test_load_good ("chart-options.json");

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const McChartSpec *grouped = mc_dataset_lookup_chart (dataset, "grouped");
      g_autoptr(McChartSpec) spec = mc_chart_spec_copy (grouped);
      g_autoptr(GError) error = NULL;
      McSpecProblem problem;

      g_free (spec->type);
      spec->type = g_strdup (kinds[i]);
      mc_chart_spec_set_option (spec, "legend", NULL);
      set_min (spec, 5);
      if (i < 2)
        {
          g_assert_false (mc_chart_spec_check (spec, dataset, &problem, &error));
          g_assert_cmpstr (problem.key, ==, "min");
          g_assert_nonnull (strstr (error->message, "measures from zero"));
        }
      else
        g_assert_true (mc_chart_spec_check (spec, dataset, NULL, NULL));
    }
}

/* Notes on bars */

static void
notes_of_focus (McChartSpec *spec)
{
  mc_chart_spec_set_option (spec, "notes", g_variant_new_string ("focus"));
}

/* A bar's note from the "notes" column stands with its value; notes too
 * long for their bars give way, and the values stay. */
static void
test_options_bar_notes (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("cloud-investment");
  g_autoptr(McChartModel) chart = make_chart (dataset, "investment", NULL);
  g_autoptr(McChartModel) long_notes = make_chart (dataset, "investment", notes_of_focus);

  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_NOTE, "3 years"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_NOTE, "Ongoing"));
  g_assert_cmpuint (mc_test_view_count_boxes (chart, MC_TEXT_NOTE), ==, 5);
  g_assert_cmpuint (mc_test_view_count_boxes (chart, MC_TEXT_VALUE_LABEL), ==, 5);

  mc_test_render_layout (long_notes, 800, 500, FALSE);
  g_assert_cmpuint (mc_test_view_count_boxes (long_notes, MC_TEXT_NOTE), ==, 0);
  g_assert_cmpuint (mc_test_view_count_boxes (long_notes, MC_TEXT_VALUE_LABEL), ==, 5);
  mc_test_check_layouts (long_notes, "investment with long notes");
}

/* "Est." is as large as the axis labels, at the smallest size too. */
static void
test_options_estimate_note (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("alibaba-cloud-revenue");
  g_autoptr(McChartModel) bars = make_chart (dataset, "revenue", NULL);
  const McTextBox *note, *year;

  mc_test_render_layout (bars, 320, 240, FALSE);
  note = mc_test_view_find_box (bars, MC_TEXT_NOTE, "Est.");
  year = mc_test_view_find_box (bars, MC_TEXT_CATEGORY_LABEL, "2024");
  g_assert_nonnull (note);
  g_assert_nonnull (year);
  g_assert_cmpfloat (note->height, >=, year->height);
}

static void
no_other_label (McChartSpec *spec)
{
  mc_chart_spec_set_option (spec, "other_label", NULL);
}

static void
no_total (McChartSpec *spec)
{
  mc_chart_spec_set_option (spec, "total", NULL);
  no_other_label (spec);
}

/* The part of a declared total that no row gives is computed, and its
 * slice says so; a pie without a total has no such slice. */
static void
test_options_computed_rest (void)
{
  g_autoptr(McDataset) dataset = mc_test_bundled ("cloud-investment");
  g_autoptr(McChartModel) rest = make_chart (dataset, "market-share", no_other_label);
  g_autoptr(McChartModel) whole = make_chart (dataset, "market-share", no_total);

  mc_test_render_layout (rest, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (rest, MC_TEXT_LEGEND, "Rest, computed"));
  mc_test_render_layout (whole, 800, 500, FALSE);
  g_assert_null (mc_test_view_find_box (whole, MC_TEXT_LEGEND, "Rest, computed"));
  g_assert_null (mc_test_view_find_box (whole, MC_TEXT_LEGEND, "Other"));
  g_assert_nonnull (mc_test_view_find_box (whole, MC_TEXT_LEGEND, "Alibaba"));
}

/* Values side by side keep half an em apart at every size, or give
 * way: to their short form, then altogether. */
static void
test_options_dense_values (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("dense-values.json");
  g_autoptr(McChartModel) bars = make_chart (dataset, "bars", NULL);

  mc_test_check_layouts (bars, "dense values");
  mc_test_render_layout (bars, 1280, 720, FALSE);
  g_assert_cmpuint (mc_test_view_count_boxes (bars, MC_TEXT_VALUE_LABEL), ==, 8);
}

/* Dollars counted one by one are drawn in billions, chosen once from the
 * values; the dataset keeps them as they are. */
static void
test_options_display_scale (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("raw-dollars.json");
  g_autoptr(McChartModel) bars = make_chart (dataset, "bars", NULL);
  g_autoptr(McChartModel) line = make_chart (dataset, "line", NULL);
  const McColumn *revenue = mc_dataset_lookup_column (dataset, "revenue");

  mc_test_render_layout (bars, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (bars, MC_TEXT_AXIS_TITLE, "Revenue (USD bn)"));
  g_assert_nonnull (mc_test_view_find_box (bars, MC_TEXT_VALUE_LABEL, "USD 3 bn"));
  g_assert_nonnull (mc_test_view_find_box (bars, MC_TEXT_VALUE_LABEL, "7.5"));
  mc_test_render_layout (line, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (line, MC_TEXT_TICK_LABEL, "20"));
  mc_test_render_layout (line, 320, 240, FALSE);
  g_assert_nonnull (mc_test_view_find_box (line, MC_TEXT_AXIS_TITLE, "Revenue (USD bn)"));
  mc_test_check_layouts (bars, "raw dollars");
  g_assert_cmpint (mc_column_get_scale (revenue), ==, MC_SCALE_NONE);
  g_assert_cmpint (mc_column_get_display_scale (revenue), ==, MC_SCALE_NONE);
  g_assert_cmpfloat (mc_column_get_value (revenue, 3), ==, 2e10);
}

/* Bars that each carry their value go without a value axis; one whose
 * spec sets its limits keeps it, and so do bars too narrow for their
 * labels. */
static void
test_options_bars_without_axis (void)
{
  g_autoptr(McDataset) investment = mc_test_bundled ("cloud-investment");
  g_autoptr(McChartModel) labelled = make_chart (investment, "investment", NULL);
  g_autoptr(McDataset) dataset = mc_test_load_good ("chart-options.json");
  g_autoptr(McChartModel) limited = make_chart (dataset, "bars", NULL);
  g_autoptr(McChartModel) unlabelled = make_chart (dataset, "bars", no_value_labels);

  mc_test_render_layout (labelled, 800, 500, FALSE);
  g_assert_cmpuint (mc_test_view_count_boxes (labelled, MC_TEXT_VALUE_LABEL), ==, 5);
  g_assert_cmpuint (mc_test_view_count_boxes (labelled, MC_TEXT_TICK_LABEL), ==, 0);
  g_assert_nonnull (mc_test_view_find_box (labelled, MC_TEXT_VALUE_LABEL, "USD 70 bn"));
  g_assert_nonnull (mc_test_view_find_box (labelled, MC_TEXT_AXIS_TITLE, "Investment (USD bn)"));
  mc_test_render_layout (limited, 800, 500, FALSE);
  g_assert_cmpuint (mc_test_view_count_boxes (limited, MC_TEXT_TICK_LABEL), >=, 3);
  mc_test_render_layout (unlabelled, 800, 500, FALSE);
  g_assert_cmpuint (mc_test_view_count_boxes (unlabelled, MC_TEXT_TICK_LABEL), >=, 3);
}

/* Colours and highlight */

static void
test_options_highlight (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("chart-options.json");
  g_autoptr(McChartModel) bars = make_chart (dataset, "bars", NULL);
  g_autoptr(McChartModel) pie = make_chart (dataset, "pie", NULL);
  g_auto(GStrv) names = mc_chart_model_list_highlight_names (bars);
  g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_LIGHT);
  g_autoptr(cairo_surface_t) surface = mc_test_view_draw (bars, 800, 500);
  McColor grey, drawn, highlighted;
  guint color;

  /* One series of providers: the providers are what can be highlighted. */
  g_assert_cmpstrv (names, ((const char *[]) { "AWS", "Microsoft", "Google", "Alibaba",
                                               "Others", NULL }));
  g_assert_true (mc_chart_model_get_name_color (bars, "Alibaba", &color));
  g_assert_cmpuint (color, !=, MC_THEME_NEUTRAL);
  g_assert_true (mc_chart_model_get_name_color (bars, "AWS", &color));
  g_assert_cmpuint (color, ==, MC_THEME_NEUTRAL);

  /* As drawn: the others grey, Alibaba in its colour. */
  mc_theme_get_color (theme, MC_THEME_NEUTRAL, MC_COLOR_ROLE_FILL, &grey);
  mark_color (bars, surface, 0, &drawn);
  g_assert_true (colors_close (&drawn, &grey));
  mc_chart_model_get_name_color (bars, "Alibaba", &color);
  mc_theme_get_color (theme, color, MC_COLOR_ROLE_FILL, &highlighted);
  mark_color (bars, surface, 3, &drawn);
  g_assert_true (colors_close (&drawn, &highlighted));
  g_assert_false (colors_close (&highlighted, &grey));

  /* Slices too; those highlighted keep their colours. */
  g_assert_true (mc_chart_model_get_name_color (pie, "Google", &color));
  g_assert_cmpuint (color, ==, MC_THEME_NEUTRAL);
  g_assert_true (mc_chart_model_get_name_color (pie, "AWS", &color));
  g_assert_cmpuint (color, !=, MC_THEME_NEUTRAL);
}

static void
highlight_ai (McChartSpec *spec)
{
  const char *names[] = { "AI services", NULL };

  mc_chart_spec_set_option (spec, "highlight", g_variant_new_strv (names, -1));
}

static void
highlight_unknown (McChartSpec *spec)
{
  const char *names[] = { "No such step", NULL };

  mc_chart_spec_set_option (spec, "highlight", g_variant_new_strv (names, -1));
}

/* A waterfall, which colours its rises and falls its own way, greys the
 * steps a highlight leaves out; a highlight of names the chart does not
 * draw leaves it as it is. */
static void
test_options_highlight_steps (void)
{
  g_autoptr(McDataset) dataset = mc_test_load ("forms", "revenue-bridge.json");
  g_autoptr(McChartModel) plain = make_chart (dataset, "bridge", NULL);
  g_autoptr(McChartModel) chosen = make_chart (dataset, "bridge", highlight_ai);
  g_autoptr(McChartModel) unknown = make_chart (dataset, "bridge", highlight_unknown);
  g_autoptr(cairo_surface_t) plain_image = mc_test_view_draw (plain, 800, 500);
  g_autoptr(cairo_surface_t) chosen_image = mc_test_view_draw (chosen, 800, 500);
  g_autoptr(cairo_surface_t) unknown_image = mc_test_view_draw (unknown, 800, 500);
  g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_LIGHT);
  McColor grey, before, after;

  mc_theme_get_color (theme, MC_THEME_NEUTRAL, MC_COLOR_ROLE_FILL, &grey);
  /* Step 1, "Public cloud", a rise: grey once AI services is chosen. */
  mark_color (plain, plain_image, 1, &before);
  mark_color (chosen, chosen_image, 1, &after);
  g_assert_false (colors_close (&before, &grey));
  g_assert_true (colors_close (&after, &grey));
  /* Step 3, "Hybrid cloud", a fall, likewise; step 2 keeps its colour. */
  mark_color (chosen, chosen_image, 3, &after);
  g_assert_true (colors_close (&after, &grey));
  mark_color (plain, plain_image, 2, &before);
  mark_color (chosen, chosen_image, 2, &after);
  g_assert_true (colors_close (&before, &after));
  /* Unknown names: the chart as it was. */
  for (guint step = 1; step <= 3; step++)
    {
      mark_color (plain, plain_image, step, &before);
      mark_color (unknown, unknown_image, step, &after);
      g_assert_true (colors_close (&before, &after));
    }
}

static void
highlight_china (McChartSpec *spec)
{
  const char *names[] = { "China", NULL };

  mc_chart_spec_set_option (spec, "highlight", g_variant_new_strv (names, -1));
}

/* The colour at the centre of the mark named @label. */
static void
named_mark_color (McChartModel    *chart,
                  cairo_surface_t *surface,
                  const char      *label,
                  McColor         *color)
{
  GArray *marks = mc_test_view_marks (chart)->marks;

  for (guint i = 0; i < marks->len; i++)
    if (g_strcmp0 (g_array_index (marks, McMark, i).label, label) == 0)
      {
        box_color (surface, &g_array_index (marks, McMark, i).box, color);
        return;
      }
  g_error ("no mark named %s", label);
}

/* A scatter chart's highlight of a point by its name: China in its
 * colour and named, the other countries grey. */
static void
test_options_highlight_points (void)
{
  g_autoptr(McDataset) dataset = mc_test_load ("forms", "countries.json");
  g_autoptr(McChartModel) dots = make_chart (dataset, "dots", highlight_china);
  g_autoptr(cairo_surface_t) image = mc_test_view_draw (dots, 800, 500);
  g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_LIGHT);
  McColor grey, china, germany;

  mc_theme_get_color (theme, MC_THEME_NEUTRAL, MC_COLOR_ROLE_FILL, &grey);
  named_mark_color (dots, image, "China", &china);
  named_mark_color (dots, image, "Germany", &germany);
  g_assert_false (colors_close (&china, &grey));
  g_assert_true (colors_close (&germany, &grey));
  g_assert_nonnull (mc_test_view_find_box (dots, MC_TEXT_VALUE_LABEL, "China"));
}

static void
test_options_colors (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("chart-options.json");
  g_autoptr(McChartModel) grouped = make_chart (dataset, "grouped", NULL);
  g_auto(GStrv) names = mc_chart_model_list_color_names (grouped);
  guint color, vermillion;

  g_assert_true (mc_theme_color_from_name ("vermillion", &vermillion));
  g_assert_cmpstrv (names, ((const char *[]) { "Share", "Growth", NULL }));
  g_assert_true (mc_chart_model_get_name_color (grouped, "Growth", &color));
  g_assert_cmpuint (color, ==, vermillion);
  g_assert_true (mc_chart_model_get_name_color (grouped, "Share", &color));
  g_assert_cmpuint (color, !=, vermillion);
  g_assert_false (mc_chart_model_get_name_color (grouped, "AWS", &color));
}

static void
growth_blue (McChartSpec *spec)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&builder, "{ss}", "Growth", "blue");
  mc_chart_spec_set_option (spec, "colors", g_variant_builder_end (&builder));
}

/* A chosen colour is the chosen one's alone: the series that had it by
 * default takes another. */
static void
test_options_colors_clash (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("chart-options.json");
  g_autoptr(McChartModel) grouped = make_chart (dataset, "grouped", growth_blue);
  guint growth, share, blue;

  g_assert_true (mc_theme_color_from_name ("blue", &blue));
  g_assert_true (mc_chart_model_get_name_color (grouped, "Growth", &growth));
  g_assert_true (mc_chart_model_get_name_color (grouped, "Share", &share));
  g_assert_cmpuint (growth, ==, blue);
  g_assert_cmpuint (share, !=, blue);
}

/* Changing the kind of a chart */

static void
test_options_fit_kind (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("chart-options.json");
  const McChartSpec *grouped = mc_dataset_lookup_chart (dataset, "grouped");
  g_autoptr(McChartSpec) pie = NULL;
  g_autoptr(McChartSpec) line = NULL;
  g_autoptr(McChartSpec) back = NULL;
  g_autoptr(GError) error = NULL;

  /* A pie shows one column: the first of two; the legend is not a pie's. */
  pie = mc_chart_spec_fit_kind (grouped, "pie", dataset, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pie->type, ==, "pie");
  g_assert_cmpuint (mc_chart_spec_get_strv_length (pie, "y"), ==, 1);
  g_assert_false (mc_chart_spec_has_option (pie, "legend"));
  g_assert_false (mc_chart_spec_has_option (pie, "value_labels"));
  /* What every kind takes stays. */
  g_assert_cmpstr (mc_chart_spec_get_string (pie, "source"), ==, "Company filings");
  g_assert_true (mc_chart_spec_check (pie, dataset, NULL, NULL));

  line = mc_chart_spec_fit_kind (grouped, "line", dataset, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_chart_spec_get_strv_length (line, "y"), ==, 2);
  g_assert_cmpstr (mc_chart_spec_get_string (line, "legend"), ==, "bottom");

  /* A pie without its "x" gets one chosen. */
  mc_chart_spec_set_option (pie, "x", NULL);
  back = mc_chart_spec_fit_kind (pie, "pie", dataset, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_chart_spec_get_string (back, "x"), ==, "provider");
}

/* Negative values cannot make a pie, whatever is cut. */
static void
test_options_fit_kind_refused (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("chart-options.json");
  g_autoptr(McChartSpec) spec = mc_chart_spec_copy (mc_dataset_lookup_chart (dataset, "grouped"));
  g_autoptr(McChartSpec) pie = NULL;
  g_autoptr(GError) error = NULL;
  McColumn *share = mc_dataset_lookup_column (dataset, "share");

  mc_column_set_value (share, 0, -3);
  pie = mc_chart_spec_fit_kind (spec, "pie", dataset, &error);
  g_assert_null (pie);
  g_assert_error (error, MC_CHART_ERROR, MC_CHART_ERROR_NEGATIVE);
}

/* The check a document makes names the chart that would break. */
static void
test_options_check_document (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("chart-options.json");
  g_autoptr(GError) error = NULL;
  McChange change = { MC_CHANGE_COLUMNS, 0, 0, 1, -1 };

  g_assert_true (mc_chart_check_document (dataset, &change, FALSE, NULL));
  mc_column_free (mc_dataset_steal_column (dataset, 2));
  g_assert_false (mc_chart_check_document (dataset, &change, TRUE, &error));
  g_assert_true (g_str_has_prefix (error->message,
                                   "The chart “Share and growth” could no longer be drawn: "));
  g_assert_nonnull (strstr (error->message, "growth"));
}

/* The editor's names of options, from the kinds' tables. */
static void
test_options_labels (void)
{
  const McChartKind *bar = mc_chart_kind_lookup ("bar");
  g_autofree const McOptionInfo **options = mc_chart_kind_list_options (bar);
  g_autoptr(McDataset) dataset = mc_test_load_good ("chart-options.json");
  g_autofree char *label = NULL;
  gboolean has_highlight = FALSE;

  for (guint i = 0; options[i] != NULL; i++)
    {
      g_autofree char *name = mc_chart_option_get_label (options[i]);

      g_assert_cmpstr (name, !=, "");
      has_highlight |= g_str_equal (options[i]->key, "highlight");
    }
  g_assert_true (has_highlight);
  label = mc_chart_option_get_label (mc_chart_kind_get_option (bar, "stacked"));
  g_assert_cmpstr (label, ==, "Stacked");
  g_assert_cmpstr (mc_chart_option_get_choice_label (mc_chart_kind_get_option (bar, "legend"), 2),
                   ==, "Bottom");
  g_assert_true (mc_chart_spec_get_flag (mc_dataset_lookup_chart (dataset, "bars"),
                                         &mc_chart_option_value_labels));
}

/* Annotations */

/* The note the keyboard walk reads at point @point of the first series. */
static char *
note_at_point (McChartModel *chart,
               guint         point)
{
  McMarks *marks = mc_test_view_marks (chart);
  g_auto(McChartHit) hit = { 0 };
  McChartItem item;

  g_assert_true (mc_hit_item_first (marks, &item));
  for (guint i = 0; i < point; i++)
    g_assert_true (mc_hit_item_move (marks, &item, MC_CHART_MOVE_NEXT));
  g_assert_true (mc_hit_item_get_hit (marks, &item, &hit));
  return g_strdup (hit.note);
}

/* Every label in the plot, none over another text, at every size; the
 * callout, placed first, at every size a chart is drawn at; each read
 * out where it is. */
static void
test_options_annotations (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("annotations.json");
  g_autoptr(McChartModel) chart = make_chart (dataset, "price", NULL);
  const char *callout = "Stimulus rally lifts the shares by more than a quarter";
  g_autofree char *summary = NULL;
  g_autofree char *event_note = NULL;
  g_autofree char *callout_note = NULL;
  g_autofree char *range_note = NULL;

  for (guint s = 0; s < MC_TEST_N_LAYOUT_SIZES; s++)
    for (int dark = 0; dark <= 1; dark++)
      {
        const Size *size = &mc_test_layout_sizes[s];

        mc_test_render_layout (chart, size->width, size->height, dark);
        mc_test_check_layout (chart, size->width, size->height, "annotations");
        if (size->width >= 320 && size->height >= 240)
          g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_ANNOTATION, callout));
      }

  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_ANNOTATION, "AI plan announced"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_ANNOTATION, "HKD 100"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_ANNOTATION, "Summer lull"));

  summary = mc_chart_describe (chart, mc_test_view_marks (chart));
  g_assert_nonnull (strstr (summary, "; marked: Feb 2025, AI plan announced"));
  g_assert_nonnull (strstr (summary, "; marked: line at HKD 100, HKD 100"));
  g_assert_nonnull (strstr (summary, "; marked: May 2024 to Aug 2024, Summer lull"));

  event_note = note_at_point (chart, 13);
  callout_note = note_at_point (chart, 8);
  range_note = note_at_point (chart, 5);
  g_assert_cmpstr (event_note, ==, "AI plan announced");
  g_assert_cmpstr (callout_note, ==, callout);
  g_assert_cmpstr (range_note, ==, "Summer lull");
}

/* Bars: a reference line above the data widens the axis to it. */
static void
test_options_annotations_bars (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("annotations.json");
  g_autoptr(McChartModel) chart = make_chart (dataset, "volume", NULL);

  mc_test_check_layouts (chart, "annotated bars");
  mc_test_render_layout (chart, 800, 500, FALSE);
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_TICK_LABEL, "80"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_ANNOTATION, "Exchange limit"));
  g_assert_nonnull (mc_test_view_find_box (chart, MC_TEXT_ANNOTATION, "Record day"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/chart-options/footnote", test_options_footnote);
  g_test_add_func ("/mc/chart-options/source", test_options_source);
  g_test_add_func ("/mc/chart-options/value-labels", test_options_value_labels);
  g_test_add_func ("/mc/chart-options/legend", test_options_legend);
  g_test_add_func ("/mc/chart-options/axis-limits", test_options_axis_limits);
  g_test_add_func ("/mc/chart-options/zero-baseline", test_options_zero_baseline);
  g_test_add_func ("/mc/chart-options/bar-notes", test_options_bar_notes);
  g_test_add_func ("/mc/chart-options/estimate-note", test_options_estimate_note);
  g_test_add_func ("/mc/chart-options/computed-rest", test_options_computed_rest);
  g_test_add_func ("/mc/chart-options/dense-values", test_options_dense_values);
  g_test_add_func ("/mc/chart-options/display-scale", test_options_display_scale);
  g_test_add_func ("/mc/chart-options/bars-without-axis", test_options_bars_without_axis);
  g_test_add_func ("/mc/chart-options/highlight", test_options_highlight);
  g_test_add_func ("/mc/chart-options/highlight-steps", test_options_highlight_steps);
  g_test_add_func ("/mc/chart-options/highlight-points", test_options_highlight_points);
  g_test_add_func ("/mc/chart-options/colors", test_options_colors);
  g_test_add_func ("/mc/chart-options/colors-clash", test_options_colors_clash);
  g_test_add_func ("/mc/chart-options/fit-kind", test_options_fit_kind);
  g_test_add_func ("/mc/chart-options/fit-kind-refused", test_options_fit_kind_refused);
  g_test_add_func ("/mc/chart-options/check-document", test_options_check_document);
  g_test_add_func ("/mc/chart-options/labels", test_options_labels);
  g_test_add_func ("/mc/chart-options/annotations", test_options_annotations);
  g_test_add_func ("/mc/chart-options/annotations-bars", test_options_annotations_bars);

  return g_test_run ();
}
