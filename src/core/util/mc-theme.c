/* mc-theme.c: colours and fonts of the charts, light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-theme.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#define MC_FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, sans"
#define MC_FONT_FAMILY_SC "Cantarell, Noto Sans, DejaVu Sans, Noto Sans CJK SC, sans"

/* WCAG 2.1: 1.4.11 asks 3:1 of graphical marks, 1.4.3 asks 4.5:1 of text. */
#define MC_STROKE_CONTRAST 3.0
#define MC_TEXT_CONTRAST 4.5

/* Okabe-Ito, in the order the charts use it. On white, blue, green,
 * vermillion and purple pass 3:1; orange, sky and yellow are lighter, so
 * their lines and labels use a darkened shade (see derive_shade()), and a
 * large fill below 2:1 (the yellow) gets an outline. */
static const char * const light_palette[] = {
  "#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#f0e442",
};

/* The same hues, lighter, for the dark view background #1e1e1e. */
static const char * const dark_palette[] = {
  "#3d9be0", "#f0b030", "#27c095", "#f07c3a", "#de93bd", "#7ac8f2", "#f2e86a",
};

#define MC_N_COLORS G_N_ELEMENTS (light_palette)

/* The palette's colours by name, in its order, then the neutral grey. */
static const struct
{
  const char *name;
  const char *label;
} color_names[MC_N_COLORS + 1] = {
  { "blue", NC_("colour", "Blue") },
  { "orange", NC_("colour", "Orange") },
  { "green", NC_("colour", "Green") },
  { "vermillion", NC_("colour", "Vermillion") },
  { "purple", NC_("colour", "Purple") },
  { "sky", NC_("colour", "Sky Blue") },
  { "yellow", NC_("colour", "Yellow") },
  { "grey", NC_("colour", "Grey") },
};

struct _McTheme
{
  McThemeVariant variant;
  gboolean       transparent;
  char          *font_family;
  McColor        background;
  McColor        text;
  McColor        text_secondary;
  McColor        grid;
  McColor        axis;
  McColor        other;
  McColor        palette[MC_N_COLORS][3];   /* fill, stroke, text */
  McColor        other_roles[3];
};

/* Colour maths */

