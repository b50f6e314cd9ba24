package dev.cubby.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small-multiple line charts as SVG: one panel per (size, method), x = concurrency (categories),
 * y = a metric from zero (log scale off: ratios between targets read straight off the plot).
 */
final class SvgChart {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
    private static final int PANEL_W = 300;
    private static final int PANEL_H = 210;
    private static final int COLUMNS = 3;

    record Panel(String title, List<String> xLabels, Map<String, double[]> series) {
    }

    private final String title;
    private final String unit;
    private final List<Panel> panels = new ArrayList<>();

    SvgChart(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    void add(Panel panel) {
        panels.add(panel);
    }

    String render() {
        int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
        int width = COLUMNS * PANEL_W + 20;
        int height = rows * PANEL_H + 70;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"15\">%s</text>%n", escape(title)));
        legend(svg);
        for (int i = 0; i < panels.size(); i++) {
            panel(svg, panels.get(i), 10 + (i % COLUMNS) * PANEL_W, 50 + (i / COLUMNS) * PANEL_H);
        }
        return svg.append("</svg>\n").toString();
    }

    private void legend(StringBuilder svg) {
        Map<String, Integer> names = seriesColours();
        int x = 10;
        for (Map.Entry<String, Integer> entry : names.entrySet()) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"30\" width=\"12\" height=\"4\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"36\">%s</text>%n", x, COLOURS[entry.getValue() % COLOURS.length], x + 16,
                    escape(entry.getKey())));
            x += 30 + 7 * entry.getKey().length();
        }
    }

    private Map<String, Integer> seriesColours() {
        Map<String, Integer> names = new LinkedHashMap<>();
        for (Panel panel : panels) {
            for (String name : panel.series().keySet()) {
                names.putIfAbsent(name, names.size());
            }
        }
        return names;
    }

    private void panel(StringBuilder svg, Panel panel, int left, int top) {
        int plotLeft = left + 50;
        int plotTop = top + 20;
        int plotW = PANEL_W - 70;
        int plotH = PANEL_H - 60;
        double max = panel.series().values().stream().flatMapToDouble(java.util.Arrays::stream)
                .filter(v -> !Double.isNaN(v)).max().orElse(1);
        double top10 = niceCeiling(max);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", left + 50,
                top + 12, escape(panel.title())));
        for (int g = 0; g <= 4; g++) {
            double value = top10 * g / 4;
            int y = plotTop + plotH - (int) (plotH * g / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", plotLeft, y, plotLeft + plotW, y,
                    plotLeft - 4, y + 4, format(value)));
        }
        int n = panel.xLabels().size();
        for (int i = 0; i < n; i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x(plotLeft, plotW, i, n), plotTop + plotH + 14, escape(panel.xLabels().get(i))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">concurrency; %s</text>%n",
                plotLeft + plotW / 2, plotTop + plotH + 30, escape(unit)));
        Map<String, Integer> colours = seriesColours();
        for (Map.Entry<String, double[]> series : panel.series().entrySet()) {
            String colour = COLOURS[colours.get(series.getKey()) % COLOURS.length];
            StringBuilder points = new StringBuilder();
            double[] values = series.getValue();
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i])) {
                    continue;
                }
                int x = x(plotLeft, plotW, i, n);
                int y = plotTop + plotH - (int) (plotH * values[i] / top10);
                points.append(x).append(',').append(y).append(' ');
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"%s\"/>%n", x, y, colour));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    points.toString().trim(), colour));
        }
    }

    private static int x(int plotLeft, int plotW, int i, int n) {
        return plotLeft + (n == 1 ? plotW / 2 : (int) (plotW * (0.08 + 0.84 * i / (n - 1.0))));
    }

    private static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double value) {
        return value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2g", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
