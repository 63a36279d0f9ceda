package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.ConnectorProvider;
import io.fedflow.engine.connector.SiteConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SlurmSettingsTest {
  private static final String JWT =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdW4iOiJsYWJ1c2VyIn0.c2VjcmV0LXNpZ25hdHVyZQ";

  private static Map<String, String> good() {
    Map<String, String> s = new HashMap<>();
    s.put("url", "http://127.0.0.1:6820");
    s.put("user", "fedflow-user");
    s.put("token", "env:SLURM_JWT");
    s.put("workdir", "/home/fedflow-user/jobs/");
    return s;
  }

  private static SlurmSettings read(Map<String, String> s) throws ConnectorException {
    return SlurmSettings.of(new SiteConfig("cineca", "slurm", s), Clock.systemUTC(), n -> JWT);
  }

  @Test
  void theSlurmSiteTypeIsFoundByTheEngine() throws Exception {
    ConnectorProvider slurm =
        ServiceLoader.load(ConnectorProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.type().equals("slurm"))
            .findFirst()
            .orElseThrow();
    // Opening does not reach the cluster: a site that is down does not stop the engine.
    try (var connector = slurm.open(new SiteConfig("cineca", "slurm", good()))) {
      assertThat(connector).isInstanceOf(SlurmConnector.class);
    }
  }

  @Test
  void defaultsFillTheOptionalSettings() throws Exception {
    SlurmSettings s = read(good());
    assertThat(s.api()).isEqualTo("auto");
    assertThat(s.workdir()).isEqualTo("/home/fedflow-user/jobs");
    assertThat(s.partition()).isNull();
    assertThat(s.path()).isEqualTo("/usr/local/bin:/usr/bin:/bin");
    assertThat(s.arrays()).isTrue();
    assertThat(s.maxArraySize()).isEqualTo(1001);
    assertThat(s.maxJobsPerUser()).isNull();
  }

  @Test
  void anInlineTokenIsRefusedWithoutBeingEchoed() {
    Map<String, String> s = good();
    s.put("token", JWT);
    assertThatThrownBy(() -> read(s))
        .isInstanceOf(ConnectorException.class)
        .hasMessage(
            "site cineca: token: expected a reference like file:/path/to/jwt, env:SLURM_JWT or"
                + " command:scontrol token, never the token itself")
        .hasMessageNotContaining(JWT);
  }

  @Test
  void everyMissingOrBadSettingIsNamedAtOnce() {
    Map<String, String> s = new HashMap<>();
    s.put("url", "127.0.0.1:6820");
    s.put("workdir", "jobs");
    s.put("capacityCache", "soon");
    s.put("partiton", "debug");
    s.put("arrays", "yes");
    s.put("maxArraySize", "1");
    s.put("maxJobsPerUser", "many");
    assertThatThrownBy(() -> read(s))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining(
            "site cineca: partiton: expected one of account, api, arrays, capacityCache,"
                + " maxArraySize, maxJobsPerUser, partition")
        .hasMessageContaining(
            "site cineca: url: expected an http(s) URL like http://slurm.example:6820 but found"
                + " '127.0.0.1:6820'")
        .hasMessageContaining("site cineca: user: required")
        .hasMessageContaining("site cineca: token: required")
        .hasMessageContaining(
            "site cineca: workdir: expected an absolute folder on the cluster but found 'jobs'")
        .hasMessageContaining("site cineca: capacityCache: expected")
        .hasMessageContaining("site cineca: arrays: expected true or false but found 'yes'")
        .hasMessageContaining(
            "site cineca: maxArraySize: expected a whole number of at least 2 but found '1'")
        .hasMessageContaining(
            "site cineca: maxJobsPerUser: expected a whole number of at least 1 but found 'many'");
  }
}
