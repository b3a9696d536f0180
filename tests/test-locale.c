/* test-locale.c: numbers, units and dates of the core, and the texts of a
 * rendered chart, under the German and Chinese locales with the
 * catalogues of the build (MC_LOCALEDIR, set by meson)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "mc-bundled.h"
#include "mc-chart-model.h"
#include "mc-export.h"
#include "mc-format.h"
#include "mc-loader.h"
#include "mc-test-view.h"

/* A bar chart whose value axis needs decimals: steps of 0.5 bn. */
static const char small_amounts[] =
  "{ \"format\": \"market-charts/1\", \"id\": \"small\", \"title\": \"Small\","
  "  \"columns\": ["
  "    { \"id\": \"year\", \"label\": \"Year\", \"type\": \"string\" },"
  "    { \"id\": \"sales\", \"label\": \"Sales\", \"type\": \"number\","
  "      \"unit\": \"USD\", \"scale\": \"billion\" } ],"
  "  \"rows\": [ [\"2022\", 0.4], [\"2023\", 0.9], [\"2024\", 1.3] ],"
  "  \"charts\": [ { \"id\": \"sales\", \"type\": \"bar\", \"title\": \"Sales\","
  "                \"x\": \"year\", \"y\": [\"sales\"], \"max\": 1.5 } ] }";

/* Switches messages, numbers and dates to @language in @locale; skips
 * the test when the system lacks the locale. */
static gboolean
use_locale (const char *language,
            const char *locale)
{
  g_setenv ("LANGUAGE", language, TRUE);
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_autofree char *message =
        g_strdup_printf ("locale %s is not installed (build-aux/install-deps.sh "
                         "generates it)", locale);
      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

static McDataset *
load_bundled (const char *id)
{
  g_autoptr(GError) error = NULL;
  McDataset *dataset = mc_bundled_lookup (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static McColumn *
get_column (McDataset  *dataset,
            const char *id)
{
  int index = mc_dataset_get_column_index (dataset, id);

  g_assert_cmpint (index, >=, 0);
  return mc_dataset_get_column (dataset, index);
}

static double
days_of (const char *iso)
{
  McDatePrecision precision;
  double days;

  g_assert_true (mc_format_parse_iso_date (iso, &days, &precision));
  return days;
}

/* Exports chart @chart_id of @dataset, and lays it out again at the
 * export's size so that the chart's text boxes are those of the PNG. */
static McChartModel *
export_chart (McDataset  *dataset,
              const char *chart_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McChartModel) chart = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_LIGHT);
  const McChartSpec *spec = mc_dataset_lookup_chart (dataset, chart_id);
  McExportOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_nonnull (spec);
  chart = mc_chart_model_new (dataset, spec, &error);
  g_assert_no_error (error);
  png = mc_export_chart_to_bytes (chart, MC_EXPORT_PNG, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (png), >, 0);

  mc_export_options_init (&options);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, options.width, options.height);
  cr = cairo_create (surface);
  mc_test_view_render (chart, cr, options.width, options.height, theme);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return g_steal_pointer (&chart);
}

static void
assert_text (McChartModel *chart,
             McTextRole    role,
             const char   *text)
{
  guint n;
  const McTextBox *boxes = mc_marks_get_text_boxes (mc_test_view_marks (chart), &n);
  g_autoptr(GString) found = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (boxes[i].role != role)
        continue;
      if (g_strcmp0 (boxes[i].text, text) == 0)
        return;
      g_string_append_printf (found, " “%s”", boxes[i].text);
    }
  g_error ("no text “%s” of role %d; the texts of that role are:%s",
           text, role, found->str);
}

/* The tick labels of the value axis, which the renderer chooses from the
 * size: tests check what they have in common, not which ones there are. */