static double
linear_component (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
mc_color_get_luminance (const McColor *color)
{
  g_return_val_if_fail (color != NULL, 0);

  return 0.2126 * linear_component (color->red)
         + 0.7152 * linear_component (color->green)
         + 0.0722 * linear_component (color->blue);
}

double
mc_color_contrast_ratio (const McColor *a,
                         const McColor *b)
{
  double la = mc_color_get_luminance (a);
  double lb = mc_color_get_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static gboolean
parse_hex_byte (const char *p,
                double     *value)
{
  int hi = g_ascii_xdigit_value (p[0]);
  int lo = g_ascii_xdigit_value (p[1]);

  if (hi < 0 || lo < 0)
    return FALSE;
  *value = (hi * 16 + lo) / 255.0;
  return TRUE;
}

gboolean
mc_color_parse (const char *spec,
                McColor    *color)
{
  McColor c = { 0, 0, 0, 1 };
  gsize len;

  g_return_val_if_fail (color != NULL, FALSE);

  if (spec == NULL || spec[0] != '#')
    return FALSE;
  len = strlen (spec + 1);
  if (len != 6 && len != 8)
    return FALSE;
  if (!parse_hex_byte (spec + 1, &c.red) || !parse_hex_byte (spec + 3, &c.green)
      || !parse_hex_byte (spec + 5, &c.blue)
      || (len == 8 && !parse_hex_byte (spec + 7, &c.alpha)))
    return FALSE;
  *color = c;
  return TRUE;
}

char *
mc_color_to_string (const McColor *color)
{
  g_return_val_if_fail (color != NULL, NULL);

  return g_strdup_printf ("#%02x%02x%02x",
                          (int) round (CLAMP (color->red, 0, 1) * 255),
                          (int) round (CLAMP (color->green, 0, 1) * 255),
                          (int) round (CLAMP (color->blue, 0, 1) * 255));
}

void
mc_color_mix (const McColor *color,
              const McColor *target,
              double         amount,
              McColor       *result)
{
  McColor mixed;

  g_return_if_fail (color != NULL && target != NULL && result != NULL);

  amount = CLAMP (amount, 0, 1);
  mixed.red = color->red + (target->red - color->red) * amount;
  mixed.green = color->green + (target->green - color->green) * amount;
  mixed.blue = color->blue + (target->blue - color->blue) * amount;
  mixed.alpha = color->alpha + (target->alpha - color->alpha) * amount;
  *result = mixed;
}

static McColor
color_from_hex (const char *spec)
{
  McColor color = { 0, 0, 0, 1 };
  gboolean ok = mc_color_parse (spec, &color);

  g_assert (ok);
  return color;
}

/* The closest shade of @color, towards black on a light background and
 * towards white on a dark one, that reaches @contrast against @bg. */
static McColor
derive_shade (const McColor *color,
              const McColor *bg,
              double         contrast)
{
  McColor target = mc_color_get_luminance (bg) > 0.5
                   ? (McColor) { 0, 0, 0, 1 } : (McColor) { 1, 1, 1, 1 };
  McColor shade = *color;

  for (int step = 1; step <= 40 && mc_color_contrast_ratio (&shade, bg) < contrast; step++)
    mc_color_mix (color, &target, step / 40.0, &shade);
  return shade;
}

static void
theme_set_roles (McColor        roles[3],
                 const McColor *fill,
                 const McColor *bg)
{
  roles[MC_COLOR_ROLE_FILL] = *fill;
  roles[MC_COLOR_ROLE_STROKE] = derive_shade (fill, bg, MC_STROKE_CONTRAST);
  roles[MC_COLOR_ROLE_TEXT] = derive_shade (fill, bg, MC_TEXT_CONTRAST);
}

/* Theme */

static void
theme_init_light (McTheme *theme)
{
  theme->background = color_from_hex ("#ffffff");
  theme->text = color_from_hex ("#1f1f1f");
  theme->text_secondary = color_from_hex ("#5e5e5e");
  theme->grid = color_from_hex ("#e3e3e3");
  theme->axis = color_from_hex ("#8c8c8c");
  theme->other = color_from_hex ("#a6a6a6");
  for (guint i = 0; i < MC_N_COLORS; i++)
    {
      McColor fill = color_from_hex (light_palette[i]);

      theme_set_roles (theme->palette[i], &fill, &theme->background);
    }
}

static void
theme_init_dark (McTheme *theme)
{
  theme->background = color_from_hex ("#1e1e1e");
  theme->text = color_from_hex ("#f2f2f2");
  theme->text_secondary = color_from_hex ("#aaaaaa");
  theme->grid = color_from_hex ("#383838");
  theme->axis = color_from_hex ("#7a7a7a");
  theme->other = color_from_hex ("#757575");
  for (guint i = 0; i < MC_N_COLORS; i++)
    {
      McColor fill = color_from_hex (dark_palette[i]);

      theme_set_roles (theme->palette[i], &fill, &theme->background);
    }
}

/* Chinese, Japanese and Korean draw some Han characters differently, and
 * without a hint from the locale fontconfig falls back to the Japanese
 * shapes. The datasets' readers are mostly Chinese: charts take the
 * simplified Chinese shapes unless the user's language wants others. */
static const char *
default_font_family (void)
{
  static const char * const other_han[] = { "ja", "ko", "zh_TW", "zh_HK", "zh_MO" };
  const char *language = g_get_language_names ()[0];

  for (guint i = 0; i < G_N_ELEMENTS (other_han); i++)
    if (g_str_has_prefix (language, other_han[i]))
      return MC_FONT_FAMILY;
  return MC_FONT_FAMILY_SC;
}

McTheme *
mc_theme_new (McThemeVariant variant)
{
  McTheme *theme = g_new0 (McTheme, 1);

  theme->variant = variant;
  theme->font_family = g_strdup (default_font_family ());
  if (variant == MC_THEME_DARK)
    theme_init_dark (theme);
  else
    theme_init_light (theme);
  theme_set_roles (theme->other_roles, &theme->other, &theme->background);
  return theme;
}

McTheme *
mc_theme_copy (const McTheme *theme)
{
  McTheme *copy;

  g_return_val_if_fail (theme != NULL, NULL);

  copy = g_memdup2 (theme, sizeof *theme);
  copy->font_family = g_strdup (theme->font_family);
  return copy;
}

void
mc_theme_free (McTheme *theme)
{
  if (theme == NULL)
    return;
  g_free (theme->font_family);
  g_free (theme);
}

McThemeVariant
mc_theme_get_variant (const McTheme *theme)
{
  g_return_val_if_fail (theme != NULL, MC_THEME_LIGHT);
  return theme->variant;
}

gboolean
mc_theme_is_dark (const McTheme *theme)
{
  g_return_val_if_fail (theme != NULL, FALSE);
  return theme->variant == MC_THEME_DARK;
}

gboolean
mc_theme_get_transparent (const McTheme *theme)
{
  g_return_val_if_fail (theme != NULL, FALSE);
  return theme->transparent;
}

void
mc_theme_set_transparent (McTheme  *theme,
                          gboolean  transparent)
{
  g_return_if_fail (theme != NULL);
  theme->transparent = !!transparent;
}

const McColor *
mc_theme_get_background (const McTheme *theme)
{
  g_return_val_if_fail (theme != NULL, NULL);
  return &theme->background;
}

const McColor *
mc_theme_get_text (const McTheme *theme)
{
  g_return_val_if_fail (theme != NULL, NULL);
  return &theme->text;
}

const McColor *
mc_theme_get_text_secondary (const McTheme *theme)
{
  g_return_val_if_fail (theme != NULL, NULL);
  return &theme->text_secondary;
}

const McColor *
mc_theme_get_grid (const McTheme *theme)
{
  g_return_val_if_fail (theme != NULL, NULL);
  return &theme->grid;
}

const McColor *
mc_theme_get_axis (const McTheme *theme)
{
  g_return_val_if_fail (theme != NULL, NULL);
  return &theme->axis;
}

const McColor *
mc_theme_get_other (const McTheme *theme)
{
  g_return_val_if_fail (theme != NULL, NULL);
  return &theme->other;
}

guint
mc_theme_get_n_colors (const McTheme *theme)
{
  return MC_N_COLORS;
}

void
mc_theme_get_color (const McTheme *theme,
                    guint          index,
                    McColorRole    role,
                    McColor       *color)
{
  g_return_if_fail (theme != NULL && color != NULL);
  g_return_if_fail (role <= MC_COLOR_ROLE_TEXT);

  if (index == MC_THEME_NEUTRAL)
    *color = theme->other_roles[role];
  else
    *color = theme->palette[index % MC_N_COLORS][role];
}

gboolean
mc_theme_color_from_name (const char *name,
                          guint      *index)
{
  g_return_val_if_fail (index != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (color_names); i++)
    if (g_str_equal (name, color_names[i].name))
      {
        *index = i < MC_N_COLORS ? i : MC_THEME_NEUTRAL;
        return TRUE;
      }
  return FALSE;
}

static guint
color_name_index (guint index)
{
  return index == MC_THEME_NEUTRAL ? MC_N_COLORS : index % MC_N_COLORS;
}

const char *
mc_theme_color_get_name (guint index)
{
  return color_names[color_name_index (index)].name;
}

const char *
mc_theme_color_get_label (guint index)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "colour", color_names[color_name_index (index)].label);
}

char *
mc_theme_list_color_names (void)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_names); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", color_names[i].name);
  return g_string_free (out, FALSE);
}

void
mc_theme_get_other_color (const McTheme *theme,
                          McColorRole    role,
                          McColor       *color)
{
  g_return_if_fail (theme != NULL && color != NULL);
  g_return_if_fail (role <= MC_COLOR_ROLE_TEXT);

  *color = theme->other_roles[role];
}

const char *
mc_theme_get_font_family (const McTheme *theme)
{
  g_return_val_if_fail (theme != NULL, NULL);
  return theme->font_family;
}

void
mc_theme_set_font_family (McTheme    *theme,
                          const char *family)
{
  g_return_if_fail (theme != NULL);
  g_return_if_fail (family != NULL && *family != '\0');

  g_free (theme->font_family);
  theme->font_family = g_strdup (family);
}

void
mc_theme_use_font_family (McTheme    *theme,
                          const char *family)
{
  g_autofree char *list = NULL;

  g_return_if_fail (theme != NULL);
  g_return_if_fail (family != NULL && *family != '\0');

  list = g_strconcat (family, ", ", default_font_family (), NULL);
  mc_theme_set_font_family (theme, list);
}
