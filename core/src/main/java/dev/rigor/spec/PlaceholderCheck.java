package dev.rigor.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every {@code {name}} in a template must have a value in every trial: a fixed param, a matrix axis,
 * a param that every ablation defines, or one of the names Rigor always sets. Checked at load time,
 * so a typo fails before the first trial rather than in the hundredth.
 */
final class PlaceholderCheck {

  /** A session's working directory, known to every template of a session spec. */
  static final String WORKDIR = "workdir";

  private final NodeReader r;
  private final Set<String> everywhere = new LinkedHashSet<>();
  private final List<Ablation> ablations;

  PlaceholderCheck(NodeReader r, Map<String, Object> params, Matrix matrix, Seeds seeds, List<Ablation> ablations) {
    this.r = r;
    this.ablations = ablations;
    everywhere.addAll(params.keySet());
    everywhere.addAll(matrix.axes().keySet());
    everywhere.addAll(SpecReader.RESERVED);
    if (!seeds.declared()) {
      everywhere.remove("seed");
    }
  }

  void check(SpecNode.MapNode top) {
    if (top.get("session") instanceof SpecNode.MapNode session) {
      everywhere.add(WORKDIR);
      checkEach(session.get("command"), "session.command");
      checkIfPresent(session.get("initial_prompt"), "session.initial_prompt");
      if (!(session.get("workdir") instanceof SpecNode.ScalarNode w && "fresh".equals(w.value()))) {
        checkIfPresent(session.get("workdir"), "session.workdir");
      }
      List<SpecNode> actions = new ArrayList<>();
      if (session.get("reactors") instanceof SpecNode.ListNode reactors) {
        actions.addAll(reactors.items());
      }
      actions.add(session.get("default"));
      for (SpecNode action : actions) {
        if (action instanceof SpecNode.MapNode a) {
          checkIfPresent(a.get("send"), "a send");
          checkEach(a.get("program"), "a program");
        }
      }
    }
    if (top.get("verify") instanceof SpecNode.MapNode verify) {
      checkEach(verify.get("command"), "verify.command");
      if (verify.get("files") instanceof SpecNode.ListNode files) {
        files.items().forEach(f -> {
          if (f instanceof SpecNode.MapNode m) {
            checkIfPresent(m.get("path"), "verify.files[].path");
            checkIfPresent(m.get("contains"), "verify.files[].contains");
            checkIfPresent(m.get("equals"), "verify.files[].equals");
          }
        });
      }
    }
    if (top.get("command") instanceof SpecNode.ListNode list) {
      list.items().forEach(item -> check(item, "command"));
    }
    checkIfPresent(top.get("shell"), "shell");
    checkIfPresent(top.get("workdir"), "workdir");
    if (top.get("env") instanceof SpecNode.MapNode envNode) {
      envNode.fields().values().forEach(f -> check(f.value(), "env." + f.key()));
    }
    if (top.get("success") instanceof SpecNode.MapNode s && s.get("files") instanceof SpecNode.ListNode files) {
      files.items().forEach(item -> check(item, "success.files"));
    }
    if (top.get("metrics") instanceof SpecNode.ListNode list) {
      for (SpecNode item : list.items()) {
        if (item instanceof SpecNode.MapNode m) {
          checkIfPresent(m.get("csv"), "a csv metric path");
          checkIfPresent(m.get("json"), "a json metric path");
        }
      }
    }
  }

  private void checkEach(SpecNode node, String where) {
    if (node instanceof SpecNode.ListNode list) {
      list.items().forEach(item -> check(item, where));
    }
  }

  private void checkIfPresent(SpecNode node, String where) {
    if (node != null) {
      check(node, where);
    }
  }

  private void check(SpecNode node, String where) {
    if (!(node instanceof SpecNode.ScalarNode s) || s.value() == null || s.value() instanceof Boolean) {
      return;
    }
    Template template;
    try {
      template = Template.parse(String.valueOf(s.value()));
    } catch (IllegalArgumentException malformed) {
      return; // already reported by NodeReader.template
    }
    for (String name : template.names()) {
      if (everywhere.contains(name)) {
        continue;
      }
      List<String> definedBy = new ArrayList<>();
      for (Ablation a : ablations) {
        if (a.params().containsKey(name)) {
          definedBy.add(a.name());
        }
      }
      if (definedBy.size() == ablations.size()) {
        continue;
      }
      if (!definedBy.isEmpty()) {
        r.error(node.position(), "placeholder '{" + name + "}' in " + where + " has no value in ablations without it (defined only by "
            + String.join(", ", definedBy) + ")", "give it a default in params, or define it in every ablation");
      } else if (name.equals("seed")) {
        r.error(node.position(), "placeholder '{seed}' in " + where + " but the spec declares no seeds",
            "add e.g. seeds: [1, 2, 3]");
      } else {
        Set<String> known = new LinkedHashSet<>(everywhere);
        String hint = DidYouMean.closest(name, known);
        r.error(node.position(), "unknown placeholder '{" + name + "}' in " + where,
            (hint != null ? "did you mean '{" + hint + "}'? " : "") + "known: " + String.join(", ", known.stream().sorted().toList())
                + " (write {{ for a literal brace)");
      }
    }
  }
}