static GStrv
dup_tick_labels (McChartModel *chart)
{
  guint n;
  const McTextBox *boxes = mc_marks_get_text_boxes (mc_test_view_marks (chart), &n);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    if (boxes[i].role == MC_TEXT_TICK_LABEL)
      g_strv_builder_add (labels, boxes[i].text);
  return g_strv_builder_end (labels);
}

static void
assert_format (char       *formatted,
               const char *expected)
{
  g_assert_cmpstr (formatted, ==, expected);
  g_free (formatted);
}

static void
test_locale_german_numbers (void)
{
  g_autoptr(McDataset) revenue = NULL;
  g_autoptr(McDataset) prices = NULL;
  McColumn *amount;
  McColumn *share;
  McColumn *price;

  if (!use_locale ("de", "de_DE.UTF-8"))
    return;

  revenue = load_bundled ("alibaba-cloud-revenue");
  prices = load_bundled ("alibaba-share-price");
  amount = get_column (revenue, "revenue");
  share = get_column (revenue, "apac_share");
  price = get_column (prices, "price");

  assert_format (mc_format_number (1234567.891, 2), "1.234.567,89");
  assert_format (mc_format_number (-9.25, 1), "−9,2");
  assert_format (mc_format_value (amount, 9.2, -1), "9,2 Mrd. USD");
  assert_format (mc_format_amount (amount, 9.2, -1), "9,2");
  assert_format (mc_format_unit (amount), "Mrd. USD");
  assert_format (mc_format_data_unit (amount), "Mrd. USD");
  assert_format (mc_format_tick (amount, 2.5, 0.5), "2,5");
  assert_format (mc_format_value (price, 148, 0), "148 HKD");
  /* A no-break space before the percent sign, as German writes it. */
  assert_format (mc_format_value (share, 19.5, 1), "19,5\u00a0%");
  assert_format (mc_format_tick (share, 20, 10), "20\u00a0%");
  assert_format (mc_format_cell (amount, 3), "15,4 Mrd. USD (Schätzung)");
}

static void
test_locale_german_dates (void)
{
  if (!use_locale ("de", "de_DE.UTF-8"))
    return;

  assert_format (mc_format_date (days_of ("2024-03-05"), MC_DATE_DAY), "5. Mär 2024");
  assert_format (mc_format_date (days_of ("2024-12"), MC_DATE_MONTH), "Dez 2024");
  assert_format (mc_format_date (days_of ("2024"), MC_DATE_YEAR), "2024");
}

static void
test_locale_german_chart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) revenue = NULL;
  g_autoptr(McDataset) small = NULL;
  g_autoptr(McChartModel) chart = NULL;
  g_autoptr(McChartModel) small_chart = NULL;
  g_auto(GStrv) ticks = NULL;

  if (!use_locale ("de", "de_DE.UTF-8"))
    return;

  revenue = load_bundled ("alibaba-cloud-revenue");
  chart = export_chart (revenue, "revenue");
  assert_text (chart, MC_TEXT_VALUE_LABEL, "9,2 Mrd. USD");
  assert_text (chart, MC_TEXT_VALUE_LABEL, "15,4");
  assert_text (chart, MC_TEXT_AXIS_TITLE, "Revenue (Mrd. USD)");
  assert_text (chart, MC_TEXT_NOTE, "Schätzung");
  assert_text (chart, MC_TEXT_SOURCE,
               "Quelle: 1950.ai, article on Alibaba’s USD 50 billion AI and cloud "
               "investment, Feb\u00a02025");

  small = mc_loader_load_data (small_amounts, strlen (small_amounts), "small.json", NULL, &error);
  g_assert_no_error (error);
  small_chart = export_chart (small, "sales");
  assert_text (small_chart, MC_TEXT_VALUE_LABEL, "0,4 Mrd. USD");
  assert_text (small_chart, MC_TEXT_VALUE_LABEL, "1,3");
  assert_text (small_chart, MC_TEXT_TICK_LABEL, "1,0");
  ticks = dup_tick_labels (small_chart);
  g_assert_cmpuint (g_strv_length (ticks), >=, 3);
  for (guint i = 0; ticks[i] != NULL; i++)
    {
      /* "0,0", "0,2", ...: a decimal comma, the same decimals on each. */
      g_assert_nonnull (strchr (ticks[i], ','));
      g_assert_null (strchr (ticks[i], '.'));
      g_assert_cmpuint (strlen (ticks[i]), ==, 3);
    }
}

