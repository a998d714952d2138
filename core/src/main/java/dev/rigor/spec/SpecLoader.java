package dev.rigor.spec;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a spec file (Rigor YAML/JSON, seed-004 JSON, Scenario Lab spellings), applies {@code --set} overrides, validates. */
public final class SpecLoader {

  private SpecLoader() {}

  /** A validated spec and where it came from. */
  public record Loaded(Spec spec, String source, String text, List<String> overrides, boolean seed004) {

    public Loaded {
      overrides = List.copyOf(overrides);
    }
  }

  public static Loaded load(Path file, List<String> overrides) throws SpecException {
    return load(file, file.toString(), overrides);
  }

  /** Loads {@code file}; messages name it {@code source} (the path as the user wrote it). */
  public static Loaded load(Path file, String source, List<String> overrides) throws SpecException {
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
    SpecTreeReader.Result tree = SpecTreeReader.readAll(source, text);
    SpecNode root = tree.root();
    boolean seed004 = Seed004Format.matches(root);
    if (seed004) {
      root = Seed004Format.convert((SpecNode.MapNode) root);
    }
    root = ScenarioLabKeys.rewrite(root);
    root = SpecOverrides.apply(root, overrides);
    try {
      Spec spec = SpecReader.read(root);
      if (!tree.errors().isEmpty()) {
        throw new SpecException(tree.errors());
      }
      return new Loaded(spec, source, text, overrides, seed004);
    } catch (SpecException e) {
      List<SpecError> all = new java.util.ArrayList<>(tree.errors());
      all.addAll(e.errors());
      all.sort(SpecError.BY_POSITION);
      throw new SpecException(all);
    }
  }
}
