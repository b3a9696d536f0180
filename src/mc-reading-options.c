/* mc-reading-options.c: how to read a file that opened badly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CSV file whose separator was guessed wrong, a JSON file whose
 * records are not the first array, a workbook read from the wrong sheet:
 * the reading options say what the contents did not, and the window
 * opens the file again with them (McLoadOptions, which the document
 * manager keeps for the file's reloads).
 */
#include "config.h"

#include "mc-reading-options.h"

#include <glib/gi18n.h>

#include "mc-text.h"

struct _McReadingOptions
{
  AdwWindow   parent_instance;

  GFile      *file;

  AdwComboRow     *delimiter_row;
  AdwEntryRow     *records_row;
  AdwEntryRow     *sheet_row;
  AdwWindowTitle  *window_title;
};

G_DEFINE_FINAL_TYPE (McReadingOptions, mc_reading_options, ADW_TYPE_WINDOW)

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The delimiters of the rows of the combo row, after "found from the file". */
static const char delimiters[] = { ',', ';', '\t', '|' };

McLoadOptions *
mc_reading_options_get_options (McReadingOptions *self)
{
  McLoadOptions *options = mc_load_options_new ();
  guint selected;

  g_return_val_if_fail (MC_IS_READING_OPTIONS (self), NULL);

  selected = adw_combo_row_get_selected (self->delimiter_row);
  if (selected >= 1 && selected <= G_N_ELEMENTS (delimiters))
    options->delimiter = delimiters[selected - 1];
  mc_load_options_set_sheet (options, gtk_editable_get_text (GTK_EDITABLE (self->sheet_row)));
  mc_load_options_set_records (options,
                               gtk_editable_get_text (GTK_EDITABLE (self->records_row)));
  return options;
}

void
mc_reading_options_set_options (McReadingOptions    *self,
                                const McLoadOptions *options)
{
  guint selected = 0;

  g_return_if_fail (MC_IS_READING_OPTIONS (self));

  for (guint i = 0; options != NULL && i < G_N_ELEMENTS (delimiters); i++)
    if (options->delimiter == delimiters[i])
      selected = i + 1;
  adw_combo_row_set_selected (self->delimiter_row, selected);
  gtk_editable_set_text (GTK_EDITABLE (self->sheet_row),
                         options && options->sheet ? options->sheet : "");
  gtk_editable_set_text (GTK_EDITABLE (self->records_row),
                         options && options->records ? options->records : "");
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  McReadingOptions *self = MC_READING_OPTIONS (widget);
  g_autoptr(McLoadOptions) options = mc_reading_options_get_options (self);

  g_object_ref (self);
  g_signal_emit (self, signals[APPLY], 0, self->file, options);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
mc_reading_options_dispose (GObject *object)
{
  McReadingOptions *self = MC_READING_OPTIONS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_READING_OPTIONS);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (mc_reading_options_parent_class)->dispose (object);
}

static void
mc_reading_options_class_init (McReadingOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_reading_options_dispose;

  /**
   * McReadingOptions::apply:
   * @file: the file to read again
   * @options: (type gpointer): the McLoadOptions chosen, for the time
   *   of the emission
   */
  signals[APPLY] =
    g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/mc-reading-options.ui");
  gtk_widget_class_bind_template_child (widget_class, McReadingOptions, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, McReadingOptions, records_row);
  gtk_widget_class_bind_template_child (widget_class, McReadingOptions, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, McReadingOptions, window_title);

  gtk_widget_class_install_action (widget_class, "reading.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_reading_options_init (McReadingOptions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

McReadingOptions *
mc_reading_options_new (GtkWindow           *parent,
                        GFile               *file,
                        const McLoadOptions *options)
{
  McReadingOptions *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (MC_TYPE_READING_OPTIONS, "transient-for", parent, NULL);
  self->file = g_object_ref (file);
  name = mc_text_file_name (file);
  adw_window_title_set_subtitle (self->window_title, name);
  mc_reading_options_set_options (self, options);
  return self;
}

GFile *
mc_reading_options_get_file (McReadingOptions *self)
{
  g_return_val_if_fail (MC_IS_READING_OPTIONS (self), NULL);

  return self->file;
}
