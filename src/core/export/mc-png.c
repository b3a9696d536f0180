/* mc-png.c: fast PNG encoding of cairo image surfaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cairo_surface_write_to_png_stream() lets libpng try all five row filters
 * on every row and compresses at zlib's default level: for an 800 × 500
 * chart that is about 15 ms, more than drawing it. Unfiltered rows at
 * level 3 take about 3 ms and make files some 15 % larger. Charts of few
 * colours (bars, pies: a couple of hundred with antialiasing) are written
 * with a palette, one byte a pixel instead of three: less to compress, and
 * smaller files.
 */
#include "config.h"

#include "mc-png.h"

#include <png.h>
#include <string.h>

#define MC_PNG_COMPRESSION_LEVEL 3
#define MC_PNG_MAX_COLORS 256
/* Open addressing for the palette: four slots a colour at most. */
#define MC_PNG_HASH_SIZE 1024
#define MC_PNG_NO_COLOR 0xffffffffu

typedef struct
{
  guint32   keys[MC_PNG_HASH_SIZE];
  guint8    slots[MC_PNG_HASH_SIZE];
  png_color colors[MC_PNG_MAX_COLORS];
  guint     n_colors;
} Palette;

typedef struct
{
  McPngWriteFunc  write_func;
  gpointer        user_data;
  gboolean        write_failed;
} Sink;

static void
write_data (png_structp png,
            png_bytep   data,
            size_t      length)
{
  Sink *sink = png_get_io_ptr (png);

  if (!sink->write_func (sink->user_data, data, length))
    {
      sink->write_failed = TRUE;
      png_error (png, "write failed");
    }
}

static void
flush_data (png_structp png)
{
}

static void
on_error (png_structp     png,
          png_const_charp message)
{
  png_longjmp (png, 1);
}

static void
on_warning (png_structp     png,
            png_const_charp message)
{
}

static gboolean
is_opaque (const guint8   *data,
           int             width,
           int             height,
           int             stride,
           cairo_format_t  format)
{
  if (format == CAIRO_FORMAT_RGB24)
    return TRUE;
  for (int y = 0; y < height; y++)
    {
      const guint32 *pixel = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if (pixel[x] < 0xff000000u)
          return FALSE;
    }
  return TRUE;
}

/* The palette index of an opaque colour (0xRRGGBB), added if new; -1 when
 * the palette is full. */
static int
palette_lookup (Palette *palette,
                guint32  rgb)
{
  guint slot = ((rgb * 2654435761u) >> 22) & (MC_PNG_HASH_SIZE - 1);

  while (palette->keys[slot] != MC_PNG_NO_COLOR)
    {
      if (palette->keys[slot] == rgb)
        return palette->slots[slot];
      slot = (slot + 1) & (MC_PNG_HASH_SIZE - 1);
    }
  if (palette->n_colors == MC_PNG_MAX_COLORS)
    return -1;
  palette->keys[slot] = rgb;
  palette->slots[slot] = palette->n_colors;
  palette->colors[palette->n_colors] = (png_color) { rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff };
  return palette->n_colors++;
}

/* The image as palette indices, one byte a pixel, or NULL when it has more
 * colours than a palette holds. Opaque images only. */
static guint8 *
index_image (const guint8 *data,
             int           width,
             int           height,
             int           stride,
             Palette      *palette)
{
  g_autofree guint8 *indices = g_try_malloc ((gsize) width * height);
  guint32 last = MC_PNG_NO_COLOR;
  int last_index = 0;
  guint8 *out = indices;

  if (indices == NULL)
    return NULL;
  memset (palette->keys, 0xff, sizeof palette->keys);
  palette->n_colors = 0;
  for (int y = 0; y < height; y++)
    {
      const guint32 *pixel = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          guint32 rgb = pixel[x] & 0xffffff;

          /* Mostly runs of one colour: the background, bars, lines. */
          if (rgb != last)
            {
              last = rgb;
              last_index = palette_lookup (palette, rgb);
              if (last_index < 0)
                return NULL;
            }
          *out++ = last_index;
        }
    }
  return g_steal_pointer (&indices);
}

