/* mc-test-window.c: a window under test, and what it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-test-window.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "mc-application.h"

gboolean
mc_test_init_gtk (int    *argc,
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

static gboolean
keep_awake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

guint
mc_test_keep_awake (void)
{
  return g_timeout_add (10, keep_awake_cb, NULL);
}

void
mc_test_reset_settings (void)
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
mc_test_present_window (void)
{
  McWindow *window = mc_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

McWindow *
mc_test_create_window (void)
{
  mc_test_reset_settings ();
  return mc_test_present_window ();
}

GtkWidget *
mc_test_find_widget (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = mc_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
mc_test_find_toplevel (GType type)
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

GtkWidget *
mc_test_find_label_containing (GtkWidget  *root,
                               const char *fragment)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root)
      && strstr (gtk_label_get_text (GTK_LABEL (root)), fragment) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = mc_test_find_label_containing (child, fragment);

      if (found != NULL)
        return found;
    }
  return NULL;
}

guint
mc_test_count_datasets (McWindow *window)
{
  return g_list_model_get_n_items (mc_window_get_documents (window));
}

McDataset *
mc_test_get_dataset (McWindow *window,
                     guint     position)
{
  g_autoptr(McDocument) document = g_list_model_get_item (mc_window_get_documents (window),
                                                          position);

  g_assert_nonnull (document);
  return mc_document_get_dataset (document);
}

char *
mc_test_data_path (const char *folder,
                   const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
}
