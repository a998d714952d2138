package dev.rigor.spec;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a spec file (Rigor YAML/JSON or seed-004 JSON), applies {@code --set} overrides, validates. */
public final class SpecLoader {

  private SpecLoader() {}

  /** A validated spec and where it came from. */
  public record Loaded(Spec spec, String source, String text, List<String> overrides, boolean seed004) {

    public Loaded {
      overrides = List.copyOf(overrides);
    }
  }

  public static Loaded load(Path file, List<String> overrides) throws SpecException {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new SpecException(new SpecError(SourcePosition.of(source), "no such spec file",
          "check the path (relative to " + Path.of("").toAbsolutePath() + ")"));
    } catch (MalformedInputException e) {
      throw new SpecException(new SpecError(SourcePosition.of(source), "the spec is not UTF-8 text", "save it as UTF-8"));
    } catch (IOException e) {
      throw new SpecException(new SpecError(SourcePosition.of(source), "cannot read the spec: " + e.getMessage(), "check the path and permissions"));
    }
    return parse(source, text, overrides);
  }

  public static Loaded parse(String source, String text, List<String> overrides) throws SpecException {
    SpecNode root = SpecTreeReader.read(source, text);
    boolean seed004 = Seed004Format.matches(root);
    if (seed004) {
      root = Seed004Format.convert((SpecNode.MapNode) root);
    }
    root = SpecOverrides.apply(root, overrides);
    return new Loaded(SpecReader.read(root), source, text, overrides, seed004);
  }
}