/* Native-endian premultiplied ARGB to RGB or straight RGBA bytes. */
static void
convert_row (const guint32 *pixel,
             int            width,
             gboolean       alpha,
             guint8        *out)
{
  for (int x = 0; x < width; x++)
    {
      guint32 p = pixel[x];
      guint a = p >> 24;
      guint r = (p >> 16) & 0xff;
      guint g = (p >> 8) & 0xff;
      guint b = p & 0xff;

      if (!alpha)
        {
          *out++ = r;
          *out++ = g;
          *out++ = b;
          continue;
        }
      if (a == 0)
        r = g = b = 0;
      else if (a < 0xff)
        {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
      *out++ = r;
      *out++ = g;
      *out++ = b;
      *out++ = a;
    }
}

static void
write_image (png_structp    png,
             png_infop      info,
             const guint8  *data,
             int            width,
             int            height,
             int            stride,
             gboolean       alpha,
             const Palette *palette,
             const guint8  *indices,
             guint8        *row)
{
  int color_type = indices != NULL ? PNG_COLOR_TYPE_PALETTE
                   : alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB;

  png_set_IHDR (png, info, width, height, 8, color_type,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (indices != NULL)
    png_set_PLTE (png, info, palette->colors, palette->n_colors);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_compression_level (png, MC_PNG_COMPRESSION_LEVEL);
  png_write_info (png, info);
  for (int y = 0; y < height; y++)
    {
      if (indices != NULL)
        {
          png_write_row (png, indices + (gsize) y * width);
          continue;
        }
      convert_row ((const guint32 *) (data + (gsize) y * stride), width, alpha, row);
      png_write_row (png, row);
    }
  png_write_end (png, info);
}

/* libpng reports errors by longjmp() to here: FALSE then. */
static gboolean
encode (png_structp    png,
        png_infop      info,
        const guint8  *data,
        int            width,
        int            height,
        int            stride,
        gboolean       alpha,
        const Palette *palette,
        const guint8  *indices,
        guint8        *row)
{
  if (setjmp (png_jmpbuf (png)))
    return FALSE;
  write_image (png, info, data, width, height, stride, alpha, palette, indices, row);
  return TRUE;
}

/**
 * mc_png_write_surface:
 * @surface: an image surface in CAIRO_FORMAT_ARGB32 or CAIRO_FORMAT_RGB24
 * @write_func: receives the file's bytes in order
 * @user_data: for @write_func
 *
 * Returns: %CAIRO_STATUS_SUCCESS, %CAIRO_STATUS_WRITE_ERROR when
 *   @write_func failed, or another status when the surface can't be
 *   encoded
 */
cairo_status_t
mc_png_write_surface (cairo_surface_t *surface,
                      McPngWriteFunc   write_func,
                      gpointer         user_data)
{
  Sink sink = { write_func, user_data, FALSE };
  cairo_format_t format;
  const guint8 *data;
  int width, height, stride;
  png_structp png;
  png_infop info;
  guint8 *row;
  guint8 *indices = NULL;
  Palette *palette = NULL;
  gboolean opaque;
  cairo_status_t status;

  g_return_val_if_fail (surface != NULL, CAIRO_STATUS_NULL_POINTER);
  g_return_val_if_fail (write_func != NULL, CAIRO_STATUS_NULL_POINTER);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return cairo_surface_status (surface);
  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_IMAGE)
    return CAIRO_STATUS_SURFACE_TYPE_MISMATCH;
  format = cairo_image_surface_get_format (surface);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return CAIRO_STATUS_INVALID_FORMAT;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  if (data == NULL || width <= 0 || height <= 0)
    return CAIRO_STATUS_INVALID_SIZE;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, on_error, on_warning);
  if (png == NULL)
    return CAIRO_STATUS_NO_MEMORY;
  info = png_create_info_struct (png);
  row = g_try_malloc ((gsize) width * 4);
  if (info == NULL || row == NULL)
    {
      png_destroy_write_struct (&png, &info);
      g_free (row);
      return CAIRO_STATUS_NO_MEMORY;
    }
  opaque = is_opaque (data, width, height, stride, format);
  if (opaque)
    {
      palette = g_new (Palette, 1);
      indices = index_image (data, width, height, stride, palette);
    }

  png_set_write_fn (png, &sink, write_data, flush_data);
  if (encode (png, info, data, width, height, stride, !opaque, palette, indices, row))
    status = CAIRO_STATUS_SUCCESS;
  else
    status = sink.write_failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_NO_MEMORY;

  png_destroy_write_struct (&png, &info);
  g_free (row);
  g_free (indices);
  g_free (palette);
  return status;
}
