/* test-theme.c: colours that read, in light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mc-theme.h"

static McColor
hex (const char *spec)
{
  McColor color;

  g_assert_true (mc_color_parse (spec, &color));
  return color;
}

static void
test_theme_contrast_maths (void)
{
  McColor black = hex ("#000000"), white = hex ("#ffffff"), grey = hex ("#767676");

  g_assert_cmpfloat_with_epsilon (mc_color_contrast_ratio (&black, &white), 21, 1e-9);
  g_assert_cmpfloat_with_epsilon (mc_color_contrast_ratio (&white, &black), 21, 1e-9);
  g_assert_cmpfloat_with_epsilon (mc_color_contrast_ratio (&grey, &grey), 1, 1e-9);
  /* #767676 is the lightest grey that passes AA on white: 4.54:1. */
  g_assert_cmpfloat_with_epsilon (mc_color_contrast_ratio (&grey, &white), 4.54, 0.01);
  g_assert_cmpfloat_with_epsilon (mc_color_get_luminance (&white), 1, 1e-9);
}

static void
test_theme_parse (void)
{
  McColor color;
  g_autofree char *text = NULL;

  g_assert_true (mc_color_parse ("#0072B2", &color));
  g_assert_cmpfloat_with_epsilon (color.blue, 0xb2 / 255.0, 1e-9);
  g_assert_cmpfloat (color.alpha, ==, 1);
  text = mc_color_to_string (&color);
  g_assert_cmpstr (text, ==, "#0072b2");
  g_assert_true (mc_color_parse ("#00000080", &color));
  g_assert_cmpfloat_with_epsilon (color.alpha, 128 / 255.0, 1e-9);
  g_assert_false (mc_color_parse ("0072b2", &color));
  g_assert_false (mc_color_parse ("#0072b", &color));
  g_assert_false (mc_color_parse ("#00zz00", &color));
  g_assert_false (mc_color_parse (NULL, &color));
}

/* WCAG AA: text 4.5:1, marks 3:1, in both themes; the grid faint. */
static void
check_theme (McThemeVariant variant)
{
  g_autoptr(McTheme) theme = mc_theme_new (variant);
  const McColor *bg = mc_theme_get_background (theme);
  double grid = mc_color_contrast_ratio (mc_theme_get_grid (theme), bg);

  g_assert_cmpfloat (mc_color_contrast_ratio (mc_theme_get_text (theme), bg), >=, 4.5);
  g_assert_cmpfloat (mc_color_contrast_ratio (mc_theme_get_text_secondary (theme), bg), >=, 4.5);
  g_assert_cmpfloat (grid, >, 1.1);
  g_assert_cmpfloat (grid, <, 1.6);
  g_assert_cmpfloat (mc_color_contrast_ratio (mc_theme_get_axis (theme), bg), >,
                     grid);

  for (guint i = 0; i < mc_theme_get_n_colors (theme); i++)
    {
      McColor stroke, text;

      mc_theme_get_color (theme, i, MC_COLOR_ROLE_STROKE, &stroke);
      mc_theme_get_color (theme, i, MC_COLOR_ROLE_TEXT, &text);
      g_assert_cmpfloat (mc_color_contrast_ratio (&stroke, bg), >=, 3.0);
      g_assert_cmpfloat (mc_color_contrast_ratio (&text, bg), >=, 4.5);
    }
  {
    McColor other_text;

    mc_theme_get_other_color (theme, MC_COLOR_ROLE_TEXT, &other_text);
    g_assert_cmpfloat (mc_color_contrast_ratio (&other_text, bg), >=, 4.5);
  }
}

static void
test_theme_light_contrast (void)
{
  check_theme (MC_THEME_LIGHT);
}

static void
test_theme_dark_contrast (void)
{
  check_theme (MC_THEME_DARK);
}

