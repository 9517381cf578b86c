package dev.berth.app.theme;

/** Style class names used by Berth's own stylesheet ({@code berth.css}), in one place. */
public final class Css {

    public static final String VIEW_TITLE = "view-title";
    public static final String VIEW_SUBTITLE = "view-subtitle";
    public static final String VIEW_TOOLBAR = "view-toolbar";
    public static final String PLACEHOLDER_TEXT = "placeholder-text";
    public static final String PLACEHOLDER_ICON = "placeholder-icon";
    public static final String SIDEBAR = "sidebar";
    public static final String SIDEBAR_BUTTON = "sidebar-button";
    public static final String APP_NAME = "app-name";
    /** AtlantaFX's colour for destructive buttons. */
    public static final String DANGER = "danger";
    public static final String MONOSPACE = "monospace";

    // Layer inspector
    public static final String LAYER_INSPECTOR = "layer-inspector";
    public static final String LAYER_STEPS = "layer-steps";
    public static final String LAYER_WARNINGS = "layer-warnings";
    public static final String STEP_KEYWORD = "step-keyword";
    public static final String SECTION_TITLE = "section-title";
    public static final String EFFICIENCY_SCORE = "efficiency-score";
    public static final String EFFICIENCY_METER = "efficiency-meter";
    public static final String COMPARE_LAYERS = "compare-layers";
    public static final String COMPARE_HEADER = "compare-header";
    public static final String COMPARE_SHARED = "compare-shared";
    public static final String COMPARE_DIVERGES = "compare-diverges";
    public static final String CACHE_CARD = "cache-card";
    public static final String CACHE_VERDICT = "cache-verdict";
    public static final String ADVICE_CARD = "advice-card";
    public static final String ADVICE_TITLE = "advice-title";
    public static final String DANGER_TEXT = "danger-text";

    private Css() {
    }
}
