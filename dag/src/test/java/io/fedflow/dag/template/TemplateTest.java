package io.fedflow.dag.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private static final TemplateContext CONTEXT =
      new TemplateContext(
          Map.of("epochs", "20"),
          "17",
          Map.of("lr", "0.01"),
          "simulate[017]",
          "simulate",
          17,
          "higgs");

  @Test
  void rendersEveryKindOfName() {
    Template t =
        Template.parse(
            "{{workflow.name}}/{{job.name}}/{{job.id}}#{{job.index}} e={{params.epochs}}"
                + " i={{item}} lr={{item.lr}}");

    assertThat(t.render(CONTEXT)).isEqualTo("higgs/simulate/simulate[017]#17 e=20 i=17 lr=0.01");
  }

  @Test
  void allowsSpacesInsideTheBraces() {
    assertThat(Template.parse("out-{{  item }}.root").render(CONTEXT)).isEqualTo("out-17.root");
  }

  @Test
  void writesALiteralOpeningWithAQuotedOpening() {
    Template t = Template.parse("echo {{\"{{\"}} not a name }} {{ item }}");

    assertThat(t.render(CONTEXT)).isEqualTo("echo {{ not a name }} 17");
    assertThat(t.placeholders()).extracting(Placeholder::name).containsExactly("item");
  }

  @Test
  void leavesTextWithoutPlaceholdersAsItIs() {
    Template t = Template.parse("a }} b { c");

    assertThat(t.isConstant()).isTrue();
    assertThat(t.render(CONTEXT)).isEqualTo("a }} b { c");
  }

  @Test
  void refusesAnUnclosedPlaceholder() {
    assertThatThrownBy(() -> Template.parse("echo {{ item"))
        .isInstanceOf(TemplateSyntaxException.class)
        .hasMessage("expected a template closed by '}}' but found '{{ item'");
  }

  @Test
  void refusesAnEmptyName() {
    assertThatThrownBy(() -> Template.parse("x{{ }}y"))
        .hasMessage("expected a template name such as params.NAME or item but found '{{ }}'");
  }

  @Test
  void refusesAMalformedName() {
    for (String bad : List.of("{{item.}}", "{{ 1abc }}", "{{params..x}}", "{{a b}}", "{{it$em}}")) {
      assertThatThrownBy(() -> Template.parse("run " + bad))
          .as(bad)
          .hasMessage(
              "expected a template name such as params.NAME or item but found '" + bad + "'");
    }
  }

  @Test
  void listsTheUnknownNamesInOrder() {
    TemplateNames names = TemplateNames.of(List.of("epochs")).withItemKeys(List.of("lr", "depth"));
    Template t = Template.parse("{{item.rate}} {{params.epochs}} {{item}} {{ job.id }} {{x.y}}");

    assertThat(t.unknown(names))
        .extracting(Placeholder::written)
        .containsExactly("{{item.rate}}", "{{item}}", "{{x.y}}");
    assertThat(names)
        .hasToString(
            "params.epochs, item.lr, item.depth, job.id, job.name, job.index, workflow.name");
  }

  @Test
  void knowsItemOnlyForAScalarFanOut() {
    TemplateNames base = TemplateNames.of(List.of());

    assertThat(base.contains("item")).isFalse();
    assertThat(base.withItem().contains("item")).isTrue();
    assertThat(base.withItem().contains("item.x")).isFalse();
    assertThat(base.withItemKeys(List.of("x")).contains("item")).isFalse();
    assertThat(base.paramsOnly().contains("job.id")).isFalse();
  }

  @Test
  void neverRendersAnUnknownNameAsEmpty() {
    Template t = Template.parse("{{params.missing}}");

    assertThatThrownBy(() -> t.render(CONTEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value for the template name 'params.missing'");
  }
}