static void
test_theme_palette (void)
{
  g_autoptr(McTheme) light = mc_theme_new (MC_THEME_LIGHT);
  g_autoptr(McTheme) dark = mc_theme_new (MC_THEME_DARK);
  const char *okabe_ito[] = { "#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7",
                              "#56b4e9", "#f0e442" };
  McColor a, b;
  g_autofree char *bg = mc_color_to_string (mc_theme_get_background (dark));

  g_assert_cmpuint (mc_theme_get_n_colors (light), ==, G_N_ELEMENTS (okabe_ito));
  for (guint i = 0; i < G_N_ELEMENTS (okabe_ito); i++)
    {
      g_autofree char *fill = NULL;
      g_autofree char *dark_fill = NULL;

      mc_theme_get_color (light, i, MC_COLOR_ROLE_FILL, &a);
      fill = mc_color_to_string (&a);
      g_assert_cmpstr (fill, ==, okabe_ito[i]);
      /* The dark theme uses lighter variants of the same hues. */
      mc_theme_get_color (dark, i, MC_COLOR_ROLE_FILL, &b);
      g_assert_cmpfloat (mc_color_get_luminance (&b), >, mc_color_get_luminance (&a));
      dark_fill = mc_color_to_string (&b);
      for (guint j = 0; j < i; j++)
        {
          McColor other;
          g_autofree char *other_text = NULL;

          mc_theme_get_color (dark, j, MC_COLOR_ROLE_FILL, &other);
          other_text = mc_color_to_string (&other);
          g_assert_cmpstr (other_text, !=, dark_fill);
        }
    }
  /* The index wraps around. */
  mc_theme_get_color (light, G_N_ELEMENTS (okabe_ito), MC_COLOR_ROLE_FILL, &a);
  mc_theme_get_color (light, 0, MC_COLOR_ROLE_FILL, &b);
  g_assert_cmpfloat (a.blue, ==, b.blue);
  g_assert_cmpstr (bg, ==, "#1e1e1e");

  /* "Other" is a neutral grey. */
  {
    const McColor *other = mc_theme_get_other (light);

    g_assert_cmpfloat (other->red, ==, other->green);
    g_assert_cmpfloat (other->green, ==, other->blue);
  }
}

static void
test_theme_copy_and_options (void)
{
  g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_DARK);
  g_autoptr(McTheme) copy = NULL;

  g_assert_true (mc_theme_is_dark (theme));
  g_assert_false (mc_theme_get_transparent (theme));
  mc_theme_set_transparent (theme, TRUE);
  mc_theme_set_font_family (theme, "DejaVu Sans");
  copy = mc_theme_copy (theme);
  g_assert_true (mc_theme_get_transparent (copy));
  g_assert_cmpstr (mc_theme_get_font_family (copy), ==, "DejaVu Sans");
  g_assert_cmpint (mc_theme_get_variant (copy), ==, MC_THEME_DARK);
  {
    g_autoptr(McTheme) fresh = mc_theme_new (MC_THEME_LIGHT);

    g_assert_nonnull (strstr (mc_theme_get_font_family (fresh), "sans"));
  }
}

/* A family people choose comes first; the defaults stay behind it, for
 * the characters it lacks (Chinese in a Latin font). */
static void
test_theme_use_font_family (void)
{
  g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_LIGHT);
  g_autofree char *defaults = g_strdup (mc_theme_get_font_family (theme));
  g_autofree char *expected = g_strconcat ("DejaVu Serif, ", defaults, NULL);

  mc_theme_use_font_family (theme, "DejaVu Serif");
  g_assert_cmpstr (mc_theme_get_font_family (theme), ==, expected);
  mc_theme_use_font_family (theme, "Noto Sans");
  g_assert_true (g_str_has_prefix (mc_theme_get_font_family (theme), "Noto Sans, "));
  g_assert_null (strstr (mc_theme_get_font_family (theme), "DejaVu Serif"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/theme/contrast-maths", test_theme_contrast_maths);
  g_test_add_func ("/mc/theme/parse", test_theme_parse);
  g_test_add_func ("/mc/theme/light-contrast", test_theme_light_contrast);
  g_test_add_func ("/mc/theme/dark-contrast", test_theme_dark_contrast);
  g_test_add_func ("/mc/theme/palette", test_theme_palette);
  g_test_add_func ("/mc/theme/copy-and-options", test_theme_copy_and_options);
  g_test_add_func ("/mc/theme/use-font-family", test_theme_use_font_family);

  return g_test_run ();
}