/* Chinese counts in 万 and 亿: USD 9.2 bn is 92 亿美元, and the axis under
 * "亿美元" is scaled to match. */
static void
test_locale_chinese_numbers (void)
{
  g_autoptr(McDataset) revenue = NULL;
  g_autoptr(McDataset) prices = NULL;
  McColumn *amount;
  McColumn *share;
  McColumn *price;

  if (!use_locale ("zh_CN", "zh_CN.UTF-8"))
    return;

  revenue = load_bundled ("alibaba-cloud-revenue");
  prices = load_bundled ("alibaba-share-price");
  amount = get_column (revenue, "revenue");
  share = get_column (revenue, "apac_share");
  price = get_column (prices, "price");

  assert_format (mc_format_number (1234567.891, 2), "1,234,567.89");
  assert_format (mc_format_value (amount, 9.2, -1), "92 亿美元");
  assert_format (mc_format_value (amount, 0.25, 2), "2.5 亿美元");
  assert_format (mc_format_amount (amount, 9.2, -1), "92");
  assert_format (mc_format_unit (amount), "亿美元");
  assert_format (mc_format_data_unit (amount), "十亿美元");
  assert_format (mc_format_tick (amount, 15, 5), "150");
  assert_format (mc_format_tick (amount, 0.5, 0.25), "5");
  assert_format (mc_format_value (price, 148, 0), "148 港元");
  assert_format (mc_format_unit (price), "港元");
  assert_format (mc_format_value (share, 19.5, 1), "19.5%");
  assert_format (mc_format_cell (amount, 3), "154 亿美元（预估）");
  /* A value of ten thousand 亿 or more moves up to 万亿, standing on its
   * own; under an axis of 亿美元 the number keeps that unit. */
  assert_format (mc_format_value (amount, 1500, 0), "1.5 万亿美元");
  assert_format (mc_format_amount (amount, 1500, 0), "15,000");
}

/* The key of bubble sizes counts people in 万 and 亿, never "100,000 万". */
static void
test_locale_chinese_myriads (void)
{
  g_autoptr(McColumn) people = mc_column_new ("population", "Population", MC_COLUMN_NUMBER);

  if (!use_locale ("zh_CN", "zh_CN.UTF-8"))
    return;
  mc_column_set_scale (people, MC_SCALE_MILLION);
  mc_column_append_value (people, 1000);
  assert_format (mc_format_value (people, 1000, 0), "10 亿");
  assert_format (mc_format_value (people, 200, 0), "2 亿");
  assert_format (mc_format_value (people, 50, 0), "5,000 万");
}

static void
test_locale_chinese_dates (void)
{
  if (!use_locale ("zh_CN", "zh_CN.UTF-8"))
    return;

  assert_format (mc_format_date (days_of ("2024-03-05"), MC_DATE_DAY), "2024年3月5日");
  assert_format (mc_format_date (days_of ("2024-12"), MC_DATE_MONTH), "2024年12月");
}

