/* mc-vision.c: how a chart looks to people with a colour vision deficiency
 *
 * The dichromacies use the matrices of Machado, Oliveira and Fernandes,
 * "A Physiologically-based Model for Simulation of Color Vision
 * Deficiency" (IEEE TVCG 15(6), 2009), at severity 1. They act on linear
 * RGB, so colours are decoded from sRGB first and encoded again after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-vision.h"

#include <glib/gi18n.h>
#include <math.h>

G_DEFINE_ENUM_TYPE (McVision, mc_vision,
  G_DEFINE_ENUM_VALUE (MC_VISION_NORMAL, "normal"),
  G_DEFINE_ENUM_VALUE (MC_VISION_PROTANOPIA, "protanopia"),
  G_DEFINE_ENUM_VALUE (MC_VISION_DEUTERANOPIA, "deuteranopia"),
  G_DEFINE_ENUM_VALUE (MC_VISION_TRITANOPIA, "tritanopia"),
  G_DEFINE_ENUM_VALUE (MC_VISION_GREYSCALE, "greyscale"))

/* Rows map linear (r, g, b) to the simulated (r, g, b). Every row sums to
 * 1, so greys stay grey and white stays white. */
static const double matrices[][3][3] = {
  [MC_VISION_NORMAL] = {
    { 1, 0, 0 },
    { 0, 1, 0 },
    { 0, 0, 1 },
  },
  [MC_VISION_PROTANOPIA] = {
    {  0.152286,  1.052583, -0.204868 },
    {  0.114503,  0.786281,  0.099216 },
    { -0.003882, -0.048116,  1.051998 },
  },
  [MC_VISION_DEUTERANOPIA] = {
    {  0.367322,  0.860646, -0.227968 },
    {  0.280085,  0.672501,  0.047413 },
    { -0.011820,  0.042940,  0.968881 },
  },
  [MC_VISION_TRITANOPIA] = {
    {  1.255528, -0.076749, -0.178779 },
    { -0.078411,  0.930809,  0.147602 },
    {  0.004733,  0.691367,  0.303900 },
  },
  /* Relative luminance (WCAG, ITU-R BT.709) in every channel. */
  [MC_VISION_GREYSCALE] = {
    { 0.2126, 0.7152, 0.0722 },
    { 0.2126, 0.7152, 0.0722 },
    { 0.2126, 0.7152, 0.0722 },
  },
};

const char *
mc_vision_get_label (McVision vision)
{
  switch (vision)
    {
    case MC_VISION_NORMAL:
      return _("Normal colour vision");
    case MC_VISION_PROTANOPIA:
      return _("Protanopia (no red cones)");
    case MC_VISION_DEUTERANOPIA:
      return _("Deuteranopia (no green cones)");
    case MC_VISION_TRITANOPIA:
      return _("Tritanopia (no blue cones)");
    case MC_VISION_GREYSCALE:
      return _("Greyscale");
    default:
      g_return_val_if_reached (NULL);
    }
}

static double
srgb_to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
linear_to_srgb (double c)
{
  c = CLAMP (c, 0, 1);
  return c <= 0.0031308 ? c * 12.92 : 1.055 * pow (c, 1 / 2.4) - 0.055;
}

static void
apply_matrix (McVision  vision,
              double    rgb[3])
{
  const double (*m)[3] = matrices[vision];
  double in[3] = { rgb[0], rgb[1], rgb[2] };

  for (guint i = 0; i < 3; i++)
    rgb[i] = m[i][0] * in[0] + m[i][1] * in[1] + m[i][2] * in[2];
}

void
mc_vision_transform_color (McVision  vision,
                           McColor  *color)
{
  double rgb[3];

  g_return_if_fail (vision <= MC_VISION_GREYSCALE);
  g_return_if_fail (color != NULL);

  if (vision == MC_VISION_NORMAL)
    return;
  rgb[0] = srgb_to_linear (color->red);
  rgb[1] = srgb_to_linear (color->green);
  rgb[2] = srgb_to_linear (color->blue);
  apply_matrix (vision, rgb);
  color->red = linear_to_srgb (rgb[0]);
  color->green = linear_to_srgb (rgb[1]);
  color->blue = linear_to_srgb (rgb[2]);
}

/* Images: tables for decoding 8-bit sRGB and for encoding linear values
 * finely enough that no 8-bit level is skipped. */

#define MC_ENCODE_STEPS 4096

typedef struct
{
  float  decode[256];
  guint8 encode[MC_ENCODE_STEPS + 1];
} Tables;

static const Tables *
get_tables (void)
{
  static Tables tables;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < 256; i++)
        tables.decode[i] = srgb_to_linear (i / 255.0);
      for (guint i = 0; i <= MC_ENCODE_STEPS; i++)
        tables.encode[i] = (guint8) lround (linear_to_srgb ((double) i / MC_ENCODE_STEPS) * 255);
      g_once_init_leave (&initialized, 1);
    }
  return &tables;
}

static guint8
encode (const Tables *tables,
        double        linear)
{
  return tables->encode[(guint) lround (CLAMP (linear, 0, 1) * MC_ENCODE_STEPS)];
}

/* One native-endian ARGB32 pixel, premultiplied. */
static guint32
transform_pixel (const Tables *tables,
                 McVision      vision,
                 guint32       pixel)
{
  guint a = pixel >> 24;
  guint c[3] = { (pixel >> 16) & 0xff, (pixel >> 8) & 0xff, pixel & 0xff };
  double rgb[3];

  if (a == 0)
    return pixel;
  for (guint i = 0; i < 3; i++)
    rgb[i] = tables->decode[a == 255 ? c[i] : MIN (255, (c[i] * 255 + a / 2) / a)];
  apply_matrix (vision, rgb);
  for (guint i = 0; i < 3; i++)
    {
      c[i] = encode (tables, rgb[i]);
      if (a != 255)
        c[i] = (c[i] * a + 127) / 255;
    }
  return (guint32) a << 24 | c[0] << 16 | c[1] << 8 | c[2];
}

void
mc_vision_transform_surface (McVision         vision,
                             cairo_surface_t *surface)
{
  const Tables *tables;
  cairo_format_t format;
  guchar *data;
  int width, height, stride;
  guint32 last_in = 0, last_out = 0;

  g_return_if_fail (vision <= MC_VISION_GREYSCALE);
  g_return_if_fail (surface != NULL);
  g_return_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE);

  format = cairo_image_surface_get_format (surface);
  g_return_if_fail (format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24);
  if (vision == MC_VISION_NORMAL)
    return;

  tables = get_tables ();
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* Charts are mostly runs of one colour: remember the last pixel. */
  last_out = transform_pixel (tables, vision, last_in);
  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (gpointer) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          guint32 pixel = format == CAIRO_FORMAT_RGB24 ? row[x] | 0xff000000u : row[x];

          if (pixel != last_in)
            {
              last_in = pixel;
              last_out = transform_pixel (tables, vision, pixel);
            }
          row[x] = last_out;
        }
    }
  cairo_surface_mark_dirty (surface);
}
