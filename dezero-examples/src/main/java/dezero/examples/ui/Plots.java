package dezero.examples.ui;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * PNG charts for the examples, drawn with XChart (headless: no window is opened).
 *
 * <pre>{@code
 * Plots.line(Path.of("out/loss.png"), "spiral: training loss", "epoch", "loss",
 *            Map.of("train", losses));
 * }</pre>
 */
public final class Plots {
    /** Colours of classes 0, 1, 2, ... in scatter plots and decision regions. */
    private static final Color[] CLASS_COLORS = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    static {
        // charts are drawn off-screen; never try to open a display
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** Line chart of each series against 1, 2, 3, ... (e.g. loss per epoch), written as PNG. */
    public static Path line(Path file, String title, String xLabel, String yLabel, Map<String, double[]> series)
            throws IOException {
        Map<String, double[][]> xy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = e.getValue();
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
            }
            xy.put(e.getKey(), new double[][] {x, y});
        }
        return lineXY(file, title, xLabel, yLabel, xy);
    }

    /** Line chart of (x, y) series: {@code series.get(name)} is {@code {x[], y[]}}. */
    public static Path lineXY(Path file, String title, String xLabel, String yLabel, Map<String, double[][]> series)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel)
                .build();
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            double[][] xy = e.getValue();
            if (xy[0].length != xy[1].length) {
                throw new IllegalArgumentException("plot '" + title + "': series '" + e.getKey() + "' has "
                        + xy[0].length + " x values and " + xy[1].length + " y values");
            }
            XYSeries s = chart.addSeries(e.getKey(), xy[0], xy[1]);
            s.setMarker(SeriesMarkers.NONE);
        }
        return save(chart, file);
    }

    /** Scatter chart of points coloured by series (e.g. data and predictions), written as PNG. */
    public static Path scatter(Path file, String title, Map<String, double[][]> series) throws IOException {
        XYChart chart = new XYChartBuilder().width(700).height(600).title(title).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(5);
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            chart.addSeries(e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
        return save(chart, file);
    }

    /**
     * A 2-D classifier's decision regions with the data on top: {@code predict(x, y)} gives the
     * class of each grid point; {@code xs, ys, labels} are the data points.
     *
     * @param grid points per axis of the background grid
     */
    public static Path decisionBoundary(Path file, String title, double[] xs, double[] ys, int[] labels,
                                        BiFunction<double[], double[], int[]> predict, int grid) throws IOException {
        if (xs.length != ys.length || xs.length != labels.length) {
            throw new IllegalArgumentException("decision boundary: " + xs.length + " x, " + ys.length + " y and "
                    + labels.length + " labels");
        }
        double xMin = min(xs) - 0.1, xMax = max(xs) + 0.1, yMin = min(ys) - 0.1, yMax = max(ys) + 0.1;
        double[] gx = new double[grid * grid];
        double[] gy = new double[grid * grid];
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                gx[i * grid + j] = xMin + (xMax - xMin) * j / (grid - 1);
                gy[i * grid + j] = yMin + (yMax - yMin) * i / (grid - 1);
            }
        }
        int[] regions = predict.apply(gx, gy);
        int classes = 0;
        for (int c : labels) {
            classes = Math.max(classes, c + 1);
        }
        for (int c : regions) {
            classes = Math.max(classes, c + 1);
        }
        XYChart chart = new XYChartBuilder().width(700).height(650).title(title).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setXAxisMin(xMin).setXAxisMax(xMax).setYAxisMin(yMin).setYAxisMax(yMax);
        // the regions: a dense grid of small, pale square markers
        for (int c = 0; c < classes; c++) {
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (int i = 0; i < regions.length; i++) {
                if (regions[i] == c) {
                    px.add(gx[i]);
                    py.add(gy[i]);
                }
            }
            if (!px.isEmpty()) {
                XYSeries s = chart.addSeries("region " + c, px, py);
                s.setMarker(SeriesMarkers.SQUARE);
                s.setMarkerColor(pale(CLASS_COLORS[c % CLASS_COLORS.length]));
                s.setShowInLegend(false);
            }
        }
        chart.getStyler().setMarkerSize(Math.max(4, 650 / grid + 1));
        for (int c = 0; c < classes; c++) {
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    px.add(xs[i]);
                    py.add(ys[i]);
                }
            }
            if (!px.isEmpty()) {
                XYSeries s = chart.addSeries("class " + c, px, py);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(CLASS_COLORS[c % CLASS_COLORS.length].darker());
            }
        }
        return save(chart, file);
    }

    /** A grey-level image grid (e.g. generated digits): {@code images[i]} is h*w values in [0, 1]. */
    public static Path imageGrid(Path file, double[][] images, int h, int w, int columns) throws IOException {
        int rows = (images.length + columns - 1) / columns;
        int scale = 2;
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(columns * (w + 1) * scale + scale,
                rows * (h + 1) * scale + scale, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int k = 0; k < images.length; k++) {
            if (images[k].length != h * w) {
                throw new IllegalArgumentException("image grid: image " + k + " has " + images[k].length
                        + " values, expected " + h + "x" + w);
            }
            int oy = (k / columns) * (h + 1) * scale + scale;
            int ox = (k % columns) * (w + 1) * scale + scale;
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    int v = (int) Math.round(255 * Math.max(0, Math.min(1, images[k][i * w + j])));
                    int rgb = (v << 16) | (v << 8) | v;
                    for (int a = 0; a < scale; a++) {
                        for (int b = 0; b < scale; b++) {
                            img.setRGB(ox + j * scale + b, oy + i * scale + a, rgb);
                        }
                    }
                }
            }
        }
        prepare(file);
        javax.imageio.ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private static Path save(XYChart chart, Path file) throws IOException {
        prepare(file);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }

    private static void prepare(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("plots are written as PNG: '" + file + "' should end in .png");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static Color pale(Color c) {
        return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }
}
