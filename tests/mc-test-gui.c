/* mc-test-gui.c: what the tests of the window share: finding widgets and
 * labels, waiting for the main loop, windows with default settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-test-gui.h"

#include <locale.h>
#include <string.h>

#include "mc-application.h"

gboolean
init_gui_test (int    *argc,
               char ***argv)
{
  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();
  return TRUE;
}

void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The label on screen whose text is @text, or NULL. */
GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_text (label), text) == 0)
        return GTK_WIDGET (label);
    }

  return NULL;
}

GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *fragment)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (strstr (gtk_label_get_text (label), fragment) != NULL)
        return GTK_WIDGET (label);
    }

  return NULL;
}

gboolean
keep_awake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}


/* Every test starts from the defaults (the memory backend keeps values for
 * the whole run). */
void
reset_settings (void)
{
  g_autoptr(GSettings) settings = mc_application_create_settings ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_nonnull (settings);
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

McWindow *
present_window (void)
{
  McWindow *window = mc_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

McWindow *
create_window (void)
{
  reset_settings ();

  return present_window ();
}

void
destroy_window (McWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
}

void
activate (McWindow   *window,
          const char *action,
          const char *format_string,
          ...)
{
  GVariant *parameter = NULL;
  va_list args;

  if (format_string != NULL)
    {
      va_start (args, format_string);
      parameter = g_variant_new_va (format_string, NULL, &args);
      va_end (args);
    }

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
}

McChartView *
get_chart_view (McWindow *window)
{
  GtkWidget *view = find_widget (GTK_WIDGET (window), MC_TYPE_CHART_VIEW);

  g_assert_nonnull (view);
  return MC_CHART_VIEW (view);
}

char *
isolate_state_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mc-state-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", dir, TRUE);
  return dir;
}

GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

guint
count_datasets (McWindow *window)
{
  return g_list_model_get_n_items (mc_window_get_documents (window));
}

McDataset *
get_dataset (McWindow *window,
             guint     position)
{
  g_autoptr(McDocument) document = g_list_model_get_item (mc_window_get_documents (window),
                                                          position);

  g_assert_nonnull (document);
  return mc_document_get_dataset (document);
}

char *
data_path (const char *folder,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
}
