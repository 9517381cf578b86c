package dev.berth.app.theme;

/** Style class names used by Berth's own stylesheet ({@code berth.css}), in one place. */
public final class Css {

    public static final String VIEW_TITLE = "view-title";
    public static final String VIEW_SUBTITLE = "view-subtitle";
    public static final String VIEW_TOOLBAR = "view-toolbar";
    public static final String PLACEHOLDER_TEXT = "placeholder-text";
    public static final String PLACEHOLDER_ICON = "placeholder-icon";
    public static final String COMING_SOON_ICON = "coming-soon-icon";
    public static final String COMING_SOON_TAG = "coming-soon-tag";
    public static final String SIDEBAR = "sidebar";
    public static final String SIDEBAR_BUTTON = "sidebar-button";
    public static final String APP_NAME = "app-name";
    /** AtlantaFX's colour for destructive buttons. */
    public static final String DANGER = "danger";
    public static final String MONOSPACE = "monospace";

    private Css() {
    }
}
