package dev.abusedesk.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation or SAM template: the short forms of the intrinsic functions ({@code !Ref},
 * {@code !GetAtt}, {@code !Sub}, ...) become their long forms ({@code {Ref: X}}, {@code
 * {Fn::GetAtt: [A, B]}}), as CloudFormation itself reads them.
 */
final class CloudFormationYaml {

  private static final List<String> FUNCTIONS =
      List.of(
          "Sub",
          "If",
          "Select",
          "Split",
          "Join",
          "Equals",
          "Not",
          "And",
          "Or",
          "FindInMap",
          "Base64",
          "Cidr",
          "GetAZs",
          "ImportValue",
          "Condition");

  private CloudFormationYaml() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return (Map<String, Object>) new Yaml(new Intrinsics()).load(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Intrinsics extends SafeConstructor {
    Intrinsics() {
      super(new LoaderOptions());
      yamlConstructors.put(new Tag("!Ref"), new Function("Ref"));
      yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
      for (String name : FUNCTIONS) {
        yamlConstructors.put(new Tag("!" + name), new Function("Fn::" + name));
      }
    }

    private Object value(Node node) {
      if (node instanceof ScalarNode scalar) {
        return scalar.getValue();
      }
      if (node instanceof SequenceNode sequence) {
        return constructSequence(sequence);
      }
      return constructMapping((MappingNode) node);
    }

    private final class Function extends AbstractConstruct {
      private final String key;

      Function(String key) {
        this.key = key;
      }

      @Override
      public Object construct(Node node) {
        return Map.of(key, value(node));
      }
    }

    private final class GetAtt extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        Object value = value(node);
        return Map.of(
            "Fn::GetAtt", value instanceof String s ? Arrays.asList(s.split("\\.", 2)) : value);
      }
    }
  }
}
