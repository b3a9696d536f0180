/* mc-export-dialog.c: export a chart to PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-export-dialog.h"

#include <glib/gi18n.h>

#include "mc-chart-content.h"
#include "mc-chart.h"
#include "mc-compat.h"
#include "mc-font.h"
#include "mc-theme.h"

struct _McExportDialog
{
  AdwWindow       parent_instance;

  McChartModel   *chart;
  McViewOptions   view;          /* what the export shows of the chart */
  GSettings      *settings;
  GCancellable   *cancellable;
  gboolean        updating;
  const char     *font_family;   /* chosen, interned; NULL: the window's */

  GtkWidget      *export_button;
  GtkFontButton  *font_button;
  AdwComboRow    *format_row;
  GtkAdjustment  *height_adjustment;
  GtkDrawingArea *preview;
  AdwComboRow    *scale_row;
  AdwComboRow    *size_row;
  AdwComboRow    *theme_row;
  GtkSwitch      *transparent_switch;
  GtkAdjustment  *width_adjustment;
};

G_DEFINE_FINAL_TYPE (McExportDialog, mc_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CHART,
  PROP_SETTINGS,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Common sizes, at the 16:10 shape of most slides and reports, and a small
 * one for thumbnails. */
static const struct
{
  int width;
  int height;
} size_presets[] = {
  { 320, 240 },
  { 800, 500 },
  { 1200, 750 },
  { 1600, 1000 },
};

#define CUSTOM_SIZE G_N_ELEMENTS (size_presets)

static int
get_width (McExportDialog *self)
{
  return (int) gtk_adjustment_get_value (self->width_adjustment);
}

static int
get_height (McExportDialog *self)
{
  return (int) gtk_adjustment_get_value (self->height_adjustment);
}

static double
get_scale (McExportDialog *self)
{
  return adw_combo_row_get_selected (self->scale_row) == 1 ? 2.0 : 1.0;
}

static void
update_scale_row (McExportDialog *self)
{
  gboolean png = mc_export_dialog_get_format (self) == MC_EXPORT_PNG;
  g_autofree char *subtitle = NULL;

  if (png)
    /* Translators: the pixel size of a PNG export, "WIDTH × HEIGHT pixels" */
    subtitle = g_strdup_printf (_("%d × %d pixels"),
                                (int) (get_width (self) * get_scale (self)),
                                (int) (get_height (self) * get_scale (self)));
  else
    subtitle = g_strdup (_("Vector formats have no fixed resolution"));

  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), png);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scale_row), subtitle);
}

/* The preset that matches the size, or "Custom". */
static void
update_size_row (McExportDialog *self)
{
  guint selected = CUSTOM_SIZE;

  for (guint i = 0; i < G_N_ELEMENTS (size_presets); i++)
    {
      if (size_presets[i].width == get_width (self) &&
          size_presets[i].height == get_height (self))
        selected = i;
    }

  self->updating = TRUE;
  adw_combo_row_set_selected (self->size_row, selected);
  self->updating = FALSE;
}

static void
on_size_row_selected_cb (McExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->size_row);

  if (self->updating || selected >= G_N_ELEMENTS (size_presets))
    return;

  self->updating = TRUE;
  gtk_adjustment_set_value (self->width_adjustment, size_presets[selected].width);
  gtk_adjustment_set_value (self->height_adjustment, size_presets[selected].height);
  self->updating = FALSE;

  update_scale_row (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
on_spin_value_changed_cb (McExportDialog *self)
{
  if (self->updating)
    return;

  update_size_row (self);
  update_scale_row (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
on_format_row_selected_cb (McExportDialog *self)
{
  update_scale_row (self);
}

static void
on_scale_row_selected_cb (McExportDialog *self)
{
  update_scale_row (self);
}

static void
on_theme_row_selected_cb (McExportDialog *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
on_transparent_switch_active_cb (McExportDialog *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* Exported as the window draws it, in the interface's family, unless
 * another is chosen. */
static const char *
get_font_family (McExportDialog *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));

  if (self->font_family != NULL)
    return self->font_family;
  return mc_font_get_interface_family (G_OBJECT (settings));
}

static void
show_font_family (McExportDialog *self)
{
  const char *family = get_font_family (self);
  g_autofree char *name = family != NULL ? g_strdup_printf ("%s 11", family) : NULL;

  if (name != NULL)
    gtk_font_chooser_set_font (GTK_FONT_CHOOSER (self->font_button), name);
}

/* Choosing the interface's family (interned) again is choosing none:
 * exports follow it, should it change. From the font button and from
 * options given, which may name it. */
static void
choose_font_family (McExportDialog *self,
                    const char     *family)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));

  self->font_family = family != mc_font_get_interface_family (G_OBJECT (settings)) ? family : NULL;
}

