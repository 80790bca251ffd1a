package org.wellbeing.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files of the repository these checks read: deploy/ and the services' configuration. */
final class Repo {

  /** The repository root, from the system property Surefire sets, or two levels up. */
  static final Path ROOT = locate();

  private Repo() {}

  private static Path locate() {
    String configured = System.getProperty("wellbeing.repository");
    Path root = Path.of(configured != null ? configured : "../..").toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("deploy/checks/pom.xml"))) {
      throw new IllegalStateException("Not the repository root: " + root);
    }
    return root;
  }

  static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  static String read(String relative) {
    return read(path(relative));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The regular files directly in {@code relativeDir} whose names end with {@code suffix}. */
  static List<Path> files(String relativeDir, String suffix) {
    try (Stream<Path> files = Files.list(path(relativeDir))) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code .java} file under {@code relativeDir}, recursively. */
  static List<Path> javaSources(String relativeDir) {
    Path dir = path(relativeDir);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String relative(Path file) {
    return ROOT.relativize(file.toAbsolutePath().normalize()).toString();
  }
}
