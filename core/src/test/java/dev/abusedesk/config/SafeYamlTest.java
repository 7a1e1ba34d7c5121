package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SafeYamlTest {

  /** The classic: nine levels of nine aliases expand to 9^9 strings when walked naively. */
  static final String BILLION_LAUGHS =
      """
      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
      d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
      e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
      f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
      g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
      h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
      i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
      """;

  // A guard against a hang, not a performance goal: a naive walk would never finish.
  @Test
  @Timeout(10)
  void refusesABillionLaughs() {
    assertThat(Yaml.problems(BILLION_LAUGHS))
        .containsExactly("too many aliases: at most 10 aliases of lists or mappings are allowed");
  }

  @Test
  @Timeout(10)
  void refusesABillionLaughsInsideAKnownSection() {
    String yaml = BILLION_LAUGHS.replace("a: &a", "x: &a").replace("i: &i", "accounts: &i");

    assertThat(Yaml.problems(yaml))
        .containsExactly("too many aliases: at most 10 aliases of lists or mappings are allowed");
  }

  @Test
  @Timeout(10)
  void refusesTooManyAliasesOfPlainValues() {
    StringBuilder yaml = new StringBuilder("x: &v value\nreceivers:\n");
    for (int i = 0; i < 150; i++) {
      yaml.append("  - {name: *v, console: {}}\n");
    }

    assertThat(Yaml.problems(yaml.toString()))
        .containsExactly("receivers[100].name: too many aliases: at most 100 are allowed");
  }

  @Test
  @Timeout(10)
  void refusesARecursiveStructureWithoutLooping() {
    assertThat(Yaml.problems("routes: &r [*r]\n"))
        .containsExactly(
            "routes[0]: must be a mapping",
            "routes: needs a default route: one" + " without match, last in the list");
  }

  @Test
  void allowsAFewAliasesForRepeatedValues() {
    Config config =
        Yaml.parse(
            """
            receivers:
              - {name: a, console: {}, mentions: &oncall ["@oncall"]}
              - {name: b, console: {}, mentions: *oncall}
            """);

    assertThat(config.receiver("b").orElseThrow().mentions()).containsExactly("@oncall");
  }

  @Test
  void refusesTags() {
    assertThat(
            Yaml.problems(
                """
                language: !lang en
                timezone: !!binary VVRD
                storage: !!set {a, b}
                """))
        .containsExactly(
            "language: tags are not allowed: !lang",
            "timezone: tags are not allowed: tag:yaml.org,2002:binary",
            "storage: tags are not allowed: tag:yaml.org,2002:set");
  }

  @Test
  void refusesGlobalTagsThatWouldConstructObjects() {
    assertThat(
            Yaml.problems(
                "storage: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]"))
        .singleElement()
        .satisfies(p -> assertThat(p).startsWith("not valid YAML: "));
  }

  @Test
  void acceptsAnExplicitStringTag() {
    assertThat(Yaml.parse("accounts: [{id: !!str 444455556666}]").accounts())
        .extracting(Account::id)
        .containsExactly("444455556666");
  }

  @Test
  void refusesMergeKeys() {
    assertThat(
            Yaml.problems(
                """
                x: &base {console: {}}
                receivers:
                  - {<<: *base, name: a}
                """))
        .containsExactly("receivers[0].<<: merge keys (<<) are not supported");
  }

  @Test
  void refusesAFileOverOneMebibyte() {
    String yaml = "# " + "x".repeat(SafeYaml.MAX_CHARS) + "\n";

    assertThat(Yaml.problems(yaml)).containsExactly("the file is larger than 1 MiB");
  }

  @Test
  void refusesAHugeValue() {
    String yaml = "language: " + "x".repeat(SafeYaml.MAX_SCALAR_CHARS + 1) + "\n";

    assertThat(Yaml.problems(yaml)).containsExactly("language: longer than 65536 characters");
  }

  @Test
  @Timeout(10)
  void refusesDeepNesting() {
    String yaml = "accounts: " + "[".repeat(100) + "]".repeat(100) + "\n";

    assertThat(Yaml.problems(yaml))
        .singleElement()
        .satisfies(p -> assertThat(p).startsWith("not valid YAML: "));
  }

  @Test
  void refusesMoreThanOneDocument() {
    assertThat(Yaml.problems("language: en\n---\nlanguage: ja\n"))
        .singleElement()
        .satisfies(p -> assertThat(p).startsWith("not valid YAML: "));
  }

  @Test
  void readsYesAndNoAsBooleansButNotAsStrings() {
    Config config =
        Yaml.parse(
            """
            receivers:
              - name: "no"
                email: {host: smtp.example.com, starttls: no, from: a@example.com, to: [b@example.com]}
            """);

    assertThat(config.receivers()).extracting(Receiver::name).containsExactly("no");
    assertThat(((ReceiverKind.Email) config.receivers().get(0).kind()).starttls()).isFalse();
  }
}