static void
on_font_button_font_set_cb (McExportDialog *self)
{
  g_autofree char *name = gtk_font_chooser_get_font (GTK_FONT_CHOOSER (self->font_button));

  choose_font_family (self, mc_font_family_from_name (name));
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* A grey checkerboard shows where the background will be transparent. */
static void
draw_checkerboard (cairo_t *cr,
                   double   width,
                   double   height)
{
  const double size = 8;

  cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
  for (int row = 0; row * size < height; row++)
    for (int col = row % 2; col * size < width; col += 2)
      cairo_rectangle (cr, col * size, row * size,
                       MIN (size, width - col * size), MIN (size, height - row * size));
  cairo_fill (cr);
}

static void
render_preview (McExportDialog        *self,
                cairo_t               *cr,
                const McExportOptions *options,
                const McTheme         *theme)
{
  g_autoptr(McMarks) marks = mc_chart_render (self->chart, &self->view, cr,
                                              options->width, options->height, theme);
}

/* The chart as it will be exported, scaled down to fit. */
static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             area_width,
              int             area_height,
              gpointer        user_data)
{
  McExportDialog *self = MC_EXPORT_DIALOG (user_data);
  McExportOptions options;
  g_autoptr(McTheme) theme = NULL;
  double scale;
  double width;
  double height;

  mc_export_dialog_get_options (self, &options);
  scale = MIN ((area_width - 2) / options.width, (area_height - 2) / options.height);
  width = options.width * scale;
  height = options.height * scale;

  cairo_translate (cr, floor ((area_width - width) / 2), floor ((area_height - height) / 2));
  if (options.transparent)
    draw_checkerboard (cr, width, height);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_scale (cr, scale, scale);
  theme = mc_export_options_new_theme (&options);
  render_preview (self, cr, &options, theme);
  cairo_restore (cr);

  /* A hairline edge, so that a white chart stands out from the dialog. */
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, -0.5, -0.5, width + 1, height + 1);
  cairo_stroke (cr);
}

static void
load_settings (McExportDialog *self)
{
  McExportOptions options;

  if (self->settings == NULL)
    return;

  mc_export_dialog_load_options (self->settings, NULL, &options);
  mc_export_dialog_set_options (self, &options);
  mc_export_dialog_set_format (self, g_settings_get_enum (self->settings, "export-format"));
}

static void
save_settings (McExportDialog *self)
{
  McExportOptions options;

  if (self->settings == NULL)
    return;

  mc_export_dialog_get_options (self, &options);
  g_settings_delay (self->settings);
  g_settings_set_enum (self->settings, "export-format", mc_export_dialog_get_format (self));
  g_settings_set_int (self->settings, "export-width", (int) options.width);
  g_settings_set_int (self->settings, "export-height", (int) options.height);
  g_settings_set_double (self->settings, "export-scale", options.scale);
  g_settings_set_enum (self->settings, "export-theme", options.dark ? 1 : 0);
  g_settings_set_boolean (self->settings, "export-transparent", options.transparent);
  g_settings_set_string (self->settings, "export-font",
                         self->font_family != NULL ? self->font_family : "");
  g_settings_apply (self->settings);
}

/* "Alibaba Cloud revenue.png": the chart's title makes a file name that
 * says what is in it. */
static char *
dup_initial_name (McExportDialog *self)
{
  const char *title = mc_chart_model_get_title (self->chart);
  const char *extension = mc_export_format_get_extension (mc_export_dialog_get_format (self));
  g_autofree char *base = NULL;

  if (title == NULL || title[0] == '\0')
    title = mc_chart_model_get_spec (self->chart)->id;
  base = g_strdup (title);
  g_strdelimit (base, "/\\:", '-');

  return g_strdup_printf ("%s.%s", base, extension);
}

