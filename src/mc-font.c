/* mc-font.c: the font family of the interface, which charts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart is drawn in the family of the text around it: the window's
 * font, and for exports the desktop's interface font. Families are
 * interned, so that export options and jobs in threads can hold them
 * without owning them.
 */
#include "config.h"

#include "mc-font.h"

#include <gio/gio.h>
#include <pango/pangocairo.h>

#define DESKTOP_INTERFACE_SCHEMA "org.gnome.desktop.interface"

/* The family fontconfig draws @description in. The interface's font is
 * often a generic name ("Sans") or a family this system lacks: either
 * stands for a family the window's text is drawn in, which the chart,
 * whose families are a list of fallbacks, must name to draw in it too. */
static const char *
resolve_family (const PangoFontDescription *description)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  PangoFont *font = pango_font_map_load_font (map, context, description);
  const char *family = pango_font_description_get_family (description);

  if (font != NULL)
    {
      PangoFontDescription *drawn = pango_font_describe (font);

      if (pango_font_description_get_family (drawn) != NULL)
        family = pango_font_description_get_family (drawn);
      /* Interned before the description that holds it goes. */
      family = g_intern_string (family);
      pango_font_description_free (drawn);
      g_object_unref (font);
    }
  g_object_unref (context);
  return g_intern_string (family);
}

const char *
mc_font_family_from_name (const char *font_name)
{
  PangoFontDescription *description;
  const char *family = NULL;

  if (font_name == NULL || *font_name == '\0')
    return NULL;

  description = pango_font_description_from_string (font_name);
  if (pango_font_description_get_family (description) != NULL)
    family = resolve_family (description);
  pango_font_description_free (description);
  return family;
}

const char *
mc_font_get_interface_family (GObject *settings)
{
  g_autofree char *font_name = NULL;

  g_return_val_if_fail (G_IS_OBJECT (settings), NULL);

  g_object_get (settings, "gtk-font-name", &font_name, NULL);
  return mc_font_family_from_name (font_name);
}

const char *
mc_font_get_desktop_family (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *font_name = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, DESKTOP_INTERFACE_SCHEMA, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "font-name"))
    return NULL;

  settings = g_settings_new_full (schema, NULL, NULL);
  font_name = g_settings_get_string (settings, "font-name");
  return mc_font_family_from_name (font_name);
}

gboolean
mc_font_family_exists (const char *family)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  g_autofree PangoFontFamily **families = NULL;
  int n_families = 0;

  g_return_val_if_fail (family != NULL, FALSE);

  pango_font_map_list_families (map, &families, &n_families);
  for (int i = 0; i < n_families; i++)
    if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), family) == 0)
      return TRUE;
  return FALSE;
}
