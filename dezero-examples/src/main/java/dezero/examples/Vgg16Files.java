package dezero.examples;

import dezero.models.VGG16;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What grad-cam and style-transfer share: the weight file the user gives and reading pictures. */
final class Vgg16Files {
    private Vgg16Files() {
    }

    /** The reference's sample pictures (grad_cam.py, style_transfer.py). */
    static final String ZEBRA_URL = "https://github.com/oreilly-japan/deep-learning-from-scratch-3/raw/images/zebra.jpg";
    static final String STARRY_NIGHT_URL =
            "https://raw.githubusercontent.com/jcjohnson/neural-style/master/examples/inputs/starry_night_google.jpg";

    /** The option line for the weights. */
    static final String WEIGHTS_OPTION = "--weights FILE  the reference's pretrained VGG16 (vgg16.npz, 528 MiB); without it,"
            + " says where to get it and exits with status 0";

    /**
     * Tells the user where the pretrained weights are (the examples never download 528 MiB on their
     * own) and how to run {@code example} with them.
     */
    static void printWhereToGetWeights(String example, String imageOptions, PrintStream out) {
        out.println(example + " needs the pretrained VGG16 weights of the reference DeZero, which are not bundled.");
        out.println("Download them once (528 MiB) from");
        out.println("  " + VGG16.WEIGHTS_URL);
        out.println("e.g. curl -L -o vgg16.npz " + VGG16.WEIGHTS_URL);
        out.println("then run (the model takes about 2 GB of Java heap):");
        out.println("  java -Xmx2g -jar dezero-examples/target/dezero-examples.jar " + example + " --weights vgg16.npz "
                + imageOptions);
    }

    /** A picture javax.imageio can read (PNG, JPEG, GIF, BMP), or an IOException naming the file. */
    static BufferedImage readImage(Path file, String option) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(option + ": no such file: " + file);
        }
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException(option + ": " + file + " is not an image javax.imageio can read (PNG, JPEG, GIF, BMP)");
        }
        return img;
    }

    /** Writes {@code img} as PNG, creating the directory. */
    static Path writePng(BufferedImage img, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
        return file;
    }
}
