/* test-i18n.c: the command line in German and Chinese, with the
 * catalogues of the build (MC_LOCALEDIR, set by meson)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "mc-test-program.h"

typedef struct
{
  const char *language;      /* LANGUAGE */
  const char *locale;        /* LANG and LC_ALL */
} Lang;

static const Lang german = { "de", "de_DE.UTF-8" };
static const Lang chinese = { "zh_CN", "zh_CN.UTF-8" };
static const Lang english = { "", "C.UTF-8" };

static char *program;
static char *bad_data_dir;

/* A missing locale falls back to C in the program, which prints English:
 * say why instead of failing on the English text. */
static gboolean
require_locale (const Lang *lang)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean found = setlocale (LC_ALL, lang->locale) != NULL;

  setlocale (LC_ALL, saved);
  if (!found)
    {
      g_autofree char *message =
        g_strdup_printf ("locale %s is not installed (build-aux/install-deps.sh "
                         "generates it)", lang->locale);
      g_test_skip (message);
    }
  return found;
}

/* Runs market-charts in @lang with @args (NULL-terminated), no display. */
static void
run_argv (McProgramRun       *result,
          const Lang         *lang,
          const char * const *args)
{
  const char *env[] = {
    "LC_MESSAGES", NULL,
    "LANGUAGE", lang->language,
    "LANG", lang->locale,
    "LC_ALL", lang->locale,
    NULL,
  };

  if (g_test_verbose ())
    g_test_message ("LANGUAGE=%s LC_ALL=%s", lang->language, lang->locale);
  mc_program_run (result, program, env, args);
}

#define run(result, lang, ...) \
  run_argv ((result), (lang), (const char * const[]) { __VA_ARGS__, NULL })
#define assert_contains mc_test_assert_contains

static void
assert_not_contains (const char *haystack,
                     const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” unexpectedly found in:\n%s", needle, haystack);
}

static char *
bad_data (const char *name)
{
  return g_build_filename (bad_data_dir, name, NULL);
}

static void
test_i18n_help_german (void)
{
  g_auto(McProgramRun) result = { 0 };

  if (!require_locale (&german))
    return;

  run (&result, &german, "--help");
  g_assert_cmpint (result.status, ==, 0);
  assert_contains (result.out, "Version anzeigen und beenden");
  assert_contains (result.out, "--export=DATEI");
  assert_contains (result.out, "Ein Diagramm nach DATEI exportieren; die Endung wählt PNG, SVG oder PDF");
  assert_contains (result.out, "Beispiele:");
  assert_not_contains (result.out, "Show the version and exit");
}

static void
test_i18n_help_chinese (void)
{
  g_auto(McProgramRun) result = { 0 };

  if (!require_locale (&chinese))
    return;

  run (&result, &chinese, "--help");
  g_assert_cmpint (result.status, ==, 0);
  assert_contains (result.out, "显示版本并退出");
  assert_contains (result.out, "将数据集的所有图表导出到 DIRECTORY；名称以 .pdf 结尾时导出为一份 PDF 报告");
  assert_contains (result.out, "导出时不带背景");
  assert_contains (result.out, "示例：");
  assert_not_contains (result.out, "Show the version and exit");
}

/* The same run in C prints English: the checks above would fail if the
 * catalogues were not used. */
static void
test_i18n_help_english (void)
{
  g_auto(McProgramRun) result = { 0 };

  run (&result, &english, "--help");
  g_assert_cmpint (result.status, ==, 0);
  assert_contains (result.out, "Show the version and exit");
  assert_not_contains (result.out, "Version anzeigen");
}

