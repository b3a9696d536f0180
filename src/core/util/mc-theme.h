/* mc-theme.h: colours and fonts of the charts, light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A colour with straight (not premultiplied) alpha, components 0..1. */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} McColor;

typedef enum
{
  MC_THEME_LIGHT,
  MC_THEME_DARK,
} McThemeVariant;

/* How a palette colour is used: a large fill (bar, slice, area), a thin
 * line or marker (at least 3:1 against the background), or text coloured
 * like its series (at least 4.5:1). */
typedef enum
{
  MC_COLOR_ROLE_FILL,
  MC_COLOR_ROLE_STROKE,
  MC_COLOR_ROLE_TEXT,
} McColorRole;

typedef struct _McTheme McTheme;

McTheme        *mc_theme_new                  (McThemeVariant  variant);
McTheme        *mc_theme_copy                 (const McTheme  *theme);
void            mc_theme_free                 (McTheme        *theme);
McThemeVariant  mc_theme_get_variant          (const McTheme  *theme);
gboolean        mc_theme_is_dark              (const McTheme  *theme);

/* A transparent background (for export): the background colour is still
 * what text contrast is designed against. */
gboolean        mc_theme_get_transparent      (const McTheme  *theme);
void            mc_theme_set_transparent      (McTheme        *theme,
                                               gboolean        transparent);

const McColor  *mc_theme_get_background       (const McTheme  *theme);
const McColor  *mc_theme_get_text             (const McTheme  *theme);
const McColor  *mc_theme_get_text_secondary   (const McTheme  *theme);
const McColor  *mc_theme_get_grid             (const McTheme  *theme);
const McColor  *mc_theme_get_axis             (const McTheme  *theme);
const McColor  *mc_theme_get_other            (const McTheme  *theme);

/* The palette indices of rises and falls (candles, the steps of a
 * waterfall): blue and vermillion, told apart in every colour vision. */
#define MC_COLOR_UP 0
#define MC_COLOR_DOWN 3

/* The categorical palette (Okabe-Ito; lighter variants in the dark
 * theme). @index wraps around; MC_THEME_NEUTRAL (below) is the neutral
 * colour. */
guint           mc_theme_get_n_colors         (const McTheme  *theme);
void            mc_theme_get_color            (const McTheme  *theme,
                                               guint           index,
                                               McColorRole     role,
                                               McColor        *color);
/* The palette by name, as dataset files choose colours ("blue",
 * "orange", …), and the neutral grey that marks what is not highlighted
 * ("grey", index MC_THEME_NEUTRAL, the colour of "Other"). */
#define MC_THEME_NEUTRAL G_MAXUINT

gboolean        mc_theme_color_from_name      (const char     *name,
                                               guint          *index);
/* @index is a palette index below mc_theme_get_n_colors() or
 * MC_THEME_NEUTRAL. */
const char     *mc_theme_color_get_name       (guint           index);
/* Translated, for people: "Blue". */
const char     *mc_theme_color_get_label      (guint           index);
/* "blue, orange, …, grey", for messages. */
char           *mc_theme_list_color_names     (void);

/* The colour of the "Other" remainder in @role. */
void            mc_theme_get_other_color      (const McTheme  *theme,
                                               McColorRole     role,
                                               McColor        *color);

/* A pango font family list, e.g. "Cantarell, Noto Sans, DejaVu Sans, sans". */
const char     *mc_theme_get_font_family      (const McTheme  *theme);
void            mc_theme_set_font_family      (McTheme        *theme,
                                               const char     *family);
/* Draws in @family (the interface's, or one people name), and in the
 * default families for the characters it lacks. */
void            mc_theme_use_font_family      (McTheme        *theme,
                                               const char     *family);

/* WCAG 2.1 relative luminance and contrast ratio (1..21). Alpha is
 * ignored. */
double          mc_color_get_luminance        (const McColor  *color);
double          mc_color_contrast_ratio       (const McColor  *a,
                                               const McColor  *b);
/* "#rrggbb" or "#rrggbbaa". */
gboolean        mc_color_parse                (const char     *spec,
                                               McColor        *color);
char           *mc_color_to_string            (const McColor  *color);
/* Mixes @color towards @target by @amount (0..1). */
void            mc_color_mix                  (const McColor  *color,
                                               const McColor  *target,
                                               double          amount,
                                               McColor        *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McTheme, mc_theme_free)

G_END_DECLS