static void
test_locale_chinese_chart (void)
{
  g_autoptr(McDataset) revenue = NULL;
  g_autoptr(McChartModel) chart = NULL;
  g_autoptr(McChartModel) combo = NULL;
  g_auto(GStrv) ticks = NULL;
  double top;

  if (!use_locale ("zh_CN", "zh_CN.UTF-8"))
    return;

  revenue = load_bundled ("alibaba-cloud-revenue");
  chart = export_chart (revenue, "revenue");
  assert_text (chart, MC_TEXT_VALUE_LABEL, "92 亿美元");
  assert_text (chart, MC_TEXT_VALUE_LABEL, "154");
  assert_text (chart, MC_TEXT_AXIS_TITLE, "Revenue（亿美元）");
  assert_text (chart, MC_TEXT_NOTE, "预估");
  /* The axis reaches above 154 (亿), not 15.4 (bn): the combo's, since
   * the bars of the revenue, each with its value, go without one. */
  combo = export_chart (revenue, "revenue-and-growth");
  ticks = dup_tick_labels (combo);
  g_assert_cmpuint (g_strv_length (ticks), >=, 3);
  top = 0;
  for (guint i = 0; ticks[i] != NULL; i++)
    top = MAX (top, g_ascii_strtod (ticks[i], NULL));
  g_assert_cmpfloat (top, >=, 154);
  g_assert_cmpfloat (top, <, 400);
  assert_text (chart, MC_TEXT_SOURCE,
               "来源：1950.ai, article on Alibaba’s USD 50 billion AI and cloud\u00a0"
               "investment，2025年2月");
}

/* Han characters in simplified Chinese shapes, unless the language asks
 * for Japanese (or Korean, or traditional Chinese) ones. */
/* A list cut short in a message says how many there are in all with
 * the language's plural, and quotes each entry as the language does:
 * the places of records of a JSON file with nine of them. */
static void
test_locale_german_counted_list (void)
{
  g_autoptr(GString) json = g_string_new ("{");
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const char *warning = NULL;

  if (!use_locale ("de", "de_DE.UTF-8"))
    return;
  for (guint i = 0; i < 9; i++)
    g_string_append_printf (json, "%s\"k%u\": [{\"a\": 1}]", i > 0 ? ", " : "", i);
  g_string_append (json, "}");
  dataset = mc_loader_load_data (json->str, json->len, "m.json", NULL, &error);
  g_assert_no_error (error);
  for (const char * const *w = mc_dataset_get_warnings (dataset); w != NULL && *w != NULL; w++)
    if (strstr (*w, "„k1“") != NULL)
      warning = *w;
  g_assert_nonnull (warning);
  g_test_message ("%s", warning);
  g_assert_nonnull (strstr (warning, ", … (insgesamt 8 Stellen)"));
}

static void
test_locale_han_font (void)
{
  struct { const char *language; gboolean simplified; } cases[] = {
    { "zh_CN", TRUE }, { "de", TRUE }, { "C", TRUE },
    { "ja", FALSE }, { "zh_TW", FALSE }, { "ko", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(McTheme) theme = NULL;
      const char *family;

      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      theme = mc_theme_new (MC_THEME_LIGHT);
      family = mc_theme_get_font_family (theme);
      g_assert_true (g_str_has_prefix (family, "Cantarell, "));
      g_assert_cmpint (strstr (family, "Noto Sans CJK SC") != NULL, ==, cases[i].simplified);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("MC_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);

  if (localedir == NULL)
    g_error ("MC_LOCALEDIR must name the build's po folder (meson test sets it)");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/mc/locale/german/numbers", test_locale_german_numbers);
  g_test_add_func ("/mc/locale/german/dates", test_locale_german_dates);
  g_test_add_func ("/mc/locale/german/chart", test_locale_german_chart);
  g_test_add_func ("/mc/locale/german/counted-list", test_locale_german_counted_list);
  g_test_add_func ("/mc/locale/chinese/numbers", test_locale_chinese_numbers);
  g_test_add_func ("/mc/locale/chinese/myriads", test_locale_chinese_myriads);
  g_test_add_func ("/mc/locale/chinese/dates", test_locale_chinese_dates);
  g_test_add_func ("/mc/locale/chinese/chart", test_locale_chinese_chart);
  g_test_add_func ("/mc/locale/han-font", test_locale_han_font);

  return g_test_run ();
}