static void
test_i18n_unknown_dataset (void)
{
  g_auto(McProgramRun) de = { 0 };
  g_auto(McProgramRun) zh = { 0 };

  if (!require_locale (&german) || !require_locale (&chinese))
    return;

  run (&de, &german, "--export", "chart.png", "--dataset", "no-such-dataset");
  g_assert_cmpint (de.status, ==, 2);
  assert_contains (de.err, "Unbekannter Datensatz „no-such-dataset“.");
  assert_contains (de.err, "alibaba-cloud-revenue");
  assert_contains (de.err, "Rufen Sie „market-charts --help“ auf");

  run (&zh, &chinese, "--export", "chart.png", "--dataset", "no-such-dataset");
  g_assert_cmpint (zh.status, ==, 2);
  assert_contains (zh.err, "未知的数据集“no-such-dataset”。");
  assert_contains (zh.err, "运行“market-charts --help”查看选项。");
}

/* Loader errors keep their FILE:LINE:COLUMN and the JSON path, and say
 * the rest in the user's language. */
static void
test_i18n_loader_error (void)
{
  g_autofree char *file = bad_data ("column-unknown-type.json");
  g_auto(McProgramRun) de = { 0 };
  g_auto(McProgramRun) zh = { 0 };

  if (!require_locale (&german) || !require_locale (&chinese))
    return;

  run (&de, &german, "--check", file);
  g_assert_cmpint (de.status, ==, 1);
  assert_contains (de.err, "column-unknown-type.json:");
  assert_contains (de.err, "columns[1].type: Unbekannter Spaltentyp „text“; erwartet wird einer von:");

  run (&zh, &chinese, "--check", file);
  g_assert_cmpint (zh.status, ==, 1);
  assert_contains (zh.err, "columns[1].type: 未知的列类型“text”；应为以下之一：");
}

static void
test_i18n_option_error (void)
{
  g_auto(McProgramRun) de = { 0 };
  g_auto(McProgramRun) zh = { 0 };

  if (!require_locale (&german) || !require_locale (&chinese))
    return;

  run (&de, &german, "--export", "chart.png", "--size", "big");
  g_assert_cmpint (de.status, ==, 2);
  assert_contains (de.err, "Ungültige Größe „big“: erwartet wird BREITExHÖHE in Pixeln");

  run (&zh, &chinese, "--export", "chart.png", "--size", "big");
  g_assert_cmpint (zh.status, ==, 2);
  assert_contains (zh.err, "无效的尺寸“big”：应为以像素为单位的 WIDTHxHEIGHT");
}

static void
test_i18n_check_summary (void)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "..", "data", "datasets",
                                                 "alibaba-cloud-revenue.json", NULL);
  g_auto(McProgramRun) de = { 0 };
  g_auto(McProgramRun) zh = { 0 };

  if (!require_locale (&german) || !require_locale (&chinese))
    return;

  run (&de, &german, "--check", file);
  g_assert_cmpint (de.status, ==, 0);
  assert_contains (de.out, "4 Zeilen, 4 Spalten, 4 Diagramme");

  run (&zh, &chinese, "--check", file);
  g_assert_cmpint (zh.status, ==, 0);
  assert_contains (zh.out, "4 行，4 列，4 张图表");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *built = NULL;
  g_autofree char *bad = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("MC_LOCALEDIR") == NULL)
    g_error ("MC_LOCALEDIR must name the build's po folder (meson test sets it)");

  built = g_test_build_filename (G_TEST_BUILT, "..", "src", "market-charts", NULL);
  bad = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  program = g_canonicalize_filename (built, NULL);
  bad_data_dir = g_canonicalize_filename (bad, NULL);

  g_test_add_func ("/mc/i18n/help/german", test_i18n_help_german);
  g_test_add_func ("/mc/i18n/help/chinese", test_i18n_help_chinese);
  g_test_add_func ("/mc/i18n/help/english", test_i18n_help_english);
  g_test_add_func ("/mc/i18n/error/unknown-dataset", test_i18n_unknown_dataset);
  g_test_add_func ("/mc/i18n/error/loader", test_i18n_loader_error);
  g_test_add_func ("/mc/i18n/error/option", test_i18n_option_error);
  g_test_add_func ("/mc/i18n/check/summary", test_i18n_check_summary);

  status = g_test_run ();
  g_free (program);
  g_free (bad_data_dir);

  return status;
}