static GListModel *
create_filters (McExportFormat format)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  switch (format)
    {
    case MC_EXPORT_SVG:
      gtk_file_filter_set_name (filter, _("SVG Drawings"));
      break;
    case MC_EXPORT_PDF:
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      break;
    case MC_EXPORT_PNG:
    default:
      gtk_file_filter_set_name (filter, _("PNG Images"));
      break;
    }
  gtk_file_filter_add_mime_type (filter, mc_export_format_get_mime_type (format));
  gtk_file_filter_add_suffix (filter, mc_export_format_get_extension (format));
  g_list_store_append (filters, filter);

  return G_LIST_MODEL (filters);
}

static void
on_file_chosen_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(McExportDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  McExportFormat format;

  file = mc_compat_save_file_finish (result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FINISHED], 0, NULL, error);
      return;
    }

  /* A name typed with another format's extension asks for that format. */
  basename = g_file_get_basename (file);
  if (basename != NULL && mc_export_format_from_path (basename, &format, NULL))
    mc_export_dialog_set_format (self, format);

  mc_export_dialog_export (self, file);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  McExportDialog *self = MC_EXPORT_DIALOG (widget);
  g_autoptr(GListModel) filters = create_filters (mc_export_dialog_get_format (self));
  g_autofree char *name = dup_initial_name (self);

  mc_compat_save_file (GTK_WINDOW (self), _("Export Chart"), name, filters,
                       self->cancellable, on_file_chosen_cb, g_object_ref (self));
}

/* An export in a thread: the chart model is immutable and shared, the
 * options are the job's own. */
typedef struct
{
  McChartModel    *chart;
  McViewOptions    view;
  GFile           *file;
  McExportFormat   format;
  McExportOptions  options;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->chart);
  mc_view_options_clear (&job->view);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (mc_export_chart (job->chart, job->file, job->format, &job->options, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_export_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  McExportDialog *self = MC_EXPORT_DIALOG (source_object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  g_signal_emit (self, signals[FINISHED], 0, job->file, error);
}

/* Enter exports straight away; Tab reaches the options. GtkWindow picks
 * the first focusable widget, Cancel, when it is shown. */
static void
mc_export_dialog_map (GtkWidget *widget)
{
  McExportDialog *self = MC_EXPORT_DIALOG (widget);

  GTK_WIDGET_CLASS (mc_export_dialog_parent_class)->map (widget);

  gtk_widget_grab_focus (self->export_button);
}

static void
mc_export_dialog_constructed (GObject *object)
{
  McExportDialog *self = MC_EXPORT_DIALOG (object);

  G_OBJECT_CLASS (mc_export_dialog_parent_class)->constructed (object);

  g_assert (self->chart != NULL);
  load_settings (self);
  update_size_row (self);
  update_scale_row (self);
}

static void
mc_export_dialog_dispose (GObject *object)
{
  McExportDialog *self = MC_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->chart);
  mc_view_options_clear (&self->view);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mc_export_dialog_parent_class)->dispose (object);
}

static void
mc_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  McExportDialog *self = MC_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  McExportDialog *self = MC_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CHART:
      self->chart = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_export_dialog_class_init (McExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_export_dialog_constructed;
  object_class->dispose = mc_export_dialog_dispose;
  object_class->get_property = mc_export_dialog_get_property;
  object_class->set_property = mc_export_dialog_set_property;
  widget_class->map = mc_export_dialog_map;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL,
                         MC_TYPE_CHART_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * McExportDialog::finished:
   * @file: (nullable): the file written or meant to be written
   * @error: (nullable): why the export failed, or %NULL
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/mc-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, McExportDialog, font_button);
  gtk_widget_class_bind_template_child (widget_class, McExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, McExportDialog, height_adjustment);
  gtk_widget_class_bind_template_child (widget_class, McExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, McExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, McExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, McExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, McExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, McExportDialog, width_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, on_format_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_scale_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_size_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_theme_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_transparent_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_font_button_font_set_cb);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GListModel *
create_size_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (size_presets); i++)
    {
      /* Translators: a size preset, "WIDTH × HEIGHT" */
      g_autofree char *label = g_strdup_printf (_("%d × %d"),
                                                size_presets[i].width, size_presets[i].height);

      gtk_string_list_append (list, label);
    }
  /* Translators: the size preset for any other size */
  gtk_string_list_append (list, _("Custom"));

  return G_LIST_MODEL (list);
}

static void
mc_export_dialog_init (McExportDialog *self)
{
  g_autoptr(GListModel) sizes = create_size_model ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  mc_view_options_init (&self->view);
  adw_combo_row_set_model (self->size_row, sizes);
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  show_font_family (self);
}

