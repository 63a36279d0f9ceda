package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.ConnectorProvider;
import io.fedflow.engine.connector.SiteConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SlurmSettingsTest {
  private static final String JWT =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdW4iOiJsYWJ1c2VyIn0.c2VjcmV0LXNpZ25hdHVyZQ";

  private static Map<String, String> good() {
    Map<String, String> s = new LinkedHashMap<>(); // problems come in the order written
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
    assertThat(s.maxJobsPerUser()).isEqualTo(1000);
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
                + " controlPersist, host, identityFile, knownHosts, maxArraySize, maxJobsPerUser,"
                + " partition, path, port, qos, token, transport, url, user, workdir,"
                + " partitions.<name>.<field>, qos.<name>.<field>\n")
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

  @Test
  void everyBadPartitionOrQosSettingIsNamedAtOnce() {
    Map<String, String> s = good();
    s.put("partitions.gpu.maxWalltime", "a day");
    s.put("partitions.gpu.gpusPerNode", "-1");
    s.put("partitions.gpu.colour", "red");
    s.put("partitions.cpu.maxMemory", "30 gigs");
    s.put("qos.long.maxWalltime", "4d");
    s.put("qos.big.partitions", "gpu, fpga");
    assertThatThrownBy(() -> read(s))
        .isInstanceOf(ConnectorException.class)
        .hasMessage(
            "site cineca: partitions.gpu.colour: expected partitions.<name>.<field>, the field one"
                + " of nodes, cpusPerNode, memoryPerNode, gpusPerNode, gpuModel, cpuModel,"
                + " maxNodes, maxWalltime, maxCpus, maxMemory\n"
                + "site cineca: partitions.gpu.gpusPerNode: expected a whole number of at least 0"
                + " but found '-1'\n"
                + "site cineca: partitions.gpu.maxWalltime: expected a duration like 30m, 24h or"
                + " 4d but found 'a day'\n"
                + "site cineca: partitions.cpu.maxMemory: expected a size like 30.8GB or 512GiB"
                + " but found '30 gigs'\n"
                + "site cineca: qos.long.partitions: required (the partitions it applies to)\n"
                + "site cineca: qos.big.partitions: expected partitions described under"
                + " partitions but found 'fpga'");
  }

  private static Map<String, String> goodSsh() {
    Map<String, String> s = new HashMap<>();
    s.put("transport", "ssh");
    s.put("host", "login.leonardo.cineca.it");
    s.put("user", "aricci00");
    s.put("workdir", "/leonardo_scratch/large/userexternal/aricci00/fedflow");
    return s;
  }

  @Test
  void overSshNeitherUrlNorTokenIsNeededAndDefaultsFillTheRest() throws Exception {
    SlurmSettings s = read(goodSsh());
    assertThat(s.url()).isNull();
    assertThat(s.token()).isNull();
    assertThat(s.ssh())
        .isEqualTo(
            new io.fedflow.connectors.slurm.ssh.SshSettings(
                "login.leonardo.cineca.it", null, "aricci00", null, null, "10m"));
  }

  @Test
  void everyBadSshSettingIsNamedAtOnce() {
    Map<String, String> s = goodSsh();
    s.remove("host");
    s.put("port", "22x");
    s.put("knownHosts", "~/.ssh/known_hosts");
    s.put("controlPersist", "forever");
    s.put("transport", "ssh");
    assertThatThrownBy(() -> read(s))
        .isInstanceOf(ConnectorException.class)
        .hasMessage(
            String.join(
                "\n",
                "site cineca: host: required with transport: ssh (the login node)",
                "site cineca: port: expected a port from 1 to 65535 but found '22x'",
                "site cineca: knownHosts: expected an absolute path without blanks or % but found"
                    + " '~/.ssh/known_hosts'",
                "site cineca: controlPersist: expected yes, no or a time like 600, 10m, 1h30m but"
                    + " found 'forever'"));
  }

  @Test
  void aKeyGivenInsteadOfItsPathIsRefusedWithoutBeingEchoed() {
    Map<String, String> s = goodSsh();
    String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n";
    s.put("identityFile", key);
    assertThatThrownBy(() -> read(s))
        .hasMessage(
            "site cineca: identityFile: expected the absolute path of a key file (without blanks"
                + " or %), never the key itself")
        .hasMessageNotContaining("b3BlbnNzaC1rZXktdjEAAAAA");
  }

  @Test
  void sshSettingsOnARestSiteAndAnUnknownTransportAreNamed() {
    Map<String, String> s = good();
    s.put("host", "login");
    assertThatThrownBy(() -> read(s))
        .hasMessage("site cineca: host: used only with transport: ssh");
    Map<String, String> t = goodSsh();
    t.put("transport", "mail");
    assertThatThrownBy(() -> read(t))
        .hasMessageStartingWith("site cineca: transport: expected rest or ssh but found 'mail'\n")
        .hasMessageContaining("site cineca: url: required");
  }
}