McExportDialog *
mc_export_dialog_new (GtkWindow           *parent,
                      McChartModel        *chart,
                      const McViewOptions *view,
                      GSettings           *settings)
{
  McExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MC_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "chart", chart,
                       "settings", settings,
                       NULL);
  if (view != NULL)
    {
      mc_view_options_clear (&self->view);
      mc_view_options_copy (&self->view, view);
    }
  return self;
}

McChartModel *
mc_export_dialog_get_chart (McExportDialog *self)
{
  g_return_val_if_fail (MC_IS_EXPORT_DIALOG (self), NULL);

  return self->chart;
}

McExportFormat
mc_export_dialog_get_format (McExportDialog *self)
{
  g_return_val_if_fail (MC_IS_EXPORT_DIALOG (self), MC_EXPORT_PNG);

  switch (adw_combo_row_get_selected (self->format_row))
    {
    case 1:
      return MC_EXPORT_SVG;
    case 2:
      return MC_EXPORT_PDF;
    default:
      return MC_EXPORT_PNG;
    }
}

void
mc_export_dialog_set_format (McExportDialog *self,
                             McExportFormat  format)
{
  g_return_if_fail (MC_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= MC_EXPORT_PDF);

  adw_combo_row_set_selected (self->format_row, format);
}

void
mc_export_dialog_get_options (McExportDialog  *self,
                              McExportOptions *options)
{
  g_return_if_fail (MC_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  mc_export_options_init (options);
  options->width = get_width (self);
  options->height = get_height (self);
  options->scale = get_scale (self);
  options->dark = adw_combo_row_get_selected (self->theme_row) == 1;
  options->transparent = gtk_switch_get_active (self->transparent_switch);
  options->font_family = get_font_family (self);
}

/**
 * mc_export_dialog_load_options:
 * @settings: where the dialog keeps the options of the last export
 * @family: (nullable): the family when none was chosen (the interface's)
 * @options: (out): the options
 *
 * The options of the last export, for all that exports as the dialog
 * did: copies, drags, Export All. A family chosen that this system no
 * longer has gives way to @family.
 */
void
mc_export_dialog_load_options (GSettings       *settings,
                               const char      *family,
                               McExportOptions *options)
{
  g_autofree char *chosen = g_settings_get_string (settings, "export-font");

  mc_export_options_init (options);
  options->width = g_settings_get_int (settings, "export-width");
  options->height = g_settings_get_int (settings, "export-height");
  options->scale = g_settings_get_double (settings, "export-scale");
  options->dark = g_settings_get_enum (settings, "export-theme") == 1;
  options->transparent = g_settings_get_boolean (settings, "export-transparent");
  /* Empty: the interface's, whichever it is then. */
  options->font_family = chosen[0] != '\0' && mc_font_family_exists (chosen)
                         ? g_intern_string (chosen) : family;
}

/* The dialog offers 1× and 2×: other scales round to the nearer; a
 * family of NULL is the interface's. */
void
mc_export_dialog_set_options (McExportDialog        *self,
                              const McExportOptions *options)
{
  g_return_if_fail (MC_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  self->updating = TRUE;
  gtk_adjustment_set_value (self->width_adjustment, options->width);
  gtk_adjustment_set_value (self->height_adjustment, options->height);
  self->updating = FALSE;

  adw_combo_row_set_selected (self->scale_row, options->scale >= 1.5 ? 1 : 0);
  adw_combo_row_set_selected (self->theme_row, options->dark ? 1 : 0);
  gtk_switch_set_active (self->transparent_switch, options->transparent);
  choose_font_family (self, g_intern_string (options->font_family));
  show_font_family (self);
  update_size_row (self);
  update_scale_row (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

void
mc_export_dialog_export (McExportDialog *self,
                         GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (MC_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  save_settings (self);

  job = g_new0 (ExportJob, 1);
  job->chart = g_object_ref (self->chart);
  mc_view_options_copy (&job->view, &self->view);
  job->file = g_object_ref (file);
  job->format = mc_export_dialog_get_format (self);
  mc_export_dialog_get_options (self, &job->options);
  job->options.view = &job->view;

  task = g_task_new (self, NULL, on_export_done_cb, NULL);
  g_task_set_source_tag (task, mc_export_dialog_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}
